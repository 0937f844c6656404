-- Review fixes: the currency of a company is activated by embudo.activate_company_currency (only the
-- company's own, for its administrators); and the activity report keeps the text of e-mails and notes
-- out of BI logins' reach (its `body` column goes: the module files create the views again).
DROP FUNCTION IF EXISTS embudo.activate_currency(int);
DROP VIEW IF EXISTS report.activity;
DROP VIEW IF EXISTS report_source.activity;
