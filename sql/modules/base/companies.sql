-- Companies, the tenants: under tenancy, a company sees itself; its administrators may rename it.
-- Companies are created and disabled by the operator, not through the service.

SELECT embudo.enable_tenancy('res_company', 'id');
-- A table-wide REVOKE revokes the columns' rights too: the settings other modules let the service
-- change (GRANT UPDATE (…) ON res_company) follow, since all modules run again together, in order.
REVOKE INSERT, UPDATE, DELETE ON res_company FROM embudo_service;
GRANT UPDATE (name, write_date) ON res_company TO embudo_service;
SELECT embudo.replace_policy('res_company', 'member_read', 'FOR SELECT USING (true)');
SELECT embudo.replace_policy('res_company', 'admin_update', 'FOR UPDATE TO embudo_service '
    'USING (id = ANY ((SELECT embudo.company_ids(''admin''))::int[]))');

-- A company's currency (amounts of leads and reports); US dollars unless set.
CREATE OR REPLACE FUNCTION embudo.default_currency() RETURNS int
LANGUAGE sql STABLE
AS $$ SELECT id FROM public.res_currency WHERE name = 'USD' $$;
ALTER TABLE res_company ALTER COLUMN currency_id SET DEFAULT embudo.default_currency();

-- Administrators may change their company's currency (issue 22: a company created before its language
-- chose pesos) as long as it has no quotation or order, whose amounts are in the old one (as Odoo allows
-- it until accounting entries exist); the pricelists in the old currency follow. An inactive currency
-- is activated (reference data: activation is what choosing it means). The change is this function's
-- (res.company's write calls it: ResCompany.swift), not a trigger's: on Citus res_company is a reference
-- table, whose triggers run on every node's copy, where they cannot reach the company's orders. The
-- service may not write the column directly.
REVOKE UPDATE (currency_id) ON res_company FROM embudo_service;
CREATE OR REPLACE FUNCTION embudo.set_company_currency(company int, currency int) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    previous constant int := embudo.change_company_currency(company, currency);
BEGIN
    IF previous IS DISTINCT FROM currency THEN
        UPDATE public.product_pricelist p SET currency_id = currency, write_date = now()
        WHERE p.company_id = company AND p.currency_id = previous;
    END IF;
END
$$;

-- The rule itself, and what the service cannot change otherwise (the company's row, the currency's
-- activation): refused but to an administrator of the company, and while it has orders; returns the
-- currency it had. (Called alone, it leaves the pricelists in the old currency: set_company_currency
-- moves them.) (Every order counts, whoever's: the owner sees them all in the request's companies.)
-- (PL/pgSQL: Citus plans neither an SQL function's parameters nor a subquery in an UPDATE of a reference
-- table.)
CREATE OR REPLACE FUNCTION embudo.change_company_currency(company int, currency int) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    previous int;
BEGIN
    IF company IS NULL OR currency IS NULL THEN
        PERFORM embudo.refuse('validation', 'A company and a currency are needed.');
    END IF;
    IF NOT company = ANY (embudo.company_ids('admin')) THEN
        PERFORM embudo.refuse('access', 'Only the company''s administrators may change its currency.');
    END IF;
    SELECT c.currency_id INTO previous FROM public.res_company c WHERE c.id = company;
    IF previous IS NOT DISTINCT FROM currency THEN
        RETURN previous;
    END IF;
    IF NOT EXISTS (SELECT FROM public.res_currency c WHERE c.id = currency) THEN
        PERFORM embudo.refuse('validation', format('There is no currency %s.', currency));
    END IF;
    IF EXISTS (SELECT FROM public.sale_order o WHERE o.company_id = company) THEN
        PERFORM embudo.refuse('user', format('The currency cannot change: the company has quotations or orders in %s.',
                                             (SELECT c.name FROM public.res_currency c WHERE c.id = previous)));
    END IF;
    -- (As the owner, through owner_currency: the request's companies it administers.)
    UPDATE public.res_company c SET currency_id = currency, write_date = now() WHERE c.id = company;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('access', 'Only the company''s administrators may change its currency.');
    END IF;
    UPDATE public.res_currency c SET active = true WHERE c.id = currency AND NOT c.active;
    RETURN previous;
END
$$;
SELECT embudo.replace_policy('res_company', 'owner_currency', 'FOR UPDATE TO embudo_owner '
    'USING (id = ANY ((SELECT embudo.company_ids(''admin''))::int[])) WITH CHECK (id = ANY ((SELECT embudo.company_ids(''admin''))::int[]))');
GRANT EXECUTE ON FUNCTION embudo.set_company_currency(int, int), embudo.change_company_currency(int, int) TO embudo_service;

-- Administration, run by the privileged login (embudo company create / user create); nobody else may
-- execute these. Values arrive as parameters; identifiers are quoted with format('%I').

-- Creates a company and its BI group role; returns the company's id. Each module seeds the company's
-- default data with its own function, embudo.seed_<NN>_<module>(company), called here in the order of
-- their names (the modules' order).
CREATE OR REPLACE FUNCTION embudo.create_company(company_name text, company_lang text DEFAULT 'en_US') RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    new_id int;
    seed name;
    group_role name := 'embudo_bi_' || substr(md5(gen_random_uuid()::text), 1, 16);
    -- The language names the company's default records (the seed triggers) and chooses its currency.
    -- (Looked up first: Citus refuses a subquery inside INSERT … VALUES.)
    currency constant int := coalesce((SELECT c.id FROM public.res_currency c
                                       WHERE c.name = CASE company_lang WHEN 'es_MX' THEN 'MXN' WHEN 'es_ES' THEN 'EUR' END),
                                      embudo.default_currency());
BEGIN
    INSERT INTO public.res_company (name, lang, currency_id) VALUES (company_name, company_lang, currency)
    RETURNING id INTO new_id;
    FOR seed IN
        SELECT p.proname FROM pg_catalog.pg_proc p
        WHERE p.pronamespace = 'embudo'::regnamespace AND p.proname ~ '^seed_[0-9]+_' ORDER BY p.proname
    LOOP
        EXECUTE format('SELECT embudo.%I($1)', seed) USING new_id;
    END LOOP;
    EXECUTE format('CREATE ROLE %I NOLOGIN IN ROLE embudo_bi', group_role);
    INSERT INTO embudo.company_bi_role (company_id, role_name) VALUES (new_id, group_role);
    RETURN new_id;
END
$$;

-- Disables or enables a company: its members cannot act in it while it is disabled (embudo.disabled_company),
-- and its BI logins cannot log in. Run by the privileged login (`embudo company disable|enable`).
CREATE OR REPLACE FUNCTION embudo.set_company_active(company int, enabled boolean) RETURNS void
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

GRANT EXECUTE ON FUNCTION embudo.default_currency() TO embudo_service;
-- Sessions of BI logins of a disabled company read nothing more (embudo.company_ids_computed).
GRANT SELECT ON embudo.disabled_company TO embudo_bi;
