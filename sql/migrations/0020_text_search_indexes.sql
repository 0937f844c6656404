-- Trigram indexes for the searches a sales team types: the lead list's search (name, e-mail, company
-- and contact name, phone), the customer search (name, e-mail, city, phone) and the quotations' (their
-- reference). A search over several fields reads these indexes together only when every field it names
-- has one (BitmapOr); otherwise it reads the company's records. Each leads with company_id (btree_gin), so
-- that a search reads its own company's entries; `embudo.gin_trgm_ops` serves the model layer's
-- `embudo.~~*` and `embudo.~~` (sql/bootstrap.sql says why not ILIKE's own). A search for a word that
-- many records hold still reads the list's index in order and stops after the page: with the
-- column's statistics the planner can now tell the two apart.
--
-- A row's update that is not HOT (a stage move: stage_id is indexed) inserts its trigrams again. GIN
-- queues insertions in a pending list that every search reads through, up to 4 MB by default: after
-- 6,000 stage moves a rare word's search took 7.3 ms instead of 0.8. A 64 kB list keeps searches near
-- 0.9 ms for about the same cost per update (2,000 stage moves: 155-166 ms without the limit, 160-184
-- with it); without a pending list (fastupdate off) updates cost 175-223 ms.
--
-- The migration builds them in its transaction (not CONCURRENTLY), holding writes to these tables
-- meanwhile: 0.4 s per index at 105,000 leads here (2 s for the lead's five); plan it for millions.
--
-- The operator class needs a superuser: migrated by another privileged login, there is none, the
-- searches read the company as before, and a superuser can create these indexes later, as written here.
DO $indexes$
DECLARE
    target record;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_opclass c JOIN pg_namespace n ON n.oid = c.opcnamespace
                   WHERE n.nspname = 'embudo' AND c.opcname = 'gin_trgm_ops') THEN
        RAISE NOTICE 'no text search indexes: the operator class embudo.gin_trgm_ops needs a superuser (see sql/bootstrap.sql)';
        RETURN;
    END IF;
    FOR target IN
        SELECT * FROM (VALUES ('crm_lead', 'name', 'crm_lead_name_search'),
                              ('crm_lead', 'email_from', 'crm_lead_email_search'),
                              ('crm_lead', 'partner_name', 'crm_lead_partner_name_search'),
                              ('crm_lead', 'contact_name', 'crm_lead_contact_name_search'),
                              ('crm_lead', 'phone', 'crm_lead_phone_search'),
                              ('res_partner', 'name', 'res_partner_name_search'),
                              ('res_partner', 'email', 'res_partner_email_search'),
                              ('res_partner', 'city', 'res_partner_city_search'),
                              ('res_partner', 'phone', 'res_partner_phone_search'),
                              ('sale_order', 'name', 'sale_order_name_search')) AS t (tab, col, idx)
    LOOP
        EXECUTE format('CREATE INDEX %I ON %I USING gin (company_id, %I embudo.gin_trgm_ops) WITH (gin_pending_list_limit = 64)',
                       target.idx, target.tab, target.col);
    END LOOP;
END
$indexes$;
