-- Tenant identity (issue 18): a home company and a signature per user, companies' invitations of
-- logins, and the one-time activation links of new logins. Their rules are in
-- sql/modules/base/invitations.sql and preferences.sql.

ALTER TABLE res_users ADD COLUMN company_id int, ADD COLUMN signature text;
UPDATE res_users u SET company_id = (SELECT min(m.company_id) FROM res_company_member m WHERE m.user_id = u.id);
-- The home company is one of the user's memberships; leaving it clears it (the first membership by id
-- serves until the user or the operator picks another).
ALTER TABLE res_users ADD CONSTRAINT res_users_home_membership
    FOREIGN KEY (company_id, id) REFERENCES res_company_member (company_id, user_id) ON DELETE SET NULL (company_id);

-- Mexican Spanish is the language of the guide Embudo's users follow.
UPDATE res_lang SET active = true WHERE code = 'es_MX';

CREATE TABLE res_users_invitation (
    company_id int NOT NULL REFERENCES res_company (id) ON DELETE CASCADE,
    -- Its own sequence: the id tells nothing of the identity invited, before or after the answer.
    id int GENERATED ALWAYS AS IDENTITY,
    login text NOT NULL CHECK (login = lower(btrim(login))),
    name text NOT NULL CHECK (btrim(name) <> ''),
    access_level embudo.access_level NOT NULL,
    state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'declined', 'cancelled')),
    -- The identity invited: never readable by the service (no column grant), so never by the inviting company.
    user_id int NOT NULL REFERENCES res_users (id) ON DELETE CASCADE,
    -- What the invitee reads before they belong to the company.
    company_name text NOT NULL,
    invited_by int REFERENCES res_users (id) ON DELETE SET NULL,
    invited_by_name text,
    expires_at timestamptz NOT NULL,
    answered_at timestamptz,
    create_date timestamptz NOT NULL DEFAULT now(),
    write_date timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (company_id, id)
);
CREATE UNIQUE INDEX res_users_invitation_id ON res_users_invitation (id);
CREATE UNIQUE INDEX res_users_invitation_pending ON res_users_invitation (company_id, user_id) WHERE state = 'pending';
CREATE INDEX res_users_invitation_invitee ON res_users_invitation (user_id) WHERE state = 'pending';
COMMENT ON TABLE res_users_invitation IS 'A company''s invitation of a login; the membership exists only once the invitee accepted.';
INSERT INTO ir_model (model, name) VALUES ('res.users.invitation', 'User Invitation');

-- One-time activation links of new logins. Only the owner's functions read it.
CREATE TABLE embudo.user_signup (
    token_hash bytea PRIMARY KEY,
    user_id int NOT NULL REFERENCES res_users (id) ON DELETE CASCADE,
    company_id int NOT NULL,
    invitation_id int NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    create_date timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (company_id, invitation_id) REFERENCES res_users_invitation (company_id, id) ON DELETE CASCADE
);
CREATE INDEX user_signup_user ON embudo.user_signup (user_id);

-- The old invitation (it reused an existing login silently and let the administrator set the password);
-- sql/modules/base/invitations.sql defines the new one.
DROP FUNCTION IF EXISTS embudo.invite_user(int, text, text, text, text, embudo.access_level);
