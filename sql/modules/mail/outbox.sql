-- Outgoing e-mail (Odoo's mail.mail): a queue in PostgreSQL that a delivery worker empties by SMTP, with
-- retries and a visible state per message. The service writes and reads a company's own mail through
-- the tenant fence; the worker, which serves every company, claims and settles messages only through
-- the SECURITY DEFINER functions below (the table's owner is not held by the fence on this table).

SELECT embudo.enable_tenancy('mail_mail');
-- The delivery worker's functions run as the owner and must see every company's queue.
ALTER TABLE mail_mail NO FORCE ROW LEVEL SECURITY;
REVOKE DELETE ON mail_mail FROM embudo_service;
-- What the service sees of outgoing mail, in one policy (USING serves as the check of new and changed
-- rows too):
-- 1. The messages of an invitation are the invitee's alone: hidden from every member of the inviting
--    company, its administrators included (the activation link is a password in all but name). They are
--    queued by the owner (NO FORCE on mail_mail: base/invitations.sql) and claimed by the worker's owner
--    functions.
-- 2. The mail of meetings (invitations, updates, cancellations, answers, reminders: calendar/invitations.sql)
--    carries what a meeting is, a private one's too, and a contact's answer link: a member sees only the
--    mail they queued themselves, whatever their access level (the reminders, queued by the worker,
--    nobody).
-- 3. Other mail follows its document: quotation e-mails carry the customer's link, which a salesperson
--    with "own documents" must not read on a colleague's quotation. A member sees (and changes) the mail
--    of documents they can see and the mail they queued; "all documents" sees the company's. Mail about
--    a lead or an order carries its salesperson (lead_salesperson_key, order_salesperson_key, migration
--    0029, filled in by embudo.copy_document_salesperson, messages.sql), as the document's history does,
--    and is deleted with its document.
-- The first two were restrictive policies of their own; a tenant table takes permissive policies only
-- (base/policies.sql says why).
SELECT embudo.replace_policy('mail_mail', 'with_document', format('TO embudo_service USING ('
    'model IS DISTINCT FROM ''res.users'' '
    'AND ((calendar_method IS NULL AND model IS DISTINCT FROM ''calendar.event'') OR create_uid = (SELECT embudo.current_user_id())) '
    'AND (%s OR create_uid = (SELECT embudo.current_user_id())))', embudo.personal_or_all('= 0', 'lead_salesperson_key', 'order_salesperson_key')));
CREATE OR REPLACE TRIGGER salesperson_key BEFORE INSERT OR UPDATE OF company_id, model, res_id ON mail_mail
FOR EACH ROW EXECUTE FUNCTION embudo.copy_document_salesperson();
-- Queued mail outlives the message it was written from (base/policies.sql, embudo.enable_unlink).
SELECT embudo.enable_unlink('mail_mail', 'mail_message_id', 'mail_message');

-- Claims up to `batch` due messages for delivery: each is leased for `lease` (a worker that dies leaves
-- it to be claimed again after that) and counts an attempt. Concurrent workers never get the same one.
-- Each comes with the Message-ID recorded when it was queued, which the worker sends it with, and an
-- invitation's iCalendar part.
CREATE OR REPLACE FUNCTION embudo.mail_claim(batch int, lease interval)
RETURNS TABLE (id int, email_from text, email_to text, email_cc text, reply_to text, subject text, body_html text, attempts int, message_id text,
               calendar_ics text, calendar_method text)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    UPDATE public.mail_mail m
    SET attempts = m.attempts + 1, next_attempt_at = now() + lease, write_date = now()
    WHERE m.id IN (SELECT d.id FROM public.mail_mail d WHERE d.state = 'outgoing' AND d.next_attempt_at <= now()
                   ORDER BY d.next_attempt_at, d.id LIMIT batch FOR UPDATE SKIP LOCKED)
    RETURNING m.id, m.email_from, m.email_to, m.email_cc, m.reply_to, m.subject, m.body_html, m.attempts, m.message_id,
              m.calendar_ics, m.calendar_method;
END
$$;

-- A claimed message was accepted by the relay, with this Message-ID (without angle brackets).
CREATE OR REPLACE FUNCTION embudo.mail_sent(message int, sent_message_id text DEFAULT NULL) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
    UPDATE public.mail_mail SET state = 'sent', sent_at = now(), failure_reason = NULL, write_date = now(),
                                message_id = coalesce(sent_message_id, message_id)
    WHERE id = message AND state = 'outgoing';
END
$$;

-- A claimed message failed: retried after `retry_in`, or in exception once its attempts are spent (or
-- at once when the failure is permanent).
CREATE OR REPLACE FUNCTION embudo.mail_failed(message int, reason text, retry_in interval, permanent boolean) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
DECLARE
    outcome text;
BEGIN
    UPDATE public.mail_mail
    SET state = CASE WHEN permanent OR attempts >= max_attempts THEN 'exception' ELSE 'outgoing' END,
        next_attempt_at = now() + retry_in, failure_reason = left(reason, 2000), write_date = now()
    WHERE id = message AND state = 'outgoing'
    RETURNING state INTO outcome;
    RETURN outcome;
END
$$;

GRANT EXECUTE ON FUNCTION embudo.mail_claim(int, interval), embudo.mail_sent(int, text), embudo.mail_failed(int, text, interval, boolean)
TO embudo_service;

-- ---------------------------------------------------------------------------------------------------
-- Who may send what as whom
-- ---------------------------------------------------------------------------------------------------

-- The addresses (addr-spec, as written) of an address list, read exactly as the delivery worker reads it
-- (Sources/EmbudoMail/MailAddress.swift, parseList): items separated by commas or semicolons outside
-- quotes and angle brackets; each item `addr`, `<addr>`, `Name <addr>` or `"Name" <addr>`, the address
-- being in the last angle brackets; an address is ASCII without spaces or specials, with one @. Returns
-- NULL when an item cannot be read (the worker would refuse the message), '{}' for NULL or blank text.
CREATE OR REPLACE FUNCTION embudo.mail_address_list(header text) RETURNS text[]
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
CREATE OR REPLACE FUNCTION embudo.mail_format_address(display text, address text) RETURNS text
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
CREATE OR REPLACE FUNCTION embudo.mail_sender_allowed(company int, person int, address text) RETURNS boolean
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT EXISTS (SELECT 1 FROM public.res_users u
                       WHERE u.id = person
                         AND lower(address) IN (embudo.normalize_email(u.email), CASE WHEN u.login ~ '^[^@\s<>]+@[^@\s<>]+$' THEN lower(u.login) END))
            OR EXISTS (SELECT 1 FROM public.res_company c
                       WHERE c.id = company
                         AND (lower(split_part(address, '@', 2)) = c.alias_domain
                              OR (c.alias_domain IS NULL AND lower(address) IN ('noreply@localhost', 'mailer-daemon@localhost'))))
    );
END
$$;

-- A new Message-ID (without angle brackets): 128 random bits at the company's mail domain, else at the
-- sender's domain, else at localhost. Nobody can guess it, so only someone who received the message can
-- answer it into its record.
CREATE OR REPLACE FUNCTION embudo.mail_new_message_id(company int, sender text) RETURNS text
LANGUAGE plpgsql VOLATILE
AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT embudo.random_token(16) || '@'
            || coalesce((SELECT c.alias_domain FROM public.res_company c WHERE c.id = company),
                        nullif(split_part(embudo.normalize_email(sender), '@', 2), ''), 'localhost')
    );
END
$$;

-- The rules of outgoing mail queued or changed by the service (any other role is the delivery worker's
-- functions, a migration or the operator: only the Message-ID is given to their new mail):
-- * the company: raw mail needs "all documents" there, unless one of the CRM's own functions queues it
--   on behalf of the user (embudo.mail_on_behalf, set by crm_lead_send_mail and sale_send_quotation
--   around their INSERT; the gateway's bounce is queued by the gateway's user, who has "all documents");
-- * the sender is one address, and it and every Reply-To address pass embudo.mail_sender_allowed;
-- * the document (model, res_id) is a lead, a quotation or a meeting of that company that the user can write: a
--   row lock under row-level security applies the UPDATE policies (FOR KEY SHARE, the weakest lock,
--   which no ordinary change of the document waits for); mail about anything else is refused;
-- * the delivery fields (state, attempts, next attempt, Message-ID, message, failure, sent date,
--   creator) are set here on INSERT and never changed by the service; only mail still waiting to be
--   sent can be changed.
CREATE OR REPLACE FUNCTION embudo.mail_mail_before_write() RETURNS trigger
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
    -- Only the copies of the document's salesperson change: the document changed hands
    -- (salesperson_key_follows, base/policies.sql), which its mail follows, sent or not. Or the mail of a
    -- lead being merged moves to the surviving lead (embudo.crm_merge names the merged ones).
    IF TG_OP = 'UPDATE' AND (
        to_jsonb(NEW) - '{lead_salesperson_key,order_salesperson_key}'::text[]
            = to_jsonb(OLD) - '{lead_salesperson_key,order_salesperson_key}'::text[]
        OR OLD.model = 'crm.lead' AND NEW.model = 'crm.lead'
           AND OLD.res_id = ANY (string_to_array(nullif(current_setting('embudo.merged_lead_ids', true), ''), ',')::int[])
           AND to_jsonb(NEW) - '{res_id,lead_salesperson_key,order_salesperson_key}'::text[]
               = to_jsonb(OLD) - '{res_id,lead_salesperson_key,order_salesperson_key}'::text[]) THEN
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
        ELSIF NEW.model = 'calendar.event' THEN
            PERFORM 1 FROM public.calendar_event e WHERE e.company_id = NEW.company_id AND e.id = NEW.res_id FOR KEY SHARE;
        ELSIF NEW.model IS NOT NULL THEN
            PERFORM embudo.refuse('validation', 'Mail can be about leads, opportunities, quotations and meetings only.');
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

CREATE OR REPLACE TRIGGER rules BEFORE INSERT OR UPDATE ON mail_mail FOR EACH ROW EXECUTE FUNCTION embudo.mail_mail_before_write();

-- The sender of the mail the CRM writes for a user (quotations, meetings): the acting user's address,
-- else the company's noreply address at its mail domain (noreply@localhost without one), never someone
-- else's address on their behalf.
CREATE OR REPLACE FUNCTION embudo.mail_sender(company int) RETURNS text
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT coalesce((SELECT embudo.mail_format_address(u.name, embudo.normalize_email(u.email)) FROM public.res_users u
                         WHERE u.id = embudo.current_user_id() AND embudo.normalize_email(u.email) IS NOT NULL),
                        (SELECT embudo.mail_format_address(c.name, 'noreply@' || coalesce(c.alias_domain, 'localhost'))
                         FROM public.res_company c WHERE c.id = company))
    );
END
$$;

GRANT EXECUTE ON FUNCTION embudo.mail_address_list(text), embudo.mail_format_address(text, text), embudo.mail_sender_allowed(int, int, text),
    embudo.mail_new_message_id(int, text), embudo.mail_mail_before_write(), embudo.mail_sender(int)
TO embudo_service;
