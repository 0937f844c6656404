-- No function takes or returns a table's row type any more (issue 24): on Citus a trigger on a shard,
-- and a query routed to one, hand a function the shard's row type (crm_lead_102008), which a parameter
-- of type crm_lead does not accept. The functions take `anyelement` instead (the definitions); their old
-- signatures go, since a call with a crm_lead row would still pick them over the polymorphic ones.
DROP FUNCTION IF EXISTS embudo.accept_invitation_row(public.res_users_invitation);
DROP FUNCTION IF EXISTS embudo.calendar_public_name(public.calendar_event, text);
DROP FUNCTION IF EXISTS embudo.calendar_when(public.calendar_event, text, text);
DROP FUNCTION IF EXISTS embudo.calendar_rrule(public.calendar_recurrence);
DROP FUNCTION IF EXISTS embudo.ical_vevent(public.calendar_event, int, timestamptz[], timestamptz, boolean);
DROP FUNCTION IF EXISTS embudo.crm_count_closing(public.crm_lead, int);
DROP FUNCTION IF EXISTS embudo.crm_lead_from_partner(public.crm_lead, boolean);
DROP FUNCTION IF EXISTS embudo.crm_matching_partner(public.crm_lead);
DROP FUNCTION IF EXISTS embudo.crm_create_customer(public.crm_lead, int);
DROP FUNCTION IF EXISTS embudo.portal_notify(public.sale_order, text, text);
DROP FUNCTION IF EXISTS embudo.sale_line_amounts(public.sale_order_line, numeric);
