-- Reports for BI tools and the API (reference §2.20, §4, §6): the `report` schema of views that
-- Metabase, Superset or psql query through each company's own BI login.
--
-- How a BI login sees exactly its company's rows, and nothing else:
--   * `report.*` views are `security_invoker` and owned by embudo_owner: the caller's rights apply.
--   * They read `report_source.*` views, owned by embudo_report, which holds the table rights (BI
--     logins have none on tables). Row-level security applies to embudo_report like to any reader, and
--     the policies' `current_user` is the querying login, whose BI group names its company; tenant
--     settings (`embudo.company_ids`) are ignored for every role but the service.
--   * Month columns are computed in the company's time zone.

ALTER TABLE res_company ADD COLUMN tz text NOT NULL DEFAULT 'UTC' CHECK (tz <> '');
GRANT UPDATE (tz) ON res_company TO embudo_service;

-- Table rights move from the BI group to embudo_report: BI logins read views only.
DO $$
DECLARE
    grant_row record;
BEGIN
    FOR grant_row IN
        SELECT DISTINCT table_schema, table_name FROM information_schema.role_table_grants
        WHERE grantee = 'embudo_bi' AND privilege_type = 'SELECT' AND table_schema = 'public'
    LOOP
        EXECUTE format('REVOKE SELECT ON %I.%I FROM embudo_bi', grant_row.table_schema, grant_row.table_name);
        EXECUTE format('GRANT SELECT ON %I.%I TO embudo_report', grant_row.table_schema, grant_row.table_name);
    END LOOP;
END
$$;
GRANT SELECT ON crm_stage, crm_team, crm_lead, crm_lost_reason, mail_message, mail_message_subtype, mail_activity,
    mail_activity_type, sale_order, sale_order_line, product_product, res_partner, res_company, res_country, res_users,
    uom_uom TO embudo_report;
GRANT USAGE ON SCHEMA public, embudo TO embudo_report;

-- New tenant tables grant their reads to embudo_report from now on.
CREATE OR REPLACE FUNCTION embudo.enable_tenancy(target regclass, company_column name DEFAULT 'company_id') RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format(
        'CREATE POLICY tenant_fence ON %s AS RESTRICTIVE FOR ALL '
        'USING (%2$I = ANY ((SELECT embudo.company_ids())::int[])) WITH CHECK (%2$I = ANY ((SELECT embudo.company_ids())::int[]))',
        target, company_column);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO embudo_service', target);
    EXECUTE format('GRANT SELECT ON %s TO embudo_report', target);
END
$$;

-- Salespeople's names for reports: the members of the companies the reader may see (the policies'
-- current_user is the querying login or the service, so company_ids() names the right companies).
GRANT SELECT ON res_company_member TO embudo_report;
CREATE POLICY report_members ON res_company_member FOR SELECT TO embudo_report
    USING (company_id = ANY ((SELECT embudo.company_ids())::int[]));
CREATE POLICY report_names ON res_users FOR SELECT TO embudo_report
    USING (id IN (SELECT m.user_id FROM res_company_member m));

-- A BI login gets a statement timeout and plain plans; revoking drops it.
CREATE OR REPLACE FUNCTION embudo.create_bi_login(company int, login name, password text) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    group_role name := (SELECT role_name FROM embudo.company_bi_role WHERE company_id = company);
BEGIN
    IF group_role IS NULL THEN
        RAISE EXCEPTION 'company % does not exist', company USING ERRCODE = 'foreign_key_violation';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', login, password, group_role);
    EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', login, '60s');
    EXECUTE format('ALTER ROLE %I SET max_parallel_workers_per_gather = 0', login);
    EXECUTE format('ALTER ROLE %I SET search_path = report', login);
    EXECUTE format('ALTER ROLE %I SET default_transaction_read_only = on', login);
END
$$;

-- Removes a BI login (only roles that belong to a company's BI group).
CREATE FUNCTION embudo.drop_bi_login(login name) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_auth_members am JOIN pg_roles member ON member.oid = am.member
                   JOIN pg_roles grp ON grp.oid = am.roleid JOIN embudo.company_bi_role b ON b.role_name = grp.rolname
                   WHERE member.rolname = login) THEN
        RAISE EXCEPTION '% is not a BI login', login USING ERRCODE = 'undefined_object';
    END IF;
    EXECUTE format('DROP ROLE %I', login);
END
$$;

CREATE SCHEMA report_source AUTHORIZATION embudo_report;
CREATE SCHEMA report AUTHORIZATION embudo_owner;
COMMENT ON SCHEMA report IS 'Pipeline, forecast, revenue, leads, activity, team and sales reports for BI tools: every company sees its own rows.';
COMMENT ON SCHEMA report_source IS 'The sources of the report views (not for direct use).';
GRANT USAGE ON SCHEMA report, report_source TO embudo_bi, embudo_service;
ALTER DEFAULT PRIVILEGES FOR ROLE embudo_report IN SCHEMA report_source GRANT SELECT ON TABLES TO embudo_bi, embudo_service;
ALTER DEFAULT PRIVILEGES FOR ROLE embudo_owner IN SCHEMA report GRANT SELECT ON TABLES TO embudo_bi, embudo_service;

SET LOCAL ROLE embudo_report;

-- Today and month starts in each company's time zone.
CREATE VIEW report_source.company_clock AS
SELECT c.id AS company_id, c.tz, (now() AT TIME ZONE c.tz)::date AS today,
       date_trunc('month', now() AT TIME ZONE c.tz)::date AS month_start
FROM public.res_company c;

CREATE VIEW report_source.opportunity AS
SELECT l.company_id, l.id, l.name, l.type, l.active, l.priority,
       l.stage_id, s.name AS stage_name, s.sequence AS stage_sequence, coalesce(s.is_won, false) AS stage_is_won,
       l.team_id, t.name AS team_name, l.user_id, u.name AS salesperson_name,
       l.partner_id, p.name AS customer_name, l.country_id, co.name AS country_name,
       l.lost_reason AS lost_reason_id, r.name AS lost_reason_name,
       l.expected_revenue, l.prorated_revenue, l.probability,
       (l.active AND coalesce(l.probability, 0) < 100) AS is_open,
       (l.probability = 100) AS is_won,
       (NOT l.active AND coalesce(l.probability, 0) = 0) AS is_lost,
       (l.active AND coalesce(l.probability, 0) < 100 AND l.date_deadline < k.today) AS is_overdue,
       l.create_date, l.date_open, l.date_closed, l.date_conversion, l.date_deadline, l.date_last_stage_update,
       date_trunc('month', l.create_date AT TIME ZONE k.tz)::date AS create_month,
       date_trunc('month', l.date_open AT TIME ZONE k.tz)::date AS open_month,
       date_trunc('month', l.date_closed AT TIME ZONE k.tz)::date AS close_month,
       date_trunc('month', l.date_conversion AT TIME ZONE k.tz)::date AS conversion_month,
       date_trunc('month', l.date_deadline)::date AS deadline_month,
       l.day_open AS days_to_assign, l.day_close AS days_to_close,
       l.campaign_id, l.medium_id, l.source_id
FROM public.crm_lead l
JOIN report_source.company_clock k ON k.company_id = l.company_id
LEFT JOIN public.crm_stage s ON s.company_id = l.company_id AND s.id = l.stage_id
LEFT JOIN public.crm_team t ON t.company_id = l.company_id AND t.id = l.team_id
LEFT JOIN public.res_users u ON u.id = l.user_id
LEFT JOIN public.res_partner p ON p.company_id = l.company_id AND p.id = l.partner_id
LEFT JOIN public.res_country co ON co.id = l.country_id
LEFT JOIN public.crm_lost_reason r ON r.company_id = l.company_id AND r.id = l.lost_reason;

-- The pipeline: active opportunities by team and stage, every stage of the team listed.
CREATE VIEW report_source.pipeline_by_stage AS
SELECT s.company_id, t.id AS team_id, t.name AS team_name, s.id AS stage_id, s.name AS stage_name, s.sequence AS stage_sequence,
       s.is_won AS stage_is_won,
       count(l.id) AS opportunity_count,
       coalesce(sum(l.expected_revenue), 0) AS expected_revenue,
       coalesce(sum(l.prorated_revenue), 0) AS prorated_revenue
FROM public.crm_stage s
JOIN public.crm_team t ON t.company_id = s.company_id AND (s.team_id IS NULL OR s.team_id = t.id) AND t.active AND t.use_opportunities
LEFT JOIN public.crm_lead l ON l.company_id = s.company_id AND l.stage_id = s.id AND l.team_id = t.id AND l.type = 'opportunity' AND l.active
GROUP BY s.company_id, t.id, t.name, s.id, s.name, s.sequence, s.is_won;

-- Aggregates first, names after: the joins then touch one row per group, not one per lead.
CREATE VIEW report_source.forecast_monthly AS
SELECT a.company_id, a.deadline_month, a.team_id, t.name AS team_name, a.user_id, u.name AS salesperson_name,
       a.opportunity_count, a.expected_revenue, a.prorated_revenue, a.overdue_count
FROM (
    SELECT l.company_id, date_trunc('month', l.date_deadline)::date AS deadline_month, l.team_id, l.user_id,
           count(*) AS opportunity_count, sum(l.expected_revenue) AS expected_revenue, sum(l.prorated_revenue) AS prorated_revenue,
           count(*) FILTER (WHERE l.date_deadline < k.today) AS overdue_count
    FROM public.crm_lead l
    JOIN report_source.company_clock k ON k.company_id = l.company_id
    WHERE l.type = 'opportunity' AND l.active AND coalesce(l.probability, 0) < 100
    GROUP BY l.company_id, date_trunc('month', l.date_deadline), l.team_id, l.user_id
) a
LEFT JOIN public.crm_team t ON t.company_id = a.company_id AND t.id = a.team_id
LEFT JOIN public.res_users u ON u.id = a.user_id;

CREATE VIEW report_source.won_revenue_monthly AS
SELECT a.company_id, a.close_month, a.team_id, t.name AS team_name, a.user_id, u.name AS salesperson_name,
       a.won_count, a.won_revenue, a.lost_count,
       round(100.0 * a.won_count / nullif(a.won_count + a.lost_count, 0), 2) AS win_rate
FROM (
    SELECT l.company_id, date_trunc('month', l.date_closed AT TIME ZONE k.tz)::date AS close_month, l.team_id, l.user_id,
           count(*) FILTER (WHERE l.probability = 100) AS won_count,
           coalesce(sum(l.expected_revenue) FILTER (WHERE l.probability = 100), 0) AS won_revenue,
           count(*) FILTER (WHERE NOT l.active AND coalesce(l.probability, 0) = 0) AS lost_count
    FROM public.crm_lead l
    JOIN report_source.company_clock k ON k.company_id = l.company_id
    WHERE l.type = 'opportunity' AND l.date_closed IS NOT NULL
      AND (l.probability = 100 OR (NOT l.active AND coalesce(l.probability, 0) = 0))
    GROUP BY l.company_id, date_trunc('month', l.date_closed AT TIME ZONE k.tz), l.team_id, l.user_id
) a
LEFT JOIN public.crm_team t ON t.company_id = a.company_id AND t.id = a.team_id
LEFT JOIN public.res_users u ON u.id = a.user_id;

CREATE VIEW report_source.leads_monthly AS
SELECT a.company_id, a.create_month, a.team_id, t.name AS team_name, a.created_count, a.converted_count, a.lost_count,
       round(100.0 * a.converted_count / a.created_count, 2) AS conversion_rate, a.avg_days_to_assign, a.avg_days_to_close
FROM (
    SELECT l.company_id, date_trunc('month', l.create_date AT TIME ZONE k.tz)::date AS create_month, l.team_id,
           count(*) AS created_count,
           count(*) FILTER (WHERE l.date_conversion IS NOT NULL) AS converted_count,
           count(*) FILTER (WHERE NOT l.active AND coalesce(l.probability, 0) = 0) AS lost_count,
           round(avg(l.day_open)::numeric, 2) AS avg_days_to_assign,
           round(avg(l.day_close)::numeric, 2) AS avg_days_to_close
    FROM public.crm_lead l
    JOIN report_source.company_clock k ON k.company_id = l.company_id
    GROUP BY l.company_id, date_trunc('month', l.create_date AT TIME ZONE k.tz), l.team_id
) a
LEFT JOIN public.crm_team t ON t.company_id = a.company_id AND t.id = a.team_id;

-- Flectra's activity analysis: done activities and discussion messages on leads, plus the pending
-- activities with their state.
CREATE VIEW report_source.activity AS
SELECT a.id * 2 AS id, a.company_id, 'done'::text AS kind, a.id AS activity_id, NULL::int AS message_id, a.res_model, a.res_id, a.lead_id,
       a.activity_type_id, ty.name AS activity_type_name, a.summary, a.user_id, u.name AS user_name,
       a.date_done AS date, NULL::text AS state,
       l.team_id, l.stage_id, l.user_id AS lead_user_id, l.type AS lead_type, l.active AS lead_active
FROM public.mail_activity a
LEFT JOIN public.mail_activity_type ty ON ty.company_id = a.company_id AND ty.id = a.activity_type_id
LEFT JOIN public.res_users u ON u.id = a.user_id
LEFT JOIN public.crm_lead l ON l.company_id = a.company_id AND l.id = a.lead_id
WHERE NOT a.active AND a.date_done IS NOT NULL
UNION ALL
SELECT a.id * 2, a.company_id, 'pending', a.id, NULL, a.res_model, a.res_id, a.lead_id, a.activity_type_id, ty.name, a.summary, a.user_id, u.name,
       a.date_deadline, embudo.activity_state_at(a.date_deadline, coalesce(u.tz, 'UTC'), now()), l.team_id, l.stage_id, l.user_id, l.type, l.active
FROM public.mail_activity a
LEFT JOIN public.mail_activity_type ty ON ty.company_id = a.company_id AND ty.id = a.activity_type_id
LEFT JOIN public.res_users u ON u.id = a.user_id
LEFT JOIN public.crm_lead l ON l.company_id = a.company_id AND l.id = a.lead_id
WHERE a.active
UNION ALL
SELECT m.id * 2 + 1, m.company_id, 'message', NULL, m.id, m.model, m.res_id, m.lead_id, m.mail_activity_type_id, ty.name, m.subject, m.author_id, u.name,
       (m.date AT TIME ZONE 'UTC')::date, NULL, l.team_id, l.stage_id, l.user_id, l.type, l.active
FROM public.mail_message m
LEFT JOIN public.mail_activity_type ty ON ty.company_id = m.company_id AND ty.id = m.mail_activity_type_id
LEFT JOIN public.res_users u ON u.id = m.author_id
LEFT JOIN public.crm_lead l ON l.company_id = m.company_id AND l.id = m.lead_id
WHERE m.model = 'crm.lead' AND m.subtype_id = (SELECT d.res_id FROM public.ir_model_data d WHERE d.module = 'mail' AND d.name = 'mt_comment' AND d.company_id IS NULL);

CREATE VIEW report_source.team_dashboard AS
SELECT t.company_id, t.id AS team_id, t.name AS team_name, t.user_id AS leader_id, t.invoiced_target,
       (SELECT count(*) FROM public.crm_lead l WHERE l.company_id = t.company_id AND l.team_id = t.id AND l.type = 'lead' AND l.active
                                               AND l.user_id IS NULL) AS unassigned_leads,
       o.open_count AS open_opportunities, o.open_amount AS open_opportunities_amount,
       o.overdue_count AS overdue_opportunities, o.overdue_amount AS overdue_opportunities_amount,
       q.quotation_count AS quotations, q.quotation_amount AS quotations_amount,
       q.sales_this_month, round(100 * q.sales_this_month / nullif(t.invoiced_target, 0), 2) AS target_progress
FROM public.crm_team t
JOIN report_source.company_clock k ON k.company_id = t.company_id
CROSS JOIN LATERAL (
    SELECT count(*) AS open_count, coalesce(sum(l.expected_revenue), 0) AS open_amount,
           count(*) FILTER (WHERE l.date_deadline < k.today) AS overdue_count,
           coalesce(sum(l.expected_revenue) FILTER (WHERE l.date_deadline < k.today), 0) AS overdue_amount
    FROM public.crm_lead l
    WHERE l.company_id = t.company_id AND l.team_id = t.id AND l.type = 'opportunity' AND l.active AND coalesce(l.probability, 0) < 100
) o
CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE so.state IN ('draft', 'sent')) AS quotation_count,
           coalesce(sum(so.amount_total) FILTER (WHERE so.state IN ('draft', 'sent')), 0) AS quotation_amount,
           coalesce(sum(so.amount_untaxed) FILTER (WHERE so.state IN ('sale', 'done')
                                                   AND (so.date_order AT TIME ZONE k.tz)::date >= k.month_start), 0) AS sales_this_month
    FROM public.sale_order so WHERE so.company_id = t.company_id AND so.team_id = t.id
) q;

CREATE VIEW report_source.sales AS
SELECT l.company_id, l.id AS line_id, o.id AS order_id, o.name AS order_name, o.state, o.date_order,
       date_trunc('month', o.date_order AT TIME ZONE k.tz)::date AS order_month,
       o.partner_id, p.name AS customer_name, o.user_id, u.name AS salesperson_name, o.team_id, t.name AS team_name,
       o.opportunity_id, l.product_id, pr.name AS product_name, pr.default_code, l.name AS description,
       l.product_uom_qty AS quantity, uo.name AS unit, l.price_unit, l.discount,
       l.price_subtotal, l.price_tax, l.price_total, cur.name AS currency
FROM public.sale_order_line l
JOIN public.sale_order o ON o.company_id = l.company_id AND o.id = l.order_id
JOIN report_source.company_clock k ON k.company_id = l.company_id
LEFT JOIN public.res_partner p ON p.company_id = o.company_id AND p.id = o.partner_id
LEFT JOIN public.res_users u ON u.id = o.user_id
LEFT JOIN public.crm_team t ON t.company_id = o.company_id AND t.id = o.team_id
LEFT JOIN public.product_product pr ON pr.company_id = l.company_id AND pr.id = l.product_id
LEFT JOIN public.uom_uom uo ON uo.id = l.product_uom
LEFT JOIN public.res_currency cur ON cur.id = o.currency_id
WHERE l.display_type IS NULL;

SET LOCAL ROLE embudo_owner;

-- The report views themselves: one per source, the caller's rights.
DO $$
DECLARE
    source text;
BEGIN
    FOREACH source IN ARRAY ARRAY['opportunity', 'pipeline_by_stage', 'forecast_monthly', 'won_revenue_monthly', 'leads_monthly',
                                  'activity', 'team_dashboard', 'sales'] LOOP
        EXECUTE format('CREATE VIEW report.%I WITH (security_invoker = true) AS SELECT * FROM report_source.%I', source, source);
    END LOOP;
END
$$;

COMMENT ON VIEW report.opportunity IS 'One row per lead or opportunity, with readable names, revenue, status flags, dates and their months (company time zone).';
COMMENT ON COLUMN report.opportunity.type IS 'lead or opportunity';
COMMENT ON COLUMN report.opportunity.expected_revenue IS 'Expected revenue, company currency';
COMMENT ON COLUMN report.opportunity.prorated_revenue IS 'Expected revenue × probability / 100';
COMMENT ON COLUMN report.opportunity.is_open IS 'Active and not won';
COMMENT ON COLUMN report.opportunity.is_won IS 'Probability 100 (won stage)';
COMMENT ON COLUMN report.opportunity.is_lost IS 'Archived with probability 0';
COMMENT ON COLUMN report.opportunity.is_overdue IS 'Open and its expected closing is before today';
COMMENT ON COLUMN report.opportunity.days_to_assign IS 'Days from creation to assignment';
COMMENT ON COLUMN report.opportunity.days_to_close IS 'Days from creation to closing';
COMMENT ON COLUMN report.opportunity.create_month IS 'Month of creation, company time zone';
COMMENT ON COLUMN report.opportunity.close_month IS 'Month of closing (won or lost), company time zone';
COMMENT ON COLUMN report.opportunity.deadline_month IS 'Month of the expected closing date';
COMMENT ON VIEW report.pipeline_by_stage IS 'The pipeline: active opportunities by team and stage (every stage of each team, in stage order), count, expected and prorated revenue.';
COMMENT ON COLUMN report.pipeline_by_stage.stage_sequence IS 'Order of the stage in the pipeline';
COMMENT ON COLUMN report.pipeline_by_stage.opportunity_count IS 'Active opportunities in the stage';
COMMENT ON VIEW report.forecast_monthly IS 'Open opportunities by expected-closing month, team and salesperson: count, expected and prorated revenue, overdue count.';
COMMENT ON COLUMN report.forecast_monthly.deadline_month IS 'Month of the expected closing date (NULL: none set)';
COMMENT ON COLUMN report.forecast_monthly.overdue_count IS 'Expected closing before today';
COMMENT ON VIEW report.won_revenue_monthly IS 'Closed opportunities by closing month (company time zone), team and salesperson: won count and revenue, lost count, win rate (%).';
COMMENT ON COLUMN report.won_revenue_monthly.win_rate IS 'Won / (won + lost), percent';
COMMENT ON VIEW report.leads_monthly IS 'Leads and opportunities by creation month (company time zone) and team: created, converted, lost, conversion rate, average days to assign and close.';
COMMENT ON COLUMN report.leads_monthly.conversion_rate IS 'Converted / created, percent';
COMMENT ON VIEW report.activity IS 'Activity analysis: done activities (kind done), pending ones with their state (kind pending), and discussion messages on leads (kind message).';
COMMENT ON COLUMN report.activity.kind IS 'done, pending or message';
COMMENT ON COLUMN report.activity.id IS 'Row id: twice the activity id, or twice the message id plus one';
COMMENT ON COLUMN report.activity.date IS 'Done date, deadline (pending) or message date';
COMMENT ON COLUMN report.activity.state IS 'overdue, today or planned (pending activities, assignee time zone)';
COMMENT ON VIEW report.team_dashboard IS 'Per sales team: unassigned leads, open and overdue opportunities with amounts, open quotations, confirmed sales this month against the monthly target.';
COMMENT ON COLUMN report.team_dashboard.sales_this_month IS 'Untaxed amount of orders confirmed this month (company time zone)';
COMMENT ON COLUMN report.team_dashboard.target_progress IS 'sales_this_month / invoiced_target, percent';
COMMENT ON VIEW report.sales IS 'Order lines with their order, customer, product, salesperson, team, amounts and state.';
COMMENT ON COLUMN report.sales.price_subtotal IS 'Line amount without taxes';
COMMENT ON COLUMN report.sales.price_total IS 'Line amount with taxes';

GRANT SELECT ON ALL TABLES IN SCHEMA report TO embudo_bi, embudo_service;
GRANT SELECT ON ALL TABLES IN SCHEMA report_source TO embudo_bi, embudo_service;
GRANT EXECUTE ON FUNCTION embudo.activity_state_at(date, text, timestamptz) TO embudo_report;

INSERT INTO ir_model (model, name) VALUES ('crm.opportunity.report', 'CRM Opportunity Analysis'), ('crm.activity.report', 'CRM Activity Analysis');

-- ---------------------------------------------------------------------------------------------------
-- Demo data at scale (`embudo demo`): two years of a company's pipeline, written in bulk by the
-- privileged login with triggers off (session_replication_role = replica), so every value the
-- triggers would compute is set here.
-- ---------------------------------------------------------------------------------------------------

CREATE FUNCTION embudo.demo_fill(company int, leads int) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    team int := (SELECT t.id FROM public.crm_team t WHERE t.company_id = company ORDER BY t.sequence, t.id LIMIT 1);
    stages int[] := ARRAY(SELECT s.id FROM public.crm_stage s WHERE s.company_id = company AND NOT s.is_won ORDER BY s.sequence, s.id);
    won_stage int := (SELECT s.id FROM public.crm_stage s WHERE s.company_id = company AND s.is_won ORDER BY s.sequence LIMIT 1);
    people int[];
    customers int[];
    reasons int[] := ARRAY(SELECT r.id FROM public.crm_lost_reason r WHERE r.company_id = company);
    call_type int := (SELECT d.res_id FROM public.ir_model_data d WHERE d.company_id = company AND d.name = 'mail_activity_data_call');
    pricelist int := (SELECT p.id FROM public.product_pricelist p WHERE p.company_id = company ORDER BY p.sequence, p.id LIMIT 1);
    currency int := (SELECT c.currency_id FROM public.res_company c WHERE c.id = company);
    products int[];
    orders int;
BEGIN
    INSERT INTO public.res_users (login, name)
    SELECT 'demo' || company || '.' || n || '@example.com', 'Salesperson ' || company || '.' || n FROM generate_series(1, 5) n
    WHERE NOT EXISTS (SELECT 1 FROM public.res_users u WHERE lower(u.login) = 'demo' || company || '.' || n || '@example.com');
    INSERT INTO public.res_company_member (company_id, user_id, access_level)
    SELECT company, u.id, 'own' FROM public.res_users u WHERE u.login LIKE 'demo' || company || '.%@example.com'
    ON CONFLICT DO NOTHING;
    people := ARRAY(SELECT m.user_id FROM public.res_company_member m WHERE m.company_id = company ORDER BY m.user_id);
    INSERT INTO public.crm_team_member (company_id, team_id, user_id) SELECT company, team, p FROM unnest(people) p ON CONFLICT DO NOTHING;

    INSERT INTO public.res_partner (company_id, name, is_company, email, city, country_id)
    SELECT company, 'Customer ' || n, n % 3 = 0, 'buyer' || n || '@customer' || company || '.example',
           (ARRAY['Madrid', 'Lima', 'Bogotá', 'Quito', 'Monterrey'])[1 + n % 5], (SELECT id FROM public.res_country WHERE code = 'ES')
    FROM generate_series(1, greatest(leads / 10, 1)) n;
    customers := ARRAY(SELECT p.id FROM public.res_partner p WHERE p.company_id = company ORDER BY p.id);
    INSERT INTO public.product_product (company_id, name, list_price, uom_id)
    SELECT company, 'Product ' || n, 10 * n, (SELECT d.res_id FROM public.ir_model_data d WHERE d.name = 'product_uom_unit') FROM generate_series(1, 10) n;
    products := ARRAY(SELECT p.id FROM public.product_product p WHERE p.company_id = company ORDER BY p.id);

    -- Leads: created over two years; 20 % won, 15 % lost, the rest open.
    WITH generated AS (
        SELECT n, now() - (random() * 730) * interval '1 day' AS created, random() AS fate, random() AS r1, random() AS r2
        FROM generate_series(1, leads) n
    )
    INSERT INTO public.crm_lead (company_id, name, type, active, priority, user_id, team_id, stage_id, expected_revenue, probability,
                                 automated_probability, date_deadline, date_closed, date_open, date_last_stage_update, date_conversion,
                                 partner_id, email_from, email_normalized, lost_reason, create_date, write_date)
    SELECT company, 'Opportunity ' || n,
           CASE WHEN fate < 0.35 OR r1 < 0.8 THEN 'opportunity' ELSE 'lead' END,
           NOT (fate >= 0.2 AND fate < 0.35),
           (floor(r2 * 4))::int::text,
           people[1 + (n % cardinality(people))], team,
           CASE WHEN fate < 0.2 THEN won_stage ELSE stages[1 + (n % cardinality(stages))] END,
           round((500 + r1 * 49500)::numeric, 2),
           CASE WHEN fate < 0.2 THEN 100 WHEN fate < 0.35 THEN 0 ELSE round((10 + r2 * 80)::numeric, 2)::float8 END,
           CASE WHEN fate < 0.2 THEN 100 WHEN fate < 0.35 THEN 0 ELSE 10 END,
           (created + (30 + r2 * 90) * interval '1 day')::date,
           CASE WHEN fate < 0.35 THEN created + (10 + r1 * 80) * interval '1 day' END,
           created + interval '2 hours', created + (r2 * 20) * interval '1 day',
           CASE WHEN r1 < 0.8 THEN created + interval '1 day' END,
           customers[1 + (n % cardinality(customers))], 'buyer' || n || '@example.com', 'buyer' || n || '@example.com',
           CASE WHEN fate >= 0.2 AND fate < 0.35 THEN reasons[1 + (n % cardinality(reasons))] END,
           created, created
    FROM generated;

    -- A pending call on every fifth open lead; a done one on every tenth lead.
    INSERT INTO public.mail_activity (company_id, res_model, res_id, activity_type_id, summary, date_deadline, user_id, create_uid)
    SELECT l.company_id, 'crm.lead', l.id, call_type, 'Follow up', (now() + ((l.id % 21) - 10) * interval '1 day')::date, l.user_id, l.user_id
    FROM public.crm_lead l WHERE l.company_id = company AND l.active AND l.probability < 100 AND l.id % 5 = 0 AND l.user_id IS NOT NULL;
    INSERT INTO public.mail_activity (company_id, res_model, res_id, activity_type_id, summary, date_deadline, user_id, active, date_done, feedback, create_uid)
    SELECT l.company_id, 'crm.lead', l.id, call_type, 'First call', (l.create_date + interval '3 days')::date, l.user_id, false,
           (l.create_date + interval '3 days')::date, 'Interested', l.user_id
    FROM public.crm_lead l WHERE l.company_id = company AND l.id % 10 = 0 AND l.user_id IS NOT NULL;

    -- Quotations on every tenth opportunity, with two lines; the won ones confirmed.
    WITH quoted AS (
        SELECT l.*, row_number() OVER (ORDER BY l.id) AS k FROM public.crm_lead l
        WHERE l.company_id = company AND l.type = 'opportunity' AND l.id % 10 = 3
    ), inserted AS (
        INSERT INTO public.sale_order (company_id, name, state, date_order, partner_id, partner_invoice_id, partner_shipping_id, user_id,
                                       team_id, pricelist_id, currency_id, opportunity_id, origin, create_date, write_date)
        SELECT company, 'S' || lpad(q.k::text, 5, '0'), CASE WHEN q.probability = 100 THEN 'sale' WHEN q.active THEN 'sent' ELSE 'cancel' END,
               coalesce(q.date_closed, q.create_date + interval '5 days'), q.partner_id, q.partner_id, q.partner_id, q.user_id, q.team_id,
               pricelist, currency, q.id, q.name, q.create_date, q.create_date
        FROM quoted q
        RETURNING id, company_id
    )
    INSERT INTO public.sale_order_line (company_id, order_id, name, product_id, product_uom_qty, product_uom, price_unit, price_reduce,
                                        price_subtotal, price_tax, price_total)
    SELECT i.company_id, i.id, 'Product ' || p.k, products[p.k], p.k, (SELECT d.res_id FROM public.ir_model_data d WHERE d.name = 'product_uom_unit'),
           10 * p.k, 10 * p.k, 10 * p.k * p.k, 0, 10 * p.k * p.k
    FROM inserted i CROSS JOIN (VALUES (1), (2)) p (k);
    UPDATE public.sale_order o SET amount_untaxed = t.s, amount_total = t.s
    FROM (SELECT l.order_id, sum(l.price_subtotal) AS s FROM public.sale_order_line l WHERE l.company_id = company GROUP BY l.order_id) t
    WHERE o.company_id = company AND o.id = t.order_id;
    orders := (SELECT count(*) FROM public.sale_order o WHERE o.company_id = company);
    INSERT INTO public.sale_order_sequence (company_id, next_number) VALUES (company, orders + 1)
    ON CONFLICT (company_id) DO UPDATE SET next_number = greatest(sale_order_sequence.next_number, excluded.next_number);
END
$$;
