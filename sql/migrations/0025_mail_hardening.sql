-- Issue 18, mail and domains: no company can send as another, claim another's mail domain, post into
-- another's records through a guessable id, or learn that another company's records exist.
--
--   1. Outgoing mail (mail.mail) is checked in PostgreSQL, whoever queues it: the sender and every
--      Reply-To address must be the acting user's own address or an address of the company's mail
--      domain; the document must be a lead or quotation the user can write; the delivery fields are the
--      worker's; raw mail needs "all documents" (the CRM's own functions queue on behalf of salespeople).
--   2. Every mail gets a random Message-ID when it is queued; the worker sends with it, and the gateway
--      threads answers only on such recorded ids (no more numeric mail ids).
--   3. Mail domains are assigned by the operator (embudo company set-domain), or requested by a company
--      administrator and proved by a DNS TXT record that the operator's check verifies (embudo company
--      verify-domains). Tenant administrators can no longer write res_company.alias_domain.
--   4. count_existing counts only the request's companies; activity_schedule checks its assignee.

-- ---------------------------------------------------------------------------------------------------
-- 1. Outgoing mail: who may send what as whom
-- ---------------------------------------------------------------------------------------------------

-- The addresses (addr-spec, as written) of an address list, read exactly as the delivery worker reads it
-- (Sources/EmbudoMail/MailAddress.swift, parseList): items separated by commas or semicolons outside
-- quotes and angle brackets; each item `addr`, `<addr>`, `Name <addr>` or `"Name" <addr>`, the address
-- being in the last angle brackets; an address is ASCII without spaces or specials, with one @. Returns
-- NULL when an item cannot be read (the worker would refuse the message), '{}' for NULL or blank text.
CREATE FUNCTION embudo.mail_address_list(header text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
    items text[] := '{}';
    current text := '';
    quoted boolean := false;
    escaped boolean := false;
    angle boolean := false;
    c text;
    item text;
    open int;
    close int;
    address text;
    display text;
    result text[] := '{}';
BEGIN
    IF header IS NULL THEN
        RETURN '{}';
    END IF;
    IF length(header) > 10000 THEN
        RETURN NULL;
    END IF;
    -- Character by character (code points, as the worker's scalars), like MailAddress.splitList.
    FOREACH c IN ARRAY regexp_split_to_array(header, '') LOOP
        IF escaped THEN
            escaped := false;
        ELSIF quoted AND c = '\' THEN
            escaped := true;
        ELSIF c = '"' THEN
            quoted := NOT quoted;
        ELSIF NOT quoted AND c = '<' THEN
            angle := true;
        ELSIF NOT quoted AND c = '>' THEN
            angle := false;
        ELSIF NOT quoted AND NOT angle AND c IN (',', ';') THEN
            items := items || current;
            current := '';
            CONTINUE;
        END IF;
        current := current || c;
    END LOOP;
    items := items || current;
    FOREACH item IN ARRAY items LOOP
        item := btrim(item, E' \t\r\n');
        CONTINUE WHEN item = '';
        -- Like MailAddress.parse: the address is in the last angle brackets, with nothing after them.
        IF strpos(item, '<') = 0 THEN
            address := item;
            display := NULL;
        ELSE
            open := length(item) - strpos(reverse(item), '<') + 1;
            close := strpos(substr(item, open), '>');
            IF close = 0 OR btrim(substr(item, open + close), E' \t\r\n') <> '' THEN
                RETURN NULL;
            END IF;
            address := btrim(substr(item, open + 1, close - 2), E' \t\r\n');
            display := substr(item, 1, open - 1);
        END IF;
        IF octet_length(address) > 254 OR address !~ '^[\x21-\x7e]+$' OR address !~ '^[^@<>()\[\]\\,;:"]+@[^@<>()\[\]\\,;:"]+$'
           OR display ~ '[\x01-\x1f\x7f]' THEN
            RETURN NULL;
        END IF;
        result := result || address;
    END LOOP;
    RETURN result;
END
$$;

-- `Name <address>`, the name quoted when it holds a special character (so that commas and brackets in
-- names stay in the name), or the address alone without a name.
CREATE FUNCTION embudo.mail_format_address(display text, address text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT CASE WHEN nullif(btrim(display), '') IS NULL THEN address
                WHEN btrim(display) !~ '[()<>\[\]:;@\\,."\x01-\x1f\x7f]' THEN btrim(display) || ' <' || address || '>'
                ELSE '"' || replace(replace(regexp_replace(btrim(display), '[\x01-\x1f\x7f]', ' ', 'g'), '\', '\\'), '"', '\"') || '" <' || address || '>' END
$$;

-- Whether `person` may send mail of `company` from (or with answers to) `address`: their own address
-- (res_users.email, or the login when it is an address), or an address of the company's mail domain.
-- A company without a domain may use the two placeholders the CRM's own mail falls back to,
-- noreply@localhost and MAILER-DAEMON@localhost: no company can hold `localhost` (a domain needs a
-- dot), so they impersonate nobody, and relays that check senders refuse them.
CREATE FUNCTION embudo.mail_sender_allowed(company int, person int, address text) RETURNS boolean
LANGUAGE sql STABLE
AS $$
    SELECT EXISTS (SELECT 1 FROM public.res_users u
                   WHERE u.id = person
                     AND lower(address) IN (embudo.normalize_email(u.email), CASE WHEN u.login ~ '^[^@\s<>]+@[^@\s<>]+$' THEN lower(u.login) END))
        OR EXISTS (SELECT 1 FROM public.res_company c
                   WHERE c.id = company
                     AND (lower(split_part(address, '@', 2)) = c.alias_domain
                          OR (c.alias_domain IS NULL AND lower(address) IN ('noreply@localhost', 'mailer-daemon@localhost'))))
$$;

-- A new Message-ID (without angle brackets): 128 random bits at the company's mail domain, else at the
-- sender's domain, else at localhost. Nobody can guess it, so only someone who received the message can
-- answer it into its record.
CREATE FUNCTION embudo.mail_new_message_id(company int, sender text) RETURNS text
LANGUAGE sql VOLATILE
AS $$
    SELECT encode(embudo.gen_random_bytes(16), 'hex') || '@'
        || coalesce((SELECT c.alias_domain FROM public.res_company c WHERE c.id = company),
                    nullif(split_part(embudo.normalize_email(sender), '@', 2), ''), 'localhost')
$$;

-- The rules of outgoing mail queued or changed by the service (any other role is the delivery worker's
-- functions, a migration or the operator: only the Message-ID is given to their new mail):
-- * the company: raw mail needs "all documents" there, unless one of the CRM's own functions queues it
--   on behalf of the user (embudo.mail_on_behalf, set by crm_lead_send_mail and sale_send_quotation
--   around their INSERT; the gateway's bounce is queued by the gateway's user, who has "all documents");
-- * the sender is one address, and it and every Reply-To address pass embudo.mail_sender_allowed;
-- * the document (model, res_id) is a lead or a quotation of that company that the user can write: a
--   row lock under row-level security applies the UPDATE policies (FOR KEY SHARE, the weakest lock,
--   which no ordinary change of the document waits for); mail about anything else is refused;
-- * the delivery fields (state, attempts, next attempt, Message-ID, message, failure, sent date,
--   creator) are set here on INSERT and never changed by the service; only mail still waiting to be
--   sent can be changed.
CREATE FUNCTION embudo.mail_mail_before_write() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    me int := embudo.current_user_id();
    senders text[];
    replies text[];
    address text;
BEGIN
    IF TG_OP = 'INSERT' AND (current_user = 'embudo_service' OR NEW.message_id IS NULL) THEN
        NEW.message_id := embudo.mail_new_message_id(NEW.company_id, NEW.email_from);
    END IF;
    IF current_user <> 'embudo_service' THEN
        RETURN NEW;
    END IF;

    IF NOT NEW.company_id = ANY (embudo.company_ids('all')) AND current_setting('embudo.mail_on_behalf', true) IS DISTINCT FROM 'on' THEN
        PERFORM embudo.refuse('access', 'Queuing or changing outgoing mail directly needs access to all documents of the company.');
    END IF;

    IF TG_OP = 'INSERT' THEN
        NEW.state := 'outgoing';
        NEW.attempts := 0;
        NEW.next_attempt_at := now();
        NEW.failure_reason := NULL;
        NEW.sent_at := NULL;
        NEW.create_uid := me;
        NEW.create_date := now();
    ELSE
        IF OLD.state <> 'outgoing' THEN
            PERFORM embudo.refuse('user', 'Only mail waiting to be sent can be changed.');
        END IF;
        IF (NEW.company_id, NEW.state, NEW.attempts, NEW.max_attempts, NEW.next_attempt_at, NEW.message_id, NEW.mail_message_id,
            NEW.failure_reason, NEW.sent_at, NEW.create_uid, NEW.create_date)
           IS DISTINCT FROM (OLD.company_id, OLD.state, OLD.attempts, OLD.max_attempts, OLD.next_attempt_at, OLD.message_id, OLD.mail_message_id,
                             OLD.failure_reason, OLD.sent_at, OLD.create_uid, OLD.create_date) THEN
            PERFORM embudo.refuse('access', 'The delivery fields of outgoing mail are for the delivery worker to change.');
        END IF;
    END IF;
    NEW.write_uid := me;
    NEW.write_date := now();

    IF TG_OP = 'INSERT' OR NEW.email_from IS DISTINCT FROM OLD.email_from OR NEW.reply_to IS DISTINCT FROM OLD.reply_to THEN
        senders := embudo.mail_address_list(NEW.email_from);
        IF senders IS NULL OR cardinality(senders) <> 1 THEN
            PERFORM embudo.refuse('validation', 'The sender (email_from) must be one e-mail address: "Name <address>" or address.');
        END IF;
        replies := embudo.mail_address_list(NEW.reply_to);
        IF replies IS NULL THEN
            PERFORM embudo.refuse('validation', 'Reply-To (reply_to) must be a list of e-mail addresses.');
        END IF;
        FOREACH address IN ARRAY senders || replies LOOP
            IF NOT embudo.mail_sender_allowed(NEW.company_id, me, address) THEN
                PERFORM embudo.refuse('access', format('You cannot send mail as %s: use your own address or an address of the company''s mail domain.', address));
            END IF;
        END LOOP;
    END IF;

    IF TG_OP = 'INSERT' OR NEW.model IS DISTINCT FROM OLD.model OR NEW.res_id IS DISTINCT FROM OLD.res_id THEN
        IF (NEW.model IS NULL) <> (NEW.res_id IS NULL) THEN
            PERFORM embudo.refuse('validation', 'A mail names its document with both model and res_id, or neither.');
        END IF;
        IF NEW.model = 'crm.lead' THEN
            PERFORM 1 FROM public.crm_lead l WHERE l.company_id = NEW.company_id AND l.id = NEW.res_id FOR KEY SHARE;
        ELSIF NEW.model = 'sale.order' THEN
            PERFORM 1 FROM public.sale_order o WHERE o.company_id = NEW.company_id AND o.id = NEW.res_id FOR KEY SHARE;
        ELSIF NEW.model IS NOT NULL THEN
            PERFORM embudo.refuse('validation', 'Mail can be about leads, opportunities and quotations only.');
        END IF;
        IF NEW.model IS NOT NULL AND NOT FOUND THEN
            PERFORM embudo.refuse('access', 'You cannot send mail about a document you cannot change.');
        END IF;
    END IF;

    IF TG_OP = 'INSERT' AND NEW.mail_message_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM public.mail_message m
        WHERE m.company_id = NEW.company_id AND m.id = NEW.mail_message_id
          AND m.model IS NOT DISTINCT FROM NEW.model AND m.res_id IS NOT DISTINCT FROM NEW.res_id) THEN
        PERFORM embudo.refuse('access', 'A mail can only carry a message of its own document.');
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER rules BEFORE INSERT OR UPDATE ON mail_mail FOR EACH ROW EXECUTE FUNCTION embudo.mail_mail_before_write();

-- Mail queued before this migration gets its Message-ID now (the worker used to make one at send).
UPDATE mail_mail SET message_id = embudo.mail_new_message_id(company_id, email_from) WHERE message_id IS NULL;

-- Replaces 0022's crm_lead_send_mail. Changed: the mail is queued on behalf of the user
-- (embudo.mail_on_behalf), so that salespeople with "own documents" keep e-mailing their customers
-- while raw mail.mail needs "all documents"; names are quoted in addresses (a comma in a user's, a
-- company's or a team's name made the header unreadable, and the worker refused it); the user's address
-- is used as normalised, and only when it is one.
-- An e-mail to a lead's customer (message_post of a comment): queued with the team alias as Reply-To,
-- so that answers come back to the lead.
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
    PERFORM set_config('embudo.mail_on_behalf', 'on', true);
    INSERT INTO public.mail_mail (company_id, email_from, email_to, reply_to, subject, body_html, model, res_id, mail_message_id, create_uid, write_uid)
    VALUES (l.company_id, sender, recipient, reply, coalesce(subject, 'Re: ' || l.name), body, 'crm.lead', l.id, posted, me, me)
    RETURNING id INTO mail;
    PERFORM set_config('embudo.mail_on_behalf', '', true);
    UPDATE public.mail_message SET reply_to = reply, email_to = recipient WHERE id = posted;
    RETURN mail;
END
$$;

-- Replaces 0015's sale_send_quotation. Changed: the sender is the user who sends the quotation (their
-- address), else the company's noreply address at its mail domain (noreply@localhost without one): the
-- order's salesperson's address may no longer be used by someone else; the mail is queued on behalf of
-- the user (embudo.mail_on_behalf), so that salespeople with "own documents" keep sending their
-- quotations; names are quoted in addresses.
-- Sends quotations by e-mail (Odoo's action_quotation_send, done at once with the default template):
-- the message in the history, the mail in the queue with the lines, totals, expiration and payment
-- terms; a draft quotation is then marked sent. Returns the queued mails' ids.
CREATE OR REPLACE FUNCTION embudo.sale_send_quotation(ids int[]) RETURNS int[]
LANGUAGE plpgsql
AS $$
DECLARE
    o public.sale_order;
    customer public.res_partner;
    sender text;
    company_name text;
    body text;
    subject text;
    mail int;
    mails int[] := '{}';
    message int;
    me int := embudo.current_user_id();
BEGIN
    IF (SELECT count(*) FROM public.sale_order x WHERE x.id = ANY (ids)) < cardinality(ARRAY(SELECT DISTINCT unnest(ids))) THEN
        PERFORM embudo.refuse('user', 'Some of these orders do not exist or you cannot see them.');
    END IF;
    FOR o IN SELECT * FROM public.sale_order x WHERE x.id = ANY (ids) ORDER BY x.id FOR UPDATE LOOP
        IF o.state NOT IN ('draft', 'sent', 'sale') THEN
            PERFORM embudo.refuse('user', format('The order %s is %s: it cannot be sent.', o.name, embudo.sale_state_label(o.state)));
        END IF;
        SELECT * INTO customer FROM public.res_partner p WHERE p.company_id = o.company_id AND p.id = o.partner_id;
        IF customer.email IS NULL OR embudo.normalize_email(customer.email) IS NULL THEN
            PERFORM embudo.refuse('user', format('The customer %s has no e-mail address: add one to send the quotation.', customer.name));
        END IF;
        SELECT c.name INTO company_name FROM public.res_company c WHERE c.id = o.company_id;
        sender := coalesce((SELECT embudo.mail_format_address(u.name, embudo.normalize_email(u.email)) FROM public.res_users u
                            WHERE u.id = me AND embudo.normalize_email(u.email) IS NOT NULL),
                           embudo.mail_format_address(company_name, 'noreply@' || coalesce((SELECT c.alias_domain FROM public.res_company c
                                                                                             WHERE c.id = o.company_id), 'localhost')));
        subject := company_name || ' ' || CASE WHEN o.state IN ('draft', 'sent') THEN 'Quotation' ELSE 'Order' END || ' (Ref ' || o.name || ')';
        body := '<div style="font-family: sans-serif">'
            || '<p>Hello ' || embudo.html_escape(customer.name) || ',</p>'
            || '<p>Here is your ' || CASE WHEN o.state IN ('draft', 'sent') THEN 'quotation' ELSE 'order' END || ' <strong>'
            || embudo.html_escape(o.name) || '</strong> amounting to <strong>' || embudo.money(o.amount_total, o.currency_id) || '</strong>.</p>'
            || '<table style="border-collapse: collapse" border="1" cellpadding="4"><thead><tr><th>Description</th><th>Quantity</th>'
            || '<th>Unit Price</th><th>Disc.%</th><th>Amount</th></tr></thead><tbody>'
            || coalesce((SELECT string_agg(CASE WHEN l.display_type IS NOT NULL
                    THEN '<tr><td colspan="5"><em>' || embudo.html_escape(l.name) || '</em></td></tr>'
                    ELSE '<tr><td>' || embudo.html_escape(l.name) || '</td><td>' || trim_scale(l.product_uom_qty)::text || ' '
                         || coalesce(embudo.html_escape((SELECT u.name FROM public.uom_uom u WHERE u.id = l.product_uom)), '') || '</td><td>'
                         || embudo.money(l.price_unit, o.currency_id) || '</td><td>' || trim_scale(l.discount)::text || '</td><td>'
                         || embudo.money(l.price_subtotal, o.currency_id) || '</td></tr>' END, '' ORDER BY l.sequence, l.id)
                         FROM public.sale_order_line l WHERE l.company_id = o.company_id AND l.order_id = o.id), '')
            || '</tbody></table>'
            || '<p>Untaxed amount: ' || embudo.money(o.amount_untaxed, o.currency_id) || '<br/>Taxes: ' || embudo.money(o.amount_tax, o.currency_id)
            || '<br/><strong>Total: ' || embudo.money(o.amount_total, o.currency_id) || '</strong></p>'
            || CASE WHEN o.validity_date IS NOT NULL THEN '<p>This quotation is valid until ' || to_char(o.validity_date, 'YYYY-MM-DD') || '.</p>' ELSE '' END
            || coalesce('<p>Payment terms: ' || embudo.html_escape((SELECT t.name FROM public.account_payment_term t
                                                                    WHERE t.company_id = o.company_id AND t.id = o.payment_term_id)) || '</p>', '')
            || coalesce('<p>' || embudo.html_escape(o.note) || '</p>', '')
            || embudo.sale_mail_extra(o.id)
            || '<p>Do not hesitate to contact us if you have any questions.</p></div>';
        INSERT INTO public.mail_message (company_id, model, res_id, body, subject, author_id, message_type, subtype_id, email_from, create_uid, write_uid)
        VALUES (o.company_id, 'sale.order', o.id, body, subject, me, 'email', embudo.subtype('mail.mt_comment'), sender, me, me)
        RETURNING id INTO message;
        PERFORM set_config('embudo.mail_on_behalf', 'on', true);
        INSERT INTO public.mail_mail (company_id, email_from, email_to, subject, body_html, model, res_id, mail_message_id, create_uid, write_uid)
        VALUES (o.company_id, sender, embudo.mail_format_address(customer.name, embudo.normalize_email(customer.email)), subject, body, 'sale.order', o.id,
                message, me, me)
        RETURNING id INTO mail;
        PERFORM set_config('embudo.mail_on_behalf', '', true);
        mails := mails || mail;
    END LOOP;
    PERFORM embudo.sale_transition(ARRAY(SELECT x.id FROM public.sale_order x WHERE x.id = ANY (ids) AND x.state = 'draft'),
                                   ARRAY['draft'], 'sent', 'Only draft quotations can be marked as sent');
    RETURN mails;
END
$$;

GRANT EXECUTE ON FUNCTION embudo.mail_address_list(text), embudo.mail_format_address(text, text), embudo.mail_sender_allowed(int, int, text),
    embudo.mail_new_message_id(int, text), embudo.mail_mail_before_write()
TO embudo_service;

-- ---------------------------------------------------------------------------------------------------
-- 2. Threading on recorded, random Message-IDs only
-- ---------------------------------------------------------------------------------------------------

-- Replaces 0014's mail_claim (dropped and created again: it returns one more column). Changed: it also
-- returns the Message-ID recorded when the mail was queued, which the worker sends the mail with.
-- Claims up to `batch` due messages for delivery: each is leased for `lease` (a worker that dies leaves
-- it to be claimed again after that) and counts an attempt. Concurrent workers never get the same one.
DROP FUNCTION embudo.mail_claim(int, interval);
CREATE FUNCTION embudo.mail_claim(batch int, lease interval)
RETURNS TABLE (id int, email_from text, email_to text, email_cc text, reply_to text, subject text, body_html text, attempts int, message_id text)
LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    UPDATE public.mail_mail m
    SET attempts = m.attempts + 1, next_attempt_at = now() + lease, write_date = now()
    WHERE m.id IN (SELECT d.id FROM public.mail_mail d WHERE d.state = 'outgoing' AND d.next_attempt_at <= now()
                   ORDER BY d.next_attempt_at, d.id LIMIT batch FOR UPDATE SKIP LOCKED)
    RETURNING m.id, m.email_from, m.email_to, m.email_cc, m.reply_to, m.subject, m.body_html, m.attempts, m.message_id
$$;
GRANT EXECUTE ON FUNCTION embudo.mail_claim(int, interval) TO embudo_service;

-- Replaces 0022's mail_thread_of. Changed: the third branch, which matched a mail's sequential number
-- in a Message-ID while the mail had not been sent, is gone: anyone could quote such a number and post
-- into any record with unsent or failed mail. Every mail now has a random Message-ID from the moment it
-- is queued, so an answer is threaded whatever the mail's state.
-- The record a message answers: a message stored here with that Message-ID, or a mail queued here
-- (recorded with the Message-ID it goes out with). The last id of the list that matches wins.
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
    ) x
    ORDER BY x.position DESC
    LIMIT 1
$$;

-- ---------------------------------------------------------------------------------------------------
-- 3. Mail domains: assigned by the operator, or requested and proved by DNS
-- ---------------------------------------------------------------------------------------------------

-- Tenant administrators could write the domain (first come, first served), and the unique violation
-- told anyone which domains were taken.
REVOKE UPDATE (alias_domain) ON res_company FROM embudo_service;

-- Whether `domain` is a host name a company may use as its mail domain: lower-case ASCII labels of
-- letters, digits and hyphens (1 to 63 characters, no hyphen at either end), at least two, at most 253
-- characters, the last label not numeric. (Internationalised names in their xn-- form.)
CREATE FUNCTION embudo.valid_mail_domain(domain text) RETURNS boolean
LANGUAGE sql IMMUTABLE
AS $$
    SELECT domain IS NOT NULL AND length(domain) <= 253
       AND domain ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$'
$$;

-- A company administrator's request for a mail domain, waiting for the operator's DNS check: the
-- record `_embudo-challenge.<domain>` must hold the TXT value `token`. Requests expire after 7 days.
-- Only the owner's functions and the operator read it: which company asked for which domain is nobody
-- else's business.
CREATE TABLE embudo.alias_domain_request (
    company_id int NOT NULL REFERENCES res_company (id) ON DELETE CASCADE,
    domain text NOT NULL CHECK (embudo.valid_mail_domain(domain)),
    token text NOT NULL,
    requested_by int REFERENCES res_users (id) ON DELETE SET NULL,
    requested_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, domain)
);
COMMENT ON TABLE embudo.alias_domain_request IS
    'Mail domains requested by company administrators; `embudo company verify-domains` assigns those whose TXT record _embudo-challenge.<domain> holds the token.';

-- res.company.action_request_alias_domain: an administrator of `company` (one of the request's
-- companies) asks for `requested` as its mail domain. Returns the DNS record to publish: the same
-- answer whether or not another company holds the domain (the operator's check decides, and tells
-- only the operator). Asking again for a pending domain gives the same record; a new one after 7 days.
CREATE FUNCTION embudo.request_alias_domain(company int, requested text) RETURNS jsonb
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
    VALUES (company, wanted, 'embudo-domain-verification=' || encode(embudo.gen_random_bytes(24), 'hex'), embudo.current_user_id())
    ON CONFLICT ON CONSTRAINT alias_domain_request_pkey DO UPDATE SET requested_by = excluded.requested_by
    RETURNING * INTO request;
    RETURN jsonb_build_object('domain', request.domain, 'record_type', 'TXT', 'record_name', '_embudo-challenge.' || request.domain,
                              'record_value', request.token,
                              'expires', to_char((request.requested_at + interval '7 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'));
END
$$;
REVOKE EXECUTE ON FUNCTION embudo.request_alias_domain(int, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION embudo.request_alias_domain(int, text) TO embudo_service;

-- The operator's assignment (embudo company set-domain, and verify-domains once the DNS record is
-- found), run with the privileged login: sets (or with NULL clears) a company's mail domain and
-- rebuilds its mail routes (the routes' trigger refreshes them only for the request's companies, and the
-- operator acts in none), then forgets the company's request for that domain. Raises EMV01 for an
-- invalid domain and unique_violation (23505) when another company holds it.
CREATE FUNCTION embudo.assign_alias_domain(company int, assigned text) RETURNS void
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
        INSERT INTO embudo.mail_route (domain, alias_name, company_id, team_id) VALUES (chosen, '', company, NULL);
        INSERT INTO embudo.mail_route (domain, alias_name, company_id, team_id)
        SELECT chosen, t.alias_name, company, t.id FROM public.crm_team t
        WHERE t.company_id = company AND t.alias_name IS NOT NULL AND t.active;
        DELETE FROM embudo.alias_domain_request r WHERE r.company_id = company AND r.domain = chosen;
    END IF;
END
$$;
REVOKE EXECUTE ON FUNCTION embudo.assign_alias_domain(int, text) FROM PUBLIC;

-- ---------------------------------------------------------------------------------------------------
-- 4. What a refusal tells, and who may be assigned an activity
-- ---------------------------------------------------------------------------------------------------

-- Replaces 0011's count_existing. Changed: rows are counted in the request's companies only, by an
-- explicit predicate on the company column (res_company: its id). The owner that runs it is not held by
-- the tenant fence of tables without FORCE ROW LEVEL SECURITY (mail_mail), so the AccessError it chose
-- told a member that another company's mail with that id existed. Tables without a company column are
-- reference data that everyone reads: counted as before.
-- How many of `ids` exist in the request's companies, whatever the user's access level.
CREATE OR REPLACE FUNCTION embudo.count_existing(target regclass, ids int[]) RETURNS int
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    found int;
    fence name := CASE WHEN target = 'public.res_company'::regclass THEN 'id' ELSE 'company_id' END;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = target AND a.attname = fence AND a.attnum > 0 AND NOT a.attisdropped) THEN
        EXECUTE format('SELECT count(*)::int FROM %s WHERE id = ANY ($1) AND %I = ANY ($2)', target, fence)
            INTO found USING ids, embudo.company_ids();
    ELSE
        EXECUTE format('SELECT count(*)::int FROM %s WHERE id = ANY ($1)', target) INTO found USING ids;
    END IF;
    RETURN found;
END
$$;

-- Replaces 0013's mail_activity_before_write. Changed: the assignee check ("assign the activity to
-- someone who can read the document") skipped automated activities, so activity_schedule (which
-- schedules automated ones) assigned documents to anyone, the type's default assignee included. Now it
-- applies whenever a user acts; only activities created without one (the customer's answer on the
-- quotation page, assigned to the quotation's salesperson) are left out.
-- Defaults and checks of a new or changed activity (reference §2.16), on leads and quotations.
CREATE OR REPLACE FUNCTION embudo.mail_activity_before_write() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    kind public.mail_activity_type;
    salesperson int;
    me int := embudo.current_user_id();
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.res_model IS NULL AND NEW.res_model_id IS NOT NULL THEN
            NEW.res_model := (SELECT m.model FROM public.ir_model m WHERE m.id = NEW.res_model_id);
        END IF;
        IF NEW.res_model IS NULL OR NEW.res_model NOT IN ('crm.lead', 'sale.order') THEN
            PERFORM embudo.refuse('validation', 'Activities can be scheduled on leads, opportunities and quotations only.');
        END IF;
        NEW.res_model_id := coalesce(NEW.res_model_id, (SELECT m.id FROM public.ir_model m WHERE m.model = NEW.res_model));
        IF NOT embudo.document_visible(NEW.res_model, NEW.res_id) THEN
            PERFORM embudo.refuse('access', 'You cannot schedule an activity on a document you cannot change.');
        END IF;
        -- The document's company, whichever of the caller's companies is the current one.
        NEW.company_id := CASE NEW.res_model WHEN 'crm.lead' THEN (SELECT l.company_id FROM public.crm_lead l WHERE l.id = NEW.res_id)
                                             ELSE (SELECT o.company_id FROM public.sale_order o WHERE o.id = NEW.res_id) END;
        IF NEW.activity_type_id IS NULL THEN
            SELECT t.id INTO NEW.activity_type_id FROM public.mail_activity_type t
            WHERE t.company_id = NEW.company_id AND t.active AND (t.res_model IS NULL OR t.res_model = NEW.res_model)
            ORDER BY EXISTS (SELECT 1 FROM public.ir_model_data d WHERE d.company_id = t.company_id AND d.model = 'mail.activity.type'
                                 AND d.res_id = t.id AND d.module = 'mail' AND d.name = 'mail_activity_data_todo') DESC,
                     t.res_model IS NULL, t.sequence, t.id
            LIMIT 1;
        END IF;
        SELECT * INTO kind FROM public.mail_activity_type t WHERE t.company_id = NEW.company_id AND t.id = NEW.activity_type_id;
        IF kind.res_model IS NOT NULL AND kind.res_model <> NEW.res_model THEN
            PERFORM embudo.refuse('validation', format('The activity type %s is not available on this kind of document.', kind.name));
        END IF;
        NEW.summary := coalesce(NEW.summary, kind.summary);
        NEW.note := coalesce(NEW.note, kind.default_description);
        NEW.user_id := coalesce(NEW.user_id, kind.default_user_id, me);
        IF NEW.date_deadline IS NULL THEN
            NEW.date_deadline := CASE WHEN NEW.automated THEN embudo.user_today(NEW.user_id)
                                      ELSE embudo.activity_deadline(NEW.company_id, NEW.activity_type_id, embudo.user_today(me)) END;
        END IF;
        NEW.res_name := CASE NEW.res_model WHEN 'crm.lead' THEN (SELECT l.name FROM public.crm_lead l WHERE l.id = NEW.res_id)
                                           WHEN 'sale.order' THEN (SELECT o.name FROM public.sale_order o WHERE o.id = NEW.res_id) END;
    ELSIF NEW.res_model IS DISTINCT FROM OLD.res_model OR NEW.res_id IS DISTINCT FROM OLD.res_id OR NEW.company_id <> OLD.company_id THEN
        PERFORM embudo.refuse('validation', 'An activity cannot move to another document.');
    END IF;
    -- The assignee must be able to read the document (whenever a user acts, activity_schedule included).
    IF (TG_OP = 'INSERT' OR NEW.user_id IS DISTINCT FROM OLD.user_id) AND NEW.user_id IS DISTINCT FROM me AND me IS NOT NULL THEN
        salesperson := CASE NEW.res_model WHEN 'crm.lead' THEN (SELECT l.user_id FROM public.crm_lead l WHERE l.id = NEW.res_id)
                                          ELSE (SELECT o.user_id FROM public.sale_order o WHERE o.id = NEW.res_id) END;
        IF NOT embudo.member_reads_lead(NEW.company_id, NEW.user_id, salesperson) THEN
            PERFORM embudo.refuse('access', format('%s cannot read this document: assign the activity to someone who can.',
                                                   coalesce((SELECT u.name FROM public.res_users u WHERE u.id = NEW.user_id), 'That user')));
        END IF;
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO public.mail_followers (company_id, res_model, res_id, user_id)
        VALUES (NEW.company_id, NEW.res_model, NEW.res_id, NEW.user_id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NEW;
END
$$;
