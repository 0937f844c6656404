-- embudo.enter_tenant takes the request's language too (it was a set_config beside it in the same
-- statement), so that every setting of the context goes through embudo.set_local, as SET LOCAL
-- statements that Citus passes on to its workers (sql/modules/base/tenant_context.sql). The definition
-- creates the new signature; the old one goes.
DROP FUNCTION IF EXISTS embudo.enter_tenant(int, int[], int, text);
