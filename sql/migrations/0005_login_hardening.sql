-- Login hardening (issue 18): failed logins counted per account in PostgreSQL, and BI logins with a
-- connection limit. Their rules are in sql/modules/base/identity.sql and reports/bi_logins.sql;
-- pgcrypto moved to its own schema in sql/bootstrap.sql.

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


-- create_bi_login takes a connection limit; the modules create it again.
DROP FUNCTION IF EXISTS embudo.create_bi_login(int, name, text);

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
