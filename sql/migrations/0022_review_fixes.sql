-- Fixes from a review of the tenant context, the outgoing mail's access and the mail gateway's threading.

-- A transaction without a user (sessions, API keys, health probes, the portal's token, the mail queue)
-- grants nothing: no stamp to check and no memberships to look up.
CREATE OR REPLACE FUNCTION embudo.enter_tenant(acting_user int, companies int[], timeout_ms int, stamp text) RETURNS boolean
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    granted record;
BEGIN
    IF acting_user IS NULL THEN
        SELECT '{}'::int[] AS own, '{}'::int[] AS every, '{}'::int[] AS admin INTO granted;
    ELSE
        IF stamp IS NOT NULL AND embudo.credential_stamp(acting_user) IS DISTINCT FROM stamp THEN
            RAISE EXCEPTION 'the credentials of user % changed', acting_user USING ERRCODE = 'invalid_password';
        END IF;
        SELECT * INTO granted FROM embudo.member_grants(acting_user, companies);
    END IF;
    PERFORM set_config('embudo.user_id', coalesce(acting_user::text, ''), true),
            set_config('embudo.company_ids', coalesce(array_to_string(companies, ','), ''), true),
            set_config('statement_timeout', timeout_ms::text, true),
            set_config('embudo.granted_own', granted.own::text, true),
            set_config('embudo.granted_all', granted.every::text, true),
            set_config('embudo.granted_admin', granted.admin::text, true);
    RETURN true;
END
$$;

-- One definition of who may act where (active user, membership, company not disabled): the answer at
-- one access level is member_grants' answer at that level.
CREATE OR REPLACE FUNCTION embudo.member_company_ids(acting_user int, companies int[], minimum embudo.access_level) RETURNS int[]
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    granted record;
BEGIN
    SELECT * INTO granted FROM embudo.member_grants(acting_user, companies);
    RETURN CASE minimum WHEN 'own' THEN granted.own WHEN 'all' THEN granted.every ELSE granted.admin END;
END
$$;

-- Replaced by the stamp check of enter_tenant.
DROP FUNCTION embudo.check_credential(int, text);

-- BI logins of a disabled company: the group keeps its members, but sessions opened before the company
-- was disabled read nothing more (new sessions are refused at login already).
GRANT SELECT ON embudo.disabled_company TO embudo_bi;
CREATE OR REPLACE FUNCTION embudo.company_ids_computed(minimum embudo.access_level) RETURNS int[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF current_user IN ('embudo_service', 'embudo_owner') THEN
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
        WHERE pg_has_role(current_user, r.oid, 'USAGE')
          AND NOT EXISTS (SELECT 1 FROM embudo.disabled_company d WHERE d.company_id = b.company_id));
END
$$;

-- Outgoing mail follows its document: quotation e-mails carry the customer's link, which a salesperson
-- with "own documents" must not read on a colleague's quotation. A member sees (and changes) the mail of
-- documents they can see and the mail they queued; "all documents" sees the company's. (USING serves as
-- the check of new and changed rows too.)
DROP POLICY member_all ON mail_mail;
CREATE POLICY with_document ON mail_mail TO embudo_service
    USING (company_id = ANY ((SELECT embudo.company_ids('all'))::int[])
           OR create_uid = (SELECT embudo.current_user_id())
           OR (model = 'crm.lead' AND EXISTS (SELECT 1 FROM crm_lead l WHERE l.id = res_id))
           OR (model = 'sale.order' AND EXISTS (SELECT 1 FROM sale_order o WHERE o.id = res_id)));

-- Threading answers to sent mail by the Message-ID recorded when it was sent (indexed), and by the mail's
-- number only while it has none: the number is sequential, so anyone could otherwise quote it.
CREATE INDEX mail_mail_message_id ON mail_mail (company_id, message_id) WHERE message_id IS NOT NULL;
CREATE OR REPLACE FUNCTION embudo.mail_thread_of(ids text[]) RETURNS TABLE (model text, res_id int)
LANGUAGE sql STABLE
AS $$
    SELECT x.model, x.res_id FROM (
        SELECT m.model, m.res_id, a.position FROM unnest(ids) WITH ORDINALITY a (id, position)
        JOIN public.mail_message m ON m.message_id = a.id
        UNION ALL
        SELECT s.model, s.res_id, a.position FROM unnest(ids) WITH ORDINALITY a (id, position)
        JOIN public.mail_mail s ON s.message_id = a.id
        WHERE s.model IS NOT NULL
        UNION ALL
        SELECT s.model, s.res_id, a.position FROM unnest(ids) WITH ORDINALITY a (id, position)
        JOIN public.mail_mail s ON s.id = nullif(substring(a.id FROM '\.([0-9]{1,9})@[^@]+$'), '')::int
        WHERE s.model IS NOT NULL AND s.message_id IS NULL
    ) x
    ORDER BY x.position DESC
    LIMIT 1
$$;

-- The e-mail of a message posted on a lead gets the message itself, no longer the lead's latest message,
-- which may be another one posted meanwhile.
DROP FUNCTION embudo.crm_lead_send_mail(int, text, text);
CREATE FUNCTION embudo.crm_lead_send_mail(posted int, body text, subject text) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    l public.crm_lead;
    me int := embudo.current_user_id();
    recipient text;
    reply text;
    mail int;
BEGIN
    SELECT x.* INTO l FROM public.crm_lead x
    JOIN public.mail_message m ON m.company_id = x.company_id AND m.res_id = x.id AND m.model = 'crm.lead'
    WHERE m.id = posted;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    recipient := coalesce((SELECT p.name || ' <' || embudo.normalize_email(p.email) || '>' FROM public.res_partner p
                           WHERE p.company_id = l.company_id AND p.id = l.partner_id AND embudo.normalize_email(p.email) IS NOT NULL),
                          l.email_from);
    IF recipient IS NULL OR embudo.normalize_email(recipient) IS NULL THEN
        RETURN NULL;
    END IF;
    -- Reference §2.14: "<Company> <Team> <alias@domain>", else the catchall of the domain.
    reply := (SELECT c.name || ' ' || t.name || ' <' || t.alias_name || '@' || c.alias_domain || '>'
              FROM public.crm_team t JOIN public.res_company c ON c.id = t.company_id
              WHERE t.company_id = l.company_id AND t.id = l.team_id AND t.alias_name IS NOT NULL AND c.alias_domain IS NOT NULL);
    reply := coalesce(reply, (SELECT 'catchall@' || c.alias_domain FROM public.res_company c WHERE c.id = l.company_id AND c.alias_domain IS NOT NULL));
    INSERT INTO public.mail_mail (company_id, email_from, email_to, reply_to, subject, body_html, model, res_id, mail_message_id, create_uid, write_uid)
    VALUES (l.company_id, coalesce((SELECT u.name || ' <' || u.email || '>' FROM public.res_users u WHERE u.id = me AND u.email IS NOT NULL),
                                   'noreply@' || coalesce((SELECT c.alias_domain FROM public.res_company c WHERE c.id = l.company_id), 'localhost')),
            recipient, reply, coalesce(subject, 'Re: ' || l.name), body, 'crm.lead', l.id, posted, me, me)
    RETURNING id INTO mail;
    UPDATE public.mail_message SET reply_to = reply, email_to = recipient WHERE id = posted;
    RETURN mail;
END
$$;
GRANT EXECUTE ON FUNCTION embudo.crm_lead_send_mail(int, text, text) TO embudo_service;

-- A team's routes follow its alias whoever changes it: the pipeline's own trigger clears the alias of a
-- team that takes neither leads nor opportunities, which `UPDATE OF alias_name` did not see.
DROP TRIGGER mail_routes ON crm_team;
CREATE TRIGGER mail_routes AFTER INSERT OR DELETE ON crm_team FOR EACH ROW EXECUTE FUNCTION embudo.mail_routes_changed();
CREATE TRIGGER mail_routes_update AFTER UPDATE ON crm_team FOR EACH ROW
    WHEN (OLD.alias_name IS DISTINCT FROM NEW.alias_name OR OLD.active IS DISTINCT FROM NEW.active)
    EXECUTE FUNCTION embudo.mail_routes_changed();
