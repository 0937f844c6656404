-- Default meeting types and reminders of every new company, in its language (migration 0009 gave
-- them to the companies that existed then).

-- Seeds a new company (trigger seed_60_calendar, after the other modules').
CREATE OR REPLACE FUNCTION embudo.calendar_seed_company() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO public.calendar_event_type (company_id, name)
    SELECT NEW.id, embudo.localized(NEW.lang, t.english, t.spanish)
    FROM (VALUES ('Customer Meeting', 'Reunión con cliente'), ('Internal Meeting', 'Reunión interna'), ('Demo', 'Demostración')) t (english, spanish);
    INSERT INTO public.calendar_alarm (company_id, name, alarm_type, duration, "interval")
    SELECT NEW.id, embudo.localized(NEW.lang, a.english, a.spanish), a.kind, a.duration, a.unit
    FROM (VALUES ('15 minutes before', '15 minutos antes', 'email', 15, 'minutes'), ('1 hour before', '1 hora antes', 'email', 1, 'hours'),
                 ('1 day before', '1 día antes', 'email', 1, 'days'),
                 ('Notification: 15 minutes', 'Notificación: 15 minutos', 'notification', 15, 'minutes')) a (english, spanish, kind, duration, unit);
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER seed_60_calendar AFTER INSERT ON res_company FOR EACH ROW EXECUTE FUNCTION embudo.calendar_seed_company();
