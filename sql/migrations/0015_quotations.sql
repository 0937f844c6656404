-- Quotations and sales orders (reference §1.14–1.16, §2.18–2.19): units of measure, taxes, payment
-- terms, products, pricelists, sale.order with lines and optional products, per-company numbering,
-- exact amounts, the draft → sent → sale → done / cancel lifecycle, the opportunity link, and the CFDI
-- 3.3 fields Mexican customers need (a separate extension: Flectra has none, reference §1.19).

-- ---------------------------------------------------------------------------------------------------
-- Units of measure: global reference data, like currencies.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE uom_category (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE
);
CREATE TABLE uom_uom (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    category_id int NOT NULL REFERENCES uom_category (id),
    uom_type text NOT NULL DEFAULT 'reference' CHECK (uom_type IN ('bigger', 'reference', 'smaller')),
    -- How many of this unit make one reference unit (Odoo's factor): Dozens 1/12, g 1000.
    factor numeric NOT NULL DEFAULT 1 CHECK (factor > 0),
    rounding numeric NOT NULL DEFAULT 0.01 CHECK (rounding > 0),
    active boolean NOT NULL DEFAULT true,
    UNIQUE (category_id, name)
);
GRANT SELECT ON uom_category, uom_uom TO embudo_service, embudo_bi;
INSERT INTO uom_category (name) VALUES ('Unit'), ('Working Time'), ('Weight');
INSERT INTO uom_uom (name, category_id, uom_type, factor, rounding)
SELECT u.name, c.id, u.kind, u.factor, u.rounding
FROM (VALUES ('Units', 'Unit', 'reference', 1::numeric, 0.01), ('Dozens', 'Unit', 'bigger', 1 / 12::numeric, 0.01),
             ('Hours', 'Working Time', 'reference', 1, 0.01), ('Days', 'Working Time', 'bigger', 1 / 8::numeric, 0.01),
             ('kg', 'Weight', 'reference', 1, 0.01), ('g', 'Weight', 'smaller', 1000, 0.01)) u (name, category, kind, factor, rounding)
JOIN uom_category c ON c.name = u.category;
INSERT INTO ir_model_data (module, name, model, res_id)
SELECT 'uom', x.xmlid, 'uom.uom', u.id FROM uom_uom u
JOIN (VALUES ('Units', 'product_uom_unit'), ('Dozens', 'product_uom_dozen'), ('Hours', 'product_uom_hour'), ('Days', 'product_uom_day'),
             ('kg', 'product_uom_kgm'), ('g', 'product_uom_gram')) x (name, xmlid) ON x.name = u.name;
INSERT INTO ir_model_data (module, name, model, res_id)
SELECT 'uom', x.xmlid, 'uom.category', c.id FROM uom_category c
JOIN (VALUES ('Unit', 'product_uom_categ_unit'), ('Working Time', 'uom_categ_wtime'), ('Weight', 'product_uom_categ_kgm')) x (name, xmlid) ON x.name = c.name;

-- A company's currency (amounts of leads and reports); US dollars unless set.
CREATE FUNCTION embudo.default_currency() RETURNS int
LANGUAGE sql STABLE
AS $$ SELECT id FROM public.res_currency WHERE name = 'USD' $$;
GRANT EXECUTE ON FUNCTION embudo.default_currency() TO embudo_service;
ALTER TABLE res_company ADD COLUMN currency_id int NOT NULL DEFAULT embudo.default_currency() REFERENCES res_currency (id);
-- "Lock Confirmed Sales" (sale.group_auto_done_setting) and the default quotation validity.
ALTER TABLE res_company ADD COLUMN sale_auto_done boolean NOT NULL DEFAULT false;
ALTER TABLE res_company ADD COLUMN quotation_validity_days int NOT NULL DEFAULT 30 CHECK (quotation_validity_days >= 0);
GRANT UPDATE (sale_auto_done, quotation_validity_days, currency_id) ON res_company TO embudo_service;

-- ---------------------------------------------------------------------------------------------------
-- Taxes, payment terms
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE account_tax (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (btrim(name) <> ''),
    amount_type text NOT NULL DEFAULT 'percent' CHECK (amount_type IN ('percent')),
    amount numeric(16, 4) NOT NULL DEFAULT 0 CHECK (amount > -100),
    price_include boolean NOT NULL DEFAULT false,
    type_tax_use text NOT NULL DEFAULT 'sale' CHECK (type_tax_use IN ('sale', 'purchase', 'none')),
    sequence int NOT NULL DEFAULT 1,
    active boolean NOT NULL DEFAULT true,
    description text,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id)
);
CREATE UNIQUE INDEX account_tax_id ON account_tax (id);
SELECT embudo.enable_tenancy('account_tax');
SELECT embudo.enable_catalog_policies('account_tax', 'admin', 'admin');

CREATE TABLE account_payment_term (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (btrim(name) <> ''),
    note text,
    sequence int NOT NULL DEFAULT 10,
    active boolean NOT NULL DEFAULT true,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id)
);
CREATE UNIQUE INDEX account_payment_term_id ON account_payment_term (id);
SELECT embudo.enable_tenancy('account_payment_term');
SELECT embudo.enable_catalog_policies('account_payment_term', 'admin', 'admin');

CREATE TABLE account_payment_term_line (
    company_id int NOT NULL,
    id int GENERATED ALWAYS AS IDENTITY,
    payment_id int NOT NULL,
    value text NOT NULL DEFAULT 'balance' CHECK (value IN ('balance', 'percent', 'fixed')),
    value_amount numeric(16, 4) NOT NULL DEFAULT 0,
    days int NOT NULL DEFAULT 0 CHECK (days >= 0),
    option text NOT NULL DEFAULT 'day_after_invoice_date'
        CHECK (option IN ('day_after_invoice_date', 'after_invoice_month', 'day_following_month', 'day_current_month')),
    sequence int NOT NULL DEFAULT 10,
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, payment_id) REFERENCES account_payment_term (company_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX account_payment_term_line_id ON account_payment_term_line (id);
CREATE INDEX account_payment_term_line_term ON account_payment_term_line (company_id, payment_id);
SELECT embudo.enable_tenancy('account_payment_term_line');
SELECT embudo.enable_catalog_policies('account_payment_term_line', 'admin', 'admin');

-- ---------------------------------------------------------------------------------------------------
-- Products and pricelists
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE product_category (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (btrim(name) <> ''),
    parent_id int,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, parent_id) REFERENCES product_category (company_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX product_category_id ON product_category (id);
SELECT embudo.enable_tenancy('product_category');
SELECT embudo.enable_catalog_policies('product_category', 'admin', 'admin');

CREATE TABLE product_product (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (btrim(name) <> ''),
    default_code text,
    list_price numeric(16, 4) NOT NULL DEFAULT 1,
    standard_price numeric(16, 4) NOT NULL DEFAULT 0,
    type text NOT NULL DEFAULT 'consu' CHECK (type IN ('consu', 'service', 'product')),
    uom_id int NOT NULL REFERENCES uom_uom (id),
    categ_id int,
    sale_ok boolean NOT NULL DEFAULT true,
    active boolean NOT NULL DEFAULT true,
    description_sale text,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, categ_id) REFERENCES product_category (company_id, id) ON DELETE SET NULL (categ_id)
);
CREATE UNIQUE INDEX product_product_id ON product_product (id);
CREATE INDEX product_product_name ON product_product (company_id, name);
SELECT embudo.enable_tenancy('product_product');
SELECT embudo.enable_catalog_policies('product_product', 'admin', 'admin');

-- Units default to "Units".
CREATE FUNCTION embudo.product_defaults() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.uom_id := coalesce(NEW.uom_id, (SELECT d.res_id FROM public.ir_model_data d WHERE d.module = 'uom' AND d.name = 'product_uom_unit'));
    RETURN NEW;
END
$$;
CREATE TRIGGER defaults BEFORE INSERT ON product_product FOR EACH ROW EXECUTE FUNCTION embudo.product_defaults();

CREATE TABLE product_taxes_rel (
    company_id int NOT NULL,
    prod_id int NOT NULL,
    tax_id int NOT NULL,
    PRIMARY KEY (company_id, prod_id, tax_id),
    FOREIGN KEY (company_id, prod_id) REFERENCES product_product (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, tax_id) REFERENCES account_tax (company_id, id) ON DELETE CASCADE
);
SELECT embudo.enable_tenancy('product_taxes_rel');
SELECT embudo.enable_catalog_policies('product_taxes_rel', 'admin', 'admin');

CREATE TABLE product_pricelist (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (btrim(name) <> ''),
    currency_id int NOT NULL REFERENCES res_currency (id),
    sequence int NOT NULL DEFAULT 16,
    active boolean NOT NULL DEFAULT true,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id)
);
CREATE UNIQUE INDEX product_pricelist_id ON product_pricelist (id);
SELECT embudo.enable_tenancy('product_pricelist');
SELECT embudo.enable_catalog_policies('product_pricelist', 'admin', 'admin');

CREATE FUNCTION embudo.pricelist_defaults() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.currency_id := coalesce(NEW.currency_id, (SELECT c.currency_id FROM public.res_company c WHERE c.id = NEW.company_id),
                                (SELECT r.id FROM public.res_currency r WHERE r.name = 'USD'));
    RETURN NEW;
END
$$;
CREATE TRIGGER defaults BEFORE INSERT ON product_pricelist FOR EACH ROW EXECUTE FUNCTION embudo.pricelist_defaults();

CREATE TABLE product_pricelist_item (
    company_id int NOT NULL,
    id int GENERATED ALWAYS AS IDENTITY,
    pricelist_id int NOT NULL,
    applied_on text NOT NULL DEFAULT '3_global' CHECK (applied_on IN ('3_global', '2_product_category', '0_product_variant')),
    product_id int,
    categ_id int,
    min_quantity numeric(16, 4) NOT NULL DEFAULT 0,
    date_start date,
    date_end date,
    compute_price text NOT NULL DEFAULT 'fixed' CHECK (compute_price IN ('fixed', 'percentage', 'formula')),
    base text NOT NULL DEFAULT 'list_price' CHECK (base IN ('list_price', 'standard_price')),
    fixed_price numeric(16, 4) NOT NULL DEFAULT 0,
    percent_price numeric(16, 4) NOT NULL DEFAULT 0,
    price_discount numeric(16, 4) NOT NULL DEFAULT 0,
    price_surcharge numeric(16, 4) NOT NULL DEFAULT 0,
    price_round numeric(16, 4) NOT NULL DEFAULT 0,
    price_min_margin numeric(16, 4) NOT NULL DEFAULT 0,
    price_max_margin numeric(16, 4) NOT NULL DEFAULT 0,
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, pricelist_id) REFERENCES product_pricelist (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, product_id) REFERENCES product_product (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, categ_id) REFERENCES product_category (company_id, id) ON DELETE CASCADE,
    CHECK (applied_on <> '0_product_variant' OR product_id IS NOT NULL),
    CHECK (applied_on <> '2_product_category' OR categ_id IS NOT NULL),
    CHECK (date_end IS NULL OR date_start IS NULL OR date_start <= date_end)
);
CREATE UNIQUE INDEX product_pricelist_item_id ON product_pricelist_item (id);
CREATE INDEX product_pricelist_item_pricelist ON product_pricelist_item (company_id, pricelist_id);
SELECT embudo.enable_tenancy('product_pricelist_item');
SELECT embudo.enable_catalog_policies('product_pricelist_item', 'admin', 'admin');

-- The unit price of `product` for `quantity` on `day` in `pricelist` (reference: Odoo's pricelist
-- rules): the first matching item, product before category (the most specific category first) before
-- global, larger minimum quantities first; fixed price, percentage off the sales price, or formula
-- (discount, rounding, surcharge, margins over the cost). No matching item: the sales price.
CREATE FUNCTION embudo.pricelist_price(pricelist int, product int, quantity numeric, day date) RETURNS numeric
LANGUAGE plpgsql STABLE
AS $$
DECLARE
    p public.product_product;
    item public.product_pricelist_item;
    base numeric;
    price numeric;
BEGIN
    SELECT * INTO p FROM public.product_product x WHERE x.id = product;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    SELECT i.* INTO item
    FROM public.product_pricelist_item i
    LEFT JOIN LATERAL (
        WITH RECURSIVE up (id, depth) AS (
            SELECT p.categ_id, 0 WHERE p.categ_id IS NOT NULL
            UNION ALL
            SELECT c.parent_id, up.depth + 1 FROM public.product_category c JOIN up ON c.id = up.id WHERE c.parent_id IS NOT NULL
        ) SELECT min(up.depth) AS depth FROM up WHERE up.id = i.categ_id
    ) category ON true
    WHERE i.pricelist_id = pricelist
      AND (i.min_quantity <= quantity)
      AND (i.date_start IS NULL OR i.date_start <= day) AND (i.date_end IS NULL OR i.date_end >= day)
      AND (i.applied_on = '3_global' OR (i.applied_on = '0_product_variant' AND i.product_id = p.id)
           OR (i.applied_on = '2_product_category' AND category.depth IS NOT NULL))
    ORDER BY i.applied_on, i.min_quantity DESC, category.depth NULLS LAST, i.id DESC
    LIMIT 1;
    IF NOT FOUND THEN
        RETURN p.list_price;
    END IF;
    base := CASE item.base WHEN 'standard_price' THEN p.standard_price ELSE p.list_price END;
    IF item.compute_price = 'fixed' THEN
        RETURN item.fixed_price;
    ELSIF item.compute_price = 'percentage' THEN
        RETURN base * (1 - item.percent_price / 100);
    END IF;
    price := base * (1 - item.price_discount / 100);
    IF item.price_round > 0 THEN
        price := round(price / item.price_round) * item.price_round;
    END IF;
    price := price + item.price_surcharge;
    IF item.price_min_margin > 0 THEN
        price := greatest(price, base + item.price_min_margin);
    END IF;
    IF item.price_max_margin > 0 THEN
        price := least(price, base + item.price_max_margin);
    END IF;
    RETURN price;
END
$$;

-- A customer's pricelist and payment term.
ALTER TABLE res_partner ADD COLUMN property_product_pricelist int, ADD COLUMN property_payment_term_id int;
ALTER TABLE res_partner ADD FOREIGN KEY (company_id, property_product_pricelist) REFERENCES product_pricelist (company_id, id) ON DELETE SET NULL (property_product_pricelist);
ALTER TABLE res_partner ADD FOREIGN KEY (company_id, property_payment_term_id) REFERENCES account_payment_term (company_id, id) ON DELETE SET NULL (property_payment_term_id);

-- ---------------------------------------------------------------------------------------------------
-- CFDI 3.3 catalogues (SAT): uses, payment forms, payment methods.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE l10n_mx_edi_usage (code text PRIMARY KEY, name text NOT NULL);
CREATE TABLE l10n_mx_edi_payment_method (
    id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL
);
CREATE TABLE l10n_mx_edi_payment_policy (code text PRIMARY KEY, name text NOT NULL);
GRANT SELECT ON l10n_mx_edi_usage, l10n_mx_edi_payment_method, l10n_mx_edi_payment_policy TO embudo_service, embudo_bi;
INSERT INTO l10n_mx_edi_usage (code, name) VALUES
    ('G01', 'Adquisición de mercancías'), ('G02', 'Devoluciones, descuentos o bonificaciones'), ('G03', 'Gastos en general'),
    ('I01', 'Construcciones'), ('I02', 'Mobiliario y equipo de oficina por inversiones'), ('I03', 'Equipo de transporte'),
    ('I04', 'Equipo de cómputo y accesorios'), ('I05', 'Dados, troqueles, moldes, matrices y herramental'),
    ('I06', 'Comunicaciones telefónicas'), ('I07', 'Comunicaciones satelitales'), ('I08', 'Otra maquinaria y equipo'),
    ('D01', 'Honorarios médicos, dentales y gastos hospitalarios'), ('D02', 'Gastos médicos por incapacidad o discapacidad'),
    ('D03', 'Gastos funerales'), ('D04', 'Donativos'),
    ('D05', 'Intereses reales efectivamente pagados por créditos hipotecarios (casa habitación)'),
    ('D06', 'Aportaciones voluntarias al SAR'), ('D07', 'Primas por seguros de gastos médicos'),
    ('D08', 'Gastos de transportación escolar obligatoria'),
    ('D09', 'Depósitos en cuentas para el ahorro, primas que tengan como base planes de pensiones'),
    ('D10', 'Pagos por servicios educativos (colegiaturas)'), ('P01', 'Por definir');
INSERT INTO l10n_mx_edi_payment_method (code, name) VALUES
    ('01', 'Efectivo'), ('02', 'Cheque nominativo'), ('03', 'Transferencia electrónica de fondos'), ('04', 'Tarjeta de crédito'),
    ('05', 'Monedero electrónico'), ('06', 'Dinero electrónico'), ('08', 'Vales de despensa'), ('12', 'Dación en pago'),
    ('13', 'Pago por subrogación'), ('14', 'Pago por consignación'), ('15', 'Condonación'), ('17', 'Compensación'),
    ('23', 'Novación'), ('24', 'Confusión'), ('25', 'Remisión de deuda'), ('26', 'Prescripción o caducidad'),
    ('27', 'A satisfacción del acreedor'), ('28', 'Tarjeta de débito'), ('29', 'Tarjeta de servicios'),
    ('30', 'Aplicación de anticipos'), ('31', 'Intermediario pagos'), ('99', 'Por definir');
INSERT INTO l10n_mx_edi_payment_policy (code, name) VALUES
    ('PUE', 'Pago en una sola exhibición'), ('PPD', 'Pago en parcialidades o diferido');

-- ---------------------------------------------------------------------------------------------------
-- Sales orders
-- ---------------------------------------------------------------------------------------------------

-- Order numbers per company (S00001…): one counter row per company, locked by each create, so that
-- concurrent creates never share a number.
CREATE TABLE sale_order_sequence (
    company_id int PRIMARY KEY REFERENCES res_company (id),
    next_number int NOT NULL DEFAULT 1
);
SELECT embudo.enable_tenancy('sale_order_sequence');
CREATE POLICY member_all ON sale_order_sequence TO embudo_service USING (true) WITH CHECK (true);
REVOKE DELETE ON sale_order_sequence FROM embudo_service;
REVOKE SELECT ON sale_order_sequence FROM embudo_bi;

CREATE TABLE sale_order (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL DEFAULT 'New',
    state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'sent', 'sale', 'done', 'cancel')),
    date_order timestamptz NOT NULL DEFAULT now(),
    validity_date date,
    origin text,
    client_order_ref text,
    reference text,
    partner_id int NOT NULL,
    partner_invoice_id int,
    partner_shipping_id int,
    user_id int DEFAULT embudo.current_user_id(),
    team_id int,
    pricelist_id int NOT NULL,
    currency_id int NOT NULL REFERENCES res_currency (id),
    payment_term_id int,
    note text,
    amount_untaxed numeric(16, 2) NOT NULL DEFAULT 0,
    amount_tax numeric(16, 2) NOT NULL DEFAULT 0,
    amount_total numeric(16, 2) NOT NULL DEFAULT 0,
    opportunity_id int,
    campaign_id int,
    medium_id int,
    source_id int,
    require_signature boolean NOT NULL DEFAULT true,
    signature bytea,
    signed_by text,
    signed_on timestamptz,
    l10n_mx_edi_usage text REFERENCES l10n_mx_edi_usage (code),
    l10n_mx_edi_payment_method_id int REFERENCES l10n_mx_edi_payment_method (id),
    l10n_mx_edi_payment_policy text REFERENCES l10n_mx_edi_payment_policy (code),
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    UNIQUE (company_id, name),
    FOREIGN KEY (company_id, partner_id) REFERENCES res_partner (company_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (company_id, partner_invoice_id) REFERENCES res_partner (company_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (company_id, partner_shipping_id) REFERENCES res_partner (company_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (company_id, user_id) REFERENCES res_company_member (company_id, user_id) ON DELETE SET NULL (user_id),
    FOREIGN KEY (company_id, team_id) REFERENCES crm_team (company_id, id) ON DELETE SET NULL (team_id),
    FOREIGN KEY (company_id, pricelist_id) REFERENCES product_pricelist (company_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (company_id, payment_term_id) REFERENCES account_payment_term (company_id, id) ON DELETE SET NULL (payment_term_id),
    FOREIGN KEY (company_id, opportunity_id) REFERENCES crm_lead (company_id, id) ON DELETE SET NULL (opportunity_id),
    FOREIGN KEY (company_id, campaign_id) REFERENCES utm_campaign (company_id, id) ON DELETE SET NULL (campaign_id),
    FOREIGN KEY (company_id, medium_id) REFERENCES utm_medium (company_id, id) ON DELETE SET NULL (medium_id),
    FOREIGN KEY (company_id, source_id) REFERENCES utm_source (company_id, id) ON DELETE SET NULL (source_id),
    CHECK (state NOT IN ('sale', 'done') OR date_order IS NOT NULL)
);
CREATE UNIQUE INDEX sale_order_id ON sale_order (id);
CREATE INDEX sale_order_date ON sale_order (company_id, date_order);
CREATE INDEX sale_order_partner ON sale_order (company_id, partner_id);
CREATE INDEX sale_order_opportunity ON sale_order (company_id, opportunity_id);
CREATE INDEX sale_order_team_state ON sale_order (company_id, team_id, state) INCLUDE (amount_total, amount_untaxed);
CREATE INDEX sale_order_user ON sale_order (company_id, user_id);
COMMENT ON TABLE sale_order IS 'Quotations and sales orders: draft → sent → sale → done, or cancel.';
SELECT embudo.enable_tenancy('sale_order');
-- Own documents: orders where one is the salesperson or none is set; all documents: the company's;
-- only administrators delete (and only draft or cancelled orders).
CREATE POLICY personal_or_all_read ON sale_order FOR SELECT
    USING (user_id = (SELECT embudo.current_user_id()) OR user_id IS NULL
           OR company_id = ANY ((SELECT embudo.company_ids('all'))::int[]));
CREATE POLICY personal_or_all_create ON sale_order FOR INSERT TO embudo_service
    WITH CHECK (user_id = (SELECT embudo.current_user_id()) OR user_id IS NULL
                OR company_id = ANY ((SELECT embudo.company_ids('all'))::int[]));
CREATE POLICY personal_or_all_update ON sale_order FOR UPDATE TO embudo_service
    USING (user_id = (SELECT embudo.current_user_id()) OR user_id IS NULL
           OR company_id = ANY ((SELECT embudo.company_ids('all'))::int[]))
    WITH CHECK (user_id = (SELECT embudo.current_user_id()) OR user_id IS NULL
                OR company_id = ANY ((SELECT embudo.company_ids('all'))::int[]));
CREATE POLICY admin_delete ON sale_order FOR DELETE TO embudo_service
    USING (company_id = ANY ((SELECT embudo.company_ids('admin'))::int[]));
CREATE POLICY owner_exists ON sale_order FOR SELECT TO embudo_owner USING (true);

CREATE TABLE sale_order_tag_rel (
    company_id int NOT NULL,
    order_id int NOT NULL,
    tag_id int NOT NULL,
    PRIMARY KEY (company_id, order_id, tag_id),
    FOREIGN KEY (company_id, order_id) REFERENCES sale_order (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, tag_id) REFERENCES crm_tag (company_id, id) ON DELETE CASCADE
);
SELECT embudo.enable_tenancy('sale_order_tag_rel');
CREATE POLICY with_order ON sale_order_tag_rel
    USING (EXISTS (SELECT 1 FROM sale_order o WHERE o.id = order_id))
    WITH CHECK (EXISTS (SELECT 1 FROM sale_order o WHERE o.id = order_id));

CREATE TABLE sale_order_line (
    company_id int NOT NULL,
    id int GENERATED ALWAYS AS IDENTITY,
    order_id int NOT NULL,
    sequence int NOT NULL DEFAULT 10,
    name text NOT NULL DEFAULT '',
    display_type text CHECK (display_type IN ('line_section', 'line_note')),
    product_id int,
    product_uom_qty numeric(16, 4) NOT NULL DEFAULT 1,
    product_uom int REFERENCES uom_uom (id),
    price_unit numeric(16, 4) NOT NULL DEFAULT 0,
    discount numeric(7, 4) NOT NULL DEFAULT 0 CHECK (discount BETWEEN 0 AND 100),
    price_reduce numeric(16, 4) NOT NULL DEFAULT 0,
    price_subtotal numeric(16, 2) NOT NULL DEFAULT 0,
    price_tax numeric(16, 2) NOT NULL DEFAULT 0,
    price_total numeric(16, 2) NOT NULL DEFAULT 0,
    customer_lead numeric(8, 2) NOT NULL DEFAULT 0,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, order_id) REFERENCES sale_order (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, product_id) REFERENCES product_product (company_id, id) ON DELETE RESTRICT,
    -- Section and note lines carry text only; other lines a product and a unit.
    CHECK (display_type IS NULL OR (product_id IS NULL AND price_unit = 0 AND product_uom_qty = 0 AND product_uom IS NULL)),
    CHECK (display_type IS NOT NULL OR (product_id IS NOT NULL AND product_uom IS NOT NULL))
);
CREATE UNIQUE INDEX sale_order_line_id ON sale_order_line (id);
CREATE INDEX sale_order_line_order ON sale_order_line (company_id, order_id, sequence, id);
CREATE INDEX sale_order_line_product ON sale_order_line (company_id, product_id);
SELECT embudo.enable_tenancy('sale_order_line');
-- Lines follow their order's visibility; salespeople may delete lines (of orders not confirmed).
CREATE POLICY with_order ON sale_order_line
    USING (EXISTS (SELECT 1 FROM sale_order o WHERE o.id = order_id))
    WITH CHECK (EXISTS (SELECT 1 FROM sale_order o WHERE o.id = order_id));

CREATE TABLE account_tax_sale_order_line_rel (
    company_id int NOT NULL,
    sale_order_line_id int NOT NULL,
    account_tax_id int NOT NULL,
    PRIMARY KEY (company_id, sale_order_line_id, account_tax_id),
    FOREIGN KEY (company_id, sale_order_line_id) REFERENCES sale_order_line (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, account_tax_id) REFERENCES account_tax (company_id, id) ON DELETE RESTRICT
);
SELECT embudo.enable_tenancy('account_tax_sale_order_line_rel');
CREATE POLICY with_line ON account_tax_sale_order_line_rel
    USING (EXISTS (SELECT 1 FROM sale_order_line l WHERE l.id = sale_order_line_id))
    WITH CHECK (EXISTS (SELECT 1 FROM sale_order_line l WHERE l.id = sale_order_line_id));

CREATE TABLE sale_order_option (
    company_id int NOT NULL,
    id int GENERATED ALWAYS AS IDENTITY,
    order_id int NOT NULL,
    line_id int,
    name text NOT NULL DEFAULT '',
    product_id int NOT NULL,
    price_unit numeric(16, 4),
    discount numeric(7, 4) NOT NULL DEFAULT 0 CHECK (discount BETWEEN 0 AND 100),
    uom_id int REFERENCES uom_uom (id),
    quantity numeric(16, 4) NOT NULL DEFAULT 1,
    sequence int NOT NULL DEFAULT 10,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, order_id) REFERENCES sale_order (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, line_id) REFERENCES sale_order_line (company_id, id) ON DELETE SET NULL (line_id),
    FOREIGN KEY (company_id, product_id) REFERENCES product_product (company_id, id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX sale_order_option_id ON sale_order_option (id);
CREATE INDEX sale_order_option_order ON sale_order_option (company_id, order_id);
SELECT embudo.enable_tenancy('sale_order_option');
CREATE POLICY with_order ON sale_order_option
    USING (EXISTS (SELECT 1 FROM sale_order o WHERE o.id = order_id))
    WITH CHECK (EXISTS (SELECT 1 FROM sale_order o WHERE o.id = order_id));

-- ---------------------------------------------------------------------------------------------------
-- Order behaviour
-- ---------------------------------------------------------------------------------------------------

-- CFDI 3.3: a payment in instalments or deferred (PPD) leaves the payment form "to be defined" (99).
CREATE FUNCTION embudo.check_cfdi(policy text, method int) RETURNS void
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
CREATE FUNCTION embudo.sale_order_before_insert() RETURNS trigger
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
CREATE TRIGGER defaults BEFORE INSERT ON sale_order FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_before_insert();

-- A quotation created from an opportunity takes its tags; its customer follows it.
CREATE FUNCTION embudo.sale_order_after_insert() RETURNS trigger
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
CREATE TRIGGER opportunity_tags AFTER INSERT ON sale_order FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_after_insert();

-- What may change in which state: a confirmed order keeps its customer and pricelist; a locked or
-- cancelled one its lines. The state itself changes only through the actions below.
CREATE FUNCTION embudo.sale_order_before_update() RETURNS trigger
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
CREATE TRIGGER guard BEFORE UPDATE ON sale_order FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_before_update();

-- Only draft or cancelled orders can be deleted.
CREATE FUNCTION embudo.sale_order_before_delete() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF OLD.state NOT IN ('draft', 'cancel') THEN
        PERFORM embudo.refuse('user', format('You can not delete a sent quotation or a confirmed sales order (%s). You must first cancel it.', OLD.name));
    END IF;
    RETURN OLD;
END
$$;
CREATE TRIGGER only_drafts BEFORE DELETE ON sale_order FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_before_delete();

-- Line defaults (description, unit, price from the pricelist, taxes from the product) and state rules.
CREATE FUNCTION embudo.sale_order_line_before_write() RETURNS trigger
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
CREATE TRIGGER defaults BEFORE INSERT OR UPDATE ON sale_order_line FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_line_before_write();

-- New product lines take the product's sales taxes (the client may change them afterwards).
CREATE FUNCTION embudo.sale_order_line_product_taxes() RETURNS trigger
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
CREATE TRIGGER product_taxes AFTER INSERT ON sale_order_line FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_line_product_taxes();

-- Confirmed lines cannot be deleted.
CREATE FUNCTION embudo.sale_order_line_before_delete() RETURNS trigger
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
CREATE TRIGGER keep_confirmed BEFORE DELETE ON sale_order_line FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_line_before_delete();

-- The amounts of one line (Odoo's compute_all for percentage taxes, rounded per line to the currency):
-- taxes included in the price are taken out of it first, then every tax is computed on that base.
CREATE FUNCTION embudo.sale_line_amounts(line public.sale_order_line, rounding numeric)
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
CREATE FUNCTION embudo.sale_order_recompute(company int, sale_order int) RETURNS void
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
CREATE FUNCTION embudo.sale_order_lines_changed() RETURNS trigger
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
        orders := ARRAY(SELECT ARRAY[n.company_id, n.order_id] FROM new_rows n UNION SELECT ARRAY[o.company_id, o.order_id] FROM old_rows o);
    END IF;
    FOR i IN 1 .. coalesce(array_length(orders, 1), 0) LOOP
        PERFORM embudo.sale_order_recompute(orders[i][1], orders[i][2]);
    END LOOP;
    RETURN NULL;
END
$$;
CREATE FUNCTION embudo.sale_line_taxes_changed() RETURNS trigger
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
CREATE TRIGGER amounts_on_insert AFTER INSERT ON sale_order_line REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION embudo.sale_order_lines_changed();
CREATE TRIGGER amounts_on_update AFTER UPDATE ON sale_order_line REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION embudo.sale_order_lines_changed();
CREATE TRIGGER amounts_on_delete AFTER DELETE ON sale_order_line REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION embudo.sale_order_lines_changed();
CREATE TRIGGER amounts_on_tax_insert AFTER INSERT ON account_tax_sale_order_line_rel REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION embudo.sale_line_taxes_changed();
CREATE TRIGGER amounts_on_tax_delete AFTER DELETE ON account_tax_sale_order_line_rel REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION embudo.sale_line_taxes_changed();

-- A pricelist change re-prices nothing by itself (as in Odoo); a currency change re-rounds.
CREATE FUNCTION embudo.sale_order_currency_changed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM embudo.sale_order_recompute(NEW.company_id, NEW.id);
    RETURN NULL;
END
$$;
CREATE TRIGGER amounts_on_currency AFTER UPDATE OF currency_id ON sale_order
    FOR EACH ROW WHEN (OLD.currency_id IS DISTINCT FROM NEW.currency_id) EXECUTE FUNCTION embudo.sale_order_currency_changed();

-- Options: price from the pricelist, unit and description from the product.
CREATE FUNCTION embudo.sale_order_option_defaults() RETURNS trigger
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
CREATE TRIGGER defaults BEFORE INSERT ON sale_order_option FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_option_defaults();

-- "Add to order": a line from the option (draft or sent quotations only). Returns the line's id.
CREATE FUNCTION embudo.sale_option_add(option int) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    o public.sale_order_option;
    parent public.sale_order;
    line int;
BEGIN
    SELECT * INTO o FROM public.sale_order_option x WHERE x.id = option;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('user', 'This optional product does not exist or you cannot see it.');
    END IF;
    SELECT * INTO parent FROM public.sale_order s WHERE s.company_id = o.company_id AND s.id = o.order_id FOR UPDATE;
    IF parent.state NOT IN ('draft', 'sent') THEN
        PERFORM embudo.refuse('user', 'You cannot add options to a confirmed order.');
    END IF;
    INSERT INTO public.sale_order_line (company_id, order_id, name, product_id, product_uom_qty, product_uom, price_unit, discount,
                                        sequence, create_uid, write_uid)
    VALUES (o.company_id, o.order_id, o.name, o.product_id, o.quantity, o.uom_id, o.price_unit, o.discount,
            coalesce((SELECT max(l.sequence) + 1 FROM public.sale_order_line l WHERE l.company_id = o.company_id AND l.order_id = o.order_id), 10),
            embudo.current_user_id(), embudo.current_user_id())
    RETURNING id INTO line;
    UPDATE public.sale_order_option SET line_id = line, write_date = now() WHERE id = option;
    RETURN line;
END
$$;

-- ---------------------------------------------------------------------------------------------------
-- Lifecycle (reference §2.18). Each action locks the orders first, so that two concurrent
-- confirmations confirm once and the second one gets a clear error.
-- ---------------------------------------------------------------------------------------------------

CREATE FUNCTION embudo.sale_transition(ids int[], allowed text[], target text, refusal text) RETURNS int
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
    PERFORM set_config('embudo.sale_transition', 'on', true);
    UPDATE public.sale_order o SET state = target, write_date = now(), write_uid = me,
        date_order = CASE WHEN target = 'sale' THEN now() ELSE o.date_order END,
        signature = CASE WHEN target = 'draft' THEN NULL ELSE o.signature END,
        signed_by = CASE WHEN target = 'draft' THEN NULL ELSE o.signed_by END,
        signed_on = CASE WHEN target = 'draft' THEN NULL ELSE o.signed_on END
    WHERE o.id = ANY (ids);
    PERFORM set_config('embudo.sale_transition', 'off', true);
    RETURN locked;
END
$$;

-- Mark as sent (no e-mail).
CREATE FUNCTION embudo.sale_mark_sent(ids int[]) RETURNS int
LANGUAGE sql
AS $$
    SELECT embudo.sale_transition(ids, ARRAY['draft'], 'sent', 'Only draft quotations can be marked as sent')
$$;

-- Confirm: the order date becomes now; locked at once when the company locks confirmed sales.
CREATE FUNCTION embudo.sale_confirm(ids int[]) RETURNS int
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

GRANT EXECUTE ON FUNCTION
    embudo.check_cfdi(text, int), embudo.product_defaults(), embudo.pricelist_defaults(), embudo.pricelist_price(int, int, numeric, date),
    embudo.sale_order_before_insert(), embudo.sale_order_after_insert(), embudo.sale_order_before_update(),
    embudo.sale_order_before_delete(), embudo.sale_order_line_before_write(), embudo.sale_order_line_product_taxes(),
    embudo.sale_order_line_before_delete(), embudo.sale_line_amounts(sale_order_line, numeric), embudo.sale_order_recompute(int, int),
    embudo.sale_order_lines_changed(), embudo.sale_line_taxes_changed(), embudo.sale_order_currency_changed(),
    embudo.sale_order_option_defaults(), embudo.sale_option_add(int), embudo.sale_transition(int[], text[], text, text),
    embudo.sale_mark_sent(int[]), embudo.sale_confirm(int[])
TO embudo_service;

-- ---------------------------------------------------------------------------------------------------
-- History, followers and activities on orders too.
-- ---------------------------------------------------------------------------------------------------

ALTER TABLE mail_message DROP CONSTRAINT mail_message_model_check;
ALTER TABLE mail_message ADD CHECK (model IN ('crm.lead', 'sale.order'));
ALTER TABLE mail_message ADD COLUMN order_id int GENERATED ALWAYS AS (CASE WHEN model = 'sale.order' THEN res_id END) STORED;
ALTER TABLE mail_message ADD FOREIGN KEY (company_id, order_id) REFERENCES sale_order (company_id, id) ON DELETE CASCADE;
CREATE INDEX mail_message_order ON mail_message (company_id, order_id);
DROP POLICY with_document_read ON mail_message;
CREATE POLICY with_document_read ON mail_message FOR SELECT
    USING (EXISTS (SELECT 1 FROM crm_lead l WHERE l.id = lead_id) OR EXISTS (SELECT 1 FROM sale_order o WHERE o.id = order_id));
DROP POLICY with_document_move ON mail_message;
CREATE POLICY with_document_move ON mail_message FOR UPDATE TO embudo_service
    USING (EXISTS (SELECT 1 FROM crm_lead l WHERE l.id = lead_id) OR EXISTS (SELECT 1 FROM sale_order o WHERE o.id = order_id))
    WITH CHECK (true);

ALTER TABLE mail_followers DROP CONSTRAINT mail_followers_res_model_check;
ALTER TABLE mail_followers ADD CHECK (res_model IN ('crm.lead', 'sale.order'));
ALTER TABLE mail_followers ADD COLUMN order_id int GENERATED ALWAYS AS (CASE WHEN res_model = 'sale.order' THEN res_id END) STORED;
ALTER TABLE mail_followers ADD FOREIGN KEY (company_id, order_id) REFERENCES sale_order (company_id, id) ON DELETE CASCADE;
DROP POLICY with_document ON mail_followers;
CREATE POLICY with_document ON mail_followers TO embudo_service
    USING (EXISTS (SELECT 1 FROM crm_lead l WHERE l.id = lead_id) OR EXISTS (SELECT 1 FROM sale_order o WHERE o.id = order_id))
    WITH CHECK (true);

ALTER TABLE mail_activity ADD COLUMN order_id int GENERATED ALWAYS AS (CASE WHEN res_model = 'sale.order' THEN res_id END) STORED;
ALTER TABLE mail_activity ADD FOREIGN KEY (company_id, order_id) REFERENCES sale_order (company_id, id) ON DELETE CASCADE;
CREATE INDEX mail_activity_order ON mail_activity (company_id, order_id);
DROP POLICY with_document_read ON mail_activity;
DROP POLICY with_document_create ON mail_activity;
DROP POLICY owner_or_writer_update ON mail_activity;
DROP POLICY owner_or_writer_delete ON mail_activity;
CREATE OR REPLACE FUNCTION embudo.document_visible(model text, record int) RETURNS boolean
LANGUAGE sql STABLE
AS $$
    SELECT CASE model WHEN 'crm.lead' THEN EXISTS (SELECT 1 FROM public.crm_lead l WHERE l.id = record)
                      WHEN 'sale.order' THEN EXISTS (SELECT 1 FROM public.sale_order o WHERE o.id = record)
                      ELSE false END
$$;
CREATE POLICY with_document_read ON mail_activity FOR SELECT
    USING (EXISTS (SELECT 1 FROM crm_lead l WHERE l.id = lead_id) OR EXISTS (SELECT 1 FROM sale_order o WHERE o.id = order_id));
CREATE POLICY with_document_create ON mail_activity FOR INSERT TO embudo_service
    WITH CHECK (EXISTS (SELECT 1 FROM crm_lead l WHERE l.id = lead_id) OR EXISTS (SELECT 1 FROM sale_order o WHERE o.id = order_id));
CREATE POLICY owner_or_writer_update ON mail_activity FOR UPDATE TO embudo_service
    USING (create_uid = (SELECT embudo.current_user_id()) OR user_id = (SELECT embudo.current_user_id())
           OR EXISTS (SELECT 1 FROM crm_lead l WHERE l.id = lead_id) OR EXISTS (SELECT 1 FROM sale_order o WHERE o.id = order_id));
CREATE POLICY owner_or_writer_delete ON mail_activity FOR DELETE TO embudo_service
    USING (create_uid = (SELECT embudo.current_user_id()) OR user_id = (SELECT embudo.current_user_id())
           OR EXISTS (SELECT 1 FROM crm_lead l WHERE l.id = lead_id) OR EXISTS (SELECT 1 FROM sale_order o WHERE o.id = order_id));

INSERT INTO mail_message_subtype (name, description, res_model, internal, hidden, "default", sequence) VALUES
    ('Quotation sent', 'Quotation sent', 'sale.order', false, false, false, 1),
    ('Sales Order Confirmed', 'Quotation confirmed', 'sale.order', false, false, false, 1);
INSERT INTO ir_model_data (module, name, model, res_id)
SELECT 'sale', CASE s.name WHEN 'Quotation sent' THEN 'mt_order_sent' ELSE 'mt_order_confirmed' END, 'mail.message.subtype', s.id
FROM mail_message_subtype s WHERE s.res_model = 'sale.order';

-- Posts the lifecycle messages of orders (Quotation sent, Sales Order Confirmed) with the state change.
CREATE FUNCTION embudo.sale_order_track() RETURNS trigger
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
CREATE FUNCTION embudo.sale_state_label(state text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT CASE state WHEN 'draft' THEN 'Quotation' WHEN 'sent' THEN 'Quotation Sent' WHEN 'sale' THEN 'Sales Order'
                      WHEN 'done' THEN 'Locked' WHEN 'cancel' THEN 'Cancelled' END
$$;
CREATE TRIGGER track AFTER INSERT OR UPDATE OF state ON sale_order FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_track();

-- The rest of the lifecycle.
CREATE FUNCTION embudo.sale_cancel(ids int[]) RETURNS int
LANGUAGE plpgsql
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM public.sale_order o WHERE o.id = ANY (ids) AND o.state = 'done') THEN
        PERFORM embudo.refuse('user', 'You cannot cancel a locked order. Please unlock it first.');
    END IF;
    RETURN embudo.sale_transition(ids, ARRAY['draft', 'sent', 'sale'], 'cancel', 'These orders cannot be cancelled');
END
$$;
CREATE FUNCTION embudo.sale_draft(ids int[]) RETURNS int
LANGUAGE sql
AS $$ SELECT embudo.sale_transition(ids, ARRAY['cancel', 'sent'], 'draft', 'Only cancelled or sent quotations can be set back to quotation') $$;
CREATE FUNCTION embudo.sale_lock(ids int[]) RETURNS int
LANGUAGE sql
AS $$ SELECT embudo.sale_transition(ids, ARRAY['sale'], 'done', 'Only confirmed orders can be locked') $$;
CREATE FUNCTION embudo.sale_unlock(ids int[]) RETURNS int
LANGUAGE sql
AS $$ SELECT embudo.sale_transition(ids, ARRAY['done'], 'sale', 'Only locked orders can be unlocked') $$;

-- ---------------------------------------------------------------------------------------------------
-- The quotation e-mail: lines, totals, expiration and payment terms, queued for the customer; the
-- quotation is then marked sent. Returns the queued mails' ids.
-- ---------------------------------------------------------------------------------------------------

CREATE FUNCTION embudo.html_escape(text text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$ SELECT replace(replace(replace(replace(text, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;') $$;

CREATE FUNCTION embudo.money(amount numeric, currency int) RETURNS text
LANGUAGE sql STABLE
AS $$
    SELECT to_char(amount, 'FM999G999G999G990D' || repeat('0', greatest(c.decimal_places, 1))) || ' ' || c.symbol
    FROM public.res_currency c WHERE c.id = currency
$$;

-- What later features add to the quotation e-mail (the online answer link), as HTML.
CREATE FUNCTION embudo.sale_mail_extra(sale_order int) RETURNS text
LANGUAGE sql
AS $$ SELECT ''::text $$;

CREATE FUNCTION embudo.sale_send_quotation(ids int[]) RETURNS int[]
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
        sender := coalesce((SELECT u.name || ' <' || u.email || '>' FROM public.res_users u WHERE u.id = coalesce(o.user_id, me) AND u.email IS NOT NULL),
                           (SELECT u.name || ' <' || u.email || '>' FROM public.res_users u WHERE u.id = me AND u.email IS NOT NULL),
                           company_name || ' <noreply@localhost>');
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
        INSERT INTO public.mail_mail (company_id, email_from, email_to, subject, body_html, model, res_id, mail_message_id, create_uid, write_uid)
        VALUES (o.company_id, sender, customer.name || ' <' || embudo.normalize_email(customer.email) || '>', subject, body, 'sale.order', o.id,
                message, me, me)
        RETURNING id INTO mail;
        mails := mails || mail;
    END LOOP;
    PERFORM embudo.sale_transition(ARRAY(SELECT x.id FROM public.sale_order x WHERE x.id = ANY (ids) AND x.state = 'draft'),
                                   ARRAY['draft'], 'sent', 'Only draft quotations can be marked as sent');
    RETURN mails;
END
$$;

-- ---------------------------------------------------------------------------------------------------
-- Default sales data of every company: the public pricelist, the payment terms.
-- ---------------------------------------------------------------------------------------------------

CREATE FUNCTION embudo.seed_sales(company int) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    pricelist int;
    term int;
    spec record;
BEGIN
    INSERT INTO public.product_pricelist (company_id, name, currency_id, sequence)
    VALUES (company, 'Public Pricelist', (SELECT c.currency_id FROM public.res_company c WHERE c.id = company), 1)
    RETURNING id INTO pricelist;
    INSERT INTO public.ir_model_data (module, name, model, res_id, company_id) VALUES ('product', 'list0', 'product.pricelist', pricelist, company);
    FOR spec IN SELECT * FROM (VALUES
        ('Immediate Payment', 'account_payment_term_immediate', 0, 'day_after_invoice_date', 'Payment terms: Immediate Payment'),
        ('15 Days', 'account_payment_term_15days', 15, 'day_after_invoice_date', 'Payment terms: 15 Days'),
        ('30 Days', 'account_payment_term_30days', 30, 'day_after_invoice_date', 'Payment terms: 30 Days'),
        ('End of Following Month', 'account_payment_term_end_following_month', 31, 'day_following_month', 'Payment terms: End of Following Month')
    ) s (name, xmlid, days, option, note) LOOP
        INSERT INTO public.account_payment_term (company_id, name, note) VALUES (company, spec.name, spec.note) RETURNING id INTO term;
        INSERT INTO public.account_payment_term_line (company_id, payment_id, value, days, option) VALUES (company, term, 'balance', spec.days, spec.option);
        INSERT INTO public.ir_model_data (module, name, model, res_id, company_id) VALUES ('account', spec.xmlid, 'account.payment.term', term, company);
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION embudo.crm_company_created() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM embudo.crm_seed_company(NEW.id);
    PERFORM embudo.seed_activity_types(NEW.id);
    PERFORM embudo.seed_sales(NEW.id);
    RETURN NULL;
END
$$;

ALTER TABLE res_company NO FORCE ROW LEVEL SECURITY;
ALTER TABLE product_pricelist NO FORCE ROW LEVEL SECURITY;
ALTER TABLE account_payment_term NO FORCE ROW LEVEL SECURITY;
ALTER TABLE account_payment_term_line NO FORCE ROW LEVEL SECURITY;
SELECT embudo.seed_sales(c.id) FROM res_company c ORDER BY c.id;
ALTER TABLE res_company FORCE ROW LEVEL SECURITY;
ALTER TABLE product_pricelist FORCE ROW LEVEL SECURITY;
ALTER TABLE account_payment_term FORCE ROW LEVEL SECURITY;
ALTER TABLE account_payment_term_line FORCE ROW LEVEL SECURITY;

INSERT INTO ir_model (model, name) VALUES
    ('uom.uom', 'Product Unit of Measure'), ('uom.category', 'Product UoM Categories'), ('account.tax', 'Tax'),
    ('account.payment.term', 'Payment Terms'), ('account.payment.term.line', 'Payment Terms Line'),
    ('product.category', 'Product Category'), ('product.product', 'Product'), ('product.pricelist', 'Pricelist'),
    ('product.pricelist.item', 'Pricelist Rule'), ('sale.order', 'Sales Order'), ('sale.order.line', 'Sales Order Line'),
    ('sale.order.option', 'Sale Options'), ('crm.quotation.partner', 'Create new or use existing Customer on new Quotation'),
    ('l10n_mx_edi.payment.method', 'Payment Method'), ('l10n_mx_edi.usage', 'CFDI Usage'), ('l10n_mx_edi.payment.policy', 'Payment Policy');

GRANT EXECUTE ON FUNCTION
    embudo.sale_order_track(), embudo.sale_state_label(text), embudo.sale_cancel(int[]),
    embudo.sale_draft(int[]), embudo.sale_lock(int[]), embudo.sale_unlock(int[]), embudo.html_escape(text),
    embudo.money(numeric, int), embudo.sale_send_quotation(int[]), embudo.sale_mail_extra(int)
TO embudo_service;

-- ---------------------------------------------------------------------------------------------------
-- crm.quotation.partner: the customer of an opportunity that gets a quotation (reference §2.8).
-- ---------------------------------------------------------------------------------------------------

CREATE FUNCTION embudo.crm_quotation_partner_defaults(lead_id int) RETURNS jsonb
LANGUAGE plpgsql STABLE
AS $$
DECLARE
    lead public.crm_lead;
    partner int;
BEGIN
    SELECT * INTO lead FROM public.crm_lead l WHERE l.id = lead_id;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('user', 'The opportunity does not exist or you cannot see it.');
    END IF;
    partner := embudo.crm_matching_partner(lead);
    RETURN jsonb_build_object('lead_id', lead.id, 'partner_id', partner, 'action', CASE WHEN partner IS NOT NULL THEN 'exist' ELSE 'create' END);
END
$$;

-- Links (exist) or creates (create) the opportunity's customer; returns it (NULL for nothing).
CREATE FUNCTION embudo.crm_quotation_partner_apply(lead_id int, action text, partner int) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    lead public.crm_lead;
    customer int;
BEGIN
    SELECT * INTO lead FROM public.crm_lead l WHERE l.id = lead_id;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('user', 'The opportunity does not exist or you cannot see it.');
    END IF;
    IF action = 'exist' THEN
        customer := coalesce(partner, lead.partner_id);
        IF customer IS NULL THEN
            PERFORM embudo.refuse('user', 'Choose the existing customer to link.');
        END IF;
    ELSIF action = 'create' THEN
        customer := coalesce(lead.partner_id, embudo.crm_create_customer(lead, lead.user_id));
    ELSIF action = 'nothing' THEN
        RETURN lead.partner_id;
    ELSE
        PERFORM embudo.refuse('validation', format('Unknown action %s.', action));
    END IF;
    UPDATE public.crm_lead SET partner_id = customer, write_date = now(), write_uid = embudo.current_user_id()
    WHERE id = lead.id AND partner_id IS DISTINCT FROM customer;
    RETURN customer;
END
$$;

GRANT EXECUTE ON FUNCTION embudo.crm_quotation_partner_defaults(int), embudo.crm_quotation_partner_apply(int, text, int) TO embudo_service;
