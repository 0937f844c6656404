-- A document's history carries the document's salesperson, as its activities do (migration 0026), so
-- that the policies of messages, followers, attachments and outgoing mail read their own columns instead of looking
-- the document up for every row (issue 24: Citus refuses subqueries in policies; sql/modules/mail/
-- messages.sql). Each of mail_message, mail_followers and ir_attachment gets lead_salesperson_key and
-- order_salesperson_key, NULL but for its own kind of document (a check says which), each tied by a
-- foreign key (company_id, res_id, copy) to the document's (company_id, id, salesperson_key) ON UPDATE
-- CASCADE ON DELETE CASCADE.
--
-- Tracking values follow their message: a message has a generated `salesperson_key` (whichever copy it
-- holds), and a tracking value a copy of it, tied by a foreign key (company_id, mail_message_id,
-- salesperson_key) to the message's, ON UPDATE CASCADE: a new salesperson reaches the lead's messages,
-- and from them their tracking values.
--
-- Filled in with row-level security lifted for the owner and the tables' triggers off, as in 0024.
ALTER TABLE crm_lead NO FORCE ROW LEVEL SECURITY;
ALTER TABLE sale_order NO FORCE ROW LEVEL SECURITY;
DO $copies$
DECLARE
    target record;
BEGIN
    FOR target IN SELECT * FROM (VALUES ('mail_message', 'model'), ('mail_followers', 'res_model'), ('ir_attachment', 'res_model')) t (tab, kind)
    LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN lead_salesperson_key int, ADD COLUMN order_salesperson_key int', target.tab);
        EXECUTE format('ALTER TABLE %I NO FORCE ROW LEVEL SECURITY', target.tab);
        EXECUTE format('ALTER TABLE %I DISABLE TRIGGER USER', target.tab);
        EXECUTE format('UPDATE %I c SET lead_salesperson_key = l.salesperson_key FROM crm_lead l '
                       'WHERE c.%I = ''crm.lead'' AND l.company_id = c.company_id AND l.id = c.res_id', target.tab, target.kind);
        EXECUTE format('UPDATE %I c SET order_salesperson_key = o.salesperson_key FROM sale_order o '
                       'WHERE c.%I = ''sale.order'' AND o.company_id = c.company_id AND o.id = c.res_id', target.tab, target.kind);
        EXECUTE format('ALTER TABLE %I ENABLE TRIGGER USER', target.tab);
        EXECUTE format('ALTER TABLE %1$I ADD CONSTRAINT %2$I CHECK ((lead_id IS NULL) = (lead_salesperson_key IS NULL) '
                       'AND (order_id IS NULL) = (order_salesperson_key IS NULL)), '
                       'ADD CONSTRAINT %3$I FOREIGN KEY (company_id, res_id, lead_salesperson_key) '
                       'REFERENCES crm_lead (company_id, id, salesperson_key) ON UPDATE CASCADE ON DELETE CASCADE, '
                       'ADD CONSTRAINT %4$I FOREIGN KEY (company_id, res_id, order_salesperson_key) '
                       'REFERENCES sale_order (company_id, id, salesperson_key) ON UPDATE CASCADE ON DELETE CASCADE',
                       target.tab, target.tab || '_document_salesperson', target.tab || '_lead_salesperson_key_fkey',
                       target.tab || '_order_salesperson_key_fkey');
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', target.tab);
    END LOOP;
END
$copies$;
ALTER TABLE crm_lead FORCE ROW LEVEL SECURITY;
ALTER TABLE sale_order FORCE ROW LEVEL SECURITY;

ALTER TABLE mail_message ADD COLUMN salesperson_key int GENERATED ALWAYS AS (coalesce(lead_salesperson_key, order_salesperson_key)) STORED;
CREATE UNIQUE INDEX mail_message_salesperson_key ON mail_message (company_id, id, salesperson_key);

ALTER TABLE mail_tracking_value ADD COLUMN salesperson_key int;
ALTER TABLE mail_tracking_value NO FORCE ROW LEVEL SECURITY;
ALTER TABLE mail_message NO FORCE ROW LEVEL SECURITY;
ALTER TABLE mail_tracking_value DISABLE TRIGGER USER;
UPDATE mail_tracking_value t SET salesperson_key = m.salesperson_key FROM mail_message m
WHERE m.company_id = t.company_id AND m.id = t.mail_message_id;
ALTER TABLE mail_tracking_value ENABLE TRIGGER USER;
ALTER TABLE mail_tracking_value ALTER COLUMN salesperson_key SET NOT NULL,
    ADD CONSTRAINT mail_tracking_value_salesperson_key_fkey FOREIGN KEY (company_id, mail_message_id, salesperson_key)
        REFERENCES mail_message (company_id, id, salesperson_key) ON UPDATE CASCADE ON DELETE CASCADE;
ALTER TABLE mail_tracking_value FORCE ROW LEVEL SECURITY;
ALTER TABLE mail_message FORCE ROW LEVEL SECURITY;

-- Outgoing mail about a lead or an order carries its salesperson the same way (mail_mail has model and
-- res_id, no generated lead_id or order_id), and is now deleted with its document. Mail about a
-- document deleted before (nothing tied the two) keeps its text and loses the link.
ALTER TABLE mail_mail ADD COLUMN lead_salesperson_key int, ADD COLUMN order_salesperson_key int;
ALTER TABLE crm_lead NO FORCE ROW LEVEL SECURITY;
ALTER TABLE sale_order NO FORCE ROW LEVEL SECURITY;
ALTER TABLE mail_mail DISABLE TRIGGER USER;
UPDATE mail_mail m SET model = NULL, res_id = NULL
WHERE m.model = 'crm.lead' AND NOT EXISTS (SELECT 1 FROM crm_lead l WHERE l.company_id = m.company_id AND l.id = m.res_id)
   OR m.model = 'sale.order' AND NOT EXISTS (SELECT 1 FROM sale_order o WHERE o.company_id = m.company_id AND o.id = m.res_id);
UPDATE mail_mail m SET lead_salesperson_key = l.salesperson_key FROM crm_lead l
WHERE m.model = 'crm.lead' AND l.company_id = m.company_id AND l.id = m.res_id;
UPDATE mail_mail m SET order_salesperson_key = o.salesperson_key FROM sale_order o
WHERE m.model = 'sale.order' AND o.company_id = m.company_id AND o.id = m.res_id;
ALTER TABLE mail_mail ENABLE TRIGGER USER;
ALTER TABLE mail_mail
    ADD CONSTRAINT mail_mail_document_salesperson
        CHECK ((model IS NOT DISTINCT FROM 'crm.lead') = (lead_salesperson_key IS NOT NULL)
               AND (model IS NOT DISTINCT FROM 'sale.order') = (order_salesperson_key IS NOT NULL)),
    ADD CONSTRAINT mail_mail_lead_salesperson_key_fkey FOREIGN KEY (company_id, res_id, lead_salesperson_key)
        REFERENCES crm_lead (company_id, id, salesperson_key) ON UPDATE CASCADE ON DELETE CASCADE,
    ADD CONSTRAINT mail_mail_order_salesperson_key_fkey FOREIGN KEY (company_id, res_id, order_salesperson_key)
        REFERENCES sale_order (company_id, id, salesperson_key) ON UPDATE CASCADE ON DELETE CASCADE;
ALTER TABLE crm_lead FORCE ROW LEVEL SECURITY;
ALTER TABLE sale_order FORCE ROW LEVEL SECURITY;

-- Left unused: history reads its own copies now (sql/modules/mail/messages.sql).
DROP FUNCTION IF EXISTS embudo.enable_document_policy(regclass, name, text);
