-- The quotation e-mail's link takes the customer's language (issue 21); sql/modules/sale/portal.sql
-- defines sale_mail_extra(int, text) again.
DROP FUNCTION IF EXISTS embudo.sale_mail_extra(int);
