-- Meetings (Odoo's calendar.event, calendar.attendee, calendar.event.type, calendar.alarm): who sees
-- them, their defaults, their attendees, and what they do to the opportunity and its activities.

-- Types and reminders: every member reads them, administrators edit them.
SELECT embudo.enable_tenancy(t), embudo.enable_catalog_policies(t, 'admin', 'admin')
FROM unnest('{calendar_event_type, calendar_alarm}'::regclass[]) t;

-- Whether the current user attends event `event` of company `company` as a colleague (the busy slots
-- and the feed ask it). It reads the colleagues' table as its owner (owner_read), the company and user
-- named explicitly. Only for a session of the service: as the owner, it trusts the context's settings
-- (the user, the companies), which any login can set; BI logins have no current user, so no meeting
-- they attend.
CREATE OR REPLACE FUNCTION embudo.calendar_attends(company int, event int) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT pg_has_role(session_user, 'embudo_service', 'MEMBER')
           AND EXISTS (SELECT 1 FROM public.calendar_event_res_users_rel r
                       WHERE r.company_id = company AND r.calendar_event_id = event AND r.res_users_id = embudo.current_user_id())
    );
END
$$;

-- Events. The organizer and the colleagues invited read and change them; so does whoever may read the
-- document they are about (the opportunity, the quotation), and a member with "all documents" reads
-- every event of the company, except private ones: a private event is its organizer's and its
-- attendees' alone (others see only that its organizer is busy: embudo.calendar_busy_slots).
-- The organizer or an administrator deletes.
SELECT embudo.enable_tenancy('calendar_event');
ALTER TABLE calendar_event ALTER COLUMN user_id SET DEFAULT embudo.current_user_id();
ALTER TABLE calendar_event ALTER COLUMN create_uid SET DEFAULT embudo.current_user_id();
ALTER TABLE calendar_event ALTER COLUMN write_uid SET DEFAULT embudo.current_user_id();
-- Who may read a meeting is kept on it, `readers` (migration 0035; Citus refuses a policy that looks
-- another table up): the organizer and the colleagues invited, always; unless it is private, -1 for
-- "members with all documents" and the salesperson_key of the opportunity or quotation it is about (its
-- salesperson, or 0 for nobody's: every member, as the document). Sorted, without repeats: the rows that
-- belong to the meeting copy it, and a foreign key compares the copies with it.
CREATE OR REPLACE FUNCTION embudo.calendar_readers_rule() RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT '(company_id = ANY ((SELECT embudo.company_ids(''all''))::int[]) AND readers @> ''{-1}''::int[]) '
           'OR readers && ARRAY[(SELECT embudo.current_user_id()), 0]'
$$;
CREATE OR REPLACE FUNCTION embudo.calendar_event_policy(clauses text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT format(clauses, embudo.calendar_readers_rule())
$$;

-- A meeting's readers (see above), worked out from the colleagues invited and the document, as the
-- caller may read them.
CREATE OR REPLACE FUNCTION embudo.calendar_readers_of(company int, event int, organizer int, privacy text, res_model text, res_id int)
RETURNS int[]
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT ARRAY(
            SELECT DISTINCT x FROM unnest(ARRAY[organizer]
                || ARRAY(SELECT r.res_users_id FROM public.calendar_event_res_users_rel r WHERE r.company_id = company AND r.calendar_event_id = event)
                || CASE WHEN privacy <> 'private' THEN ARRAY[-1]
                        || ARRAY(SELECT l.salesperson_key FROM public.crm_lead l WHERE res_model = 'crm.lead' AND l.company_id = company AND l.id = res_id)
                        || ARRAY(SELECT o.salesperson_key FROM public.sale_order o WHERE res_model = 'sale.order' AND o.company_id = company AND o.id = res_id)
                   ELSE '{}'::int[] END) x
            WHERE x IS NOT NULL ORDER BY x)
    );
END
$$;

-- The same, read as the owner, within the request's companies: the request may not see the colleagues'
-- table, nor the document. Only inside the triggers that keep `readers`.
CREATE OR REPLACE FUNCTION embudo.calendar_readers(company int, event int, organizer int, privacy text, res_model text, res_id int)
RETURNS int[]
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT embudo.calendar_readers_of(company, event, organizer, privacy, res_model, res_id) WHERE pg_trigger_depth() > 0
$$;

-- A meeting's readers, for its BEFORE trigger: as the caller when it is exempt from row-level security
-- (psql, the privileged login: no tenant context), else as the owner.
CREATE OR REPLACE FUNCTION embudo.calendar_event_readers(e anyelement) RETURNS int[]
LANGUAGE sql STABLE
AS $$
    SELECT CASE WHEN embudo.rls_exempt() THEN embudo.calendar_readers_of(e.company_id, e.id, e.user_id, e.privacy, e.res_model, e.res_id)
                ELSE embudo.calendar_readers(e.company_id, e.id, e.user_id, e.privacy, e.res_model, e.res_id) END
$$;

-- Whether an update of a meeting changes its readers and nothing else (the triggers that act on a
-- meeting's changes skip it).
CREATE OR REPLACE FUNCTION embudo.calendar_readers_only(earlier anyelement, later anyelement) RETURNS boolean
LANGUAGE sql IMMUTABLE
AS $$
    SELECT to_jsonb(later) - 'readers' = to_jsonb(earlier) - 'readers'
$$;

-- Works `readers` out again for the meetings of `company` named by `events` (the meeting's BEFORE
-- trigger does, for a change of readers alone), and so their rows' copies; `as_owner`: as the owner,
-- for a request (the owner's trigger functions below); otherwise as a caller exempt from row-level
-- security (psql, the privileged login), with no tenant context.
CREATE OR REPLACE FUNCTION embudo.calendar_refresh_readers(company int, events int[]) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    previous constant text := embudo.begin_owner_writes();
BEGIN
    UPDATE public.calendar_event e SET readers = NULL WHERE e.company_id = company AND e.id = ANY (events);
    PERFORM embudo.end_owner_writes(previous);
END
$$;
REVOKE ALL ON FUNCTION embudo.calendar_refresh_readers(int, int[]) FROM PUBLIC;
CREATE OR REPLACE FUNCTION embudo.calendar_refresh_readers_as_owner(company int, events int[]) RETURNS void
LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT embudo.calendar_refresh_readers(company, events) WHERE pg_trigger_depth() > 0
$$;
CREATE OR REPLACE FUNCTION embudo.calendar_refresh(company int, events int[]) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    IF cardinality(events) = 0 THEN
        RETURN;
    ELSIF embudo.rls_exempt() THEN
        PERFORM embudo.calendar_refresh_readers(company, events);
    ELSE
        PERFORM embudo.calendar_refresh_readers_as_owner(company, events);
    END IF;
END
$$;

-- The colleagues invited changed: the meeting's readers follow.
CREATE OR REPLACE FUNCTION embudo.calendar_attendance_changed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM embudo.calendar_refresh(NEW.company_id, ARRAY[NEW.calendar_event_id]);
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM embudo.calendar_refresh(OLD.company_id, ARRAY[OLD.calendar_event_id]);
    END IF;
    RETURN NULL;
END
$$;

-- The opportunity or quotation a meeting is about changed hands: the readers of its meetings that are
-- not private follow (TG_ARGV[0]: the document's model). The meetings are found as the owner.
CREATE OR REPLACE FUNCTION embudo.calendar_document_meetings(company int, model text, document int) RETURNS int[]
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT ARRAY(SELECT e.id FROM public.calendar_event e
                     WHERE e.company_id = company AND e.res_model = model AND e.res_id = document AND e.privacy <> 'private')
        WHERE pg_trigger_depth() > 0
    );
END
$$;
CREATE OR REPLACE FUNCTION embudo.calendar_document_changed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM embudo.calendar_refresh(NEW.company_id, CASE WHEN embudo.rls_exempt()
        THEN ARRAY(SELECT e.id FROM public.calendar_event e
                   WHERE e.company_id = NEW.company_id AND e.res_model = TG_ARGV[0] AND e.res_id = NEW.id AND e.privacy <> 'private')
        ELSE embudo.calendar_document_meetings(NEW.company_id, TG_ARGV[0], NEW.id) END);
    RETURN NULL;
END
$$;
-- A deleted quotation lets go of its meetings (res_id names it without a foreign key; an opportunity's
-- meetings let go through theirs: embudo.enable_unlink), and their readers follow.
CREATE OR REPLACE FUNCTION embudo.calendar_document_deleted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    previous constant text := embudo.begin_owner_writes();
BEGIN
    UPDATE public.calendar_event e SET res_model = NULL, res_model_id = NULL, res_id = NULL
    WHERE e.company_id = OLD.company_id AND e.res_model = TG_ARGV[0] AND e.res_id = OLD.id;
    PERFORM embudo.end_owner_writes(previous);
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER calendar_meetings AFTER DELETE ON sale_order FOR EACH ROW EXECUTE FUNCTION embudo.calendar_document_deleted('sale.order');
CREATE OR REPLACE TRIGGER calendar_readers AFTER UPDATE ON crm_lead FOR EACH ROW
WHEN (OLD.salesperson_key IS DISTINCT FROM NEW.salesperson_key) EXECUTE FUNCTION embudo.calendar_document_changed('crm.lead');
CREATE OR REPLACE TRIGGER calendar_readers AFTER UPDATE ON sale_order FOR EACH ROW
WHEN (OLD.salesperson_key IS DISTINCT FROM NEW.salesperson_key) EXECUTE FUNCTION embudo.calendar_document_changed('sale.order');

-- A meeting's (`kind` 'event') or an attendance's ('attendee') new readers reach its rows' copies, as
-- the owner for a request (whoever changes who may read a meeting may no longer read it afterwards).
-- Each statement names the meeting's company.
CREATE OR REPLACE FUNCTION embudo.calendar_copy_readers_to(kind text, company int, parent int, copy int[]) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    previous constant text := embudo.begin_owner_writes();
BEGIN
    IF kind = 'attendee' THEN
        UPDATE public.calendar_attendee_token SET readers = copy WHERE company_id = company AND attendee_id = parent;
    ELSE
        UPDATE public.calendar_attendee SET readers = copy WHERE company_id = company AND event_id = parent;
        UPDATE public.calendar_event_res_partner_rel SET readers = copy WHERE company_id = company AND calendar_event_id = parent;
        UPDATE public.meeting_category_rel SET readers = copy WHERE company_id = company AND event_id = parent;
        UPDATE public.calendar_alarm_calendar_event_rel SET readers = copy WHERE company_id = company AND calendar_event_id = parent;
        UPDATE public.calendar_event_res_users_rel SET readers = copy WHERE company_id = company AND calendar_event_id = parent;
        UPDATE public.calendar_recurrence SET readers = copy WHERE company_id = company AND base_event_id = parent;
    END IF;
    PERFORM embudo.end_owner_writes(previous);
END
$$;
REVOKE ALL ON FUNCTION embudo.calendar_copy_readers_to(text, int, int, int[]) FROM PUBLIC;
CREATE OR REPLACE FUNCTION embudo.calendar_copy_readers_as_owner(kind text, company int, parent int, copy int[]) RETURNS void
LANGUAGE sql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT embudo.calendar_copy_readers_to(kind, company, parent, copy) WHERE pg_trigger_depth() > 0
$$;
CREATE OR REPLACE FUNCTION embudo.calendar_readers_follow() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF embudo.rls_exempt() THEN
        PERFORM embudo.calendar_copy_readers_to(TG_ARGV[0], NEW.company_id, NEW.id, NEW.readers);
    ELSE
        PERFORM embudo.calendar_copy_readers_as_owner(TG_ARGV[0], NEW.company_id, NEW.id, NEW.readers);
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER readers_follow AFTER UPDATE ON calendar_event FOR EACH ROW
WHEN (OLD.readers IS DISTINCT FROM NEW.readers) EXECUTE FUNCTION embudo.calendar_readers_follow('event');

-- A row that belongs to a meeting (or, for an answer link, to an attendance) copies its readers when it
-- is added, moved or its copy written: read with the caller's rights, else as the owner (a row added for
-- a meeting the caller cannot read is then refused by its policy). The copy is never the caller's to
-- set: it is read again from the parent, and a row without one (a series whose first meeting was
-- deleted) keeps the readers it had. (The foreign key compares the copies at commit as well.) TG_ARGV:
-- the parent ('event' or 'attendee') and the column naming it.
CREATE OR REPLACE FUNCTION embudo.calendar_parent_readers(kind text, company int, parent int) RETURNS int[]
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT CASE WHEN kind = 'attendee'
                    THEN (SELECT a.readers FROM public.calendar_attendee a WHERE a.company_id = company AND a.id = parent)
                    ELSE (SELECT e.readers FROM public.calendar_event e WHERE e.company_id = company AND e.id = parent) END
    );
END
$$;
CREATE OR REPLACE FUNCTION embudo.calendar_parent_readers_as_owner(kind text, company int, parent int) RETURNS int[]
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT embudo.calendar_parent_readers(kind, company, parent) WHERE pg_trigger_depth() > 0
$$;
CREATE OR REPLACE FUNCTION embudo.calendar_copy_readers() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    parent constant int := (to_jsonb(NEW) ->> TG_ARGV[1])::int;
BEGIN
    IF parent IS NULL THEN
        NEW.readers := CASE WHEN TG_OP = 'UPDATE' THEN OLD.readers ELSE '{}' END;
    ELSE
        NEW.readers := coalesce(embudo.calendar_parent_readers(TG_ARGV[0], NEW.company_id, parent),
                                embudo.calendar_parent_readers_as_owner(TG_ARGV[0], NEW.company_id, parent), '{}');
    END IF;
    RETURN NEW;
END
$$;

-- Declares a table whose rows belong to a meeting (or an attendance): the copy of its readers, the
-- policy that reads it (every command: `clauses` TO …, and any other condition, `%s` the readers'), the
-- owner's writes of the copy and the owner's reads.
CREATE OR REPLACE FUNCTION embudo.calendar_enable_readers_copy(target regclass, parent text, link name, policy name, clauses text)
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    EXECUTE format('CREATE OR REPLACE TRIGGER readers BEFORE INSERT OR UPDATE OF %I, readers ON %s FOR EACH ROW '
                   'EXECUTE FUNCTION embudo.calendar_copy_readers(%L, %L)', link, target, parent, link);
    PERFORM embudo.replace_policy(target, policy, format(clauses, embudo.calendar_readers_rule()));
    PERFORM embudo.enable_owner_writes_policy(target);
    -- The owner's functions (reminders, feeds, "forbidden" or "missing") read them as they read the
    -- meetings, private ones included (owner_exists on calendar_event).
    PERFORM embudo.replace_policy(target, 'owner_read', 'FOR SELECT TO embudo_owner USING (true)');
END
$$;

SELECT embudo.replace_policy('calendar_event', 'attendee_or_reader_read', embudo.calendar_event_policy('FOR SELECT USING (%s)'));
SELECT embudo.replace_policy('calendar_event', 'attendee_or_reader_create', embudo.calendar_event_policy('FOR INSERT TO embudo_service WITH CHECK (%s)'));
SELECT embudo.replace_policy('calendar_event', 'attendee_or_reader_update', embudo.calendar_event_policy('FOR UPDATE TO embudo_service USING (%1$s) WITH CHECK (%1$s)'));
SELECT embudo.replace_policy('calendar_event', 'organizer_or_admin_delete', 'FOR DELETE TO embudo_service USING ('
    'user_id = (SELECT embudo.current_user_id()) OR company_id = ANY ((SELECT embudo.company_ids(''admin''))::int[]))');
-- "Forbidden" or "missing"? (embudo.count_existing), and the busy time of private events.
SELECT embudo.replace_policy('calendar_event', 'owner_exists', 'FOR SELECT TO embudo_owner USING (true)');
-- The owner works readers out again (embudo.calendar_refresh_readers).
SELECT embudo.enable_owner_writes_policy('calendar_event');
-- A meeting outlives its opportunity, its series and its organizer's membership, whoever may see it
-- (base/policies.sql, embudo.enable_unlink). Its activities follow as the owner (activities.sql).
SELECT embudo.enable_unlink('calendar_event', k.col, k.named)
FROM (VALUES ('opportunity_id', 'crm_lead'), ('recurrence_id', 'calendar_recurrence'), ('user_id', 'res_company_member')) k (col, named);

-- What belongs to an event (its attendees, and its contacts, types and reminders) follows it: read and
-- changed by the meeting's readers.
SELECT embudo.enable_tenancy(t.target), embudo.calendar_enable_readers_copy(t.target, 'event', t.link, 'with_event', 'USING (%1$s) WITH CHECK (%1$s)')
FROM (VALUES ('calendar_attendee'::regclass, 'event_id'::name), ('calendar_event_res_partner_rel', 'calendar_event_id'),
             ('meeting_category_rel', 'event_id'), ('calendar_alarm_calendar_event_rel', 'calendar_event_id')) t (target, link);
CREATE OR REPLACE TRIGGER readers_follow AFTER UPDATE ON calendar_attendee FOR EACH ROW
WHEN (OLD.readers IS DISTINCT FROM NEW.readers) EXECUTE FUNCTION embudo.calendar_readers_follow('attendee');
-- Which colleagues attend which events: read and changed with the event, and each colleague reads their
-- own. A change of them changes the event's readers.
SELECT embudo.enable_tenancy('calendar_event_res_users_rel');
SELECT embudo.calendar_enable_readers_copy('calendar_event_res_users_rel', 'event', 'calendar_event_id', 'member_read',
                                           'FOR SELECT USING (res_users_id = (SELECT embudo.current_user_id()) OR %s)');
SELECT embudo.replace_policy('calendar_event_res_users_rel', 'owner_read', 'FOR SELECT TO embudo_owner USING (true)');
SELECT embudo.replace_policy('calendar_event_res_users_rel', 'with_event_' || v.verb,
           format('FOR %s TO embudo_service ', v.verb) || format(v.clause, embudo.calendar_readers_rule()))
FROM (VALUES ('insert', 'WITH CHECK (%1$s)'), ('update', 'USING (%1$s) WITH CHECK (%1$s)'), ('delete', 'USING (%1$s)')) v (verb, clause);
CREATE OR REPLACE TRIGGER readers_attendance AFTER INSERT OR DELETE OR UPDATE OF calendar_event_id, res_users_id ON calendar_event_res_users_rel
FOR EACH ROW EXECUTE FUNCTION embudo.calendar_attendance_changed();
-- Answer links: made by invitations, resolved by the owner's function before any tenant is known.
SELECT embudo.enable_tenancy('calendar_attendee_token');
ALTER TABLE calendar_attendee_token NO FORCE ROW LEVEL SECURITY;
REVOKE SELECT, UPDATE ON calendar_attendee_token FROM embudo_service, embudo_report;
GRANT SELECT (company_id, attendee_id, acting_user, expires_at, create_date) ON calendar_attendee_token TO embudo_service;
SELECT embudo.calendar_enable_readers_copy('calendar_attendee_token', 'attendee', 'attendee_id', 'with_attendee',
                                           'TO embudo_service USING (%1$s) WITH CHECK (%1$s)');

-- Reminders sent and feeds are the owner's functions' alone (they resolve tokens before any tenant is
-- known, and serve every company).
SELECT embudo.enable_tenancy(t) FROM unnest('{calendar_alarm_sent, calendar_feed}'::regclass[]) t;
ALTER TABLE calendar_alarm_sent NO FORCE ROW LEVEL SECURITY;
ALTER TABLE calendar_feed NO FORCE ROW LEVEL SECURITY;
REVOKE ALL ON calendar_alarm_sent, calendar_feed FROM embudo_service, embudo_report;

-- The current user's answer to an event (Odoo's attendee_status), NULL when not invited.
CREATE OR REPLACE FUNCTION embudo.calendar_my_status(company int, event int) RETURNS text
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT a.state FROM public.calendar_attendee a
        WHERE a.company_id = company AND a.event_id = event AND a.user_id = embudo.current_user_id()
    );
END
$$;

-- What a meeting is called where people who cannot read it may look (the opportunity's history, its
-- activity): its name, or "Private meeting" for a private one.
CREATE OR REPLACE FUNCTION embudo.calendar_public_name(e anyelement, lang text) RETURNS text
LANGUAGE sql STABLE
AS $$
    SELECT CASE WHEN e.privacy = 'private' THEN embudo.localized(lang, 'Private meeting', 'Reunión privada') ELSE e.name END
$$;

-- A time zone PostgreSQL knows, else UTC (a contact's tz is checked when written; this keeps a bad
-- stored one from failing a whole mail run). Asked per row (display_time, invitations): PostgreSQL is
-- asked to convert with it, a few microseconds, where looking it up in pg_timezone_names costs some
-- 60 ms (it computes every zone's current offset).
CREATE OR REPLACE FUNCTION embudo.calendar_tz(tz text) RETURNS text
LANGUAGE plpgsql STABLE
AS $$
BEGIN
    IF tz IS NULL OR tz = '' THEN
        RETURN 'UTC';
    END IF;
    PERFORM now() AT TIME ZONE tz;
    RETURN tz;
EXCEPTION WHEN invalid_parameter_value THEN
    RETURN 'UTC';
END
$$;

-- A contact's time zone must be one PostgreSQL knows (as a user's: base/preferences.sql).
CREATE OR REPLACE FUNCTION embudo.calendar_partner_tz() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.tz IS NOT NULL AND embudo.calendar_tz(NEW.tz) <> NEW.tz THEN
        PERFORM embudo.refuse('validation', format('Unknown time zone %s: use a name such as America/Mexico_City.', left(NEW.tz, 100)));
    END IF;
    RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER tz_known BEFORE INSERT OR UPDATE OF tz ON res_partner FOR EACH ROW EXECUTE FUNCTION embudo.calendar_partner_tz();

-- The events' times as Odoo keeps them: an all-day event runs from 08:00 to 18:00 UTC of its first and
-- last day; the duration in hours follows start and stop (a new stop from a new duration, when only the
-- duration changed; a moved start keeps the duration). The document: an opportunity, or a quotation;
-- its company is the event's and the user must be able to read it. A change attendees must hear of
-- (time, place, name, description) raises the iCalendar SEQUENCE.
CREATE OR REPLACE FUNCTION embudo.calendar_event_before_write() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    first_day date;
    last_day date;
    length interval;
BEGIN
    -- Who may read it works out again (embudo.calendar_refresh_readers), and nothing else changes: not
    -- the write's instructions, nor its date.
    IF TG_OP = 'UPDATE' AND NEW.readers IS NULL AND embudo.calendar_readers_only(OLD, NEW) THEN
        NEW.readers := embudo.calendar_event_readers(NEW);
        RETURN NEW;
    END IF;
    -- recurrence_update is an instruction of this write, never kept (recurrence.sql reads it).
    -- (The changes the triggers make to the other events of a series keep the write's.)
    IF TG_OP = 'UPDATE' AND current_setting('embudo.calendar_propagating', true) IS DISTINCT FROM 'on' THEN
        PERFORM embudo.set_local('embudo.calendar_update_mode', coalesce(NEW.recurrence_update, 'self_only'));
        -- An occurrence moved on its own no longer follows the rule.
        IF coalesce(NEW.recurrence_update, 'self_only') = 'self_only' AND NEW.recurrence_id IS NOT NULL
           AND (NEW.start, NEW.stop) IS DISTINCT FROM (OLD.start, OLD.stop) THEN
            NEW.follow_recurrence := false;
        END IF;
    END IF;
    NEW.recurrence_update := NULL;

    IF NEW.allday THEN
        IF TG_OP = 'INSERT' THEN
            first_day := coalesce(NEW.start_date, (NEW.start AT TIME ZONE 'UTC')::date);
            last_day := coalesce(NEW.stop_date, (NEW.stop AT TIME ZONE 'UTC')::date, first_day);
        ELSE
            first_day := CASE WHEN NEW.start_date IS DISTINCT FROM OLD.start_date AND NEW.start_date IS NOT NULL THEN NEW.start_date
                              WHEN NEW.start IS DISTINCT FROM OLD.start OR NEW.start_date IS NULL THEN (NEW.start AT TIME ZONE 'UTC')::date
                              ELSE NEW.start_date END;
            last_day := CASE WHEN NEW.stop_date IS DISTINCT FROM OLD.stop_date AND NEW.stop_date IS NOT NULL THEN NEW.stop_date
                             WHEN NEW.stop IS DISTINCT FROM OLD.stop OR NEW.stop_date IS NULL THEN (NEW.stop AT TIME ZONE 'UTC')::date
                             ELSE NEW.stop_date END;
        END IF;
        NEW.start_date := first_day;
        NEW.stop_date := greatest(last_day, first_day);
        NEW.start := (NEW.start_date + time '08:00') AT TIME ZONE 'UTC';
        NEW.stop := (NEW.stop_date + time '18:00') AT TIME ZONE 'UTC';
    ELSE
        NEW.start_date := NULL;
        NEW.stop_date := NULL;
        IF TG_OP = 'INSERT' THEN
            NEW.stop := coalesce(NEW.stop, NEW.start + make_interval(secs => coalesce(NEW.duration, 1) * 3600));
        ELSIF NEW.stop IS NOT DISTINCT FROM OLD.stop AND NEW.duration IS DISTINCT FROM OLD.duration THEN
            NEW.stop := NEW.start + make_interval(secs => NEW.duration * 3600);
        ELSIF NEW.stop IS NOT DISTINCT FROM OLD.stop AND NEW.start IS DISTINCT FROM OLD.start THEN
            NEW.stop := NEW.start + (OLD.stop - OLD.start);
        END IF;
    END IF;
    IF NEW.stop < NEW.start THEN
        PERFORM embudo.refuse('validation', 'The ending date and time cannot be earlier than the starting date and time.');
    END IF;
    length := NEW.stop - NEW.start;
    NEW.duration := CASE WHEN NEW.allday THEN 24 * (NEW.stop_date - NEW.start_date + 1) ELSE extract(epoch FROM length) / 3600 END;

    -- The document: an opportunity (opportunity_id, or res_model crm.lead), or a quotation.
    IF NEW.opportunity_id IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.opportunity_id IS DISTINCT FROM OLD.opportunity_id) THEN
        NEW.res_model := 'crm.lead';
        NEW.res_id := NEW.opportunity_id;
    ELSIF TG_OP = 'UPDATE' AND NEW.opportunity_id IS NULL AND OLD.opportunity_id IS NOT NULL AND NEW.res_model = 'crm.lead'
          AND NEW.res_id IS NOT DISTINCT FROM OLD.res_id THEN
        -- The opportunity cleared (by hand, or deleted: embudo.enable_unlink), and not named again by res_id.
        NEW.res_model := NULL;
        NEW.res_model_id := NULL;
        NEW.res_id := NULL;
    ELSIF NEW.res_model = 'crm.lead' AND NEW.res_id IS NOT NULL THEN
        NEW.opportunity_id := NEW.res_id;
    END IF;
    IF NEW.res_model IS NULL AND NEW.res_model_id IS NOT NULL THEN
        NEW.res_model := (SELECT m.model FROM public.ir_model m WHERE m.id = NEW.res_model_id);
    END IF;
    IF (NEW.res_model IS NULL) <> (NEW.res_id IS NULL) OR NEW.res_model NOT IN ('crm.lead', 'sale.order') THEN
        PERFORM embudo.refuse('validation', 'A meeting can be about an opportunity or a quotation (res_model and res_id), or nothing.');
    END IF;
    NEW.res_model_id := (SELECT m.id FROM public.ir_model m WHERE m.model = NEW.res_model);
    IF NEW.res_model IS NOT NULL AND (TG_OP = 'INSERT' OR (NEW.res_model, NEW.res_id) IS DISTINCT FROM (OLD.res_model, OLD.res_id)) THEN
        IF NOT (NEW.res_model = 'crm.lead' AND EXISTS (SELECT 1 FROM public.crm_lead l WHERE l.company_id = NEW.company_id AND l.id = NEW.res_id)
                OR NEW.res_model = 'sale.order' AND EXISTS (SELECT 1 FROM public.sale_order o WHERE o.company_id = NEW.company_id AND o.id = NEW.res_id)) THEN
            PERFORM embudo.refuse('access', 'You cannot plan a meeting on a document you cannot read.');
        END IF;
    END IF;

    IF TG_OP = 'INSERT' THEN
        NEW.ical_uid := coalesce(NEW.ical_uid, (SELECT r.ical_uid FROM public.calendar_recurrence r
                                                WHERE r.company_id = NEW.company_id AND r.id = NEW.recurrence_id),
                                 gen_random_uuid()::text || '@embudo');
        NEW.sequence := 0;
        NEW.done := false;
        NEW.create_uid := coalesce(embudo.current_user_id(), NEW.create_uid);
    ELSE
        IF NEW.company_id <> OLD.company_id OR NEW.ical_uid <> OLD.ical_uid THEN
            PERFORM embudo.refuse('validation', 'A meeting cannot move to another company.');
        END IF;
        IF (NEW.start, NEW.stop, NEW.allday, NEW.name, NEW.location, NEW.videocall_location, NEW.description, NEW.active)
           IS DISTINCT FROM (OLD.start, OLD.stop, OLD.allday, OLD.name, OLD.location, OLD.videocall_location, OLD.description, OLD.active) THEN
            NEW.sequence := OLD.sequence + 1;
        END IF;
    END IF;
    NEW.write_uid := coalesce(embudo.current_user_id(), NEW.write_uid);
    NEW.write_date := now();
    -- Who may read it: worked out when what decides it changes, never the caller's to set.
    IF TG_OP = 'INSERT' OR NEW.readers IS NULL
       OR (NEW.user_id, NEW.privacy, NEW.res_model, NEW.res_id) IS DISTINCT FROM (OLD.user_id, OLD.privacy, OLD.res_model, OLD.res_id) THEN
        NEW.readers := embudo.calendar_event_readers(NEW);
    ELSE
        NEW.readers := OLD.readers;
    END IF;
    RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER defaults BEFORE INSERT OR UPDATE ON calendar_event FOR EACH ROW EXECUTE FUNCTION embudo.calendar_event_before_write();

-- A new event: its organizer attends (accepted). One about an opportunity, made by a user and not as
-- an occurrence of a series or for a meeting activity, posts "Meeting scheduled" on the opportunity
-- and gets its "Meeting" activity (Odoo's calendar.event.create), so that the pipeline shows it as
-- the next step.
CREATE OR REPLACE FUNCTION embudo.calendar_event_after_insert() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    me int := embudo.current_user_id();
    lang text;
    zone text;
    organizer_zone text;
    meeting_type int;
BEGIN
    IF NEW.user_id IS NOT NULL THEN
        INSERT INTO public.calendar_event_res_users_rel (company_id, calendar_event_id, res_users_id)
        VALUES (NEW.company_id, NEW.id, NEW.user_id) ON CONFLICT DO NOTHING;
    END IF;
    IF NEW.recurrence_id IS NOT NULL OR NEW.res_model IS NULL OR current_setting('embudo.calendar_from_activity', true) = 'on' THEN
        RETURN NULL;
    END IF;
    -- (Looked up first: Citus refuses a subquery inside INSERT … VALUES.)
    SELECT coalesce(u.lang, 'en_US'), u.tz INTO lang, zone FROM public.res_users u WHERE u.id = me;
    lang := coalesce(lang, 'en_US');
    SELECT u.tz INTO organizer_zone FROM public.res_users u WHERE u.id = NEW.user_id;
    IF NEW.res_model = 'crm.lead' THEN
        INSERT INTO public.mail_message (company_id, model, res_id, body, author_id, message_type, subtype_id, create_uid, write_uid)
        VALUES (NEW.company_id, 'crm.lead', NEW.res_id,
                embudo.html_escape(embudo.localized(lang, 'Meeting scheduled at ', 'Reunión programada el ')
                || embudo.calendar_when(NEW, zone, lang)
                || E'\n' || embudo.localized(lang, 'Subject: ', 'Asunto: ') || embudo.calendar_public_name(NEW, lang)
                || CASE WHEN NOT NEW.allday THEN E'\n' || embudo.localized(lang, 'Duration: ', 'Duración: ')
                        || to_char(NEW.stop - NEW.start, 'HH24:MI') ELSE '' END),
                me, 'notification', embudo.subtype('mail.mt_note'), me, me);
    END IF;
    SELECT t.id INTO meeting_type FROM public.mail_activity_type t
    WHERE t.company_id = NEW.company_id AND t.active AND t.category = 'meeting' AND (t.res_model IS NULL OR t.res_model = NEW.res_model)
    ORDER BY t.sequence, t.id LIMIT 1;
    IF meeting_type IS NOT NULL AND NEW.user_id IS NOT NULL THEN
        INSERT INTO public.mail_activity (company_id, res_model, res_id, activity_type_id, summary, user_id, date_deadline,
                                          calendar_event_id, create_uid, write_uid)
        VALUES (NEW.company_id, NEW.res_model, NEW.res_id, meeting_type, embudo.calendar_public_name(NEW, lang), NEW.user_id,
                (NEW.start AT TIME ZONE coalesce(organizer_zone, 'UTC'))::date,
                NEW.id, me, me);
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER organizer_and_activity AFTER INSERT ON calendar_event FOR EACH ROW EXECUTE FUNCTION embudo.calendar_event_after_insert();

-- A moved meeting moves the deadline of its activity; one marked done closes it (feedback: "Meeting
-- done"); an archived one drops its pending activity.
CREATE OR REPLACE FUNCTION embudo.calendar_event_after_update() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.start IS DISTINCT FROM OLD.start OR NEW.name IS DISTINCT FROM OLD.name THEN
        UPDATE public.mail_activity a
        SET date_deadline = (NEW.start AT TIME ZONE coalesce((SELECT u.tz FROM public.res_users u WHERE u.id = a.user_id), 'UTC'))::date,
            summary = embudo.calendar_public_name(NEW, (SELECT u.lang FROM public.res_users u WHERE u.id = a.user_id)), write_date = now()
        WHERE a.company_id = NEW.company_id AND a.calendar_event_id = NEW.id AND a.active;
    END IF;
    IF NEW.done AND NOT OLD.done THEN
        PERFORM embudo.activity_done(ARRAY(SELECT a.id FROM public.mail_activity a
                                           WHERE a.company_id = NEW.company_id AND a.calendar_event_id = NEW.id AND a.active),
                                     NULL);
    END IF;
    IF NOT NEW.active AND OLD.active THEN
        DELETE FROM public.mail_activity a WHERE a.company_id = NEW.company_id AND a.calendar_event_id = NEW.id AND a.active;
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER activity_follows AFTER UPDATE ON calendar_event FOR EACH ROW EXECUTE FUNCTION embudo.calendar_event_after_update();

-- Marks meetings done (closing their meeting activities). Returns how many were open.
CREATE OR REPLACE FUNCTION embudo.calendar_mark_done(ids int[]) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    changed int;
BEGIN
    IF (SELECT count(*) FROM public.calendar_event e WHERE e.id = ANY (ids)) < cardinality(ARRAY(SELECT DISTINCT unnest(ids))) THEN
        PERFORM embudo.refuse('user', 'Some of these meetings do not exist or you cannot see them.');
    END IF;
    UPDATE public.calendar_event e SET done = true WHERE e.id = ANY (ids) AND NOT e.done;
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN changed;
END
$$;

-- An activity of a meeting type planned by a user (mail.activity.create, activity_schedule) makes its
-- meeting: on its deadline, all day, organized by its assignee, about its document, with the
-- opportunity's customer invited; the activity then stands for the meeting (calendar_event_id).
CREATE OR REPLACE FUNCTION embudo.calendar_activity_meeting() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    event int;
    customer int;
BEGIN
    IF NEW.calendar_event_id IS NOT NULL OR NEW.automated
       OR NOT EXISTS (SELECT 1 FROM public.mail_activity_type t
                      WHERE t.company_id = NEW.company_id AND t.id = NEW.activity_type_id AND t.category = 'meeting') THEN
        RETURN NULL;
    END IF;
    PERFORM embudo.set_local('embudo.calendar_from_activity', 'on');
    INSERT INTO public.calendar_event (company_id, name, start, stop, allday, start_date, stop_date, user_id, res_model, res_id, description)
    VALUES (NEW.company_id, coalesce(nullif(NEW.summary, ''), NEW.res_name, 'Meeting'), NEW.date_deadline::timestamp AT TIME ZONE 'UTC',
            NEW.date_deadline::timestamp AT TIME ZONE 'UTC', true, NEW.date_deadline, NEW.date_deadline, NEW.user_id,
            NEW.res_model, NEW.res_id, NEW.note)
    RETURNING id INTO event;
    PERFORM embudo.set_local('embudo.calendar_from_activity', '');
    customer := CASE NEW.res_model WHEN 'crm.lead' THEN (SELECT l.partner_id FROM public.crm_lead l WHERE l.company_id = NEW.company_id AND l.id = NEW.res_id)
                                   ELSE (SELECT o.partner_id FROM public.sale_order o WHERE o.company_id = NEW.company_id AND o.id = NEW.res_id) END;
    IF customer IS NOT NULL THEN
        INSERT INTO public.calendar_event_res_partner_rel (company_id, calendar_event_id, res_partner_id) VALUES (NEW.company_id, event, customer);
    END IF;
    UPDATE public.mail_activity a SET calendar_event_id = event WHERE a.company_id = NEW.company_id AND a.id = NEW.id;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER meeting_makes_event AFTER INSERT ON mail_activity FOR EACH ROW EXECUTE FUNCTION embudo.calendar_activity_meeting();

-- Attendees follow the event's contacts (partner_ids) and colleagues (the organizer and the invited
-- members): one attendee each, with an answer token for contacts; the acting user's own attendance is
-- accepted at once.
CREATE OR REPLACE FUNCTION embudo.calendar_attendees_follow() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF TG_TABLE_NAME = 'calendar_event_res_partner_rel' THEN
            INSERT INTO public.calendar_attendee (company_id, event_id, partner_id)
            VALUES (NEW.company_id, NEW.calendar_event_id, NEW.res_partner_id)
            ON CONFLICT DO NOTHING;
        ELSE
            INSERT INTO public.calendar_attendee (company_id, event_id, user_id, state)
            VALUES (NEW.company_id, NEW.calendar_event_id, NEW.res_users_id,
                    CASE WHEN NEW.res_users_id = embudo.current_user_id() THEN 'accepted' ELSE 'needsAction' END)
            ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'calendar_event_res_partner_rel' THEN
        PERFORM embudo.calendar_uninvite(OLD.company_id, OLD.calendar_event_id, OLD.res_partner_id, NULL);
    ELSE
        PERFORM embudo.calendar_uninvite(OLD.company_id, OLD.calendar_event_id, NULL, OLD.res_users_id);
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER attendees_follow AFTER INSERT OR DELETE ON calendar_event_res_partner_rel
    FOR EACH ROW EXECUTE FUNCTION embudo.calendar_attendees_follow();
CREATE OR REPLACE TRIGGER attendees_follow AFTER INSERT OR DELETE ON calendar_event_res_users_rel
    FOR EACH ROW EXECUTE FUNCTION embudo.calendar_attendees_follow();

-- An attendee's answer: checked, dated; the organizer hears of it (invitations.sql).
CREATE OR REPLACE FUNCTION embudo.calendar_attendee_before_write() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.event_id, NEW.partner_id, NEW.user_id) IS DISTINCT FROM (OLD.event_id, OLD.partner_id, OLD.user_id) THEN
        PERFORM embudo.refuse('validation', 'An attendee cannot change event or person: invite someone else instead.');
    END IF;
    IF TG_OP = 'INSERT' THEN
        NEW.common_name := (SELECT w.name FROM embudo.calendar_address(NEW.company_id, NEW.partner_id, NEW.user_id) w);
    END IF;
    NEW.write_date := now();
    RETURN NEW;
END
$$;
CREATE OR REPLACE TRIGGER defaults BEFORE INSERT OR UPDATE ON calendar_attendee FOR EACH ROW EXECUTE FUNCTION embudo.calendar_attendee_before_write();

-- Answers for attendees: one's own, or those of the meetings one organizes (for a contact who answered
-- by telephone). Returns how many answers changed.
CREATE OR REPLACE FUNCTION embudo.calendar_answer(ids int[], answer text) RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    changed int;
    me int := embudo.current_user_id();
BEGIN
    IF answer NOT IN ('accepted', 'declined', 'tentative', 'needsAction') THEN
        PERFORM embudo.refuse('validation', 'An answer is accepted, declined, tentative or needsAction.');
    END IF;
    IF (SELECT count(*) FROM public.calendar_attendee a WHERE a.id = ANY (ids)) < cardinality(ARRAY(SELECT DISTINCT unnest(ids))) THEN
        PERFORM embudo.refuse('user', 'Some of these attendees do not exist or you cannot see them.');
    END IF;
    IF EXISTS (SELECT 1 FROM public.calendar_attendee a JOIN public.calendar_event e ON e.company_id = a.company_id AND e.id = a.event_id
               WHERE a.id = ANY (ids) AND a.user_id IS DISTINCT FROM me AND e.user_id IS DISTINCT FROM me) THEN
        PERFORM embudo.refuse('access', 'You can answer for yourself, or for the attendees of meetings you organize.');
    END IF;
    UPDATE public.calendar_attendee a SET state = answer WHERE a.id = ANY (ids) AND a.state <> answer;
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN changed;
END
$$;

-- Removes an attendee who is no longer invited; they hear that the meeting is cancelled for them.
CREATE OR REPLACE FUNCTION embudo.calendar_uninvite(company int, event int, partner int, member int) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    DELETE FROM public.calendar_attendee a
    WHERE a.company_id = company AND a.event_id = event AND (a.partner_id = partner OR a.user_id = member);
    IF FOUND AND EXISTS (SELECT 1 FROM public.calendar_event e WHERE e.company_id = company AND e.id = event AND e.active) THEN
        PERFORM embudo.calendar_notify_removed(company, event, partner, member);
    END IF;
END
$$;

-- When a meeting takes place, in words, for time zone `tz` and language `lang`: "2026-12-08 10:00
-- (America/Mexico_City)", or the days of an all-day meeting.
CREATE OR REPLACE FUNCTION embudo.calendar_when(e anyelement, tz text, lang text) RETURNS text
LANGUAGE sql STABLE
AS $$
    WITH z AS (SELECT embudo.calendar_tz(tz) AS tz)
    SELECT CASE WHEN e.allday THEN to_char(e.start_date, 'YYYY-MM-DD')
                                   || CASE WHEN e.stop_date > e.start_date THEN ' – ' || to_char(e.stop_date, 'YYYY-MM-DD') ELSE '' END
                                   || embudo.localized(lang, ' (all day)', ' (todo el día)')
                ELSE to_char(e.start AT TIME ZONE z.tz, 'YYYY-MM-DD HH24:MI') || '–'
                     || to_char(e.stop AT TIME ZONE z.tz,
                                CASE WHEN (e.stop AT TIME ZONE z.tz)::date = (e.start AT TIME ZONE z.tz)::date
                                     THEN 'HH24:MI' ELSE 'YYYY-MM-DD HH24:MI' END)
                     || ' (' || z.tz || ')' END
    FROM z
$$;

-- The busy time of the private meetings the current user cannot read, from `range_start` to
-- `range_stop`: only when and whose, never what.
CREATE OR REPLACE FUNCTION embudo.calendar_busy_slots(range_start timestamptz, range_stop timestamptz)
RETURNS TABLE (start timestamptz, stop timestamptz, allday boolean, user_id int, user_name text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT e.start, e.stop, e.allday, e.user_id, u.name
    FROM public.calendar_event e LEFT JOIN public.res_users u ON u.id = e.user_id
    WHERE e.company_id = ANY (embudo.company_ids()) AND e.active AND e.privacy = 'private' AND e.show_as = 'busy'
      AND e.start < range_stop AND e.stop > range_start
      AND e.user_id IS DISTINCT FROM embudo.current_user_id()
      AND NOT EXISTS (SELECT 1 FROM public.calendar_event_res_users_rel r
                      WHERE r.company_id = e.company_id AND r.calendar_event_id = e.id AND r.res_users_id = embudo.current_user_id())
      AND range_stop - range_start <= interval '400 days'
    ORDER BY e.start;
END
$$;

-- Meetings scheduled today and in the next seven days for the current user (organizer or attendee),
-- in their time zone: the activities badge's meeting line.
CREATE OR REPLACE FUNCTION embudo.calendar_upcoming(company int[]) RETURNS TABLE (today int, next_days int)
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT count(*) FILTER (WHERE (e.start AT TIME ZONE tz)::date <= d AND (e.stop AT TIME ZONE tz)::date >= d)::int,
           count(*) FILTER (WHERE (e.start AT TIME ZONE tz)::date BETWEEN d AND d + 7)::int
    FROM (SELECT coalesce((SELECT u.tz FROM public.res_users u WHERE u.id = embudo.current_user_id()), 'UTC') AS tz) z,
         LATERAL (SELECT (now() AT TIME ZONE z.tz)::date AS d) t,
         public.calendar_event e
    WHERE e.company_id = ANY (company) AND e.active AND NOT e.done
      AND e.start < (t.d + 9)::timestamp AT TIME ZONE z.tz AND e.stop >= t.d::timestamp AT TIME ZONE z.tz
      AND (e.user_id = embudo.current_user_id() OR embudo.calendar_attends(e.company_id, e.id));
END
$$;

GRANT EXECUTE ON FUNCTION embudo.calendar_attends(int, int) TO embudo_bi, embudo_report;
GRANT EXECUTE ON FUNCTION embudo.calendar_attends(int, int), embudo.calendar_my_status(int, int), embudo.calendar_mark_done(int[]),
    embudo.calendar_readers_only(anyelement, anyelement), embudo.calendar_readers(int, int, int, text, text, int),
    embudo.calendar_readers_of(int, int, int, text, text, int), embudo.calendar_event_readers(anyelement), embudo.calendar_refresh(int, int[]),
    embudo.calendar_refresh_readers_as_owner(int, int[]), embudo.calendar_document_meetings(int, text, int),
    embudo.calendar_copy_readers_as_owner(text, int, int, int[]), embudo.calendar_parent_readers(text, int, int),
    embudo.calendar_parent_readers_as_owner(text, int, int),
    embudo.calendar_uninvite(int, int, int, int), embudo.calendar_public_name(anyelement, text), embudo.calendar_tz(text),
    embudo.calendar_answer(int[], text), embudo.calendar_when(anyelement, text, text),
    embudo.calendar_busy_slots(timestamptz, timestamptz), embudo.calendar_upcoming(int[])
TO embudo_service;
