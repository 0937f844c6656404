-- Company administrators invite users and set their access level, through the service. PostgreSQL
-- checks that the acting user administers the company (in the companies the request acts in), so the
-- service cannot do it for anyone else.

CREATE OR REPLACE FUNCTION embudo.acting_admin_of(company int) RETURNS boolean
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT company = ANY (embudo.member_company_ids(
        nullif(current_setting('embudo.user_id', true), '')::int,
        string_to_array(nullif(current_setting('embudo.company_ids', true), ''), ',')::int[],
        'admin'))
$$;

-- Invites a user into a company: creates the user (with a password, or none until one is set) unless
-- the login exists, and gives it the access level there. Returns the user's id.
CREATE OR REPLACE FUNCTION embudo.invite_user(
    company int, user_login text, user_name text, user_email text, password text, level embudo.access_level
) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    target int;
BEGIN
    IF NOT embudo.acting_admin_of(company) THEN
        RAISE EXCEPTION 'only administrators of the company may invite users' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT u.id INTO target FROM public.res_users u WHERE lower(u.login) = lower(user_login);
    IF target IS NULL THEN
        INSERT INTO public.res_users (login, name, email) VALUES (btrim(user_login), coalesce(user_name, btrim(user_login)), user_email)
        RETURNING id INTO target;
        IF password IS NOT NULL THEN
            PERFORM embudo.set_password(target, password);
        END IF;
    END IF;
    INSERT INTO public.res_company_member (company_id, user_id, access_level) VALUES (company, target, level)
    ON CONFLICT (company_id, user_id) DO UPDATE SET access_level = excluded.access_level;
    RETURN target;
END
$$;

-- Sets (or, with NULL, removes) a user's access to a company. Administrators cannot change their own.
CREATE OR REPLACE FUNCTION embudo.set_access_level(company int, target int, level embudo.access_level) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT embudo.acting_admin_of(company) THEN
        RAISE EXCEPTION 'only administrators of the company may set access levels' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF target = nullif(current_setting('embudo.user_id', true), '')::int THEN
        RAISE EXCEPTION 'administrators cannot change their own access level' USING ERRCODE = 'check_violation';
    END IF;
    IF level IS NULL THEN
        DELETE FROM public.res_company_member WHERE company_id = company AND user_id = target;
    ELSE
        UPDATE public.res_company_member SET access_level = level WHERE company_id = company AND user_id = target;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'user % is not a member of company %', target, company USING ERRCODE = 'foreign_key_violation';
        END IF;
    END IF;
END
$$;

GRANT EXECUTE ON FUNCTION embudo.invite_user(int, text, text, text, text, embudo.access_level),
    embudo.set_access_level(int, int, embudo.access_level) TO embudo_service;
