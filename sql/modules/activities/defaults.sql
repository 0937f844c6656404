-- Default activity types of every company (reference §1.10), with per-company external ids: Email,
-- Call, Meeting, To Do, Upload Document, Exception. (The sale module adds Order Upsell.)

-- Seeds a new company (trigger seed_30_activities: after the CRM's, before the sale module's).
CREATE OR REPLACE FUNCTION embudo.activities_seed_company() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    company int := NEW.id;
BEGIN
    WITH types AS (
        INSERT INTO public.mail_activity_type (company_id, name, icon, delay_count, sequence, category, decoration_type, active, res_model)
        VALUES (company, 'Email', 'fa-envelope', 0, 3, 'default', NULL, true, NULL),
               (company, 'Call', 'fa-phone', 2, 6, 'default', NULL, true, NULL),
               (company, 'Meeting', 'fa-users', 0, 9, 'meeting', NULL, true, NULL),
               (company, 'To Do', 'fa-tasks', 5, 12, 'default', NULL, true, NULL),
               (company, 'Upload Document', 'fa-upload', 5, 25, 'upload_file', NULL, true, NULL),
               (company, 'Exception', 'fa-warning', 0, 99, 'default', 'warning', false, NULL)
        RETURNING id, name
    )
    INSERT INTO public.ir_model_data (module, name, model, res_id, company_id)
    SELECT 'mail',
           CASE t.name WHEN 'Email' THEN 'mail_activity_data_email' WHEN 'Call' THEN 'mail_activity_data_call'
                       WHEN 'Meeting' THEN 'mail_activity_data_meeting' WHEN 'To Do' THEN 'mail_activity_data_todo'
                       WHEN 'Upload Document' THEN 'mail_activity_data_upload_document'
                       ELSE 'mail_activity_data_warning' END,
           'mail.activity.type', t.id, company
    FROM types t;
    RETURN NULL;
END
$$;
CREATE OR REPLACE TRIGGER seed_30_activities AFTER INSERT ON res_company FOR EACH ROW EXECUTE FUNCTION embudo.activities_seed_company();
