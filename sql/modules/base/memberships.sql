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

-- Removes a member from a company. Their documents, teams and meetings become nobody's: every key to
-- the membership is cleared first (such keys take no action: policies.sql, embudo.enable_unlink), as
-- whoever calls this: the owner for set_access_level, which writes the rows' history and copies as it
-- does so, or the privileged login of `embudo` (Administration.revoke). The keys are read from the
-- catalog; on Citus this runs on the coordinator, which has them. Not the service's to call.
CREATE OR REPLACE FUNCTION embudo.remove_member(company int, target int) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ref record;
BEGIN
    FOR ref IN
        SELECT k.conrelid::regclass AS tab, a.attname AS col
        FROM pg_catalog.pg_constraint k
        JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey) AND a.attname <> 'company_id'
        WHERE k.confrelid = 'public.res_company_member'::regclass AND k.contype = 'f' AND k.confdeltype = 'a'
          AND k.condeferrable AND cardinality(k.conkey) = 2
        ORDER BY 1, 2
    LOOP
        PERFORM embudo.unlink_references(ref.tab, ref.col, company, target);
    END LOOP;
    DELETE FROM public.res_company_member WHERE company_id = company AND user_id = target;
    PERFORM embudo.member_changed(target);
END
$$;
REVOKE ALL ON FUNCTION embudo.remove_member(int, int) FROM PUBLIC;

-- Gives a user access to a company at a level, or changes their level. What follows a membership is
-- done here, not by triggers of res_company_member (on Citus, a reference table's triggers run on every
-- node's copy, and cannot write the tables of other nodes): the user's companies (identity.sql,
-- embudo.member_changed), then each module's part, embudo.member_granted_<NN>_<module>
-- (company, user, level), called in the order of their names (the modules' order). Not the service's to
-- call: set_access_level, accepted invitations and the privileged login's `embudo user create` do.
CREATE OR REPLACE FUNCTION embudo.grant_member(company int, target int, level embudo.access_level) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    part name;
BEGIN
    INSERT INTO public.res_company_member (company_id, user_id, access_level) VALUES (company, target, level)
    ON CONFLICT (company_id, user_id) DO UPDATE SET access_level = excluded.access_level;
    PERFORM embudo.member_changed(target);
    FOR part IN
        SELECT p.proname FROM pg_catalog.pg_proc p
        WHERE p.pronamespace = 'embudo'::regnamespace AND p.proname ~ '^member_granted_[0-9]+_' ORDER BY p.proname
    LOOP
        EXECUTE format('SELECT embudo.%I($1, $2, $3)', part) USING company, target, level;
    END LOOP;
END
$$;
REVOKE ALL ON FUNCTION embudo.grant_member(int, int, embudo.access_level) FROM PUBLIC;

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
        PERFORM embudo.remove_member(company, target);
    ELSE
        -- (Locked: a concurrent removal then waits, and is not undone.)
        PERFORM FROM public.res_company_member m WHERE m.company_id = company AND m.user_id = target FOR UPDATE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'user % is not a member of company %', target, company USING ERRCODE = 'foreign_key_violation';
        END IF;
        PERFORM embudo.grant_member(company, target, level);
    END IF;
END
$$;

GRANT EXECUTE ON FUNCTION embudo.set_access_level(int, int, embudo.access_level) TO embudo_service;
