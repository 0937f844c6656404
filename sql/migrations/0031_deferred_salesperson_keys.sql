-- Citus refuses ON UPDATE CASCADE on a foreign key that holds the distribution column (issue 24: every
-- key of a tenant table holds company_id; found loading the schema into a 3-node cluster, 2026-12-07).
-- The copies of a document's salesperson (migrations 0024, 0026, 0029) keep their foreign keys, now
-- without the update action and DEFERRABLE INITIALLY DEFERRED: a trigger on the documents
-- (embudo.cascade_salesperson_key, base/policies.sql) writes the new copies, and the keys check them
-- at commit. (Deleting a document still deletes its rows: PostgreSQL never defers ON DELETE CASCADE.)
--
-- The keys are validated again with row-level security lifted for the owner on the tables they join
-- (those it forces; mail_mail's is never forced).
DO $keys$
DECLARE
    fk record;
    forced regclass[];
    t regclass;
BEGIN
    SELECT array_agg(DISTINCT c.oid::regclass) INTO forced
    FROM pg_constraint f JOIN pg_class c ON c.oid IN (f.conrelid, f.confrelid)
    WHERE f.contype = 'f' AND f.confupdtype = 'c' AND c.relforcerowsecurity;
    FOREACH t IN ARRAY coalesce(forced, '{}') LOOP
        EXECUTE format('ALTER TABLE %s NO FORCE ROW LEVEL SECURITY', t);
    END LOOP;
    FOR fk IN
        SELECT f.conname, f.conrelid::regclass AS tab, pg_get_constraintdef(f.oid) AS def
        FROM pg_constraint f WHERE f.contype = 'f' AND f.confupdtype = 'c'
        ORDER BY 2, 1
    LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.tab, fk.conname);
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s DEFERRABLE INITIALLY DEFERRED', fk.tab, fk.conname,
                       replace(fk.def, ' ON UPDATE CASCADE', ''));
    END LOOP;
    FOREACH t IN ARRAY coalesce(forced, '{}') LOOP
        EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
    END LOOP;
END
$keys$;

-- The followers of a document, found by (company_id, res_id): when its salesperson changes, and when it
-- is deleted (the unique indexes are partial, by kind of follower).
CREATE INDEX mail_followers_document ON mail_followers (company_id, res_id);
