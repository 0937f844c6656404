-- The quotation e-mail (action_quotation_send): lines, totals, expiration and payment terms, and the link
-- to answer online (embudo.sale_mail_extra, in portal.sql), queued for the customer; the quotation is
-- then marked sent. Returns the queued mails' ids.

-- An amount with the currency's decimals and symbol.
CREATE OR REPLACE FUNCTION embudo.money(amount numeric, currency int) RETURNS text
LANGUAGE sql STABLE
AS $$
    SELECT to_char(amount, 'FM999G999G999G990D' || repeat('0', greatest(c.decimal_places, 1))) || ' ' || c.symbol
    FROM public.res_currency c WHERE c.id = currency
$$;

-- Sends quotations by e-mail (Odoo's action_quotation_send, done at once with the default template):
-- the message in the history, the mail in the queue with the lines, totals, expiration and payment
-- terms; a draft quotation is then marked sent. Returns the queued mails' ids. The sender is the user
-- who sends it (their address), else the company's noreply address at its mail domain
-- (noreply@localhost without one), never the salesperson's address on someone else's behalf; the mail
-- is queued on behalf of the user (embudo.mail_on_behalf), so that salespeople with "own documents"
-- send their quotations.
CREATE OR REPLACE FUNCTION embudo.sale_send_quotation(ids int[]) RETURNS int[]
LANGUAGE plpgsql
AS $$
DECLARE
    o public.sale_order;
    customer public.res_partner;
    sender text;
    company_name text;
    body text;
    subject text;
    lang text;
    quotation boolean;
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
        SELECT c.name, coalesce(customer.lang, c.lang) INTO company_name, lang FROM public.res_company c WHERE c.id = o.company_id;
        sender := coalesce((SELECT embudo.mail_format_address(u.name, embudo.normalize_email(u.email)) FROM public.res_users u
                            WHERE u.id = me AND embudo.normalize_email(u.email) IS NOT NULL),
                           embudo.mail_format_address(company_name, 'noreply@' || coalesce((SELECT c.alias_domain FROM public.res_company c
                                                                                             WHERE c.id = o.company_id), 'localhost')));
        -- In the customer's language (else the company's), with the user guide's words: Presupuesto, Pedido.
        quotation := o.state IN ('draft', 'sent');
        subject := company_name || ' ' || CASE WHEN quotation THEN embudo.localized(lang, 'Quotation', 'Presupuesto')
                                               ELSE embudo.localized(lang, 'Order', 'Pedido') END || ' (Ref ' || o.name || ')';
        body := '<div style="font-family: sans-serif">'
            || '<p>' || embudo.localized(lang, 'Hello ', 'Hola, ') || embudo.html_escape(customer.name) || ',</p>'
            || '<p>' || CASE WHEN quotation THEN embudo.localized(lang, 'Here is your quotation', 'Te enviamos tu presupuesto')
                             ELSE embudo.localized(lang, 'Here is your order', 'Te enviamos tu pedido') END || ' <strong>'
            || embudo.html_escape(o.name) || '</strong> ' || embudo.localized(lang, 'amounting to', 'por un total de') || ' <strong>'
            || embudo.money(o.amount_total, o.currency_id) || '</strong>.</p>'
            || '<table style="border-collapse: collapse" border="1" cellpadding="4"><thead><tr><th>'
            || embudo.localized(lang, 'Description', 'Descripción') || '</th><th>' || embudo.localized(lang, 'Quantity', 'Cantidad') || '</th><th>'
            || embudo.localized(lang, 'Unit Price', 'Precio unitario') || '</th><th>' || embudo.localized(lang, 'Disc.%', 'Desc.%') || '</th><th>'
            || embudo.localized(lang, 'Amount', 'Importe') || '</th></tr></thead><tbody>'
            || coalesce((SELECT string_agg(CASE WHEN l.display_type IS NOT NULL
                    THEN '<tr><td colspan="5"><em>' || embudo.html_escape(l.name) || '</em></td></tr>'
                    ELSE '<tr><td>' || embudo.html_escape(l.name) || '</td><td>' || trim_scale(l.product_uom_qty)::text || ' '
                         || coalesce(embudo.html_escape((SELECT u.name FROM public.uom_uom u WHERE u.id = l.product_uom)), '') || '</td><td>'
                         || embudo.money(l.price_unit, o.currency_id) || '</td><td>' || trim_scale(l.discount)::text || '</td><td>'
                         || embudo.money(l.price_subtotal, o.currency_id) || '</td></tr>' END, '' ORDER BY l.sequence, l.id)
                         FROM public.sale_order_line l WHERE l.company_id = o.company_id AND l.order_id = o.id), '')
            || '</tbody></table>'
            || '<p>' || embudo.localized(lang, 'Untaxed amount: ', 'Subtotal: ') || embudo.money(o.amount_untaxed, o.currency_id)
            || '<br/>' || embudo.localized(lang, 'Taxes: ', 'Impuestos: ') || embudo.money(o.amount_tax, o.currency_id)
            || '<br/><strong>Total: ' || embudo.money(o.amount_total, o.currency_id) || '</strong></p>'
            || CASE WHEN o.validity_date IS NOT NULL
                    THEN '<p>' || embudo.localized(lang, 'This quotation is valid until ', 'Este presupuesto es válido hasta el ')
                         || CASE WHEN lang LIKE 'es%' THEN to_char(o.validity_date, 'DD/MM/YYYY') ELSE to_char(o.validity_date, 'YYYY-MM-DD') END || '.</p>'
                    ELSE '' END
            || coalesce('<p>' || embudo.localized(lang, 'Payment terms: ', 'Condiciones de pago: ')
                        || embudo.html_escape((SELECT t.name FROM public.account_payment_term t
                                               WHERE t.company_id = o.company_id AND t.id = o.payment_term_id)) || '</p>', '')
            || coalesce('<p>' || embudo.html_escape(o.note) || '</p>', '')
            || embudo.sale_mail_extra(o.id, lang)
            || '<p>' || embudo.localized(lang, 'Do not hesitate to contact us if you have any questions.',
                                         'Si tienes cualquier pregunta, con gusto te atendemos.') || '</p></div>';
        INSERT INTO public.mail_message (company_id, model, res_id, body, subject, author_id, message_type, subtype_id, email_from, create_uid, write_uid)
        VALUES (o.company_id, 'sale.order', o.id, body, subject, me, 'email', embudo.subtype('mail.mt_comment'), sender, me, me)
        RETURNING id INTO message;
        PERFORM set_config('embudo.mail_on_behalf', 'on', true);
        INSERT INTO public.mail_mail (company_id, email_from, email_to, subject, body_html, model, res_id, mail_message_id, create_uid, write_uid)
        VALUES (o.company_id, sender, embudo.mail_format_address(customer.name, embudo.normalize_email(customer.email)), subject, body, 'sale.order', o.id,
                message, me, me)
        RETURNING id INTO mail;
        PERFORM set_config('embudo.mail_on_behalf', '', true);
        mails := mails || mail;
    END LOOP;
    PERFORM embudo.sale_transition(ARRAY(SELECT x.id FROM public.sale_order x WHERE x.id = ANY (ids) AND x.state = 'draft'),
                                   ARRAY['draft'], 'sent', 'Only draft quotations can be marked as sent');
    RETURN mails;
END
$$;

GRANT EXECUTE ON FUNCTION embudo.money(numeric, int), embudo.sale_send_quotation(int[]) TO embudo_service;
