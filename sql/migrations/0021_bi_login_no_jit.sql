-- BI logins run without JIT compilation (see bootstrap.sql: the planner's estimates behind row-level
-- security make PostgreSQL compile tenant-sized report queries, at up to a second each). The database
-- already says so for every login; the role says it too, so that it holds in any database of the
-- cluster the login reaches.
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
