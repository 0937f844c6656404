-- Citus refuses ON DELETE SET NULL on a foreign key that holds the distribution column, even when the
-- key sets only its other column (`SET NULL (team_id)`; issue 24: 31 keys of tenant tables, found
-- loading the schema into a 3-node cluster). Those keys lose their delete action and become DEFERRABLE
-- INITIALLY DEFERRED: when the row a key names is deleted, a trigger on that table
-- (embudo.unlink_deleted, base/policies.sql; each module declares its keys with embudo.enable_unlink)
-- sets the column to NULL, and the key checks at commit that nothing still names a deleted row. A
-- member leaving a company is unassigned by embudo.set_access_level (base/memberships.sql), the same
-- way. The key between two global tables (a user's home company) keeps its action: Citus accepts it
-- between reference tables.
--
-- The keys are validated again with row-level security lifted for the owner on the tables they join
-- (those it forces; mail_mail's is never forced).
DO $keys$
DECLARE
    fk record;
    forced regclass[];
    t regclass;
BEGIN
    CREATE TEMPORARY TABLE unlinked_key ON COMMIT DROP AS
    SELECT f.conname, f.conrelid::regclass AS tab, f.confrelid::regclass AS parent, pg_get_constraintdef(f.oid) AS def
    FROM pg_constraint f JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = ANY (f.conkey) AND a.attname = 'company_id'
    WHERE f.contype = 'f' AND f.confdeltype = 'n' AND f.connamespace = 'public'::regnamespace
      AND f.conrelid <> 'public.res_users'::regclass;
    SELECT array_agg(DISTINCT c.oid::regclass) INTO forced
    FROM unlinked_key k JOIN pg_class c ON c.oid IN (k.tab, k.parent)
    WHERE c.relforcerowsecurity;
    FOREACH t IN ARRAY coalesce(forced, '{}') LOOP
        EXECUTE format('ALTER TABLE %s NO FORCE ROW LEVEL SECURITY', t);
    END LOOP;
    FOR fk IN SELECT * FROM unlinked_key ORDER BY 2, 1 LOOP
        IF fk.def !~ ' ON DELETE SET NULL \(\w+\)$' THEN
            RAISE EXCEPTION 'foreign key % on %: unexpected form %', fk.conname, fk.tab, fk.def;
        END IF;
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', fk.tab, fk.conname);
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s DEFERRABLE INITIALLY DEFERRED', fk.tab, fk.conname,
                       regexp_replace(fk.def, ' ON DELETE SET NULL \(\w+\)$', ''));
    END LOOP;
    FOREACH t IN ARRAY coalesce(forced, '{}') LOOP
        EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
    END LOOP;
END
$keys$;

-- The owner's policy for a member leaving (0029's embudo.enable_member_leaving_policy) is now the
-- owner's policy for unlinking (embudo.enable_owner_writes_policy), on more tables.
DO $policies$
DECLARE
    p record;
BEGIN
    FOR p IN SELECT polname, polrelid::regclass AS tab FROM pg_policy WHERE polname = 'owner_member_leaving' LOOP
        EXECUTE format('DROP POLICY %I ON %s', p.polname, p.tab);
    END LOOP;
END
$policies$;
DROP FUNCTION IF EXISTS embudo.enable_member_leaving_policy(regclass);
