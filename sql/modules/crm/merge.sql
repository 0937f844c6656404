-- Merging leads and opportunities (crm.merge.opportunity, reference §2.9), also used by the conversion
-- wizards. The functions run as the caller, so row-level security decides which leads they see.

-- Merged leads are deleted by the merge itself, whatever the caller's access level (Odoo deletes them
-- as superuser): the merge names them in a transaction-local setting that this policy honours.
SELECT embudo.replace_policy('crm_lead', 'merged_delete', 'FOR DELETE TO embudo_service '
    'USING (id = ANY (string_to_array(nullif(current_setting(''embudo.merged_lead_ids'', true), ''''), '','')::int[]))');

-- Converts leads into opportunities (reference §2.8, name = convert): customer handling, type and dates,
-- stage, then round-robin assignment among `salespeople` (with force_assignment, even leads that have
-- a salesperson). Returns the first lead's id.
CREATE OR REPLACE FUNCTION embudo.crm_merge(ids int[], salesperson int, team int, keep_tails boolean) RETURNS int
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
        PERFORM embudo.set_local('embudo.merged_lead_ids', array_to_string(tails, ','));
        -- Their mail, sent or not, goes with their messages (deleting them would delete it).
        UPDATE public.mail_mail m SET res_id = head.id
        WHERE m.company_id = head.company_id AND m.model = 'crm.lead' AND m.res_id = ANY (tails);
        DELETE FROM public.crm_lead l WHERE l.id = ANY (tails);
        PERFORM embudo.set_local('embudo.merged_lead_ids', '');
    END IF;
    RETURN head.id;
END
$$;

-- Merges leads and opportunities (reference §2.9): the best ranked one survives and takes the others'
-- values where it has none, their descriptions, messages and followers; the others are deleted unless
-- `keep_tails`. Returns the survivor's id.
CREATE OR REPLACE FUNCTION embudo.crm_convert_merge(ids int[], action text, partner int, salesperson int, team int, force_assignment boolean)
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

GRANT EXECUTE ON FUNCTION embudo.crm_merge(int[], int, int, boolean), embudo.crm_convert_merge(int[], text, int, int, int, boolean)
TO embudo_service;
