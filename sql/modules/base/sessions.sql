-- Web sessions (`/web/session/*`, `/web/dataset/call_kw`), kept in PostgreSQL (embudo.http_session) so
-- that several server processes share them. The cookie carries a random token; only its SHA-256 is
-- stored.

-- Logs a user in with a password and starts a session for the token (dropping the user's expired
-- sessions on the way); returns the identity, or no row (and no session) for wrong credentials.
CREATE OR REPLACE FUNCTION embudo.start_session(user_login text, password text, token text, lifetime interval)
RETURNS TABLE (id int, login text, name text, tz text, lang text, company_ids int[], access_levels text[])
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    found record;
BEGIN
    SELECT * INTO found FROM embudo.authenticate(user_login, password);
    IF found.id IS NULL THEN
        RETURN;
    END IF;
    DELETE FROM embudo.http_session s WHERE s.user_id = found.id AND s.expires_at < now();
    INSERT INTO embudo.http_session (token_hash, user_id, expires_at)
    VALUES (sha256(convert_to(token, 'UTF8')), found.id, now() + lifetime);
    RETURN QUERY SELECT found.id, found.login, found.name, found.tz, found.lang, found.company_ids, found.access_levels;
END
$$;

-- The identity behind a live session's token, or no row.
CREATE OR REPLACE FUNCTION embudo.session_identity(token text)
RETURNS TABLE (id int, login text, name text, tz text, lang text, company_ids int[], access_levels text[])
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT i.*
    FROM embudo.http_session s, embudo.identity(s.user_id) i
    WHERE s.token_hash = sha256(convert_to(token, 'UTF8')) AND s.expires_at > now()
$$;

-- Ends a session.
CREATE OR REPLACE FUNCTION embudo.end_session(token text) RETURNS void
LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    DELETE FROM embudo.http_session WHERE token_hash = sha256(convert_to(token, 'UTF8'));
$$;

GRANT EXECUTE ON FUNCTION embudo.start_session(text, text, text, interval), embudo.session_identity(text),
    embudo.end_session(text) TO embudo_service;
