-- The history of documents (leads and orders): messages with their subtypes and tracking values,
-- followers, and the attachments of messages. A message, follower or attachment belongs to a document
-- (model, res_id, and the generated lead_id or order_id): the document's own visibility decides who
-- reads it, and deleting the document deletes them.

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

SELECT embudo.enable_tenancy('mail_message');
SELECT embudo.enable_document_policy('mail_message', 'with_document_read', 'FOR SELECT USING (%s)');
-- Messages are written by the lead triggers and by message_post, which checks the lead first; a
-- salesperson handing a lead over still gets the tracking message written after the lead left sight.
SELECT embudo.replace_policy('mail_message', 'service_post', 'FOR INSERT TO embudo_service WITH CHECK (true)');
SELECT embudo.replace_policy('mail_message', 'admin_delete', 'FOR DELETE TO embudo_service '
    'USING (company_id = ANY ((SELECT embudo.company_ids(''admin''))::int[]))');
-- Messages and followers of merged leads move to the surviving one (embudo.crm_merge).
GRANT UPDATE (res_id, subject) ON mail_message TO embudo_service;
SELECT embudo.enable_document_policy('mail_message', 'with_document_move', 'FOR UPDATE TO embudo_service USING (%s) WITH CHECK (true)');

SELECT embudo.enable_tenancy('mail_tracking_value');
SELECT embudo.replace_policy('mail_tracking_value', 'with_message_read',
    format('FOR SELECT USING (%s)', embudo.visible_row('mail_message', 'mail_message_id')));
SELECT embudo.replace_policy('mail_tracking_value', 'service_create', 'FOR INSERT TO embudo_service WITH CHECK (true)');

-- Followers of a document: internal users (user_id) or contacts (partner_id).
SELECT embudo.enable_tenancy('mail_followers');
SELECT embudo.enable_document_policy('mail_followers', 'with_document', 'TO embudo_service USING (%s) WITH CHECK (true)');
SELECT embudo.replace_policy('mail_followers', 'bi_read', 'FOR SELECT TO embudo_bi USING (true)');

-- Attachments of documents (those of incoming mail, and files members upload), stored per company with the
-- document they belong to: read and added with the document, never changed, deleted by who added them
-- or an administrator.
SELECT embudo.enable_tenancy('ir_attachment');
SELECT embudo.enable_document_policy('ir_attachment', 'with_document', 'FOR SELECT USING (%s)');
-- Added as oneself, and with a message only of the same document.
SELECT embudo.enable_document_policy('ir_attachment', 'with_document_create', 'FOR INSERT TO embudo_service WITH CHECK ((%s) '
    'AND create_uid IS NOT DISTINCT FROM (SELECT embudo.current_user_id()) '
    'AND (mail_message_id IS NULL OR EXISTS (SELECT 1 FROM mail_message m WHERE m.company_id = ir_attachment.company_id '
    'AND m.id = mail_message_id AND m.model = ir_attachment.res_model AND m.res_id = ir_attachment.res_id)))');
SELECT embudo.replace_policy('ir_attachment', 'creator_or_admin_delete', 'FOR DELETE TO embudo_service USING ('
    'create_uid = (SELECT embudo.current_user_id()) OR company_id = ANY ((SELECT embudo.company_ids(''admin''))::int[]))');
ALTER TABLE ir_attachment ALTER COLUMN create_uid SET DEFAULT embudo.current_user_id();
REVOKE UPDATE ON ir_attachment FROM embudo_service;

GRANT EXECUTE ON FUNCTION embudo.subtype(text) TO embudo_service;
