-- Citus refuses a subquery in a policy (issue 24), and a meeting's visibility looked up its colleague
-- attendees (embudo.calendar_attends), its opportunity or quotation; the rows that belong to a meeting
-- looked the meeting up. A meeting now carries who may read it, `readers` (kept by its triggers:
-- calendar/events.sql, embudo.calendar_readers), and every row that belongs to it carries a copy, tied
-- by a foreign key checked at commit, which its policy reads:
--   the organizer and the colleagues invited (user ids), always;
--   unless the meeting is private: -1, "members with all documents", and the salesperson_key of the
--   opportunity or quotation it is about (its salesperson's id, or 0: every member, as the document).
ALTER TABLE calendar_event ADD COLUMN readers int[];
ALTER TABLE calendar_attendee ADD COLUMN readers int[];
ALTER TABLE calendar_event_res_partner_rel ADD COLUMN readers int[];
ALTER TABLE meeting_category_rel ADD COLUMN readers int[];
ALTER TABLE calendar_alarm_calendar_event_rel ADD COLUMN readers int[];
ALTER TABLE calendar_event_res_users_rel ADD COLUMN readers int[];
ALTER TABLE calendar_recurrence ADD COLUMN readers int[];
ALTER TABLE calendar_attendee_token ADD COLUMN readers int[];

-- The backfill and the keys' validation read and write with row-level security lifted for the owner on
-- these tables (forced again at the end).
CREATE TEMPORARY TABLE readers_forced ON COMMIT DROP AS
SELECT c.oid::regclass AS t FROM pg_class c
WHERE c.relforcerowsecurity AND c.oid IN ('calendar_event'::regclass, 'calendar_attendee'::regclass, 'calendar_event_res_partner_rel'::regclass,
    'meeting_category_rel'::regclass, 'calendar_alarm_calendar_event_rel'::regclass, 'calendar_event_res_users_rel'::regclass,
    'calendar_recurrence'::regclass, 'calendar_attendee_token'::regclass, 'crm_lead'::regclass, 'sale_order'::regclass);
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT t FROM readers_forced LOOP
        EXECUTE format('ALTER TABLE %s NO FORCE ROW LEVEL SECURITY', r.t);
    END LOOP;
END
$$;

ALTER TABLE calendar_event DISABLE TRIGGER USER;
UPDATE calendar_event e SET readers = ARRAY(
    SELECT DISTINCT x FROM unnest(ARRAY[e.user_id]
        || ARRAY(SELECT r.res_users_id FROM calendar_event_res_users_rel r WHERE r.company_id = e.company_id AND r.calendar_event_id = e.id)
        || CASE WHEN e.privacy <> 'private' THEN ARRAY[-1]
                || ARRAY(SELECT l.salesperson_key FROM crm_lead l WHERE e.res_model = 'crm.lead' AND l.company_id = e.company_id AND l.id = e.res_id)
                || ARRAY(SELECT o.salesperson_key FROM sale_order o WHERE e.res_model = 'sale.order' AND o.company_id = e.company_id AND o.id = e.res_id)
           ELSE '{}'::int[] END) x
    WHERE x IS NOT NULL ORDER BY x);
ALTER TABLE calendar_event ENABLE TRIGGER USER;
ALTER TABLE calendar_attendee DISABLE TRIGGER USER;
UPDATE calendar_attendee c SET readers = e.readers FROM calendar_event e WHERE e.company_id = c.company_id AND e.id = c.event_id;
ALTER TABLE calendar_attendee ENABLE TRIGGER USER;
UPDATE calendar_event_res_partner_rel c SET readers = e.readers FROM calendar_event e WHERE e.company_id = c.company_id AND e.id = c.calendar_event_id;
UPDATE meeting_category_rel c SET readers = e.readers FROM calendar_event e WHERE e.company_id = c.company_id AND e.id = c.event_id;
UPDATE calendar_alarm_calendar_event_rel c SET readers = e.readers FROM calendar_event e WHERE e.company_id = c.company_id AND e.id = c.calendar_event_id;
ALTER TABLE calendar_event_res_users_rel DISABLE TRIGGER USER;
UPDATE calendar_event_res_users_rel c SET readers = e.readers FROM calendar_event e WHERE e.company_id = c.company_id AND e.id = c.calendar_event_id;
ALTER TABLE calendar_event_res_users_rel ENABLE TRIGGER USER;
UPDATE calendar_recurrence c SET readers = e.readers FROM calendar_event e WHERE e.company_id = c.company_id AND e.id = c.base_event_id;
UPDATE calendar_recurrence c SET readers = '{}' WHERE c.readers IS NULL;
UPDATE calendar_attendee_token c SET readers = a.readers FROM calendar_attendee a WHERE a.company_id = c.company_id AND a.id = c.attendee_id;

ALTER TABLE calendar_event ALTER COLUMN readers SET NOT NULL;
ALTER TABLE calendar_attendee ALTER COLUMN readers SET NOT NULL;
ALTER TABLE calendar_event_res_partner_rel ALTER COLUMN readers SET NOT NULL;
ALTER TABLE meeting_category_rel ALTER COLUMN readers SET NOT NULL;
ALTER TABLE calendar_alarm_calendar_event_rel ALTER COLUMN readers SET NOT NULL;
ALTER TABLE calendar_event_res_users_rel ALTER COLUMN readers SET NOT NULL;
ALTER TABLE calendar_recurrence ALTER COLUMN readers SET NOT NULL;
ALTER TABLE calendar_attendee_token ALTER COLUMN readers SET NOT NULL;

CREATE UNIQUE INDEX calendar_event_readers ON calendar_event (company_id, id, readers);
CREATE UNIQUE INDEX calendar_attendee_readers ON calendar_attendee (company_id, id, readers);
CREATE INDEX calendar_attendee_event ON calendar_attendee (company_id, event_id);
CREATE INDEX calendar_recurrence_base_event ON calendar_recurrence (company_id, base_event_id) WHERE base_event_id IS NOT NULL;

ALTER TABLE calendar_attendee ADD FOREIGN KEY (company_id, event_id, readers)
    REFERENCES calendar_event (company_id, id, readers) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE calendar_event_res_partner_rel ADD FOREIGN KEY (company_id, calendar_event_id, readers)
    REFERENCES calendar_event (company_id, id, readers) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE meeting_category_rel ADD FOREIGN KEY (company_id, event_id, readers)
    REFERENCES calendar_event (company_id, id, readers) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE calendar_alarm_calendar_event_rel ADD FOREIGN KEY (company_id, calendar_event_id, readers)
    REFERENCES calendar_event (company_id, id, readers) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE calendar_event_res_users_rel ADD FOREIGN KEY (company_id, calendar_event_id, readers)
    REFERENCES calendar_event (company_id, id, readers) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
-- A series outlives its first event (its base_event_id is cleared then: embudo.enable_unlink), keeping
-- the readers it had.
ALTER TABLE calendar_recurrence ADD FOREIGN KEY (company_id, base_event_id, readers)
    REFERENCES calendar_event (company_id, id, readers) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE calendar_attendee_token ADD FOREIGN KEY (company_id, attendee_id, readers)
    REFERENCES calendar_attendee (company_id, id, readers) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;

-- The rows of meetings no longer look their meeting up.
DROP FUNCTION IF EXISTS embudo.enable_parent_policy(regclass, name, regclass, name);
DROP FUNCTION IF EXISTS embudo.visible_row(regclass, name);

DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT t FROM readers_forced LOOP
        EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', r.t);
    END LOOP;
END
$$;
