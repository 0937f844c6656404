-- The company condition moves from one restrictive policy per table (`tenant_fence`) into every permissive
-- policy of the table (sql/modules/base/policies.sql, embudo.replace_policy), and mail_mail's two
-- restrictive policies into its permissive one (mail/outbox.sql): Citus copies policies to its shards
-- without AS RESTRICTIVE, which would turn the fence into one more way in (issue 24). The tables the
-- fence applies to, and by which column, are recorded by embudo.enable_tenancy in embudo.tenant_table;
-- the definitions, applied after this migration in the same transaction, create the policies again, so
-- no transaction ever sees a table without its fence.
CREATE TABLE embudo.tenant_table (
    name text PRIMARY KEY,          -- the table, schema-qualified (embudo.qualified_name)
    company_column name NOT NULL    -- the column holding its company (res_company: id)
);
REVOKE ALL ON embudo.tenant_table FROM PUBLIC;

DO $drop$
DECLARE
    target record;
BEGIN
    FOR target IN
        SELECT p.polname, p.polrelid::regclass AS tab FROM pg_policy p
        WHERE p.polname IN ('tenant_fence', 'identity_mail_hidden', 'calendar_mail_hidden')
    LOOP
        EXECUTE format('DROP POLICY %I ON %s', target.polname, target.tab);
    END LOOP;
END
$drop$;
