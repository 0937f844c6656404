-- Company administrators set their users' access level, through the service (invitations:
-- invitations.sql). PostgreSQL
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
        -- Their documents become nobody's: the owner writes their history and copies
        -- (embudo.enable_member_leaving_policy).
        PERFORM embudo.set_local('embudo.member_leaving', target::text);
        DELETE FROM public.res_company_member WHERE company_id = company AND user_id = target;
        PERFORM embudo.set_local('embudo.member_leaving', '');
    ELSE
        UPDATE public.res_company_member SET access_level = level WHERE company_id = company AND user_id = target;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'user % is not a member of company %', target, company USING ERRCODE = 'foreign_key_violation';
        END IF;
    END IF;
END
$$;

GRANT EXECUTE ON FUNCTION embudo.set_access_level(int, int, embudo.access_level) TO embudo_service;
