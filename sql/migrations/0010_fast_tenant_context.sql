-- The tenant context is checked at the start of every call and by every tenant policy, so its helpers
-- must be cheap. A LANGUAGE sql function that cannot be inlined (SECURITY DEFINER, SET clauses) is
-- parsed and planned again at every call; a PL/pgSQL function keeps its plans for the session. Measured
-- with pgbench (4 clients, prelude + read of one partner): 5,600 → 15,900 transactions per second.

CREATE OR REPLACE FUNCTION embudo.member_company_ids(acting_user int, companies int[], minimum embudo.access_level) RETURNS int[]
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT coalesce(array_agg(m.company_id), '{}')
            FROM public.res_company_member m
            JOIN public.res_users u ON u.id = m.user_id AND u.active
            WHERE m.user_id = acting_user AND m.company_id = ANY (companies) AND m.access_level >= minimum);
END
$$;

CREATE OR REPLACE FUNCTION embudo.credential_stamp(target int) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT md5(coalesce(u.password_hash, '') || '|' || u.active::text || '|'
                       || coalesce(string_agg(encode(k.key_hash, 'hex'), ',' ORDER BY k.id), '') || '|'
                       || coalesce((SELECT string_agg(m.company_id || ':' || m.access_level, ',' ORDER BY m.company_id)
                                    FROM public.res_company_member m WHERE m.user_id = target), ''))
            FROM public.res_users u
            LEFT JOIN embudo.user_api_key k ON k.user_id = u.id
            WHERE u.id = target
            GROUP BY u.id);
END
$$;

-- Records are read by id (Odoo clients always do): ids come from one identity sequence per table, so
-- they are unique on their own, and a lookup by id must not depend on the planner guessing how many
-- companies the tenant fence lets through.
CREATE UNIQUE INDEX res_partner_id ON res_partner (id);
CREATE UNIQUE INDEX res_partner_category_id ON res_partner_category (id);
