-- Invitations (issue 18): logins are global identities, so no company administrator may set, learn or
-- reach the password of an identity that can reach another company.
--
-- A company administrator invites by e-mail address (the login). The invitation is a record of the
-- inviting company; the identity behind it stays invisible to that company until the invitee accepts.
-- A brand-new login gets a one-time activation link, sent to the address itself (random, stored as a
-- SHA-256, expiring, spent once), with which its owner sets their own password; an existing login gets
-- a notice and accepts or declines after logging in with their own credentials. Both look the same to
-- the inviting company: the same answer, an id drawn from the users' own id sequence (for a new login it
-- becomes the user's id once activated), the same "pending" record.

-- Not a tenant table: the invitee reads their invitations before they belong to the company. Enabled,
-- not forced: the SECURITY DEFINER functions below (its owner) read and change it whole; the service
-- only reads, and only what the policy shows.
ALTER TABLE res_users_invitation ENABLE ROW LEVEL SECURITY;
GRANT SELECT (company_id, id, login, name, access_level, state, company_name, invited_by, invited_by_name,
              expires_at, answered_at, create_date, write_date) ON res_users_invitation TO embudo_service;
-- The inviting company's administrators see its invitations; the invitee sees those still pending.
SELECT embudo.replace_global_policy('res_users_invitation', 'admins_and_invitee', 'FOR SELECT TO embudo_service '
    'USING (company_id = ANY ((SELECT embudo.company_ids(''admin''))::int[]) '
    '       OR (state = ''pending'' AND user_id = (SELECT embudo.current_user_id())))');

-- Queues the message of an invitation to the invitee's own address (the login): the activation link
-- for a login without a password, else a notice to accept or decline after logging in. In the
-- invitee's language (Spanish or English).
CREATE OR REPLACE FUNCTION embudo.invitation_mail(invitation int, token text) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    i public.res_users_invitation;
    invitee public.res_users;
    base text := rtrim(coalesce((SELECT p.value FROM public.ir_config_parameter p WHERE p.key = 'web.base.url'), ''), '/');
    sender text;
    spanish boolean;
    link text;
    subject text;
    body text;
BEGIN
    SELECT * INTO i FROM public.res_users_invitation x WHERE x.id = invitation;
    SELECT * INTO invitee FROM public.res_users u WHERE u.id = i.user_id;
    -- From the platform's own address (the operator's domain, `mail.system_from`), never from the inviting
    -- company's domain: bounces and auto-replies, which often quote the message and its link, go to the
    -- sender, and a company controls where its domain's mail goes.
    sender := coalesce(nullif((SELECT p.value FROM public.ir_config_parameter p WHERE p.key = 'mail.system_from'), ''), 'noreply@localhost');
    spanish := invitee.lang LIKE 'es%';
    IF token IS NOT NULL THEN
        link := base || '/web/signup?token=' || token;
        subject := CASE WHEN spanish THEN i.company_name || ' te invita a Embudo' ELSE i.company_name || ' invites you to Embudo' END;
        body := CASE WHEN spanish
            THEN '<p>Hola,</p><p>' || embudo.html_escape(coalesce(i.invited_by_name, i.company_name)) || ' te invita a unirte a '
                 || embudo.html_escape(i.company_name) || ' en Embudo.</p><p><a href="' || embudo.html_escape(link)
                 || '">Activa tu cuenta y elige tu contraseña</a> (el enlace vence el '
                 || to_char(i.expires_at AT TIME ZONE invitee.tz, 'DD/MM/YYYY') || ' y sirve una sola vez).</p>'
                 || '<p>Si no esperabas esta invitación, ignora este mensaje.</p>'
            ELSE '<p>Hello,</p><p>' || embudo.html_escape(coalesce(i.invited_by_name, i.company_name)) || ' invites you to join '
                 || embudo.html_escape(i.company_name) || ' on Embudo.</p><p><a href="' || embudo.html_escape(link)
                 || '">Activate your account and choose your password</a> (the link expires on '
                 || to_char(i.expires_at AT TIME ZONE invitee.tz, 'YYYY-MM-DD') || ' and works once).</p>'
                 || '<p>If you did not expect this invitation, ignore this message.</p>'
        END;
    ELSE
        link := base || '/web#invitations';
        subject := CASE WHEN spanish THEN 'Invitación a ' || i.company_name ELSE 'Invitation to ' || i.company_name END;
        body := CASE WHEN spanish
            THEN '<p>Hola,</p><p>' || embudo.html_escape(coalesce(i.invited_by_name, i.company_name)) || ' te invita a unirte a '
                 || embudo.html_escape(i.company_name) || ' en Embudo.</p><p><a href="' || embudo.html_escape(link)
                 || '">Inicia sesión con tu cuenta</a> para aceptar o rechazar la invitación.</p>'
            ELSE '<p>Hello,</p><p>' || embudo.html_escape(coalesce(i.invited_by_name, i.company_name)) || ' invites you to join '
                 || embudo.html_escape(i.company_name) || ' on Embudo.</p><p><a href="' || embudo.html_escape(link)
                 || '">Log in with your account</a> to accept or decline the invitation.</p>'
        END;
    END IF;
    INSERT INTO public.mail_mail (company_id, email_from, email_to, subject, body_html, model, res_id, create_uid, write_uid)
    VALUES (i.company_id, embudo.mail_format_address('Embudo', sender), invitee.login, subject, body, 'res.users', invitee.id, NULL, NULL);
END
$$;

-- A company administrator invites a login (an e-mail address) into the company at an access level.
-- Returns the invitation's id. Never creates a membership: the invitee accepts (existing login) or
-- activates their account (new login). Whether the login exists elsewhere changes nothing the inviting
-- company can see.
CREATE OR REPLACE FUNCTION embudo.invite_user(company int, user_login text, user_name text, level embudo.access_level) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    me int := embudo.current_user_id();
    address text := embudo.login_address(user_login);
    target int;
    existing int;
    invitation int;
    inviter public.res_users;
    company_label text;
    token text;
BEGIN
    IF NOT embudo.acting_admin_of(company) THEN
        PERFORM embudo.refuse('access', 'Only administrators of the company may invite users.');
    END IF;
    IF address IS NULL THEN
        PERFORM embudo.refuse('validation', 'Invite users by their e-mail address: it is their login.');
    END IF;
    IF level IS NULL THEN
        PERFORM embudo.refuse('validation', 'Invited users need an access level.');
    END IF;
    SELECT * INTO inviter FROM public.res_users u WHERE u.id = me;
    SELECT u.id INTO target FROM public.res_users u WHERE lower(u.login) = address;
    IF target IS NOT NULL AND EXISTS (SELECT 1 FROM public.res_company_member m WHERE m.company_id = company AND m.user_id = target) THEN
        PERFORM embudo.refuse('validation', 'This user is already a member of the company.');
    END IF;
    user_name := coalesce(nullif(btrim(user_name), ''), address);

    SELECT x.id INTO existing FROM public.res_users_invitation x
    WHERE x.company_id = company AND x.login = address AND x.state = 'pending'
    FOR UPDATE;
    IF existing IS NOT NULL THEN
        -- Inviting again renews the invitation and sends it again.
        UPDATE public.res_users_invitation SET name = user_name, access_level = level, invited_by = me,
            invited_by_name = inviter.name, expires_at = now() + interval '14 days', write_date = now()
        WHERE id = existing;
        invitation := existing;
    ELSE
        IF (SELECT count(*) FROM public.res_users_invitation x WHERE x.company_id = company AND x.state = 'pending'
                                                                   AND x.expires_at > now()) >= 500 THEN
            PERFORM embudo.refuse('user', 'This company has 500 pending invitations: withdraw some, or wait for answers, before inviting more.');
        END IF;
        IF target IS NULL THEN
            -- A new identity, without a password until its owner activates it, named after its address
            -- until then (the name the company typed is the invitation's); it takes the inviter's language
            -- (for the activation page) and time zone. Another company inviting the same new address at
            -- the same moment made it first: then it is an existing login, and no error tells anyone so.
            INSERT INTO public.res_users (login, name, email, lang, tz)
            VALUES (address, address, address, coalesce(inviter.lang, 'en_US'), coalesce(inviter.tz, 'UTC'))
            ON CONFLICT ((lower(login))) DO NOTHING
            RETURNING id INTO target;
            IF target IS NULL THEN
                SELECT u.id INTO target FROM public.res_users u WHERE lower(u.login) = address;
            END IF;
        END IF;
        -- (The company's name is looked up first: Citus refuses a subquery inside INSERT … VALUES.)
        SELECT c.name INTO company_label FROM public.res_company c WHERE c.id = company;
        INSERT INTO public.res_users_invitation (company_id, login, name, access_level, user_id, company_name, invited_by, invited_by_name, expires_at)
        VALUES (company, address, user_name, level, target, company_label, me, inviter.name, now() + interval '14 days')
        RETURNING id INTO invitation;
    END IF;

    -- Whoever set no password yet proves the address by the link; the others log in to answer.
    IF (SELECT u.password_hash IS NULL FROM public.res_users u WHERE u.id = target) THEN
        DELETE FROM embudo.user_signup s WHERE s.invitation_id = invitation AND s.company_id = company;
        token := encode(embudo_crypto.gen_random_bytes(24), 'hex');
        INSERT INTO embudo.user_signup (token_hash, user_id, company_id, invitation_id, expires_at)
        VALUES (sha256(convert_to(token, 'UTF8')), target, company, invitation, now() + interval '7 days');
    END IF;
    PERFORM embudo.invitation_mail(invitation, token);
    RETURN invitation;
END
$$;

-- Accepting an invitation: the membership at the invited level; the home company if the user had none.
CREATE OR REPLACE FUNCTION embudo.accept_invitation_row(i anyelement) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM public.res_company_member m WHERE m.company_id = i.company_id AND m.user_id = i.user_id) THEN
        PERFORM embudo.grant_member(i.company_id, i.user_id, i.access_level);
    END IF;
    UPDATE public.res_users SET company_id = i.company_id, write_date = now() WHERE id = i.user_id AND company_id IS NULL;
    UPDATE public.res_users_invitation SET state = 'accepted', answered_at = now(), write_date = now() WHERE id = i.id;
    DELETE FROM embudo.user_signup s WHERE s.invitation_id = i.id AND s.company_id = i.company_id;
END
$$;

-- The invitee answers a pending invitation, logged in with their own credentials.
CREATE OR REPLACE FUNCTION embudo.answer_invitation(invitation int, accept boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    i public.res_users_invitation;
BEGIN
    SELECT * INTO i FROM public.res_users_invitation x
    WHERE x.id = invitation AND x.user_id = embudo.current_user_id() AND x.state = 'pending'
    FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('missing', 'This invitation does not exist or was already answered.');
    END IF;
    IF i.expires_at < now() THEN
        PERFORM embudo.refuse('user', 'This invitation has expired: ask the company to invite you again.');
    END IF;
    IF accept THEN
        PERFORM embudo.accept_invitation_row(i);
    ELSE
        UPDATE public.res_users_invitation SET state = 'declined', answered_at = now(), write_date = now() WHERE id = i.id;
        DELETE FROM embudo.user_signup s WHERE s.invitation_id = i.id AND s.company_id = i.company_id;
    END IF;
END
$$;

-- An administrator of the inviting company withdraws a pending invitation (its link stops working).
CREATE OR REPLACE FUNCTION embudo.cancel_invitation(invitation int) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    company int := (SELECT x.company_id FROM public.res_users_invitation x WHERE x.id = invitation);
BEGIN
    IF company IS NULL OR NOT embudo.acting_admin_of(company) THEN
        PERFORM embudo.refuse('missing', 'This invitation does not exist.');
    END IF;
    UPDATE public.res_users_invitation SET state = 'cancelled', answered_at = now(), write_date = now()
    WHERE id = invitation AND state = 'pending';
    DELETE FROM embudo.user_signup s WHERE s.invitation_id = invitation AND s.company_id = company;
END
$$;

-- What the activation page shows for a live token: the login, the name the inviting company typed (the
-- owner may change it there) and that company; no row for an unknown, used or expired token.
CREATE OR REPLACE FUNCTION embudo.signup_info(token text)
RETURNS TABLE (login text, name text, company_name text, lang text)
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
    SELECT u.login, i.name, i.company_name, u.lang
    FROM embudo.user_signup s
    JOIN public.res_users u ON u.id = s.user_id AND u.active
    JOIN public.res_users_invitation i ON i.company_id = s.company_id AND i.id = s.invitation_id AND i.state = 'pending'
    WHERE s.token_hash = sha256(convert_to(token, 'UTF8')) AND s.used_at IS NULL AND s.expires_at > now()
$$;

-- Activates an account from its link: sets the password the owner chose (and their name), accepts the
-- invitation, spends the token and every other activation link of the login. Returns the login, or
-- NULL for a token that is unknown, used or expired.
CREATE OR REPLACE FUNCTION embudo.signup_complete(token text, password text, user_name text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    s embudo.user_signup;
    i public.res_users_invitation;
    address text;
BEGIN
    SELECT * INTO s FROM embudo.user_signup x
    WHERE x.token_hash = sha256(convert_to(token, 'UTF8')) AND x.used_at IS NULL AND x.expires_at > now()
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    SELECT * INTO i FROM public.res_users_invitation x WHERE x.company_id = s.company_id AND x.id = s.invitation_id AND x.state = 'pending';
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF password IS NULL OR length(password) < 8 THEN
        PERFORM embudo.refuse('validation', 'The password must have at least 8 characters.');
    END IF;
    UPDATE public.res_users
    SET password_hash = embudo_crypto.crypt(password, embudo_crypto.gen_salt('bf', 10)),
        name = coalesce(nullif(btrim(user_name), ''), name), write_date = now()
    WHERE id = s.user_id AND active
    RETURNING login INTO address;
    IF address IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM embudo.accept_invitation_row(i);
    -- Other companies' links are spent too: from now on the owner logs in and answers their invitations.
    UPDATE embudo.user_signup SET used_at = now() WHERE user_id = s.user_id AND used_at IS NULL;
    RETURN address;
END
$$;

REVOKE EXECUTE ON FUNCTION embudo.invitation_mail(int, text), embudo.accept_invitation_row(anyelement) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION embudo.invite_user(int, text, text, embudo.access_level), embudo.answer_invitation(int, boolean),
    embudo.cancel_invitation(int), embudo.signup_info(text), embudo.signup_complete(text, text, text) TO embudo_service;
