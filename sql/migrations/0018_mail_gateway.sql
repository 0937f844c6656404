-- The mail gateway (reference §1.9, §2.12–2.14): each company has a mail domain; a team's alias is a
-- local part unique in it. Incoming mail (from `embudo mailgate` or mail.thread.message_process) is
-- routed: a duplicate Message-ID is ignored, a bounce is counted on its lead, a reply goes to the record
-- it answers, mail to an alias creates a lead or an opportunity of the team (if the sender passes the
-- alias's contact policy, else a bounce reply is queued). Outgoing messages on a lead carry the team
-- alias as Reply-To, so answers come back to the same lead.

ALTER TABLE res_company ADD COLUMN alias_domain text UNIQUE CHECK (alias_domain = lower(btrim(alias_domain)) AND alias_domain LIKE '%.%');
GRANT UPDATE (alias_domain) ON res_company TO embudo_service;

-- Aliases are unique within a company's domain, not across the deployment.
DROP INDEX crm_team_alias;
CREATE UNIQUE INDEX crm_team_alias ON crm_team (company_id, alias_name) WHERE alias_name IS NOT NULL;

-- Where mail for an address goes, readable before any tenant is known (kept by triggers; only the
-- gateway's owner function reads it).
CREATE TABLE embudo.mail_route (
    domain text NOT NULL,
    alias_name text NOT NULL DEFAULT '',   -- '' = the domain itself (replies, bounces)
    company_id int NOT NULL REFERENCES res_company (id) ON DELETE CASCADE,
    team_id int,
    PRIMARY KEY (domain, alias_name)
);

CREATE FUNCTION embudo.mail_routes_refresh(company int) RETURNS void
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
CREATE POLICY owner_routes ON crm_team FOR SELECT TO embudo_owner USING (true);

CREATE FUNCTION embudo.mail_routes_changed() RETURNS trigger
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
CREATE TRIGGER mail_routes AFTER UPDATE OF alias_domain ON res_company FOR EACH ROW EXECUTE FUNCTION embudo.mail_routes_changed();
CREATE TRIGGER mail_routes AFTER INSERT OR UPDATE OF alias_name, active OR DELETE ON crm_team FOR EACH ROW EXECUTE FUNCTION embudo.mail_routes_changed();

-- The company and alias an incoming message is for: the first recipient whose domain is a company's.
CREATE FUNCTION embudo.mail_resolve(addresses text[])
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

-- Bounces are counted on leads; message ids are unique per company (a second delivery is ignored);
-- mails keep their recipients.
ALTER TABLE crm_lead ADD COLUMN message_bounce int NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX mail_message_message_id ON mail_message (company_id, message_id) WHERE message_id IS NOT NULL;
ALTER TABLE mail_message ADD COLUMN email_to text, ADD COLUMN email_cc text, ADD COLUMN reply_to text;

-- Attachments of messages, stored per company with the document they belong to.
CREATE TABLE ir_attachment (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL,
    mimetype text NOT NULL DEFAULT 'application/octet-stream',
    res_model text NOT NULL CHECK (res_model IN ('crm.lead', 'sale.order')),
    res_id int NOT NULL,
    lead_id int GENERATED ALWAYS AS (CASE WHEN res_model = 'crm.lead' THEN res_id END) STORED,
    order_id int GENERATED ALWAYS AS (CASE WHEN res_model = 'sale.order' THEN res_id END) STORED,
    mail_message_id int,
    content_id text,
    datas bytea NOT NULL,
    file_size int GENERATED ALWAYS AS (octet_length(datas)) STORED,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, lead_id) REFERENCES crm_lead (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, order_id) REFERENCES sale_order (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, mail_message_id) REFERENCES mail_message (company_id, id) ON DELETE CASCADE,
    CHECK (octet_length(datas) <= 10 * 1024 * 1024)
);
CREATE UNIQUE INDEX ir_attachment_id ON ir_attachment (id);
CREATE INDEX ir_attachment_document ON ir_attachment (company_id, res_model, res_id);
CREATE INDEX ir_attachment_message ON ir_attachment (company_id, mail_message_id);
SELECT embudo.enable_tenancy('ir_attachment');
CREATE POLICY with_document ON ir_attachment FOR SELECT
    USING (EXISTS (SELECT 1 FROM crm_lead l WHERE l.id = lead_id) OR EXISTS (SELECT 1 FROM sale_order o WHERE o.id = order_id));
CREATE POLICY with_document_create ON ir_attachment FOR INSERT TO embudo_service WITH CHECK (true);
REVOKE UPDATE ON ir_attachment FROM embudo_service;

-- The record a message answers: a message stored here with that Message-ID, or a mail sent from here
-- (recorded with the Message-ID it went out with, which also ends with ".<mail id>@domain").
CREATE FUNCTION embudo.mail_thread_of(ids text[]) RETURNS TABLE (model text, res_id int)
LANGUAGE sql STABLE
AS $$
    SELECT x.model, x.res_id FROM (
        SELECT m.model, m.res_id, a.position FROM unnest(ids) WITH ORDINALITY a (id, position)
        JOIN public.mail_message m ON m.message_id = a.id
        UNION ALL
        SELECT s.model, s.res_id, a.position FROM unnest(ids) WITH ORDINALITY a (id, position)
        JOIN public.mail_mail s ON s.message_id = a.id OR s.id = nullif(substring(a.id FROM '\.([0-9]{1,9})@[^@]+$'), '')::int
        WHERE s.model IS NOT NULL
    ) x
    ORDER BY x.position DESC
    LIMIT 1
$$;

-- Routes one parsed message (JSON from the service's parser) in the company the caller acts in;
-- `team` is the alias's team, or NULL. Returns {action, model, res_id}.
CREATE FUNCTION embudo.mail_gateway(team int, message jsonb) RETURNS jsonb
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
CREATE FUNCTION embudo.mail_gateway_attach(model text, record int, message int, attachments jsonb) RETURNS int
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

-- An e-mail to a lead's customer (message_post of a comment): queued with the team alias as
-- Reply-To, so that answers come back to the lead.
CREATE FUNCTION embudo.crm_lead_send_mail(lead_id int, body text, subject text) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    l public.crm_lead;
    me int := embudo.current_user_id();
    recipient text;
    reply text;
    mail int;
    message int;
BEGIN
    SELECT * INTO l FROM public.crm_lead x WHERE x.id = lead_id;
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
    SELECT m.id INTO message FROM public.mail_message m WHERE m.company_id = l.company_id AND m.model = 'crm.lead' AND m.res_id = l.id
    ORDER BY m.id DESC LIMIT 1;
    INSERT INTO public.mail_mail (company_id, email_from, email_to, reply_to, subject, body_html, model, res_id, mail_message_id, create_uid, write_uid)
    VALUES (l.company_id, coalesce((SELECT u.name || ' <' || u.email || '>' FROM public.res_users u WHERE u.id = me AND u.email IS NOT NULL),
                                   'noreply@' || coalesce((SELECT c.alias_domain FROM public.res_company c WHERE c.id = l.company_id), 'localhost')),
            recipient, reply, coalesce(subject, 'Re: ' || l.name), body, 'crm.lead', l.id, message, me, me)
    RETURNING id INTO mail;
    UPDATE public.mail_message SET reply_to = reply, email_to = recipient WHERE id = message;
    RETURN mail;
END
$$;

GRANT EXECUTE ON FUNCTION embudo.mail_routes_changed(), embudo.mail_routes_refresh(int), embudo.mail_resolve(text[]), embudo.mail_thread_of(text[]),
    embudo.mail_gateway(int, jsonb), embudo.mail_gateway_attach(text, int, int, jsonb), embudo.crm_lead_send_mail(int, text, text)
TO embudo_service;
GRANT UPDATE (message_bounce) ON crm_lead TO embudo_service;

INSERT INTO ir_model (model, name) VALUES ('mail.thread', 'Email Thread'), ('ir.attachment', 'Attachment');
