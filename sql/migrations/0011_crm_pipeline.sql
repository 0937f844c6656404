-- The CRM pipeline: sales teams, stages, tags, lost reasons, UTM, leads/opportunities (one table), their
-- history (mail.message with tracking values, followers), the company's "use leads" setting, and the
-- default data of every company. Behaviour that must hold whoever writes (API, BI tools never write,
-- migrations, psql) lives in triggers here; the access rules are row-level-security policies.
--
-- Access (Flectra's sales groups, reference §3): "own" reads and edits leads where it is the salesperson
-- or none is set, "all" every lead of the company, only "admin" deletes leads and edits stages, teams
-- and lost reasons; every member creates and edits tags, only administrators delete them.

-- ---------------------------------------------------------------------------------------------------
-- Helpers
-- ---------------------------------------------------------------------------------------------------

-- Policies of catalog tables every member reads: who may create and edit them, and who may delete.
CREATE FUNCTION embudo.enable_catalog_policies(target regclass, writer embudo.access_level, deleter embudo.access_level) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('CREATE POLICY member_read ON %s FOR SELECT USING (true)', target);
    EXECUTE format('CREATE POLICY writer_create ON %s FOR INSERT TO embudo_service '
                   'WITH CHECK (company_id = ANY ((SELECT embudo.company_ids(%L))::int[]))', target, writer);
    EXECUTE format('CREATE POLICY writer_update ON %s FOR UPDATE TO embudo_service '
                   'USING (company_id = ANY ((SELECT embudo.company_ids(%L))::int[]))', target, writer);
    EXECUTE format('CREATE POLICY deleter_delete ON %s FOR DELETE TO embudo_service '
                   'USING (company_id = ANY ((SELECT embudo.company_ids(%L))::int[]))', target, deleter);
END
$$;

-- A user-facing refusal raised by the CRM's own functions: the service passes the message on as
-- Odoo's UserError (EMU01), AccessError (EMA01) or ValidationError (EMV01).
CREATE FUNCTION embudo.refuse(kind text, message text) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = message,
        ERRCODE = CASE kind WHEN 'access' THEN 'EMA01' WHEN 'validation' THEN 'EMV01' ELSE 'EMU01' END;
END
$$;
GRANT EXECUTE ON FUNCTION embudo.refuse(text, text) TO embudo_service;

-- Default records of a company carry external ids (crm.stage_lead1…) that resolve per company.
ALTER TABLE ir_model_data ADD COLUMN company_id int REFERENCES res_company (id) ON DELETE CASCADE;
ALTER TABLE ir_model_data DROP CONSTRAINT ir_model_data_module_name_key;
CREATE UNIQUE INDEX ir_model_data_key ON ir_model_data (module, name, company_id) NULLS NOT DISTINCT;
ALTER TABLE ir_model_data ENABLE ROW LEVEL SECURITY;
CREATE POLICY visible ON ir_model_data FOR SELECT
    USING (company_id IS NULL OR company_id = ANY ((SELECT embudo.company_ids())::int[]));

-- The "Leads" setting (Odoo's crm.group_use_lead), per company.
ALTER TABLE res_company ADD COLUMN crm_use_leads boolean NOT NULL DEFAULT false;
GRANT UPDATE (crm_use_leads) ON res_company TO embudo_service;

-- ---------------------------------------------------------------------------------------------------
-- Sales teams
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
-- Mail reaches a team by its alias, whatever the company: one alias name per deployment.
CREATE UNIQUE INDEX crm_team_alias ON crm_team (alias_name) WHERE alias_name IS NOT NULL;
COMMENT ON TABLE crm_team IS 'Sales teams: leader, members, pipeline options, monthly target, email alias.';
SELECT embudo.enable_tenancy('crm_team');
SELECT embudo.enable_catalog_policies('crm_team', 'admin', 'admin');

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
SELECT embudo.enable_tenancy('crm_team_member');
SELECT embudo.enable_catalog_policies('crm_team_member', 'admin', 'admin');

-- Joining a team leaves the previous one.
CREATE FUNCTION embudo.crm_team_member_move() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    DELETE FROM public.crm_team_member m
    WHERE m.company_id = NEW.company_id AND m.user_id = NEW.user_id AND m.team_id <> NEW.team_id;
    RETURN NEW;
END
$$;
CREATE TRIGGER move_member BEFORE INSERT ON crm_team_member FOR EACH ROW EXECUTE FUNCTION embudo.crm_team_member_move();

-- Alias names are cleaned as Odoo does: lower case, accents dropped, text after '@' dropped, anything
-- outside word characters, '+' and '.' turned into '-'. A team using neither leads nor opportunities
-- has no alias.
CREATE FUNCTION embudo.crm_team_clean() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.alias_name IS NOT NULL THEN
        NEW.alias_name := lower(translate(split_part(btrim(NEW.alias_name), '@', 1),
            'ÁÀÂÄÃÅáàâäãåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÖÕóòôöõÚÙÛÜúùûüÑñÇç',
            'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuNnCc'));
        NEW.alias_name := regexp_replace(NEW.alias_name, '[^a-z0-9_+.]+', '-', 'g');
        NEW.alias_name := nullif(NEW.alias_name, '');
        IF NEW.alias_name IN ('catchall', 'bounce') THEN
            PERFORM embudo.refuse('validation', format('The alias %s is reserved for the mail gateway.', NEW.alias_name));
        END IF;
    END IF;
    IF NOT NEW.use_leads AND NOT NEW.use_opportunities THEN
        NEW.alias_name := NULL;
    END IF;
    NEW.invoiced_target := round(NEW.invoiced_target);
    RETURN NEW;
END
$$;
CREATE TRIGGER clean BEFORE INSERT OR UPDATE ON crm_team FOR EACH ROW EXECUTE FUNCTION embudo.crm_team_clean();

-- ---------------------------------------------------------------------------------------------------
-- Stages, tags, lost reasons, UTM
-- ---------------------------------------------------------------------------------------------------

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
SELECT embudo.enable_tenancy('crm_stage');
SELECT embudo.enable_catalog_policies('crm_stage', 'admin', 'admin');

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
SELECT embudo.enable_tenancy('crm_tag');
SELECT embudo.enable_catalog_policies('crm_tag', 'own', 'admin');

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
SELECT embudo.enable_tenancy('crm_lost_reason');
SELECT embudo.enable_catalog_policies('crm_lost_reason', 'admin', 'admin');

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
SELECT embudo.enable_tenancy('utm_campaign');
SELECT embudo.enable_tenancy('utm_medium');
SELECT embudo.enable_tenancy('utm_source');
SELECT embudo.enable_shared_record_policies('utm_campaign');
SELECT embudo.enable_shared_record_policies('utm_medium');
SELECT embudo.enable_shared_record_policies('utm_source');

-- ---------------------------------------------------------------------------------------------------
-- Leads and opportunities
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE crm_lead (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (btrim(name) <> ''),
    type text NOT NULL CHECK (type IN ('lead', 'opportunity')),
    active boolean NOT NULL DEFAULT true,
    priority text NOT NULL DEFAULT '0' CHECK (priority IN ('0', '1', '2', '3')),
    user_id int DEFAULT embudo.current_user_id(),
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
SELECT embudo.enable_tenancy('crm_lead');

-- "Own documents" sees and edits leads where it is the salesperson or none is set; "all documents"
-- every lead of the company. The rule holds for the row after a change too (PostgreSQL checks an
-- updated row against the read policy), so a salesperson with "own documents" cannot hand a lead over
-- to a colleague: a manager with "all documents" does that. Only administrators delete.
CREATE POLICY personal_or_all_read ON crm_lead FOR SELECT
    USING (user_id = (SELECT embudo.current_user_id()) OR user_id IS NULL
           OR company_id = ANY ((SELECT embudo.company_ids('all'))::int[]));
CREATE POLICY personal_or_all_create ON crm_lead FOR INSERT TO embudo_service
    WITH CHECK (user_id = (SELECT embudo.current_user_id()) OR user_id IS NULL
                OR company_id = ANY ((SELECT embudo.company_ids('all'))::int[]));
CREATE POLICY personal_or_all_update ON crm_lead FOR UPDATE TO embudo_service
    USING (user_id = (SELECT embudo.current_user_id()) OR user_id IS NULL
           OR company_id = ANY ((SELECT embudo.company_ids('all'))::int[]))
    WITH CHECK (user_id = (SELECT embudo.current_user_id()) OR user_id IS NULL
                OR company_id = ANY ((SELECT embudo.company_ids('all'))::int[]));
CREATE POLICY admin_delete ON crm_lead FOR DELETE TO embudo_service
    USING (company_id = ANY ((SELECT embudo.company_ids('admin'))::int[]));

CREATE TABLE crm_tag_rel (
    company_id int NOT NULL,
    lead_id int NOT NULL,
    tag_id int NOT NULL,
    PRIMARY KEY (company_id, lead_id, tag_id),
    FOREIGN KEY (company_id, lead_id) REFERENCES crm_lead (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, tag_id) REFERENCES crm_tag (company_id, id) ON DELETE CASCADE
);
CREATE INDEX crm_tag_rel_tag ON crm_tag_rel (company_id, tag_id);
SELECT embudo.enable_tenancy('crm_tag_rel');
-- A lead's tags follow the lead's own visibility.
CREATE POLICY with_lead ON crm_tag_rel
    USING (EXISTS (SELECT 1 FROM crm_lead l WHERE l.id = lead_id))
    WITH CHECK (EXISTS (SELECT 1 FROM crm_lead l WHERE l.id = lead_id));

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
SELECT embudo.enable_tenancy('crm_team_closing');
CREATE POLICY member_all ON crm_team_closing TO embudo_service USING (true) WITH CHECK (true);
REVOKE DELETE ON crm_team_closing FROM embudo_service;

-- ---------------------------------------------------------------------------------------------------
-- History: messages, tracking values, followers
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
GRANT SELECT ON mail_message_subtype TO embudo_service, embudo_bi;
INSERT INTO mail_message_subtype (name, description, res_model, internal, hidden, "default", sequence) VALUES
    ('Discussions', NULL, NULL, false, false, true, 0),
    ('Note', NULL, NULL, true, false, false, 100),
    ('Activities', NULL, NULL, true, false, false, 90),
    ('Opportunity Created', 'Lead/Opportunity created', 'crm.lead', false, true, true, 1),
    ('Stage Changed', 'Stage changed', 'crm.lead', false, false, false, 1),
    ('Opportunity Won', 'Opportunity won', 'crm.lead', false, false, false, 1),
    ('Opportunity Lost', 'Opportunity lost', 'crm.lead', false, false, false, 1),
    ('Opportunity Restored', 'Opportunity restored', 'crm.lead', false, false, false, 1);
INSERT INTO ir_model_data (module, name, model, res_id)
SELECT x.module, x.name, 'mail.message.subtype', s.id
FROM mail_message_subtype s
JOIN (VALUES ('mail', 'mt_comment', 'Discussions'), ('mail', 'mt_note', 'Note'), ('mail', 'mt_activities', 'Activities'),
             ('crm', 'mt_lead_create', 'Opportunity Created'), ('crm', 'mt_lead_stage', 'Stage Changed'),
             ('crm', 'mt_lead_won', 'Opportunity Won'), ('crm', 'mt_lead_lost', 'Opportunity Lost'),
             ('crm', 'mt_lead_restored', 'Opportunity Restored')) x (module, name, subtype) ON x.subtype = s.name;

-- The id of a subtype by external id.
CREATE FUNCTION embudo.subtype(xmlid text) RETURNS int
LANGUAGE sql STABLE
AS $$
    SELECT d.res_id FROM public.ir_model_data d
    WHERE d.module = split_part(xmlid, '.', 1) AND d.name = split_part(xmlid, '.', 2) AND d.company_id IS NULL
$$;
GRANT EXECUTE ON FUNCTION embudo.subtype(text) TO embudo_service;

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
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, lead_id) REFERENCES crm_lead (company_id, id) ON DELETE CASCADE,
    CHECK (model IN ('crm.lead'))
);
CREATE UNIQUE INDEX mail_message_id ON mail_message (id);
CREATE INDEX mail_message_document ON mail_message (company_id, model, res_id, id);
CREATE INDEX mail_message_lead ON mail_message (company_id, lead_id);
SELECT embudo.enable_tenancy('mail_message');
CREATE POLICY with_document_read ON mail_message FOR SELECT
    USING (EXISTS (SELECT 1 FROM crm_lead l WHERE l.id = lead_id));
-- Messages are written by the lead triggers and by message_post, which checks the lead first; a
-- salesperson handing a lead over still gets the tracking message written after the lead left sight.
CREATE POLICY service_post ON mail_message FOR INSERT TO embudo_service WITH CHECK (true);
CREATE POLICY admin_delete ON mail_message FOR DELETE TO embudo_service
    USING (company_id = ANY ((SELECT embudo.company_ids('admin'))::int[]));

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
SELECT embudo.enable_tenancy('mail_tracking_value');
CREATE POLICY with_message_read ON mail_tracking_value FOR SELECT
    USING (EXISTS (SELECT 1 FROM mail_message m WHERE m.id = mail_message_id));
CREATE POLICY service_create ON mail_tracking_value FOR INSERT TO embudo_service WITH CHECK (true);

-- Followers of a document: internal users (user_id) or contacts (partner_id).
CREATE TABLE mail_followers (
    company_id int NOT NULL,
    id int GENERATED ALWAYS AS IDENTITY,
    res_model text NOT NULL CHECK (res_model IN ('crm.lead')),
    res_id int NOT NULL,
    lead_id int GENERATED ALWAYS AS (CASE WHEN res_model = 'crm.lead' THEN res_id END) STORED,
    user_id int REFERENCES res_users (id) ON DELETE CASCADE,
    partner_id int,
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, lead_id) REFERENCES crm_lead (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, partner_id) REFERENCES res_partner (company_id, id) ON DELETE CASCADE,
    CHECK ((user_id IS NULL) <> (partner_id IS NULL))
);
CREATE UNIQUE INDEX mail_followers_id ON mail_followers (id);
CREATE UNIQUE INDEX mail_followers_user ON mail_followers (company_id, res_model, res_id, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX mail_followers_partner ON mail_followers (company_id, res_model, res_id, partner_id) WHERE partner_id IS NOT NULL;
SELECT embudo.enable_tenancy('mail_followers');
CREATE POLICY with_document ON mail_followers TO embudo_service
    USING (EXISTS (SELECT 1 FROM crm_lead l WHERE l.id = lead_id))
    WITH CHECK (true);
CREATE POLICY bi_read ON mail_followers FOR SELECT TO embudo_bi USING (true);

-- Adds a user as follower of a lead (no-op when already following).
CREATE FUNCTION embudo.crm_follow(company int, lead int, follower int) RETURNS void
LANGUAGE sql
AS $$
    INSERT INTO public.mail_followers (company_id, res_model, res_id, user_id)
    SELECT company, 'crm.lead', lead, follower WHERE follower IS NOT NULL
    ON CONFLICT DO NOTHING
$$;

-- ---------------------------------------------------------------------------------------------------
-- Lead behaviour
-- ---------------------------------------------------------------------------------------------------

-- The team of a salesperson (reference §2.2): an active team the user leads or belongs to, else the
-- first team by sequence among those that use leads (for a lead) or opportunities.
CREATE FUNCTION embudo.crm_default_team(company int, salesperson int, lead_type text) RETURNS int
LANGUAGE sql STABLE
AS $$
    SELECT coalesce(
        (SELECT t.id FROM public.crm_team t
         WHERE t.company_id = company AND t.active AND salesperson IS NOT NULL
           AND (t.user_id = salesperson OR EXISTS (SELECT 1 FROM public.crm_team_member m
                                                   WHERE m.company_id = t.company_id AND m.team_id = t.id AND m.user_id = salesperson))
         ORDER BY t.sequence, t.id LIMIT 1),
        (SELECT t.id FROM public.crm_team t
         WHERE t.company_id = company AND t.active AND (CASE WHEN lead_type = 'lead' THEN t.use_leads ELSE t.use_opportunities END)
         ORDER BY t.sequence, t.id LIMIT 1))
$$;

-- The first stage for a team: shared stages and the team's own, by sequence; unfolded ones only when
-- asked.
CREATE FUNCTION embudo.crm_first_stage(company int, team int, unfolded_only boolean) RETURNS int
LANGUAGE sql STABLE
AS $$
    SELECT s.id FROM public.crm_stage s
    WHERE s.company_id = company AND (s.team_id IS NULL OR s.team_id = team) AND (NOT unfolded_only OR NOT s.fold)
    ORDER BY s.sequence, s.id
    LIMIT 1
$$;

-- A new lead's probability: the team's share of won among its opportunities closed in the last year,
-- 10 when it closed none.
CREATE FUNCTION embudo.crm_team_win_rate(company int, team int) RETURNS double precision
LANGUAGE sql STABLE
AS $$
    SELECT CASE WHEN coalesce(sum(c.won + c.lost), 0) = 0 THEN 10
                ELSE round((100.0 * sum(c.won) / sum(c.won + c.lost))::numeric, 2)::double precision END
    FROM public.crm_team_closing c
    WHERE c.company_id = company AND c.team_id = team AND c.month >= date_trunc('month', now() - interval '1 year')
$$;

-- The bare, lower-cased address in an email field ("Ana <Ana@X.com>" → ana@x.com).
CREATE FUNCTION embudo.normalize_email(address text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT lower((regexp_match(address, '([^\s<>,;"]+@[^\s<>,;"]+)'))[1])
$$;

-- Copies a customer's details onto the lead (reference §2.7). `overwrite` is false on creation, where
-- values the client gave win.
CREATE FUNCTION embudo.crm_lead_from_partner(lead public.crm_lead, overwrite boolean) RETURNS public.crm_lead
LANGUAGE plpgsql STABLE
AS $$
DECLARE
    p public.res_partner;
    parent_name text;
BEGIN
    SELECT * INTO p FROM public.res_partner WHERE company_id = lead.company_id AND id = lead.partner_id;
    IF NOT FOUND THEN
        RETURN lead;
    END IF;
    IF p.street IS NOT NULL OR p.street2 IS NOT NULL OR p.city IS NOT NULL OR p.zip IS NOT NULL
       OR p.state_id IS NOT NULL OR p.country_id IS NOT NULL THEN
        IF overwrite OR (lead.street IS NULL AND lead.street2 IS NULL AND lead.city IS NULL AND lead.zip IS NULL
                         AND lead.state_id IS NULL AND lead.country_id IS NULL) THEN
            lead.street := p.street; lead.street2 := p.street2; lead.city := p.city; lead.zip := p.zip;
            lead.state_id := p.state_id; lead.country_id := p.country_id;
        END IF;
    END IF;
    IF p.mobile IS NOT NULL AND (overwrite OR lead.mobile IS NULL) THEN lead.mobile := p.mobile; END IF;
    IF p.title IS NOT NULL AND (overwrite OR lead.title IS NULL) THEN lead.title := p.title; END IF;
    IF p.function IS NOT NULL AND (overwrite OR lead.function IS NULL) THEN lead.function := p.function; END IF;
    IF p.website IS NOT NULL AND (overwrite OR lead.website IS NULL) THEN lead.website := p.website; END IF;
    IF p.lang IS NOT NULL AND (overwrite OR lead.lang_id IS NULL) THEN
        lead.lang_id := coalesce((SELECT l.id FROM public.res_lang l WHERE l.code = p.lang), lead.lang_id);
    END IF;
    IF NOT p.is_company AND (overwrite OR lead.contact_name IS NULL) THEN lead.contact_name := p.name; END IF;
    IF p.is_company THEN
        parent_name := p.name;
    ELSIF p.parent_id IS NOT NULL THEN
        SELECT name INTO parent_name FROM public.res_partner WHERE company_id = p.company_id AND id = p.parent_id;
    END IF;
    IF parent_name IS NOT NULL AND (overwrite OR lead.partner_name IS NULL) THEN lead.partner_name := parent_name; END IF;
    IF p.email IS NOT NULL AND (overwrite OR lead.email_from IS NULL)
       AND embudo.normalize_email(p.email) IS DISTINCT FROM embudo.normalize_email(lead.email_from) THEN
        lead.email_from := p.email;
    END IF;
    IF p.phone IS NOT NULL AND (overwrite OR lead.phone IS NULL) THEN lead.phone := p.phone; END IF;
    RETURN lead;
END
$$;

-- Updates the team's closing counters when a lead enters or leaves won / lost.
CREATE FUNCTION embudo.crm_count_closing(lead public.crm_lead, sign int) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    won boolean := lead.type = 'opportunity' AND lead.probability = 100;
    lost boolean := lead.type = 'opportunity' AND NOT lead.active AND lead.probability = 0;
BEGIN
    IF lead.team_id IS NULL OR lead.date_closed IS NULL OR NOT (won OR lost) THEN
        RETURN;
    END IF;
    INSERT INTO public.crm_team_closing AS c (company_id, team_id, month, won, lost)
    VALUES (lead.company_id, lead.team_id, date_trunc('month', lead.date_closed)::date,
            CASE WHEN won THEN sign ELSE 0 END, CASE WHEN lost THEN sign ELSE 0 END)
    ON CONFLICT (company_id, team_id, month) DO UPDATE
    SET won = greatest(c.won + excluded.won, 0), lost = greatest(c.lost + excluded.lost, 0);
END
$$;

-- Defaults and computed values on create (reference §2.1–2.6).
CREATE FUNCTION embudo.crm_lead_before_insert() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    won boolean;
BEGIN
    IF NEW.type IS NULL THEN
        NEW.type := CASE WHEN (SELECT c.crm_use_leads FROM public.res_company c WHERE c.id = NEW.company_id) THEN 'lead' ELSE 'opportunity' END;
    END IF;
    IF NEW.team_id IS NULL THEN
        NEW.team_id := embudo.crm_default_team(NEW.company_id, NEW.user_id, NEW.type);
    END IF;
    IF NEW.stage_id IS NULL THEN
        NEW.stage_id := embudo.crm_first_stage(NEW.company_id, NEW.team_id, true);
    END IF;
    IF NEW.user_id IS NOT NULL AND NEW.date_open IS NULL THEN
        NEW.date_open := now();
    END IF;
    IF NEW.partner_id IS NOT NULL THEN
        NEW := embudo.crm_lead_from_partner(NEW, false);
    END IF;
    IF NEW.website IS NOT NULL AND NEW.website !~* '^[a-z][a-z0-9+.-]*://' THEN
        NEW.website := 'http://' || NEW.website;
    END IF;
    NEW.email_normalized := embudo.normalize_email(NEW.email_from);
    SELECT s.is_won INTO won FROM public.crm_stage s WHERE s.company_id = NEW.company_id AND s.id = NEW.stage_id;
    IF won THEN
        NEW.probability := 100;
        NEW.automated_probability := 100;
    ELSE
        NEW.automated_probability := CASE WHEN NEW.stage_id IS NULL THEN 0
                                          ELSE embudo.crm_team_win_rate(NEW.company_id, NEW.team_id) END;
        NEW.probability := coalesce(NEW.probability, NEW.automated_probability);
    END IF;
    IF NOT NEW.active THEN
        NEW.probability := 0;
        NEW.automated_probability := 0;
    END IF;
    IF NEW.probability >= 100 OR NOT NEW.active THEN
        NEW.date_closed := coalesce(NEW.date_closed, now());
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER compute_on_create BEFORE INSERT ON crm_lead FOR EACH ROW EXECUTE FUNCTION embudo.crm_lead_before_insert();

-- Effects of a write (reference §2.2, §2.5–2.7).
CREATE FUNCTION embudo.crm_lead_before_update() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    new_won boolean;
    old_won boolean;
BEGIN
    IF NEW.company_id <> OLD.company_id THEN
        PERFORM embudo.refuse('validation', 'A lead cannot move to another company.');
    END IF;
    -- The team follows the salesperson unless the salesperson is already in it.
    IF NEW.user_id IS DISTINCT FROM OLD.user_id THEN
        IF NEW.user_id IS NULL THEN
            NEW.date_open := NULL;
        ELSE
            NEW.date_open := now();
            IF NEW.team_id IS NOT DISTINCT FROM OLD.team_id AND NOT EXISTS (
                SELECT 1 FROM public.crm_team t WHERE t.company_id = NEW.company_id AND t.id = NEW.team_id
                AND (t.user_id = NEW.user_id OR EXISTS (SELECT 1 FROM public.crm_team_member m
                     WHERE m.company_id = t.company_id AND m.team_id = t.id AND m.user_id = NEW.user_id))) THEN
                NEW.team_id := coalesce(embudo.crm_default_team(NEW.company_id, NEW.user_id, NEW.type), NEW.team_id);
            END IF;
        END IF;
    END IF;
    IF NEW.stage_id IS NULL THEN
        NEW.stage_id := embudo.crm_first_stage(NEW.company_id, NEW.team_id, true);
    END IF;
    IF NEW.partner_id IS DISTINCT FROM OLD.partner_id AND NEW.partner_id IS NOT NULL THEN
        NEW := embudo.crm_lead_from_partner(NEW, true);
    ELSIF NEW.partner_id IS NOT NULL AND (NEW.email_from IS DISTINCT FROM OLD.email_from OR NEW.phone IS DISTINCT FROM OLD.phone) THEN
        -- Editing the lead's email or phone updates its customer.
        UPDATE public.res_partner p
        SET email = CASE WHEN NEW.email_from IS DISTINCT FROM OLD.email_from THEN NEW.email_from ELSE p.email END,
            phone = CASE WHEN NEW.phone IS DISTINCT FROM OLD.phone THEN NEW.phone ELSE p.phone END,
            write_date = now()
        WHERE p.company_id = NEW.company_id AND p.id = NEW.partner_id;
    END IF;
    IF NEW.website IS DISTINCT FROM OLD.website AND NEW.website IS NOT NULL AND NEW.website !~* '^[a-z][a-z0-9+.-]*://' THEN
        NEW.website := 'http://' || NEW.website;
    END IF;
    NEW.email_normalized := embudo.normalize_email(NEW.email_from);

    SELECT s.is_won INTO new_won FROM public.crm_stage s WHERE s.company_id = NEW.company_id AND s.id = NEW.stage_id;
    SELECT s.is_won INTO old_won FROM public.crm_stage s WHERE s.company_id = OLD.company_id AND s.id = OLD.stage_id;
    IF NEW.stage_id IS DISTINCT FROM OLD.stage_id THEN
        NEW.date_last_stage_update := now();
    END IF;
    -- An active lead in a won stage is won: its probability stays 100 whatever else a write says.
    IF new_won AND NEW.active THEN
        NEW.probability := 100;
        NEW.automated_probability := 100;
    END IF;
    IF NOT NEW.active AND OLD.active THEN
        -- Lost (or archived).
        NEW.probability := 0;
        NEW.automated_probability := 0;
    ELSIF NEW.active AND NOT OLD.active THEN
        -- Restored: the reason goes, the probability is computed again; date_closed stays.
        NEW.lost_reason := NULL;
        NEW.automated_probability := CASE WHEN new_won THEN 100 ELSE embudo.crm_team_win_rate(NEW.company_id, NEW.team_id) END;
        NEW.probability := NEW.automated_probability;
    END IF;
    IF NEW.active AND NOT OLD.active AND NOT (NEW.stage_id IS DISTINCT FROM OLD.stage_id) THEN
        NULL;  -- restore keeps date_closed
    ELSIF (NEW.probability >= 100 AND NEW.probability IS DISTINCT FROM OLD.probability) OR (NOT NEW.active AND OLD.active) THEN
        IF NOT (coalesce(old_won, false) AND coalesce(new_won, false) AND OLD.date_closed IS NOT NULL) THEN
            NEW.date_closed := now();
        END IF;
    ELSIF round(coalesce(NEW.probability, 0)::numeric, 2) > 0 AND NEW.probability < 100 AND NEW.probability IS DISTINCT FROM OLD.probability THEN
        NEW.date_closed := NULL;
    ELSIF NEW.stage_id IS DISTINCT FROM OLD.stage_id AND NOT coalesce(new_won, false) AND NEW.probability IS NOT DISTINCT FROM OLD.probability THEN
        NEW.date_closed := NULL;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER compute_on_write BEFORE UPDATE ON crm_lead FOR EACH ROW EXECUTE FUNCTION embudo.crm_lead_before_update();

-- The label of a tracked many2one value.
CREATE FUNCTION embudo.crm_tracking_label(field text, company int, value int) RETURNS text
LANGUAGE sql STABLE
AS $$
    SELECT CASE field
        WHEN 'user_id' THEN (SELECT u.name FROM public.res_users u WHERE u.id = value)
        WHEN 'team_id' THEN (SELECT t.name FROM public.crm_team t WHERE t.company_id = company AND t.id = value)
        WHEN 'stage_id' THEN (SELECT s.name FROM public.crm_stage s WHERE s.company_id = company AND s.id = value)
        WHEN 'partner_id' THEN (SELECT p.name FROM public.res_partner p WHERE p.company_id = company AND p.id = value)
        WHEN 'lost_reason' THEN (SELECT r.name FROM public.crm_lost_reason r WHERE r.company_id = company AND r.id = value)
    END
$$;

-- History: the creation message, and on every change of a tracked field a message with its tracking
-- values and Odoo's subtype (reference §2.15); followers: the creator and the salesperson.
CREATE FUNCTION embudo.crm_lead_track() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    message int;
    subtype text;
    author int := embudo.current_user_id();
    changes jsonb := '[]';
    won boolean;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO public.mail_message (company_id, model, res_id, body, author_id, message_type, subtype_id, create_uid, write_uid)
        VALUES (NEW.company_id, 'crm.lead', NEW.id, CASE NEW.type WHEN 'lead' THEN 'Lead created' ELSE 'Opportunity created' END,
                author, 'notification', embudo.subtype('crm.mt_lead_create'), author, author);
        PERFORM embudo.crm_follow(NEW.company_id, NEW.id, author);
        PERFORM embudo.crm_follow(NEW.company_id, NEW.id, NEW.user_id);
        PERFORM embudo.crm_count_closing(NEW, 1);
        RETURN NULL;
    END IF;

    IF NEW.user_id IS DISTINCT FROM OLD.user_id THEN
        PERFORM embudo.crm_follow(NEW.company_id, NEW.id, NEW.user_id);
    END IF;
    PERFORM embudo.crm_count_closing(OLD, -1);
    PERFORM embudo.crm_count_closing(NEW, 1);

    -- (field, label, type, sequence, old, new) of each tracked field that changed.
    SELECT coalesce(jsonb_agg(jsonb_build_object('field', f.field, 'desc', f.label, 'type', f.type, 'seq', f.seq, 'old', f.old, 'new', f.new) ORDER BY f.seq, f.field), '[]')
    INTO changes
    FROM (VALUES
        ('stage_id', 'Stage', 'many2one', 100, to_jsonb(OLD.stage_id), to_jsonb(NEW.stage_id)),
        ('user_id', 'Salesperson', 'many2one', 100, to_jsonb(OLD.user_id), to_jsonb(NEW.user_id)),
        ('team_id', 'Sales Team', 'many2one', 100, to_jsonb(OLD.team_id), to_jsonb(NEW.team_id)),
        ('active', 'Active', 'boolean', 100, to_jsonb(OLD.active), to_jsonb(NEW.active)),
        ('type', 'Type', 'selection', 15, to_jsonb(OLD.type), to_jsonb(NEW.type)),
        ('partner_id', 'Customer', 'many2one', 10, to_jsonb(OLD.partner_id), to_jsonb(NEW.partner_id)),
        ('partner_name', 'Company Name', 'char', 20, to_jsonb(OLD.partner_name), to_jsonb(NEW.partner_name)),
        ('contact_name', 'Contact Name', 'char', 30, to_jsonb(OLD.contact_name), to_jsonb(NEW.contact_name)),
        ('email_from', 'Email', 'char', 40, to_jsonb(OLD.email_from), to_jsonb(NEW.email_from)),
        ('phone', 'Phone', 'char', 50, to_jsonb(OLD.phone), to_jsonb(NEW.phone)),
        ('expected_revenue', 'Expected Revenue', 'monetary', 100, to_jsonb(OLD.expected_revenue), to_jsonb(NEW.expected_revenue)),
        ('lost_reason', 'Lost Reason', 'many2one', 100, to_jsonb(OLD.lost_reason), to_jsonb(NEW.lost_reason))
    ) f (field, label, type, seq, old, new)
    WHERE f.old IS DISTINCT FROM f.new;
    IF jsonb_array_length(changes) = 0 THEN
        RETURN NULL;
    END IF;

    SELECT s.is_won INTO won FROM public.crm_stage s WHERE s.company_id = NEW.company_id AND s.id = NEW.stage_id;
    subtype := CASE
        WHEN NEW.stage_id IS DISTINCT FROM OLD.stage_id AND NEW.probability = 100 THEN 'crm.mt_lead_won'
        WHEN NEW.lost_reason IS DISTINCT FROM OLD.lost_reason AND NEW.lost_reason IS NOT NULL THEN 'crm.mt_lead_lost'
        WHEN NEW.stage_id IS DISTINCT FROM OLD.stage_id THEN 'crm.mt_lead_stage'
        WHEN NEW.active AND NOT OLD.active THEN 'crm.mt_lead_restored'
        WHEN NOT NEW.active AND OLD.active THEN 'crm.mt_lead_lost'
    END;
    INSERT INTO public.mail_message (company_id, model, res_id, body, author_id, message_type, subtype_id, create_uid, write_uid)
    VALUES (NEW.company_id, 'crm.lead', NEW.id, '', author, 'notification',
            coalesce(embudo.subtype(subtype), embudo.subtype('mail.mt_note')), author, author)
    RETURNING id INTO message;
    INSERT INTO public.mail_tracking_value (
        company_id, mail_message_id, field, field_desc, field_type, tracking_sequence,
        old_value_integer, new_value_integer, old_value_char, new_value_char,
        old_value_monetary, new_value_monetary, old_value_float, new_value_float)
    SELECT NEW.company_id, message, c->>'field', c->>'desc', c->>'type', (c->>'seq')::int,
           CASE WHEN c->>'type' IN ('many2one', 'boolean') THEN CASE WHEN c->>'type' = 'boolean' THEN (c->>'old')::boolean::int ELSE (c->>'old')::int END END,
           CASE WHEN c->>'type' IN ('many2one', 'boolean') THEN CASE WHEN c->>'type' = 'boolean' THEN (c->>'new')::boolean::int ELSE (c->>'new')::int END END,
           CASE c->>'type' WHEN 'many2one' THEN embudo.crm_tracking_label(c->>'field', NEW.company_id, (c->>'old')::int)
                           WHEN 'selection' THEN initcap(c->>'old') WHEN 'char' THEN c->>'old' END,
           CASE c->>'type' WHEN 'many2one' THEN embudo.crm_tracking_label(c->>'field', NEW.company_id, (c->>'new')::int)
                           WHEN 'selection' THEN initcap(c->>'new') WHEN 'char' THEN c->>'new' END,
           CASE WHEN c->>'type' = 'monetary' THEN (c->>'old')::numeric END,
           CASE WHEN c->>'type' = 'monetary' THEN (c->>'new')::numeric END,
           NULL, NULL
    FROM jsonb_array_elements(changes) c;
    RETURN NULL;
END
$$;
CREATE TRIGGER track AFTER INSERT OR UPDATE ON crm_lead FOR EACH ROW EXECUTE FUNCTION embudo.crm_lead_track();

-- A stage that still has leads cannot be deleted (archived leads count too).
CREATE FUNCTION embudo.crm_stage_before_delete() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    used int;
BEGIN
    SELECT count(*) INTO used FROM public.crm_lead l WHERE l.company_id = OLD.company_id AND l.stage_id = OLD.id;
    IF used > 0 THEN
        PERFORM embudo.refuse('user', format('The stage "%s" still holds %s lead(s) or opportunity(ies): move them to another stage before deleting it.', OLD.name, used));
    END IF;
    RETURN OLD;
END
$$;
CREATE TRIGGER keep_used BEFORE DELETE ON crm_stage FOR EACH ROW EXECUTE FUNCTION embudo.crm_stage_before_delete();

-- A lost reason still in use cannot be deleted either.
CREATE FUNCTION embudo.crm_lost_reason_before_delete() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM public.crm_lead l WHERE l.company_id = OLD.company_id AND l.lost_reason = OLD.id) THEN
        PERFORM embudo.refuse('user', format('The lost reason "%s" is used by leads: archive it instead.', OLD.name));
    END IF;
    RETURN OLD;
END
$$;
CREATE TRIGGER keep_used BEFORE DELETE ON crm_lost_reason FOR EACH ROW EXECUTE FUNCTION embudo.crm_lost_reason_before_delete();

-- ---------------------------------------------------------------------------------------------------
-- Actions
-- ---------------------------------------------------------------------------------------------------

-- Mark won: unarchive, first won stage of the lead's team (or shared), probability 100.
CREATE FUNCTION embudo.crm_action_set_won(ids int[]) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    lead record;
    won_stage int;
    done int := 0;
BEGIN
    FOR lead IN SELECT l.company_id, l.id, l.team_id, l.type FROM public.crm_lead l WHERE l.id = ANY (ids) ORDER BY l.id LOOP
        SELECT s.id INTO won_stage FROM public.crm_stage s
        WHERE s.company_id = lead.company_id AND s.is_won AND (s.team_id IS NULL OR s.team_id = lead.team_id)
        ORDER BY s.sequence, s.id LIMIT 1;
        IF won_stage IS NULL THEN
            PERFORM embudo.refuse('user', 'There is no won stage for this sales team: add one before marking opportunities won.');
        END IF;
        UPDATE public.crm_lead SET active = true, stage_id = won_stage, probability = 100, write_date = now(),
                                   write_uid = embudo.current_user_id()
        WHERE company_id = lead.company_id AND id = lead.id;
        done := done + 1;
    END LOOP;
    RETURN done;
END
$$;

-- Mark lost: archive (probability 0, date_closed) with the reason.
CREATE FUNCTION embudo.crm_action_set_lost(ids int[], reason int) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    done int;
BEGIN
    UPDATE public.crm_lead SET active = false, lost_reason = coalesce(reason, lost_reason), write_date = now(),
                               write_uid = embudo.current_user_id()
    WHERE id = ANY (ids) AND active;
    GET DIAGNOSTICS done = ROW_COUNT;
    RETURN done;
END
$$;

-- ---------------------------------------------------------------------------------------------------
-- Default data of a company: stages, lost reasons, the "Sales" team (reference §5).
-- ---------------------------------------------------------------------------------------------------

CREATE FUNCTION embudo.crm_seed_company(company int) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    team int;
BEGIN
    INSERT INTO public.crm_team (company_id, name, sequence, use_opportunities, alias_contact)
    VALUES (company, 'Sales', 0, true, 'everyone') RETURNING id INTO team;
    INSERT INTO public.ir_model_data (module, name, model, res_id, company_id)
    VALUES ('sales_team', 'team_sales_department', 'crm.team', team, company);
    WITH stages AS (
        INSERT INTO public.crm_stage (company_id, name, sequence, is_won)
        VALUES (company, 'New', 1, false), (company, 'Qualified', 2, false), (company, 'Proposition', 3, false), (company, 'Won', 70, true)
        RETURNING id, name
    )
    INSERT INTO public.ir_model_data (module, name, model, res_id, company_id)
    SELECT 'crm', 'stage_lead' || CASE name WHEN 'New' THEN 1 WHEN 'Qualified' THEN 2 WHEN 'Proposition' THEN 3 ELSE 4 END,
           'crm.stage', id, company
    FROM stages;
    WITH reasons AS (
        INSERT INTO public.crm_lost_reason (company_id, name)
        VALUES (company, 'Too expensive'), (company, 'We don''t have people/skills'), (company, 'Not enough stock')
        RETURNING id, name
    )
    INSERT INTO public.ir_model_data (module, name, model, res_id, company_id)
    SELECT 'crm', 'lost_reason_' || CASE name WHEN 'Too expensive' THEN 1 WHEN 'Not enough stock' THEN 3 ELSE 2 END,
           'crm.lost.reason', id, company
    FROM reasons;
END
$$;

CREATE FUNCTION embudo.crm_company_created() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM embudo.crm_seed_company(NEW.id);
    RETURN NULL;
END
$$;
CREATE TRIGGER crm_defaults AFTER INSERT ON res_company FOR EACH ROW EXECUTE FUNCTION embudo.crm_company_created();

-- The company's first administrator leads the default "Sales" team and belongs to it.
CREATE FUNCTION embudo.crm_member_added() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    team int;
BEGIN
    IF NEW.access_level <> 'admin' THEN
        RETURN NULL;
    END IF;
    SELECT d.res_id INTO team FROM public.ir_model_data d
    WHERE d.module = 'sales_team' AND d.name = 'team_sales_department' AND d.company_id = NEW.company_id;
    UPDATE public.crm_team t SET user_id = NEW.user_id
    WHERE t.company_id = NEW.company_id AND t.id = team AND t.user_id IS NULL;
    IF FOUND THEN
        INSERT INTO public.crm_team_member (company_id, team_id, user_id) VALUES (NEW.company_id, team, NEW.user_id)
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER crm_sales_team_leader AFTER INSERT OR UPDATE OF access_level ON res_company_member
    FOR EACH ROW EXECUTE FUNCTION embudo.crm_member_added();

-- Existing companies get their default data now. The migration runs as the tables' owner, which the
-- forced row-level security keeps out of every company: lift it for the backfill only.
ALTER TABLE res_company NO FORCE ROW LEVEL SECURITY;
ALTER TABLE crm_team NO FORCE ROW LEVEL SECURITY;
ALTER TABLE crm_team_member NO FORCE ROW LEVEL SECURITY;
ALTER TABLE crm_stage NO FORCE ROW LEVEL SECURITY;
ALTER TABLE crm_lost_reason NO FORCE ROW LEVEL SECURITY;
SELECT embudo.crm_seed_company(c.id) FROM res_company c ORDER BY c.id;
UPDATE crm_team t SET user_id = first_admin.user_id
FROM (SELECT DISTINCT ON (m.company_id) m.company_id, m.user_id FROM res_company_member m
      WHERE m.access_level = 'admin' ORDER BY m.company_id, m.user_id) first_admin
WHERE t.company_id = first_admin.company_id AND t.name = 'Sales' AND t.user_id IS NULL;
INSERT INTO crm_team_member (company_id, team_id, user_id)
SELECT t.company_id, t.id, t.user_id FROM crm_team t WHERE t.user_id IS NOT NULL ON CONFLICT DO NOTHING;
ALTER TABLE res_company FORCE ROW LEVEL SECURITY;
ALTER TABLE crm_team FORCE ROW LEVEL SECURITY;
ALTER TABLE crm_team_member FORCE ROW LEVEL SECURITY;
ALTER TABLE crm_stage FORCE ROW LEVEL SECURITY;
ALTER TABLE crm_lost_reason FORCE ROW LEVEL SECURITY;

INSERT INTO ir_model (model, name) VALUES
    ('crm.lead', 'Lead/Opportunity'), ('crm.stage', 'CRM Stages'), ('crm.team', 'Sales Team'), ('crm.tag', 'CRM Tag'),
    ('crm.lost.reason', 'Opp. Lost Reason'), ('utm.campaign', 'UTM Campaign'), ('utm.medium', 'UTM Medium'),
    ('utm.source', 'UTM Source'), ('mail.message', 'Message'), ('mail.tracking.value', 'Mail Tracking Value'),
    ('mail.message.subtype', 'Message subtypes'), ('mail.followers', 'Document Followers'),
    ('crm.lead.lost', 'Get Lost Reason'), ('crm.lead2opportunity.partner', 'Convert Lead to Opportunity (not in mass)'),
    ('crm.lead2opportunity.partner.mass', 'Convert Lead to Opportunity (in mass)'),
    ('crm.merge.opportunity', 'Merge Opportunities'), ('res.config.settings', 'Config Settings');

GRANT EXECUTE ON FUNCTION
    embudo.subtype(text), embudo.crm_follow(int, int, int), embudo.crm_default_team(int, int, text),
    embudo.crm_first_stage(int, int, boolean), embudo.crm_team_win_rate(int, int), embudo.normalize_email(text),
    embudo.crm_lead_from_partner(crm_lead, boolean), embudo.crm_count_closing(crm_lead, int),
    embudo.crm_tracking_label(text, int, int), embudo.crm_action_set_won(int[]), embudo.crm_action_set_lost(int[], int),
    embudo.crm_team_member_move(), embudo.crm_team_clean(), embudo.crm_lead_before_insert(), embudo.crm_lead_before_update(),
    embudo.crm_lead_track(), embudo.crm_stage_before_delete(), embudo.crm_lost_reason_before_delete()
TO embudo_service;
GRANT EXECUTE ON FUNCTION embudo.normalize_email(text) TO embudo_bi;

-- ---------------------------------------------------------------------------------------------------
-- Wizards (Odoo's transient models: crm.lead.lost, crm.lead2opportunity.partner, res.config.settings…):
-- a client creates one, then calls its action with the wizard's id. Each user sees only their own.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE embudo.transient_record (
    company_id int NOT NULL REFERENCES res_company (id) ON DELETE CASCADE,
    id int GENERATED ALWAYS AS IDENTITY,
    model text NOT NULL,
    vals jsonb NOT NULL DEFAULT '{}',
    context jsonb NOT NULL DEFAULT '{}',
    create_uid int NOT NULL DEFAULT embudo.current_user_id() REFERENCES res_users (id) ON DELETE CASCADE,
    create_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id)
);
CREATE UNIQUE INDEX transient_record_id ON embudo.transient_record (id);
CREATE INDEX transient_record_age ON embudo.transient_record (create_date);
SELECT embudo.enable_tenancy('embudo.transient_record');
REVOKE SELECT ON embudo.transient_record FROM embudo_bi;
REVOKE UPDATE ON embudo.transient_record FROM embudo_service;
CREATE POLICY own_wizards ON embudo.transient_record TO embudo_service
    USING (create_uid = (SELECT embudo.current_user_id())) WITH CHECK (create_uid = (SELECT embudo.current_user_id()));

-- A customer's sales team.
ALTER TABLE res_partner ADD COLUMN team_id int;
ALTER TABLE res_partner ADD FOREIGN KEY (company_id, team_id) REFERENCES crm_team (company_id, id) ON DELETE SET NULL (team_id);
CREATE INDEX res_partner_team ON res_partner (company_id, team_id);

-- ---------------------------------------------------------------------------------------------------
-- "Forbidden" or "missing"? A record the user's level hides is refused with an access error, as Odoo's
-- record rules do, not reported missing. The check runs as the tables' owner, which sees the records
-- of the request's companies (and only those: the tenant fence still applies) through owner policies.
-- ---------------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION embudo.company_ids(minimum embudo.access_level DEFAULT 'own') RETURNS int[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    -- The owner acts here only inside the service's own SECURITY DEFINER checks (and migrations, which
    -- set no context and so see no company).
    IF current_user IN ('embudo_service', 'embudo_owner') THEN
        RETURN embudo.member_company_ids(
            nullif(current_setting('embudo.user_id', true), '')::int,
            string_to_array(nullif(current_setting('embudo.company_ids', true), ''), ',')::int[],
            minimum);
    END IF;
    IF minimum > 'all' THEN
        RETURN '{}';
    END IF;
    RETURN ARRAY(
        SELECT b.company_id
        FROM embudo.company_bi_role b
        JOIN pg_roles r ON r.rolname = b.role_name
        WHERE pg_has_role(current_user, r.oid, 'USAGE'));
END
$$;

CREATE POLICY owner_exists ON crm_lead FOR SELECT TO embudo_owner USING (true);

-- How many of `ids` exist in the request's companies, whatever the user's access level.
CREATE FUNCTION embudo.count_existing(target regclass, ids int[]) RETURNS int
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    found int;
BEGIN
    EXECUTE format('SELECT count(*)::int FROM %s WHERE id = ANY ($1)', target) INTO found USING ids;
    RETURN found;
END
$$;
GRANT EXECUTE ON FUNCTION embudo.count_existing(regclass, int[]) TO embudo_service;
