-- The CRM pipeline's catalogs: sales teams and their members, stages, tags, lost reasons, UTM
-- campaigns, media and sources. Behaviour that must hold whoever writes (API, migrations, psql) lives in
-- triggers; the access rules are row-level-security policies.
--
-- Access (Flectra's sales groups, reference §3): only "admin" edits stages, teams and lost reasons;
-- every member creates and edits tags, only administrators delete them.

-- The "Leads" setting (Odoo's crm.group_use_lead) of the company.
GRANT UPDATE (crm_use_leads) ON res_company TO embudo_service;

-- Sales teams (leader, members, pipeline options, monthly target, email alias), their members, stages
-- and lost reasons: administrators edit them. Tags: every member creates and edits them. UTM campaigns,
-- media and sources are shared records.
SELECT embudo.enable_tenancy(t), embudo.enable_catalog_policies(t, 'admin', 'admin')
FROM unnest('{crm_team, crm_team_member, crm_stage, crm_lost_reason}'::regclass[]) t;
SELECT embudo.enable_tenancy('crm_tag'), embudo.enable_catalog_policies('crm_tag', 'own', 'admin');
SELECT embudo.enable_tenancy(t), embudo.enable_shared_record_policies(t)
FROM unnest('{utm_campaign, utm_medium, utm_source}'::regclass[]) t;
-- A deleted team leaves its stages to every team; a team's leader leaving the company leaves it without
-- one (base/policies.sql, embudo.enable_unlink).
SELECT embudo.enable_unlink('crm_stage', 'team_id', 'crm_team');
SELECT embudo.enable_unlink('crm_team', 'user_id', 'res_company_member');

-- Joining a team leaves the previous one.
CREATE OR REPLACE FUNCTION embudo.crm_team_member_move() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    DELETE FROM public.crm_team_member m
    WHERE m.company_id = NEW.company_id AND m.user_id = NEW.user_id AND m.team_id <> NEW.team_id;
    RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER move_member BEFORE INSERT ON crm_team_member FOR EACH ROW EXECUTE FUNCTION embudo.crm_team_member_move();

-- Alias names are cleaned as Odoo does: lower case, accents dropped, text after '@' dropped, anything
-- outside word characters, '+' and '.' turned into '-'. A team using neither leads nor opportunities
-- has no alias.
CREATE OR REPLACE FUNCTION embudo.crm_team_clean() RETURNS trigger
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
CREATE OR REPLACE TRIGGER clean BEFORE INSERT OR UPDATE ON crm_team FOR EACH ROW EXECUTE FUNCTION embudo.crm_team_clean();

-- A stage that still has leads cannot be deleted (archived leads count too).
CREATE OR REPLACE FUNCTION embudo.crm_stage_before_delete() RETURNS trigger
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
CREATE OR REPLACE TRIGGER keep_used BEFORE DELETE ON crm_stage FOR EACH ROW EXECUTE FUNCTION embudo.crm_stage_before_delete();

-- A lost reason still in use cannot be deleted either.
CREATE OR REPLACE FUNCTION embudo.crm_lost_reason_before_delete() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM public.crm_lead l WHERE l.company_id = OLD.company_id AND l.lost_reason = OLD.id) THEN
        PERFORM embudo.refuse('user', format('The lost reason "%s" is used by leads: archive it instead.', OLD.name));
    END IF;
    RETURN OLD;
END
$$;
CREATE OR REPLACE TRIGGER keep_used BEFORE DELETE ON crm_lost_reason FOR EACH ROW EXECUTE FUNCTION embudo.crm_lost_reason_before_delete();

GRANT EXECUTE ON FUNCTION embudo.crm_team_member_move(), embudo.crm_team_clean(), embudo.crm_stage_before_delete(),
    embudo.crm_lost_reason_before_delete()
TO embudo_service;
