-- iCalendar (RFC 5545) for invitations and feeds: one VEVENT per meeting, and one per series (its
-- first occurrence with the others' instants as RDATE, plus one VEVENT with RECURRENCE-ID for each
-- occurrence changed on its own). Instants are written in UTC, so that no VTIMEZONE is needed and every
-- calendar shows them in its own time zone; all-day meetings are dates.

-- A TEXT value: backslash, semicolon, comma and line breaks escaped.
CREATE OR REPLACE FUNCTION embudo.ical_text(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT replace(replace(replace(replace(replace(value, E'\\', E'\\\\'), ';', E'\\;'), ',', E'\\,'), E'\r', ''), E'\n', E'\\n')
$$;

-- A parameter value (CN): quoted, without the characters a quoted value cannot hold.
CREATE OR REPLACE FUNCTION embudo.ical_param(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT '"' || regexp_replace(coalesce(value, ''), '["\x00-\x1f\x7f]', '', 'g') || '"'
$$;

-- A content line folded at 75 octets (continuation lines start with a space), never inside a UTF-8
-- character, ended by CRLF; NULL for no line.
CREATE OR REPLACE FUNCTION embudo.ical_line(line text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
    lines text[] := '{}';
    current text := '';
    width int := 0;
    c text;
    size int;
BEGIN
    IF octet_length(line) <= 75 THEN
        RETURN line || E'\r\n';
    END IF;
    -- Lines are gathered in an array and joined once: the work grows with the text, not its square.
    FOREACH c IN ARRAY regexp_split_to_array(line, '') LOOP
        size := octet_length(c);
        IF width + size > 75 THEN
            lines := lines || current;
            current := ' ';
            width := 1;
        END IF;
        current := current || c;
        width := width + size;
    END LOOP;
    RETURN array_to_string(lines || current, E'\r\n') || E'\r\n';
END
$$;

-- HTML (a description) as plain text: tags dropped, paragraphs and line breaks kept, the usual entities read.
CREATE OR REPLACE FUNCTION embudo.calendar_plain(html text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT btrim(replace(replace(replace(replace(replace(replace(
               regexp_replace(regexp_replace(coalesce(html, ''), '<(br|/p|/div|/li)[^>]*>', E'\n', 'gi'), '<[^>]*>', '', 'g'),
               '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&'), E' \n')
$$;

CREATE OR REPLACE FUNCTION embudo.ical_utc(instant timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT to_char(instant AT TIME ZONE 'UTC', 'YYYYMMDD"T"HH24MISS"Z"')
$$;

-- The address to write for a contact or a colleague, or NULL.
CREATE OR REPLACE FUNCTION embudo.calendar_address(company int, partner int, member int, OUT name text, OUT email text)
LANGUAGE plpgsql STABLE
AS $$
BEGIN
    IF partner IS NOT NULL THEN
        SELECT p.name, embudo.normalize_email(p.email) INTO name, email
        FROM public.res_partner p WHERE p.company_id = company AND p.id = partner;
    ELSE
        SELECT u.name, embudo.normalize_email(u.email) INTO name, email
        FROM public.res_users u WHERE u.id = member;
    END IF;
END
$$;

-- The lines of one VEVENT for event `e`: `master` says whether it stands for its series (RDATE of the
-- other occurrences) or is an occurrence changed on its own (RECURRENCE-ID). Attendees with their
-- answers; the organizer; the link back to Embudo in the description.
CREATE OR REPLACE FUNCTION embudo.ical_vevent(e anyelement, series_sequence int, rdates timestamptz[], recurrence_id timestamptz,
                                              cancelled boolean)
RETURNS text
LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT string_agg(embudo.ical_line(line), '' ORDER BY n)
        FROM unnest(ARRAY[
            'BEGIN:VEVENT',
            'UID:' || embudo.ical_text(e.ical_uid),
            'DTSTAMP:' || embudo.ical_utc(now()),
            'SEQUENCE:' || series_sequence,
            CASE WHEN recurrence_id IS NOT NULL THEN
                CASE WHEN e.allday THEN 'RECURRENCE-ID;VALUE=DATE:' || to_char(recurrence_id AT TIME ZONE 'UTC', 'YYYYMMDD')
                     ELSE 'RECURRENCE-ID:' || embudo.ical_utc(recurrence_id) END END,
            CASE WHEN e.allday THEN 'DTSTART;VALUE=DATE:' || to_char(e.start_date, 'YYYYMMDD') ELSE 'DTSTART:' || embudo.ical_utc(e.start) END,
            CASE WHEN e.allday THEN 'DTEND;VALUE=DATE:' || to_char(e.stop_date + 1, 'YYYYMMDD') ELSE 'DTEND:' || embudo.ical_utc(e.stop) END,
            CASE WHEN cardinality(rdates) > 0 THEN
                CASE WHEN e.allday THEN 'RDATE;VALUE=DATE:' || (SELECT string_agg(to_char(d AT TIME ZONE 'UTC', 'YYYYMMDD'), ',' ORDER BY d) FROM unnest(rdates) d)
                     ELSE 'RDATE:' || (SELECT string_agg(embudo.ical_utc(d), ',' ORDER BY d) FROM unnest(rdates) d) END END,
            'SUMMARY:' || embudo.ical_text(left(e.name, 1000)),
            CASE WHEN nullif(e.location, '') IS NOT NULL THEN 'LOCATION:' || embudo.ical_text(left(e.location, 1000)) END,
            CASE WHEN nullif(e.videocall_location, '') IS NOT NULL THEN 'URL:' || embudo.ical_text(left(e.videocall_location, 1000)) END,
            CASE WHEN nullif(e.description, '') IS NOT NULL OR nullif(e.videocall_location, '') IS NOT NULL
                 THEN 'DESCRIPTION:' || embudo.ical_text(left(concat_ws(E'\n\n', nullif(embudo.calendar_plain(left(e.description, 20000)), ''),
                                                                       nullif(e.videocall_location, '')), 8000)) END,
            'CLASS:' || CASE e.privacy WHEN 'private' THEN 'PRIVATE' WHEN 'confidential' THEN 'CONFIDENTIAL' ELSE 'PUBLIC' END,
            'TRANSP:' || CASE e.show_as WHEN 'free' THEN 'TRANSPARENT' ELSE 'OPAQUE' END,
            'STATUS:' || CASE WHEN cancelled THEN 'CANCELLED' ELSE 'CONFIRMED' END,
            (SELECT 'ORGANIZER;CN=' || embudo.ical_param(a.name) || ':mailto:' || a.email
             FROM embudo.calendar_address(e.company_id, NULL, e.user_id) a WHERE a.email IS NOT NULL)
        ] || ARRAY(
            SELECT 'ATTENDEE;CN=' || embudo.ical_param(a.name) || ';ROLE=REQ-PARTICIPANT;PARTSTAT='
                   || CASE t.state WHEN 'accepted' THEN 'ACCEPTED' WHEN 'declined' THEN 'DECLINED' WHEN 'tentative' THEN 'TENTATIVE' ELSE 'NEEDS-ACTION' END
                   || ';RSVP=' || CASE WHEN t.user_id IS NOT DISTINCT FROM e.user_id AND t.partner_id IS NULL THEN 'FALSE' ELSE 'TRUE' END
                   || ':mailto:' || a.email
            FROM public.calendar_attendee t, embudo.calendar_address(t.company_id, t.partner_id, t.user_id) a
            WHERE t.company_id = e.company_id AND t.event_id = e.id AND a.email IS NOT NULL
            ORDER BY t.id)
          || ARRAY['END:VEVENT']) WITH ORDINALITY AS x (line, n)
        WHERE line IS NOT NULL
    );
END
$$;

-- The VEVENTs of the meeting or series with UID `uid` in company `company`, as the current user may
-- read them (row-level security): one VEVENT for a single meeting; for a series, its first occurrence
-- with the other instants (RDATE) and each occurrence changed on its own (moved, renamed) as its own
-- VEVENT. Only the events attended by `partner` / `member` when one is given.
CREATE OR REPLACE FUNCTION embudo.ical_events(company int, uid text, partner int, member int, cancelled boolean) RETURNS text
LANGUAGE plpgsql STABLE
AS $$
DECLARE
    events public.calendar_event[];
    master public.calendar_event;
    e public.calendar_event;
    sequence int;
    result text;
BEGIN
    events := ARRAY(
        SELECT x FROM public.calendar_event x
        WHERE x.company_id = company AND x.ical_uid = uid AND (x.active OR cancelled)
          AND (partner IS NULL AND member IS NULL
               OR EXISTS (SELECT 1 FROM public.calendar_attendee t WHERE t.company_id = x.company_id AND t.event_id = x.id
                                                                   AND (t.partner_id = partner OR t.user_id = member)))
        ORDER BY coalesce(x.recurrence_start, x.start), x.id);
    IF cardinality(events) = 0 THEN
        RETURN NULL;
    END IF;
    master := events[1];
    sequence := (SELECT max(x.sequence) FROM unnest(events) x);
    IF master.recurrence_id IS NULL THEN
        RETURN embudo.ical_vevent(master, sequence, NULL, NULL, cancelled);
    END IF;
    result := embudo.ical_vevent(master, sequence,
                                 ARRAY(SELECT x.recurrence_start FROM unnest(events) x WHERE x.id <> master.id AND x.recurrence_start IS NOT NULL),
                                 NULL, cancelled);
    FOREACH e IN ARRAY events[2:] LOOP
        IF (e.start - e.recurrence_start, e.stop - e.start, e.name, e.location, e.description, e.videocall_location, e.allday)
           IS DISTINCT FROM (interval '0', master.stop - master.start, master.name, master.location, master.description,
                             master.videocall_location, master.allday) THEN
            result := result || embudo.ical_vevent(e, sequence, NULL, e.recurrence_start, cancelled);
        END IF;
    END LOOP;
    RETURN result;
END
$$;

-- A whole iCalendar object around `body` (VEVENTs), with its METHOD (none for a feed).
CREATE OR REPLACE FUNCTION embudo.ical_calendar(body text, method text, title text) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
    SELECT embudo.ical_line('BEGIN:VCALENDAR') || embudo.ical_line('VERSION:2.0')
           || embudo.ical_line('PRODID:-//Embudo//Embudo CRM//ES')
           || embudo.ical_line('CALSCALE:GREGORIAN')
           || coalesce(embudo.ical_line('METHOD:' || method), '')
           || coalesce(embudo.ical_line('X-WR-CALNAME:' || embudo.ical_text(nullif(title, ''))), '')
           || coalesce(body, '')
           || embudo.ical_line('END:VCALENDAR')
$$;

GRANT EXECUTE ON FUNCTION embudo.ical_text(text), embudo.calendar_plain(text), embudo.ical_param(text), embudo.ical_line(text), embudo.ical_utc(timestamptz),
    embudo.calendar_address(int, int, int), embudo.ical_vevent(anyelement, int, timestamptz[], timestamptz, boolean),
    embudo.ical_events(int, text, int, int, boolean), embudo.ical_calendar(text, text, text)
TO embudo_service;
