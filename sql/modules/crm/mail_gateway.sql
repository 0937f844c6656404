-- The mail gateway (reference §1.9, §2.12–2.14): each company has a mail domain; a team's alias is a
-- local part unique in it. Incoming mail (from `embudo mailgate` or mail.thread.message_process) is
-- routed: a duplicate Message-ID is ignored, a bounce is counted on its lead, a reply goes to the record
-- it answers, mail to an alias creates a lead or an opportunity of the team (if the sender passes the
-- alias's contact policy, else a bounce reply is queued). Outgoing messages on a lead carry the team
-- alias as Reply-To, so answers come back to the same lead.

-- Bounces are counted on leads.
GRANT UPDATE (message_bounce) ON crm_lead TO embudo_service;

-- The companies an incoming message is for: the recipients whose domain is a company's, in their order,
-- with the address's local part (a team's alias, looked up in the company then: MailThread.swift).
-- Read before any tenant is known, as the owner, from embudo.mail_route: each company's mail domain,
-- which the operator's embudo.assign_alias_domain keeps.
CREATE OR REPLACE FUNCTION embudo.mail_resolve(addresses text[])
RETURNS TABLE (ordinal int, company_id int, local_part text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN QUERY
    SELECT a.position::int, r.company_id, lower(split_part(a.address, '@', 1))
    FROM unnest(addresses) WITH ORDINALITY a (address, position)
    JOIN embudo.mail_route r ON r.domain = lower(split_part(a.address, '@', 2))
    ORDER BY a.position;
END
$$;

-- The record a message answers (`ids`: Message-IDs without their angle brackets): a message stored
-- here with that Message-ID (in brackets, as Odoo keeps mail.message's), or a mail queued here,
-- by the random Message-ID recorded when it was queued (and sent with). The last id of the list that
-- matches wins. Never by a mail's sequential number: anyone could quote it and post into any record.
CREATE OR REPLACE FUNCTION embudo.mail_thread_of(ids text[]) RETURNS TABLE (model text, res_id int)
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT x.model, x.res_id FROM (
        SELECT m.model, m.res_id, a.position FROM unnest(ids) WITH ORDINALITY a (id, position)
        JOIN public.mail_message m ON m.message_id = '<' || a.id || '>'
        UNION ALL
        SELECT s.model, s.res_id, a.position FROM unnest(ids) WITH ORDINALITY a (id, position)
        JOIN public.mail_mail s ON s.message_id = a.id
        -- (Meeting mail is not a thread: an answer to an invitation starts nothing here.)
        WHERE s.model IN ('crm.lead', 'sale.order')
    ) x
    ORDER BY x.position DESC
    LIMIT 1;
END
$$;

-- Routes one parsed message (JSON from the service's parser) in the company the caller acts in;
-- `team` is the alias's team, or NULL. Returns {action, model, res_id}.
CREATE OR REPLACE FUNCTION embudo.mail_gateway(team int, message jsonb) RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
    company int := (embudo.company_ids())[1];
    me int := embudo.current_user_id();
    -- Stored as Odoo stores it, in its angle brackets (the parser gives it bare).
    incoming_id text := '<' || nullif(btrim(message->>'message_id', '<> '), '') || '>';
    sender text := embudo.normalize_email(message->>'from');
    existing record;
    thread record;
    lead public.crm_lead;
    alias public.crm_team;
    partner int;
    salesperson int;
    posted int;
    references_ text[] := ARRAY(SELECT jsonb_array_elements_text(coalesce(message->'references', '[]')))
                          || CASE WHEN message ? 'in_reply_to' AND message->>'in_reply_to' <> '' THEN ARRAY[message->>'in_reply_to'] ELSE '{}' END;
    lead_type text;
    lang text;
    domain text;
BEGIN
    IF incoming_id IS NOT NULL THEN
        SELECT m.model, m.res_id INTO existing FROM public.mail_message m WHERE m.company_id = company AND m.message_id = incoming_id;
        IF FOUND THEN
            RETURN jsonb_build_object('action', 'duplicate', 'model', existing.model, 'res_id', existing.res_id);
        END IF;
    END IF;

    IF (message->>'is_bounce')::boolean THEN
        WITH counted AS (
            UPDATE public.crm_lead l SET message_bounce = l.message_bounce + 1
            WHERE l.company_id = company AND (
                l.id = (SELECT t.res_id FROM embudo.mail_thread_of(ARRAY[message->>'bounced_message_id']) t WHERE t.model = 'crm.lead')
                OR (message->>'bounced_recipient' IS NOT NULL AND l.email_normalized = embudo.normalize_email(message->>'bounced_recipient')))
            RETURNING l.id
        )
        SELECT min(c.id) INTO posted FROM counted c;
        RETURN jsonb_build_object('action', 'bounce', 'model', 'crm.lead', 'res_id', posted);
    END IF;

    partner := (SELECT p.id FROM public.res_partner p WHERE p.company_id = company AND sender IS NOT NULL
                AND embudo.normalize_email(p.email) = sender ORDER BY p.id LIMIT 1);

    -- A reply goes to the record it answers.
    SELECT * INTO thread FROM embudo.mail_thread_of(references_);
    IF FOUND THEN
        INSERT INTO public.mail_message (company_id, model, res_id, body, subject, author_id, message_type, subtype_id, message_id,
                                         email_from, email_to, email_cc, create_uid, write_uid)
        VALUES (company, thread.model, thread.res_id, coalesce(message->>'body', ''), message->>'subject', NULL, 'email',
                embudo.subtype('mail.mt_comment'), incoming_id, message->>'from', message->>'to', message->>'cc', me, me)
        RETURNING id INTO posted;
        RETURN jsonb_build_object('action', 'posted', 'model', thread.model, 'res_id', thread.res_id, 'message', posted);
    END IF;

    IF team IS NULL THEN
        PERFORM embudo.refuse('user', 'No alias of this domain matches the recipients and the message answers no known record.');
    END IF;
    SELECT * INTO alias FROM public.crm_team t WHERE t.company_id = company AND t.id = team;
    -- The alias's contact policy (reference §2.13).
    IF alias.alias_contact = 'partners' AND partner IS NULL
       OR alias.alias_contact = 'followers' AND NOT EXISTS (
           SELECT 1 FROM public.mail_followers f JOIN public.crm_lead l ON l.company_id = f.company_id AND l.id = f.lead_id
           WHERE f.company_id = company AND f.partner_id = partner AND l.team_id = team) THEN
        IF sender IS NOT NULL THEN
            -- In the company's language (the sender is unknown here, or a contact without one).
            -- (The company's domain is looked up first: Citus refuses a subquery inside INSERT … VALUES.)
            SELECT c.lang, c.alias_domain INTO lang, domain FROM public.res_company c WHERE c.id = company;
            INSERT INTO public.mail_mail (company_id, email_from, email_to, subject, body_html, create_uid, write_uid)
            VALUES (company, 'MAILER-DAEMON@' || coalesce(domain, 'localhost'),
                    sender, 'Re: ' || coalesce(message->>'subject', ''),
                    '<p>' || embudo.localized(lang, 'Hello,', 'Hola:') || '</p><p>'
                    || embudo.localized(lang, 'The following e-mail sent to ', 'El siguiente correo enviado a ') || embudo.html_escape(alias.alias_name)
                    || embudo.localized(lang, ' cannot be accepted because ', ' no se puede aceptar porque ')
                    || CASE alias.alias_contact WHEN 'partners' THEN embudo.localized(lang, 'this address is restricted to known authors',
                                                                                      'esta dirección solo acepta remitentes conocidos')
                                                ELSE embudo.localized(lang, 'this address is restricted to followers',
                                                                      'esta dirección solo acepta a sus seguidores') END
                    || embudo.localized(lang, '. Please contact us through another way.', '. Por favor, contáctanos por otro medio.')
                    || '</p><blockquote>' || embudo.html_escape(coalesce(message->>'subject', '')) || '</blockquote>',
                    me, me);
        END IF;
        RETURN jsonb_build_object('action', 'refused', 'reason', alias.alias_contact);
    END IF;

    -- The salesperson: a member with the sender's address, else the alias's owner (the team leader), else nobody.
    salesperson := coalesce(
        (SELECT u.id FROM public.res_users u JOIN public.res_company_member m ON m.user_id = u.id AND m.company_id = company
         WHERE sender IS NOT NULL AND embudo.normalize_email(u.email) = sender LIMIT 1),
        alias.user_id);
    lead_type := CASE WHEN alias.use_leads AND (SELECT c.crm_use_leads FROM public.res_company c WHERE c.id = company) THEN 'lead' ELSE 'opportunity' END;
    INSERT INTO public.crm_lead (company_id, name, type, team_id, user_id, email_from, partner_id, priority, email_cc, description,
                                 create_uid, write_uid)
    VALUES (company, coalesce(nullif(btrim(message->>'subject'), ''), 'No Subject'), lead_type, team, salesperson, message->>'from', partner,
            coalesce(message->>'priority', '0'), nullif(message->>'cc', ''), nullif(message->>'text', ''), me, me)
    RETURNING * INTO lead;
    INSERT INTO public.mail_message (company_id, model, res_id, body, subject, author_id, message_type, subtype_id, message_id,
                                     email_from, email_to, email_cc, create_uid, write_uid)
    VALUES (company, 'crm.lead', lead.id, coalesce(message->>'body', ''), message->>'subject', NULL, 'email',
            embudo.subtype('crm.mt_lead_create'), incoming_id, message->>'from', message->>'to', message->>'cc', me, me)
    RETURNING id INTO posted;
    IF partner IS NOT NULL THEN
        INSERT INTO public.mail_followers (company_id, res_model, res_id, partner_id) VALUES (company, 'crm.lead', lead.id, partner)
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN jsonb_build_object('action', 'created', 'model', 'crm.lead', 'res_id', lead.id, 'message', posted);
END
$$;

-- Attachments of a message routed by the gateway (hex in the JSON): stored with its record.
CREATE OR REPLACE FUNCTION embudo.mail_gateway_attach(model text, record int, message int, attachments jsonb) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    company constant int := (embudo.company_ids())[1];
    author constant int := embudo.current_user_id();
    stored int;
BEGIN
    INSERT INTO public.ir_attachment (company_id, name, mimetype, res_model, res_id, mail_message_id, content_id, datas, create_uid)
    SELECT company, coalesce(nullif(a->>'filename', ''), 'attachment'), coalesce(a->>'content_type', 'application/octet-stream'),
           model, record, message, a->>'content_id', decode(a->>'data', 'hex'), author
    FROM jsonb_array_elements(attachments) a;
    GET DIAGNOSTICS stored = ROW_COUNT;
    RETURN stored;
END
$$;

-- The e-mail of a message posted on a lead as a comment (message_post): queued for the lead's customer
-- with the team alias as Reply-To, so that answers come back to the lead, and linked to the message
-- itself (`posted`), whose recipients it records. It is queued on behalf of the user
-- (embudo.mail_on_behalf, see mail/outbox.sql), so that salespeople with "own documents" e-mail their
-- customers while raw mail.mail needs "all documents"; names are quoted in addresses (a comma in a
-- user's, company's or team's name would make the header unreadable), and the user's address is used
-- as normalised, only when it is one.
CREATE OR REPLACE FUNCTION embudo.crm_lead_send_mail(posted int, body text, subject text) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    l public.crm_lead;
    me int := embudo.current_user_id();
    recipient text;
    reply text;
    sender text;
    mail int;
BEGIN
    SELECT x.* INTO l FROM public.crm_lead x
    JOIN public.mail_message m ON m.company_id = x.company_id AND m.res_id = x.id AND m.model = 'crm.lead'
    WHERE m.id = posted;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    recipient := coalesce((SELECT embudo.mail_format_address(p.name, embudo.normalize_email(p.email)) FROM public.res_partner p
                           WHERE p.company_id = l.company_id AND p.id = l.partner_id AND embudo.normalize_email(p.email) IS NOT NULL),
                          l.email_from);
    IF recipient IS NULL OR embudo.normalize_email(recipient) IS NULL THEN
        RETURN NULL;
    END IF;
    -- Reference §2.14: "<Company> <Team> <alias@domain>", else the catchall of the domain.
    reply := (SELECT embudo.mail_format_address(c.name || ' ' || t.name, t.alias_name || '@' || c.alias_domain)
              FROM public.crm_team t JOIN public.res_company c ON c.id = t.company_id
              WHERE t.company_id = l.company_id AND t.id = l.team_id AND t.alias_name IS NOT NULL AND c.alias_domain IS NOT NULL);
    reply := coalesce(reply, (SELECT 'catchall@' || c.alias_domain FROM public.res_company c WHERE c.id = l.company_id AND c.alias_domain IS NOT NULL));
    sender := coalesce((SELECT embudo.mail_format_address(u.name, embudo.normalize_email(u.email)) FROM public.res_users u
                        WHERE u.id = me AND embudo.normalize_email(u.email) IS NOT NULL),
                       'noreply@' || coalesce((SELECT c.alias_domain FROM public.res_company c WHERE c.id = l.company_id), 'localhost'));
    PERFORM embudo.set_local('embudo.mail_on_behalf', 'on');
    INSERT INTO public.mail_mail (company_id, email_from, email_to, reply_to, subject, body_html, model, res_id, mail_message_id, create_uid, write_uid)
    VALUES (l.company_id, sender, recipient, reply, coalesce(subject, 'Re: ' || l.name), body, 'crm.lead', l.id, posted, me, me)
    RETURNING id INTO mail;
    PERFORM embudo.set_local('embudo.mail_on_behalf', '');
    UPDATE public.mail_message SET reply_to = reply, email_to = recipient WHERE id = posted;
    RETURN mail;
END
$$;

GRANT EXECUTE ON FUNCTION embudo.mail_resolve(text[]), embudo.mail_thread_of(text[]),
    embudo.mail_gateway(int, jsonb), embudo.mail_gateway_attach(text, int, int, jsonb), embudo.crm_lead_send_mail(int, text, text)
TO embudo_service;

-- ---------------------------------------------------------------------------------------------------
-- Mail domains: assigned by the operator, or requested by a company administrator and proved by DNS.
-- Tenant administrators cannot write res_company.alias_domain (no column right): first come, first
-- served, and the unique violation would tell anyone which domains are taken.
-- ---------------------------------------------------------------------------------------------------

-- Whether `domain` is a host name a company may use as its mail domain: lower-case ASCII labels of
-- letters, digits and hyphens (1 to 63 characters, no hyphen at either end), at least two, at most 253
-- characters, the last label not numeric. (Internationalised names in their xn-- form.)
CREATE OR REPLACE FUNCTION embudo.valid_mail_domain(domain text) RETURNS boolean
LANGUAGE sql IMMUTABLE
AS $$
    SELECT domain IS NOT NULL AND length(domain) <= 253
       AND domain ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$'
$$;

-- res.company.action_request_alias_domain: an administrator of `company` (one of the request's
-- companies) asks for `requested` as its mail domain. Returns the DNS record to publish: the same
-- answer whether or not another company holds the domain (the operator's check decides, and tells
-- only the operator). Asking again for a pending domain gives the same record; a new one after 7 days.
CREATE OR REPLACE FUNCTION embudo.request_alias_domain(company int, requested text) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    wanted text := rtrim(lower(btrim(requested)), '.');
    request embudo.alias_domain_request;
BEGIN
    IF NOT company = ANY (embudo.company_ids('admin')) THEN
        PERFORM embudo.refuse('access', 'Only administrators of the company can request its mail domain.');
    END IF;
    IF NOT coalesce(embudo.valid_mail_domain(wanted), false) THEN
        PERFORM embudo.refuse('validation', 'The mail domain must be a domain name such as example.com (letters, digits, hyphens and dots).');
    END IF;
    DELETE FROM embudo.alias_domain_request r WHERE r.company_id = company AND r.requested_at < now() - interval '7 days';
    IF (SELECT count(*) FROM embudo.alias_domain_request r WHERE r.company_id = company AND r.domain <> wanted) >= 10 THEN
        PERFORM embudo.refuse('user', 'This company has 10 mail domain requests waiting: ask the operator to check them first.');
    END IF;
    INSERT INTO embudo.alias_domain_request (company_id, domain, token, requested_by)
    VALUES (company, wanted, 'embudo-domain-verification=' || encode(embudo_crypto.gen_random_bytes(24), 'hex'), embudo.current_user_id())
    ON CONFLICT ON CONSTRAINT alias_domain_request_pkey DO UPDATE SET requested_by = excluded.requested_by
    RETURNING * INTO request;
    RETURN jsonb_build_object('domain', request.domain, 'record_type', 'TXT', 'record_name', '_embudo-challenge.' || request.domain,
                              'record_value', request.token,
                              'expires', to_char((request.requested_at + interval '7 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'));
END
$$;

-- The operator's assignment (embudo company set-domain, and verify-domains once the DNS record is
-- found), run with the privileged login: sets (or with NULL clears) a company's mail domain and its
-- route (embudo.mail_route, which embudo.mail_resolve reads), then forgets the company's request for that
-- domain. Raises EMV01 for an invalid domain and unique_violation (23505) when another company holds it.
CREATE OR REPLACE FUNCTION embudo.assign_alias_domain(company int, assigned text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    chosen text := nullif(rtrim(lower(btrim(assigned)), '.'), '');
BEGIN
    IF chosen IS NOT NULL AND NOT embudo.valid_mail_domain(chosen) THEN
        PERFORM embudo.refuse('validation', format('%s is not a domain name.', assigned));
    END IF;
    IF chosen IS NOT NULL AND EXISTS (SELECT 1 FROM public.res_company c WHERE c.alias_domain = chosen AND c.id <> company) THEN
        RAISE EXCEPTION 'another company holds the mail domain %', chosen USING ERRCODE = 'unique_violation';
    END IF;
    UPDATE public.res_company c SET alias_domain = chosen, write_date = now() WHERE c.id = company;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no company %', company USING ERRCODE = 'no_data_found';
    END IF;
    DELETE FROM embudo.mail_route r WHERE r.company_id = company;
    IF chosen IS NOT NULL THEN
        INSERT INTO embudo.mail_route (domain, company_id) VALUES (chosen, company);
        DELETE FROM embudo.alias_domain_request r WHERE r.company_id = company AND r.domain = chosen;
    END IF;
END
$$;

REVOKE EXECUTE ON FUNCTION embudo.request_alias_domain(int, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION embudo.request_alias_domain(int, text) TO embudo_service;
REVOKE EXECUTE ON FUNCTION embudo.assign_alias_domain(int, text) FROM PUBLIC;
