-- The stamp is checked by embudo.enter_tenant itself (credential_stamp), so tenant_grants' stamp went
-- unused: its memberships query is member_grants' own now (base/tenant_context.sql).
DROP FUNCTION IF EXISTS embudo.tenant_grants(int, int[], text);
