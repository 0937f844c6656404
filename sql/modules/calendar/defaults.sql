-- Default meeting types and reminders of every new company, in its language (migration 0009 gave
-- them to the companies that existed then).

-- Seeds a new company (embudo.create_company calls seed_60_calendar after the other modules').
CREATE OR REPLACE FUNCTION embudo.seed_60_calendar(company int) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    lang constant text := (SELECT c.lang FROM public.res_company c WHERE c.id = company);
BEGIN
    INSERT INTO public.calendar_event_type (company_id, name)
    SELECT company, embudo.localized(lang, t.english, t.spanish)
    FROM (VALUES ('Customer Meeting', 'Reunión con cliente'), ('Internal Meeting', 'Reunión interna'), ('Demo', 'Demostración')) t (english, spanish);
    INSERT INTO public.calendar_alarm (company_id, name, alarm_type, duration, "interval")
    SELECT company, embudo.localized(lang, a.english, a.spanish), a.kind, a.duration, a.unit
    FROM (VALUES ('15 minutes before', '15 minutos antes', 'email', 15, 'minutes'), ('1 hour before', '1 hora antes', 'email', 1, 'hours'),
                 ('1 day before', '1 día antes', 'email', 1, 'days'),
                 ('Notification: 15 minutes', 'Notificación: 15 minutos', 'notification', 15, 'minutes')) a (english, spanish, kind, duration, unit);
END
$$;
