-- Login hardening (issue 18): failed logins throttled per account in PostgreSQL, pgcrypto out of
-- everyone's reach but the owner's, BI logins limited where they cannot lift the limits, and the tenant
-- context refused to any session whose login is privileged.

-- ---------------------------------------------------------------------------------------------------
-- pgcrypto lives in embudo_crypto now (bootstrap.sql), which only embudo_owner may use: the service gets
-- its random tokens from a function of the owner instead of calling gen_random_bytes itself.
-- ---------------------------------------------------------------------------------------------------

-- `bytes` random bytes (at most 64), hex.
CREATE FUNCTION embudo.random_token(bytes int) RETURNS text
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT encode(embudo_crypto.gen_random_bytes(least(greatest(bytes, 1), 64)), 'hex')
$$;
GRANT EXECUTE ON FUNCTION embudo.random_token(int) TO embudo_service;

CREATE OR REPLACE FUNCTION embudo.portal_issue_token(sale_order int) RETURNS text
LANGUAGE plpgsql
AS $$
DECLARE
    o public.sale_order;
    token text := embudo.random_token(24);
BEGIN
    SELECT * INTO o FROM public.sale_order x WHERE x.id = sale_order;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('user', 'This order does not exist or you cannot see it.');
    END IF;
    UPDATE public.sale_order_portal_token SET revoked_at = now() WHERE company_id = o.company_id AND order_id = o.id AND revoked_at IS NULL;
    INSERT INTO public.sale_order_portal_token (company_id, order_id, token_hash, acting_user, expires_at)
    VALUES (o.company_id, o.id, sha256(convert_to(token, 'UTF8')), coalesce(embudo.current_user_id(), o.user_id),
            coalesce((o.validity_date + 1)::timestamptz, now() + interval '30 days'));
    RETURN token;
END
$$;

-- ---------------------------------------------------------------------------------------------------
-- Failed logins, per account, shared by every server process. Growing delays, never a lock-out by
-- address: behind a proxy every client has the proxy's address.
-- ---------------------------------------------------------------------------------------------------

-- How long an account waits after failed logins: the first `free_failures` cost nothing, then each
-- failure doubles the wait from `first_delay` up to `max_delay`. A count whose last failure is older
-- than `forget_after` starts again. One row; the operator may change it (`UPDATE embudo.login_throttle_policy …`).
CREATE TABLE embudo.login_throttle_policy (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    free_failures int NOT NULL DEFAULT 5 CHECK (free_failures >= 0),
    first_delay interval NOT NULL DEFAULT '1 second' CHECK (first_delay >= '0'),
    max_delay interval NOT NULL DEFAULT '10 minutes' CHECK (max_delay >= '0'),
    forget_after interval NOT NULL DEFAULT '1 day' CHECK (forget_after > '0')
);
INSERT INTO embudo.login_throttle_policy DEFAULT VALUES;

-- The failures of one account: `user:<id>` for a user that exists (however the login was spelled),
-- `login:<sha-256 of the normalised login>` or `uid:<id>` for one that does not, so that throttling
-- behaves the same whether the account exists or not. Neither the service nor BI logins may read it.
CREATE TABLE embudo.login_failure (
    account text PRIMARY KEY,
    failures int NOT NULL DEFAULT 0,
    last_failure timestamptz,
    retry_at timestamptz
);
CREATE INDEX login_failure_last ON embudo.login_failure (last_failure);

-- A login as an account: case, surrounding white space and invisible characters do not make another one.
CREATE FUNCTION embudo.login_key(login text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT lower(btrim(login, E' \t\n\r\v\f' || chr(160) || chr(8203) || chr(8288) || chr(12288) || chr(65279)))
$$;

-- Checks `secret` for `candidate` (NULL: no such user, which costs a bcrypt all the same) as an attempt on
-- `target_account`: refused with SQLSTATE EMT01 and a message saying when to retry while the account
-- waits (before any bcrypt), counted when wrong, and the account's count cleared when right. Attempts on
-- one account run one at a time (its row stays locked until the transaction ends), so that parallel
-- guesses queue behind the delay instead of beside it.
CREATE FUNCTION embudo.throttled_login(target_account text, candidate int, secret text)
RETURNS TABLE (id int, login text, name text, tz text, lang text, company_ids int[], access_levels text[])
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    state embudo.login_failure;
    policy embudo.login_throttle_policy;
    verified record;
    counted int;
    wait bigint;
    moment timestamptz;
BEGIN
    INSERT INTO embudo.login_failure AS f (account) VALUES (target_account)
    ON CONFLICT (account) DO UPDATE SET account = f.account
    RETURNING f.* INTO state;
    moment := clock_timestamp();
    IF state.retry_at > moment THEN
        wait := greatest(1, ceil(extract(epoch FROM state.retry_at - moment)))::bigint;
        RAISE EXCEPTION 'Too many failed logins for this account: try again in % second%.', wait, CASE WHEN wait = 1 THEN '' ELSE 's' END
              USING ERRCODE = 'EMT01';
    END IF;
    SELECT * INTO verified FROM embudo.verified_user(candidate, secret);
    IF verified.id IS NOT NULL THEN
        DELETE FROM embudo.login_failure f WHERE f.account = target_account;
        RETURN QUERY SELECT verified.id, verified.login, verified.name, verified.tz, verified.lang,
                            verified.company_ids, verified.access_levels;
        RETURN;
    END IF;
    SELECT * INTO policy FROM embudo.login_throttle_policy;
    moment := clock_timestamp();
    counted := CASE WHEN state.last_failure IS NULL OR state.last_failure < moment - policy.forget_after THEN 1
                     ELSE state.failures + 1 END;
    UPDATE embudo.login_failure f
    SET failures = counted, last_failure = moment,
        retry_at = CASE WHEN counted <= policy.free_failures THEN NULL
                        ELSE moment + least(policy.max_delay,
                                            policy.first_delay * power(2, least(counted - policy.free_failures - 1, 40)))
                   END
    WHERE f.account = target_account;
    -- Counts nobody has added to for a while (guesses at logins that do not exist) do not pile up; rows
    -- that a concurrent attempt holds are left for later, so that two cleanups never wait on each other.
    DELETE FROM embudo.login_failure f WHERE f.account IN (
        SELECT o.account FROM embudo.login_failure o WHERE o.last_failure < moment - policy.forget_after
        LIMIT 100 FOR UPDATE SKIP LOCKED);
END
$$;

-- Logging in with a login (as typed) and a password or API key. The password is checked for the login
-- as given (case aside); the attempt counts against the account its normalised spelling names.
CREATE OR REPLACE FUNCTION embudo.authenticate(user_login text, password text)
RETURNS TABLE (id int, login text, name text, tz text, lang text, company_ids int[], access_levels text[])
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    normalised text := embudo.login_key(user_login);
    account_user int := (SELECT u.id FROM public.res_users u WHERE lower(u.login) = normalised);
BEGIN
    RETURN QUERY SELECT * FROM embudo.throttled_login(
        CASE WHEN account_user IS NOT NULL THEN 'user:' || account_user
             ELSE 'login:' || encode(sha256(convert_to(normalised, 'UTF8')), 'hex') END,
        (SELECT u.id FROM public.res_users u WHERE lower(u.login) = lower(user_login)),
        password);
END
$$;

-- Logging in with a user id (Odoo's `object` service) and a password or API key.
CREATE OR REPLACE FUNCTION embudo.authenticate_id(user_id int, password text)
RETURNS TABLE (id int, login text, name text, tz text, lang text, company_ids int[], access_levels text[])
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN QUERY SELECT * FROM embudo.throttled_login(
        CASE WHEN EXISTS (SELECT 1 FROM public.res_users u WHERE u.id = user_id) THEN 'user:' ELSE 'uid:' END || user_id,
        user_id, password);
END
$$;

-- ---------------------------------------------------------------------------------------------------
-- BI logins: a connection limit of their own, and a watchdog for what they could SET away.
-- ---------------------------------------------------------------------------------------------------

DROP FUNCTION embudo.create_bi_login(int, name, text);
-- Creates a BI login that reads the company's rows (and only those) through the report views, with at
-- most `connections` sessions at once. Its settings (timeout, no parallel plans, read-only) are defaults
-- that it can change: `embudo.bi_watchdog` enforces them from outside.
CREATE FUNCTION embudo.create_bi_login(company int, login name, password text, connections int DEFAULT 2) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    group_role name := (SELECT role_name FROM embudo.company_bi_role WHERE company_id = company);
BEGIN
    IF group_role IS NULL THEN
        RAISE EXCEPTION 'company % does not exist', company USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF connections IS NULL OR connections < 1 THEN
        RAISE EXCEPTION 'a BI login needs a connection limit of at least 1' USING ERRCODE = 'check_violation';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L CONNECTION LIMIT %s IN ROLE %I', login, password, connections, group_role);
    EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', login, '60s');
    EXECUTE format('ALTER ROLE %I SET max_parallel_workers_per_gather = 0', login);
    EXECUTE format('ALTER ROLE %I SET jit = off', login);
    EXECUTE format('ALTER ROLE %I SET search_path = report', login);
    EXECUTE format('ALTER ROLE %I SET default_transaction_read_only = on', login);
END
$$;

-- BI logins made before had no limit: they get the default.
DO $$
DECLARE
    member name;
BEGIN
    FOR member IN
        SELECT DISTINCT r.rolname FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.member JOIN pg_roles g ON g.oid = am.roleid
        JOIN embudo.company_bi_role b ON b.role_name = g.rolname
        WHERE r.rolcanlogin AND r.rolconnlimit < 0 AND NOT r.rolsuper
    LOOP
        EXECUTE format('ALTER ROLE %I CONNECTION LIMIT 2', member);
    END LOOP;
END
$$;

-- Stops BI sessions of this database that run past their limits, whatever they SET: a statement active
-- for longer than `longest`, or one that runs parallel workers, is cancelled; a session that holds a
-- transaction id (it wrote something, read-only switched off) or has sat idle in a transaction for longer
-- than `longest` is ended. Returns what it stopped. Run by `embudo serve`'s watchdog as the service; the
-- owner signals other roles' backends through pg_signal_backend and sees them through pg_read_all_stats
-- (bootstrap.sql).
CREATE FUNCTION embudo.bi_watchdog(longest interval)
RETURNS TABLE (pid int, login text, reason text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    session record;
    moment timestamptz := clock_timestamp();
BEGIN
    FOR session IN
        SELECT a.pid AS backend, a.usename::text AS who, CASE
            WHEN a.backend_xid IS NOT NULL THEN 'wrote'
            WHEN a.state LIKE 'idle in transaction%' AND a.state_change < moment - longest THEN 'idle in transaction'
            WHEN a.state = 'active' AND EXISTS (SELECT 1 FROM pg_stat_activity w WHERE w.leader_pid = a.pid AND w.pid <> a.pid)
                THEN 'parallel workers'
            WHEN a.state = 'active' AND a.query_start < moment - longest THEN 'statement timeout'
        END AS why
        FROM pg_stat_activity a
        WHERE a.datname = current_database() AND a.backend_type = 'client backend'
          AND a.usesysid IN (SELECT am.member FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid
                             JOIN embudo.company_bi_role b ON b.role_name = g.rolname
                             JOIN pg_roles r ON r.oid = am.member
                             WHERE NOT r.rolsuper)
    LOOP
        CONTINUE WHEN session.why IS NULL;
        IF session.why IN ('wrote', 'idle in transaction') THEN
            PERFORM pg_terminate_backend(session.backend);
        ELSE
            PERFORM pg_cancel_backend(session.backend);
        END IF;
        pid := session.backend;
        login := session.who;
        reason := session.why;
        RETURN NEXT;
    END LOOP;
END
$$;
GRANT EXECUTE ON FUNCTION embudo.bi_watchdog(interval) TO embudo_service;

-- ---------------------------------------------------------------------------------------------------
-- The tenant context only for embudo_service, on a session whose login is neither superuser nor
-- BYPASSRLS: behind a transaction-mode pooler, a privileged session would serve other requests.
-- ---------------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION embudo.enter_tenant(acting_user int, companies int[], timeout_ms int, stamp text) RETURNS boolean
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    granted record;
BEGIN
    IF current_user <> 'embudo_service'
       OR (SELECT r.rolsuper OR r.rolbypassrls FROM pg_roles r WHERE r.rolname = session_user) THEN
        RAISE EXCEPTION 'the tenant context is for embudo_service on a login that is neither superuser nor BYPASSRLS (current user %, login %)',
                        current_user, session_user
              USING ERRCODE = 'EMR01';
    END IF;
    IF acting_user IS NULL THEN
        SELECT '{}'::int[] AS own, '{}'::int[] AS every, '{}'::int[] AS admin INTO granted;
    ELSE
        IF stamp IS NOT NULL AND embudo.credential_stamp(acting_user) IS DISTINCT FROM stamp THEN
            RAISE EXCEPTION 'the credentials of user % changed', acting_user USING ERRCODE = 'invalid_password';
        END IF;
        SELECT * INTO granted FROM embudo.member_grants(acting_user, companies);
    END IF;
    PERFORM set_config('embudo.user_id', coalesce(acting_user::text, ''), true),
            set_config('embudo.company_ids', coalesce(array_to_string(companies, ','), ''), true),
            set_config('statement_timeout', timeout_ms::text, true),
            set_config('embudo.granted_own', granted.own::text, true),
            set_config('embudo.granted_all', granted.every::text, true),
            set_config('embudo.granted_admin', granted.admin::text, true);
    RETURN true;
END
$$;
