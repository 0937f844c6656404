-- Contact titles (Mister, Madam, Doctor…), shared by all companies as in Odoo.

CREATE TABLE res_partner_title (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE,
    shortcut text
);
GRANT SELECT ON res_partner_title TO embudo_service, embudo_bi;
INSERT INTO res_partner_title (name, shortcut) VALUES
    ('Doctor', 'Dr.'), ('Madam', 'Mrs.'), ('Miss', 'Miss'), ('Mister', 'Mr.'), ('Professor', 'Prof.');
INSERT INTO ir_model_data (module, name, model, res_id)
SELECT 'base', 'res_partner_title_' || CASE name WHEN 'Doctor' THEN 'doctor' WHEN 'Madam' THEN 'madam' WHEN 'Miss' THEN 'miss'
                                           WHEN 'Mister' THEN 'mister' ELSE 'prof' END, 'res.partner.title', id
FROM res_partner_title;
INSERT INTO ir_model (model, name) VALUES ('res.partner.title', 'Partner Title');

ALTER TABLE res_partner ADD COLUMN title int REFERENCES res_partner_title (id);
