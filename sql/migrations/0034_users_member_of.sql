-- Citus refuses a subquery in a policy, and res_users' policies (a member sees the users of the
-- companies they act in; a BI login the salespeople of its company) looked the memberships up. A user
-- now carries the companies they belong to, `member_of`, kept by the memberships' trigger
-- (embudo.access_changed, base/identity.sql), and the policies compare it (issue 24).
ALTER TABLE res_users ADD COLUMN member_of int[] NOT NULL DEFAULT '{}';
UPDATE res_users u SET member_of = ARRAY(SELECT m.company_id FROM res_company_member m WHERE m.user_id = u.id ORDER BY 1);
