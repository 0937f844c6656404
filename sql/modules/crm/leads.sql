-- Leads and opportunities (one table, converted in place): access, defaults and computed values, the
-- history (mail.message with tracking values, followers), the teams' closing counters, and the won /
-- lost actions.
--
-- Access (Flectra's sales groups, reference §3): "own" reads and edits leads where it is the salesperson
-- or none is set, "all" every lead of the company, only "admin" deletes leads.

SELECT embudo.enable_tenancy('crm_lead');
SELECT embudo.enable_salesperson_documents('crm_lead');

-- A lead's tags follow the lead's own visibility.
SELECT embudo.enable_tenancy('crm_tag_rel');
SELECT embudo.enable_follower_policy('crm_tag_rel', 'with_lead', 'crm_lead', 'lead_id');
-- A new salesperson reaches the copies of the rows that follow the lead (base/policies.sql says why a
-- trigger): its tags, activities, messages, followers, attachments and mail.
CREATE OR REPLACE FUNCTION embudo.crm_lead_salesperson_follows() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    company constant int := NEW.company_id;
    document constant int := NEW.id;
    previous_key constant int := OLD.salesperson_key;
    current_key constant int := NEW.salesperson_key;
BEGIN
    UPDATE public.crm_tag_rel SET salesperson_key = current_key WHERE company_id = company AND lead_id = document AND salesperson_key = previous_key;
    UPDATE public.mail_activity SET lead_salesperson_key = current_key WHERE company_id = company AND lead_id = document AND lead_salesperson_key = previous_key;
    UPDATE public.mail_message SET lead_salesperson_key = current_key WHERE company_id = company AND lead_id = document AND lead_salesperson_key = previous_key;
    UPDATE public.mail_followers SET lead_salesperson_key = current_key WHERE company_id = company AND res_id = document AND lead_salesperson_key = previous_key;
    UPDATE public.ir_attachment SET lead_salesperson_key = current_key
    WHERE company_id = company AND res_model = 'crm.lead' AND res_id = document AND lead_salesperson_key = previous_key;
    UPDATE public.mail_mail SET lead_salesperson_key = current_key WHERE company_id = company AND model = 'crm.lead' AND res_id = document AND lead_salesperson_key = previous_key;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER salesperson_key_follows AFTER UPDATE ON crm_lead FOR EACH ROW
WHEN (OLD.salesperson_key IS DISTINCT FROM NEW.salesperson_key) EXECUTE FUNCTION embudo.crm_lead_salesperson_follows();

-- Closed opportunities per team and month, kept by the lead trigger, so that a new lead's probability
-- (the team's share of won among its closed opportunities of the last year) does not depend on which
-- leads the salesperson may read.
SELECT embudo.enable_tenancy('crm_team_closing');
SELECT embudo.replace_policy('crm_team_closing', 'member_all', 'TO embudo_service USING (true) WITH CHECK (true)');
REVOKE DELETE ON crm_team_closing FROM embudo_service;
-- What a lead's triggers write when the owner unlinks it from a deleted team, customer or salesperson
-- (base/policies.sql): history, closing counters, copies.
SELECT embudo.enable_owner_writes_policy(t)
FROM unnest('{crm_tag_rel, mail_message, mail_tracking_value, mail_followers, ir_attachment, crm_team_closing}'::regclass[]) t;
-- The keys that become NULL when what they name is deleted (base/policies.sql, embudo.enable_unlink).
SELECT embudo.enable_unlink('crm_lead', k.col, k.named)
FROM (VALUES ('campaign_id', 'utm_campaign'), ('medium_id', 'utm_medium'), ('source_id', 'utm_source'),
             ('partner_id', 'res_partner'), ('team_id', 'crm_team'), ('user_id', 'res_company_member')) k (col, named);
SELECT embudo.enable_unlink('res_partner', 'team_id', 'crm_team');

-- Adds a user as follower of a lead (no-op when already following).
CREATE OR REPLACE FUNCTION embudo.crm_follow(company int, lead int, follower int) RETURNS void
LANGUAGE plpgsql
AS $$
#variable_conflict use_column
BEGIN
    INSERT INTO public.mail_followers (company_id, res_model, res_id, user_id)
    SELECT company, 'crm.lead', lead, follower WHERE follower IS NOT NULL
    ON CONFLICT DO NOTHING;
END
$$;

-- ---------------------------------------------------------------------------------------------------
-- Lead behaviour
-- ---------------------------------------------------------------------------------------------------

-- The team of a salesperson (reference §2.2): an active team the user leads or belongs to, else the
-- first team by sequence among those that use leads (for a lead) or opportunities.
CREATE OR REPLACE FUNCTION embudo.crm_default_team(company int, salesperson int, lead_type text) RETURNS int
LANGUAGE plpgsql STABLE
AS $$
DECLARE
    team int;
BEGIN
    -- (Every table read names the company itself, not through another's column: on Citus, where this
    -- runs on the lead's node, each query is then one task there.)
    IF salesperson IS NOT NULL THEN
        SELECT t.id INTO team FROM public.crm_team t
        WHERE t.company_id = company AND t.active
          AND (t.user_id = salesperson
               OR t.id IN (SELECT m.team_id FROM public.crm_team_member m WHERE m.company_id = company AND m.user_id = salesperson))
        ORDER BY t.sequence, t.id LIMIT 1;
    END IF;
    IF team IS NULL THEN
        SELECT t.id INTO team FROM public.crm_team t
        WHERE t.company_id = company AND t.active AND (CASE WHEN lead_type = 'lead' THEN t.use_leads ELSE t.use_opportunities END)
        ORDER BY t.sequence, t.id LIMIT 1;
    END IF;
    RETURN team;
END
$$;

-- The first stage for a team: shared stages and the team's own, by sequence; unfolded ones only when
-- asked.
CREATE OR REPLACE FUNCTION embudo.crm_first_stage(company int, team int, unfolded_only boolean) RETURNS int
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT s.id FROM public.crm_stage s
        WHERE s.company_id = company AND (s.team_id IS NULL OR s.team_id = team) AND (NOT unfolded_only OR NOT s.fold)
        ORDER BY s.sequence, s.id
        LIMIT 1
    );
END
$$;

-- A new lead's probability: the team's share of won among its opportunities closed in the last year,
-- 10 when it closed none.
CREATE OR REPLACE FUNCTION embudo.crm_team_win_rate(company int, team int) RETURNS double precision
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT CASE WHEN coalesce(sum(c.won + c.lost), 0) = 0 THEN 10
                    ELSE round((100.0 * sum(c.won) / sum(c.won + c.lost))::numeric, 2)::double precision END
        FROM public.crm_team_closing c
        WHERE c.company_id = company AND c.team_id = team AND c.month >= date_trunc('month', now() - interval '1 year')
    );
END
$$;

-- Copies a customer's details onto the lead (reference §2.7). `overwrite` is false on creation, where
-- values the client gave win.
CREATE OR REPLACE FUNCTION embudo.crm_lead_from_partner(lead anyelement, overwrite boolean) RETURNS anyelement
LANGUAGE plpgsql STABLE
AS $$
DECLARE
    -- A record, whose fields PL/pgSQL resolves when it runs: `lead` is a crm_lead row, or on Citus the
    -- row of one of its shards (hence anyelement), whose fields PL/pgSQL cannot assign to by name.
    changed record := lead;
    p public.res_partner;
    parent_name text;
BEGIN
    SELECT * INTO p FROM public.res_partner WHERE company_id = changed.company_id AND id = changed.partner_id;
    IF NOT FOUND THEN
        RETURN changed;
    END IF;
    IF p.street IS NOT NULL OR p.street2 IS NOT NULL OR p.city IS NOT NULL OR p.zip IS NOT NULL
       OR p.state_id IS NOT NULL OR p.country_id IS NOT NULL THEN
        IF overwrite OR (changed.street IS NULL AND changed.street2 IS NULL AND changed.city IS NULL AND changed.zip IS NULL
                         AND changed.state_id IS NULL AND changed.country_id IS NULL) THEN
            changed.street := p.street; changed.street2 := p.street2; changed.city := p.city; changed.zip := p.zip;
            changed.state_id := p.state_id; changed.country_id := p.country_id;
        END IF;
    END IF;
    IF p.mobile IS NOT NULL AND (overwrite OR changed.mobile IS NULL) THEN changed.mobile := p.mobile; END IF;
    IF p.title IS NOT NULL AND (overwrite OR changed.title IS NULL) THEN changed.title := p.title; END IF;
    IF p.function IS NOT NULL AND (overwrite OR changed.function IS NULL) THEN changed.function := p.function; END IF;
    IF p.website IS NOT NULL AND (overwrite OR changed.website IS NULL) THEN changed.website := p.website; END IF;
    IF p.lang IS NOT NULL AND (overwrite OR changed.lang_id IS NULL) THEN
        changed.lang_id := coalesce((SELECT l.id FROM public.res_lang l WHERE l.code = p.lang), changed.lang_id);
    END IF;
    IF NOT p.is_company AND (overwrite OR changed.contact_name IS NULL) THEN changed.contact_name := p.name; END IF;
    IF p.is_company THEN
        parent_name := p.name;
    ELSIF p.parent_id IS NOT NULL THEN
        SELECT name INTO parent_name FROM public.res_partner WHERE company_id = p.company_id AND id = p.parent_id;
    END IF;
    IF parent_name IS NOT NULL AND (overwrite OR changed.partner_name IS NULL) THEN changed.partner_name := parent_name; END IF;
    IF p.email IS NOT NULL AND (overwrite OR changed.email_from IS NULL)
       AND embudo.normalize_email(p.email) IS DISTINCT FROM embudo.normalize_email(changed.email_from) THEN
        changed.email_from := p.email;
    END IF;
    IF p.phone IS NOT NULL AND (overwrite OR changed.phone IS NULL) THEN changed.phone := p.phone; END IF;
    RETURN changed;
END
$$;

-- Updates the team's closing counters when a lead enters or leaves won / lost.
CREATE OR REPLACE FUNCTION embudo.crm_count_closing(lead anyelement, sign int) RETURNS void
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
CREATE OR REPLACE FUNCTION embudo.crm_lead_before_insert() RETURNS trigger
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
CREATE OR REPLACE TRIGGER compute_on_create BEFORE INSERT ON crm_lead FOR EACH ROW EXECUTE FUNCTION embudo.crm_lead_before_insert();

-- Effects of a write (reference §2.2, §2.5–2.7).
CREATE OR REPLACE FUNCTION embudo.crm_lead_before_update() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    new_won boolean;
    old_won boolean;
    written public.crm_lead;
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
    -- What this write sets, before the customer's details fill the rest.
    written := NEW;
    IF NEW.partner_id IS DISTINCT FROM OLD.partner_id AND NEW.partner_id IS NOT NULL THEN
        -- The new customer's details replace the lead's, except what the same write sets: as in Odoo, a
        -- value written wins over the customer's (the user chose a customer and typed an e-mail).
        NEW := embudo.crm_lead_from_partner(NEW, true);
        IF written.email_from IS DISTINCT FROM OLD.email_from THEN NEW.email_from := written.email_from; END IF;
        IF written.phone IS DISTINCT FROM OLD.phone THEN NEW.phone := written.phone; END IF;
        IF written.mobile IS DISTINCT FROM OLD.mobile THEN NEW.mobile := written.mobile; END IF;
        IF written.contact_name IS DISTINCT FROM OLD.contact_name THEN NEW.contact_name := written.contact_name; END IF;
        IF written.partner_name IS DISTINCT FROM OLD.partner_name THEN NEW.partner_name := written.partner_name; END IF;
        IF written.title IS DISTINCT FROM OLD.title THEN NEW.title := written.title; END IF;
        IF written.function IS DISTINCT FROM OLD.function THEN NEW.function := written.function; END IF;
        IF written.website IS DISTINCT FROM OLD.website THEN NEW.website := written.website; END IF;
        IF written.lang_id IS DISTINCT FROM OLD.lang_id THEN NEW.lang_id := written.lang_id; END IF;
        IF (written.street, written.street2, written.city, written.zip, written.state_id, written.country_id)
           IS DISTINCT FROM (OLD.street, OLD.street2, OLD.city, OLD.zip, OLD.state_id, OLD.country_id) THEN
            NEW.street := written.street; NEW.street2 := written.street2; NEW.city := written.city; NEW.zip := written.zip;
            NEW.state_id := written.state_id; NEW.country_id := written.country_id;
        END IF;
    END IF;
    IF NEW.partner_id IS NOT NULL AND (written.email_from IS DISTINCT FROM OLD.email_from OR written.phone IS DISTINCT FROM OLD.phone) THEN
        -- An e-mail or phone written on the lead updates its customer (the new one, when both change).
        UPDATE public.res_partner p
        SET email = CASE WHEN written.email_from IS DISTINCT FROM OLD.email_from THEN NEW.email_from ELSE p.email END,
            phone = CASE WHEN written.phone IS DISTINCT FROM OLD.phone THEN NEW.phone ELSE p.phone END,
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
CREATE OR REPLACE TRIGGER compute_on_write BEFORE UPDATE ON crm_lead FOR EACH ROW EXECUTE FUNCTION embudo.crm_lead_before_update();

-- The label of a tracked many2one value. (PL/pgSQL, so that its plans are kept: a SQL function with
-- queries is planned again at every statement that calls it, activities/activities.sql says more.)
CREATE OR REPLACE FUNCTION embudo.crm_tracking_label(field text, company int, value int) RETURNS text
LANGUAGE plpgsql STABLE
AS $$
BEGIN
    CASE crm_tracking_label.field
        WHEN 'user_id' THEN
            RETURN (SELECT u.name FROM public.res_users u WHERE u.id = crm_tracking_label.value);
        WHEN 'team_id' THEN
            RETURN (SELECT t.name FROM public.crm_team t WHERE t.company_id = crm_tracking_label.company AND t.id = crm_tracking_label.value);
        WHEN 'stage_id' THEN
            RETURN (SELECT s.name FROM public.crm_stage s WHERE s.company_id = crm_tracking_label.company AND s.id = crm_tracking_label.value);
        WHEN 'partner_id' THEN
            RETURN (SELECT p.name FROM public.res_partner p WHERE p.company_id = crm_tracking_label.company AND p.id = crm_tracking_label.value);
        WHEN 'lost_reason' THEN
            RETURN (SELECT r.name FROM public.crm_lost_reason r WHERE r.company_id = crm_tracking_label.company AND r.id = crm_tracking_label.value);
        ELSE
            RETURN NULL;
    END CASE;
END
$$;

-- History: the creation message, and on every change of a tracked field a message with its tracking
-- values and Odoo's subtype (reference §2.15); followers: the creator and the salesperson.
CREATE OR REPLACE FUNCTION embudo.crm_lead_track() RETURNS trigger
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
CREATE OR REPLACE TRIGGER track AFTER INSERT OR UPDATE ON crm_lead FOR EACH ROW EXECUTE FUNCTION embudo.crm_lead_track();

-- ---------------------------------------------------------------------------------------------------
-- Actions
-- ---------------------------------------------------------------------------------------------------

-- Mark won: unarchive, first won stage of the lead's team (or shared), probability 100.
CREATE OR REPLACE FUNCTION embudo.crm_action_set_won(ids int[]) RETURNS int
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
CREATE OR REPLACE FUNCTION embudo.crm_action_set_lost(ids int[], reason int) RETURNS int
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

GRANT EXECUTE ON FUNCTION
    embudo.crm_follow(int, int, int), embudo.crm_default_team(int, int, text), embudo.crm_first_stage(int, int, boolean),
    embudo.crm_team_win_rate(int, int), embudo.crm_lead_from_partner(anyelement, boolean), embudo.crm_count_closing(anyelement, int),
    embudo.crm_tracking_label(text, int, int), embudo.crm_action_set_won(int[]), embudo.crm_action_set_lost(int[], int),
    embudo.crm_lead_before_insert(), embudo.crm_lead_before_update(), embudo.crm_lead_track()
TO embudo_service;
