-- Activities carry their document's salesperson, as the rows of migration 0024 do, so that their
-- policies read it instead of looking the document up (issue 24; sql/modules/activities/activities.sql).
-- An activity follows a lead or an order (res_model, res_id): it has a copy for each,
-- lead_salesperson_key and order_salesperson_key, NULL but for its own kind, each tied by a foreign key
-- (company_id, res_id, copy) to the document's (company_id, id, salesperson_key) ON UPDATE CASCADE.
-- (A foreign key with a NULL column is not checked: the other kind's is never in the way. lead_id and
-- order_id cannot be the key's columns: a cascade sets every column of the key, and they are generated.)
-- A check holds each copy present exactly when the activity follows that kind of document.
--
-- Filled in with row-level security lifted for the owner and the table's triggers off, as in 0024.
ALTER TABLE mail_activity ADD COLUMN lead_salesperson_key int, ADD COLUMN order_salesperson_key int;
ALTER TABLE mail_activity NO FORCE ROW LEVEL SECURITY;
ALTER TABLE crm_lead NO FORCE ROW LEVEL SECURITY;
ALTER TABLE sale_order NO FORCE ROW LEVEL SECURITY;
ALTER TABLE mail_activity DISABLE TRIGGER USER;
UPDATE mail_activity a SET lead_salesperson_key = l.salesperson_key FROM crm_lead l WHERE l.company_id = a.company_id AND l.id = a.lead_id;
UPDATE mail_activity a SET order_salesperson_key = o.salesperson_key FROM sale_order o WHERE o.company_id = a.company_id AND o.id = a.order_id;
ALTER TABLE mail_activity ENABLE TRIGGER USER;
ALTER TABLE mail_activity
    ADD CONSTRAINT mail_activity_document_salesperson
        CHECK ((lead_id IS NULL) = (lead_salesperson_key IS NULL) AND (order_id IS NULL) = (order_salesperson_key IS NULL)),
    ADD CONSTRAINT mail_activity_lead_salesperson_key_fkey FOREIGN KEY (company_id, res_id, lead_salesperson_key)
        REFERENCES crm_lead (company_id, id, salesperson_key) ON UPDATE CASCADE ON DELETE CASCADE,
    ADD CONSTRAINT mail_activity_order_salesperson_key_fkey FOREIGN KEY (company_id, res_id, order_salesperson_key)
        REFERENCES sale_order (company_id, id, salesperson_key) ON UPDATE CASCADE ON DELETE CASCADE;
ALTER TABLE mail_activity FORCE ROW LEVEL SECURITY;
ALTER TABLE crm_lead FORCE ROW LEVEL SECURITY;
ALTER TABLE sale_order FORCE ROW LEVEL SECURITY;

-- The helper's signature changed (several salesperson columns); the definitions create the new one.
DROP FUNCTION IF EXISTS embudo.personal_or_all(name, text);
