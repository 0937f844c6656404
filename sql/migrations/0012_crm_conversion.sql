-- Lead → opportunity conversion (crm.lead2opportunity.partner and its mass variant), duplicate
-- detection and merge (crm.merge.opportunity), as reference §2.8–2.11 describe them. The functions run
-- as the caller, so row-level security decides which leads and customers they see and change.

-- Merged leads are deleted by the merge itself, whatever the caller's access level (Odoo deletes them
-- as superuser): the merge names them in a transaction-local setting that this policy honours.
CREATE POLICY merged_delete ON crm_lead FOR DELETE TO embudo_service
    USING (id = ANY (string_to_array(nullif(current_setting('embudo.merged_lead_ids', true), ''), ',')::int[]));

-- Messages and followers of merged leads move to the surviving one.
GRANT UPDATE (res_id, subject) ON mail_message TO embudo_service;
CREATE POLICY with_document_move ON mail_message FOR UPDATE TO embudo_service
    USING (EXISTS (SELECT 1 FROM crm_lead l WHERE l.id = lead_id)) WITH CHECK (true);

-- Leads and opportunities that duplicate an email address or a customer (reference §2.10): with
-- include_lost, every opportunity and the active leads; otherwise active ones not won.
CREATE FUNCTION embudo.crm_duplicates(company int, email text, partner int, include_lost boolean) RETURNS int[]
LANGUAGE sql STABLE
AS $$
    SELECT coalesce(array_agg(l.id ORDER BY l.id), '{}')
    FROM public.crm_lead l
    WHERE l.company_id = company
      AND ((email IS NOT NULL AND l.email_normalized = embudo.normalize_email(email)) OR (partner IS NOT NULL AND l.partner_id = partner))
      AND CASE WHEN include_lost THEN l.type = 'opportunity' OR l.active
               ELSE l.active AND (l.probability IS NULL OR l.probability < 100) END
$$;

-- A LIKE pattern matching `text` anywhere, its wildcards escaped.
CREATE FUNCTION embudo.contains_pattern(text text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT '%' || replace(replace(replace(text, '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;

-- The customer a lead matches: its own, else one with the same email, else one whose name contains
-- the company name, the contact name or the lead's name.
CREATE FUNCTION embudo.crm_matching_partner(lead public.crm_lead) RETURNS int
LANGUAGE sql STABLE
AS $$
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
$$;

-- The conversion wizard's defaults for a lead.
CREATE FUNCTION embudo.crm_convert_defaults(lead_id int) RETURNS jsonb
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
CREATE FUNCTION embudo.crm_create_customer(lead public.crm_lead, salesperson int) RETURNS int
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
CREATE FUNCTION embudo.crm_convert(ids int[], action text, partner int, salespeople int[], team int, force_assignment boolean)
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
            ELSIF partner IS NOT NULL THEN
                customer := partner;
            ELSIF customer IS NULL AND action = 'create' THEN
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

-- Merges leads and opportunities (reference §2.9): the best ranked one survives and takes the others'
-- values where it has none, their descriptions, messages and followers; the others are deleted unless
-- `keep_tails`. Returns the survivor's id.
CREATE FUNCTION embudo.crm_merge(ids int[], salesperson int, team int, keep_tails boolean) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    head public.crm_lead;
    merged public.crm_lead;
    ranked int[];
    tails int[];
    names text;
    author int := embudo.current_user_id();
BEGIN
    ids := ARRAY(SELECT DISTINCT unnest(ids));
    -- Locked before they are read: a write racing the merge lands before it (and is merged) or after it.
    PERFORM 1 FROM public.crm_lead l WHERE l.id = ANY (ids) ORDER BY l.id FOR UPDATE;
    IF cardinality(ids) < 2 THEN
        PERFORM embudo.refuse('user', 'Please select more than one element (lead or opportunity) from the list view.');
    END IF;
    IF cardinality(ids) > 5 THEN
        PERFORM embudo.refuse('user', 'To prevent data loss, Leads and Opportunities can only be merged by groups of 5.');
    END IF;
    IF (SELECT count(*) FROM public.crm_lead l WHERE l.id = ANY (ids)) < cardinality(ids) THEN
        PERFORM embudo.refuse('user', 'Some of the records to merge do not exist or you cannot see them.');
    END IF;
    IF (SELECT count(DISTINCT l.company_id) FROM public.crm_lead l WHERE l.id = ANY (ids)) > 1 THEN
        PERFORM embudo.refuse('user', 'Only records of one company can be merged.');
    END IF;

    -- Opportunities before leads, then the furthest stage, then the oldest.
    ranked := ARRAY(
        SELECT l.id FROM public.crm_lead l LEFT JOIN public.crm_stage s ON s.company_id = l.company_id AND s.id = l.stage_id
        WHERE l.id = ANY (ids) ORDER BY l.type = 'opportunity' DESC, s.sequence DESC NULLS LAST, l.id);
    SELECT l.* INTO head FROM public.crm_lead l WHERE l.id = ranked[1];
    tails := ranked[2:];

    -- The first value in rank order, for each merged field.
    SELECT head.company_id, head.id,
           (array_agg(l.name ORDER BY r.rank) FILTER (WHERE l.name IS NOT NULL))[1],
           CASE WHEN bool_or(l.type = 'opportunity') THEN 'opportunity' ELSE 'lead' END,
           (array_agg(l.partner_id ORDER BY r.rank) FILTER (WHERE l.partner_id IS NOT NULL))[1],
           (array_agg(l.campaign_id ORDER BY r.rank) FILTER (WHERE l.campaign_id IS NOT NULL))[1],
           (array_agg(l.country_id ORDER BY r.rank) FILTER (WHERE l.country_id IS NOT NULL))[1],
           (array_agg(l.team_id ORDER BY r.rank) FILTER (WHERE l.team_id IS NOT NULL))[1],
           (array_agg(l.state_id ORDER BY r.rank) FILTER (WHERE l.state_id IS NOT NULL))[1],
           (array_agg(l.stage_id ORDER BY r.rank) FILTER (WHERE l.stage_id IS NOT NULL))[1],
           (array_agg(l.medium_id ORDER BY r.rank) FILTER (WHERE l.medium_id IS NOT NULL))[1],
           (array_agg(l.source_id ORDER BY r.rank) FILTER (WHERE l.source_id IS NOT NULL))[1],
           (array_agg(l.user_id ORDER BY r.rank) FILTER (WHERE l.user_id IS NOT NULL))[1],
           (array_agg(l.title ORDER BY r.rank) FILTER (WHERE l.title IS NOT NULL))[1],
           (array_agg(l.city ORDER BY r.rank) FILTER (WHERE l.city IS NOT NULL))[1],
           (array_agg(l.contact_name ORDER BY r.rank) FILTER (WHERE l.contact_name IS NOT NULL))[1],
           string_agg(l.description, E'\n\n' ORDER BY r.rank) FILTER (WHERE btrim(coalesce(l.description, '')) <> ''),
           (array_agg(l.mobile ORDER BY r.rank) FILTER (WHERE l.mobile IS NOT NULL))[1],
           (array_agg(l.partner_name ORDER BY r.rank) FILTER (WHERE l.partner_name IS NOT NULL))[1],
           (array_agg(l.phone ORDER BY r.rank) FILTER (WHERE l.phone IS NOT NULL))[1],
           (array_agg(l.probability ORDER BY r.rank) FILTER (WHERE l.probability IS NOT NULL))[1],
           (array_agg(l.expected_revenue ORDER BY r.rank) FILTER (WHERE l.expected_revenue <> 0))[1],
           (array_agg(l.street ORDER BY r.rank) FILTER (WHERE l.street IS NOT NULL))[1],
           (array_agg(l.street2 ORDER BY r.rank) FILTER (WHERE l.street2 IS NOT NULL))[1],
           (array_agg(l.zip ORDER BY r.rank) FILTER (WHERE l.zip IS NOT NULL))[1],
           (array_agg(l.email_from ORDER BY r.rank) FILTER (WHERE l.email_from IS NOT NULL))[1],
           (array_agg(l.email_cc ORDER BY r.rank) FILTER (WHERE l.email_cc IS NOT NULL))[1],
           (array_agg(l.website ORDER BY r.rank) FILTER (WHERE l.website IS NOT NULL))[1],
           min(l.create_date)
    INTO merged.company_id, merged.id, merged.name, merged.type, merged.partner_id, merged.campaign_id, merged.country_id,
         merged.team_id, merged.state_id, merged.stage_id, merged.medium_id, merged.source_id, merged.user_id, merged.title,
         merged.city, merged.contact_name, merged.description, merged.mobile, merged.partner_name, merged.phone,
         merged.probability, merged.expected_revenue, merged.street, merged.street2, merged.zip, merged.email_from,
         merged.email_cc, merged.website, merged.create_date
    FROM public.crm_lead l, LATERAL (SELECT array_position(ranked, l.id) AS rank) r WHERE l.id = ANY (ranked);

    merged.user_id := coalesce(salesperson, merged.user_id);
    IF team IS NOT NULL THEN
        merged.team_id := team;
    ELSIF salesperson IS NOT NULL THEN
        merged.team_id := coalesce(embudo.crm_default_team(head.company_id, salesperson, merged.type), merged.team_id);
    END IF;
    IF merged.team_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM public.crm_stage s WHERE s.company_id = head.company_id
            AND s.id = merged.stage_id AND (s.team_id IS NULL OR s.team_id = merged.team_id)) THEN
        merged.stage_id := embudo.crm_first_stage(head.company_id, merged.team_id, false);
    END IF;

    SELECT string_agg(l.name, ', ' ORDER BY r.rank) INTO names FROM public.crm_lead l, LATERAL (SELECT array_position(ranked, l.id) AS rank) r WHERE l.id = ANY (ranked);
    UPDATE public.mail_message m SET res_id = head.id, subject = 'From ' || l.name || ' : ' || coalesce(m.subject, '')
    FROM public.crm_lead l
    WHERE m.model = 'crm.lead' AND m.res_id = l.id AND l.id = ANY (tails);
    INSERT INTO public.mail_followers (company_id, res_model, res_id, user_id, partner_id)
    SELECT f.company_id, 'crm.lead', head.id, f.user_id, f.partner_id FROM public.mail_followers f
    WHERE f.res_model = 'crm.lead' AND f.res_id = ANY (tails)
    ON CONFLICT DO NOTHING;

    UPDATE public.crm_lead l
    SET name = merged.name, type = merged.type, partner_id = merged.partner_id, campaign_id = merged.campaign_id,
        country_id = merged.country_id, team_id = merged.team_id, state_id = merged.state_id, stage_id = merged.stage_id,
        medium_id = merged.medium_id, source_id = merged.source_id, user_id = merged.user_id, title = merged.title,
        city = merged.city, contact_name = merged.contact_name, description = merged.description, mobile = merged.mobile,
        partner_name = merged.partner_name, phone = merged.phone, probability = coalesce(merged.probability, l.probability),
        expected_revenue = coalesce(merged.expected_revenue, 0), street = merged.street, street2 = merged.street2,
        zip = merged.zip, email_from = merged.email_from, email_cc = merged.email_cc, website = merged.website,
        create_date = merged.create_date, write_date = now(), write_uid = author
    WHERE l.id = head.id;
    INSERT INTO public.mail_message (company_id, model, res_id, body, subject, author_id, message_type, subtype_id, create_uid, write_uid)
    VALUES (head.company_id, 'crm.lead', head.id, 'Merged opportunities: ' || names, 'Merged opportunities', author, 'comment',
            embudo.subtype('mail.mt_note'), author, author);

    IF NOT keep_tails THEN
        PERFORM set_config('embudo.merged_lead_ids', array_to_string(tails, ','), true);
        DELETE FROM public.crm_lead l WHERE l.id = ANY (tails);
        PERFORM set_config('embudo.merged_lead_ids', '', true);
    END IF;
    RETURN head.id;
END
$$;

-- The conversion wizard's "merge": merges the duplicates, keeps the result active, converts it when it is
-- a lead, assigns it, and deletes the other records. Returns the result's id.
CREATE FUNCTION embudo.crm_convert_merge(ids int[], action text, partner int, salesperson int, team int, force_assignment boolean)
RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    head int := embudo.crm_merge(ids, NULL, NULL, false);
    kind text;
BEGIN
    UPDATE public.crm_lead SET active = true WHERE id = head AND NOT active;
    SELECT l.type INTO kind FROM public.crm_lead l WHERE l.id = head;
    IF kind = 'lead' THEN
        PERFORM embudo.crm_convert(ARRAY[head], action, partner,
                                   CASE WHEN salesperson IS NULL THEN '{}'::int[] ELSE ARRAY[salesperson] END, team, force_assignment);
    ELSE
        UPDATE public.crm_lead l
        SET user_id = CASE WHEN salesperson IS NOT NULL AND (force_assignment OR l.user_id IS NULL) THEN salesperson ELSE l.user_id END,
            team_id = CASE WHEN team IS NOT NULL AND (force_assignment OR l.user_id IS NULL) THEN team ELSE l.team_id END
        WHERE l.id = head;
    END IF;
    RETURN head;
END
$$;

-- The mass conversion (crm.lead2opportunity.partner.mass): with `deduplicate`, each lead with active,
-- not won duplicates is first merged with them and the result takes its place; then all are converted,
-- salespeople assigned round-robin. Returns the first lead's id.
CREATE FUNCTION embudo.crm_mass_convert(ids int[], action text, partner int, salespeople int[], team int,
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
    embudo.crm_duplicates(int, text, int, boolean), embudo.contains_pattern(text), embudo.crm_matching_partner(crm_lead),
    embudo.crm_convert_defaults(int), embudo.crm_create_customer(crm_lead, int),
    embudo.crm_convert(int[], text, int, int[], int, boolean), embudo.crm_merge(int[], int, int, boolean),
    embudo.crm_convert_merge(int[], text, int, int, int, boolean),
    embudo.crm_mass_convert(int[], text, int, int[], int, boolean, boolean)
TO embudo_service;
