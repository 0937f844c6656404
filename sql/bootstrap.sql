-- Embudo bootstrap: roles, database grants, the internal schema and the ledgers of migrations and
-- definitions.
--
-- Run by `embudo migrate` (and `embudo serve` on start) with the privileged login, before the
-- migrations, every time: every statement here is idempotent. Roles are cluster-wide, so several
-- Embudo databases in one cluster share them.
--
--   embudo_owner    owns every schema object; NOLOGIN, never used by the service.
--   embudo_service  the role the service runs every request as: no superuser, no BYPASSRLS, not the
--                   owner, so row-level security always applies to it.
--   embudo_bi       the group of BI logins; each company has a NOLOGIN group inside it
--                   (embudo_bi_<random>), and a BI login belongs to its company's group.
--   embudo_report   owns the sources of the report views and holds their table rights, so that BI
--                   logins need none; row-level security applies to it like to any reader.

DO $bootstrap$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'embudo_owner') THEN
        CREATE ROLE embudo_owner NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'embudo_service') THEN
        CREATE ROLE embudo_service LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'embudo_bi') THEN
        CREATE ROLE embudo_bi NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
    -- Owns the report views' sources and holds the table rights BI logins do not have; row-level
    -- security applies to it (not the owner, no BYPASSRLS), with the querying login as current_user.
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'embudo_report') THEN
        CREATE ROLE embudo_report NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE IN ROLE embudo_bi;
    END IF;
    IF NOT pg_has_role('embudo_owner', 'embudo_report', 'MEMBER') THEN
        GRANT embudo_report TO embudo_owner;
    END IF;
    -- The BI watchdog (embudo.bi_watchdog, a function of the owner) sees every BI session's state and
    -- cancels or ends the ones past their limits.
    IF NOT pg_has_role('embudo_owner', 'pg_signal_backend', 'MEMBER') THEN
        GRANT pg_signal_backend TO embudo_owner;
    END IF;
    IF NOT pg_has_role('embudo_owner', 'pg_read_all_stats', 'MEMBER') THEN
        GRANT pg_read_all_stats TO embudo_owner;
    END IF;
    -- On Citus (distributed PostgreSQL), DDL reaches the workers through connections as the current
    -- role: the migrations, run as the owner (and the report views' sources, as embudo_report), need it
    -- to log in between the nodes (the workers' authentication decides from where;
    -- scripts/citus-cluster trusts loopback). Not otherwise.
    IF EXISTS (SELECT FROM pg_extension WHERE extname = 'citus') THEN
        IF NOT (SELECT rolcanlogin FROM pg_roles WHERE rolname = 'embudo_owner') THEN
            ALTER ROLE embudo_owner LOGIN;
        END IF;
        IF NOT (SELECT rolcanlogin FROM pg_roles WHERE rolname = 'embudo_report') THEN
            ALTER ROLE embudo_report LOGIN;
        END IF;
    END IF;
    -- A privileged login that is not a superuser must be able to act as the owner to migrate.
    IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT embudo_owner TO %I', current_user);
    END IF;
    EXECUTE format('GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %I TO embudo_owner', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO embudo_service, embudo_bi', current_database());
    EXECUTE format('REVOKE CONNECT, CREATE, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    -- Large objects are the one thing any login may write (no table, no schema, no TEMPORARY right
    -- needed): a BI login that switched read-only off could fill the disk. Embudo uses none. Only a
    -- superuser can take these from PUBLIC; otherwise the BI watchdog ends sessions that write.
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        REVOKE EXECUTE ON FUNCTION pg_catalog.lo_create(oid), pg_catalog.lo_creat(integer),
            pg_catalog.lo_from_bytea(oid, bytea), pg_catalog.lo_import(text), pg_catalog.lo_import(text, oid) FROM PUBLIC;
        -- The service's server messages in English whatever the cluster's locale, for its logs: errors are
        -- classified by SQLSTATE, never by these words. lc_messages can only be set by a superuser. (Set
        -- once: migrations of the cluster's other databases may run at the same time.)
        IF NOT EXISTS (
            SELECT FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
            WHERE r.rolname = 'embudo_service' AND s.setdatabase = 0 AND 'lc_messages=C' = ANY (s.setconfig)
        ) THEN
            ALTER ROLE embudo_service SET lc_messages = 'C';
        END IF;
    END IF;
END
$bootstrap$;

-- Tenant-sized queries gain nothing from parallel plans on the small machines Embudo targets, and the
-- planner overestimates rows behind row-level-security InitPlans (see postgres-tenancy.md §1.4).
-- Written only when missing: role settings are cluster-wide, and rewriting them from several databases
-- at once makes PostgreSQL report "tuple concurrently updated".
DO $settings$
BEGIN
    IF NOT EXISTS (
        SELECT FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
        WHERE r.rolname = 'embudo_service' AND s.setdatabase = 0
          AND 'max_parallel_workers_per_gather=0' = ANY (s.setconfig)
    ) THEN
        ALTER ROLE embudo_service SET max_parallel_workers_per_gather = 0;
    END IF;
    -- Generic plans for the service's prepared statements. Its tenant predicates are InitPlans over the
    -- transaction's context, which no custom plan can see either, so a custom plan only re-plans the
    -- query with its policies at every call: for a read of one lead by id, 0.47 ms of planning against
    -- 0.1 ms of execution. The planner never switches by itself (the generic estimate for `id = ANY($1)`
    -- assumes ten ids), and the API's read by id ran at half the rate it runs with generic plans.
    IF NOT EXISTS (
        SELECT FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
        WHERE r.rolname = 'embudo_service' AND s.setdatabase = 0
          AND 'plan_cache_mode=force_generic_plan' = ANY (s.setconfig)
    ) THEN
        ALTER ROLE embudo_service SET plan_cache_mode = force_generic_plan;
    END IF;
END
$settings$;

-- No JIT compilation, for the service (its role, cluster-wide) and for every login of this database (BI
-- logins also get it on their role: embudo.create_bi_login). It costs from 100 ms to a second per query
-- and pays off only on scans far larger than a tenant's, but the planner's estimates behind
-- row-level-security InitPlans are high enough to trigger it: with 100 companies loaded, a read_group of
-- crm.activity.report took 1,121 ms with JIT and 3.7 ms without. Takes effect for new connections (the
-- service's pool connects after the migrations).
DO $jit$
BEGIN
    IF NOT EXISTS (
        SELECT FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
        WHERE r.rolname = 'embudo_service' AND s.setdatabase = 0 AND 'jit=off' = ANY (s.setconfig)
    ) THEN
        ALTER ROLE embudo_service SET jit = off;
    END IF;
    IF NOT EXISTS (
        SELECT FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
        WHERE d.datname = current_database() AND s.setrole = 0 AND 'jit=off' = ANY (s.setconfig)
    ) THEN
        EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
    END IF;
END
$jit$;

-- Tables live in public (Odoo's table names), owned by embudo_owner; helpers in the embudo schema.
ALTER SCHEMA public OWNER TO embudo_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO embudo_service, embudo_bi;
CREATE SCHEMA IF NOT EXISTS embudo AUTHORIZATION embudo_owner;
GRANT USAGE ON SCHEMA embudo TO embudo_service, embudo_bi;

-- Functions are executable by nobody unless a module grants it.
ALTER DEFAULT PRIVILEGES FOR ROLE embudo_owner REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- pgcrypto (bcrypt, HMAC, random bytes) lives in a schema of its own that only embudo_owner may use: as a
-- trusted extension its functions belong to the bootstrap superuser, whose EXECUTE grant to PUBLIC the
-- owner cannot revoke, and one `crypt('x', gen_salt('bf', 31))` burns hours of CPU. Without USAGE on the
-- schema, BI logins and the service cannot call them; the owner's SECURITY DEFINER functions do. A
-- database migrated before has it in schema embudo: it moves here.
CREATE SCHEMA IF NOT EXISTS embudo_crypto AUTHORIZATION embudo_owner;
REVOKE ALL ON SCHEMA embudo_crypto FROM PUBLIC;
DO $crypto$
DECLARE
    installed name := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                       WHERE e.extname = 'pgcrypto');
BEGIN
    IF installed IS NULL THEN
        CREATE EXTENSION pgcrypto WITH SCHEMA embudo_crypto;
    ELSIF installed <> 'embudo_crypto' THEN
        ALTER EXTENSION pgcrypto SET SCHEMA embudo_crypto;
    END IF;
    -- A superuser can also take EXECUTE away from PUBLIC (a second fence, should the schema's rights
    -- ever be widened); other privileged logins cannot, and the schema alone keeps the functions out of reach.
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA embudo_crypto FROM PUBLIC;
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA embudo_crypto TO embudo_owner;
    END IF;
END
$crypto$;

CREATE TABLE IF NOT EXISTS embudo.schema_migrations (
    version text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE embudo.schema_migrations OWNER TO embudo_owner;

-- The definitions of sql/modules/ last applied, with the SHA-256 of each file's text: the migrator
-- applies them all again when any file's checksum changed or a migration was applied.
CREATE TABLE IF NOT EXISTS embudo.schema_definitions (
    path text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE embudo.schema_definitions OWNER TO embudo_owner;

-- Text search an index can serve below row-level security: `embudo.~~*` and `embudo.~~`, ILIKE and
-- LIKE for `text`, and `embudo.gin_trgm_ops`, a GIN operator class over pg_trgm's trigrams that
-- serves them (indexes in migrations 0020 and 0022). The model layer writes every `ilike`/`like` of a
-- domain with these operators (an `ilike` on a column's lower-cased copy, as `LIKE`: migration 0022).
--
-- Why not ILIKE with pg_trgm's own operator class: below a row-level security policy, PostgreSQL uses
-- an index (and the column's statistics) for a condition only when its function is LEAKPROOF, so that
-- it can never tell a row's content before the policy has let the row through. ILIKE is not: it raises
-- an error for a pattern that ends with an escape character. So every search read the company's
-- whole table (5 ms at 5,000 leads).
--
-- Why these functions may be LEAKPROOF: they are PostgreSQL's own `texticlike` and `textlike`, which
-- return a boolean and reveal nothing of the text they match (the row's column, on the left). Their
-- one data-dependent error depends on the pattern (on the right) alone, and that pattern is never a
-- row's value: only embudo_service (and the owner) may execute them, and embudo_service runs only the
-- SQL the model layer writes, where the pattern is always a bound parameter that it refused beforehand
-- if it ended with an escape character. BI logins, which write their own SQL, cannot call them.
--
-- Being leakproof, they may run on rows PostgreSQL reads before the row's policies. Two things keep
-- that to the request's own company's rows, so that not even their time depends on another company's
-- text: the model layer uses them only where the same query level limits the table to one company by
-- an equality (`r0.company_id = $c`), with a pattern of at most 256 bytes
-- (DomainCompiler.textCondition), so that an index scan and its recheck test the company first; and
-- their cost. PostgreSQL moves a leakproof condition ahead of the policies' only when it costs less
-- than 10 times an ordinary operator; theirs
-- is 25 (TextSearchTests holds it at 10 or more), which is also what they measured (about 0.5 µs a
-- row: a case-insensitive match lower-cases both sides under the column's collation). With a cost of 1
-- the planner found reading a company's 5,000 leads and matching three columns of each cheaper than
-- four trigram index scans (8.7 ms against 0.6).
--
-- What the column's statistics (gathered over every company's rows) tell the planner does choose
-- between plans, and so how long a search takes: the same as for every other condition PostgreSQL
-- estimates (an equality on an e-mail address, a stage), not a way to read another company's rows.
--
-- LEAKPROOF, `LANGUAGE internal` and operator classes take a superuser. Migrated by another privileged
-- login, the operators are plain SQL functions over ILIKE and LIKE (same answers, no index), until a
-- superuser runs `embudo migrate` once (then create migration 0022's indexes by hand, as it shows).
DO $text_search$
DECLARE
    superuser boolean := (SELECT rolsuper FROM pg_roles WHERE rolname = current_user);
    trgm name;
BEGIN
    IF superuser THEN
        -- The extensions' own functions (similarity(), show_trgm(), …) stay out of everyone's reach.
        CREATE SCHEMA IF NOT EXISTS embudo_text AUTHORIZATION embudo_owner;
        REVOKE ALL ON SCHEMA embudo_text FROM PUBLIC;
        CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA embudo_text;
        -- company_id leads each trigram index, so that a search reads its company's entries only.
        CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA embudo_text;
        CREATE OR REPLACE FUNCTION embudo.text_ilike(text, text) RETURNS boolean
            LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE COST 25 AS 'texticlike';
        CREATE OR REPLACE FUNCTION embudo.text_like(text, text) RETURNS boolean
            LANGUAGE internal IMMUTABLE STRICT LEAKPROOF PARALLEL SAFE COST 25 AS 'textlike';
    ELSIF to_regprocedure('embudo.text_ilike(text, text)') IS NULL THEN
        CREATE FUNCTION embudo.text_ilike(text, text) RETURNS boolean
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN $1 ILIKE $2;
        CREATE FUNCTION embudo.text_like(text, text) RETURNS boolean
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE RETURN $1 LIKE $2;
        ALTER FUNCTION embudo.text_ilike(text, text) OWNER TO embudo_owner;
        ALTER FUNCTION embudo.text_like(text, text) OWNER TO embudo_owner;
    END IF;
    REVOKE EXECUTE ON FUNCTION embudo.text_ilike(text, text), embudo.text_like(text, text) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION embudo.text_ilike(text, text), embudo.text_like(text, text) TO embudo_owner, embudo_service;
    IF to_regoperator('embudo.~~*(text, text)') IS NULL THEN
        CREATE OPERATOR embudo.~~* (LEFTARG = text, RIGHTARG = text, FUNCTION = embudo.text_ilike,
                                    RESTRICT = iclikesel, JOIN = iclikejoinsel);
        CREATE OPERATOR embudo.~~ (LEFTARG = text, RIGHTARG = text, FUNCTION = embudo.text_like,
                                   RESTRICT = likesel, JOIN = likejoinsel);
    END IF;
    trgm := (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm');
    IF superuser AND NOT EXISTS (
        SELECT FROM pg_opclass c JOIN pg_namespace n ON n.oid = c.opcnamespace
        WHERE n.nspname = 'embudo' AND c.opcname = 'gin_trgm_ops'
    ) THEN
        -- Strategies 3 and 4 are pg_trgm's LIKE and ILIKE: its functions extract a pattern's trigrams.
        -- (distribution.sql creates the same on Citus's workers.)
        EXECUTE format($opclass$
            CREATE OPERATOR CLASS embudo.gin_trgm_ops FOR TYPE text USING gin AS
                OPERATOR 3 embudo.~~ (text, text),
                OPERATOR 4 embudo.~~* (text, text),
                FUNCTION 1 pg_catalog.btint4cmp(int4, int4),
                FUNCTION 2 %1$I.gin_extract_value_trgm(text, internal),
                FUNCTION 3 %1$I.gin_extract_query_trgm(text, internal, int2, internal, internal, internal, internal),
                FUNCTION 4 %1$I.gin_trgm_consistent(internal, int2, text, int4, internal, internal, internal, internal),
                FUNCTION 6 %1$I.gin_trgm_triconsistent(internal, int2, text, int4, internal, internal, internal),
                STORAGE int4
        $opclass$, trgm);
    END IF;
END
$text_search$;
