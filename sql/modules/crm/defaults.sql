-- Default data of every company (reference §5): the "Sales" team, the stages New, Qualified,
-- Proposition and Won, and three lost reasons, with per-company external ids, named in the company's
-- language (Ventas; Nuevo, Calificado, Propuesta, Ganado); the company's first administrator leads the
-- team.

-- Seeds a new company. embudo.create_company (base/companies.sql) calls each module's seed function,
-- embudo.seed_<NN>_<module>(company), in the order of their names, which is the modules' order:
-- seed_20_crm, seed_30_activities, seed_40_sale, seed_60_calendar. (Not triggers of res_company: on
-- Citus a reference table's triggers run on each node's copy.)
CREATE OR REPLACE FUNCTION embudo.seed_20_crm(company int) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    lang constant text := (SELECT c.lang FROM public.res_company c WHERE c.id = company);
    team int;
    spec record;
    created int;
BEGIN
    INSERT INTO public.crm_team (company_id, name, sequence, use_opportunities, alias_contact)
    VALUES (company, embudo.localized(lang, 'Sales', 'Ventas'), 0, true, 'everyone') RETURNING id INTO team;
    INSERT INTO public.ir_model_data (module, name, model, res_id, company_id)
    VALUES ('sales_team', 'team_sales_department', 'crm.team', team, company);
    FOR spec IN SELECT * FROM (VALUES
        ('stage_lead1', 'New', 'Nuevo', 1, false), ('stage_lead2', 'Qualified', 'Calificado', 2, false),
        ('stage_lead3', 'Proposition', 'Propuesta', 3, false), ('stage_lead4', 'Won', 'Ganado', 70, true)
    ) s (xmlid, english, spanish, sequence, is_won) LOOP
        INSERT INTO public.crm_stage (company_id, name, sequence, is_won)
        VALUES (company, embudo.localized(lang, spec.english, spec.spanish), spec.sequence, spec.is_won) RETURNING id INTO created;
        INSERT INTO public.ir_model_data (module, name, model, res_id, company_id) VALUES ('crm', spec.xmlid, 'crm.stage', created, company);
    END LOOP;
    FOR spec IN SELECT * FROM (VALUES
        ('lost_reason_1', 'Too expensive', 'Demasiado caro'),
        ('lost_reason_2', 'We don''t have people/skills', 'No tenemos el personal o las habilidades'),
        ('lost_reason_3', 'Not enough stock', 'No hay suficiente inventario')
    ) s (xmlid, english, spanish) LOOP
        INSERT INTO public.crm_lost_reason (company_id, name) VALUES (company, embudo.localized(lang, spec.english, spec.spanish))
        RETURNING id INTO created;
        INSERT INTO public.ir_model_data (module, name, model, res_id, company_id) VALUES ('crm', spec.xmlid, 'crm.lost.reason', created, company);
    END LOOP;
END
$$;

-- The company's first administrator leads the default "Sales" team and belongs to it (called by
-- embudo.grant_member: memberships.sql).
CREATE OR REPLACE FUNCTION embudo.member_granted_20_crm(company int, target int, level embudo.access_level) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    team int;
BEGIN
    IF level <> 'admin' THEN
        RETURN;
    END IF;
    SELECT d.res_id INTO team FROM public.ir_model_data d
    WHERE d.module = 'sales_team' AND d.name = 'team_sales_department' AND d.company_id = company;
    UPDATE public.crm_team t SET user_id = target
    WHERE t.company_id = company AND t.id = team AND t.user_id IS NULL;
    IF FOUND THEN
        INSERT INTO public.crm_team_member (company_id, team_id, user_id) VALUES (company, team, target)
        ON CONFLICT DO NOTHING;
    END IF;
END
$$;
