-- Every unique index of a tenant table includes company_id (issue 20), so that the schema can be
-- distributed by company: the unique indexes on id alone go; a record is found by its primary key
-- (company_id, id), which row-level security's fence (company_id = ANY (…)) and the model layer's explicit
-- company predicate both give the planner (measured: an index scan on the primary key with both
-- conditions). Kept: mail_mail's, whose delivery worker settles messages of every company by id, outside
-- any fence.
DROP INDEX res_partner_id, res_partner_category_id, crm_team_id, crm_stage_id, crm_tag_id, crm_lost_reason_id, utm_campaign_id,
    utm_medium_id, utm_source_id, crm_lead_id, account_tax_id, account_payment_term_id, account_payment_term_line_id,
    product_category_id, product_product_id, product_pricelist_id, product_pricelist_item_id, sale_order_id, sale_order_line_id,
    sale_order_option_id, mail_activity_type_id, mail_activity_id, mail_message_id, mail_tracking_value_id, mail_followers_id,
    ir_attachment_id;
