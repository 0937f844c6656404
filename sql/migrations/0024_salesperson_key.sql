-- Rows that follow a lead or an order (its tags, an order's lines, optional products, taxes of a line,
-- portal links) carry the document's salesperson themselves, so that their policy tests their own
-- columns instead of looking the document up (issue 24: Citus refuses subqueries in policies, and a
-- lookup per row is what a list of lines or tags paid; sql/modules/base/policies.sql says more).
--
-- `salesperson_key` is the salesperson's id, 0 for none (a lead or order without one): on leads and
-- orders a generated column, `coalesce(user_id, 0)`; on the rows that follow them a copy, which a
-- foreign key ties to the document's: (company_id, document, salesperson_key) references the
-- document's (company_id, id, salesperson_key) ON UPDATE CASCADE. So PostgreSQL itself keeps the copy
-- (a new salesperson cascades to the rows) and refuses a copy that differs, concurrency included: a
-- change of salesperson is a key update, which waits for the transactions that hold the document's
-- key to add rows, and is waited for by them. (NULL would not do for "none": a foreign key with a
-- NULL column is not checked, nor cascaded from.)
--
-- Filled in here with row-level security lifted for the owner (the definitions force it again), and
-- without the tables' own triggers (the amounts of an order's lines do not depend on it).
ALTER TABLE crm_lead ADD COLUMN salesperson_key int GENERATED ALWAYS AS (coalesce(user_id, 0)) STORED;
CREATE UNIQUE INDEX crm_lead_salesperson_key ON crm_lead (company_id, id, salesperson_key);
ALTER TABLE sale_order ADD COLUMN salesperson_key int GENERATED ALWAYS AS (coalesce(user_id, 0)) STORED;
CREATE UNIQUE INDEX sale_order_salesperson_key ON sale_order (company_id, id, salesperson_key);

DO $copies$
DECLARE
    target record;
BEGIN
    -- In order: an order's lines before their taxes, which copy the line's.
    FOR target IN
        SELECT * FROM (VALUES (1, 'crm_tag_rel', 'lead_id', 'crm_lead'),
                              (2, 'sale_order_tag_rel', 'order_id', 'sale_order'),
                              (3, 'sale_order_line', 'order_id', 'sale_order'),
                              (4, 'sale_order_option', 'order_id', 'sale_order'),
                              (5, 'sale_order_portal_token', 'order_id', 'sale_order'),
                              (6, 'account_tax_sale_order_line_rel', 'sale_order_line_id', 'sale_order_line'))
                      AS t (rank, tab, link, parent)
        ORDER BY rank
    LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN salesperson_key int', target.tab);
        EXECUTE format('ALTER TABLE %I NO FORCE ROW LEVEL SECURITY', target.tab);
        EXECUTE format('ALTER TABLE %I NO FORCE ROW LEVEL SECURITY', target.parent);
        EXECUTE format('ALTER TABLE %I DISABLE TRIGGER USER', target.tab);
        EXECUTE format('UPDATE %1$I c SET salesperson_key = p.salesperson_key FROM %2$I p WHERE p.company_id = c.company_id AND p.id = c.%3$I',
                       target.tab, target.parent, target.link);
        EXECUTE format('ALTER TABLE %I ENABLE TRIGGER USER', target.tab);
        EXECUTE format('ALTER TABLE %I ALTER COLUMN salesperson_key SET NOT NULL', target.tab);
        EXECUTE format('ALTER TABLE %1$I ADD CONSTRAINT %2$I FOREIGN KEY (company_id, %3$I, salesperson_key) '
                       'REFERENCES %4$I (company_id, id, salesperson_key) ON UPDATE CASCADE ON DELETE CASCADE',
                       target.tab, target.tab || '_salesperson_key_fkey', target.link, target.parent);
        IF target.tab = 'sale_order_line' THEN
            CREATE UNIQUE INDEX sale_order_line_salesperson_key ON sale_order_line (company_id, id, salesperson_key);
        END IF;
    END LOOP;
    -- FORCE again (the definitions would too): the owner obeys the policies like everyone else.
    ALTER TABLE crm_tag_rel FORCE ROW LEVEL SECURITY;
    ALTER TABLE sale_order_tag_rel FORCE ROW LEVEL SECURITY;
    ALTER TABLE sale_order_line FORCE ROW LEVEL SECURITY;
    ALTER TABLE sale_order_option FORCE ROW LEVEL SECURITY;
    ALTER TABLE account_tax_sale_order_line_rel FORCE ROW LEVEL SECURITY;
    ALTER TABLE crm_lead FORCE ROW LEVEL SECURITY;
    ALTER TABLE sale_order FORCE ROW LEVEL SECURITY;
END
$copies$;
