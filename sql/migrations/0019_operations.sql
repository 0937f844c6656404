-- Operations: disabling a company (its members and BI logins lose access; nothing is deleted), and
-- the API-key list of a user.

-- Disabled companies, kept outside row-level security: the helpers below run inside every policy,
-- and reading res_company (itself under a policy) from them would recurse.
CREATE TABLE embudo.disabled_company (
    company_id int PRIMARY KEY REFERENCES res_company (id) ON DELETE CASCADE
);
INSERT INTO embudo.disabled_company SELECT id FROM res_company WHERE NOT active;

-- Only active companies count in a user's memberships.
CREATE OR REPLACE FUNCTION embudo.member_company_ids(acting_user int, companies int[], minimum embudo.access_level) RETURNS int[]
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT coalesce(array_agg(m.company_id), '{}')
            FROM public.res_company_member m
            JOIN public.res_users u ON u.id = m.user_id AND u.active
            WHERE m.user_id = acting_user AND m.company_id = ANY (companies) AND m.access_level >= minimum
              AND NOT EXISTS (SELECT 1 FROM embudo.disabled_company d WHERE d.company_id = m.company_id));
END
$$;

-- Disables or enables a company: its members cannot act in it while it is disabled, and its BI logins
-- cannot log in. Run by the privileged login (`embudo company disable|enable`).
CREATE FUNCTION embudo.set_company_active(company int, enabled boolean) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    member name;
BEGIN
    UPDATE public.res_company SET active = enabled, write_date = now() WHERE id = company;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'company % does not exist', company USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF enabled THEN
        DELETE FROM embudo.disabled_company WHERE company_id = company;
    ELSE
        INSERT INTO embudo.disabled_company (company_id) VALUES (company) ON CONFLICT DO NOTHING;
    END IF;
    -- The credential stamps change with the memberships' companies: cached logins are checked again.
    FOR member IN
        SELECT r.rolname FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.member JOIN pg_roles g ON g.oid = am.roleid
        JOIN embudo.company_bi_role b ON b.role_name = g.rolname WHERE b.company_id = company
    LOOP
        EXECUTE format('ALTER ROLE %I %s', member, CASE WHEN enabled THEN 'LOGIN' ELSE 'NOLOGIN' END);
    END LOOP;
END
$$;

-- Stamps include whether each company is active, so a disabled company stops cached logins at once.
CREATE OR REPLACE FUNCTION embudo.credential_stamp(target int) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT md5(coalesce(u.password_hash, '') || '|' || u.active::text || '|'
                       || coalesce(string_agg(encode(k.key_hash, 'hex'), ',' ORDER BY k.id), '') || '|'
                       || coalesce((SELECT string_agg(m.company_id || ':' || m.access_level
                                                       || CASE WHEN d.company_id IS NULL THEN '' ELSE ':disabled' END, ',' ORDER BY m.company_id)
                                    FROM public.res_company_member m LEFT JOIN embudo.disabled_company d ON d.company_id = m.company_id
                                    WHERE m.user_id = target), ''))
            FROM public.res_users u
            LEFT JOIN embudo.user_api_key k ON k.user_id = u.id
            WHERE u.id = target
            GROUP BY u.id);
END
$$;

-- A user's identity lists only the companies they may act in now: disabled ones are left out, so a
-- call naming one is refused outright.
CREATE OR REPLACE FUNCTION embudo.identity(target int)
RETURNS TABLE (id int, login text, name text, tz text, lang text, company_ids int[], access_levels text[])
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT u.id, u.login, u.name, u.tz, u.lang,
           coalesce(array_agg(m.company_id ORDER BY m.company_id) FILTER (WHERE m.company_id IS NOT NULL), '{}'),
           coalesce(array_agg(m.access_level::text ORDER BY m.company_id) FILTER (WHERE m.company_id IS NOT NULL), '{}')
    FROM public.res_users u
    LEFT JOIN public.res_company_member m
           ON m.user_id = u.id AND NOT EXISTS (SELECT 1 FROM embudo.disabled_company d WHERE d.company_id = m.company_id)
    WHERE u.id = target AND u.active
    GROUP BY u.id
$$;
