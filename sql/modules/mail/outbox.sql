-- Outgoing e-mail (Odoo's mail.mail): a queue in PostgreSQL that a delivery worker empties by SMTP, with
-- retries and a visible state per message. The service writes and reads a company's own mail through
-- the tenant fence; the worker, which serves every company, claims and settles messages only through
-- the SECURITY DEFINER functions below (the table's owner is not held by the fence on this table).

SELECT embudo.enable_tenancy('mail_mail');
-- The delivery worker's functions run as the owner and must see every company's queue.
ALTER TABLE mail_mail NO FORCE ROW LEVEL SECURITY;
REVOKE DELETE ON mail_mail FROM embudo_service;
-- Outgoing mail follows its document: quotation e-mails carry the customer's link, which a salesperson
-- with "own documents" must not read on a colleague's quotation. A member sees (and changes) the mail of
-- documents they can see and the mail they queued; "all documents" sees the company's. (USING serves as
-- the check of new and changed rows too.)
DROP POLICY IF EXISTS with_document ON mail_mail;
CREATE POLICY with_document ON mail_mail TO embudo_service
    USING (company_id = ANY ((SELECT embudo.company_ids('all'))::int[])
           OR create_uid = (SELECT embudo.current_user_id())
           OR (model = 'crm.lead' AND EXISTS (SELECT 1 FROM crm_lead l WHERE l.id = res_id))
           OR (model = 'sale.order' AND EXISTS (SELECT 1 FROM sale_order o WHERE o.id = res_id)));

-- The messages of an invitation are the invitee's alone: hidden from every member of the inviting
-- company, its administrators included (the activation link is a password in all but name). They are
-- queued by the owner (NO FORCE on mail_mail: base/invitations.sql) and claimed by the worker's owner
-- functions.
DROP POLICY IF EXISTS identity_mail_hidden ON mail_mail;
CREATE POLICY identity_mail_hidden ON mail_mail AS RESTRICTIVE TO embudo_service
    USING (model IS DISTINCT FROM 'res.users') WITH CHECK (model IS DISTINCT FROM 'res.users');

-- Claims up to `batch` due messages for delivery: each is leased for `lease` (a worker that dies leaves
-- it to be claimed again after that) and counts an attempt. Concurrent workers never get the same one.
CREATE OR REPLACE FUNCTION embudo.mail_claim(batch int, lease interval)
RETURNS TABLE (id int, email_from text, email_to text, email_cc text, reply_to text, subject text, body_html text, attempts int)
LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    UPDATE public.mail_mail m
    SET attempts = m.attempts + 1, next_attempt_at = now() + lease, write_date = now()
    WHERE m.id IN (SELECT d.id FROM public.mail_mail d WHERE d.state = 'outgoing' AND d.next_attempt_at <= now()
                   ORDER BY d.next_attempt_at, d.id LIMIT batch FOR UPDATE SKIP LOCKED)
    RETURNING m.id, m.email_from, m.email_to, m.email_cc, m.reply_to, m.subject, m.body_html, m.attempts
$$;

-- A claimed message was accepted by the relay, with this Message-ID (without angle brackets).
CREATE OR REPLACE FUNCTION embudo.mail_sent(message int, sent_message_id text DEFAULT NULL) RETURNS void
LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    UPDATE public.mail_mail SET state = 'sent', sent_at = now(), failure_reason = NULL, write_date = now(),
                                message_id = coalesce(sent_message_id, message_id)
    WHERE id = message AND state = 'outgoing'
$$;

-- A claimed message failed: retried after `retry_in`, or in exception once its attempts are spent (or
-- at once when the failure is permanent).
CREATE OR REPLACE FUNCTION embudo.mail_failed(message int, reason text, retry_in interval, permanent boolean) RETURNS text
LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    UPDATE public.mail_mail
    SET state = CASE WHEN permanent OR attempts >= max_attempts THEN 'exception' ELSE 'outgoing' END,
        next_attempt_at = now() + retry_in, failure_reason = left(reason, 2000), write_date = now()
    WHERE id = message AND state = 'outgoing'
    RETURNING state
$$;

GRANT EXECUTE ON FUNCTION embudo.mail_claim(int, interval), embudo.mail_sent(int, text), embudo.mail_failed(int, text, interval, boolean)
TO embudo_service;
