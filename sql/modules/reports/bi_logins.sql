-- BI logins: database logins of a company's BI group (embudo.company_bi_role), created and removed by
-- the privileged login (`embudo bi-role create|drop`).

-- Creates a BI login that reads the company's rows (and only those) through the report views, with at
-- most `connections` sessions at once. Its settings (timeout, no parallel plans, read-only) are defaults
-- that it can change: `embudo.bi_watchdog` enforces them from outside.
CREATE OR REPLACE FUNCTION embudo.create_bi_login(company int, login name, password text, connections int DEFAULT 2) RETURNS void
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
-- Removes a BI login (only roles that belong to a company's BI group).
CREATE OR REPLACE FUNCTION embudo.drop_bi_login(login name) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_auth_members am JOIN pg_roles member ON member.oid = am.member
                   JOIN pg_roles grp ON grp.oid = am.roleid JOIN embudo.company_bi_role b ON b.role_name = grp.rolname
                   WHERE member.rolname = login) THEN
        RAISE EXCEPTION '% is not a BI login', login USING ERRCODE = 'undefined_object';
    END IF;
    EXECUTE format('DROP ROLE %I', login);
END
$$;

-- Stops BI sessions of this database that run past their limits, whatever they SET: a statement active
-- for longer than `longest`, or one that runs parallel workers, is cancelled; a session that holds a
-- transaction id (it wrote something, read-only switched off) or has sat idle in a transaction for longer
-- than `longest` is ended. Returns what it stopped. Run by `embudo serve`'s watchdog as the service; the
-- owner signals other roles' backends through pg_signal_backend and sees them through pg_read_all_stats
-- (bootstrap.sql).
CREATE OR REPLACE FUNCTION embudo.bi_watchdog(longest interval)
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
            -- A BI login has no use for advisory locks; holding the migrator's would stop every start.
            WHEN EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'advisory') THEN 'advisory lock'
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
        IF session.why IN ('wrote', 'idle in transaction', 'advisory lock') THEN
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
