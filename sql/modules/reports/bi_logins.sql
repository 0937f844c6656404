-- BI logins: database logins of a company's BI group (embudo.company_bi_role), created and removed by
-- the privileged login (`embudo bi-role create|drop`).

-- Creates a BI login that reads the company's rows (and only those) through the report views. It gets
-- a statement timeout and plain plans, and runs without JIT compilation (see bootstrap.sql: the
-- planner's estimates behind row-level security make PostgreSQL compile tenant-sized report queries,
-- at up to a second each). The database already says so for every login; the role says it too, so that
-- it holds in any database of the cluster the login reaches.
CREATE OR REPLACE FUNCTION embudo.create_bi_login(company int, login name, password text) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    group_role name := (SELECT role_name FROM embudo.company_bi_role WHERE company_id = company);
BEGIN
    IF group_role IS NULL THEN
        RAISE EXCEPTION 'company % does not exist', company USING ERRCODE = 'foreign_key_violation';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', login, password, group_role);
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
