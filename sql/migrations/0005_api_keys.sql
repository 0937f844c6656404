-- API keys: per user, shown once, stored as SHA-256 (a key is 160 random bits, so a fast hash is
-- enough), usable wherever a password is (Odoo 14+), and as the bearer token of the JSON-2 API.

CREATE TABLE embudo.user_api_key (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id int NOT NULL REFERENCES res_users (id) ON DELETE CASCADE,
    name text NOT NULL CHECK (name <> ''),
    key_hash bytea NOT NULL UNIQUE,
    create_date timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_api_key_user ON embudo.user_api_key (user_id);

-- Creates a key for a user and returns it (the only time it is seen). For the administration command.
CREATE FUNCTION embudo.create_api_key(target int, key_name text) RETURNS text
LANGUAGE plpgsql
AS $$
DECLARE
    new_key text := encode(embudo.gen_random_bytes(20), 'hex');
BEGIN
    INSERT INTO embudo.user_api_key (user_id, name, key_hash) VALUES (target, key_name, sha256(convert_to(new_key, 'UTF8')));
    RETURN new_key;
END
$$;

-- A password or one of the user's API keys.
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
        PERFORM embudo.crypt(password, embudo.gen_salt('bf', 10));
        RETURN;
    END IF;
    IF stored_hash <> embudo.crypt(password, stored_hash) THEN
        RETURN;
    END IF;
    RETURN QUERY SELECT * FROM embudo.identity(candidate);
END
$$;

-- The user of an API key alone (JSON-2's bearer token), or no row.
CREATE FUNCTION embudo.authenticate_key(api_key text)
RETURNS TABLE (id int, login text, name text, tz text, lang text, company_ids int[], access_levels text[])
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT i.*
    FROM embudo.user_api_key k, embudo.identity(k.user_id) i
    WHERE k.key_hash = sha256(convert_to(api_key, 'UTF8'))
$$;
GRANT EXECUTE ON FUNCTION embudo.authenticate_key(text) TO embudo_service;
