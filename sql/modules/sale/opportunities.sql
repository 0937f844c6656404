-- Quotations from opportunities: crm.quotation.partner, the customer of an opportunity that gets a
-- quotation (reference §2.8).

-- The wizard's defaults: the opportunity's customer, or the one it matches.
CREATE OR REPLACE FUNCTION embudo.crm_quotation_partner_defaults(lead_id int) RETURNS jsonb
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
CREATE OR REPLACE FUNCTION embudo.crm_quotation_partner_apply(lead_id int, action text, partner int) RETURNS int
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
