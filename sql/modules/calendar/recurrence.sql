-- Recurring meetings (Odoo's calendar.recurrence): the rule, written on an event, makes one event per
-- occurrence in the organizer's time zone (a weekly 10:00 meeting stays at 10:00 across daylight-saving
-- changes); a change to one occurrence applies to it alone, to it and the following ones, or to all
-- (Odoo's recurrence_update: self_only, future_events, all_events).

SELECT embudo.enable_tenancy('calendar_recurrence');
-- A series is seen and changed by its first event's readers (a copy of them, kept as long as the series
-- outlives that event: events.sql, embudo.calendar_enable_readers_copy).
SELECT embudo.calendar_enable_readers_copy('calendar_recurrence', 'event', 'base_event_id', 'with_events', 'USING (%1$s) WITH CHECK (%1$s)');
-- A series outlives its first event (base/policies.sql, embudo.enable_unlink).
SELECT embudo.enable_unlink('calendar_recurrence', 'base_event_id', 'calendar_event');

-- The instants of a rule's occurrences, in order: days computed in time zone `tz` at the local time of
-- `dtstart`. Weekly rules on the chosen weekdays (dtstart's when none), monthly on a day of the month
-- (months without it are skipped) or on the first…fourth or last weekday, yearly on dtstart's date.
-- Ends after `total` occurrences, after `until`, or (forever) after 720, as Odoo.
CREATE OR REPLACE FUNCTION embudo.calendar_slots(dtstart timestamptz, tz text, rrule_type text, step int, end_type text, total int,
                                                 until date, weekdays boolean[], month_by text, month_day int, byday text, weekday text)
RETURNS SETOF timestamptz
LANGUAGE plpgsql STABLE
AS $$
DECLARE
    local timestamp := dtstart AT TIME ZONE tz;
    first date := local::date;
    at_time time := local::time;
    wanted int;
    made int := 0;
    period int := 0;
    cap int := CASE WHEN end_type = 'count' THEN least(greatest(total, 1), 720) ELSE 720 END;
    candidates date[];
    candidate date;
    base date;
    dow int;
BEGIN
    IF step IS NULL OR step < 1 THEN
        PERFORM embudo.refuse('validation', 'The interval of a recurrence is a whole number from 1.');
    END IF;
    IF end_type = 'end_date' AND until IS NULL THEN
        PERFORM embudo.refuse('validation', 'A recurrence that ends on a date needs that date (until).');
    END IF;
    dow := coalesce(array_position(ARRAY['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'], weekday), extract(isodow FROM first)::int);
    WHILE period < 10000 LOOP
        candidates := CASE rrule_type
            WHEN 'daily' THEN ARRAY[first + period * step]
            WHEN 'weekly' THEN ARRAY(
                SELECT date_trunc('week', first)::date + period * step * 7 + (d - 1)
                FROM generate_series(1, 7) d
                WHERE coalesce(weekdays[d], false) OR (d = extract(isodow FROM first) AND NOT coalesce(true = ANY (weekdays), false))
                ORDER BY d)
            WHEN 'monthly' THEN ARRAY[CASE
                WHEN month_by = 'day' THEN (SELECT CASE WHEN byday = '-1'
                        THEN m + interval '1 month' - interval '1 day' - make_interval(days => (extract(isodow FROM m + interval '1 month' - interval '1 day')::int - dow + 7) % 7)
                        ELSE m + make_interval(days => (dow - extract(isodow FROM m)::int + 7) % 7 + 7 * (coalesce(byday, '1')::int - 1)) END
                    FROM (SELECT (date_trunc('month', first) + make_interval(months => period * step))::date AS m) x)::date
                ELSE (SELECT CASE WHEN extract(month FROM m + (coalesce(month_day, extract(day FROM first)::int) - 1)) = extract(month FROM m)
                                  THEN m + (coalesce(month_day, extract(day FROM first)::int) - 1) END
                      FROM (SELECT (date_trunc('month', first) + make_interval(months => period * step))::date AS m) x) END]
            WHEN 'yearly' THEN ARRAY[(SELECT CASE WHEN extract(day FROM y) = extract(day FROM first) THEN y END
                                      FROM (SELECT (first + make_interval(years => period * step))::date AS y) x)]
        END;
        IF candidates IS NULL THEN
            PERFORM embudo.refuse('validation', 'A recurrence repeats daily, weekly, monthly or yearly.');
        END IF;
        FOREACH candidate IN ARRAY candidates LOOP
            CONTINUE WHEN candidate IS NULL OR candidate < first;
            IF end_type = 'end_date' AND candidate > until THEN
                RETURN;
            END IF;
            RETURN NEXT (candidate + at_time) AT TIME ZONE tz;
            made := made + 1;
            IF made >= cap THEN
                RETURN;
            END IF;
        END LOOP;
        period := period + 1;
    END LOOP;
END
$$;

-- Makes the series of an event whose rule was just set (recurrency, no series yet): the rule is kept in
-- a calendar_recurrence, the event becomes the first occurrence and the others are copies of it, with
-- its contacts, colleagues, types and reminders. Runs at commit (a deferred trigger), when the event
-- has all its attendees.
CREATE OR REPLACE FUNCTION embudo.calendar_expand(company int, event int) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    e public.calendar_event;
    tz text;
    series int;
    slots timestamptz[];
    length interval;
    made int[];
BEGIN
    SELECT * INTO e FROM public.calendar_event x WHERE x.company_id = company AND x.id = event;
    IF NOT FOUND OR NOT e.recurrency OR e.recurrence_id IS NOT NULL OR NOT e.active THEN
        RETURN;
    END IF;
    tz := CASE WHEN e.allday THEN 'UTC'
               ELSE coalesce(nullif(e.event_tz, ''), (SELECT u.tz FROM public.res_users u WHERE u.id = e.user_id), 'UTC') END;
    IF embudo.calendar_tz(tz) <> tz THEN
        PERFORM embudo.refuse('validation', format('Unknown time zone %s.', tz));
    END IF;
    slots := ARRAY(SELECT embudo.calendar_slots(e.start, tz, coalesce(e.rrule_type, 'weekly'), e."interval", e.end_type, e.count, e.until,
                                                ARRAY[e.mon, e.tue, e.wed, e.thu, e.fri, e.sat, e.sun], e.month_by, e.day, e.byday, e.weekday));
    IF cardinality(slots) = 0 THEN
        PERFORM embudo.refuse('validation', 'This recurrence makes no meeting: check its days and its end.');
    END IF;
    length := e.stop - e.start;
    INSERT INTO public.calendar_recurrence (company_id, base_event_id, event_tz, rrule_type, "interval", end_type, count, until,
                                            mon, tue, wed, thu, fri, sat, sun, month_by, day, byday, weekday, dtstart, duration, ical_uid,
                                            create_uid, write_uid)
    VALUES (company, e.id, tz, coalesce(e.rrule_type, 'weekly'), e."interval", e.end_type, e.count, e.until,
            e.mon, e.tue, e.wed, e.thu, e.fri, e.sat, e.sun, e.month_by, e.day, e.byday, e.weekday, slots[1], length, e.ical_uid,
            embudo.current_user_id(), embudo.current_user_id())
    RETURNING id INTO series;
    PERFORM embudo.set_local('embudo.calendar_propagating', 'on');
    UPDATE public.calendar_event x
    SET recurrence_id = series, follow_recurrence = true, recurrence_start = slots[1], start = slots[1], stop = slots[1] + length,
        event_tz = tz, rrule_type = coalesce(e.rrule_type, 'weekly')
    WHERE x.company_id = company AND x.id = e.id;
    WITH copies AS (
        INSERT INTO public.calendar_event (company_id, name, start, stop, allday, user_id, location, videocall_location, description,
                                           privacy, show_as, opportunity_id, res_model, res_id, recurrency, recurrence_id, follow_recurrence,
                                           recurrence_start, rrule_type, "interval", end_type, count, until, mon, tue, wed, thu, fri, sat, sun,
                                           month_by, day, byday, weekday, event_tz)
        SELECT company, e.name, s, s + length, e.allday, e.user_id, e.location, e.videocall_location, e.description,
               e.privacy, e.show_as, e.opportunity_id, e.res_model, e.res_id, true, series, true,
               s, coalesce(e.rrule_type, 'weekly'), e."interval", e.end_type, e.count, e.until, e.mon, e.tue, e.wed, e.thu, e.fri, e.sat, e.sun,
               e.month_by, e.day, e.byday, e.weekday, tz
        FROM unnest(slots[2:]) s
        RETURNING id)
    SELECT array_agg(id) INTO made FROM copies;
    PERFORM embudo.calendar_copy_people(company, e.id, coalesce(made, '{}'));
    PERFORM embudo.set_local('embudo.calendar_propagating', '');
END
$$;

-- Gives events `targets` the contacts, colleagues, types and reminders of event `source` (adding, and
-- removing those it does not have).
CREATE OR REPLACE FUNCTION embudo.calendar_copy_people(company int, source int, targets int[]) RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
    IF cardinality(targets) = 0 THEN
        RETURN;
    END IF;
    DELETE FROM public.calendar_event_res_partner_rel r WHERE r.company_id = company AND r.calendar_event_id = ANY (targets)
        AND r.res_partner_id NOT IN (SELECT s.res_partner_id FROM public.calendar_event_res_partner_rel s
                                     WHERE s.company_id = company AND s.calendar_event_id = source);
    DELETE FROM public.calendar_event_res_users_rel r WHERE r.company_id = company AND r.calendar_event_id = ANY (targets)
        AND r.res_users_id NOT IN (SELECT s.res_users_id FROM public.calendar_event_res_users_rel s
                                   WHERE s.company_id = company AND s.calendar_event_id = source);
    INSERT INTO public.calendar_event_res_partner_rel (company_id, calendar_event_id, res_partner_id)
    SELECT company, t, s.res_partner_id FROM unnest(targets) t, public.calendar_event_res_partner_rel s
    WHERE s.company_id = company AND s.calendar_event_id = source ON CONFLICT DO NOTHING;
    INSERT INTO public.calendar_event_res_users_rel (company_id, calendar_event_id, res_users_id)
    SELECT company, t, s.res_users_id FROM unnest(targets) t, public.calendar_event_res_users_rel s
    WHERE s.company_id = company AND s.calendar_event_id = source ON CONFLICT DO NOTHING;
    DELETE FROM public.meeting_category_rel r WHERE r.company_id = company AND r.event_id = ANY (targets);
    INSERT INTO public.meeting_category_rel (company_id, event_id, type_id)
    SELECT company, t, s.type_id FROM unnest(targets) t, public.meeting_category_rel s WHERE s.company_id = company AND s.event_id = source;
    DELETE FROM public.calendar_alarm_calendar_event_rel r WHERE r.company_id = company AND r.calendar_event_id = ANY (targets);
    INSERT INTO public.calendar_alarm_calendar_event_rel (company_id, calendar_event_id, calendar_alarm_id)
    SELECT company, t, s.calendar_alarm_id FROM unnest(targets) t, public.calendar_alarm_calendar_event_rel s
    WHERE s.company_id = company AND s.calendar_event_id = source;
END
$$;

CREATE OR REPLACE FUNCTION embudo.calendar_expand_trigger() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM embudo.calendar_expand(NEW.company_id, NEW.id);
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS expand_recurrence ON calendar_event;
CREATE CONSTRAINT TRIGGER expand_recurrence AFTER INSERT OR UPDATE ON calendar_event DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.recurrency AND NEW.recurrence_id IS NULL) EXECUTE FUNCTION embudo.calendar_expand_trigger();

-- A write to an occurrence (recurrence_update, remembered by the write's BEFORE trigger):
-- * self_only: this event alone; one moved on its own no longer follows the rule;
-- * future_events / all_events: the same change to the following events of the series, or to all of
--   them (a new time moves each by as much; a new rule, or recurrency off, ends the series there: the
--   events concerned are removed and, for a new rule, the event starts a new series at commit).
-- The events' contacts and colleagues follow with the same scope (calendar_people_follow).
CREATE OR REPLACE FUNCTION embudo.calendar_event_propagate() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    mode text := coalesce(nullif(current_setting('embudo.calendar_update_mode', true), ''), 'self_only');
    shift interval := NEW.start - OLD.start;
    length interval := NEW.stop - NEW.start;
    rule_changed boolean;
    done_series text := coalesce(current_setting('embudo.calendar_propagated', true), '');
BEGIN
    IF current_setting('embudo.calendar_propagating', true) = 'on' OR OLD.recurrence_id IS NULL OR embudo.calendar_readers_only(OLD, NEW) THEN
        RETURN NULL;
    END IF;
    rule_changed := (NEW.rrule_type, NEW."interval", NEW.end_type, NEW.count, NEW.until, NEW.mon, NEW.tue, NEW.wed, NEW.thu, NEW.fri,
                     NEW.sat, NEW.sun, NEW.month_by, NEW.day, NEW.byday, NEW.weekday, NEW.event_tz, NEW.recurrency)
                    IS DISTINCT FROM
                    (OLD.rrule_type, OLD."interval", OLD.end_type, OLD.count, OLD.until, OLD.mon, OLD.tue, OLD.wed, OLD.thu, OLD.fri,
                     OLD.sat, OLD.sun, OLD.month_by, OLD.day, OLD.byday, OLD.weekday, OLD.event_tz, OLD.recurrency);
    IF mode = 'self_only' THEN
        IF rule_changed AND NOT NEW.recurrency THEN
            PERFORM embudo.set_local('embudo.calendar_propagating', 'on');
            UPDATE public.calendar_event x SET recurrence_id = NULL, follow_recurrence = false, recurrence_start = NULL
            WHERE x.company_id = NEW.company_id AND x.id = NEW.id;
            PERFORM embudo.set_local('embudo.calendar_propagating', '');
        END IF;
        RETURN NULL;
    END IF;
    IF position(',' || OLD.recurrence_id || ',' IN done_series) > 0 THEN
        RETURN NULL;
    END IF;
    PERFORM embudo.set_local('embudo.calendar_propagated', done_series || ',' || OLD.recurrence_id || ',');
    PERFORM embudo.set_local('embudo.calendar_propagating', 'on');
    IF rule_changed THEN
        DELETE FROM public.calendar_event x
        WHERE x.company_id = NEW.company_id AND x.recurrence_id = OLD.recurrence_id AND x.id <> NEW.id
          AND (mode = 'all_events' OR x.start > OLD.start);
        -- This event leaves its series; with a rule it starts a new one (expand_recurrence, at commit).
        UPDATE public.calendar_event x SET recurrence_id = NULL, follow_recurrence = false, recurrence_start = NULL
        WHERE x.company_id = NEW.company_id AND x.id = NEW.id;
    ELSE
        UPDATE public.calendar_event x
        SET name = NEW.name, location = NEW.location, videocall_location = NEW.videocall_location, description = NEW.description,
            privacy = NEW.privacy, show_as = NEW.show_as, user_id = NEW.user_id, allday = NEW.allday,
            opportunity_id = NEW.opportunity_id, res_model = NEW.res_model, res_id = NEW.res_id, active = NEW.active,
            start = x.start + shift, stop = x.start + shift + length,
            follow_recurrence = x.follow_recurrence AND shift = interval '0'
        WHERE x.company_id = NEW.company_id AND x.recurrence_id = OLD.recurrence_id AND x.id <> NEW.id
          AND (mode = 'all_events' OR x.start > OLD.start);
    END IF;
    PERFORM embudo.set_local('embudo.calendar_propagating', '');
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER propagate AFTER UPDATE ON calendar_event FOR EACH ROW EXECUTE FUNCTION embudo.calendar_event_propagate();

-- Contacts and colleagues added to or removed from an occurrence by a write with future_events or
-- all_events follow to the same events: at commit, each series written that way takes the people of
-- the event that was written (calendar_people_scope, recorded by the write).
CREATE OR REPLACE FUNCTION embudo.calendar_people_follow() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    mode text := coalesce(nullif(current_setting('embudo.calendar_update_mode', true), ''), 'self_only');
    e public.calendar_event;
BEGIN
    IF mode = 'self_only' OR current_setting('embudo.calendar_propagating', true) = 'on' OR embudo.calendar_readers_only(OLD, NEW) THEN
        RETURN NULL;
    END IF;
    SELECT * INTO e FROM public.calendar_event x WHERE x.company_id = NEW.company_id AND x.id = NEW.id;
    IF NOT FOUND OR e.recurrence_id IS NULL
       OR position(',' || e.recurrence_id || ',' IN coalesce(current_setting('embudo.calendar_people_followed', true), '')) > 0 THEN
        RETURN NULL;
    END IF;
    -- Once per series and transaction (a write to all events updates every row of the series).
    PERFORM embudo.set_local('embudo.calendar_people_followed',
                             coalesce(current_setting('embudo.calendar_people_followed', true), '') || ',' || e.recurrence_id || ',');
    PERFORM embudo.set_local('embudo.calendar_propagating', 'on');
    PERFORM embudo.calendar_copy_people(e.company_id, e.id, ARRAY(
        SELECT x.id FROM public.calendar_event x
        WHERE x.company_id = e.company_id AND x.recurrence_id = e.recurrence_id AND x.id <> e.id
          AND (mode = 'all_events' OR x.start > e.start)));
    PERFORM embudo.set_local('embudo.calendar_propagating', '');
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS people_follow ON calendar_event;
CREATE CONSTRAINT TRIGGER people_follow AFTER UPDATE ON calendar_event DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.recurrence_id IS NOT NULL) EXECUTE FUNCTION embudo.calendar_people_follow();

-- A series' rule as RFC 5545 writes it (Odoo's rrule field): FREQ=WEEKLY;INTERVAL=1;COUNT=5;BYDAY=MO,WE.
CREATE OR REPLACE FUNCTION embudo.calendar_rrule(r anyelement) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT concat_ws(';', 'FREQ=' || upper(r.rrule_type), 'INTERVAL=' || r."interval",
                     CASE r.end_type WHEN 'count' THEN 'COUNT=' || r.count
                                     WHEN 'end_date' THEN 'UNTIL=' || to_char(r.until, 'YYYYMMDD') || 'T235959' END,
                     CASE WHEN r.rrule_type = 'weekly' THEN 'BYDAY=' || nullif(concat_ws(',', CASE WHEN r.mon THEN 'MO' END, CASE WHEN r.tue THEN 'TU' END,
                          CASE WHEN r.wed THEN 'WE' END, CASE WHEN r.thu THEN 'TH' END, CASE WHEN r.fri THEN 'FR' END,
                          CASE WHEN r.sat THEN 'SA' END, CASE WHEN r.sun THEN 'SU' END), '') END,
                     CASE WHEN r.rrule_type = 'monthly' AND r.month_by = 'date' THEN 'BYMONTHDAY=' || r.day END,
                     CASE WHEN r.rrule_type = 'monthly' AND r.month_by = 'day' THEN 'BYDAY=' || coalesce(r.byday, '1') || left(coalesce(r.weekday, 'MON'), 2) END)
$$;

-- A series' rule in words (Odoo's recurrence name): "Every 2 Weeks for 5 events".
CREATE OR REPLACE FUNCTION embudo.calendar_rrule_text(rrule_type text, step int, end_type text, total int, until date) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT 'Every ' || step || ' ' || initcap(CASE rrule_type WHEN 'daily' THEN 'days' WHEN 'weekly' THEN 'weeks' WHEN 'monthly' THEN 'months' ELSE 'years' END)
           || CASE end_type WHEN 'count' THEN ' for ' || total || ' events' WHEN 'end_date' THEN ' until ' || to_char(until, 'YYYY-MM-DD') ELSE '' END
$$;

GRANT EXECUTE ON FUNCTION embudo.calendar_slots(timestamptz, text, text, int, text, int, date, boolean[], text, int, text, text),
    embudo.calendar_expand(int, int), embudo.calendar_copy_people(int, int, int[]), embudo.calendar_rrule(anyelement),
    embudo.calendar_rrule_text(text, int, text, int, date)
TO embudo_service;
