-- Customers answer a quotation online (accept with their name as signature, or decline with a
-- reason) from the link in its e-mail, without logging in. The link carries a random token (192 bits)
-- of which only a SHA-256 is kept (sale_order_portal_token); it is revoked by the salesperson, by a new
-- link, at expiration, and once the order is confirmed or cancelled. The page and its answers act as
-- the user who sent the quotation, inside the quotation's company, so row-level security still applies.

SELECT embudo.enable_tenancy('sale_order_portal_token');
-- Resolving a token happens before any tenant is known: only the owner's function below does it.
ALTER TABLE sale_order_portal_token NO FORCE ROW LEVEL SECURITY;
REVOKE SELECT ON sale_order_portal_token FROM embudo_report;
SELECT embudo.enable_follower_policy('sale_order_portal_token', 'with_order', 'sale_order', 'order_id', 'TO embudo_service');
SELECT embudo.enable_owner_writes_policy('sale_order_portal_token');

-- Issues a new link for an order (earlier ones are revoked); returns the token, shown once.
CREATE OR REPLACE FUNCTION embudo.portal_issue_token(sale_order int) RETURNS text
LANGUAGE plpgsql
AS $$
DECLARE
    o public.sale_order;
    token text;
BEGIN
    SELECT * INTO o FROM public.sale_order x WHERE x.id = sale_order;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('user', 'This order does not exist or you cannot see it.');
    END IF;
    token := embudo.company_token(o.company_id, 24);
    UPDATE public.sale_order_portal_token SET revoked_at = now() WHERE company_id = o.company_id AND order_id = o.id AND revoked_at IS NULL;
    INSERT INTO public.sale_order_portal_token (company_id, order_id, token_hash, acting_user, expires_at)
    VALUES (o.company_id, o.id, sha256(convert_to(token, 'UTF8')), coalesce(embudo.current_user_id(), o.user_id),
            coalesce((o.validity_date + 1)::timestamptz, now() + interval '30 days'));
    RETURN token;
END
$$;
-- The quotation e-mail links to the online answer page (a new link at each sending), as HTML.
CREATE OR REPLACE FUNCTION embudo.sale_mail_extra(sale_order int, lang text) RETURNS text
LANGUAGE plpgsql
AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT '<p><a href="' || embudo.html_escape(rtrim((SELECT value FROM public.ir_config_parameter WHERE key = 'web.base.url'), '/')
               || '/my/quotation/' || embudo.portal_issue_token(sale_order)) || '">'
               || embudo.localized(lang, 'Review, accept or decline the quotation online', 'Revisa, acepta o rechaza el presupuesto en línea') || '</a></p>'
    );
END
$$;

-- Revokes an order's links.
CREATE OR REPLACE FUNCTION embudo.portal_revoke(ids int[]) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    revoked int;
BEGIN
    UPDATE public.sale_order_portal_token t SET revoked_at = now()
    WHERE t.order_id = ANY (ids) AND t.revoked_at IS NULL AND EXISTS (SELECT 1 FROM public.sale_order o WHERE o.id = t.order_id);
    GET DIAGNOSTICS revoked = ROW_COUNT;
    RETURN revoked;
END
$$;

-- The anti-forgery value the answer forms of a link with `token` must send back: an HMAC of the token
-- with the database's secret (embudo.portal_secret, the owner's alone: the link resolvers call it).
CREATE OR REPLACE FUNCTION embudo.link_form_key(token text) RETURNS text
LANGUAGE sql STABLE
AS $$
    SELECT encode(embudo_crypto.hmac(convert_to(token, 'UTF8'), s.secret, 'sha256'), 'hex') FROM embudo.portal_secret s
$$;

-- The order a live token opens, the user its page acts as, and the form's anti-forgery value; no row
-- for an unknown, revoked or expired token. Looked up in the company the token names, if it names one
-- (embudo.token_company).
CREATE OR REPLACE FUNCTION embudo.portal_resolve(token text)
RETURNS TABLE (company_id int, order_id int, acting_user int, form_key text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    company constant int := embudo.token_company(token);
    hash constant bytea := sha256(convert_to(token, 'UTF8'));
BEGIN
    IF company IS NOT NULL THEN
        RETURN QUERY SELECT t.company_id, t.order_id, t.acting_user, embudo.link_form_key(token)
        FROM public.sale_order_portal_token t
        WHERE t.company_id = company AND t.token_hash = hash AND t.revoked_at IS NULL AND t.expires_at > now();
    ELSE
        RETURN QUERY SELECT t.company_id, t.order_id, t.acting_user, embudo.link_form_key(token)
        FROM public.sale_order_portal_token t
        WHERE t.token_hash = hash AND t.revoked_at IS NULL AND t.expires_at > now();
    END IF;
END
$$;

-- What the customer sees, as JSON: company, customer, lines, options, totals, expiration, terms, language.
CREATE OR REPLACE FUNCTION embudo.portal_quotation(sale_order int) RETURNS jsonb
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT jsonb_build_object(
            'name', o.name, 'state', o.state, 'company', c.name, 'customer', p.name, 'lang', coalesce(p.lang, 'en_US'),
            'date_order', to_char(o.date_order, 'YYYY-MM-DD'), 'validity_date', to_char(o.validity_date, 'YYYY-MM-DD'),
            'expired', o.validity_date < (now() AT TIME ZONE c.tz)::date,
            'payment_term', (SELECT t.name FROM public.account_payment_term t WHERE t.company_id = o.company_id AND t.id = o.payment_term_id),
            'currency', cur.symbol, 'decimals', cur.decimal_places,
            'amount_untaxed', o.amount_untaxed, 'amount_tax', o.amount_tax, 'amount_total', o.amount_total,
            'signed_by', o.signed_by, 'note', o.note,
            'lines', coalesce((SELECT jsonb_agg(jsonb_build_object('name', l.name, 'section', l.display_type, 'quantity', trim_scale(l.product_uom_qty),
                                                                   'unit', u.name, 'price_unit', l.price_unit, 'discount', trim_scale(l.discount),
                                                                   'subtotal', l.price_subtotal) ORDER BY l.sequence, l.id)
                               FROM public.sale_order_line l LEFT JOIN public.uom_uom u ON u.id = l.product_uom
                               WHERE l.company_id = o.company_id AND l.order_id = o.id), '[]'),
            'options', coalesce((SELECT jsonb_agg(jsonb_build_object('id', x.id, 'name', x.name, 'quantity', trim_scale(x.quantity),
                                                                     'price_unit', x.price_unit, 'added', x.line_id IS NOT NULL) ORDER BY x.sequence, x.id)
                                 FROM public.sale_order_option x WHERE x.company_id = o.company_id AND x.order_id = o.id), '[]'))
        FROM public.sale_order o
        JOIN public.res_company c ON c.id = o.company_id
        JOIN public.res_partner p ON p.company_id = o.company_id AND p.id = o.partner_id
        JOIN public.res_currency cur ON cur.id = o.currency_id
        WHERE o.id = sale_order
    );
END
$$;

-- Tells the salesperson, on the quotation and on its opportunity: a message, and a To Do activity.
CREATE OR REPLACE FUNCTION embudo.portal_notify(o anyelement, body text, summary text) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    me int := embudo.current_user_id();
BEGIN
    INSERT INTO public.mail_message (company_id, model, res_id, body, author_id, message_type, subtype_id, create_uid, write_uid)
    VALUES (o.company_id, 'sale.order', o.id, body, NULL, 'comment', embudo.subtype('mail.mt_comment'), me, me);
    IF o.opportunity_id IS NOT NULL THEN
        INSERT INTO public.mail_message (company_id, model, res_id, body, author_id, message_type, subtype_id, create_uid, write_uid)
        VALUES (o.company_id, 'crm.lead', o.opportunity_id, body, NULL, 'comment', embudo.subtype('mail.mt_comment'), me, me);
    END IF;
    IF o.user_id IS NOT NULL THEN
        INSERT INTO public.mail_activity (company_id, res_model, res_id, summary, note, user_id, date_deadline, automated, create_uid, write_uid)
        VALUES (o.company_id, 'sale.order', o.id, summary, body, o.user_id, embudo.user_today(o.user_id), true, me, me);
    END IF;
END
$$;

-- The customer accepts: signed, confirmed as action_confirm does (order date now). Accepting twice is
-- harmless. An optional product may be added first. Returns the order's state.
CREATE OR REPLACE FUNCTION embudo.portal_accept(sale_order int, signer text, option int) RETURNS text
LANGUAGE plpgsql
AS $$
DECLARE
    lang text;
    o public.sale_order;
BEGIN
    SELECT * INTO o FROM public.sale_order x WHERE x.id = sale_order FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('user', 'This quotation is no longer available.');
    END IF;
    IF o.state IN ('sale', 'done') AND o.signed_by IS NOT NULL THEN
        RETURN o.state;  -- a second click
    END IF;
    IF o.state NOT IN ('draft', 'sent') THEN
        PERFORM embudo.refuse('user', 'This quotation can no longer be accepted.');
    END IF;
    signer := btrim(coalesce(signer, ''));
    IF signer = '' OR length(signer) > 200 THEN
        PERFORM embudo.refuse('validation', 'Type your full name to sign.');
    END IF;
    IF option IS NOT NULL THEN
        IF NOT EXISTS (SELECT 1 FROM public.sale_order_option x WHERE x.id = option AND x.order_id = o.id AND x.company_id = o.company_id) THEN
            PERFORM embudo.refuse('validation', 'This optional product is not part of the quotation.');
        END IF;
        IF (SELECT x.line_id FROM public.sale_order_option x WHERE x.id = option) IS NULL THEN
            PERFORM embudo.sale_option_add(option);
        END IF;
    END IF;
    UPDATE public.sale_order SET signed_by = signer, signed_on = now() WHERE id = o.id;
    PERFORM embudo.sale_confirm(ARRAY[o.id]);
    PERFORM embudo.portal_revoke(ARRAY[o.id]);
    SELECT * INTO o FROM public.sale_order x WHERE x.id = sale_order;
    -- (In the salesperson's language.)
    lang := coalesce((SELECT u.lang FROM public.res_users u WHERE u.id = o.user_id), 'en_US');
    PERFORM embudo.portal_notify(o, format(embudo.localized(lang, '%s accepted and signed the quotation %s online (%s).',
                                                            '%s aceptó y firmó en línea el presupuesto %s (%s).'), signer, o.name,
                                           embudo.money(o.amount_total, o.currency_id)),
                                 embudo.localized(lang, 'Quotation accepted: ', 'Presupuesto aceptado: ') || o.name);
    RETURN o.state;
END
$$;

-- The customer declines with a reason: it stays a quotation; the reason goes into its history.
CREATE OR REPLACE FUNCTION embudo.portal_decline(sale_order int, reason text) RETURNS text
LANGUAGE plpgsql
AS $$
DECLARE
    lang text;
    o public.sale_order;
BEGIN
    SELECT * INTO o FROM public.sale_order x WHERE x.id = sale_order FOR UPDATE;
    IF NOT FOUND OR o.state NOT IN ('draft', 'sent') THEN
        PERFORM embudo.refuse('user', 'This quotation can no longer be answered.');
    END IF;
    reason := left(btrim(coalesce(reason, '')), 2000);
    IF reason = '' THEN
        PERFORM embudo.refuse('validation', 'Tell us why you decline.');
    END IF;
    lang := coalesce((SELECT u.lang FROM public.res_users u WHERE u.id = o.user_id), 'en_US');
    PERFORM embudo.portal_notify(o, format(embudo.localized(lang, 'The customer declined the quotation %s online. Reason: %s',
                                                            'El cliente rechazó en línea el presupuesto %s. Motivo: %s'), o.name, reason),
                                 embudo.localized(lang, 'Quotation declined: ', 'Presupuesto rechazado: ') || o.name);
    RETURN o.state;
END
$$;

-- Confirmed or cancelled orders lose their links.
CREATE OR REPLACE FUNCTION embudo.portal_close_links() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    UPDATE public.sale_order_portal_token SET revoked_at = now()
    WHERE company_id = NEW.company_id AND order_id = NEW.id AND revoked_at IS NULL;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER portal_links AFTER UPDATE OF state ON sale_order
    FOR EACH ROW WHEN (NEW.state IN ('sale', 'done', 'cancel')) EXECUTE FUNCTION embudo.portal_close_links();

GRANT EXECUTE ON FUNCTION embudo.portal_issue_token(int), embudo.sale_mail_extra(int, text), embudo.portal_revoke(int[]),
    embudo.portal_resolve(text), embudo.portal_quotation(int), embudo.portal_notify(anyelement, text, text),
    embudo.portal_accept(int, text, int), embudo.portal_decline(int, text), embudo.portal_close_links()
TO embudo_service;
