-- Activities (reference §1.10–1.12, §2.16–2.17): typed next steps on documents (leads, opportunities
-- and quotations), with deadlines from the type's delay, states computed at read time in the assignee's
-- time zone, done with feedback (a message on the document, the next activity when the type forces one,
-- the activity kept archived as history), reminders.

-- Types, and recommended next types (Odoo's mail_activity_rel): administrators edit them.
SELECT embudo.enable_tenancy(t), embudo.enable_catalog_policies(t, 'admin', 'admin')
FROM unnest('{mail_activity_type, mail_activity_rel}'::regclass[]) t;

-- Read and create with the document; edit or delete as creator, assignee or writer of the document.
-- "The document is visible" reads the copy of its salesperson the activity carries (migration 0026:
-- lead_salesperson_key or order_salesperson_key, the other NULL; the `defaults` trigger below fills it
-- in, the document's salesperson_key_follows trigger writes a new one, and a foreign key to the
-- document's salesperson_key, checked at commit, refuses one that differs), as the
-- rows of embudo.enable_follower_policy do, instead of looking the document up for every activity.
SELECT embudo.enable_tenancy('mail_activity');
DO $policies$
DECLARE
    visible constant text := embudo.personal_or_all('= 0', 'lead_salesperson_key', 'order_salesperson_key');
    mine constant text := 'create_uid = (SELECT embudo.current_user_id()) OR user_id = (SELECT embudo.current_user_id())';
BEGIN
    PERFORM embudo.replace_policy('mail_activity', 'with_document_read', format('FOR SELECT USING (%s)', visible));
    PERFORM embudo.replace_policy('mail_activity', 'with_document_create', format('FOR INSERT TO embudo_service WITH CHECK (%s)', visible));
    PERFORM embudo.replace_policy('mail_activity', 'owner_or_writer_update', format('FOR UPDATE TO embudo_service USING (%s OR %s)', mine, visible));
    PERFORM embudo.replace_policy('mail_activity', 'owner_or_writer_delete', format('FOR DELETE TO embudo_service USING (%s OR %s)', mine, visible));
END
$policies$;
-- "Forbidden" or "missing"? (embudo.count_existing)
SELECT embudo.replace_policy('mail_activity', 'owner_exists', 'FOR SELECT TO embudo_owner USING (true)');
-- A document unlinked from a deleted salesperson, team or customer has its triggers write the
-- activities' copies as the owner (base/policies.sql, embudo.enable_owner_writes_policy).
SELECT embudo.enable_owner_writes_policy('mail_activity');
-- The keys that become NULL when what they name is deleted (base/policies.sql, embudo.enable_unlink).
SELECT embudo.enable_unlink(k.tab, k.col, k.named)
FROM (VALUES ('mail_activity', 'previous_activity_type_id', 'mail_activity_type'),
             ('mail_activity', 'recommended_activity_type_id', 'mail_activity_type'),
             ('mail_activity', 'request_partner_id', 'res_partner'),
             ('mail_activity_type', 'default_user_id', 'res_company_member'),
             ('mail_message', 'mail_activity_type_id', 'mail_activity_type')) k (tab, col, named);
ALTER TABLE mail_activity ALTER COLUMN create_uid SET DEFAULT embudo.current_user_id();

-- The helpers below that query a table are PL/pgSQL, not SQL: PostgreSQL inlines no SQL function whose
-- body holds a subquery, and plans a SQL function it does not inline again at every statement that calls
-- it, where PL/pgSQL keeps its plans for the session. In the load test such planning was about a
-- fifth of PostgreSQL's time (pg_stat_statements, nested statements: the form's activity state alone
-- 19 s of planning for 2.8 s of execution).

-- The state of a deadline for a person in time zone `tz` at instant `at`: overdue, today or planned.
CREATE OR REPLACE FUNCTION embudo.activity_state_at(deadline date, tz text, at timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT CASE WHEN deadline < (at AT TIME ZONE tz)::date THEN 'overdue'
                WHEN deadline = (at AT TIME ZONE tz)::date THEN 'today'
                ELSE 'planned' END
$$;

-- The state of an activity now, in its assignee's time zone.
CREATE OR REPLACE FUNCTION embudo.activity_state(deadline date, assignee int) RETURNS text
LANGUAGE plpgsql STABLE
AS $$
BEGIN
    RETURN embudo.activity_state_at(activity_state.deadline,
        coalesce((SELECT u.tz FROM public.res_users u WHERE u.id = activity_state.assignee), 'UTC'), now());
END
$$;

-- Today for a user (in their time zone).
CREATE OR REPLACE FUNCTION embudo.user_today(person int) RETURNS date
LANGUAGE plpgsql STABLE
AS $$
BEGIN
    RETURN (now() AT TIME ZONE coalesce((SELECT u.tz FROM public.res_users u WHERE u.id = user_today.person), 'UTC'))::date;
END
$$;

-- A deadline `base` + the type's delay (calendar months for months: Jan 31 + 1 month = Feb 28).
CREATE OR REPLACE FUNCTION embudo.activity_deadline(company int, activity_type int, base date) RETURNS date
LANGUAGE plpgsql STABLE
AS $$
BEGIN
    RETURN coalesce((SELECT (activity_deadline.base + t.delay_count * CASE t.delay_unit WHEN 'weeks' THEN interval '1 week'
                                                                                       WHEN 'months' THEN interval '1 month'
                                                                                       ELSE interval '1 day' END)::date
                     FROM public.mail_activity_type t
                     WHERE t.company_id = activity_deadline.company AND t.id = activity_deadline.activity_type),
                    activity_deadline.base);
END
$$;

-- The worst state of a document's pending activities (overdue > today > planned), or NULL. Each
-- activity's state is its deadline against today in its assignee's time zone.
CREATE OR REPLACE FUNCTION embudo.document_activity_state(model text, record int) RETURNS text
LANGUAGE plpgsql STABLE
AS $$
BEGIN
    RETURN (SELECT CASE min(CASE embudo.activity_state_at(a.date_deadline, coalesce(u.tz, 'UTC'), now())
                                WHEN 'overdue' THEN 0 WHEN 'today' THEN 1 ELSE 2 END)
                       WHEN 0 THEN 'overdue' WHEN 1 THEN 'today' WHEN 2 THEN 'planned' END
            FROM public.mail_activity a LEFT JOIN public.res_users u ON u.id = a.user_id
            WHERE a.res_model = document_activity_state.model AND a.res_id = document_activity_state.record AND a.active);
END
$$;

-- Whether `person` (a member of `company`) may read a lead whose salesperson is `salesperson`.
CREATE OR REPLACE FUNCTION embudo.member_reads_lead(company int, person int, salesperson int) RETURNS boolean
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT EXISTS (SELECT 1 FROM public.res_company_member m
                       WHERE m.company_id = company AND m.user_id = person
                         AND (m.access_level >= 'all' OR salesperson IS NULL OR salesperson = person))
    );
END
$$;

-- Defaults and checks of a new or changed activity (reference §2.16), on leads and quotations. Whenever
-- a user acts (activity_schedule included, and the type's default assignee), the assignee must be
-- able to read the document; only activities created without a user (the customer's answer on the
-- quotation page, assigned to the quotation's salesperson) are left out.
CREATE OR REPLACE FUNCTION embudo.mail_activity_before_write() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    kind public.mail_activity_type;
    salesperson int;
    me int := embudo.current_user_id();
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.res_model IS NULL AND NEW.res_model_id IS NOT NULL THEN
            NEW.res_model := (SELECT m.model FROM public.ir_model m WHERE m.id = NEW.res_model_id);
        END IF;
        IF NEW.res_model IS NULL OR NEW.res_model NOT IN ('crm.lead', 'sale.order') THEN
            PERFORM embudo.refuse('validation', 'Activities can be scheduled on leads, opportunities and quotations only.');
        END IF;
        NEW.res_model_id := coalesce(NEW.res_model_id, (SELECT m.id FROM public.ir_model m WHERE m.model = NEW.res_model));
        -- The document, read once with the request's rights (a document it may not read, and so may not
        -- change, is not found): its company (whichever of the caller's companies is the current one),
        -- its name, and its salesperson's key, which the policies read.
        IF NEW.res_model = 'crm.lead' THEN
            SELECT l.company_id, l.name, l.salesperson_key, NULL
              INTO NEW.company_id, NEW.res_name, NEW.lead_salesperson_key, NEW.order_salesperson_key
              FROM public.crm_lead l WHERE l.id = NEW.res_id;
        ELSE
            SELECT o.company_id, o.name, NULL, o.salesperson_key
              INTO NEW.company_id, NEW.res_name, NEW.lead_salesperson_key, NEW.order_salesperson_key
              FROM public.sale_order o WHERE o.id = NEW.res_id;
        END IF;
        IF NOT FOUND THEN
            PERFORM embudo.refuse('access', 'You cannot schedule an activity on a document you cannot change.');
        END IF;
        IF NEW.activity_type_id IS NULL THEN
            SELECT t.id INTO NEW.activity_type_id FROM public.mail_activity_type t
            WHERE t.company_id = NEW.company_id AND t.active AND (t.res_model IS NULL OR t.res_model = NEW.res_model)
            ORDER BY EXISTS (SELECT 1 FROM public.ir_model_data d WHERE d.company_id = t.company_id AND d.model = 'mail.activity.type'
                                 AND d.res_id = t.id AND d.module = 'mail' AND d.name = 'mail_activity_data_todo') DESC,
                     t.res_model IS NULL, t.sequence, t.id
            LIMIT 1;
        END IF;
        SELECT * INTO kind FROM public.mail_activity_type t WHERE t.company_id = NEW.company_id AND t.id = NEW.activity_type_id;
        IF kind.res_model IS NOT NULL AND kind.res_model <> NEW.res_model THEN
            PERFORM embudo.refuse('validation', format('The activity type %s is not available on this kind of document.', kind.name));
        END IF;
        NEW.summary := coalesce(NEW.summary, kind.summary);
        NEW.note := coalesce(NEW.note, kind.default_description);
        NEW.user_id := coalesce(NEW.user_id, kind.default_user_id, me);
        IF NEW.date_deadline IS NULL THEN
            NEW.date_deadline := CASE WHEN NEW.automated THEN embudo.user_today(NEW.user_id)
                                      ELSE embudo.activity_deadline(NEW.company_id, NEW.activity_type_id, embudo.user_today(me)) END;
        END IF;
    ELSIF NEW.res_model IS DISTINCT FROM OLD.res_model OR NEW.res_id IS DISTINCT FROM OLD.res_id OR NEW.company_id <> OLD.company_id THEN
        PERFORM embudo.refuse('validation', 'An activity cannot move to another document.');
    END IF;
    -- The assignee must be able to read the document (whenever a user acts, activity_schedule included).
    IF (TG_OP = 'INSERT' OR NEW.user_id IS DISTINCT FROM OLD.user_id) AND NEW.user_id IS DISTINCT FROM me AND me IS NOT NULL THEN
        -- The document's salesperson, from the copy the activity carries (0: none).
        salesperson := nullif(coalesce(NEW.lead_salesperson_key, NEW.order_salesperson_key), 0);
        IF NOT embudo.member_reads_lead(NEW.company_id, NEW.user_id, salesperson) THEN
            PERFORM embudo.refuse('access', format('%s cannot read this document: assign the activity to someone who can.',
                                                   coalesce((SELECT u.name FROM public.res_users u WHERE u.id = NEW.user_id), 'That user')));
        END IF;
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO public.mail_followers (company_id, res_model, res_id, user_id)
        VALUES (NEW.company_id, NEW.res_model, NEW.res_id, NEW.user_id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER defaults BEFORE INSERT OR UPDATE ON mail_activity FOR EACH ROW EXECUTE FUNCTION embudo.mail_activity_before_write();

-- Marks activities done (reference §2.16): a message on the document with the type, summary, feedback
-- and note; the next activity when the type forces one; the activity archived with its done date.
-- Returns the ids of the messages posted.
CREATE OR REPLACE FUNCTION embudo.activity_done(ids int[], feedback text) RETURNS int[]
LANGUAGE plpgsql
AS $$
DECLARE
    activity public.mail_activity;
    kind public.mail_activity_type;
    message int;
    messages int[] := '{}';
    me int := embudo.current_user_id();
    lang text := coalesce((SELECT u.lang FROM public.res_users u WHERE u.id = embudo.current_user_id()), 'en_US');
    body text;
BEGIN
    IF (SELECT count(*) FROM public.mail_activity a WHERE a.id = ANY (ids) AND a.active) < cardinality(ARRAY(SELECT DISTINCT unnest(ids))) THEN
        PERFORM embudo.refuse('user', 'Some of these activities do not exist, are already done, or you cannot see them.');
    END IF;
    FOR activity IN SELECT * FROM public.mail_activity a WHERE a.id = ANY (ids) ORDER BY a.id LOOP
        SELECT * INTO kind FROM public.mail_activity_type t WHERE t.company_id = activity.company_id AND t.id = activity.activity_type_id;
        -- In the language of the user who marks it done.
        body := concat_ws(E'\n',
            coalesce(kind.name, embudo.localized(lang, 'Activity', 'Actividad')) || embudo.localized(lang, ' done', ' completada')
                || coalesce(': ' || nullif(activity.summary, ''), ''),
            CASE WHEN activity.user_id IS DISTINCT FROM me
                 THEN embudo.localized(lang, 'Assigned to ', 'Asignada a ') || (SELECT u.name FROM public.res_users u WHERE u.id = activity.user_id) END,
            embudo.localized(lang, 'Feedback: ', 'Comentarios: ') || nullif(feedback, ''),
            nullif(activity.note, ''));
        INSERT INTO public.mail_message (company_id, model, res_id, body, author_id, message_type, subtype_id, mail_activity_type_id, create_uid, write_uid)
        VALUES (activity.company_id, activity.res_model, activity.res_id, body, me, 'notification', embudo.subtype('mail.mt_activities'),
                activity.activity_type_id, me, me)
        RETURNING id INTO message;
        messages := messages || message;
        IF kind.force_next AND kind.default_next_type_id IS NOT NULL THEN
            INSERT INTO public.mail_activity (company_id, res_model, res_id, activity_type_id, user_id, date_deadline,
                                              previous_activity_type_id, create_uid, write_uid)
            SELECT activity.company_id, activity.res_model, activity.res_id, kind.default_next_type_id, activity.user_id,
                   embudo.activity_deadline(activity.company_id, kind.default_next_type_id,
                       CASE WHEN n.delay_from = 'previous_activity' THEN activity.date_deadline ELSE embudo.user_today(me) END),
                   activity.activity_type_id, me, me
            FROM public.mail_activity_type n WHERE n.company_id = activity.company_id AND n.id = kind.default_next_type_id;
        END IF;
        UPDATE public.mail_activity a SET active = false, date_done = embudo.user_today(me), feedback = activity_done.feedback,
                                          write_date = now(), write_uid = me
        WHERE a.id = activity.id;
    END LOOP;
    RETURN messages;
END
$$;

-- Schedules activities on documents from code (activity_schedule): the deadline is the given date or
-- today, the type's delay is not applied. Returns the new activities' ids.
CREATE OR REPLACE FUNCTION embudo.activity_schedule(model text, ids int[], type_xmlid text, deadline date, summary text, note text, assignee int)
RETURNS int[]
LANGUAGE plpgsql
AS $$
DECLARE
    created int[];
    kind int;
BEGIN
    IF type_xmlid IS NOT NULL AND type_xmlid <> '' THEN
        SELECT d.res_id INTO kind FROM public.ir_model_data d
        WHERE d.model = 'mail.activity.type' AND d.module = split_part(type_xmlid, '.', 1) AND d.name = split_part(type_xmlid, '.', 2)
          AND d.company_id = ANY (embudo.company_ids())
        ORDER BY array_position(embudo.company_ids(), d.company_id) LIMIT 1;
        IF kind IS NULL THEN
            PERFORM embudo.refuse('validation', format('Unknown activity type %s.', type_xmlid));
        END IF;
    END IF;
    IF model NOT IN ('crm.lead', 'sale.order') THEN
        PERFORM embudo.refuse('validation', 'Activities can be scheduled on leads, opportunities and quotations only.');
    END IF;
    WITH documents AS (
        SELECT l.company_id, l.id FROM public.crm_lead l WHERE model = 'crm.lead' AND l.id = ANY (ids)
        UNION ALL SELECT o.company_id, o.id FROM public.sale_order o WHERE model = 'sale.order' AND o.id = ANY (ids)
    ), inserted AS (
        INSERT INTO public.mail_activity (company_id, res_model, res_id, activity_type_id, date_deadline, summary, note, user_id,
                                          automated, create_uid, write_uid)
        SELECT d.company_id, model, d.id, kind, deadline, summary, note, assignee, true, embudo.current_user_id(), embudo.current_user_id()
        FROM documents d
        RETURNING id
    )
    SELECT array_agg(id ORDER BY id) INTO created FROM inserted;
    IF coalesce(cardinality(created), 0) < cardinality(ARRAY(SELECT DISTINCT unnest(ids))) THEN
        PERFORM embudo.refuse('user', 'Some of these documents do not exist or you cannot see them.');
    END IF;
    RETURN created;
END
$$;

-- Marking a lead lost or archiving it removes its pending activities.
CREATE OR REPLACE FUNCTION embudo.crm_lead_drop_activities() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    DELETE FROM public.mail_activity a WHERE a.res_model = 'crm.lead' AND a.res_id = NEW.id AND a.active;
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER drop_activities AFTER UPDATE OF active ON crm_lead
    FOR EACH ROW WHEN (OLD.active AND NOT NEW.active) EXECUTE FUNCTION embudo.crm_lead_drop_activities();

-- The caller's pending activities per model with their states, for the reminders' badge.
CREATE OR REPLACE FUNCTION embudo.systray_activities() RETURNS TABLE (model text, overdue int, today int, planned int)
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT a.res_model,
           count(*) FILTER (WHERE s.state = 'overdue')::int,
           count(*) FILTER (WHERE s.state = 'today')::int,
           count(*) FILTER (WHERE s.state = 'planned')::int
    FROM public.mail_activity a, LATERAL (SELECT embudo.activity_state(a.date_deadline, a.user_id) AS state) s
    WHERE a.active AND a.user_id = embudo.current_user_id()
    GROUP BY a.res_model
    ORDER BY a.res_model;
END
$$;

GRANT EXECUTE ON FUNCTION
    embudo.user_today(int), embudo.activity_deadline(int, int, date),
    embudo.member_reads_lead(int, int, int), embudo.mail_activity_before_write(), embudo.activity_done(int[], text),
    embudo.activity_schedule(text, int[], text, date, text, text, int), embudo.crm_lead_drop_activities(),
    embudo.systray_activities()
TO embudo_service;
GRANT EXECUTE ON FUNCTION embudo.activity_state(date, int), embudo.document_activity_state(text, int) TO embudo_service, embudo_bi;
-- The report views compute the state of pending activities.
GRANT EXECUTE ON FUNCTION embudo.activity_state_at(date, text, timestamptz) TO embudo_service, embudo_bi, embudo_report;
