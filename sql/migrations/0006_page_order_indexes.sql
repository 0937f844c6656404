-- Lists and searches that cost what the page costs: for each large tenant table, an index that leads
-- with company_id and continues with the model's default order, so that a page of a list (the model
-- layer names the request's companies explicitly beside the row-level security fence) walks the index
-- in order and stops after the page instead of sorting the whole company.

-- crm.lead: "priority desc, id desc", active records (archived ones are listed only on request).
CREATE INDEX crm_lead_default_order ON crm_lead (company_id, priority DESC, id DESC) WHERE active;

-- res.partner: "name, id" (the customer list and the customer search of every many2one).
DROP INDEX res_partner_name;
CREATE INDEX res_partner_name ON res_partner (company_id, name, id);

-- sale.order: "date_order desc, id desc" (a backward scan).
DROP INDEX sale_order_date;
CREATE INDEX sale_order_date ON sale_order (company_id, date_order, id);

-- mail.activity: "date_deadline asc, id", pending activities (My Activities, the activity report).
CREATE INDEX mail_activity_default_order ON mail_activity (company_id, date_deadline, id) WHERE active;
