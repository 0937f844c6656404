-- Contacts and customers (res_partner), their tags (res_partner_category) and the tags of each contact:
-- records every member of a company shares.

SELECT embudo.enable_tenancy(t), embudo.enable_shared_record_policies(t)
FROM unnest('{res_partner, res_partner_category}'::regclass[]) t;

SELECT embudo.enable_tenancy('res_partner_res_partner_category_rel');
SELECT embudo.replace_policy('res_partner_res_partner_category_rel', 'member_all', 'TO embudo_service USING (true) WITH CHECK (true)');
SELECT embudo.replace_policy('res_partner_res_partner_category_rel', 'bi_read', 'FOR SELECT TO embudo_bi USING (true)');
