-- Stateless clients' credentials are verified once and then cached by the server. A stamp of the
-- user's credentials and access (password hash, API keys, active flag, memberships) travels with every
-- cached call and is checked in the call's first statement, so a changed password, a revoked key, a
-- disabled user or changed access stops the very next call, in every server process, at no extra round
-- trip.

CREATE FUNCTION embudo.credential_stamp(target int) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT md5(coalesce(u.password_hash, '') || '|' || u.active::text || '|'
               || coalesce(string_agg(encode(k.key_hash, 'hex'), ',' ORDER BY k.id), '') || '|'
               || coalesce((SELECT string_agg(m.company_id || ':' || m.access_level, ',' ORDER BY m.company_id)
                            FROM public.res_company_member m WHERE m.user_id = target), ''))
    FROM public.res_users u
    LEFT JOIN embudo.user_api_key k ON k.user_id = u.id
    WHERE u.id = target
    GROUP BY u.id
$$;

-- Raises invalid_password (28P01) when the stamp no longer matches.
CREATE FUNCTION embudo.check_credential(target int, stamp text) RETURNS boolean
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF embudo.credential_stamp(target) IS DISTINCT FROM stamp THEN
        RAISE EXCEPTION 'the credentials of user % changed', target USING ERRCODE = 'invalid_password';
    END IF;
    RETURN true;
END
$$;

GRANT EXECUTE ON FUNCTION embudo.credential_stamp(int), embudo.check_credential(int, text) TO embudo_service;
