-- Default sales data of every company: the "Order Upsell" activity type, the public pricelist, the
-- payment terms, with per-company external ids.

-- Seeds a new company (embudo.create_company calls seed_40_sale after the activities' module).
CREATE OR REPLACE FUNCTION embudo.seed_40_sale(company int) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    lang constant text := (SELECT c.lang FROM public.res_company c WHERE c.id = company);
    currency constant int := (SELECT c.currency_id FROM public.res_company c WHERE c.id = company);
    upsell int;
    pricelist int;
    term int;
    spec record;
BEGIN
    INSERT INTO public.mail_activity_type (company_id, name, icon, delay_count, sequence, category, decoration_type, active, res_model)
    VALUES (company, embudo.localized(lang, 'Order Upsell', 'Venta adicional'), 'fa-line-chart', 0, 10, 'default', NULL, true, 'sale.order')
    RETURNING id INTO upsell;
    INSERT INTO public.ir_model_data (module, name, model, res_id, company_id)
    VALUES ('sale', 'mail_act_sale_upsell', 'mail.activity.type', upsell, company);
    INSERT INTO public.product_pricelist (company_id, name, currency_id, sequence)
    VALUES (company, embudo.localized(lang, 'Public Pricelist', 'Lista de precios pública'), currency, 1)
    RETURNING id INTO pricelist;
    INSERT INTO public.ir_model_data (module, name, model, res_id, company_id) VALUES ('product', 'list0', 'product.pricelist', pricelist, company);
    FOR spec IN SELECT * FROM (VALUES
        ('Immediate Payment', 'Pago inmediato', 'account_payment_term_immediate', 0, 'day_after_invoice_date'),
        ('15 Days', '15 días', 'account_payment_term_15days', 15, 'day_after_invoice_date'),
        ('30 Days', '30 días', 'account_payment_term_30days', 30, 'day_after_invoice_date'),
        ('End of Following Month', 'Fin del mes siguiente', 'account_payment_term_end_following_month', 31, 'day_following_month')
    ) s (english, spanish, xmlid, days, option) LOOP
        INSERT INTO public.account_payment_term (company_id, name, note)
        VALUES (company, embudo.localized(lang, spec.english, spec.spanish),
                embudo.localized(lang, 'Payment terms: ' || spec.english, 'Condiciones de pago: ' || spec.spanish))
        RETURNING id INTO term;
        INSERT INTO public.account_payment_term_line (company_id, payment_id, value, days, option) VALUES (company, term, 'balance', spec.days, spec.option);
        INSERT INTO public.ir_model_data (module, name, model, res_id, company_id) VALUES ('account', spec.xmlid, 'account.payment.term', term, company);
    END LOOP;
END
$$;
