-- A user's own preferences and password, and the operator's choice of a user's home company (Odoo's
-- res.users.company_id: where stateless clients that name no company act). Nobody else's.

-- A user changes their own preferences: `values` holds some of name, lang, tz, signature and company_id
-- (the home company, one of their active memberships). Nobody else's.
CREATE OR REPLACE FUNCTION embudo.write_own_preferences(preferences jsonb) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    me int := embudo.current_user_id();
    key text;
    home int;
BEGIN
    IF me IS NULL THEN
        PERFORM embudo.refuse('access', 'Log in to change your preferences.');
    END IF;
    FOR key IN SELECT jsonb_object_keys(preferences) LOOP
        IF key NOT IN ('name', 'lang', 'tz', 'signature', 'company_id') THEN
            PERFORM embudo.refuse('access', 'You can only change your own name, language, time zone, signature and home company.');
        END IF;
    END LOOP;
    IF preferences ? 'name' AND coalesce(btrim(preferences ->> 'name'), '') = '' THEN
        PERFORM embudo.refuse('validation', 'The name cannot be empty.');
    END IF;
    IF preferences ? 'lang' AND NOT EXISTS (SELECT 1 FROM public.res_lang l WHERE l.code = preferences ->> 'lang' AND l.active) THEN
        PERFORM embudo.refuse('validation', 'This language is not available.');
    END IF;
    IF preferences ? 'tz' AND NOT EXISTS (SELECT 1 FROM pg_timezone_names z WHERE z.name = preferences ->> 'tz') THEN
        PERFORM embudo.refuse('validation', 'This time zone does not exist.');
    END IF;
    IF preferences ? 'company_id' THEN
        IF jsonb_typeof(preferences -> 'company_id') <> 'number' THEN
            PERFORM embudo.refuse('validation', 'The home company must be one of your companies.');
        END IF;
        home := (preferences ->> 'company_id')::int;
        IF NOT home = ANY ((embudo.member_grants(me, ARRAY[home])).own) THEN
            PERFORM embudo.refuse('validation', 'The home company must be one of your companies.');
        END IF;
    END IF;
    UPDATE public.res_users SET
        name = CASE WHEN preferences ? 'name' THEN btrim(preferences ->> 'name') ELSE name END,
        lang = CASE WHEN preferences ? 'lang' THEN preferences ->> 'lang' ELSE lang END,
        tz = CASE WHEN preferences ? 'tz' THEN preferences ->> 'tz' ELSE tz END,
        signature = CASE WHEN preferences ? 'signature' THEN preferences ->> 'signature' ELSE signature END,
        company_id = CASE WHEN preferences ? 'company_id' THEN home ELSE company_id END,
        write_date = now()
    WHERE id = me;
END
$$;

-- A user changes their own password, proving the current one (an API key does not serve here). The
-- proof is checked like a login, against the same per-account counter (embudo.throttled_login): refused
-- while the account waits, counted when wrong. A wrong one answers false, so that the count is kept
-- (the caller refuses the call after the transaction); a new password shorter than 8 characters is
-- refused before anything is checked.
CREATE OR REPLACE FUNCTION embudo.change_own_password(old_password text, new_password text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    me int := embudo.current_user_id();
BEGIN
    IF new_password IS NULL OR length(new_password) < 8 THEN
        PERFORM embudo.refuse('validation', 'The new password must have at least 8 characters.');
    END IF;
    IF me IS NULL OR old_password IS NULL
       OR EXISTS (SELECT 1 FROM embudo.user_api_key k WHERE k.user_id = me AND k.key_hash = sha256(convert_to(old_password, 'UTF8')))
       OR NOT EXISTS (SELECT 1 FROM embudo.throttled_login('uid:' || me, me, old_password)) THEN
        RETURN false;
    END IF;
    UPDATE public.res_users SET password_hash = embudo_crypto.crypt(new_password, embudo_crypto.gen_salt('bf', 10)), write_date = now()
    WHERE id = me;
    RETURN true;
END
$$;

-- The operator sets a user's home company (`embudo user set-home`); it must be one of their memberships.
CREATE OR REPLACE FUNCTION embudo.set_home_company(target int, company int) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM public.res_company_member m WHERE m.company_id = company AND m.user_id = target) THEN
        RAISE EXCEPTION 'user % is not a member of company %', target, company USING ERRCODE = 'foreign_key_violation';
    END IF;
    UPDATE public.res_users SET company_id = company, write_date = now() WHERE id = target;
END
$$;

REVOKE EXECUTE ON FUNCTION embudo.set_home_company(int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION embudo.write_own_preferences(jsonb), embudo.change_own_password(text, text) TO embudo_service;
