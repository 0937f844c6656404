-- Contacts: job position, tax id, and tags (res.partner.category), as Flectra's contacts have them.

ALTER TABLE res_partner ADD COLUMN function text, ADD COLUMN vat text;

CREATE TABLE res_partner_category (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (name <> ''),
    color int NOT NULL DEFAULT 0,
    parent_id int,
    active boolean NOT NULL DEFAULT true,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, parent_id) REFERENCES res_partner_category (company_id, id)
);
CREATE INDEX res_partner_category_name ON res_partner_category (company_id, name);
COMMENT ON TABLE res_partner_category IS 'Contact tags of a company.';
SELECT embudo.enable_tenancy('res_partner_category');
SELECT embudo.enable_shared_record_policies('res_partner_category');

-- Which contact has which tag (Odoo's table and column names). A link needs both in one company.
CREATE TABLE res_partner_res_partner_category_rel (
    company_id int NOT NULL,
    partner_id int NOT NULL,
    category_id int NOT NULL,
    PRIMARY KEY (company_id, partner_id, category_id),
    FOREIGN KEY (company_id, partner_id) REFERENCES res_partner (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, category_id) REFERENCES res_partner_category (company_id, id) ON DELETE CASCADE
);
CREATE INDEX res_partner_category_rel_category ON res_partner_res_partner_category_rel (company_id, category_id);
SELECT embudo.enable_tenancy('res_partner_res_partner_category_rel');
CREATE POLICY member_all ON res_partner_res_partner_category_rel TO embudo_service USING (true) WITH CHECK (true);
CREATE POLICY bi_read ON res_partner_res_partner_category_rel FOR SELECT TO embudo_bi USING (true);
