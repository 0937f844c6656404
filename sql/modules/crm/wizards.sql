-- Wizards (Odoo's transient models: crm.lead.lost, crm.lead2opportunity.partner, res.config.settings…):
-- a client creates one (embudo.transient_record), then calls its action with the wizard's id. Each user
-- sees only their own; BI never.

SELECT embudo.enable_tenancy('embudo.transient_record');
REVOKE SELECT ON embudo.transient_record FROM embudo_report;
REVOKE UPDATE ON embudo.transient_record FROM embudo_service;
SELECT embudo.replace_policy('embudo.transient_record', 'own_wizards', 'TO embudo_service '
    'USING (create_uid = (SELECT embudo.current_user_id())) WITH CHECK (create_uid = (SELECT embudo.current_user_id()))');
ALTER TABLE embudo.transient_record ALTER COLUMN create_uid SET DEFAULT embudo.current_user_id();
