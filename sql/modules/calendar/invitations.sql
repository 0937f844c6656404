-- Invitations: whoever is invited to a meeting, told of a change to it, or removed from it gets one
-- e-mail through the outgoing queue, with a text/calendar part (RFC 5546: METHOD:REQUEST with the
-- meeting or its whole series and a higher SEQUENCE, METHOD:CANCEL) that mail clients show as an
-- invitation; a contact's mail has links to accept, decline or answer "maybe" without logging in.
--
-- Changes are noted as they happen (embudo.calendar_note, in a transaction-local setting) and sent at
-- commit (deferred triggers calling embudo.calendar_flush), once per person and meeting or series
-- however many rows the transaction touched: a series of 50 occurrences is one e-mail, not 50.

-- Notes that `person` (a contact or a colleague; both NULL: every attendee) must hear of the meeting
-- or series `uid` of `company` at commit.
CREATE OR REPLACE FUNCTION embudo.calendar_note(company int, uid text, partner int, member int) RETURNS void
LANGUAGE sql
AS $$
    SELECT embudo.set_local('embudo.calendar_pending',
                            (coalesce(nullif(current_setting('embudo.calendar_pending', true), ''), '[]')::jsonb
                             || jsonb_build_array(jsonb_build_object('company', company, 'uid', uid, 'partner', partner, 'member', member)))::text)
$$;

-- A meeting deleted: what its cancellation needs once it is gone (its last state and its attendees).
CREATE OR REPLACE FUNCTION embudo.calendar_event_before_delete() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    gone jsonb := coalesce(nullif(current_setting('embudo.calendar_gone', true), ''), '{}')::jsonb;
BEGIN
    IF NOT gone ? OLD.ical_uid THEN
        PERFORM embudo.set_local('embudo.calendar_gone', (gone || jsonb_build_object(OLD.ical_uid, to_jsonb(OLD)))::text);
    END IF;
    PERFORM embudo.calendar_note(OLD.company_id, OLD.ical_uid, a.partner_id, a.user_id)
    FROM public.calendar_attendee a WHERE a.company_id = OLD.company_id AND a.event_id = OLD.id;
    RETURN OLD;
END
$$;
CREATE OR REPLACE TRIGGER cancellations BEFORE DELETE ON calendar_event FOR EACH ROW EXECUTE FUNCTION embudo.calendar_event_before_delete();

-- A change attendees must hear of (a new SEQUENCE), and new attendees.
CREATE OR REPLACE FUNCTION embudo.calendar_note_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_TABLE_NAME = 'calendar_attendee' THEN
        PERFORM embudo.calendar_note(NEW.company_id, e.ical_uid, NEW.partner_id, NEW.user_id)
        FROM public.calendar_event e WHERE e.company_id = NEW.company_id AND e.id = NEW.event_id;
    ELSIF NEW.sequence > OLD.sequence THEN
        PERFORM embudo.calendar_note(NEW.company_id, NEW.ical_uid, NULL, NULL);
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER note_invitation AFTER INSERT ON calendar_attendee FOR EACH ROW EXECUTE FUNCTION embudo.calendar_note_change();
CREATE OR REPLACE TRIGGER note_change AFTER UPDATE ON calendar_event FOR EACH ROW EXECUTE FUNCTION embudo.calendar_note_change();

-- A colleague or contact removed from a meeting hears that it is cancelled for them.
CREATE OR REPLACE FUNCTION embudo.calendar_notify_removed(company int, event int, partner int, member int) RETURNS void
LANGUAGE plpgsql
AS $$
#variable_conflict use_column
BEGIN
    PERFORM embudo.calendar_note(company, e.ical_uid, partner, member)
    FROM public.calendar_event e WHERE e.company_id = calendar_notify_removed.company AND e.id = event;
END
$$;

-- A new answer link for a contact's attendance of event `attendee` (the earlier one stops working).
CREATE OR REPLACE FUNCTION embudo.calendar_issue_token(company int, attendee int, acting int) RETURNS text
LANGUAGE plpgsql
AS $$
DECLARE
    token text := embudo.company_token(company, 24);
BEGIN
    DELETE FROM public.calendar_attendee_token t WHERE t.company_id = company AND t.attendee_id = attendee;
    INSERT INTO public.calendar_attendee_token (company_id, attendee_id, token_hash, acting_user, expires_at)
    SELECT company, attendee, sha256(convert_to(token, 'UTF8')), acting, greatest(e.stop, now()) + interval '30 days'
    FROM public.calendar_attendee a JOIN public.calendar_event e ON e.company_id = a.company_id AND e.id = a.event_id
    WHERE a.company_id = company AND a.id = attendee;
    RETURN token;
END
$$;

-- The mail of meetings is hidden from every member but the one who queued it: mail_mail's policy
-- (mail/outbox.sql).

-- Sends what the transaction noted: to each person once per meeting or series, REQUEST when they still
-- attend it (the whole series as they attend it, with a new answer link for contacts), CANCEL when they
-- no longer do. The acting user and people without an address get nothing. Returns the mails queued.
CREATE OR REPLACE FUNCTION embudo.calendar_flush() RETURNS int
LANGUAGE plpgsql
AS $$
DECLARE
    pending jsonb := coalesce(nullif(current_setting('embudo.calendar_pending', true), ''), '[]')::jsonb;
    gone jsonb := coalesce(nullif(current_setting('embudo.calendar_gone', true), ''), '{}')::jsonb;
    me int := embudo.current_user_id();
    target record;
    master public.calendar_event;
    who record;
    lang text;
    tz text;
    link text;
    token text;
    first_attendee int;
    ics text;
    subject text;
    body text;
    cancelled boolean;
    fresh boolean;
    linked boolean;
    base text := rtrim(coalesce((SELECT value FROM public.ir_config_parameter WHERE key = 'web.base.url'), ''), '/');
    queued int := 0;
BEGIN
    IF jsonb_array_length(pending) = 0 THEN
        RETURN 0;
    END IF;
    PERFORM embudo.set_local('embudo.calendar_pending', '');
    FOR target IN
        -- Everyone named, and for "every attendee" notes everyone attending the meeting or series now.
        WITH notes AS (SELECT (n ->> 'company')::int AS company, n ->> 'uid' AS uid, (n ->> 'partner')::int AS partner,
                              (n ->> 'member')::int AS member
                       FROM jsonb_array_elements(pending) n)
        SELECT DISTINCT x.company, x.uid, x.partner, x.member FROM (
            SELECT company, uid, partner, member FROM notes WHERE partner IS NOT NULL OR member IS NOT NULL
            UNION
            SELECT n.company, n.uid, a.partner_id, a.user_id FROM notes n
            JOIN public.calendar_event e ON e.company_id = n.company AND e.ical_uid = n.uid AND e.active
            JOIN public.calendar_attendee a ON a.company_id = e.company_id AND a.event_id = e.id
            WHERE n.partner IS NULL AND n.member IS NULL) x
        WHERE x.member IS DISTINCT FROM me
        ORDER BY x.company, x.uid, x.partner, x.member
    LOOP
        SELECT * INTO who FROM embudo.calendar_address(target.company, target.partner, target.member);
        CONTINUE WHEN who.email IS NULL;
        SELECT a.id, a.create_date = now() INTO first_attendee, fresh
        FROM public.calendar_attendee a JOIN public.calendar_event e ON e.company_id = a.company_id AND e.id = a.event_id
        WHERE a.company_id = target.company AND e.ical_uid = target.uid AND e.active
          AND (a.partner_id = target.partner OR a.user_id = target.member)
        ORDER BY coalesce(e.recurrence_start, e.start), e.id LIMIT 1;
        cancelled := first_attendee IS NULL;
        SELECT e.* INTO master FROM public.calendar_event e
        WHERE e.company_id = target.company AND e.ical_uid = target.uid AND e.active
        ORDER BY coalesce(e.recurrence_start, e.start), e.id LIMIT 1;
        IF NOT FOUND THEN
            CONTINUE WHEN NOT gone ? target.uid;
            master := jsonb_populate_record(NULL::public.calendar_event, gone -> target.uid);
        END IF;
        IF target.partner IS NOT NULL THEN
            SELECT coalesce(p.lang, c.lang), coalesce(p.tz, c.tz) INTO lang, tz
            FROM public.res_company c LEFT JOIN public.res_partner p ON p.company_id = c.id AND p.id = target.partner WHERE c.id = target.company;
        ELSE
            SELECT u.lang, u.tz INTO lang, tz FROM public.res_users u WHERE u.id = target.member;
        END IF;
        IF cancelled THEN
            -- Only what identifies the meeting: a removed attendee learns nothing of what it became.
            ics := embudo.ical_calendar(
                embudo.ical_line('BEGIN:VEVENT') || embudo.ical_line('UID:' || embudo.ical_text(master.ical_uid))
                || embudo.ical_line('DTSTAMP:' || embudo.ical_utc(now())) || embudo.ical_line('SEQUENCE:' || (master.sequence + 1))
                || embudo.ical_line(CASE WHEN master.allday THEN 'DTSTART;VALUE=DATE:' || to_char(master.start_date, 'YYYYMMDD')
                                                  ELSE 'DTSTART:' || embudo.ical_utc(master.start) END)
                || embudo.ical_line('SUMMARY:' || embudo.ical_text(master.name))
                || embudo.ical_line('ATTENDEE;CN=' || embudo.ical_param(who.name) || ':mailto:' || who.email)
                || embudo.ical_line('STATUS:CANCELLED') || embudo.ical_line('END:VEVENT'),
                'CANCEL', NULL);
            subject := embudo.localized(lang, 'Cancelled: ', 'Cancelada: ') || master.name;
        ELSE
            ics := embudo.ical_calendar(embudo.ical_events(target.company, target.uid, target.partner, target.member, false), 'REQUEST', NULL);
            subject := CASE WHEN fresh THEN embudo.localized(lang, 'Invitation: ', 'Invitación: ')
                            ELSE embudo.localized(lang, 'Updated: ', 'Actualizada: ') END
                       || master.name || ' — ' || embudo.calendar_when(master, tz, lang);
        END IF;
        link := NULL;
        IF NOT cancelled AND target.partner IS NOT NULL THEN
            token := embudo.calendar_issue_token(target.company, first_attendee, coalesce(me, master.user_id));
            link := base || '/calendar/meeting/' || token;
        ELSIF NOT cancelled THEN
            link := base || '/web#/calendar?event=' || master.id;
        END IF;
        body := '<div style="font-family: sans-serif">'
            || '<p>' || embudo.html_escape(embudo.localized(lang, 'Hello ', 'Hola, ') || who.name) || ',</p>'
            || '<p>' || CASE WHEN cancelled THEN embudo.html_escape(embudo.localized(lang, 'This meeting is cancelled:', 'Esta reunión se canceló:'))
                             ELSE embudo.html_escape(coalesce((SELECT u.name FROM public.res_users u WHERE u.id = master.user_id), '')
                                                     || embudo.localized(lang, ' invites you to a meeting:', ' te invita a una reunión:')) END || '</p>'
            || '<p><strong>' || embudo.html_escape(master.name) || '</strong><br/>'
            || embudo.html_escape(embudo.calendar_when(master, tz, lang))
            || CASE WHEN master.recurrence_id IS NOT NULL AND NOT cancelled
                    THEN '<br/>' || embudo.html_escape(embudo.localized(lang, 'Recurring: ', 'Se repite: ')
                         || (SELECT count(*) FROM public.calendar_event e WHERE e.company_id = master.company_id AND e.ical_uid = master.ical_uid AND e.active)
                         || embudo.localized(lang, ' meetings', ' reuniones')) ELSE '' END
            || coalesce('<br/>' || embudo.html_escape(embudo.localized(lang, 'Where: ', 'Lugar: ') || nullif(master.location, '')), '')
            || coalesce('<br/>' || embudo.html_escape(embudo.localized(lang, 'Video call: ', 'Videollamada: ') || nullif(master.videocall_location, '')), '')
            || '</p>'
            || coalesce('<p>' || embudo.html_escape(nullif(embudo.calendar_plain(master.description), '')) || '</p>', '')
            || CASE WHEN link IS NULL THEN ''
                    WHEN target.partner IS NOT NULL THEN '<p><a href="' || embudo.html_escape(link || '?answer=accepted') || '">'
                         || embudo.html_escape(embudo.localized(lang, 'Accept', 'Aceptar')) || '</a> · <a href="'
                         || embudo.html_escape(link || '?answer=tentative') || '">' || embudo.html_escape(embudo.localized(lang, 'Maybe', 'Tal vez'))
                         || '</a> · <a href="' || embudo.html_escape(link || '?answer=declined') || '">'
                         || embudo.html_escape(embudo.localized(lang, 'Decline', 'Rechazar')) || '</a></p>'
                    ELSE '<p><a href="' || embudo.html_escape(link) || '">' || embudo.html_escape(embudo.localized(lang, 'Open in Embudo', 'Abrir en Embudo'))
                         || '</a></p>' END
            || '</div>';
        -- (Whether the meeting is still there, looked up first: Citus refuses a subquery inside
        -- INSERT … VALUES.)
        linked := master.id IS NOT NULL AND EXISTS (SELECT 1 FROM public.calendar_event x WHERE x.company_id = target.company AND x.id = master.id);
        PERFORM embudo.set_local('embudo.mail_on_behalf', 'on');
        INSERT INTO public.mail_mail (company_id, email_from, email_to, subject, body_html, calendar_ics, calendar_method, model, res_id,
                                      create_uid, write_uid)
        VALUES (target.company, embudo.mail_sender(target.company), embudo.mail_format_address(who.name, who.email), subject, body,
                ics, CASE WHEN cancelled THEN 'CANCEL' ELSE 'REQUEST' END,
                CASE WHEN linked THEN 'calendar.event' END, CASE WHEN linked THEN master.id END,
                me, me);
        PERFORM embudo.set_local('embudo.mail_on_behalf', '');
        queued := queued + 1;
    END LOOP;
    PERFORM embudo.set_local('embudo.calendar_gone', '');
    RETURN queued;
END
$$;

CREATE OR REPLACE FUNCTION embudo.calendar_flush_trigger() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM embudo.calendar_flush();
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS send_invitations ON calendar_attendee;
CREATE CONSTRAINT TRIGGER send_invitations AFTER INSERT OR DELETE ON calendar_attendee DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION embudo.calendar_flush_trigger();
DROP TRIGGER IF EXISTS send_updates ON calendar_event;
CREATE CONSTRAINT TRIGGER send_updates AFTER UPDATE OR DELETE ON calendar_event DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION embudo.calendar_flush_trigger();

-- An answer changed (by the attendee in the app, by the organizer, or by a contact's link): the
-- organizer is told by e-mail, and the opportunity's history says it.
CREATE OR REPLACE FUNCTION embudo.calendar_attendee_answered() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    e public.calendar_event;
    who record;
    organizer record;
    lang text;
    verb text;
    key text;
BEGIN
    IF NEW.state = OLD.state OR NEW.state = 'needsAction' THEN
        RETURN NULL;
    END IF;
    SELECT * INTO e FROM public.calendar_event x WHERE x.company_id = NEW.company_id AND x.id = NEW.event_id;
    IF NEW.user_id IS NOT DISTINCT FROM e.user_id AND NEW.partner_id IS NULL THEN
        RETURN NULL;
    END IF;
    -- Once per person, series and answer in a transaction.
    key := e.ical_uid || '/' || coalesce(NEW.partner_id::text, 'u' || NEW.user_id) || '/' || NEW.state || ';';
    IF position(key IN coalesce(current_setting('embudo.calendar_answered', true), '')) > 0 THEN
        RETURN NULL;
    END IF;
    PERFORM embudo.set_local('embudo.calendar_answered', coalesce(current_setting('embudo.calendar_answered', true), '') || key);
    SELECT * INTO who FROM embudo.calendar_address(NEW.company_id, NEW.partner_id, NEW.user_id);
    SELECT u.name, embudo.normalize_email(u.email) AS email, u.lang, u.tz INTO organizer FROM public.res_users u WHERE u.id = e.user_id;
    lang := coalesce(organizer.lang, 'en_US');
    verb := CASE NEW.state WHEN 'accepted' THEN embudo.localized(lang, ' accepted ', ' aceptó ')
                           WHEN 'declined' THEN embudo.localized(lang, ' declined ', ' rechazó ')
                           ELSE embudo.localized(lang, ' may attend ', ' tal vez asista a ') END;
    IF e.opportunity_id IS NOT NULL THEN
        INSERT INTO public.mail_message (company_id, model, res_id, body, author_id, message_type, subtype_id, create_uid, write_uid)
        VALUES (e.company_id, 'crm.lead', e.opportunity_id, embudo.html_escape(who.name || verb || '"' || embudo.calendar_public_name(e, lang) || '"'),
                embudo.current_user_id(), 'notification', embudo.subtype('mail.mt_note'), embudo.current_user_id(), embudo.current_user_id());
    END IF;
    -- (A contact's answer from the link acts as the user who invited them: often the organizer.)
    IF organizer.email IS NOT NULL AND (e.user_id IS DISTINCT FROM embudo.current_user_id()
                                        OR current_setting('embudo.calendar_contact_answer', true) = 'on') THEN
        PERFORM embudo.set_local('embudo.mail_on_behalf', 'on');
        INSERT INTO public.mail_mail (company_id, email_from, email_to, subject, body_html, model, res_id, create_uid, write_uid)
        VALUES (e.company_id, embudo.mail_sender(e.company_id), embudo.mail_format_address(organizer.name, organizer.email),
                who.name || verb || e.name,
                '<p>' || embudo.html_escape(who.name || verb || '"' || e.name || '" (' || embudo.calendar_when(e, coalesce(organizer.tz, 'UTC'), lang) || ')')
                || '</p>',
                'calendar.event', e.id, embudo.current_user_id(), embudo.current_user_id());
        PERFORM embudo.set_local('embudo.mail_on_behalf', '');
    END IF;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER answered AFTER UPDATE OF state ON calendar_attendee FOR EACH ROW EXECUTE FUNCTION embudo.calendar_attendee_answered();

-- ---------------------------------------------------------------------------------------------------
-- The contact's answer page (/calendar/meeting/<token>): no login; the token opens one attendance and
-- the page acts as the user who sent the invitation, inside the meeting's company.
-- ---------------------------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION embudo.calendar_token_resolve(token text)
RETURNS TABLE (company_id int, attendee_id int, acting_user int, form_key text)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    company constant int := embudo.token_company(token);
    hash constant bytea := sha256(convert_to(token, 'UTF8'));
BEGIN
    IF company IS NOT NULL THEN
        RETURN QUERY SELECT t.company_id, t.attendee_id, t.acting_user, embudo.link_form_key(token)
        FROM public.calendar_attendee_token t WHERE t.company_id = company AND t.token_hash = hash AND t.expires_at > now();
    ELSE
        RETURN QUERY SELECT t.company_id, t.attendee_id, t.acting_user, embudo.link_form_key(token)
        FROM public.calendar_attendee_token t WHERE t.token_hash = hash AND t.expires_at > now();
    END IF;
END
$$;

-- What the contact sees, as JSON: the meeting (or series), when in their time zone, the organizer,
-- their answer and language.
CREATE OR REPLACE FUNCTION embudo.calendar_invitation(attendee int) RETURNS jsonb
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT jsonb_build_object(
            'name', e.name, 'company', c.name, 'attendee', p.name, 'state', a.state, 'lang', coalesce(p.lang, c.lang),
            'when', embudo.calendar_when(e, coalesce(p.tz, c.tz), coalesce(p.lang, c.lang)),
            'location', e.location, 'videocall', e.videocall_location, 'description', embudo.calendar_plain(e.description),
            'organizer', (SELECT u.name FROM public.res_users u WHERE u.id = e.user_id),
            'occurrences', (SELECT count(*) FROM public.calendar_event x WHERE x.company_id = e.company_id AND x.ical_uid = e.ical_uid AND x.active),
            'active', e.active)
        FROM public.calendar_attendee a
        JOIN public.calendar_event e ON e.company_id = a.company_id AND e.id = a.event_id
        JOIN public.res_company c ON c.id = a.company_id
        JOIN public.res_partner p ON p.company_id = a.company_id AND p.id = a.partner_id
        WHERE a.id = attendee
    );
END
$$;

-- The contact answers: the same answer for every meeting of the series they attend.
CREATE OR REPLACE FUNCTION embudo.calendar_token_answer(attendee int, answer text) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    a public.calendar_attendee;
BEGIN
    IF answer NOT IN ('accepted', 'declined', 'tentative') THEN
        PERFORM embudo.refuse('validation', 'Answer accepted, declined or tentative.');
    END IF;
    SELECT x.* INTO a FROM public.calendar_attendee x WHERE x.id = attendee;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('user', 'This invitation no longer exists.');
    END IF;
    PERFORM embudo.set_local('embudo.calendar_contact_answer', 'on');
    UPDATE public.calendar_attendee x SET state = answer
    FROM public.calendar_event e, public.calendar_event mine
    WHERE mine.company_id = a.company_id AND mine.id = a.event_id
      AND e.company_id = a.company_id AND e.ical_uid = mine.ical_uid AND e.active
      AND x.company_id = e.company_id AND x.event_id = e.id AND x.partner_id = a.partner_id AND x.state <> answer;
    PERFORM embudo.set_local('embudo.calendar_contact_answer', '');
END
$$;

GRANT EXECUTE ON FUNCTION embudo.calendar_note(int, text, int, int), embudo.calendar_notify_removed(int, int, int, int),
    embudo.calendar_issue_token(int, int, int), embudo.calendar_flush(),
    embudo.calendar_token_resolve(text), embudo.calendar_invitation(int), embudo.calendar_token_answer(int, text)
TO embudo_service;
