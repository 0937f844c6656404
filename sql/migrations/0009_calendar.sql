-- Meetings (issue 23): Odoo's calendar as far as the CRM uses it. Events with attendees (the company's
-- contacts, and colleagues: users have no contact of their own in a company), types, reminders and
-- recurrences; invitations by e-mail with an iCalendar part and answer links; each user's private feed.
-- Every table is a tenant table keyed by (company_id, id): no unique index on id alone (issue 20).
-- Functions, triggers and policies: sql/modules/calendar/.

CREATE TABLE calendar_event_type (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (name <> ''),
    color int NOT NULL DEFAULT 0,
    PRIMARY KEY (company_id, id)
);
CREATE UNIQUE INDEX calendar_event_type_name ON calendar_event_type (company_id, name);

-- Reminders: how long before an event, and how (by e-mail; "notification" is shown by the web client).
CREATE TABLE calendar_alarm (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (name <> ''),
    alarm_type text NOT NULL DEFAULT 'email' CHECK (alarm_type IN ('email', 'notification')),
    duration int NOT NULL DEFAULT 1 CHECK (duration BETWEEN 0 AND 10000),
    "interval" text NOT NULL DEFAULT 'hours' CHECK ("interval" IN ('minutes', 'hours', 'days')),
    duration_minutes int GENERATED ALWAYS AS (duration * CASE "interval" WHEN 'days' THEN 1440 WHEN 'hours' THEN 60 ELSE 1 END) STORED,
    active boolean NOT NULL DEFAULT true,
    PRIMARY KEY (company_id, id)
);

-- A recurrence: the rule, kept in the organizer's time zone (event_tz), and the events it made (one row
-- per occurrence, as Odoo keeps them, each linked by recurrence_id).
CREATE TABLE calendar_recurrence (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    base_event_id int,
    event_tz text NOT NULL DEFAULT 'UTC',
    rrule_type text NOT NULL DEFAULT 'weekly' CHECK (rrule_type IN ('daily', 'weekly', 'monthly', 'yearly')),
    "interval" int NOT NULL DEFAULT 1 CHECK ("interval" BETWEEN 1 AND 1000),
    end_type text NOT NULL DEFAULT 'count' CHECK (end_type IN ('count', 'end_date', 'forever')),
    count int NOT NULL DEFAULT 1 CHECK (count BETWEEN 1 AND 720),
    until date,
    mon boolean NOT NULL DEFAULT false,
    tue boolean NOT NULL DEFAULT false,
    wed boolean NOT NULL DEFAULT false,
    thu boolean NOT NULL DEFAULT false,
    fri boolean NOT NULL DEFAULT false,
    sat boolean NOT NULL DEFAULT false,
    sun boolean NOT NULL DEFAULT false,
    month_by text NOT NULL DEFAULT 'date' CHECK (month_by IN ('date', 'day')),
    day int NOT NULL DEFAULT 1 CHECK (day BETWEEN 1 AND 31),
    byday text CHECK (byday IN ('1', '2', '3', '4', '-1')),
    weekday text CHECK (weekday IN ('MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN')),
    -- The first occurrence's start and length (the rule's DTSTART, in event_tz when read).
    dtstart timestamptz NOT NULL,
    duration interval NOT NULL DEFAULT interval '1 hour',
    -- The series' iCalendar UID: invitations and feeds send a series as one VEVENT with its dates
    -- (RDATE) and, for occurrences changed on their own, one VEVENT each with RECURRENCE-ID.
    ical_uid text NOT NULL,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    CHECK (end_type <> 'end_date' OR until IS NOT NULL)
);

CREATE TABLE calendar_event (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    name text NOT NULL CHECK (name <> ''),
    -- Instants (Odoo's UTC datetimes); an all-day event also has its dates, start_date to stop_date
    -- inclusive, and start/stop at 08:00 and 18:00 UTC of them (as Odoo stores them).
    start timestamptz NOT NULL,
    stop timestamptz NOT NULL,
    allday boolean NOT NULL DEFAULT false,
    start_date date,
    stop_date date,
    -- Hours (kept from start and stop; a new stop from the duration when only it changes).
    duration double precision NOT NULL DEFAULT 1,
    user_id int,
    location text,
    videocall_location text,
    description text,
    privacy text NOT NULL DEFAULT 'public' CHECK (privacy IN ('public', 'private', 'confidential')),
    show_as text NOT NULL DEFAULT 'busy' CHECK (show_as IN ('free', 'busy')),
    opportunity_id int,
    res_model text,
    res_id int,
    res_model_id int REFERENCES ir_model (id),
    -- The recurrence: the rule as the client wrote it on the event (Odoo's fields, copied to every
    -- occurrence), the series it made, and this occurrence's slot in the rule (its RECURRENCE-ID).
    recurrency boolean NOT NULL DEFAULT false,
    recurrence_id int,
    follow_recurrence boolean NOT NULL DEFAULT false,
    recurrence_start timestamptz,
    rrule_type text CHECK (rrule_type IN ('daily', 'weekly', 'monthly', 'yearly')),
    "interval" int NOT NULL DEFAULT 1 CHECK ("interval" BETWEEN 1 AND 1000),
    end_type text NOT NULL DEFAULT 'count' CHECK (end_type IN ('count', 'end_date', 'forever')),
    count int NOT NULL DEFAULT 1 CHECK (count BETWEEN 1 AND 720),
    until date,
    mon boolean NOT NULL DEFAULT false,
    tue boolean NOT NULL DEFAULT false,
    wed boolean NOT NULL DEFAULT false,
    thu boolean NOT NULL DEFAULT false,
    fri boolean NOT NULL DEFAULT false,
    sat boolean NOT NULL DEFAULT false,
    sun boolean NOT NULL DEFAULT false,
    month_by text NOT NULL DEFAULT 'date' CHECK (month_by IN ('date', 'day')),
    day int NOT NULL DEFAULT 1 CHECK (day BETWEEN 1 AND 31),
    byday text CHECK (byday IN ('1', '2', '3', '4', '-1')),
    weekday text CHECK (weekday IN ('MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN')),
    event_tz text,
    -- Which events a write applies to in a series (Odoo's recurrence_update): read by the triggers of
    -- the write and never kept (always NULL in a stored row).
    recurrence_update text CHECK (recurrence_update IN ('self_only', 'future_events', 'all_events')),
    active boolean NOT NULL DEFAULT true,
    -- Marked done (closes the meeting activity it stands for).
    done boolean NOT NULL DEFAULT false,
    -- iCalendar: the event's UID (stable, so that calendars replace their copy; an occurrence has its
    -- series' UID) and SEQUENCE (raised at each change attendees are told of).
    ical_uid text NOT NULL,
    sequence int NOT NULL DEFAULT 0,
    create_uid int REFERENCES res_users (id),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_uid int REFERENCES res_users (id),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    CHECK (stop >= start),
    CHECK (NOT allday OR (start_date IS NOT NULL AND stop_date IS NOT NULL AND stop_date >= start_date)),
    FOREIGN KEY (company_id, user_id) REFERENCES res_company_member (company_id, user_id) ON DELETE SET NULL (user_id),
    FOREIGN KEY (company_id, opportunity_id) REFERENCES crm_lead (company_id, id) ON DELETE SET NULL (opportunity_id),
    FOREIGN KEY (company_id, recurrence_id) REFERENCES calendar_recurrence (company_id, id) ON DELETE SET NULL (recurrence_id)
);
ALTER TABLE calendar_recurrence ADD FOREIGN KEY (company_id, base_event_id) REFERENCES calendar_event (company_id, id)
    ON DELETE SET NULL (base_event_id);
CREATE INDEX calendar_event_start ON calendar_event (company_id, start, id) WHERE active;
CREATE INDEX calendar_event_user ON calendar_event (company_id, user_id, start) WHERE active;
CREATE INDEX calendar_event_opportunity ON calendar_event (company_id, opportunity_id) WHERE opportunity_id IS NOT NULL;
CREATE INDEX calendar_event_document ON calendar_event (company_id, res_model, res_id) WHERE res_id IS NOT NULL;
CREATE INDEX calendar_event_recurrence ON calendar_event (company_id, recurrence_id, start) WHERE recurrence_id IS NOT NULL;
CREATE INDEX calendar_event_ical_uid ON calendar_event (company_id, ical_uid);
COMMENT ON TABLE calendar_event IS 'Meetings; a recurrence keeps one row per occurrence.';

-- Who attends: a contact of the company, or a colleague (a member). One answer each.
CREATE TABLE calendar_attendee (
    company_id int NOT NULL REFERENCES res_company (id),
    id int GENERATED ALWAYS AS IDENTITY,
    event_id int NOT NULL,
    partner_id int,
    user_id int,
    -- The name the attendee was invited under (Odoo's common_name).
    common_name text,
    state text NOT NULL DEFAULT 'needsAction' CHECK (state IN ('needsAction', 'tentative', 'declined', 'accepted')),
    availability text CHECK (availability IN ('free', 'busy')),
    create_date timestamptz NOT NULL DEFAULT now(),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id),
    CHECK (num_nonnulls(partner_id, user_id) = 1),
    FOREIGN KEY (company_id, event_id) REFERENCES calendar_event (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, partner_id) REFERENCES res_partner (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, user_id) REFERENCES res_company_member (company_id, user_id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX calendar_attendee_partner ON calendar_attendee (company_id, event_id, partner_id) WHERE partner_id IS NOT NULL;
CREATE UNIQUE INDEX calendar_attendee_user ON calendar_attendee (company_id, event_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX calendar_attendee_of_user ON calendar_attendee (company_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX calendar_attendee_of_partner ON calendar_attendee (company_id, partner_id) WHERE partner_id IS NOT NULL;

-- A contact's answer link (192 random bits, of which only a SHA-256 is kept), made by each invitation
-- (replacing the one before): the answer page acts as the user who sent it.
CREATE TABLE calendar_attendee_token (
    company_id int NOT NULL,
    attendee_id int NOT NULL,
    token_hash bytea NOT NULL UNIQUE,
    acting_user int NOT NULL,
    expires_at timestamptz NOT NULL,
    create_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, attendee_id),
    FOREIGN KEY (company_id, attendee_id) REFERENCES calendar_attendee (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, acting_user) REFERENCES res_company_member (company_id, user_id) ON DELETE CASCADE
);

-- A contact's time zone (Odoo's res.partner.tz): invitations show times in it.
ALTER TABLE res_partner ADD COLUMN tz text;

-- Odoo's many2many tables of events (attendee contacts, colleagues, types, reminders).
CREATE TABLE calendar_event_res_partner_rel (
    company_id int NOT NULL,
    calendar_event_id int NOT NULL,
    res_partner_id int NOT NULL,
    PRIMARY KEY (company_id, calendar_event_id, res_partner_id),
    FOREIGN KEY (company_id, calendar_event_id) REFERENCES calendar_event (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, res_partner_id) REFERENCES res_partner (company_id, id) ON DELETE CASCADE
);
CREATE INDEX calendar_event_res_partner_rel_partner ON calendar_event_res_partner_rel (company_id, res_partner_id);
CREATE TABLE calendar_event_res_users_rel (
    company_id int NOT NULL,
    calendar_event_id int NOT NULL,
    res_users_id int NOT NULL,
    PRIMARY KEY (company_id, calendar_event_id, res_users_id),
    FOREIGN KEY (company_id, calendar_event_id) REFERENCES calendar_event (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, res_users_id) REFERENCES res_company_member (company_id, user_id) ON DELETE CASCADE
);
CREATE INDEX calendar_event_res_users_rel_user ON calendar_event_res_users_rel (company_id, res_users_id);
CREATE TABLE meeting_category_rel (
    company_id int NOT NULL,
    event_id int NOT NULL,
    type_id int NOT NULL,
    PRIMARY KEY (company_id, event_id, type_id),
    FOREIGN KEY (company_id, event_id) REFERENCES calendar_event (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, type_id) REFERENCES calendar_event_type (company_id, id) ON DELETE CASCADE
);
CREATE TABLE calendar_alarm_calendar_event_rel (
    company_id int NOT NULL,
    calendar_event_id int NOT NULL,
    calendar_alarm_id int NOT NULL,
    PRIMARY KEY (company_id, calendar_event_id, calendar_alarm_id),
    FOREIGN KEY (company_id, calendar_event_id) REFERENCES calendar_event (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, calendar_alarm_id) REFERENCES calendar_alarm (company_id, id) ON DELETE CASCADE
);

-- Reminders sent: one row per (event, reminder, attendee, moment); the primary key is what makes
-- several server processes send each reminder once.
CREATE TABLE calendar_alarm_sent (
    company_id int NOT NULL,
    event_id int NOT NULL,
    alarm_id int NOT NULL,
    attendee_id int NOT NULL,
    event_start timestamptz NOT NULL,
    sent_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, event_id, alarm_id, attendee_id, event_start),
    FOREIGN KEY (company_id, event_id) REFERENCES calendar_event (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, alarm_id) REFERENCES calendar_alarm (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, attendee_id) REFERENCES calendar_attendee (company_id, id) ON DELETE CASCADE
);

-- Each user's private iCalendar feed in a company: only a SHA-256 of the URL's token is kept.
CREATE TABLE calendar_feed (
    company_id int NOT NULL,
    user_id int NOT NULL,
    token_hash bytea NOT NULL UNIQUE,
    include_activities boolean NOT NULL DEFAULT false,
    create_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, user_id),
    FOREIGN KEY (company_id, user_id) REFERENCES res_company_member (company_id, user_id) ON DELETE CASCADE
);

-- The meeting an activity stands for (Odoo's mail.activity.calendar_event_id).
ALTER TABLE mail_activity ADD COLUMN calendar_event_id int;
ALTER TABLE mail_activity ADD FOREIGN KEY (company_id, calendar_event_id) REFERENCES calendar_event (company_id, id) ON DELETE CASCADE;
CREATE INDEX mail_activity_calendar_event ON mail_activity (company_id, calendar_event_id) WHERE calendar_event_id IS NOT NULL;

-- An invitation's iCalendar part (text/calendar, with its METHOD), sent beside the HTML body.
ALTER TABLE mail_mail ADD COLUMN calendar_ics text;
ALTER TABLE mail_mail ADD COLUMN calendar_method text CHECK (calendar_method IN ('REQUEST', 'CANCEL', 'REPLY'));
ALTER TABLE mail_mail ADD CHECK ((calendar_ics IS NULL) = (calendar_method IS NULL));
-- The worker's claim returns the part: sql/modules/mail/outbox.sql defines it again.
DROP FUNCTION IF EXISTS embudo.mail_claim(int, interval);

INSERT INTO ir_model (model, name) VALUES
    ('calendar.event', 'Calendar Event'), ('calendar.attendee', 'Calendar Attendee Information'), ('calendar.event.type', 'Event Meeting Type'),
    ('calendar.alarm', 'Event Alarm'), ('calendar.recurrence', 'Event Recurrence Rule');

-- Existing companies get the default types and reminders new ones get (calendar/defaults.sql).
INSERT INTO calendar_event_type (company_id, name)
SELECT c.id, CASE WHEN c.lang LIKE 'es%' THEN t.spanish ELSE t.english END
FROM res_company c, (VALUES ('Customer Meeting', 'Reunión con cliente'), ('Internal Meeting', 'Reunión interna'),
                            ('Demo', 'Demostración')) t (english, spanish);
INSERT INTO calendar_alarm (company_id, name, alarm_type, duration, "interval")
SELECT c.id, CASE WHEN c.lang LIKE 'es%' THEN a.spanish ELSE a.english END, a.kind, a.duration, a.unit
FROM res_company c, (VALUES ('15 minutes before', '15 minutos antes', 'email', 15, 'minutes'),
                            ('1 hour before', '1 hora antes', 'email', 1, 'hours'),
                            ('1 day before', '1 día antes', 'email', 1, 'days'),
                            ('Notification: 15 minutes', 'Notificación: 15 minutos', 'notification', 15, 'minutes')) a (english, spanish, kind, duration, unit);
