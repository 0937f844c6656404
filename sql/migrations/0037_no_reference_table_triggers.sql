-- No trigger on a reference table writes another table (issue 24): on Citus a reference table's
-- triggers run on every node's copy of it, where they cannot write the tables of other nodes.
--   * Memberships: embudo.grant_member and embudo.remove_member (base/memberships.sql) keep the user's
--     companies and call each module's part (embudo.member_granted_20_crm: the first administrator
--     leads the default team).
--   * Credential stamps: read from the API keys, memberships and disabled companies themselves
--     (embudo.credential_stamp), not raised by their triggers.
--   * A company's currency: embudo.set_company_currency, which res.company's write calls.
--   * Mail routes: embudo.mail_route keeps the companies' domains alone, which the operator's
--     embudo.assign_alias_domain sets; a team's alias is looked up in its company when mail arrives
--     (the triggers of crm_team kept the aliases in this global table).
DROP TRIGGER IF EXISTS res_company_member_access ON res_company_member;
DROP TRIGGER IF EXISTS user_api_key_access ON embudo.user_api_key;
DROP TRIGGER IF EXISTS disabled_company_access ON embudo.disabled_company;
DROP TRIGGER IF EXISTS crm_sales_team_leader ON res_company_member;
DROP TRIGGER IF EXISTS currency_activated ON res_company;
DROP TRIGGER IF EXISTS currency_changed ON res_company;
DROP TRIGGER IF EXISTS mail_routes ON res_company;
DROP TRIGGER IF EXISTS mail_routes ON crm_team;
DROP TRIGGER IF EXISTS mail_routes_update ON crm_team;
DROP FUNCTION IF EXISTS embudo.access_changed();
DROP FUNCTION IF EXISTS embudo.crm_member_added();
DROP FUNCTION IF EXISTS embudo.company_currency_activate();
DROP FUNCTION IF EXISTS embudo.company_currency_changed();
DROP FUNCTION IF EXISTS embudo.activate_company_currency(int);
DROP FUNCTION IF EXISTS embudo.mail_routes_changed();
DROP FUNCTION IF EXISTS embudo.mail_routes_refresh(int);
DROP FUNCTION IF EXISTS embudo.mail_resolve(text[]);
DELETE FROM embudo.mail_route WHERE alias_name <> '';
ALTER TABLE embudo.mail_route DROP CONSTRAINT mail_route_pkey;
ALTER TABLE embudo.mail_route DROP COLUMN alias_name, DROP COLUMN team_id;
ALTER TABLE embudo.mail_route ADD PRIMARY KEY (domain);
