-- The report views: their sources in `report_source` (owned by embudo_report, which holds the table
-- rights), and one `report` view per source (owned by embudo_owner, security_invoker: the caller's
-- rights apply), with the descriptions BI tools show. See access.sql for how a BI login sees its
-- company's rows only. A view whose columns change incompatibly must be dropped by a migration first
-- (CREATE OR REPLACE VIEW only adds columns).

-- On Citus the views stay on the coordinator, where BI tools query them (it plans their tables'
-- distributed queries); sent to the workers, they would be created through connections as
-- embudo_report, beside the migration's own as the owner, and wait for its locks. (On one PostgreSQL the
-- setting is a placeholder.)
SET LOCAL citus.enable_ddl_propagation = off;
SET LOCAL ROLE embudo_report;

-- Today and month starts in each company's time zone.
CREATE OR REPLACE VIEW report_source.company_clock AS
SELECT c.id AS company_id, c.tz, (now() AT TIME ZONE c.tz)::date AS today,
       date_trunc('month', now() AT TIME ZONE c.tz)::date AS month_start
FROM public.res_company c;
CREATE OR REPLACE VIEW report_source.opportunity AS
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
CREATE OR REPLACE VIEW report_source.pipeline_by_stage AS
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
CREATE OR REPLACE VIEW report_source.forecast_monthly AS
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
CREATE OR REPLACE VIEW report_source.won_revenue_monthly AS
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
CREATE OR REPLACE VIEW report_source.leads_monthly AS
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
CREATE OR REPLACE VIEW report_source.activity AS
SELECT a.id * 2 AS id, a.company_id, 'done'::text AS kind, a.id AS activity_id, NULL::int AS message_id, a.res_model, a.res_id, a.lead_id,
       a.activity_type_id, ty.name AS activity_type_name, a.summary, a.user_id, u.name AS user_name,
       a.date_done AS date, NULL::text AS state,
       l.team_id, l.stage_id, l.user_id AS lead_user_id, l.type AS lead_type, l.active AS lead_active,
       -- Odoo 17's crm.activity.report names (after Embudo's own columns; no `body`: the text of e-mails
       -- and notes stays out of BI logins' reach).
       a.summary AS subject, a.activity_type_id AS mail_activity_type_id, NULL::int AS subtype_id,
       l.partner_id, l.country_id, a.date_deadline, l.date_closed, l.create_date AS lead_create_date, l.date_conversion,
       coalesce(l.active, true) AS active
FROM public.mail_activity a
LEFT JOIN public.mail_activity_type ty ON ty.company_id = a.company_id AND ty.id = a.activity_type_id
LEFT JOIN public.res_users u ON u.id = a.user_id
LEFT JOIN public.crm_lead l ON l.company_id = a.company_id AND l.id = a.lead_id
WHERE NOT a.active AND a.date_done IS NOT NULL
UNION ALL
SELECT a.id * 2, a.company_id, 'pending', a.id, NULL, a.res_model, a.res_id, a.lead_id, a.activity_type_id, ty.name, a.summary, a.user_id, u.name,
       a.date_deadline, embudo.activity_state_at(a.date_deadline, coalesce(u.tz, 'UTC'), now()), l.team_id, l.stage_id, l.user_id, l.type, l.active,
       a.summary, a.activity_type_id, NULL, l.partner_id, l.country_id, a.date_deadline, l.date_closed, l.create_date, l.date_conversion,
       coalesce(l.active, true)
FROM public.mail_activity a
LEFT JOIN public.mail_activity_type ty ON ty.company_id = a.company_id AND ty.id = a.activity_type_id
LEFT JOIN public.res_users u ON u.id = a.user_id
LEFT JOIN public.crm_lead l ON l.company_id = a.company_id AND l.id = a.lead_id
WHERE a.active
UNION ALL
SELECT m.id * 2 + 1, m.company_id, 'message', NULL, m.id, m.model, m.res_id, m.lead_id, m.mail_activity_type_id, ty.name, m.subject, m.author_id, u.name,
       (m.date AT TIME ZONE 'UTC')::date, NULL, l.team_id, l.stage_id, l.user_id, l.type, l.active,
       m.subject, m.mail_activity_type_id, m.subtype_id, l.partner_id, l.country_id, NULL::date, l.date_closed, l.create_date,
       l.date_conversion, coalesce(l.active, true)
FROM public.mail_message m
LEFT JOIN public.mail_activity_type ty ON ty.company_id = m.company_id AND ty.id = m.mail_activity_type_id
LEFT JOIN public.res_users u ON u.id = m.author_id
LEFT JOIN public.crm_lead l ON l.company_id = m.company_id AND l.id = m.lead_id
WHERE m.model = 'crm.lead' AND m.subtype_id = (SELECT d.res_id FROM public.ir_model_data d WHERE d.module = 'mail' AND d.name = 'mt_comment' AND d.company_id IS NULL);
CREATE OR REPLACE VIEW report_source.team_dashboard AS
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
CREATE OR REPLACE VIEW report_source.sales AS
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
        EXECUTE format('CREATE OR REPLACE VIEW report.%I WITH (security_invoker = true) AS SELECT * FROM report_source.%I', source, source);
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
SET LOCAL citus.enable_ddl_propagation = on;
