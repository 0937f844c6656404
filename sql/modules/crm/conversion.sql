-- Lead → opportunity conversion (crm.lead2opportunity.partner and its mass variant) and duplicate
-- detection, as reference §2.8–2.11 describe them. The functions run as the caller, so row-level
-- security decides which leads and customers they see and change.

-- Leads and opportunities that duplicate an email address or a customer (reference §2.10): with
-- include_lost, every opportunity and the active leads; otherwise active ones not won.
CREATE OR REPLACE FUNCTION embudo.crm_duplicates(company int, email text, partner int, include_lost boolean) RETURNS int[]
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT coalesce(array_agg(l.id ORDER BY l.id), '{}')
        FROM public.crm_lead l
        WHERE l.company_id = company
          AND ((email IS NOT NULL AND l.email_normalized = embudo.normalize_email(email)) OR (partner IS NOT NULL AND l.partner_id = partner))
          AND CASE WHEN include_lost THEN l.type = 'opportunity' OR l.active
                   ELSE l.active AND (l.probability IS NULL OR l.probability < 100) END
    );
END
$$;

-- A LIKE pattern matching `text` anywhere, its wildcards escaped.
CREATE OR REPLACE FUNCTION embudo.contains_pattern(text text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT '%' || replace(replace(replace(text, '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;

-- The customer a lead matches: its own, else one with the same email, else one whose name contains
-- the company name, the contact name or the lead's name.
CREATE OR REPLACE FUNCTION embudo.crm_matching_partner(lead anyelement) RETURNS int
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT coalesce(
            lead.partner_id,
            (SELECT p.id FROM public.res_partner p WHERE p.company_id = lead.company_id AND lead.email_normalized IS NOT NULL
                AND embudo.normalize_email(p.email) = lead.email_normalized ORDER BY p.id LIMIT 1),
            (SELECT p.id FROM public.res_partner p WHERE p.company_id = lead.company_id AND lead.partner_name IS NOT NULL
                AND p.name ILIKE embudo.contains_pattern(lead.partner_name) ORDER BY p.id LIMIT 1),
            (SELECT p.id FROM public.res_partner p WHERE p.company_id = lead.company_id AND lead.contact_name IS NOT NULL
                AND p.name ILIKE embudo.contains_pattern(lead.contact_name) ORDER BY p.id LIMIT 1),
            (SELECT p.id FROM public.res_partner p WHERE p.company_id = lead.company_id
                AND p.name ILIKE embudo.contains_pattern(lead.name) ORDER BY p.id LIMIT 1))
    );
END
$$;

-- The conversion wizard's defaults for a lead.
CREATE OR REPLACE FUNCTION embudo.crm_convert_defaults(lead_id int) RETURNS jsonb
LANGUAGE plpgsql STABLE
AS $$
DECLARE
    lead public.crm_lead;
    partner int;
    email text;
    duplicates int[];
BEGIN
    SELECT * INTO lead FROM public.crm_lead l WHERE l.id = lead_id;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('user', 'The lead to convert does not exist or you cannot see it.');
    END IF;
    partner := embudo.crm_matching_partner(lead);
    email := coalesce((SELECT p.email FROM public.res_partner p WHERE p.company_id = lead.company_id AND p.id = lead.partner_id), lead.email_from);
    duplicates := embudo.crm_duplicates(lead.company_id, email, lead.partner_id, true);
    IF NOT lead_id = ANY (duplicates) THEN
        duplicates := duplicates || lead_id;
    END IF;
    RETURN jsonb_build_object(
        'lead_id', lead.id,
        'name', CASE WHEN cardinality(duplicates) >= 2 THEN 'merge' ELSE 'convert' END,
        'action', CASE WHEN partner IS NOT NULL THEN 'exist' WHEN lead.contact_name IS NOT NULL THEN 'create' ELSE 'nothing' END,
        'partner_id', partner,
        'user_id', lead.user_id,
        'team_id', coalesce(embudo.crm_default_team(lead.company_id, lead.user_id, 'opportunity'), lead.team_id),
        'duplicated_lead_ids', to_jsonb(duplicates),
        'force_assignment', true);
END
$$;

-- Creates the customer of a lead (reference §2.8): a company from the company name with a contact
-- person under it, or just the person, or a person named after the lead. Returns the partner to link.
CREATE OR REPLACE FUNCTION embudo.crm_create_customer(lead anyelement, salesperson int) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    contact text := coalesce(lead.contact_name,
        nullif(btrim(split_part(lead.email_from, '<', 1), ' "'), ''),
        split_part(embudo.normalize_email(lead.email_from), '@', 1));
    company_partner int;
    person int;
    author int := embudo.current_user_id();
    lang text := (SELECT l.code FROM public.res_lang l WHERE l.id = lead.lang_id);
BEGIN
    IF contact = lead.email_from THEN
        contact := split_part(embudo.normalize_email(lead.email_from), '@', 1);
    END IF;
    IF lead.partner_name IS NOT NULL THEN
        INSERT INTO public.res_partner (company_id, name, is_company, user_id, team_id, comment, phone, mobile, email, title,
                                        function, street, street2, zip, city, country_id, state_id, website, lang, create_uid, write_uid)
        VALUES (lead.company_id, lead.partner_name, true, salesperson, lead.team_id, lead.description, lead.phone, lead.mobile,
                embudo.normalize_email(lead.email_from), NULL, NULL, lead.street, lead.street2, lead.zip, lead.city, lead.country_id,
                lead.state_id, lead.website, lang, author, author)
        RETURNING id INTO company_partner;
    ELSIF lead.partner_id IS NOT NULL THEN
        company_partner := lead.partner_id;
    END IF;
    IF contact IS NOT NULL OR company_partner IS NULL THEN
        INSERT INTO public.res_partner (company_id, name, is_company, parent_id, user_id, team_id, comment, phone, mobile, email,
                                        title, function, street, street2, zip, city, country_id, state_id, website, lang,
                                        create_uid, write_uid)
        VALUES (lead.company_id, coalesce(contact, lead.name), false, company_partner, salesperson, lead.team_id, lead.description,
                lead.phone, lead.mobile, embudo.normalize_email(lead.email_from), lead.title, lead.function, lead.street,
                lead.street2, lead.zip, lead.city, lead.country_id, lead.state_id, lead.website, lang, author, author)
        RETURNING id INTO person;
        RETURN person;
    END IF;
    RETURN company_partner;
END
$$;

-- Converts leads into opportunities (reference §2.8, name = convert): customer handling, type and dates,
-- stage, then round-robin assignment among `salespeople` (with force_assignment, even leads that have
-- a salesperson). Returns the first lead's id.
CREATE OR REPLACE FUNCTION embudo.crm_convert(ids int[], action text, partner int, salespeople int[], team int, force_assignment boolean)
RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    lead public.crm_lead;
    customer int;
    position int := 0;
    salesperson int;
    author int := embudo.current_user_id();
BEGIN
    IF action NOT IN ('create', 'exist', 'nothing', 'each_exist_or_create') THEN
        PERFORM embudo.refuse('validation', format('Unknown conversion action %s.', action));
    END IF;
    IF EXISTS (SELECT 1 FROM public.crm_lead l WHERE l.id = ANY (ids) AND l.probability = 100) THEN
        PERFORM embudo.refuse('user', 'Closed/Dead leads cannot be converted into opportunities.');
    END IF;
    IF (SELECT count(*) FROM public.crm_lead l WHERE l.id = ANY (ids)) < cardinality(ARRAY(SELECT DISTINCT unnest(ids))) THEN
        PERFORM embudo.refuse('user', 'Some of the leads to convert do not exist or you cannot see them.');
    END IF;
    -- Locked first (in id order, so that concurrent conversions queue instead of deadlocking): a second
    -- conversion of the same lead sees the first one's customer and creates none.
    PERFORM 1 FROM public.crm_lead l WHERE l.id = ANY (ids) ORDER BY l.id FOR UPDATE;
    FOR lead IN SELECT * FROM public.crm_lead l WHERE l.id = ANY (ids) ORDER BY array_position(ids, l.id) LOOP
        IF NOT lead.active THEN
            CONTINUE;
        END IF;
        position := position + 1;
        salesperson := CASE WHEN cardinality(salespeople) > 0 THEN salespeople[1 + (position - 1) % cardinality(salespeople)] END;
        customer := lead.partner_id;
        IF action <> 'nothing' THEN
            IF action = 'each_exist_or_create' THEN
                customer := coalesce(customer, (SELECT p.id FROM public.res_partner p WHERE p.company_id = lead.company_id
                    AND lead.email_normalized IS NOT NULL AND embudo.normalize_email(p.email) = lead.email_normalized ORDER BY p.id LIMIT 1));
                IF customer IS NULL THEN
                    customer := embudo.crm_create_customer(lead, coalesce(salesperson, lead.user_id));
                END IF;
            -- Odoo 17's rules: the wizard's customer counts for 'exist' only (its partner_id is computed for
            -- that action alone); 'create' keeps the lead's own customer, else creates one from the lead,
            -- never linking a contact that merely matches by name or e-mail.
            ELSIF action = 'exist' THEN
                customer := coalesce(partner, customer);
            ELSIF action = 'create' AND customer IS NULL THEN
                customer := embudo.crm_create_customer(lead, coalesce(salesperson, lead.user_id));
            END IF;
        END IF;
        UPDATE public.crm_lead l
        SET type = 'opportunity', date_conversion = now(), date_open = now(), partner_id = customer,
            stage_id = coalesce(l.stage_id, embudo.crm_first_stage(l.company_id, coalesce(team, l.team_id), false)),
            user_id = CASE WHEN salesperson IS NOT NULL AND (force_assignment OR l.user_id IS NULL) THEN salesperson ELSE l.user_id END,
            team_id = coalesce(team, l.team_id),
            write_date = now(), write_uid = author
        WHERE l.id = lead.id;
    END LOOP;
    RETURN ids[1];
END
$$;

-- The mass conversion (crm.lead2opportunity.partner.mass): with `deduplicate`, each lead with active,
-- not won duplicates is first merged with them and the result takes its place; then all are converted,
-- salespeople assigned round-robin. Returns the first lead's id.
CREATE OR REPLACE FUNCTION embudo.crm_mass_convert(ids int[], action text, partner int, salespeople int[], team int,
                                        force_assignment boolean, deduplicate boolean)
RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    lead public.crm_lead;
    duplicates int[];
    result int[] := '{}';
BEGIN
    FOR lead IN SELECT * FROM public.crm_lead l WHERE l.id = ANY (ids) ORDER BY array_position(ids, l.id) LOOP
        IF lead.id = ANY (result) OR NOT EXISTS (SELECT 1 FROM public.crm_lead l WHERE l.id = lead.id) THEN
            CONTINUE;  -- already merged into an earlier one
        END IF;
        duplicates := CASE WHEN deduplicate
                           THEN embudo.crm_duplicates(lead.company_id, lead.email_from, lead.partner_id, false) ELSE '{}' END;
        IF cardinality(duplicates) > 1 AND lead.id = ANY (duplicates) THEN
            result := result || embudo.crm_merge(duplicates[1:5], NULL, NULL, false);
        ELSE
            result := result || lead.id;
        END IF;
    END LOOP;
    RETURN embudo.crm_convert(result, action, partner, salespeople, team, force_assignment);
END
$$;

GRANT EXECUTE ON FUNCTION
    embudo.crm_duplicates(int, text, int, boolean), embudo.contains_pattern(text), embudo.crm_matching_partner(anyelement),
    embudo.crm_convert_defaults(int), embudo.crm_create_customer(anyelement, int),
    embudo.crm_convert(int[], text, int, int[], int, boolean), embudo.crm_mass_convert(int[], text, int, int[], int, boolean, boolean)
TO embudo_service;
