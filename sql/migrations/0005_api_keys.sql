-- API keys (the table and their use as passwords are in 0001): creating one, and logging in with a key
-- alone as the bearer token of the JSON-2 API.

-- Creates a key for a user and returns it (the only time it is seen). For the administration command.
CREATE FUNCTION embudo.create_api_key(target int, key_name text) RETURNS text
LANGUAGE plpgsql
AS $$
DECLARE
    new_key text := encode(embudo_crypto.gen_random_bytes(20), 'hex');
BEGIN
    INSERT INTO embudo.user_api_key (user_id, name, key_hash) VALUES (target, key_name, sha256(convert_to(new_key, 'UTF8')));
    RETURN new_key;
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
