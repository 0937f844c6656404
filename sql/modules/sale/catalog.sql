-- What quotations are made of: units of measure (global, like currencies), taxes, payment terms,
-- products and their categories, pricelists and their rules, and the CFDI 3.3 catalogues (SAT) Mexican
-- customers need. Every member reads the company's catalog; administrators edit it.

GRANT SELECT ON uom_category, uom_uom TO embudo_service, embudo_report;
GRANT SELECT ON l10n_mx_edi_usage, l10n_mx_edi_payment_method, l10n_mx_edi_payment_policy TO embudo_service, embudo_report;

SELECT embudo.enable_tenancy(t), embudo.enable_catalog_policies(t, 'admin', 'admin')
FROM unnest('{account_tax, account_payment_term, account_payment_term_line, product_category, product_product,
              product_taxes_rel, product_pricelist, product_pricelist_item}'::regclass[]) t;
-- A deleted category leaves its products without one (base/policies.sql, embudo.enable_unlink).
SELECT embudo.enable_unlink('product_product', 'categ_id', 'product_category');

-- Units default to "Units".
CREATE OR REPLACE FUNCTION embudo.product_defaults() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.uom_id := coalesce(NEW.uom_id, (SELECT d.res_id FROM public.ir_model_data d WHERE d.module = 'uom' AND d.name = 'product_uom_unit'));
    RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER defaults BEFORE INSERT ON product_product FOR EACH ROW EXECUTE FUNCTION embudo.product_defaults();

-- A pricelist's currency defaults to the company's.
CREATE OR REPLACE FUNCTION embudo.pricelist_defaults() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.currency_id := coalesce(NEW.currency_id, (SELECT c.currency_id FROM public.res_company c WHERE c.id = NEW.company_id),
                                (SELECT r.id FROM public.res_currency r WHERE r.name = 'USD'));
    RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER defaults BEFORE INSERT ON product_pricelist FOR EACH ROW EXECUTE FUNCTION embudo.pricelist_defaults();

-- The unit price of `product` for `quantity` on `day` in `pricelist` (reference: Odoo's pricelist
-- rules): the first matching item, product before category (the most specific category first) before
-- global, larger minimum quantities first; fixed price, percentage off the sales price, or formula
-- (discount, rounding, surcharge, margins over the cost). No matching item: the sales price.
CREATE OR REPLACE FUNCTION embudo.pricelist_price(pricelist int, product int, quantity numeric, day date) RETURNS numeric
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

GRANT EXECUTE ON FUNCTION embudo.product_defaults(), embudo.pricelist_defaults(), embudo.pricelist_price(int, int, numeric, date)
TO embudo_service;
