-- Embudo's schema: what holds state (extensions, types, schemas, tables, their columns, constraints,
-- indexes and comments). The history of migrations 0001–0022 squashed into one baseline before the
-- first deployment; later changes to state go in new migrations after it.
--
-- Runs as embudo_owner (the migrator does SET LOCAL ROLE), so everything here is owned by it, in one
-- transaction with the other pending migrations and the definitions of sql/modules/, which the
-- migrator applies after them: the functions, triggers, policies, views and grants that hold no state.
-- A migration therefore never calls a module's function (on a fresh database the modules come after
-- it), and a column default that calls one (embudo.current_user_id(), embudo.default_currency()) is
-- set by the module that defines the function, with ALTER TABLE … SET DEFAULT.
--
-- Tables come in the order their references need: reference data and identity, contacts, the CRM,
-- sales, activities, then mail, which refers to leads and orders.

-- pgcrypto (bcrypt password hashes, random tokens) is installed by sql/bootstrap.sql in its own schema,
-- embudo_crypto, which only embudo_owner may use.

-- Access levels, in increasing order: documents of one's own, all documents, administrator.
-- No membership row at all means no access.
CREATE TYPE embudo.access_level AS ENUM ('own', 'all', 'admin');

-- ---------------------------------------------------------------------------------------------------
-- Reference data shared by all companies (global, read-only for the service and BI): currencies (ISO
-- 4217), countries and their first-level subdivisions (ISO 3166-1/-2), languages, contact titles, the
-- models the API offers and the external ids clients look records up by
-- (`ir.model.data.check_object_reference`). The rows are in 0002_reference_data.sql.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE res_currency (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE,          -- ISO 4217 code, as Odoo names currencies
    full_name text NOT NULL,
    symbol text NOT NULL,
    rounding numeric NOT NULL DEFAULT 0.01,
    decimal_places int NOT NULL DEFAULT 2,
    active boolean NOT NULL DEFAULT false
);

CREATE TABLE res_country (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    code text NOT NULL UNIQUE,          -- ISO 3166-1 alpha-2
    currency_id int REFERENCES res_currency (id)
);

CREATE TABLE res_country_state (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    country_id int NOT NULL REFERENCES res_country (id),
    name text NOT NULL,
    code text NOT NULL,                 -- the part of the ISO 3166-2 code after the country
    UNIQUE (country_id, code)
);

CREATE TABLE res_lang (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    code text NOT NULL UNIQUE,          -- locale code, as Odoo's (en_US, es_ES)
    iso_code text NOT NULL,
    direction text NOT NULL DEFAULT 'ltr' CHECK (direction IN ('ltr', 'rtl')),
    active boolean NOT NULL DEFAULT false
);

-- Contact titles (Mister, Madam, Doctor…), shared by all companies as in Odoo.
CREATE TABLE res_partner_title (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE,
    shortcut text
);

-- ir.model: the models the API offers (clients ask it whether a model exists: `'crm.lead' in env`).
CREATE TABLE ir_model (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model text NOT NULL UNIQUE,
    name text NOT NULL
);
COMMENT ON TABLE ir_model IS 'The models offered by the API (global).';

-- Odoo's system parameters (ir.config_parameter); `web.base.url` builds links in e-mails.
CREATE TABLE ir_config_parameter (
    key text PRIMARY KEY,
    value text NOT NULL
);

-- ---------------------------------------------------------------------------------------------------
-- Identity: global, not per company. Not exposed to BI logins; the service reads it to log users in.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE res_users (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login text NOT NULL CHECK (login <> '' AND login = btrim(login)),
    name text NOT NULL CHECK (name <> ''),
    email text,
    tz text NOT NULL DEFAULT 'UTC' CHECK (tz <> ''),
    lang text NOT NULL DEFAULT 'en_US',
    password_hash text,
    active boolean NOT NULL DEFAULT true,
    create_date timestamptz NOT NULL DEFAULT now(),
    write_date timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX res_users_login_key ON res_users (lower(login));
COMMENT ON TABLE res_users IS 'Login identities, shared by all companies; access to a company is a res_company_member row.';

CREATE TABLE res_company (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL CHECK (name <> '' AND name = btrim(name)),
    active boolean NOT NULL DEFAULT true,
    create_date timestamptz NOT NULL DEFAULT now(),
    write_date timestamptz NOT NULL DEFAULT now(),
    -- The "Leads" setting (Odoo's crm.group_use_lead).
    crm_use_leads boolean NOT NULL DEFAULT false,
    -- The company's currency (amounts of leads and reports); its default, US dollars, is set by
    -- modules/base/companies.sql (embudo.default_currency()).
    currency_id int NOT NULL REFERENCES res_currency (id),
    -- "Lock Confirmed Sales" (sale.group_auto_done_setting) and the default quotation validity.
    sale_auto_done boolean NOT NULL DEFAULT false,
    quotation_validity_days int NOT NULL DEFAULT 30 CHECK (quotation_validity_days >= 0),
    -- The time zone of report months.
    tz text NOT NULL DEFAULT 'UTC' CHECK (tz <> ''),
    -- The mail domain of its aliases.
    alias_domain text UNIQUE CHECK (alias_domain = lower(btrim(alias_domain)) AND alias_domain LIKE '%.%')
);
CREATE UNIQUE INDEX res_company_name_key ON res_company (lower(name));
COMMENT ON TABLE res_company IS 'The tenants. Every tenant table has company_id NOT NULL referencing this table.';

-- Who may act in which company, and at what level.
CREATE TABLE res_company_member (
    company_id int NOT NULL REFERENCES res_company (id) ON DELETE CASCADE,
    user_id int NOT NULL REFERENCES res_users (id) ON DELETE CASCADE,
    access_level embudo.access_level NOT NULL,
    PRIMARY KEY (company_id, user_id)
);
CREATE INDEX res_company_member_user ON res_company_member (user_id, company_id);
COMMENT ON TABLE res_company_member IS 'A user''s access level in a company; no row means no access.';

-- API keys, usable wherever a password is (Odoo 14+) and as JSON-2 bearer tokens; only a SHA-256 is
-- kept (a key is 160 random bits, so a fast hash is enough). Created by `embudo user api-key create`.
CREATE TABLE embudo.user_api_key (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id int NOT NULL REFERENCES res_users (id) ON DELETE CASCADE,
    name text NOT NULL CHECK (name <> ''),
    key_hash bytea NOT NULL UNIQUE,
    create_date timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_api_key_user ON embudo.user_api_key (user_id);

-- The BI group role of each company (role names are cluster-wide, so they carry a random suffix).
-- BI logins read it (it holds company ids and role names, both visible in pg_roles anyway).
CREATE TABLE embudo.company_bi_role (
    company_id int PRIMARY KEY REFERENCES res_company (id) ON DELETE CASCADE,
    role_name name NOT NULL UNIQUE
);

-- Disabled companies (`embudo company disable`), kept outside row-level security: the tenant context's
-- helpers run inside every policy, and reading res_company (itself under a policy) from them would
-- recurse.
CREATE TABLE embudo.disabled_company (
    company_id int PRIMARY KEY REFERENCES res_company (id) ON DELETE CASCADE
);

-- Web sessions (`/web/session/*`, `/web/dataset/call_kw`), kept in PostgreSQL so that several server
-- processes share them. The cookie carries a random token; only its SHA-256 is stored.
CREATE TABLE embudo.http_session (
    token_hash bytea PRIMARY KEY,
    user_id int NOT NULL REFERENCES res_users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
);
CREATE INDEX http_session_user ON embudo.http_session (user_id);
CREATE INDEX http_session_expiry ON embudo.http_session (expires_at);

-- External ids. Default records of a company carry external ids (crm.stage_lead1…) that resolve per
-- company; global records have none.
CREATE TABLE ir_model_data (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    module text NOT NULL,
    name text NOT NULL,
    model text NOT NULL,
    res_id int NOT NULL,
    company_id int REFERENCES res_company (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ir_model_data_key ON ir_model_data (module, name, company_id) NULLS NOT DISTINCT;

-- ---------------------------------------------------------------------------------------------------
-- Contacts
-- ---------------------------------------------------------------------------------------------------

-- Records are read by id (Odoo clients always do): ids come from one identity sequence per table, so
-- they are unique on their own, and a lookup by id must not depend on the planner guessing how many
-- companies the tenant fence lets through. Hence the unique index on id of every tenant table.

CREATE TABLE res_partner (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (name <> ''),
    is_company boolean NOT NULL DEFAULT false,
    parent_id int,
    email text,
    phone text,
    mobile text,
    website text,
    street text,
    street2 text,
    city text,
    zip text,
    lang text,
    comment text,
    user_id int,
    active boolean NOT NULL DEFAULT true,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    -- Job position and tax id, as Flectra's contacts have them.
    function text,
    vat text,
    country_id int REFERENCES res_country (id),
    state_id int REFERENCES res_country_state (id),
    title int REFERENCES res_partner_title (id),
    -- The customer's sales team, pricelist and payment term (their foreign keys follow their tables).
    team_id int,
    property_product_pricelist int,
    property_payment_term_id int,
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, parent_id) REFERENCES res_partner (company_id, id),
    -- The salesperson must belong to the partner's company.
    FOREIGN KEY (company_id, user_id) REFERENCES res_company_member (company_id, user_id) ON DELETE SET NULL (user_id)
);
CREATE UNIQUE INDEX res_partner_id ON res_partner (id);
CREATE INDEX res_partner_parent ON res_partner (company_id, parent_id);
CREATE INDEX res_partner_user ON res_partner (company_id, user_id);
CREATE INDEX res_partner_name ON res_partner (company_id, name);
CREATE INDEX res_partner_country ON res_partner (company_id, country_id);
CREATE INDEX res_partner_team ON res_partner (company_id, team_id);
COMMENT ON TABLE res_partner IS 'Contacts and customers of a company.';

-- Contact tags (res.partner.category).
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
CREATE UNIQUE INDEX res_partner_category_id ON res_partner_category (id);
CREATE INDEX res_partner_category_name ON res_partner_category (company_id, name);
COMMENT ON TABLE res_partner_category IS 'Contact tags of a company.';

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

-- ---------------------------------------------------------------------------------------------------
-- CRM: sales teams, stages, tags, lost reasons, UTM, leads and opportunities (one table), wizards.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE crm_team (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (btrim(name) <> ''),
    sequence int NOT NULL DEFAULT 10,
    active boolean NOT NULL DEFAULT true,
    user_id int,
    color int NOT NULL DEFAULT 0,
    use_leads boolean NOT NULL DEFAULT false,
    use_opportunities boolean NOT NULL DEFAULT true,
    use_quotations boolean NOT NULL DEFAULT false,
    invoiced_target numeric(16, 2) NOT NULL DEFAULT 0,
    alias_name text CHECK (alias_name ~ '^[a-z0-9!#$%&''*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&''*+/=?^_`{|}~-]+)*$'),
    alias_contact text NOT NULL DEFAULT 'everyone' CHECK (alias_contact IN ('everyone', 'partners', 'followers')),
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, user_id) REFERENCES res_company_member (company_id, user_id) ON DELETE SET NULL (user_id)
);
CREATE UNIQUE INDEX crm_team_id ON crm_team (id);
-- Mail reaches a team by its alias: one alias name per company mail domain.
CREATE UNIQUE INDEX crm_team_alias ON crm_team (company_id, alias_name) WHERE alias_name IS NOT NULL;
COMMENT ON TABLE crm_team IS 'Sales teams: leader, members, pipeline options, monthly target, email alias.';

-- Team members (Odoo's res.users.sale_team_id): a user belongs to at most one team per company.
CREATE TABLE crm_team_member (
    company_id int NOT NULL,
    team_id int NOT NULL,
    user_id int NOT NULL,
    PRIMARY KEY (company_id, user_id),
    FOREIGN KEY (company_id, team_id) REFERENCES crm_team (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, user_id) REFERENCES res_company_member (company_id, user_id) ON DELETE CASCADE
);
CREATE INDEX crm_team_member_team ON crm_team_member (company_id, team_id);

CREATE TABLE crm_stage (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (btrim(name) <> ''),
    sequence int NOT NULL DEFAULT 1,
    is_won boolean NOT NULL DEFAULT false,
    fold boolean NOT NULL DEFAULT false,
    requirements text,
    team_id int,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    -- Deleting a team frees its stages.
    FOREIGN KEY (company_id, team_id) REFERENCES crm_team (company_id, id) ON DELETE SET NULL (team_id)
);
CREATE UNIQUE INDEX crm_stage_id ON crm_stage (id);
CREATE INDEX crm_stage_order ON crm_stage (company_id, sequence, id);

CREATE TABLE crm_tag (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (btrim(name) <> ''),
    color int NOT NULL DEFAULT (1 + floor(random() * 11))::int,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    CONSTRAINT crm_tag_name_uniq UNIQUE (company_id, name)
);
CREATE UNIQUE INDEX crm_tag_id ON crm_tag (id);

CREATE TABLE crm_lost_reason (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (btrim(name) <> ''),
    active boolean NOT NULL DEFAULT true,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id)
);
CREATE UNIQUE INDEX crm_lost_reason_id ON crm_lost_reason (id);

CREATE TABLE utm_campaign (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (btrim(name) <> ''),
    active boolean NOT NULL DEFAULT true,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id)
);
CREATE TABLE utm_medium (LIKE utm_campaign INCLUDING ALL);
CREATE TABLE utm_source (LIKE utm_campaign INCLUDING ALL);
ALTER TABLE utm_medium ADD FOREIGN KEY (company_id) REFERENCES res_company (id);
ALTER TABLE utm_source ADD FOREIGN KEY (company_id) REFERENCES res_company (id);
CREATE UNIQUE INDEX utm_campaign_id ON utm_campaign (id);
CREATE UNIQUE INDEX utm_medium_id ON utm_medium (id);
CREATE UNIQUE INDEX utm_source_id ON utm_source (id);

CREATE TABLE crm_lead (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (btrim(name) <> ''),
    type text NOT NULL CHECK (type IN ('lead', 'opportunity')),
    active boolean NOT NULL DEFAULT true,
    priority text NOT NULL DEFAULT '0' CHECK (priority IN ('0', '1', '2', '3')),
    user_id int,  -- defaults to the acting user (modules/crm/leads.sql)
    team_id int,
    stage_id int,
    color int NOT NULL DEFAULT 0,
    description text,
    referred text,
    expected_revenue numeric(16, 2) NOT NULL DEFAULT 0,
    probability double precision CHECK (probability BETWEEN 0 AND 100),
    automated_probability double precision CHECK (automated_probability BETWEEN 0 AND 100),
    prorated_revenue numeric(16, 2) GENERATED ALWAYS AS (round(expected_revenue * coalesce(probability, 0)::numeric / 100, 2)) STORED,
    date_deadline date,
    date_closed timestamptz,
    date_open timestamptz,
    date_last_stage_update timestamptz NOT NULL DEFAULT now(),
    date_conversion timestamptz,
    partner_id int,
    partner_name text,
    contact_name text,
    title int REFERENCES res_partner_title (id),
    function text,
    email_from text,
    email_normalized text,
    email_cc text,
    phone text,
    mobile text,
    website text,
    lang_id int REFERENCES res_lang (id),
    street text,
    street2 text,
    zip text,
    city text,
    state_id int REFERENCES res_country_state (id),
    country_id int REFERENCES res_country (id),
    lost_reason int,
    campaign_id int,
    medium_id int,
    source_id int,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    day_open double precision GENERATED ALWAYS AS (abs(extract(epoch FROM date_open - create_date)::double precision / 86400)) STORED,
    day_close double precision GENERATED ALWAYS AS (abs(extract(epoch FROM date_closed - create_date)::double precision / 86400)) STORED,
    -- Delivery failures reported for the lead's address.
    message_bounce int NOT NULL DEFAULT 0,
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, user_id) REFERENCES res_company_member (company_id, user_id) ON DELETE SET NULL (user_id),
    FOREIGN KEY (company_id, team_id) REFERENCES crm_team (company_id, id) ON DELETE SET NULL (team_id),
    FOREIGN KEY (company_id, stage_id) REFERENCES crm_stage (company_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (company_id, partner_id) REFERENCES res_partner (company_id, id) ON DELETE SET NULL (partner_id),
    FOREIGN KEY (company_id, lost_reason) REFERENCES crm_lost_reason (company_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (company_id, campaign_id) REFERENCES utm_campaign (company_id, id) ON DELETE SET NULL (campaign_id),
    FOREIGN KEY (company_id, medium_id) REFERENCES utm_medium (company_id, id) ON DELETE SET NULL (medium_id),
    FOREIGN KEY (company_id, source_id) REFERENCES utm_source (company_id, id) ON DELETE SET NULL (source_id)
);
CREATE UNIQUE INDEX crm_lead_id ON crm_lead (id);
CREATE INDEX crm_lead_user_team_type ON crm_lead (company_id, user_id, team_id, type);
CREATE INDEX crm_lead_create_date_team ON crm_lead (company_id, create_date, team_id);
CREATE INDEX crm_lead_stage ON crm_lead (company_id, stage_id);
CREATE INDEX crm_lead_team_stage ON crm_lead (company_id, team_id, stage_id) INCLUDE (expected_revenue, probability);
CREATE INDEX crm_lead_partner ON crm_lead (company_id, partner_id);
CREATE INDEX crm_lead_email ON crm_lead (company_id, email_normalized);
CREATE INDEX crm_lead_lost_reason ON crm_lead (company_id, lost_reason);
COMMENT ON TABLE crm_lead IS 'Leads and opportunities (one record, converted in place).';

CREATE TABLE crm_tag_rel (
    company_id int NOT NULL,
    lead_id int NOT NULL,
    tag_id int NOT NULL,
    PRIMARY KEY (company_id, lead_id, tag_id),
    FOREIGN KEY (company_id, lead_id) REFERENCES crm_lead (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, tag_id) REFERENCES crm_tag (company_id, id) ON DELETE CASCADE
);
CREATE INDEX crm_tag_rel_tag ON crm_tag_rel (company_id, tag_id);

-- Closed opportunities per team and month, kept by the lead trigger, so that a new lead's probability
-- (the team's share of won among its closed opportunities of the last year) does not depend on which
-- leads the salesperson may read.
CREATE TABLE crm_team_closing (
    company_id int NOT NULL REFERENCES res_company (id),
    team_id int NOT NULL,
    month date NOT NULL,
    won int NOT NULL DEFAULT 0,
    lost int NOT NULL DEFAULT 0,
    PRIMARY KEY (company_id, team_id, month),
    FOREIGN KEY (company_id, team_id) REFERENCES crm_team (company_id, id) ON DELETE CASCADE
);

-- A customer's sales team.
ALTER TABLE res_partner ADD FOREIGN KEY (company_id, team_id) REFERENCES crm_team (company_id, id) ON DELETE SET NULL (team_id);

-- Wizards (Odoo's transient models: crm.lead.lost, crm.lead2opportunity.partner, res.config.settings…):
-- a client creates one, then calls its action with the wizard's id. Each user sees only their own. The
-- creator's default (embudo.current_user_id()) is set by modules/crm/wizards.sql.
CREATE TABLE embudo.transient_record (
    company_id int NOT NULL REFERENCES res_company (id) ON DELETE CASCADE,
    id int GENERATED ALWAYS AS IDENTITY,
    model text NOT NULL,
    vals jsonb NOT NULL DEFAULT '{}',
    context jsonb NOT NULL DEFAULT '{}',
    create_uid int NOT NULL REFERENCES res_users (id) ON DELETE CASCADE,
    create_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id)
);
CREATE UNIQUE INDEX transient_record_id ON embudo.transient_record (id);
CREATE INDEX transient_record_age ON embudo.transient_record (create_date);

-- ---------------------------------------------------------------------------------------------------
-- Sales: units of measure (global, like currencies), taxes, payment terms, products, pricelists, the
-- CFDI 3.3 catalogues (SAT) Mexican customers need, sales orders with lines and optional products, and
-- the links of the customers' online answers.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE uom_category (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE
);
CREATE TABLE uom_uom (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    category_id int NOT NULL REFERENCES uom_category (id),
    uom_type text NOT NULL DEFAULT 'reference' CHECK (uom_type IN ('bigger', 'reference', 'smaller')),
    -- How many of this unit make one reference unit (Odoo's factor): Dozens 1/12, g 1000.
    factor numeric NOT NULL DEFAULT 1 CHECK (factor > 0),
    rounding numeric NOT NULL DEFAULT 0.01 CHECK (rounding > 0),
    active boolean NOT NULL DEFAULT true,
    UNIQUE (category_id, name)
);

CREATE TABLE account_tax (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (btrim(name) <> ''),
    amount_type text NOT NULL DEFAULT 'percent' CHECK (amount_type IN ('percent')),
    amount numeric(16, 4) NOT NULL DEFAULT 0 CHECK (amount > -100),
    price_include boolean NOT NULL DEFAULT false,
    type_tax_use text NOT NULL DEFAULT 'sale' CHECK (type_tax_use IN ('sale', 'purchase', 'none')),
    sequence int NOT NULL DEFAULT 1,
    active boolean NOT NULL DEFAULT true,
    description text,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id)
);
CREATE UNIQUE INDEX account_tax_id ON account_tax (id);

CREATE TABLE account_payment_term (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (btrim(name) <> ''),
    note text,
    sequence int NOT NULL DEFAULT 10,
    active boolean NOT NULL DEFAULT true,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id)
);
CREATE UNIQUE INDEX account_payment_term_id ON account_payment_term (id);

CREATE TABLE account_payment_term_line (
    company_id int NOT NULL,
    id int GENERATED ALWAYS AS IDENTITY,
    payment_id int NOT NULL,
    value text NOT NULL DEFAULT 'balance' CHECK (value IN ('balance', 'percent', 'fixed')),
    value_amount numeric(16, 4) NOT NULL DEFAULT 0,
    days int NOT NULL DEFAULT 0 CHECK (days >= 0),
    option text NOT NULL DEFAULT 'day_after_invoice_date'
        CHECK (option IN ('day_after_invoice_date', 'after_invoice_month', 'day_following_month', 'day_current_month')),
    sequence int NOT NULL DEFAULT 10,
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, payment_id) REFERENCES account_payment_term (company_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX account_payment_term_line_id ON account_payment_term_line (id);
CREATE INDEX account_payment_term_line_term ON account_payment_term_line (company_id, payment_id);

CREATE TABLE product_category (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (btrim(name) <> ''),
    parent_id int,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, parent_id) REFERENCES product_category (company_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX product_category_id ON product_category (id);

CREATE TABLE product_product (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (btrim(name) <> ''),
    default_code text,
    list_price numeric(16, 4) NOT NULL DEFAULT 1,
    standard_price numeric(16, 4) NOT NULL DEFAULT 0,
    type text NOT NULL DEFAULT 'consu' CHECK (type IN ('consu', 'service', 'product')),
    uom_id int NOT NULL REFERENCES uom_uom (id),
    categ_id int,
    sale_ok boolean NOT NULL DEFAULT true,
    active boolean NOT NULL DEFAULT true,
    description_sale text,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, categ_id) REFERENCES product_category (company_id, id) ON DELETE SET NULL (categ_id)
);
CREATE UNIQUE INDEX product_product_id ON product_product (id);
CREATE INDEX product_product_name ON product_product (company_id, name);

CREATE TABLE product_taxes_rel (
    company_id int NOT NULL,
    prod_id int NOT NULL,
    tax_id int NOT NULL,
    PRIMARY KEY (company_id, prod_id, tax_id),
    FOREIGN KEY (company_id, prod_id) REFERENCES product_product (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, tax_id) REFERENCES account_tax (company_id, id) ON DELETE CASCADE
);

CREATE TABLE product_pricelist (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (btrim(name) <> ''),
    currency_id int NOT NULL REFERENCES res_currency (id),
    sequence int NOT NULL DEFAULT 16,
    active boolean NOT NULL DEFAULT true,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id)
);
CREATE UNIQUE INDEX product_pricelist_id ON product_pricelist (id);

CREATE TABLE product_pricelist_item (
    company_id int NOT NULL,
    id int GENERATED ALWAYS AS IDENTITY,
    pricelist_id int NOT NULL,
    applied_on text NOT NULL DEFAULT '3_global' CHECK (applied_on IN ('3_global', '2_product_category', '0_product_variant')),
    product_id int,
    categ_id int,
    min_quantity numeric(16, 4) NOT NULL DEFAULT 0,
    date_start date,
    date_end date,
    compute_price text NOT NULL DEFAULT 'fixed' CHECK (compute_price IN ('fixed', 'percentage', 'formula')),
    base text NOT NULL DEFAULT 'list_price' CHECK (base IN ('list_price', 'standard_price')),
    fixed_price numeric(16, 4) NOT NULL DEFAULT 0,
    percent_price numeric(16, 4) NOT NULL DEFAULT 0,
    price_discount numeric(16, 4) NOT NULL DEFAULT 0,
    price_surcharge numeric(16, 4) NOT NULL DEFAULT 0,
    price_round numeric(16, 4) NOT NULL DEFAULT 0,
    price_min_margin numeric(16, 4) NOT NULL DEFAULT 0,
    price_max_margin numeric(16, 4) NOT NULL DEFAULT 0,
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, pricelist_id) REFERENCES product_pricelist (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, product_id) REFERENCES product_product (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, categ_id) REFERENCES product_category (company_id, id) ON DELETE CASCADE,
    CHECK (applied_on <> '0_product_variant' OR product_id IS NOT NULL),
    CHECK (applied_on <> '2_product_category' OR categ_id IS NOT NULL),
    CHECK (date_end IS NULL OR date_start IS NULL OR date_start <= date_end)
);
CREATE UNIQUE INDEX product_pricelist_item_id ON product_pricelist_item (id);
CREATE INDEX product_pricelist_item_pricelist ON product_pricelist_item (company_id, pricelist_id);

-- A customer's pricelist and payment term.
ALTER TABLE res_partner ADD FOREIGN KEY (company_id, property_product_pricelist) REFERENCES product_pricelist (company_id, id) ON DELETE SET NULL (property_product_pricelist);
ALTER TABLE res_partner ADD FOREIGN KEY (company_id, property_payment_term_id) REFERENCES account_payment_term (company_id, id) ON DELETE SET NULL (property_payment_term_id);

-- CFDI 3.3 catalogues (SAT): uses, payment forms, payment methods.
CREATE TABLE l10n_mx_edi_usage (code text PRIMARY KEY, name text NOT NULL);
CREATE TABLE l10n_mx_edi_payment_method (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL
);
CREATE TABLE l10n_mx_edi_payment_policy (code text PRIMARY KEY, name text NOT NULL);

-- Order numbers per company (S00001…): one counter row per company, locked by each create, so that
-- concurrent creates never share a number.
CREATE TABLE sale_order_sequence (
    company_id int PRIMARY KEY REFERENCES res_company (id),
    next_number int NOT NULL DEFAULT 1
);

CREATE TABLE sale_order (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL DEFAULT 'New',
    state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'sent', 'sale', 'done', 'cancel')),
    date_order timestamptz NOT NULL DEFAULT now(),
    validity_date date,
    origin text,
    client_order_ref text,
    reference text,
    partner_id int NOT NULL,
    partner_invoice_id int,
    partner_shipping_id int,
    user_id int,  -- defaults to the acting user (modules/sale/quotations.sql)
    team_id int,
    pricelist_id int NOT NULL,
    currency_id int NOT NULL REFERENCES res_currency (id),
    payment_term_id int,
    note text,
    amount_untaxed numeric(16, 2) NOT NULL DEFAULT 0,
    amount_tax numeric(16, 2) NOT NULL DEFAULT 0,
    amount_total numeric(16, 2) NOT NULL DEFAULT 0,
    opportunity_id int,
    campaign_id int,
    medium_id int,
    source_id int,
    require_signature boolean NOT NULL DEFAULT true,
    signature bytea,
    signed_by text,
    signed_on timestamptz,
    l10n_mx_edi_usage text REFERENCES l10n_mx_edi_usage (code),
    l10n_mx_edi_payment_method_id int REFERENCES l10n_mx_edi_payment_method (id),
    l10n_mx_edi_payment_policy text REFERENCES l10n_mx_edi_payment_policy (code),
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    UNIQUE (company_id, name),
    FOREIGN KEY (company_id, partner_id) REFERENCES res_partner (company_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (company_id, partner_invoice_id) REFERENCES res_partner (company_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (company_id, partner_shipping_id) REFERENCES res_partner (company_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (company_id, user_id) REFERENCES res_company_member (company_id, user_id) ON DELETE SET NULL (user_id),
    FOREIGN KEY (company_id, team_id) REFERENCES crm_team (company_id, id) ON DELETE SET NULL (team_id),
    FOREIGN KEY (company_id, pricelist_id) REFERENCES product_pricelist (company_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (company_id, payment_term_id) REFERENCES account_payment_term (company_id, id) ON DELETE SET NULL (payment_term_id),
    FOREIGN KEY (company_id, opportunity_id) REFERENCES crm_lead (company_id, id) ON DELETE SET NULL (opportunity_id),
    FOREIGN KEY (company_id, campaign_id) REFERENCES utm_campaign (company_id, id) ON DELETE SET NULL (campaign_id),
    FOREIGN KEY (company_id, medium_id) REFERENCES utm_medium (company_id, id) ON DELETE SET NULL (medium_id),
    FOREIGN KEY (company_id, source_id) REFERENCES utm_source (company_id, id) ON DELETE SET NULL (source_id),
    CHECK (state NOT IN ('sale', 'done') OR date_order IS NOT NULL)
);
CREATE UNIQUE INDEX sale_order_id ON sale_order (id);
CREATE INDEX sale_order_date ON sale_order (company_id, date_order);
CREATE INDEX sale_order_partner ON sale_order (company_id, partner_id);
CREATE INDEX sale_order_opportunity ON sale_order (company_id, opportunity_id);
CREATE INDEX sale_order_team_state ON sale_order (company_id, team_id, state) INCLUDE (amount_total, amount_untaxed);
CREATE INDEX sale_order_user ON sale_order (company_id, user_id);
COMMENT ON TABLE sale_order IS 'Quotations and sales orders: draft → sent → sale → done, or cancel.';

CREATE TABLE sale_order_tag_rel (
    company_id int NOT NULL,
    order_id int NOT NULL,
    tag_id int NOT NULL,
    PRIMARY KEY (company_id, order_id, tag_id),
    FOREIGN KEY (company_id, order_id) REFERENCES sale_order (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, tag_id) REFERENCES crm_tag (company_id, id) ON DELETE CASCADE
);

CREATE TABLE sale_order_line (
    company_id int NOT NULL,
    id int GENERATED ALWAYS AS IDENTITY,
    order_id int NOT NULL,
    sequence int NOT NULL DEFAULT 10,
    name text NOT NULL DEFAULT '',
    display_type text CHECK (display_type IN ('line_section', 'line_note')),
    product_id int,
    product_uom_qty numeric(16, 4) NOT NULL DEFAULT 1,
    product_uom int REFERENCES uom_uom (id),
    price_unit numeric(16, 4) NOT NULL DEFAULT 0,
    discount numeric(7, 4) NOT NULL DEFAULT 0 CHECK (discount BETWEEN 0 AND 100),
    price_reduce numeric(16, 4) NOT NULL DEFAULT 0,
    price_subtotal numeric(16, 2) NOT NULL DEFAULT 0,
    price_tax numeric(16, 2) NOT NULL DEFAULT 0,
    price_total numeric(16, 2) NOT NULL DEFAULT 0,
    customer_lead numeric(8, 2) NOT NULL DEFAULT 0,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, order_id) REFERENCES sale_order (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, product_id) REFERENCES product_product (company_id, id) ON DELETE RESTRICT,
    -- Section and note lines carry text only; other lines a product and a unit.
    CHECK (display_type IS NULL OR (product_id IS NULL AND price_unit = 0 AND product_uom_qty = 0 AND product_uom IS NULL)),
    CHECK (display_type IS NOT NULL OR (product_id IS NOT NULL AND product_uom IS NOT NULL))
);
CREATE UNIQUE INDEX sale_order_line_id ON sale_order_line (id);
CREATE INDEX sale_order_line_order ON sale_order_line (company_id, order_id, sequence, id);
CREATE INDEX sale_order_line_product ON sale_order_line (company_id, product_id);

CREATE TABLE account_tax_sale_order_line_rel (
    company_id int NOT NULL,
    sale_order_line_id int NOT NULL,
    account_tax_id int NOT NULL,
    PRIMARY KEY (company_id, sale_order_line_id, account_tax_id),
    FOREIGN KEY (company_id, sale_order_line_id) REFERENCES sale_order_line (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, account_tax_id) REFERENCES account_tax (company_id, id) ON DELETE RESTRICT
);

CREATE TABLE sale_order_option (
    company_id int NOT NULL,
    id int GENERATED ALWAYS AS IDENTITY,
    order_id int NOT NULL,
    line_id int,
    name text NOT NULL DEFAULT '',
    product_id int NOT NULL,
    price_unit numeric(16, 4),
    discount numeric(7, 4) NOT NULL DEFAULT 0 CHECK (discount BETWEEN 0 AND 100),
    uom_id int REFERENCES uom_uom (id),
    quantity numeric(16, 4) NOT NULL DEFAULT 1,
    sequence int NOT NULL DEFAULT 10,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, order_id) REFERENCES sale_order (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, line_id) REFERENCES sale_order_line (company_id, id) ON DELETE SET NULL (line_id),
    FOREIGN KEY (company_id, product_id) REFERENCES product_product (company_id, id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX sale_order_option_id ON sale_order_option (id);
CREATE INDEX sale_order_option_order ON sale_order_option (company_id, order_id);

-- The customers' links to answer a quotation online: only a SHA-256 of the token is kept.
CREATE TABLE sale_order_portal_token (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    order_id int NOT NULL,
    token_hash bytea NOT NULL UNIQUE,
    acting_user int NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    create_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, order_id) REFERENCES sale_order (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, acting_user) REFERENCES res_company_member (company_id, user_id) ON DELETE CASCADE
);
CREATE INDEX sale_order_portal_token_order ON sale_order_portal_token (company_id, order_id);

-- A secret for the answer forms' anti-forgery values, made once per database.
CREATE TABLE embudo.portal_secret (id boolean PRIMARY KEY DEFAULT true CHECK (id), secret bytea NOT NULL);
INSERT INTO embudo.portal_secret (secret) VALUES (embudo_crypto.gen_random_bytes(32));

-- ---------------------------------------------------------------------------------------------------
-- Activities: types and activities on documents (leads and quotations).
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE mail_activity_type (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (btrim(name) <> ''),
    summary text,
    sequence int NOT NULL DEFAULT 10,
    active boolean NOT NULL DEFAULT true,
    delay_count int NOT NULL DEFAULT 0 CHECK (delay_count >= 0),
    delay_unit text NOT NULL DEFAULT 'days' CHECK (delay_unit IN ('days', 'weeks', 'months')),
    delay_from text NOT NULL DEFAULT 'previous_activity' CHECK (delay_from IN ('current_date', 'previous_activity')),
    icon text,
    decoration_type text CHECK (decoration_type IN ('warning', 'danger')),
    res_model text CHECK (res_model IN ('crm.lead', 'sale.order')),
    default_next_type_id int,
    force_next boolean NOT NULL DEFAULT false,
    category text NOT NULL DEFAULT 'default' CHECK (category IN ('default', 'upload_file', 'meeting')),
    default_user_id int,
    default_description text,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, default_next_type_id) REFERENCES mail_activity_type (company_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (company_id, default_user_id) REFERENCES res_company_member (company_id, user_id) ON DELETE SET NULL (default_user_id)
);
CREATE UNIQUE INDEX mail_activity_type_id ON mail_activity_type (id);
CREATE INDEX mail_activity_type_order ON mail_activity_type (company_id, sequence, id);

-- Recommended next types (Odoo's mail_activity_rel).
CREATE TABLE mail_activity_rel (
    company_id int NOT NULL,
    activity_id int NOT NULL,
    recommended_id int NOT NULL,
    PRIMARY KEY (company_id, activity_id, recommended_id),
    FOREIGN KEY (company_id, activity_id) REFERENCES mail_activity_type (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, recommended_id) REFERENCES mail_activity_type (company_id, id) ON DELETE CASCADE
);

CREATE TABLE mail_activity (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    res_model_id int REFERENCES ir_model (id),
    res_model text NOT NULL CHECK (res_model IN ('crm.lead', 'sale.order')),
    res_id int NOT NULL,
    lead_id int GENERATED ALWAYS AS (CASE WHEN res_model = 'crm.lead' THEN res_id END) STORED,
    res_name text,
    activity_type_id int,
    summary text,
    note text,
    date_deadline date NOT NULL,
    automated boolean NOT NULL DEFAULT false,
    user_id int NOT NULL,
    request_partner_id int,
    previous_activity_type_id int,
    recommended_activity_type_id int,
    -- Done activities stay, archived, as history: date_done and the feedback given.
    active boolean NOT NULL DEFAULT true,
    date_done date,
    feedback text,
    create_uid int REFERENCES res_users (id),  -- defaults to the acting user (modules/activities/activities.sql)
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    order_id int GENERATED ALWAYS AS (CASE WHEN res_model = 'sale.order' THEN res_id END) STORED,
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, lead_id) REFERENCES crm_lead (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, activity_type_id) REFERENCES mail_activity_type (company_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (company_id, previous_activity_type_id) REFERENCES mail_activity_type (company_id, id) ON DELETE SET NULL (previous_activity_type_id),
    FOREIGN KEY (company_id, recommended_activity_type_id) REFERENCES mail_activity_type (company_id, id) ON DELETE SET NULL (recommended_activity_type_id),
    FOREIGN KEY (company_id, user_id) REFERENCES res_company_member (company_id, user_id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, request_partner_id) REFERENCES res_partner (company_id, id) ON DELETE SET NULL (request_partner_id),
    FOREIGN KEY (company_id, order_id) REFERENCES sale_order (company_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX mail_activity_id ON mail_activity (id);
CREATE INDEX mail_activity_document ON mail_activity (company_id, res_model, res_id) WHERE active;
CREATE INDEX mail_activity_user_deadline ON mail_activity (company_id, user_id, date_deadline) WHERE active;
CREATE INDEX mail_activity_lead ON mail_activity (company_id, lead_id);
CREATE INDEX mail_activity_order ON mail_activity (company_id, order_id);
COMMENT ON TABLE mail_activity IS 'Activities on documents; done ones are archived (active = false) with date_done.';

-- ---------------------------------------------------------------------------------------------------
-- Mail: the history of documents (messages, tracking values, followers), attachments, the outgoing
-- queue and the routes of incoming mail.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE mail_message_subtype (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    description text,
    res_model text,
    internal boolean NOT NULL DEFAULT false,
    hidden boolean NOT NULL DEFAULT false,
    "default" boolean NOT NULL DEFAULT true,
    sequence int NOT NULL DEFAULT 1
);

-- Chatter messages. A message belongs to a document (model, res_id); the document's own visibility
-- decides who reads it, and deleting the document deletes its messages.
CREATE TABLE mail_message (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    model text NOT NULL,
    res_id int NOT NULL,
    lead_id int GENERATED ALWAYS AS (CASE WHEN model = 'crm.lead' THEN res_id END) STORED,
    body text NOT NULL DEFAULT '',
    subject text,
    date timestamptz NOT NULL DEFAULT now(),
    author_id int REFERENCES res_users (id),
    message_type text NOT NULL DEFAULT 'notification' CHECK (message_type IN ('email', 'comment', 'notification', 'user_notification')),
    subtype_id int REFERENCES mail_message_subtype (id),
    mail_activity_type_id int,
    message_id text,
    email_from text,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    order_id int GENERATED ALWAYS AS (CASE WHEN model = 'sale.order' THEN res_id END) STORED,
    -- The recipients of mail, incoming or sent.
    email_to text,
    email_cc text,
    reply_to text,
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, lead_id) REFERENCES crm_lead (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, order_id) REFERENCES sale_order (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, mail_activity_type_id) REFERENCES mail_activity_type (company_id, id) ON DELETE SET NULL (mail_activity_type_id),
    CHECK (model IN ('crm.lead', 'sale.order'))
);
CREATE UNIQUE INDEX mail_message_id ON mail_message (id);
CREATE INDEX mail_message_document ON mail_message (company_id, model, res_id, id);
CREATE INDEX mail_message_lead ON mail_message (company_id, lead_id);
CREATE INDEX mail_message_order ON mail_message (company_id, order_id);
-- Message ids are unique per company (a second delivery of an incoming message is ignored).
CREATE UNIQUE INDEX mail_message_message_id ON mail_message (company_id, message_id) WHERE message_id IS NOT NULL;

CREATE TABLE mail_tracking_value (
    company_id int NOT NULL,
    id int GENERATED ALWAYS AS IDENTITY,
    mail_message_id int NOT NULL,
    field text NOT NULL,
    field_desc text NOT NULL,
    field_type text NOT NULL,
    old_value_integer int,
    old_value_float double precision,
    old_value_monetary numeric(16, 2),
    old_value_char text,
    old_value_text text,
    old_value_datetime timestamptz,
    new_value_integer int,
    new_value_float double precision,
    new_value_monetary numeric(16, 2),
    new_value_char text,
    new_value_text text,
    new_value_datetime timestamptz,
    tracking_sequence int NOT NULL DEFAULT 100,
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, mail_message_id) REFERENCES mail_message (company_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX mail_tracking_value_id ON mail_tracking_value (id);
CREATE INDEX mail_tracking_value_message ON mail_tracking_value (company_id, mail_message_id);

-- Followers of a document: internal users (user_id) or contacts (partner_id).
CREATE TABLE mail_followers (
    company_id int NOT NULL,
    id int GENERATED ALWAYS AS IDENTITY,
    res_model text NOT NULL CHECK (res_model IN ('crm.lead', 'sale.order')),
    res_id int NOT NULL,
    lead_id int GENERATED ALWAYS AS (CASE WHEN res_model = 'crm.lead' THEN res_id END) STORED,
    user_id int REFERENCES res_users (id) ON DELETE CASCADE,
    partner_id int,
    order_id int GENERATED ALWAYS AS (CASE WHEN res_model = 'sale.order' THEN res_id END) STORED,
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, lead_id) REFERENCES crm_lead (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, partner_id) REFERENCES res_partner (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, order_id) REFERENCES sale_order (company_id, id) ON DELETE CASCADE,
    CHECK ((user_id IS NULL) <> (partner_id IS NULL))
);
CREATE UNIQUE INDEX mail_followers_id ON mail_followers (id);
CREATE UNIQUE INDEX mail_followers_user ON mail_followers (company_id, res_model, res_id, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX mail_followers_partner ON mail_followers (company_id, res_model, res_id, partner_id) WHERE partner_id IS NOT NULL;

-- Attachments of messages, stored per company with the document they belong to.
CREATE TABLE ir_attachment (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL,
    mimetype text NOT NULL DEFAULT 'application/octet-stream',
    res_model text NOT NULL CHECK (res_model IN ('crm.lead', 'sale.order')),
    res_id int NOT NULL,
    lead_id int GENERATED ALWAYS AS (CASE WHEN res_model = 'crm.lead' THEN res_id END) STORED,
    order_id int GENERATED ALWAYS AS (CASE WHEN res_model = 'sale.order' THEN res_id END) STORED,
    mail_message_id int,
    content_id text,
    datas bytea NOT NULL,
    file_size int GENERATED ALWAYS AS (octet_length(datas)) STORED,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, lead_id) REFERENCES crm_lead (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, order_id) REFERENCES sale_order (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, mail_message_id) REFERENCES mail_message (company_id, id) ON DELETE CASCADE,
    CHECK (octet_length(datas) <= 10 * 1024 * 1024)
);
CREATE UNIQUE INDEX ir_attachment_id ON ir_attachment (id);
CREATE INDEX ir_attachment_document ON ir_attachment (company_id, res_model, res_id);
CREATE INDEX ir_attachment_message ON ir_attachment (company_id, mail_message_id);

-- Outgoing e-mail (Odoo's mail.mail): a queue in PostgreSQL that a delivery worker empties by SMTP, with
-- retries and a visible state per message.
CREATE TABLE mail_mail (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    state text NOT NULL DEFAULT 'outgoing' CHECK (state IN ('outgoing', 'sent', 'exception', 'cancel')),
    email_from text NOT NULL,
    email_to text NOT NULL,
    email_cc text,
    reply_to text,
    subject text NOT NULL DEFAULT '',
    body_html text NOT NULL DEFAULT '',
    model text,
    res_id int,
    mail_message_id int,
    message_id text,
    attempts int NOT NULL DEFAULT 0,
    max_attempts int NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    failure_reason text,
    sent_at timestamptz,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, mail_message_id) REFERENCES mail_message (company_id, id) ON DELETE SET NULL (mail_message_id)
);
CREATE UNIQUE INDEX mail_mail_id ON mail_mail (id);
CREATE INDEX mail_mail_document ON mail_mail (company_id, model, res_id);
-- The worker's queue, across companies.
CREATE INDEX mail_mail_due ON mail_mail (next_attempt_at) WHERE state = 'outgoing';
-- Answers to sent mail are threaded by the Message-ID recorded when it was sent.
CREATE INDEX mail_mail_message_id ON mail_mail (company_id, message_id) WHERE message_id IS NOT NULL;
COMMENT ON TABLE mail_mail IS 'Outgoing e-mail: outgoing → sent, or exception after max_attempts failures.';

-- Where mail for an address goes, readable before any tenant is known (kept by triggers; only the
-- gateway's owner function reads it).
CREATE TABLE embudo.mail_route (
    domain text NOT NULL,
    alias_name text NOT NULL DEFAULT '',   -- '' = the domain itself (replies, bounces)
    company_id int NOT NULL REFERENCES res_company (id) ON DELETE CASCADE,
    team_id int,
    PRIMARY KEY (domain, alias_name)
);

-- ---------------------------------------------------------------------------------------------------
-- Reports for BI tools: the `report` schema of views that each company's BI logins query, and their
-- sources (both defined in modules/reports/).
-- ---------------------------------------------------------------------------------------------------

CREATE SCHEMA report_source AUTHORIZATION embudo_report;
CREATE SCHEMA report AUTHORIZATION embudo_owner;
COMMENT ON SCHEMA report IS 'Pipeline, forecast, revenue, leads, activity, team and sales reports for BI tools: every company sees its own rows.';
COMMENT ON SCHEMA report_source IS 'The sources of the report views (not for direct use).';
