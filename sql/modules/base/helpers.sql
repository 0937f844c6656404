-- Helpers of every module: the user-facing refusal, and text functions.

-- A user-facing refusal raised by Embudo's own functions: the service passes the message on as Odoo's
-- UserError (EMU01), AccessError (EMA01), ValidationError (EMV01) or MissingError (EMM01).
CREATE OR REPLACE FUNCTION embudo.refuse(kind text, message text) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = message,
        ERRCODE = CASE kind WHEN 'access' THEN 'EMA01' WHEN 'validation' THEN 'EMV01' WHEN 'missing' THEN 'EMM01' ELSE 'EMU01' END;
END
$$;

-- The bare, lower-cased address in an email field ("Ana <Ana@X.com>" → ana@x.com).
CREATE OR REPLACE FUNCTION embudo.normalize_email(address text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT lower((regexp_match(address, '([^\s<>,;"]+@[^\s<>,;"]+)'))[1])
$$;

-- An e-mail address as logins are stored (trimmed, lower case), or NULL when it is not one.
CREATE OR REPLACE FUNCTION embudo.login_address(login text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT CASE WHEN lower(btrim(login)) ~ '^[^@[:space:]<>(),;:"\[\]\\]+@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$'
                THEN lower(btrim(login)) END
$$;

-- Text made safe inside HTML (the e-mails Embudo writes).
CREATE OR REPLACE FUNCTION embudo.html_escape(text text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$ SELECT replace(replace(replace(replace(text, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;') $$;

GRANT EXECUTE ON FUNCTION embudo.refuse(text, text), embudo.normalize_email(text), embudo.html_escape(text), embudo.login_address(text) TO embudo_service;
GRANT EXECUTE ON FUNCTION embudo.normalize_email(text) TO embudo_bi;

-- `bytes` random bytes (at most 64), hex.
CREATE OR REPLACE FUNCTION embudo.random_token(bytes int) RETURNS text
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT encode(embudo_crypto.gen_random_bytes(least(greatest(bytes, 1), 64)), 'hex')
$$;
GRANT EXECUTE ON FUNCTION embudo.random_token(int) TO embudo_service;

-- A link's token for a record of `company` (a quotation's page, an invitation's answer, a calendar
-- feed): the company's id, '-', and `bytes` random bytes in hex. Resolving it then reads that company's
-- rows alone, by their unique (company_id, token_hash): on Citus, on the node holding the company
-- (issue 24, migration 0033). The token is kept hashed whole, so another number in front opens nothing.
CREATE OR REPLACE FUNCTION embudo.company_token(company int, bytes int) RETURNS text
LANGUAGE sql VOLATILE
AS $$
    SELECT company::text || '-' || embudo.random_token(bytes)
$$;
GRANT EXECUTE ON FUNCTION embudo.company_token(int, int) TO embudo_service;

-- The company a link's token names (embudo.company_token), or NULL: tokens issued before migration 0033
-- name none, and are found by their hash alone.
CREATE OR REPLACE FUNCTION embudo.token_company(token text) RETURNS int
LANGUAGE sql IMMUTABLE
AS $$
    SELECT CASE WHEN token ~ '^[1-9][0-9]{0,8}-[0-9a-f]+$' THEN split_part(token, '-', 1)::int END
$$;

-- The name of a default record in a company's language (res_company.lang): Spanish for every Spanish
-- (es_MX, es_ES, es_419), English otherwise. The seed triggers of each module's defaults.sql use it.
CREATE OR REPLACE FUNCTION embudo.localized(lang text, english text, spanish text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN lang LIKE 'es%' THEN spanish ELSE english END;
GRANT EXECUTE ON FUNCTION embudo.localized(text, text, text) TO embudo_service;
