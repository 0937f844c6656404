-- The version of a user's credentials and access (issue 20): a counter that the triggers of
-- sql/modules/base/identity.sql raise whenever what cached credentials depend on changes (password,
-- active flag, home company, name, language, time zone, API keys, memberships, a company disabled), so
-- that the check of cached credentials at the start of every call reads one integer instead of hashing
-- the password hash, every API key and every membership.
ALTER TABLE res_users ADD COLUMN credential_version bigint NOT NULL DEFAULT 1;
