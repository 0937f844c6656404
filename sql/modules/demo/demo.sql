-- Demo data at scale (`embudo demo`): two years of a company's pipeline, written in bulk by the
-- privileged login with triggers off (session_replication_role = replica), so every value the
-- triggers would compute is set here.
CREATE OR REPLACE FUNCTION embudo.demo_fill(company int, leads int) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    team int := (SELECT t.id FROM public.crm_team t WHERE t.company_id = company ORDER BY t.sequence, t.id LIMIT 1);
    stages int[] := ARRAY(SELECT s.id FROM public.crm_stage s WHERE s.company_id = company AND NOT s.is_won ORDER BY s.sequence, s.id);
    won_stage int := (SELECT s.id FROM public.crm_stage s WHERE s.company_id = company AND s.is_won ORDER BY s.sequence LIMIT 1);
    people int[];
    customers int[];
    reasons int[] := ARRAY(SELECT r.id FROM public.crm_lost_reason r WHERE r.company_id = company);
    call_type int := (SELECT d.res_id FROM public.ir_model_data d WHERE d.company_id = company AND d.name = 'mail_activity_data_call');
    pricelist int := (SELECT p.id FROM public.product_pricelist p WHERE p.company_id = company ORDER BY p.sequence, p.id LIMIT 1);
    currency int := (SELECT c.currency_id FROM public.res_company c WHERE c.id = company);
    -- Names in the company's language; a Mexican company's customers are in Mexico.
    lang text := (SELECT c.lang FROM public.res_company c WHERE c.id = company);
    mexican boolean := lang = 'es_MX';
    products int[];
    orders int;
BEGIN
    INSERT INTO public.res_users (login, name)
    SELECT 'demo' || company || '.' || n || '@example.com', embudo.localized(lang, 'Salesperson ', 'Vendedor ') || company || '.' || n
    FROM generate_series(1, 5) n
    WHERE NOT EXISTS (SELECT 1 FROM public.res_users u WHERE lower(u.login) = 'demo' || company || '.' || n || '@example.com');
    PERFORM embudo.grant_member(company, u.id, 'own') FROM public.res_users u
    WHERE u.login LIKE 'demo' || company || '.%@example.com'
      AND NOT EXISTS (SELECT FROM public.res_company_member m WHERE m.company_id = company AND m.user_id = u.id);
    people := ARRAY(SELECT m.user_id FROM public.res_company_member m WHERE m.company_id = company ORDER BY m.user_id);
    INSERT INTO public.crm_team_member (company_id, team_id, user_id) SELECT company, team, p FROM unnest(people) p ON CONFLICT DO NOTHING;

    INSERT INTO public.res_partner (company_id, name, is_company, email, city, country_id)
    SELECT company, embudo.localized(lang, 'Customer ', 'Cliente ') || n, n % 3 = 0, 'buyer' || n || '@customer' || company || '.example',
           CASE WHEN mexican THEN (ARRAY['Monterrey', 'Guadalajara', 'Ciudad de México', 'Puebla', 'Querétaro'])[1 + n % 5]
                ELSE (ARRAY['Madrid', 'Lima', 'Bogotá', 'Quito', 'Monterrey'])[1 + n % 5] END,
           (SELECT id FROM public.res_country WHERE code = CASE WHEN mexican THEN 'MX' ELSE 'ES' END)
    FROM generate_series(1, greatest(leads / 10, 1)) n;
    customers := ARRAY(SELECT p.id FROM public.res_partner p WHERE p.company_id = company ORDER BY p.id);
    INSERT INTO public.product_product (company_id, name, list_price, uom_id)
    SELECT company, embudo.localized(lang, 'Product ', 'Producto ') || n, 10 * n, (SELECT d.res_id FROM public.ir_model_data d WHERE d.name = 'product_uom_unit') FROM generate_series(1, 10) n;
    products := ARRAY(SELECT p.id FROM public.product_product p WHERE p.company_id = company ORDER BY p.id);

    -- Leads: created over two years; 20 % won, 15 % lost, the rest open.
    WITH generated AS (
        SELECT n, now() - (random() * 730) * interval '1 day' AS created, random() AS fate, random() AS r1, random() AS r2
        FROM generate_series(1, leads) n
    )
    INSERT INTO public.crm_lead (company_id, name, type, active, priority, user_id, team_id, stage_id, expected_revenue, probability,
                                 automated_probability, date_deadline, date_closed, date_open, date_last_stage_update, date_conversion,
                                 partner_id, email_from, email_normalized, lost_reason, create_date, write_date)
    SELECT company, embudo.localized(lang, 'Opportunity ', 'Oportunidad ') || n,
           CASE WHEN fate < 0.35 OR r1 < 0.8 THEN 'opportunity' ELSE 'lead' END,
           NOT (fate >= 0.2 AND fate < 0.35),
           (floor(r2 * 4))::int::text,
           people[1 + (n % cardinality(people))], team,
           CASE WHEN fate < 0.2 THEN won_stage ELSE stages[1 + (n % cardinality(stages))] END,
           round((500 + r1 * 49500)::numeric, 2),
           CASE WHEN fate < 0.2 THEN 100 WHEN fate < 0.35 THEN 0 ELSE round((10 + r2 * 80)::numeric, 2)::float8 END,
           CASE WHEN fate < 0.2 THEN 100 WHEN fate < 0.35 THEN 0 ELSE 10 END,
           (created + (30 + r2 * 90) * interval '1 day')::date,
           CASE WHEN fate < 0.35 THEN created + (10 + r1 * 80) * interval '1 day' END,
           created + interval '2 hours', created + (r2 * 20) * interval '1 day',
           CASE WHEN r1 < 0.8 THEN created + interval '1 day' END,
           customers[1 + (n % cardinality(customers))], 'buyer' || n || '@example.com', 'buyer' || n || '@example.com',
           CASE WHEN fate >= 0.2 AND fate < 0.35 THEN reasons[1 + (n % cardinality(reasons))] END,
           created, created
    FROM generated;

    -- A pending call on every fifth open lead; a done one on every tenth lead.
    -- (Triggers are off: each takes its lead's salesperson_key, which the activity's trigger would copy.)
    INSERT INTO public.mail_activity (company_id, res_model, res_id, lead_salesperson_key, activity_type_id, summary, date_deadline, user_id, create_uid)
    SELECT l.company_id, 'crm.lead', l.id, l.salesperson_key, call_type, embudo.localized(lang, 'Follow up', 'Dar seguimiento'),
           (now() + ((l.id % 21) - 10) * interval '1 day')::date, l.user_id, l.user_id
    FROM public.crm_lead l WHERE l.company_id = company AND l.active AND l.probability < 100 AND l.id % 5 = 0 AND l.user_id IS NOT NULL;
    INSERT INTO public.mail_activity (company_id, res_model, res_id, lead_salesperson_key, activity_type_id, summary, date_deadline, user_id, active,
                                      date_done, feedback, create_uid)
    SELECT l.company_id, 'crm.lead', l.id, l.salesperson_key, call_type, embudo.localized(lang, 'First call', 'Primera llamada'),
           (l.create_date + interval '3 days')::date, l.user_id, false,
           (l.create_date + interval '3 days')::date, embudo.localized(lang, 'Interested', 'Interesado'), l.user_id
    FROM public.crm_lead l WHERE l.company_id = company AND l.id % 10 = 0 AND l.user_id IS NOT NULL;

    -- Quotations on every tenth opportunity, with two lines; the won ones confirmed. (Triggers are off:
    -- the lines take their order's salesperson_key here, which a line's trigger would copy.)
    WITH quoted AS (
        SELECT l.*, row_number() OVER (ORDER BY l.id) AS k FROM public.crm_lead l
        WHERE l.company_id = company AND l.type = 'opportunity' AND l.id % 10 = 3
    ), inserted AS (
        INSERT INTO public.sale_order (company_id, name, state, date_order, partner_id, partner_invoice_id, partner_shipping_id, user_id,
                                       team_id, pricelist_id, currency_id, opportunity_id, origin, create_date, write_date)
        SELECT company, 'S' || lpad(q.k::text, 5, '0'), CASE WHEN q.probability = 100 THEN 'sale' WHEN q.active THEN 'sent' ELSE 'cancel' END,
               coalesce(q.date_closed, q.create_date + interval '5 days'), q.partner_id, q.partner_id, q.partner_id, q.user_id, q.team_id,
               pricelist, currency, q.id, q.name, q.create_date, q.create_date
        FROM quoted q
        RETURNING id, company_id, salesperson_key
    )
    INSERT INTO public.sale_order_line (company_id, order_id, salesperson_key, name, product_id, product_uom_qty, product_uom, price_unit,
                                        price_reduce, price_subtotal, price_tax, price_total)
    SELECT i.company_id, i.id, i.salesperson_key, embudo.localized(lang, 'Product ', 'Producto ') || p.k, products[p.k], p.k,
           (SELECT d.res_id FROM public.ir_model_data d WHERE d.name = 'product_uom_unit'), 10 * p.k, 10 * p.k, 10 * p.k * p.k, 0, 10 * p.k * p.k
    FROM inserted i CROSS JOIN (VALUES (1), (2)) p (k);
    UPDATE public.sale_order o SET amount_untaxed = t.s, amount_total = t.s
    FROM (SELECT l.order_id, sum(l.price_subtotal) AS s FROM public.sale_order_line l WHERE l.company_id = company GROUP BY l.order_id) t
    WHERE o.company_id = company AND o.id = t.order_id;
    orders := (SELECT count(*) FROM public.sale_order o WHERE o.company_id = company);
    INSERT INTO public.sale_order_sequence (company_id, next_number) VALUES (company, orders + 1)
    ON CONFLICT (company_id) DO UPDATE SET next_number = greatest(sale_order_sequence.next_number, excluded.next_number);
END
$$;
