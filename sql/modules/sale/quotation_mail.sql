-- The quotation e-mail (action_quotation_send, and the composer's mail.compose.message): lines, totals,
-- expiration and payment terms, and the link to answer online (embudo.sale_mail_extra, in portal.sql),
-- queued for the customer; the quotation is then marked sent.

-- An amount with the currency's decimals and symbol.
CREATE OR REPLACE FUNCTION embudo.money(amount numeric, currency int) RETURNS text
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT to_char(amount, 'FM999G999G999G990D' || repeat('0', greatest(c.decimal_places, 1))) || ' ' || c.symbol
        FROM public.res_currency c WHERE c.id = currency
    );
END
$$;

-- What the quotation e-mail says (Odoo's default template), in the customer's language (else the
-- company's), with the user guide's words (Presupuesto, Pedido): its subject, and its body without the
-- link to answer online, which each sending adds (embudo.sale_queue_quotation_mail). The composer
-- (mail.compose.message) shows it to be edited before it goes.
CREATE OR REPLACE FUNCTION embudo.sale_quotation_content(sale_order int, OUT subject text, OUT body text, OUT lang text, OUT customer int)
LANGUAGE plpgsql STABLE
AS $$
DECLARE
    o public.sale_order;
    p public.res_partner;
    company_name text;
    quotation boolean;
BEGIN
    SELECT * INTO o FROM public.sale_order x WHERE x.id = sale_order;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('missing', 'This order does not exist or you cannot see it.');
    END IF;
    SELECT * INTO p FROM public.res_partner x WHERE x.company_id = o.company_id AND x.id = o.partner_id;
    SELECT c.name, coalesce(p.lang, c.lang) INTO company_name, lang FROM public.res_company c WHERE c.id = o.company_id;
    customer := p.id;
    quotation := o.state IN ('draft', 'sent');
    subject := company_name || ' ' || CASE WHEN quotation THEN embudo.localized(lang, 'Quotation', 'Presupuesto')
                                           ELSE embudo.localized(lang, 'Order', 'Pedido') END || ' (Ref ' || o.name || ')';
    body := '<div style="font-family: sans-serif">'
        || '<p>' || embudo.localized(lang, 'Hello ', 'Hola, ') || embudo.html_escape(p.name) || ',</p>'
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
                     || coalesce(embudo.html_escape((SELECT coalesce(CASE WHEN lang LIKE 'es%' THEN u.name_es END, u.name)
                                                     FROM public.uom_uom u WHERE u.id = l.product_uom)), '') || '</td><td>'
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
        || '<p>' || embudo.localized(lang, 'Do not hesitate to contact us if you have any questions.',
                                     'Si tienes cualquier pregunta, con gusto te atendemos.') || '</p></div>';
END
$$;

-- Queues one quotation e-mail with `subject` and `body` (the link to answer online is added to it): the
-- message in the history, the mail in the queue; a draft quotation is then marked sent. The sender is
-- the user who sends it (their address), else the company's noreply address at its mail domain
-- (noreply@localhost without one), never the salesperson's address on someone else's behalf; the mail
-- is queued on behalf of the user (embudo.mail_on_behalf), so that salespeople with "own documents"
-- send their quotations. Returns the mail's id.
CREATE OR REPLACE FUNCTION embudo.sale_queue_quotation_mail(sale_order int, subject text, body text) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    o public.sale_order;
    customer public.res_partner;
    content record;
    sender text;
    mail int;
    message int;
    me int := embudo.current_user_id();
BEGIN
    SELECT * INTO o FROM public.sale_order x WHERE x.id = sale_order FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('missing', 'This order does not exist or you cannot see it.');
    END IF;
    IF o.state NOT IN ('draft', 'sent', 'sale') THEN
        PERFORM embudo.refuse('user', format('The order %s is %s: it cannot be sent.', o.name, embudo.sale_state_label(o.state)));
    END IF;
    SELECT * INTO customer FROM public.res_partner p WHERE p.company_id = o.company_id AND p.id = o.partner_id;
    IF customer.email IS NULL OR embudo.normalize_email(customer.email) IS NULL THEN
        PERFORM embudo.refuse('user', format('The customer %s has no e-mail address: add one to send the quotation.', customer.name));
    END IF;
    SELECT * INTO content FROM embudo.sale_quotation_content(o.id);
    subject := coalesce(nullif(btrim(subject), ''), content.subject);
    body := coalesce(nullif(body, ''), content.body) || embudo.sale_mail_extra(o.id, content.lang);
    sender := embudo.mail_sender(o.company_id);
    INSERT INTO public.mail_message (company_id, model, res_id, body, subject, author_id, message_type, subtype_id, email_from, create_uid, write_uid)
    VALUES (o.company_id, 'sale.order', o.id, body, subject, me, 'email', embudo.subtype('mail.mt_comment'), sender, me, me)
    RETURNING id INTO message;
    PERFORM embudo.set_local('embudo.mail_on_behalf', 'on');
    INSERT INTO public.mail_mail (company_id, email_from, email_to, subject, body_html, model, res_id, mail_message_id, create_uid, write_uid)
    VALUES (o.company_id, sender, embudo.mail_format_address(customer.name, embudo.normalize_email(customer.email)), subject, body, 'sale.order', o.id,
            message, me, me)
    RETURNING id INTO mail;
    PERFORM embudo.set_local('embudo.mail_on_behalf', '');
    PERFORM embudo.sale_transition(ARRAY(SELECT x.id FROM public.sale_order x WHERE x.id = o.id AND x.state = 'draft'),
                                   ARRAY['draft'], 'sent', 'Only draft quotations can be marked as sent');
    RETURN mail;
END
$$;

-- Sends quotations by e-mail at once (Odoo's action_quotation_send with the default template): each
-- its own e-mail (embudo.sale_queue_quotation_mail). Returns the queued mails' ids.
CREATE OR REPLACE FUNCTION embudo.sale_send_quotation(ids int[]) RETURNS int[]
LANGUAGE plpgsql
AS $$
BEGIN
    IF (SELECT count(*) FROM public.sale_order x WHERE x.id = ANY (ids)) < cardinality(ARRAY(SELECT DISTINCT unnest(ids))) THEN
        PERFORM embudo.refuse('user', 'Some of these orders do not exist or you cannot see them.');
    END IF;
    RETURN ARRAY(SELECT embudo.sale_queue_quotation_mail(x.id, NULL, NULL) FROM (SELECT DISTINCT unnest(ids) AS id) x ORDER BY x.id);
END
$$;

GRANT EXECUTE ON FUNCTION embudo.money(numeric, int), embudo.sale_send_quotation(int[]), embudo.sale_quotation_content(int),
    embudo.sale_queue_quotation_mail(int, text, text) TO embudo_service;
