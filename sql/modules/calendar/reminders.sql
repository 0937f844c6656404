-- Reminders (calendar.alarm of type email): sent by the server's worker a set time before each meeting
-- to each attendee who has not declined, once: the row in calendar_alarm_sent (primary key: event,
-- reminder, attendee and the meeting's start) is what keeps several server processes, or a retry, from
-- sending one twice. A moved meeting is reminded again for its new start.

-- Queues the reminders due now in every company; returns how many. Runs as the owner, company by
-- company, inside that company's fence (the transaction-local grants company_ids() reads), so that each
-- query names its tenant.
CREATE OR REPLACE FUNCTION embudo.calendar_send_reminders() RETURNS int
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    company int;
    made int;
    horizon int;
    queued int := 0;
BEGIN
    -- Every company (each has its BI group, made with it by embudo.create_company; res_company itself is
    -- fenced), except disabled ones.
    FOR company IN SELECT b.company_id FROM embudo.company_bi_role b
                   WHERE NOT EXISTS (SELECT 1 FROM embudo.disabled_company d WHERE d.company_id = b.company_id)
                   ORDER BY b.company_id LOOP
        PERFORM embudo.set_local('embudo.granted_own', '{' || company || '}', 'embudo.granted_all', '{' || company || '}',
                                 'embudo.granted_admin', '{}');
        -- Each company on its own: a failure in one (logged) never holds back the others' reminders.
        BEGIN
        horizon := (SELECT max(a.duration_minutes) FROM public.calendar_alarm a WHERE a.company_id = company AND a.alarm_type = 'email');
        CONTINUE WHEN horizon IS NULL;
        WITH due AS (
            SELECT e.company_id, e.id AS event_id, al.id AS alarm_id, a.id AS attendee_id, e.start AS event_start
            FROM public.calendar_event e
            JOIN public.calendar_alarm_calendar_event_rel r ON r.company_id = e.company_id AND r.calendar_event_id = e.id
            JOIN public.calendar_alarm al ON al.company_id = r.company_id AND al.id = r.calendar_alarm_id AND al.alarm_type = 'email'
            JOIN public.calendar_attendee a ON a.company_id = e.company_id AND a.event_id = e.id AND a.state <> 'declined'
            WHERE e.company_id = company AND e.active AND NOT e.done
              AND e.start < now() + make_interval(mins => horizon)
              -- (At the start itself for a reminder of 0 minutes, even if the worker looks a little late.)
              AND (e.start > now() OR (al.duration_minutes = 0 AND e.start > now() - interval '5 minutes'))
              AND e.start - make_interval(mins => al.duration_minutes) <= now()),
        fresh AS (
            INSERT INTO public.calendar_alarm_sent (company_id, event_id, alarm_id, attendee_id, event_start)
            SELECT * FROM due ON CONFLICT DO NOTHING
            RETURNING calendar_alarm_sent.company_id, calendar_alarm_sent.event_id, calendar_alarm_sent.attendee_id)
        INSERT INTO public.mail_mail (company_id, email_from, email_to, subject, body_html, model, res_id)
        SELECT f.company_id, embudo.mail_sender(f.company_id), embudo.mail_format_address(w.name, w.email),
               embudo.localized(l.lang, 'Reminder: ', 'Recordatorio: ') || e.name || ' — ' || embudo.calendar_when(e, l.tz, l.lang),
               '<div style="font-family: sans-serif"><p>' || embudo.html_escape(embudo.localized(l.lang, 'Reminder: ', 'Recordatorio: ') || e.name)
               || '</p><p>' || embudo.html_escape(embudo.calendar_when(e, l.tz, l.lang))
               || coalesce('<br/>' || embudo.html_escape(embudo.localized(l.lang, 'Where: ', 'Lugar: ') || nullif(e.location, '')), '')
               || coalesce('<br/>' || embudo.html_escape(embudo.localized(l.lang, 'Video call: ', 'Videollamada: ') || nullif(e.videocall_location, '')), '')
               || '</p></div>',
               'calendar.event', e.id
        FROM fresh f
        JOIN public.calendar_event e ON e.company_id = f.company_id AND e.id = f.event_id
        JOIN public.calendar_attendee a ON a.company_id = f.company_id AND a.id = f.attendee_id
        JOIN public.res_company c ON c.id = f.company_id
        LEFT JOIN public.res_partner p ON p.company_id = a.company_id AND p.id = a.partner_id
        LEFT JOIN public.res_users u ON u.id = a.user_id
        CROSS JOIN LATERAL embudo.calendar_address(a.company_id, a.partner_id, a.user_id) w
        CROSS JOIN LATERAL (SELECT coalesce(u.lang, p.lang, c.lang) AS lang, embudo.calendar_tz(coalesce(u.tz, p.tz, c.tz)) AS tz) l
        WHERE w.email IS NOT NULL;
        GET DIAGNOSTICS made = ROW_COUNT;
        queued := queued + made;
        EXCEPTION WHEN OTHERS THEN
            RAISE WARNING 'meeting reminders of company % not queued: % (SQLSTATE %)', company, SQLERRM, SQLSTATE;
        END;
    END LOOP;
    PERFORM embudo.set_local('embudo.granted_own', '', 'embudo.granted_all', '', 'embudo.granted_admin', '');
    RETURN queued;
END
$$;
GRANT EXECUTE ON FUNCTION embudo.calendar_send_reminders() TO embudo_service;
