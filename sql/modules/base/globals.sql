-- Tables shared by all companies (reference data, models, external ids, system parameters): the
-- service reads them, and embudo_report for the report views.

GRANT SELECT ON res_currency, res_country, res_country_state, res_lang, ir_model_data TO embudo_service, embudo_report;
GRANT SELECT ON res_partner_title TO embudo_service, embudo_report;
GRANT SELECT ON ir_model, ir_config_parameter TO embudo_service;

-- External ids of global records are visible to all; those of a company's default records (crm.stage_lead1…)
-- to that company only.
ALTER TABLE ir_model_data ENABLE ROW LEVEL SECURITY;
SELECT embudo.replace_global_policy('ir_model_data', 'visible', 'FOR SELECT '
    'USING (company_id IS NULL OR company_id = ANY ((SELECT embudo.company_ids())::int[]))');
