-- Embudo on Citus (distributed PostgreSQL, issue 24): where each table lives, across the nodes.
--
-- Run by `embudo migrate` with the privileged login after the migrations and the definitions, when the
-- database has the citus extension; a superuser, since Citus's placement and its catalog of distributed
-- objects need one. Every statement is idempotent: on a database whose tables are all placed, it
-- changes nothing.
--   * Reference tables (a copy on every node): the global tables, those of schemas public and embudo that
--     are not tenant tables (users, memberships, currencies, countries, the SAT catalogues, sessions, API
--     keys, BI roles, mail routes…), and res_company. The migrator's own ledgers stay on the coordinator.
--   * Distributed by company, in one colocation group (the same company's rows of every table on the
--     same node): every tenant table (embudo.tenant_table), with its company column.
-- The policies call the tenant context's helpers inline (Citus refuses subqueries in policies:
-- base/policies.sql, embudo.inline_policy_context). The trigram operator class of the text search
-- indexes (bootstrap.sql), which Citus does not propagate, is created on every worker and recorded as
-- distributed. (Its text is bootstrap.sql's: this file, run by a superuser, must not take SQL to run
-- from a function the owner could replace.)

-- As the owner: the superuser running this file calls no function of schema embudo, which the owner
-- could have replaced.
SET LOCAL ROLE embudo_owner;
SELECT embudo.inline_policy_context();
RESET ROLE;

-- The service's settings in this database (Citus sends them to every node's database of this name).
-- (ALTER DATABASE … SET would be sent to the workers as the whole text of this file.)
--   * The service sets its tenant context, and the SQL functions their flags, with SET LOCAL
--     (embudo.set_local): Citus passes those to the workers within the transaction when told to.
--   * Plans are chosen per call (plan_cache_mode = auto, where the service's role forces generic plans
--     on one PostgreSQL): Citus cannot plan a query over several shards from a generic plan's
--     parameters.
--   * Reference tables are written from the coordinator only (no trigger on a worker writes one): Citus
--     then takes no lock on the first worker to serialise writes from other nodes. (Such a lock on the
--     reference tables a written row's keys name, currencies or countries, is allowed only to a role that
--     may write those, which the service may not.)
DO $settings$
BEGIN
    EXECUTE format('ALTER ROLE embudo_service IN DATABASE %I SET citus.propagate_set_commands = %L', current_database(), 'local');
    EXECUTE format('ALTER ROLE embudo_service IN DATABASE %I SET plan_cache_mode = %L', current_database(), 'auto');
    EXECUTE format('ALTER ROLE embudo_service IN DATABASE %I SET citus.allow_modifications_from_workers_to_replicated_tables = off',
                   current_database());
END
$settings$;

DO $operator_class$
DECLARE
    trgm constant name := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm');
BEGIN
    IF trgm IS NULL OR NOT EXISTS (SELECT FROM pg_opclass c WHERE c.opcname = 'gin_trgm_ops' AND c.opcnamespace = 'embudo'::regnamespace) THEN
        RETURN;
    END IF;
    PERFORM run_command_on_workers(format($worker$
        DO $do$ BEGIN
            IF to_regoperator('embudo.~~*(text, text)') IS NULL THEN
                CREATE OPERATOR embudo.~~* (LEFTARG = text, RIGHTARG = text, FUNCTION = embudo.text_ilike,
                                            RESTRICT = iclikesel, JOIN = iclikejoinsel);
                CREATE OPERATOR embudo.~~ (LEFTARG = text, RIGHTARG = text, FUNCTION = embudo.text_like,
                                           RESTRICT = likesel, JOIN = likejoinsel);
            END IF;
            IF NOT EXISTS (SELECT FROM pg_opclass c WHERE c.opcname = 'gin_trgm_ops' AND c.opcnamespace = 'embudo'::regnamespace) THEN
                CREATE OPERATOR CLASS embudo.gin_trgm_ops FOR TYPE text USING gin AS
                    OPERATOR 3 embudo.~~ (text, text),
                    OPERATOR 4 embudo.~~* (text, text),
                    FUNCTION 1 pg_catalog.btint4cmp(int4, int4),
                    FUNCTION 2 %1$I.gin_extract_value_trgm(text, internal),
                    FUNCTION 3 %1$I.gin_extract_query_trgm(text, internal, int2, internal, internal, internal, internal),
                    FUNCTION 4 %1$I.gin_trgm_consistent(internal, int2, text, int4, internal, internal, internal, internal),
                    FUNCTION 6 %1$I.gin_trgm_triconsistent(internal, int2, text, int4, internal, internal, internal),
                    STORAGE int4;
                ALTER OPERATOR CLASS embudo.gin_trgm_ops USING gin OWNER TO embudo_owner;
                ALTER OPERATOR FAMILY embudo.gin_trgm_ops USING gin OWNER TO embudo_owner;
            END IF;
        END $do$
    $worker$, trgm));
    INSERT INTO pg_catalog.pg_dist_object (classid, objid, objsubid)
    SELECT 'pg_catalog.pg_opclass'::regclass, c.oid, 0 FROM pg_opclass c WHERE c.opcname = 'gin_trgm_ops' AND c.opcnamespace = 'embudo'::regnamespace
    UNION ALL
    SELECT 'pg_catalog.pg_opfamily'::regclass, f.oid, 0 FROM pg_opfamily f WHERE f.opfname = 'gin_trgm_ops' AND f.opfnamespace = 'embudo'::regnamespace
    UNION ALL
    SELECT 'pg_catalog.pg_operator'::regclass, o.oid, 0 FROM pg_operator o WHERE o.oprnamespace = 'embudo'::regnamespace
    ON CONFLICT DO NOTHING;
END
$operator_class$;

-- Tables not placed yet: their foreign keys (and those naming them) are dropped, the tables placed, and
-- the keys added back. Otherwise a table whose key names a new reference table would become a
-- "Citus local" table, which cannot be distributed then.
-- (All in this transaction, one shard at a time: keys to reference tables cannot follow parallel work.)
SET LOCAL citus.multi_shard_modify_mode = sequential;
DO $placement$
DECLARE
    unplaced regclass[];
    colocated regclass;
    r record;
BEGIN
    CREATE TEMPORARY TABLE placement ON COMMIT DROP AS
    SELECT c.oid::regclass AS tab, t.company_column,
           CASE WHEN t.name IS NULL OR c.oid = 'public.res_company'::regclass THEN 'reference' ELSE 'distributed' END AS kind
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN embudo.tenant_table t ON to_regclass(t.name) = c.oid
    WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND (n.nspname IN ('public', 'embudo') OR t.name IS NOT NULL)
      AND c.oid NOT IN ('embudo.schema_migrations'::regclass, 'embudo.schema_definitions'::regclass, 'embudo.tenant_table'::regclass)
      AND NOT EXISTS (SELECT FROM pg_dist_partition p WHERE p.logicalrelid = c.oid);
    SELECT array_agg(tab) INTO unplaced FROM placement;
    IF unplaced IS NULL THEN
        RETURN;
    END IF;
    CREATE TEMPORARY TABLE placement_key ON COMMIT DROP AS
    SELECT f.conname, f.conrelid::regclass AS tab, pg_get_constraintdef(f.oid) AS definition
    FROM pg_constraint f
    WHERE f.contype = 'f' AND (f.conrelid = ANY (unplaced) OR f.confrelid = ANY (unplaced));
    FOR r IN SELECT * FROM placement_key LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.tab, r.conname);
    END LOOP;
    FOR r IN SELECT * FROM placement WHERE kind = 'reference' ORDER BY tab::text LOOP
        PERFORM create_reference_table(r.tab);
    END LOOP;
    SELECT p.logicalrelid INTO colocated FROM pg_dist_partition p
    JOIN embudo.tenant_table t ON to_regclass(t.name) = p.logicalrelid
    WHERE p.partmethod = 'h' ORDER BY p.colocationid, p.logicalrelid LIMIT 1;
    FOR r IN SELECT * FROM placement WHERE kind = 'distributed' ORDER BY tab::text LOOP
        IF colocated IS NULL THEN
            PERFORM create_distributed_table(r.tab, r.company_column::text, colocate_with => 'none');
            colocated := r.tab;
        ELSE
            PERFORM create_distributed_table(r.tab, r.company_column::text, colocate_with => colocated::text);
        END IF;
    END LOOP;
    FOR r IN SELECT * FROM placement_key LOOP
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.tab, r.conname, r.definition);
    END LOOP;
END
$placement$;
