-- Quotations and sales orders (reference §1.14–1.16, §2.18–2.19): sale.order with lines and optional
-- products, per-company numbering, exact amounts, the draft → sent → sale → done / cancel lifecycle,
-- the opportunity link, and the CFDI 3.3 fields Mexican customers need (a separate extension: Flectra
-- has none, reference §1.19).

-- "Lock Confirmed Sales" (sale.group_auto_done_setting), the default quotation validity and the
-- currency of the company.
GRANT UPDATE (sale_auto_done, quotation_validity_days) ON res_company TO embudo_service;

-- Order numbers per company (S00001…): one counter row per company, locked by each create, so that
-- concurrent creates never share a number.
SELECT embudo.enable_tenancy('sale_order_sequence');
REVOKE SELECT ON sale_order_sequence FROM embudo_report;
REVOKE DELETE ON sale_order_sequence FROM embudo_service;
SELECT embudo.replace_policy('sale_order_sequence', 'member_all', 'TO embudo_service USING (true) WITH CHECK (true)');

-- Own documents: orders where one is the salesperson or none is set; all documents: the company's;
-- only administrators delete (and only draft or cancelled orders).
SELECT embudo.enable_tenancy('sale_order');
SELECT embudo.enable_salesperson_documents('sale_order');

-- Tags, lines (and their taxes) and options follow their order's visibility; salespeople may delete
-- lines (of orders not confirmed).
SELECT embudo.enable_tenancy('sale_order_tag_rel');
SELECT embudo.enable_follower_policy('sale_order_tag_rel', 'with_order', 'sale_order', 'order_id');
SELECT embudo.enable_tenancy('sale_order_line');
SELECT embudo.enable_follower_policy('sale_order_line', 'with_order', 'sale_order', 'order_id');
-- A new salesperson reaches the copies of the rows that follow the order (base/policies.sql says why a
-- trigger): its tags, lines, optional products, portal links, activities, messages, followers,
-- attachments and mail; and from its lines, their taxes'.
CREATE OR REPLACE FUNCTION embudo.sale_order_salesperson_follows() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    company constant int := NEW.company_id;
    document constant int := NEW.id;
    previous_key constant int := OLD.salesperson_key;
    current_key constant int := NEW.salesperson_key;
BEGIN
    IF TG_TABLE_NAME = 'sale_order_line' THEN
        UPDATE public.account_tax_sale_order_line_rel SET salesperson_key = current_key
        WHERE company_id = company AND sale_order_line_id = document AND salesperson_key = previous_key;
        RETURN NULL;
    END IF;
    UPDATE public.sale_order_tag_rel SET salesperson_key = current_key WHERE company_id = company AND order_id = document AND salesperson_key = previous_key;
    UPDATE public.sale_order_line SET salesperson_key = current_key WHERE company_id = company AND order_id = document AND salesperson_key = previous_key;
    UPDATE public.sale_order_option SET salesperson_key = current_key WHERE company_id = company AND order_id = document AND salesperson_key = previous_key;
    UPDATE public.sale_order_portal_token SET salesperson_key = current_key WHERE company_id = company AND order_id = document AND salesperson_key = previous_key;
    UPDATE public.mail_activity SET order_salesperson_key = current_key WHERE company_id = company AND order_id = document AND order_salesperson_key = previous_key;
    UPDATE public.mail_message SET order_salesperson_key = current_key WHERE company_id = company AND order_id = document AND order_salesperson_key = previous_key;
    UPDATE public.mail_followers SET order_salesperson_key = current_key WHERE company_id = company AND res_id = document AND order_salesperson_key = previous_key;
    UPDATE public.ir_attachment SET order_salesperson_key = current_key
    WHERE company_id = company AND res_model = 'sale.order' AND res_id = document AND order_salesperson_key = previous_key;
    UPDATE public.mail_mail SET order_salesperson_key = current_key WHERE company_id = company AND model = 'sale.order' AND res_id = document AND order_salesperson_key = previous_key;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER salesperson_key_follows AFTER UPDATE ON sale_order FOR EACH ROW
WHEN (OLD.salesperson_key IS DISTINCT FROM NEW.salesperson_key) EXECUTE FUNCTION embudo.sale_order_salesperson_follows();
CREATE OR REPLACE TRIGGER salesperson_key_follows AFTER UPDATE ON sale_order_line FOR EACH ROW
WHEN (OLD.salesperson_key IS DISTINCT FROM NEW.salesperson_key) EXECUTE FUNCTION embudo.sale_order_salesperson_follows();
SELECT embudo.enable_tenancy('account_tax_sale_order_line_rel');
SELECT embudo.enable_follower_policy('account_tax_sale_order_line_rel', 'with_line', 'sale_order_line', 'sale_order_line_id');
SELECT embudo.enable_tenancy('sale_order_option');
SELECT embudo.enable_follower_policy('sale_order_option', 'with_order', 'sale_order', 'order_id');
-- What an order's triggers write when the owner unlinks it from a deleted salesperson, team or
-- opportunity (base/policies.sql): the copies (the portal links': portal.sql).
SELECT embudo.enable_owner_writes_policy(t)
FROM unnest('{sale_order_tag_rel, sale_order_line, sale_order_option, account_tax_sale_order_line_rel}'::regclass[]) t;
-- The keys that become NULL when what they name is deleted (base/policies.sql, embudo.enable_unlink).
SELECT embudo.enable_unlink(k.tab, k.col, k.named)
FROM (VALUES ('sale_order', 'campaign_id', 'utm_campaign'), ('sale_order', 'medium_id', 'utm_medium'),
             ('sale_order', 'source_id', 'utm_source'), ('sale_order', 'team_id', 'crm_team'),
             ('sale_order', 'user_id', 'res_company_member'), ('sale_order', 'opportunity_id', 'crm_lead'),
             ('sale_order', 'payment_term_id', 'account_payment_term'), ('sale_order_option', 'line_id', 'sale_order_line'),
             ('res_partner', 'property_payment_term_id', 'account_payment_term'),
             ('res_partner', 'property_product_pricelist', 'product_pricelist')) k (tab, col, named);

-- ---------------------------------------------------------------------------------------------------
-- Order behaviour
-- ---------------------------------------------------------------------------------------------------

-- CFDI 3.3: a payment in instalments or deferred (PPD) leaves the payment form "to be defined" (99).
CREATE OR REPLACE FUNCTION embudo.check_cfdi(policy text, method int) RETURNS void
LANGUAGE plpgsql STABLE
AS $$
BEGIN
    IF policy = 'PPD' AND method IS NOT NULL
       AND (SELECT m.code FROM public.l10n_mx_edi_payment_method m WHERE m.id = method) <> '99' THEN
        PERFORM embudo.refuse('validation', 'CFDI 3.3: with payment method PPD (in instalments or deferred) the payment form must be 99 (Por definir).');
    END IF;
END
$$;

-- Defaults on create (reference §1.14, §2.19): number, customer's addresses, pricelist and payment term,
-- currency, validity, salesperson's team; from the opportunity its customer, team, UTM and origin.
CREATE OR REPLACE FUNCTION embudo.sale_order_before_insert() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    lead public.crm_lead;
    customer public.res_partner;
    validity int;
    number int;
BEGIN
    IF NEW.opportunity_id IS NOT NULL THEN
        SELECT * INTO lead FROM public.crm_lead l WHERE l.company_id = NEW.company_id AND l.id = NEW.opportunity_id;
        NEW.partner_id := coalesce(NEW.partner_id, lead.partner_id);
        NEW.team_id := coalesce(NEW.team_id, lead.team_id);
        NEW.campaign_id := coalesce(NEW.campaign_id, lead.campaign_id);
        NEW.medium_id := coalesce(NEW.medium_id, lead.medium_id);
        NEW.source_id := coalesce(NEW.source_id, lead.source_id);
        NEW.origin := coalesce(NEW.origin, lead.name);
    END IF;
    IF NEW.partner_id IS NULL THEN
        PERFORM embudo.refuse('validation', 'A quotation needs a customer.');
    END IF;
    SELECT * INTO customer FROM public.res_partner p WHERE p.company_id = NEW.company_id AND p.id = NEW.partner_id;
    NEW.partner_invoice_id := coalesce(NEW.partner_invoice_id, NEW.partner_id);
    NEW.partner_shipping_id := coalesce(NEW.partner_shipping_id, NEW.partner_id);
    NEW.pricelist_id := coalesce(NEW.pricelist_id, customer.property_product_pricelist,
        (SELECT p.id FROM public.product_pricelist p WHERE p.company_id = NEW.company_id AND p.active ORDER BY p.sequence, p.id LIMIT 1));
    NEW.payment_term_id := coalesce(NEW.payment_term_id, customer.property_payment_term_id);
    NEW.currency_id := (SELECT p.currency_id FROM public.product_pricelist p WHERE p.company_id = NEW.company_id AND p.id = NEW.pricelist_id);
    IF NEW.team_id IS NULL THEN
        NEW.team_id := coalesce(customer.team_id, embudo.crm_default_team(NEW.company_id, NEW.user_id, 'opportunity'));
    END IF;
    IF NEW.validity_date IS NULL THEN
        SELECT c.quotation_validity_days INTO validity FROM public.res_company c WHERE c.id = NEW.company_id;
        IF validity > 0 THEN
            NEW.validity_date := (now() AT TIME ZONE 'UTC')::date + validity;
        END IF;
    END IF;
    IF NEW.name IS NULL OR NEW.name = 'New' THEN
        INSERT INTO public.sale_order_sequence AS s (company_id, next_number) VALUES (NEW.company_id, 2)
        ON CONFLICT (company_id) DO UPDATE SET next_number = s.next_number + 1
        RETURNING s.next_number - 1 INTO number;
        NEW.name := 'S' || lpad(number::text, 5, '0');
    END IF;
    NEW.state := 'draft';
    PERFORM embudo.check_cfdi(NEW.l10n_mx_edi_payment_policy, NEW.l10n_mx_edi_payment_method_id);
    RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER defaults BEFORE INSERT ON sale_order FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_before_insert();

-- A quotation created from an opportunity takes its tags; its customer follows it.
CREATE OR REPLACE FUNCTION embudo.sale_order_after_insert() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.opportunity_id IS NOT NULL THEN
        INSERT INTO public.sale_order_tag_rel (company_id, order_id, tag_id)
        SELECT NEW.company_id, NEW.id, r.tag_id FROM public.crm_tag_rel r WHERE r.company_id = NEW.company_id AND r.lead_id = NEW.opportunity_id
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER opportunity_tags AFTER INSERT ON sale_order FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_after_insert();

-- What may change in which state: a confirmed order keeps its customer and pricelist; a locked or
-- cancelled one its lines. The state itself changes only through the actions below.
CREATE OR REPLACE FUNCTION embudo.sale_order_before_update() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.company_id <> OLD.company_id THEN
        PERFORM embudo.refuse('validation', 'An order cannot move to another company.');
    END IF;
    IF NEW.state IS DISTINCT FROM OLD.state AND current_setting('embudo.sale_transition', true) IS DISTINCT FROM 'on' THEN
        PERFORM embudo.refuse('user', 'The state of an order changes through its actions (send, confirm, cancel, lock…), not by writing it.');
    END IF;
    IF OLD.state NOT IN ('draft', 'sent') AND (NEW.partner_id IS DISTINCT FROM OLD.partner_id OR NEW.pricelist_id IS DISTINCT FROM OLD.pricelist_id
                                             OR NEW.validity_date IS DISTINCT FROM OLD.validity_date) THEN
        PERFORM embudo.refuse('user', 'The customer, pricelist and expiration of a confirmed order cannot change.');
    END IF;
    IF NEW.pricelist_id IS DISTINCT FROM OLD.pricelist_id THEN
        NEW.currency_id := (SELECT p.currency_id FROM public.product_pricelist p WHERE p.company_id = NEW.company_id AND p.id = NEW.pricelist_id);
    END IF;
    PERFORM embudo.check_cfdi(NEW.l10n_mx_edi_payment_policy, NEW.l10n_mx_edi_payment_method_id);
    RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER guard BEFORE UPDATE ON sale_order FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_before_update();

-- Only draft or cancelled orders can be deleted.
CREATE OR REPLACE FUNCTION embudo.sale_order_before_delete() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF OLD.state NOT IN ('draft', 'cancel') THEN
        PERFORM embudo.refuse('user', format('You can not delete a sent quotation or a confirmed sales order (%s). You must first cancel it.', OLD.name));
    END IF;
    RETURN OLD;
END
$$;
CREATE OR REPLACE TRIGGER only_drafts BEFORE DELETE ON sale_order FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_before_delete();

-- Line defaults (description, unit, price from the pricelist, taxes from the product) and state rules.
CREATE OR REPLACE FUNCTION embudo.sale_order_line_before_write() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    parent public.sale_order;
    p public.product_product;
BEGIN
    SELECT * INTO parent FROM public.sale_order o WHERE o.company_id = NEW.company_id AND o.id = NEW.order_id;
    IF TG_OP = 'UPDATE' THEN
        IF (NEW.display_type IS NULL) <> (OLD.display_type IS NULL) THEN
            PERFORM embudo.refuse('user', 'A section or note line cannot become a product line, nor the reverse.');
        END IF;
        IF parent.state IN ('done', 'cancel') AND (NEW.product_id IS DISTINCT FROM OLD.product_id OR NEW.name IS DISTINCT FROM OLD.name
                OR NEW.price_unit IS DISTINCT FROM OLD.price_unit OR NEW.product_uom IS DISTINCT FROM OLD.product_uom
                OR NEW.product_uom_qty IS DISTINCT FROM OLD.product_uom_qty OR NEW.discount IS DISTINCT FROM OLD.discount) THEN
            PERFORM embudo.refuse('user', format('The lines of the %s order %s cannot change.', CASE parent.state WHEN 'done' THEN 'locked' ELSE 'cancelled' END, parent.name));
        END IF;
        RETURN NEW;
    END IF;
    IF parent.state IN ('done', 'cancel') THEN
        PERFORM embudo.refuse('user', format('Lines cannot be added to the %s order %s.', CASE parent.state WHEN 'done' THEN 'locked' ELSE 'cancelled' END, parent.name));
    END IF;
    IF NEW.display_type IS NOT NULL THEN
        NEW.product_uom_qty := 0;
        RETURN NEW;
    END IF;
    SELECT * INTO p FROM public.product_product x WHERE x.company_id = NEW.company_id AND x.id = NEW.product_id;
    IF FOUND THEN
        IF NOT p.sale_ok THEN
            PERFORM embudo.refuse('validation', format('The product %s cannot be sold.', p.name));
        END IF;
        NEW.product_uom := coalesce(NEW.product_uom, p.uom_id);
        IF NEW.name = '' THEN
            NEW.name := concat_ws(E'\n', coalesce('[' || p.default_code || '] ', '') || p.name, p.description_sale);
        END IF;
        IF NEW.price_unit = 0 THEN
            NEW.price_unit := embudo.pricelist_price(parent.pricelist_id, p.id, NEW.product_uom_qty, (parent.date_order AT TIME ZONE 'UTC')::date);
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER defaults BEFORE INSERT OR UPDATE ON sale_order_line FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_line_before_write();

-- New product lines take the product's sales taxes (the client may change them afterwards).
CREATE OR REPLACE FUNCTION embudo.sale_order_line_product_taxes() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.product_id IS NOT NULL THEN
        INSERT INTO public.account_tax_sale_order_line_rel (company_id, sale_order_line_id, account_tax_id)
        SELECT NEW.company_id, NEW.id, r.tax_id FROM public.product_taxes_rel r
        JOIN public.account_tax t ON t.company_id = r.company_id AND t.id = r.tax_id AND t.active AND t.type_tax_use = 'sale'
        WHERE r.company_id = NEW.company_id AND r.prod_id = NEW.product_id
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER product_taxes AFTER INSERT ON sale_order_line FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_line_product_taxes();

-- Confirmed lines cannot be deleted.
CREATE OR REPLACE FUNCTION embudo.sale_order_line_before_delete() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM public.sale_order o WHERE o.company_id = OLD.company_id AND o.id = OLD.order_id AND o.state IN ('sale', 'done'))
       AND OLD.display_type IS NULL THEN
        PERFORM embudo.refuse('user', 'You can not remove an order line once the sales order is confirmed.');
    END IF;
    RETURN OLD;
END
$$;
CREATE OR REPLACE TRIGGER keep_confirmed BEFORE DELETE ON sale_order_line FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_line_before_delete();

-- The amounts of one line (Odoo's compute_all for percentage taxes, rounded per line to the currency):
-- taxes included in the price are taken out of it first, then every tax is computed on that base.
CREATE OR REPLACE FUNCTION embudo.sale_line_amounts(line anyelement, rounding numeric)
RETURNS TABLE (price_reduce numeric, subtotal numeric, tax numeric, total numeric)
LANGUAGE plpgsql STABLE
AS $$
DECLARE
    gross numeric;
    included numeric;
    base numeric;
    taxes numeric;
BEGIN
    IF line.display_type IS NOT NULL THEN
        RETURN QUERY SELECT 0::numeric, 0::numeric, 0::numeric, 0::numeric;
        RETURN;
    END IF;
    gross := line.price_unit * (1 - line.discount / 100) * line.product_uom_qty;
    SELECT coalesce(sum(t.amount) FILTER (WHERE t.price_include), 0) INTO included
    FROM public.account_tax_sale_order_line_rel r JOIN public.account_tax t ON t.company_id = r.company_id AND t.id = r.account_tax_id
    WHERE r.company_id = line.company_id AND r.sale_order_line_id = line.id;
    base := round(gross / (1 + included / 100) / rounding) * rounding;
    SELECT coalesce(sum(round(base * t.amount / 100 / rounding) * rounding), 0) INTO taxes
    FROM public.account_tax_sale_order_line_rel r JOIN public.account_tax t ON t.company_id = r.company_id AND t.id = r.account_tax_id
    WHERE r.company_id = line.company_id AND r.sale_order_line_id = line.id;
    IF included > 0 THEN
        -- Included taxes: the total is the price the customer was quoted, to the cent.
        taxes := round(gross / rounding) * rounding - base
                 + coalesce((SELECT sum(round(base * t.amount / 100 / rounding) * rounding)
                             FROM public.account_tax_sale_order_line_rel r JOIN public.account_tax t ON t.company_id = r.company_id AND t.id = r.account_tax_id
                             WHERE r.company_id = line.company_id AND r.sale_order_line_id = line.id AND NOT t.price_include), 0);
    END IF;
    RETURN QUERY SELECT line.price_unit * (1 - line.discount / 100), base, taxes, base + taxes;
END
$$;

-- Recomputes the amounts of an order's lines and its totals.
CREATE OR REPLACE FUNCTION embudo.sale_order_recompute(company int, sale_order int) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    rounding numeric := coalesce((SELECT c.rounding FROM public.sale_order o JOIN public.res_currency c ON c.id = o.currency_id
                                  WHERE o.company_id = company AND o.id = sale_order), 0.01);
BEGIN
    WITH computed AS (
        SELECT x.id, a.price_reduce, a.subtotal, a.tax, a.total
        FROM public.sale_order_line x, LATERAL embudo.sale_line_amounts(x, rounding) a
        WHERE x.company_id = company AND x.order_id = sale_order
    )
    UPDATE public.sale_order_line l
    SET price_reduce = c.price_reduce, price_subtotal = c.subtotal, price_tax = c.tax, price_total = c.total
    FROM computed c
    WHERE l.id = c.id
      AND (l.price_reduce, l.price_subtotal, l.price_tax, l.price_total) IS DISTINCT FROM (c.price_reduce, c.subtotal, c.tax, c.total);
    UPDATE public.sale_order o
    SET amount_untaxed = t.untaxed, amount_tax = t.tax, amount_total = t.total
    FROM (SELECT coalesce(sum(l.price_subtotal), 0) AS untaxed, coalesce(sum(l.price_tax), 0) AS tax, coalesce(sum(l.price_total), 0) AS total
          FROM public.sale_order_line l WHERE l.company_id = company AND l.order_id = sale_order) t
    WHERE o.company_id = company AND o.id = sale_order
      AND (o.amount_untaxed, o.amount_tax, o.amount_total) IS DISTINCT FROM (t.untaxed, t.tax, t.total);
END
$$;

-- Amounts follow every change of a line or of its taxes: once per statement and order, from the
-- statement's transition tables (new rows for INSERT and UPDATE, old rows for UPDATE and DELETE).
-- (A transition table exists only for the operations that have it, and a statement naming a missing
-- one fails when it runs: hence one statement per operation.)
CREATE OR REPLACE FUNCTION embudo.sale_order_lines_changed() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    orders int[][];
BEGIN
    IF TG_OP = 'INSERT' THEN
        orders := ARRAY(SELECT DISTINCT ARRAY[n.company_id, n.order_id] FROM new_rows n);
    ELSIF TG_OP = 'DELETE' THEN
        orders := ARRAY(SELECT DISTINCT ARRAY[o.company_id, o.order_id] FROM old_rows o);
    ELSE
        -- A line whose salesperson_key changed was updated by the cascade of its order's new salesperson
        -- (the key refuses any other value), which changes no amount: recomputing a locked order's
        -- amounts then, with today's taxes, would change what was confirmed.
        orders := ARRAY(SELECT DISTINCT v.pair FROM new_rows n JOIN old_rows o ON o.id = n.id,
                        LATERAL (VALUES (ARRAY[n.company_id, n.order_id]), (ARRAY[o.company_id, o.order_id])) v (pair)
                        WHERE n.salesperson_key IS NOT DISTINCT FROM o.salesperson_key);
    END IF;
    FOR i IN 1 .. coalesce(array_length(orders, 1), 0) LOOP
        PERFORM embudo.sale_order_recompute(orders[i][1], orders[i][2]);
    END LOOP;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION embudo.sale_line_taxes_changed() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    lines int[];
    pair int[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        lines := ARRAY(SELECT n.sale_order_line_id FROM new_rows n);
    ELSE
        lines := ARRAY(SELECT o.sale_order_line_id FROM old_rows o);
    END IF;
    FOR pair IN SELECT DISTINCT ARRAY[l.company_id, l.order_id] FROM public.sale_order_line l WHERE l.id = ANY (lines) LOOP
        PERFORM embudo.sale_order_recompute(pair[1], pair[2]);
    END LOOP;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER amounts_on_insert AFTER INSERT ON sale_order_line REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION embudo.sale_order_lines_changed();
CREATE OR REPLACE TRIGGER amounts_on_update AFTER UPDATE ON sale_order_line REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION embudo.sale_order_lines_changed();
CREATE OR REPLACE TRIGGER amounts_on_delete AFTER DELETE ON sale_order_line REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION embudo.sale_order_lines_changed();
CREATE OR REPLACE TRIGGER amounts_on_tax_insert AFTER INSERT ON account_tax_sale_order_line_rel REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION embudo.sale_line_taxes_changed();
CREATE OR REPLACE TRIGGER amounts_on_tax_delete AFTER DELETE ON account_tax_sale_order_line_rel REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION embudo.sale_line_taxes_changed();

-- A pricelist change re-prices nothing by itself (as in Odoo); a currency change re-rounds.
CREATE OR REPLACE FUNCTION embudo.sale_order_currency_changed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM embudo.sale_order_recompute(NEW.company_id, NEW.id);
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER amounts_on_currency AFTER UPDATE OF currency_id ON sale_order
    FOR EACH ROW WHEN (OLD.currency_id IS DISTINCT FROM NEW.currency_id) EXECUTE FUNCTION embudo.sale_order_currency_changed();

-- Options: price from the pricelist, unit and description from the product.
CREATE OR REPLACE FUNCTION embudo.sale_order_option_defaults() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    p public.product_product;
    parent public.sale_order;
BEGIN
    SELECT * INTO p FROM public.product_product x WHERE x.company_id = NEW.company_id AND x.id = NEW.product_id;
    SELECT * INTO parent FROM public.sale_order o WHERE o.company_id = NEW.company_id AND o.id = NEW.order_id;
    NEW.uom_id := coalesce(NEW.uom_id, p.uom_id);
    IF NEW.name = '' THEN
        NEW.name := p.name;
    END IF;
    NEW.price_unit := coalesce(NEW.price_unit, embudo.pricelist_price(parent.pricelist_id, p.id, NEW.quantity, (parent.date_order AT TIME ZONE 'UTC')::date));
    RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER defaults BEFORE INSERT ON sale_order_option FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_option_defaults();

-- "Add to order": a line from the option (draft or sent quotations only). Returns the line's id.
CREATE OR REPLACE FUNCTION embudo.sale_option_add(option int) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    o public.sale_order_option;
    parent public.sale_order;
    line int;
    next_sequence int;
BEGIN
    SELECT * INTO o FROM public.sale_order_option x WHERE x.company_id = ANY (embudo.company_ids()) AND x.id = option;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('user', 'This optional product does not exist or you cannot see it.');
    END IF;
    SELECT * INTO parent FROM public.sale_order s WHERE s.company_id = o.company_id AND s.id = o.order_id FOR UPDATE;
    IF parent.state NOT IN ('draft', 'sent') THEN
        PERFORM embudo.refuse('user', 'You cannot add options to a confirmed order.');
    END IF;
    -- (The line's place is worked out first: Citus refuses a subquery inside INSERT … VALUES.)
    next_sequence := coalesce((SELECT max(l.sequence) + 1 FROM public.sale_order_line l WHERE l.company_id = o.company_id AND l.order_id = o.order_id), 10);
    INSERT INTO public.sale_order_line (company_id, order_id, name, product_id, product_uom_qty, product_uom, price_unit, discount,
                                        sequence, create_uid, write_uid)
    VALUES (o.company_id, o.order_id, o.name, o.product_id, o.quantity, o.uom_id, o.price_unit, o.discount, next_sequence,
            embudo.current_user_id(), embudo.current_user_id())
    RETURNING id INTO line;
    UPDATE public.sale_order_option SET line_id = line, write_date = now() WHERE company_id = o.company_id AND id = option;
    RETURN line;
END
$$;

-- ---------------------------------------------------------------------------------------------------
-- Lifecycle (reference §2.18). Each action locks the orders first, so that two concurrent
-- confirmations confirm once and the second one gets a clear error.
-- ---------------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION embudo.sale_transition(ids int[], allowed text[], target text, refusal text) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    locked int;
    bad text;
    me int := embudo.current_user_id();
BEGIN
    PERFORM 1 FROM public.sale_order o WHERE o.id = ANY (ids) ORDER BY o.id FOR UPDATE;
    GET DIAGNOSTICS locked = ROW_COUNT;
    IF locked < cardinality(ARRAY(SELECT DISTINCT unnest(ids))) THEN
        PERFORM embudo.refuse('user', 'Some of these orders do not exist or you cannot see them.');
    END IF;
    SELECT string_agg(o.name || ' (' || o.state || ')', ', ' ORDER BY o.id) INTO bad
    FROM public.sale_order o WHERE o.id = ANY (ids) AND NOT o.state = ANY (allowed);
    IF bad IS NOT NULL THEN
        PERFORM embudo.refuse('user', refusal || ': ' || bad);
    END IF;
    PERFORM embudo.set_local('embudo.sale_transition', 'on');
    UPDATE public.sale_order o SET state = target, write_date = now(), write_uid = me,
        date_order = CASE WHEN target = 'sale' THEN now() ELSE o.date_order END,
        signature = CASE WHEN target = 'draft' THEN NULL ELSE o.signature END,
        signed_by = CASE WHEN target = 'draft' THEN NULL ELSE o.signed_by END,
        signed_on = CASE WHEN target = 'draft' THEN NULL ELSE o.signed_on END
    WHERE o.id = ANY (ids);
    PERFORM embudo.set_local('embudo.sale_transition', 'off');
    RETURN locked;
END
$$;

-- Mark as sent (no e-mail).
CREATE OR REPLACE FUNCTION embudo.sale_mark_sent(ids int[]) RETURNS int
LANGUAGE sql
AS $$
    SELECT embudo.sale_transition(ids, ARRAY['draft'], 'sent', 'Only draft quotations can be marked as sent')
$$;

-- Confirm: the order date becomes now; locked at once when the company locks confirmed sales.
CREATE OR REPLACE FUNCTION embudo.sale_confirm(ids int[]) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    done int := embudo.sale_transition(ids, ARRAY['draft', 'sent'], 'sale', 'It is not allowed to confirm an order in the following states');
    auto_lock int[];
BEGIN
    auto_lock := ARRAY(SELECT o.id FROM public.sale_order o JOIN public.res_company c ON c.id = o.company_id
                       WHERE o.id = ANY (ids) AND c.sale_auto_done);
    IF cardinality(auto_lock) > 0 THEN
        PERFORM embudo.sale_transition(auto_lock, ARRAY['sale'], 'done', 'Only confirmed orders can be locked');
    END IF;
    RETURN done;
END
$$;

-- The rest of the lifecycle.
CREATE OR REPLACE FUNCTION embudo.sale_cancel(ids int[]) RETURNS int
LANGUAGE plpgsql
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM public.sale_order o WHERE o.id = ANY (ids) AND o.state = 'done') THEN
        PERFORM embudo.refuse('user', 'You cannot cancel a locked order. Please unlock it first.');
    END IF;
    RETURN embudo.sale_transition(ids, ARRAY['draft', 'sent', 'sale'], 'cancel', 'These orders cannot be cancelled');
END
$$;
CREATE OR REPLACE FUNCTION embudo.sale_draft(ids int[]) RETURNS int
LANGUAGE sql
AS $$ SELECT embudo.sale_transition(ids, ARRAY['cancel', 'sent'], 'draft', 'Only cancelled or sent quotations can be set back to quotation') $$;
CREATE OR REPLACE FUNCTION embudo.sale_lock(ids int[]) RETURNS int
LANGUAGE sql
AS $$ SELECT embudo.sale_transition(ids, ARRAY['sale'], 'done', 'Only confirmed orders can be locked') $$;
CREATE OR REPLACE FUNCTION embudo.sale_unlock(ids int[]) RETURNS int
LANGUAGE sql
AS $$ SELECT embudo.sale_transition(ids, ARRAY['done'], 'sale', 'Only locked orders can be unlocked') $$;

-- Posts the lifecycle messages of orders (Quotation sent, Sales Order Confirmed) with the state change.
CREATE OR REPLACE FUNCTION embudo.sale_order_track() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    me int := embudo.current_user_id();
    message int;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO public.mail_message (company_id, model, res_id, body, author_id, message_type, subtype_id, create_uid, write_uid)
        VALUES (NEW.company_id, 'sale.order', NEW.id, 'Quotation created', me, 'notification', embudo.subtype('mail.mt_note'), me, me);
        INSERT INTO public.mail_followers (company_id, res_model, res_id, user_id) SELECT NEW.company_id, 'sale.order', NEW.id, u
        FROM unnest(ARRAY[me, NEW.user_id]) u WHERE u IS NOT NULL ON CONFLICT DO NOTHING;
        RETURN NULL;
    END IF;
    IF NEW.state IS DISTINCT FROM OLD.state THEN
        INSERT INTO public.mail_message (company_id, model, res_id, body, author_id, message_type, subtype_id, create_uid, write_uid)
        VALUES (NEW.company_id, 'sale.order', NEW.id, '', me, 'notification',
                coalesce(embudo.subtype(CASE NEW.state WHEN 'sent' THEN 'sale.mt_order_sent' WHEN 'sale' THEN 'sale.mt_order_confirmed' END),
                         embudo.subtype('mail.mt_note')), me, me)
        RETURNING id INTO message;
        INSERT INTO public.mail_tracking_value (company_id, mail_message_id, field, field_desc, field_type, tracking_sequence, old_value_char, new_value_char)
        VALUES (NEW.company_id, message, 'state', 'Status', 'selection', 3,
                embudo.sale_state_label(OLD.state), embudo.sale_state_label(NEW.state));
        IF NEW.state IN ('sent', 'sale') THEN
            -- The customer follows the order once it is sent or confirmed.
            INSERT INTO public.mail_followers (company_id, res_model, res_id, partner_id)
            VALUES (NEW.company_id, 'sale.order', NEW.id, NEW.partner_id) ON CONFLICT DO NOTHING;
        END IF;
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION embudo.sale_state_label(state text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT CASE state WHEN 'draft' THEN 'Quotation' WHEN 'sent' THEN 'Quotation Sent' WHEN 'sale' THEN 'Sales Order'
                      WHEN 'done' THEN 'Locked' WHEN 'cancel' THEN 'Cancelled' END
$$;
CREATE OR REPLACE TRIGGER track AFTER INSERT OR UPDATE OF state ON sale_order FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_track();

GRANT EXECUTE ON FUNCTION
    embudo.check_cfdi(text, int), embudo.sale_order_before_insert(), embudo.sale_order_after_insert(), embudo.sale_order_before_update(),
    embudo.sale_order_before_delete(), embudo.sale_order_line_before_write(), embudo.sale_order_line_product_taxes(),
    embudo.sale_order_line_before_delete(), embudo.sale_line_amounts(anyelement, numeric), embudo.sale_order_recompute(int, int),
    embudo.sale_order_lines_changed(), embudo.sale_line_taxes_changed(), embudo.sale_order_currency_changed(),
    embudo.sale_order_option_defaults(), embudo.sale_option_add(int), embudo.sale_transition(int[], text[], text, text),
    embudo.sale_mark_sent(int[]), embudo.sale_confirm(int[]), embudo.sale_cancel(int[]), embudo.sale_draft(int[]),
    embudo.sale_lock(int[]), embudo.sale_unlock(int[]), embudo.sale_order_track(), embudo.sale_state_label(text)
TO embudo_service;
