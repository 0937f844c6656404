-- Introspection as Odoo answers it (issue 21): ir.model says whether a model is transient (a wizard)
-- and what it is for, and ir.model.fields lists every field of every model. Both are global reference
-- data; the rows come from the model registry (sql/modules/base/model_fields.sql, generated).
ALTER TABLE ir_model ADD COLUMN transient boolean NOT NULL DEFAULT false;
ALTER TABLE ir_model ADD COLUMN state text NOT NULL DEFAULT 'base' CHECK (state IN ('manual', 'base'));
ALTER TABLE ir_model ADD COLUMN info text;

CREATE TABLE ir_model_fields (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_id int NOT NULL REFERENCES ir_model (id) ON DELETE CASCADE,
    model text NOT NULL,
    name text NOT NULL,
    field_description text NOT NULL,
    ttype text NOT NULL,
    relation text,
    relation_field text,
    required boolean NOT NULL DEFAULT false,
    readonly boolean NOT NULL DEFAULT false,
    store boolean NOT NULL DEFAULT true,
    state text NOT NULL DEFAULT 'base' CHECK (state IN ('manual', 'base')),
    UNIQUE (model, name)
);
CREATE INDEX ir_model_fields_model_id ON ir_model_fields (model_id);
COMMENT ON TABLE ir_model_fields IS 'The fields of the models offered by the API (global; written from the model registry).';
INSERT INTO ir_model (model, name, info) VALUES ('ir.model.fields', 'Fields', 'The fields of every model of the API.');
