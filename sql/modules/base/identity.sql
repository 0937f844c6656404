-- Identity: users (global, not per company), their access to companies, passwords, API keys and the
-- stamps of their credentials. Not exposed to BI logins; the service reads it to log users in.

-- The identity tables are global, but what the service sees of them is not: a user sees themself and
-- the users and memberships of the companies they act in. Enabled, not forced: their owner (the
-- SECURITY DEFINER helpers) reads them whole.
ALTER TABLE res_users ENABLE ROW LEVEL SECURITY;
-- (A user's companies are a column of theirs, member_of, kept by embudo.member_changed: Citus refuses a
-- policy that looks another table up.)
SELECT embudo.replace_global_policy('res_users', 'colleagues', 'FOR SELECT TO embudo_service '
    'USING (id = (SELECT embudo.current_user_id()) OR member_of && (SELECT embudo.company_ids())::int[])');
ALTER TABLE res_company_member ENABLE ROW LEVEL SECURITY;
SELECT embudo.replace_global_policy('res_company_member', 'colleagues', 'FOR SELECT TO embudo_service '
    'USING (user_id = (SELECT embudo.current_user_id()) OR company_id = ANY ((SELECT embudo.company_ids())::int[]))');
GRANT SELECT (id, login, name, email, tz, lang, active, company_id, signature, create_date, write_date) ON res_users TO embudo_service;
GRANT SELECT ON res_company_member TO embudo_service;
-- BI logins read the BI group role of each company (it holds company ids and role names, both visible in
-- pg_roles anyway).
GRANT SELECT ON embudo.company_bi_role TO embudo_bi;

-- Sets a user's password (bcrypt). (The hash is worked out first, in PL/pgSQL: Citus cannot plan an SQL
-- function's parameters, nor a volatile function in an UPDATE of a table it places.)
CREATE OR REPLACE FUNCTION embudo.set_password(target_user int, password text) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    hash constant text := embudo_crypto.crypt(password, embudo_crypto.gen_salt('bf', 10));
BEGIN
    UPDATE public.res_users SET password_hash = hash, write_date = now() WHERE id = target_user;
END
$$;

-- Logging in: the active user with this login (or id) and password (or API key), with their
-- memberships, or no row. The service may call these but cannot read password hashes, nor other users
-- before it knows who acts. An unknown login costs one bcrypt too, so that timing does not tell which
-- logins exist.

-- A user's identity and memberships (internal: only the SECURITY DEFINER functions below call it). It
-- lists only the companies they may act in now (disabled ones are left out, so a call naming one is
-- refused outright): their home company first (where calls that name no company act), then the others
-- by id.
CREATE OR REPLACE FUNCTION embudo.identity(target int)
RETURNS TABLE (id int, login text, name text, tz text, lang text, company_ids int[], access_levels text[])
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT u.id, u.login, u.name, u.tz, u.lang,
           coalesce(array_agg(m.company_id ORDER BY m.company_id IS DISTINCT FROM u.company_id, m.company_id)
                    FILTER (WHERE m.company_id IS NOT NULL), '{}'),
           coalesce(array_agg(m.access_level::text ORDER BY m.company_id IS DISTINCT FROM u.company_id, m.company_id)
                    FILTER (WHERE m.company_id IS NOT NULL), '{}')
    FROM public.res_users u
    LEFT JOIN public.res_company_member m
           ON m.user_id = u.id AND NOT EXISTS (SELECT 1 FROM embudo.disabled_company d WHERE d.company_id = m.company_id)
    WHERE u.id = target AND u.active
    GROUP BY u.id
$$;

CREATE OR REPLACE FUNCTION embudo.verified_user(candidate int, password text)
RETURNS TABLE (id int, login text, name text, tz text, lang text, company_ids int[], access_levels text[])
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    stored_hash text := (SELECT u.password_hash FROM public.res_users u WHERE u.id = candidate AND u.active);
BEGIN
    IF EXISTS (SELECT FROM embudo.user_api_key k
               WHERE k.user_id = candidate AND k.key_hash = sha256(convert_to(password, 'UTF8'))) THEN
        RETURN QUERY SELECT * FROM embudo.identity(candidate);
        RETURN;
    END IF;
    IF stored_hash IS NULL THEN
        PERFORM embudo_crypto.crypt(password, embudo_crypto.gen_salt('bf', 10));
        RETURN;
    END IF;
    IF stored_hash <> embudo_crypto.crypt(password, stored_hash) THEN
        RETURN;
    END IF;
    RETURN QUERY SELECT * FROM embudo.identity(candidate);
END
$$;

-- Failed logins, per account, shared by every server process: growing delays, never a lock-out by
-- address (behind a proxy every client has the proxy's address). Counts in embudo.login_failure,
-- policy in embudo.login_throttle_policy (the operator may change it).

-- A login as an account: case, surrounding white space and invisible characters do not make another one.
CREATE OR REPLACE FUNCTION embudo.login_key(login text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT lower(btrim(login, E' \t\n\r\v\f' || chr(160) || chr(8203) || chr(8288) || chr(12288) || chr(65279)))
$$;

-- The account a login's attempts count against: its normalised spelling, hashed (whether the login
-- exists or not).
CREATE OR REPLACE FUNCTION embudo.login_account(login text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT 'login:' || encode(sha256(convert_to(embudo.login_key(login), 'UTF8')), 'hex')
$$;

-- Checks `secret` for `candidate` (NULL: no such user, which costs a bcrypt all the same) as an attempt on
-- `target_account`: refused with SQLSTATE EMT01 and a message saying when to retry while the account
-- waits (before any bcrypt; an API key still serves), counted when wrong, and the account's count
-- cleared when right. Attempts on
-- one account run one at a time (its row stays locked until the transaction ends), so that parallel
-- guesses queue behind the delay instead of beside it.
CREATE OR REPLACE FUNCTION embudo.throttled_login(target_account text, candidate int, secret text)
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
    retry timestamptz;
BEGIN
    INSERT INTO embudo.login_failure AS f (account) VALUES (target_account)
    ON CONFLICT (account) DO UPDATE SET account = f.account
    RETURNING f.* INTO state;
    moment := clock_timestamp();
    -- An API key (160 random bits, which no guessing finds) serves even while the account waits: someone
    -- who keeps a login's account waiting with a wrong password now and then does not stop the
    -- company's integrations.
    IF state.retry_at > moment AND NOT EXISTS (SELECT 1 FROM embudo.user_api_key k
                                               WHERE k.user_id = candidate AND k.key_hash = sha256(convert_to(secret, 'UTF8'))) THEN
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
    -- (Worked out first: Citus takes no function but immutable ones in a CASE of an UPDATE.)
    retry := CASE WHEN counted <= policy.free_failures THEN NULL
                  ELSE moment + least(policy.max_delay, policy.first_delay * power(2, least(counted - policy.free_failures - 1, 40)))
             END;
    UPDATE embudo.login_failure f SET failures = counted, last_failure = moment, retry_at = retry
    WHERE f.account = target_account;
    -- Counts nobody has added to for a while (guesses at logins that do not exist) do not pile up; rows
    -- that a concurrent attempt holds are left for later, so that two cleanups never wait on each other.
    DELETE FROM embudo.login_failure f WHERE f.account IN (
        SELECT o.account FROM embudo.login_failure o WHERE o.last_failure < moment - policy.forget_after
        LIMIT 100 FOR UPDATE SKIP LOCKED);
END
$$;

-- The accounts attempts count against: a login by its normalised spelling (`login:<sha-256>`, whether it
-- exists or not: `Admin`, ` admin` and `ADMIN` are one account), a user id by itself (`uid:<id>`, Odoo's
-- object calls). Two counters per identity, never one shared by both routes: a shared one would tell
-- whoever can make an id wait whether a login belongs to that id (a company administrator inviting an
-- address could learn whether the login already existed).

-- Logging in with a login (as typed) and a password or API key. The password is checked for the login
-- as given (case aside); the attempt counts against the account its normalised spelling names.
CREATE OR REPLACE FUNCTION embudo.authenticate(user_login text, password text)
RETURNS TABLE (id int, login text, name text, tz text, lang text, company_ids int[], access_levels text[])
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN QUERY SELECT * FROM embudo.throttled_login(
        embudo.login_account(user_login),
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
    RETURN QUERY SELECT * FROM embudo.throttled_login('uid:' || user_id, user_id, password);
END
$$;
-- API keys (embudo.user_api_key), usable wherever a password is and as JSON-2 bearer tokens.
-- Creates a key for a user and returns it (the only time it is seen). For the administration command.
CREATE OR REPLACE FUNCTION embudo.create_api_key(target int, key_name text) RETURNS text
LANGUAGE plpgsql
AS $$
DECLARE
    new_key text := encode(embudo_crypto.gen_random_bytes(20), 'hex');
BEGIN
    INSERT INTO embudo.user_api_key (user_id, name, key_hash) VALUES (target, key_name, sha256(convert_to(new_key, 'UTF8')));
    RETURN new_key;
END
$$;

-- Revokes the API keys of a user that have this name; returns how many. For the administration command.
CREATE OR REPLACE FUNCTION embudo.revoke_api_key(target int, key_name text) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    revoked int;
BEGIN
    DELETE FROM embudo.user_api_key k WHERE k.user_id = target AND k.name = key_name;
    GET DIAGNOSTICS revoked = ROW_COUNT;
    RETURN revoked;
END
$$;

-- The user of an API key alone (JSON-2's bearer token), or no row.
CREATE OR REPLACE FUNCTION embudo.authenticate_key(api_key text)
RETURNS TABLE (id int, login text, name text, tz text, lang text, company_ids int[], access_levels text[])
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT i.*
    FROM embudo.user_api_key k, embudo.identity(k.user_id) i
    WHERE k.key_hash = sha256(convert_to(api_key, 'UTF8'))
$$;

-- Stateless clients' credentials are verified once and then cached by the server. A stamp of the
-- user's credentials and access (password hash, API keys, active flag, memberships and whether each
-- company is active, home company, name, language and time zone) travels with every cached call and is
-- checked in the call's first statement (embudo.enter_tenant), so a changed password, a revoked key, a
-- disabled user or company or changed access stops the very next call, in every server process, at no
-- extra round trip. The stamp is the user's credential_version, which the trigger below raises when the
-- user's own row changes, with their API keys and their memberships with each level and whether the
-- company is active, read from those rows; an MD5 of all that, which tells nothing of it (NULL: no such
-- user). Read, not kept by triggers of
-- those tables: on Citus a reference table's triggers run on every node's copy, where they cannot write
-- the other nodes' tables; and so a key deleted or a membership changed with plain SQL stops the next
-- call too. (About 16 µs a call more than the version alone, measured; PL/pgSQL: it keeps its plans for
-- the session, where a SECURITY DEFINER SQL function is planned at every call.) A membership removed by
-- deleting its company or user leaves the user's member_of behind (no such deletion is done here).
CREATE OR REPLACE FUNCTION embudo.credential_stamp(target int) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT md5(u.credential_version::text
            || ':' || coalesce((SELECT string_agg(k.id::text || '=' || encode(k.key_hash, 'hex'), ',' ORDER BY k.id)
                                FROM embudo.user_api_key k WHERE k.user_id = target), '')
            || ':' || coalesce((SELECT string_agg(m.company_id::text || m.access_level::text
                                                  || CASE WHEN d.company_id IS NULL THEN '' ELSE '-' END, ',' ORDER BY m.company_id)
                                FROM public.res_company_member m LEFT JOIN embudo.disabled_company d ON d.company_id = m.company_id
                                WHERE m.user_id = target), ''))
            FROM public.res_users u WHERE u.id = target);
END
$$;

-- The user's own fields raise the version in the same row.
CREATE OR REPLACE FUNCTION embudo.credentials_changed() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    NEW.credential_version := OLD.credential_version + 1;
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER res_users_credentials
BEFORE UPDATE OF password_hash, active, company_id, name, lang, tz ON public.res_users
FOR EACH ROW
WHEN (OLD.password_hash IS DISTINCT FROM NEW.password_hash OR OLD.active IS DISTINCT FROM NEW.active
      OR OLD.company_id IS DISTINCT FROM NEW.company_id OR OLD.name IS DISTINCT FROM NEW.name
      OR OLD.lang IS DISTINCT FROM NEW.lang OR OLD.tz IS DISTINCT FROM NEW.tz)
EXECUTE FUNCTION embudo.credentials_changed();

-- A user's memberships changed: their companies follow (member_of, which res_users' policies read).
-- Called by grant_member and remove_member (memberships.sql), not by a trigger of res_company_member (on
-- Citus a reference table's triggers run on every node's copy): memberships are changed through those
-- functions (`embudo user create|access`, invitations, administrators' access levels). The user's row is
-- locked first, and the memberships read after: a concurrent change of the same user's memberships is
-- then read as committed (it was waited for), not as of this transaction's start.
CREATE OR REPLACE FUNCTION embudo.member_changed(target int) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    companies int[];
BEGIN
    PERFORM 1 FROM public.res_users u WHERE u.id = target FOR UPDATE;
    companies := ARRAY(SELECT m.company_id FROM public.res_company_member m WHERE m.user_id = target ORDER BY 1);
    UPDATE public.res_users u SET member_of = companies WHERE u.id = target;
END
$$;
REVOKE ALL ON FUNCTION embudo.member_changed(int) FROM PUBLIC;

GRANT EXECUTE ON FUNCTION embudo.authenticate(text, text), embudo.authenticate_id(int, text), embudo.authenticate_key(text),
    embudo.credential_stamp(int)
TO embudo_service;
