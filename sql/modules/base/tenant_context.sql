-- The tenant context.
--
-- The service runs every request as embudo_service, in a transaction that starts by opening its context
-- with embudo.enter_tenant(<user>, <companies>, <timeout>, <stamp>, <language>). Those settings are
-- trusted only for embudo_service (and the owner, inside the service's own SECURITY DEFINER checks), and
-- even then only as far as the user's memberships allow. Any other role (a BI login) can set them too,
-- so for other roles they are ignored: a BI login's companies come from the BI groups it belongs to.
-- (A SECURITY DEFINER function that BI logins may call must not trust them either: it runs as the
-- owner; see embudo.calendar_attends.)
--
-- The context's companies are worked out once per transaction instead of once per policy. Every tenant
-- policy asks embudo.company_ids() which companies the request may see, at some access level; a read of
-- one lead with its customer, stage, salesperson and tags asks eight times, and each answer used to be a
-- PL/pgSQL call into a SECURITY DEFINER function joining the memberships (about 30 µs each, most of the
-- statement's cost). So the statement that opens a call's context, embudo.enter_tenant(), checks the
-- credentials' stamp and works out the companies at the three access levels once, into
-- transaction-local settings, and company_ids() is a plain SQL expression that the planner inlines: it
-- reads the setting. When no context was opened (migrations, maintenance as the owner), the settings are
-- absent and the answer is worked out from the memberships.
--
-- The helpers must be cheap. A LANGUAGE sql function that cannot be inlined (SECURITY DEFINER, SET
-- clauses) is parsed and planned again at every call; a PL/pgSQL function keeps its plans for the
-- session. Measured with pgbench (4 clients, prelude + read of one partner): 5,600 → 15,900
-- transactions per second.

-- Sets transaction-local settings: `embudo.set_local(name, value, name, value, …)`, a value NULL
-- setting ''. It runs them as SET LOCAL statements (one EXECUTE), not with set_config(…, true): the
-- two are the same to PostgreSQL, but Citus passes SET commands on to the nodes that run a
-- transaction's queries (citus.propagate_set_commands = 'local') and never set_config calls, so the
-- policies and triggers on a worker's shards would see no context (issue 24). Every setting of the
-- context and every flag between the SQL functions goes through here; a setting that must outlive the
-- transaction (the grants cache below) is set_config(…, false). Names are checked (letters, digits,
-- underscores, at most one dot): a value is a literal, a name cannot be.
CREATE OR REPLACE FUNCTION embudo.set_local(VARIADIC pairs text[]) RETURNS void
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
    statements text := '';
BEGIN
    IF coalesce(array_length(pairs, 1), 0) % 2 <> 0 THEN
        RAISE EXCEPTION 'embudo.set_local takes names and values in pairs';
    END IF;
    FOR i IN 1 .. coalesce(array_length(pairs, 1), 0) BY 2 LOOP
        IF pairs[i] IS NULL OR pairs[i] !~ '^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$' THEN
            RAISE EXCEPTION 'embudo.set_local: % is not a setting''s name', quote_nullable(pairs[i]);
        END IF;
        statements := statements || format('SET LOCAL %s = %L;', pairs[i], coalesce(pairs[i + 1], ''));
    END LOOP;
    IF statements <> '' THEN
        EXECUTE statements;
    END IF;
END
$$;
GRANT EXECUTE ON FUNCTION embudo.set_local(text[]) TO embudo_service;

-- The companies among `companies` in which the active user `acting_user` has at least 'own', 'all'
-- and 'admin' access (disabled companies left out): what opening a call's context needs, in one query.
-- It reads the identity tables as their owner (their row-level security is for the service's own
-- queries), and only the service may call it.
CREATE OR REPLACE FUNCTION embudo.member_grants(acting_user int, companies int[], OUT own int[], OUT every int[], OUT admin int[])
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    SELECT coalesce(array_agg(m.company_id) FILTER (WHERE u.active AND m.company_id IS NOT NULL), '{}'),
           coalesce(array_agg(m.company_id) FILTER (WHERE u.active AND m.access_level >= 'all'), '{}'),
           coalesce(array_agg(m.company_id) FILTER (WHERE u.active AND m.access_level >= 'admin'), '{}')
      INTO own, every, admin
      FROM public.res_users u
      LEFT JOIN public.res_company_member m
             ON m.user_id = u.id AND m.company_id = ANY (companies)
            AND NOT EXISTS (SELECT 1 FROM embudo.disabled_company d WHERE d.company_id = m.company_id)
     WHERE u.id = acting_user
     GROUP BY u.id;
    IF NOT FOUND THEN
        own := '{}';
        every := '{}';
        admin := '{}';
    END IF;
END
$$;

-- The companies among `companies` in which the active user `acting_user` has at least `minimum`
-- access. One definition of who may act where (active user, membership, company not disabled): the
-- answer at one access level is member_grants' answer at that level.
CREATE OR REPLACE FUNCTION embudo.member_company_ids(acting_user int, companies int[], minimum embudo.access_level) RETURNS int[]
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    granted record;
BEGIN
    SELECT * INTO granted FROM embudo.member_grants(acting_user, companies);
    RETURN CASE minimum WHEN 'own' THEN granted.own WHEN 'all' THEN granted.every ELSE granted.admin END;
END
$$;

-- The answer of company_ids() when no context was opened: worked out from the memberships, or from the
-- BI groups of the login (BI logins read as 'all' and are never administrators). BI logins of a
-- disabled company: the group keeps its members, but sessions opened before the company was disabled
-- read nothing more (new sessions are refused at login already).
CREATE OR REPLACE FUNCTION embudo.company_ids_computed(minimum embudo.access_level) RETURNS int[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF current_user IN ('embudo_service', 'embudo_owner') THEN
        -- No user, no companies, without a query (on Citus this runs on the workers, which a policy's
        -- helper may not query the cluster's tables from).
        IF nullif(current_setting('embudo.user_id', true), '') IS NULL THEN
            RETURN '{}';
        END IF;
        RETURN embudo.member_company_ids(
            nullif(current_setting('embudo.user_id', true), '')::int,
            string_to_array(nullif(current_setting('embudo.company_ids', true), ''), ',')::int[],
            minimum);
    END IF;
    IF minimum > 'all' THEN
        RETURN '{}';
    END IF;
    -- Joined to pg_roles so that a group role dropped by hand cannot make every BI query fail.
    RETURN ARRAY(
        SELECT b.company_id
        FROM embudo.company_bi_role b
        JOIN pg_roles r ON r.rolname = b.role_name
        WHERE pg_has_role(current_user, r.oid, 'USAGE')
          AND NOT EXISTS (SELECT 1 FROM embudo.disabled_company d WHERE d.company_id = b.company_id));
END
$$;

-- The companies the current role may act in with at least the given access level. Inlinable (plain
-- SQL, no SET clause, not SECURITY DEFINER; the body is bound at creation, so the caller's search_path
-- does not matter). Call it in policies as (SELECT embudo.company_ids(...)) so that it runs once per
-- statement. The owner acts here only inside the service's own SECURITY DEFINER checks (and
-- migrations, which set no context and so see no company).
CREATE OR REPLACE FUNCTION embudo.company_ids(minimum embudo.access_level DEFAULT 'own') RETURNS int[]
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE
        WHEN current_user IN ('embudo_service', 'embudo_owner')
             AND nullif(current_setting('embudo.granted_' || minimum::text, true), '') IS NOT NULL
        THEN current_setting('embudo.granted_' || minimum::text, true)::int[]
        ELSE embudo.company_ids_computed(minimum)
    END;
END;

-- The acting user of the service, or NULL (BI logins, no context). Inlinable for the same reason.
CREATE OR REPLACE FUNCTION embudo.current_user_id() RETURNS int
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT CASE WHEN current_user IN ('embudo_service', 'embudo_owner')
                THEN nullif(current_setting('embudo.user_id', true), '')::int END;
END;

-- Opens a call's tenant context, transaction-locally: the acting user (NULL: none), the companies asked
-- for, the statement timeout in milliseconds (0: none) and, for credentials verified earlier and
-- cached, their stamp (raises invalid_password, 28P01, when it no longer matches). Then records the
-- companies the user may act in at each access level, for company_ids(), and the request's language
-- (`embudo.lang`, '' for none), which translated names read. (Settings made with SET LOCAL inside a
-- function outlive it; only the function's own SET clause is undone.)
-- A transaction without a user (sessions, API keys, health probes, the portal's token, the mail queue)
-- grants nothing: no stamp to check and no memberships to look up. It opens only for embudo_service, on
-- a session whose login is neither superuser, BYPASSRLS nor a member of embudo_owner (SQLSTATE EMR01
-- otherwise): behind a
-- transaction-mode pooler, a privileged session that had switched to the service would serve other
-- requests one RESET ROLE away from its privileges.
--
-- The grants are a function of the user, the companies asked for and the user's credential stamp: every
-- input of member_grants (the user's active flag, memberships and their levels, disabled companies)
-- changes that stamp when it changes (identity.sql). So the session keeps, for each user it
-- served, the last grants it worked out, keyed by all three (the session-level setting
-- embudo.grants_u<user>: key;own;all;admin), and a call of a user in the same companies as that user's
-- last call on this connection reads the stamp (credential_stamp) instead of working the grants out. (A
-- connection serves many users in turn: with one entry per session, the load test's eight salespeople
-- on eight connections missed seven calls in eight.) The stamp is read
-- before the grants are worked out, from the rows the grants are worked out from, so cached grants are
-- never older than their key. The cache is read only here, for the service, which could set
-- the granted_* settings themselves anyway: it widens nothing.
--
-- It runs with its caller's rights (no SECURITY DEFINER), so it needs no search_path of its own: a path
-- the caller chose can only mislead the caller, who could set these settings directly anyway; the
-- functions it trusts are schema-qualified and the catalog it checks is pg_catalog.pg_roles (a
-- temporary table cannot stand in for it). A SET clause cost every call about 13 µs of the 70 µs the
-- context takes over a bare transaction.
CREATE OR REPLACE FUNCTION embudo.enter_tenant(acting_user int, companies int[], timeout_ms int, stamp text, lang text) RETURNS boolean
LANGUAGE plpgsql VOLATILE
AS $$
DECLARE
    granted record;
    refused boolean := false;
    version text;
    cache_key text;
    cache_name text;
    cached text;
BEGIN
    -- A session whose login is embudo_service itself has that role's rights and no other (the pool checks
    -- the role when it connects): two plain comparisons, no query, on every call. Only a login that
    -- switched to the service is looked up in the catalog. (Kept apart from the comparisons: an
    -- expression with a subquery would run through the executor every time.)
    IF current_user <> 'embudo_service' THEN
        refused := true;
    ELSIF session_user <> current_user THEN
        refused := (SELECT r.rolsuper OR r.rolbypassrls OR pg_catalog.pg_has_role(r.oid, 'embudo_owner', 'MEMBER') FROM pg_catalog.pg_roles r
                    WHERE r.rolname = session_user);
    END IF;
    IF refused THEN
        RAISE EXCEPTION 'the tenant context is for embudo_service on a login that is neither superuser nor BYPASSRLS (current user %, login %)',
                        current_user, session_user
              USING ERRCODE = 'EMR01';
    END IF;
    IF acting_user IS NULL THEN
        SELECT '{}'::int[] AS own, '{}'::int[] AS every, '{}'::int[] AS admin INTO granted;
    ELSE
        version := embudo.credential_stamp(acting_user);
        IF stamp IS NOT NULL AND version IS DISTINCT FROM stamp THEN
            RAISE EXCEPTION 'the credentials of user % changed', acting_user USING ERRCODE = 'invalid_password';
        END IF;
        cache_key := acting_user::text || '/' || coalesce(version, '') || '/' || coalesce(companies::text, '');
        cache_name := 'embudo.grants_u' || acting_user::text;
        cached := current_setting(cache_name, true);
        IF version IS NOT NULL AND split_part(cached, ';', 1) = cache_key THEN
            SELECT split_part(cached, ';', 2)::int[] AS own, split_part(cached, ';', 3)::int[] AS every,
                   split_part(cached, ';', 4)::int[] AS admin
              INTO granted;
        ELSE
            SELECT g.own, g.every, g.admin INTO granted FROM embudo.member_grants(acting_user, companies) g;
            PERFORM set_config(cache_name, concat_ws(';', cache_key, granted.own::text, granted.every::text, granted.admin::text), false);
        END IF;
    END IF;
    PERFORM embudo.set_local('embudo.user_id', acting_user::text,
                             'embudo.company_ids', array_to_string(companies, ','),
                             'statement_timeout', coalesce(timeout_ms, 0)::text,
                             'embudo.granted_own', granted.own::text,
                             'embudo.granted_all', granted.every::text,
                             'embudo.granted_admin', granted.admin::text,
                             'embudo.lang', lang);
    RETURN true;
END
$$;
-- "Forbidden" or "missing"? A record the user's level hides is refused with an access error, as Odoo's
-- record rules do, not reported missing. The check runs as the tables' owner, which sees the records
-- of the request's companies (and only those: the tenant fence still applies) through owner policies
-- (owner_exists, on the tables of documents). How many of `ids` exist in the request's companies,
-- whatever the user's access level, counted with an explicit predicate on the company column
-- (res_company: its id): the owner is not held by the tenant fence of a table without FORCE ROW LEVEL
-- SECURITY (mail_mail), and an AccessError would tell a member that another company's record exists.
-- Tables without a company column are reference data that everyone reads.
CREATE OR REPLACE FUNCTION embudo.count_existing(target regclass, ids int[]) RETURNS int
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    found int;
    fence name := CASE WHEN target = 'public.res_company'::regclass THEN 'id' ELSE 'company_id' END;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = target AND a.attname = fence AND a.attnum > 0 AND NOT a.attisdropped) THEN
        EXECUTE format('SELECT count(*)::int FROM %s WHERE id = ANY ($1) AND %I = ANY ($2)', target, fence)
            INTO found USING ids, embudo.company_ids();
    ELSE
        EXECUTE format('SELECT count(*)::int FROM %s WHERE id = ANY ($1)', target) INTO found USING ids;
    END IF;
    RETURN found;
END
$$;

GRANT EXECUTE ON FUNCTION embudo.member_grants(int, int[]),
    embudo.member_company_ids(int, int[], embudo.access_level),
    embudo.enter_tenant(int, int[], int, text, text), embudo.count_existing(regclass, int[])
TO embudo_service;
GRANT EXECUTE ON FUNCTION embudo.company_ids(embudo.access_level), embudo.current_user_id() TO embudo_service, embudo_bi;
GRANT EXECUTE ON FUNCTION embudo.company_ids_computed(embudo.access_level) TO embudo_service, embudo_bi, embudo_report;
