-- ir.model: the models the API offers (clients ask it whether a model exists: `'crm.lead' in env`).
-- Global, like Odoo's; each migration that adds a model adds its row.

CREATE TABLE ir_model (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model text NOT NULL UNIQUE,
    name text NOT NULL
);
COMMENT ON TABLE ir_model IS 'The models offered by the API (global).';
GRANT SELECT ON ir_model TO embudo_service;

INSERT INTO ir_model (model, name) VALUES
    ('res.company', 'Companies'),
    ('res.users', 'Users'),
    ('res.partner', 'Contact'),
    ('res.partner.category', 'Partner Tags'),
    ('ir.model', 'Models');
