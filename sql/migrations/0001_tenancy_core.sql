-- Tenancy core: companies (the tenants), users and their access to companies, the tenant context
-- helpers used by every row-level-security policy, and the first tenant table (res_partner).
--
-- Runs as embudo_owner (the migrator does SET LOCAL ROLE), so everything here is owned by it.

-- bcrypt password hashes (pgcrypto is a trusted extension: the database's CREATE right suffices).
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA embudo;
-- Nobody but the owner calls them directly (bcrypt at a high cost is a cheap way to burn CPU).
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA embudo FROM PUBLIC;

-- Access levels, in increasing order: documents of one's own, all documents, administrator.
-- No membership row at all means no access.
CREATE TYPE embudo.access_level AS ENUM ('own', 'all', 'admin');

-- ---------------------------------------------------------------------------------------------------
-- Identity: global, not per company. Not exposed to BI logins; the service reads it to log users in.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE res_users (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login text NOT NULL CHECK (login <> '' AND login = btrim(login)),
    name text NOT NULL CHECK (name <> ''),
    email text,
    tz text NOT NULL DEFAULT 'UTC' CHECK (tz <> ''),
    lang text NOT NULL DEFAULT 'en_US',
    password_hash text,
    active boolean NOT NULL DEFAULT true,
    create_date timestamptz NOT NULL DEFAULT now(),
    write_date timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX res_users_login_key ON res_users (lower(login));
COMMENT ON TABLE res_users IS 'Login identities, shared by all companies; access to a company is a res_company_member row.';

CREATE TABLE res_company (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL CHECK (name <> '' AND name = btrim(name)),
    active boolean NOT NULL DEFAULT true,
    create_date timestamptz NOT NULL DEFAULT now(),
    write_date timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX res_company_name_key ON res_company (lower(name));
COMMENT ON TABLE res_company IS 'The tenants. Every tenant table has company_id NOT NULL referencing this table.';

-- Who may act in which company, and at what level.
CREATE TABLE res_company_member (
    company_id int NOT NULL REFERENCES res_company (id) ON DELETE CASCADE,
    user_id int NOT NULL REFERENCES res_users (id) ON DELETE CASCADE,
    access_level embudo.access_level NOT NULL,
    PRIMARY KEY (company_id, user_id)
);
CREATE INDEX res_company_member_user ON res_company_member (user_id, company_id);
COMMENT ON TABLE res_company_member IS 'A user''s access level in a company; no row means no access.';

-- API keys, usable wherever a password is (Odoo 14+) and as JSON-2 bearer tokens; only a SHA-256 is
-- kept (a key is 160 random bits, so a fast hash is enough). Created by `embudo user api-key create`.
CREATE TABLE embudo.user_api_key (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id int NOT NULL REFERENCES res_users (id) ON DELETE CASCADE,
    name text NOT NULL CHECK (name <> ''),
    key_hash bytea NOT NULL UNIQUE,
    create_date timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_api_key_user ON embudo.user_api_key (user_id);

-- The BI group role of each company (role names are cluster-wide, so they carry a random suffix).
-- BI logins read it (it holds company ids and role names, both visible in pg_roles anyway).
CREATE TABLE embudo.company_bi_role (
    company_id int PRIMARY KEY REFERENCES res_company (id) ON DELETE CASCADE,
    role_name name NOT NULL UNIQUE
);

GRANT SELECT (id, login, name, email, tz, lang, active, create_date, write_date) ON res_users TO embudo_service;
GRANT SELECT ON res_company_member TO embudo_service;
GRANT SELECT ON embudo.company_bi_role TO embudo_bi;

-- ---------------------------------------------------------------------------------------------------
-- The tenant context.
--
-- The service runs every request as embudo_service, in a transaction that starts with
--   SELECT set_config('embudo.user_id', <user>, true), set_config('embudo.company_ids', <ids>, true)
-- Those settings are trusted only for embudo_service, and even then only as far as the user's
-- memberships allow. Any other role (a BI login) can set them too, so for other roles they are ignored:
-- a BI login's companies come from the BI groups it belongs to.
-- ---------------------------------------------------------------------------------------------------

-- The acting user of the service, or NULL (BI logins, no context).
CREATE FUNCTION embudo.current_user_id() RETURNS int
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT CASE WHEN current_user = 'embudo_service'
                THEN nullif(current_setting('embudo.user_id', true), '')::int END
$$;

-- The companies among `companies` in which the active user `acting_user` has at least `minimum`
-- access. It reads the identity tables as their owner (their row-level security is for the service's
-- own queries), and only the service may call it.
CREATE FUNCTION embudo.member_company_ids(acting_user int, companies int[], minimum embudo.access_level) RETURNS int[]
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(array_agg(m.company_id), '{}')
    FROM public.res_company_member m
    JOIN public.res_users u ON u.id = m.user_id AND u.active
    WHERE m.user_id = acting_user AND m.company_id = ANY (companies) AND m.access_level >= minimum
$$;
GRANT EXECUTE ON FUNCTION embudo.member_company_ids(int, int[], embudo.access_level) TO embudo_service;

-- The companies the current role may act in with at least the given access level. BI logins read as
-- 'all' and are never administrators. Call it in policies as (SELECT embudo.company_ids(...)) so that it
-- runs once per statement.
CREATE FUNCTION embudo.company_ids(minimum embudo.access_level DEFAULT 'own') RETURNS int[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF current_user = 'embudo_service' THEN
        RETURN embudo.member_company_ids(
            nullif(current_setting('embudo.user_id', true), '')::int,
            string_to_array(nullif(current_setting('embudo.company_ids', true), ''), ',')::int[],
            minimum);
    END IF;
    IF minimum > 'all' THEN
        RETURN '{}';
    END IF;
    -- Joined to pg_roles so that a group role dropped by hand cannot make every BI query fail.
    RETURN ARRAY(
        SELECT b.company_id
        FROM embudo.company_bi_role b
        JOIN pg_roles r ON r.rolname = b.role_name
        WHERE pg_has_role(current_user, r.oid, 'USAGE'));
END
$$;

GRANT EXECUTE ON FUNCTION embudo.current_user_id() TO embudo_service, embudo_bi;
GRANT EXECUTE ON FUNCTION embudo.company_ids(embudo.access_level) TO embudo_service, embudo_bi;

-- The identity tables are global, but what the service sees of them is not: a user sees themself and
-- the users and memberships of the companies they act in. Enabled, not forced: their owner (the
-- SECURITY DEFINER helpers above and below) reads them whole.
ALTER TABLE res_users ENABLE ROW LEVEL SECURITY;
CREATE POLICY colleagues ON res_users FOR SELECT TO embudo_service
    USING (id = (SELECT embudo.current_user_id())
           OR id IN (SELECT m.user_id FROM res_company_member m WHERE m.company_id = ANY ((SELECT embudo.company_ids())::int[])));
ALTER TABLE res_company_member ENABLE ROW LEVEL SECURITY;
CREATE POLICY colleagues ON res_company_member FOR SELECT TO embudo_service
    USING (user_id = (SELECT embudo.current_user_id()) OR company_id = ANY ((SELECT embudo.company_ids())::int[]));

-- Puts a tenant table under row-level security: enabled and forced (so the owner obeys it too), a
-- restrictive fence on company_id for every command and every role, and the service's and BI's table
-- rights. Permissive policies for the access levels are the caller's to add.
CREATE FUNCTION embudo.enable_tenancy(target regclass, company_column name DEFAULT 'company_id') RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format(
        'CREATE POLICY tenant_fence ON %s AS RESTRICTIVE FOR ALL '
        'USING (%2$I = ANY ((SELECT embudo.company_ids())::int[])) WITH CHECK (%2$I = ANY ((SELECT embudo.company_ids())::int[]))',
        target, company_column);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO embudo_service', target);
    EXECUTE format('GRANT SELECT ON %s TO embudo_bi', target);
END
$$;

-- The access rules of records every member of a company shares (contacts, tags): every member reads,
-- creates and edits them; deleting one needs access to all documents.
CREATE FUNCTION embudo.enable_shared_record_policies(target regclass) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('CREATE POLICY member_read ON %s FOR SELECT USING (true)', target);
    EXECUTE format('CREATE POLICY member_create ON %s FOR INSERT TO embudo_service WITH CHECK (true)', target);
    EXECUTE format('CREATE POLICY member_update ON %s FOR UPDATE TO embudo_service USING (true)', target);
    EXECUTE format('CREATE POLICY manager_delete ON %s FOR DELETE TO embudo_service '
                   'USING (company_id = ANY ((SELECT embudo.company_ids(''all''))::int[]))', target);
END
$$;

-- ---------------------------------------------------------------------------------------------------
-- res_company under tenancy: a company sees itself; its administrators may rename it.
-- ---------------------------------------------------------------------------------------------------

SELECT embudo.enable_tenancy('res_company', 'id');
-- Companies are created and disabled by the operator, not through the service.
REVOKE INSERT, UPDATE, DELETE ON res_company FROM embudo_service;
GRANT UPDATE (name, write_date) ON res_company TO embudo_service;
CREATE POLICY member_read ON res_company FOR SELECT USING (true);
CREATE POLICY admin_update ON res_company FOR UPDATE TO embudo_service
    USING (id = ANY ((SELECT embudo.company_ids('admin'))::int[]));

-- ---------------------------------------------------------------------------------------------------
-- res_partner: contacts and customers, the first tenant table.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE res_partner (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (name <> ''),
    is_company boolean NOT NULL DEFAULT false,
    parent_id int,
    email text,
    phone text,
    mobile text,
    website text,
    street text,
    street2 text,
    city text,
    zip text,
    lang text,
    comment text,
    user_id int,
    active boolean NOT NULL DEFAULT true,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, parent_id) REFERENCES res_partner (company_id, id),
    -- The salesperson must belong to the partner's company.
    FOREIGN KEY (company_id, user_id) REFERENCES res_company_member (company_id, user_id) ON DELETE SET NULL (user_id)
);
CREATE INDEX res_partner_parent ON res_partner (company_id, parent_id);
CREATE INDEX res_partner_user ON res_partner (company_id, user_id);
CREATE INDEX res_partner_name ON res_partner (company_id, name);
COMMENT ON TABLE res_partner IS 'Contacts and customers of a company.';

SELECT embudo.enable_tenancy('res_partner');
SELECT embudo.enable_shared_record_policies('res_partner');

-- ---------------------------------------------------------------------------------------------------
-- Administration, run by the privileged login (embudo company create / user create); nobody else may
-- execute these. Values arrive as parameters; identifiers are quoted with format('%I').
-- ---------------------------------------------------------------------------------------------------

-- Creates a company and its BI group role; returns the company's id.
CREATE FUNCTION embudo.create_company(company_name text) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    new_id int;
    group_role name := 'embudo_bi_' || substr(md5(gen_random_uuid()::text), 1, 16);
BEGIN
    INSERT INTO public.res_company (name) VALUES (company_name) RETURNING id INTO new_id;
    EXECUTE format('CREATE ROLE %I NOLOGIN IN ROLE embudo_bi', group_role);
    INSERT INTO embudo.company_bi_role (company_id, role_name) VALUES (new_id, group_role);
    RETURN new_id;
END
$$;

-- Creates a BI login that reads the company's rows (and only those) through the report views.
CREATE FUNCTION embudo.create_bi_login(company int, login name, password text) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    group_role name := (SELECT role_name FROM embudo.company_bi_role WHERE company_id = company);
BEGIN
    IF group_role IS NULL THEN
        RAISE EXCEPTION 'company % does not exist', company USING ERRCODE = 'foreign_key_violation';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', login, password, group_role);
END
$$;

-- Sets a user's password (bcrypt).
CREATE FUNCTION embudo.set_password(target_user int, password text) RETURNS void
LANGUAGE sql
AS $$
    UPDATE public.res_users
    SET password_hash = embudo_crypto.crypt(password, embudo_crypto.gen_salt('bf', 10)), write_date = now()
    WHERE id = target_user
$$;

-- Logging in: the active user with this login (or id) and password (or API key), with their memberships, or no
-- row. The service may call these but cannot read password hashes, nor other users before it knows
-- who acts. An unknown login costs one bcrypt too, so that timing does not tell which logins exist.
-- A user's identity and memberships (internal: only the SECURITY DEFINER functions below call it).
CREATE FUNCTION embudo.identity(target int)
RETURNS TABLE (id int, login text, name text, tz text, lang text, company_ids int[], access_levels text[])
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT u.id, u.login, u.name, u.tz, u.lang,
           coalesce(array_agg(m.company_id ORDER BY m.company_id) FILTER (WHERE m.company_id IS NOT NULL), '{}'),
           coalesce(array_agg(m.access_level::text ORDER BY m.company_id) FILTER (WHERE m.company_id IS NOT NULL), '{}')
    FROM public.res_users u
    LEFT JOIN public.res_company_member m ON m.user_id = u.id
    WHERE u.id = target AND u.active
    GROUP BY u.id
$$;

CREATE FUNCTION embudo.verified_user(candidate int, password text)
RETURNS TABLE (id int, login text, name text, tz text, lang text, company_ids int[], access_levels text[])
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    stored_hash text := (SELECT u.password_hash FROM public.res_users u WHERE u.id = candidate AND u.active);
BEGIN
    IF EXISTS (SELECT FROM embudo.user_api_key k
               WHERE k.user_id = candidate AND k.key_hash = sha256(convert_to(password, 'UTF8'))) THEN
        RETURN QUERY SELECT * FROM embudo.identity(candidate);
        RETURN;
    END IF;
    IF stored_hash IS NULL THEN
        PERFORM embudo_crypto.crypt(password, embudo_crypto.gen_salt('bf', 10));
        RETURN;
    END IF;
    IF stored_hash <> embudo_crypto.crypt(password, stored_hash) THEN
        RETURN;
    END IF;
    RETURN QUERY SELECT * FROM embudo.identity(candidate);
END
$$;

CREATE FUNCTION embudo.authenticate(user_login text, password text)
RETURNS TABLE (id int, login text, name text, tz text, lang text, company_ids int[], access_levels text[])
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT * FROM embudo.verified_user(
        (SELECT u.id FROM public.res_users u WHERE lower(u.login) = lower(user_login)), password)
$$;

CREATE FUNCTION embudo.authenticate_id(user_id int, password text)
RETURNS TABLE (id int, login text, name text, tz text, lang text, company_ids int[], access_levels text[])
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT * FROM embudo.verified_user(user_id, password)
$$;
GRANT EXECUTE ON FUNCTION embudo.authenticate(text, text), embudo.authenticate_id(int, text) TO embudo_service;
