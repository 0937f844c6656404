-- Default activity types of every company (reference §1.10), with per-company external ids: Email,
-- Call, Meeting, To Do, Upload Document, Exception. (The sale module adds Order Upsell.)

-- Seeds a new company (embudo.create_company calls seed_30_activities after the CRM's, before the sale
-- module's).
CREATE OR REPLACE FUNCTION embudo.seed_30_activities(company int) RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
    lang constant text := (SELECT c.lang FROM public.res_company c WHERE c.id = company);
    spec record;
    created int;
BEGIN
    FOR spec IN SELECT * FROM (VALUES
        ('mail_activity_data_email', 'Email', 'Correo electrónico', 'fa-envelope', 0, 3, 'default', NULL, true),
        ('mail_activity_data_call', 'Call', 'Llamada', 'fa-phone', 2, 6, 'default', NULL, true),
        ('mail_activity_data_meeting', 'Meeting', 'Reunión', 'fa-users', 0, 9, 'meeting', NULL, true),
        ('mail_activity_data_todo', 'To Do', 'Por hacer', 'fa-tasks', 5, 12, 'default', NULL, true),
        ('mail_activity_data_upload_document', 'Upload Document', 'Subir documento', 'fa-upload', 5, 25, 'upload_file', NULL, true),
        ('mail_activity_data_warning', 'Exception', 'Excepción', 'fa-warning', 0, 99, 'default', 'warning', false)
    ) s (xmlid, english, spanish, icon, delay_count, sequence, category, decoration_type, active) LOOP
        INSERT INTO public.mail_activity_type (company_id, name, icon, delay_count, sequence, category, decoration_type, active, res_model)
        VALUES (company, embudo.localized(lang, spec.english, spec.spanish), spec.icon, spec.delay_count, spec.sequence,
                spec.category, spec.decoration_type, spec.active, NULL)
        RETURNING id INTO created;
        INSERT INTO public.ir_model_data (module, name, model, res_id, company_id) VALUES ('mail', spec.xmlid, 'mail.activity.type', created, company);
    END LOOP;
END
$$;
