-- Each user's private iCalendar feed of a company (/calendar/feed/<token>.ics), which Google Calendar,
-- Apple Calendar, Outlook and Thunderbird subscribe to: the meetings the user organizes or attends
-- (from 90 days back to 400 days ahead, each series whole) and, if asked, their activity deadlines.
-- The URL's token (192 random bits) is kept as a SHA-256; a new one revokes the old.

-- A new feed URL's token for the current user in `company` (shown once).
CREATE OR REPLACE FUNCTION embudo.calendar_feed_create(company int, with_activities boolean) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    me int := embudo.current_user_id();
    token text := embudo.company_token(company, 24);
BEGIN
    IF me IS NULL OR NOT company = ANY (embudo.company_ids()) THEN
        PERFORM embudo.refuse('access', 'You are not a member of this company.');
    END IF;
    DELETE FROM public.calendar_feed f WHERE f.company_id = company AND f.user_id = me;
    INSERT INTO public.calendar_feed (company_id, user_id, token_hash, include_activities)
    VALUES (company, me, sha256(convert_to(token, 'UTF8')), coalesce(with_activities, false));
    RETURN token;
END
$$;

-- Revokes the current user's feed in `company`; returns whether there was one.
CREATE OR REPLACE FUNCTION embudo.calendar_feed_revoke(company int) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    DELETE FROM public.calendar_feed f WHERE f.company_id = company AND f.user_id = embudo.current_user_id()
                                         AND company = ANY (embudo.company_ids());
    RETURN FOUND;
END
$$;

-- Whose feed a token opens (no row for an unknown or revoked one), looked up in the company the token
-- names, if it names one (embudo.token_company: feeds subscribed to before migration 0033 name none).
CREATE OR REPLACE FUNCTION embudo.calendar_feed_resolve(token text) RETURNS TABLE (company_id int, user_id int, include_activities boolean)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    company constant int := embudo.token_company(token);
    hash constant bytea := sha256(convert_to(token, 'UTF8'));
BEGIN
    IF company IS NOT NULL THEN
        RETURN QUERY SELECT f.company_id, f.user_id, f.include_activities FROM public.calendar_feed f
        WHERE f.company_id = company AND f.token_hash = hash;
    ELSE
        RETURN QUERY SELECT f.company_id, f.user_id, f.include_activities FROM public.calendar_feed f WHERE f.token_hash = hash;
    END IF;
END
$$;

-- The current user's feed in `company`, as iCalendar text (runs as the user: row-level security).
CREATE OR REPLACE FUNCTION embudo.calendar_feed_ics(company int, with_activities boolean) RETURNS text
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT embudo.ical_calendar(
            coalesce((SELECT string_agg(embudo.ical_events(company, s.ical_uid, NULL, NULL, false), '' ORDER BY s.first)
                      FROM (SELECT e.ical_uid, min(e.start) AS first FROM public.calendar_event e
                            WHERE e.company_id = company AND e.active
                              AND e.start < now() + interval '400 days' AND e.stop > now() - interval '90 days'
                              AND (e.user_id = embudo.current_user_id() OR embudo.calendar_attends(e.company_id, e.id))
                            GROUP BY e.ical_uid) s), '')
            || CASE WHEN with_activities THEN coalesce((
                SELECT string_agg(embudo.ical_line('BEGIN:VEVENT') || embudo.ical_line('UID:activity-' || a.company_id || '-' || a.id || '@embudo')
                                  || embudo.ical_line('DTSTAMP:' || embudo.ical_utc(now()))
                                  || embudo.ical_line('DTSTART;VALUE=DATE:' || to_char(a.date_deadline, 'YYYYMMDD'))
                                  || embudo.ical_line('DTEND;VALUE=DATE:' || to_char(a.date_deadline + 1, 'YYYYMMDD'))
                                  || embudo.ical_line('SUMMARY:' || embudo.ical_text(concat_ws(': ', t.name, nullif(a.summary, ''))
                                                                                        || coalesce(' — ' || a.res_name, '')))
                                  || embudo.ical_line('TRANSP:TRANSPARENT')
                                  || embudo.ical_line('END:VEVENT'), '' ORDER BY a.date_deadline, a.id)
                FROM public.mail_activity a LEFT JOIN public.mail_activity_type t ON t.company_id = a.company_id AND t.id = a.activity_type_id
                WHERE a.company_id = company AND a.active AND a.user_id = embudo.current_user_id() AND a.calendar_event_id IS NULL
                  AND a.date_deadline > (now() - interval '90 days')::date), '') ELSE '' END,
            NULL,
            (SELECT c.name FROM public.res_company c WHERE c.id = company) || ' — Embudo')
    );
END
$$;

GRANT EXECUTE ON FUNCTION embudo.calendar_feed_create(int, boolean), embudo.calendar_feed_revoke(int),
    embudo.calendar_feed_resolve(text), embudo.calendar_feed_ics(int, boolean)
TO embudo_service;
