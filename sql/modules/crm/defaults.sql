-- Default data of every company (reference §5): the "Sales" team, the stages New, Qualified,
-- Proposition and Won, and three lost reasons, with per-company external ids; the company's first
-- administrator leads the team.

-- Seeds a new company. The seed triggers of res_company fire in the order of their names, which is the
-- modules' order: seed_20_crm, seed_30_activities, seed_40_sale.
CREATE OR REPLACE FUNCTION embudo.crm_seed_company() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    company int := NEW.id;
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
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER seed_20_crm AFTER INSERT ON res_company FOR EACH ROW EXECUTE FUNCTION embudo.crm_seed_company();

-- The company's first administrator leads the default "Sales" team and belongs to it.
CREATE OR REPLACE FUNCTION embudo.crm_member_added() RETURNS trigger
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
CREATE OR REPLACE TRIGGER crm_sales_team_leader AFTER INSERT OR UPDATE OF access_level ON res_company_member
    FOR EACH ROW EXECUTE FUNCTION embudo.crm_member_added();
