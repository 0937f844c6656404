-- The mail gateway (reference §1.9, §2.12–2.14): each company has a mail domain; a team's alias is a
-- local part unique in it. Incoming mail (from `embudo mailgate` or mail.thread.message_process) is
-- routed: a duplicate Message-ID is ignored, a bounce is counted on its lead, a reply goes to the record
-- it answers, mail to an alias creates a lead or an opportunity of the team (if the sender passes the
-- alias's contact policy, else a bounce reply is queued). Outgoing messages on a lead carry the team
-- alias as Reply-To, so answers come back to the same lead.

GRANT UPDATE (alias_domain) ON res_company TO embudo_service;
-- Bounces are counted on leads.
GRANT UPDATE (message_bounce) ON crm_lead TO embudo_service;

-- Where mail for an address goes (embudo.mail_route), kept by triggers, readable before any tenant is
-- known: only the gateway's owner function reads it.
CREATE OR REPLACE FUNCTION embudo.mail_routes_refresh(company int) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    domain text := (SELECT c.alias_domain FROM public.res_company c WHERE c.id = company);
BEGIN
    -- Only for a company the request acts in (the owner sees its teams through the request's context).
    IF NOT company = ANY (embudo.company_ids()) THEN
        RETURN;
    END IF;
    DELETE FROM embudo.mail_route r WHERE r.company_id = company;
    IF domain IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO embudo.mail_route (domain, alias_name, company_id, team_id) VALUES (domain, '', company, NULL);
    -- The owner reads the company's teams through its policy of the request's companies.
    INSERT INTO embudo.mail_route (domain, alias_name, company_id, team_id)
    SELECT domain, t.alias_name, company, t.id FROM public.crm_team t
    WHERE t.company_id = company AND t.alias_name IS NOT NULL AND t.active;
END
$$;
DROP POLICY IF EXISTS owner_routes ON crm_team;
CREATE POLICY owner_routes ON crm_team FOR SELECT TO embudo_owner USING (true);

CREATE OR REPLACE FUNCTION embudo.mail_routes_changed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_TABLE_NAME = 'res_company' THEN
        PERFORM embudo.mail_routes_refresh(NEW.id);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM embudo.mail_routes_refresh(OLD.company_id);
    ELSE
        PERFORM embudo.mail_routes_refresh(NEW.company_id);
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER mail_routes AFTER UPDATE OF alias_domain ON res_company FOR EACH ROW EXECUTE FUNCTION embudo.mail_routes_changed();
-- A team's routes follow its alias whoever changes it: the pipeline's own trigger clears the alias of a
-- team that takes neither leads nor opportunities, which `UPDATE OF alias_name` would not see.
CREATE OR REPLACE TRIGGER mail_routes AFTER INSERT OR DELETE ON crm_team FOR EACH ROW EXECUTE FUNCTION embudo.mail_routes_changed();
CREATE OR REPLACE TRIGGER mail_routes_update AFTER UPDATE ON crm_team FOR EACH ROW
    WHEN (OLD.alias_name IS DISTINCT FROM NEW.alias_name OR OLD.active IS DISTINCT FROM NEW.active)
    EXECUTE FUNCTION embudo.mail_routes_changed();

-- The company and alias an incoming message is for: the first recipient whose domain is a company's.
CREATE OR REPLACE FUNCTION embudo.mail_resolve(addresses text[])
RETURNS TABLE (company_id int, team_id int, alias_name text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT coalesce(alias.company_id, domain.company_id), alias.team_id, alias.alias_name
    FROM unnest(addresses) WITH ORDINALITY a (address, position)
    JOIN embudo.mail_route domain ON domain.domain = lower(split_part(a.address, '@', 2)) AND domain.alias_name = ''
    LEFT JOIN embudo.mail_route alias ON alias.domain = domain.domain AND alias.alias_name = lower(split_part(a.address, '@', 1))
    ORDER BY alias.team_id IS NULL, a.position
    LIMIT 1
$$;

-- The record a message answers: a message stored here with that Message-ID, or a mail sent from here,
-- by the Message-ID it went out with (indexed), or by the mail's number (".<mail id>@domain") only while
-- it has none: the number is sequential, so anyone could otherwise quote it.
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

-- Routes one parsed message (JSON from the service's parser) in the company the caller acts in;
-- `team` is the alias's team, or NULL. Returns {action, model, res_id}.
CREATE OR REPLACE FUNCTION embudo.mail_gateway(team int, message jsonb) RETURNS jsonb
LANGUAGE plpgsql
AS $$
DECLARE
    company int := (embudo.company_ids())[1];
    me int := embudo.current_user_id();
    incoming_id text := nullif(message->>'message_id', '');
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
            INSERT INTO public.mail_mail (company_id, email_from, email_to, subject, body_html, create_uid, write_uid)
            VALUES (company, 'MAILER-DAEMON@' || coalesce((SELECT c.alias_domain FROM public.res_company c WHERE c.id = company), 'localhost'),
                    sender, 'Re: ' || coalesce(message->>'subject', ''),
                    '<p>Hello,</p><p>The following e-mail sent to ' || embudo.html_escape(alias.alias_name) || ' cannot be accepted because '
                    || CASE alias.alias_contact WHEN 'partners' THEN 'this address is restricted to known authors'
                                                ELSE 'this address is restricted to followers' END
                    || '. Please contact us through another way.</p><blockquote>' || embudo.html_escape(coalesce(message->>'subject', '')) || '</blockquote>',
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
LANGUAGE sql
AS $$
    WITH stored AS (
        INSERT INTO public.ir_attachment (company_id, name, mimetype, res_model, res_id, mail_message_id, content_id, datas, create_uid)
        SELECT (embudo.company_ids())[1], coalesce(nullif(a->>'filename', ''), 'attachment'), coalesce(a->>'content_type', 'application/octet-stream'),
               model, record, message, a->>'content_id', decode(a->>'data', 'hex'), embudo.current_user_id()
        FROM jsonb_array_elements(attachments) a
        RETURNING 1
    )
    SELECT count(*)::int FROM stored
$$;

-- The e-mail of a message posted on a lead as a comment (message_post): queued for the lead's customer
-- with the team alias as Reply-To, so that answers come back to the lead, and linked to the message
-- itself (`posted`), whose recipients it records.
CREATE OR REPLACE FUNCTION embudo.crm_lead_send_mail(posted int, body text, subject text) RETURNS int
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

GRANT EXECUTE ON FUNCTION embudo.mail_routes_changed(), embudo.mail_routes_refresh(int), embudo.mail_resolve(text[]), embudo.mail_thread_of(text[]),
    embudo.mail_gateway(int, jsonb), embudo.mail_gateway_attach(text, int, int, jsonb), embudo.crm_lead_send_mail(int, text, text)
TO embudo_service;
