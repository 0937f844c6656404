-- The shapes of row-level-security policies, one helper per shape. Module files call them for their
-- tables; they drop what they create first, so that a module file can run again whenever it changes.
-- A policy of its own shape is written out where its table's other policies are, through
-- embudo.replace_policy (on a tenant table it must be: that is what puts the company condition in it;
-- it refuses any other table).

-- A table's schema-qualified name, whatever the search_path: how embudo.tenant_table names it.
CREATE OR REPLACE FUNCTION embudo.qualified_name(target regclass) RETURNS text
LANGUAGE sql STABLE
AS $$
    SELECT format('%I.%I', n.nspname, c.relname) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid = target
$$;

-- The company condition of a tenant table, or NULL for another table: what every permissive policy of
-- the table holds, in USING and in WITH CHECK. There is no restrictive policy for it to rest on: Citus
-- copies policies to its shards without AS RESTRICTIVE (issue 24), and on one PostgreSQL the two
-- forms are the same rule at the same cost (bench-pages, 2026-12-07: every call within 0.89–1.14 of
-- before, the machine's noise).
CREATE OR REPLACE FUNCTION embudo.tenant_fence(target regclass) RETURNS text
LANGUAGE sql STABLE
AS $$
    SELECT format('%I = ANY ((SELECT embudo.company_ids())::int[])', t.company_column)
    FROM embudo.tenant_table t WHERE t.name = embudo.qualified_name(target)
$$;

-- Policies read the request's context through embudo.company_ids(…) and embudo.current_user_id(),
-- written `(SELECT …)`: an InitPlan, run once per statement, whose result every row is compared with.
-- Citus refuses any subquery in a policy (issue 24), so there the calls are written bare and run for
-- every row the policy tests: the same conditions, at a cost. Measured on one PostgreSQL (pgbench, the
-- list's, a read's and the pipeline's statements at 5,000 leads, two interleaved rounds, 2026-12-07):
-- the list of 80 −10 to −28% for a salesperson with "own documents" (who reads 437 leads to find 80),
-- no loss for a manager; a read by id no loss; read_group by stage −26 to −31% for the salesperson and
-- −51% for the manager (the granted companies are a setting, parsed as an array for every row). So the
-- InitPlans stay where PostgreSQL runs alone, and the calls are inlined where Citus is installed
-- (embudo.inline_policy_context; scripts/test runs the isolation suites on that form too: TestCluster,
-- EMBUDO_TEST_INLINE_POLICIES).
CREATE OR REPLACE FUNCTION embudo.inline_policies() RETURNS boolean
LANGUAGE sql STABLE
AS $$
    SELECT EXISTS (SELECT FROM pg_catalog.pg_extension e WHERE e.extname = 'citus')
$$;

-- A policy's expression, as written or as pg_get_expr writes it, with the context's InitPlans written as
-- bare calls: `(SELECT embudo.company_ids('all'))`, `( SELECT embudo.company_ids() AS company_ids)`.
CREATE OR REPLACE FUNCTION embudo.inline_context(expression text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT regexp_replace(expression, '\(\s*SELECT (embudo\.(company_ids|current_user_id)\([^()]*\))(\s+AS\s+[a-z_]+)?\s*\)', '\1', 'g')
$$;

-- A policy's clauses as they must be created: with the context's calls inline where Citus is installed
-- (it refuses a policy with a subquery at once, even one ALTER POLICY would inline next).
CREATE OR REPLACE FUNCTION embudo.policy_clauses(clauses text) RETURNS text
LANGUAGE sql STABLE
AS $$
    SELECT CASE WHEN embudo.inline_policies() THEN embudo.inline_context(clauses) ELSE clauses END
$$;

-- Creates one policy of a global table (users, memberships, invitations, ir_model_data), replacing the
-- one of that name: `clauses` is what follows CREATE POLICY … ON …, written as is (a global table has
-- no company condition to add).
CREATE OR REPLACE FUNCTION embudo.replace_global_policy(target regclass, policy name, clauses text) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('DROP POLICY IF EXISTS %I ON %s', policy, target);
    EXECUTE format('CREATE POLICY %I ON %s %s', policy, target, embudo.policy_clauses(clauses));
END
$$;

-- Writes the context's calls inline in the policies of a table (NULL: of every table, global tables
-- included) whose expressions hold them as InitPlans. Idempotent. Returns how many it rewrote.
CREATE OR REPLACE FUNCTION embudo.inline_policy_context(target regclass DEFAULT NULL) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    found record;
    rewritten int := 0;
BEGIN
    FOR found IN
        SELECT * FROM (
            SELECT p.polname, p.polrelid::regclass AS tab, pg_get_expr(p.polqual, p.polrelid) AS qual,
                   pg_get_expr(p.polwithcheck, p.polrelid) AS checks
            FROM pg_catalog.pg_policy p WHERE target IS NULL OR p.polrelid = target
        ) x, LATERAL (SELECT embudo.inline_context(x.qual) AS inline_qual, embudo.inline_context(x.checks) AS inline_checks) i
        WHERE x.qual IS DISTINCT FROM i.inline_qual OR x.checks IS DISTINCT FROM i.inline_checks
    LOOP
        IF found.qual IS DISTINCT FROM found.inline_qual THEN
            EXECUTE format('ALTER POLICY %I ON %s USING (%s)', found.polname, found.tab, found.inline_qual);
        END IF;
        IF found.checks IS DISTINCT FROM found.inline_checks THEN
            EXECUTE format('ALTER POLICY %I ON %s WITH CHECK (%s)', found.polname, found.tab, found.inline_checks);
        END IF;
        rewritten := rewritten + 1;
    END LOOP;
    RETURN rewritten;
END
$$;

-- Creates one policy on a tenant table, replacing the one of that name (`clauses`: what follows CREATE
-- POLICY … ON …): permissive, with its conditions put behind the company's, USING (fence AND (using))
-- and, when it has one, WITH CHECK (fence AND (check)). A policy without WITH CHECK checks new rows with
-- its USING, fence included. The table must have gone through embudo.enable_tenancy first: otherwise
-- nothing is created (the policies of global tables: embudo.replace_global_policy).
CREATE OR REPLACE FUNCTION embudo.replace_policy(target regclass, policy name, clauses text) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    fence constant text := embudo.policy_clauses(embudo.tenant_fence(target));
    created record;
BEGIN
    IF fence IS NULL THEN
        RAISE EXCEPTION 'policy % on %: not a tenant table (call embudo.enable_tenancy first)', policy, target;
    END IF;
    EXECUTE format('DROP POLICY IF EXISTS %I ON %s', policy, target);
    EXECUTE format('CREATE POLICY %I ON %s %s', policy, target, embudo.policy_clauses(clauses));
    SELECT p.polpermissive, pg_get_expr(p.polqual, p.polrelid) AS qual, pg_get_expr(p.polwithcheck, p.polrelid) AS checks
    INTO STRICT created FROM pg_policy p WHERE p.polrelid = target AND p.polname = policy;
    IF NOT created.polpermissive THEN
        RAISE EXCEPTION 'policy % on %: a tenant table takes permissive policies only (its company condition is in each)', policy, target;
    END IF;
    IF created.qual IS NOT NULL THEN
        EXECUTE format('ALTER POLICY %I ON %s USING ((%s) AND (%s))', policy, target, fence, created.qual);
    END IF;
    IF created.checks IS NOT NULL THEN
        EXECUTE format('ALTER POLICY %I ON %s WITH CHECK ((%s) AND (%s))', policy, target, fence, created.checks);
    END IF;
    IF embudo.inline_policies() THEN
        PERFORM embudo.inline_policy_context(target);
    END IF;
END
$$;

-- Puts a tenant table under row-level security: enabled and forced (so the owner obeys it too), the
-- company condition recorded for every policy embudo.replace_policy then creates on it, and the table
-- rights of the service and of embudo_report (the owner of the report views' sources: BI logins read
-- views only). Permissive policies for the access levels are the caller's to add, through
-- embudo.replace_policy: a table without any policy shows no row.
CREATE OR REPLACE FUNCTION embudo.enable_tenancy(target regclass, company_column name DEFAULT 'company_id') RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO embudo.tenant_table (name, company_column) VALUES (embudo.qualified_name(target), company_column)
    ON CONFLICT (name) DO UPDATE SET company_column = excluded.company_column;
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO embudo_service', target);
    EXECUTE format('GRANT SELECT ON %s TO embudo_report', target);
END
$$;

-- The access rules of records every member of a company shares (contacts, tags): every member reads,
-- creates and edits them; deleting one needs access to all documents.
CREATE OR REPLACE FUNCTION embudo.enable_shared_record_policies(target regclass) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM embudo.replace_policy(target, 'member_read', 'FOR SELECT USING (true)');
    PERFORM embudo.replace_policy(target, 'member_create', 'FOR INSERT TO embudo_service WITH CHECK (true)');
    PERFORM embudo.replace_policy(target, 'member_update', 'FOR UPDATE TO embudo_service USING (true)');
    PERFORM embudo.replace_policy(target, 'manager_delete',
        'FOR DELETE TO embudo_service USING (company_id = ANY ((SELECT embudo.company_ids(''all''))::int[]))');
END
$$;

-- Policies of catalog tables every member reads: who may create and edit them, and who may delete.
CREATE OR REPLACE FUNCTION embudo.enable_catalog_policies(target regclass, writer embudo.access_level, deleter embudo.access_level) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM embudo.replace_policy(target, 'member_read', 'FOR SELECT USING (true)');
    PERFORM embudo.replace_policy(target, 'writer_create', format(
        'FOR INSERT TO embudo_service WITH CHECK (company_id = ANY ((SELECT embudo.company_ids(%L))::int[]))', writer));
    PERFORM embudo.replace_policy(target, 'writer_update', format(
        'FOR UPDATE TO embudo_service USING (company_id = ANY ((SELECT embudo.company_ids(%L))::int[]))', writer));
    PERFORM embudo.replace_policy(target, 'deleter_delete', format(
        'FOR DELETE TO embudo_service USING (company_id = ANY ((SELECT embudo.company_ids(%L))::int[]))', deleter));
END
$$;

-- The condition "the request may see the documents of this salesperson": the user has "all documents"
-- in the row's company, or the salesperson (a column of `salespeople`: a row that may follow one of
-- several kinds of document has a column for each, NULL but for its own) is the user or nobody
-- (`nobody`: the test for none, 'IS NULL' on a document, '= 0' on a salesperson_key). "All documents"
-- first: PostgreSQL tests an OR's terms in the order written, on every row a query reads, and managers
-- read the most rows (the pipeline's read_group by stage at 5,000 leads, a manager, pgbench: 766 → 799
-- transactions/s, means of six interleaved rounds); a salesperson pays one comparison with an empty
-- array.
CREATE OR REPLACE FUNCTION embudo.personal_or_all(nobody text, VARIADIC salespeople name[]) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT 'company_id = ANY ((SELECT embudo.company_ids(''all''))::int[])'
           || string_agg(format(' OR %1$I = (SELECT embudo.current_user_id()) OR %1$I %2$s', s, nobody), '' ORDER BY o)
    FROM unnest(salespeople) WITH ORDINALITY AS u (s, o)
$$;

-- Documents with a salesperson (leads, orders). The salesperson is the creator unless given. "Own
-- documents" sees and edits those where it is the salesperson or none is set; "all documents" every one
-- of the company. The rule holds for the row after a change too (PostgreSQL checks an updated row
-- against the read policy), so a salesperson with "own documents" cannot hand a document over to a
-- colleague: a manager with "all documents" does that. Only administrators delete. "Forbidden" or
-- "missing"? The owner sees the rows of the request's companies, for embudo.count_existing.
CREATE OR REPLACE FUNCTION embudo.enable_salesperson_documents(target regclass) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    mine constant text := embudo.personal_or_all('IS NULL', 'user_id');
BEGIN
    EXECUTE format('ALTER TABLE %s ALTER COLUMN user_id SET DEFAULT embudo.current_user_id()', target);
    PERFORM embudo.replace_policy(target, 'personal_or_all_read', format('FOR SELECT USING (%s)', mine));
    PERFORM embudo.replace_policy(target, 'personal_or_all_create', format('FOR INSERT TO embudo_service WITH CHECK (%s)', mine));
    PERFORM embudo.replace_policy(target, 'personal_or_all_update',
        format('FOR UPDATE TO embudo_service USING (%1$s) WITH CHECK (%1$s)', mine));
    PERFORM embudo.replace_policy(target, 'admin_delete',
        'FOR DELETE TO embudo_service USING (company_id = ANY ((SELECT embudo.company_ids(''admin''))::int[]))');
    PERFORM embudo.replace_policy(target, 'owner_exists', 'FOR SELECT TO embudo_owner USING (true)');
END
$$;

-- Rows that follow a lead or an order and are read with it (its tags, an order's lines, optional
-- products and portal links, a line's taxes) carry the document's salesperson, `salesperson_key`
-- (migration 0024: the salesperson's id, 0 for none; the document's salesperson_key_follows trigger
-- writes a new one, and a foreign key to the document's own `salesperson_key`, checked at commit,
-- refuses one that differs), so that their policy reads
-- their own columns: the same rule as the document's (embudo.personal_or_all), without looking the
-- document up for every row, as Citus requires of a policy (no subquery on another table) and as a
-- list of lines or tags is cheaper for. `parent` is the document (or, for a line's taxes, the line,
-- which carries its order's) and `link` the column holding its id.
--
-- A trigger fills the copy in when a row is added or moved to another document, reading the document
-- with the request's own rights: a document the request cannot see gives no salesperson (NULL), and the
-- row is refused by the policy, as before. The copy is not the caller's to set: the trigger overwrites
-- what an INSERT gives, and the foreign key refuses (at commit) an UPDATE that makes it differ. `clauses`: the
-- policy's roles and commands, before USING (default: every role and command).
CREATE OR REPLACE FUNCTION embudo.enable_follower_policy(target regclass, policy name, parent regclass, link name,
                                                         clauses text DEFAULT '') RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    mine constant text := embudo.personal_or_all('= 0', 'salesperson_key');
BEGIN
    EXECUTE format('CREATE OR REPLACE TRIGGER salesperson_key BEFORE INSERT OR UPDATE OF %I ON %s '
                   'FOR EACH ROW EXECUTE FUNCTION embudo.copy_salesperson_key(%L)',
                   link, target, (SELECT c.relname FROM pg_catalog.pg_class c WHERE c.oid = parent));
    PERFORM embudo.replace_policy(target, policy, format('%1$s USING (%2$s) WITH CHECK (%2$s)', clauses, mine));
    -- As the document's: the owner sees the rows of the request's companies, for embudo.count_existing.
    -- (It writes them as the request's user does, the documents' salesperson_key_follows triggers
    -- included; only unlinking has the owner write the copies: embudo.enable_owner_writes_policy.)
    PERFORM embudo.replace_policy(target, 'owner_exists', 'FOR SELECT TO embudo_owner USING (true)');
END
$$;

-- Some keys of tenant tables name a row that may go while the key's row stays: a lead's team, customer
-- or campaign, a quotation's opportunity, a meeting's salesperson. Deleting the named row sets the column
-- to NULL, as ON DELETE SET NULL (column) did; Citus refuses that action on a key that holds the
-- distribution column (issue 24, migration 0032). So the key takes no action, DEFERRABLE INITIALLY
-- DEFERRED, and a trigger on the named table does it: embudo.enable_unlink(table, column, named table)
-- declares one (each module its own tables' keys), which UnlinkedKeysTests holds every such key to. A
-- key to a membership (the salesperson, res_company_member) is cleared by embudo.remove_member
-- (memberships.sql), which is how a member leaves.
--
-- The column is cleared as the owner, as the key's action was: the row's deletion passed the request's
-- own policies, the rows naming it need not (a colleague's private meeting names the deleted lead).
--
-- The owner writes for the request in such places (clearing keys to a deleted row; keeping the copies
-- of who may read a meeting: calendar/events.sql) while `embudo.owner_writes` is set: transaction-local,
-- set by those functions alone around their statements (embudo.begin_owner_writes), and only in the
-- request's companies. The rows' own triggers then run as the owner too and write history (a change of
-- salesperson or team) and copies, so the tables they write take the same policy.
CREATE OR REPLACE FUNCTION embudo.enable_owner_writes_policy(target regclass) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM embudo.replace_policy(target, 'owner_writes', 'TO embudo_owner '
        'USING (coalesce(current_setting(''embudo.owner_writes'', true), '''') <> '''') '
        'WITH CHECK (coalesce(current_setting(''embudo.owner_writes'', true), '''') <> '''')');
END
$$;

-- Sets `embudo.owner_writes`; returns what it was, for embudo.end_owner_writes.
CREATE OR REPLACE FUNCTION embudo.begin_owner_writes() RETURNS text
LANGUAGE plpgsql
AS $$
DECLARE
    previous constant text := coalesce(current_setting('embudo.owner_writes', true), '');
BEGIN
    PERFORM embudo.set_local('embudo.owner_writes', 'on');
    RETURN previous;
END
$$;
CREATE OR REPLACE FUNCTION embudo.end_owner_writes(previous text) RETURNS void
LANGUAGE sql
AS $$ SELECT embudo.set_local('embudo.owner_writes', previous) $$;
REVOKE ALL ON FUNCTION embudo.begin_owner_writes(), embudo.end_owner_writes(text) FROM PUBLIC;

-- Sets `column` of `target`'s rows of `company` that name `deleted` to NULL, as the owner may while it
-- writes for the request (embudo.enable_owner_writes_policy). Only the owner's functions call it.
CREATE OR REPLACE FUNCTION embudo.unlink_references(target regclass, "column" name, company int, deleted int) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    previous constant text := embudo.begin_owner_writes();
BEGIN
    EXECUTE format('UPDATE %s SET %2$I = NULL WHERE company_id = $1 AND %2$I = $2', target, "column") USING company, deleted;
    PERFORM embudo.end_owner_writes(previous);
END
$$;
REVOKE ALL ON FUNCTION embudo.unlink_references(regclass, name, int, int) FROM PUBLIC;

-- Whether the current role is exempt from row-level security (a superuser, or BYPASSRLS): psql and the
-- privileged login of `embudo`, which write without any tenant context. The owner's functions that
-- write for a request see only the request's companies; for such a caller the triggers write as it.
CREATE OR REPLACE FUNCTION embudo.rls_exempt() RETURNS boolean
LANGUAGE sql STABLE
AS $$
    SELECT r.rolsuper OR r.rolbypassrls FROM pg_catalog.pg_roles r WHERE r.rolname = current_user
$$;
GRANT EXECUTE ON FUNCTION embudo.rls_exempt() TO embudo_service;

-- embudo.unlink_references as the owner, for a request. Only inside the triggers below.
CREATE OR REPLACE FUNCTION embudo.unlink_references_as_owner(target regclass, "column" name, company int, deleted int) RETURNS void
LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT embudo.unlink_references(target, "column", company, deleted) WHERE pg_trigger_depth() > 0
$$;
GRANT EXECUTE ON FUNCTION embudo.unlink_references_as_owner(regclass, name, int, int) TO embudo_service;

-- The trigger of embudo.enable_unlink, AFTER DELETE on the named table: TG_ARGV holds the table
-- (schema-qualified) and column whose rows named the deleted row. The statement names the row's company,
-- so on Citus it stays on the shard's node, with the colocated shards.
CREATE OR REPLACE FUNCTION embudo.unlink_deleted() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF embudo.rls_exempt() THEN
        PERFORM embudo.unlink_references(TG_ARGV[0]::regclass, TG_ARGV[1], OLD.company_id, OLD.id);
    ELSE
        PERFORM embudo.unlink_references_as_owner(TG_ARGV[0]::regclass, TG_ARGV[1], OLD.company_id, OLD.id);
    END IF;
    RETURN NULL;
END
$$;

-- Declares that `target`.`column`, with the company a key to `named`'s (company_id, id) that takes no
-- action, becomes NULL when the row it names is deleted: the trigger `unlink_<table>_<column>` on
-- `named`, and the owner's policy on `target`. For `named` res_company_member (the key names a member's
-- user_id), embudo.remove_member clears the column; only the policy is needed.
CREATE OR REPLACE FUNCTION embudo.enable_unlink(target regclass, "column" name, named regclass) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    IF named <> 'public.res_company_member'::regclass THEN
        EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER DELETE ON %s FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted(%L, %L)',
                       'unlink_' || (SELECT c.relname FROM pg_catalog.pg_class c WHERE c.oid = target) || '_' || "column",
                       named, embudo.qualified_name(target), "column");
    END IF;
    PERFORM embudo.enable_owner_writes_policy(target);
END
$$;

-- The trigger of embudo.enable_follower_policy: the row's document's salesperson_key, read in the
-- row's company (a statement per kind of document, so that each keeps its plan; on Citus a trigger
-- on a shard may read only its own company's rows of a colocated table, which is what this is).
CREATE OR REPLACE FUNCTION embudo.copy_salesperson_key() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    CASE TG_ARGV[0]
    WHEN 'crm_lead' THEN
        SELECT p.salesperson_key INTO NEW.salesperson_key FROM public.crm_lead p WHERE p.company_id = NEW.company_id AND p.id = NEW.lead_id;
    WHEN 'sale_order' THEN
        SELECT p.salesperson_key INTO NEW.salesperson_key FROM public.sale_order p WHERE p.company_id = NEW.company_id AND p.id = NEW.order_id;
    WHEN 'sale_order_line' THEN
        SELECT p.salesperson_key INTO NEW.salesperson_key FROM public.sale_order_line p
        WHERE p.company_id = NEW.company_id AND p.id = NEW.sale_order_line_id;
    END CASE;
    RETURN NEW;
END
$$;

-- What ON UPDATE CASCADE did for the copies of a document's salesperson, and Citus refuses on a foreign
-- key that holds the distribution column (company_id: every key of a tenant table does): when a
-- document's salesperson_key changes, the rows that follow it take the new one. Each kind of document
-- has its trigger, `salesperson_key_follows`, whose function updates every table with a copy of it
-- (FollowerRowsTests holds each copy's foreign key to one of those statements). The keys are DEFERRABLE
-- INITIALLY DEFERRED and checked at commit (migration 0031), after the trigger: PostgreSQL still
-- refuses a copy that differs from its document's, and a change of salesperson still waits for the
-- transactions that hold the document's key to add rows, and is waited for by them.
--
-- The triggers run with the request's rights, as the change does: whoever may change a document's
-- salesperson sees the rows that follow it, and the policies let them write the copies (a row it could
-- not see would keep the old copy, and the commit would fail, not leak). The foreign keys' own actions
-- (a member leaving a company unassigns their documents) run as the owner without row-level security,
-- and so do the triggers within them. On Citus they run on the document's shard and update the
-- colocated shards of the same company. Static statements, not one generic EXECUTE: PL/pgSQL keeps their
-- plans (a generic version planned six statements per reassigned lead).
