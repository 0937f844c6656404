-- The history of documents (leads and orders): messages with their subtypes and tracking values,
-- followers, and the attachments of messages. A message, follower or attachment belongs to a document
-- (model, res_id, and the generated lead_id or order_id): the document's own visibility decides who
-- reads it, and deleting the document deletes them.
--
-- "The document is visible" is read from the row itself: each carries the document's salesperson
-- (migration 0029: lead_salesperson_key or order_salesperson_key, NULL but for its own kind; the
-- document's salesperson_key_follows trigger writes a new one, and a foreign key to the document's
-- salesperson_key, checked at commit, refuses one that differs), as activities do, so that
-- no policy looks the document up (Citus refuses that, issue 24) and a chatter of 50 messages does not
-- probe its lead 50 times. Tracking values copy their message's (mail_message.salesperson_key).

-- Message subtypes are global.
GRANT SELECT ON mail_message_subtype TO embudo_service, embudo_report;

-- The id of a subtype by external id. (PL/pgSQL, so that its plan is kept: a SQL function with a query
-- is planned again at every statement that calls it, activities/activities.sql says more.)
CREATE OR REPLACE FUNCTION embudo.subtype(xmlid text) RETURNS int
LANGUAGE plpgsql STABLE
AS $$
BEGIN
    RETURN (SELECT d.res_id FROM public.ir_model_data d
            WHERE d.module = split_part(subtype.xmlid, '.', 1) AND d.name = split_part(subtype.xmlid, '.', 2) AND d.company_id IS NULL);
END
$$;

-- The salesperson_key of a document (a lead or an order) in a company, or NULL when it is not found.
CREATE OR REPLACE FUNCTION embudo.document_salesperson_key(kind text, company int, document int) RETURNS int
LANGUAGE plpgsql STABLE
AS $$
BEGIN
    IF kind = 'crm.lead' THEN
        RETURN (SELECT d.salesperson_key FROM public.crm_lead d WHERE d.company_id = company AND d.id = document);
    ELSIF kind = 'sale.order' THEN
        RETURN (SELECT d.salesperson_key FROM public.sale_order d WHERE d.company_id = company AND d.id = document);
    END IF;
    RETURN NULL;
END
$$;

-- The salesperson_key of a message, or NULL when it is not found.
CREATE OR REPLACE FUNCTION embudo.message_salesperson_key(company int, message int) RETURNS int
LANGUAGE plpgsql STABLE
AS $$
BEGIN
    RETURN (SELECT m.salesperson_key FROM public.mail_message m WHERE m.company_id = company AND m.id = message);
END
$$;

-- The same two, read as the tables' owner, who sees the documents and messages of the request's
-- companies whatever the user's level (owner_exists). History is often written by someone who does not
-- see its document: the customer's page writes on the opportunity of a quotation, a reply by e-mail
-- on a colleague's lead. That widens nothing: the row is read back under the document's rule, and
-- writing history was never limited to visible documents (service_post).
-- They answer only inside a trigger (the copies' own, below): called directly, they would tell the
-- service the salesperson of a document its user cannot see.
CREATE OR REPLACE FUNCTION embudo.document_salesperson_key_as_owner(kind text, company int, document int) RETURNS int
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$ SELECT CASE WHEN pg_trigger_depth() > 0 THEN embudo.document_salesperson_key(kind, company, document) END $$;
CREATE OR REPLACE FUNCTION embudo.message_salesperson_key_as_owner(company int, message int) RETURNS int
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$ SELECT CASE WHEN pg_trigger_depth() > 0 THEN embudo.message_salesperson_key(company, message) END $$;
REVOKE EXECUTE ON FUNCTION embudo.document_salesperson_key_as_owner(text, int, int), embudo.message_salesperson_key_as_owner(int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION embudo.document_salesperson_key_as_owner(text, int, int), embudo.message_salesperson_key_as_owner(int, int) TO embudo_service;

-- The trigger of a document's history (messages, followers, attachments, outgoing mail): the document's
-- salesperson_key into the copy of its kind, read in the row's company, whatever the INSERT gave (the
-- foreign key would refuse a wrong one anyway): with the writer's own rights, else as the owner. A
-- document that does not exist in the request's companies is refused as its foreign key would refuse it.
CREATE OR REPLACE FUNCTION embudo.copy_document_salesperson() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    kind text;
    key int;
BEGIN
    IF TG_TABLE_NAME IN ('mail_message', 'mail_mail') THEN
        kind := NEW.model;
    ELSE
        kind := NEW.res_model;
    END IF;
    NEW.lead_salesperson_key := NULL;
    NEW.order_salesperson_key := NULL;
    IF kind IS NULL OR kind NOT IN ('crm.lead', 'sale.order') THEN
        -- No document, or another kind (mail about a meeting; the check on the model of the history's
        -- tables refuses any other).
        RETURN NEW;
    END IF;
    key := coalesce(embudo.document_salesperson_key(kind, NEW.company_id, NEW.res_id),
                    embudo.document_salesperson_key_as_owner(kind, NEW.company_id, NEW.res_id));
    IF key IS NULL THEN
        RAISE EXCEPTION 'the % % does not exist', kind, NEW.res_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    NEW.lead_salesperson_key := CASE WHEN kind = 'crm.lead' THEN key END;
    NEW.order_salesperson_key := CASE WHEN kind = 'sale.order' THEN key END;
    RETURN NEW;
END
$$;

-- The trigger of tracking values: their message's salesperson_key, in the same way.
CREATE OR REPLACE FUNCTION embudo.copy_message_salesperson() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.salesperson_key := coalesce(embudo.message_salesperson_key(NEW.company_id, NEW.mail_message_id),
                                    embudo.message_salesperson_key_as_owner(NEW.company_id, NEW.mail_message_id));
    IF NEW.salesperson_key IS NULL THEN
        RAISE EXCEPTION 'the message % does not exist', NEW.mail_message_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END
$$;

-- An attachment added with a message belongs to the message's document (read with the request's rights:
-- the message of a document it cannot see is not found).
CREATE OR REPLACE FUNCTION embudo.ir_attachment_message_document() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM public.mail_message m WHERE m.company_id = NEW.company_id AND m.id = NEW.mail_message_id
                   AND m.model = NEW.res_model AND m.res_id = NEW.res_id) THEN
        PERFORM embudo.refuse('access', 'An attachment of a message belongs to the message''s document.');
    END IF;
    RETURN NEW;
END
$$;

SELECT embudo.enable_tenancy('mail_message');
CREATE OR REPLACE TRIGGER salesperson_key BEFORE INSERT OR UPDATE OF company_id, model, res_id ON mail_message
FOR EACH ROW EXECUTE FUNCTION embudo.copy_document_salesperson();
SELECT embudo.replace_policy('mail_message', 'with_document_read', format('FOR SELECT USING (%s)', embudo.personal_or_all('= 0', 'salesperson_key')));
-- Messages are written by the lead triggers and by message_post, which checks the lead first; a
-- salesperson handing a lead over still gets the tracking message written after the lead left sight.
SELECT embudo.replace_policy('mail_message', 'service_post', 'FOR INSERT TO embudo_service WITH CHECK (true)');
SELECT embudo.replace_policy('mail_message', 'admin_delete', 'FOR DELETE TO embudo_service '
    'USING (company_id = ANY ((SELECT embudo.company_ids(''admin''))::int[]))');
-- Messages and followers of merged leads move to the surviving one (embudo.crm_merge); a new salesperson
-- reaches the copies (embudo.crm_lead_salesperson_follows and its order's), and from a message its tracking values'.
GRANT UPDATE (res_id, subject, lead_salesperson_key, order_salesperson_key) ON mail_message TO embudo_service;
CREATE OR REPLACE FUNCTION embudo.mail_message_salesperson_follows() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE public.mail_tracking_value SET salesperson_key = NEW.salesperson_key
    WHERE company_id = NEW.company_id AND mail_message_id = NEW.id AND salesperson_key = OLD.salesperson_key;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER salesperson_key_follows AFTER UPDATE ON mail_message FOR EACH ROW
WHEN (OLD.salesperson_key IS DISTINCT FROM NEW.salesperson_key) EXECUTE FUNCTION embudo.mail_message_salesperson_follows();
SELECT embudo.replace_policy('mail_message', 'with_document_move', format('FOR UPDATE TO embudo_service USING (%s) WITH CHECK (true)',
    embudo.personal_or_all('= 0', 'salesperson_key')));
-- The owner reads the messages of the request's companies, for the tracking values' copies.
SELECT embudo.replace_policy('mail_message', 'owner_exists', 'FOR SELECT TO embudo_owner USING (true)');

SELECT embudo.enable_tenancy('mail_tracking_value');
CREATE OR REPLACE TRIGGER salesperson_key BEFORE INSERT OR UPDATE OF company_id, mail_message_id ON mail_tracking_value
FOR EACH ROW EXECUTE FUNCTION embudo.copy_message_salesperson();
SELECT embudo.replace_policy('mail_tracking_value', 'with_message_read', format('FOR SELECT USING (%s)', embudo.personal_or_all('= 0', 'salesperson_key')));
SELECT embudo.replace_policy('mail_tracking_value', 'service_create', 'FOR INSERT TO embudo_service WITH CHECK (true)');
-- Only the copy changes, when the document changes hands.
SELECT embudo.replace_policy('mail_tracking_value', 'with_message_follow', format('FOR UPDATE TO embudo_service USING (%1$s) WITH CHECK (%1$s)',
    embudo.personal_or_all('= 0', 'salesperson_key')));
REVOKE UPDATE ON mail_tracking_value FROM embudo_service;
GRANT UPDATE (salesperson_key) ON mail_tracking_value TO embudo_service;

-- Followers of a document: internal users (user_id) or contacts (partner_id).
SELECT embudo.enable_tenancy('mail_followers');
CREATE OR REPLACE TRIGGER salesperson_key BEFORE INSERT OR UPDATE OF company_id, res_model, res_id ON mail_followers
FOR EACH ROW EXECUTE FUNCTION embudo.copy_document_salesperson();
SELECT embudo.replace_policy('mail_followers', 'with_document', format('TO embudo_service USING (%s) WITH CHECK (true)',
    embudo.personal_or_all('= 0', 'lead_salesperson_key', 'order_salesperson_key')));
SELECT embudo.replace_policy('mail_followers', 'bi_read', 'FOR SELECT TO embudo_bi USING (true)');

-- Attachments of documents (those of incoming mail, and files members upload), stored per company with the
-- document they belong to: read and added with the document, never changed, deleted by who added them
-- or an administrator (its copies of the document's salesperson follow the document). One added with a
-- message belongs to the message's document (the trigger checks).
SELECT embudo.enable_tenancy('ir_attachment');
CREATE OR REPLACE TRIGGER salesperson_key BEFORE INSERT OR UPDATE OF company_id, res_model, res_id ON ir_attachment
FOR EACH ROW EXECUTE FUNCTION embudo.copy_document_salesperson();
CREATE OR REPLACE TRIGGER message_document BEFORE INSERT OR UPDATE OF company_id, res_model, res_id, mail_message_id ON ir_attachment
FOR EACH ROW WHEN (NEW.mail_message_id IS NOT NULL) EXECUTE FUNCTION embudo.ir_attachment_message_document();
DO $policies$
DECLARE
    visible constant text := embudo.personal_or_all('= 0', 'lead_salesperson_key', 'order_salesperson_key');
BEGIN
    PERFORM embudo.replace_policy('ir_attachment', 'with_document', format('FOR SELECT USING (%s)', visible));
    -- Added as oneself.
    PERFORM embudo.replace_policy('ir_attachment', 'with_document_create', format('FOR INSERT TO embudo_service WITH CHECK ((%s) '
        'AND create_uid IS NOT DISTINCT FROM (SELECT embudo.current_user_id()))', visible));
    -- Only the copies change, when the document changes hands (the grants below).
    PERFORM embudo.replace_policy('ir_attachment', 'with_document_follow', format('FOR UPDATE TO embudo_service USING (%1$s) WITH CHECK (%1$s)', visible));
END
$policies$;
SELECT embudo.replace_policy('ir_attachment', 'creator_or_admin_delete', 'FOR DELETE TO embudo_service USING ('
    'create_uid = (SELECT embudo.current_user_id()) OR company_id = ANY ((SELECT embudo.company_ids(''admin''))::int[]))');
ALTER TABLE ir_attachment ALTER COLUMN create_uid SET DEFAULT embudo.current_user_id();
REVOKE UPDATE ON ir_attachment FROM embudo_service;
GRANT UPDATE (lead_salesperson_key, order_salesperson_key) ON ir_attachment TO embudo_service;

GRANT EXECUTE ON FUNCTION embudo.subtype(text), embudo.document_salesperson_key(text, int, int), embudo.message_salesperson_key(int, int) TO embudo_service;
