-- Reports for BI tools and the API (reference §2.20, §4, §6): the `report` schema of views that
-- Metabase, Superset or psql query through each company's own BI login.
--
-- How a BI login sees exactly its company's rows, and nothing else:
--   * `report.*` views are `security_invoker` and owned by embudo_owner: the caller's rights apply.
--   * They read `report_source.*` views, owned by embudo_report, which holds the table rights (BI
--     logins have none on tables: embudo.enable_tenancy grants reads to embudo_report). Row-level
--     security applies to embudo_report like to any reader, and the policies' `current_user` is the
--     querying login, whose BI group names its company; tenant settings (`embudo.company_ids`) are
--     ignored for every role but the service.
--   * Month columns are computed in the company's time zone.

-- The time zone of report months.
GRANT UPDATE (tz) ON res_company TO embudo_service;

GRANT USAGE ON SCHEMA public, embudo TO embudo_report;
GRANT USAGE ON SCHEMA report, report_source TO embudo_bi, embudo_service;
ALTER DEFAULT PRIVILEGES FOR ROLE embudo_report IN SCHEMA report_source GRANT SELECT ON TABLES TO embudo_bi, embudo_service;
ALTER DEFAULT PRIVILEGES FOR ROLE embudo_owner IN SCHEMA report GRANT SELECT ON TABLES TO embudo_bi, embudo_service;

-- Salespeople's names for reports: the members of the companies the reader may see (the policies'
-- current_user is the querying login or the service, so company_ids() names the right companies).
GRANT SELECT ON res_users, res_company_member TO embudo_report;
SELECT embudo.replace_global_policy('res_company_member', 'report_members', 'FOR SELECT TO embudo_report '
    'USING (company_id = ANY ((SELECT embudo.company_ids())::int[]))');
SELECT embudo.replace_global_policy('res_users', 'report_names', 'FOR SELECT TO embudo_report '
    'USING (member_of && (SELECT embudo.company_ids())::int[])');
