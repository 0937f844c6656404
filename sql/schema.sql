-- Embudo's schema, as a freshly migrated database has it: `pg_dump --schema-only`, normalised
-- (Sources/EmbudoTestSupport/SchemaDump.swift). Written by scripts/schema-dump; the test
-- SchemaTests fails when a fresh migration differs from it. Do not edit: change sql/migrations or
-- sql/modules, run scripts/schema-dump, and review this file's diff with the change.
--
-- PostgreSQL database dump
--


--
-- Name: embudo; Type: SCHEMA; Schema: -; Owner: embudo_owner
--

CREATE SCHEMA embudo;


ALTER SCHEMA embudo OWNER TO embudo_owner;

--
-- Name: embudo_crypto; Type: SCHEMA; Schema: -; Owner: embudo_owner
--

CREATE SCHEMA embudo_crypto;


ALTER SCHEMA embudo_crypto OWNER TO embudo_owner;

--
-- Name: embudo_text; Type: SCHEMA; Schema: -; Owner: embudo_owner
--

CREATE SCHEMA embudo_text;


ALTER SCHEMA embudo_text OWNER TO embudo_owner;

--
-- Name: public; Type: SCHEMA; Schema: -; Owner: embudo_owner
--

-- *not* creating schema, since initdb creates it


ALTER SCHEMA public OWNER TO embudo_owner;

--
-- Name: report; Type: SCHEMA; Schema: -; Owner: embudo_owner
--

CREATE SCHEMA report;


ALTER SCHEMA report OWNER TO embudo_owner;

--
-- Name: SCHEMA report; Type: COMMENT; Schema: -; Owner: embudo_owner
--

COMMENT ON SCHEMA report IS 'Pipeline, forecast, revenue, leads, activity, team and sales reports for BI tools: every company sees its own rows.';


--
-- Name: report_source; Type: SCHEMA; Schema: -; Owner: embudo_report
--

CREATE SCHEMA report_source;


ALTER SCHEMA report_source OWNER TO embudo_report;

--
-- Name: SCHEMA report_source; Type: COMMENT; Schema: -; Owner: embudo_report
--

COMMENT ON SCHEMA report_source IS 'The sources of the report views (not for direct use).';


--
-- Name: btree_gin; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA embudo_text;


--
-- Name: EXTENSION btree_gin; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION btree_gin IS 'support for indexing common datatypes in GIN';


--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA embudo_text;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: pgcrypto; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA embudo_crypto;


--
-- Name: EXTENSION pgcrypto; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pgcrypto IS 'cryptographic functions';


--
-- Name: access_level; Type: TYPE; Schema: embudo; Owner: embudo_owner
--

CREATE TYPE embudo.access_level AS ENUM (
    'own',
    'all',
    'admin'
);


ALTER TYPE embudo.access_level OWNER TO embudo_owner;

--
-- Name: accept_invitation_row(anyelement); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.accept_invitation_row(i anyelement) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
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


ALTER FUNCTION embudo.accept_invitation_row(i anyelement) OWNER TO embudo_owner;

--
-- Name: acting_admin_of(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.acting_admin_of(company integer) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT company = ANY (embudo.member_company_ids(
        nullif(current_setting('embudo.user_id', true), '')::int,
        string_to_array(nullif(current_setting('embudo.company_ids', true), ''), ',')::int[],
        'admin'))
$$;


ALTER FUNCTION embudo.acting_admin_of(company integer) OWNER TO embudo_owner;

--
-- Name: activity_deadline(integer, integer, date); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.activity_deadline(company integer, activity_type integer, base date) RETURNS date
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
    RETURN coalesce((SELECT (activity_deadline.base + t.delay_count * CASE t.delay_unit WHEN 'weeks' THEN interval '1 week'
                                                                                       WHEN 'months' THEN interval '1 month'
                                                                                       ELSE interval '1 day' END)::date
                     FROM public.mail_activity_type t
                     WHERE t.company_id = activity_deadline.company AND t.id = activity_deadline.activity_type),
                    activity_deadline.base);
END
$$;


ALTER FUNCTION embudo.activity_deadline(company integer, activity_type integer, base date) OWNER TO embudo_owner;

--
-- Name: activity_done(integer[], text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.activity_done(ids integer[], feedback text) RETURNS integer[]
    LANGUAGE plpgsql
    AS $$
DECLARE
    activity public.mail_activity;
    kind public.mail_activity_type;
    message int;
    messages int[] := '{}';
    me int := embudo.current_user_id();
    lang text := coalesce((SELECT u.lang FROM public.res_users u WHERE u.id = embudo.current_user_id()), 'en_US');
    body text;
BEGIN
    IF (SELECT count(*) FROM public.mail_activity a WHERE a.id = ANY (ids) AND a.active) < cardinality(ARRAY(SELECT DISTINCT unnest(ids))) THEN
        PERFORM embudo.refuse('user', 'Some of these activities do not exist, are already done, or you cannot see them.');
    END IF;
    FOR activity IN SELECT * FROM public.mail_activity a WHERE a.id = ANY (ids) ORDER BY a.id LOOP
        SELECT * INTO kind FROM public.mail_activity_type t WHERE t.company_id = activity.company_id AND t.id = activity.activity_type_id;
        -- In the language of the user who marks it done.
        body := concat_ws(E'\n',
            coalesce(kind.name, embudo.localized(lang, 'Activity', 'Actividad')) || embudo.localized(lang, ' done', ' completada')
                || coalesce(': ' || nullif(activity.summary, ''), ''),
            CASE WHEN activity.user_id IS DISTINCT FROM me
                 THEN embudo.localized(lang, 'Assigned to ', 'Asignada a ') || (SELECT u.name FROM public.res_users u WHERE u.id = activity.user_id) END,
            embudo.localized(lang, 'Feedback: ', 'Comentarios: ') || nullif(feedback, ''),
            nullif(activity.note, ''));
        INSERT INTO public.mail_message (company_id, model, res_id, body, author_id, message_type, subtype_id, mail_activity_type_id, create_uid, write_uid)
        VALUES (activity.company_id, activity.res_model, activity.res_id, body, me, 'notification', embudo.subtype('mail.mt_activities'),
                activity.activity_type_id, me, me)
        RETURNING id INTO message;
        messages := messages || message;
        IF kind.force_next AND kind.default_next_type_id IS NOT NULL THEN
            INSERT INTO public.mail_activity (company_id, res_model, res_id, activity_type_id, user_id, date_deadline,
                                              previous_activity_type_id, create_uid, write_uid)
            SELECT activity.company_id, activity.res_model, activity.res_id, kind.default_next_type_id, activity.user_id,
                   embudo.activity_deadline(activity.company_id, kind.default_next_type_id,
                       CASE WHEN n.delay_from = 'previous_activity' THEN activity.date_deadline ELSE embudo.user_today(me) END),
                   activity.activity_type_id, me, me
            FROM public.mail_activity_type n WHERE n.company_id = activity.company_id AND n.id = kind.default_next_type_id;
        END IF;
        UPDATE public.mail_activity a SET active = false, date_done = embudo.user_today(me), feedback = activity_done.feedback,
                                          write_date = now(), write_uid = me
        WHERE a.id = activity.id;
    END LOOP;
    RETURN messages;
END
$$;


ALTER FUNCTION embudo.activity_done(ids integer[], feedback text) OWNER TO embudo_owner;

--
-- Name: activity_schedule(text, integer[], text, date, text, text, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.activity_schedule(model text, ids integer[], type_xmlid text, deadline date, summary text, note text, assignee integer) RETURNS integer[]
    LANGUAGE plpgsql
    AS $$
DECLARE
    created int[];
    kind int;
BEGIN
    IF type_xmlid IS NOT NULL AND type_xmlid <> '' THEN
        SELECT d.res_id INTO kind FROM public.ir_model_data d
        WHERE d.model = 'mail.activity.type' AND d.module = split_part(type_xmlid, '.', 1) AND d.name = split_part(type_xmlid, '.', 2)
          AND d.company_id = ANY (embudo.company_ids())
        ORDER BY array_position(embudo.company_ids(), d.company_id) LIMIT 1;
        IF kind IS NULL THEN
            PERFORM embudo.refuse('validation', format('Unknown activity type %s.', type_xmlid));
        END IF;
    END IF;
    IF model NOT IN ('crm.lead', 'sale.order') THEN
        PERFORM embudo.refuse('validation', 'Activities can be scheduled on leads, opportunities and quotations only.');
    END IF;
    WITH documents AS (
        SELECT l.company_id, l.id FROM public.crm_lead l WHERE model = 'crm.lead' AND l.id = ANY (ids)
        UNION ALL SELECT o.company_id, o.id FROM public.sale_order o WHERE model = 'sale.order' AND o.id = ANY (ids)
    ), inserted AS (
        INSERT INTO public.mail_activity (company_id, res_model, res_id, activity_type_id, date_deadline, summary, note, user_id,
                                          automated, create_uid, write_uid)
        SELECT d.company_id, model, d.id, kind, deadline, summary, note, assignee, true, embudo.current_user_id(), embudo.current_user_id()
        FROM documents d
        RETURNING id
    )
    SELECT array_agg(id ORDER BY id) INTO created FROM inserted;
    IF coalesce(cardinality(created), 0) < cardinality(ARRAY(SELECT DISTINCT unnest(ids))) THEN
        PERFORM embudo.refuse('user', 'Some of these documents do not exist or you cannot see them.');
    END IF;
    RETURN created;
END
$$;


ALTER FUNCTION embudo.activity_schedule(model text, ids integer[], type_xmlid text, deadline date, summary text, note text, assignee integer) OWNER TO embudo_owner;

--
-- Name: activity_state(date, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.activity_state(deadline date, assignee integer) RETURNS text
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
    RETURN embudo.activity_state_at(activity_state.deadline,
        coalesce((SELECT u.tz FROM public.res_users u WHERE u.id = activity_state.assignee), 'UTC'), now());
END
$$;


ALTER FUNCTION embudo.activity_state(deadline date, assignee integer) OWNER TO embudo_owner;

--
-- Name: activity_state_at(date, text, timestamp with time zone); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.activity_state_at(deadline date, tz text, at timestamp with time zone) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT CASE WHEN deadline < (at AT TIME ZONE tz)::date THEN 'overdue'
                WHEN deadline = (at AT TIME ZONE tz)::date THEN 'today'
                ELSE 'planned' END
$$;


ALTER FUNCTION embudo.activity_state_at(deadline date, tz text, at timestamp with time zone) OWNER TO embudo_owner;

--
-- Name: answer_invitation(integer, boolean); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.answer_invitation(invitation integer, accept boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
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


ALTER FUNCTION embudo.answer_invitation(invitation integer, accept boolean) OWNER TO embudo_owner;

--
-- Name: assign_alias_domain(integer, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.assign_alias_domain(company integer, assigned text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    chosen text := nullif(rtrim(lower(btrim(assigned)), '.'), '');
BEGIN
    IF chosen IS NOT NULL AND NOT embudo.valid_mail_domain(chosen) THEN
        PERFORM embudo.refuse('validation', format('%s is not a domain name.', assigned));
    END IF;
    IF chosen IS NOT NULL AND EXISTS (SELECT 1 FROM public.res_company c WHERE c.alias_domain = chosen AND c.id <> company) THEN
        RAISE EXCEPTION 'another company holds the mail domain %', chosen USING ERRCODE = 'unique_violation';
    END IF;
    UPDATE public.res_company c SET alias_domain = chosen, write_date = now() WHERE c.id = company;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no company %', company USING ERRCODE = 'no_data_found';
    END IF;
    DELETE FROM embudo.mail_route r WHERE r.company_id = company;
    IF chosen IS NOT NULL THEN
        INSERT INTO embudo.mail_route (domain, company_id) VALUES (chosen, company);
        DELETE FROM embudo.alias_domain_request r WHERE r.company_id = company AND r.domain = chosen;
    END IF;
END
$$;


ALTER FUNCTION embudo.assign_alias_domain(company integer, assigned text) OWNER TO embudo_owner;

--
-- Name: authenticate(text, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.authenticate(user_login text, password text) RETURNS TABLE(id integer, login text, name text, tz text, lang text, company_ids integer[], access_levels text[])
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    RETURN QUERY SELECT * FROM embudo.throttled_login(
        embudo.login_account(user_login),
        (SELECT u.id FROM public.res_users u WHERE lower(u.login) = lower(user_login)),
        password);
END
$$;


ALTER FUNCTION embudo.authenticate(user_login text, password text) OWNER TO embudo_owner;

--
-- Name: authenticate_id(integer, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.authenticate_id(user_id integer, password text) RETURNS TABLE(id integer, login text, name text, tz text, lang text, company_ids integer[], access_levels text[])
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    RETURN QUERY SELECT * FROM embudo.throttled_login('uid:' || user_id, user_id, password);
END
$$;


ALTER FUNCTION embudo.authenticate_id(user_id integer, password text) OWNER TO embudo_owner;

--
-- Name: authenticate_key(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.authenticate_key(api_key text) RETURNS TABLE(id integer, login text, name text, tz text, lang text, company_ids integer[], access_levels text[])
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT i.*
    FROM embudo.user_api_key k, embudo.identity(k.user_id) i
    WHERE k.key_hash = sha256(convert_to(api_key, 'UTF8'))
$$;


ALTER FUNCTION embudo.authenticate_key(api_key text) OWNER TO embudo_owner;

--
-- Name: begin_owner_writes(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.begin_owner_writes() RETURNS text
    LANGUAGE plpgsql
    AS $$
DECLARE
    previous constant text := coalesce(current_setting('embudo.owner_writes', true), '');
BEGIN
    PERFORM embudo.set_local('embudo.owner_writes', 'on');
    RETURN previous;
END
$$;


ALTER FUNCTION embudo.begin_owner_writes() OWNER TO embudo_owner;

--
-- Name: bi_watchdog(interval); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.bi_watchdog(longest interval) RETURNS TABLE(pid integer, login text, reason text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    session record;
    moment timestamptz := clock_timestamp();
BEGIN
    FOR session IN
        SELECT a.pid AS backend, a.usename::text AS who, CASE
            WHEN a.backend_xid IS NOT NULL THEN 'wrote'
            -- A BI login has no use for advisory locks; holding the migrator's would stop every start.
            WHEN EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'advisory') THEN 'advisory lock'
            WHEN a.state LIKE 'idle in transaction%' AND a.state_change < moment - longest THEN 'idle in transaction'
            WHEN a.state = 'active' AND EXISTS (SELECT 1 FROM pg_stat_activity w WHERE w.leader_pid = a.pid AND w.pid <> a.pid)
                THEN 'parallel workers'
            WHEN a.state = 'active' AND a.query_start < moment - longest THEN 'statement timeout'
        END AS why
        FROM pg_stat_activity a
        WHERE a.datname = current_database() AND a.backend_type = 'client backend'
          AND a.usesysid IN (SELECT am.member FROM pg_auth_members am JOIN pg_roles g ON g.oid = am.roleid
                             JOIN embudo.company_bi_role b ON b.role_name = g.rolname
                             JOIN pg_roles r ON r.oid = am.member
                             WHERE NOT r.rolsuper)
    LOOP
        CONTINUE WHEN session.why IS NULL;
        IF session.why IN ('wrote', 'idle in transaction', 'advisory lock') THEN
            PERFORM pg_terminate_backend(session.backend);
        ELSE
            PERFORM pg_cancel_backend(session.backend);
        END IF;
        pid := session.backend;
        login := session.who;
        reason := session.why;
        RETURN NEXT;
    END LOOP;
END
$$;


ALTER FUNCTION embudo.bi_watchdog(longest interval) OWNER TO embudo_owner;

--
-- Name: calendar_activity_meeting(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_activity_meeting() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    event int;
    customer int;
BEGIN
    IF NEW.calendar_event_id IS NOT NULL OR NEW.automated
       OR NOT EXISTS (SELECT 1 FROM public.mail_activity_type t
                      WHERE t.company_id = NEW.company_id AND t.id = NEW.activity_type_id AND t.category = 'meeting') THEN
        RETURN NULL;
    END IF;
    PERFORM embudo.set_local('embudo.calendar_from_activity', 'on');
    INSERT INTO public.calendar_event (company_id, name, start, stop, allday, start_date, stop_date, user_id, res_model, res_id, description)
    VALUES (NEW.company_id, coalesce(nullif(NEW.summary, ''), NEW.res_name, 'Meeting'), NEW.date_deadline::timestamp AT TIME ZONE 'UTC',
            NEW.date_deadline::timestamp AT TIME ZONE 'UTC', true, NEW.date_deadline, NEW.date_deadline, NEW.user_id,
            NEW.res_model, NEW.res_id, NEW.note)
    RETURNING id INTO event;
    PERFORM embudo.set_local('embudo.calendar_from_activity', '');
    customer := CASE NEW.res_model WHEN 'crm.lead' THEN (SELECT l.partner_id FROM public.crm_lead l WHERE l.company_id = NEW.company_id AND l.id = NEW.res_id)
                                   ELSE (SELECT o.partner_id FROM public.sale_order o WHERE o.company_id = NEW.company_id AND o.id = NEW.res_id) END;
    IF customer IS NOT NULL THEN
        INSERT INTO public.calendar_event_res_partner_rel (company_id, calendar_event_id, res_partner_id) VALUES (NEW.company_id, event, customer);
    END IF;
    UPDATE public.mail_activity a SET calendar_event_id = event WHERE a.company_id = NEW.company_id AND a.id = NEW.id;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.calendar_activity_meeting() OWNER TO embudo_owner;

--
-- Name: calendar_address(integer, integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_address(company integer, partner integer, member integer, OUT name text, OUT email text) RETURNS record
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
    IF partner IS NOT NULL THEN
        SELECT p.name, embudo.normalize_email(p.email) INTO name, email
        FROM public.res_partner p WHERE p.company_id = company AND p.id = partner;
    ELSE
        SELECT u.name, embudo.normalize_email(u.email) INTO name, email
        FROM public.res_users u WHERE u.id = member;
    END IF;
END
$$;


ALTER FUNCTION embudo.calendar_address(company integer, partner integer, member integer, OUT name text, OUT email text) OWNER TO embudo_owner;

--
-- Name: calendar_answer(integer[], text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_answer(ids integer[], answer text) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    changed int;
    me int := embudo.current_user_id();
BEGIN
    IF answer NOT IN ('accepted', 'declined', 'tentative', 'needsAction') THEN
        PERFORM embudo.refuse('validation', 'An answer is accepted, declined, tentative or needsAction.');
    END IF;
    IF (SELECT count(*) FROM public.calendar_attendee a WHERE a.id = ANY (ids)) < cardinality(ARRAY(SELECT DISTINCT unnest(ids))) THEN
        PERFORM embudo.refuse('user', 'Some of these attendees do not exist or you cannot see them.');
    END IF;
    IF EXISTS (SELECT 1 FROM public.calendar_attendee a JOIN public.calendar_event e ON e.company_id = a.company_id AND e.id = a.event_id
               WHERE a.id = ANY (ids) AND a.user_id IS DISTINCT FROM me AND e.user_id IS DISTINCT FROM me) THEN
        PERFORM embudo.refuse('access', 'You can answer for yourself, or for the attendees of meetings you organize.');
    END IF;
    UPDATE public.calendar_attendee a SET state = answer WHERE a.id = ANY (ids) AND a.state <> answer;
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN changed;
END
$$;


ALTER FUNCTION embudo.calendar_answer(ids integer[], answer text) OWNER TO embudo_owner;

--
-- Name: calendar_attendance_changed(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_attendance_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM embudo.calendar_refresh(NEW.company_id, ARRAY[NEW.calendar_event_id]);
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM embudo.calendar_refresh(OLD.company_id, ARRAY[OLD.calendar_event_id]);
    END IF;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.calendar_attendance_changed() OWNER TO embudo_owner;

--
-- Name: calendar_attendee_answered(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_attendee_answered() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    e public.calendar_event;
    who record;
    organizer record;
    lang text;
    verb text;
    key text;
BEGIN
    IF NEW.state = OLD.state OR NEW.state = 'needsAction' THEN
        RETURN NULL;
    END IF;
    SELECT * INTO e FROM public.calendar_event x WHERE x.company_id = NEW.company_id AND x.id = NEW.event_id;
    IF NEW.user_id IS NOT DISTINCT FROM e.user_id AND NEW.partner_id IS NULL THEN
        RETURN NULL;
    END IF;
    -- Once per person, series and answer in a transaction.
    key := e.ical_uid || '/' || coalesce(NEW.partner_id::text, 'u' || NEW.user_id) || '/' || NEW.state || ';';
    IF position(key IN coalesce(current_setting('embudo.calendar_answered', true), '')) > 0 THEN
        RETURN NULL;
    END IF;
    PERFORM embudo.set_local('embudo.calendar_answered', coalesce(current_setting('embudo.calendar_answered', true), '') || key);
    SELECT * INTO who FROM embudo.calendar_address(NEW.company_id, NEW.partner_id, NEW.user_id);
    SELECT u.name, embudo.normalize_email(u.email) AS email, u.lang, u.tz INTO organizer FROM public.res_users u WHERE u.id = e.user_id;
    lang := coalesce(organizer.lang, 'en_US');
    verb := CASE NEW.state WHEN 'accepted' THEN embudo.localized(lang, ' accepted ', ' aceptó ')
                           WHEN 'declined' THEN embudo.localized(lang, ' declined ', ' rechazó ')
                           ELSE embudo.localized(lang, ' may attend ', ' tal vez asista a ') END;
    IF e.opportunity_id IS NOT NULL THEN
        INSERT INTO public.mail_message (company_id, model, res_id, body, author_id, message_type, subtype_id, create_uid, write_uid)
        VALUES (e.company_id, 'crm.lead', e.opportunity_id, embudo.html_escape(who.name || verb || '"' || embudo.calendar_public_name(e, lang) || '"'),
                embudo.current_user_id(), 'notification', embudo.subtype('mail.mt_note'), embudo.current_user_id(), embudo.current_user_id());
    END IF;
    -- (A contact's answer from the link acts as the user who invited them: often the organizer.)
    IF organizer.email IS NOT NULL AND (e.user_id IS DISTINCT FROM embudo.current_user_id()
                                        OR current_setting('embudo.calendar_contact_answer', true) = 'on') THEN
        PERFORM embudo.set_local('embudo.mail_on_behalf', 'on');
        INSERT INTO public.mail_mail (company_id, email_from, email_to, subject, body_html, model, res_id, create_uid, write_uid)
        VALUES (e.company_id, embudo.mail_sender(e.company_id), embudo.mail_format_address(organizer.name, organizer.email),
                who.name || verb || e.name,
                '<p>' || embudo.html_escape(who.name || verb || '"' || e.name || '" (' || embudo.calendar_when(e, coalesce(organizer.tz, 'UTC'), lang) || ')')
                || '</p>',
                'calendar.event', e.id, embudo.current_user_id(), embudo.current_user_id());
        PERFORM embudo.set_local('embudo.mail_on_behalf', '');
    END IF;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.calendar_attendee_answered() OWNER TO embudo_owner;

--
-- Name: calendar_attendee_before_write(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_attendee_before_write() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.event_id, NEW.partner_id, NEW.user_id) IS DISTINCT FROM (OLD.event_id, OLD.partner_id, OLD.user_id) THEN
        PERFORM embudo.refuse('validation', 'An attendee cannot change event or person: invite someone else instead.');
    END IF;
    IF TG_OP = 'INSERT' THEN
        NEW.common_name := (SELECT w.name FROM embudo.calendar_address(NEW.company_id, NEW.partner_id, NEW.user_id) w);
    END IF;
    NEW.write_date := now();
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.calendar_attendee_before_write() OWNER TO embudo_owner;

--
-- Name: calendar_attendees_follow(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_attendees_follow() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF TG_TABLE_NAME = 'calendar_event_res_partner_rel' THEN
            INSERT INTO public.calendar_attendee (company_id, event_id, partner_id)
            VALUES (NEW.company_id, NEW.calendar_event_id, NEW.res_partner_id)
            ON CONFLICT DO NOTHING;
        ELSE
            INSERT INTO public.calendar_attendee (company_id, event_id, user_id, state)
            VALUES (NEW.company_id, NEW.calendar_event_id, NEW.res_users_id,
                    CASE WHEN NEW.res_users_id = embudo.current_user_id() THEN 'accepted' ELSE 'needsAction' END)
            ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'calendar_event_res_partner_rel' THEN
        PERFORM embudo.calendar_uninvite(OLD.company_id, OLD.calendar_event_id, OLD.res_partner_id, NULL);
    ELSE
        PERFORM embudo.calendar_uninvite(OLD.company_id, OLD.calendar_event_id, NULL, OLD.res_users_id);
    END IF;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.calendar_attendees_follow() OWNER TO embudo_owner;

--
-- Name: calendar_attends(integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_attends(company integer, event integer) RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT pg_has_role(session_user, 'embudo_service', 'MEMBER')
           AND EXISTS (SELECT 1 FROM public.calendar_event_res_users_rel r
                       WHERE r.company_id = company AND r.calendar_event_id = event AND r.res_users_id = embudo.current_user_id())
    );
END
$$;


ALTER FUNCTION embudo.calendar_attends(company integer, event integer) OWNER TO embudo_owner;

--
-- Name: calendar_busy_slots(timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_busy_slots(range_start timestamp with time zone, range_stop timestamp with time zone) RETURNS TABLE(start timestamp with time zone, stop timestamp with time zone, allday boolean, user_id integer, user_name text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT e.start, e.stop, e.allday, e.user_id, u.name
    FROM public.calendar_event e LEFT JOIN public.res_users u ON u.id = e.user_id
    WHERE e.company_id = ANY (embudo.company_ids()) AND e.active AND e.privacy = 'private' AND e.show_as = 'busy'
      AND e.start < range_stop AND e.stop > range_start
      AND e.user_id IS DISTINCT FROM embudo.current_user_id()
      AND NOT EXISTS (SELECT 1 FROM public.calendar_event_res_users_rel r
                      WHERE r.company_id = e.company_id AND r.calendar_event_id = e.id AND r.res_users_id = embudo.current_user_id())
      AND range_stop - range_start <= interval '400 days'
    ORDER BY e.start;
END
$$;


ALTER FUNCTION embudo.calendar_busy_slots(range_start timestamp with time zone, range_stop timestamp with time zone) OWNER TO embudo_owner;

--
-- Name: calendar_copy_people(integer, integer, integer[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_copy_people(company integer, source integer, targets integer[]) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF cardinality(targets) = 0 THEN
        RETURN;
    END IF;
    DELETE FROM public.calendar_event_res_partner_rel r WHERE r.company_id = company AND r.calendar_event_id = ANY (targets)
        AND r.res_partner_id NOT IN (SELECT s.res_partner_id FROM public.calendar_event_res_partner_rel s
                                     WHERE s.company_id = company AND s.calendar_event_id = source);
    DELETE FROM public.calendar_event_res_users_rel r WHERE r.company_id = company AND r.calendar_event_id = ANY (targets)
        AND r.res_users_id NOT IN (SELECT s.res_users_id FROM public.calendar_event_res_users_rel s
                                   WHERE s.company_id = company AND s.calendar_event_id = source);
    INSERT INTO public.calendar_event_res_partner_rel (company_id, calendar_event_id, res_partner_id)
    SELECT company, t, s.res_partner_id FROM unnest(targets) t, public.calendar_event_res_partner_rel s
    WHERE s.company_id = company AND s.calendar_event_id = source ON CONFLICT DO NOTHING;
    INSERT INTO public.calendar_event_res_users_rel (company_id, calendar_event_id, res_users_id)
    SELECT company, t, s.res_users_id FROM unnest(targets) t, public.calendar_event_res_users_rel s
    WHERE s.company_id = company AND s.calendar_event_id = source ON CONFLICT DO NOTHING;
    DELETE FROM public.meeting_category_rel r WHERE r.company_id = company AND r.event_id = ANY (targets);
    INSERT INTO public.meeting_category_rel (company_id, event_id, type_id)
    SELECT company, t, s.type_id FROM unnest(targets) t, public.meeting_category_rel s WHERE s.company_id = company AND s.event_id = source;
    DELETE FROM public.calendar_alarm_calendar_event_rel r WHERE r.company_id = company AND r.calendar_event_id = ANY (targets);
    INSERT INTO public.calendar_alarm_calendar_event_rel (company_id, calendar_event_id, calendar_alarm_id)
    SELECT company, t, s.calendar_alarm_id FROM unnest(targets) t, public.calendar_alarm_calendar_event_rel s
    WHERE s.company_id = company AND s.calendar_event_id = source;
END
$$;


ALTER FUNCTION embudo.calendar_copy_people(company integer, source integer, targets integer[]) OWNER TO embudo_owner;

--
-- Name: calendar_copy_readers(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_copy_readers() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    parent constant int := (to_jsonb(NEW) ->> TG_ARGV[1])::int;
BEGIN
    IF parent IS NULL THEN
        NEW.readers := CASE WHEN TG_OP = 'UPDATE' THEN OLD.readers ELSE '{}' END;
    ELSE
        NEW.readers := coalesce(embudo.calendar_parent_readers(TG_ARGV[0], NEW.company_id, parent),
                                embudo.calendar_parent_readers_as_owner(TG_ARGV[0], NEW.company_id, parent), '{}');
    END IF;
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.calendar_copy_readers() OWNER TO embudo_owner;

--
-- Name: calendar_copy_readers_as_owner(text, integer, integer, integer[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_copy_readers_as_owner(kind text, company integer, parent integer, copy integer[]) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT embudo.calendar_copy_readers_to(kind, company, parent, copy) WHERE pg_trigger_depth() > 0
$$;


ALTER FUNCTION embudo.calendar_copy_readers_as_owner(kind text, company integer, parent integer, copy integer[]) OWNER TO embudo_owner;

--
-- Name: calendar_copy_readers_to(text, integer, integer, integer[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_copy_readers_to(kind text, company integer, parent integer, copy integer[]) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    previous constant text := embudo.begin_owner_writes();
BEGIN
    IF kind = 'attendee' THEN
        UPDATE public.calendar_attendee_token SET readers = copy WHERE company_id = company AND attendee_id = parent;
    ELSE
        UPDATE public.calendar_attendee SET readers = copy WHERE company_id = company AND event_id = parent;
        UPDATE public.calendar_event_res_partner_rel SET readers = copy WHERE company_id = company AND calendar_event_id = parent;
        UPDATE public.meeting_category_rel SET readers = copy WHERE company_id = company AND event_id = parent;
        UPDATE public.calendar_alarm_calendar_event_rel SET readers = copy WHERE company_id = company AND calendar_event_id = parent;
        UPDATE public.calendar_event_res_users_rel SET readers = copy WHERE company_id = company AND calendar_event_id = parent;
        UPDATE public.calendar_recurrence SET readers = copy WHERE company_id = company AND base_event_id = parent;
    END IF;
    PERFORM embudo.end_owner_writes(previous);
END
$$;


ALTER FUNCTION embudo.calendar_copy_readers_to(kind text, company integer, parent integer, copy integer[]) OWNER TO embudo_owner;

--
-- Name: calendar_document_changed(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_document_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM embudo.calendar_refresh(NEW.company_id, CASE WHEN embudo.rls_exempt()
        THEN ARRAY(SELECT e.id FROM public.calendar_event e
                   WHERE e.company_id = NEW.company_id AND e.res_model = TG_ARGV[0] AND e.res_id = NEW.id AND e.privacy <> 'private')
        ELSE embudo.calendar_document_meetings(NEW.company_id, TG_ARGV[0], NEW.id) END);
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.calendar_document_changed() OWNER TO embudo_owner;

--
-- Name: calendar_document_deleted(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_document_deleted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    previous constant text := embudo.begin_owner_writes();
BEGIN
    UPDATE public.calendar_event e SET res_model = NULL, res_model_id = NULL, res_id = NULL
    WHERE e.company_id = OLD.company_id AND e.res_model = TG_ARGV[0] AND e.res_id = OLD.id;
    PERFORM embudo.end_owner_writes(previous);
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.calendar_document_deleted() OWNER TO embudo_owner;

--
-- Name: calendar_document_meetings(integer, text, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_document_meetings(company integer, model text, document integer) RETURNS integer[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT ARRAY(SELECT e.id FROM public.calendar_event e
                     WHERE e.company_id = company AND e.res_model = model AND e.res_id = document AND e.privacy <> 'private')
        WHERE pg_trigger_depth() > 0
    );
END
$$;


ALTER FUNCTION embudo.calendar_document_meetings(company integer, model text, document integer) OWNER TO embudo_owner;

--
-- Name: calendar_enable_readers_copy(regclass, text, name, name, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_enable_readers_copy(target regclass, parent text, link name, policy name, clauses text) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    EXECUTE format('CREATE OR REPLACE TRIGGER readers BEFORE INSERT OR UPDATE OF %I, readers ON %s FOR EACH ROW '
                   'EXECUTE FUNCTION embudo.calendar_copy_readers(%L, %L)', link, target, parent, link);
    PERFORM embudo.replace_policy(target, policy, format(clauses, embudo.calendar_readers_rule()));
    PERFORM embudo.enable_owner_writes_policy(target);
    -- The owner's functions (reminders, feeds, "forbidden" or "missing") read them as they read the
    -- meetings, private ones included (owner_exists on calendar_event).
    PERFORM embudo.replace_policy(target, 'owner_read', 'FOR SELECT TO embudo_owner USING (true)');
END
$$;


ALTER FUNCTION embudo.calendar_enable_readers_copy(target regclass, parent text, link name, policy name, clauses text) OWNER TO embudo_owner;

--
-- Name: calendar_event_after_insert(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_event_after_insert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    me int := embudo.current_user_id();
    lang text;
    zone text;
    organizer_zone text;
    meeting_type int;
BEGIN
    IF NEW.user_id IS NOT NULL THEN
        INSERT INTO public.calendar_event_res_users_rel (company_id, calendar_event_id, res_users_id)
        VALUES (NEW.company_id, NEW.id, NEW.user_id) ON CONFLICT DO NOTHING;
    END IF;
    IF NEW.recurrence_id IS NOT NULL OR NEW.res_model IS NULL OR current_setting('embudo.calendar_from_activity', true) = 'on' THEN
        RETURN NULL;
    END IF;
    -- (Looked up first: Citus refuses a subquery inside INSERT … VALUES.)
    SELECT coalesce(u.lang, 'en_US'), u.tz INTO lang, zone FROM public.res_users u WHERE u.id = me;
    lang := coalesce(lang, 'en_US');
    SELECT u.tz INTO organizer_zone FROM public.res_users u WHERE u.id = NEW.user_id;
    IF NEW.res_model = 'crm.lead' THEN
        INSERT INTO public.mail_message (company_id, model, res_id, body, author_id, message_type, subtype_id, create_uid, write_uid)
        VALUES (NEW.company_id, 'crm.lead', NEW.res_id,
                embudo.html_escape(embudo.localized(lang, 'Meeting scheduled at ', 'Reunión programada el ')
                || embudo.calendar_when(NEW, zone, lang)
                || E'\n' || embudo.localized(lang, 'Subject: ', 'Asunto: ') || embudo.calendar_public_name(NEW, lang)
                || CASE WHEN NOT NEW.allday THEN E'\n' || embudo.localized(lang, 'Duration: ', 'Duración: ')
                        || to_char(NEW.stop - NEW.start, 'HH24:MI') ELSE '' END),
                me, 'notification', embudo.subtype('mail.mt_note'), me, me);
    END IF;
    SELECT t.id INTO meeting_type FROM public.mail_activity_type t
    WHERE t.company_id = NEW.company_id AND t.active AND t.category = 'meeting' AND (t.res_model IS NULL OR t.res_model = NEW.res_model)
    ORDER BY t.sequence, t.id LIMIT 1;
    IF meeting_type IS NOT NULL AND NEW.user_id IS NOT NULL THEN
        INSERT INTO public.mail_activity (company_id, res_model, res_id, activity_type_id, summary, user_id, date_deadline,
                                          calendar_event_id, create_uid, write_uid)
        VALUES (NEW.company_id, NEW.res_model, NEW.res_id, meeting_type, embudo.calendar_public_name(NEW, lang), NEW.user_id,
                (NEW.start AT TIME ZONE coalesce(organizer_zone, 'UTC'))::date,
                NEW.id, me, me);
    END IF;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.calendar_event_after_insert() OWNER TO embudo_owner;

--
-- Name: calendar_event_after_update(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_event_after_update() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.start IS DISTINCT FROM OLD.start OR NEW.name IS DISTINCT FROM OLD.name THEN
        UPDATE public.mail_activity a
        SET date_deadline = (NEW.start AT TIME ZONE coalesce((SELECT u.tz FROM public.res_users u WHERE u.id = a.user_id), 'UTC'))::date,
            summary = embudo.calendar_public_name(NEW, (SELECT u.lang FROM public.res_users u WHERE u.id = a.user_id)), write_date = now()
        WHERE a.company_id = NEW.company_id AND a.calendar_event_id = NEW.id AND a.active;
    END IF;
    IF NEW.done AND NOT OLD.done THEN
        PERFORM embudo.activity_done(ARRAY(SELECT a.id FROM public.mail_activity a
                                           WHERE a.company_id = NEW.company_id AND a.calendar_event_id = NEW.id AND a.active),
                                     NULL);
    END IF;
    IF NOT NEW.active AND OLD.active THEN
        DELETE FROM public.mail_activity a WHERE a.company_id = NEW.company_id AND a.calendar_event_id = NEW.id AND a.active;
    END IF;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.calendar_event_after_update() OWNER TO embudo_owner;

--
-- Name: calendar_event_before_delete(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_event_before_delete() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    gone jsonb := coalesce(nullif(current_setting('embudo.calendar_gone', true), ''), '{}')::jsonb;
BEGIN
    IF NOT gone ? OLD.ical_uid THEN
        PERFORM embudo.set_local('embudo.calendar_gone', (gone || jsonb_build_object(OLD.ical_uid, to_jsonb(OLD)))::text);
    END IF;
    PERFORM embudo.calendar_note(OLD.company_id, OLD.ical_uid, a.partner_id, a.user_id)
    FROM public.calendar_attendee a WHERE a.company_id = OLD.company_id AND a.event_id = OLD.id;
    RETURN OLD;
END
$$;


ALTER FUNCTION embudo.calendar_event_before_delete() OWNER TO embudo_owner;

--
-- Name: calendar_event_before_write(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_event_before_write() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    first_day date;
    last_day date;
    length interval;
BEGIN
    -- Who may read it works out again (embudo.calendar_refresh_readers), and nothing else changes: not
    -- the write's instructions, nor its date.
    IF TG_OP = 'UPDATE' AND NEW.readers IS NULL AND embudo.calendar_readers_only(OLD, NEW) THEN
        NEW.readers := embudo.calendar_event_readers(NEW);
        RETURN NEW;
    END IF;
    -- recurrence_update is an instruction of this write, never kept (recurrence.sql reads it).
    -- (The changes the triggers make to the other events of a series keep the write's.)
    IF TG_OP = 'UPDATE' AND current_setting('embudo.calendar_propagating', true) IS DISTINCT FROM 'on' THEN
        PERFORM embudo.set_local('embudo.calendar_update_mode', coalesce(NEW.recurrence_update, 'self_only'));
        -- An occurrence moved on its own no longer follows the rule.
        IF coalesce(NEW.recurrence_update, 'self_only') = 'self_only' AND NEW.recurrence_id IS NOT NULL
           AND (NEW.start, NEW.stop) IS DISTINCT FROM (OLD.start, OLD.stop) THEN
            NEW.follow_recurrence := false;
        END IF;
    END IF;
    NEW.recurrence_update := NULL;

    IF NEW.allday THEN
        IF TG_OP = 'INSERT' THEN
            first_day := coalesce(NEW.start_date, (NEW.start AT TIME ZONE 'UTC')::date);
            last_day := coalesce(NEW.stop_date, (NEW.stop AT TIME ZONE 'UTC')::date, first_day);
        ELSE
            first_day := CASE WHEN NEW.start_date IS DISTINCT FROM OLD.start_date AND NEW.start_date IS NOT NULL THEN NEW.start_date
                              WHEN NEW.start IS DISTINCT FROM OLD.start OR NEW.start_date IS NULL THEN (NEW.start AT TIME ZONE 'UTC')::date
                              ELSE NEW.start_date END;
            last_day := CASE WHEN NEW.stop_date IS DISTINCT FROM OLD.stop_date AND NEW.stop_date IS NOT NULL THEN NEW.stop_date
                             WHEN NEW.stop IS DISTINCT FROM OLD.stop OR NEW.stop_date IS NULL THEN (NEW.stop AT TIME ZONE 'UTC')::date
                             ELSE NEW.stop_date END;
        END IF;
        NEW.start_date := first_day;
        NEW.stop_date := greatest(last_day, first_day);
        NEW.start := (NEW.start_date + time '08:00') AT TIME ZONE 'UTC';
        NEW.stop := (NEW.stop_date + time '18:00') AT TIME ZONE 'UTC';
    ELSE
        NEW.start_date := NULL;
        NEW.stop_date := NULL;
        IF TG_OP = 'INSERT' THEN
            NEW.stop := coalesce(NEW.stop, NEW.start + make_interval(secs => coalesce(NEW.duration, 1) * 3600));
        ELSIF NEW.stop IS NOT DISTINCT FROM OLD.stop AND NEW.duration IS DISTINCT FROM OLD.duration THEN
            NEW.stop := NEW.start + make_interval(secs => NEW.duration * 3600);
        ELSIF NEW.stop IS NOT DISTINCT FROM OLD.stop AND NEW.start IS DISTINCT FROM OLD.start THEN
            NEW.stop := NEW.start + (OLD.stop - OLD.start);
        END IF;
    END IF;
    IF NEW.stop < NEW.start THEN
        PERFORM embudo.refuse('validation', 'The ending date and time cannot be earlier than the starting date and time.');
    END IF;
    length := NEW.stop - NEW.start;
    NEW.duration := CASE WHEN NEW.allday THEN 24 * (NEW.stop_date - NEW.start_date + 1) ELSE extract(epoch FROM length) / 3600 END;

    -- The document: an opportunity (opportunity_id, or res_model crm.lead), or a quotation.
    IF NEW.opportunity_id IS NOT NULL AND (TG_OP = 'INSERT' OR NEW.opportunity_id IS DISTINCT FROM OLD.opportunity_id) THEN
        NEW.res_model := 'crm.lead';
        NEW.res_id := NEW.opportunity_id;
    ELSIF TG_OP = 'UPDATE' AND NEW.opportunity_id IS NULL AND OLD.opportunity_id IS NOT NULL AND NEW.res_model = 'crm.lead'
          AND NEW.res_id IS NOT DISTINCT FROM OLD.res_id THEN
        -- The opportunity cleared (by hand, or deleted: embudo.enable_unlink), and not named again by res_id.
        NEW.res_model := NULL;
        NEW.res_model_id := NULL;
        NEW.res_id := NULL;
    ELSIF NEW.res_model = 'crm.lead' AND NEW.res_id IS NOT NULL THEN
        NEW.opportunity_id := NEW.res_id;
    END IF;
    IF NEW.res_model IS NULL AND NEW.res_model_id IS NOT NULL THEN
        NEW.res_model := (SELECT m.model FROM public.ir_model m WHERE m.id = NEW.res_model_id);
    END IF;
    IF (NEW.res_model IS NULL) <> (NEW.res_id IS NULL) OR NEW.res_model NOT IN ('crm.lead', 'sale.order') THEN
        PERFORM embudo.refuse('validation', 'A meeting can be about an opportunity or a quotation (res_model and res_id), or nothing.');
    END IF;
    NEW.res_model_id := (SELECT m.id FROM public.ir_model m WHERE m.model = NEW.res_model);
    IF NEW.res_model IS NOT NULL AND (TG_OP = 'INSERT' OR (NEW.res_model, NEW.res_id) IS DISTINCT FROM (OLD.res_model, OLD.res_id)) THEN
        IF NOT (NEW.res_model = 'crm.lead' AND EXISTS (SELECT 1 FROM public.crm_lead l WHERE l.company_id = NEW.company_id AND l.id = NEW.res_id)
                OR NEW.res_model = 'sale.order' AND EXISTS (SELECT 1 FROM public.sale_order o WHERE o.company_id = NEW.company_id AND o.id = NEW.res_id)) THEN
            PERFORM embudo.refuse('access', 'You cannot plan a meeting on a document you cannot read.');
        END IF;
    END IF;

    IF TG_OP = 'INSERT' THEN
        NEW.ical_uid := coalesce(NEW.ical_uid, (SELECT r.ical_uid FROM public.calendar_recurrence r
                                                WHERE r.company_id = NEW.company_id AND r.id = NEW.recurrence_id),
                                 gen_random_uuid()::text || '@embudo');
        NEW.sequence := 0;
        NEW.done := false;
        NEW.create_uid := coalesce(embudo.current_user_id(), NEW.create_uid);
    ELSE
        IF NEW.company_id <> OLD.company_id OR NEW.ical_uid <> OLD.ical_uid THEN
            PERFORM embudo.refuse('validation', 'A meeting cannot move to another company.');
        END IF;
        IF (NEW.start, NEW.stop, NEW.allday, NEW.name, NEW.location, NEW.videocall_location, NEW.description, NEW.active)
           IS DISTINCT FROM (OLD.start, OLD.stop, OLD.allday, OLD.name, OLD.location, OLD.videocall_location, OLD.description, OLD.active) THEN
            NEW.sequence := OLD.sequence + 1;
        END IF;
    END IF;
    NEW.write_uid := coalesce(embudo.current_user_id(), NEW.write_uid);
    NEW.write_date := now();
    -- Who may read it: worked out when what decides it changes, never the caller's to set.
    IF TG_OP = 'INSERT' OR NEW.readers IS NULL
       OR (NEW.user_id, NEW.privacy, NEW.res_model, NEW.res_id) IS DISTINCT FROM (OLD.user_id, OLD.privacy, OLD.res_model, OLD.res_id) THEN
        NEW.readers := embudo.calendar_event_readers(NEW);
    ELSE
        NEW.readers := OLD.readers;
    END IF;
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.calendar_event_before_write() OWNER TO embudo_owner;

--
-- Name: calendar_event_policy(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_event_policy(clauses text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT format(clauses, embudo.calendar_readers_rule())
$$;


ALTER FUNCTION embudo.calendar_event_policy(clauses text) OWNER TO embudo_owner;

--
-- Name: calendar_event_propagate(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_event_propagate() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    mode text := coalesce(nullif(current_setting('embudo.calendar_update_mode', true), ''), 'self_only');
    shift interval := NEW.start - OLD.start;
    length interval := NEW.stop - NEW.start;
    rule_changed boolean;
    done_series text := coalesce(current_setting('embudo.calendar_propagated', true), '');
BEGIN
    IF current_setting('embudo.calendar_propagating', true) = 'on' OR OLD.recurrence_id IS NULL OR embudo.calendar_readers_only(OLD, NEW) THEN
        RETURN NULL;
    END IF;
    rule_changed := (NEW.rrule_type, NEW."interval", NEW.end_type, NEW.count, NEW.until, NEW.mon, NEW.tue, NEW.wed, NEW.thu, NEW.fri,
                     NEW.sat, NEW.sun, NEW.month_by, NEW.day, NEW.byday, NEW.weekday, NEW.event_tz, NEW.recurrency)
                    IS DISTINCT FROM
                    (OLD.rrule_type, OLD."interval", OLD.end_type, OLD.count, OLD.until, OLD.mon, OLD.tue, OLD.wed, OLD.thu, OLD.fri,
                     OLD.sat, OLD.sun, OLD.month_by, OLD.day, OLD.byday, OLD.weekday, OLD.event_tz, OLD.recurrency);
    IF mode = 'self_only' THEN
        IF rule_changed AND NOT NEW.recurrency THEN
            PERFORM embudo.set_local('embudo.calendar_propagating', 'on');
            UPDATE public.calendar_event x SET recurrence_id = NULL, follow_recurrence = false, recurrence_start = NULL
            WHERE x.company_id = NEW.company_id AND x.id = NEW.id;
            PERFORM embudo.set_local('embudo.calendar_propagating', '');
        END IF;
        RETURN NULL;
    END IF;
    IF position(',' || OLD.recurrence_id || ',' IN done_series) > 0 THEN
        RETURN NULL;
    END IF;
    PERFORM embudo.set_local('embudo.calendar_propagated', done_series || ',' || OLD.recurrence_id || ',');
    PERFORM embudo.set_local('embudo.calendar_propagating', 'on');
    IF rule_changed THEN
        DELETE FROM public.calendar_event x
        WHERE x.company_id = NEW.company_id AND x.recurrence_id = OLD.recurrence_id AND x.id <> NEW.id
          AND (mode = 'all_events' OR x.start > OLD.start);
        -- This event leaves its series; with a rule it starts a new one (expand_recurrence, at commit).
        UPDATE public.calendar_event x SET recurrence_id = NULL, follow_recurrence = false, recurrence_start = NULL
        WHERE x.company_id = NEW.company_id AND x.id = NEW.id;
    ELSE
        UPDATE public.calendar_event x
        SET name = NEW.name, location = NEW.location, videocall_location = NEW.videocall_location, description = NEW.description,
            privacy = NEW.privacy, show_as = NEW.show_as, user_id = NEW.user_id, allday = NEW.allday,
            opportunity_id = NEW.opportunity_id, res_model = NEW.res_model, res_id = NEW.res_id, active = NEW.active,
            start = x.start + shift, stop = x.start + shift + length,
            follow_recurrence = x.follow_recurrence AND shift = interval '0'
        WHERE x.company_id = NEW.company_id AND x.recurrence_id = OLD.recurrence_id AND x.id <> NEW.id
          AND (mode = 'all_events' OR x.start > OLD.start);
    END IF;
    PERFORM embudo.set_local('embudo.calendar_propagating', '');
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.calendar_event_propagate() OWNER TO embudo_owner;

--
-- Name: calendar_event_readers(anyelement); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_event_readers(e anyelement) RETURNS integer[]
    LANGUAGE sql STABLE
    AS $$
    SELECT CASE WHEN embudo.rls_exempt() THEN embudo.calendar_readers_of(e.company_id, e.id, e.user_id, e.privacy, e.res_model, e.res_id)
                ELSE embudo.calendar_readers(e.company_id, e.id, e.user_id, e.privacy, e.res_model, e.res_id) END
$$;


ALTER FUNCTION embudo.calendar_event_readers(e anyelement) OWNER TO embudo_owner;

--
-- Name: calendar_expand(integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_expand(company integer, event integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    e public.calendar_event;
    tz text;
    series int;
    slots timestamptz[];
    length interval;
    made int[];
BEGIN
    SELECT * INTO e FROM public.calendar_event x WHERE x.company_id = company AND x.id = event;
    IF NOT FOUND OR NOT e.recurrency OR e.recurrence_id IS NOT NULL OR NOT e.active THEN
        RETURN;
    END IF;
    tz := CASE WHEN e.allday THEN 'UTC'
               ELSE coalesce(nullif(e.event_tz, ''), (SELECT u.tz FROM public.res_users u WHERE u.id = e.user_id), 'UTC') END;
    IF embudo.calendar_tz(tz) <> tz THEN
        PERFORM embudo.refuse('validation', format('Unknown time zone %s.', tz));
    END IF;
    slots := ARRAY(SELECT embudo.calendar_slots(e.start, tz, coalesce(e.rrule_type, 'weekly'), e."interval", e.end_type, e.count, e.until,
                                                ARRAY[e.mon, e.tue, e.wed, e.thu, e.fri, e.sat, e.sun], e.month_by, e.day, e.byday, e.weekday));
    IF cardinality(slots) = 0 THEN
        PERFORM embudo.refuse('validation', 'This recurrence makes no meeting: check its days and its end.');
    END IF;
    length := e.stop - e.start;
    INSERT INTO public.calendar_recurrence (company_id, base_event_id, event_tz, rrule_type, "interval", end_type, count, until,
                                            mon, tue, wed, thu, fri, sat, sun, month_by, day, byday, weekday, dtstart, duration, ical_uid,
                                            create_uid, write_uid)
    VALUES (company, e.id, tz, coalesce(e.rrule_type, 'weekly'), e."interval", e.end_type, e.count, e.until,
            e.mon, e.tue, e.wed, e.thu, e.fri, e.sat, e.sun, e.month_by, e.day, e.byday, e.weekday, slots[1], length, e.ical_uid,
            embudo.current_user_id(), embudo.current_user_id())
    RETURNING id INTO series;
    PERFORM embudo.set_local('embudo.calendar_propagating', 'on');
    UPDATE public.calendar_event x
    SET recurrence_id = series, follow_recurrence = true, recurrence_start = slots[1], start = slots[1], stop = slots[1] + length,
        event_tz = tz, rrule_type = coalesce(e.rrule_type, 'weekly')
    WHERE x.company_id = company AND x.id = e.id;
    WITH copies AS (
        INSERT INTO public.calendar_event (company_id, name, start, stop, allday, user_id, location, videocall_location, description,
                                           privacy, show_as, opportunity_id, res_model, res_id, recurrency, recurrence_id, follow_recurrence,
                                           recurrence_start, rrule_type, "interval", end_type, count, until, mon, tue, wed, thu, fri, sat, sun,
                                           month_by, day, byday, weekday, event_tz)
        SELECT company, e.name, s, s + length, e.allday, e.user_id, e.location, e.videocall_location, e.description,
               e.privacy, e.show_as, e.opportunity_id, e.res_model, e.res_id, true, series, true,
               s, coalesce(e.rrule_type, 'weekly'), e."interval", e.end_type, e.count, e.until, e.mon, e.tue, e.wed, e.thu, e.fri, e.sat, e.sun,
               e.month_by, e.day, e.byday, e.weekday, tz
        FROM unnest(slots[2:]) s
        RETURNING id)
    SELECT array_agg(id) INTO made FROM copies;
    PERFORM embudo.calendar_copy_people(company, e.id, coalesce(made, '{}'));
    PERFORM embudo.set_local('embudo.calendar_propagating', '');
END
$$;


ALTER FUNCTION embudo.calendar_expand(company integer, event integer) OWNER TO embudo_owner;

--
-- Name: calendar_expand_trigger(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_expand_trigger() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM embudo.calendar_expand(NEW.company_id, NEW.id);
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.calendar_expand_trigger() OWNER TO embudo_owner;

--
-- Name: calendar_feed_create(integer, boolean); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_feed_create(company integer, with_activities boolean) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    me int := embudo.current_user_id();
    token text := embudo.company_token(company, 24);
BEGIN
    IF me IS NULL OR NOT company = ANY (embudo.company_ids()) THEN
        PERFORM embudo.refuse('access', 'You are not a member of this company.');
    END IF;
    DELETE FROM public.calendar_feed f WHERE f.company_id = company AND f.user_id = me;
    INSERT INTO public.calendar_feed (company_id, user_id, token_hash, include_activities)
    VALUES (company, me, sha256(convert_to(token, 'UTF8')), coalesce(with_activities, false));
    RETURN token;
END
$$;


ALTER FUNCTION embudo.calendar_feed_create(company integer, with_activities boolean) OWNER TO embudo_owner;

--
-- Name: calendar_feed_ics(integer, boolean); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_feed_ics(company integer, with_activities boolean) RETURNS text
    LANGUAGE plpgsql STABLE
    AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT embudo.ical_calendar(
            coalesce((SELECT string_agg(embudo.ical_events(company, s.ical_uid, NULL, NULL, false), '' ORDER BY s.first)
                      FROM (SELECT e.ical_uid, min(e.start) AS first FROM public.calendar_event e
                            WHERE e.company_id = company AND e.active
                              AND e.start < now() + interval '400 days' AND e.stop > now() - interval '90 days'
                              AND (e.user_id = embudo.current_user_id() OR embudo.calendar_attends(e.company_id, e.id))
                            GROUP BY e.ical_uid) s), '')
            || CASE WHEN with_activities THEN coalesce((
                SELECT string_agg(embudo.ical_line('BEGIN:VEVENT') || embudo.ical_line('UID:activity-' || a.company_id || '-' || a.id || '@embudo')
                                  || embudo.ical_line('DTSTAMP:' || embudo.ical_utc(now()))
                                  || embudo.ical_line('DTSTART;VALUE=DATE:' || to_char(a.date_deadline, 'YYYYMMDD'))
                                  || embudo.ical_line('DTEND;VALUE=DATE:' || to_char(a.date_deadline + 1, 'YYYYMMDD'))
                                  || embudo.ical_line('SUMMARY:' || embudo.ical_text(concat_ws(': ', t.name, nullif(a.summary, ''))
                                                                                        || coalesce(' — ' || a.res_name, '')))
                                  || embudo.ical_line('TRANSP:TRANSPARENT')
                                  || embudo.ical_line('END:VEVENT'), '' ORDER BY a.date_deadline, a.id)
                FROM public.mail_activity a LEFT JOIN public.mail_activity_type t ON t.company_id = a.company_id AND t.id = a.activity_type_id
                WHERE a.company_id = company AND a.active AND a.user_id = embudo.current_user_id() AND a.calendar_event_id IS NULL
                  AND a.date_deadline > (now() - interval '90 days')::date), '') ELSE '' END,
            NULL,
            (SELECT c.name FROM public.res_company c WHERE c.id = company) || ' — Embudo')
    );
END
$$;


ALTER FUNCTION embudo.calendar_feed_ics(company integer, with_activities boolean) OWNER TO embudo_owner;

--
-- Name: calendar_feed_resolve(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_feed_resolve(token text) RETURNS TABLE(company_id integer, user_id integer, include_activities boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    company constant int := embudo.token_company(token);
    hash constant bytea := sha256(convert_to(token, 'UTF8'));
BEGIN
    IF company IS NOT NULL THEN
        RETURN QUERY SELECT f.company_id, f.user_id, f.include_activities FROM public.calendar_feed f
        WHERE f.company_id = company AND f.token_hash = hash;
    ELSE
        RETURN QUERY SELECT f.company_id, f.user_id, f.include_activities FROM public.calendar_feed f WHERE f.token_hash = hash;
    END IF;
END
$$;


ALTER FUNCTION embudo.calendar_feed_resolve(token text) OWNER TO embudo_owner;

--
-- Name: calendar_feed_revoke(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_feed_revoke(company integer) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    DELETE FROM public.calendar_feed f WHERE f.company_id = company AND f.user_id = embudo.current_user_id()
                                         AND company = ANY (embudo.company_ids());
    RETURN FOUND;
END
$$;


ALTER FUNCTION embudo.calendar_feed_revoke(company integer) OWNER TO embudo_owner;

--
-- Name: calendar_flush(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_flush() RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    pending jsonb := coalesce(nullif(current_setting('embudo.calendar_pending', true), ''), '[]')::jsonb;
    gone jsonb := coalesce(nullif(current_setting('embudo.calendar_gone', true), ''), '{}')::jsonb;
    me int := embudo.current_user_id();
    target record;
    master public.calendar_event;
    who record;
    lang text;
    tz text;
    link text;
    token text;
    first_attendee int;
    ics text;
    subject text;
    body text;
    cancelled boolean;
    fresh boolean;
    linked boolean;
    base text := rtrim(coalesce((SELECT value FROM public.ir_config_parameter WHERE key = 'web.base.url'), ''), '/');
    queued int := 0;
BEGIN
    IF jsonb_array_length(pending) = 0 THEN
        RETURN 0;
    END IF;
    PERFORM embudo.set_local('embudo.calendar_pending', '');
    FOR target IN
        -- Everyone named, and for "every attendee" notes everyone attending the meeting or series now.
        WITH notes AS (SELECT (n ->> 'company')::int AS company, n ->> 'uid' AS uid, (n ->> 'partner')::int AS partner,
                              (n ->> 'member')::int AS member
                       FROM jsonb_array_elements(pending) n)
        SELECT DISTINCT x.company, x.uid, x.partner, x.member FROM (
            SELECT company, uid, partner, member FROM notes WHERE partner IS NOT NULL OR member IS NOT NULL
            UNION
            SELECT n.company, n.uid, a.partner_id, a.user_id FROM notes n
            JOIN public.calendar_event e ON e.company_id = n.company AND e.ical_uid = n.uid AND e.active
            JOIN public.calendar_attendee a ON a.company_id = e.company_id AND a.event_id = e.id
            WHERE n.partner IS NULL AND n.member IS NULL) x
        WHERE x.member IS DISTINCT FROM me
        ORDER BY x.company, x.uid, x.partner, x.member
    LOOP
        SELECT * INTO who FROM embudo.calendar_address(target.company, target.partner, target.member);
        CONTINUE WHEN who.email IS NULL;
        SELECT a.id, a.create_date = now() INTO first_attendee, fresh
        FROM public.calendar_attendee a JOIN public.calendar_event e ON e.company_id = a.company_id AND e.id = a.event_id
        WHERE a.company_id = target.company AND e.ical_uid = target.uid AND e.active
          AND (a.partner_id = target.partner OR a.user_id = target.member)
        ORDER BY coalesce(e.recurrence_start, e.start), e.id LIMIT 1;
        cancelled := first_attendee IS NULL;
        SELECT e.* INTO master FROM public.calendar_event e
        WHERE e.company_id = target.company AND e.ical_uid = target.uid AND e.active
        ORDER BY coalesce(e.recurrence_start, e.start), e.id LIMIT 1;
        IF NOT FOUND THEN
            CONTINUE WHEN NOT gone ? target.uid;
            master := jsonb_populate_record(NULL::public.calendar_event, gone -> target.uid);
        END IF;
        IF target.partner IS NOT NULL THEN
            SELECT coalesce(p.lang, c.lang), coalesce(p.tz, c.tz) INTO lang, tz
            FROM public.res_company c LEFT JOIN public.res_partner p ON p.company_id = c.id AND p.id = target.partner WHERE c.id = target.company;
        ELSE
            SELECT u.lang, u.tz INTO lang, tz FROM public.res_users u WHERE u.id = target.member;
        END IF;
        IF cancelled THEN
            -- Only what identifies the meeting: a removed attendee learns nothing of what it became.
            ics := embudo.ical_calendar(
                embudo.ical_line('BEGIN:VEVENT') || embudo.ical_line('UID:' || embudo.ical_text(master.ical_uid))
                || embudo.ical_line('DTSTAMP:' || embudo.ical_utc(now())) || embudo.ical_line('SEQUENCE:' || (master.sequence + 1))
                || embudo.ical_line(CASE WHEN master.allday THEN 'DTSTART;VALUE=DATE:' || to_char(master.start_date, 'YYYYMMDD')
                                                  ELSE 'DTSTART:' || embudo.ical_utc(master.start) END)
                || embudo.ical_line('SUMMARY:' || embudo.ical_text(master.name))
                || embudo.ical_line('ATTENDEE;CN=' || embudo.ical_param(who.name) || ':mailto:' || who.email)
                || embudo.ical_line('STATUS:CANCELLED') || embudo.ical_line('END:VEVENT'),
                'CANCEL', NULL);
            subject := embudo.localized(lang, 'Cancelled: ', 'Cancelada: ') || master.name;
        ELSE
            ics := embudo.ical_calendar(embudo.ical_events(target.company, target.uid, target.partner, target.member, false), 'REQUEST', NULL);
            subject := CASE WHEN fresh THEN embudo.localized(lang, 'Invitation: ', 'Invitación: ')
                            ELSE embudo.localized(lang, 'Updated: ', 'Actualizada: ') END
                       || master.name || ' — ' || embudo.calendar_when(master, tz, lang);
        END IF;
        link := NULL;
        IF NOT cancelled AND target.partner IS NOT NULL THEN
            token := embudo.calendar_issue_token(target.company, first_attendee, coalesce(me, master.user_id));
            link := base || '/calendar/meeting/' || token;
        ELSIF NOT cancelled THEN
            link := base || '/web#/calendar?event=' || master.id;
        END IF;
        body := '<div style="font-family: sans-serif">'
            || '<p>' || embudo.html_escape(embudo.localized(lang, 'Hello ', 'Hola, ') || who.name) || ',</p>'
            || '<p>' || CASE WHEN cancelled THEN embudo.html_escape(embudo.localized(lang, 'This meeting is cancelled:', 'Esta reunión se canceló:'))
                             ELSE embudo.html_escape(coalesce((SELECT u.name FROM public.res_users u WHERE u.id = master.user_id), '')
                                                     || embudo.localized(lang, ' invites you to a meeting:', ' te invita a una reunión:')) END || '</p>'
            || '<p><strong>' || embudo.html_escape(master.name) || '</strong><br/>'
            || embudo.html_escape(embudo.calendar_when(master, tz, lang))
            || CASE WHEN master.recurrence_id IS NOT NULL AND NOT cancelled
                    THEN '<br/>' || embudo.html_escape(embudo.localized(lang, 'Recurring: ', 'Se repite: ')
                         || (SELECT count(*) FROM public.calendar_event e WHERE e.company_id = master.company_id AND e.ical_uid = master.ical_uid AND e.active)
                         || embudo.localized(lang, ' meetings', ' reuniones')) ELSE '' END
            || coalesce('<br/>' || embudo.html_escape(embudo.localized(lang, 'Where: ', 'Lugar: ') || nullif(master.location, '')), '')
            || coalesce('<br/>' || embudo.html_escape(embudo.localized(lang, 'Video call: ', 'Videollamada: ') || nullif(master.videocall_location, '')), '')
            || '</p>'
            || coalesce('<p>' || embudo.html_escape(nullif(embudo.calendar_plain(master.description), '')) || '</p>', '')
            || CASE WHEN link IS NULL THEN ''
                    WHEN target.partner IS NOT NULL THEN '<p><a href="' || embudo.html_escape(link || '?answer=accepted') || '">'
                         || embudo.html_escape(embudo.localized(lang, 'Accept', 'Aceptar')) || '</a> · <a href="'
                         || embudo.html_escape(link || '?answer=tentative') || '">' || embudo.html_escape(embudo.localized(lang, 'Maybe', 'Tal vez'))
                         || '</a> · <a href="' || embudo.html_escape(link || '?answer=declined') || '">'
                         || embudo.html_escape(embudo.localized(lang, 'Decline', 'Rechazar')) || '</a></p>'
                    ELSE '<p><a href="' || embudo.html_escape(link) || '">' || embudo.html_escape(embudo.localized(lang, 'Open in Embudo', 'Abrir en Embudo'))
                         || '</a></p>' END
            || '</div>';
        -- (Whether the meeting is still there, looked up first: Citus refuses a subquery inside
        -- INSERT … VALUES.)
        linked := master.id IS NOT NULL AND EXISTS (SELECT 1 FROM public.calendar_event x WHERE x.company_id = target.company AND x.id = master.id);
        PERFORM embudo.set_local('embudo.mail_on_behalf', 'on');
        INSERT INTO public.mail_mail (company_id, email_from, email_to, subject, body_html, calendar_ics, calendar_method, model, res_id,
                                      create_uid, write_uid)
        VALUES (target.company, embudo.mail_sender(target.company), embudo.mail_format_address(who.name, who.email), subject, body,
                ics, CASE WHEN cancelled THEN 'CANCEL' ELSE 'REQUEST' END,
                CASE WHEN linked THEN 'calendar.event' END, CASE WHEN linked THEN master.id END,
                me, me);
        PERFORM embudo.set_local('embudo.mail_on_behalf', '');
        queued := queued + 1;
    END LOOP;
    PERFORM embudo.set_local('embudo.calendar_gone', '');
    RETURN queued;
END
$$;


ALTER FUNCTION embudo.calendar_flush() OWNER TO embudo_owner;

--
-- Name: calendar_flush_trigger(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_flush_trigger() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM embudo.calendar_flush();
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.calendar_flush_trigger() OWNER TO embudo_owner;

--
-- Name: calendar_invitation(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_invitation(attendee integer) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT jsonb_build_object(
            'name', e.name, 'company', c.name, 'attendee', p.name, 'state', a.state, 'lang', coalesce(p.lang, c.lang),
            'when', embudo.calendar_when(e, coalesce(p.tz, c.tz), coalesce(p.lang, c.lang)),
            'location', e.location, 'videocall', e.videocall_location, 'description', embudo.calendar_plain(e.description),
            'organizer', (SELECT u.name FROM public.res_users u WHERE u.id = e.user_id),
            'occurrences', (SELECT count(*) FROM public.calendar_event x WHERE x.company_id = e.company_id AND x.ical_uid = e.ical_uid AND x.active),
            'active', e.active)
        FROM public.calendar_attendee a
        JOIN public.calendar_event e ON e.company_id = a.company_id AND e.id = a.event_id
        JOIN public.res_company c ON c.id = a.company_id
        JOIN public.res_partner p ON p.company_id = a.company_id AND p.id = a.partner_id
        WHERE a.id = attendee
    );
END
$$;


ALTER FUNCTION embudo.calendar_invitation(attendee integer) OWNER TO embudo_owner;

--
-- Name: calendar_issue_token(integer, integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_issue_token(company integer, attendee integer, acting integer) RETURNS text
    LANGUAGE plpgsql
    AS $$
DECLARE
    token text := embudo.company_token(company, 24);
BEGIN
    DELETE FROM public.calendar_attendee_token t WHERE t.company_id = company AND t.attendee_id = attendee;
    INSERT INTO public.calendar_attendee_token (company_id, attendee_id, token_hash, acting_user, expires_at)
    SELECT company, attendee, sha256(convert_to(token, 'UTF8')), acting, greatest(e.stop, now()) + interval '30 days'
    FROM public.calendar_attendee a JOIN public.calendar_event e ON e.company_id = a.company_id AND e.id = a.event_id
    WHERE a.company_id = company AND a.id = attendee;
    RETURN token;
END
$$;


ALTER FUNCTION embudo.calendar_issue_token(company integer, attendee integer, acting integer) OWNER TO embudo_owner;

--
-- Name: calendar_mark_done(integer[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_mark_done(ids integer[]) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    changed int;
BEGIN
    IF (SELECT count(*) FROM public.calendar_event e WHERE e.id = ANY (ids)) < cardinality(ARRAY(SELECT DISTINCT unnest(ids))) THEN
        PERFORM embudo.refuse('user', 'Some of these meetings do not exist or you cannot see them.');
    END IF;
    UPDATE public.calendar_event e SET done = true WHERE e.id = ANY (ids) AND NOT e.done;
    GET DIAGNOSTICS changed = ROW_COUNT;
    RETURN changed;
END
$$;


ALTER FUNCTION embudo.calendar_mark_done(ids integer[]) OWNER TO embudo_owner;

--
-- Name: calendar_my_status(integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_my_status(company integer, event integer) RETURNS text
    LANGUAGE plpgsql STABLE
    AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT a.state FROM public.calendar_attendee a
        WHERE a.company_id = company AND a.event_id = event AND a.user_id = embudo.current_user_id()
    );
END
$$;


ALTER FUNCTION embudo.calendar_my_status(company integer, event integer) OWNER TO embudo_owner;

--
-- Name: calendar_note(integer, text, integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_note(company integer, uid text, partner integer, member integer) RETURNS void
    LANGUAGE sql
    AS $$
    SELECT embudo.set_local('embudo.calendar_pending',
                            (coalesce(nullif(current_setting('embudo.calendar_pending', true), ''), '[]')::jsonb
                             || jsonb_build_array(jsonb_build_object('company', company, 'uid', uid, 'partner', partner, 'member', member)))::text)
$$;


ALTER FUNCTION embudo.calendar_note(company integer, uid text, partner integer, member integer) OWNER TO embudo_owner;

--
-- Name: calendar_note_change(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_note_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF TG_TABLE_NAME = 'calendar_attendee' THEN
        PERFORM embudo.calendar_note(NEW.company_id, e.ical_uid, NEW.partner_id, NEW.user_id)
        FROM public.calendar_event e WHERE e.company_id = NEW.company_id AND e.id = NEW.event_id;
    ELSIF NEW.sequence > OLD.sequence THEN
        PERFORM embudo.calendar_note(NEW.company_id, NEW.ical_uid, NULL, NULL);
    END IF;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.calendar_note_change() OWNER TO embudo_owner;

--
-- Name: calendar_notify_removed(integer, integer, integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_notify_removed(company integer, event integer, partner integer, member integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
#variable_conflict use_column
BEGIN
    PERFORM embudo.calendar_note(company, e.ical_uid, partner, member)
    FROM public.calendar_event e WHERE e.company_id = calendar_notify_removed.company AND e.id = event;
END
$$;


ALTER FUNCTION embudo.calendar_notify_removed(company integer, event integer, partner integer, member integer) OWNER TO embudo_owner;

--
-- Name: calendar_parent_readers(text, integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_parent_readers(kind text, company integer, parent integer) RETURNS integer[]
    LANGUAGE plpgsql STABLE
    AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT CASE WHEN kind = 'attendee'
                    THEN (SELECT a.readers FROM public.calendar_attendee a WHERE a.company_id = company AND a.id = parent)
                    ELSE (SELECT e.readers FROM public.calendar_event e WHERE e.company_id = company AND e.id = parent) END
    );
END
$$;


ALTER FUNCTION embudo.calendar_parent_readers(kind text, company integer, parent integer) OWNER TO embudo_owner;

--
-- Name: calendar_parent_readers_as_owner(text, integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_parent_readers_as_owner(kind text, company integer, parent integer) RETURNS integer[]
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT embudo.calendar_parent_readers(kind, company, parent) WHERE pg_trigger_depth() > 0
$$;


ALTER FUNCTION embudo.calendar_parent_readers_as_owner(kind text, company integer, parent integer) OWNER TO embudo_owner;

--
-- Name: calendar_partner_tz(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_partner_tz() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.tz IS NOT NULL AND embudo.calendar_tz(NEW.tz) <> NEW.tz THEN
        PERFORM embudo.refuse('validation', format('Unknown time zone %s: use a name such as America/Mexico_City.', left(NEW.tz, 100)));
    END IF;
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.calendar_partner_tz() OWNER TO embudo_owner;

--
-- Name: calendar_people_follow(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_people_follow() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    mode text := coalesce(nullif(current_setting('embudo.calendar_update_mode', true), ''), 'self_only');
    e public.calendar_event;
BEGIN
    IF mode = 'self_only' OR current_setting('embudo.calendar_propagating', true) = 'on' OR embudo.calendar_readers_only(OLD, NEW) THEN
        RETURN NULL;
    END IF;
    SELECT * INTO e FROM public.calendar_event x WHERE x.company_id = NEW.company_id AND x.id = NEW.id;
    IF NOT FOUND OR e.recurrence_id IS NULL
       OR position(',' || e.recurrence_id || ',' IN coalesce(current_setting('embudo.calendar_people_followed', true), '')) > 0 THEN
        RETURN NULL;
    END IF;
    -- Once per series and transaction (a write to all events updates every row of the series).
    PERFORM embudo.set_local('embudo.calendar_people_followed',
                             coalesce(current_setting('embudo.calendar_people_followed', true), '') || ',' || e.recurrence_id || ',');
    PERFORM embudo.set_local('embudo.calendar_propagating', 'on');
    PERFORM embudo.calendar_copy_people(e.company_id, e.id, ARRAY(
        SELECT x.id FROM public.calendar_event x
        WHERE x.company_id = e.company_id AND x.recurrence_id = e.recurrence_id AND x.id <> e.id
          AND (mode = 'all_events' OR x.start > e.start)));
    PERFORM embudo.set_local('embudo.calendar_propagating', '');
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.calendar_people_follow() OWNER TO embudo_owner;

--
-- Name: calendar_plain(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_plain(html text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT btrim(replace(replace(replace(replace(replace(replace(
               regexp_replace(regexp_replace(coalesce(html, ''), '<(br|/p|/div|/li)[^>]*>', E'\n', 'gi'), '<[^>]*>', '', 'g'),
               '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&'), E' \n')
$$;


ALTER FUNCTION embudo.calendar_plain(html text) OWNER TO embudo_owner;

--
-- Name: calendar_public_name(anyelement, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_public_name(e anyelement, lang text) RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT CASE WHEN e.privacy = 'private' THEN embudo.localized(lang, 'Private meeting', 'Reunión privada') ELSE e.name END
$$;


ALTER FUNCTION embudo.calendar_public_name(e anyelement, lang text) OWNER TO embudo_owner;

--
-- Name: calendar_readers(integer, integer, integer, text, text, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_readers(company integer, event integer, organizer integer, privacy text, res_model text, res_id integer) RETURNS integer[]
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT embudo.calendar_readers_of(company, event, organizer, privacy, res_model, res_id) WHERE pg_trigger_depth() > 0
$$;


ALTER FUNCTION embudo.calendar_readers(company integer, event integer, organizer integer, privacy text, res_model text, res_id integer) OWNER TO embudo_owner;

--
-- Name: calendar_readers_follow(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_readers_follow() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF embudo.rls_exempt() THEN
        PERFORM embudo.calendar_copy_readers_to(TG_ARGV[0], NEW.company_id, NEW.id, NEW.readers);
    ELSE
        PERFORM embudo.calendar_copy_readers_as_owner(TG_ARGV[0], NEW.company_id, NEW.id, NEW.readers);
    END IF;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.calendar_readers_follow() OWNER TO embudo_owner;

--
-- Name: calendar_readers_of(integer, integer, integer, text, text, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_readers_of(company integer, event integer, organizer integer, privacy text, res_model text, res_id integer) RETURNS integer[]
    LANGUAGE plpgsql STABLE
    AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT ARRAY(
            SELECT DISTINCT x FROM unnest(ARRAY[organizer]
                || ARRAY(SELECT r.res_users_id FROM public.calendar_event_res_users_rel r WHERE r.company_id = company AND r.calendar_event_id = event)
                || CASE WHEN privacy <> 'private' THEN ARRAY[-1]
                        || ARRAY(SELECT l.salesperson_key FROM public.crm_lead l WHERE res_model = 'crm.lead' AND l.company_id = company AND l.id = res_id)
                        || ARRAY(SELECT o.salesperson_key FROM public.sale_order o WHERE res_model = 'sale.order' AND o.company_id = company AND o.id = res_id)
                   ELSE '{}'::int[] END) x
            WHERE x IS NOT NULL ORDER BY x)
    );
END
$$;


ALTER FUNCTION embudo.calendar_readers_of(company integer, event integer, organizer integer, privacy text, res_model text, res_id integer) OWNER TO embudo_owner;

--
-- Name: calendar_readers_only(anyelement, anyelement); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_readers_only(earlier anyelement, later anyelement) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT to_jsonb(later) - 'readers' = to_jsonb(earlier) - 'readers'
$$;


ALTER FUNCTION embudo.calendar_readers_only(earlier anyelement, later anyelement) OWNER TO embudo_owner;

--
-- Name: calendar_readers_rule(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_readers_rule() RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT '(company_id = ANY ((SELECT embudo.company_ids(''all''))::int[]) AND readers @> ''{-1}''::int[]) '
           'OR readers && ARRAY[(SELECT embudo.current_user_id()), 0]'
$$;


ALTER FUNCTION embudo.calendar_readers_rule() OWNER TO embudo_owner;

--
-- Name: calendar_refresh(integer, integer[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_refresh(company integer, events integer[]) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF cardinality(events) = 0 THEN
        RETURN;
    ELSIF embudo.rls_exempt() THEN
        PERFORM embudo.calendar_refresh_readers(company, events);
    ELSE
        PERFORM embudo.calendar_refresh_readers_as_owner(company, events);
    END IF;
END
$$;


ALTER FUNCTION embudo.calendar_refresh(company integer, events integer[]) OWNER TO embudo_owner;

--
-- Name: calendar_refresh_readers(integer, integer[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_refresh_readers(company integer, events integer[]) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    previous constant text := embudo.begin_owner_writes();
BEGIN
    UPDATE public.calendar_event e SET readers = NULL WHERE e.company_id = company AND e.id = ANY (events);
    PERFORM embudo.end_owner_writes(previous);
END
$$;


ALTER FUNCTION embudo.calendar_refresh_readers(company integer, events integer[]) OWNER TO embudo_owner;

--
-- Name: calendar_refresh_readers_as_owner(integer, integer[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_refresh_readers_as_owner(company integer, events integer[]) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT embudo.calendar_refresh_readers(company, events) WHERE pg_trigger_depth() > 0
$$;


ALTER FUNCTION embudo.calendar_refresh_readers_as_owner(company integer, events integer[]) OWNER TO embudo_owner;

--
-- Name: calendar_rrule(anyelement); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_rrule(r anyelement) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT concat_ws(';', 'FREQ=' || upper(r.rrule_type), 'INTERVAL=' || r."interval",
                     CASE r.end_type WHEN 'count' THEN 'COUNT=' || r.count
                                     WHEN 'end_date' THEN 'UNTIL=' || to_char(r.until, 'YYYYMMDD') || 'T235959' END,
                     CASE WHEN r.rrule_type = 'weekly' THEN 'BYDAY=' || nullif(concat_ws(',', CASE WHEN r.mon THEN 'MO' END, CASE WHEN r.tue THEN 'TU' END,
                          CASE WHEN r.wed THEN 'WE' END, CASE WHEN r.thu THEN 'TH' END, CASE WHEN r.fri THEN 'FR' END,
                          CASE WHEN r.sat THEN 'SA' END, CASE WHEN r.sun THEN 'SU' END), '') END,
                     CASE WHEN r.rrule_type = 'monthly' AND r.month_by = 'date' THEN 'BYMONTHDAY=' || r.day END,
                     CASE WHEN r.rrule_type = 'monthly' AND r.month_by = 'day' THEN 'BYDAY=' || coalesce(r.byday, '1') || left(coalesce(r.weekday, 'MON'), 2) END)
$$;


ALTER FUNCTION embudo.calendar_rrule(r anyelement) OWNER TO embudo_owner;

--
-- Name: calendar_rrule_text(text, integer, text, integer, date); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_rrule_text(rrule_type text, step integer, end_type text, total integer, until date) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT 'Every ' || step || ' ' || initcap(CASE rrule_type WHEN 'daily' THEN 'days' WHEN 'weekly' THEN 'weeks' WHEN 'monthly' THEN 'months' ELSE 'years' END)
           || CASE end_type WHEN 'count' THEN ' for ' || total || ' events' WHEN 'end_date' THEN ' until ' || to_char(until, 'YYYY-MM-DD') ELSE '' END
$$;


ALTER FUNCTION embudo.calendar_rrule_text(rrule_type text, step integer, end_type text, total integer, until date) OWNER TO embudo_owner;

--
-- Name: calendar_send_reminders(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_send_reminders() RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    company int;
    made int;
    horizon int;
    queued int := 0;
BEGIN
    -- Every company (each has its BI group, made with it by embudo.create_company; res_company itself is
    -- fenced), except disabled ones.
    FOR company IN SELECT b.company_id FROM embudo.company_bi_role b
                   WHERE NOT EXISTS (SELECT 1 FROM embudo.disabled_company d WHERE d.company_id = b.company_id)
                   ORDER BY b.company_id LOOP
        PERFORM embudo.set_local('embudo.granted_own', '{' || company || '}', 'embudo.granted_all', '{' || company || '}',
                                 'embudo.granted_admin', '{}');
        -- Each company on its own: a failure in one (logged) never holds back the others' reminders.
        BEGIN
        horizon := (SELECT max(a.duration_minutes) FROM public.calendar_alarm a WHERE a.company_id = company AND a.alarm_type = 'email');
        CONTINUE WHEN horizon IS NULL;
        WITH due AS (
            SELECT e.company_id, e.id AS event_id, al.id AS alarm_id, a.id AS attendee_id, e.start AS event_start
            FROM public.calendar_event e
            JOIN public.calendar_alarm_calendar_event_rel r ON r.company_id = e.company_id AND r.calendar_event_id = e.id
            JOIN public.calendar_alarm al ON al.company_id = r.company_id AND al.id = r.calendar_alarm_id AND al.alarm_type = 'email'
            JOIN public.calendar_attendee a ON a.company_id = e.company_id AND a.event_id = e.id AND a.state <> 'declined'
            WHERE e.company_id = company AND e.active AND NOT e.done
              AND e.start < now() + make_interval(mins => horizon)
              -- (At the start itself for a reminder of 0 minutes, even if the worker looks a little late.)
              AND (e.start > now() OR (al.duration_minutes = 0 AND e.start > now() - interval '5 minutes'))
              AND e.start - make_interval(mins => al.duration_minutes) <= now()),
        fresh AS (
            INSERT INTO public.calendar_alarm_sent (company_id, event_id, alarm_id, attendee_id, event_start)
            SELECT * FROM due ON CONFLICT DO NOTHING
            RETURNING calendar_alarm_sent.company_id, calendar_alarm_sent.event_id, calendar_alarm_sent.attendee_id)
        INSERT INTO public.mail_mail (company_id, email_from, email_to, subject, body_html, model, res_id)
        SELECT f.company_id, embudo.mail_sender(f.company_id), embudo.mail_format_address(w.name, w.email),
               embudo.localized(l.lang, 'Reminder: ', 'Recordatorio: ') || e.name || ' — ' || embudo.calendar_when(e, l.tz, l.lang),
               '<div style="font-family: sans-serif"><p>' || embudo.html_escape(embudo.localized(l.lang, 'Reminder: ', 'Recordatorio: ') || e.name)
               || '</p><p>' || embudo.html_escape(embudo.calendar_when(e, l.tz, l.lang))
               || coalesce('<br/>' || embudo.html_escape(embudo.localized(l.lang, 'Where: ', 'Lugar: ') || nullif(e.location, '')), '')
               || coalesce('<br/>' || embudo.html_escape(embudo.localized(l.lang, 'Video call: ', 'Videollamada: ') || nullif(e.videocall_location, '')), '')
               || '</p></div>',
               'calendar.event', e.id
        FROM fresh f
        JOIN public.calendar_event e ON e.company_id = f.company_id AND e.id = f.event_id
        JOIN public.calendar_attendee a ON a.company_id = f.company_id AND a.id = f.attendee_id
        JOIN public.res_company c ON c.id = f.company_id
        LEFT JOIN public.res_partner p ON p.company_id = a.company_id AND p.id = a.partner_id
        LEFT JOIN public.res_users u ON u.id = a.user_id
        CROSS JOIN LATERAL embudo.calendar_address(a.company_id, a.partner_id, a.user_id) w
        CROSS JOIN LATERAL (SELECT coalesce(u.lang, p.lang, c.lang) AS lang, embudo.calendar_tz(coalesce(u.tz, p.tz, c.tz)) AS tz) l
        WHERE w.email IS NOT NULL;
        GET DIAGNOSTICS made = ROW_COUNT;
        queued := queued + made;
        EXCEPTION WHEN OTHERS THEN
            RAISE WARNING 'meeting reminders of company % not queued: % (SQLSTATE %)', company, SQLERRM, SQLSTATE;
        END;
    END LOOP;
    PERFORM embudo.set_local('embudo.granted_own', '', 'embudo.granted_all', '', 'embudo.granted_admin', '');
    RETURN queued;
END
$$;


ALTER FUNCTION embudo.calendar_send_reminders() OWNER TO embudo_owner;

--
-- Name: calendar_slots(timestamp with time zone, text, text, integer, text, integer, date, boolean[], text, integer, text, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_slots(dtstart timestamp with time zone, tz text, rrule_type text, step integer, end_type text, total integer, until date, weekdays boolean[], month_by text, month_day integer, byday text, weekday text) RETURNS SETOF timestamp with time zone
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
    local timestamp := dtstart AT TIME ZONE tz;
    first date := local::date;
    at_time time := local::time;
    wanted int;
    made int := 0;
    period int := 0;
    cap int := CASE WHEN end_type = 'count' THEN least(greatest(total, 1), 720) ELSE 720 END;
    candidates date[];
    candidate date;
    base date;
    dow int;
BEGIN
    IF step IS NULL OR step < 1 THEN
        PERFORM embudo.refuse('validation', 'The interval of a recurrence is a whole number from 1.');
    END IF;
    IF end_type = 'end_date' AND until IS NULL THEN
        PERFORM embudo.refuse('validation', 'A recurrence that ends on a date needs that date (until).');
    END IF;
    dow := coalesce(array_position(ARRAY['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'], weekday), extract(isodow FROM first)::int);
    WHILE period < 10000 LOOP
        candidates := CASE rrule_type
            WHEN 'daily' THEN ARRAY[first + period * step]
            WHEN 'weekly' THEN ARRAY(
                SELECT date_trunc('week', first)::date + period * step * 7 + (d - 1)
                FROM generate_series(1, 7) d
                WHERE coalesce(weekdays[d], false) OR (d = extract(isodow FROM first) AND NOT coalesce(true = ANY (weekdays), false))
                ORDER BY d)
            WHEN 'monthly' THEN ARRAY[CASE
                WHEN month_by = 'day' THEN (SELECT CASE WHEN byday = '-1'
                        THEN m + interval '1 month' - interval '1 day' - make_interval(days => (extract(isodow FROM m + interval '1 month' - interval '1 day')::int - dow + 7) % 7)
                        ELSE m + make_interval(days => (dow - extract(isodow FROM m)::int + 7) % 7 + 7 * (coalesce(byday, '1')::int - 1)) END
                    FROM (SELECT (date_trunc('month', first) + make_interval(months => period * step))::date AS m) x)::date
                ELSE (SELECT CASE WHEN extract(month FROM m + (coalesce(month_day, extract(day FROM first)::int) - 1)) = extract(month FROM m)
                                  THEN m + (coalesce(month_day, extract(day FROM first)::int) - 1) END
                      FROM (SELECT (date_trunc('month', first) + make_interval(months => period * step))::date AS m) x) END]
            WHEN 'yearly' THEN ARRAY[(SELECT CASE WHEN extract(day FROM y) = extract(day FROM first) THEN y END
                                      FROM (SELECT (first + make_interval(years => period * step))::date AS y) x)]
        END;
        IF candidates IS NULL THEN
            PERFORM embudo.refuse('validation', 'A recurrence repeats daily, weekly, monthly or yearly.');
        END IF;
        FOREACH candidate IN ARRAY candidates LOOP
            CONTINUE WHEN candidate IS NULL OR candidate < first;
            IF end_type = 'end_date' AND candidate > until THEN
                RETURN;
            END IF;
            RETURN NEXT (candidate + at_time) AT TIME ZONE tz;
            made := made + 1;
            IF made >= cap THEN
                RETURN;
            END IF;
        END LOOP;
        period := period + 1;
    END LOOP;
END
$$;


ALTER FUNCTION embudo.calendar_slots(dtstart timestamp with time zone, tz text, rrule_type text, step integer, end_type text, total integer, until date, weekdays boolean[], month_by text, month_day integer, byday text, weekday text) OWNER TO embudo_owner;

--
-- Name: calendar_token_answer(integer, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_token_answer(attendee integer, answer text) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    a public.calendar_attendee;
BEGIN
    IF answer NOT IN ('accepted', 'declined', 'tentative') THEN
        PERFORM embudo.refuse('validation', 'Answer accepted, declined or tentative.');
    END IF;
    SELECT x.* INTO a FROM public.calendar_attendee x WHERE x.id = attendee;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('user', 'This invitation no longer exists.');
    END IF;
    PERFORM embudo.set_local('embudo.calendar_contact_answer', 'on');
    UPDATE public.calendar_attendee x SET state = answer
    FROM public.calendar_event e, public.calendar_event mine
    WHERE mine.company_id = a.company_id AND mine.id = a.event_id
      AND e.company_id = a.company_id AND e.ical_uid = mine.ical_uid AND e.active
      AND x.company_id = e.company_id AND x.event_id = e.id AND x.partner_id = a.partner_id AND x.state <> answer;
    PERFORM embudo.set_local('embudo.calendar_contact_answer', '');
END
$$;


ALTER FUNCTION embudo.calendar_token_answer(attendee integer, answer text) OWNER TO embudo_owner;

--
-- Name: calendar_token_resolve(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_token_resolve(token text) RETURNS TABLE(company_id integer, attendee_id integer, acting_user integer, form_key text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    company constant int := embudo.token_company(token);
    hash constant bytea := sha256(convert_to(token, 'UTF8'));
BEGIN
    IF company IS NOT NULL THEN
        RETURN QUERY SELECT t.company_id, t.attendee_id, t.acting_user, embudo.link_form_key(token)
        FROM public.calendar_attendee_token t WHERE t.company_id = company AND t.token_hash = hash AND t.expires_at > now();
    ELSE
        RETURN QUERY SELECT t.company_id, t.attendee_id, t.acting_user, embudo.link_form_key(token)
        FROM public.calendar_attendee_token t WHERE t.token_hash = hash AND t.expires_at > now();
    END IF;
END
$$;


ALTER FUNCTION embudo.calendar_token_resolve(token text) OWNER TO embudo_owner;

--
-- Name: calendar_tz(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_tz(tz text) RETURNS text
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
    IF tz IS NULL OR tz = '' THEN
        RETURN 'UTC';
    END IF;
    PERFORM now() AT TIME ZONE tz;
    RETURN tz;
EXCEPTION WHEN invalid_parameter_value THEN
    RETURN 'UTC';
END
$$;


ALTER FUNCTION embudo.calendar_tz(tz text) OWNER TO embudo_owner;

--
-- Name: calendar_uninvite(integer, integer, integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_uninvite(company integer, event integer, partner integer, member integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    DELETE FROM public.calendar_attendee a
    WHERE a.company_id = company AND a.event_id = event AND (a.partner_id = partner OR a.user_id = member);
    IF FOUND AND EXISTS (SELECT 1 FROM public.calendar_event e WHERE e.company_id = company AND e.id = event AND e.active) THEN
        PERFORM embudo.calendar_notify_removed(company, event, partner, member);
    END IF;
END
$$;


ALTER FUNCTION embudo.calendar_uninvite(company integer, event integer, partner integer, member integer) OWNER TO embudo_owner;

--
-- Name: calendar_upcoming(integer[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_upcoming(company integer[]) RETURNS TABLE(today integer, next_days integer)
    LANGUAGE plpgsql STABLE
    AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT count(*) FILTER (WHERE (e.start AT TIME ZONE tz)::date <= d AND (e.stop AT TIME ZONE tz)::date >= d)::int,
           count(*) FILTER (WHERE (e.start AT TIME ZONE tz)::date BETWEEN d AND d + 7)::int
    FROM (SELECT coalesce((SELECT u.tz FROM public.res_users u WHERE u.id = embudo.current_user_id()), 'UTC') AS tz) z,
         LATERAL (SELECT (now() AT TIME ZONE z.tz)::date AS d) t,
         public.calendar_event e
    WHERE e.company_id = ANY (company) AND e.active AND NOT e.done
      AND e.start < (t.d + 9)::timestamp AT TIME ZONE z.tz AND e.stop >= t.d::timestamp AT TIME ZONE z.tz
      AND (e.user_id = embudo.current_user_id() OR embudo.calendar_attends(e.company_id, e.id));
END
$$;


ALTER FUNCTION embudo.calendar_upcoming(company integer[]) OWNER TO embudo_owner;

--
-- Name: calendar_when(anyelement, text, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.calendar_when(e anyelement, tz text, lang text) RETURNS text
    LANGUAGE sql STABLE
    AS $$
    WITH z AS (SELECT embudo.calendar_tz(tz) AS tz)
    SELECT CASE WHEN e.allday THEN to_char(e.start_date, 'YYYY-MM-DD')
                                   || CASE WHEN e.stop_date > e.start_date THEN ' – ' || to_char(e.stop_date, 'YYYY-MM-DD') ELSE '' END
                                   || embudo.localized(lang, ' (all day)', ' (todo el día)')
                ELSE to_char(e.start AT TIME ZONE z.tz, 'YYYY-MM-DD HH24:MI') || '–'
                     || to_char(e.stop AT TIME ZONE z.tz,
                                CASE WHEN (e.stop AT TIME ZONE z.tz)::date = (e.start AT TIME ZONE z.tz)::date
                                     THEN 'HH24:MI' ELSE 'YYYY-MM-DD HH24:MI' END)
                     || ' (' || z.tz || ')' END
    FROM z
$$;


ALTER FUNCTION embudo.calendar_when(e anyelement, tz text, lang text) OWNER TO embudo_owner;

--
-- Name: cancel_invitation(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.cancel_invitation(invitation integer) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
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


ALTER FUNCTION embudo.cancel_invitation(invitation integer) OWNER TO embudo_owner;

--
-- Name: change_company_currency(integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.change_company_currency(company integer, currency integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    previous int;
BEGIN
    IF company IS NULL OR currency IS NULL THEN
        PERFORM embudo.refuse('validation', 'A company and a currency are needed.');
    END IF;
    IF NOT company = ANY (embudo.company_ids('admin')) THEN
        PERFORM embudo.refuse('access', 'Only the company''s administrators may change its currency.');
    END IF;
    SELECT c.currency_id INTO previous FROM public.res_company c WHERE c.id = company;
    IF previous IS NOT DISTINCT FROM currency THEN
        RETURN previous;
    END IF;
    IF NOT EXISTS (SELECT FROM public.res_currency c WHERE c.id = currency) THEN
        PERFORM embudo.refuse('validation', format('There is no currency %s.', currency));
    END IF;
    IF EXISTS (SELECT FROM public.sale_order o WHERE o.company_id = company) THEN
        PERFORM embudo.refuse('user', format('The currency cannot change: the company has quotations or orders in %s.',
                                             (SELECT c.name FROM public.res_currency c WHERE c.id = previous)));
    END IF;
    -- (As the owner, through owner_currency: the request's companies it administers.)
    UPDATE public.res_company c SET currency_id = currency, write_date = now() WHERE c.id = company;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('access', 'Only the company''s administrators may change its currency.');
    END IF;
    UPDATE public.res_currency c SET active = true WHERE c.id = currency AND NOT c.active;
    RETURN previous;
END
$$;


ALTER FUNCTION embudo.change_company_currency(company integer, currency integer) OWNER TO embudo_owner;

--
-- Name: change_own_password(text, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.change_own_password(old_password text, new_password text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    me int := embudo.current_user_id();
BEGIN
    IF new_password IS NULL OR length(new_password) < 8 THEN
        PERFORM embudo.refuse('validation', 'The new password must have at least 8 characters.');
    END IF;
    IF me IS NULL OR old_password IS NULL
       OR EXISTS (SELECT 1 FROM embudo.user_api_key k WHERE k.user_id = me AND k.key_hash = sha256(convert_to(old_password, 'UTF8')))
       OR NOT EXISTS (SELECT 1 FROM embudo.throttled_login('uid:' || me, me, old_password)) THEN
        RETURN false;
    END IF;
    UPDATE public.res_users SET password_hash = embudo_crypto.crypt(new_password, embudo_crypto.gen_salt('bf', 10)), write_date = now()
    WHERE id = me;
    RETURN true;
END
$$;


ALTER FUNCTION embudo.change_own_password(old_password text, new_password text) OWNER TO embudo_owner;

--
-- Name: check_cfdi(text, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.check_cfdi(policy text, method integer) RETURNS void
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
    IF policy = 'PPD' AND method IS NOT NULL
       AND (SELECT m.code FROM public.l10n_mx_edi_payment_method m WHERE m.id = method) <> '99' THEN
        PERFORM embudo.refuse('validation', 'CFDI 3.3: with payment method PPD (in instalments or deferred) the payment form must be 99 (Por definir).');
    END IF;
END
$$;


ALTER FUNCTION embudo.check_cfdi(policy text, method integer) OWNER TO embudo_owner;

--
-- Name: company_ids_computed(embudo.access_level); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.company_ids_computed(minimum embudo.access_level) RETURNS integer[]
    LANGUAGE plpgsql STABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF current_user IN ('embudo_service', 'embudo_owner') THEN
        -- No user, no companies, without a query (on Citus this runs on the workers, which a policy's
        -- helper may not query the cluster's tables from).
        IF nullif(current_setting('embudo.user_id', true), '') IS NULL THEN
            RETURN '{}';
        END IF;
        RETURN embudo.member_company_ids(
            nullif(current_setting('embudo.user_id', true), '')::int,
            string_to_array(nullif(current_setting('embudo.company_ids', true), ''), ',')::int[],
            minimum);
    END IF;
    IF minimum > 'all' THEN
        RETURN '{}';
    END IF;
    -- Joined to pg_roles so that a group role dropped by hand cannot make every BI query fail.
    RETURN ARRAY(
        SELECT b.company_id
        FROM embudo.company_bi_role b
        JOIN pg_roles r ON r.rolname = b.role_name
        WHERE pg_has_role(current_user, r.oid, 'USAGE')
          AND NOT EXISTS (SELECT 1 FROM embudo.disabled_company d WHERE d.company_id = b.company_id));
END
$$;


ALTER FUNCTION embudo.company_ids_computed(minimum embudo.access_level) OWNER TO embudo_owner;

--
-- Name: company_ids(embudo.access_level); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.company_ids(minimum embudo.access_level DEFAULT 'own'::embudo.access_level) RETURNS integer[]
    LANGUAGE sql STABLE PARALLEL SAFE
    BEGIN ATOMIC
 SELECT
         CASE
             WHEN ((CURRENT_USER = ANY (ARRAY['embudo_service'::name, 'embudo_owner'::name])) AND (NULLIF(current_setting(('embudo.granted_'::text || (minimum)::text), true), ''::text) IS NOT NULL)) THEN (current_setting(('embudo.granted_'::text || (minimum)::text), true))::integer[]
             ELSE embudo.company_ids_computed(minimum)
         END AS company_ids_computed;
END;


ALTER FUNCTION embudo.company_ids(minimum embudo.access_level) OWNER TO embudo_owner;

--
-- Name: company_token(integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.company_token(company integer, bytes integer) RETURNS text
    LANGUAGE sql
    AS $$
    SELECT company::text || '-' || embudo.random_token(bytes)
$$;


ALTER FUNCTION embudo.company_token(company integer, bytes integer) OWNER TO embudo_owner;

--
-- Name: contains_pattern(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.contains_pattern(text text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT '%' || replace(replace(replace(text, '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;


ALTER FUNCTION embudo.contains_pattern(text text) OWNER TO embudo_owner;

--
-- Name: copy_document_salesperson(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.copy_document_salesperson() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    kind text;
    key int;
BEGIN
    IF TG_TABLE_NAME IN ('mail_message', 'mail_mail') THEN
        kind := NEW.model;
    ELSE
        kind := NEW.res_model;
    END IF;
    NEW.lead_salesperson_key := NULL;
    NEW.order_salesperson_key := NULL;
    IF kind IS NULL OR kind NOT IN ('crm.lead', 'sale.order') THEN
        -- No document, or another kind (mail about a meeting; the check on the model of the history's
        -- tables refuses any other).
        RETURN NEW;
    END IF;
    key := coalesce(embudo.document_salesperson_key(kind, NEW.company_id, NEW.res_id),
                    embudo.document_salesperson_key_as_owner(kind, NEW.company_id, NEW.res_id));
    IF key IS NULL THEN
        RAISE EXCEPTION 'the % % does not exist', kind, NEW.res_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    NEW.lead_salesperson_key := CASE WHEN kind = 'crm.lead' THEN key END;
    NEW.order_salesperson_key := CASE WHEN kind = 'sale.order' THEN key END;
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.copy_document_salesperson() OWNER TO embudo_owner;

--
-- Name: copy_message_salesperson(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.copy_message_salesperson() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.salesperson_key := coalesce(embudo.message_salesperson_key(NEW.company_id, NEW.mail_message_id),
                                    embudo.message_salesperson_key_as_owner(NEW.company_id, NEW.mail_message_id));
    IF NEW.salesperson_key IS NULL THEN
        RAISE EXCEPTION 'the message % does not exist', NEW.mail_message_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.copy_message_salesperson() OWNER TO embudo_owner;

--
-- Name: copy_salesperson_key(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.copy_salesperson_key() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    CASE TG_ARGV[0]
    WHEN 'crm_lead' THEN
        SELECT p.salesperson_key INTO NEW.salesperson_key FROM public.crm_lead p WHERE p.company_id = NEW.company_id AND p.id = NEW.lead_id;
    WHEN 'sale_order' THEN
        SELECT p.salesperson_key INTO NEW.salesperson_key FROM public.sale_order p WHERE p.company_id = NEW.company_id AND p.id = NEW.order_id;
    WHEN 'sale_order_line' THEN
        SELECT p.salesperson_key INTO NEW.salesperson_key FROM public.sale_order_line p
        WHERE p.company_id = NEW.company_id AND p.id = NEW.sale_order_line_id;
    END CASE;
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.copy_salesperson_key() OWNER TO embudo_owner;

--
-- Name: count_existing(regclass, integer[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.count_existing(target regclass, ids integer[]) RETURNS integer
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    found int;
    fence name := CASE WHEN target = 'public.res_company'::regclass THEN 'id' ELSE 'company_id' END;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = target AND a.attname = fence AND a.attnum > 0 AND NOT a.attisdropped) THEN
        EXECUTE format('SELECT count(*)::int FROM %s WHERE id = ANY ($1) AND %I = ANY ($2)', target, fence)
            INTO found USING ids, embudo.company_ids();
    ELSE
        EXECUTE format('SELECT count(*)::int FROM %s WHERE id = ANY ($1)', target) INTO found USING ids;
    END IF;
    RETURN found;
END
$_$;


ALTER FUNCTION embudo.count_existing(target regclass, ids integer[]) OWNER TO embudo_owner;

--
-- Name: create_api_key(integer, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.create_api_key(target integer, key_name text) RETURNS text
    LANGUAGE plpgsql
    AS $$
DECLARE
    new_key text := encode(embudo_crypto.gen_random_bytes(20), 'hex');
BEGIN
    INSERT INTO embudo.user_api_key (user_id, name, key_hash) VALUES (target, key_name, sha256(convert_to(new_key, 'UTF8')));
    RETURN new_key;
END
$$;


ALTER FUNCTION embudo.create_api_key(target integer, key_name text) OWNER TO embudo_owner;

--
-- Name: create_bi_login(integer, name, text, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.create_bi_login(company integer, login name, password text, connections integer DEFAULT 2) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    group_role name := (SELECT role_name FROM embudo.company_bi_role WHERE company_id = company);
BEGIN
    IF group_role IS NULL THEN
        RAISE EXCEPTION 'company % does not exist', company USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF connections IS NULL OR connections < 1 THEN
        RAISE EXCEPTION 'a BI login needs a connection limit of at least 1' USING ERRCODE = 'check_violation';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L CONNECTION LIMIT %s IN ROLE %I', login, password, connections, group_role);
    EXECUTE format('ALTER ROLE %I SET statement_timeout = %L', login, '60s');
    EXECUTE format('ALTER ROLE %I SET max_parallel_workers_per_gather = 0', login);
    EXECUTE format('ALTER ROLE %I SET jit = off', login);
    EXECUTE format('ALTER ROLE %I SET search_path = report', login);
    EXECUTE format('ALTER ROLE %I SET default_transaction_read_only = on', login);
END
$$;


ALTER FUNCTION embudo.create_bi_login(company integer, login name, password text, connections integer) OWNER TO embudo_owner;

--
-- Name: create_company(text, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.create_company(company_name text, company_lang text DEFAULT 'en_US'::text) RETURNS integer
    LANGUAGE plpgsql
    AS $_$
DECLARE
    new_id int;
    seed name;
    group_role name := 'embudo_bi_' || substr(md5(gen_random_uuid()::text), 1, 16);
    -- The language names the company's default records (the seed triggers) and chooses its currency.
    -- (Looked up first: Citus refuses a subquery inside INSERT … VALUES.)
    currency constant int := coalesce((SELECT c.id FROM public.res_currency c
                                       WHERE c.name = CASE company_lang WHEN 'es_MX' THEN 'MXN' WHEN 'es_ES' THEN 'EUR' END),
                                      embudo.default_currency());
BEGIN
    INSERT INTO public.res_company (name, lang, currency_id) VALUES (company_name, company_lang, currency)
    RETURNING id INTO new_id;
    FOR seed IN
        SELECT p.proname FROM pg_catalog.pg_proc p
        WHERE p.pronamespace = 'embudo'::regnamespace AND p.proname ~ '^seed_[0-9]+_' ORDER BY p.proname
    LOOP
        EXECUTE format('SELECT embudo.%I($1)', seed) USING new_id;
    END LOOP;
    EXECUTE format('CREATE ROLE %I NOLOGIN IN ROLE embudo_bi', group_role);
    INSERT INTO embudo.company_bi_role (company_id, role_name) VALUES (new_id, group_role);
    RETURN new_id;
END
$_$;


ALTER FUNCTION embudo.create_company(company_name text, company_lang text) OWNER TO embudo_owner;

--
-- Name: credential_stamp(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.credential_stamp(target integer) RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    RETURN (SELECT md5(u.credential_version::text
            || ':' || coalesce((SELECT string_agg(k.id::text || '=' || encode(k.key_hash, 'hex'), ',' ORDER BY k.id)
                                FROM embudo.user_api_key k WHERE k.user_id = target), '')
            || ':' || coalesce((SELECT string_agg(m.company_id::text || m.access_level::text
                                                  || CASE WHEN d.company_id IS NULL THEN '' ELSE '-' END, ',' ORDER BY m.company_id)
                                FROM public.res_company_member m LEFT JOIN embudo.disabled_company d ON d.company_id = m.company_id
                                WHERE m.user_id = target), ''))
            FROM public.res_users u WHERE u.id = target);
END
$$;


ALTER FUNCTION embudo.credential_stamp(target integer) OWNER TO embudo_owner;

--
-- Name: credentials_changed(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.credentials_changed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    NEW.credential_version := OLD.credential_version + 1;
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.credentials_changed() OWNER TO embudo_owner;

--
-- Name: crm_action_set_lost(integer[], integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_action_set_lost(ids integer[], reason integer) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    done int;
BEGIN
    UPDATE public.crm_lead SET active = false, lost_reason = coalesce(reason, lost_reason), write_date = now(),
                               write_uid = embudo.current_user_id()
    WHERE id = ANY (ids) AND active;
    GET DIAGNOSTICS done = ROW_COUNT;
    RETURN done;
END
$$;


ALTER FUNCTION embudo.crm_action_set_lost(ids integer[], reason integer) OWNER TO embudo_owner;

--
-- Name: crm_action_set_won(integer[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_action_set_won(ids integer[]) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    lead record;
    won_stage int;
    done int := 0;
BEGIN
    FOR lead IN SELECT l.company_id, l.id, l.team_id, l.type FROM public.crm_lead l WHERE l.id = ANY (ids) ORDER BY l.id LOOP
        SELECT s.id INTO won_stage FROM public.crm_stage s
        WHERE s.company_id = lead.company_id AND s.is_won AND (s.team_id IS NULL OR s.team_id = lead.team_id)
        ORDER BY s.sequence, s.id LIMIT 1;
        IF won_stage IS NULL THEN
            PERFORM embudo.refuse('user', 'There is no won stage for this sales team: add one before marking opportunities won.');
        END IF;
        UPDATE public.crm_lead SET active = true, stage_id = won_stage, probability = 100, write_date = now(),
                                   write_uid = embudo.current_user_id()
        WHERE company_id = lead.company_id AND id = lead.id;
        done := done + 1;
    END LOOP;
    RETURN done;
END
$$;


ALTER FUNCTION embudo.crm_action_set_won(ids integer[]) OWNER TO embudo_owner;

--
-- Name: crm_convert(integer[], text, integer, integer[], integer, boolean); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_convert(ids integer[], action text, partner integer, salespeople integer[], team integer, force_assignment boolean) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    lead public.crm_lead;
    customer int;
    position int := 0;
    salesperson int;
    author int := embudo.current_user_id();
BEGIN
    IF action NOT IN ('create', 'exist', 'nothing', 'each_exist_or_create') THEN
        PERFORM embudo.refuse('validation', format('Unknown conversion action %s.', action));
    END IF;
    IF EXISTS (SELECT 1 FROM public.crm_lead l WHERE l.id = ANY (ids) AND l.probability = 100) THEN
        PERFORM embudo.refuse('user', 'Closed/Dead leads cannot be converted into opportunities.');
    END IF;
    IF (SELECT count(*) FROM public.crm_lead l WHERE l.id = ANY (ids)) < cardinality(ARRAY(SELECT DISTINCT unnest(ids))) THEN
        PERFORM embudo.refuse('user', 'Some of the leads to convert do not exist or you cannot see them.');
    END IF;
    -- Locked first (in id order, so that concurrent conversions queue instead of deadlocking): a second
    -- conversion of the same lead sees the first one's customer and creates none.
    PERFORM 1 FROM public.crm_lead l WHERE l.id = ANY (ids) ORDER BY l.id FOR UPDATE;
    FOR lead IN SELECT * FROM public.crm_lead l WHERE l.id = ANY (ids) ORDER BY array_position(ids, l.id) LOOP
        IF NOT lead.active THEN
            CONTINUE;
        END IF;
        position := position + 1;
        salesperson := CASE WHEN cardinality(salespeople) > 0 THEN salespeople[1 + (position - 1) % cardinality(salespeople)] END;
        customer := lead.partner_id;
        IF action <> 'nothing' THEN
            IF action = 'each_exist_or_create' THEN
                customer := coalesce(customer, (SELECT p.id FROM public.res_partner p WHERE p.company_id = lead.company_id
                    AND lead.email_normalized IS NOT NULL AND embudo.normalize_email(p.email) = lead.email_normalized ORDER BY p.id LIMIT 1));
                IF customer IS NULL THEN
                    customer := embudo.crm_create_customer(lead, coalesce(salesperson, lead.user_id));
                END IF;
            -- Odoo 17's rules: the wizard's customer counts for 'exist' only (its partner_id is computed for
            -- that action alone); 'create' keeps the lead's own customer, else creates one from the lead,
            -- never linking a contact that merely matches by name or e-mail.
            ELSIF action = 'exist' THEN
                customer := coalesce(partner, customer);
            ELSIF action = 'create' AND customer IS NULL THEN
                customer := embudo.crm_create_customer(lead, coalesce(salesperson, lead.user_id));
            END IF;
        END IF;
        UPDATE public.crm_lead l
        SET type = 'opportunity', date_conversion = now(), date_open = now(), partner_id = customer,
            stage_id = coalesce(l.stage_id, embudo.crm_first_stage(l.company_id, coalesce(team, l.team_id), false)),
            user_id = CASE WHEN salesperson IS NOT NULL AND (force_assignment OR l.user_id IS NULL) THEN salesperson ELSE l.user_id END,
            team_id = coalesce(team, l.team_id),
            write_date = now(), write_uid = author
        WHERE l.id = lead.id;
    END LOOP;
    RETURN ids[1];
END
$$;


ALTER FUNCTION embudo.crm_convert(ids integer[], action text, partner integer, salespeople integer[], team integer, force_assignment boolean) OWNER TO embudo_owner;

--
-- Name: crm_convert_defaults(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_convert_defaults(lead_id integer) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
    lead public.crm_lead;
    partner int;
    email text;
    duplicates int[];
BEGIN
    SELECT * INTO lead FROM public.crm_lead l WHERE l.id = lead_id;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('user', 'The lead to convert does not exist or you cannot see it.');
    END IF;
    partner := embudo.crm_matching_partner(lead);
    email := coalesce((SELECT p.email FROM public.res_partner p WHERE p.company_id = lead.company_id AND p.id = lead.partner_id), lead.email_from);
    duplicates := embudo.crm_duplicates(lead.company_id, email, lead.partner_id, true);
    IF NOT lead_id = ANY (duplicates) THEN
        duplicates := duplicates || lead_id;
    END IF;
    RETURN jsonb_build_object(
        'lead_id', lead.id,
        'name', CASE WHEN cardinality(duplicates) >= 2 THEN 'merge' ELSE 'convert' END,
        'action', CASE WHEN partner IS NOT NULL THEN 'exist' WHEN lead.contact_name IS NOT NULL THEN 'create' ELSE 'nothing' END,
        'partner_id', partner,
        'user_id', lead.user_id,
        'team_id', coalesce(embudo.crm_default_team(lead.company_id, lead.user_id, 'opportunity'), lead.team_id),
        'duplicated_lead_ids', to_jsonb(duplicates),
        'force_assignment', true);
END
$$;


ALTER FUNCTION embudo.crm_convert_defaults(lead_id integer) OWNER TO embudo_owner;

--
-- Name: crm_convert_merge(integer[], text, integer, integer, integer, boolean); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_convert_merge(ids integer[], action text, partner integer, salesperson integer, team integer, force_assignment boolean) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    head int := embudo.crm_merge(ids, NULL, NULL, false);
    kind text;
BEGIN
    UPDATE public.crm_lead SET active = true WHERE id = head AND NOT active;
    SELECT l.type INTO kind FROM public.crm_lead l WHERE l.id = head;
    IF kind = 'lead' THEN
        PERFORM embudo.crm_convert(ARRAY[head], action, partner,
                                   CASE WHEN salesperson IS NULL THEN '{}'::int[] ELSE ARRAY[salesperson] END, team, force_assignment);
    ELSE
        UPDATE public.crm_lead l
        SET user_id = CASE WHEN salesperson IS NOT NULL AND (force_assignment OR l.user_id IS NULL) THEN salesperson ELSE l.user_id END,
            team_id = CASE WHEN team IS NOT NULL AND (force_assignment OR l.user_id IS NULL) THEN team ELSE l.team_id END
        WHERE l.id = head;
    END IF;
    RETURN head;
END
$$;


ALTER FUNCTION embudo.crm_convert_merge(ids integer[], action text, partner integer, salesperson integer, team integer, force_assignment boolean) OWNER TO embudo_owner;

--
-- Name: crm_count_closing(anyelement, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_count_closing(lead anyelement, sign integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    won boolean := lead.type = 'opportunity' AND lead.probability = 100;
    lost boolean := lead.type = 'opportunity' AND NOT lead.active AND lead.probability = 0;
BEGIN
    IF lead.team_id IS NULL OR lead.date_closed IS NULL OR NOT (won OR lost) THEN
        RETURN;
    END IF;
    INSERT INTO public.crm_team_closing AS c (company_id, team_id, month, won, lost)
    VALUES (lead.company_id, lead.team_id, date_trunc('month', lead.date_closed)::date,
            CASE WHEN won THEN sign ELSE 0 END, CASE WHEN lost THEN sign ELSE 0 END)
    ON CONFLICT (company_id, team_id, month) DO UPDATE
    SET won = greatest(c.won + excluded.won, 0), lost = greatest(c.lost + excluded.lost, 0);
END
$$;


ALTER FUNCTION embudo.crm_count_closing(lead anyelement, sign integer) OWNER TO embudo_owner;

--
-- Name: crm_create_customer(anyelement, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_create_customer(lead anyelement, salesperson integer) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    contact text := coalesce(lead.contact_name,
        nullif(btrim(split_part(lead.email_from, '<', 1), ' "'), ''),
        split_part(embudo.normalize_email(lead.email_from), '@', 1));
    company_partner int;
    person int;
    author int := embudo.current_user_id();
    lang text := (SELECT l.code FROM public.res_lang l WHERE l.id = lead.lang_id);
BEGIN
    IF contact = lead.email_from THEN
        contact := split_part(embudo.normalize_email(lead.email_from), '@', 1);
    END IF;
    IF lead.partner_name IS NOT NULL THEN
        INSERT INTO public.res_partner (company_id, name, is_company, user_id, team_id, comment, phone, mobile, email, title,
                                        function, street, street2, zip, city, country_id, state_id, website, lang, create_uid, write_uid)
        VALUES (lead.company_id, lead.partner_name, true, salesperson, lead.team_id, lead.description, lead.phone, lead.mobile,
                embudo.normalize_email(lead.email_from), NULL, NULL, lead.street, lead.street2, lead.zip, lead.city, lead.country_id,
                lead.state_id, lead.website, lang, author, author)
        RETURNING id INTO company_partner;
    ELSIF lead.partner_id IS NOT NULL THEN
        company_partner := lead.partner_id;
    END IF;
    IF contact IS NOT NULL OR company_partner IS NULL THEN
        INSERT INTO public.res_partner (company_id, name, is_company, parent_id, user_id, team_id, comment, phone, mobile, email,
                                        title, function, street, street2, zip, city, country_id, state_id, website, lang,
                                        create_uid, write_uid)
        VALUES (lead.company_id, coalesce(contact, lead.name), false, company_partner, salesperson, lead.team_id, lead.description,
                lead.phone, lead.mobile, embudo.normalize_email(lead.email_from), lead.title, lead.function, lead.street,
                lead.street2, lead.zip, lead.city, lead.country_id, lead.state_id, lead.website, lang, author, author)
        RETURNING id INTO person;
        RETURN person;
    END IF;
    RETURN company_partner;
END
$$;


ALTER FUNCTION embudo.crm_create_customer(lead anyelement, salesperson integer) OWNER TO embudo_owner;

--
-- Name: crm_default_team(integer, integer, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_default_team(company integer, salesperson integer, lead_type text) RETURNS integer
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
    team int;
BEGIN
    -- (Every table read names the company itself, not through another's column: on Citus, where this
    -- runs on the lead's node, each query is then one task there.)
    IF salesperson IS NOT NULL THEN
        SELECT t.id INTO team FROM public.crm_team t
        WHERE t.company_id = company AND t.active
          AND (t.user_id = salesperson
               OR t.id IN (SELECT m.team_id FROM public.crm_team_member m WHERE m.company_id = company AND m.user_id = salesperson))
        ORDER BY t.sequence, t.id LIMIT 1;
    END IF;
    IF team IS NULL THEN
        SELECT t.id INTO team FROM public.crm_team t
        WHERE t.company_id = company AND t.active AND (CASE WHEN lead_type = 'lead' THEN t.use_leads ELSE t.use_opportunities END)
        ORDER BY t.sequence, t.id LIMIT 1;
    END IF;
    RETURN team;
END
$$;


ALTER FUNCTION embudo.crm_default_team(company integer, salesperson integer, lead_type text) OWNER TO embudo_owner;

--
-- Name: crm_duplicates(integer, text, integer, boolean); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_duplicates(company integer, email text, partner integer, include_lost boolean) RETURNS integer[]
    LANGUAGE plpgsql STABLE
    AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT coalesce(array_agg(l.id ORDER BY l.id), '{}')
        FROM public.crm_lead l
        WHERE l.company_id = company
          AND ((email IS NOT NULL AND l.email_normalized = embudo.normalize_email(email)) OR (partner IS NOT NULL AND l.partner_id = partner))
          AND CASE WHEN include_lost THEN l.type = 'opportunity' OR l.active
                   ELSE l.active AND (l.probability IS NULL OR l.probability < 100) END
    );
END
$$;


ALTER FUNCTION embudo.crm_duplicates(company integer, email text, partner integer, include_lost boolean) OWNER TO embudo_owner;

--
-- Name: crm_first_stage(integer, integer, boolean); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_first_stage(company integer, team integer, unfolded_only boolean) RETURNS integer
    LANGUAGE plpgsql STABLE
    AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT s.id FROM public.crm_stage s
        WHERE s.company_id = company AND (s.team_id IS NULL OR s.team_id = team) AND (NOT unfolded_only OR NOT s.fold)
        ORDER BY s.sequence, s.id
        LIMIT 1
    );
END
$$;


ALTER FUNCTION embudo.crm_first_stage(company integer, team integer, unfolded_only boolean) OWNER TO embudo_owner;

--
-- Name: crm_follow(integer, integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_follow(company integer, lead integer, follower integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
#variable_conflict use_column
BEGIN
    INSERT INTO public.mail_followers (company_id, res_model, res_id, user_id)
    SELECT company, 'crm.lead', lead, follower WHERE follower IS NOT NULL
    ON CONFLICT DO NOTHING;
END
$$;


ALTER FUNCTION embudo.crm_follow(company integer, lead integer, follower integer) OWNER TO embudo_owner;

--
-- Name: crm_lead_before_insert(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_lead_before_insert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    won boolean;
BEGIN
    IF NEW.type IS NULL THEN
        NEW.type := CASE WHEN (SELECT c.crm_use_leads FROM public.res_company c WHERE c.id = NEW.company_id) THEN 'lead' ELSE 'opportunity' END;
    END IF;
    IF NEW.team_id IS NULL THEN
        NEW.team_id := embudo.crm_default_team(NEW.company_id, NEW.user_id, NEW.type);
    END IF;
    IF NEW.stage_id IS NULL THEN
        NEW.stage_id := embudo.crm_first_stage(NEW.company_id, NEW.team_id, true);
    END IF;
    IF NEW.user_id IS NOT NULL AND NEW.date_open IS NULL THEN
        NEW.date_open := now();
    END IF;
    IF NEW.partner_id IS NOT NULL THEN
        NEW := embudo.crm_lead_from_partner(NEW, false);
    END IF;
    IF NEW.website IS NOT NULL AND NEW.website !~* '^[a-z][a-z0-9+.-]*://' THEN
        NEW.website := 'http://' || NEW.website;
    END IF;
    NEW.email_normalized := embudo.normalize_email(NEW.email_from);
    SELECT s.is_won INTO won FROM public.crm_stage s WHERE s.company_id = NEW.company_id AND s.id = NEW.stage_id;
    IF won THEN
        NEW.probability := 100;
        NEW.automated_probability := 100;
    ELSE
        NEW.automated_probability := CASE WHEN NEW.stage_id IS NULL THEN 0
                                          ELSE embudo.crm_team_win_rate(NEW.company_id, NEW.team_id) END;
        NEW.probability := coalesce(NEW.probability, NEW.automated_probability);
    END IF;
    IF NOT NEW.active THEN
        NEW.probability := 0;
        NEW.automated_probability := 0;
    END IF;
    IF NEW.probability >= 100 OR NOT NEW.active THEN
        NEW.date_closed := coalesce(NEW.date_closed, now());
    END IF;
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.crm_lead_before_insert() OWNER TO embudo_owner;

--
-- Name: crm_lead_before_update(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_lead_before_update() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    new_won boolean;
    old_won boolean;
    written public.crm_lead;
BEGIN
    IF NEW.company_id <> OLD.company_id THEN
        PERFORM embudo.refuse('validation', 'A lead cannot move to another company.');
    END IF;
    -- The team follows the salesperson unless the salesperson is already in it.
    IF NEW.user_id IS DISTINCT FROM OLD.user_id THEN
        IF NEW.user_id IS NULL THEN
            NEW.date_open := NULL;
        ELSE
            NEW.date_open := now();
            IF NEW.team_id IS NOT DISTINCT FROM OLD.team_id AND NOT EXISTS (
                SELECT 1 FROM public.crm_team t WHERE t.company_id = NEW.company_id AND t.id = NEW.team_id
                AND (t.user_id = NEW.user_id OR EXISTS (SELECT 1 FROM public.crm_team_member m
                     WHERE m.company_id = t.company_id AND m.team_id = t.id AND m.user_id = NEW.user_id))) THEN
                NEW.team_id := coalesce(embudo.crm_default_team(NEW.company_id, NEW.user_id, NEW.type), NEW.team_id);
            END IF;
        END IF;
    END IF;
    IF NEW.stage_id IS NULL THEN
        NEW.stage_id := embudo.crm_first_stage(NEW.company_id, NEW.team_id, true);
    END IF;
    -- What this write sets, before the customer's details fill the rest.
    written := NEW;
    IF NEW.partner_id IS DISTINCT FROM OLD.partner_id AND NEW.partner_id IS NOT NULL THEN
        -- The new customer's details replace the lead's, except what the same write sets: as in Odoo, a
        -- value written wins over the customer's (the user chose a customer and typed an e-mail).
        NEW := embudo.crm_lead_from_partner(NEW, true);
        IF written.email_from IS DISTINCT FROM OLD.email_from THEN NEW.email_from := written.email_from; END IF;
        IF written.phone IS DISTINCT FROM OLD.phone THEN NEW.phone := written.phone; END IF;
        IF written.mobile IS DISTINCT FROM OLD.mobile THEN NEW.mobile := written.mobile; END IF;
        IF written.contact_name IS DISTINCT FROM OLD.contact_name THEN NEW.contact_name := written.contact_name; END IF;
        IF written.partner_name IS DISTINCT FROM OLD.partner_name THEN NEW.partner_name := written.partner_name; END IF;
        IF written.title IS DISTINCT FROM OLD.title THEN NEW.title := written.title; END IF;
        IF written.function IS DISTINCT FROM OLD.function THEN NEW.function := written.function; END IF;
        IF written.website IS DISTINCT FROM OLD.website THEN NEW.website := written.website; END IF;
        IF written.lang_id IS DISTINCT FROM OLD.lang_id THEN NEW.lang_id := written.lang_id; END IF;
        IF (written.street, written.street2, written.city, written.zip, written.state_id, written.country_id)
           IS DISTINCT FROM (OLD.street, OLD.street2, OLD.city, OLD.zip, OLD.state_id, OLD.country_id) THEN
            NEW.street := written.street; NEW.street2 := written.street2; NEW.city := written.city; NEW.zip := written.zip;
            NEW.state_id := written.state_id; NEW.country_id := written.country_id;
        END IF;
    END IF;
    IF NEW.partner_id IS NOT NULL AND (written.email_from IS DISTINCT FROM OLD.email_from OR written.phone IS DISTINCT FROM OLD.phone) THEN
        -- An e-mail or phone written on the lead updates its customer (the new one, when both change).
        UPDATE public.res_partner p
        SET email = CASE WHEN written.email_from IS DISTINCT FROM OLD.email_from THEN NEW.email_from ELSE p.email END,
            phone = CASE WHEN written.phone IS DISTINCT FROM OLD.phone THEN NEW.phone ELSE p.phone END,
            write_date = now()
        WHERE p.company_id = NEW.company_id AND p.id = NEW.partner_id;
    END IF;
    IF NEW.website IS DISTINCT FROM OLD.website AND NEW.website IS NOT NULL AND NEW.website !~* '^[a-z][a-z0-9+.-]*://' THEN
        NEW.website := 'http://' || NEW.website;
    END IF;
    NEW.email_normalized := embudo.normalize_email(NEW.email_from);

    SELECT s.is_won INTO new_won FROM public.crm_stage s WHERE s.company_id = NEW.company_id AND s.id = NEW.stage_id;
    SELECT s.is_won INTO old_won FROM public.crm_stage s WHERE s.company_id = OLD.company_id AND s.id = OLD.stage_id;
    IF NEW.stage_id IS DISTINCT FROM OLD.stage_id THEN
        NEW.date_last_stage_update := now();
    END IF;
    -- An active lead in a won stage is won: its probability stays 100 whatever else a write says.
    IF new_won AND NEW.active THEN
        NEW.probability := 100;
        NEW.automated_probability := 100;
    END IF;
    IF NOT NEW.active AND OLD.active THEN
        -- Lost (or archived).
        NEW.probability := 0;
        NEW.automated_probability := 0;
    ELSIF NEW.active AND NOT OLD.active THEN
        -- Restored: the reason goes, the probability is computed again; date_closed stays.
        NEW.lost_reason := NULL;
        NEW.automated_probability := CASE WHEN new_won THEN 100 ELSE embudo.crm_team_win_rate(NEW.company_id, NEW.team_id) END;
        NEW.probability := NEW.automated_probability;
    END IF;
    IF NEW.active AND NOT OLD.active AND NOT (NEW.stage_id IS DISTINCT FROM OLD.stage_id) THEN
        NULL;  -- restore keeps date_closed
    ELSIF (NEW.probability >= 100 AND NEW.probability IS DISTINCT FROM OLD.probability) OR (NOT NEW.active AND OLD.active) THEN
        IF NOT (coalesce(old_won, false) AND coalesce(new_won, false) AND OLD.date_closed IS NOT NULL) THEN
            NEW.date_closed := now();
        END IF;
    ELSIF round(coalesce(NEW.probability, 0)::numeric, 2) > 0 AND NEW.probability < 100 AND NEW.probability IS DISTINCT FROM OLD.probability THEN
        NEW.date_closed := NULL;
    ELSIF NEW.stage_id IS DISTINCT FROM OLD.stage_id AND NOT coalesce(new_won, false) AND NEW.probability IS NOT DISTINCT FROM OLD.probability THEN
        NEW.date_closed := NULL;
    END IF;
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.crm_lead_before_update() OWNER TO embudo_owner;

--
-- Name: crm_lead_drop_activities(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_lead_drop_activities() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    DELETE FROM public.mail_activity a WHERE a.res_model = 'crm.lead' AND a.res_id = NEW.id AND a.active;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.crm_lead_drop_activities() OWNER TO embudo_owner;

--
-- Name: crm_lead_from_partner(anyelement, boolean); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_lead_from_partner(lead anyelement, overwrite boolean) RETURNS anyelement
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
    -- A record, whose fields PL/pgSQL resolves when it runs: `lead` is a crm_lead row, or on Citus the
    -- row of one of its shards (hence anyelement), whose fields PL/pgSQL cannot assign to by name.
    changed record := lead;
    p public.res_partner;
    parent_name text;
BEGIN
    SELECT * INTO p FROM public.res_partner WHERE company_id = changed.company_id AND id = changed.partner_id;
    IF NOT FOUND THEN
        RETURN changed;
    END IF;
    IF p.street IS NOT NULL OR p.street2 IS NOT NULL OR p.city IS NOT NULL OR p.zip IS NOT NULL
       OR p.state_id IS NOT NULL OR p.country_id IS NOT NULL THEN
        IF overwrite OR (changed.street IS NULL AND changed.street2 IS NULL AND changed.city IS NULL AND changed.zip IS NULL
                         AND changed.state_id IS NULL AND changed.country_id IS NULL) THEN
            changed.street := p.street; changed.street2 := p.street2; changed.city := p.city; changed.zip := p.zip;
            changed.state_id := p.state_id; changed.country_id := p.country_id;
        END IF;
    END IF;
    IF p.mobile IS NOT NULL AND (overwrite OR changed.mobile IS NULL) THEN changed.mobile := p.mobile; END IF;
    IF p.title IS NOT NULL AND (overwrite OR changed.title IS NULL) THEN changed.title := p.title; END IF;
    IF p.function IS NOT NULL AND (overwrite OR changed.function IS NULL) THEN changed.function := p.function; END IF;
    IF p.website IS NOT NULL AND (overwrite OR changed.website IS NULL) THEN changed.website := p.website; END IF;
    IF p.lang IS NOT NULL AND (overwrite OR changed.lang_id IS NULL) THEN
        changed.lang_id := coalesce((SELECT l.id FROM public.res_lang l WHERE l.code = p.lang), changed.lang_id);
    END IF;
    IF NOT p.is_company AND (overwrite OR changed.contact_name IS NULL) THEN changed.contact_name := p.name; END IF;
    IF p.is_company THEN
        parent_name := p.name;
    ELSIF p.parent_id IS NOT NULL THEN
        SELECT name INTO parent_name FROM public.res_partner WHERE company_id = p.company_id AND id = p.parent_id;
    END IF;
    IF parent_name IS NOT NULL AND (overwrite OR changed.partner_name IS NULL) THEN changed.partner_name := parent_name; END IF;
    IF p.email IS NOT NULL AND (overwrite OR changed.email_from IS NULL)
       AND embudo.normalize_email(p.email) IS DISTINCT FROM embudo.normalize_email(changed.email_from) THEN
        changed.email_from := p.email;
    END IF;
    IF p.phone IS NOT NULL AND (overwrite OR changed.phone IS NULL) THEN changed.phone := p.phone; END IF;
    RETURN changed;
END
$$;


ALTER FUNCTION embudo.crm_lead_from_partner(lead anyelement, overwrite boolean) OWNER TO embudo_owner;

--
-- Name: crm_lead_salesperson_follows(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_lead_salesperson_follows() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    company constant int := NEW.company_id;
    document constant int := NEW.id;
    previous_key constant int := OLD.salesperson_key;
    current_key constant int := NEW.salesperson_key;
BEGIN
    UPDATE public.crm_tag_rel SET salesperson_key = current_key WHERE company_id = company AND lead_id = document AND salesperson_key = previous_key;
    UPDATE public.mail_activity SET lead_salesperson_key = current_key WHERE company_id = company AND lead_id = document AND lead_salesperson_key = previous_key;
    UPDATE public.mail_message SET lead_salesperson_key = current_key WHERE company_id = company AND lead_id = document AND lead_salesperson_key = previous_key;
    UPDATE public.mail_followers SET lead_salesperson_key = current_key WHERE company_id = company AND res_id = document AND lead_salesperson_key = previous_key;
    UPDATE public.ir_attachment SET lead_salesperson_key = current_key
    WHERE company_id = company AND res_model = 'crm.lead' AND res_id = document AND lead_salesperson_key = previous_key;
    UPDATE public.mail_mail SET lead_salesperson_key = current_key WHERE company_id = company AND model = 'crm.lead' AND res_id = document AND lead_salesperson_key = previous_key;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.crm_lead_salesperson_follows() OWNER TO embudo_owner;

--
-- Name: crm_lead_send_mail(integer, text, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_lead_send_mail(posted integer, body text, subject text) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    l public.crm_lead;
    me int := embudo.current_user_id();
    recipient text;
    reply text;
    sender text;
    mail int;
BEGIN
    SELECT x.* INTO l FROM public.crm_lead x
    JOIN public.mail_message m ON m.company_id = x.company_id AND m.res_id = x.id AND m.model = 'crm.lead'
    WHERE m.id = posted;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    recipient := coalesce((SELECT embudo.mail_format_address(p.name, embudo.normalize_email(p.email)) FROM public.res_partner p
                           WHERE p.company_id = l.company_id AND p.id = l.partner_id AND embudo.normalize_email(p.email) IS NOT NULL),
                          l.email_from);
    IF recipient IS NULL OR embudo.normalize_email(recipient) IS NULL THEN
        RETURN NULL;
    END IF;
    -- Reference §2.14: "<Company> <Team> <alias@domain>", else the catchall of the domain.
    reply := (SELECT embudo.mail_format_address(c.name || ' ' || t.name, t.alias_name || '@' || c.alias_domain)
              FROM public.crm_team t JOIN public.res_company c ON c.id = t.company_id
              WHERE t.company_id = l.company_id AND t.id = l.team_id AND t.alias_name IS NOT NULL AND c.alias_domain IS NOT NULL);
    reply := coalesce(reply, (SELECT 'catchall@' || c.alias_domain FROM public.res_company c WHERE c.id = l.company_id AND c.alias_domain IS NOT NULL));
    sender := coalesce((SELECT embudo.mail_format_address(u.name, embudo.normalize_email(u.email)) FROM public.res_users u
                        WHERE u.id = me AND embudo.normalize_email(u.email) IS NOT NULL),
                       'noreply@' || coalesce((SELECT c.alias_domain FROM public.res_company c WHERE c.id = l.company_id), 'localhost'));
    PERFORM embudo.set_local('embudo.mail_on_behalf', 'on');
    INSERT INTO public.mail_mail (company_id, email_from, email_to, reply_to, subject, body_html, model, res_id, mail_message_id, create_uid, write_uid)
    VALUES (l.company_id, sender, recipient, reply, coalesce(subject, 'Re: ' || l.name), body, 'crm.lead', l.id, posted, me, me)
    RETURNING id INTO mail;
    PERFORM embudo.set_local('embudo.mail_on_behalf', '');
    UPDATE public.mail_message SET reply_to = reply, email_to = recipient WHERE id = posted;
    RETURN mail;
END
$$;


ALTER FUNCTION embudo.crm_lead_send_mail(posted integer, body text, subject text) OWNER TO embudo_owner;

--
-- Name: crm_lead_track(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_lead_track() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    message int;
    subtype text;
    author int := embudo.current_user_id();
    changes jsonb := '[]';
    won boolean;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO public.mail_message (company_id, model, res_id, body, author_id, message_type, subtype_id, create_uid, write_uid)
        VALUES (NEW.company_id, 'crm.lead', NEW.id, CASE NEW.type WHEN 'lead' THEN 'Lead created' ELSE 'Opportunity created' END,
                author, 'notification', embudo.subtype('crm.mt_lead_create'), author, author);
        PERFORM embudo.crm_follow(NEW.company_id, NEW.id, author);
        PERFORM embudo.crm_follow(NEW.company_id, NEW.id, NEW.user_id);
        PERFORM embudo.crm_count_closing(NEW, 1);
        RETURN NULL;
    END IF;

    IF NEW.user_id IS DISTINCT FROM OLD.user_id THEN
        PERFORM embudo.crm_follow(NEW.company_id, NEW.id, NEW.user_id);
    END IF;
    PERFORM embudo.crm_count_closing(OLD, -1);
    PERFORM embudo.crm_count_closing(NEW, 1);

    -- (field, label, type, sequence, old, new) of each tracked field that changed.
    SELECT coalesce(jsonb_agg(jsonb_build_object('field', f.field, 'desc', f.label, 'type', f.type, 'seq', f.seq, 'old', f.old, 'new', f.new) ORDER BY f.seq, f.field), '[]')
    INTO changes
    FROM (VALUES
        ('stage_id', 'Stage', 'many2one', 100, to_jsonb(OLD.stage_id), to_jsonb(NEW.stage_id)),
        ('user_id', 'Salesperson', 'many2one', 100, to_jsonb(OLD.user_id), to_jsonb(NEW.user_id)),
        ('team_id', 'Sales Team', 'many2one', 100, to_jsonb(OLD.team_id), to_jsonb(NEW.team_id)),
        ('active', 'Active', 'boolean', 100, to_jsonb(OLD.active), to_jsonb(NEW.active)),
        ('type', 'Type', 'selection', 15, to_jsonb(OLD.type), to_jsonb(NEW.type)),
        ('partner_id', 'Customer', 'many2one', 10, to_jsonb(OLD.partner_id), to_jsonb(NEW.partner_id)),
        ('partner_name', 'Company Name', 'char', 20, to_jsonb(OLD.partner_name), to_jsonb(NEW.partner_name)),
        ('contact_name', 'Contact Name', 'char', 30, to_jsonb(OLD.contact_name), to_jsonb(NEW.contact_name)),
        ('email_from', 'Email', 'char', 40, to_jsonb(OLD.email_from), to_jsonb(NEW.email_from)),
        ('phone', 'Phone', 'char', 50, to_jsonb(OLD.phone), to_jsonb(NEW.phone)),
        ('expected_revenue', 'Expected Revenue', 'monetary', 100, to_jsonb(OLD.expected_revenue), to_jsonb(NEW.expected_revenue)),
        ('lost_reason', 'Lost Reason', 'many2one', 100, to_jsonb(OLD.lost_reason), to_jsonb(NEW.lost_reason))
    ) f (field, label, type, seq, old, new)
    WHERE f.old IS DISTINCT FROM f.new;
    IF jsonb_array_length(changes) = 0 THEN
        RETURN NULL;
    END IF;

    SELECT s.is_won INTO won FROM public.crm_stage s WHERE s.company_id = NEW.company_id AND s.id = NEW.stage_id;
    subtype := CASE
        WHEN NEW.stage_id IS DISTINCT FROM OLD.stage_id AND NEW.probability = 100 THEN 'crm.mt_lead_won'
        WHEN NEW.lost_reason IS DISTINCT FROM OLD.lost_reason AND NEW.lost_reason IS NOT NULL THEN 'crm.mt_lead_lost'
        WHEN NEW.stage_id IS DISTINCT FROM OLD.stage_id THEN 'crm.mt_lead_stage'
        WHEN NEW.active AND NOT OLD.active THEN 'crm.mt_lead_restored'
        WHEN NOT NEW.active AND OLD.active THEN 'crm.mt_lead_lost'
    END;
    INSERT INTO public.mail_message (company_id, model, res_id, body, author_id, message_type, subtype_id, create_uid, write_uid)
    VALUES (NEW.company_id, 'crm.lead', NEW.id, '', author, 'notification',
            coalesce(embudo.subtype(subtype), embudo.subtype('mail.mt_note')), author, author)
    RETURNING id INTO message;
    INSERT INTO public.mail_tracking_value (
        company_id, mail_message_id, field, field_desc, field_type, tracking_sequence,
        old_value_integer, new_value_integer, old_value_char, new_value_char,
        old_value_monetary, new_value_monetary, old_value_float, new_value_float)
    SELECT NEW.company_id, message, c->>'field', c->>'desc', c->>'type', (c->>'seq')::int,
           CASE WHEN c->>'type' IN ('many2one', 'boolean') THEN CASE WHEN c->>'type' = 'boolean' THEN (c->>'old')::boolean::int ELSE (c->>'old')::int END END,
           CASE WHEN c->>'type' IN ('many2one', 'boolean') THEN CASE WHEN c->>'type' = 'boolean' THEN (c->>'new')::boolean::int ELSE (c->>'new')::int END END,
           CASE c->>'type' WHEN 'many2one' THEN embudo.crm_tracking_label(c->>'field', NEW.company_id, (c->>'old')::int)
                           WHEN 'selection' THEN initcap(c->>'old') WHEN 'char' THEN c->>'old' END,
           CASE c->>'type' WHEN 'many2one' THEN embudo.crm_tracking_label(c->>'field', NEW.company_id, (c->>'new')::int)
                           WHEN 'selection' THEN initcap(c->>'new') WHEN 'char' THEN c->>'new' END,
           CASE WHEN c->>'type' = 'monetary' THEN (c->>'old')::numeric END,
           CASE WHEN c->>'type' = 'monetary' THEN (c->>'new')::numeric END,
           NULL, NULL
    FROM jsonb_array_elements(changes) c;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.crm_lead_track() OWNER TO embudo_owner;

--
-- Name: crm_lost_reason_before_delete(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_lost_reason_before_delete() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM public.crm_lead l WHERE l.company_id = OLD.company_id AND l.lost_reason = OLD.id) THEN
        PERFORM embudo.refuse('user', format('The lost reason "%s" is used by leads: archive it instead.', OLD.name));
    END IF;
    RETURN OLD;
END
$$;


ALTER FUNCTION embudo.crm_lost_reason_before_delete() OWNER TO embudo_owner;

--
-- Name: crm_mass_convert(integer[], text, integer, integer[], integer, boolean, boolean); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_mass_convert(ids integer[], action text, partner integer, salespeople integer[], team integer, force_assignment boolean, deduplicate boolean) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    lead public.crm_lead;
    duplicates int[];
    result int[] := '{}';
BEGIN
    FOR lead IN SELECT * FROM public.crm_lead l WHERE l.id = ANY (ids) ORDER BY array_position(ids, l.id) LOOP
        IF lead.id = ANY (result) OR NOT EXISTS (SELECT 1 FROM public.crm_lead l WHERE l.id = lead.id) THEN
            CONTINUE;  -- already merged into an earlier one
        END IF;
        duplicates := CASE WHEN deduplicate
                           THEN embudo.crm_duplicates(lead.company_id, lead.email_from, lead.partner_id, false) ELSE '{}' END;
        IF cardinality(duplicates) > 1 AND lead.id = ANY (duplicates) THEN
            result := result || embudo.crm_merge(duplicates[1:5], NULL, NULL, false);
        ELSE
            result := result || lead.id;
        END IF;
    END LOOP;
    RETURN embudo.crm_convert(result, action, partner, salespeople, team, force_assignment);
END
$$;


ALTER FUNCTION embudo.crm_mass_convert(ids integer[], action text, partner integer, salespeople integer[], team integer, force_assignment boolean, deduplicate boolean) OWNER TO embudo_owner;

--
-- Name: crm_matching_partner(anyelement); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_matching_partner(lead anyelement) RETURNS integer
    LANGUAGE plpgsql STABLE
    AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT coalesce(
            lead.partner_id,
            (SELECT p.id FROM public.res_partner p WHERE p.company_id = lead.company_id AND lead.email_normalized IS NOT NULL
                AND embudo.normalize_email(p.email) = lead.email_normalized ORDER BY p.id LIMIT 1),
            (SELECT p.id FROM public.res_partner p WHERE p.company_id = lead.company_id AND lead.partner_name IS NOT NULL
                AND p.name ILIKE embudo.contains_pattern(lead.partner_name) ORDER BY p.id LIMIT 1),
            (SELECT p.id FROM public.res_partner p WHERE p.company_id = lead.company_id AND lead.contact_name IS NOT NULL
                AND p.name ILIKE embudo.contains_pattern(lead.contact_name) ORDER BY p.id LIMIT 1),
            (SELECT p.id FROM public.res_partner p WHERE p.company_id = lead.company_id
                AND p.name ILIKE embudo.contains_pattern(lead.name) ORDER BY p.id LIMIT 1))
    );
END
$$;


ALTER FUNCTION embudo.crm_matching_partner(lead anyelement) OWNER TO embudo_owner;

--
-- Name: crm_merge(integer[], integer, integer, boolean); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_merge(ids integer[], salesperson integer, team integer, keep_tails boolean) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    head public.crm_lead;
    merged public.crm_lead;
    ranked int[];
    tails int[];
    names text;
    author int := embudo.current_user_id();
BEGIN
    ids := ARRAY(SELECT DISTINCT unnest(ids));
    -- Locked before they are read: a write racing the merge lands before it (and is merged) or after it.
    PERFORM 1 FROM public.crm_lead l WHERE l.id = ANY (ids) ORDER BY l.id FOR UPDATE;
    IF cardinality(ids) < 2 THEN
        PERFORM embudo.refuse('user', 'Please select more than one element (lead or opportunity) from the list view.');
    END IF;
    IF cardinality(ids) > 5 THEN
        PERFORM embudo.refuse('user', 'To prevent data loss, Leads and Opportunities can only be merged by groups of 5.');
    END IF;
    IF (SELECT count(*) FROM public.crm_lead l WHERE l.id = ANY (ids)) < cardinality(ids) THEN
        PERFORM embudo.refuse('user', 'Some of the records to merge do not exist or you cannot see them.');
    END IF;
    IF (SELECT count(DISTINCT l.company_id) FROM public.crm_lead l WHERE l.id = ANY (ids)) > 1 THEN
        PERFORM embudo.refuse('user', 'Only records of one company can be merged.');
    END IF;

    -- Opportunities before leads, then the furthest stage, then the oldest.
    ranked := ARRAY(
        SELECT l.id FROM public.crm_lead l LEFT JOIN public.crm_stage s ON s.company_id = l.company_id AND s.id = l.stage_id
        WHERE l.id = ANY (ids) ORDER BY l.type = 'opportunity' DESC, s.sequence DESC NULLS LAST, l.id);
    SELECT l.* INTO head FROM public.crm_lead l WHERE l.id = ranked[1];
    tails := ranked[2:];

    -- The first value in rank order, for each merged field.
    SELECT head.company_id, head.id,
           (array_agg(l.name ORDER BY r.rank) FILTER (WHERE l.name IS NOT NULL))[1],
           CASE WHEN bool_or(l.type = 'opportunity') THEN 'opportunity' ELSE 'lead' END,
           (array_agg(l.partner_id ORDER BY r.rank) FILTER (WHERE l.partner_id IS NOT NULL))[1],
           (array_agg(l.campaign_id ORDER BY r.rank) FILTER (WHERE l.campaign_id IS NOT NULL))[1],
           (array_agg(l.country_id ORDER BY r.rank) FILTER (WHERE l.country_id IS NOT NULL))[1],
           (array_agg(l.team_id ORDER BY r.rank) FILTER (WHERE l.team_id IS NOT NULL))[1],
           (array_agg(l.state_id ORDER BY r.rank) FILTER (WHERE l.state_id IS NOT NULL))[1],
           (array_agg(l.stage_id ORDER BY r.rank) FILTER (WHERE l.stage_id IS NOT NULL))[1],
           (array_agg(l.medium_id ORDER BY r.rank) FILTER (WHERE l.medium_id IS NOT NULL))[1],
           (array_agg(l.source_id ORDER BY r.rank) FILTER (WHERE l.source_id IS NOT NULL))[1],
           (array_agg(l.user_id ORDER BY r.rank) FILTER (WHERE l.user_id IS NOT NULL))[1],
           (array_agg(l.title ORDER BY r.rank) FILTER (WHERE l.title IS NOT NULL))[1],
           (array_agg(l.city ORDER BY r.rank) FILTER (WHERE l.city IS NOT NULL))[1],
           (array_agg(l.contact_name ORDER BY r.rank) FILTER (WHERE l.contact_name IS NOT NULL))[1],
           string_agg(l.description, E'\n\n' ORDER BY r.rank) FILTER (WHERE btrim(coalesce(l.description, '')) <> ''),
           (array_agg(l.mobile ORDER BY r.rank) FILTER (WHERE l.mobile IS NOT NULL))[1],
           (array_agg(l.partner_name ORDER BY r.rank) FILTER (WHERE l.partner_name IS NOT NULL))[1],
           (array_agg(l.phone ORDER BY r.rank) FILTER (WHERE l.phone IS NOT NULL))[1],
           (array_agg(l.probability ORDER BY r.rank) FILTER (WHERE l.probability IS NOT NULL))[1],
           (array_agg(l.expected_revenue ORDER BY r.rank) FILTER (WHERE l.expected_revenue <> 0))[1],
           (array_agg(l.street ORDER BY r.rank) FILTER (WHERE l.street IS NOT NULL))[1],
           (array_agg(l.street2 ORDER BY r.rank) FILTER (WHERE l.street2 IS NOT NULL))[1],
           (array_agg(l.zip ORDER BY r.rank) FILTER (WHERE l.zip IS NOT NULL))[1],
           (array_agg(l.email_from ORDER BY r.rank) FILTER (WHERE l.email_from IS NOT NULL))[1],
           (array_agg(l.email_cc ORDER BY r.rank) FILTER (WHERE l.email_cc IS NOT NULL))[1],
           (array_agg(l.website ORDER BY r.rank) FILTER (WHERE l.website IS NOT NULL))[1],
           min(l.create_date)
    INTO merged.company_id, merged.id, merged.name, merged.type, merged.partner_id, merged.campaign_id, merged.country_id,
         merged.team_id, merged.state_id, merged.stage_id, merged.medium_id, merged.source_id, merged.user_id, merged.title,
         merged.city, merged.contact_name, merged.description, merged.mobile, merged.partner_name, merged.phone,
         merged.probability, merged.expected_revenue, merged.street, merged.street2, merged.zip, merged.email_from,
         merged.email_cc, merged.website, merged.create_date
    FROM public.crm_lead l, LATERAL (SELECT array_position(ranked, l.id) AS rank) r WHERE l.id = ANY (ranked);

    merged.user_id := coalesce(salesperson, merged.user_id);
    IF team IS NOT NULL THEN
        merged.team_id := team;
    ELSIF salesperson IS NOT NULL THEN
        merged.team_id := coalesce(embudo.crm_default_team(head.company_id, salesperson, merged.type), merged.team_id);
    END IF;
    IF merged.team_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM public.crm_stage s WHERE s.company_id = head.company_id
            AND s.id = merged.stage_id AND (s.team_id IS NULL OR s.team_id = merged.team_id)) THEN
        merged.stage_id := embudo.crm_first_stage(head.company_id, merged.team_id, false);
    END IF;

    SELECT string_agg(l.name, ', ' ORDER BY r.rank) INTO names FROM public.crm_lead l, LATERAL (SELECT array_position(ranked, l.id) AS rank) r WHERE l.id = ANY (ranked);
    UPDATE public.mail_message m SET res_id = head.id, subject = 'From ' || l.name || ' : ' || coalesce(m.subject, '')
    FROM public.crm_lead l
    WHERE m.model = 'crm.lead' AND m.res_id = l.id AND l.id = ANY (tails);
    INSERT INTO public.mail_followers (company_id, res_model, res_id, user_id, partner_id)
    SELECT f.company_id, 'crm.lead', head.id, f.user_id, f.partner_id FROM public.mail_followers f
    WHERE f.res_model = 'crm.lead' AND f.res_id = ANY (tails)
    ON CONFLICT DO NOTHING;

    UPDATE public.crm_lead l
    SET name = merged.name, type = merged.type, partner_id = merged.partner_id, campaign_id = merged.campaign_id,
        country_id = merged.country_id, team_id = merged.team_id, state_id = merged.state_id, stage_id = merged.stage_id,
        medium_id = merged.medium_id, source_id = merged.source_id, user_id = merged.user_id, title = merged.title,
        city = merged.city, contact_name = merged.contact_name, description = merged.description, mobile = merged.mobile,
        partner_name = merged.partner_name, phone = merged.phone, probability = coalesce(merged.probability, l.probability),
        expected_revenue = coalesce(merged.expected_revenue, 0), street = merged.street, street2 = merged.street2,
        zip = merged.zip, email_from = merged.email_from, email_cc = merged.email_cc, website = merged.website,
        create_date = merged.create_date, write_date = now(), write_uid = author
    WHERE l.id = head.id;
    INSERT INTO public.mail_message (company_id, model, res_id, body, subject, author_id, message_type, subtype_id, create_uid, write_uid)
    VALUES (head.company_id, 'crm.lead', head.id, 'Merged opportunities: ' || names, 'Merged opportunities', author, 'comment',
            embudo.subtype('mail.mt_note'), author, author);

    IF NOT keep_tails THEN
        PERFORM embudo.set_local('embudo.merged_lead_ids', array_to_string(tails, ','));
        -- Their mail, sent or not, goes with their messages (deleting them would delete it).
        UPDATE public.mail_mail m SET res_id = head.id
        WHERE m.company_id = head.company_id AND m.model = 'crm.lead' AND m.res_id = ANY (tails);
        DELETE FROM public.crm_lead l WHERE l.id = ANY (tails);
        PERFORM embudo.set_local('embudo.merged_lead_ids', '');
    END IF;
    RETURN head.id;
END
$$;


ALTER FUNCTION embudo.crm_merge(ids integer[], salesperson integer, team integer, keep_tails boolean) OWNER TO embudo_owner;

--
-- Name: crm_quotation_partner_apply(integer, text, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_quotation_partner_apply(lead_id integer, action text, partner integer) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    lead public.crm_lead;
    customer int;
BEGIN
    SELECT * INTO lead FROM public.crm_lead l WHERE l.id = lead_id;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('user', 'The opportunity does not exist or you cannot see it.');
    END IF;
    IF action = 'exist' THEN
        customer := coalesce(partner, lead.partner_id);
        IF customer IS NULL THEN
            PERFORM embudo.refuse('user', 'Choose the existing customer to link.');
        END IF;
    ELSIF action = 'create' THEN
        customer := coalesce(lead.partner_id, embudo.crm_create_customer(lead, lead.user_id));
    ELSIF action = 'nothing' THEN
        RETURN lead.partner_id;
    ELSE
        PERFORM embudo.refuse('validation', format('Unknown action %s.', action));
    END IF;
    UPDATE public.crm_lead SET partner_id = customer, write_date = now(), write_uid = embudo.current_user_id()
    WHERE id = lead.id AND partner_id IS DISTINCT FROM customer;
    RETURN customer;
END
$$;


ALTER FUNCTION embudo.crm_quotation_partner_apply(lead_id integer, action text, partner integer) OWNER TO embudo_owner;

--
-- Name: crm_quotation_partner_defaults(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_quotation_partner_defaults(lead_id integer) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
    lead public.crm_lead;
    partner int;
BEGIN
    SELECT * INTO lead FROM public.crm_lead l WHERE l.id = lead_id;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('user', 'The opportunity does not exist or you cannot see it.');
    END IF;
    partner := embudo.crm_matching_partner(lead);
    RETURN jsonb_build_object('lead_id', lead.id, 'partner_id', partner, 'action', CASE WHEN partner IS NOT NULL THEN 'exist' ELSE 'create' END);
END
$$;


ALTER FUNCTION embudo.crm_quotation_partner_defaults(lead_id integer) OWNER TO embudo_owner;

--
-- Name: crm_stage_before_delete(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_stage_before_delete() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    used int;
BEGIN
    SELECT count(*) INTO used FROM public.crm_lead l WHERE l.company_id = OLD.company_id AND l.stage_id = OLD.id;
    IF used > 0 THEN
        PERFORM embudo.refuse('user', format('The stage "%s" still holds %s lead(s) or opportunity(ies): move them to another stage before deleting it.', OLD.name, used));
    END IF;
    RETURN OLD;
END
$$;


ALTER FUNCTION embudo.crm_stage_before_delete() OWNER TO embudo_owner;

--
-- Name: crm_team_clean(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_team_clean() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.alias_name IS NOT NULL THEN
        NEW.alias_name := lower(translate(split_part(btrim(NEW.alias_name), '@', 1),
            'ÁÀÂÄÃÅáàâäãåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÖÕóòôöõÚÙÛÜúùûüÑñÇç',
            'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuNnCc'));
        NEW.alias_name := regexp_replace(NEW.alias_name, '[^a-z0-9_+.]+', '-', 'g');
        NEW.alias_name := nullif(NEW.alias_name, '');
        IF NEW.alias_name IN ('catchall', 'bounce') THEN
            PERFORM embudo.refuse('validation', format('The alias %s is reserved for the mail gateway.', NEW.alias_name));
        END IF;
    END IF;
    IF NOT NEW.use_leads AND NOT NEW.use_opportunities THEN
        NEW.alias_name := NULL;
    END IF;
    NEW.invoiced_target := round(NEW.invoiced_target);
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.crm_team_clean() OWNER TO embudo_owner;

--
-- Name: crm_team_member_move(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_team_member_move() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    DELETE FROM public.crm_team_member m
    WHERE m.company_id = NEW.company_id AND m.user_id = NEW.user_id AND m.team_id <> NEW.team_id;
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.crm_team_member_move() OWNER TO embudo_owner;

--
-- Name: crm_team_win_rate(integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_team_win_rate(company integer, team integer) RETURNS double precision
    LANGUAGE plpgsql STABLE
    AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT CASE WHEN coalesce(sum(c.won + c.lost), 0) = 0 THEN 10
                    ELSE round((100.0 * sum(c.won) / sum(c.won + c.lost))::numeric, 2)::double precision END
        FROM public.crm_team_closing c
        WHERE c.company_id = company AND c.team_id = team AND c.month >= date_trunc('month', now() - interval '1 year')
    );
END
$$;


ALTER FUNCTION embudo.crm_team_win_rate(company integer, team integer) OWNER TO embudo_owner;

--
-- Name: crm_tracking_label(text, integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.crm_tracking_label(field text, company integer, value integer) RETURNS text
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
    CASE crm_tracking_label.field
        WHEN 'user_id' THEN
            RETURN (SELECT u.name FROM public.res_users u WHERE u.id = crm_tracking_label.value);
        WHEN 'team_id' THEN
            RETURN (SELECT t.name FROM public.crm_team t WHERE t.company_id = crm_tracking_label.company AND t.id = crm_tracking_label.value);
        WHEN 'stage_id' THEN
            RETURN (SELECT s.name FROM public.crm_stage s WHERE s.company_id = crm_tracking_label.company AND s.id = crm_tracking_label.value);
        WHEN 'partner_id' THEN
            RETURN (SELECT p.name FROM public.res_partner p WHERE p.company_id = crm_tracking_label.company AND p.id = crm_tracking_label.value);
        WHEN 'lost_reason' THEN
            RETURN (SELECT r.name FROM public.crm_lost_reason r WHERE r.company_id = crm_tracking_label.company AND r.id = crm_tracking_label.value);
        ELSE
            RETURN NULL;
    END CASE;
END
$$;


ALTER FUNCTION embudo.crm_tracking_label(field text, company integer, value integer) OWNER TO embudo_owner;

--
-- Name: current_user_id(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.current_user_id() RETURNS integer
    LANGUAGE sql STABLE PARALLEL SAFE
    BEGIN ATOMIC
 SELECT
         CASE
             WHEN (CURRENT_USER = ANY (ARRAY['embudo_service'::name, 'embudo_owner'::name])) THEN (NULLIF(current_setting('embudo.user_id'::text, true), ''::text))::integer
             ELSE NULL::integer
         END AS "case";
END;


ALTER FUNCTION embudo.current_user_id() OWNER TO embudo_owner;

--
-- Name: default_currency(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.default_currency() RETURNS integer
    LANGUAGE sql STABLE
    AS $$ SELECT id FROM public.res_currency WHERE name = 'USD' $$;


ALTER FUNCTION embudo.default_currency() OWNER TO embudo_owner;

--
-- Name: demo_fill(integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.demo_fill(company integer, leads integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    team int := (SELECT t.id FROM public.crm_team t WHERE t.company_id = company ORDER BY t.sequence, t.id LIMIT 1);
    stages int[] := ARRAY(SELECT s.id FROM public.crm_stage s WHERE s.company_id = company AND NOT s.is_won ORDER BY s.sequence, s.id);
    won_stage int := (SELECT s.id FROM public.crm_stage s WHERE s.company_id = company AND s.is_won ORDER BY s.sequence LIMIT 1);
    people int[];
    customers int[];
    reasons int[] := ARRAY(SELECT r.id FROM public.crm_lost_reason r WHERE r.company_id = company);
    call_type int := (SELECT d.res_id FROM public.ir_model_data d WHERE d.company_id = company AND d.name = 'mail_activity_data_call');
    pricelist int := (SELECT p.id FROM public.product_pricelist p WHERE p.company_id = company ORDER BY p.sequence, p.id LIMIT 1);
    currency int := (SELECT c.currency_id FROM public.res_company c WHERE c.id = company);
    -- Names in the company's language; a Mexican company's customers are in Mexico.
    lang text := (SELECT c.lang FROM public.res_company c WHERE c.id = company);
    mexican boolean := lang = 'es_MX';
    products int[];
    orders int;
BEGIN
    INSERT INTO public.res_users (login, name)
    SELECT 'demo' || company || '.' || n || '@example.com', embudo.localized(lang, 'Salesperson ', 'Vendedor ') || company || '.' || n
    FROM generate_series(1, 5) n
    WHERE NOT EXISTS (SELECT 1 FROM public.res_users u WHERE lower(u.login) = 'demo' || company || '.' || n || '@example.com');
    PERFORM embudo.grant_member(company, u.id, 'own') FROM public.res_users u
    WHERE u.login LIKE 'demo' || company || '.%@example.com'
      AND NOT EXISTS (SELECT FROM public.res_company_member m WHERE m.company_id = company AND m.user_id = u.id);
    people := ARRAY(SELECT m.user_id FROM public.res_company_member m WHERE m.company_id = company ORDER BY m.user_id);
    INSERT INTO public.crm_team_member (company_id, team_id, user_id) SELECT company, team, p FROM unnest(people) p ON CONFLICT DO NOTHING;

    INSERT INTO public.res_partner (company_id, name, is_company, email, city, country_id)
    SELECT company, embudo.localized(lang, 'Customer ', 'Cliente ') || n, n % 3 = 0, 'buyer' || n || '@customer' || company || '.example',
           CASE WHEN mexican THEN (ARRAY['Monterrey', 'Guadalajara', 'Ciudad de México', 'Puebla', 'Querétaro'])[1 + n % 5]
                ELSE (ARRAY['Madrid', 'Lima', 'Bogotá', 'Quito', 'Monterrey'])[1 + n % 5] END,
           (SELECT id FROM public.res_country WHERE code = CASE WHEN mexican THEN 'MX' ELSE 'ES' END)
    FROM generate_series(1, greatest(leads / 10, 1)) n;
    customers := ARRAY(SELECT p.id FROM public.res_partner p WHERE p.company_id = company ORDER BY p.id);
    INSERT INTO public.product_product (company_id, name, list_price, uom_id)
    SELECT company, embudo.localized(lang, 'Product ', 'Producto ') || n, 10 * n, (SELECT d.res_id FROM public.ir_model_data d WHERE d.name = 'product_uom_unit') FROM generate_series(1, 10) n;
    products := ARRAY(SELECT p.id FROM public.product_product p WHERE p.company_id = company ORDER BY p.id);

    -- Leads: created over two years; 20 % won, 15 % lost, the rest open.
    WITH generated AS (
        SELECT n, now() - (random() * 730) * interval '1 day' AS created, random() AS fate, random() AS r1, random() AS r2
        FROM generate_series(1, leads) n
    )
    INSERT INTO public.crm_lead (company_id, name, type, active, priority, user_id, team_id, stage_id, expected_revenue, probability,
                                 automated_probability, date_deadline, date_closed, date_open, date_last_stage_update, date_conversion,
                                 partner_id, email_from, email_normalized, lost_reason, create_date, write_date)
    SELECT company, embudo.localized(lang, 'Opportunity ', 'Oportunidad ') || n,
           CASE WHEN fate < 0.35 OR r1 < 0.8 THEN 'opportunity' ELSE 'lead' END,
           NOT (fate >= 0.2 AND fate < 0.35),
           (floor(r2 * 4))::int::text,
           people[1 + (n % cardinality(people))], team,
           CASE WHEN fate < 0.2 THEN won_stage ELSE stages[1 + (n % cardinality(stages))] END,
           round((500 + r1 * 49500)::numeric, 2),
           CASE WHEN fate < 0.2 THEN 100 WHEN fate < 0.35 THEN 0 ELSE round((10 + r2 * 80)::numeric, 2)::float8 END,
           CASE WHEN fate < 0.2 THEN 100 WHEN fate < 0.35 THEN 0 ELSE 10 END,
           (created + (30 + r2 * 90) * interval '1 day')::date,
           CASE WHEN fate < 0.35 THEN created + (10 + r1 * 80) * interval '1 day' END,
           created + interval '2 hours', created + (r2 * 20) * interval '1 day',
           CASE WHEN r1 < 0.8 THEN created + interval '1 day' END,
           customers[1 + (n % cardinality(customers))], 'buyer' || n || '@example.com', 'buyer' || n || '@example.com',
           CASE WHEN fate >= 0.2 AND fate < 0.35 THEN reasons[1 + (n % cardinality(reasons))] END,
           created, created
    FROM generated;

    -- A pending call on every fifth open lead; a done one on every tenth lead.
    -- (Triggers are off: each takes its lead's salesperson_key, which the activity's trigger would copy.)
    INSERT INTO public.mail_activity (company_id, res_model, res_id, lead_salesperson_key, activity_type_id, summary, date_deadline, user_id, create_uid)
    SELECT l.company_id, 'crm.lead', l.id, l.salesperson_key, call_type, embudo.localized(lang, 'Follow up', 'Dar seguimiento'),
           (now() + ((l.id % 21) - 10) * interval '1 day')::date, l.user_id, l.user_id
    FROM public.crm_lead l WHERE l.company_id = company AND l.active AND l.probability < 100 AND l.id % 5 = 0 AND l.user_id IS NOT NULL;
    INSERT INTO public.mail_activity (company_id, res_model, res_id, lead_salesperson_key, activity_type_id, summary, date_deadline, user_id, active,
                                      date_done, feedback, create_uid)
    SELECT l.company_id, 'crm.lead', l.id, l.salesperson_key, call_type, embudo.localized(lang, 'First call', 'Primera llamada'),
           (l.create_date + interval '3 days')::date, l.user_id, false,
           (l.create_date + interval '3 days')::date, embudo.localized(lang, 'Interested', 'Interesado'), l.user_id
    FROM public.crm_lead l WHERE l.company_id = company AND l.id % 10 = 0 AND l.user_id IS NOT NULL;

    -- Quotations on every tenth opportunity, with two lines; the won ones confirmed. (Triggers are off:
    -- the lines take their order's salesperson_key here, which a line's trigger would copy.)
    WITH quoted AS (
        SELECT l.*, row_number() OVER (ORDER BY l.id) AS k FROM public.crm_lead l
        WHERE l.company_id = company AND l.type = 'opportunity' AND l.id % 10 = 3
    ), inserted AS (
        INSERT INTO public.sale_order (company_id, name, state, date_order, partner_id, partner_invoice_id, partner_shipping_id, user_id,
                                       team_id, pricelist_id, currency_id, opportunity_id, origin, create_date, write_date)
        SELECT company, 'S' || lpad(q.k::text, 5, '0'), CASE WHEN q.probability = 100 THEN 'sale' WHEN q.active THEN 'sent' ELSE 'cancel' END,
               coalesce(q.date_closed, q.create_date + interval '5 days'), q.partner_id, q.partner_id, q.partner_id, q.user_id, q.team_id,
               pricelist, currency, q.id, q.name, q.create_date, q.create_date
        FROM quoted q
        RETURNING id, company_id, salesperson_key
    )
    INSERT INTO public.sale_order_line (company_id, order_id, salesperson_key, name, product_id, product_uom_qty, product_uom, price_unit,
                                        price_reduce, price_subtotal, price_tax, price_total)
    SELECT i.company_id, i.id, i.salesperson_key, embudo.localized(lang, 'Product ', 'Producto ') || p.k, products[p.k], p.k,
           (SELECT d.res_id FROM public.ir_model_data d WHERE d.name = 'product_uom_unit'), 10 * p.k, 10 * p.k, 10 * p.k * p.k, 0, 10 * p.k * p.k
    FROM inserted i CROSS JOIN (VALUES (1), (2)) p (k);
    UPDATE public.sale_order o SET amount_untaxed = t.s, amount_total = t.s
    FROM (SELECT l.order_id, sum(l.price_subtotal) AS s FROM public.sale_order_line l WHERE l.company_id = company GROUP BY l.order_id) t
    WHERE o.company_id = company AND o.id = t.order_id;
    orders := (SELECT count(*) FROM public.sale_order o WHERE o.company_id = company);
    INSERT INTO public.sale_order_sequence (company_id, next_number) VALUES (company, orders + 1)
    ON CONFLICT (company_id) DO UPDATE SET next_number = greatest(sale_order_sequence.next_number, excluded.next_number);
END
$$;


ALTER FUNCTION embudo.demo_fill(company integer, leads integer) OWNER TO embudo_owner;

--
-- Name: document_activity_state(text, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.document_activity_state(model text, record integer) RETURNS text
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
    RETURN (SELECT CASE min(CASE embudo.activity_state_at(a.date_deadline, coalesce(u.tz, 'UTC'), now())
                                WHEN 'overdue' THEN 0 WHEN 'today' THEN 1 ELSE 2 END)
                       WHEN 0 THEN 'overdue' WHEN 1 THEN 'today' WHEN 2 THEN 'planned' END
            FROM public.mail_activity a LEFT JOIN public.res_users u ON u.id = a.user_id
            WHERE a.res_model = document_activity_state.model AND a.res_id = document_activity_state.record AND a.active);
END
$$;


ALTER FUNCTION embudo.document_activity_state(model text, record integer) OWNER TO embudo_owner;

--
-- Name: document_salesperson_key(text, integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.document_salesperson_key(kind text, company integer, document integer) RETURNS integer
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
    IF kind = 'crm.lead' THEN
        RETURN (SELECT d.salesperson_key FROM public.crm_lead d WHERE d.company_id = company AND d.id = document);
    ELSIF kind = 'sale.order' THEN
        RETURN (SELECT d.salesperson_key FROM public.sale_order d WHERE d.company_id = company AND d.id = document);
    END IF;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.document_salesperson_key(kind text, company integer, document integer) OWNER TO embudo_owner;

--
-- Name: document_salesperson_key_as_owner(text, integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.document_salesperson_key_as_owner(kind text, company integer, document integer) RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ SELECT CASE WHEN pg_trigger_depth() > 0 THEN embudo.document_salesperson_key(kind, company, document) END $$;


ALTER FUNCTION embudo.document_salesperson_key_as_owner(kind text, company integer, document integer) OWNER TO embudo_owner;

--
-- Name: drop_bi_login(name); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.drop_bi_login(login name) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_auth_members am JOIN pg_roles member ON member.oid = am.member
                   JOIN pg_roles grp ON grp.oid = am.roleid JOIN embudo.company_bi_role b ON b.role_name = grp.rolname
                   WHERE member.rolname = login) THEN
        RAISE EXCEPTION '% is not a BI login', login USING ERRCODE = 'undefined_object';
    END IF;
    EXECUTE format('DROP ROLE %I', login);
END
$$;


ALTER FUNCTION embudo.drop_bi_login(login name) OWNER TO embudo_owner;

--
-- Name: enable_catalog_policies(regclass, embudo.access_level, embudo.access_level); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.enable_catalog_policies(target regclass, writer embudo.access_level, deleter embudo.access_level) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM embudo.replace_policy(target, 'member_read', 'FOR SELECT USING (true)');
    PERFORM embudo.replace_policy(target, 'writer_create', format(
        'FOR INSERT TO embudo_service WITH CHECK (company_id = ANY ((SELECT embudo.company_ids(%L))::int[]))', writer));
    PERFORM embudo.replace_policy(target, 'writer_update', format(
        'FOR UPDATE TO embudo_service USING (company_id = ANY ((SELECT embudo.company_ids(%L))::int[]))', writer));
    PERFORM embudo.replace_policy(target, 'deleter_delete', format(
        'FOR DELETE TO embudo_service USING (company_id = ANY ((SELECT embudo.company_ids(%L))::int[]))', deleter));
END
$$;


ALTER FUNCTION embudo.enable_catalog_policies(target regclass, writer embudo.access_level, deleter embudo.access_level) OWNER TO embudo_owner;

--
-- Name: enable_follower_policy(regclass, name, regclass, name, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.enable_follower_policy(target regclass, policy name, parent regclass, link name, clauses text DEFAULT ''::text) RETURNS void
    LANGUAGE plpgsql
    AS $_$
DECLARE
    mine constant text := embudo.personal_or_all('= 0', 'salesperson_key');
BEGIN
    EXECUTE format('CREATE OR REPLACE TRIGGER salesperson_key BEFORE INSERT OR UPDATE OF %I ON %s '
                   'FOR EACH ROW EXECUTE FUNCTION embudo.copy_salesperson_key(%L)',
                   link, target, (SELECT c.relname FROM pg_catalog.pg_class c WHERE c.oid = parent));
    PERFORM embudo.replace_policy(target, policy, format('%1$s USING (%2$s) WITH CHECK (%2$s)', clauses, mine));
    -- As the document's: the owner sees the rows of the request's companies, for embudo.count_existing.
    -- (It writes them as the request's user does, the documents' salesperson_key_follows triggers
    -- included; only unlinking has the owner write the copies: embudo.enable_owner_writes_policy.)
    PERFORM embudo.replace_policy(target, 'owner_exists', 'FOR SELECT TO embudo_owner USING (true)');
END
$_$;


ALTER FUNCTION embudo.enable_follower_policy(target regclass, policy name, parent regclass, link name, clauses text) OWNER TO embudo_owner;

--
-- Name: enable_owner_writes_policy(regclass); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.enable_owner_writes_policy(target regclass) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM embudo.replace_policy(target, 'owner_writes', 'TO embudo_owner '
        'USING (coalesce(current_setting(''embudo.owner_writes'', true), '''') <> '''') '
        'WITH CHECK (coalesce(current_setting(''embudo.owner_writes'', true), '''') <> '''')');
END
$$;


ALTER FUNCTION embudo.enable_owner_writes_policy(target regclass) OWNER TO embudo_owner;

--
-- Name: enable_salesperson_documents(regclass); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.enable_salesperson_documents(target regclass) RETURNS void
    LANGUAGE plpgsql
    AS $_$
DECLARE
    mine constant text := embudo.personal_or_all('IS NULL', 'user_id');
BEGIN
    EXECUTE format('ALTER TABLE %s ALTER COLUMN user_id SET DEFAULT embudo.current_user_id()', target);
    PERFORM embudo.replace_policy(target, 'personal_or_all_read', format('FOR SELECT USING (%s)', mine));
    PERFORM embudo.replace_policy(target, 'personal_or_all_create', format('FOR INSERT TO embudo_service WITH CHECK (%s)', mine));
    PERFORM embudo.replace_policy(target, 'personal_or_all_update',
        format('FOR UPDATE TO embudo_service USING (%1$s) WITH CHECK (%1$s)', mine));
    PERFORM embudo.replace_policy(target, 'admin_delete',
        'FOR DELETE TO embudo_service USING (company_id = ANY ((SELECT embudo.company_ids(''admin''))::int[]))');
    PERFORM embudo.replace_policy(target, 'owner_exists', 'FOR SELECT TO embudo_owner USING (true)');
END
$_$;


ALTER FUNCTION embudo.enable_salesperson_documents(target regclass) OWNER TO embudo_owner;

--
-- Name: enable_shared_record_policies(regclass); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.enable_shared_record_policies(target regclass) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM embudo.replace_policy(target, 'member_read', 'FOR SELECT USING (true)');
    PERFORM embudo.replace_policy(target, 'member_create', 'FOR INSERT TO embudo_service WITH CHECK (true)');
    PERFORM embudo.replace_policy(target, 'member_update', 'FOR UPDATE TO embudo_service USING (true)');
    PERFORM embudo.replace_policy(target, 'manager_delete',
        'FOR DELETE TO embudo_service USING (company_id = ANY ((SELECT embudo.company_ids(''all''))::int[]))');
END
$$;


ALTER FUNCTION embudo.enable_shared_record_policies(target regclass) OWNER TO embudo_owner;

--
-- Name: enable_tenancy(regclass, name); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.enable_tenancy(target regclass, company_column name DEFAULT 'company_id'::name) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO embudo.tenant_table (name, company_column) VALUES (embudo.qualified_name(target), company_column)
    ON CONFLICT (name) DO UPDATE SET company_column = excluded.company_column;
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO embudo_service', target);
    EXECUTE format('GRANT SELECT ON %s TO embudo_report', target);
END
$$;


ALTER FUNCTION embudo.enable_tenancy(target regclass, company_column name) OWNER TO embudo_owner;

--
-- Name: enable_unlink(regclass, name, regclass); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.enable_unlink(target regclass, "column" name, named regclass) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF named <> 'public.res_company_member'::regclass THEN
        EXECUTE format('CREATE OR REPLACE TRIGGER %I AFTER DELETE ON %s FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted(%L, %L)',
                       'unlink_' || (SELECT c.relname FROM pg_catalog.pg_class c WHERE c.oid = target) || '_' || "column",
                       named, embudo.qualified_name(target), "column");
    END IF;
    PERFORM embudo.enable_owner_writes_policy(target);
END
$$;


ALTER FUNCTION embudo.enable_unlink(target regclass, "column" name, named regclass) OWNER TO embudo_owner;

--
-- Name: end_owner_writes(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.end_owner_writes(previous text) RETURNS void
    LANGUAGE sql
    AS $$ SELECT embudo.set_local('embudo.owner_writes', previous) $$;


ALTER FUNCTION embudo.end_owner_writes(previous text) OWNER TO embudo_owner;

--
-- Name: end_session(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.end_session(token text) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    DELETE FROM embudo.http_session WHERE token_hash = sha256(convert_to(token, 'UTF8'));
$$;


ALTER FUNCTION embudo.end_session(token text) OWNER TO embudo_owner;

--
-- Name: enter_tenant(integer, integer[], integer, text, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.enter_tenant(acting_user integer, companies integer[], timeout_ms integer, stamp text, lang text) RETURNS boolean
    LANGUAGE plpgsql
    AS $$
DECLARE
    granted record;
    refused boolean := false;
    version text;
    cache_key text;
    cache_name text;
    cached text;
BEGIN
    -- A session whose login is embudo_service itself has that role's rights and no other (the pool checks
    -- the role when it connects): two plain comparisons, no query, on every call. Only a login that
    -- switched to the service is looked up in the catalog. (Kept apart from the comparisons: an
    -- expression with a subquery would run through the executor every time.)
    IF current_user <> 'embudo_service' THEN
        refused := true;
    ELSIF session_user <> current_user THEN
        refused := (SELECT r.rolsuper OR r.rolbypassrls OR pg_catalog.pg_has_role(r.oid, 'embudo_owner', 'MEMBER') FROM pg_catalog.pg_roles r
                    WHERE r.rolname = session_user);
    END IF;
    IF refused THEN
        RAISE EXCEPTION 'the tenant context is for embudo_service on a login that is neither superuser nor BYPASSRLS (current user %, login %)',
                        current_user, session_user
              USING ERRCODE = 'EMR01';
    END IF;
    IF acting_user IS NULL THEN
        SELECT '{}'::int[] AS own, '{}'::int[] AS every, '{}'::int[] AS admin INTO granted;
    ELSE
        version := embudo.credential_stamp(acting_user);
        IF stamp IS NOT NULL AND version IS DISTINCT FROM stamp THEN
            RAISE EXCEPTION 'the credentials of user % changed', acting_user USING ERRCODE = 'invalid_password';
        END IF;
        cache_key := acting_user::text || '/' || coalesce(version, '') || '/' || coalesce(companies::text, '');
        cache_name := 'embudo.grants_u' || acting_user::text;
        cached := current_setting(cache_name, true);
        IF version IS NOT NULL AND split_part(cached, ';', 1) = cache_key THEN
            SELECT split_part(cached, ';', 2)::int[] AS own, split_part(cached, ';', 3)::int[] AS every,
                   split_part(cached, ';', 4)::int[] AS admin
              INTO granted;
        ELSE
            SELECT g.own, g.every, g.admin INTO granted FROM embudo.member_grants(acting_user, companies) g;
            PERFORM set_config(cache_name, concat_ws(';', cache_key, granted.own::text, granted.every::text, granted.admin::text), false);
        END IF;
    END IF;
    PERFORM embudo.set_local('embudo.user_id', acting_user::text,
                             'embudo.company_ids', array_to_string(companies, ','),
                             'statement_timeout', coalesce(timeout_ms, 0)::text,
                             'embudo.granted_own', granted.own::text,
                             'embudo.granted_all', granted.every::text,
                             'embudo.granted_admin', granted.admin::text,
                             'embudo.lang', lang);
    RETURN true;
END
$$;


ALTER FUNCTION embudo.enter_tenant(acting_user integer, companies integer[], timeout_ms integer, stamp text, lang text) OWNER TO embudo_owner;

--
-- Name: grant_member(integer, integer, embudo.access_level); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.grant_member(company integer, target integer, level embudo.access_level) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    part name;
BEGIN
    INSERT INTO public.res_company_member (company_id, user_id, access_level) VALUES (company, target, level)
    ON CONFLICT (company_id, user_id) DO UPDATE SET access_level = excluded.access_level;
    PERFORM embudo.member_changed(target);
    FOR part IN
        SELECT p.proname FROM pg_catalog.pg_proc p
        WHERE p.pronamespace = 'embudo'::regnamespace AND p.proname ~ '^member_granted_[0-9]+_' ORDER BY p.proname
    LOOP
        EXECUTE format('SELECT embudo.%I($1, $2, $3)', part) USING company, target, level;
    END LOOP;
END
$_$;


ALTER FUNCTION embudo.grant_member(company integer, target integer, level embudo.access_level) OWNER TO embudo_owner;

--
-- Name: html_escape(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.html_escape(text text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT replace(replace(replace(replace(text, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;') $$;


ALTER FUNCTION embudo.html_escape(text text) OWNER TO embudo_owner;

--
-- Name: ical_calendar(text, text, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.ical_calendar(body text, method text, title text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT embudo.ical_line('BEGIN:VCALENDAR') || embudo.ical_line('VERSION:2.0')
           || embudo.ical_line('PRODID:-//Embudo//Embudo CRM//ES')
           || embudo.ical_line('CALSCALE:GREGORIAN')
           || coalesce(embudo.ical_line('METHOD:' || method), '')
           || coalesce(embudo.ical_line('X-WR-CALNAME:' || embudo.ical_text(nullif(title, ''))), '')
           || coalesce(body, '')
           || embudo.ical_line('END:VCALENDAR')
$$;


ALTER FUNCTION embudo.ical_calendar(body text, method text, title text) OWNER TO embudo_owner;

--
-- Name: ical_events(integer, text, integer, integer, boolean); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.ical_events(company integer, uid text, partner integer, member integer, cancelled boolean) RETURNS text
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
    events public.calendar_event[];
    master public.calendar_event;
    e public.calendar_event;
    sequence int;
    result text;
BEGIN
    events := ARRAY(
        SELECT x FROM public.calendar_event x
        WHERE x.company_id = company AND x.ical_uid = uid AND (x.active OR cancelled)
          AND (partner IS NULL AND member IS NULL
               OR EXISTS (SELECT 1 FROM public.calendar_attendee t WHERE t.company_id = x.company_id AND t.event_id = x.id
                                                                   AND (t.partner_id = partner OR t.user_id = member)))
        ORDER BY coalesce(x.recurrence_start, x.start), x.id);
    IF cardinality(events) = 0 THEN
        RETURN NULL;
    END IF;
    master := events[1];
    sequence := (SELECT max(x.sequence) FROM unnest(events) x);
    IF master.recurrence_id IS NULL THEN
        RETURN embudo.ical_vevent(master, sequence, NULL, NULL, cancelled);
    END IF;
    result := embudo.ical_vevent(master, sequence,
                                 ARRAY(SELECT x.recurrence_start FROM unnest(events) x WHERE x.id <> master.id AND x.recurrence_start IS NOT NULL),
                                 NULL, cancelled);
    FOREACH e IN ARRAY events[2:] LOOP
        IF (e.start - e.recurrence_start, e.stop - e.start, e.name, e.location, e.description, e.videocall_location, e.allday)
           IS DISTINCT FROM (interval '0', master.stop - master.start, master.name, master.location, master.description,
                             master.videocall_location, master.allday) THEN
            result := result || embudo.ical_vevent(e, sequence, NULL, e.recurrence_start, cancelled);
        END IF;
    END LOOP;
    RETURN result;
END
$$;


ALTER FUNCTION embudo.ical_events(company integer, uid text, partner integer, member integer, cancelled boolean) OWNER TO embudo_owner;

--
-- Name: ical_line(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.ical_line(line text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
DECLARE
    lines text[] := '{}';
    current text := '';
    width int := 0;
    c text;
    size int;
BEGIN
    IF octet_length(line) <= 75 THEN
        RETURN line || E'\r\n';
    END IF;
    -- Lines are gathered in an array and joined once: the work grows with the text, not its square.
    FOREACH c IN ARRAY regexp_split_to_array(line, '') LOOP
        size := octet_length(c);
        IF width + size > 75 THEN
            lines := lines || current;
            current := ' ';
            width := 1;
        END IF;
        current := current || c;
        width := width + size;
    END LOOP;
    RETURN array_to_string(lines || current, E'\r\n') || E'\r\n';
END
$$;


ALTER FUNCTION embudo.ical_line(line text) OWNER TO embudo_owner;

--
-- Name: ical_param(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.ical_param(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT '"' || regexp_replace(coalesce(value, ''), '["\x00-\x1f\x7f]', '', 'g') || '"'
$$;


ALTER FUNCTION embudo.ical_param(value text) OWNER TO embudo_owner;

--
-- Name: ical_text(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.ical_text(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT replace(replace(replace(replace(replace(value, E'\\', E'\\\\'), ';', E'\\;'), ',', E'\\,'), E'\r', ''), E'\n', E'\\n')
$$;


ALTER FUNCTION embudo.ical_text(value text) OWNER TO embudo_owner;

--
-- Name: ical_utc(timestamp with time zone); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.ical_utc(instant timestamp with time zone) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT to_char(instant AT TIME ZONE 'UTC', 'YYYYMMDD"T"HH24MISS"Z"')
$$;


ALTER FUNCTION embudo.ical_utc(instant timestamp with time zone) OWNER TO embudo_owner;

--
-- Name: ical_vevent(anyelement, integer, timestamp with time zone[], timestamp with time zone, boolean); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.ical_vevent(e anyelement, series_sequence integer, rdates timestamp with time zone[], recurrence_id timestamp with time zone, cancelled boolean) RETURNS text
    LANGUAGE plpgsql STABLE
    AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT string_agg(embudo.ical_line(line), '' ORDER BY n)
        FROM unnest(ARRAY[
            'BEGIN:VEVENT',
            'UID:' || embudo.ical_text(e.ical_uid),
            'DTSTAMP:' || embudo.ical_utc(now()),
            'SEQUENCE:' || series_sequence,
            CASE WHEN recurrence_id IS NOT NULL THEN
                CASE WHEN e.allday THEN 'RECURRENCE-ID;VALUE=DATE:' || to_char(recurrence_id AT TIME ZONE 'UTC', 'YYYYMMDD')
                     ELSE 'RECURRENCE-ID:' || embudo.ical_utc(recurrence_id) END END,
            CASE WHEN e.allday THEN 'DTSTART;VALUE=DATE:' || to_char(e.start_date, 'YYYYMMDD') ELSE 'DTSTART:' || embudo.ical_utc(e.start) END,
            CASE WHEN e.allday THEN 'DTEND;VALUE=DATE:' || to_char(e.stop_date + 1, 'YYYYMMDD') ELSE 'DTEND:' || embudo.ical_utc(e.stop) END,
            CASE WHEN cardinality(rdates) > 0 THEN
                CASE WHEN e.allday THEN 'RDATE;VALUE=DATE:' || (SELECT string_agg(to_char(d AT TIME ZONE 'UTC', 'YYYYMMDD'), ',' ORDER BY d) FROM unnest(rdates) d)
                     ELSE 'RDATE:' || (SELECT string_agg(embudo.ical_utc(d), ',' ORDER BY d) FROM unnest(rdates) d) END END,
            'SUMMARY:' || embudo.ical_text(left(e.name, 1000)),
            CASE WHEN nullif(e.location, '') IS NOT NULL THEN 'LOCATION:' || embudo.ical_text(left(e.location, 1000)) END,
            CASE WHEN nullif(e.videocall_location, '') IS NOT NULL THEN 'URL:' || embudo.ical_text(left(e.videocall_location, 1000)) END,
            CASE WHEN nullif(e.description, '') IS NOT NULL OR nullif(e.videocall_location, '') IS NOT NULL
                 THEN 'DESCRIPTION:' || embudo.ical_text(left(concat_ws(E'\n\n', nullif(embudo.calendar_plain(left(e.description, 20000)), ''),
                                                                       nullif(e.videocall_location, '')), 8000)) END,
            'CLASS:' || CASE e.privacy WHEN 'private' THEN 'PRIVATE' WHEN 'confidential' THEN 'CONFIDENTIAL' ELSE 'PUBLIC' END,
            'TRANSP:' || CASE e.show_as WHEN 'free' THEN 'TRANSPARENT' ELSE 'OPAQUE' END,
            'STATUS:' || CASE WHEN cancelled THEN 'CANCELLED' ELSE 'CONFIRMED' END,
            (SELECT 'ORGANIZER;CN=' || embudo.ical_param(a.name) || ':mailto:' || a.email
             FROM embudo.calendar_address(e.company_id, NULL, e.user_id) a WHERE a.email IS NOT NULL)
        ] || ARRAY(
            SELECT 'ATTENDEE;CN=' || embudo.ical_param(a.name) || ';ROLE=REQ-PARTICIPANT;PARTSTAT='
                   || CASE t.state WHEN 'accepted' THEN 'ACCEPTED' WHEN 'declined' THEN 'DECLINED' WHEN 'tentative' THEN 'TENTATIVE' ELSE 'NEEDS-ACTION' END
                   || ';RSVP=' || CASE WHEN t.user_id IS NOT DISTINCT FROM e.user_id AND t.partner_id IS NULL THEN 'FALSE' ELSE 'TRUE' END
                   || ':mailto:' || a.email
            FROM public.calendar_attendee t, embudo.calendar_address(t.company_id, t.partner_id, t.user_id) a
            WHERE t.company_id = e.company_id AND t.event_id = e.id AND a.email IS NOT NULL
            ORDER BY t.id)
          || ARRAY['END:VEVENT']) WITH ORDINALITY AS x (line, n)
        WHERE line IS NOT NULL
    );
END
$$;


ALTER FUNCTION embudo.ical_vevent(e anyelement, series_sequence integer, rdates timestamp with time zone[], recurrence_id timestamp with time zone, cancelled boolean) OWNER TO embudo_owner;

--
-- Name: identity(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.identity(target integer) RETURNS TABLE(id integer, login text, name text, tz text, lang text, company_ids integer[], access_levels text[])
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT u.id, u.login, u.name, u.tz, u.lang,
           coalesce(array_agg(m.company_id ORDER BY m.company_id IS DISTINCT FROM u.company_id, m.company_id)
                    FILTER (WHERE m.company_id IS NOT NULL), '{}'),
           coalesce(array_agg(m.access_level::text ORDER BY m.company_id IS DISTINCT FROM u.company_id, m.company_id)
                    FILTER (WHERE m.company_id IS NOT NULL), '{}')
    FROM public.res_users u
    LEFT JOIN public.res_company_member m
           ON m.user_id = u.id AND NOT EXISTS (SELECT 1 FROM embudo.disabled_company d WHERE d.company_id = m.company_id)
    WHERE u.id = target AND u.active
    GROUP BY u.id
$$;


ALTER FUNCTION embudo.identity(target integer) OWNER TO embudo_owner;

--
-- Name: inline_context(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.inline_context(expression text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT regexp_replace(expression, '\(\s*SELECT (embudo\.(company_ids|current_user_id)\([^()]*\))(\s+AS\s+[a-z_]+)?\s*\)', '\1', 'g')
$$;


ALTER FUNCTION embudo.inline_context(expression text) OWNER TO embudo_owner;

--
-- Name: inline_policies(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.inline_policies() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    SELECT EXISTS (SELECT FROM pg_catalog.pg_extension e WHERE e.extname = 'citus')
$$;


ALTER FUNCTION embudo.inline_policies() OWNER TO embudo_owner;

--
-- Name: inline_policy_context(regclass); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.inline_policy_context(target regclass DEFAULT NULL::regclass) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    found record;
    rewritten int := 0;
BEGIN
    FOR found IN
        SELECT * FROM (
            SELECT p.polname, p.polrelid::regclass AS tab, pg_get_expr(p.polqual, p.polrelid) AS qual,
                   pg_get_expr(p.polwithcheck, p.polrelid) AS checks
            FROM pg_catalog.pg_policy p WHERE target IS NULL OR p.polrelid = target
        ) x, LATERAL (SELECT embudo.inline_context(x.qual) AS inline_qual, embudo.inline_context(x.checks) AS inline_checks) i
        WHERE x.qual IS DISTINCT FROM i.inline_qual OR x.checks IS DISTINCT FROM i.inline_checks
    LOOP
        IF found.qual IS DISTINCT FROM found.inline_qual THEN
            EXECUTE format('ALTER POLICY %I ON %s USING (%s)', found.polname, found.tab, found.inline_qual);
        END IF;
        IF found.checks IS DISTINCT FROM found.inline_checks THEN
            EXECUTE format('ALTER POLICY %I ON %s WITH CHECK (%s)', found.polname, found.tab, found.inline_checks);
        END IF;
        rewritten := rewritten + 1;
    END LOOP;
    RETURN rewritten;
END
$$;


ALTER FUNCTION embudo.inline_policy_context(target regclass) OWNER TO embudo_owner;

--
-- Name: invitation_mail(integer, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.invitation_mail(invitation integer, token text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
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


ALTER FUNCTION embudo.invitation_mail(invitation integer, token text) OWNER TO embudo_owner;

--
-- Name: invite_user(integer, text, text, embudo.access_level); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.invite_user(company integer, user_login text, user_name text, level embudo.access_level) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
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


ALTER FUNCTION embudo.invite_user(company integer, user_login text, user_name text, level embudo.access_level) OWNER TO embudo_owner;

--
-- Name: ir_attachment_message_document(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.ir_attachment_message_document() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM public.mail_message m WHERE m.company_id = NEW.company_id AND m.id = NEW.mail_message_id
                   AND m.model = NEW.res_model AND m.res_id = NEW.res_id) THEN
        PERFORM embudo.refuse('access', 'An attachment of a message belongs to the message''s document.');
    END IF;
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.ir_attachment_message_document() OWNER TO embudo_owner;

--
-- Name: link_form_key(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.link_form_key(token text) RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT encode(embudo_crypto.hmac(convert_to(token, 'UTF8'), s.secret, 'sha256'), 'hex') FROM embudo.portal_secret s
$$;


ALTER FUNCTION embudo.link_form_key(token text) OWNER TO embudo_owner;

--
-- Name: localized(text, text, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.localized(lang text, english text, spanish text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN (lang ~~ 'es%'::text) THEN spanish ELSE english END;


ALTER FUNCTION embudo.localized(lang text, english text, spanish text) OWNER TO embudo_owner;

--
-- Name: login_account(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.login_account(login text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT 'login:' || encode(sha256(convert_to(embudo.login_key(login), 'UTF8')), 'hex')
$$;


ALTER FUNCTION embudo.login_account(login text) OWNER TO embudo_owner;

--
-- Name: login_address(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.login_address(login text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $_$
    SELECT CASE WHEN lower(btrim(login)) ~ '^[^@[:space:]<>(),;:"\[\]\\]+@[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$'
                THEN lower(btrim(login)) END
$_$;


ALTER FUNCTION embudo.login_address(login text) OWNER TO embudo_owner;

--
-- Name: login_key(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.login_key(login text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    SELECT lower(btrim(login, E' \t\n\r\v\f' || chr(160) || chr(8203) || chr(8288) || chr(12288) || chr(65279)))
$$;


ALTER FUNCTION embudo.login_key(login text) OWNER TO embudo_owner;

--
-- Name: mail_activity_before_write(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.mail_activity_before_write() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    kind public.mail_activity_type;
    salesperson int;
    me int := embudo.current_user_id();
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.res_model IS NULL AND NEW.res_model_id IS NOT NULL THEN
            NEW.res_model := (SELECT m.model FROM public.ir_model m WHERE m.id = NEW.res_model_id);
        END IF;
        IF NEW.res_model IS NULL OR NEW.res_model NOT IN ('crm.lead', 'sale.order') THEN
            PERFORM embudo.refuse('validation', 'Activities can be scheduled on leads, opportunities and quotations only.');
        END IF;
        NEW.res_model_id := coalesce(NEW.res_model_id, (SELECT m.id FROM public.ir_model m WHERE m.model = NEW.res_model));
        -- The document, read once with the request's rights (a document it may not read, and so may not
        -- change, is not found): its company (whichever of the caller's companies is the current one),
        -- its name, and its salesperson's key, which the policies read.
        IF NEW.res_model = 'crm.lead' THEN
            SELECT l.company_id, l.name, l.salesperson_key, NULL
              INTO NEW.company_id, NEW.res_name, NEW.lead_salesperson_key, NEW.order_salesperson_key
              FROM public.crm_lead l WHERE l.id = NEW.res_id;
        ELSE
            SELECT o.company_id, o.name, NULL, o.salesperson_key
              INTO NEW.company_id, NEW.res_name, NEW.lead_salesperson_key, NEW.order_salesperson_key
              FROM public.sale_order o WHERE o.id = NEW.res_id;
        END IF;
        IF NOT FOUND THEN
            PERFORM embudo.refuse('access', 'You cannot schedule an activity on a document you cannot change.');
        END IF;
        IF NEW.activity_type_id IS NULL THEN
            SELECT t.id INTO NEW.activity_type_id FROM public.mail_activity_type t
            WHERE t.company_id = NEW.company_id AND t.active AND (t.res_model IS NULL OR t.res_model = NEW.res_model)
            ORDER BY EXISTS (SELECT 1 FROM public.ir_model_data d WHERE d.company_id = t.company_id AND d.model = 'mail.activity.type'
                                 AND d.res_id = t.id AND d.module = 'mail' AND d.name = 'mail_activity_data_todo') DESC,
                     t.res_model IS NULL, t.sequence, t.id
            LIMIT 1;
        END IF;
        SELECT * INTO kind FROM public.mail_activity_type t WHERE t.company_id = NEW.company_id AND t.id = NEW.activity_type_id;
        IF kind.res_model IS NOT NULL AND kind.res_model <> NEW.res_model THEN
            PERFORM embudo.refuse('validation', format('The activity type %s is not available on this kind of document.', kind.name));
        END IF;
        NEW.summary := coalesce(NEW.summary, kind.summary);
        NEW.note := coalesce(NEW.note, kind.default_description);
        NEW.user_id := coalesce(NEW.user_id, kind.default_user_id, me);
        IF NEW.date_deadline IS NULL THEN
            NEW.date_deadline := CASE WHEN NEW.automated THEN embudo.user_today(NEW.user_id)
                                      ELSE embudo.activity_deadline(NEW.company_id, NEW.activity_type_id, embudo.user_today(me)) END;
        END IF;
    ELSIF NEW.res_model IS DISTINCT FROM OLD.res_model OR NEW.res_id IS DISTINCT FROM OLD.res_id OR NEW.company_id <> OLD.company_id THEN
        PERFORM embudo.refuse('validation', 'An activity cannot move to another document.');
    END IF;
    -- The assignee must be able to read the document (whenever a user acts, activity_schedule included).
    IF (TG_OP = 'INSERT' OR NEW.user_id IS DISTINCT FROM OLD.user_id) AND NEW.user_id IS DISTINCT FROM me AND me IS NOT NULL THEN
        -- The document's salesperson, from the copy the activity carries (0: none).
        salesperson := nullif(coalesce(NEW.lead_salesperson_key, NEW.order_salesperson_key), 0);
        IF NOT embudo.member_reads_lead(NEW.company_id, NEW.user_id, salesperson) THEN
            PERFORM embudo.refuse('access', format('%s cannot read this document: assign the activity to someone who can.',
                                                   coalesce((SELECT u.name FROM public.res_users u WHERE u.id = NEW.user_id), 'That user')));
        END IF;
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO public.mail_followers (company_id, res_model, res_id, user_id)
        VALUES (NEW.company_id, NEW.res_model, NEW.res_id, NEW.user_id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.mail_activity_before_write() OWNER TO embudo_owner;

--
-- Name: mail_address_list(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.mail_address_list(header text) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE
    AS $_$
DECLARE
    items text[] := '{}';
    current text := '';
    quoted boolean := false;
    escaped boolean := false;
    angle boolean := false;
    c text;
    item text;
    open int;
    close int;
    address text;
    display text;
    result text[] := '{}';
BEGIN
    IF header IS NULL THEN
        RETURN '{}';
    END IF;
    IF length(header) > 10000 THEN
        RETURN NULL;
    END IF;
    -- Character by character (code points, as the worker's scalars), like MailAddress.splitList.
    FOREACH c IN ARRAY regexp_split_to_array(header, '') LOOP
        IF escaped THEN
            escaped := false;
        ELSIF quoted AND c = '\' THEN
            escaped := true;
        ELSIF c = '"' THEN
            quoted := NOT quoted;
        ELSIF NOT quoted AND c = '<' THEN
            angle := true;
        ELSIF NOT quoted AND c = '>' THEN
            angle := false;
        ELSIF NOT quoted AND NOT angle AND c IN (',', ';') THEN
            items := items || current;
            current := '';
            CONTINUE;
        END IF;
        current := current || c;
    END LOOP;
    items := items || current;
    FOREACH item IN ARRAY items LOOP
        item := btrim(item, E' \t\r\n');
        CONTINUE WHEN item = '';
        -- Like MailAddress.parse: the address is in the last angle brackets, with nothing after them.
        IF strpos(item, '<') = 0 THEN
            address := item;
            display := NULL;
        ELSE
            open := length(item) - strpos(reverse(item), '<') + 1;
            close := strpos(substr(item, open), '>');
            IF close = 0 OR btrim(substr(item, open + close), E' \t\r\n') <> '' THEN
                RETURN NULL;
            END IF;
            address := btrim(substr(item, open + 1, close - 2), E' \t\r\n');
            display := substr(item, 1, open - 1);
        END IF;
        IF octet_length(address) > 254 OR address !~ '^[\x21-\x7e]+$' OR address !~ '^[^@<>()\[\]\\,;:"]+@[^@<>()\[\]\\,;:"]+$'
           OR display ~ '[\x01-\x1f\x7f]' THEN
            RETURN NULL;
        END IF;
        result := result || address;
    END LOOP;
    RETURN result;
END
$_$;


ALTER FUNCTION embudo.mail_address_list(header text) OWNER TO embudo_owner;

--
-- Name: mail_claim(integer, interval); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.mail_claim(batch integer, lease interval) RETURNS TABLE(id integer, email_from text, email_to text, email_cc text, reply_to text, subject text, body_html text, attempts integer, message_id text, calendar_ics text, calendar_method text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    UPDATE public.mail_mail m
    SET attempts = m.attempts + 1, next_attempt_at = now() + lease, write_date = now()
    WHERE m.id IN (SELECT d.id FROM public.mail_mail d WHERE d.state = 'outgoing' AND d.next_attempt_at <= now()
                   ORDER BY d.next_attempt_at, d.id LIMIT batch FOR UPDATE SKIP LOCKED)
    RETURNING m.id, m.email_from, m.email_to, m.email_cc, m.reply_to, m.subject, m.body_html, m.attempts, m.message_id,
              m.calendar_ics, m.calendar_method;
END
$$;


ALTER FUNCTION embudo.mail_claim(batch integer, lease interval) OWNER TO embudo_owner;

--
-- Name: mail_failed(integer, text, interval, boolean); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.mail_failed(message integer, reason text, retry_in interval, permanent boolean) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
DECLARE
    outcome text;
BEGIN
    UPDATE public.mail_mail
    SET state = CASE WHEN permanent OR attempts >= max_attempts THEN 'exception' ELSE 'outgoing' END,
        next_attempt_at = now() + retry_in, failure_reason = left(reason, 2000), write_date = now()
    WHERE id = message AND state = 'outgoing'
    RETURNING state INTO outcome;
    RETURN outcome;
END
$$;


ALTER FUNCTION embudo.mail_failed(message integer, reason text, retry_in interval, permanent boolean) OWNER TO embudo_owner;

--
-- Name: mail_format_address(text, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.mail_format_address(display text, address text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT CASE WHEN nullif(btrim(display), '') IS NULL THEN address
                WHEN btrim(display) !~ '[()<>\[\]:;@\\,."\x01-\x1f\x7f]' THEN btrim(display) || ' <' || address || '>'
                ELSE '"' || replace(replace(regexp_replace(btrim(display), '[\x01-\x1f\x7f]', ' ', 'g'), '\', '\\'), '"', '\"') || '" <' || address || '>' END
$$;


ALTER FUNCTION embudo.mail_format_address(display text, address text) OWNER TO embudo_owner;

--
-- Name: mail_gateway(integer, jsonb); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.mail_gateway(team integer, message jsonb) RETURNS jsonb
    LANGUAGE plpgsql
    AS $$
DECLARE
    company int := (embudo.company_ids())[1];
    me int := embudo.current_user_id();
    -- Stored as Odoo stores it, in its angle brackets (the parser gives it bare).
    incoming_id text := '<' || nullif(btrim(message->>'message_id', '<> '), '') || '>';
    sender text := embudo.normalize_email(message->>'from');
    existing record;
    thread record;
    lead public.crm_lead;
    alias public.crm_team;
    partner int;
    salesperson int;
    posted int;
    references_ text[] := ARRAY(SELECT jsonb_array_elements_text(coalesce(message->'references', '[]')))
                          || CASE WHEN message ? 'in_reply_to' AND message->>'in_reply_to' <> '' THEN ARRAY[message->>'in_reply_to'] ELSE '{}' END;
    lead_type text;
    lang text;
    domain text;
BEGIN
    IF incoming_id IS NOT NULL THEN
        SELECT m.model, m.res_id INTO existing FROM public.mail_message m WHERE m.company_id = company AND m.message_id = incoming_id;
        IF FOUND THEN
            RETURN jsonb_build_object('action', 'duplicate', 'model', existing.model, 'res_id', existing.res_id);
        END IF;
    END IF;

    IF (message->>'is_bounce')::boolean THEN
        WITH counted AS (
            UPDATE public.crm_lead l SET message_bounce = l.message_bounce + 1
            WHERE l.company_id = company AND (
                l.id = (SELECT t.res_id FROM embudo.mail_thread_of(ARRAY[message->>'bounced_message_id']) t WHERE t.model = 'crm.lead')
                OR (message->>'bounced_recipient' IS NOT NULL AND l.email_normalized = embudo.normalize_email(message->>'bounced_recipient')))
            RETURNING l.id
        )
        SELECT min(c.id) INTO posted FROM counted c;
        RETURN jsonb_build_object('action', 'bounce', 'model', 'crm.lead', 'res_id', posted);
    END IF;

    partner := (SELECT p.id FROM public.res_partner p WHERE p.company_id = company AND sender IS NOT NULL
                AND embudo.normalize_email(p.email) = sender ORDER BY p.id LIMIT 1);

    -- A reply goes to the record it answers.
    SELECT * INTO thread FROM embudo.mail_thread_of(references_);
    IF FOUND THEN
        INSERT INTO public.mail_message (company_id, model, res_id, body, subject, author_id, message_type, subtype_id, message_id,
                                         email_from, email_to, email_cc, create_uid, write_uid)
        VALUES (company, thread.model, thread.res_id, coalesce(message->>'body', ''), message->>'subject', NULL, 'email',
                embudo.subtype('mail.mt_comment'), incoming_id, message->>'from', message->>'to', message->>'cc', me, me)
        RETURNING id INTO posted;
        RETURN jsonb_build_object('action', 'posted', 'model', thread.model, 'res_id', thread.res_id, 'message', posted);
    END IF;

    IF team IS NULL THEN
        PERFORM embudo.refuse('user', 'No alias of this domain matches the recipients and the message answers no known record.');
    END IF;
    SELECT * INTO alias FROM public.crm_team t WHERE t.company_id = company AND t.id = team;
    -- The alias's contact policy (reference §2.13).
    IF alias.alias_contact = 'partners' AND partner IS NULL
       OR alias.alias_contact = 'followers' AND NOT EXISTS (
           SELECT 1 FROM public.mail_followers f JOIN public.crm_lead l ON l.company_id = f.company_id AND l.id = f.lead_id
           WHERE f.company_id = company AND f.partner_id = partner AND l.team_id = team) THEN
        IF sender IS NOT NULL THEN
            -- In the company's language (the sender is unknown here, or a contact without one).
            -- (The company's domain is looked up first: Citus refuses a subquery inside INSERT … VALUES.)
            SELECT c.lang, c.alias_domain INTO lang, domain FROM public.res_company c WHERE c.id = company;
            INSERT INTO public.mail_mail (company_id, email_from, email_to, subject, body_html, create_uid, write_uid)
            VALUES (company, 'MAILER-DAEMON@' || coalesce(domain, 'localhost'),
                    sender, 'Re: ' || coalesce(message->>'subject', ''),
                    '<p>' || embudo.localized(lang, 'Hello,', 'Hola:') || '</p><p>'
                    || embudo.localized(lang, 'The following e-mail sent to ', 'El siguiente correo enviado a ') || embudo.html_escape(alias.alias_name)
                    || embudo.localized(lang, ' cannot be accepted because ', ' no se puede aceptar porque ')
                    || CASE alias.alias_contact WHEN 'partners' THEN embudo.localized(lang, 'this address is restricted to known authors',
                                                                                      'esta dirección solo acepta remitentes conocidos')
                                                ELSE embudo.localized(lang, 'this address is restricted to followers',
                                                                      'esta dirección solo acepta a sus seguidores') END
                    || embudo.localized(lang, '. Please contact us through another way.', '. Por favor, contáctanos por otro medio.')
                    || '</p><blockquote>' || embudo.html_escape(coalesce(message->>'subject', '')) || '</blockquote>',
                    me, me);
        END IF;
        RETURN jsonb_build_object('action', 'refused', 'reason', alias.alias_contact);
    END IF;

    -- The salesperson: a member with the sender's address, else the alias's owner (the team leader), else nobody.
    salesperson := coalesce(
        (SELECT u.id FROM public.res_users u JOIN public.res_company_member m ON m.user_id = u.id AND m.company_id = company
         WHERE sender IS NOT NULL AND embudo.normalize_email(u.email) = sender LIMIT 1),
        alias.user_id);
    lead_type := CASE WHEN alias.use_leads AND (SELECT c.crm_use_leads FROM public.res_company c WHERE c.id = company) THEN 'lead' ELSE 'opportunity' END;
    INSERT INTO public.crm_lead (company_id, name, type, team_id, user_id, email_from, partner_id, priority, email_cc, description,
                                 create_uid, write_uid)
    VALUES (company, coalesce(nullif(btrim(message->>'subject'), ''), 'No Subject'), lead_type, team, salesperson, message->>'from', partner,
            coalesce(message->>'priority', '0'), nullif(message->>'cc', ''), nullif(message->>'text', ''), me, me)
    RETURNING * INTO lead;
    INSERT INTO public.mail_message (company_id, model, res_id, body, subject, author_id, message_type, subtype_id, message_id,
                                     email_from, email_to, email_cc, create_uid, write_uid)
    VALUES (company, 'crm.lead', lead.id, coalesce(message->>'body', ''), message->>'subject', NULL, 'email',
            embudo.subtype('crm.mt_lead_create'), incoming_id, message->>'from', message->>'to', message->>'cc', me, me)
    RETURNING id INTO posted;
    IF partner IS NOT NULL THEN
        INSERT INTO public.mail_followers (company_id, res_model, res_id, partner_id) VALUES (company, 'crm.lead', lead.id, partner)
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN jsonb_build_object('action', 'created', 'model', 'crm.lead', 'res_id', lead.id, 'message', posted);
END
$$;


ALTER FUNCTION embudo.mail_gateway(team integer, message jsonb) OWNER TO embudo_owner;

--
-- Name: mail_gateway_attach(text, integer, integer, jsonb); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.mail_gateway_attach(model text, record integer, message integer, attachments jsonb) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    company constant int := (embudo.company_ids())[1];
    author constant int := embudo.current_user_id();
    stored int;
BEGIN
    INSERT INTO public.ir_attachment (company_id, name, mimetype, res_model, res_id, mail_message_id, content_id, datas, create_uid)
    SELECT company, coalesce(nullif(a->>'filename', ''), 'attachment'), coalesce(a->>'content_type', 'application/octet-stream'),
           model, record, message, a->>'content_id', decode(a->>'data', 'hex'), author
    FROM jsonb_array_elements(attachments) a;
    GET DIAGNOSTICS stored = ROW_COUNT;
    RETURN stored;
END
$$;


ALTER FUNCTION embudo.mail_gateway_attach(model text, record integer, message integer, attachments jsonb) OWNER TO embudo_owner;

--
-- Name: mail_mail_before_write(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.mail_mail_before_write() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    me int := embudo.current_user_id();
    senders text[];
    replies text[];
    address text;
BEGIN
    IF TG_OP = 'INSERT' AND (current_user = 'embudo_service' OR NEW.message_id IS NULL) THEN
        NEW.message_id := embudo.mail_new_message_id(NEW.company_id, NEW.email_from);
    END IF;
    IF current_user <> 'embudo_service' THEN
        RETURN NEW;
    END IF;
    -- Only the copies of the document's salesperson change: the document changed hands
    -- (salesperson_key_follows, base/policies.sql), which its mail follows, sent or not. Or the mail of a
    -- lead being merged moves to the surviving lead (embudo.crm_merge names the merged ones).
    IF TG_OP = 'UPDATE' AND (
        to_jsonb(NEW) - '{lead_salesperson_key,order_salesperson_key}'::text[]
            = to_jsonb(OLD) - '{lead_salesperson_key,order_salesperson_key}'::text[]
        OR OLD.model = 'crm.lead' AND NEW.model = 'crm.lead'
           AND OLD.res_id = ANY (string_to_array(nullif(current_setting('embudo.merged_lead_ids', true), ''), ',')::int[])
           AND to_jsonb(NEW) - '{res_id,lead_salesperson_key,order_salesperson_key}'::text[]
               = to_jsonb(OLD) - '{res_id,lead_salesperson_key,order_salesperson_key}'::text[]) THEN
        RETURN NEW;
    END IF;

    IF NOT NEW.company_id = ANY (embudo.company_ids('all')) AND current_setting('embudo.mail_on_behalf', true) IS DISTINCT FROM 'on' THEN
        PERFORM embudo.refuse('access', 'Queuing or changing outgoing mail directly needs access to all documents of the company.');
    END IF;

    IF TG_OP = 'INSERT' THEN
        NEW.state := 'outgoing';
        NEW.attempts := 0;
        NEW.next_attempt_at := now();
        NEW.failure_reason := NULL;
        NEW.sent_at := NULL;
        NEW.create_uid := me;
        NEW.create_date := now();
    ELSE
        IF OLD.state <> 'outgoing' THEN
            PERFORM embudo.refuse('user', 'Only mail waiting to be sent can be changed.');
        END IF;
        IF (NEW.company_id, NEW.state, NEW.attempts, NEW.max_attempts, NEW.next_attempt_at, NEW.message_id, NEW.mail_message_id,
            NEW.failure_reason, NEW.sent_at, NEW.create_uid, NEW.create_date)
           IS DISTINCT FROM (OLD.company_id, OLD.state, OLD.attempts, OLD.max_attempts, OLD.next_attempt_at, OLD.message_id, OLD.mail_message_id,
                             OLD.failure_reason, OLD.sent_at, OLD.create_uid, OLD.create_date) THEN
            PERFORM embudo.refuse('access', 'The delivery fields of outgoing mail are for the delivery worker to change.');
        END IF;
    END IF;
    NEW.write_uid := me;
    NEW.write_date := now();

    IF TG_OP = 'INSERT' OR NEW.email_from IS DISTINCT FROM OLD.email_from OR NEW.reply_to IS DISTINCT FROM OLD.reply_to THEN
        senders := embudo.mail_address_list(NEW.email_from);
        IF senders IS NULL OR cardinality(senders) <> 1 THEN
            PERFORM embudo.refuse('validation', 'The sender (email_from) must be one e-mail address: "Name <address>" or address.');
        END IF;
        replies := embudo.mail_address_list(NEW.reply_to);
        IF replies IS NULL THEN
            PERFORM embudo.refuse('validation', 'Reply-To (reply_to) must be a list of e-mail addresses.');
        END IF;
        FOREACH address IN ARRAY senders || replies LOOP
            IF NOT embudo.mail_sender_allowed(NEW.company_id, me, address) THEN
                PERFORM embudo.refuse('access', format('You cannot send mail as %s: use your own address or an address of the company''s mail domain.', address));
            END IF;
        END LOOP;
    END IF;

    IF TG_OP = 'INSERT' OR NEW.model IS DISTINCT FROM OLD.model OR NEW.res_id IS DISTINCT FROM OLD.res_id THEN
        IF (NEW.model IS NULL) <> (NEW.res_id IS NULL) THEN
            PERFORM embudo.refuse('validation', 'A mail names its document with both model and res_id, or neither.');
        END IF;
        IF NEW.model = 'crm.lead' THEN
            PERFORM 1 FROM public.crm_lead l WHERE l.company_id = NEW.company_id AND l.id = NEW.res_id FOR KEY SHARE;
        ELSIF NEW.model = 'sale.order' THEN
            PERFORM 1 FROM public.sale_order o WHERE o.company_id = NEW.company_id AND o.id = NEW.res_id FOR KEY SHARE;
        ELSIF NEW.model = 'calendar.event' THEN
            PERFORM 1 FROM public.calendar_event e WHERE e.company_id = NEW.company_id AND e.id = NEW.res_id FOR KEY SHARE;
        ELSIF NEW.model IS NOT NULL THEN
            PERFORM embudo.refuse('validation', 'Mail can be about leads, opportunities, quotations and meetings only.');
        END IF;
        IF NEW.model IS NOT NULL AND NOT FOUND THEN
            PERFORM embudo.refuse('access', 'You cannot send mail about a document you cannot change.');
        END IF;
    END IF;

    IF TG_OP = 'INSERT' AND NEW.mail_message_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM public.mail_message m
        WHERE m.company_id = NEW.company_id AND m.id = NEW.mail_message_id
          AND m.model IS NOT DISTINCT FROM NEW.model AND m.res_id IS NOT DISTINCT FROM NEW.res_id) THEN
        PERFORM embudo.refuse('access', 'A mail can only carry a message of its own document.');
    END IF;
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.mail_mail_before_write() OWNER TO embudo_owner;

--
-- Name: mail_message_salesperson_follows(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.mail_message_salesperson_follows() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE public.mail_tracking_value SET salesperson_key = NEW.salesperson_key
    WHERE company_id = NEW.company_id AND mail_message_id = NEW.id AND salesperson_key = OLD.salesperson_key;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.mail_message_salesperson_follows() OWNER TO embudo_owner;

--
-- Name: mail_new_message_id(integer, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.mail_new_message_id(company integer, sender text) RETURNS text
    LANGUAGE plpgsql
    AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT embudo.random_token(16) || '@'
            || coalesce((SELECT c.alias_domain FROM public.res_company c WHERE c.id = company),
                        nullif(split_part(embudo.normalize_email(sender), '@', 2), ''), 'localhost')
    );
END
$$;


ALTER FUNCTION embudo.mail_new_message_id(company integer, sender text) OWNER TO embudo_owner;

--
-- Name: mail_resolve(text[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.mail_resolve(addresses text[]) RETURNS TABLE(ordinal integer, company_id integer, local_part text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    RETURN QUERY
    SELECT a.position::int, r.company_id, lower(split_part(a.address, '@', 1))
    FROM unnest(addresses) WITH ORDINALITY a (address, position)
    JOIN embudo.mail_route r ON r.domain = lower(split_part(a.address, '@', 2))
    ORDER BY a.position;
END
$$;


ALTER FUNCTION embudo.mail_resolve(addresses text[]) OWNER TO embudo_owner;

--
-- Name: mail_sender(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.mail_sender(company integer) RETURNS text
    LANGUAGE plpgsql STABLE
    AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT coalesce((SELECT embudo.mail_format_address(u.name, embudo.normalize_email(u.email)) FROM public.res_users u
                         WHERE u.id = embudo.current_user_id() AND embudo.normalize_email(u.email) IS NOT NULL),
                        (SELECT embudo.mail_format_address(c.name, 'noreply@' || coalesce(c.alias_domain, 'localhost'))
                         FROM public.res_company c WHERE c.id = company))
    );
END
$$;


ALTER FUNCTION embudo.mail_sender(company integer) OWNER TO embudo_owner;

--
-- Name: mail_sender_allowed(integer, integer, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.mail_sender_allowed(company integer, person integer, address text) RETURNS boolean
    LANGUAGE plpgsql STABLE
    AS $_$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT EXISTS (SELECT 1 FROM public.res_users u
                       WHERE u.id = person
                         AND lower(address) IN (embudo.normalize_email(u.email), CASE WHEN u.login ~ '^[^@\s<>]+@[^@\s<>]+$' THEN lower(u.login) END))
            OR EXISTS (SELECT 1 FROM public.res_company c
                       WHERE c.id = company
                         AND (lower(split_part(address, '@', 2)) = c.alias_domain
                              OR (c.alias_domain IS NULL AND lower(address) IN ('noreply@localhost', 'mailer-daemon@localhost'))))
    );
END
$_$;


ALTER FUNCTION embudo.mail_sender_allowed(company integer, person integer, address text) OWNER TO embudo_owner;

--
-- Name: mail_sent(integer, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.mail_sent(message integer, sent_message_id text DEFAULT NULL::text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
#variable_conflict use_column
BEGIN
    UPDATE public.mail_mail SET state = 'sent', sent_at = now(), failure_reason = NULL, write_date = now(),
                                message_id = coalesce(sent_message_id, message_id)
    WHERE id = message AND state = 'outgoing';
END
$$;


ALTER FUNCTION embudo.mail_sent(message integer, sent_message_id text) OWNER TO embudo_owner;

--
-- Name: mail_thread_of(text[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.mail_thread_of(ids text[]) RETURNS TABLE(model text, res_id integer)
    LANGUAGE plpgsql STABLE
    AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT x.model, x.res_id FROM (
        SELECT m.model, m.res_id, a.position FROM unnest(ids) WITH ORDINALITY a (id, position)
        JOIN public.mail_message m ON m.message_id = '<' || a.id || '>'
        UNION ALL
        SELECT s.model, s.res_id, a.position FROM unnest(ids) WITH ORDINALITY a (id, position)
        JOIN public.mail_mail s ON s.message_id = a.id
        -- (Meeting mail is not a thread: an answer to an invitation starts nothing here.)
        WHERE s.model IN ('crm.lead', 'sale.order')
    ) x
    ORDER BY x.position DESC
    LIMIT 1;
END
$$;


ALTER FUNCTION embudo.mail_thread_of(ids text[]) OWNER TO embudo_owner;

--
-- Name: member_changed(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.member_changed(target integer) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    companies int[];
BEGIN
    PERFORM 1 FROM public.res_users u WHERE u.id = target FOR UPDATE;
    companies := ARRAY(SELECT m.company_id FROM public.res_company_member m WHERE m.user_id = target ORDER BY 1);
    UPDATE public.res_users u SET member_of = companies WHERE u.id = target;
END
$$;


ALTER FUNCTION embudo.member_changed(target integer) OWNER TO embudo_owner;

--
-- Name: member_company_ids(integer, integer[], embudo.access_level); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.member_company_ids(acting_user integer, companies integer[], minimum embudo.access_level) RETURNS integer[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    granted record;
BEGIN
    SELECT * INTO granted FROM embudo.member_grants(acting_user, companies);
    RETURN CASE minimum WHEN 'own' THEN granted.own WHEN 'all' THEN granted.every ELSE granted.admin END;
END
$$;


ALTER FUNCTION embudo.member_company_ids(acting_user integer, companies integer[], minimum embudo.access_level) OWNER TO embudo_owner;

--
-- Name: member_granted_20_crm(integer, integer, embudo.access_level); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.member_granted_20_crm(company integer, target integer, level embudo.access_level) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    team int;
BEGIN
    IF level <> 'admin' THEN
        RETURN;
    END IF;
    SELECT d.res_id INTO team FROM public.ir_model_data d
    WHERE d.module = 'sales_team' AND d.name = 'team_sales_department' AND d.company_id = company;
    UPDATE public.crm_team t SET user_id = target
    WHERE t.company_id = company AND t.id = team AND t.user_id IS NULL;
    IF FOUND THEN
        INSERT INTO public.crm_team_member (company_id, team_id, user_id) VALUES (company, team, target)
        ON CONFLICT DO NOTHING;
    END IF;
END
$$;


ALTER FUNCTION embudo.member_granted_20_crm(company integer, target integer, level embudo.access_level) OWNER TO embudo_owner;

--
-- Name: member_grants(integer, integer[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.member_grants(acting_user integer, companies integer[], OUT own integer[], OUT every integer[], OUT admin integer[]) RETURNS record
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    SELECT coalesce(array_agg(m.company_id) FILTER (WHERE u.active AND m.company_id IS NOT NULL), '{}'),
           coalesce(array_agg(m.company_id) FILTER (WHERE u.active AND m.access_level >= 'all'), '{}'),
           coalesce(array_agg(m.company_id) FILTER (WHERE u.active AND m.access_level >= 'admin'), '{}')
      INTO own, every, admin
      FROM public.res_users u
      LEFT JOIN public.res_company_member m
             ON m.user_id = u.id AND m.company_id = ANY (companies)
            AND NOT EXISTS (SELECT 1 FROM embudo.disabled_company d WHERE d.company_id = m.company_id)
     WHERE u.id = acting_user
     GROUP BY u.id;
    IF NOT FOUND THEN
        own := '{}';
        every := '{}';
        admin := '{}';
    END IF;
END
$$;


ALTER FUNCTION embudo.member_grants(acting_user integer, companies integer[], OUT own integer[], OUT every integer[], OUT admin integer[]) OWNER TO embudo_owner;

--
-- Name: member_reads_lead(integer, integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.member_reads_lead(company integer, person integer, salesperson integer) RETURNS boolean
    LANGUAGE plpgsql STABLE
    AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT EXISTS (SELECT 1 FROM public.res_company_member m
                       WHERE m.company_id = company AND m.user_id = person
                         AND (m.access_level >= 'all' OR salesperson IS NULL OR salesperson = person))
    );
END
$$;


ALTER FUNCTION embudo.member_reads_lead(company integer, person integer, salesperson integer) OWNER TO embudo_owner;

--
-- Name: message_salesperson_key(integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.message_salesperson_key(company integer, message integer) RETURNS integer
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
    RETURN (SELECT m.salesperson_key FROM public.mail_message m WHERE m.company_id = company AND m.id = message);
END
$$;


ALTER FUNCTION embudo.message_salesperson_key(company integer, message integer) OWNER TO embudo_owner;

--
-- Name: message_salesperson_key_as_owner(integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.message_salesperson_key_as_owner(company integer, message integer) RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$ SELECT CASE WHEN pg_trigger_depth() > 0 THEN embudo.message_salesperson_key(company, message) END $$;


ALTER FUNCTION embudo.message_salesperson_key_as_owner(company integer, message integer) OWNER TO embudo_owner;

--
-- Name: money(numeric, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.money(amount numeric, currency integer) RETURNS text
    LANGUAGE plpgsql STABLE
    AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT to_char(amount, 'FM999G999G999G990D' || repeat('0', greatest(c.decimal_places, 1))) || ' ' || c.symbol
        FROM public.res_currency c WHERE c.id = currency
    );
END
$$;


ALTER FUNCTION embudo.money(amount numeric, currency integer) OWNER TO embudo_owner;

--
-- Name: normalize_email(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.normalize_email(address text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT lower((regexp_match(address, '([^\s<>,;"]+@[^\s<>,;"]+)'))[1])
$$;


ALTER FUNCTION embudo.normalize_email(address text) OWNER TO embudo_owner;

--
-- Name: personal_or_all(text, name[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.personal_or_all(nobody text, VARIADIC salespeople name[]) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $_$
    SELECT 'company_id = ANY ((SELECT embudo.company_ids(''all''))::int[])'
           || string_agg(format(' OR %1$I = (SELECT embudo.current_user_id()) OR %1$I %2$s', s, nobody), '' ORDER BY o)
    FROM unnest(salespeople) WITH ORDINALITY AS u (s, o)
$_$;


ALTER FUNCTION embudo.personal_or_all(nobody text, VARIADIC salespeople name[]) OWNER TO embudo_owner;

--
-- Name: policy_clauses(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.policy_clauses(clauses text) RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT CASE WHEN embudo.inline_policies() THEN embudo.inline_context(clauses) ELSE clauses END
$$;


ALTER FUNCTION embudo.policy_clauses(clauses text) OWNER TO embudo_owner;

--
-- Name: portal_accept(integer, text, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.portal_accept(sale_order integer, signer text, option integer) RETURNS text
    LANGUAGE plpgsql
    AS $$
DECLARE
    lang text;
    o public.sale_order;
BEGIN
    SELECT * INTO o FROM public.sale_order x WHERE x.id = sale_order FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('user', 'This quotation is no longer available.');
    END IF;
    IF o.state IN ('sale', 'done') AND o.signed_by IS NOT NULL THEN
        RETURN o.state;  -- a second click
    END IF;
    IF o.state NOT IN ('draft', 'sent') THEN
        PERFORM embudo.refuse('user', 'This quotation can no longer be accepted.');
    END IF;
    signer := btrim(coalesce(signer, ''));
    IF signer = '' OR length(signer) > 200 THEN
        PERFORM embudo.refuse('validation', 'Type your full name to sign.');
    END IF;
    IF option IS NOT NULL THEN
        IF NOT EXISTS (SELECT 1 FROM public.sale_order_option x WHERE x.id = option AND x.order_id = o.id AND x.company_id = o.company_id) THEN
            PERFORM embudo.refuse('validation', 'This optional product is not part of the quotation.');
        END IF;
        IF (SELECT x.line_id FROM public.sale_order_option x WHERE x.id = option) IS NULL THEN
            PERFORM embudo.sale_option_add(option);
        END IF;
    END IF;
    UPDATE public.sale_order SET signed_by = signer, signed_on = now() WHERE id = o.id;
    PERFORM embudo.sale_confirm(ARRAY[o.id]);
    PERFORM embudo.portal_revoke(ARRAY[o.id]);
    SELECT * INTO o FROM public.sale_order x WHERE x.id = sale_order;
    -- (In the salesperson's language.)
    lang := coalesce((SELECT u.lang FROM public.res_users u WHERE u.id = o.user_id), 'en_US');
    PERFORM embudo.portal_notify(o, format(embudo.localized(lang, '%s accepted and signed the quotation %s online (%s).',
                                                            '%s aceptó y firmó en línea el presupuesto %s (%s).'), signer, o.name,
                                           embudo.money(o.amount_total, o.currency_id)),
                                 embudo.localized(lang, 'Quotation accepted: ', 'Presupuesto aceptado: ') || o.name);
    RETURN o.state;
END
$$;


ALTER FUNCTION embudo.portal_accept(sale_order integer, signer text, option integer) OWNER TO embudo_owner;

--
-- Name: portal_close_links(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.portal_close_links() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE public.sale_order_portal_token SET revoked_at = now()
    WHERE company_id = NEW.company_id AND order_id = NEW.id AND revoked_at IS NULL;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.portal_close_links() OWNER TO embudo_owner;

--
-- Name: portal_decline(integer, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.portal_decline(sale_order integer, reason text) RETURNS text
    LANGUAGE plpgsql
    AS $$
DECLARE
    lang text;
    o public.sale_order;
BEGIN
    SELECT * INTO o FROM public.sale_order x WHERE x.id = sale_order FOR UPDATE;
    IF NOT FOUND OR o.state NOT IN ('draft', 'sent') THEN
        PERFORM embudo.refuse('user', 'This quotation can no longer be answered.');
    END IF;
    reason := left(btrim(coalesce(reason, '')), 2000);
    IF reason = '' THEN
        PERFORM embudo.refuse('validation', 'Tell us why you decline.');
    END IF;
    lang := coalesce((SELECT u.lang FROM public.res_users u WHERE u.id = o.user_id), 'en_US');
    PERFORM embudo.portal_notify(o, format(embudo.localized(lang, 'The customer declined the quotation %s online. Reason: %s',
                                                            'El cliente rechazó en línea el presupuesto %s. Motivo: %s'), o.name, reason),
                                 embudo.localized(lang, 'Quotation declined: ', 'Presupuesto rechazado: ') || o.name);
    RETURN o.state;
END
$$;


ALTER FUNCTION embudo.portal_decline(sale_order integer, reason text) OWNER TO embudo_owner;

--
-- Name: portal_issue_token(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.portal_issue_token(sale_order integer) RETURNS text
    LANGUAGE plpgsql
    AS $$
DECLARE
    o public.sale_order;
    token text;
BEGIN
    SELECT * INTO o FROM public.sale_order x WHERE x.id = sale_order;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('user', 'This order does not exist or you cannot see it.');
    END IF;
    token := embudo.company_token(o.company_id, 24);
    UPDATE public.sale_order_portal_token SET revoked_at = now() WHERE company_id = o.company_id AND order_id = o.id AND revoked_at IS NULL;
    INSERT INTO public.sale_order_portal_token (company_id, order_id, token_hash, acting_user, expires_at)
    VALUES (o.company_id, o.id, sha256(convert_to(token, 'UTF8')), coalesce(embudo.current_user_id(), o.user_id),
            coalesce((o.validity_date + 1)::timestamptz, now() + interval '30 days'));
    RETURN token;
END
$$;


ALTER FUNCTION embudo.portal_issue_token(sale_order integer) OWNER TO embudo_owner;

--
-- Name: portal_notify(anyelement, text, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.portal_notify(o anyelement, body text, summary text) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    me int := embudo.current_user_id();
BEGIN
    INSERT INTO public.mail_message (company_id, model, res_id, body, author_id, message_type, subtype_id, create_uid, write_uid)
    VALUES (o.company_id, 'sale.order', o.id, body, NULL, 'comment', embudo.subtype('mail.mt_comment'), me, me);
    IF o.opportunity_id IS NOT NULL THEN
        INSERT INTO public.mail_message (company_id, model, res_id, body, author_id, message_type, subtype_id, create_uid, write_uid)
        VALUES (o.company_id, 'crm.lead', o.opportunity_id, body, NULL, 'comment', embudo.subtype('mail.mt_comment'), me, me);
    END IF;
    IF o.user_id IS NOT NULL THEN
        INSERT INTO public.mail_activity (company_id, res_model, res_id, summary, note, user_id, date_deadline, automated, create_uid, write_uid)
        VALUES (o.company_id, 'sale.order', o.id, summary, body, o.user_id, embudo.user_today(o.user_id), true, me, me);
    END IF;
END
$$;


ALTER FUNCTION embudo.portal_notify(o anyelement, body text, summary text) OWNER TO embudo_owner;

--
-- Name: portal_quotation(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.portal_quotation(sale_order integer) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT jsonb_build_object(
            'name', o.name, 'state', o.state, 'company', c.name, 'customer', p.name, 'lang', coalesce(p.lang, 'en_US'),
            'date_order', to_char(o.date_order, 'YYYY-MM-DD'), 'validity_date', to_char(o.validity_date, 'YYYY-MM-DD'),
            'expired', o.validity_date < (now() AT TIME ZONE c.tz)::date,
            'payment_term', (SELECT t.name FROM public.account_payment_term t WHERE t.company_id = o.company_id AND t.id = o.payment_term_id),
            'currency', cur.symbol, 'decimals', cur.decimal_places,
            'amount_untaxed', o.amount_untaxed, 'amount_tax', o.amount_tax, 'amount_total', o.amount_total,
            'signed_by', o.signed_by, 'note', o.note,
            'lines', coalesce((SELECT jsonb_agg(jsonb_build_object('name', l.name, 'section', l.display_type, 'quantity', trim_scale(l.product_uom_qty),
                                                                   'unit', u.name, 'price_unit', l.price_unit, 'discount', trim_scale(l.discount),
                                                                   'subtotal', l.price_subtotal) ORDER BY l.sequence, l.id)
                               FROM public.sale_order_line l LEFT JOIN public.uom_uom u ON u.id = l.product_uom
                               WHERE l.company_id = o.company_id AND l.order_id = o.id), '[]'),
            'options', coalesce((SELECT jsonb_agg(jsonb_build_object('id', x.id, 'name', x.name, 'quantity', trim_scale(x.quantity),
                                                                     'price_unit', x.price_unit, 'added', x.line_id IS NOT NULL) ORDER BY x.sequence, x.id)
                                 FROM public.sale_order_option x WHERE x.company_id = o.company_id AND x.order_id = o.id), '[]'))
        FROM public.sale_order o
        JOIN public.res_company c ON c.id = o.company_id
        JOIN public.res_partner p ON p.company_id = o.company_id AND p.id = o.partner_id
        JOIN public.res_currency cur ON cur.id = o.currency_id
        WHERE o.id = sale_order
    );
END
$$;


ALTER FUNCTION embudo.portal_quotation(sale_order integer) OWNER TO embudo_owner;

--
-- Name: portal_resolve(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.portal_resolve(token text) RETURNS TABLE(company_id integer, order_id integer, acting_user integer, form_key text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    company constant int := embudo.token_company(token);
    hash constant bytea := sha256(convert_to(token, 'UTF8'));
BEGIN
    IF company IS NOT NULL THEN
        RETURN QUERY SELECT t.company_id, t.order_id, t.acting_user, embudo.link_form_key(token)
        FROM public.sale_order_portal_token t
        WHERE t.company_id = company AND t.token_hash = hash AND t.revoked_at IS NULL AND t.expires_at > now();
    ELSE
        RETURN QUERY SELECT t.company_id, t.order_id, t.acting_user, embudo.link_form_key(token)
        FROM public.sale_order_portal_token t
        WHERE t.token_hash = hash AND t.revoked_at IS NULL AND t.expires_at > now();
    END IF;
END
$$;


ALTER FUNCTION embudo.portal_resolve(token text) OWNER TO embudo_owner;

--
-- Name: portal_revoke(integer[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.portal_revoke(ids integer[]) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    revoked int;
BEGIN
    UPDATE public.sale_order_portal_token t SET revoked_at = now()
    WHERE t.order_id = ANY (ids) AND t.revoked_at IS NULL AND EXISTS (SELECT 1 FROM public.sale_order o WHERE o.id = t.order_id);
    GET DIAGNOSTICS revoked = ROW_COUNT;
    RETURN revoked;
END
$$;


ALTER FUNCTION embudo.portal_revoke(ids integer[]) OWNER TO embudo_owner;

--
-- Name: pricelist_defaults(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.pricelist_defaults() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.currency_id := coalesce(NEW.currency_id, (SELECT c.currency_id FROM public.res_company c WHERE c.id = NEW.company_id),
                                (SELECT r.id FROM public.res_currency r WHERE r.name = 'USD'));
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.pricelist_defaults() OWNER TO embudo_owner;

--
-- Name: pricelist_price(integer, integer, numeric, date); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.pricelist_price(pricelist integer, product integer, quantity numeric, day date) RETURNS numeric
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
    p public.product_product;
    item public.product_pricelist_item;
    base numeric;
    price numeric;
BEGIN
    SELECT * INTO p FROM public.product_product x WHERE x.id = product;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    SELECT i.* INTO item
    FROM public.product_pricelist_item i
    LEFT JOIN LATERAL (
        WITH RECURSIVE up (id, depth) AS (
            SELECT p.categ_id, 0 WHERE p.categ_id IS NOT NULL
            UNION ALL
            SELECT c.parent_id, up.depth + 1 FROM public.product_category c JOIN up ON c.id = up.id WHERE c.parent_id IS NOT NULL
        ) SELECT min(up.depth) AS depth FROM up WHERE up.id = i.categ_id
    ) category ON true
    WHERE i.pricelist_id = pricelist
      AND (i.min_quantity <= quantity)
      AND (i.date_start IS NULL OR i.date_start <= day) AND (i.date_end IS NULL OR i.date_end >= day)
      AND (i.applied_on = '3_global' OR (i.applied_on = '0_product_variant' AND i.product_id = p.id)
           OR (i.applied_on = '2_product_category' AND category.depth IS NOT NULL))
    ORDER BY i.applied_on, i.min_quantity DESC, category.depth NULLS LAST, i.id DESC
    LIMIT 1;
    IF NOT FOUND THEN
        RETURN p.list_price;
    END IF;
    base := CASE item.base WHEN 'standard_price' THEN p.standard_price ELSE p.list_price END;
    IF item.compute_price = 'fixed' THEN
        RETURN item.fixed_price;
    ELSIF item.compute_price = 'percentage' THEN
        RETURN base * (1 - item.percent_price / 100);
    END IF;
    price := base * (1 - item.price_discount / 100);
    IF item.price_round > 0 THEN
        price := round(price / item.price_round) * item.price_round;
    END IF;
    price := price + item.price_surcharge;
    IF item.price_min_margin > 0 THEN
        price := greatest(price, base + item.price_min_margin);
    END IF;
    IF item.price_max_margin > 0 THEN
        price := least(price, base + item.price_max_margin);
    END IF;
    RETURN price;
END
$$;


ALTER FUNCTION embudo.pricelist_price(pricelist integer, product integer, quantity numeric, day date) OWNER TO embudo_owner;

--
-- Name: product_defaults(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.product_defaults() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.uom_id := coalesce(NEW.uom_id, (SELECT d.res_id FROM public.ir_model_data d WHERE d.module = 'uom' AND d.name = 'product_uom_unit'));
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.product_defaults() OWNER TO embudo_owner;

--
-- Name: qualified_name(regclass); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.qualified_name(target regclass) RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT format('%I.%I', n.nspname, c.relname) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid = target
$$;


ALTER FUNCTION embudo.qualified_name(target regclass) OWNER TO embudo_owner;

--
-- Name: random_token(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.random_token(bytes integer) RETURNS text
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT encode(embudo_crypto.gen_random_bytes(least(greatest(bytes, 1), 64)), 'hex')
$$;


ALTER FUNCTION embudo.random_token(bytes integer) OWNER TO embudo_owner;

--
-- Name: refuse(text, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.refuse(kind text, message text) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = message,
        ERRCODE = CASE kind WHEN 'access' THEN 'EMA01' WHEN 'validation' THEN 'EMV01' WHEN 'missing' THEN 'EMM01' ELSE 'EMU01' END;
END
$$;


ALTER FUNCTION embudo.refuse(kind text, message text) OWNER TO embudo_owner;

--
-- Name: remove_member(integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.remove_member(company integer, target integer) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    ref record;
BEGIN
    FOR ref IN
        SELECT k.conrelid::regclass AS tab, a.attname AS col
        FROM pg_catalog.pg_constraint k
        JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey) AND a.attname <> 'company_id'
        WHERE k.confrelid = 'public.res_company_member'::regclass AND k.contype = 'f' AND k.confdeltype = 'a'
          AND k.condeferrable AND cardinality(k.conkey) = 2
        ORDER BY 1, 2
    LOOP
        PERFORM embudo.unlink_references(ref.tab, ref.col, company, target);
    END LOOP;
    DELETE FROM public.res_company_member WHERE company_id = company AND user_id = target;
    PERFORM embudo.member_changed(target);
END
$$;


ALTER FUNCTION embudo.remove_member(company integer, target integer) OWNER TO embudo_owner;

--
-- Name: replace_global_policy(regclass, name, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.replace_global_policy(target regclass, policy name, clauses text) RETURNS void
    LANGUAGE plpgsql
    AS $$
BEGIN
    EXECUTE format('DROP POLICY IF EXISTS %I ON %s', policy, target);
    EXECUTE format('CREATE POLICY %I ON %s %s', policy, target, embudo.policy_clauses(clauses));
END
$$;


ALTER FUNCTION embudo.replace_global_policy(target regclass, policy name, clauses text) OWNER TO embudo_owner;

--
-- Name: replace_policy(regclass, name, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.replace_policy(target regclass, policy name, clauses text) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    fence constant text := embudo.policy_clauses(embudo.tenant_fence(target));
    created record;
BEGIN
    IF fence IS NULL THEN
        RAISE EXCEPTION 'policy % on %: not a tenant table (call embudo.enable_tenancy first)', policy, target;
    END IF;
    EXECUTE format('DROP POLICY IF EXISTS %I ON %s', policy, target);
    EXECUTE format('CREATE POLICY %I ON %s %s', policy, target, embudo.policy_clauses(clauses));
    SELECT p.polpermissive, pg_get_expr(p.polqual, p.polrelid) AS qual, pg_get_expr(p.polwithcheck, p.polrelid) AS checks
    INTO STRICT created FROM pg_policy p WHERE p.polrelid = target AND p.polname = policy;
    IF NOT created.polpermissive THEN
        RAISE EXCEPTION 'policy % on %: a tenant table takes permissive policies only (its company condition is in each)', policy, target;
    END IF;
    IF created.qual IS NOT NULL THEN
        EXECUTE format('ALTER POLICY %I ON %s USING ((%s) AND (%s))', policy, target, fence, created.qual);
    END IF;
    IF created.checks IS NOT NULL THEN
        EXECUTE format('ALTER POLICY %I ON %s WITH CHECK ((%s) AND (%s))', policy, target, fence, created.checks);
    END IF;
    IF embudo.inline_policies() THEN
        PERFORM embudo.inline_policy_context(target);
    END IF;
END
$$;


ALTER FUNCTION embudo.replace_policy(target regclass, policy name, clauses text) OWNER TO embudo_owner;

--
-- Name: request_alias_domain(integer, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.request_alias_domain(company integer, requested text) RETURNS jsonb
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    wanted text := rtrim(lower(btrim(requested)), '.');
    request embudo.alias_domain_request;
BEGIN
    IF NOT company = ANY (embudo.company_ids('admin')) THEN
        PERFORM embudo.refuse('access', 'Only administrators of the company can request its mail domain.');
    END IF;
    IF NOT coalesce(embudo.valid_mail_domain(wanted), false) THEN
        PERFORM embudo.refuse('validation', 'The mail domain must be a domain name such as example.com (letters, digits, hyphens and dots).');
    END IF;
    DELETE FROM embudo.alias_domain_request r WHERE r.company_id = company AND r.requested_at < now() - interval '7 days';
    IF (SELECT count(*) FROM embudo.alias_domain_request r WHERE r.company_id = company AND r.domain <> wanted) >= 10 THEN
        PERFORM embudo.refuse('user', 'This company has 10 mail domain requests waiting: ask the operator to check them first.');
    END IF;
    INSERT INTO embudo.alias_domain_request (company_id, domain, token, requested_by)
    VALUES (company, wanted, 'embudo-domain-verification=' || encode(embudo_crypto.gen_random_bytes(24), 'hex'), embudo.current_user_id())
    ON CONFLICT ON CONSTRAINT alias_domain_request_pkey DO UPDATE SET requested_by = excluded.requested_by
    RETURNING * INTO request;
    RETURN jsonb_build_object('domain', request.domain, 'record_type', 'TXT', 'record_name', '_embudo-challenge.' || request.domain,
                              'record_value', request.token,
                              'expires', to_char((request.requested_at + interval '7 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'));
END
$$;


ALTER FUNCTION embudo.request_alias_domain(company integer, requested text) OWNER TO embudo_owner;

--
-- Name: revoke_api_key(integer, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.revoke_api_key(target integer, key_name text) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    revoked int;
BEGIN
    DELETE FROM embudo.user_api_key k WHERE k.user_id = target AND k.name = key_name;
    GET DIAGNOSTICS revoked = ROW_COUNT;
    RETURN revoked;
END
$$;


ALTER FUNCTION embudo.revoke_api_key(target integer, key_name text) OWNER TO embudo_owner;

--
-- Name: rls_exempt(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.rls_exempt() RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
    SELECT r.rolsuper OR r.rolbypassrls FROM pg_catalog.pg_roles r WHERE r.rolname = current_user
$$;


ALTER FUNCTION embudo.rls_exempt() OWNER TO embudo_owner;

--
-- Name: sale_cancel(integer[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_cancel(ids integer[]) RETURNS integer
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM public.sale_order o WHERE o.id = ANY (ids) AND o.state = 'done') THEN
        PERFORM embudo.refuse('user', 'You cannot cancel a locked order. Please unlock it first.');
    END IF;
    RETURN embudo.sale_transition(ids, ARRAY['draft', 'sent', 'sale'], 'cancel', 'These orders cannot be cancelled');
END
$$;


ALTER FUNCTION embudo.sale_cancel(ids integer[]) OWNER TO embudo_owner;

--
-- Name: sale_confirm(integer[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_confirm(ids integer[]) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    done int := embudo.sale_transition(ids, ARRAY['draft', 'sent'], 'sale', 'It is not allowed to confirm an order in the following states');
    auto_lock int[];
BEGIN
    auto_lock := ARRAY(SELECT o.id FROM public.sale_order o JOIN public.res_company c ON c.id = o.company_id
                       WHERE o.id = ANY (ids) AND c.sale_auto_done);
    IF cardinality(auto_lock) > 0 THEN
        PERFORM embudo.sale_transition(auto_lock, ARRAY['sale'], 'done', 'Only confirmed orders can be locked');
    END IF;
    RETURN done;
END
$$;


ALTER FUNCTION embudo.sale_confirm(ids integer[]) OWNER TO embudo_owner;

--
-- Name: sale_draft(integer[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_draft(ids integer[]) RETURNS integer
    LANGUAGE sql
    AS $$ SELECT embudo.sale_transition(ids, ARRAY['cancel', 'sent'], 'draft', 'Only cancelled or sent quotations can be set back to quotation') $$;


ALTER FUNCTION embudo.sale_draft(ids integer[]) OWNER TO embudo_owner;

--
-- Name: sale_line_amounts(anyelement, numeric); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_line_amounts(line anyelement, rounding numeric) RETURNS TABLE(price_reduce numeric, subtotal numeric, tax numeric, total numeric)
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
    gross numeric;
    included numeric;
    base numeric;
    taxes numeric;
BEGIN
    IF line.display_type IS NOT NULL THEN
        RETURN QUERY SELECT 0::numeric, 0::numeric, 0::numeric, 0::numeric;
        RETURN;
    END IF;
    gross := line.price_unit * (1 - line.discount / 100) * line.product_uom_qty;
    SELECT coalesce(sum(t.amount) FILTER (WHERE t.price_include), 0) INTO included
    FROM public.account_tax_sale_order_line_rel r JOIN public.account_tax t ON t.company_id = r.company_id AND t.id = r.account_tax_id
    WHERE r.company_id = line.company_id AND r.sale_order_line_id = line.id;
    base := round(gross / (1 + included / 100) / rounding) * rounding;
    SELECT coalesce(sum(round(base * t.amount / 100 / rounding) * rounding), 0) INTO taxes
    FROM public.account_tax_sale_order_line_rel r JOIN public.account_tax t ON t.company_id = r.company_id AND t.id = r.account_tax_id
    WHERE r.company_id = line.company_id AND r.sale_order_line_id = line.id;
    IF included > 0 THEN
        -- Included taxes: the total is the price the customer was quoted, to the cent.
        taxes := round(gross / rounding) * rounding - base
                 + coalesce((SELECT sum(round(base * t.amount / 100 / rounding) * rounding)
                             FROM public.account_tax_sale_order_line_rel r JOIN public.account_tax t ON t.company_id = r.company_id AND t.id = r.account_tax_id
                             WHERE r.company_id = line.company_id AND r.sale_order_line_id = line.id AND NOT t.price_include), 0);
    END IF;
    RETURN QUERY SELECT line.price_unit * (1 - line.discount / 100), base, taxes, base + taxes;
END
$$;


ALTER FUNCTION embudo.sale_line_amounts(line anyelement, rounding numeric) OWNER TO embudo_owner;

--
-- Name: sale_line_taxes_changed(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_line_taxes_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    lines int[];
    pair int[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        lines := ARRAY(SELECT n.sale_order_line_id FROM new_rows n);
    ELSE
        lines := ARRAY(SELECT o.sale_order_line_id FROM old_rows o);
    END IF;
    FOR pair IN SELECT DISTINCT ARRAY[l.company_id, l.order_id] FROM public.sale_order_line l WHERE l.id = ANY (lines) LOOP
        PERFORM embudo.sale_order_recompute(pair[1], pair[2]);
    END LOOP;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.sale_line_taxes_changed() OWNER TO embudo_owner;

--
-- Name: sale_lock(integer[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_lock(ids integer[]) RETURNS integer
    LANGUAGE sql
    AS $$ SELECT embudo.sale_transition(ids, ARRAY['sale'], 'done', 'Only confirmed orders can be locked') $$;


ALTER FUNCTION embudo.sale_lock(ids integer[]) OWNER TO embudo_owner;

--
-- Name: sale_mail_extra(integer, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_mail_extra(sale_order integer, lang text) RETURNS text
    LANGUAGE plpgsql
    AS $$
#variable_conflict use_column
BEGIN
    RETURN (
        SELECT '<p><a href="' || embudo.html_escape(rtrim((SELECT value FROM public.ir_config_parameter WHERE key = 'web.base.url'), '/')
               || '/my/quotation/' || embudo.portal_issue_token(sale_order)) || '">'
               || embudo.localized(lang, 'Review, accept or decline the quotation online', 'Revisa, acepta o rechaza el presupuesto en línea') || '</a></p>'
    );
END
$$;


ALTER FUNCTION embudo.sale_mail_extra(sale_order integer, lang text) OWNER TO embudo_owner;

--
-- Name: sale_mark_sent(integer[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_mark_sent(ids integer[]) RETURNS integer
    LANGUAGE sql
    AS $$
    SELECT embudo.sale_transition(ids, ARRAY['draft'], 'sent', 'Only draft quotations can be marked as sent')
$$;


ALTER FUNCTION embudo.sale_mark_sent(ids integer[]) OWNER TO embudo_owner;

--
-- Name: sale_option_add(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_option_add(option integer) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    o public.sale_order_option;
    parent public.sale_order;
    line int;
    next_sequence int;
BEGIN
    SELECT * INTO o FROM public.sale_order_option x WHERE x.company_id = ANY (embudo.company_ids()) AND x.id = option;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('user', 'This optional product does not exist or you cannot see it.');
    END IF;
    SELECT * INTO parent FROM public.sale_order s WHERE s.company_id = o.company_id AND s.id = o.order_id FOR UPDATE;
    IF parent.state NOT IN ('draft', 'sent') THEN
        PERFORM embudo.refuse('user', 'You cannot add options to a confirmed order.');
    END IF;
    -- (The line's place is worked out first: Citus refuses a subquery inside INSERT … VALUES.)
    next_sequence := coalesce((SELECT max(l.sequence) + 1 FROM public.sale_order_line l WHERE l.company_id = o.company_id AND l.order_id = o.order_id), 10);
    INSERT INTO public.sale_order_line (company_id, order_id, name, product_id, product_uom_qty, product_uom, price_unit, discount,
                                        sequence, create_uid, write_uid)
    VALUES (o.company_id, o.order_id, o.name, o.product_id, o.quantity, o.uom_id, o.price_unit, o.discount, next_sequence,
            embudo.current_user_id(), embudo.current_user_id())
    RETURNING id INTO line;
    UPDATE public.sale_order_option SET line_id = line, write_date = now() WHERE company_id = o.company_id AND id = option;
    RETURN line;
END
$$;


ALTER FUNCTION embudo.sale_option_add(option integer) OWNER TO embudo_owner;

--
-- Name: sale_order_after_insert(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_order_after_insert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.opportunity_id IS NOT NULL THEN
        INSERT INTO public.sale_order_tag_rel (company_id, order_id, tag_id)
        SELECT NEW.company_id, NEW.id, r.tag_id FROM public.crm_tag_rel r WHERE r.company_id = NEW.company_id AND r.lead_id = NEW.opportunity_id
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.sale_order_after_insert() OWNER TO embudo_owner;

--
-- Name: sale_order_before_delete(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_order_before_delete() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF OLD.state NOT IN ('draft', 'cancel') THEN
        PERFORM embudo.refuse('user', format('You can not delete a sent quotation or a confirmed sales order (%s). You must first cancel it.', OLD.name));
    END IF;
    RETURN OLD;
END
$$;


ALTER FUNCTION embudo.sale_order_before_delete() OWNER TO embudo_owner;

--
-- Name: sale_order_before_insert(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_order_before_insert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    lead public.crm_lead;
    customer public.res_partner;
    validity int;
    number int;
BEGIN
    IF NEW.opportunity_id IS NOT NULL THEN
        SELECT * INTO lead FROM public.crm_lead l WHERE l.company_id = NEW.company_id AND l.id = NEW.opportunity_id;
        NEW.partner_id := coalesce(NEW.partner_id, lead.partner_id);
        NEW.team_id := coalesce(NEW.team_id, lead.team_id);
        NEW.campaign_id := coalesce(NEW.campaign_id, lead.campaign_id);
        NEW.medium_id := coalesce(NEW.medium_id, lead.medium_id);
        NEW.source_id := coalesce(NEW.source_id, lead.source_id);
        NEW.origin := coalesce(NEW.origin, lead.name);
    END IF;
    IF NEW.partner_id IS NULL THEN
        PERFORM embudo.refuse('validation', 'A quotation needs a customer.');
    END IF;
    SELECT * INTO customer FROM public.res_partner p WHERE p.company_id = NEW.company_id AND p.id = NEW.partner_id;
    NEW.partner_invoice_id := coalesce(NEW.partner_invoice_id, NEW.partner_id);
    NEW.partner_shipping_id := coalesce(NEW.partner_shipping_id, NEW.partner_id);
    NEW.pricelist_id := coalesce(NEW.pricelist_id, customer.property_product_pricelist,
        (SELECT p.id FROM public.product_pricelist p WHERE p.company_id = NEW.company_id AND p.active ORDER BY p.sequence, p.id LIMIT 1));
    NEW.payment_term_id := coalesce(NEW.payment_term_id, customer.property_payment_term_id);
    NEW.currency_id := (SELECT p.currency_id FROM public.product_pricelist p WHERE p.company_id = NEW.company_id AND p.id = NEW.pricelist_id);
    IF NEW.team_id IS NULL THEN
        NEW.team_id := coalesce(customer.team_id, embudo.crm_default_team(NEW.company_id, NEW.user_id, 'opportunity'));
    END IF;
    IF NEW.validity_date IS NULL THEN
        SELECT c.quotation_validity_days INTO validity FROM public.res_company c WHERE c.id = NEW.company_id;
        IF validity > 0 THEN
            NEW.validity_date := (now() AT TIME ZONE 'UTC')::date + validity;
        END IF;
    END IF;
    IF NEW.name IS NULL OR NEW.name = 'New' THEN
        INSERT INTO public.sale_order_sequence AS s (company_id, next_number) VALUES (NEW.company_id, 2)
        ON CONFLICT (company_id) DO UPDATE SET next_number = s.next_number + 1
        RETURNING s.next_number - 1 INTO number;
        NEW.name := 'S' || lpad(number::text, 5, '0');
    END IF;
    NEW.state := 'draft';
    PERFORM embudo.check_cfdi(NEW.l10n_mx_edi_payment_policy, NEW.l10n_mx_edi_payment_method_id);
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.sale_order_before_insert() OWNER TO embudo_owner;

--
-- Name: sale_order_before_update(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_order_before_update() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.company_id <> OLD.company_id THEN
        PERFORM embudo.refuse('validation', 'An order cannot move to another company.');
    END IF;
    IF NEW.state IS DISTINCT FROM OLD.state AND current_setting('embudo.sale_transition', true) IS DISTINCT FROM 'on' THEN
        PERFORM embudo.refuse('user', 'The state of an order changes through its actions (send, confirm, cancel, lock…), not by writing it.');
    END IF;
    IF OLD.state NOT IN ('draft', 'sent') AND (NEW.partner_id IS DISTINCT FROM OLD.partner_id OR NEW.pricelist_id IS DISTINCT FROM OLD.pricelist_id
                                             OR NEW.validity_date IS DISTINCT FROM OLD.validity_date) THEN
        PERFORM embudo.refuse('user', 'The customer, pricelist and expiration of a confirmed order cannot change.');
    END IF;
    IF NEW.pricelist_id IS DISTINCT FROM OLD.pricelist_id THEN
        NEW.currency_id := (SELECT p.currency_id FROM public.product_pricelist p WHERE p.company_id = NEW.company_id AND p.id = NEW.pricelist_id);
    END IF;
    PERFORM embudo.check_cfdi(NEW.l10n_mx_edi_payment_policy, NEW.l10n_mx_edi_payment_method_id);
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.sale_order_before_update() OWNER TO embudo_owner;

--
-- Name: sale_order_currency_changed(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_order_currency_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM embudo.sale_order_recompute(NEW.company_id, NEW.id);
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.sale_order_currency_changed() OWNER TO embudo_owner;

--
-- Name: sale_order_line_before_delete(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_order_line_before_delete() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM public.sale_order o WHERE o.company_id = OLD.company_id AND o.id = OLD.order_id AND o.state IN ('sale', 'done'))
       AND OLD.display_type IS NULL THEN
        PERFORM embudo.refuse('user', 'You can not remove an order line once the sales order is confirmed.');
    END IF;
    RETURN OLD;
END
$$;


ALTER FUNCTION embudo.sale_order_line_before_delete() OWNER TO embudo_owner;

--
-- Name: sale_order_line_before_write(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_order_line_before_write() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    parent public.sale_order;
    p public.product_product;
BEGIN
    SELECT * INTO parent FROM public.sale_order o WHERE o.company_id = NEW.company_id AND o.id = NEW.order_id;
    IF TG_OP = 'UPDATE' THEN
        IF (NEW.display_type IS NULL) <> (OLD.display_type IS NULL) THEN
            PERFORM embudo.refuse('user', 'A section or note line cannot become a product line, nor the reverse.');
        END IF;
        IF parent.state IN ('done', 'cancel') AND (NEW.product_id IS DISTINCT FROM OLD.product_id OR NEW.name IS DISTINCT FROM OLD.name
                OR NEW.price_unit IS DISTINCT FROM OLD.price_unit OR NEW.product_uom IS DISTINCT FROM OLD.product_uom
                OR NEW.product_uom_qty IS DISTINCT FROM OLD.product_uom_qty OR NEW.discount IS DISTINCT FROM OLD.discount) THEN
            PERFORM embudo.refuse('user', format('The lines of the %s order %s cannot change.', CASE parent.state WHEN 'done' THEN 'locked' ELSE 'cancelled' END, parent.name));
        END IF;
        RETURN NEW;
    END IF;
    IF parent.state IN ('done', 'cancel') THEN
        PERFORM embudo.refuse('user', format('Lines cannot be added to the %s order %s.', CASE parent.state WHEN 'done' THEN 'locked' ELSE 'cancelled' END, parent.name));
    END IF;
    IF NEW.display_type IS NOT NULL THEN
        NEW.product_uom_qty := 0;
        RETURN NEW;
    END IF;
    SELECT * INTO p FROM public.product_product x WHERE x.company_id = NEW.company_id AND x.id = NEW.product_id;
    IF FOUND THEN
        IF NOT p.sale_ok THEN
            PERFORM embudo.refuse('validation', format('The product %s cannot be sold.', p.name));
        END IF;
        NEW.product_uom := coalesce(NEW.product_uom, p.uom_id);
        IF NEW.name = '' THEN
            NEW.name := concat_ws(E'\n', coalesce('[' || p.default_code || '] ', '') || p.name, p.description_sale);
        END IF;
        IF NEW.price_unit = 0 THEN
            NEW.price_unit := embudo.pricelist_price(parent.pricelist_id, p.id, NEW.product_uom_qty, (parent.date_order AT TIME ZONE 'UTC')::date);
        END IF;
    END IF;
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.sale_order_line_before_write() OWNER TO embudo_owner;

--
-- Name: sale_order_line_product_taxes(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_order_line_product_taxes() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF NEW.product_id IS NOT NULL THEN
        INSERT INTO public.account_tax_sale_order_line_rel (company_id, sale_order_line_id, account_tax_id)
        SELECT NEW.company_id, NEW.id, r.tax_id FROM public.product_taxes_rel r
        JOIN public.account_tax t ON t.company_id = r.company_id AND t.id = r.tax_id AND t.active AND t.type_tax_use = 'sale'
        WHERE r.company_id = NEW.company_id AND r.prod_id = NEW.product_id
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.sale_order_line_product_taxes() OWNER TO embudo_owner;

--
-- Name: sale_order_lines_changed(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_order_lines_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    orders int[][];
BEGIN
    IF TG_OP = 'INSERT' THEN
        orders := ARRAY(SELECT DISTINCT ARRAY[n.company_id, n.order_id] FROM new_rows n);
    ELSIF TG_OP = 'DELETE' THEN
        orders := ARRAY(SELECT DISTINCT ARRAY[o.company_id, o.order_id] FROM old_rows o);
    ELSE
        -- A line whose salesperson_key changed was updated by the cascade of its order's new salesperson
        -- (the key refuses any other value), which changes no amount: recomputing a locked order's
        -- amounts then, with today's taxes, would change what was confirmed.
        orders := ARRAY(SELECT DISTINCT v.pair FROM new_rows n JOIN old_rows o ON o.id = n.id,
                        LATERAL (VALUES (ARRAY[n.company_id, n.order_id]), (ARRAY[o.company_id, o.order_id])) v (pair)
                        WHERE n.salesperson_key IS NOT DISTINCT FROM o.salesperson_key);
    END IF;
    FOR i IN 1 .. coalesce(array_length(orders, 1), 0) LOOP
        PERFORM embudo.sale_order_recompute(orders[i][1], orders[i][2]);
    END LOOP;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.sale_order_lines_changed() OWNER TO embudo_owner;

--
-- Name: sale_order_option_defaults(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_order_option_defaults() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    p public.product_product;
    parent public.sale_order;
BEGIN
    SELECT * INTO p FROM public.product_product x WHERE x.company_id = NEW.company_id AND x.id = NEW.product_id;
    SELECT * INTO parent FROM public.sale_order o WHERE o.company_id = NEW.company_id AND o.id = NEW.order_id;
    NEW.uom_id := coalesce(NEW.uom_id, p.uom_id);
    IF NEW.name = '' THEN
        NEW.name := p.name;
    END IF;
    NEW.price_unit := coalesce(NEW.price_unit, embudo.pricelist_price(parent.pricelist_id, p.id, NEW.quantity, (parent.date_order AT TIME ZONE 'UTC')::date));
    RETURN NEW;
END
$$;


ALTER FUNCTION embudo.sale_order_option_defaults() OWNER TO embudo_owner;

--
-- Name: sale_order_recompute(integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_order_recompute(company integer, sale_order integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    rounding numeric := coalesce((SELECT c.rounding FROM public.sale_order o JOIN public.res_currency c ON c.id = o.currency_id
                                  WHERE o.company_id = company AND o.id = sale_order), 0.01);
BEGIN
    WITH computed AS (
        SELECT x.id, a.price_reduce, a.subtotal, a.tax, a.total
        FROM public.sale_order_line x, LATERAL embudo.sale_line_amounts(x, rounding) a
        WHERE x.company_id = company AND x.order_id = sale_order
    )
    UPDATE public.sale_order_line l
    SET price_reduce = c.price_reduce, price_subtotal = c.subtotal, price_tax = c.tax, price_total = c.total
    FROM computed c
    WHERE l.id = c.id
      AND (l.price_reduce, l.price_subtotal, l.price_tax, l.price_total) IS DISTINCT FROM (c.price_reduce, c.subtotal, c.tax, c.total);
    UPDATE public.sale_order o
    SET amount_untaxed = t.untaxed, amount_tax = t.tax, amount_total = t.total
    FROM (SELECT coalesce(sum(l.price_subtotal), 0) AS untaxed, coalesce(sum(l.price_tax), 0) AS tax, coalesce(sum(l.price_total), 0) AS total
          FROM public.sale_order_line l WHERE l.company_id = company AND l.order_id = sale_order) t
    WHERE o.company_id = company AND o.id = sale_order
      AND (o.amount_untaxed, o.amount_tax, o.amount_total) IS DISTINCT FROM (t.untaxed, t.tax, t.total);
END
$$;


ALTER FUNCTION embudo.sale_order_recompute(company integer, sale_order integer) OWNER TO embudo_owner;

--
-- Name: sale_order_salesperson_follows(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_order_salesperson_follows() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    company constant int := NEW.company_id;
    document constant int := NEW.id;
    previous_key constant int := OLD.salesperson_key;
    current_key constant int := NEW.salesperson_key;
BEGIN
    IF TG_TABLE_NAME = 'sale_order_line' THEN
        UPDATE public.account_tax_sale_order_line_rel SET salesperson_key = current_key
        WHERE company_id = company AND sale_order_line_id = document AND salesperson_key = previous_key;
        RETURN NULL;
    END IF;
    UPDATE public.sale_order_tag_rel SET salesperson_key = current_key WHERE company_id = company AND order_id = document AND salesperson_key = previous_key;
    UPDATE public.sale_order_line SET salesperson_key = current_key WHERE company_id = company AND order_id = document AND salesperson_key = previous_key;
    UPDATE public.sale_order_option SET salesperson_key = current_key WHERE company_id = company AND order_id = document AND salesperson_key = previous_key;
    UPDATE public.sale_order_portal_token SET salesperson_key = current_key WHERE company_id = company AND order_id = document AND salesperson_key = previous_key;
    UPDATE public.mail_activity SET order_salesperson_key = current_key WHERE company_id = company AND order_id = document AND order_salesperson_key = previous_key;
    UPDATE public.mail_message SET order_salesperson_key = current_key WHERE company_id = company AND order_id = document AND order_salesperson_key = previous_key;
    UPDATE public.mail_followers SET order_salesperson_key = current_key WHERE company_id = company AND res_id = document AND order_salesperson_key = previous_key;
    UPDATE public.ir_attachment SET order_salesperson_key = current_key
    WHERE company_id = company AND res_model = 'sale.order' AND res_id = document AND order_salesperson_key = previous_key;
    UPDATE public.mail_mail SET order_salesperson_key = current_key WHERE company_id = company AND model = 'sale.order' AND res_id = document AND order_salesperson_key = previous_key;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.sale_order_salesperson_follows() OWNER TO embudo_owner;

--
-- Name: sale_order_track(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_order_track() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    me int := embudo.current_user_id();
    message int;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO public.mail_message (company_id, model, res_id, body, author_id, message_type, subtype_id, create_uid, write_uid)
        VALUES (NEW.company_id, 'sale.order', NEW.id, 'Quotation created', me, 'notification', embudo.subtype('mail.mt_note'), me, me);
        INSERT INTO public.mail_followers (company_id, res_model, res_id, user_id) SELECT NEW.company_id, 'sale.order', NEW.id, u
        FROM unnest(ARRAY[me, NEW.user_id]) u WHERE u IS NOT NULL ON CONFLICT DO NOTHING;
        RETURN NULL;
    END IF;
    IF NEW.state IS DISTINCT FROM OLD.state THEN
        INSERT INTO public.mail_message (company_id, model, res_id, body, author_id, message_type, subtype_id, create_uid, write_uid)
        VALUES (NEW.company_id, 'sale.order', NEW.id, '', me, 'notification',
                coalesce(embudo.subtype(CASE NEW.state WHEN 'sent' THEN 'sale.mt_order_sent' WHEN 'sale' THEN 'sale.mt_order_confirmed' END),
                         embudo.subtype('mail.mt_note')), me, me)
        RETURNING id INTO message;
        INSERT INTO public.mail_tracking_value (company_id, mail_message_id, field, field_desc, field_type, tracking_sequence, old_value_char, new_value_char)
        VALUES (NEW.company_id, message, 'state', 'Status', 'selection', 3,
                embudo.sale_state_label(OLD.state), embudo.sale_state_label(NEW.state));
        IF NEW.state IN ('sent', 'sale') THEN
            -- The customer follows the order once it is sent or confirmed.
            INSERT INTO public.mail_followers (company_id, res_model, res_id, partner_id)
            VALUES (NEW.company_id, 'sale.order', NEW.id, NEW.partner_id) ON CONFLICT DO NOTHING;
        END IF;
    END IF;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.sale_order_track() OWNER TO embudo_owner;

--
-- Name: sale_queue_quotation_mail(integer, text, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_queue_quotation_mail(sale_order integer, subject text, body text) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    o public.sale_order;
    customer public.res_partner;
    content record;
    sender text;
    mail int;
    message int;
    me int := embudo.current_user_id();
BEGIN
    SELECT * INTO o FROM public.sale_order x WHERE x.id = sale_order FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('missing', 'This order does not exist or you cannot see it.');
    END IF;
    IF o.state NOT IN ('draft', 'sent', 'sale') THEN
        PERFORM embudo.refuse('user', format('The order %s is %s: it cannot be sent.', o.name, embudo.sale_state_label(o.state)));
    END IF;
    SELECT * INTO customer FROM public.res_partner p WHERE p.company_id = o.company_id AND p.id = o.partner_id;
    IF customer.email IS NULL OR embudo.normalize_email(customer.email) IS NULL THEN
        PERFORM embudo.refuse('user', format('The customer %s has no e-mail address: add one to send the quotation.', customer.name));
    END IF;
    SELECT * INTO content FROM embudo.sale_quotation_content(o.id);
    subject := coalesce(nullif(btrim(subject), ''), content.subject);
    body := coalesce(nullif(body, ''), content.body) || embudo.sale_mail_extra(o.id, content.lang);
    sender := embudo.mail_sender(o.company_id);
    INSERT INTO public.mail_message (company_id, model, res_id, body, subject, author_id, message_type, subtype_id, email_from, create_uid, write_uid)
    VALUES (o.company_id, 'sale.order', o.id, body, subject, me, 'email', embudo.subtype('mail.mt_comment'), sender, me, me)
    RETURNING id INTO message;
    PERFORM embudo.set_local('embudo.mail_on_behalf', 'on');
    INSERT INTO public.mail_mail (company_id, email_from, email_to, subject, body_html, model, res_id, mail_message_id, create_uid, write_uid)
    VALUES (o.company_id, sender, embudo.mail_format_address(customer.name, embudo.normalize_email(customer.email)), subject, body, 'sale.order', o.id,
            message, me, me)
    RETURNING id INTO mail;
    PERFORM embudo.set_local('embudo.mail_on_behalf', '');
    PERFORM embudo.sale_transition(ARRAY(SELECT x.id FROM public.sale_order x WHERE x.id = o.id AND x.state = 'draft'),
                                   ARRAY['draft'], 'sent', 'Only draft quotations can be marked as sent');
    RETURN mail;
END
$$;


ALTER FUNCTION embudo.sale_queue_quotation_mail(sale_order integer, subject text, body text) OWNER TO embudo_owner;

--
-- Name: sale_quotation_content(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_quotation_content(sale_order integer, OUT subject text, OUT body text, OUT lang text, OUT customer integer) RETURNS record
    LANGUAGE plpgsql STABLE
    AS $$
DECLARE
    o public.sale_order;
    p public.res_partner;
    company_name text;
    quotation boolean;
BEGIN
    SELECT * INTO o FROM public.sale_order x WHERE x.id = sale_order;
    IF NOT FOUND THEN
        PERFORM embudo.refuse('missing', 'This order does not exist or you cannot see it.');
    END IF;
    SELECT * INTO p FROM public.res_partner x WHERE x.company_id = o.company_id AND x.id = o.partner_id;
    SELECT c.name, coalesce(p.lang, c.lang) INTO company_name, lang FROM public.res_company c WHERE c.id = o.company_id;
    customer := p.id;
    quotation := o.state IN ('draft', 'sent');
    subject := company_name || ' ' || CASE WHEN quotation THEN embudo.localized(lang, 'Quotation', 'Presupuesto')
                                           ELSE embudo.localized(lang, 'Order', 'Pedido') END || ' (Ref ' || o.name || ')';
    body := '<div style="font-family: sans-serif">'
        || '<p>' || embudo.localized(lang, 'Hello ', 'Hola, ') || embudo.html_escape(p.name) || ',</p>'
        || '<p>' || CASE WHEN quotation THEN embudo.localized(lang, 'Here is your quotation', 'Te enviamos tu presupuesto')
                         ELSE embudo.localized(lang, 'Here is your order', 'Te enviamos tu pedido') END || ' <strong>'
        || embudo.html_escape(o.name) || '</strong> ' || embudo.localized(lang, 'amounting to', 'por un total de') || ' <strong>'
        || embudo.money(o.amount_total, o.currency_id) || '</strong>.</p>'
        || '<table style="border-collapse: collapse" border="1" cellpadding="4"><thead><tr><th>'
        || embudo.localized(lang, 'Description', 'Descripción') || '</th><th>' || embudo.localized(lang, 'Quantity', 'Cantidad') || '</th><th>'
        || embudo.localized(lang, 'Unit Price', 'Precio unitario') || '</th><th>' || embudo.localized(lang, 'Disc.%', 'Desc.%') || '</th><th>'
        || embudo.localized(lang, 'Amount', 'Importe') || '</th></tr></thead><tbody>'
        || coalesce((SELECT string_agg(CASE WHEN l.display_type IS NOT NULL
                THEN '<tr><td colspan="5"><em>' || embudo.html_escape(l.name) || '</em></td></tr>'
                ELSE '<tr><td>' || embudo.html_escape(l.name) || '</td><td>' || trim_scale(l.product_uom_qty)::text || ' '
                     || coalesce(embudo.html_escape((SELECT coalesce(CASE WHEN lang LIKE 'es%' THEN u.name_es END, u.name)
                                                     FROM public.uom_uom u WHERE u.id = l.product_uom)), '') || '</td><td>'
                     || embudo.money(l.price_unit, o.currency_id) || '</td><td>' || trim_scale(l.discount)::text || '</td><td>'
                     || embudo.money(l.price_subtotal, o.currency_id) || '</td></tr>' END, '' ORDER BY l.sequence, l.id)
                     FROM public.sale_order_line l WHERE l.company_id = o.company_id AND l.order_id = o.id), '')
        || '</tbody></table>'
        || '<p>' || embudo.localized(lang, 'Untaxed amount: ', 'Subtotal: ') || embudo.money(o.amount_untaxed, o.currency_id)
        || '<br/>' || embudo.localized(lang, 'Taxes: ', 'Impuestos: ') || embudo.money(o.amount_tax, o.currency_id)
        || '<br/><strong>Total: ' || embudo.money(o.amount_total, o.currency_id) || '</strong></p>'
        || CASE WHEN o.validity_date IS NOT NULL
                THEN '<p>' || embudo.localized(lang, 'This quotation is valid until ', 'Este presupuesto es válido hasta el ')
                     || CASE WHEN lang LIKE 'es%' THEN to_char(o.validity_date, 'DD/MM/YYYY') ELSE to_char(o.validity_date, 'YYYY-MM-DD') END || '.</p>'
                ELSE '' END
        || coalesce('<p>' || embudo.localized(lang, 'Payment terms: ', 'Condiciones de pago: ')
                    || embudo.html_escape((SELECT t.name FROM public.account_payment_term t
                                           WHERE t.company_id = o.company_id AND t.id = o.payment_term_id)) || '</p>', '')
        || coalesce('<p>' || embudo.html_escape(o.note) || '</p>', '')
        || '<p>' || embudo.localized(lang, 'Do not hesitate to contact us if you have any questions.',
                                     'Si tienes cualquier pregunta, con gusto te atendemos.') || '</p></div>';
END
$$;


ALTER FUNCTION embudo.sale_quotation_content(sale_order integer, OUT subject text, OUT body text, OUT lang text, OUT customer integer) OWNER TO embudo_owner;

--
-- Name: sale_send_quotation(integer[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_send_quotation(ids integer[]) RETURNS integer[]
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF (SELECT count(*) FROM public.sale_order x WHERE x.id = ANY (ids)) < cardinality(ARRAY(SELECT DISTINCT unnest(ids))) THEN
        PERFORM embudo.refuse('user', 'Some of these orders do not exist or you cannot see them.');
    END IF;
    RETURN ARRAY(SELECT embudo.sale_queue_quotation_mail(x.id, NULL, NULL) FROM (SELECT DISTINCT unnest(ids) AS id) x ORDER BY x.id);
END
$$;


ALTER FUNCTION embudo.sale_send_quotation(ids integer[]) OWNER TO embudo_owner;

--
-- Name: sale_state_label(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_state_label(state text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
    SELECT CASE state WHEN 'draft' THEN 'Quotation' WHEN 'sent' THEN 'Quotation Sent' WHEN 'sale' THEN 'Sales Order'
                      WHEN 'done' THEN 'Locked' WHEN 'cancel' THEN 'Cancelled' END
$$;


ALTER FUNCTION embudo.sale_state_label(state text) OWNER TO embudo_owner;

--
-- Name: sale_transition(integer[], text[], text, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_transition(ids integer[], allowed text[], target text, refusal text) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    locked int;
    bad text;
    me int := embudo.current_user_id();
BEGIN
    PERFORM 1 FROM public.sale_order o WHERE o.id = ANY (ids) ORDER BY o.id FOR UPDATE;
    GET DIAGNOSTICS locked = ROW_COUNT;
    IF locked < cardinality(ARRAY(SELECT DISTINCT unnest(ids))) THEN
        PERFORM embudo.refuse('user', 'Some of these orders do not exist or you cannot see them.');
    END IF;
    SELECT string_agg(o.name || ' (' || o.state || ')', ', ' ORDER BY o.id) INTO bad
    FROM public.sale_order o WHERE o.id = ANY (ids) AND NOT o.state = ANY (allowed);
    IF bad IS NOT NULL THEN
        PERFORM embudo.refuse('user', refusal || ': ' || bad);
    END IF;
    PERFORM embudo.set_local('embudo.sale_transition', 'on');
    UPDATE public.sale_order o SET state = target, write_date = now(), write_uid = me,
        date_order = CASE WHEN target = 'sale' THEN now() ELSE o.date_order END,
        signature = CASE WHEN target = 'draft' THEN NULL ELSE o.signature END,
        signed_by = CASE WHEN target = 'draft' THEN NULL ELSE o.signed_by END,
        signed_on = CASE WHEN target = 'draft' THEN NULL ELSE o.signed_on END
    WHERE o.id = ANY (ids);
    PERFORM embudo.set_local('embudo.sale_transition', 'off');
    RETURN locked;
END
$$;


ALTER FUNCTION embudo.sale_transition(ids integer[], allowed text[], target text, refusal text) OWNER TO embudo_owner;

--
-- Name: sale_unlock(integer[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.sale_unlock(ids integer[]) RETURNS integer
    LANGUAGE sql
    AS $$ SELECT embudo.sale_transition(ids, ARRAY['done'], 'sale', 'Only locked orders can be unlocked') $$;


ALTER FUNCTION embudo.sale_unlock(ids integer[]) OWNER TO embudo_owner;

--
-- Name: seed_20_crm(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.seed_20_crm(company integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    lang constant text := (SELECT c.lang FROM public.res_company c WHERE c.id = company);
    team int;
    spec record;
    created int;
BEGIN
    INSERT INTO public.crm_team (company_id, name, sequence, use_opportunities, alias_contact)
    VALUES (company, embudo.localized(lang, 'Sales', 'Ventas'), 0, true, 'everyone') RETURNING id INTO team;
    INSERT INTO public.ir_model_data (module, name, model, res_id, company_id)
    VALUES ('sales_team', 'team_sales_department', 'crm.team', team, company);
    FOR spec IN SELECT * FROM (VALUES
        ('stage_lead1', 'New', 'Nuevo', 1, false), ('stage_lead2', 'Qualified', 'Calificado', 2, false),
        ('stage_lead3', 'Proposition', 'Propuesta', 3, false), ('stage_lead4', 'Won', 'Ganado', 70, true)
    ) s (xmlid, english, spanish, sequence, is_won) LOOP
        INSERT INTO public.crm_stage (company_id, name, sequence, is_won)
        VALUES (company, embudo.localized(lang, spec.english, spec.spanish), spec.sequence, spec.is_won) RETURNING id INTO created;
        INSERT INTO public.ir_model_data (module, name, model, res_id, company_id) VALUES ('crm', spec.xmlid, 'crm.stage', created, company);
    END LOOP;
    FOR spec IN SELECT * FROM (VALUES
        ('lost_reason_1', 'Too expensive', 'Demasiado caro'),
        ('lost_reason_2', 'We don''t have people/skills', 'No tenemos el personal o las habilidades'),
        ('lost_reason_3', 'Not enough stock', 'No hay suficiente inventario')
    ) s (xmlid, english, spanish) LOOP
        INSERT INTO public.crm_lost_reason (company_id, name) VALUES (company, embudo.localized(lang, spec.english, spec.spanish))
        RETURNING id INTO created;
        INSERT INTO public.ir_model_data (module, name, model, res_id, company_id) VALUES ('crm', spec.xmlid, 'crm.lost.reason', created, company);
    END LOOP;
END
$$;


ALTER FUNCTION embudo.seed_20_crm(company integer) OWNER TO embudo_owner;

--
-- Name: seed_30_activities(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.seed_30_activities(company integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    lang constant text := (SELECT c.lang FROM public.res_company c WHERE c.id = company);
    spec record;
    created int;
BEGIN
    FOR spec IN SELECT * FROM (VALUES
        ('mail_activity_data_email', 'Email', 'Correo electrónico', 'fa-envelope', 0, 3, 'default', NULL, true),
        ('mail_activity_data_call', 'Call', 'Llamada', 'fa-phone', 2, 6, 'default', NULL, true),
        ('mail_activity_data_meeting', 'Meeting', 'Reunión', 'fa-users', 0, 9, 'meeting', NULL, true),
        ('mail_activity_data_todo', 'To Do', 'Por hacer', 'fa-tasks', 5, 12, 'default', NULL, true),
        ('mail_activity_data_upload_document', 'Upload Document', 'Subir documento', 'fa-upload', 5, 25, 'upload_file', NULL, true),
        ('mail_activity_data_warning', 'Exception', 'Excepción', 'fa-warning', 0, 99, 'default', 'warning', false)
    ) s (xmlid, english, spanish, icon, delay_count, sequence, category, decoration_type, active) LOOP
        INSERT INTO public.mail_activity_type (company_id, name, icon, delay_count, sequence, category, decoration_type, active, res_model)
        VALUES (company, embudo.localized(lang, spec.english, spec.spanish), spec.icon, spec.delay_count, spec.sequence,
                spec.category, spec.decoration_type, spec.active, NULL)
        RETURNING id INTO created;
        INSERT INTO public.ir_model_data (module, name, model, res_id, company_id) VALUES ('mail', spec.xmlid, 'mail.activity.type', created, company);
    END LOOP;
END
$$;


ALTER FUNCTION embudo.seed_30_activities(company integer) OWNER TO embudo_owner;

--
-- Name: seed_40_sale(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.seed_40_sale(company integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    lang constant text := (SELECT c.lang FROM public.res_company c WHERE c.id = company);
    currency constant int := (SELECT c.currency_id FROM public.res_company c WHERE c.id = company);
    upsell int;
    pricelist int;
    term int;
    spec record;
BEGIN
    INSERT INTO public.mail_activity_type (company_id, name, icon, delay_count, sequence, category, decoration_type, active, res_model)
    VALUES (company, embudo.localized(lang, 'Order Upsell', 'Venta adicional'), 'fa-line-chart', 0, 10, 'default', NULL, true, 'sale.order')
    RETURNING id INTO upsell;
    INSERT INTO public.ir_model_data (module, name, model, res_id, company_id)
    VALUES ('sale', 'mail_act_sale_upsell', 'mail.activity.type', upsell, company);
    INSERT INTO public.product_pricelist (company_id, name, currency_id, sequence)
    VALUES (company, embudo.localized(lang, 'Public Pricelist', 'Lista de precios pública'), currency, 1)
    RETURNING id INTO pricelist;
    INSERT INTO public.ir_model_data (module, name, model, res_id, company_id) VALUES ('product', 'list0', 'product.pricelist', pricelist, company);
    FOR spec IN SELECT * FROM (VALUES
        ('Immediate Payment', 'Pago inmediato', 'account_payment_term_immediate', 0, 'day_after_invoice_date'),
        ('15 Days', '15 días', 'account_payment_term_15days', 15, 'day_after_invoice_date'),
        ('30 Days', '30 días', 'account_payment_term_30days', 30, 'day_after_invoice_date'),
        ('End of Following Month', 'Fin del mes siguiente', 'account_payment_term_end_following_month', 31, 'day_following_month')
    ) s (english, spanish, xmlid, days, option) LOOP
        INSERT INTO public.account_payment_term (company_id, name, note)
        VALUES (company, embudo.localized(lang, spec.english, spec.spanish),
                embudo.localized(lang, 'Payment terms: ' || spec.english, 'Condiciones de pago: ' || spec.spanish))
        RETURNING id INTO term;
        INSERT INTO public.account_payment_term_line (company_id, payment_id, value, days, option) VALUES (company, term, 'balance', spec.days, spec.option);
        INSERT INTO public.ir_model_data (module, name, model, res_id, company_id) VALUES ('account', spec.xmlid, 'account.payment.term', term, company);
    END LOOP;
END
$$;


ALTER FUNCTION embudo.seed_40_sale(company integer) OWNER TO embudo_owner;

--
-- Name: seed_60_calendar(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.seed_60_calendar(company integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    lang constant text := (SELECT c.lang FROM public.res_company c WHERE c.id = company);
BEGIN
    INSERT INTO public.calendar_event_type (company_id, name)
    SELECT company, embudo.localized(lang, t.english, t.spanish)
    FROM (VALUES ('Customer Meeting', 'Reunión con cliente'), ('Internal Meeting', 'Reunión interna'), ('Demo', 'Demostración')) t (english, spanish);
    INSERT INTO public.calendar_alarm (company_id, name, alarm_type, duration, "interval")
    SELECT company, embudo.localized(lang, a.english, a.spanish), a.kind, a.duration, a.unit
    FROM (VALUES ('15 minutes before', '15 minutos antes', 'email', 15, 'minutes'), ('1 hour before', '1 hora antes', 'email', 1, 'hours'),
                 ('1 day before', '1 día antes', 'email', 1, 'days'),
                 ('Notification: 15 minutes', 'Notificación: 15 minutos', 'notification', 15, 'minutes')) a (english, spanish, kind, duration, unit);
END
$$;


ALTER FUNCTION embudo.seed_60_calendar(company integer) OWNER TO embudo_owner;

--
-- Name: session_identity(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.session_identity(token text) RETURNS TABLE(id integer, login text, name text, tz text, lang text, company_ids integer[], access_levels text[])
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT i.*
    FROM embudo.http_session s, embudo.identity(s.user_id) i
    WHERE s.token_hash = sha256(convert_to(token, 'UTF8')) AND s.expires_at > now()
$$;


ALTER FUNCTION embudo.session_identity(token text) OWNER TO embudo_owner;

--
-- Name: set_access_level(integer, integer, embudo.access_level); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.set_access_level(company integer, target integer, level embudo.access_level) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF NOT embudo.acting_admin_of(company) THEN
        RAISE EXCEPTION 'only administrators of the company may set access levels' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF target = nullif(current_setting('embudo.user_id', true), '')::int THEN
        RAISE EXCEPTION 'administrators cannot change their own access level' USING ERRCODE = 'check_violation';
    END IF;
    IF level IS NULL THEN
        PERFORM embudo.remove_member(company, target);
    ELSE
        -- (Locked: a concurrent removal then waits, and is not undone.)
        PERFORM FROM public.res_company_member m WHERE m.company_id = company AND m.user_id = target FOR UPDATE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'user % is not a member of company %', target, company USING ERRCODE = 'foreign_key_violation';
        END IF;
        PERFORM embudo.grant_member(company, target, level);
    END IF;
END
$$;


ALTER FUNCTION embudo.set_access_level(company integer, target integer, level embudo.access_level) OWNER TO embudo_owner;

--
-- Name: set_company_active(integer, boolean); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.set_company_active(company integer, enabled boolean) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    member name;
BEGIN
    UPDATE public.res_company SET active = enabled, write_date = now() WHERE id = company;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'company % does not exist', company USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF enabled THEN
        DELETE FROM embudo.disabled_company WHERE company_id = company;
    ELSE
        INSERT INTO embudo.disabled_company (company_id) VALUES (company) ON CONFLICT DO NOTHING;
    END IF;
    -- The credential stamps change with the memberships' companies: cached logins are checked again.
    FOR member IN
        SELECT r.rolname FROM pg_auth_members am JOIN pg_roles r ON r.oid = am.member JOIN pg_roles g ON g.oid = am.roleid
        JOIN embudo.company_bi_role b ON b.role_name = g.rolname WHERE b.company_id = company
    LOOP
        EXECUTE format('ALTER ROLE %I %s', member, CASE WHEN enabled THEN 'LOGIN' ELSE 'NOLOGIN' END);
    END LOOP;
END
$$;


ALTER FUNCTION embudo.set_company_active(company integer, enabled boolean) OWNER TO embudo_owner;

--
-- Name: set_company_currency(integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.set_company_currency(company integer, currency integer) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    previous constant int := embudo.change_company_currency(company, currency);
BEGIN
    IF previous IS DISTINCT FROM currency THEN
        UPDATE public.product_pricelist p SET currency_id = currency, write_date = now()
        WHERE p.company_id = company AND p.currency_id = previous;
    END IF;
END
$$;


ALTER FUNCTION embudo.set_company_currency(company integer, currency integer) OWNER TO embudo_owner;

--
-- Name: set_home_company(integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.set_home_company(target integer, company integer) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM public.res_company_member m WHERE m.company_id = company AND m.user_id = target) THEN
        RAISE EXCEPTION 'user % is not a member of company %', target, company USING ERRCODE = 'foreign_key_violation';
    END IF;
    UPDATE public.res_users SET company_id = company, write_date = now() WHERE id = target;
END
$$;


ALTER FUNCTION embudo.set_home_company(target integer, company integer) OWNER TO embudo_owner;

--
-- Name: set_local(text[]); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.set_local(VARIADIC pairs text[]) RETURNS void
    LANGUAGE plpgsql
    AS $_$
DECLARE
    statements text := '';
BEGIN
    IF coalesce(array_length(pairs, 1), 0) % 2 <> 0 THEN
        RAISE EXCEPTION 'embudo.set_local takes names and values in pairs';
    END IF;
    FOR i IN 1 .. coalesce(array_length(pairs, 1), 0) BY 2 LOOP
        IF pairs[i] IS NULL OR pairs[i] !~ '^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$' THEN
            RAISE EXCEPTION 'embudo.set_local: % is not a setting''s name', quote_nullable(pairs[i]);
        END IF;
        statements := statements || format('SET LOCAL %s = %L;', pairs[i], coalesce(pairs[i + 1], ''));
    END LOOP;
    IF statements <> '' THEN
        EXECUTE statements;
    END IF;
END
$_$;


ALTER FUNCTION embudo.set_local(VARIADIC pairs text[]) OWNER TO embudo_owner;

--
-- Name: set_password(integer, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.set_password(target_user integer, password text) RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    hash constant text := embudo_crypto.crypt(password, embudo_crypto.gen_salt('bf', 10));
BEGIN
    UPDATE public.res_users SET password_hash = hash, write_date = now() WHERE id = target_user;
END
$$;


ALTER FUNCTION embudo.set_password(target_user integer, password text) OWNER TO embudo_owner;

--
-- Name: signup_complete(text, text, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.signup_complete(token text, password text, user_name text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
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


ALTER FUNCTION embudo.signup_complete(token text, password text, user_name text) OWNER TO embudo_owner;

--
-- Name: signup_info(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.signup_info(token text) RETURNS TABLE(login text, name text, company_name text, lang text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT u.login, i.name, i.company_name, u.lang
    FROM embudo.user_signup s
    JOIN public.res_users u ON u.id = s.user_id AND u.active
    JOIN public.res_users_invitation i ON i.company_id = s.company_id AND i.id = s.invitation_id AND i.state = 'pending'
    WHERE s.token_hash = sha256(convert_to(token, 'UTF8')) AND s.used_at IS NULL AND s.expires_at > now()
$$;


ALTER FUNCTION embudo.signup_info(token text) OWNER TO embudo_owner;

--
-- Name: start_session(text, text, text, interval); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.start_session(user_login text, password text, token text, lifetime interval) RETURNS TABLE(id integer, login text, name text, tz text, lang text, company_ids integer[], access_levels text[])
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    found record;
BEGIN
    SELECT * INTO found FROM embudo.authenticate(user_login, password);
    IF found.id IS NULL THEN
        RETURN;
    END IF;
    DELETE FROM embudo.http_session s WHERE s.user_id = found.id AND s.expires_at < now();
    INSERT INTO embudo.http_session (token_hash, user_id, expires_at)
    VALUES (sha256(convert_to(token, 'UTF8')), found.id, now() + lifetime);
    RETURN QUERY SELECT found.id, found.login, found.name, found.tz, found.lang, found.company_ids, found.access_levels;
END
$$;


ALTER FUNCTION embudo.start_session(user_login text, password text, token text, lifetime interval) OWNER TO embudo_owner;

--
-- Name: subtype(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.subtype(xmlid text) RETURNS integer
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
    RETURN (SELECT d.res_id FROM public.ir_model_data d
            WHERE d.module = split_part(subtype.xmlid, '.', 1) AND d.name = split_part(subtype.xmlid, '.', 2) AND d.company_id IS NULL);
END
$$;


ALTER FUNCTION embudo.subtype(xmlid text) OWNER TO embudo_owner;

--
-- Name: systray_activities(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.systray_activities() RETURNS TABLE(model text, overdue integer, today integer, planned integer)
    LANGUAGE plpgsql STABLE
    AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT a.res_model,
           count(*) FILTER (WHERE s.state = 'overdue')::int,
           count(*) FILTER (WHERE s.state = 'today')::int,
           count(*) FILTER (WHERE s.state = 'planned')::int
    FROM public.mail_activity a, LATERAL (SELECT embudo.activity_state(a.date_deadline, a.user_id) AS state) s
    WHERE a.active AND a.user_id = embudo.current_user_id()
    GROUP BY a.res_model
    ORDER BY a.res_model;
END
$$;


ALTER FUNCTION embudo.systray_activities() OWNER TO embudo_owner;

--
-- Name: tenant_fence(regclass); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.tenant_fence(target regclass) RETURNS text
    LANGUAGE sql STABLE
    AS $$
    SELECT format('%I = ANY ((SELECT embudo.company_ids())::int[])', t.company_column)
    FROM embudo.tenant_table t WHERE t.name = embudo.qualified_name(target)
$$;


ALTER FUNCTION embudo.tenant_fence(target regclass) OWNER TO embudo_owner;

--
-- Name: text_ilike(text, text); Type: FUNCTION; Schema: embudo; Owner: postgres
--

CREATE FUNCTION embudo.text_ilike(text, text) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT LEAKPROOF COST 25 PARALLEL SAFE
    AS $$texticlike$$;


ALTER FUNCTION embudo.text_ilike(text, text) OWNER TO postgres;

--
-- Name: text_like(text, text); Type: FUNCTION; Schema: embudo; Owner: postgres
--

CREATE FUNCTION embudo.text_like(text, text) RETURNS boolean
    LANGUAGE internal IMMUTABLE STRICT LEAKPROOF COST 25 PARALLEL SAFE
    AS $$textlike$$;


ALTER FUNCTION embudo.text_like(text, text) OWNER TO postgres;

--
-- Name: throttled_login(text, integer, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.throttled_login(target_account text, candidate integer, secret text) RETURNS TABLE(id integer, login text, name text, tz text, lang text, company_ids integer[], access_levels text[])
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    state embudo.login_failure;
    policy embudo.login_throttle_policy;
    verified record;
    counted int;
    wait bigint;
    moment timestamptz;
    retry timestamptz;
BEGIN
    INSERT INTO embudo.login_failure AS f (account) VALUES (target_account)
    ON CONFLICT (account) DO UPDATE SET account = f.account
    RETURNING f.* INTO state;
    moment := clock_timestamp();
    -- An API key (160 random bits, which no guessing finds) serves even while the account waits: someone
    -- who keeps a login's account waiting with a wrong password now and then does not stop the
    -- company's integrations.
    IF state.retry_at > moment AND NOT EXISTS (SELECT 1 FROM embudo.user_api_key k
                                               WHERE k.user_id = candidate AND k.key_hash = sha256(convert_to(secret, 'UTF8'))) THEN
        wait := greatest(1, ceil(extract(epoch FROM state.retry_at - moment)))::bigint;
        RAISE EXCEPTION 'Too many failed logins for this account: try again in % second%.', wait, CASE WHEN wait = 1 THEN '' ELSE 's' END
              USING ERRCODE = 'EMT01';
    END IF;
    SELECT * INTO verified FROM embudo.verified_user(candidate, secret);
    IF verified.id IS NOT NULL THEN
        DELETE FROM embudo.login_failure f WHERE f.account = target_account;
        RETURN QUERY SELECT verified.id, verified.login, verified.name, verified.tz, verified.lang,
                            verified.company_ids, verified.access_levels;
        RETURN;
    END IF;
    SELECT * INTO policy FROM embudo.login_throttle_policy;
    moment := clock_timestamp();
    counted := CASE WHEN state.last_failure IS NULL OR state.last_failure < moment - policy.forget_after THEN 1
                     ELSE state.failures + 1 END;
    -- (Worked out first: Citus takes no function but immutable ones in a CASE of an UPDATE.)
    retry := CASE WHEN counted <= policy.free_failures THEN NULL
                  ELSE moment + least(policy.max_delay, policy.first_delay * power(2, least(counted - policy.free_failures - 1, 40)))
             END;
    UPDATE embudo.login_failure f SET failures = counted, last_failure = moment, retry_at = retry
    WHERE f.account = target_account;
    -- Counts nobody has added to for a while (guesses at logins that do not exist) do not pile up; rows
    -- that a concurrent attempt holds are left for later, so that two cleanups never wait on each other.
    DELETE FROM embudo.login_failure f WHERE f.account IN (
        SELECT o.account FROM embudo.login_failure o WHERE o.last_failure < moment - policy.forget_after
        LIMIT 100 FOR UPDATE SKIP LOCKED);
END
$$;


ALTER FUNCTION embudo.throttled_login(target_account text, candidate integer, secret text) OWNER TO embudo_owner;

--
-- Name: token_company(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.token_company(token text) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $_$
    SELECT CASE WHEN token ~ '^[1-9][0-9]{0,8}-[0-9a-f]+$' THEN split_part(token, '-', 1)::int END
$_$;


ALTER FUNCTION embudo.token_company(token text) OWNER TO embudo_owner;

--
-- Name: unlink_deleted(); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.unlink_deleted() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    IF embudo.rls_exempt() THEN
        PERFORM embudo.unlink_references(TG_ARGV[0]::regclass, TG_ARGV[1], OLD.company_id, OLD.id);
    ELSE
        PERFORM embudo.unlink_references_as_owner(TG_ARGV[0]::regclass, TG_ARGV[1], OLD.company_id, OLD.id);
    END IF;
    RETURN NULL;
END
$$;


ALTER FUNCTION embudo.unlink_deleted() OWNER TO embudo_owner;

--
-- Name: unlink_references(regclass, name, integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.unlink_references(target regclass, "column" name, company integer, deleted integer) RETURNS void
    LANGUAGE plpgsql
    AS $_$
DECLARE
    previous constant text := embudo.begin_owner_writes();
BEGIN
    EXECUTE format('UPDATE %s SET %2$I = NULL WHERE company_id = $1 AND %2$I = $2', target, "column") USING company, deleted;
    PERFORM embudo.end_owner_writes(previous);
END
$_$;


ALTER FUNCTION embudo.unlink_references(target regclass, "column" name, company integer, deleted integer) OWNER TO embudo_owner;

--
-- Name: unlink_references_as_owner(regclass, name, integer, integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.unlink_references_as_owner(target regclass, "column" name, company integer, deleted integer) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
    SELECT embudo.unlink_references(target, "column", company, deleted) WHERE pg_trigger_depth() > 0
$$;


ALTER FUNCTION embudo.unlink_references_as_owner(target regclass, "column" name, company integer, deleted integer) OWNER TO embudo_owner;

--
-- Name: user_today(integer); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.user_today(person integer) RETURNS date
    LANGUAGE plpgsql STABLE
    AS $$
BEGIN
    RETURN (now() AT TIME ZONE coalesce((SELECT u.tz FROM public.res_users u WHERE u.id = user_today.person), 'UTC'))::date;
END
$$;


ALTER FUNCTION embudo.user_today(person integer) OWNER TO embudo_owner;

--
-- Name: valid_mail_domain(text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.valid_mail_domain(domain text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $_$
    SELECT domain IS NOT NULL AND length(domain) <= 253
       AND domain ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$'
$_$;


ALTER FUNCTION embudo.valid_mail_domain(domain text) OWNER TO embudo_owner;

--
-- Name: verified_user(integer, text); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.verified_user(candidate integer, password text) RETURNS TABLE(id integer, login text, name text, tz text, lang text, company_ids integer[], access_levels text[])
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    stored_hash text := (SELECT u.password_hash FROM public.res_users u WHERE u.id = candidate AND u.active);
BEGIN
    IF EXISTS (SELECT FROM embudo.user_api_key k
               WHERE k.user_id = candidate AND k.key_hash = sha256(convert_to(password, 'UTF8'))) THEN
        RETURN QUERY SELECT * FROM embudo.identity(candidate);
        RETURN;
    END IF;
    IF stored_hash IS NULL THEN
        PERFORM embudo_crypto.crypt(password, embudo_crypto.gen_salt('bf', 10));
        RETURN;
    END IF;
    IF stored_hash <> embudo_crypto.crypt(password, stored_hash) THEN
        RETURN;
    END IF;
    RETURN QUERY SELECT * FROM embudo.identity(candidate);
END
$$;


ALTER FUNCTION embudo.verified_user(candidate integer, password text) OWNER TO embudo_owner;

--
-- Name: write_own_preferences(jsonb); Type: FUNCTION; Schema: embudo; Owner: embudo_owner
--

CREATE FUNCTION embudo.write_own_preferences(preferences jsonb) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    me int := embudo.current_user_id();
    key text;
    home int;
BEGIN
    IF me IS NULL THEN
        PERFORM embudo.refuse('access', 'Log in to change your preferences.');
    END IF;
    FOR key IN SELECT jsonb_object_keys(preferences) LOOP
        IF key NOT IN ('name', 'lang', 'tz', 'signature', 'company_id') THEN
            PERFORM embudo.refuse('access', 'You can only change your own name, language, time zone, signature and home company.');
        END IF;
    END LOOP;
    IF preferences ? 'name' AND coalesce(btrim(preferences ->> 'name'), '') = '' THEN
        PERFORM embudo.refuse('validation', 'The name cannot be empty.');
    END IF;
    IF preferences ? 'lang' AND NOT EXISTS (SELECT 1 FROM public.res_lang l WHERE l.code = preferences ->> 'lang' AND l.active) THEN
        PERFORM embudo.refuse('validation', 'This language is not available.');
    END IF;
    IF preferences ? 'tz' AND NOT EXISTS (SELECT 1 FROM pg_timezone_names z WHERE z.name = preferences ->> 'tz') THEN
        PERFORM embudo.refuse('validation', 'This time zone does not exist.');
    END IF;
    IF preferences ? 'company_id' THEN
        IF jsonb_typeof(preferences -> 'company_id') <> 'number' THEN
            PERFORM embudo.refuse('validation', 'The home company must be one of your companies.');
        END IF;
        home := (preferences ->> 'company_id')::int;
        IF NOT home = ANY ((embudo.member_grants(me, ARRAY[home])).own) THEN
            PERFORM embudo.refuse('validation', 'The home company must be one of your companies.');
        END IF;
    END IF;
    UPDATE public.res_users SET
        name = CASE WHEN preferences ? 'name' THEN btrim(preferences ->> 'name') ELSE name END,
        lang = CASE WHEN preferences ? 'lang' THEN preferences ->> 'lang' ELSE lang END,
        tz = CASE WHEN preferences ? 'tz' THEN preferences ->> 'tz' ELSE tz END,
        signature = CASE WHEN preferences ? 'signature' THEN preferences ->> 'signature' ELSE signature END,
        company_id = CASE WHEN preferences ? 'company_id' THEN home ELSE company_id END,
        write_date = now()
    WHERE id = me;
END
$$;


ALTER FUNCTION embudo.write_own_preferences(preferences jsonb) OWNER TO embudo_owner;

--
-- Name: ~~; Type: OPERATOR; Schema: embudo; Owner: postgres
--

CREATE OPERATOR embudo.~~ (
    FUNCTION = embudo.text_like,
    LEFTARG = text,
    RIGHTARG = text,
    RESTRICT = likesel,
    JOIN = likejoinsel
);


ALTER OPERATOR embudo.~~ (text, text) OWNER TO postgres;

--
-- Name: ~~*; Type: OPERATOR; Schema: embudo; Owner: postgres
--

CREATE OPERATOR embudo.~~* (
    FUNCTION = embudo.text_ilike,
    LEFTARG = text,
    RIGHTARG = text,
    RESTRICT = iclikesel,
    JOIN = iclikejoinsel
);


ALTER OPERATOR embudo.~~* (text, text) OWNER TO postgres;

--
-- Name: gin_trgm_ops; Type: OPERATOR FAMILY; Schema: embudo; Owner: postgres
--

CREATE OPERATOR FAMILY embudo.gin_trgm_ops USING gin;
ALTER OPERATOR FAMILY embudo.gin_trgm_ops USING gin ADD
    OPERATOR 3 embudo.~~(text,text) ,
    OPERATOR 4 embudo.~~*(text,text) ,
    FUNCTION 1 (text, text) btint4cmp(integer,integer) ,
    FUNCTION 4 (text, text) embudo_text.gin_trgm_consistent(internal,smallint,text,integer,internal,internal,internal,internal) ,
    FUNCTION 6 (text, text) embudo_text.gin_trgm_triconsistent(internal,smallint,text,integer,internal,internal,internal);


ALTER OPERATOR FAMILY embudo.gin_trgm_ops USING gin OWNER TO postgres;

--
-- Name: gin_trgm_ops; Type: OPERATOR CLASS; Schema: embudo; Owner: postgres
--

CREATE OPERATOR CLASS embudo.gin_trgm_ops
    FOR TYPE text USING gin FAMILY embudo.gin_trgm_ops AS
    STORAGE integer ,
    FUNCTION 2 (text, text) embudo_text.gin_extract_value_trgm(text,internal) ,
    FUNCTION 3 (text, text) embudo_text.gin_extract_query_trgm(text,internal,smallint,internal,internal,internal,internal);


ALTER OPERATOR CLASS embudo.gin_trgm_ops USING gin OWNER TO postgres;


--
-- Name: alias_domain_request; Type: TABLE; Schema: embudo; Owner: embudo_owner
--

CREATE TABLE embudo.alias_domain_request (
    company_id integer NOT NULL,
    domain text NOT NULL,
    token text NOT NULL,
    requested_by integer,
    requested_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE embudo.alias_domain_request OWNER TO embudo_owner;

--
-- Name: TABLE alias_domain_request; Type: COMMENT; Schema: embudo; Owner: embudo_owner
--

COMMENT ON TABLE embudo.alias_domain_request IS 'Mail domains requested by company administrators; `embudo company verify-domains` assigns those whose TXT record _embudo-challenge.<domain> holds the token.';


--
-- Name: company_bi_role; Type: TABLE; Schema: embudo; Owner: embudo_owner
--

CREATE TABLE embudo.company_bi_role (
    company_id integer NOT NULL,
    role_name name NOT NULL
);


ALTER TABLE embudo.company_bi_role OWNER TO embudo_owner;

--
-- Name: disabled_company; Type: TABLE; Schema: embudo; Owner: embudo_owner
--

CREATE TABLE embudo.disabled_company (
    company_id integer NOT NULL
);


ALTER TABLE embudo.disabled_company OWNER TO embudo_owner;

--
-- Name: http_session; Type: TABLE; Schema: embudo; Owner: embudo_owner
--

CREATE TABLE embudo.http_session (
    token_hash bytea NOT NULL,
    user_id integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL
);


ALTER TABLE embudo.http_session OWNER TO embudo_owner;

--
-- Name: login_failure; Type: TABLE; Schema: embudo; Owner: embudo_owner
--

CREATE TABLE embudo.login_failure (
    account text NOT NULL,
    failures integer DEFAULT 0 NOT NULL,
    last_failure timestamp with time zone,
    retry_at timestamp with time zone
);


ALTER TABLE embudo.login_failure OWNER TO embudo_owner;

--
-- Name: login_throttle_policy; Type: TABLE; Schema: embudo; Owner: embudo_owner
--

CREATE TABLE embudo.login_throttle_policy (
    id boolean DEFAULT true NOT NULL,
    free_failures integer DEFAULT 5 NOT NULL,
    first_delay interval DEFAULT '00:00:01'::interval NOT NULL,
    max_delay interval DEFAULT '00:10:00'::interval NOT NULL,
    forget_after interval DEFAULT '1 day'::interval NOT NULL,
    CONSTRAINT login_throttle_policy_first_delay_check CHECK ((first_delay >= '00:00:00'::interval)),
    CONSTRAINT login_throttle_policy_forget_after_check CHECK ((forget_after > '00:00:00'::interval)),
    CONSTRAINT login_throttle_policy_free_failures_check CHECK ((free_failures >= 0)),
    CONSTRAINT login_throttle_policy_id_check CHECK (id),
    CONSTRAINT login_throttle_policy_max_delay_check CHECK ((max_delay >= '00:00:00'::interval))
);


ALTER TABLE embudo.login_throttle_policy OWNER TO embudo_owner;

--
-- Name: mail_route; Type: TABLE; Schema: embudo; Owner: embudo_owner
--

CREATE TABLE embudo.mail_route (
    domain text NOT NULL,
    company_id integer NOT NULL
);


ALTER TABLE embudo.mail_route OWNER TO embudo_owner;

--
-- Name: portal_secret; Type: TABLE; Schema: embudo; Owner: embudo_owner
--

CREATE TABLE embudo.portal_secret (
    id boolean DEFAULT true NOT NULL,
    secret bytea NOT NULL,
    CONSTRAINT portal_secret_id_check CHECK (id)
);


ALTER TABLE embudo.portal_secret OWNER TO embudo_owner;

--
-- Name: schema_definitions; Type: TABLE; Schema: embudo; Owner: embudo_owner
--

CREATE TABLE embudo.schema_definitions (
    path text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE embudo.schema_definitions OWNER TO embudo_owner;

--
-- Name: schema_migrations; Type: TABLE; Schema: embudo; Owner: embudo_owner
--

CREATE TABLE embudo.schema_migrations (
    version text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE embudo.schema_migrations OWNER TO embudo_owner;

--
-- Name: tenant_table; Type: TABLE; Schema: embudo; Owner: embudo_owner
--

CREATE TABLE embudo.tenant_table (
    name text NOT NULL,
    company_column name NOT NULL
);


ALTER TABLE embudo.tenant_table OWNER TO embudo_owner;

--
-- Name: transient_record; Type: TABLE; Schema: embudo; Owner: embudo_owner
--

CREATE TABLE embudo.transient_record (
    company_id integer NOT NULL,
    id integer NOT NULL,
    model text NOT NULL,
    vals jsonb DEFAULT '{}'::jsonb NOT NULL,
    context jsonb DEFAULT '{}'::jsonb NOT NULL,
    create_uid integer DEFAULT embudo.current_user_id() NOT NULL,
    create_date timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY embudo.transient_record FORCE ROW LEVEL SECURITY;


ALTER TABLE embudo.transient_record OWNER TO embudo_owner;

--
-- Name: transient_record_id_seq; Type: SEQUENCE; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE embudo.transient_record ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME embudo.transient_record_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: user_api_key; Type: TABLE; Schema: embudo; Owner: embudo_owner
--

CREATE TABLE embudo.user_api_key (
    id integer NOT NULL,
    user_id integer NOT NULL,
    name text NOT NULL,
    key_hash bytea NOT NULL,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT user_api_key_name_check CHECK ((name <> ''::text))
);


ALTER TABLE embudo.user_api_key OWNER TO embudo_owner;

--
-- Name: user_api_key_id_seq; Type: SEQUENCE; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE embudo.user_api_key ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME embudo.user_api_key_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: user_signup; Type: TABLE; Schema: embudo; Owner: embudo_owner
--

CREATE TABLE embudo.user_signup (
    token_hash bytea NOT NULL,
    user_id integer NOT NULL,
    company_id integer NOT NULL,
    invitation_id integer NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    create_date timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE embudo.user_signup OWNER TO embudo_owner;

--
-- Name: account_payment_term; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.account_payment_term (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    note text,
    sequence integer DEFAULT 10 NOT NULL,
    active boolean DEFAULT true NOT NULL,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT account_payment_term_name_check CHECK ((btrim(name) <> ''::text))
);

ALTER TABLE ONLY public.account_payment_term FORCE ROW LEVEL SECURITY;


ALTER TABLE public.account_payment_term OWNER TO embudo_owner;

--
-- Name: account_payment_term_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.account_payment_term ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.account_payment_term_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: account_payment_term_line; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.account_payment_term_line (
    company_id integer NOT NULL,
    id integer NOT NULL,
    payment_id integer NOT NULL,
    value text DEFAULT 'balance'::text NOT NULL,
    value_amount numeric(16,4) DEFAULT 0 NOT NULL,
    days integer DEFAULT 0 NOT NULL,
    option text DEFAULT 'day_after_invoice_date'::text NOT NULL,
    sequence integer DEFAULT 10 NOT NULL,
    CONSTRAINT account_payment_term_line_days_check CHECK ((days >= 0)),
    CONSTRAINT account_payment_term_line_option_check CHECK ((option = ANY (ARRAY['day_after_invoice_date'::text, 'after_invoice_month'::text, 'day_following_month'::text, 'day_current_month'::text]))),
    CONSTRAINT account_payment_term_line_value_check CHECK ((value = ANY (ARRAY['balance'::text, 'percent'::text, 'fixed'::text])))
);

ALTER TABLE ONLY public.account_payment_term_line FORCE ROW LEVEL SECURITY;


ALTER TABLE public.account_payment_term_line OWNER TO embudo_owner;

--
-- Name: account_payment_term_line_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.account_payment_term_line ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.account_payment_term_line_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: account_tax; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.account_tax (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    amount_type text DEFAULT 'percent'::text NOT NULL,
    amount numeric(16,4) DEFAULT 0 NOT NULL,
    price_include boolean DEFAULT false NOT NULL,
    type_tax_use text DEFAULT 'sale'::text NOT NULL,
    sequence integer DEFAULT 1 NOT NULL,
    active boolean DEFAULT true NOT NULL,
    description text,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT account_tax_amount_check CHECK ((amount > ('-100'::integer)::numeric)),
    CONSTRAINT account_tax_amount_type_check CHECK ((amount_type = 'percent'::text)),
    CONSTRAINT account_tax_name_check CHECK ((btrim(name) <> ''::text)),
    CONSTRAINT account_tax_type_tax_use_check CHECK ((type_tax_use = ANY (ARRAY['sale'::text, 'purchase'::text, 'none'::text])))
);

ALTER TABLE ONLY public.account_tax FORCE ROW LEVEL SECURITY;


ALTER TABLE public.account_tax OWNER TO embudo_owner;

--
-- Name: account_tax_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.account_tax ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.account_tax_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: account_tax_sale_order_line_rel; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.account_tax_sale_order_line_rel (
    company_id integer NOT NULL,
    sale_order_line_id integer NOT NULL,
    account_tax_id integer NOT NULL,
    salesperson_key integer NOT NULL
);

ALTER TABLE ONLY public.account_tax_sale_order_line_rel FORCE ROW LEVEL SECURITY;


ALTER TABLE public.account_tax_sale_order_line_rel OWNER TO embudo_owner;

--
-- Name: calendar_alarm; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.calendar_alarm (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    alarm_type text DEFAULT 'email'::text NOT NULL,
    duration integer DEFAULT 1 NOT NULL,
    "interval" text DEFAULT 'hours'::text NOT NULL,
    duration_minutes integer GENERATED ALWAYS AS ((duration *
CASE "interval"
    WHEN 'days'::text THEN 1440
    WHEN 'hours'::text THEN 60
    ELSE 1
END)) STORED,
    active boolean DEFAULT true NOT NULL,
    CONSTRAINT calendar_alarm_alarm_type_check CHECK ((alarm_type = ANY (ARRAY['email'::text, 'notification'::text]))),
    CONSTRAINT calendar_alarm_duration_check CHECK (((duration >= 0) AND (duration <= 10000))),
    CONSTRAINT calendar_alarm_interval_check CHECK (("interval" = ANY (ARRAY['minutes'::text, 'hours'::text, 'days'::text]))),
    CONSTRAINT calendar_alarm_name_check CHECK ((name <> ''::text))
);

ALTER TABLE ONLY public.calendar_alarm FORCE ROW LEVEL SECURITY;


ALTER TABLE public.calendar_alarm OWNER TO embudo_owner;

--
-- Name: calendar_alarm_calendar_event_rel; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.calendar_alarm_calendar_event_rel (
    company_id integer NOT NULL,
    calendar_event_id integer NOT NULL,
    calendar_alarm_id integer NOT NULL,
    readers integer[] NOT NULL
);

ALTER TABLE ONLY public.calendar_alarm_calendar_event_rel FORCE ROW LEVEL SECURITY;


ALTER TABLE public.calendar_alarm_calendar_event_rel OWNER TO embudo_owner;

--
-- Name: calendar_alarm_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.calendar_alarm ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.calendar_alarm_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: calendar_alarm_sent; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.calendar_alarm_sent (
    company_id integer NOT NULL,
    event_id integer NOT NULL,
    alarm_id integer NOT NULL,
    attendee_id integer NOT NULL,
    event_start timestamp with time zone NOT NULL,
    sent_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.calendar_alarm_sent OWNER TO embudo_owner;

--
-- Name: calendar_attendee; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.calendar_attendee (
    company_id integer NOT NULL,
    id integer NOT NULL,
    event_id integer NOT NULL,
    partner_id integer,
    user_id integer,
    common_name text,
    state text DEFAULT 'needsAction'::text NOT NULL,
    availability text,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    readers integer[] NOT NULL,
    CONSTRAINT calendar_attendee_availability_check CHECK ((availability = ANY (ARRAY['free'::text, 'busy'::text]))),
    CONSTRAINT calendar_attendee_check CHECK ((num_nonnulls(partner_id, user_id) = 1)),
    CONSTRAINT calendar_attendee_state_check CHECK ((state = ANY (ARRAY['needsAction'::text, 'tentative'::text, 'declined'::text, 'accepted'::text])))
);

ALTER TABLE ONLY public.calendar_attendee FORCE ROW LEVEL SECURITY;


ALTER TABLE public.calendar_attendee OWNER TO embudo_owner;

--
-- Name: calendar_attendee_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.calendar_attendee ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.calendar_attendee_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: calendar_attendee_token; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.calendar_attendee_token (
    company_id integer NOT NULL,
    attendee_id integer NOT NULL,
    token_hash bytea NOT NULL,
    acting_user integer NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    readers integer[] NOT NULL
);


ALTER TABLE public.calendar_attendee_token OWNER TO embudo_owner;

--
-- Name: calendar_event; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.calendar_event (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    start timestamp with time zone NOT NULL,
    stop timestamp with time zone NOT NULL,
    allday boolean DEFAULT false NOT NULL,
    start_date date,
    stop_date date,
    duration double precision DEFAULT 1 NOT NULL,
    user_id integer DEFAULT embudo.current_user_id(),
    location text,
    videocall_location text,
    description text,
    privacy text DEFAULT 'public'::text NOT NULL,
    show_as text DEFAULT 'busy'::text NOT NULL,
    opportunity_id integer,
    res_model text,
    res_id integer,
    res_model_id integer,
    recurrency boolean DEFAULT false NOT NULL,
    recurrence_id integer,
    follow_recurrence boolean DEFAULT false NOT NULL,
    recurrence_start timestamp with time zone,
    rrule_type text,
    "interval" integer DEFAULT 1 NOT NULL,
    end_type text DEFAULT 'count'::text NOT NULL,
    count integer DEFAULT 1 NOT NULL,
    until date,
    mon boolean DEFAULT false NOT NULL,
    tue boolean DEFAULT false NOT NULL,
    wed boolean DEFAULT false NOT NULL,
    thu boolean DEFAULT false NOT NULL,
    fri boolean DEFAULT false NOT NULL,
    sat boolean DEFAULT false NOT NULL,
    sun boolean DEFAULT false NOT NULL,
    month_by text DEFAULT 'date'::text NOT NULL,
    day integer DEFAULT 1 NOT NULL,
    byday text,
    weekday text,
    event_tz text,
    recurrence_update text,
    active boolean DEFAULT true NOT NULL,
    done boolean DEFAULT false NOT NULL,
    ical_uid text NOT NULL,
    sequence integer DEFAULT 0 NOT NULL,
    create_uid integer DEFAULT embudo.current_user_id(),
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer DEFAULT embudo.current_user_id(),
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    readers integer[] NOT NULL,
    CONSTRAINT calendar_event_byday_check CHECK ((byday = ANY (ARRAY['1'::text, '2'::text, '3'::text, '4'::text, '-1'::text]))),
    CONSTRAINT calendar_event_check CHECK ((stop >= start)),
    CONSTRAINT calendar_event_check1 CHECK (((NOT allday) OR ((start_date IS NOT NULL) AND (stop_date IS NOT NULL) AND (stop_date >= start_date)))),
    CONSTRAINT calendar_event_count_check CHECK (((count >= 1) AND (count <= 720))),
    CONSTRAINT calendar_event_day_check CHECK (((day >= 1) AND (day <= 31))),
    CONSTRAINT calendar_event_end_type_check CHECK ((end_type = ANY (ARRAY['count'::text, 'end_date'::text, 'forever'::text]))),
    CONSTRAINT calendar_event_interval_check CHECK ((("interval" >= 1) AND ("interval" <= 1000))),
    CONSTRAINT calendar_event_month_by_check CHECK ((month_by = ANY (ARRAY['date'::text, 'day'::text]))),
    CONSTRAINT calendar_event_name_check CHECK ((name <> ''::text)),
    CONSTRAINT calendar_event_privacy_check CHECK ((privacy = ANY (ARRAY['public'::text, 'private'::text, 'confidential'::text]))),
    CONSTRAINT calendar_event_recurrence_update_check CHECK ((recurrence_update = ANY (ARRAY['self_only'::text, 'future_events'::text, 'all_events'::text]))),
    CONSTRAINT calendar_event_rrule_type_check CHECK ((rrule_type = ANY (ARRAY['daily'::text, 'weekly'::text, 'monthly'::text, 'yearly'::text]))),
    CONSTRAINT calendar_event_show_as_check CHECK ((show_as = ANY (ARRAY['free'::text, 'busy'::text]))),
    CONSTRAINT calendar_event_weekday_check CHECK ((weekday = ANY (ARRAY['MON'::text, 'TUE'::text, 'WED'::text, 'THU'::text, 'FRI'::text, 'SAT'::text, 'SUN'::text])))
);

ALTER TABLE ONLY public.calendar_event FORCE ROW LEVEL SECURITY;


ALTER TABLE public.calendar_event OWNER TO embudo_owner;

--
-- Name: TABLE calendar_event; Type: COMMENT; Schema: public; Owner: embudo_owner
--

COMMENT ON TABLE public.calendar_event IS 'Meetings; a recurrence keeps one row per occurrence.';


--
-- Name: calendar_event_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.calendar_event ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.calendar_event_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: calendar_event_res_partner_rel; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.calendar_event_res_partner_rel (
    company_id integer NOT NULL,
    calendar_event_id integer NOT NULL,
    res_partner_id integer NOT NULL,
    readers integer[] NOT NULL
);

ALTER TABLE ONLY public.calendar_event_res_partner_rel FORCE ROW LEVEL SECURITY;


ALTER TABLE public.calendar_event_res_partner_rel OWNER TO embudo_owner;

--
-- Name: calendar_event_res_users_rel; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.calendar_event_res_users_rel (
    company_id integer NOT NULL,
    calendar_event_id integer NOT NULL,
    res_users_id integer NOT NULL,
    readers integer[] NOT NULL
);

ALTER TABLE ONLY public.calendar_event_res_users_rel FORCE ROW LEVEL SECURITY;


ALTER TABLE public.calendar_event_res_users_rel OWNER TO embudo_owner;

--
-- Name: calendar_event_type; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.calendar_event_type (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    color integer DEFAULT 0 NOT NULL,
    CONSTRAINT calendar_event_type_name_check CHECK ((name <> ''::text))
);

ALTER TABLE ONLY public.calendar_event_type FORCE ROW LEVEL SECURITY;


ALTER TABLE public.calendar_event_type OWNER TO embudo_owner;

--
-- Name: calendar_event_type_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.calendar_event_type ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.calendar_event_type_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: calendar_feed; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.calendar_feed (
    company_id integer NOT NULL,
    user_id integer NOT NULL,
    token_hash bytea NOT NULL,
    include_activities boolean DEFAULT false NOT NULL,
    create_date timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.calendar_feed OWNER TO embudo_owner;

--
-- Name: calendar_recurrence; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.calendar_recurrence (
    company_id integer NOT NULL,
    id integer NOT NULL,
    base_event_id integer,
    event_tz text DEFAULT 'UTC'::text NOT NULL,
    rrule_type text DEFAULT 'weekly'::text NOT NULL,
    "interval" integer DEFAULT 1 NOT NULL,
    end_type text DEFAULT 'count'::text NOT NULL,
    count integer DEFAULT 1 NOT NULL,
    until date,
    mon boolean DEFAULT false NOT NULL,
    tue boolean DEFAULT false NOT NULL,
    wed boolean DEFAULT false NOT NULL,
    thu boolean DEFAULT false NOT NULL,
    fri boolean DEFAULT false NOT NULL,
    sat boolean DEFAULT false NOT NULL,
    sun boolean DEFAULT false NOT NULL,
    month_by text DEFAULT 'date'::text NOT NULL,
    day integer DEFAULT 1 NOT NULL,
    byday text,
    weekday text,
    dtstart timestamp with time zone NOT NULL,
    duration interval DEFAULT '01:00:00'::interval NOT NULL,
    ical_uid text NOT NULL,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    readers integer[] NOT NULL,
    CONSTRAINT calendar_recurrence_byday_check CHECK ((byday = ANY (ARRAY['1'::text, '2'::text, '3'::text, '4'::text, '-1'::text]))),
    CONSTRAINT calendar_recurrence_check CHECK (((end_type <> 'end_date'::text) OR (until IS NOT NULL))),
    CONSTRAINT calendar_recurrence_count_check CHECK (((count >= 1) AND (count <= 720))),
    CONSTRAINT calendar_recurrence_day_check CHECK (((day >= 1) AND (day <= 31))),
    CONSTRAINT calendar_recurrence_end_type_check CHECK ((end_type = ANY (ARRAY['count'::text, 'end_date'::text, 'forever'::text]))),
    CONSTRAINT calendar_recurrence_interval_check CHECK ((("interval" >= 1) AND ("interval" <= 1000))),
    CONSTRAINT calendar_recurrence_month_by_check CHECK ((month_by = ANY (ARRAY['date'::text, 'day'::text]))),
    CONSTRAINT calendar_recurrence_rrule_type_check CHECK ((rrule_type = ANY (ARRAY['daily'::text, 'weekly'::text, 'monthly'::text, 'yearly'::text]))),
    CONSTRAINT calendar_recurrence_weekday_check CHECK ((weekday = ANY (ARRAY['MON'::text, 'TUE'::text, 'WED'::text, 'THU'::text, 'FRI'::text, 'SAT'::text, 'SUN'::text])))
);

ALTER TABLE ONLY public.calendar_recurrence FORCE ROW LEVEL SECURITY;


ALTER TABLE public.calendar_recurrence OWNER TO embudo_owner;

--
-- Name: calendar_recurrence_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.calendar_recurrence ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.calendar_recurrence_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: crm_lead; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.crm_lead (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    type text NOT NULL,
    active boolean DEFAULT true NOT NULL,
    priority text DEFAULT '0'::text NOT NULL,
    user_id integer DEFAULT embudo.current_user_id(),
    team_id integer,
    stage_id integer,
    color integer DEFAULT 0 NOT NULL,
    description text,
    referred text,
    expected_revenue numeric(16,2) DEFAULT 0 NOT NULL,
    probability double precision,
    automated_probability double precision,
    prorated_revenue numeric(16,2) GENERATED ALWAYS AS (round(((expected_revenue * (COALESCE(probability, (0)::double precision))::numeric) / (100)::numeric), 2)) STORED,
    date_deadline date,
    date_closed timestamp with time zone,
    date_open timestamp with time zone,
    date_last_stage_update timestamp with time zone DEFAULT now() NOT NULL,
    date_conversion timestamp with time zone,
    partner_id integer,
    partner_name text,
    contact_name text,
    title integer,
    function text,
    email_from text,
    email_normalized text,
    email_cc text,
    phone text,
    mobile text,
    website text,
    lang_id integer,
    street text,
    street2 text,
    zip text,
    city text,
    state_id integer,
    country_id integer,
    lost_reason integer,
    campaign_id integer,
    medium_id integer,
    source_id integer,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    day_open double precision GENERATED ALWAYS AS (abs(((EXTRACT(epoch FROM (date_open - create_date)))::double precision / (86400)::double precision))) STORED,
    day_close double precision GENERATED ALWAYS AS (abs(((EXTRACT(epoch FROM (date_closed - create_date)))::double precision / (86400)::double precision))) STORED,
    message_bounce integer DEFAULT 0 NOT NULL,
    name_lower text GENERATED ALWAYS AS (lower(name)) STORED,
    email_from_lower text GENERATED ALWAYS AS (lower(email_from)) STORED,
    partner_name_lower text GENERATED ALWAYS AS (lower(partner_name)) STORED,
    contact_name_lower text GENERATED ALWAYS AS (lower(contact_name)) STORED,
    phone_lower text GENERATED ALWAYS AS (lower(phone)) STORED,
    salesperson_key integer GENERATED ALWAYS AS (COALESCE(user_id, 0)) STORED,
    CONSTRAINT crm_lead_automated_probability_check CHECK (((automated_probability >= (0)::double precision) AND (automated_probability <= (100)::double precision))),
    CONSTRAINT crm_lead_name_check CHECK ((btrim(name) <> ''::text)),
    CONSTRAINT crm_lead_priority_check CHECK ((priority = ANY (ARRAY['0'::text, '1'::text, '2'::text, '3'::text]))),
    CONSTRAINT crm_lead_probability_check CHECK (((probability >= (0)::double precision) AND (probability <= (100)::double precision))),
    CONSTRAINT crm_lead_type_check CHECK ((type = ANY (ARRAY['lead'::text, 'opportunity'::text])))
);

ALTER TABLE ONLY public.crm_lead FORCE ROW LEVEL SECURITY;


ALTER TABLE public.crm_lead OWNER TO embudo_owner;

--
-- Name: TABLE crm_lead; Type: COMMENT; Schema: public; Owner: embudo_owner
--

COMMENT ON TABLE public.crm_lead IS 'Leads and opportunities (one record, converted in place).';


--
-- Name: crm_lead_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.crm_lead ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.crm_lead_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: crm_lost_reason; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.crm_lost_reason (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    active boolean DEFAULT true NOT NULL,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT crm_lost_reason_name_check CHECK ((btrim(name) <> ''::text))
);

ALTER TABLE ONLY public.crm_lost_reason FORCE ROW LEVEL SECURITY;


ALTER TABLE public.crm_lost_reason OWNER TO embudo_owner;

--
-- Name: crm_lost_reason_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.crm_lost_reason ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.crm_lost_reason_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: crm_stage; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.crm_stage (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    sequence integer DEFAULT 1 NOT NULL,
    is_won boolean DEFAULT false NOT NULL,
    fold boolean DEFAULT false NOT NULL,
    requirements text,
    team_id integer,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT crm_stage_name_check CHECK ((btrim(name) <> ''::text))
);

ALTER TABLE ONLY public.crm_stage FORCE ROW LEVEL SECURITY;


ALTER TABLE public.crm_stage OWNER TO embudo_owner;

--
-- Name: crm_stage_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.crm_stage ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.crm_stage_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: crm_tag; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.crm_tag (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    color integer DEFAULT (((1)::double precision + floor((random() * (11)::double precision))))::integer NOT NULL,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT crm_tag_name_check CHECK ((btrim(name) <> ''::text))
);

ALTER TABLE ONLY public.crm_tag FORCE ROW LEVEL SECURITY;


ALTER TABLE public.crm_tag OWNER TO embudo_owner;

--
-- Name: crm_tag_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.crm_tag ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.crm_tag_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: crm_tag_rel; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.crm_tag_rel (
    company_id integer NOT NULL,
    lead_id integer NOT NULL,
    tag_id integer NOT NULL,
    salesperson_key integer NOT NULL
);

ALTER TABLE ONLY public.crm_tag_rel FORCE ROW LEVEL SECURITY;


ALTER TABLE public.crm_tag_rel OWNER TO embudo_owner;

--
-- Name: crm_team; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.crm_team (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    sequence integer DEFAULT 10 NOT NULL,
    active boolean DEFAULT true NOT NULL,
    user_id integer,
    color integer DEFAULT 0 NOT NULL,
    use_leads boolean DEFAULT false NOT NULL,
    use_opportunities boolean DEFAULT true NOT NULL,
    use_quotations boolean DEFAULT false NOT NULL,
    invoiced_target numeric(16,2) DEFAULT 0 NOT NULL,
    alias_name text,
    alias_contact text DEFAULT 'everyone'::text NOT NULL,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT crm_team_alias_contact_check CHECK ((alias_contact = ANY (ARRAY['everyone'::text, 'partners'::text, 'followers'::text]))),
    CONSTRAINT crm_team_alias_name_check CHECK ((alias_name ~ '^[a-z0-9!#$%&''*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&''*+/=?^_`{|}~-]+)*$'::text)),
    CONSTRAINT crm_team_name_check CHECK ((btrim(name) <> ''::text))
);

ALTER TABLE ONLY public.crm_team FORCE ROW LEVEL SECURITY;


ALTER TABLE public.crm_team OWNER TO embudo_owner;

--
-- Name: TABLE crm_team; Type: COMMENT; Schema: public; Owner: embudo_owner
--

COMMENT ON TABLE public.crm_team IS 'Sales teams: leader, members, pipeline options, monthly target, email alias.';


--
-- Name: crm_team_closing; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.crm_team_closing (
    company_id integer NOT NULL,
    team_id integer NOT NULL,
    month date NOT NULL,
    won integer DEFAULT 0 NOT NULL,
    lost integer DEFAULT 0 NOT NULL
);

ALTER TABLE ONLY public.crm_team_closing FORCE ROW LEVEL SECURITY;


ALTER TABLE public.crm_team_closing OWNER TO embudo_owner;

--
-- Name: crm_team_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.crm_team ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.crm_team_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: crm_team_member; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.crm_team_member (
    company_id integer NOT NULL,
    team_id integer NOT NULL,
    user_id integer NOT NULL
);

ALTER TABLE ONLY public.crm_team_member FORCE ROW LEVEL SECURITY;


ALTER TABLE public.crm_team_member OWNER TO embudo_owner;

--
-- Name: ir_attachment; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.ir_attachment (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    mimetype text DEFAULT 'application/octet-stream'::text NOT NULL,
    res_model text NOT NULL,
    res_id integer NOT NULL,
    lead_id integer GENERATED ALWAYS AS (
CASE
    WHEN (res_model = 'crm.lead'::text) THEN res_id
    ELSE NULL::integer
END) STORED,
    order_id integer GENERATED ALWAYS AS (
CASE
    WHEN (res_model = 'sale.order'::text) THEN res_id
    ELSE NULL::integer
END) STORED,
    mail_message_id integer,
    content_id text,
    datas bytea NOT NULL,
    file_size integer GENERATED ALWAYS AS (octet_length(datas)) STORED,
    create_uid integer DEFAULT embudo.current_user_id(),
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    lead_salesperson_key integer,
    order_salesperson_key integer,
    CONSTRAINT ir_attachment_datas_check CHECK ((octet_length(datas) <= ((10 * 1024) * 1024))),
    CONSTRAINT ir_attachment_document_salesperson CHECK ((((lead_id IS NULL) = (lead_salesperson_key IS NULL)) AND ((order_id IS NULL) = (order_salesperson_key IS NULL)))),
    CONSTRAINT ir_attachment_res_model_check CHECK ((res_model = ANY (ARRAY['crm.lead'::text, 'sale.order'::text])))
);

ALTER TABLE ONLY public.ir_attachment FORCE ROW LEVEL SECURITY;


ALTER TABLE public.ir_attachment OWNER TO embudo_owner;

--
-- Name: ir_attachment_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.ir_attachment ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.ir_attachment_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ir_config_parameter; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.ir_config_parameter (
    key text NOT NULL,
    value text NOT NULL
);


ALTER TABLE public.ir_config_parameter OWNER TO embudo_owner;

--
-- Name: ir_model; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.ir_model (
    id integer NOT NULL,
    model text NOT NULL,
    name text NOT NULL,
    transient boolean DEFAULT false NOT NULL,
    state text DEFAULT 'base'::text NOT NULL,
    info text,
    CONSTRAINT ir_model_state_check CHECK ((state = ANY (ARRAY['manual'::text, 'base'::text])))
);


ALTER TABLE public.ir_model OWNER TO embudo_owner;

--
-- Name: TABLE ir_model; Type: COMMENT; Schema: public; Owner: embudo_owner
--

COMMENT ON TABLE public.ir_model IS 'The models offered by the API (global).';


--
-- Name: ir_model_data; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.ir_model_data (
    id integer NOT NULL,
    module text NOT NULL,
    name text NOT NULL,
    model text NOT NULL,
    res_id integer NOT NULL,
    company_id integer
);


ALTER TABLE public.ir_model_data OWNER TO embudo_owner;

--
-- Name: ir_model_data_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.ir_model_data ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.ir_model_data_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ir_model_fields; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.ir_model_fields (
    id integer NOT NULL,
    model_id integer NOT NULL,
    model text NOT NULL,
    name text NOT NULL,
    field_description text NOT NULL,
    ttype text NOT NULL,
    relation text,
    relation_field text,
    required boolean DEFAULT false NOT NULL,
    readonly boolean DEFAULT false NOT NULL,
    store boolean DEFAULT true NOT NULL,
    state text DEFAULT 'base'::text NOT NULL,
    CONSTRAINT ir_model_fields_state_check CHECK ((state = ANY (ARRAY['manual'::text, 'base'::text])))
);


ALTER TABLE public.ir_model_fields OWNER TO embudo_owner;

--
-- Name: TABLE ir_model_fields; Type: COMMENT; Schema: public; Owner: embudo_owner
--

COMMENT ON TABLE public.ir_model_fields IS 'The fields of the models offered by the API (global; written from the model registry).';


--
-- Name: ir_model_fields_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.ir_model_fields ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.ir_model_fields_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ir_model_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.ir_model ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.ir_model_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: l10n_mx_edi_payment_method; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.l10n_mx_edi_payment_method (
    id integer NOT NULL,
    code text NOT NULL,
    name text NOT NULL
);


ALTER TABLE public.l10n_mx_edi_payment_method OWNER TO embudo_owner;

--
-- Name: l10n_mx_edi_payment_method_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.l10n_mx_edi_payment_method ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.l10n_mx_edi_payment_method_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: l10n_mx_edi_payment_policy; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.l10n_mx_edi_payment_policy (
    code text NOT NULL,
    name text NOT NULL
);


ALTER TABLE public.l10n_mx_edi_payment_policy OWNER TO embudo_owner;

--
-- Name: l10n_mx_edi_usage; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.l10n_mx_edi_usage (
    code text NOT NULL,
    name text NOT NULL
);


ALTER TABLE public.l10n_mx_edi_usage OWNER TO embudo_owner;

--
-- Name: mail_activity; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.mail_activity (
    company_id integer NOT NULL,
    id integer NOT NULL,
    res_model_id integer,
    res_model text NOT NULL,
    res_id integer NOT NULL,
    lead_id integer GENERATED ALWAYS AS (
CASE
    WHEN (res_model = 'crm.lead'::text) THEN res_id
    ELSE NULL::integer
END) STORED,
    res_name text,
    activity_type_id integer,
    summary text,
    note text,
    date_deadline date NOT NULL,
    automated boolean DEFAULT false NOT NULL,
    user_id integer NOT NULL,
    request_partner_id integer,
    previous_activity_type_id integer,
    recommended_activity_type_id integer,
    active boolean DEFAULT true NOT NULL,
    date_done date,
    feedback text,
    create_uid integer DEFAULT embudo.current_user_id(),
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    order_id integer GENERATED ALWAYS AS (
CASE
    WHEN (res_model = 'sale.order'::text) THEN res_id
    ELSE NULL::integer
END) STORED,
    calendar_event_id integer,
    lead_salesperson_key integer,
    order_salesperson_key integer,
    CONSTRAINT mail_activity_document_salesperson CHECK ((((lead_id IS NULL) = (lead_salesperson_key IS NULL)) AND ((order_id IS NULL) = (order_salesperson_key IS NULL)))),
    CONSTRAINT mail_activity_res_model_check CHECK ((res_model = ANY (ARRAY['crm.lead'::text, 'sale.order'::text])))
);

ALTER TABLE ONLY public.mail_activity FORCE ROW LEVEL SECURITY;


ALTER TABLE public.mail_activity OWNER TO embudo_owner;

--
-- Name: TABLE mail_activity; Type: COMMENT; Schema: public; Owner: embudo_owner
--

COMMENT ON TABLE public.mail_activity IS 'Activities on documents; done ones are archived (active = false) with date_done.';


--
-- Name: mail_activity_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.mail_activity ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.mail_activity_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: mail_activity_rel; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.mail_activity_rel (
    company_id integer NOT NULL,
    activity_id integer NOT NULL,
    recommended_id integer NOT NULL
);

ALTER TABLE ONLY public.mail_activity_rel FORCE ROW LEVEL SECURITY;


ALTER TABLE public.mail_activity_rel OWNER TO embudo_owner;

--
-- Name: mail_activity_type; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.mail_activity_type (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    summary text,
    sequence integer DEFAULT 10 NOT NULL,
    active boolean DEFAULT true NOT NULL,
    delay_count integer DEFAULT 0 NOT NULL,
    delay_unit text DEFAULT 'days'::text NOT NULL,
    delay_from text DEFAULT 'previous_activity'::text NOT NULL,
    icon text,
    decoration_type text,
    res_model text,
    default_next_type_id integer,
    force_next boolean DEFAULT false NOT NULL,
    category text DEFAULT 'default'::text NOT NULL,
    default_user_id integer,
    default_description text,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT mail_activity_type_category_check CHECK ((category = ANY (ARRAY['default'::text, 'upload_file'::text, 'meeting'::text]))),
    CONSTRAINT mail_activity_type_decoration_type_check CHECK ((decoration_type = ANY (ARRAY['warning'::text, 'danger'::text]))),
    CONSTRAINT mail_activity_type_delay_count_check CHECK ((delay_count >= 0)),
    CONSTRAINT mail_activity_type_delay_from_check CHECK ((delay_from = ANY (ARRAY['current_date'::text, 'previous_activity'::text]))),
    CONSTRAINT mail_activity_type_delay_unit_check CHECK ((delay_unit = ANY (ARRAY['days'::text, 'weeks'::text, 'months'::text]))),
    CONSTRAINT mail_activity_type_name_check CHECK ((btrim(name) <> ''::text)),
    CONSTRAINT mail_activity_type_res_model_check CHECK ((res_model = ANY (ARRAY['crm.lead'::text, 'sale.order'::text])))
);

ALTER TABLE ONLY public.mail_activity_type FORCE ROW LEVEL SECURITY;


ALTER TABLE public.mail_activity_type OWNER TO embudo_owner;

--
-- Name: mail_activity_type_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.mail_activity_type ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.mail_activity_type_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: mail_followers; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.mail_followers (
    company_id integer NOT NULL,
    id integer NOT NULL,
    res_model text NOT NULL,
    res_id integer NOT NULL,
    lead_id integer GENERATED ALWAYS AS (
CASE
    WHEN (res_model = 'crm.lead'::text) THEN res_id
    ELSE NULL::integer
END) STORED,
    user_id integer,
    partner_id integer,
    order_id integer GENERATED ALWAYS AS (
CASE
    WHEN (res_model = 'sale.order'::text) THEN res_id
    ELSE NULL::integer
END) STORED,
    lead_salesperson_key integer,
    order_salesperson_key integer,
    CONSTRAINT mail_followers_check CHECK (((user_id IS NULL) <> (partner_id IS NULL))),
    CONSTRAINT mail_followers_document_salesperson CHECK ((((lead_id IS NULL) = (lead_salesperson_key IS NULL)) AND ((order_id IS NULL) = (order_salesperson_key IS NULL)))),
    CONSTRAINT mail_followers_res_model_check CHECK ((res_model = ANY (ARRAY['crm.lead'::text, 'sale.order'::text])))
);

ALTER TABLE ONLY public.mail_followers FORCE ROW LEVEL SECURITY;


ALTER TABLE public.mail_followers OWNER TO embudo_owner;

--
-- Name: mail_followers_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.mail_followers ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.mail_followers_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: mail_mail; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.mail_mail (
    company_id integer NOT NULL,
    id integer NOT NULL,
    state text DEFAULT 'outgoing'::text NOT NULL,
    email_from text NOT NULL,
    email_to text NOT NULL,
    email_cc text,
    reply_to text,
    subject text DEFAULT ''::text NOT NULL,
    body_html text DEFAULT ''::text NOT NULL,
    model text,
    res_id integer,
    mail_message_id integer,
    message_id text,
    attempts integer DEFAULT 0 NOT NULL,
    max_attempts integer DEFAULT 5 NOT NULL,
    next_attempt_at timestamp with time zone DEFAULT now() NOT NULL,
    failure_reason text,
    sent_at timestamp with time zone,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    calendar_ics text,
    calendar_method text,
    lead_salesperson_key integer,
    order_salesperson_key integer,
    CONSTRAINT mail_mail_calendar_method_check CHECK ((calendar_method = ANY (ARRAY['REQUEST'::text, 'CANCEL'::text, 'REPLY'::text]))),
    CONSTRAINT mail_mail_check CHECK (((calendar_ics IS NULL) = (calendar_method IS NULL))),
    CONSTRAINT mail_mail_document_salesperson CHECK ((((NOT (model IS DISTINCT FROM 'crm.lead'::text)) = (lead_salesperson_key IS NOT NULL)) AND ((NOT (model IS DISTINCT FROM 'sale.order'::text)) = (order_salesperson_key IS NOT NULL)))),
    CONSTRAINT mail_mail_max_attempts_check CHECK ((max_attempts > 0)),
    CONSTRAINT mail_mail_state_check CHECK ((state = ANY (ARRAY['outgoing'::text, 'sent'::text, 'exception'::text, 'cancel'::text])))
);


ALTER TABLE public.mail_mail OWNER TO embudo_owner;

--
-- Name: TABLE mail_mail; Type: COMMENT; Schema: public; Owner: embudo_owner
--

COMMENT ON TABLE public.mail_mail IS 'Outgoing e-mail: outgoing → sent, or exception after max_attempts failures.';


--
-- Name: mail_mail_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.mail_mail ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.mail_mail_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: mail_message; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.mail_message (
    company_id integer NOT NULL,
    id integer NOT NULL,
    model text NOT NULL,
    res_id integer NOT NULL,
    lead_id integer GENERATED ALWAYS AS (
CASE
    WHEN (model = 'crm.lead'::text) THEN res_id
    ELSE NULL::integer
END) STORED,
    body text DEFAULT ''::text NOT NULL,
    subject text,
    date timestamp with time zone DEFAULT now() NOT NULL,
    author_id integer,
    message_type text DEFAULT 'notification'::text NOT NULL,
    subtype_id integer,
    mail_activity_type_id integer,
    message_id text,
    email_from text,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    order_id integer GENERATED ALWAYS AS (
CASE
    WHEN (model = 'sale.order'::text) THEN res_id
    ELSE NULL::integer
END) STORED,
    email_to text,
    email_cc text,
    reply_to text,
    lead_salesperson_key integer,
    order_salesperson_key integer,
    salesperson_key integer GENERATED ALWAYS AS (COALESCE(lead_salesperson_key, order_salesperson_key)) STORED,
    CONSTRAINT mail_message_document_salesperson CHECK ((((lead_id IS NULL) = (lead_salesperson_key IS NULL)) AND ((order_id IS NULL) = (order_salesperson_key IS NULL)))),
    CONSTRAINT mail_message_message_type_check CHECK ((message_type = ANY (ARRAY['email'::text, 'comment'::text, 'notification'::text, 'user_notification'::text]))),
    CONSTRAINT mail_message_model_check CHECK ((model = ANY (ARRAY['crm.lead'::text, 'sale.order'::text])))
);

ALTER TABLE ONLY public.mail_message FORCE ROW LEVEL SECURITY;


ALTER TABLE public.mail_message OWNER TO embudo_owner;

--
-- Name: mail_message_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.mail_message ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.mail_message_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: mail_message_subtype; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.mail_message_subtype (
    id integer NOT NULL,
    name text NOT NULL,
    description text,
    res_model text,
    internal boolean DEFAULT false NOT NULL,
    hidden boolean DEFAULT false NOT NULL,
    "default" boolean DEFAULT true NOT NULL,
    sequence integer DEFAULT 1 NOT NULL,
    name_es text
);


ALTER TABLE public.mail_message_subtype OWNER TO embudo_owner;

--
-- Name: mail_message_subtype_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.mail_message_subtype ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.mail_message_subtype_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: mail_tracking_value; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.mail_tracking_value (
    company_id integer NOT NULL,
    id integer NOT NULL,
    mail_message_id integer NOT NULL,
    field text NOT NULL,
    field_desc text NOT NULL,
    field_type text NOT NULL,
    old_value_integer integer,
    old_value_float double precision,
    old_value_monetary numeric(16,2),
    old_value_char text,
    old_value_text text,
    old_value_datetime timestamp with time zone,
    new_value_integer integer,
    new_value_float double precision,
    new_value_monetary numeric(16,2),
    new_value_char text,
    new_value_text text,
    new_value_datetime timestamp with time zone,
    tracking_sequence integer DEFAULT 100 NOT NULL,
    salesperson_key integer NOT NULL
);

ALTER TABLE ONLY public.mail_tracking_value FORCE ROW LEVEL SECURITY;


ALTER TABLE public.mail_tracking_value OWNER TO embudo_owner;

--
-- Name: mail_tracking_value_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.mail_tracking_value ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.mail_tracking_value_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: meeting_category_rel; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.meeting_category_rel (
    company_id integer NOT NULL,
    event_id integer NOT NULL,
    type_id integer NOT NULL,
    readers integer[] NOT NULL
);

ALTER TABLE ONLY public.meeting_category_rel FORCE ROW LEVEL SECURITY;


ALTER TABLE public.meeting_category_rel OWNER TO embudo_owner;

--
-- Name: product_category; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.product_category (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    parent_id integer,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT product_category_name_check CHECK ((btrim(name) <> ''::text))
);

ALTER TABLE ONLY public.product_category FORCE ROW LEVEL SECURITY;


ALTER TABLE public.product_category OWNER TO embudo_owner;

--
-- Name: product_category_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.product_category ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.product_category_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: product_pricelist; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.product_pricelist (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    currency_id integer NOT NULL,
    sequence integer DEFAULT 16 NOT NULL,
    active boolean DEFAULT true NOT NULL,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT product_pricelist_name_check CHECK ((btrim(name) <> ''::text))
);

ALTER TABLE ONLY public.product_pricelist FORCE ROW LEVEL SECURITY;


ALTER TABLE public.product_pricelist OWNER TO embudo_owner;

--
-- Name: product_pricelist_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.product_pricelist ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.product_pricelist_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: product_pricelist_item; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.product_pricelist_item (
    company_id integer NOT NULL,
    id integer NOT NULL,
    pricelist_id integer NOT NULL,
    applied_on text DEFAULT '3_global'::text NOT NULL,
    product_id integer,
    categ_id integer,
    min_quantity numeric(16,4) DEFAULT 0 NOT NULL,
    date_start date,
    date_end date,
    compute_price text DEFAULT 'fixed'::text NOT NULL,
    base text DEFAULT 'list_price'::text NOT NULL,
    fixed_price numeric(16,4) DEFAULT 0 NOT NULL,
    percent_price numeric(16,4) DEFAULT 0 NOT NULL,
    price_discount numeric(16,4) DEFAULT 0 NOT NULL,
    price_surcharge numeric(16,4) DEFAULT 0 NOT NULL,
    price_round numeric(16,4) DEFAULT 0 NOT NULL,
    price_min_margin numeric(16,4) DEFAULT 0 NOT NULL,
    price_max_margin numeric(16,4) DEFAULT 0 NOT NULL,
    CONSTRAINT product_pricelist_item_applied_on_check CHECK ((applied_on = ANY (ARRAY['3_global'::text, '2_product_category'::text, '0_product_variant'::text]))),
    CONSTRAINT product_pricelist_item_base_check CHECK ((base = ANY (ARRAY['list_price'::text, 'standard_price'::text]))),
    CONSTRAINT product_pricelist_item_check CHECK (((applied_on <> '0_product_variant'::text) OR (product_id IS NOT NULL))),
    CONSTRAINT product_pricelist_item_check1 CHECK (((applied_on <> '2_product_category'::text) OR (categ_id IS NOT NULL))),
    CONSTRAINT product_pricelist_item_check2 CHECK (((date_end IS NULL) OR (date_start IS NULL) OR (date_start <= date_end))),
    CONSTRAINT product_pricelist_item_compute_price_check CHECK ((compute_price = ANY (ARRAY['fixed'::text, 'percentage'::text, 'formula'::text])))
);

ALTER TABLE ONLY public.product_pricelist_item FORCE ROW LEVEL SECURITY;


ALTER TABLE public.product_pricelist_item OWNER TO embudo_owner;

--
-- Name: product_pricelist_item_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.product_pricelist_item ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.product_pricelist_item_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: product_product; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.product_product (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    default_code text,
    list_price numeric(16,4) DEFAULT 1 NOT NULL,
    standard_price numeric(16,4) DEFAULT 0 NOT NULL,
    type text DEFAULT 'consu'::text NOT NULL,
    uom_id integer NOT NULL,
    categ_id integer,
    sale_ok boolean DEFAULT true NOT NULL,
    active boolean DEFAULT true NOT NULL,
    description_sale text,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT product_product_name_check CHECK ((btrim(name) <> ''::text)),
    CONSTRAINT product_product_type_check CHECK ((type = ANY (ARRAY['consu'::text, 'service'::text, 'product'::text])))
);

ALTER TABLE ONLY public.product_product FORCE ROW LEVEL SECURITY;


ALTER TABLE public.product_product OWNER TO embudo_owner;

--
-- Name: product_product_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.product_product ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.product_product_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: product_taxes_rel; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.product_taxes_rel (
    company_id integer NOT NULL,
    prod_id integer NOT NULL,
    tax_id integer NOT NULL
);

ALTER TABLE ONLY public.product_taxes_rel FORCE ROW LEVEL SECURITY;


ALTER TABLE public.product_taxes_rel OWNER TO embudo_owner;

--
-- Name: res_company; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.res_company (
    id integer NOT NULL,
    name text NOT NULL,
    active boolean DEFAULT true NOT NULL,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    crm_use_leads boolean DEFAULT false NOT NULL,
    currency_id integer DEFAULT embudo.default_currency() NOT NULL,
    sale_auto_done boolean DEFAULT false NOT NULL,
    quotation_validity_days integer DEFAULT 30 NOT NULL,
    tz text DEFAULT 'UTC'::text NOT NULL,
    alias_domain text,
    lang text DEFAULT 'en_US'::text NOT NULL,
    CONSTRAINT res_company_alias_domain_check CHECK (((alias_domain = lower(btrim(alias_domain))) AND (alias_domain ~~ '%.%'::text))),
    CONSTRAINT res_company_name_check CHECK (((name <> ''::text) AND (name = btrim(name)))),
    CONSTRAINT res_company_quotation_validity_days_check CHECK ((quotation_validity_days >= 0)),
    CONSTRAINT res_company_tz_check CHECK ((tz <> ''::text))
);

ALTER TABLE ONLY public.res_company FORCE ROW LEVEL SECURITY;


ALTER TABLE public.res_company OWNER TO embudo_owner;

--
-- Name: TABLE res_company; Type: COMMENT; Schema: public; Owner: embudo_owner
--

COMMENT ON TABLE public.res_company IS 'The tenants. Every tenant table has company_id NOT NULL referencing this table.';


--
-- Name: res_company_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.res_company ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.res_company_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: res_company_member; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.res_company_member (
    company_id integer NOT NULL,
    user_id integer NOT NULL,
    access_level embudo.access_level NOT NULL
);


ALTER TABLE public.res_company_member OWNER TO embudo_owner;

--
-- Name: TABLE res_company_member; Type: COMMENT; Schema: public; Owner: embudo_owner
--

COMMENT ON TABLE public.res_company_member IS 'A user''s access level in a company; no row means no access.';


--
-- Name: res_country; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.res_country (
    id integer NOT NULL,
    name text NOT NULL,
    code text NOT NULL,
    currency_id integer,
    name_es text
);


ALTER TABLE public.res_country OWNER TO embudo_owner;

--
-- Name: res_country_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.res_country ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.res_country_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: res_country_state; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.res_country_state (
    id integer NOT NULL,
    country_id integer NOT NULL,
    name text NOT NULL,
    code text NOT NULL
);


ALTER TABLE public.res_country_state OWNER TO embudo_owner;

--
-- Name: res_country_state_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.res_country_state ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.res_country_state_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: res_currency; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.res_currency (
    id integer NOT NULL,
    name text NOT NULL,
    full_name text NOT NULL,
    symbol text NOT NULL,
    rounding numeric DEFAULT 0.01 NOT NULL,
    decimal_places integer DEFAULT 2 NOT NULL,
    active boolean DEFAULT false NOT NULL,
    full_name_es text
);


ALTER TABLE public.res_currency OWNER TO embudo_owner;

--
-- Name: res_currency_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.res_currency ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.res_currency_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: res_lang; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.res_lang (
    id integer NOT NULL,
    name text NOT NULL,
    code text NOT NULL,
    iso_code text NOT NULL,
    direction text DEFAULT 'ltr'::text NOT NULL,
    active boolean DEFAULT false NOT NULL,
    CONSTRAINT res_lang_direction_check CHECK ((direction = ANY (ARRAY['ltr'::text, 'rtl'::text])))
);


ALTER TABLE public.res_lang OWNER TO embudo_owner;

--
-- Name: res_lang_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.res_lang ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.res_lang_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: res_partner; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.res_partner (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    is_company boolean DEFAULT false NOT NULL,
    parent_id integer,
    email text,
    phone text,
    mobile text,
    website text,
    street text,
    street2 text,
    city text,
    zip text,
    lang text,
    comment text,
    user_id integer,
    active boolean DEFAULT true NOT NULL,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    function text,
    vat text,
    country_id integer,
    state_id integer,
    title integer,
    team_id integer,
    property_product_pricelist integer,
    property_payment_term_id integer,
    tz text,
    name_lower text GENERATED ALWAYS AS (lower(name)) STORED,
    email_lower text GENERATED ALWAYS AS (lower(email)) STORED,
    city_lower text GENERATED ALWAYS AS (lower(city)) STORED,
    phone_lower text GENERATED ALWAYS AS (lower(phone)) STORED,
    CONSTRAINT res_partner_name_check CHECK ((name <> ''::text))
);

ALTER TABLE ONLY public.res_partner FORCE ROW LEVEL SECURITY;


ALTER TABLE public.res_partner OWNER TO embudo_owner;

--
-- Name: TABLE res_partner; Type: COMMENT; Schema: public; Owner: embudo_owner
--

COMMENT ON TABLE public.res_partner IS 'Contacts and customers of a company.';


--
-- Name: res_partner_category; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.res_partner_category (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    color integer DEFAULT 0 NOT NULL,
    parent_id integer,
    active boolean DEFAULT true NOT NULL,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT res_partner_category_name_check CHECK ((name <> ''::text))
);

ALTER TABLE ONLY public.res_partner_category FORCE ROW LEVEL SECURITY;


ALTER TABLE public.res_partner_category OWNER TO embudo_owner;

--
-- Name: TABLE res_partner_category; Type: COMMENT; Schema: public; Owner: embudo_owner
--

COMMENT ON TABLE public.res_partner_category IS 'Contact tags of a company.';


--
-- Name: res_partner_category_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.res_partner_category ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.res_partner_category_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: res_partner_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.res_partner ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.res_partner_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: res_partner_res_partner_category_rel; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.res_partner_res_partner_category_rel (
    company_id integer NOT NULL,
    partner_id integer NOT NULL,
    category_id integer NOT NULL
);

ALTER TABLE ONLY public.res_partner_res_partner_category_rel FORCE ROW LEVEL SECURITY;


ALTER TABLE public.res_partner_res_partner_category_rel OWNER TO embudo_owner;

--
-- Name: res_partner_title; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.res_partner_title (
    id integer NOT NULL,
    name text NOT NULL,
    shortcut text,
    name_es text,
    shortcut_es text
);


ALTER TABLE public.res_partner_title OWNER TO embudo_owner;

--
-- Name: res_partner_title_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.res_partner_title ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.res_partner_title_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: res_users; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.res_users (
    id integer NOT NULL,
    login text NOT NULL,
    name text NOT NULL,
    email text,
    tz text DEFAULT 'UTC'::text NOT NULL,
    lang text DEFAULT 'en_US'::text NOT NULL,
    password_hash text,
    active boolean DEFAULT true NOT NULL,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    company_id integer,
    signature text,
    credential_version bigint DEFAULT 1 NOT NULL,
    member_of integer[] DEFAULT '{}'::integer[] NOT NULL,
    CONSTRAINT res_users_id_positive CHECK ((id > 0)),
    CONSTRAINT res_users_login_check CHECK (((login <> ''::text) AND (login = btrim(login)))),
    CONSTRAINT res_users_name_check CHECK ((name <> ''::text)),
    CONSTRAINT res_users_tz_check CHECK ((tz <> ''::text))
);


ALTER TABLE public.res_users OWNER TO embudo_owner;

--
-- Name: TABLE res_users; Type: COMMENT; Schema: public; Owner: embudo_owner
--

COMMENT ON TABLE public.res_users IS 'Login identities, shared by all companies; access to a company is a res_company_member row.';


--
-- Name: res_users_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.res_users ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.res_users_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: res_users_invitation; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.res_users_invitation (
    company_id integer NOT NULL,
    id integer NOT NULL,
    login text NOT NULL,
    name text NOT NULL,
    access_level embudo.access_level NOT NULL,
    state text DEFAULT 'pending'::text NOT NULL,
    user_id integer NOT NULL,
    company_name text NOT NULL,
    invited_by integer,
    invited_by_name text,
    expires_at timestamp with time zone NOT NULL,
    answered_at timestamp with time zone,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT res_users_invitation_login_check CHECK ((login = lower(btrim(login)))),
    CONSTRAINT res_users_invitation_name_check CHECK ((btrim(name) <> ''::text)),
    CONSTRAINT res_users_invitation_state_check CHECK ((state = ANY (ARRAY['pending'::text, 'accepted'::text, 'declined'::text, 'cancelled'::text])))
);


ALTER TABLE public.res_users_invitation OWNER TO embudo_owner;

--
-- Name: TABLE res_users_invitation; Type: COMMENT; Schema: public; Owner: embudo_owner
--

COMMENT ON TABLE public.res_users_invitation IS 'A company''s invitation of a login; the membership exists only once the invitee accepted.';


--
-- Name: res_users_invitation_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.res_users_invitation ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.res_users_invitation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sale_order; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.sale_order (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text DEFAULT 'New'::text NOT NULL,
    state text DEFAULT 'draft'::text NOT NULL,
    date_order timestamp with time zone DEFAULT now() NOT NULL,
    validity_date date,
    origin text,
    client_order_ref text,
    reference text,
    partner_id integer NOT NULL,
    partner_invoice_id integer,
    partner_shipping_id integer,
    user_id integer DEFAULT embudo.current_user_id(),
    team_id integer,
    pricelist_id integer NOT NULL,
    currency_id integer NOT NULL,
    payment_term_id integer,
    note text,
    amount_untaxed numeric(16,2) DEFAULT 0 NOT NULL,
    amount_tax numeric(16,2) DEFAULT 0 NOT NULL,
    amount_total numeric(16,2) DEFAULT 0 NOT NULL,
    opportunity_id integer,
    campaign_id integer,
    medium_id integer,
    source_id integer,
    require_signature boolean DEFAULT true NOT NULL,
    signature bytea,
    signed_by text,
    signed_on timestamp with time zone,
    l10n_mx_edi_usage text,
    l10n_mx_edi_payment_method_id integer,
    l10n_mx_edi_payment_policy text,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    name_lower text GENERATED ALWAYS AS (lower(name)) STORED,
    salesperson_key integer GENERATED ALWAYS AS (COALESCE(user_id, 0)) STORED,
    CONSTRAINT sale_order_check CHECK (((state <> ALL (ARRAY['sale'::text, 'done'::text])) OR (date_order IS NOT NULL))),
    CONSTRAINT sale_order_state_check CHECK ((state = ANY (ARRAY['draft'::text, 'sent'::text, 'sale'::text, 'done'::text, 'cancel'::text])))
);

ALTER TABLE ONLY public.sale_order FORCE ROW LEVEL SECURITY;


ALTER TABLE public.sale_order OWNER TO embudo_owner;

--
-- Name: TABLE sale_order; Type: COMMENT; Schema: public; Owner: embudo_owner
--

COMMENT ON TABLE public.sale_order IS 'Quotations and sales orders: draft → sent → sale → done, or cancel.';


--
-- Name: sale_order_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.sale_order ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.sale_order_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sale_order_line; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.sale_order_line (
    company_id integer NOT NULL,
    id integer NOT NULL,
    order_id integer NOT NULL,
    sequence integer DEFAULT 10 NOT NULL,
    name text DEFAULT ''::text NOT NULL,
    display_type text,
    product_id integer,
    product_uom_qty numeric(16,4) DEFAULT 1 NOT NULL,
    product_uom integer,
    price_unit numeric(16,4) DEFAULT 0 NOT NULL,
    discount numeric(7,4) DEFAULT 0 NOT NULL,
    price_reduce numeric(16,4) DEFAULT 0 NOT NULL,
    price_subtotal numeric(16,2) DEFAULT 0 NOT NULL,
    price_tax numeric(16,2) DEFAULT 0 NOT NULL,
    price_total numeric(16,2) DEFAULT 0 NOT NULL,
    customer_lead numeric(8,2) DEFAULT 0 NOT NULL,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    salesperson_key integer NOT NULL,
    CONSTRAINT sale_order_line_check CHECK (((display_type IS NULL) OR ((product_id IS NULL) AND (price_unit = (0)::numeric) AND (product_uom_qty = (0)::numeric) AND (product_uom IS NULL)))),
    CONSTRAINT sale_order_line_check1 CHECK (((display_type IS NOT NULL) OR ((product_id IS NOT NULL) AND (product_uom IS NOT NULL)))),
    CONSTRAINT sale_order_line_discount_check CHECK (((discount >= (0)::numeric) AND (discount <= (100)::numeric))),
    CONSTRAINT sale_order_line_display_type_check CHECK ((display_type = ANY (ARRAY['line_section'::text, 'line_note'::text])))
);

ALTER TABLE ONLY public.sale_order_line FORCE ROW LEVEL SECURITY;


ALTER TABLE public.sale_order_line OWNER TO embudo_owner;

--
-- Name: sale_order_line_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.sale_order_line ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.sale_order_line_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sale_order_option; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.sale_order_option (
    company_id integer NOT NULL,
    id integer NOT NULL,
    order_id integer NOT NULL,
    line_id integer,
    name text DEFAULT ''::text NOT NULL,
    product_id integer NOT NULL,
    price_unit numeric(16,4),
    discount numeric(7,4) DEFAULT 0 NOT NULL,
    uom_id integer,
    quantity numeric(16,4) DEFAULT 1 NOT NULL,
    sequence integer DEFAULT 10 NOT NULL,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    salesperson_key integer NOT NULL,
    CONSTRAINT sale_order_option_discount_check CHECK (((discount >= (0)::numeric) AND (discount <= (100)::numeric)))
);

ALTER TABLE ONLY public.sale_order_option FORCE ROW LEVEL SECURITY;


ALTER TABLE public.sale_order_option OWNER TO embudo_owner;

--
-- Name: sale_order_option_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.sale_order_option ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.sale_order_option_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sale_order_portal_token; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.sale_order_portal_token (
    company_id integer NOT NULL,
    id integer NOT NULL,
    order_id integer NOT NULL,
    token_hash bytea NOT NULL,
    acting_user integer NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    salesperson_key integer NOT NULL
);


ALTER TABLE public.sale_order_portal_token OWNER TO embudo_owner;

--
-- Name: sale_order_portal_token_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.sale_order_portal_token ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.sale_order_portal_token_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: sale_order_sequence; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.sale_order_sequence (
    company_id integer NOT NULL,
    next_number integer DEFAULT 1 NOT NULL
);

ALTER TABLE ONLY public.sale_order_sequence FORCE ROW LEVEL SECURITY;


ALTER TABLE public.sale_order_sequence OWNER TO embudo_owner;

--
-- Name: sale_order_tag_rel; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.sale_order_tag_rel (
    company_id integer NOT NULL,
    order_id integer NOT NULL,
    tag_id integer NOT NULL,
    salesperson_key integer NOT NULL
);

ALTER TABLE ONLY public.sale_order_tag_rel FORCE ROW LEVEL SECURITY;


ALTER TABLE public.sale_order_tag_rel OWNER TO embudo_owner;

--
-- Name: uom_category; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.uom_category (
    id integer NOT NULL,
    name text NOT NULL,
    name_es text
);


ALTER TABLE public.uom_category OWNER TO embudo_owner;

--
-- Name: uom_category_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.uom_category ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.uom_category_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: uom_uom; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.uom_uom (
    id integer NOT NULL,
    name text NOT NULL,
    category_id integer NOT NULL,
    uom_type text DEFAULT 'reference'::text NOT NULL,
    factor numeric DEFAULT 1 NOT NULL,
    rounding numeric DEFAULT 0.01 NOT NULL,
    active boolean DEFAULT true NOT NULL,
    name_es text,
    CONSTRAINT uom_uom_factor_check CHECK ((factor > (0)::numeric)),
    CONSTRAINT uom_uom_rounding_check CHECK ((rounding > (0)::numeric)),
    CONSTRAINT uom_uom_uom_type_check CHECK ((uom_type = ANY (ARRAY['bigger'::text, 'reference'::text, 'smaller'::text])))
);


ALTER TABLE public.uom_uom OWNER TO embudo_owner;

--
-- Name: uom_uom_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.uom_uom ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.uom_uom_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: utm_campaign; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.utm_campaign (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    active boolean DEFAULT true NOT NULL,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT utm_campaign_name_check CHECK ((btrim(name) <> ''::text))
);

ALTER TABLE ONLY public.utm_campaign FORCE ROW LEVEL SECURITY;


ALTER TABLE public.utm_campaign OWNER TO embudo_owner;

--
-- Name: utm_campaign_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.utm_campaign ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.utm_campaign_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: utm_medium; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.utm_medium (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    active boolean DEFAULT true NOT NULL,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT utm_campaign_name_check CHECK ((btrim(name) <> ''::text))
);

ALTER TABLE ONLY public.utm_medium FORCE ROW LEVEL SECURITY;


ALTER TABLE public.utm_medium OWNER TO embudo_owner;

--
-- Name: utm_medium_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.utm_medium ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.utm_medium_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    MAXVALUE 2147483647
    CACHE 1
);


--
-- Name: utm_source; Type: TABLE; Schema: public; Owner: embudo_owner
--

CREATE TABLE public.utm_source (
    company_id integer NOT NULL,
    id integer NOT NULL,
    name text NOT NULL,
    active boolean DEFAULT true NOT NULL,
    create_uid integer,
    create_date timestamp with time zone DEFAULT now() NOT NULL,
    write_uid integer,
    write_date timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT utm_campaign_name_check CHECK ((btrim(name) <> ''::text))
);

ALTER TABLE ONLY public.utm_source FORCE ROW LEVEL SECURITY;


ALTER TABLE public.utm_source OWNER TO embudo_owner;

--
-- Name: utm_source_id_seq; Type: SEQUENCE; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.utm_source ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.utm_source_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    MAXVALUE 2147483647
    CACHE 1
);


--
-- Name: activity; Type: VIEW; Schema: report_source; Owner: embudo_report
--

CREATE VIEW report_source.activity AS
 SELECT (a.id * 2) AS id,
    a.company_id,
    'done'::text AS kind,
    a.id AS activity_id,
    NULL::integer AS message_id,
    a.res_model,
    a.res_id,
    a.lead_id,
    a.activity_type_id,
    ty.name AS activity_type_name,
    a.summary,
    a.user_id,
    u.name AS user_name,
    a.date_done AS date,
    NULL::text AS state,
    l.team_id,
    l.stage_id,
    l.user_id AS lead_user_id,
    l.type AS lead_type,
    l.active AS lead_active,
    a.summary AS subject,
    a.activity_type_id AS mail_activity_type_id,
    NULL::integer AS subtype_id,
    l.partner_id,
    l.country_id,
    a.date_deadline,
    l.date_closed,
    l.create_date AS lead_create_date,
    l.date_conversion,
    COALESCE(l.active, true) AS active
   FROM (((public.mail_activity a
     LEFT JOIN public.mail_activity_type ty ON (((ty.company_id = a.company_id) AND (ty.id = a.activity_type_id))))
     LEFT JOIN public.res_users u ON ((u.id = a.user_id)))
     LEFT JOIN public.crm_lead l ON (((l.company_id = a.company_id) AND (l.id = a.lead_id))))
  WHERE ((NOT a.active) AND (a.date_done IS NOT NULL))
UNION ALL
 SELECT (a.id * 2) AS id,
    a.company_id,
    'pending'::text AS kind,
    a.id AS activity_id,
    NULL::integer AS message_id,
    a.res_model,
    a.res_id,
    a.lead_id,
    a.activity_type_id,
    ty.name AS activity_type_name,
    a.summary,
    a.user_id,
    u.name AS user_name,
    a.date_deadline AS date,
    embudo.activity_state_at(a.date_deadline, COALESCE(u.tz, 'UTC'::text), now()) AS state,
    l.team_id,
    l.stage_id,
    l.user_id AS lead_user_id,
    l.type AS lead_type,
    l.active AS lead_active,
    a.summary AS subject,
    a.activity_type_id AS mail_activity_type_id,
    NULL::integer AS subtype_id,
    l.partner_id,
    l.country_id,
    a.date_deadline,
    l.date_closed,
    l.create_date AS lead_create_date,
    l.date_conversion,
    COALESCE(l.active, true) AS active
   FROM (((public.mail_activity a
     LEFT JOIN public.mail_activity_type ty ON (((ty.company_id = a.company_id) AND (ty.id = a.activity_type_id))))
     LEFT JOIN public.res_users u ON ((u.id = a.user_id)))
     LEFT JOIN public.crm_lead l ON (((l.company_id = a.company_id) AND (l.id = a.lead_id))))
  WHERE a.active
UNION ALL
 SELECT ((m.id * 2) + 1) AS id,
    m.company_id,
    'message'::text AS kind,
    NULL::integer AS activity_id,
    m.id AS message_id,
    m.model AS res_model,
    m.res_id,
    m.lead_id,
    m.mail_activity_type_id AS activity_type_id,
    ty.name AS activity_type_name,
    m.subject AS summary,
    m.author_id AS user_id,
    u.name AS user_name,
    ((m.date AT TIME ZONE 'UTC'::text))::date AS date,
    NULL::text AS state,
    l.team_id,
    l.stage_id,
    l.user_id AS lead_user_id,
    l.type AS lead_type,
    l.active AS lead_active,
    m.subject,
    m.mail_activity_type_id,
    m.subtype_id,
    l.partner_id,
    l.country_id,
    NULL::date AS date_deadline,
    l.date_closed,
    l.create_date AS lead_create_date,
    l.date_conversion,
    COALESCE(l.active, true) AS active
   FROM (((public.mail_message m
     LEFT JOIN public.mail_activity_type ty ON (((ty.company_id = m.company_id) AND (ty.id = m.mail_activity_type_id))))
     LEFT JOIN public.res_users u ON ((u.id = m.author_id)))
     LEFT JOIN public.crm_lead l ON (((l.company_id = m.company_id) AND (l.id = m.lead_id))))
  WHERE ((m.model = 'crm.lead'::text) AND (m.subtype_id = ( SELECT d.res_id
           FROM public.ir_model_data d
          WHERE ((d.module = 'mail'::text) AND (d.name = 'mt_comment'::text) AND (d.company_id IS NULL)))));


ALTER TABLE report_source.activity OWNER TO embudo_report;

--
-- Name: activity; Type: VIEW; Schema: report; Owner: embudo_owner
--

CREATE VIEW report.activity WITH (security_invoker='true') AS
 SELECT activity.id,
    activity.company_id,
    activity.kind,
    activity.activity_id,
    activity.message_id,
    activity.res_model,
    activity.res_id,
    activity.lead_id,
    activity.activity_type_id,
    activity.activity_type_name,
    activity.summary,
    activity.user_id,
    activity.user_name,
    activity.date,
    activity.state,
    activity.team_id,
    activity.stage_id,
    activity.lead_user_id,
    activity.lead_type,
    activity.lead_active,
    activity.subject,
    activity.mail_activity_type_id,
    activity.subtype_id,
    activity.partner_id,
    activity.country_id,
    activity.date_deadline,
    activity.date_closed,
    activity.lead_create_date,
    activity.date_conversion,
    activity.active
   FROM report_source.activity;


ALTER TABLE report.activity OWNER TO embudo_owner;

--
-- Name: VIEW activity; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON VIEW report.activity IS 'Activity analysis: done activities (kind done), pending ones with their state (kind pending), and discussion messages on leads (kind message).';


--
-- Name: COLUMN activity.id; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.activity.id IS 'Row id: twice the activity id, or twice the message id plus one';


--
-- Name: COLUMN activity.kind; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.activity.kind IS 'done, pending or message';


--
-- Name: COLUMN activity.date; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.activity.date IS 'Done date, deadline (pending) or message date';


--
-- Name: COLUMN activity.state; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.activity.state IS 'overdue, today or planned (pending activities, assignee time zone)';


--
-- Name: company_clock; Type: VIEW; Schema: report_source; Owner: embudo_report
--

CREATE VIEW report_source.company_clock AS
 SELECT c.id AS company_id,
    c.tz,
    ((now() AT TIME ZONE c.tz))::date AS today,
    (date_trunc('month'::text, (now() AT TIME ZONE c.tz)))::date AS month_start
   FROM public.res_company c;


ALTER TABLE report_source.company_clock OWNER TO embudo_report;

--
-- Name: forecast_monthly; Type: VIEW; Schema: report_source; Owner: embudo_report
--

CREATE VIEW report_source.forecast_monthly AS
 SELECT a.company_id,
    a.deadline_month,
    a.team_id,
    t.name AS team_name,
    a.user_id,
    u.name AS salesperson_name,
    a.opportunity_count,
    a.expected_revenue,
    a.prorated_revenue,
    a.overdue_count
   FROM ((( SELECT l.company_id,
            (date_trunc('month'::text, (l.date_deadline)::timestamp with time zone))::date AS deadline_month,
            l.team_id,
            l.user_id,
            count(*) AS opportunity_count,
            sum(l.expected_revenue) AS expected_revenue,
            sum(l.prorated_revenue) AS prorated_revenue,
            count(*) FILTER (WHERE (l.date_deadline < k.today)) AS overdue_count
           FROM (public.crm_lead l
             JOIN report_source.company_clock k ON ((k.company_id = l.company_id)))
          WHERE ((l.type = 'opportunity'::text) AND l.active AND (COALESCE(l.probability, (0)::double precision) < (100)::double precision))
          GROUP BY l.company_id, (date_trunc('month'::text, (l.date_deadline)::timestamp with time zone)), l.team_id, l.user_id) a
     LEFT JOIN public.crm_team t ON (((t.company_id = a.company_id) AND (t.id = a.team_id))))
     LEFT JOIN public.res_users u ON ((u.id = a.user_id)));


ALTER TABLE report_source.forecast_monthly OWNER TO embudo_report;

--
-- Name: forecast_monthly; Type: VIEW; Schema: report; Owner: embudo_owner
--

CREATE VIEW report.forecast_monthly WITH (security_invoker='true') AS
 SELECT forecast_monthly.company_id,
    forecast_monthly.deadline_month,
    forecast_monthly.team_id,
    forecast_monthly.team_name,
    forecast_monthly.user_id,
    forecast_monthly.salesperson_name,
    forecast_monthly.opportunity_count,
    forecast_monthly.expected_revenue,
    forecast_monthly.prorated_revenue,
    forecast_monthly.overdue_count
   FROM report_source.forecast_monthly;


ALTER TABLE report.forecast_monthly OWNER TO embudo_owner;

--
-- Name: VIEW forecast_monthly; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON VIEW report.forecast_monthly IS 'Open opportunities by expected-closing month, team and salesperson: count, expected and prorated revenue, overdue count.';


--
-- Name: COLUMN forecast_monthly.deadline_month; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.forecast_monthly.deadline_month IS 'Month of the expected closing date (NULL: none set)';


--
-- Name: COLUMN forecast_monthly.overdue_count; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.forecast_monthly.overdue_count IS 'Expected closing before today';


--
-- Name: leads_monthly; Type: VIEW; Schema: report_source; Owner: embudo_report
--

CREATE VIEW report_source.leads_monthly AS
 SELECT a.company_id,
    a.create_month,
    a.team_id,
    t.name AS team_name,
    a.created_count,
    a.converted_count,
    a.lost_count,
    round(((100.0 * (a.converted_count)::numeric) / (a.created_count)::numeric), 2) AS conversion_rate,
    a.avg_days_to_assign,
    a.avg_days_to_close
   FROM (( SELECT l.company_id,
            (date_trunc('month'::text, (l.create_date AT TIME ZONE k.tz)))::date AS create_month,
            l.team_id,
            count(*) AS created_count,
            count(*) FILTER (WHERE (l.date_conversion IS NOT NULL)) AS converted_count,
            count(*) FILTER (WHERE ((NOT l.active) AND (COALESCE(l.probability, (0)::double precision) = (0)::double precision))) AS lost_count,
            round((avg(l.day_open))::numeric, 2) AS avg_days_to_assign,
            round((avg(l.day_close))::numeric, 2) AS avg_days_to_close
           FROM (public.crm_lead l
             JOIN report_source.company_clock k ON ((k.company_id = l.company_id)))
          GROUP BY l.company_id, (date_trunc('month'::text, (l.create_date AT TIME ZONE k.tz))), l.team_id) a
     LEFT JOIN public.crm_team t ON (((t.company_id = a.company_id) AND (t.id = a.team_id))));


ALTER TABLE report_source.leads_monthly OWNER TO embudo_report;

--
-- Name: leads_monthly; Type: VIEW; Schema: report; Owner: embudo_owner
--

CREATE VIEW report.leads_monthly WITH (security_invoker='true') AS
 SELECT leads_monthly.company_id,
    leads_monthly.create_month,
    leads_monthly.team_id,
    leads_monthly.team_name,
    leads_monthly.created_count,
    leads_monthly.converted_count,
    leads_monthly.lost_count,
    leads_monthly.conversion_rate,
    leads_monthly.avg_days_to_assign,
    leads_monthly.avg_days_to_close
   FROM report_source.leads_monthly;


ALTER TABLE report.leads_monthly OWNER TO embudo_owner;

--
-- Name: VIEW leads_monthly; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON VIEW report.leads_monthly IS 'Leads and opportunities by creation month (company time zone) and team: created, converted, lost, conversion rate, average days to assign and close.';


--
-- Name: COLUMN leads_monthly.conversion_rate; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.leads_monthly.conversion_rate IS 'Converted / created, percent';


--
-- Name: opportunity; Type: VIEW; Schema: report_source; Owner: embudo_report
--

CREATE VIEW report_source.opportunity AS
 SELECT l.company_id,
    l.id,
    l.name,
    l.type,
    l.active,
    l.priority,
    l.stage_id,
    s.name AS stage_name,
    s.sequence AS stage_sequence,
    COALESCE(s.is_won, false) AS stage_is_won,
    l.team_id,
    t.name AS team_name,
    l.user_id,
    u.name AS salesperson_name,
    l.partner_id,
    p.name AS customer_name,
    l.country_id,
    co.name AS country_name,
    l.lost_reason AS lost_reason_id,
    r.name AS lost_reason_name,
    l.expected_revenue,
    l.prorated_revenue,
    l.probability,
    (l.active AND (COALESCE(l.probability, (0)::double precision) < (100)::double precision)) AS is_open,
    (l.probability = (100)::double precision) AS is_won,
    ((NOT l.active) AND (COALESCE(l.probability, (0)::double precision) = (0)::double precision)) AS is_lost,
    (l.active AND (COALESCE(l.probability, (0)::double precision) < (100)::double precision) AND (l.date_deadline < k.today)) AS is_overdue,
    l.create_date,
    l.date_open,
    l.date_closed,
    l.date_conversion,
    l.date_deadline,
    l.date_last_stage_update,
    (date_trunc('month'::text, (l.create_date AT TIME ZONE k.tz)))::date AS create_month,
    (date_trunc('month'::text, (l.date_open AT TIME ZONE k.tz)))::date AS open_month,
    (date_trunc('month'::text, (l.date_closed AT TIME ZONE k.tz)))::date AS close_month,
    (date_trunc('month'::text, (l.date_conversion AT TIME ZONE k.tz)))::date AS conversion_month,
    (date_trunc('month'::text, (l.date_deadline)::timestamp with time zone))::date AS deadline_month,
    l.day_open AS days_to_assign,
    l.day_close AS days_to_close,
    l.campaign_id,
    l.medium_id,
    l.source_id
   FROM (((((((public.crm_lead l
     JOIN report_source.company_clock k ON ((k.company_id = l.company_id)))
     LEFT JOIN public.crm_stage s ON (((s.company_id = l.company_id) AND (s.id = l.stage_id))))
     LEFT JOIN public.crm_team t ON (((t.company_id = l.company_id) AND (t.id = l.team_id))))
     LEFT JOIN public.res_users u ON ((u.id = l.user_id)))
     LEFT JOIN public.res_partner p ON (((p.company_id = l.company_id) AND (p.id = l.partner_id))))
     LEFT JOIN public.res_country co ON ((co.id = l.country_id)))
     LEFT JOIN public.crm_lost_reason r ON (((r.company_id = l.company_id) AND (r.id = l.lost_reason))));


ALTER TABLE report_source.opportunity OWNER TO embudo_report;

--
-- Name: opportunity; Type: VIEW; Schema: report; Owner: embudo_owner
--

CREATE VIEW report.opportunity WITH (security_invoker='true') AS
 SELECT opportunity.company_id,
    opportunity.id,
    opportunity.name,
    opportunity.type,
    opportunity.active,
    opportunity.priority,
    opportunity.stage_id,
    opportunity.stage_name,
    opportunity.stage_sequence,
    opportunity.stage_is_won,
    opportunity.team_id,
    opportunity.team_name,
    opportunity.user_id,
    opportunity.salesperson_name,
    opportunity.partner_id,
    opportunity.customer_name,
    opportunity.country_id,
    opportunity.country_name,
    opportunity.lost_reason_id,
    opportunity.lost_reason_name,
    opportunity.expected_revenue,
    opportunity.prorated_revenue,
    opportunity.probability,
    opportunity.is_open,
    opportunity.is_won,
    opportunity.is_lost,
    opportunity.is_overdue,
    opportunity.create_date,
    opportunity.date_open,
    opportunity.date_closed,
    opportunity.date_conversion,
    opportunity.date_deadline,
    opportunity.date_last_stage_update,
    opportunity.create_month,
    opportunity.open_month,
    opportunity.close_month,
    opportunity.conversion_month,
    opportunity.deadline_month,
    opportunity.days_to_assign,
    opportunity.days_to_close,
    opportunity.campaign_id,
    opportunity.medium_id,
    opportunity.source_id
   FROM report_source.opportunity;


ALTER TABLE report.opportunity OWNER TO embudo_owner;

--
-- Name: VIEW opportunity; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON VIEW report.opportunity IS 'One row per lead or opportunity, with readable names, revenue, status flags, dates and their months (company time zone).';


--
-- Name: COLUMN opportunity.type; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.opportunity.type IS 'lead or opportunity';


--
-- Name: COLUMN opportunity.expected_revenue; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.opportunity.expected_revenue IS 'Expected revenue, company currency';


--
-- Name: COLUMN opportunity.prorated_revenue; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.opportunity.prorated_revenue IS 'Expected revenue × probability / 100';


--
-- Name: COLUMN opportunity.is_open; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.opportunity.is_open IS 'Active and not won';


--
-- Name: COLUMN opportunity.is_won; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.opportunity.is_won IS 'Probability 100 (won stage)';


--
-- Name: COLUMN opportunity.is_lost; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.opportunity.is_lost IS 'Archived with probability 0';


--
-- Name: COLUMN opportunity.is_overdue; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.opportunity.is_overdue IS 'Open and its expected closing is before today';


--
-- Name: COLUMN opportunity.create_month; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.opportunity.create_month IS 'Month of creation, company time zone';


--
-- Name: COLUMN opportunity.close_month; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.opportunity.close_month IS 'Month of closing (won or lost), company time zone';


--
-- Name: COLUMN opportunity.deadline_month; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.opportunity.deadline_month IS 'Month of the expected closing date';


--
-- Name: COLUMN opportunity.days_to_assign; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.opportunity.days_to_assign IS 'Days from creation to assignment';


--
-- Name: COLUMN opportunity.days_to_close; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.opportunity.days_to_close IS 'Days from creation to closing';


--
-- Name: pipeline_by_stage; Type: VIEW; Schema: report_source; Owner: embudo_report
--

CREATE VIEW report_source.pipeline_by_stage AS
 SELECT s.company_id,
    t.id AS team_id,
    t.name AS team_name,
    s.id AS stage_id,
    s.name AS stage_name,
    s.sequence AS stage_sequence,
    s.is_won AS stage_is_won,
    count(l.id) AS opportunity_count,
    COALESCE(sum(l.expected_revenue), (0)::numeric) AS expected_revenue,
    COALESCE(sum(l.prorated_revenue), (0)::numeric) AS prorated_revenue
   FROM ((public.crm_stage s
     JOIN public.crm_team t ON (((t.company_id = s.company_id) AND ((s.team_id IS NULL) OR (s.team_id = t.id)) AND t.active AND t.use_opportunities)))
     LEFT JOIN public.crm_lead l ON (((l.company_id = s.company_id) AND (l.stage_id = s.id) AND (l.team_id = t.id) AND (l.type = 'opportunity'::text) AND l.active)))
  GROUP BY s.company_id, t.id, t.name, s.id, s.name, s.sequence, s.is_won;


ALTER TABLE report_source.pipeline_by_stage OWNER TO embudo_report;

--
-- Name: pipeline_by_stage; Type: VIEW; Schema: report; Owner: embudo_owner
--

CREATE VIEW report.pipeline_by_stage WITH (security_invoker='true') AS
 SELECT pipeline_by_stage.company_id,
    pipeline_by_stage.team_id,
    pipeline_by_stage.team_name,
    pipeline_by_stage.stage_id,
    pipeline_by_stage.stage_name,
    pipeline_by_stage.stage_sequence,
    pipeline_by_stage.stage_is_won,
    pipeline_by_stage.opportunity_count,
    pipeline_by_stage.expected_revenue,
    pipeline_by_stage.prorated_revenue
   FROM report_source.pipeline_by_stage;


ALTER TABLE report.pipeline_by_stage OWNER TO embudo_owner;

--
-- Name: VIEW pipeline_by_stage; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON VIEW report.pipeline_by_stage IS 'The pipeline: active opportunities by team and stage (every stage of each team, in stage order), count, expected and prorated revenue.';


--
-- Name: COLUMN pipeline_by_stage.stage_sequence; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.pipeline_by_stage.stage_sequence IS 'Order of the stage in the pipeline';


--
-- Name: COLUMN pipeline_by_stage.opportunity_count; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.pipeline_by_stage.opportunity_count IS 'Active opportunities in the stage';


--
-- Name: sales; Type: VIEW; Schema: report_source; Owner: embudo_report
--

CREATE VIEW report_source.sales AS
 SELECT l.company_id,
    l.id AS line_id,
    o.id AS order_id,
    o.name AS order_name,
    o.state,
    o.date_order,
    (date_trunc('month'::text, (o.date_order AT TIME ZONE k.tz)))::date AS order_month,
    o.partner_id,
    p.name AS customer_name,
    o.user_id,
    u.name AS salesperson_name,
    o.team_id,
    t.name AS team_name,
    o.opportunity_id,
    l.product_id,
    pr.name AS product_name,
    pr.default_code,
    l.name AS description,
    l.product_uom_qty AS quantity,
    uo.name AS unit,
    l.price_unit,
    l.discount,
    l.price_subtotal,
    l.price_tax,
    l.price_total,
    cur.name AS currency
   FROM ((((((((public.sale_order_line l
     JOIN public.sale_order o ON (((o.company_id = l.company_id) AND (o.id = l.order_id))))
     JOIN report_source.company_clock k ON ((k.company_id = l.company_id)))
     LEFT JOIN public.res_partner p ON (((p.company_id = o.company_id) AND (p.id = o.partner_id))))
     LEFT JOIN public.res_users u ON ((u.id = o.user_id)))
     LEFT JOIN public.crm_team t ON (((t.company_id = o.company_id) AND (t.id = o.team_id))))
     LEFT JOIN public.product_product pr ON (((pr.company_id = l.company_id) AND (pr.id = l.product_id))))
     LEFT JOIN public.uom_uom uo ON ((uo.id = l.product_uom)))
     LEFT JOIN public.res_currency cur ON ((cur.id = o.currency_id)))
  WHERE (l.display_type IS NULL);


ALTER TABLE report_source.sales OWNER TO embudo_report;

--
-- Name: sales; Type: VIEW; Schema: report; Owner: embudo_owner
--

CREATE VIEW report.sales WITH (security_invoker='true') AS
 SELECT sales.company_id,
    sales.line_id,
    sales.order_id,
    sales.order_name,
    sales.state,
    sales.date_order,
    sales.order_month,
    sales.partner_id,
    sales.customer_name,
    sales.user_id,
    sales.salesperson_name,
    sales.team_id,
    sales.team_name,
    sales.opportunity_id,
    sales.product_id,
    sales.product_name,
    sales.default_code,
    sales.description,
    sales.quantity,
    sales.unit,
    sales.price_unit,
    sales.discount,
    sales.price_subtotal,
    sales.price_tax,
    sales.price_total,
    sales.currency
   FROM report_source.sales;


ALTER TABLE report.sales OWNER TO embudo_owner;

--
-- Name: VIEW sales; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON VIEW report.sales IS 'Order lines with their order, customer, product, salesperson, team, amounts and state.';


--
-- Name: COLUMN sales.price_subtotal; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.sales.price_subtotal IS 'Line amount without taxes';


--
-- Name: COLUMN sales.price_total; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.sales.price_total IS 'Line amount with taxes';


--
-- Name: team_dashboard; Type: VIEW; Schema: report_source; Owner: embudo_report
--

CREATE VIEW report_source.team_dashboard AS
 SELECT t.company_id,
    t.id AS team_id,
    t.name AS team_name,
    t.user_id AS leader_id,
    t.invoiced_target,
    ( SELECT count(*) AS count
           FROM public.crm_lead l
          WHERE ((l.company_id = t.company_id) AND (l.team_id = t.id) AND (l.type = 'lead'::text) AND l.active AND (l.user_id IS NULL))) AS unassigned_leads,
    o.open_count AS open_opportunities,
    o.open_amount AS open_opportunities_amount,
    o.overdue_count AS overdue_opportunities,
    o.overdue_amount AS overdue_opportunities_amount,
    q.quotation_count AS quotations,
    q.quotation_amount AS quotations_amount,
    q.sales_this_month,
    round((((100)::numeric * q.sales_this_month) / NULLIF(t.invoiced_target, (0)::numeric)), 2) AS target_progress
   FROM (((public.crm_team t
     JOIN report_source.company_clock k ON ((k.company_id = t.company_id)))
     CROSS JOIN LATERAL ( SELECT count(*) AS open_count,
            COALESCE(sum(l.expected_revenue), (0)::numeric) AS open_amount,
            count(*) FILTER (WHERE (l.date_deadline < k.today)) AS overdue_count,
            COALESCE(sum(l.expected_revenue) FILTER (WHERE (l.date_deadline < k.today)), (0)::numeric) AS overdue_amount
           FROM public.crm_lead l
          WHERE ((l.company_id = t.company_id) AND (l.team_id = t.id) AND (l.type = 'opportunity'::text) AND l.active AND (COALESCE(l.probability, (0)::double precision) < (100)::double precision))) o)
     CROSS JOIN LATERAL ( SELECT count(*) FILTER (WHERE (so.state = ANY (ARRAY['draft'::text, 'sent'::text]))) AS quotation_count,
            COALESCE(sum(so.amount_total) FILTER (WHERE (so.state = ANY (ARRAY['draft'::text, 'sent'::text]))), (0)::numeric) AS quotation_amount,
            COALESCE(sum(so.amount_untaxed) FILTER (WHERE ((so.state = ANY (ARRAY['sale'::text, 'done'::text])) AND (((so.date_order AT TIME ZONE k.tz))::date >= k.month_start))), (0)::numeric) AS sales_this_month
           FROM public.sale_order so
          WHERE ((so.company_id = t.company_id) AND (so.team_id = t.id))) q);


ALTER TABLE report_source.team_dashboard OWNER TO embudo_report;

--
-- Name: team_dashboard; Type: VIEW; Schema: report; Owner: embudo_owner
--

CREATE VIEW report.team_dashboard WITH (security_invoker='true') AS
 SELECT team_dashboard.company_id,
    team_dashboard.team_id,
    team_dashboard.team_name,
    team_dashboard.leader_id,
    team_dashboard.invoiced_target,
    team_dashboard.unassigned_leads,
    team_dashboard.open_opportunities,
    team_dashboard.open_opportunities_amount,
    team_dashboard.overdue_opportunities,
    team_dashboard.overdue_opportunities_amount,
    team_dashboard.quotations,
    team_dashboard.quotations_amount,
    team_dashboard.sales_this_month,
    team_dashboard.target_progress
   FROM report_source.team_dashboard;


ALTER TABLE report.team_dashboard OWNER TO embudo_owner;

--
-- Name: VIEW team_dashboard; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON VIEW report.team_dashboard IS 'Per sales team: unassigned leads, open and overdue opportunities with amounts, open quotations, confirmed sales this month against the monthly target.';


--
-- Name: COLUMN team_dashboard.sales_this_month; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.team_dashboard.sales_this_month IS 'Untaxed amount of orders confirmed this month (company time zone)';


--
-- Name: COLUMN team_dashboard.target_progress; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.team_dashboard.target_progress IS 'sales_this_month / invoiced_target, percent';


--
-- Name: won_revenue_monthly; Type: VIEW; Schema: report_source; Owner: embudo_report
--

CREATE VIEW report_source.won_revenue_monthly AS
 SELECT a.company_id,
    a.close_month,
    a.team_id,
    t.name AS team_name,
    a.user_id,
    u.name AS salesperson_name,
    a.won_count,
    a.won_revenue,
    a.lost_count,
    round(((100.0 * (a.won_count)::numeric) / (NULLIF((a.won_count + a.lost_count), 0))::numeric), 2) AS win_rate
   FROM ((( SELECT l.company_id,
            (date_trunc('month'::text, (l.date_closed AT TIME ZONE k.tz)))::date AS close_month,
            l.team_id,
            l.user_id,
            count(*) FILTER (WHERE (l.probability = (100)::double precision)) AS won_count,
            COALESCE(sum(l.expected_revenue) FILTER (WHERE (l.probability = (100)::double precision)), (0)::numeric) AS won_revenue,
            count(*) FILTER (WHERE ((NOT l.active) AND (COALESCE(l.probability, (0)::double precision) = (0)::double precision))) AS lost_count
           FROM (public.crm_lead l
             JOIN report_source.company_clock k ON ((k.company_id = l.company_id)))
          WHERE ((l.type = 'opportunity'::text) AND (l.date_closed IS NOT NULL) AND ((l.probability = (100)::double precision) OR ((NOT l.active) AND (COALESCE(l.probability, (0)::double precision) = (0)::double precision))))
          GROUP BY l.company_id, (date_trunc('month'::text, (l.date_closed AT TIME ZONE k.tz))), l.team_id, l.user_id) a
     LEFT JOIN public.crm_team t ON (((t.company_id = a.company_id) AND (t.id = a.team_id))))
     LEFT JOIN public.res_users u ON ((u.id = a.user_id)));


ALTER TABLE report_source.won_revenue_monthly OWNER TO embudo_report;

--
-- Name: won_revenue_monthly; Type: VIEW; Schema: report; Owner: embudo_owner
--

CREATE VIEW report.won_revenue_monthly WITH (security_invoker='true') AS
 SELECT won_revenue_monthly.company_id,
    won_revenue_monthly.close_month,
    won_revenue_monthly.team_id,
    won_revenue_monthly.team_name,
    won_revenue_monthly.user_id,
    won_revenue_monthly.salesperson_name,
    won_revenue_monthly.won_count,
    won_revenue_monthly.won_revenue,
    won_revenue_monthly.lost_count,
    won_revenue_monthly.win_rate
   FROM report_source.won_revenue_monthly;


ALTER TABLE report.won_revenue_monthly OWNER TO embudo_owner;

--
-- Name: VIEW won_revenue_monthly; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON VIEW report.won_revenue_monthly IS 'Closed opportunities by closing month (company time zone), team and salesperson: won count and revenue, lost count, win rate (%).';


--
-- Name: COLUMN won_revenue_monthly.win_rate; Type: COMMENT; Schema: report; Owner: embudo_owner
--

COMMENT ON COLUMN report.won_revenue_monthly.win_rate IS 'Won / (won + lost), percent';


--
-- Name: alias_domain_request alias_domain_request_pkey; Type: CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.alias_domain_request
    ADD CONSTRAINT alias_domain_request_pkey PRIMARY KEY (company_id, domain);


--
-- Name: company_bi_role company_bi_role_pkey; Type: CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.company_bi_role
    ADD CONSTRAINT company_bi_role_pkey PRIMARY KEY (company_id);


--
-- Name: company_bi_role company_bi_role_role_name_key; Type: CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.company_bi_role
    ADD CONSTRAINT company_bi_role_role_name_key UNIQUE (role_name);


--
-- Name: disabled_company disabled_company_pkey; Type: CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.disabled_company
    ADD CONSTRAINT disabled_company_pkey PRIMARY KEY (company_id);


--
-- Name: http_session http_session_pkey; Type: CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.http_session
    ADD CONSTRAINT http_session_pkey PRIMARY KEY (token_hash);


--
-- Name: login_failure login_failure_pkey; Type: CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.login_failure
    ADD CONSTRAINT login_failure_pkey PRIMARY KEY (account);


--
-- Name: login_throttle_policy login_throttle_policy_pkey; Type: CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.login_throttle_policy
    ADD CONSTRAINT login_throttle_policy_pkey PRIMARY KEY (id);


--
-- Name: mail_route mail_route_pkey; Type: CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.mail_route
    ADD CONSTRAINT mail_route_pkey PRIMARY KEY (domain);


--
-- Name: portal_secret portal_secret_pkey; Type: CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.portal_secret
    ADD CONSTRAINT portal_secret_pkey PRIMARY KEY (id);


--
-- Name: schema_definitions schema_definitions_pkey; Type: CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.schema_definitions
    ADD CONSTRAINT schema_definitions_pkey PRIMARY KEY (path);


--
-- Name: schema_migrations schema_migrations_pkey; Type: CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.schema_migrations
    ADD CONSTRAINT schema_migrations_pkey PRIMARY KEY (version);


--
-- Name: tenant_table tenant_table_pkey; Type: CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.tenant_table
    ADD CONSTRAINT tenant_table_pkey PRIMARY KEY (name);


--
-- Name: transient_record transient_record_pkey; Type: CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.transient_record
    ADD CONSTRAINT transient_record_pkey PRIMARY KEY (company_id, id);


--
-- Name: user_api_key user_api_key_key_hash_key; Type: CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.user_api_key
    ADD CONSTRAINT user_api_key_key_hash_key UNIQUE (key_hash);


--
-- Name: user_api_key user_api_key_pkey; Type: CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.user_api_key
    ADD CONSTRAINT user_api_key_pkey PRIMARY KEY (id);


--
-- Name: user_signup user_signup_pkey; Type: CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.user_signup
    ADD CONSTRAINT user_signup_pkey PRIMARY KEY (token_hash);


--
-- Name: account_payment_term_line account_payment_term_line_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.account_payment_term_line
    ADD CONSTRAINT account_payment_term_line_pkey PRIMARY KEY (company_id, id);


--
-- Name: account_payment_term account_payment_term_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.account_payment_term
    ADD CONSTRAINT account_payment_term_pkey PRIMARY KEY (company_id, id);


--
-- Name: account_tax account_tax_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.account_tax
    ADD CONSTRAINT account_tax_pkey PRIMARY KEY (company_id, id);


--
-- Name: account_tax_sale_order_line_rel account_tax_sale_order_line_rel_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.account_tax_sale_order_line_rel
    ADD CONSTRAINT account_tax_sale_order_line_rel_pkey PRIMARY KEY (company_id, sale_order_line_id, account_tax_id);


--
-- Name: calendar_alarm_calendar_event_rel calendar_alarm_calendar_event_rel_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_alarm_calendar_event_rel
    ADD CONSTRAINT calendar_alarm_calendar_event_rel_pkey PRIMARY KEY (company_id, calendar_event_id, calendar_alarm_id);


--
-- Name: calendar_alarm calendar_alarm_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_alarm
    ADD CONSTRAINT calendar_alarm_pkey PRIMARY KEY (company_id, id);


--
-- Name: calendar_alarm_sent calendar_alarm_sent_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_alarm_sent
    ADD CONSTRAINT calendar_alarm_sent_pkey PRIMARY KEY (company_id, event_id, alarm_id, attendee_id, event_start);


--
-- Name: calendar_attendee calendar_attendee_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_attendee
    ADD CONSTRAINT calendar_attendee_pkey PRIMARY KEY (company_id, id);


--
-- Name: calendar_attendee_token calendar_attendee_token_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_attendee_token
    ADD CONSTRAINT calendar_attendee_token_pkey PRIMARY KEY (company_id, attendee_id);


--
-- Name: calendar_attendee_token calendar_attendee_token_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_attendee_token
    ADD CONSTRAINT calendar_attendee_token_token_hash_key UNIQUE (company_id, token_hash);


--
-- Name: calendar_event calendar_event_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_event
    ADD CONSTRAINT calendar_event_pkey PRIMARY KEY (company_id, id);


--
-- Name: calendar_event_res_partner_rel calendar_event_res_partner_rel_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_event_res_partner_rel
    ADD CONSTRAINT calendar_event_res_partner_rel_pkey PRIMARY KEY (company_id, calendar_event_id, res_partner_id);


--
-- Name: calendar_event_res_users_rel calendar_event_res_users_rel_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_event_res_users_rel
    ADD CONSTRAINT calendar_event_res_users_rel_pkey PRIMARY KEY (company_id, calendar_event_id, res_users_id);


--
-- Name: calendar_event_type calendar_event_type_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_event_type
    ADD CONSTRAINT calendar_event_type_pkey PRIMARY KEY (company_id, id);


--
-- Name: calendar_feed calendar_feed_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_feed
    ADD CONSTRAINT calendar_feed_pkey PRIMARY KEY (company_id, user_id);


--
-- Name: calendar_feed calendar_feed_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_feed
    ADD CONSTRAINT calendar_feed_token_hash_key UNIQUE (company_id, token_hash);


--
-- Name: calendar_recurrence calendar_recurrence_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_recurrence
    ADD CONSTRAINT calendar_recurrence_pkey PRIMARY KEY (company_id, id);


--
-- Name: crm_lead crm_lead_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lead
    ADD CONSTRAINT crm_lead_pkey PRIMARY KEY (company_id, id);


--
-- Name: crm_lost_reason crm_lost_reason_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lost_reason
    ADD CONSTRAINT crm_lost_reason_pkey PRIMARY KEY (company_id, id);


--
-- Name: crm_stage crm_stage_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_stage
    ADD CONSTRAINT crm_stage_pkey PRIMARY KEY (company_id, id);


--
-- Name: crm_tag crm_tag_name_uniq; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_tag
    ADD CONSTRAINT crm_tag_name_uniq UNIQUE (company_id, name);


--
-- Name: crm_tag crm_tag_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_tag
    ADD CONSTRAINT crm_tag_pkey PRIMARY KEY (company_id, id);


--
-- Name: crm_tag_rel crm_tag_rel_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_tag_rel
    ADD CONSTRAINT crm_tag_rel_pkey PRIMARY KEY (company_id, lead_id, tag_id);


--
-- Name: crm_team_closing crm_team_closing_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_team_closing
    ADD CONSTRAINT crm_team_closing_pkey PRIMARY KEY (company_id, team_id, month);


--
-- Name: crm_team_member crm_team_member_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_team_member
    ADD CONSTRAINT crm_team_member_pkey PRIMARY KEY (company_id, user_id);


--
-- Name: crm_team crm_team_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_team
    ADD CONSTRAINT crm_team_pkey PRIMARY KEY (company_id, id);


--
-- Name: ir_attachment ir_attachment_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.ir_attachment
    ADD CONSTRAINT ir_attachment_pkey PRIMARY KEY (company_id, id);


--
-- Name: ir_config_parameter ir_config_parameter_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.ir_config_parameter
    ADD CONSTRAINT ir_config_parameter_pkey PRIMARY KEY (key);


--
-- Name: ir_model_data ir_model_data_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.ir_model_data
    ADD CONSTRAINT ir_model_data_pkey PRIMARY KEY (id);


--
-- Name: ir_model_fields ir_model_fields_model_name_key; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.ir_model_fields
    ADD CONSTRAINT ir_model_fields_model_name_key UNIQUE (model, name);


--
-- Name: ir_model_fields ir_model_fields_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.ir_model_fields
    ADD CONSTRAINT ir_model_fields_pkey PRIMARY KEY (id);


--
-- Name: ir_model ir_model_model_key; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.ir_model
    ADD CONSTRAINT ir_model_model_key UNIQUE (model);


--
-- Name: ir_model ir_model_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.ir_model
    ADD CONSTRAINT ir_model_pkey PRIMARY KEY (id);


--
-- Name: l10n_mx_edi_payment_method l10n_mx_edi_payment_method_code_key; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.l10n_mx_edi_payment_method
    ADD CONSTRAINT l10n_mx_edi_payment_method_code_key UNIQUE (code);


--
-- Name: l10n_mx_edi_payment_method l10n_mx_edi_payment_method_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.l10n_mx_edi_payment_method
    ADD CONSTRAINT l10n_mx_edi_payment_method_pkey PRIMARY KEY (id);


--
-- Name: l10n_mx_edi_payment_policy l10n_mx_edi_payment_policy_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.l10n_mx_edi_payment_policy
    ADD CONSTRAINT l10n_mx_edi_payment_policy_pkey PRIMARY KEY (code);


--
-- Name: l10n_mx_edi_usage l10n_mx_edi_usage_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.l10n_mx_edi_usage
    ADD CONSTRAINT l10n_mx_edi_usage_pkey PRIMARY KEY (code);


--
-- Name: mail_activity mail_activity_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity
    ADD CONSTRAINT mail_activity_pkey PRIMARY KEY (company_id, id);


--
-- Name: mail_activity_rel mail_activity_rel_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity_rel
    ADD CONSTRAINT mail_activity_rel_pkey PRIMARY KEY (company_id, activity_id, recommended_id);


--
-- Name: mail_activity_type mail_activity_type_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity_type
    ADD CONSTRAINT mail_activity_type_pkey PRIMARY KEY (company_id, id);


--
-- Name: mail_followers mail_followers_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_followers
    ADD CONSTRAINT mail_followers_pkey PRIMARY KEY (company_id, id);


--
-- Name: mail_mail mail_mail_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_mail
    ADD CONSTRAINT mail_mail_pkey PRIMARY KEY (company_id, id);


--
-- Name: mail_message mail_message_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_message
    ADD CONSTRAINT mail_message_pkey PRIMARY KEY (company_id, id);


--
-- Name: mail_message_subtype mail_message_subtype_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_message_subtype
    ADD CONSTRAINT mail_message_subtype_pkey PRIMARY KEY (id);


--
-- Name: mail_tracking_value mail_tracking_value_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_tracking_value
    ADD CONSTRAINT mail_tracking_value_pkey PRIMARY KEY (company_id, id);


--
-- Name: meeting_category_rel meeting_category_rel_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.meeting_category_rel
    ADD CONSTRAINT meeting_category_rel_pkey PRIMARY KEY (company_id, event_id, type_id);


--
-- Name: product_category product_category_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_category
    ADD CONSTRAINT product_category_pkey PRIMARY KEY (company_id, id);


--
-- Name: product_pricelist_item product_pricelist_item_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_pricelist_item
    ADD CONSTRAINT product_pricelist_item_pkey PRIMARY KEY (company_id, id);


--
-- Name: product_pricelist product_pricelist_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_pricelist
    ADD CONSTRAINT product_pricelist_pkey PRIMARY KEY (company_id, id);


--
-- Name: product_product product_product_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_product
    ADD CONSTRAINT product_product_pkey PRIMARY KEY (company_id, id);


--
-- Name: product_taxes_rel product_taxes_rel_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_taxes_rel
    ADD CONSTRAINT product_taxes_rel_pkey PRIMARY KEY (company_id, prod_id, tax_id);


--
-- Name: res_company res_company_alias_domain_key; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_company
    ADD CONSTRAINT res_company_alias_domain_key UNIQUE (alias_domain);


--
-- Name: res_company_member res_company_member_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_company_member
    ADD CONSTRAINT res_company_member_pkey PRIMARY KEY (company_id, user_id);


--
-- Name: res_company res_company_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_company
    ADD CONSTRAINT res_company_pkey PRIMARY KEY (id);


--
-- Name: res_country res_country_code_key; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_country
    ADD CONSTRAINT res_country_code_key UNIQUE (code);


--
-- Name: res_country res_country_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_country
    ADD CONSTRAINT res_country_pkey PRIMARY KEY (id);


--
-- Name: res_country_state res_country_state_country_id_code_key; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_country_state
    ADD CONSTRAINT res_country_state_country_id_code_key UNIQUE (country_id, code);


--
-- Name: res_country_state res_country_state_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_country_state
    ADD CONSTRAINT res_country_state_pkey PRIMARY KEY (id);


--
-- Name: res_currency res_currency_name_key; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_currency
    ADD CONSTRAINT res_currency_name_key UNIQUE (name);


--
-- Name: res_currency res_currency_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_currency
    ADD CONSTRAINT res_currency_pkey PRIMARY KEY (id);


--
-- Name: res_lang res_lang_code_key; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_lang
    ADD CONSTRAINT res_lang_code_key UNIQUE (code);


--
-- Name: res_lang res_lang_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_lang
    ADD CONSTRAINT res_lang_pkey PRIMARY KEY (id);


--
-- Name: res_partner_category res_partner_category_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner_category
    ADD CONSTRAINT res_partner_category_pkey PRIMARY KEY (company_id, id);


--
-- Name: res_partner res_partner_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_pkey PRIMARY KEY (company_id, id);


--
-- Name: res_partner_res_partner_category_rel res_partner_res_partner_category_rel_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner_res_partner_category_rel
    ADD CONSTRAINT res_partner_res_partner_category_rel_pkey PRIMARY KEY (company_id, partner_id, category_id);


--
-- Name: res_partner_title res_partner_title_name_key; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner_title
    ADD CONSTRAINT res_partner_title_name_key UNIQUE (name);


--
-- Name: res_partner_title res_partner_title_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner_title
    ADD CONSTRAINT res_partner_title_pkey PRIMARY KEY (id);


--
-- Name: res_users_invitation res_users_invitation_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_users_invitation
    ADD CONSTRAINT res_users_invitation_pkey PRIMARY KEY (company_id, id);


--
-- Name: res_users res_users_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_users
    ADD CONSTRAINT res_users_pkey PRIMARY KEY (id);


--
-- Name: sale_order sale_order_company_id_name_key; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_company_id_name_key UNIQUE (company_id, name);


--
-- Name: sale_order_line sale_order_line_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_line
    ADD CONSTRAINT sale_order_line_pkey PRIMARY KEY (company_id, id);


--
-- Name: sale_order_option sale_order_option_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_option
    ADD CONSTRAINT sale_order_option_pkey PRIMARY KEY (company_id, id);


--
-- Name: sale_order sale_order_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_pkey PRIMARY KEY (company_id, id);


--
-- Name: sale_order_portal_token sale_order_portal_token_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_portal_token
    ADD CONSTRAINT sale_order_portal_token_pkey PRIMARY KEY (company_id, id);


--
-- Name: sale_order_portal_token sale_order_portal_token_token_hash_key; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_portal_token
    ADD CONSTRAINT sale_order_portal_token_token_hash_key UNIQUE (company_id, token_hash);


--
-- Name: sale_order_sequence sale_order_sequence_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_sequence
    ADD CONSTRAINT sale_order_sequence_pkey PRIMARY KEY (company_id);


--
-- Name: sale_order_tag_rel sale_order_tag_rel_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_tag_rel
    ADD CONSTRAINT sale_order_tag_rel_pkey PRIMARY KEY (company_id, order_id, tag_id);


--
-- Name: uom_category uom_category_name_key; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.uom_category
    ADD CONSTRAINT uom_category_name_key UNIQUE (name);


--
-- Name: uom_category uom_category_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.uom_category
    ADD CONSTRAINT uom_category_pkey PRIMARY KEY (id);


--
-- Name: uom_uom uom_uom_category_id_name_key; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.uom_uom
    ADD CONSTRAINT uom_uom_category_id_name_key UNIQUE (category_id, name);


--
-- Name: uom_uom uom_uom_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.uom_uom
    ADD CONSTRAINT uom_uom_pkey PRIMARY KEY (id);


--
-- Name: utm_campaign utm_campaign_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.utm_campaign
    ADD CONSTRAINT utm_campaign_pkey PRIMARY KEY (company_id, id);


--
-- Name: utm_medium utm_medium_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.utm_medium
    ADD CONSTRAINT utm_medium_pkey PRIMARY KEY (company_id, id);


--
-- Name: utm_source utm_source_pkey; Type: CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.utm_source
    ADD CONSTRAINT utm_source_pkey PRIMARY KEY (company_id, id);


--
-- Name: http_session_expiry; Type: INDEX; Schema: embudo; Owner: embudo_owner
--

CREATE INDEX http_session_expiry ON embudo.http_session USING btree (expires_at);


--
-- Name: http_session_user; Type: INDEX; Schema: embudo; Owner: embudo_owner
--

CREATE INDEX http_session_user ON embudo.http_session USING btree (user_id);


--
-- Name: login_failure_last; Type: INDEX; Schema: embudo; Owner: embudo_owner
--

CREATE INDEX login_failure_last ON embudo.login_failure USING btree (last_failure);


--
-- Name: transient_record_age; Type: INDEX; Schema: embudo; Owner: embudo_owner
--

CREATE INDEX transient_record_age ON embudo.transient_record USING btree (create_date);


--
-- Name: user_api_key_user; Type: INDEX; Schema: embudo; Owner: embudo_owner
--

CREATE INDEX user_api_key_user ON embudo.user_api_key USING btree (user_id);


--
-- Name: user_signup_user; Type: INDEX; Schema: embudo; Owner: embudo_owner
--

CREATE INDEX user_signup_user ON embudo.user_signup USING btree (user_id);


--
-- Name: account_payment_term_line_term; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX account_payment_term_line_term ON public.account_payment_term_line USING btree (company_id, payment_id);


--
-- Name: calendar_attendee_event; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX calendar_attendee_event ON public.calendar_attendee USING btree (company_id, event_id);


--
-- Name: calendar_attendee_of_partner; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX calendar_attendee_of_partner ON public.calendar_attendee USING btree (company_id, partner_id) WHERE (partner_id IS NOT NULL);


--
-- Name: calendar_attendee_of_user; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX calendar_attendee_of_user ON public.calendar_attendee USING btree (company_id, user_id) WHERE (user_id IS NOT NULL);


--
-- Name: calendar_attendee_partner; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE UNIQUE INDEX calendar_attendee_partner ON public.calendar_attendee USING btree (company_id, event_id, partner_id) WHERE (partner_id IS NOT NULL);


--
-- Name: calendar_attendee_readers; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE UNIQUE INDEX calendar_attendee_readers ON public.calendar_attendee USING btree (company_id, id, readers);


--
-- Name: calendar_attendee_token_hash; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX calendar_attendee_token_hash ON public.calendar_attendee_token USING btree (token_hash);


--
-- Name: calendar_attendee_user; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE UNIQUE INDEX calendar_attendee_user ON public.calendar_attendee USING btree (company_id, event_id, user_id) WHERE (user_id IS NOT NULL);


--
-- Name: calendar_event_document; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX calendar_event_document ON public.calendar_event USING btree (company_id, res_model, res_id) WHERE (res_id IS NOT NULL);


--
-- Name: calendar_event_ical_uid; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX calendar_event_ical_uid ON public.calendar_event USING btree (company_id, ical_uid);


--
-- Name: calendar_event_opportunity; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX calendar_event_opportunity ON public.calendar_event USING btree (company_id, opportunity_id) WHERE (opportunity_id IS NOT NULL);


--
-- Name: calendar_event_readers; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE UNIQUE INDEX calendar_event_readers ON public.calendar_event USING btree (company_id, id, readers);


--
-- Name: calendar_event_recurrence; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX calendar_event_recurrence ON public.calendar_event USING btree (company_id, recurrence_id, start) WHERE (recurrence_id IS NOT NULL);


--
-- Name: calendar_event_res_partner_rel_partner; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX calendar_event_res_partner_rel_partner ON public.calendar_event_res_partner_rel USING btree (company_id, res_partner_id);


--
-- Name: calendar_event_res_users_rel_user; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX calendar_event_res_users_rel_user ON public.calendar_event_res_users_rel USING btree (company_id, res_users_id);


--
-- Name: calendar_event_start; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX calendar_event_start ON public.calendar_event USING btree (company_id, start, id) WHERE active;


--
-- Name: calendar_event_type_name; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE UNIQUE INDEX calendar_event_type_name ON public.calendar_event_type USING btree (company_id, name);


--
-- Name: calendar_event_user; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX calendar_event_user ON public.calendar_event USING btree (company_id, user_id, start) WHERE active;


--
-- Name: calendar_feed_hash; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX calendar_feed_hash ON public.calendar_feed USING btree (token_hash);


--
-- Name: calendar_recurrence_base_event; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX calendar_recurrence_base_event ON public.calendar_recurrence USING btree (company_id, base_event_id) WHERE (base_event_id IS NOT NULL);


--
-- Name: crm_lead_contact_name_search; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX crm_lead_contact_name_search ON public.crm_lead USING gin (company_id, contact_name_lower embudo.gin_trgm_ops) WITH (gin_pending_list_limit='64');


--
-- Name: crm_lead_create_date_team; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX crm_lead_create_date_team ON public.crm_lead USING btree (company_id, create_date, team_id);


--
-- Name: crm_lead_default_order; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX crm_lead_default_order ON public.crm_lead USING btree (company_id, priority DESC, id DESC) WHERE active;


--
-- Name: crm_lead_email; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX crm_lead_email ON public.crm_lead USING btree (company_id, email_normalized);


--
-- Name: crm_lead_email_search; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX crm_lead_email_search ON public.crm_lead USING gin (company_id, email_from_lower embudo.gin_trgm_ops) WITH (gin_pending_list_limit='64');


--
-- Name: crm_lead_lost_reason; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX crm_lead_lost_reason ON public.crm_lead USING btree (company_id, lost_reason);


--
-- Name: crm_lead_name_search; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX crm_lead_name_search ON public.crm_lead USING gin (company_id, name_lower embudo.gin_trgm_ops) WITH (gin_pending_list_limit='64');


--
-- Name: crm_lead_partner; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX crm_lead_partner ON public.crm_lead USING btree (company_id, partner_id);


--
-- Name: crm_lead_partner_name_search; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX crm_lead_partner_name_search ON public.crm_lead USING gin (company_id, partner_name_lower embudo.gin_trgm_ops) WITH (gin_pending_list_limit='64');


--
-- Name: crm_lead_phone_search; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX crm_lead_phone_search ON public.crm_lead USING gin (company_id, phone_lower embudo.gin_trgm_ops) WITH (gin_pending_list_limit='64');


--
-- Name: crm_lead_pipeline; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX crm_lead_pipeline ON public.crm_lead USING btree (company_id, type, stage_id) INCLUDE (expected_revenue, prorated_revenue, user_id, team_id, date_deadline) WHERE active;


--
-- Name: crm_lead_salesperson_key; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE UNIQUE INDEX crm_lead_salesperson_key ON public.crm_lead USING btree (company_id, id, salesperson_key);


--
-- Name: crm_lead_stage; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX crm_lead_stage ON public.crm_lead USING btree (company_id, stage_id);


--
-- Name: crm_lead_team_stage; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX crm_lead_team_stage ON public.crm_lead USING btree (company_id, team_id, stage_id) INCLUDE (expected_revenue, probability);


--
-- Name: crm_lead_user_team_type; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX crm_lead_user_team_type ON public.crm_lead USING btree (company_id, user_id, team_id, type);


--
-- Name: crm_stage_order; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX crm_stage_order ON public.crm_stage USING btree (company_id, sequence, id);


--
-- Name: crm_tag_rel_tag; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX crm_tag_rel_tag ON public.crm_tag_rel USING btree (company_id, tag_id);


--
-- Name: crm_team_alias; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE UNIQUE INDEX crm_team_alias ON public.crm_team USING btree (company_id, alias_name) WHERE (alias_name IS NOT NULL);


--
-- Name: crm_team_member_team; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX crm_team_member_team ON public.crm_team_member USING btree (company_id, team_id);


--
-- Name: ir_attachment_document; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX ir_attachment_document ON public.ir_attachment USING btree (company_id, res_model, res_id);


--
-- Name: ir_attachment_message; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX ir_attachment_message ON public.ir_attachment USING btree (company_id, mail_message_id);


--
-- Name: ir_model_data_key; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE UNIQUE INDEX ir_model_data_key ON public.ir_model_data USING btree (module, name, company_id) NULLS NOT DISTINCT;


--
-- Name: ir_model_fields_model_id; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX ir_model_fields_model_id ON public.ir_model_fields USING btree (model_id);


--
-- Name: mail_activity_calendar_event; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX mail_activity_calendar_event ON public.mail_activity USING btree (company_id, calendar_event_id) WHERE (calendar_event_id IS NOT NULL);


--
-- Name: mail_activity_default_order; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX mail_activity_default_order ON public.mail_activity USING btree (company_id, date_deadline, id) WHERE active;


--
-- Name: mail_activity_document; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX mail_activity_document ON public.mail_activity USING btree (company_id, res_model, res_id) WHERE active;


--
-- Name: mail_activity_lead; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX mail_activity_lead ON public.mail_activity USING btree (company_id, lead_id);


--
-- Name: mail_activity_order; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX mail_activity_order ON public.mail_activity USING btree (company_id, order_id);


--
-- Name: mail_activity_type_order; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX mail_activity_type_order ON public.mail_activity_type USING btree (company_id, sequence, id);


--
-- Name: mail_activity_user_deadline; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX mail_activity_user_deadline ON public.mail_activity USING btree (company_id, user_id, date_deadline) WHERE active;


--
-- Name: mail_followers_document; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX mail_followers_document ON public.mail_followers USING btree (company_id, res_id);


--
-- Name: mail_followers_partner; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE UNIQUE INDEX mail_followers_partner ON public.mail_followers USING btree (company_id, res_model, res_id, partner_id) WHERE (partner_id IS NOT NULL);


--
-- Name: mail_followers_user; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE UNIQUE INDEX mail_followers_user ON public.mail_followers USING btree (company_id, res_model, res_id, user_id) WHERE (user_id IS NOT NULL);


--
-- Name: mail_mail_document; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX mail_mail_document ON public.mail_mail USING btree (company_id, model, res_id);


--
-- Name: mail_mail_due; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX mail_mail_due ON public.mail_mail USING btree (next_attempt_at) WHERE (state = 'outgoing'::text);


--
-- Name: mail_mail_id; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX mail_mail_id ON public.mail_mail USING btree (id);


--
-- Name: mail_mail_message_id; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX mail_mail_message_id ON public.mail_mail USING btree (company_id, message_id) WHERE (message_id IS NOT NULL);


--
-- Name: mail_message_document; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX mail_message_document ON public.mail_message USING btree (company_id, model, res_id, id);


--
-- Name: mail_message_lead; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX mail_message_lead ON public.mail_message USING btree (company_id, lead_id);


--
-- Name: mail_message_message_id; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE UNIQUE INDEX mail_message_message_id ON public.mail_message USING btree (company_id, message_id) WHERE (message_id IS NOT NULL);


--
-- Name: mail_message_order; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX mail_message_order ON public.mail_message USING btree (company_id, order_id);


--
-- Name: mail_message_salesperson_key; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE UNIQUE INDEX mail_message_salesperson_key ON public.mail_message USING btree (company_id, id, salesperson_key);


--
-- Name: mail_tracking_value_message; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX mail_tracking_value_message ON public.mail_tracking_value USING btree (company_id, mail_message_id);


--
-- Name: product_pricelist_item_pricelist; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX product_pricelist_item_pricelist ON public.product_pricelist_item USING btree (company_id, pricelist_id);


--
-- Name: product_product_name; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX product_product_name ON public.product_product USING btree (company_id, name);


--
-- Name: res_company_member_user; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX res_company_member_user ON public.res_company_member USING btree (user_id, company_id);


--
-- Name: res_company_name_key; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE UNIQUE INDEX res_company_name_key ON public.res_company USING btree (lower(name));


--
-- Name: res_partner_category_name; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX res_partner_category_name ON public.res_partner_category USING btree (company_id, name);


--
-- Name: res_partner_category_rel_category; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX res_partner_category_rel_category ON public.res_partner_res_partner_category_rel USING btree (company_id, category_id);


--
-- Name: res_partner_city_search; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX res_partner_city_search ON public.res_partner USING gin (company_id, city_lower embudo.gin_trgm_ops) WITH (gin_pending_list_limit='64');


--
-- Name: res_partner_country; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX res_partner_country ON public.res_partner USING btree (company_id, country_id);


--
-- Name: res_partner_email_search; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX res_partner_email_search ON public.res_partner USING gin (company_id, email_lower embudo.gin_trgm_ops) WITH (gin_pending_list_limit='64');


--
-- Name: res_partner_name; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX res_partner_name ON public.res_partner USING btree (company_id, name, id);


--
-- Name: res_partner_name_search; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX res_partner_name_search ON public.res_partner USING gin (company_id, name_lower embudo.gin_trgm_ops) WITH (gin_pending_list_limit='64');


--
-- Name: res_partner_parent; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX res_partner_parent ON public.res_partner USING btree (company_id, parent_id);


--
-- Name: res_partner_phone_search; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX res_partner_phone_search ON public.res_partner USING gin (company_id, phone_lower embudo.gin_trgm_ops) WITH (gin_pending_list_limit='64');


--
-- Name: res_partner_team; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX res_partner_team ON public.res_partner USING btree (company_id, team_id);


--
-- Name: res_partner_user; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX res_partner_user ON public.res_partner USING btree (company_id, user_id);


--
-- Name: res_users_invitation_id; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE UNIQUE INDEX res_users_invitation_id ON public.res_users_invitation USING btree (id);


--
-- Name: res_users_invitation_invitee; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX res_users_invitation_invitee ON public.res_users_invitation USING btree (user_id) WHERE (state = 'pending'::text);


--
-- Name: res_users_invitation_pending; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE UNIQUE INDEX res_users_invitation_pending ON public.res_users_invitation USING btree (company_id, user_id) WHERE (state = 'pending'::text);


--
-- Name: res_users_login_key; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE UNIQUE INDEX res_users_login_key ON public.res_users USING btree (lower(login));


--
-- Name: sale_order_date; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX sale_order_date ON public.sale_order USING btree (company_id, date_order, id);


--
-- Name: sale_order_line_order; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX sale_order_line_order ON public.sale_order_line USING btree (company_id, order_id, sequence, id);


--
-- Name: sale_order_line_product; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX sale_order_line_product ON public.sale_order_line USING btree (company_id, product_id);


--
-- Name: sale_order_line_salesperson_key; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE UNIQUE INDEX sale_order_line_salesperson_key ON public.sale_order_line USING btree (company_id, id, salesperson_key);


--
-- Name: sale_order_name_search; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX sale_order_name_search ON public.sale_order USING gin (company_id, name_lower embudo.gin_trgm_ops) WITH (gin_pending_list_limit='64');


--
-- Name: sale_order_opportunity; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX sale_order_opportunity ON public.sale_order USING btree (company_id, opportunity_id);


--
-- Name: sale_order_option_order; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX sale_order_option_order ON public.sale_order_option USING btree (company_id, order_id);


--
-- Name: sale_order_partner; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX sale_order_partner ON public.sale_order USING btree (company_id, partner_id);


--
-- Name: sale_order_portal_token_hash; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX sale_order_portal_token_hash ON public.sale_order_portal_token USING btree (token_hash);


--
-- Name: sale_order_portal_token_order; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX sale_order_portal_token_order ON public.sale_order_portal_token USING btree (company_id, order_id);


--
-- Name: sale_order_salesperson_key; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE UNIQUE INDEX sale_order_salesperson_key ON public.sale_order USING btree (company_id, id, salesperson_key);


--
-- Name: sale_order_team_state; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX sale_order_team_state ON public.sale_order USING btree (company_id, team_id, state) INCLUDE (amount_total, amount_untaxed);


--
-- Name: sale_order_user; Type: INDEX; Schema: public; Owner: embudo_owner
--

CREATE INDEX sale_order_user ON public.sale_order USING btree (company_id, user_id);


--
-- Name: calendar_event activity_follows; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER activity_follows AFTER UPDATE ON public.calendar_event FOR EACH ROW EXECUTE FUNCTION embudo.calendar_event_after_update();


--
-- Name: sale_order amounts_on_currency; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER amounts_on_currency AFTER UPDATE OF currency_id ON public.sale_order FOR EACH ROW WHEN ((old.currency_id IS DISTINCT FROM new.currency_id)) EXECUTE FUNCTION embudo.sale_order_currency_changed();


--
-- Name: sale_order_line amounts_on_delete; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER amounts_on_delete AFTER DELETE ON public.sale_order_line REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION embudo.sale_order_lines_changed();


--
-- Name: sale_order_line amounts_on_insert; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER amounts_on_insert AFTER INSERT ON public.sale_order_line REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION embudo.sale_order_lines_changed();


--
-- Name: account_tax_sale_order_line_rel amounts_on_tax_delete; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER amounts_on_tax_delete AFTER DELETE ON public.account_tax_sale_order_line_rel REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION embudo.sale_line_taxes_changed();


--
-- Name: account_tax_sale_order_line_rel amounts_on_tax_insert; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER amounts_on_tax_insert AFTER INSERT ON public.account_tax_sale_order_line_rel REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION embudo.sale_line_taxes_changed();


--
-- Name: sale_order_line amounts_on_update; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER amounts_on_update AFTER UPDATE ON public.sale_order_line REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION embudo.sale_order_lines_changed();


--
-- Name: calendar_attendee answered; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER answered AFTER UPDATE OF state ON public.calendar_attendee FOR EACH ROW EXECUTE FUNCTION embudo.calendar_attendee_answered();


--
-- Name: calendar_event_res_partner_rel attendees_follow; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER attendees_follow AFTER INSERT OR DELETE ON public.calendar_event_res_partner_rel FOR EACH ROW EXECUTE FUNCTION embudo.calendar_attendees_follow();


--
-- Name: calendar_event_res_users_rel attendees_follow; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER attendees_follow AFTER INSERT OR DELETE ON public.calendar_event_res_users_rel FOR EACH ROW EXECUTE FUNCTION embudo.calendar_attendees_follow();


--
-- Name: sale_order calendar_meetings; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER calendar_meetings AFTER DELETE ON public.sale_order FOR EACH ROW EXECUTE FUNCTION embudo.calendar_document_deleted('sale.order');


--
-- Name: crm_lead calendar_readers; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER calendar_readers AFTER UPDATE ON public.crm_lead FOR EACH ROW WHEN ((old.salesperson_key IS DISTINCT FROM new.salesperson_key)) EXECUTE FUNCTION embudo.calendar_document_changed('crm.lead');


--
-- Name: sale_order calendar_readers; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER calendar_readers AFTER UPDATE ON public.sale_order FOR EACH ROW WHEN ((old.salesperson_key IS DISTINCT FROM new.salesperson_key)) EXECUTE FUNCTION embudo.calendar_document_changed('sale.order');


--
-- Name: calendar_event cancellations; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER cancellations BEFORE DELETE ON public.calendar_event FOR EACH ROW EXECUTE FUNCTION embudo.calendar_event_before_delete();


--
-- Name: crm_team clean; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER clean BEFORE INSERT OR UPDATE ON public.crm_team FOR EACH ROW EXECUTE FUNCTION embudo.crm_team_clean();


--
-- Name: crm_lead compute_on_create; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER compute_on_create BEFORE INSERT ON public.crm_lead FOR EACH ROW EXECUTE FUNCTION embudo.crm_lead_before_insert();


--
-- Name: crm_lead compute_on_write; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER compute_on_write BEFORE UPDATE ON public.crm_lead FOR EACH ROW EXECUTE FUNCTION embudo.crm_lead_before_update();


--
-- Name: calendar_attendee defaults; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER defaults BEFORE INSERT OR UPDATE ON public.calendar_attendee FOR EACH ROW EXECUTE FUNCTION embudo.calendar_attendee_before_write();


--
-- Name: calendar_event defaults; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER defaults BEFORE INSERT OR UPDATE ON public.calendar_event FOR EACH ROW EXECUTE FUNCTION embudo.calendar_event_before_write();


--
-- Name: mail_activity defaults; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER defaults BEFORE INSERT OR UPDATE ON public.mail_activity FOR EACH ROW EXECUTE FUNCTION embudo.mail_activity_before_write();


--
-- Name: product_pricelist defaults; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER defaults BEFORE INSERT ON public.product_pricelist FOR EACH ROW EXECUTE FUNCTION embudo.pricelist_defaults();


--
-- Name: product_product defaults; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER defaults BEFORE INSERT ON public.product_product FOR EACH ROW EXECUTE FUNCTION embudo.product_defaults();


--
-- Name: sale_order defaults; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER defaults BEFORE INSERT ON public.sale_order FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_before_insert();


--
-- Name: sale_order_line defaults; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER defaults BEFORE INSERT OR UPDATE ON public.sale_order_line FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_line_before_write();


--
-- Name: sale_order_option defaults; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER defaults BEFORE INSERT ON public.sale_order_option FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_option_defaults();


--
-- Name: crm_lead drop_activities; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER drop_activities AFTER UPDATE OF active ON public.crm_lead FOR EACH ROW WHEN ((old.active AND (NOT new.active))) EXECUTE FUNCTION embudo.crm_lead_drop_activities();


--
-- Name: calendar_event expand_recurrence; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE CONSTRAINT TRIGGER expand_recurrence AFTER INSERT OR UPDATE ON public.calendar_event DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ((new.recurrency AND (new.recurrence_id IS NULL))) EXECUTE FUNCTION embudo.calendar_expand_trigger();


--
-- Name: sale_order guard; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER guard BEFORE UPDATE ON public.sale_order FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_before_update();


--
-- Name: sale_order_line keep_confirmed; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER keep_confirmed BEFORE DELETE ON public.sale_order_line FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_line_before_delete();


--
-- Name: crm_lost_reason keep_used; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER keep_used BEFORE DELETE ON public.crm_lost_reason FOR EACH ROW EXECUTE FUNCTION embudo.crm_lost_reason_before_delete();


--
-- Name: crm_stage keep_used; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER keep_used BEFORE DELETE ON public.crm_stage FOR EACH ROW EXECUTE FUNCTION embudo.crm_stage_before_delete();


--
-- Name: mail_activity meeting_makes_event; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER meeting_makes_event AFTER INSERT ON public.mail_activity FOR EACH ROW EXECUTE FUNCTION embudo.calendar_activity_meeting();


--
-- Name: ir_attachment message_document; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER message_document BEFORE INSERT OR UPDATE OF company_id, res_model, res_id, mail_message_id ON public.ir_attachment FOR EACH ROW WHEN ((new.mail_message_id IS NOT NULL)) EXECUTE FUNCTION embudo.ir_attachment_message_document();


--
-- Name: crm_team_member move_member; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER move_member BEFORE INSERT ON public.crm_team_member FOR EACH ROW EXECUTE FUNCTION embudo.crm_team_member_move();


--
-- Name: calendar_event note_change; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER note_change AFTER UPDATE ON public.calendar_event FOR EACH ROW EXECUTE FUNCTION embudo.calendar_note_change();


--
-- Name: calendar_attendee note_invitation; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER note_invitation AFTER INSERT ON public.calendar_attendee FOR EACH ROW EXECUTE FUNCTION embudo.calendar_note_change();


--
-- Name: sale_order only_drafts; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER only_drafts BEFORE DELETE ON public.sale_order FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_before_delete();


--
-- Name: sale_order opportunity_tags; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER opportunity_tags AFTER INSERT ON public.sale_order FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_after_insert();


--
-- Name: calendar_event organizer_and_activity; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER organizer_and_activity AFTER INSERT ON public.calendar_event FOR EACH ROW EXECUTE FUNCTION embudo.calendar_event_after_insert();


--
-- Name: calendar_event people_follow; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE CONSTRAINT TRIGGER people_follow AFTER UPDATE ON public.calendar_event DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ((new.recurrence_id IS NOT NULL)) EXECUTE FUNCTION embudo.calendar_people_follow();


--
-- Name: sale_order portal_links; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER portal_links AFTER UPDATE OF state ON public.sale_order FOR EACH ROW WHEN ((new.state = ANY (ARRAY['sale'::text, 'done'::text, 'cancel'::text]))) EXECUTE FUNCTION embudo.portal_close_links();


--
-- Name: sale_order_line product_taxes; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER product_taxes AFTER INSERT ON public.sale_order_line FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_line_product_taxes();


--
-- Name: calendar_event propagate; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER propagate AFTER UPDATE ON public.calendar_event FOR EACH ROW EXECUTE FUNCTION embudo.calendar_event_propagate();


--
-- Name: calendar_alarm_calendar_event_rel readers; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER readers BEFORE INSERT OR UPDATE OF calendar_event_id, readers ON public.calendar_alarm_calendar_event_rel FOR EACH ROW EXECUTE FUNCTION embudo.calendar_copy_readers('event', 'calendar_event_id');


--
-- Name: calendar_attendee readers; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER readers BEFORE INSERT OR UPDATE OF event_id, readers ON public.calendar_attendee FOR EACH ROW EXECUTE FUNCTION embudo.calendar_copy_readers('event', 'event_id');


--
-- Name: calendar_attendee_token readers; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER readers BEFORE INSERT OR UPDATE OF attendee_id, readers ON public.calendar_attendee_token FOR EACH ROW EXECUTE FUNCTION embudo.calendar_copy_readers('attendee', 'attendee_id');


--
-- Name: calendar_event_res_partner_rel readers; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER readers BEFORE INSERT OR UPDATE OF calendar_event_id, readers ON public.calendar_event_res_partner_rel FOR EACH ROW EXECUTE FUNCTION embudo.calendar_copy_readers('event', 'calendar_event_id');


--
-- Name: calendar_event_res_users_rel readers; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER readers BEFORE INSERT OR UPDATE OF calendar_event_id, readers ON public.calendar_event_res_users_rel FOR EACH ROW EXECUTE FUNCTION embudo.calendar_copy_readers('event', 'calendar_event_id');


--
-- Name: calendar_recurrence readers; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER readers BEFORE INSERT OR UPDATE OF base_event_id, readers ON public.calendar_recurrence FOR EACH ROW EXECUTE FUNCTION embudo.calendar_copy_readers('event', 'base_event_id');


--
-- Name: meeting_category_rel readers; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER readers BEFORE INSERT OR UPDATE OF event_id, readers ON public.meeting_category_rel FOR EACH ROW EXECUTE FUNCTION embudo.calendar_copy_readers('event', 'event_id');


--
-- Name: calendar_event_res_users_rel readers_attendance; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER readers_attendance AFTER INSERT OR DELETE OR UPDATE OF calendar_event_id, res_users_id ON public.calendar_event_res_users_rel FOR EACH ROW EXECUTE FUNCTION embudo.calendar_attendance_changed();


--
-- Name: calendar_attendee readers_follow; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER readers_follow AFTER UPDATE ON public.calendar_attendee FOR EACH ROW WHEN ((old.readers IS DISTINCT FROM new.readers)) EXECUTE FUNCTION embudo.calendar_readers_follow('attendee');


--
-- Name: calendar_event readers_follow; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER readers_follow AFTER UPDATE ON public.calendar_event FOR EACH ROW WHEN ((old.readers IS DISTINCT FROM new.readers)) EXECUTE FUNCTION embudo.calendar_readers_follow('event');


--
-- Name: res_users res_users_credentials; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER res_users_credentials BEFORE UPDATE OF password_hash, active, company_id, name, lang, tz ON public.res_users FOR EACH ROW WHEN (((old.password_hash IS DISTINCT FROM new.password_hash) OR (old.active IS DISTINCT FROM new.active) OR (old.company_id IS DISTINCT FROM new.company_id) OR (old.name IS DISTINCT FROM new.name) OR (old.lang IS DISTINCT FROM new.lang) OR (old.tz IS DISTINCT FROM new.tz))) EXECUTE FUNCTION embudo.credentials_changed();


--
-- Name: mail_mail rules; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER rules BEFORE INSERT OR UPDATE ON public.mail_mail FOR EACH ROW EXECUTE FUNCTION embudo.mail_mail_before_write();


--
-- Name: account_tax_sale_order_line_rel salesperson_key; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER salesperson_key BEFORE INSERT OR UPDATE OF sale_order_line_id ON public.account_tax_sale_order_line_rel FOR EACH ROW EXECUTE FUNCTION embudo.copy_salesperson_key('sale_order_line');


--
-- Name: crm_tag_rel salesperson_key; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER salesperson_key BEFORE INSERT OR UPDATE OF lead_id ON public.crm_tag_rel FOR EACH ROW EXECUTE FUNCTION embudo.copy_salesperson_key('crm_lead');


--
-- Name: ir_attachment salesperson_key; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER salesperson_key BEFORE INSERT OR UPDATE OF company_id, res_model, res_id ON public.ir_attachment FOR EACH ROW EXECUTE FUNCTION embudo.copy_document_salesperson();


--
-- Name: mail_followers salesperson_key; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER salesperson_key BEFORE INSERT OR UPDATE OF company_id, res_model, res_id ON public.mail_followers FOR EACH ROW EXECUTE FUNCTION embudo.copy_document_salesperson();


--
-- Name: mail_mail salesperson_key; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER salesperson_key BEFORE INSERT OR UPDATE OF company_id, model, res_id ON public.mail_mail FOR EACH ROW EXECUTE FUNCTION embudo.copy_document_salesperson();


--
-- Name: mail_message salesperson_key; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER salesperson_key BEFORE INSERT OR UPDATE OF company_id, model, res_id ON public.mail_message FOR EACH ROW EXECUTE FUNCTION embudo.copy_document_salesperson();


--
-- Name: mail_tracking_value salesperson_key; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER salesperson_key BEFORE INSERT OR UPDATE OF company_id, mail_message_id ON public.mail_tracking_value FOR EACH ROW EXECUTE FUNCTION embudo.copy_message_salesperson();


--
-- Name: sale_order_line salesperson_key; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER salesperson_key BEFORE INSERT OR UPDATE OF order_id ON public.sale_order_line FOR EACH ROW EXECUTE FUNCTION embudo.copy_salesperson_key('sale_order');


--
-- Name: sale_order_option salesperson_key; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER salesperson_key BEFORE INSERT OR UPDATE OF order_id ON public.sale_order_option FOR EACH ROW EXECUTE FUNCTION embudo.copy_salesperson_key('sale_order');


--
-- Name: sale_order_portal_token salesperson_key; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER salesperson_key BEFORE INSERT OR UPDATE OF order_id ON public.sale_order_portal_token FOR EACH ROW EXECUTE FUNCTION embudo.copy_salesperson_key('sale_order');


--
-- Name: sale_order_tag_rel salesperson_key; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER salesperson_key BEFORE INSERT OR UPDATE OF order_id ON public.sale_order_tag_rel FOR EACH ROW EXECUTE FUNCTION embudo.copy_salesperson_key('sale_order');


--
-- Name: crm_lead salesperson_key_follows; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER salesperson_key_follows AFTER UPDATE ON public.crm_lead FOR EACH ROW WHEN ((old.salesperson_key IS DISTINCT FROM new.salesperson_key)) EXECUTE FUNCTION embudo.crm_lead_salesperson_follows();


--
-- Name: mail_message salesperson_key_follows; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER salesperson_key_follows AFTER UPDATE ON public.mail_message FOR EACH ROW WHEN ((old.salesperson_key IS DISTINCT FROM new.salesperson_key)) EXECUTE FUNCTION embudo.mail_message_salesperson_follows();


--
-- Name: sale_order salesperson_key_follows; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER salesperson_key_follows AFTER UPDATE ON public.sale_order FOR EACH ROW WHEN ((old.salesperson_key IS DISTINCT FROM new.salesperson_key)) EXECUTE FUNCTION embudo.sale_order_salesperson_follows();


--
-- Name: sale_order_line salesperson_key_follows; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER salesperson_key_follows AFTER UPDATE ON public.sale_order_line FOR EACH ROW WHEN ((old.salesperson_key IS DISTINCT FROM new.salesperson_key)) EXECUTE FUNCTION embudo.sale_order_salesperson_follows();


--
-- Name: calendar_attendee send_invitations; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE CONSTRAINT TRIGGER send_invitations AFTER INSERT OR DELETE ON public.calendar_attendee DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION embudo.calendar_flush_trigger();


--
-- Name: calendar_event send_updates; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE CONSTRAINT TRIGGER send_updates AFTER DELETE OR UPDATE ON public.calendar_event DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION embudo.calendar_flush_trigger();


--
-- Name: crm_lead track; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER track AFTER INSERT OR UPDATE ON public.crm_lead FOR EACH ROW EXECUTE FUNCTION embudo.crm_lead_track();


--
-- Name: sale_order track; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER track AFTER INSERT OR UPDATE OF state ON public.sale_order FOR EACH ROW EXECUTE FUNCTION embudo.sale_order_track();


--
-- Name: res_partner tz_known; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER tz_known BEFORE INSERT OR UPDATE OF tz ON public.res_partner FOR EACH ROW EXECUTE FUNCTION embudo.calendar_partner_tz();


--
-- Name: crm_lead unlink_calendar_event_opportunity_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_calendar_event_opportunity_id AFTER DELETE ON public.crm_lead FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.calendar_event', 'opportunity_id');


--
-- Name: calendar_recurrence unlink_calendar_event_recurrence_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_calendar_event_recurrence_id AFTER DELETE ON public.calendar_recurrence FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.calendar_event', 'recurrence_id');


--
-- Name: calendar_event unlink_calendar_recurrence_base_event_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_calendar_recurrence_base_event_id AFTER DELETE ON public.calendar_event FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.calendar_recurrence', 'base_event_id');


--
-- Name: utm_campaign unlink_crm_lead_campaign_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_crm_lead_campaign_id AFTER DELETE ON public.utm_campaign FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.crm_lead', 'campaign_id');


--
-- Name: utm_medium unlink_crm_lead_medium_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_crm_lead_medium_id AFTER DELETE ON public.utm_medium FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.crm_lead', 'medium_id');


--
-- Name: res_partner unlink_crm_lead_partner_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_crm_lead_partner_id AFTER DELETE ON public.res_partner FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.crm_lead', 'partner_id');


--
-- Name: utm_source unlink_crm_lead_source_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_crm_lead_source_id AFTER DELETE ON public.utm_source FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.crm_lead', 'source_id');


--
-- Name: crm_team unlink_crm_lead_team_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_crm_lead_team_id AFTER DELETE ON public.crm_team FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.crm_lead', 'team_id');


--
-- Name: crm_team unlink_crm_stage_team_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_crm_stage_team_id AFTER DELETE ON public.crm_team FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.crm_stage', 'team_id');


--
-- Name: mail_activity_type unlink_mail_activity_previous_activity_type_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_mail_activity_previous_activity_type_id AFTER DELETE ON public.mail_activity_type FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.mail_activity', 'previous_activity_type_id');


--
-- Name: mail_activity_type unlink_mail_activity_recommended_activity_type_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_mail_activity_recommended_activity_type_id AFTER DELETE ON public.mail_activity_type FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.mail_activity', 'recommended_activity_type_id');


--
-- Name: res_partner unlink_mail_activity_request_partner_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_mail_activity_request_partner_id AFTER DELETE ON public.res_partner FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.mail_activity', 'request_partner_id');


--
-- Name: mail_message unlink_mail_mail_mail_message_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_mail_mail_mail_message_id AFTER DELETE ON public.mail_message FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.mail_mail', 'mail_message_id');


--
-- Name: mail_activity_type unlink_mail_message_mail_activity_type_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_mail_message_mail_activity_type_id AFTER DELETE ON public.mail_activity_type FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.mail_message', 'mail_activity_type_id');


--
-- Name: product_category unlink_product_product_categ_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_product_product_categ_id AFTER DELETE ON public.product_category FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.product_product', 'categ_id');


--
-- Name: account_payment_term unlink_res_partner_property_payment_term_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_res_partner_property_payment_term_id AFTER DELETE ON public.account_payment_term FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.res_partner', 'property_payment_term_id');


--
-- Name: product_pricelist unlink_res_partner_property_product_pricelist; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_res_partner_property_product_pricelist AFTER DELETE ON public.product_pricelist FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.res_partner', 'property_product_pricelist');


--
-- Name: crm_team unlink_res_partner_team_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_res_partner_team_id AFTER DELETE ON public.crm_team FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.res_partner', 'team_id');


--
-- Name: utm_campaign unlink_sale_order_campaign_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_sale_order_campaign_id AFTER DELETE ON public.utm_campaign FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.sale_order', 'campaign_id');


--
-- Name: utm_medium unlink_sale_order_medium_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_sale_order_medium_id AFTER DELETE ON public.utm_medium FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.sale_order', 'medium_id');


--
-- Name: crm_lead unlink_sale_order_opportunity_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_sale_order_opportunity_id AFTER DELETE ON public.crm_lead FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.sale_order', 'opportunity_id');


--
-- Name: sale_order_line unlink_sale_order_option_line_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_sale_order_option_line_id AFTER DELETE ON public.sale_order_line FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.sale_order_option', 'line_id');


--
-- Name: account_payment_term unlink_sale_order_payment_term_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_sale_order_payment_term_id AFTER DELETE ON public.account_payment_term FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.sale_order', 'payment_term_id');


--
-- Name: utm_source unlink_sale_order_source_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_sale_order_source_id AFTER DELETE ON public.utm_source FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.sale_order', 'source_id');


--
-- Name: crm_team unlink_sale_order_team_id; Type: TRIGGER; Schema: public; Owner: embudo_owner
--

CREATE TRIGGER unlink_sale_order_team_id AFTER DELETE ON public.crm_team FOR EACH ROW EXECUTE FUNCTION embudo.unlink_deleted('public.sale_order', 'team_id');


--
-- Name: alias_domain_request alias_domain_request_company_id_fkey; Type: FK CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.alias_domain_request
    ADD CONSTRAINT alias_domain_request_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE CASCADE;


--
-- Name: alias_domain_request alias_domain_request_requested_by_fkey; Type: FK CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.alias_domain_request
    ADD CONSTRAINT alias_domain_request_requested_by_fkey FOREIGN KEY (requested_by) REFERENCES public.res_users(id) ON DELETE SET NULL;


--
-- Name: company_bi_role company_bi_role_company_id_fkey; Type: FK CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.company_bi_role
    ADD CONSTRAINT company_bi_role_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE CASCADE;


--
-- Name: disabled_company disabled_company_company_id_fkey; Type: FK CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.disabled_company
    ADD CONSTRAINT disabled_company_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE CASCADE;


--
-- Name: http_session http_session_user_id_fkey; Type: FK CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.http_session
    ADD CONSTRAINT http_session_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.res_users(id) ON DELETE CASCADE;


--
-- Name: mail_route mail_route_company_id_fkey; Type: FK CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.mail_route
    ADD CONSTRAINT mail_route_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE CASCADE;


--
-- Name: transient_record transient_record_company_id_fkey; Type: FK CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.transient_record
    ADD CONSTRAINT transient_record_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE CASCADE;


--
-- Name: transient_record transient_record_create_uid_fkey; Type: FK CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.transient_record
    ADD CONSTRAINT transient_record_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id) ON DELETE CASCADE;


--
-- Name: user_api_key user_api_key_user_id_fkey; Type: FK CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.user_api_key
    ADD CONSTRAINT user_api_key_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.res_users(id) ON DELETE CASCADE;


--
-- Name: user_signup user_signup_company_id_invitation_id_fkey; Type: FK CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.user_signup
    ADD CONSTRAINT user_signup_company_id_invitation_id_fkey FOREIGN KEY (company_id, invitation_id) REFERENCES public.res_users_invitation(company_id, id) ON DELETE CASCADE;


--
-- Name: user_signup user_signup_user_id_fkey; Type: FK CONSTRAINT; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE ONLY embudo.user_signup
    ADD CONSTRAINT user_signup_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.res_users(id) ON DELETE CASCADE;


--
-- Name: account_payment_term account_payment_term_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.account_payment_term
    ADD CONSTRAINT account_payment_term_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: account_payment_term account_payment_term_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.account_payment_term
    ADD CONSTRAINT account_payment_term_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: account_payment_term_line account_payment_term_line_company_id_payment_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.account_payment_term_line
    ADD CONSTRAINT account_payment_term_line_company_id_payment_id_fkey FOREIGN KEY (company_id, payment_id) REFERENCES public.account_payment_term(company_id, id) ON DELETE CASCADE;


--
-- Name: account_payment_term account_payment_term_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.account_payment_term
    ADD CONSTRAINT account_payment_term_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: account_tax account_tax_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.account_tax
    ADD CONSTRAINT account_tax_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: account_tax account_tax_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.account_tax
    ADD CONSTRAINT account_tax_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: account_tax_sale_order_line_rel account_tax_sale_order_line_r_company_id_sale_order_line_i_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.account_tax_sale_order_line_rel
    ADD CONSTRAINT account_tax_sale_order_line_r_company_id_sale_order_line_i_fkey FOREIGN KEY (company_id, sale_order_line_id) REFERENCES public.sale_order_line(company_id, id) ON DELETE CASCADE;


--
-- Name: account_tax_sale_order_line_rel account_tax_sale_order_line_rel_company_id_account_tax_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.account_tax_sale_order_line_rel
    ADD CONSTRAINT account_tax_sale_order_line_rel_company_id_account_tax_id_fkey FOREIGN KEY (company_id, account_tax_id) REFERENCES public.account_tax(company_id, id) ON DELETE RESTRICT;


--
-- Name: account_tax_sale_order_line_rel account_tax_sale_order_line_rel_salesperson_key_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.account_tax_sale_order_line_rel
    ADD CONSTRAINT account_tax_sale_order_line_rel_salesperson_key_fkey FOREIGN KEY (company_id, sale_order_line_id, salesperson_key) REFERENCES public.sale_order_line(company_id, id, salesperson_key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: account_tax account_tax_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.account_tax
    ADD CONSTRAINT account_tax_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: calendar_alarm_calendar_event_rel calendar_alarm_calendar_even_company_id_calendar_event_id_fkey1; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_alarm_calendar_event_rel
    ADD CONSTRAINT calendar_alarm_calendar_even_company_id_calendar_event_id_fkey1 FOREIGN KEY (company_id, calendar_event_id, readers) REFERENCES public.calendar_event(company_id, id, readers) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: calendar_alarm_calendar_event_rel calendar_alarm_calendar_event_company_id_calendar_alarm_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_alarm_calendar_event_rel
    ADD CONSTRAINT calendar_alarm_calendar_event_company_id_calendar_alarm_id_fkey FOREIGN KEY (company_id, calendar_alarm_id) REFERENCES public.calendar_alarm(company_id, id) ON DELETE CASCADE;


--
-- Name: calendar_alarm_calendar_event_rel calendar_alarm_calendar_event_company_id_calendar_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_alarm_calendar_event_rel
    ADD CONSTRAINT calendar_alarm_calendar_event_company_id_calendar_event_id_fkey FOREIGN KEY (company_id, calendar_event_id) REFERENCES public.calendar_event(company_id, id) ON DELETE CASCADE;


--
-- Name: calendar_alarm calendar_alarm_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_alarm
    ADD CONSTRAINT calendar_alarm_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: calendar_alarm_sent calendar_alarm_sent_company_id_alarm_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_alarm_sent
    ADD CONSTRAINT calendar_alarm_sent_company_id_alarm_id_fkey FOREIGN KEY (company_id, alarm_id) REFERENCES public.calendar_alarm(company_id, id) ON DELETE CASCADE;


--
-- Name: calendar_alarm_sent calendar_alarm_sent_company_id_attendee_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_alarm_sent
    ADD CONSTRAINT calendar_alarm_sent_company_id_attendee_id_fkey FOREIGN KEY (company_id, attendee_id) REFERENCES public.calendar_attendee(company_id, id) ON DELETE CASCADE;


--
-- Name: calendar_alarm_sent calendar_alarm_sent_company_id_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_alarm_sent
    ADD CONSTRAINT calendar_alarm_sent_company_id_event_id_fkey FOREIGN KEY (company_id, event_id) REFERENCES public.calendar_event(company_id, id) ON DELETE CASCADE;


--
-- Name: calendar_attendee calendar_attendee_company_id_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_attendee
    ADD CONSTRAINT calendar_attendee_company_id_event_id_fkey FOREIGN KEY (company_id, event_id) REFERENCES public.calendar_event(company_id, id) ON DELETE CASCADE;


--
-- Name: calendar_attendee calendar_attendee_company_id_event_id_readers_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_attendee
    ADD CONSTRAINT calendar_attendee_company_id_event_id_readers_fkey FOREIGN KEY (company_id, event_id, readers) REFERENCES public.calendar_event(company_id, id, readers) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: calendar_attendee calendar_attendee_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_attendee
    ADD CONSTRAINT calendar_attendee_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: calendar_attendee calendar_attendee_company_id_partner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_attendee
    ADD CONSTRAINT calendar_attendee_company_id_partner_id_fkey FOREIGN KEY (company_id, partner_id) REFERENCES public.res_partner(company_id, id) ON DELETE CASCADE;


--
-- Name: calendar_attendee calendar_attendee_company_id_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_attendee
    ADD CONSTRAINT calendar_attendee_company_id_user_id_fkey FOREIGN KEY (company_id, user_id) REFERENCES public.res_company_member(company_id, user_id) ON DELETE CASCADE;


--
-- Name: calendar_attendee_token calendar_attendee_token_company_id_acting_user_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_attendee_token
    ADD CONSTRAINT calendar_attendee_token_company_id_acting_user_fkey FOREIGN KEY (company_id, acting_user) REFERENCES public.res_company_member(company_id, user_id) ON DELETE CASCADE;


--
-- Name: calendar_attendee_token calendar_attendee_token_company_id_attendee_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_attendee_token
    ADD CONSTRAINT calendar_attendee_token_company_id_attendee_id_fkey FOREIGN KEY (company_id, attendee_id) REFERENCES public.calendar_attendee(company_id, id) ON DELETE CASCADE;


--
-- Name: calendar_attendee_token calendar_attendee_token_company_id_attendee_id_readers_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_attendee_token
    ADD CONSTRAINT calendar_attendee_token_company_id_attendee_id_readers_fkey FOREIGN KEY (company_id, attendee_id, readers) REFERENCES public.calendar_attendee(company_id, id, readers) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: calendar_event calendar_event_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_event
    ADD CONSTRAINT calendar_event_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: calendar_event calendar_event_company_id_opportunity_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_event
    ADD CONSTRAINT calendar_event_company_id_opportunity_id_fkey FOREIGN KEY (company_id, opportunity_id) REFERENCES public.crm_lead(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: calendar_event calendar_event_company_id_recurrence_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_event
    ADD CONSTRAINT calendar_event_company_id_recurrence_id_fkey FOREIGN KEY (company_id, recurrence_id) REFERENCES public.calendar_recurrence(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: calendar_event calendar_event_company_id_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_event
    ADD CONSTRAINT calendar_event_company_id_user_id_fkey FOREIGN KEY (company_id, user_id) REFERENCES public.res_company_member(company_id, user_id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: calendar_event calendar_event_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_event
    ADD CONSTRAINT calendar_event_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: calendar_event calendar_event_res_model_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_event
    ADD CONSTRAINT calendar_event_res_model_id_fkey FOREIGN KEY (res_model_id) REFERENCES public.ir_model(id);


--
-- Name: calendar_event_res_partner_rel calendar_event_res_partner_r_company_id_calendar_event_id_fkey1; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_event_res_partner_rel
    ADD CONSTRAINT calendar_event_res_partner_r_company_id_calendar_event_id_fkey1 FOREIGN KEY (company_id, calendar_event_id, readers) REFERENCES public.calendar_event(company_id, id, readers) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: calendar_event_res_partner_rel calendar_event_res_partner_re_company_id_calendar_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_event_res_partner_rel
    ADD CONSTRAINT calendar_event_res_partner_re_company_id_calendar_event_id_fkey FOREIGN KEY (company_id, calendar_event_id) REFERENCES public.calendar_event(company_id, id) ON DELETE CASCADE;


--
-- Name: calendar_event_res_partner_rel calendar_event_res_partner_rel_company_id_res_partner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_event_res_partner_rel
    ADD CONSTRAINT calendar_event_res_partner_rel_company_id_res_partner_id_fkey FOREIGN KEY (company_id, res_partner_id) REFERENCES public.res_partner(company_id, id) ON DELETE CASCADE;


--
-- Name: calendar_event_res_users_rel calendar_event_res_users_rel_company_id_calendar_event_id__fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_event_res_users_rel
    ADD CONSTRAINT calendar_event_res_users_rel_company_id_calendar_event_id__fkey FOREIGN KEY (company_id, calendar_event_id, readers) REFERENCES public.calendar_event(company_id, id, readers) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: calendar_event_res_users_rel calendar_event_res_users_rel_company_id_calendar_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_event_res_users_rel
    ADD CONSTRAINT calendar_event_res_users_rel_company_id_calendar_event_id_fkey FOREIGN KEY (company_id, calendar_event_id) REFERENCES public.calendar_event(company_id, id) ON DELETE CASCADE;


--
-- Name: calendar_event_res_users_rel calendar_event_res_users_rel_company_id_res_users_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_event_res_users_rel
    ADD CONSTRAINT calendar_event_res_users_rel_company_id_res_users_id_fkey FOREIGN KEY (company_id, res_users_id) REFERENCES public.res_company_member(company_id, user_id) ON DELETE CASCADE;


--
-- Name: calendar_event_type calendar_event_type_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_event_type
    ADD CONSTRAINT calendar_event_type_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: calendar_event calendar_event_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_event
    ADD CONSTRAINT calendar_event_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: calendar_feed calendar_feed_company_id_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_feed
    ADD CONSTRAINT calendar_feed_company_id_user_id_fkey FOREIGN KEY (company_id, user_id) REFERENCES public.res_company_member(company_id, user_id) ON DELETE CASCADE;


--
-- Name: calendar_recurrence calendar_recurrence_company_id_base_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_recurrence
    ADD CONSTRAINT calendar_recurrence_company_id_base_event_id_fkey FOREIGN KEY (company_id, base_event_id) REFERENCES public.calendar_event(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: calendar_recurrence calendar_recurrence_company_id_base_event_id_readers_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_recurrence
    ADD CONSTRAINT calendar_recurrence_company_id_base_event_id_readers_fkey FOREIGN KEY (company_id, base_event_id, readers) REFERENCES public.calendar_event(company_id, id, readers) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: calendar_recurrence calendar_recurrence_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_recurrence
    ADD CONSTRAINT calendar_recurrence_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: calendar_recurrence calendar_recurrence_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_recurrence
    ADD CONSTRAINT calendar_recurrence_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: calendar_recurrence calendar_recurrence_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.calendar_recurrence
    ADD CONSTRAINT calendar_recurrence_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: crm_lead crm_lead_company_id_campaign_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lead
    ADD CONSTRAINT crm_lead_company_id_campaign_id_fkey FOREIGN KEY (company_id, campaign_id) REFERENCES public.utm_campaign(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_lead crm_lead_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lead
    ADD CONSTRAINT crm_lead_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: crm_lead crm_lead_company_id_lost_reason_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lead
    ADD CONSTRAINT crm_lead_company_id_lost_reason_fkey FOREIGN KEY (company_id, lost_reason) REFERENCES public.crm_lost_reason(company_id, id) ON DELETE RESTRICT;


--
-- Name: crm_lead crm_lead_company_id_medium_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lead
    ADD CONSTRAINT crm_lead_company_id_medium_id_fkey FOREIGN KEY (company_id, medium_id) REFERENCES public.utm_medium(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_lead crm_lead_company_id_partner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lead
    ADD CONSTRAINT crm_lead_company_id_partner_id_fkey FOREIGN KEY (company_id, partner_id) REFERENCES public.res_partner(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_lead crm_lead_company_id_source_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lead
    ADD CONSTRAINT crm_lead_company_id_source_id_fkey FOREIGN KEY (company_id, source_id) REFERENCES public.utm_source(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_lead crm_lead_company_id_stage_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lead
    ADD CONSTRAINT crm_lead_company_id_stage_id_fkey FOREIGN KEY (company_id, stage_id) REFERENCES public.crm_stage(company_id, id) ON DELETE RESTRICT;


--
-- Name: crm_lead crm_lead_company_id_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lead
    ADD CONSTRAINT crm_lead_company_id_team_id_fkey FOREIGN KEY (company_id, team_id) REFERENCES public.crm_team(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_lead crm_lead_company_id_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lead
    ADD CONSTRAINT crm_lead_company_id_user_id_fkey FOREIGN KEY (company_id, user_id) REFERENCES public.res_company_member(company_id, user_id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_lead crm_lead_country_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lead
    ADD CONSTRAINT crm_lead_country_id_fkey FOREIGN KEY (country_id) REFERENCES public.res_country(id);


--
-- Name: crm_lead crm_lead_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lead
    ADD CONSTRAINT crm_lead_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: crm_lead crm_lead_lang_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lead
    ADD CONSTRAINT crm_lead_lang_id_fkey FOREIGN KEY (lang_id) REFERENCES public.res_lang(id);


--
-- Name: crm_lead crm_lead_state_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lead
    ADD CONSTRAINT crm_lead_state_id_fkey FOREIGN KEY (state_id) REFERENCES public.res_country_state(id);


--
-- Name: crm_lead crm_lead_title_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lead
    ADD CONSTRAINT crm_lead_title_fkey FOREIGN KEY (title) REFERENCES public.res_partner_title(id);


--
-- Name: crm_lead crm_lead_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lead
    ADD CONSTRAINT crm_lead_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: crm_lost_reason crm_lost_reason_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lost_reason
    ADD CONSTRAINT crm_lost_reason_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: crm_lost_reason crm_lost_reason_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lost_reason
    ADD CONSTRAINT crm_lost_reason_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: crm_lost_reason crm_lost_reason_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_lost_reason
    ADD CONSTRAINT crm_lost_reason_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: crm_stage crm_stage_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_stage
    ADD CONSTRAINT crm_stage_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: crm_stage crm_stage_company_id_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_stage
    ADD CONSTRAINT crm_stage_company_id_team_id_fkey FOREIGN KEY (company_id, team_id) REFERENCES public.crm_team(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_stage crm_stage_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_stage
    ADD CONSTRAINT crm_stage_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: crm_stage crm_stage_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_stage
    ADD CONSTRAINT crm_stage_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: crm_tag crm_tag_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_tag
    ADD CONSTRAINT crm_tag_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: crm_tag crm_tag_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_tag
    ADD CONSTRAINT crm_tag_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: crm_tag_rel crm_tag_rel_company_id_lead_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_tag_rel
    ADD CONSTRAINT crm_tag_rel_company_id_lead_id_fkey FOREIGN KEY (company_id, lead_id) REFERENCES public.crm_lead(company_id, id) ON DELETE CASCADE;


--
-- Name: crm_tag_rel crm_tag_rel_company_id_tag_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_tag_rel
    ADD CONSTRAINT crm_tag_rel_company_id_tag_id_fkey FOREIGN KEY (company_id, tag_id) REFERENCES public.crm_tag(company_id, id) ON DELETE CASCADE;


--
-- Name: crm_tag_rel crm_tag_rel_salesperson_key_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_tag_rel
    ADD CONSTRAINT crm_tag_rel_salesperson_key_fkey FOREIGN KEY (company_id, lead_id, salesperson_key) REFERENCES public.crm_lead(company_id, id, salesperson_key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_tag crm_tag_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_tag
    ADD CONSTRAINT crm_tag_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: crm_team_closing crm_team_closing_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_team_closing
    ADD CONSTRAINT crm_team_closing_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: crm_team_closing crm_team_closing_company_id_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_team_closing
    ADD CONSTRAINT crm_team_closing_company_id_team_id_fkey FOREIGN KEY (company_id, team_id) REFERENCES public.crm_team(company_id, id) ON DELETE CASCADE;


--
-- Name: crm_team crm_team_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_team
    ADD CONSTRAINT crm_team_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: crm_team crm_team_company_id_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_team
    ADD CONSTRAINT crm_team_company_id_user_id_fkey FOREIGN KEY (company_id, user_id) REFERENCES public.res_company_member(company_id, user_id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: crm_team crm_team_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_team
    ADD CONSTRAINT crm_team_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: crm_team_member crm_team_member_company_id_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_team_member
    ADD CONSTRAINT crm_team_member_company_id_team_id_fkey FOREIGN KEY (company_id, team_id) REFERENCES public.crm_team(company_id, id) ON DELETE CASCADE;


--
-- Name: crm_team_member crm_team_member_company_id_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_team_member
    ADD CONSTRAINT crm_team_member_company_id_user_id_fkey FOREIGN KEY (company_id, user_id) REFERENCES public.res_company_member(company_id, user_id) ON DELETE CASCADE;


--
-- Name: crm_team crm_team_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.crm_team
    ADD CONSTRAINT crm_team_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: ir_attachment ir_attachment_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.ir_attachment
    ADD CONSTRAINT ir_attachment_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: ir_attachment ir_attachment_company_id_lead_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.ir_attachment
    ADD CONSTRAINT ir_attachment_company_id_lead_id_fkey FOREIGN KEY (company_id, lead_id) REFERENCES public.crm_lead(company_id, id) ON DELETE CASCADE;


--
-- Name: ir_attachment ir_attachment_company_id_mail_message_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.ir_attachment
    ADD CONSTRAINT ir_attachment_company_id_mail_message_id_fkey FOREIGN KEY (company_id, mail_message_id) REFERENCES public.mail_message(company_id, id) ON DELETE CASCADE;


--
-- Name: ir_attachment ir_attachment_company_id_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.ir_attachment
    ADD CONSTRAINT ir_attachment_company_id_order_id_fkey FOREIGN KEY (company_id, order_id) REFERENCES public.sale_order(company_id, id) ON DELETE CASCADE;


--
-- Name: ir_attachment ir_attachment_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.ir_attachment
    ADD CONSTRAINT ir_attachment_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: ir_attachment ir_attachment_lead_salesperson_key_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.ir_attachment
    ADD CONSTRAINT ir_attachment_lead_salesperson_key_fkey FOREIGN KEY (company_id, res_id, lead_salesperson_key) REFERENCES public.crm_lead(company_id, id, salesperson_key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ir_attachment ir_attachment_order_salesperson_key_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.ir_attachment
    ADD CONSTRAINT ir_attachment_order_salesperson_key_fkey FOREIGN KEY (company_id, res_id, order_salesperson_key) REFERENCES public.sale_order(company_id, id, salesperson_key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ir_model_data ir_model_data_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.ir_model_data
    ADD CONSTRAINT ir_model_data_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE CASCADE;


--
-- Name: ir_model_fields ir_model_fields_model_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.ir_model_fields
    ADD CONSTRAINT ir_model_fields_model_id_fkey FOREIGN KEY (model_id) REFERENCES public.ir_model(id) ON DELETE CASCADE;


--
-- Name: mail_activity mail_activity_company_id_activity_type_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity
    ADD CONSTRAINT mail_activity_company_id_activity_type_id_fkey FOREIGN KEY (company_id, activity_type_id) REFERENCES public.mail_activity_type(company_id, id) ON DELETE RESTRICT;


--
-- Name: mail_activity mail_activity_company_id_calendar_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity
    ADD CONSTRAINT mail_activity_company_id_calendar_event_id_fkey FOREIGN KEY (company_id, calendar_event_id) REFERENCES public.calendar_event(company_id, id) ON DELETE CASCADE;


--
-- Name: mail_activity mail_activity_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity
    ADD CONSTRAINT mail_activity_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: mail_activity mail_activity_company_id_lead_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity
    ADD CONSTRAINT mail_activity_company_id_lead_id_fkey FOREIGN KEY (company_id, lead_id) REFERENCES public.crm_lead(company_id, id) ON DELETE CASCADE;


--
-- Name: mail_activity mail_activity_company_id_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity
    ADD CONSTRAINT mail_activity_company_id_order_id_fkey FOREIGN KEY (company_id, order_id) REFERENCES public.sale_order(company_id, id) ON DELETE CASCADE;


--
-- Name: mail_activity mail_activity_company_id_previous_activity_type_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity
    ADD CONSTRAINT mail_activity_company_id_previous_activity_type_id_fkey FOREIGN KEY (company_id, previous_activity_type_id) REFERENCES public.mail_activity_type(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_activity mail_activity_company_id_recommended_activity_type_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity
    ADD CONSTRAINT mail_activity_company_id_recommended_activity_type_id_fkey FOREIGN KEY (company_id, recommended_activity_type_id) REFERENCES public.mail_activity_type(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_activity mail_activity_company_id_request_partner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity
    ADD CONSTRAINT mail_activity_company_id_request_partner_id_fkey FOREIGN KEY (company_id, request_partner_id) REFERENCES public.res_partner(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_activity mail_activity_company_id_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity
    ADD CONSTRAINT mail_activity_company_id_user_id_fkey FOREIGN KEY (company_id, user_id) REFERENCES public.res_company_member(company_id, user_id) ON DELETE CASCADE;


--
-- Name: mail_activity mail_activity_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity
    ADD CONSTRAINT mail_activity_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: mail_activity mail_activity_lead_salesperson_key_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity
    ADD CONSTRAINT mail_activity_lead_salesperson_key_fkey FOREIGN KEY (company_id, res_id, lead_salesperson_key) REFERENCES public.crm_lead(company_id, id, salesperson_key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_activity mail_activity_order_salesperson_key_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity
    ADD CONSTRAINT mail_activity_order_salesperson_key_fkey FOREIGN KEY (company_id, res_id, order_salesperson_key) REFERENCES public.sale_order(company_id, id, salesperson_key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_activity_rel mail_activity_rel_company_id_activity_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity_rel
    ADD CONSTRAINT mail_activity_rel_company_id_activity_id_fkey FOREIGN KEY (company_id, activity_id) REFERENCES public.mail_activity_type(company_id, id) ON DELETE CASCADE;


--
-- Name: mail_activity_rel mail_activity_rel_company_id_recommended_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity_rel
    ADD CONSTRAINT mail_activity_rel_company_id_recommended_id_fkey FOREIGN KEY (company_id, recommended_id) REFERENCES public.mail_activity_type(company_id, id) ON DELETE CASCADE;


--
-- Name: mail_activity mail_activity_res_model_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity
    ADD CONSTRAINT mail_activity_res_model_id_fkey FOREIGN KEY (res_model_id) REFERENCES public.ir_model(id);


--
-- Name: mail_activity_type mail_activity_type_company_id_default_next_type_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity_type
    ADD CONSTRAINT mail_activity_type_company_id_default_next_type_id_fkey FOREIGN KEY (company_id, default_next_type_id) REFERENCES public.mail_activity_type(company_id, id) ON DELETE RESTRICT;


--
-- Name: mail_activity_type mail_activity_type_company_id_default_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity_type
    ADD CONSTRAINT mail_activity_type_company_id_default_user_id_fkey FOREIGN KEY (company_id, default_user_id) REFERENCES public.res_company_member(company_id, user_id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_activity_type mail_activity_type_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity_type
    ADD CONSTRAINT mail_activity_type_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: mail_activity_type mail_activity_type_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity_type
    ADD CONSTRAINT mail_activity_type_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: mail_activity_type mail_activity_type_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity_type
    ADD CONSTRAINT mail_activity_type_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: mail_activity mail_activity_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_activity
    ADD CONSTRAINT mail_activity_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: mail_followers mail_followers_company_id_lead_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_followers
    ADD CONSTRAINT mail_followers_company_id_lead_id_fkey FOREIGN KEY (company_id, lead_id) REFERENCES public.crm_lead(company_id, id) ON DELETE CASCADE;


--
-- Name: mail_followers mail_followers_company_id_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_followers
    ADD CONSTRAINT mail_followers_company_id_order_id_fkey FOREIGN KEY (company_id, order_id) REFERENCES public.sale_order(company_id, id) ON DELETE CASCADE;


--
-- Name: mail_followers mail_followers_company_id_partner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_followers
    ADD CONSTRAINT mail_followers_company_id_partner_id_fkey FOREIGN KEY (company_id, partner_id) REFERENCES public.res_partner(company_id, id) ON DELETE CASCADE;


--
-- Name: mail_followers mail_followers_lead_salesperson_key_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_followers
    ADD CONSTRAINT mail_followers_lead_salesperson_key_fkey FOREIGN KEY (company_id, res_id, lead_salesperson_key) REFERENCES public.crm_lead(company_id, id, salesperson_key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_followers mail_followers_order_salesperson_key_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_followers
    ADD CONSTRAINT mail_followers_order_salesperson_key_fkey FOREIGN KEY (company_id, res_id, order_salesperson_key) REFERENCES public.sale_order(company_id, id, salesperson_key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_followers mail_followers_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_followers
    ADD CONSTRAINT mail_followers_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.res_users(id) ON DELETE CASCADE;


--
-- Name: mail_mail mail_mail_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_mail
    ADD CONSTRAINT mail_mail_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: mail_mail mail_mail_company_id_mail_message_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_mail
    ADD CONSTRAINT mail_mail_company_id_mail_message_id_fkey FOREIGN KEY (company_id, mail_message_id) REFERENCES public.mail_message(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_mail mail_mail_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_mail
    ADD CONSTRAINT mail_mail_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: mail_mail mail_mail_lead_salesperson_key_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_mail
    ADD CONSTRAINT mail_mail_lead_salesperson_key_fkey FOREIGN KEY (company_id, res_id, lead_salesperson_key) REFERENCES public.crm_lead(company_id, id, salesperson_key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_mail mail_mail_order_salesperson_key_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_mail
    ADD CONSTRAINT mail_mail_order_salesperson_key_fkey FOREIGN KEY (company_id, res_id, order_salesperson_key) REFERENCES public.sale_order(company_id, id, salesperson_key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_mail mail_mail_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_mail
    ADD CONSTRAINT mail_mail_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: mail_message mail_message_author_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_message
    ADD CONSTRAINT mail_message_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.res_users(id);


--
-- Name: mail_message mail_message_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_message
    ADD CONSTRAINT mail_message_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: mail_message mail_message_company_id_lead_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_message
    ADD CONSTRAINT mail_message_company_id_lead_id_fkey FOREIGN KEY (company_id, lead_id) REFERENCES public.crm_lead(company_id, id) ON DELETE CASCADE;


--
-- Name: mail_message mail_message_company_id_mail_activity_type_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_message
    ADD CONSTRAINT mail_message_company_id_mail_activity_type_id_fkey FOREIGN KEY (company_id, mail_activity_type_id) REFERENCES public.mail_activity_type(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_message mail_message_company_id_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_message
    ADD CONSTRAINT mail_message_company_id_order_id_fkey FOREIGN KEY (company_id, order_id) REFERENCES public.sale_order(company_id, id) ON DELETE CASCADE;


--
-- Name: mail_message mail_message_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_message
    ADD CONSTRAINT mail_message_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: mail_message mail_message_lead_salesperson_key_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_message
    ADD CONSTRAINT mail_message_lead_salesperson_key_fkey FOREIGN KEY (company_id, res_id, lead_salesperson_key) REFERENCES public.crm_lead(company_id, id, salesperson_key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_message mail_message_order_salesperson_key_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_message
    ADD CONSTRAINT mail_message_order_salesperson_key_fkey FOREIGN KEY (company_id, res_id, order_salesperson_key) REFERENCES public.sale_order(company_id, id, salesperson_key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: mail_message mail_message_subtype_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_message
    ADD CONSTRAINT mail_message_subtype_id_fkey FOREIGN KEY (subtype_id) REFERENCES public.mail_message_subtype(id);


--
-- Name: mail_message mail_message_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_message
    ADD CONSTRAINT mail_message_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: mail_tracking_value mail_tracking_value_company_id_mail_message_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_tracking_value
    ADD CONSTRAINT mail_tracking_value_company_id_mail_message_id_fkey FOREIGN KEY (company_id, mail_message_id) REFERENCES public.mail_message(company_id, id) ON DELETE CASCADE;


--
-- Name: mail_tracking_value mail_tracking_value_salesperson_key_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.mail_tracking_value
    ADD CONSTRAINT mail_tracking_value_salesperson_key_fkey FOREIGN KEY (company_id, mail_message_id, salesperson_key) REFERENCES public.mail_message(company_id, id, salesperson_key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: meeting_category_rel meeting_category_rel_company_id_event_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.meeting_category_rel
    ADD CONSTRAINT meeting_category_rel_company_id_event_id_fkey FOREIGN KEY (company_id, event_id) REFERENCES public.calendar_event(company_id, id) ON DELETE CASCADE;


--
-- Name: meeting_category_rel meeting_category_rel_company_id_event_id_readers_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.meeting_category_rel
    ADD CONSTRAINT meeting_category_rel_company_id_event_id_readers_fkey FOREIGN KEY (company_id, event_id, readers) REFERENCES public.calendar_event(company_id, id, readers) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: meeting_category_rel meeting_category_rel_company_id_type_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.meeting_category_rel
    ADD CONSTRAINT meeting_category_rel_company_id_type_id_fkey FOREIGN KEY (company_id, type_id) REFERENCES public.calendar_event_type(company_id, id) ON DELETE CASCADE;


--
-- Name: product_category product_category_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_category
    ADD CONSTRAINT product_category_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: product_category product_category_company_id_parent_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_category
    ADD CONSTRAINT product_category_company_id_parent_id_fkey FOREIGN KEY (company_id, parent_id) REFERENCES public.product_category(company_id, id) ON DELETE CASCADE;


--
-- Name: product_category product_category_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_category
    ADD CONSTRAINT product_category_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: product_category product_category_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_category
    ADD CONSTRAINT product_category_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: product_pricelist product_pricelist_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_pricelist
    ADD CONSTRAINT product_pricelist_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: product_pricelist product_pricelist_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_pricelist
    ADD CONSTRAINT product_pricelist_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: product_pricelist product_pricelist_currency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_pricelist
    ADD CONSTRAINT product_pricelist_currency_id_fkey FOREIGN KEY (currency_id) REFERENCES public.res_currency(id);


--
-- Name: product_pricelist_item product_pricelist_item_company_id_categ_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_pricelist_item
    ADD CONSTRAINT product_pricelist_item_company_id_categ_id_fkey FOREIGN KEY (company_id, categ_id) REFERENCES public.product_category(company_id, id) ON DELETE CASCADE;


--
-- Name: product_pricelist_item product_pricelist_item_company_id_pricelist_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_pricelist_item
    ADD CONSTRAINT product_pricelist_item_company_id_pricelist_id_fkey FOREIGN KEY (company_id, pricelist_id) REFERENCES public.product_pricelist(company_id, id) ON DELETE CASCADE;


--
-- Name: product_pricelist_item product_pricelist_item_company_id_product_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_pricelist_item
    ADD CONSTRAINT product_pricelist_item_company_id_product_id_fkey FOREIGN KEY (company_id, product_id) REFERENCES public.product_product(company_id, id) ON DELETE CASCADE;


--
-- Name: product_pricelist product_pricelist_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_pricelist
    ADD CONSTRAINT product_pricelist_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: product_product product_product_company_id_categ_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_product
    ADD CONSTRAINT product_product_company_id_categ_id_fkey FOREIGN KEY (company_id, categ_id) REFERENCES public.product_category(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: product_product product_product_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_product
    ADD CONSTRAINT product_product_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: product_product product_product_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_product
    ADD CONSTRAINT product_product_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: product_product product_product_uom_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_product
    ADD CONSTRAINT product_product_uom_id_fkey FOREIGN KEY (uom_id) REFERENCES public.uom_uom(id);


--
-- Name: product_product product_product_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_product
    ADD CONSTRAINT product_product_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: product_taxes_rel product_taxes_rel_company_id_prod_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_taxes_rel
    ADD CONSTRAINT product_taxes_rel_company_id_prod_id_fkey FOREIGN KEY (company_id, prod_id) REFERENCES public.product_product(company_id, id) ON DELETE CASCADE;


--
-- Name: product_taxes_rel product_taxes_rel_company_id_tax_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.product_taxes_rel
    ADD CONSTRAINT product_taxes_rel_company_id_tax_id_fkey FOREIGN KEY (company_id, tax_id) REFERENCES public.account_tax(company_id, id) ON DELETE CASCADE;


--
-- Name: res_company res_company_currency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_company
    ADD CONSTRAINT res_company_currency_id_fkey FOREIGN KEY (currency_id) REFERENCES public.res_currency(id);


--
-- Name: res_company res_company_lang_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_company
    ADD CONSTRAINT res_company_lang_fkey FOREIGN KEY (lang) REFERENCES public.res_lang(code);


--
-- Name: res_company_member res_company_member_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_company_member
    ADD CONSTRAINT res_company_member_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE CASCADE;


--
-- Name: res_company_member res_company_member_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_company_member
    ADD CONSTRAINT res_company_member_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.res_users(id) ON DELETE CASCADE;


--
-- Name: res_country res_country_currency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_country
    ADD CONSTRAINT res_country_currency_id_fkey FOREIGN KEY (currency_id) REFERENCES public.res_currency(id);


--
-- Name: res_country_state res_country_state_country_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_country_state
    ADD CONSTRAINT res_country_state_country_id_fkey FOREIGN KEY (country_id) REFERENCES public.res_country(id);


--
-- Name: res_partner_category res_partner_category_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner_category
    ADD CONSTRAINT res_partner_category_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: res_partner_category res_partner_category_company_id_parent_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner_category
    ADD CONSTRAINT res_partner_category_company_id_parent_id_fkey FOREIGN KEY (company_id, parent_id) REFERENCES public.res_partner_category(company_id, id);


--
-- Name: res_partner_category res_partner_category_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner_category
    ADD CONSTRAINT res_partner_category_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: res_partner_category res_partner_category_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner_category
    ADD CONSTRAINT res_partner_category_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: res_partner res_partner_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: res_partner res_partner_company_id_parent_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_company_id_parent_id_fkey FOREIGN KEY (company_id, parent_id) REFERENCES public.res_partner(company_id, id);


--
-- Name: res_partner res_partner_company_id_property_payment_term_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_company_id_property_payment_term_id_fkey FOREIGN KEY (company_id, property_payment_term_id) REFERENCES public.account_payment_term(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: res_partner res_partner_company_id_property_product_pricelist_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_company_id_property_product_pricelist_fkey FOREIGN KEY (company_id, property_product_pricelist) REFERENCES public.product_pricelist(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: res_partner res_partner_company_id_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_company_id_team_id_fkey FOREIGN KEY (company_id, team_id) REFERENCES public.crm_team(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: res_partner res_partner_company_id_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_company_id_user_id_fkey FOREIGN KEY (company_id, user_id) REFERENCES public.res_company_member(company_id, user_id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: res_partner res_partner_country_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_country_id_fkey FOREIGN KEY (country_id) REFERENCES public.res_country(id);


--
-- Name: res_partner res_partner_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: res_partner_res_partner_category_rel res_partner_res_partner_category_re_company_id_category_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner_res_partner_category_rel
    ADD CONSTRAINT res_partner_res_partner_category_re_company_id_category_id_fkey FOREIGN KEY (company_id, category_id) REFERENCES public.res_partner_category(company_id, id) ON DELETE CASCADE;


--
-- Name: res_partner_res_partner_category_rel res_partner_res_partner_category_rel_company_id_partner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner_res_partner_category_rel
    ADD CONSTRAINT res_partner_res_partner_category_rel_company_id_partner_id_fkey FOREIGN KEY (company_id, partner_id) REFERENCES public.res_partner(company_id, id) ON DELETE CASCADE;


--
-- Name: res_partner res_partner_state_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_state_id_fkey FOREIGN KEY (state_id) REFERENCES public.res_country_state(id);


--
-- Name: res_partner res_partner_title_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_title_fkey FOREIGN KEY (title) REFERENCES public.res_partner_title(id);


--
-- Name: res_partner res_partner_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_partner
    ADD CONSTRAINT res_partner_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: res_users res_users_home_membership; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_users
    ADD CONSTRAINT res_users_home_membership FOREIGN KEY (company_id, id) REFERENCES public.res_company_member(company_id, user_id) ON DELETE SET NULL (company_id);


--
-- Name: res_users_invitation res_users_invitation_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_users_invitation
    ADD CONSTRAINT res_users_invitation_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id) ON DELETE CASCADE;


--
-- Name: res_users_invitation res_users_invitation_invited_by_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_users_invitation
    ADD CONSTRAINT res_users_invitation_invited_by_fkey FOREIGN KEY (invited_by) REFERENCES public.res_users(id) ON DELETE SET NULL;


--
-- Name: res_users_invitation res_users_invitation_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.res_users_invitation
    ADD CONSTRAINT res_users_invitation_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.res_users(id) ON DELETE CASCADE;


--
-- Name: sale_order sale_order_company_id_campaign_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_company_id_campaign_id_fkey FOREIGN KEY (company_id, campaign_id) REFERENCES public.utm_campaign(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sale_order sale_order_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: sale_order sale_order_company_id_medium_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_company_id_medium_id_fkey FOREIGN KEY (company_id, medium_id) REFERENCES public.utm_medium(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sale_order sale_order_company_id_opportunity_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_company_id_opportunity_id_fkey FOREIGN KEY (company_id, opportunity_id) REFERENCES public.crm_lead(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sale_order sale_order_company_id_partner_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_company_id_partner_id_fkey FOREIGN KEY (company_id, partner_id) REFERENCES public.res_partner(company_id, id) ON DELETE RESTRICT;


--
-- Name: sale_order sale_order_company_id_partner_invoice_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_company_id_partner_invoice_id_fkey FOREIGN KEY (company_id, partner_invoice_id) REFERENCES public.res_partner(company_id, id) ON DELETE RESTRICT;


--
-- Name: sale_order sale_order_company_id_partner_shipping_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_company_id_partner_shipping_id_fkey FOREIGN KEY (company_id, partner_shipping_id) REFERENCES public.res_partner(company_id, id) ON DELETE RESTRICT;


--
-- Name: sale_order sale_order_company_id_payment_term_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_company_id_payment_term_id_fkey FOREIGN KEY (company_id, payment_term_id) REFERENCES public.account_payment_term(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sale_order sale_order_company_id_pricelist_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_company_id_pricelist_id_fkey FOREIGN KEY (company_id, pricelist_id) REFERENCES public.product_pricelist(company_id, id) ON DELETE RESTRICT;


--
-- Name: sale_order sale_order_company_id_source_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_company_id_source_id_fkey FOREIGN KEY (company_id, source_id) REFERENCES public.utm_source(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sale_order sale_order_company_id_team_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_company_id_team_id_fkey FOREIGN KEY (company_id, team_id) REFERENCES public.crm_team(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sale_order sale_order_company_id_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_company_id_user_id_fkey FOREIGN KEY (company_id, user_id) REFERENCES public.res_company_member(company_id, user_id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sale_order sale_order_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: sale_order sale_order_currency_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_currency_id_fkey FOREIGN KEY (currency_id) REFERENCES public.res_currency(id);


--
-- Name: sale_order sale_order_l10n_mx_edi_payment_method_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_l10n_mx_edi_payment_method_id_fkey FOREIGN KEY (l10n_mx_edi_payment_method_id) REFERENCES public.l10n_mx_edi_payment_method(id);


--
-- Name: sale_order sale_order_l10n_mx_edi_payment_policy_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_l10n_mx_edi_payment_policy_fkey FOREIGN KEY (l10n_mx_edi_payment_policy) REFERENCES public.l10n_mx_edi_payment_policy(code);


--
-- Name: sale_order sale_order_l10n_mx_edi_usage_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_l10n_mx_edi_usage_fkey FOREIGN KEY (l10n_mx_edi_usage) REFERENCES public.l10n_mx_edi_usage(code);


--
-- Name: sale_order_line sale_order_line_company_id_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_line
    ADD CONSTRAINT sale_order_line_company_id_order_id_fkey FOREIGN KEY (company_id, order_id) REFERENCES public.sale_order(company_id, id) ON DELETE CASCADE;


--
-- Name: sale_order_line sale_order_line_company_id_product_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_line
    ADD CONSTRAINT sale_order_line_company_id_product_id_fkey FOREIGN KEY (company_id, product_id) REFERENCES public.product_product(company_id, id) ON DELETE RESTRICT;


--
-- Name: sale_order_line sale_order_line_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_line
    ADD CONSTRAINT sale_order_line_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: sale_order_line sale_order_line_product_uom_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_line
    ADD CONSTRAINT sale_order_line_product_uom_fkey FOREIGN KEY (product_uom) REFERENCES public.uom_uom(id);


--
-- Name: sale_order_line sale_order_line_salesperson_key_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_line
    ADD CONSTRAINT sale_order_line_salesperson_key_fkey FOREIGN KEY (company_id, order_id, salesperson_key) REFERENCES public.sale_order(company_id, id, salesperson_key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sale_order_line sale_order_line_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_line
    ADD CONSTRAINT sale_order_line_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: sale_order_option sale_order_option_company_id_line_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_option
    ADD CONSTRAINT sale_order_option_company_id_line_id_fkey FOREIGN KEY (company_id, line_id) REFERENCES public.sale_order_line(company_id, id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sale_order_option sale_order_option_company_id_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_option
    ADD CONSTRAINT sale_order_option_company_id_order_id_fkey FOREIGN KEY (company_id, order_id) REFERENCES public.sale_order(company_id, id) ON DELETE CASCADE;


--
-- Name: sale_order_option sale_order_option_company_id_product_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_option
    ADD CONSTRAINT sale_order_option_company_id_product_id_fkey FOREIGN KEY (company_id, product_id) REFERENCES public.product_product(company_id, id) ON DELETE RESTRICT;


--
-- Name: sale_order_option sale_order_option_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_option
    ADD CONSTRAINT sale_order_option_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: sale_order_option sale_order_option_salesperson_key_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_option
    ADD CONSTRAINT sale_order_option_salesperson_key_fkey FOREIGN KEY (company_id, order_id, salesperson_key) REFERENCES public.sale_order(company_id, id, salesperson_key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sale_order_option sale_order_option_uom_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_option
    ADD CONSTRAINT sale_order_option_uom_id_fkey FOREIGN KEY (uom_id) REFERENCES public.uom_uom(id);


--
-- Name: sale_order_option sale_order_option_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_option
    ADD CONSTRAINT sale_order_option_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: sale_order_portal_token sale_order_portal_token_company_id_acting_user_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_portal_token
    ADD CONSTRAINT sale_order_portal_token_company_id_acting_user_fkey FOREIGN KEY (company_id, acting_user) REFERENCES public.res_company_member(company_id, user_id) ON DELETE CASCADE;


--
-- Name: sale_order_portal_token sale_order_portal_token_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_portal_token
    ADD CONSTRAINT sale_order_portal_token_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: sale_order_portal_token sale_order_portal_token_company_id_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_portal_token
    ADD CONSTRAINT sale_order_portal_token_company_id_order_id_fkey FOREIGN KEY (company_id, order_id) REFERENCES public.sale_order(company_id, id) ON DELETE CASCADE;


--
-- Name: sale_order_portal_token sale_order_portal_token_salesperson_key_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_portal_token
    ADD CONSTRAINT sale_order_portal_token_salesperson_key_fkey FOREIGN KEY (company_id, order_id, salesperson_key) REFERENCES public.sale_order(company_id, id, salesperson_key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sale_order_sequence sale_order_sequence_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_sequence
    ADD CONSTRAINT sale_order_sequence_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: sale_order_tag_rel sale_order_tag_rel_company_id_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_tag_rel
    ADD CONSTRAINT sale_order_tag_rel_company_id_order_id_fkey FOREIGN KEY (company_id, order_id) REFERENCES public.sale_order(company_id, id) ON DELETE CASCADE;


--
-- Name: sale_order_tag_rel sale_order_tag_rel_company_id_tag_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_tag_rel
    ADD CONSTRAINT sale_order_tag_rel_company_id_tag_id_fkey FOREIGN KEY (company_id, tag_id) REFERENCES public.crm_tag(company_id, id) ON DELETE CASCADE;


--
-- Name: sale_order_tag_rel sale_order_tag_rel_salesperson_key_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order_tag_rel
    ADD CONSTRAINT sale_order_tag_rel_salesperson_key_fkey FOREIGN KEY (company_id, order_id, salesperson_key) REFERENCES public.sale_order(company_id, id, salesperson_key) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;


--
-- Name: sale_order sale_order_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.sale_order
    ADD CONSTRAINT sale_order_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: uom_uom uom_uom_category_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.uom_uom
    ADD CONSTRAINT uom_uom_category_id_fkey FOREIGN KEY (category_id) REFERENCES public.uom_category(id);


--
-- Name: utm_campaign utm_campaign_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.utm_campaign
    ADD CONSTRAINT utm_campaign_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: utm_campaign utm_campaign_create_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.utm_campaign
    ADD CONSTRAINT utm_campaign_create_uid_fkey FOREIGN KEY (create_uid) REFERENCES public.res_users(id);


--
-- Name: utm_campaign utm_campaign_write_uid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.utm_campaign
    ADD CONSTRAINT utm_campaign_write_uid_fkey FOREIGN KEY (write_uid) REFERENCES public.res_users(id);


--
-- Name: utm_medium utm_medium_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.utm_medium
    ADD CONSTRAINT utm_medium_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: utm_source utm_source_company_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: embudo_owner
--

ALTER TABLE ONLY public.utm_source
    ADD CONSTRAINT utm_source_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.res_company(id);


--
-- Name: transient_record own_wizards; Type: POLICY; Schema: embudo; Owner: embudo_owner
--

CREATE POLICY own_wizards ON embudo.transient_record TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (create_uid = ( SELECT embudo.current_user_id() AS current_user_id)))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (create_uid = ( SELECT embudo.current_user_id() AS current_user_id))));


--
-- Name: transient_record; Type: ROW SECURITY; Schema: embudo; Owner: embudo_owner
--

ALTER TABLE embudo.transient_record ENABLE ROW LEVEL SECURITY;

--
-- Name: account_payment_term; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.account_payment_term ENABLE ROW LEVEL SECURITY;

--
-- Name: account_payment_term_line; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.account_payment_term_line ENABLE ROW LEVEL SECURITY;

--
-- Name: account_tax; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.account_tax ENABLE ROW LEVEL SECURITY;

--
-- Name: account_tax_sale_order_line_rel; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.account_tax_sale_order_line_rel ENABLE ROW LEVEL SECURITY;

--
-- Name: crm_lead admin_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY admin_delete ON public.crm_lead FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: mail_message admin_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY admin_delete ON public.mail_message FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: sale_order admin_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY admin_delete ON public.sale_order FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: res_company admin_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY admin_update ON public.res_company FOR UPDATE TO embudo_service USING (((id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: res_users_invitation admins_and_invitee; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY admins_and_invitee ON public.res_users_invitation FOR SELECT TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[])) OR ((state = 'pending'::text) AND (user_id = ( SELECT embudo.current_user_id() AS current_user_id)))));


--
-- Name: calendar_event attendee_or_reader_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY attendee_or_reader_create ON public.calendar_event FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0]))));


--
-- Name: calendar_event attendee_or_reader_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY attendee_or_reader_read ON public.calendar_event FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0]))));


--
-- Name: calendar_event attendee_or_reader_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY attendee_or_reader_update ON public.calendar_event FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0])))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0]))));


--
-- Name: mail_followers bi_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY bi_read ON public.mail_followers FOR SELECT TO embudo_bi USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: res_partner_res_partner_category_rel bi_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY bi_read ON public.res_partner_res_partner_category_rel FOR SELECT TO embudo_bi USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: calendar_alarm; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.calendar_alarm ENABLE ROW LEVEL SECURITY;

--
-- Name: calendar_alarm_calendar_event_rel; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.calendar_alarm_calendar_event_rel ENABLE ROW LEVEL SECURITY;

--
-- Name: calendar_alarm_sent; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.calendar_alarm_sent ENABLE ROW LEVEL SECURITY;

--
-- Name: calendar_attendee; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.calendar_attendee ENABLE ROW LEVEL SECURITY;

--
-- Name: calendar_attendee_token; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.calendar_attendee_token ENABLE ROW LEVEL SECURITY;

--
-- Name: calendar_event; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.calendar_event ENABLE ROW LEVEL SECURITY;

--
-- Name: calendar_event_res_partner_rel; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.calendar_event_res_partner_rel ENABLE ROW LEVEL SECURITY;

--
-- Name: calendar_event_res_users_rel; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.calendar_event_res_users_rel ENABLE ROW LEVEL SECURITY;

--
-- Name: calendar_event_type; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.calendar_event_type ENABLE ROW LEVEL SECURITY;

--
-- Name: calendar_feed; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.calendar_feed ENABLE ROW LEVEL SECURITY;

--
-- Name: calendar_recurrence; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.calendar_recurrence ENABLE ROW LEVEL SECURITY;

--
-- Name: res_company_member colleagues; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY colleagues ON public.res_company_member FOR SELECT TO embudo_service USING (((user_id = ( SELECT embudo.current_user_id() AS current_user_id)) OR (company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[]))));


--
-- Name: res_users colleagues; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY colleagues ON public.res_users FOR SELECT TO embudo_service USING (((id = ( SELECT embudo.current_user_id() AS current_user_id)) OR (member_of && ( SELECT embudo.company_ids() AS company_ids))));


--
-- Name: ir_attachment creator_or_admin_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY creator_or_admin_delete ON public.ir_attachment FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((create_uid = ( SELECT embudo.current_user_id() AS current_user_id)) OR (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[])))));


--
-- Name: crm_lead; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.crm_lead ENABLE ROW LEVEL SECURITY;

--
-- Name: crm_lost_reason; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.crm_lost_reason ENABLE ROW LEVEL SECURITY;

--
-- Name: crm_stage; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.crm_stage ENABLE ROW LEVEL SECURITY;

--
-- Name: crm_tag; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.crm_tag ENABLE ROW LEVEL SECURITY;

--
-- Name: crm_tag_rel; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.crm_tag_rel ENABLE ROW LEVEL SECURITY;

--
-- Name: crm_team; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.crm_team ENABLE ROW LEVEL SECURITY;

--
-- Name: crm_team_closing; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.crm_team_closing ENABLE ROW LEVEL SECURITY;

--
-- Name: crm_team_member; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.crm_team_member ENABLE ROW LEVEL SECURITY;

--
-- Name: account_payment_term deleter_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY deleter_delete ON public.account_payment_term FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: account_payment_term_line deleter_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY deleter_delete ON public.account_payment_term_line FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: account_tax deleter_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY deleter_delete ON public.account_tax FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: calendar_alarm deleter_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY deleter_delete ON public.calendar_alarm FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: calendar_event_type deleter_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY deleter_delete ON public.calendar_event_type FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: crm_lost_reason deleter_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY deleter_delete ON public.crm_lost_reason FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: crm_stage deleter_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY deleter_delete ON public.crm_stage FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: crm_tag deleter_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY deleter_delete ON public.crm_tag FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: crm_team deleter_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY deleter_delete ON public.crm_team FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: crm_team_member deleter_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY deleter_delete ON public.crm_team_member FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: mail_activity_rel deleter_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY deleter_delete ON public.mail_activity_rel FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: mail_activity_type deleter_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY deleter_delete ON public.mail_activity_type FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: product_category deleter_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY deleter_delete ON public.product_category FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: product_pricelist deleter_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY deleter_delete ON public.product_pricelist FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: product_pricelist_item deleter_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY deleter_delete ON public.product_pricelist_item FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: product_product deleter_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY deleter_delete ON public.product_product FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: product_taxes_rel deleter_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY deleter_delete ON public.product_taxes_rel FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: ir_attachment; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.ir_attachment ENABLE ROW LEVEL SECURITY;

--
-- Name: ir_model_data; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.ir_model_data ENABLE ROW LEVEL SECURITY;

--
-- Name: mail_activity; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.mail_activity ENABLE ROW LEVEL SECURITY;

--
-- Name: mail_activity_rel; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.mail_activity_rel ENABLE ROW LEVEL SECURITY;

--
-- Name: mail_activity_type; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.mail_activity_type ENABLE ROW LEVEL SECURITY;

--
-- Name: mail_followers; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.mail_followers ENABLE ROW LEVEL SECURITY;

--
-- Name: mail_mail; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.mail_mail ENABLE ROW LEVEL SECURITY;

--
-- Name: mail_message; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.mail_message ENABLE ROW LEVEL SECURITY;

--
-- Name: mail_tracking_value; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.mail_tracking_value ENABLE ROW LEVEL SECURITY;

--
-- Name: res_partner manager_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY manager_delete ON public.res_partner FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: res_partner_category manager_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY manager_delete ON public.res_partner_category FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: utm_campaign manager_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY manager_delete ON public.utm_campaign FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: utm_medium manager_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY manager_delete ON public.utm_medium FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: utm_source manager_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY manager_delete ON public.utm_source FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: meeting_category_rel; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.meeting_category_rel ENABLE ROW LEVEL SECURITY;

--
-- Name: crm_team_closing member_all; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_all ON public.crm_team_closing TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true)) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: res_partner_res_partner_category_rel member_all; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_all ON public.res_partner_res_partner_category_rel TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true)) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: sale_order_sequence member_all; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_all ON public.sale_order_sequence TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true)) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: res_partner member_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_create ON public.res_partner FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: res_partner_category member_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_create ON public.res_partner_category FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: utm_campaign member_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_create ON public.utm_campaign FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: utm_medium member_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_create ON public.utm_medium FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: utm_source member_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_create ON public.utm_source FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: account_payment_term member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.account_payment_term FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: account_payment_term_line member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.account_payment_term_line FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: account_tax member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.account_tax FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: calendar_alarm member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.calendar_alarm FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: calendar_event_res_users_rel member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.calendar_event_res_users_rel FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((res_users_id = ( SELECT embudo.current_user_id() AS current_user_id)) OR ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0]))));


--
-- Name: calendar_event_type member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.calendar_event_type FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: crm_lost_reason member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.crm_lost_reason FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: crm_stage member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.crm_stage FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: crm_tag member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.crm_tag FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: crm_team member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.crm_team FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: crm_team_member member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.crm_team_member FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: mail_activity_rel member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.mail_activity_rel FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: mail_activity_type member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.mail_activity_type FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: product_category member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.product_category FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: product_pricelist member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.product_pricelist FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: product_pricelist_item member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.product_pricelist_item FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: product_product member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.product_product FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: product_taxes_rel member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.product_taxes_rel FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: res_company member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.res_company FOR SELECT USING (((id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: res_partner member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.res_partner FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: res_partner_category member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.res_partner_category FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: utm_campaign member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.utm_campaign FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: utm_medium member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.utm_medium FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: utm_source member_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_read ON public.utm_source FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: res_partner member_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_update ON public.res_partner FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: res_partner_category member_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_update ON public.res_partner_category FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: utm_campaign member_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_update ON public.utm_campaign FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: utm_medium member_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_update ON public.utm_medium FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: utm_source member_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY member_update ON public.utm_source FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: crm_lead merged_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY merged_delete ON public.crm_lead FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (id = ANY ((string_to_array(NULLIF(current_setting('embudo.merged_lead_ids'::text, true), ''::text), ','::text))::integer[]))));


--
-- Name: calendar_event organizer_or_admin_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY organizer_or_admin_delete ON public.calendar_event FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((user_id = ( SELECT embudo.current_user_id() AS current_user_id)) OR (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[])))));


--
-- Name: res_company owner_currency; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_currency ON public.res_company FOR UPDATE TO embudo_owner USING (((id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[])))) WITH CHECK (((id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: account_tax_sale_order_line_rel owner_exists; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_exists ON public.account_tax_sale_order_line_rel FOR SELECT TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: calendar_event owner_exists; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_exists ON public.calendar_event FOR SELECT TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: crm_lead owner_exists; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_exists ON public.crm_lead FOR SELECT TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: crm_tag_rel owner_exists; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_exists ON public.crm_tag_rel FOR SELECT TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: mail_activity owner_exists; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_exists ON public.mail_activity FOR SELECT TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: mail_message owner_exists; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_exists ON public.mail_message FOR SELECT TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: sale_order owner_exists; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_exists ON public.sale_order FOR SELECT TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: sale_order_line owner_exists; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_exists ON public.sale_order_line FOR SELECT TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: sale_order_option owner_exists; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_exists ON public.sale_order_option FOR SELECT TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: sale_order_portal_token owner_exists; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_exists ON public.sale_order_portal_token FOR SELECT TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: sale_order_tag_rel owner_exists; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_exists ON public.sale_order_tag_rel FOR SELECT TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: mail_activity owner_or_writer_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_or_writer_delete ON public.mail_activity FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((create_uid = ( SELECT embudo.current_user_id() AS current_user_id)) OR (user_id = ( SELECT embudo.current_user_id() AS current_user_id)) OR (company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (lead_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (lead_salesperson_key = 0) OR (order_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (order_salesperson_key = 0))));


--
-- Name: mail_activity owner_or_writer_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_or_writer_update ON public.mail_activity FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((create_uid = ( SELECT embudo.current_user_id() AS current_user_id)) OR (user_id = ( SELECT embudo.current_user_id() AS current_user_id)) OR (company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (lead_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (lead_salesperson_key = 0) OR (order_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (order_salesperson_key = 0))));


--
-- Name: calendar_alarm_calendar_event_rel owner_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_read ON public.calendar_alarm_calendar_event_rel FOR SELECT TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: calendar_attendee owner_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_read ON public.calendar_attendee FOR SELECT TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: calendar_attendee_token owner_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_read ON public.calendar_attendee_token FOR SELECT TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: calendar_event_res_partner_rel owner_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_read ON public.calendar_event_res_partner_rel FOR SELECT TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: calendar_event_res_users_rel owner_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_read ON public.calendar_event_res_users_rel FOR SELECT TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: calendar_recurrence owner_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_read ON public.calendar_recurrence FOR SELECT TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: meeting_category_rel owner_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_read ON public.meeting_category_rel FOR SELECT TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: account_tax_sale_order_line_rel owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.account_tax_sale_order_line_rel TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: calendar_alarm_calendar_event_rel owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.calendar_alarm_calendar_event_rel TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: calendar_attendee owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.calendar_attendee TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: calendar_attendee_token owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.calendar_attendee_token TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: calendar_event owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.calendar_event TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: calendar_event_res_partner_rel owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.calendar_event_res_partner_rel TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: calendar_event_res_users_rel owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.calendar_event_res_users_rel TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: calendar_recurrence owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.calendar_recurrence TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: crm_lead owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.crm_lead TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: crm_stage owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.crm_stage TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: crm_tag_rel owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.crm_tag_rel TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: crm_team owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.crm_team TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: crm_team_closing owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.crm_team_closing TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: ir_attachment owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.ir_attachment TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: mail_activity owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.mail_activity TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: mail_activity_type owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.mail_activity_type TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: mail_followers owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.mail_followers TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: mail_mail owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.mail_mail TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: mail_message owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.mail_message TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: mail_tracking_value owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.mail_tracking_value TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: meeting_category_rel owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.meeting_category_rel TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: product_product owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.product_product TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: res_partner owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.res_partner TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: sale_order owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.sale_order TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: sale_order_line owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.sale_order_line TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: sale_order_option owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.sale_order_option TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: sale_order_portal_token owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.sale_order_portal_token TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: sale_order_tag_rel owner_writes; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY owner_writes ON public.sale_order_tag_rel TO embudo_owner USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (COALESCE(current_setting('embudo.owner_writes'::text, true), ''::text) <> ''::text)));


--
-- Name: crm_lead personal_or_all_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY personal_or_all_create ON public.crm_lead FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (user_id = ( SELECT embudo.current_user_id() AS current_user_id)) OR (user_id IS NULL))));


--
-- Name: sale_order personal_or_all_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY personal_or_all_create ON public.sale_order FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (user_id = ( SELECT embudo.current_user_id() AS current_user_id)) OR (user_id IS NULL))));


--
-- Name: crm_lead personal_or_all_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY personal_or_all_read ON public.crm_lead FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (user_id = ( SELECT embudo.current_user_id() AS current_user_id)) OR (user_id IS NULL))));


--
-- Name: sale_order personal_or_all_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY personal_or_all_read ON public.sale_order FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (user_id = ( SELECT embudo.current_user_id() AS current_user_id)) OR (user_id IS NULL))));


--
-- Name: crm_lead personal_or_all_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY personal_or_all_update ON public.crm_lead FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (user_id = ( SELECT embudo.current_user_id() AS current_user_id)) OR (user_id IS NULL)))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (user_id = ( SELECT embudo.current_user_id() AS current_user_id)) OR (user_id IS NULL))));


--
-- Name: sale_order personal_or_all_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY personal_or_all_update ON public.sale_order FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (user_id = ( SELECT embudo.current_user_id() AS current_user_id)) OR (user_id IS NULL)))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (user_id = ( SELECT embudo.current_user_id() AS current_user_id)) OR (user_id IS NULL))));


--
-- Name: product_category; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.product_category ENABLE ROW LEVEL SECURITY;

--
-- Name: product_pricelist; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.product_pricelist ENABLE ROW LEVEL SECURITY;

--
-- Name: product_pricelist_item; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.product_pricelist_item ENABLE ROW LEVEL SECURITY;

--
-- Name: product_product; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.product_product ENABLE ROW LEVEL SECURITY;

--
-- Name: product_taxes_rel; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.product_taxes_rel ENABLE ROW LEVEL SECURITY;

--
-- Name: res_company_member report_members; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY report_members ON public.res_company_member FOR SELECT TO embudo_report USING ((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])));


--
-- Name: res_users report_names; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY report_names ON public.res_users FOR SELECT TO embudo_report USING ((member_of && ( SELECT embudo.company_ids() AS company_ids)));


--
-- Name: res_company; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.res_company ENABLE ROW LEVEL SECURITY;

--
-- Name: res_company_member; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.res_company_member ENABLE ROW LEVEL SECURITY;

--
-- Name: res_partner; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.res_partner ENABLE ROW LEVEL SECURITY;

--
-- Name: res_partner_category; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.res_partner_category ENABLE ROW LEVEL SECURITY;

--
-- Name: res_partner_res_partner_category_rel; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.res_partner_res_partner_category_rel ENABLE ROW LEVEL SECURITY;

--
-- Name: res_users; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.res_users ENABLE ROW LEVEL SECURITY;

--
-- Name: res_users_invitation; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.res_users_invitation ENABLE ROW LEVEL SECURITY;

--
-- Name: sale_order; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.sale_order ENABLE ROW LEVEL SECURITY;

--
-- Name: sale_order_line; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.sale_order_line ENABLE ROW LEVEL SECURITY;

--
-- Name: sale_order_option; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.sale_order_option ENABLE ROW LEVEL SECURITY;

--
-- Name: sale_order_portal_token; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.sale_order_portal_token ENABLE ROW LEVEL SECURITY;

--
-- Name: sale_order_sequence; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.sale_order_sequence ENABLE ROW LEVEL SECURITY;

--
-- Name: sale_order_tag_rel; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.sale_order_tag_rel ENABLE ROW LEVEL SECURITY;

--
-- Name: mail_tracking_value service_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY service_create ON public.mail_tracking_value FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: mail_message service_post; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY service_post ON public.mail_message FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: utm_campaign; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.utm_campaign ENABLE ROW LEVEL SECURITY;

--
-- Name: utm_medium; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.utm_medium ENABLE ROW LEVEL SECURITY;

--
-- Name: utm_source; Type: ROW SECURITY; Schema: public; Owner: embudo_owner
--

ALTER TABLE public.utm_source ENABLE ROW LEVEL SECURITY;

--
-- Name: ir_model_data visible; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY visible ON public.ir_model_data FOR SELECT USING (((company_id IS NULL) OR (company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[]))));


--
-- Name: calendar_attendee_token with_attendee; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_attendee ON public.calendar_attendee_token TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0])))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0]))));


--
-- Name: ir_attachment with_document; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_document ON public.ir_attachment FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (lead_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (lead_salesperson_key = 0) OR (order_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (order_salesperson_key = 0))));


--
-- Name: mail_followers with_document; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_document ON public.mail_followers TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (lead_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (lead_salesperson_key = 0) OR (order_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (order_salesperson_key = 0)))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: mail_mail with_document; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_document ON public.mail_mail TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((model IS DISTINCT FROM 'res.users'::text) AND (((calendar_method IS NULL) AND (model IS DISTINCT FROM 'calendar.event'::text)) OR (create_uid = ( SELECT embudo.current_user_id() AS current_user_id))) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (lead_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (lead_salesperson_key = 0) OR (order_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (order_salesperson_key = 0) OR (create_uid = ( SELECT embudo.current_user_id() AS current_user_id))))));


--
-- Name: ir_attachment with_document_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_document_create ON public.ir_attachment FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (lead_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (lead_salesperson_key = 0) OR (order_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (order_salesperson_key = 0)) AND (NOT (create_uid IS DISTINCT FROM ( SELECT embudo.current_user_id() AS current_user_id))))));


--
-- Name: mail_activity with_document_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_document_create ON public.mail_activity FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (lead_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (lead_salesperson_key = 0) OR (order_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (order_salesperson_key = 0))));


--
-- Name: ir_attachment with_document_follow; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_document_follow ON public.ir_attachment FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (lead_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (lead_salesperson_key = 0) OR (order_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (order_salesperson_key = 0)))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (lead_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (lead_salesperson_key = 0) OR (order_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (order_salesperson_key = 0))));


--
-- Name: mail_message with_document_move; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_document_move ON public.mail_message FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (salesperson_key = 0)))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND true));


--
-- Name: mail_activity with_document_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_document_read ON public.mail_activity FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (lead_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (lead_salesperson_key = 0) OR (order_salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (order_salesperson_key = 0))));


--
-- Name: mail_message with_document_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_document_read ON public.mail_message FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (salesperson_key = 0))));


--
-- Name: calendar_alarm_calendar_event_rel with_event; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_event ON public.calendar_alarm_calendar_event_rel USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0])))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0]))));


--
-- Name: calendar_attendee with_event; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_event ON public.calendar_attendee USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0])))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0]))));


--
-- Name: calendar_event_res_partner_rel with_event; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_event ON public.calendar_event_res_partner_rel USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0])))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0]))));


--
-- Name: meeting_category_rel with_event; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_event ON public.meeting_category_rel USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0])))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0]))));


--
-- Name: calendar_event_res_users_rel with_event_delete; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_event_delete ON public.calendar_event_res_users_rel FOR DELETE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0]))));


--
-- Name: calendar_event_res_users_rel with_event_insert; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_event_insert ON public.calendar_event_res_users_rel FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0]))));


--
-- Name: calendar_event_res_users_rel with_event_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_event_update ON public.calendar_event_res_users_rel FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0])))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0]))));


--
-- Name: calendar_recurrence with_events; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_events ON public.calendar_recurrence USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0])))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) AND (readers @> '{-1}'::integer[])) OR (readers && ARRAY[( SELECT embudo.current_user_id() AS current_user_id), 0]))));


--
-- Name: crm_tag_rel with_lead; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_lead ON public.crm_tag_rel USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (salesperson_key = 0)))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (salesperson_key = 0))));


--
-- Name: account_tax_sale_order_line_rel with_line; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_line ON public.account_tax_sale_order_line_rel USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (salesperson_key = 0)))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (salesperson_key = 0))));


--
-- Name: mail_tracking_value with_message_follow; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_message_follow ON public.mail_tracking_value FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (salesperson_key = 0)))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (salesperson_key = 0))));


--
-- Name: mail_tracking_value with_message_read; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_message_read ON public.mail_tracking_value FOR SELECT USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (salesperson_key = 0))));


--
-- Name: sale_order_line with_order; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_order ON public.sale_order_line USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (salesperson_key = 0)))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (salesperson_key = 0))));


--
-- Name: sale_order_option with_order; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_order ON public.sale_order_option USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (salesperson_key = 0)))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (salesperson_key = 0))));


--
-- Name: sale_order_portal_token with_order; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_order ON public.sale_order_portal_token TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (salesperson_key = 0)))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (salesperson_key = 0))));


--
-- Name: sale_order_tag_rel with_order; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY with_order ON public.sale_order_tag_rel USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (salesperson_key = 0)))) WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND ((company_id = ANY (( SELECT embudo.company_ids('all'::embudo.access_level) AS company_ids)::integer[])) OR (salesperson_key = ( SELECT embudo.current_user_id() AS current_user_id)) OR (salesperson_key = 0))));


--
-- Name: account_payment_term writer_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_create ON public.account_payment_term FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: account_payment_term_line writer_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_create ON public.account_payment_term_line FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: account_tax writer_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_create ON public.account_tax FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: calendar_alarm writer_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_create ON public.calendar_alarm FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: calendar_event_type writer_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_create ON public.calendar_event_type FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: crm_lost_reason writer_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_create ON public.crm_lost_reason FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: crm_stage writer_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_create ON public.crm_stage FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: crm_tag writer_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_create ON public.crm_tag FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('own'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: crm_team writer_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_create ON public.crm_team FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: crm_team_member writer_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_create ON public.crm_team_member FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: mail_activity_rel writer_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_create ON public.mail_activity_rel FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: mail_activity_type writer_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_create ON public.mail_activity_type FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: product_category writer_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_create ON public.product_category FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: product_pricelist writer_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_create ON public.product_pricelist FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: product_pricelist_item writer_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_create ON public.product_pricelist_item FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: product_product writer_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_create ON public.product_product FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: product_taxes_rel writer_create; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_create ON public.product_taxes_rel FOR INSERT TO embudo_service WITH CHECK (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: account_payment_term writer_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_update ON public.account_payment_term FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: account_payment_term_line writer_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_update ON public.account_payment_term_line FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: account_tax writer_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_update ON public.account_tax FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: calendar_alarm writer_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_update ON public.calendar_alarm FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: calendar_event_type writer_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_update ON public.calendar_event_type FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: crm_lost_reason writer_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_update ON public.crm_lost_reason FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: crm_stage writer_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_update ON public.crm_stage FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: crm_tag writer_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_update ON public.crm_tag FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('own'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: crm_team writer_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_update ON public.crm_team FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: crm_team_member writer_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_update ON public.crm_team_member FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: mail_activity_rel writer_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_update ON public.mail_activity_rel FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: mail_activity_type writer_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_update ON public.mail_activity_type FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: product_category writer_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_update ON public.product_category FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: product_pricelist writer_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_update ON public.product_pricelist FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: product_pricelist_item writer_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_update ON public.product_pricelist_item FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: product_product writer_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_update ON public.product_product FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: product_taxes_rel writer_update; Type: POLICY; Schema: public; Owner: embudo_owner
--

CREATE POLICY writer_update ON public.product_taxes_rel FOR UPDATE TO embudo_service USING (((company_id = ANY (( SELECT embudo.company_ids() AS company_ids)::integer[])) AND (company_id = ANY (( SELECT embudo.company_ids('admin'::embudo.access_level) AS company_ids)::integer[]))));


--
-- Name: SCHEMA embudo; Type: ACL; Schema: -; Owner: embudo_owner
--

GRANT USAGE ON SCHEMA embudo TO embudo_service;
GRANT USAGE ON SCHEMA embudo TO embudo_bi;
GRANT USAGE ON SCHEMA embudo TO embudo_report;


--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: embudo_owner
--

GRANT USAGE ON SCHEMA public TO embudo_service;
GRANT USAGE ON SCHEMA public TO embudo_bi;
GRANT USAGE ON SCHEMA public TO embudo_report;


--
-- Name: SCHEMA report; Type: ACL; Schema: -; Owner: embudo_owner
--

GRANT USAGE ON SCHEMA report TO embudo_bi;
GRANT USAGE ON SCHEMA report TO embudo_service;


--
-- Name: SCHEMA report_source; Type: ACL; Schema: -; Owner: embudo_report
--

GRANT USAGE ON SCHEMA report_source TO embudo_bi;
GRANT USAGE ON SCHEMA report_source TO embudo_service;


--
-- Name: FUNCTION accept_invitation_row(i anyelement); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.accept_invitation_row(i anyelement) FROM PUBLIC;


--
-- Name: FUNCTION acting_admin_of(company integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.acting_admin_of(company integer) FROM PUBLIC;


--
-- Name: FUNCTION activity_deadline(company integer, activity_type integer, base date); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.activity_deadline(company integer, activity_type integer, base date) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.activity_deadline(company integer, activity_type integer, base date) TO embudo_service;


--
-- Name: FUNCTION activity_done(ids integer[], feedback text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.activity_done(ids integer[], feedback text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.activity_done(ids integer[], feedback text) TO embudo_service;


--
-- Name: FUNCTION activity_schedule(model text, ids integer[], type_xmlid text, deadline date, summary text, note text, assignee integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.activity_schedule(model text, ids integer[], type_xmlid text, deadline date, summary text, note text, assignee integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.activity_schedule(model text, ids integer[], type_xmlid text, deadline date, summary text, note text, assignee integer) TO embudo_service;


--
-- Name: FUNCTION activity_state(deadline date, assignee integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.activity_state(deadline date, assignee integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.activity_state(deadline date, assignee integer) TO embudo_service;
GRANT ALL ON FUNCTION embudo.activity_state(deadline date, assignee integer) TO embudo_bi;


--
-- Name: FUNCTION activity_state_at(deadline date, tz text, at timestamp with time zone); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.activity_state_at(deadline date, tz text, at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.activity_state_at(deadline date, tz text, at timestamp with time zone) TO embudo_service;
GRANT ALL ON FUNCTION embudo.activity_state_at(deadline date, tz text, at timestamp with time zone) TO embudo_bi;
GRANT ALL ON FUNCTION embudo.activity_state_at(deadline date, tz text, at timestamp with time zone) TO embudo_report;


--
-- Name: FUNCTION answer_invitation(invitation integer, accept boolean); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.answer_invitation(invitation integer, accept boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.answer_invitation(invitation integer, accept boolean) TO embudo_service;


--
-- Name: FUNCTION assign_alias_domain(company integer, assigned text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.assign_alias_domain(company integer, assigned text) FROM PUBLIC;


--
-- Name: FUNCTION authenticate(user_login text, password text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.authenticate(user_login text, password text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.authenticate(user_login text, password text) TO embudo_service;


--
-- Name: FUNCTION authenticate_id(user_id integer, password text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.authenticate_id(user_id integer, password text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.authenticate_id(user_id integer, password text) TO embudo_service;


--
-- Name: FUNCTION authenticate_key(api_key text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.authenticate_key(api_key text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.authenticate_key(api_key text) TO embudo_service;


--
-- Name: FUNCTION begin_owner_writes(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.begin_owner_writes() FROM PUBLIC;


--
-- Name: FUNCTION bi_watchdog(longest interval); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.bi_watchdog(longest interval) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.bi_watchdog(longest interval) TO embudo_service;


--
-- Name: FUNCTION calendar_activity_meeting(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_activity_meeting() FROM PUBLIC;


--
-- Name: FUNCTION calendar_address(company integer, partner integer, member integer, OUT name text, OUT email text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_address(company integer, partner integer, member integer, OUT name text, OUT email text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_address(company integer, partner integer, member integer, OUT name text, OUT email text) TO embudo_service;


--
-- Name: FUNCTION calendar_answer(ids integer[], answer text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_answer(ids integer[], answer text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_answer(ids integer[], answer text) TO embudo_service;


--
-- Name: FUNCTION calendar_attendance_changed(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_attendance_changed() FROM PUBLIC;


--
-- Name: FUNCTION calendar_attendee_answered(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_attendee_answered() FROM PUBLIC;


--
-- Name: FUNCTION calendar_attendee_before_write(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_attendee_before_write() FROM PUBLIC;


--
-- Name: FUNCTION calendar_attendees_follow(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_attendees_follow() FROM PUBLIC;


--
-- Name: FUNCTION calendar_attends(company integer, event integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_attends(company integer, event integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_attends(company integer, event integer) TO embudo_bi;
GRANT ALL ON FUNCTION embudo.calendar_attends(company integer, event integer) TO embudo_report;
GRANT ALL ON FUNCTION embudo.calendar_attends(company integer, event integer) TO embudo_service;


--
-- Name: FUNCTION calendar_busy_slots(range_start timestamp with time zone, range_stop timestamp with time zone); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_busy_slots(range_start timestamp with time zone, range_stop timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_busy_slots(range_start timestamp with time zone, range_stop timestamp with time zone) TO embudo_service;


--
-- Name: FUNCTION calendar_copy_people(company integer, source integer, targets integer[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_copy_people(company integer, source integer, targets integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_copy_people(company integer, source integer, targets integer[]) TO embudo_service;


--
-- Name: FUNCTION calendar_copy_readers(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_copy_readers() FROM PUBLIC;


--
-- Name: FUNCTION calendar_copy_readers_as_owner(kind text, company integer, parent integer, copy integer[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_copy_readers_as_owner(kind text, company integer, parent integer, copy integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_copy_readers_as_owner(kind text, company integer, parent integer, copy integer[]) TO embudo_service;


--
-- Name: FUNCTION calendar_copy_readers_to(kind text, company integer, parent integer, copy integer[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_copy_readers_to(kind text, company integer, parent integer, copy integer[]) FROM PUBLIC;


--
-- Name: FUNCTION calendar_document_changed(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_document_changed() FROM PUBLIC;


--
-- Name: FUNCTION calendar_document_deleted(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_document_deleted() FROM PUBLIC;


--
-- Name: FUNCTION calendar_document_meetings(company integer, model text, document integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_document_meetings(company integer, model text, document integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_document_meetings(company integer, model text, document integer) TO embudo_service;


--
-- Name: FUNCTION calendar_enable_readers_copy(target regclass, parent text, link name, policy name, clauses text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_enable_readers_copy(target regclass, parent text, link name, policy name, clauses text) FROM PUBLIC;


--
-- Name: FUNCTION calendar_event_after_insert(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_event_after_insert() FROM PUBLIC;


--
-- Name: FUNCTION calendar_event_after_update(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_event_after_update() FROM PUBLIC;


--
-- Name: FUNCTION calendar_event_before_delete(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_event_before_delete() FROM PUBLIC;


--
-- Name: FUNCTION calendar_event_before_write(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_event_before_write() FROM PUBLIC;


--
-- Name: FUNCTION calendar_event_policy(clauses text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_event_policy(clauses text) FROM PUBLIC;


--
-- Name: FUNCTION calendar_event_propagate(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_event_propagate() FROM PUBLIC;


--
-- Name: FUNCTION calendar_event_readers(e anyelement); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_event_readers(e anyelement) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_event_readers(e anyelement) TO embudo_service;


--
-- Name: FUNCTION calendar_expand(company integer, event integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_expand(company integer, event integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_expand(company integer, event integer) TO embudo_service;


--
-- Name: FUNCTION calendar_expand_trigger(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_expand_trigger() FROM PUBLIC;


--
-- Name: FUNCTION calendar_feed_create(company integer, with_activities boolean); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_feed_create(company integer, with_activities boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_feed_create(company integer, with_activities boolean) TO embudo_service;


--
-- Name: FUNCTION calendar_feed_ics(company integer, with_activities boolean); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_feed_ics(company integer, with_activities boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_feed_ics(company integer, with_activities boolean) TO embudo_service;


--
-- Name: FUNCTION calendar_feed_resolve(token text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_feed_resolve(token text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_feed_resolve(token text) TO embudo_service;


--
-- Name: FUNCTION calendar_feed_revoke(company integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_feed_revoke(company integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_feed_revoke(company integer) TO embudo_service;


--
-- Name: FUNCTION calendar_flush(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_flush() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_flush() TO embudo_service;


--
-- Name: FUNCTION calendar_flush_trigger(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_flush_trigger() FROM PUBLIC;


--
-- Name: FUNCTION calendar_invitation(attendee integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_invitation(attendee integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_invitation(attendee integer) TO embudo_service;


--
-- Name: FUNCTION calendar_issue_token(company integer, attendee integer, acting integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_issue_token(company integer, attendee integer, acting integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_issue_token(company integer, attendee integer, acting integer) TO embudo_service;


--
-- Name: FUNCTION calendar_mark_done(ids integer[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_mark_done(ids integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_mark_done(ids integer[]) TO embudo_service;


--
-- Name: FUNCTION calendar_my_status(company integer, event integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_my_status(company integer, event integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_my_status(company integer, event integer) TO embudo_service;


--
-- Name: FUNCTION calendar_note(company integer, uid text, partner integer, member integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_note(company integer, uid text, partner integer, member integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_note(company integer, uid text, partner integer, member integer) TO embudo_service;


--
-- Name: FUNCTION calendar_note_change(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_note_change() FROM PUBLIC;


--
-- Name: FUNCTION calendar_notify_removed(company integer, event integer, partner integer, member integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_notify_removed(company integer, event integer, partner integer, member integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_notify_removed(company integer, event integer, partner integer, member integer) TO embudo_service;


--
-- Name: FUNCTION calendar_parent_readers(kind text, company integer, parent integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_parent_readers(kind text, company integer, parent integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_parent_readers(kind text, company integer, parent integer) TO embudo_service;


--
-- Name: FUNCTION calendar_parent_readers_as_owner(kind text, company integer, parent integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_parent_readers_as_owner(kind text, company integer, parent integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_parent_readers_as_owner(kind text, company integer, parent integer) TO embudo_service;


--
-- Name: FUNCTION calendar_partner_tz(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_partner_tz() FROM PUBLIC;


--
-- Name: FUNCTION calendar_people_follow(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_people_follow() FROM PUBLIC;


--
-- Name: FUNCTION calendar_plain(html text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_plain(html text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_plain(html text) TO embudo_service;


--
-- Name: FUNCTION calendar_public_name(e anyelement, lang text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_public_name(e anyelement, lang text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_public_name(e anyelement, lang text) TO embudo_service;


--
-- Name: FUNCTION calendar_readers(company integer, event integer, organizer integer, privacy text, res_model text, res_id integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_readers(company integer, event integer, organizer integer, privacy text, res_model text, res_id integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_readers(company integer, event integer, organizer integer, privacy text, res_model text, res_id integer) TO embudo_service;


--
-- Name: FUNCTION calendar_readers_follow(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_readers_follow() FROM PUBLIC;


--
-- Name: FUNCTION calendar_readers_of(company integer, event integer, organizer integer, privacy text, res_model text, res_id integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_readers_of(company integer, event integer, organizer integer, privacy text, res_model text, res_id integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_readers_of(company integer, event integer, organizer integer, privacy text, res_model text, res_id integer) TO embudo_service;


--
-- Name: FUNCTION calendar_readers_only(earlier anyelement, later anyelement); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_readers_only(earlier anyelement, later anyelement) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_readers_only(earlier anyelement, later anyelement) TO embudo_service;


--
-- Name: FUNCTION calendar_readers_rule(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_readers_rule() FROM PUBLIC;


--
-- Name: FUNCTION calendar_refresh(company integer, events integer[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_refresh(company integer, events integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_refresh(company integer, events integer[]) TO embudo_service;


--
-- Name: FUNCTION calendar_refresh_readers(company integer, events integer[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_refresh_readers(company integer, events integer[]) FROM PUBLIC;


--
-- Name: FUNCTION calendar_refresh_readers_as_owner(company integer, events integer[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_refresh_readers_as_owner(company integer, events integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_refresh_readers_as_owner(company integer, events integer[]) TO embudo_service;


--
-- Name: FUNCTION calendar_rrule(r anyelement); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_rrule(r anyelement) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_rrule(r anyelement) TO embudo_service;


--
-- Name: FUNCTION calendar_rrule_text(rrule_type text, step integer, end_type text, total integer, until date); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_rrule_text(rrule_type text, step integer, end_type text, total integer, until date) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_rrule_text(rrule_type text, step integer, end_type text, total integer, until date) TO embudo_service;


--
-- Name: FUNCTION calendar_send_reminders(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_send_reminders() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_send_reminders() TO embudo_service;


--
-- Name: FUNCTION calendar_slots(dtstart timestamp with time zone, tz text, rrule_type text, step integer, end_type text, total integer, until date, weekdays boolean[], month_by text, month_day integer, byday text, weekday text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_slots(dtstart timestamp with time zone, tz text, rrule_type text, step integer, end_type text, total integer, until date, weekdays boolean[], month_by text, month_day integer, byday text, weekday text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_slots(dtstart timestamp with time zone, tz text, rrule_type text, step integer, end_type text, total integer, until date, weekdays boolean[], month_by text, month_day integer, byday text, weekday text) TO embudo_service;


--
-- Name: FUNCTION calendar_token_answer(attendee integer, answer text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_token_answer(attendee integer, answer text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_token_answer(attendee integer, answer text) TO embudo_service;


--
-- Name: FUNCTION calendar_token_resolve(token text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_token_resolve(token text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_token_resolve(token text) TO embudo_service;


--
-- Name: FUNCTION calendar_tz(tz text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_tz(tz text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_tz(tz text) TO embudo_service;


--
-- Name: FUNCTION calendar_uninvite(company integer, event integer, partner integer, member integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_uninvite(company integer, event integer, partner integer, member integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_uninvite(company integer, event integer, partner integer, member integer) TO embudo_service;


--
-- Name: FUNCTION calendar_upcoming(company integer[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_upcoming(company integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_upcoming(company integer[]) TO embudo_service;


--
-- Name: FUNCTION calendar_when(e anyelement, tz text, lang text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.calendar_when(e anyelement, tz text, lang text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.calendar_when(e anyelement, tz text, lang text) TO embudo_service;


--
-- Name: FUNCTION cancel_invitation(invitation integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.cancel_invitation(invitation integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.cancel_invitation(invitation integer) TO embudo_service;


--
-- Name: FUNCTION change_company_currency(company integer, currency integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.change_company_currency(company integer, currency integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.change_company_currency(company integer, currency integer) TO embudo_service;


--
-- Name: FUNCTION change_own_password(old_password text, new_password text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.change_own_password(old_password text, new_password text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.change_own_password(old_password text, new_password text) TO embudo_service;


--
-- Name: FUNCTION check_cfdi(policy text, method integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.check_cfdi(policy text, method integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.check_cfdi(policy text, method integer) TO embudo_service;


--
-- Name: FUNCTION company_ids_computed(minimum embudo.access_level); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.company_ids_computed(minimum embudo.access_level) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.company_ids_computed(minimum embudo.access_level) TO embudo_service;
GRANT ALL ON FUNCTION embudo.company_ids_computed(minimum embudo.access_level) TO embudo_bi;
GRANT ALL ON FUNCTION embudo.company_ids_computed(minimum embudo.access_level) TO embudo_report;


--
-- Name: FUNCTION company_ids(minimum embudo.access_level); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.company_ids(minimum embudo.access_level) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.company_ids(minimum embudo.access_level) TO embudo_service;
GRANT ALL ON FUNCTION embudo.company_ids(minimum embudo.access_level) TO embudo_bi;


--
-- Name: FUNCTION company_token(company integer, bytes integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.company_token(company integer, bytes integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.company_token(company integer, bytes integer) TO embudo_service;


--
-- Name: FUNCTION contains_pattern(text text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.contains_pattern(text text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.contains_pattern(text text) TO embudo_service;


--
-- Name: FUNCTION copy_document_salesperson(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.copy_document_salesperson() FROM PUBLIC;


--
-- Name: FUNCTION copy_message_salesperson(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.copy_message_salesperson() FROM PUBLIC;


--
-- Name: FUNCTION copy_salesperson_key(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.copy_salesperson_key() FROM PUBLIC;


--
-- Name: FUNCTION count_existing(target regclass, ids integer[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.count_existing(target regclass, ids integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.count_existing(target regclass, ids integer[]) TO embudo_service;


--
-- Name: FUNCTION create_api_key(target integer, key_name text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.create_api_key(target integer, key_name text) FROM PUBLIC;


--
-- Name: FUNCTION create_bi_login(company integer, login name, password text, connections integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.create_bi_login(company integer, login name, password text, connections integer) FROM PUBLIC;


--
-- Name: FUNCTION create_company(company_name text, company_lang text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.create_company(company_name text, company_lang text) FROM PUBLIC;


--
-- Name: FUNCTION credential_stamp(target integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.credential_stamp(target integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.credential_stamp(target integer) TO embudo_service;


--
-- Name: FUNCTION credentials_changed(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.credentials_changed() FROM PUBLIC;


--
-- Name: FUNCTION crm_action_set_lost(ids integer[], reason integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_action_set_lost(ids integer[], reason integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_action_set_lost(ids integer[], reason integer) TO embudo_service;


--
-- Name: FUNCTION crm_action_set_won(ids integer[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_action_set_won(ids integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_action_set_won(ids integer[]) TO embudo_service;


--
-- Name: FUNCTION crm_convert(ids integer[], action text, partner integer, salespeople integer[], team integer, force_assignment boolean); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_convert(ids integer[], action text, partner integer, salespeople integer[], team integer, force_assignment boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_convert(ids integer[], action text, partner integer, salespeople integer[], team integer, force_assignment boolean) TO embudo_service;


--
-- Name: FUNCTION crm_convert_defaults(lead_id integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_convert_defaults(lead_id integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_convert_defaults(lead_id integer) TO embudo_service;


--
-- Name: FUNCTION crm_convert_merge(ids integer[], action text, partner integer, salesperson integer, team integer, force_assignment boolean); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_convert_merge(ids integer[], action text, partner integer, salesperson integer, team integer, force_assignment boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_convert_merge(ids integer[], action text, partner integer, salesperson integer, team integer, force_assignment boolean) TO embudo_service;


--
-- Name: FUNCTION crm_count_closing(lead anyelement, sign integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_count_closing(lead anyelement, sign integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_count_closing(lead anyelement, sign integer) TO embudo_service;


--
-- Name: FUNCTION crm_create_customer(lead anyelement, salesperson integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_create_customer(lead anyelement, salesperson integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_create_customer(lead anyelement, salesperson integer) TO embudo_service;


--
-- Name: FUNCTION crm_default_team(company integer, salesperson integer, lead_type text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_default_team(company integer, salesperson integer, lead_type text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_default_team(company integer, salesperson integer, lead_type text) TO embudo_service;


--
-- Name: FUNCTION crm_duplicates(company integer, email text, partner integer, include_lost boolean); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_duplicates(company integer, email text, partner integer, include_lost boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_duplicates(company integer, email text, partner integer, include_lost boolean) TO embudo_service;


--
-- Name: FUNCTION crm_first_stage(company integer, team integer, unfolded_only boolean); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_first_stage(company integer, team integer, unfolded_only boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_first_stage(company integer, team integer, unfolded_only boolean) TO embudo_service;


--
-- Name: FUNCTION crm_follow(company integer, lead integer, follower integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_follow(company integer, lead integer, follower integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_follow(company integer, lead integer, follower integer) TO embudo_service;


--
-- Name: FUNCTION crm_lead_before_insert(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_lead_before_insert() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_lead_before_insert() TO embudo_service;


--
-- Name: FUNCTION crm_lead_before_update(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_lead_before_update() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_lead_before_update() TO embudo_service;


--
-- Name: FUNCTION crm_lead_drop_activities(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_lead_drop_activities() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_lead_drop_activities() TO embudo_service;


--
-- Name: FUNCTION crm_lead_from_partner(lead anyelement, overwrite boolean); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_lead_from_partner(lead anyelement, overwrite boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_lead_from_partner(lead anyelement, overwrite boolean) TO embudo_service;


--
-- Name: FUNCTION crm_lead_salesperson_follows(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_lead_salesperson_follows() FROM PUBLIC;


--
-- Name: FUNCTION crm_lead_send_mail(posted integer, body text, subject text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_lead_send_mail(posted integer, body text, subject text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_lead_send_mail(posted integer, body text, subject text) TO embudo_service;


--
-- Name: FUNCTION crm_lead_track(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_lead_track() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_lead_track() TO embudo_service;


--
-- Name: FUNCTION crm_lost_reason_before_delete(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_lost_reason_before_delete() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_lost_reason_before_delete() TO embudo_service;


--
-- Name: FUNCTION crm_mass_convert(ids integer[], action text, partner integer, salespeople integer[], team integer, force_assignment boolean, deduplicate boolean); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_mass_convert(ids integer[], action text, partner integer, salespeople integer[], team integer, force_assignment boolean, deduplicate boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_mass_convert(ids integer[], action text, partner integer, salespeople integer[], team integer, force_assignment boolean, deduplicate boolean) TO embudo_service;


--
-- Name: FUNCTION crm_matching_partner(lead anyelement); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_matching_partner(lead anyelement) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_matching_partner(lead anyelement) TO embudo_service;


--
-- Name: FUNCTION crm_merge(ids integer[], salesperson integer, team integer, keep_tails boolean); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_merge(ids integer[], salesperson integer, team integer, keep_tails boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_merge(ids integer[], salesperson integer, team integer, keep_tails boolean) TO embudo_service;


--
-- Name: FUNCTION crm_quotation_partner_apply(lead_id integer, action text, partner integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_quotation_partner_apply(lead_id integer, action text, partner integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_quotation_partner_apply(lead_id integer, action text, partner integer) TO embudo_service;


--
-- Name: FUNCTION crm_quotation_partner_defaults(lead_id integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_quotation_partner_defaults(lead_id integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_quotation_partner_defaults(lead_id integer) TO embudo_service;


--
-- Name: FUNCTION crm_stage_before_delete(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_stage_before_delete() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_stage_before_delete() TO embudo_service;


--
-- Name: FUNCTION crm_team_clean(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_team_clean() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_team_clean() TO embudo_service;


--
-- Name: FUNCTION crm_team_member_move(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_team_member_move() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_team_member_move() TO embudo_service;


--
-- Name: FUNCTION crm_team_win_rate(company integer, team integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_team_win_rate(company integer, team integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_team_win_rate(company integer, team integer) TO embudo_service;


--
-- Name: FUNCTION crm_tracking_label(field text, company integer, value integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.crm_tracking_label(field text, company integer, value integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.crm_tracking_label(field text, company integer, value integer) TO embudo_service;


--
-- Name: FUNCTION current_user_id(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.current_user_id() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.current_user_id() TO embudo_service;
GRANT ALL ON FUNCTION embudo.current_user_id() TO embudo_bi;


--
-- Name: FUNCTION default_currency(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.default_currency() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.default_currency() TO embudo_service;


--
-- Name: FUNCTION demo_fill(company integer, leads integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.demo_fill(company integer, leads integer) FROM PUBLIC;


--
-- Name: FUNCTION document_activity_state(model text, record integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.document_activity_state(model text, record integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.document_activity_state(model text, record integer) TO embudo_service;
GRANT ALL ON FUNCTION embudo.document_activity_state(model text, record integer) TO embudo_bi;


--
-- Name: FUNCTION document_salesperson_key(kind text, company integer, document integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.document_salesperson_key(kind text, company integer, document integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.document_salesperson_key(kind text, company integer, document integer) TO embudo_service;


--
-- Name: FUNCTION document_salesperson_key_as_owner(kind text, company integer, document integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.document_salesperson_key_as_owner(kind text, company integer, document integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.document_salesperson_key_as_owner(kind text, company integer, document integer) TO embudo_service;


--
-- Name: FUNCTION drop_bi_login(login name); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.drop_bi_login(login name) FROM PUBLIC;


--
-- Name: FUNCTION enable_catalog_policies(target regclass, writer embudo.access_level, deleter embudo.access_level); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.enable_catalog_policies(target regclass, writer embudo.access_level, deleter embudo.access_level) FROM PUBLIC;


--
-- Name: FUNCTION enable_follower_policy(target regclass, policy name, parent regclass, link name, clauses text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.enable_follower_policy(target regclass, policy name, parent regclass, link name, clauses text) FROM PUBLIC;


--
-- Name: FUNCTION enable_owner_writes_policy(target regclass); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.enable_owner_writes_policy(target regclass) FROM PUBLIC;


--
-- Name: FUNCTION enable_salesperson_documents(target regclass); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.enable_salesperson_documents(target regclass) FROM PUBLIC;


--
-- Name: FUNCTION enable_shared_record_policies(target regclass); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.enable_shared_record_policies(target regclass) FROM PUBLIC;


--
-- Name: FUNCTION enable_tenancy(target regclass, company_column name); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.enable_tenancy(target regclass, company_column name) FROM PUBLIC;


--
-- Name: FUNCTION enable_unlink(target regclass, "column" name, named regclass); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.enable_unlink(target regclass, "column" name, named regclass) FROM PUBLIC;


--
-- Name: FUNCTION end_owner_writes(previous text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.end_owner_writes(previous text) FROM PUBLIC;


--
-- Name: FUNCTION end_session(token text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.end_session(token text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.end_session(token text) TO embudo_service;


--
-- Name: FUNCTION enter_tenant(acting_user integer, companies integer[], timeout_ms integer, stamp text, lang text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.enter_tenant(acting_user integer, companies integer[], timeout_ms integer, stamp text, lang text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.enter_tenant(acting_user integer, companies integer[], timeout_ms integer, stamp text, lang text) TO embudo_service;


--
-- Name: FUNCTION grant_member(company integer, target integer, level embudo.access_level); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.grant_member(company integer, target integer, level embudo.access_level) FROM PUBLIC;


--
-- Name: FUNCTION html_escape(text text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.html_escape(text text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.html_escape(text text) TO embudo_service;


--
-- Name: FUNCTION ical_calendar(body text, method text, title text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.ical_calendar(body text, method text, title text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.ical_calendar(body text, method text, title text) TO embudo_service;


--
-- Name: FUNCTION ical_events(company integer, uid text, partner integer, member integer, cancelled boolean); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.ical_events(company integer, uid text, partner integer, member integer, cancelled boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.ical_events(company integer, uid text, partner integer, member integer, cancelled boolean) TO embudo_service;


--
-- Name: FUNCTION ical_line(line text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.ical_line(line text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.ical_line(line text) TO embudo_service;


--
-- Name: FUNCTION ical_param(value text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.ical_param(value text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.ical_param(value text) TO embudo_service;


--
-- Name: FUNCTION ical_text(value text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.ical_text(value text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.ical_text(value text) TO embudo_service;


--
-- Name: FUNCTION ical_utc(instant timestamp with time zone); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.ical_utc(instant timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.ical_utc(instant timestamp with time zone) TO embudo_service;


--
-- Name: FUNCTION ical_vevent(e anyelement, series_sequence integer, rdates timestamp with time zone[], recurrence_id timestamp with time zone, cancelled boolean); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.ical_vevent(e anyelement, series_sequence integer, rdates timestamp with time zone[], recurrence_id timestamp with time zone, cancelled boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.ical_vevent(e anyelement, series_sequence integer, rdates timestamp with time zone[], recurrence_id timestamp with time zone, cancelled boolean) TO embudo_service;


--
-- Name: FUNCTION identity(target integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.identity(target integer) FROM PUBLIC;


--
-- Name: FUNCTION inline_context(expression text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.inline_context(expression text) FROM PUBLIC;


--
-- Name: FUNCTION inline_policies(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.inline_policies() FROM PUBLIC;


--
-- Name: FUNCTION inline_policy_context(target regclass); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.inline_policy_context(target regclass) FROM PUBLIC;


--
-- Name: FUNCTION invitation_mail(invitation integer, token text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.invitation_mail(invitation integer, token text) FROM PUBLIC;


--
-- Name: FUNCTION invite_user(company integer, user_login text, user_name text, level embudo.access_level); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.invite_user(company integer, user_login text, user_name text, level embudo.access_level) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.invite_user(company integer, user_login text, user_name text, level embudo.access_level) TO embudo_service;


--
-- Name: FUNCTION ir_attachment_message_document(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.ir_attachment_message_document() FROM PUBLIC;


--
-- Name: FUNCTION link_form_key(token text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.link_form_key(token text) FROM PUBLIC;


--
-- Name: FUNCTION localized(lang text, english text, spanish text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.localized(lang text, english text, spanish text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.localized(lang text, english text, spanish text) TO embudo_service;


--
-- Name: FUNCTION login_account(login text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.login_account(login text) FROM PUBLIC;


--
-- Name: FUNCTION login_address(login text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.login_address(login text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.login_address(login text) TO embudo_service;


--
-- Name: FUNCTION login_key(login text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.login_key(login text) FROM PUBLIC;


--
-- Name: FUNCTION mail_activity_before_write(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.mail_activity_before_write() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.mail_activity_before_write() TO embudo_service;


--
-- Name: FUNCTION mail_address_list(header text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.mail_address_list(header text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.mail_address_list(header text) TO embudo_service;


--
-- Name: FUNCTION mail_claim(batch integer, lease interval); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.mail_claim(batch integer, lease interval) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.mail_claim(batch integer, lease interval) TO embudo_service;


--
-- Name: FUNCTION mail_failed(message integer, reason text, retry_in interval, permanent boolean); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.mail_failed(message integer, reason text, retry_in interval, permanent boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.mail_failed(message integer, reason text, retry_in interval, permanent boolean) TO embudo_service;


--
-- Name: FUNCTION mail_format_address(display text, address text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.mail_format_address(display text, address text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.mail_format_address(display text, address text) TO embudo_service;


--
-- Name: FUNCTION mail_gateway(team integer, message jsonb); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.mail_gateway(team integer, message jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.mail_gateway(team integer, message jsonb) TO embudo_service;


--
-- Name: FUNCTION mail_gateway_attach(model text, record integer, message integer, attachments jsonb); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.mail_gateway_attach(model text, record integer, message integer, attachments jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.mail_gateway_attach(model text, record integer, message integer, attachments jsonb) TO embudo_service;


--
-- Name: FUNCTION mail_mail_before_write(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.mail_mail_before_write() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.mail_mail_before_write() TO embudo_service;


--
-- Name: FUNCTION mail_message_salesperson_follows(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.mail_message_salesperson_follows() FROM PUBLIC;


--
-- Name: FUNCTION mail_new_message_id(company integer, sender text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.mail_new_message_id(company integer, sender text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.mail_new_message_id(company integer, sender text) TO embudo_service;


--
-- Name: FUNCTION mail_resolve(addresses text[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.mail_resolve(addresses text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.mail_resolve(addresses text[]) TO embudo_service;


--
-- Name: FUNCTION mail_sender(company integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.mail_sender(company integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.mail_sender(company integer) TO embudo_service;


--
-- Name: FUNCTION mail_sender_allowed(company integer, person integer, address text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.mail_sender_allowed(company integer, person integer, address text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.mail_sender_allowed(company integer, person integer, address text) TO embudo_service;


--
-- Name: FUNCTION mail_sent(message integer, sent_message_id text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.mail_sent(message integer, sent_message_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.mail_sent(message integer, sent_message_id text) TO embudo_service;


--
-- Name: FUNCTION mail_thread_of(ids text[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.mail_thread_of(ids text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.mail_thread_of(ids text[]) TO embudo_service;


--
-- Name: FUNCTION member_changed(target integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.member_changed(target integer) FROM PUBLIC;


--
-- Name: FUNCTION member_company_ids(acting_user integer, companies integer[], minimum embudo.access_level); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.member_company_ids(acting_user integer, companies integer[], minimum embudo.access_level) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.member_company_ids(acting_user integer, companies integer[], minimum embudo.access_level) TO embudo_service;


--
-- Name: FUNCTION member_granted_20_crm(company integer, target integer, level embudo.access_level); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.member_granted_20_crm(company integer, target integer, level embudo.access_level) FROM PUBLIC;


--
-- Name: FUNCTION member_grants(acting_user integer, companies integer[], OUT own integer[], OUT every integer[], OUT admin integer[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.member_grants(acting_user integer, companies integer[], OUT own integer[], OUT every integer[], OUT admin integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.member_grants(acting_user integer, companies integer[], OUT own integer[], OUT every integer[], OUT admin integer[]) TO embudo_service;


--
-- Name: FUNCTION member_reads_lead(company integer, person integer, salesperson integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.member_reads_lead(company integer, person integer, salesperson integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.member_reads_lead(company integer, person integer, salesperson integer) TO embudo_service;


--
-- Name: FUNCTION message_salesperson_key(company integer, message integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.message_salesperson_key(company integer, message integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.message_salesperson_key(company integer, message integer) TO embudo_service;


--
-- Name: FUNCTION message_salesperson_key_as_owner(company integer, message integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.message_salesperson_key_as_owner(company integer, message integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.message_salesperson_key_as_owner(company integer, message integer) TO embudo_service;


--
-- Name: FUNCTION money(amount numeric, currency integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.money(amount numeric, currency integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.money(amount numeric, currency integer) TO embudo_service;


--
-- Name: FUNCTION normalize_email(address text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.normalize_email(address text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.normalize_email(address text) TO embudo_service;
GRANT ALL ON FUNCTION embudo.normalize_email(address text) TO embudo_bi;


--
-- Name: FUNCTION personal_or_all(nobody text, VARIADIC salespeople name[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.personal_or_all(nobody text, VARIADIC salespeople name[]) FROM PUBLIC;


--
-- Name: FUNCTION policy_clauses(clauses text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.policy_clauses(clauses text) FROM PUBLIC;


--
-- Name: FUNCTION portal_accept(sale_order integer, signer text, option integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.portal_accept(sale_order integer, signer text, option integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.portal_accept(sale_order integer, signer text, option integer) TO embudo_service;


--
-- Name: FUNCTION portal_close_links(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.portal_close_links() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.portal_close_links() TO embudo_service;


--
-- Name: FUNCTION portal_decline(sale_order integer, reason text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.portal_decline(sale_order integer, reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.portal_decline(sale_order integer, reason text) TO embudo_service;


--
-- Name: FUNCTION portal_issue_token(sale_order integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.portal_issue_token(sale_order integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.portal_issue_token(sale_order integer) TO embudo_service;


--
-- Name: FUNCTION portal_notify(o anyelement, body text, summary text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.portal_notify(o anyelement, body text, summary text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.portal_notify(o anyelement, body text, summary text) TO embudo_service;


--
-- Name: FUNCTION portal_quotation(sale_order integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.portal_quotation(sale_order integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.portal_quotation(sale_order integer) TO embudo_service;


--
-- Name: FUNCTION portal_resolve(token text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.portal_resolve(token text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.portal_resolve(token text) TO embudo_service;


--
-- Name: FUNCTION portal_revoke(ids integer[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.portal_revoke(ids integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.portal_revoke(ids integer[]) TO embudo_service;


--
-- Name: FUNCTION pricelist_defaults(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.pricelist_defaults() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.pricelist_defaults() TO embudo_service;


--
-- Name: FUNCTION pricelist_price(pricelist integer, product integer, quantity numeric, day date); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.pricelist_price(pricelist integer, product integer, quantity numeric, day date) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.pricelist_price(pricelist integer, product integer, quantity numeric, day date) TO embudo_service;


--
-- Name: FUNCTION product_defaults(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.product_defaults() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.product_defaults() TO embudo_service;


--
-- Name: FUNCTION qualified_name(target regclass); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.qualified_name(target regclass) FROM PUBLIC;


--
-- Name: FUNCTION random_token(bytes integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.random_token(bytes integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.random_token(bytes integer) TO embudo_service;


--
-- Name: FUNCTION refuse(kind text, message text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.refuse(kind text, message text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.refuse(kind text, message text) TO embudo_service;


--
-- Name: FUNCTION remove_member(company integer, target integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.remove_member(company integer, target integer) FROM PUBLIC;


--
-- Name: FUNCTION replace_global_policy(target regclass, policy name, clauses text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.replace_global_policy(target regclass, policy name, clauses text) FROM PUBLIC;


--
-- Name: FUNCTION replace_policy(target regclass, policy name, clauses text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.replace_policy(target regclass, policy name, clauses text) FROM PUBLIC;


--
-- Name: FUNCTION request_alias_domain(company integer, requested text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.request_alias_domain(company integer, requested text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.request_alias_domain(company integer, requested text) TO embudo_service;


--
-- Name: FUNCTION revoke_api_key(target integer, key_name text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.revoke_api_key(target integer, key_name text) FROM PUBLIC;


--
-- Name: FUNCTION rls_exempt(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.rls_exempt() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.rls_exempt() TO embudo_service;


--
-- Name: FUNCTION sale_cancel(ids integer[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_cancel(ids integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_cancel(ids integer[]) TO embudo_service;


--
-- Name: FUNCTION sale_confirm(ids integer[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_confirm(ids integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_confirm(ids integer[]) TO embudo_service;


--
-- Name: FUNCTION sale_draft(ids integer[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_draft(ids integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_draft(ids integer[]) TO embudo_service;


--
-- Name: FUNCTION sale_line_amounts(line anyelement, rounding numeric); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_line_amounts(line anyelement, rounding numeric) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_line_amounts(line anyelement, rounding numeric) TO embudo_service;


--
-- Name: FUNCTION sale_line_taxes_changed(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_line_taxes_changed() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_line_taxes_changed() TO embudo_service;


--
-- Name: FUNCTION sale_lock(ids integer[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_lock(ids integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_lock(ids integer[]) TO embudo_service;


--
-- Name: FUNCTION sale_mail_extra(sale_order integer, lang text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_mail_extra(sale_order integer, lang text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_mail_extra(sale_order integer, lang text) TO embudo_service;


--
-- Name: FUNCTION sale_mark_sent(ids integer[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_mark_sent(ids integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_mark_sent(ids integer[]) TO embudo_service;


--
-- Name: FUNCTION sale_option_add(option integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_option_add(option integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_option_add(option integer) TO embudo_service;


--
-- Name: FUNCTION sale_order_after_insert(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_order_after_insert() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_order_after_insert() TO embudo_service;


--
-- Name: FUNCTION sale_order_before_delete(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_order_before_delete() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_order_before_delete() TO embudo_service;


--
-- Name: FUNCTION sale_order_before_insert(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_order_before_insert() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_order_before_insert() TO embudo_service;


--
-- Name: FUNCTION sale_order_before_update(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_order_before_update() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_order_before_update() TO embudo_service;


--
-- Name: FUNCTION sale_order_currency_changed(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_order_currency_changed() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_order_currency_changed() TO embudo_service;


--
-- Name: FUNCTION sale_order_line_before_delete(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_order_line_before_delete() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_order_line_before_delete() TO embudo_service;


--
-- Name: FUNCTION sale_order_line_before_write(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_order_line_before_write() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_order_line_before_write() TO embudo_service;


--
-- Name: FUNCTION sale_order_line_product_taxes(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_order_line_product_taxes() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_order_line_product_taxes() TO embudo_service;


--
-- Name: FUNCTION sale_order_lines_changed(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_order_lines_changed() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_order_lines_changed() TO embudo_service;


--
-- Name: FUNCTION sale_order_option_defaults(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_order_option_defaults() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_order_option_defaults() TO embudo_service;


--
-- Name: FUNCTION sale_order_recompute(company integer, sale_order integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_order_recompute(company integer, sale_order integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_order_recompute(company integer, sale_order integer) TO embudo_service;


--
-- Name: FUNCTION sale_order_salesperson_follows(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_order_salesperson_follows() FROM PUBLIC;


--
-- Name: FUNCTION sale_order_track(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_order_track() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_order_track() TO embudo_service;


--
-- Name: FUNCTION sale_queue_quotation_mail(sale_order integer, subject text, body text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_queue_quotation_mail(sale_order integer, subject text, body text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_queue_quotation_mail(sale_order integer, subject text, body text) TO embudo_service;


--
-- Name: FUNCTION sale_quotation_content(sale_order integer, OUT subject text, OUT body text, OUT lang text, OUT customer integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_quotation_content(sale_order integer, OUT subject text, OUT body text, OUT lang text, OUT customer integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_quotation_content(sale_order integer, OUT subject text, OUT body text, OUT lang text, OUT customer integer) TO embudo_service;


--
-- Name: FUNCTION sale_send_quotation(ids integer[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_send_quotation(ids integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_send_quotation(ids integer[]) TO embudo_service;


--
-- Name: FUNCTION sale_state_label(state text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_state_label(state text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_state_label(state text) TO embudo_service;


--
-- Name: FUNCTION sale_transition(ids integer[], allowed text[], target text, refusal text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_transition(ids integer[], allowed text[], target text, refusal text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_transition(ids integer[], allowed text[], target text, refusal text) TO embudo_service;


--
-- Name: FUNCTION sale_unlock(ids integer[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.sale_unlock(ids integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.sale_unlock(ids integer[]) TO embudo_service;


--
-- Name: FUNCTION seed_20_crm(company integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.seed_20_crm(company integer) FROM PUBLIC;


--
-- Name: FUNCTION seed_30_activities(company integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.seed_30_activities(company integer) FROM PUBLIC;


--
-- Name: FUNCTION seed_40_sale(company integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.seed_40_sale(company integer) FROM PUBLIC;


--
-- Name: FUNCTION seed_60_calendar(company integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.seed_60_calendar(company integer) FROM PUBLIC;


--
-- Name: FUNCTION session_identity(token text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.session_identity(token text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.session_identity(token text) TO embudo_service;


--
-- Name: FUNCTION set_access_level(company integer, target integer, level embudo.access_level); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.set_access_level(company integer, target integer, level embudo.access_level) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.set_access_level(company integer, target integer, level embudo.access_level) TO embudo_service;


--
-- Name: FUNCTION set_company_active(company integer, enabled boolean); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.set_company_active(company integer, enabled boolean) FROM PUBLIC;


--
-- Name: FUNCTION set_company_currency(company integer, currency integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.set_company_currency(company integer, currency integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.set_company_currency(company integer, currency integer) TO embudo_service;


--
-- Name: FUNCTION set_home_company(target integer, company integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.set_home_company(target integer, company integer) FROM PUBLIC;


--
-- Name: FUNCTION set_local(VARIADIC pairs text[]); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.set_local(VARIADIC pairs text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.set_local(VARIADIC pairs text[]) TO embudo_service;


--
-- Name: FUNCTION set_password(target_user integer, password text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.set_password(target_user integer, password text) FROM PUBLIC;


--
-- Name: FUNCTION signup_complete(token text, password text, user_name text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.signup_complete(token text, password text, user_name text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.signup_complete(token text, password text, user_name text) TO embudo_service;


--
-- Name: FUNCTION signup_info(token text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.signup_info(token text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.signup_info(token text) TO embudo_service;


--
-- Name: FUNCTION start_session(user_login text, password text, token text, lifetime interval); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.start_session(user_login text, password text, token text, lifetime interval) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.start_session(user_login text, password text, token text, lifetime interval) TO embudo_service;


--
-- Name: FUNCTION subtype(xmlid text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.subtype(xmlid text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.subtype(xmlid text) TO embudo_service;


--
-- Name: FUNCTION systray_activities(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.systray_activities() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.systray_activities() TO embudo_service;


--
-- Name: FUNCTION tenant_fence(target regclass); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.tenant_fence(target regclass) FROM PUBLIC;


--
-- Name: FUNCTION text_ilike(text, text); Type: ACL; Schema: embudo; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo.text_ilike(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.text_ilike(text, text) TO embudo_owner;
GRANT ALL ON FUNCTION embudo.text_ilike(text, text) TO embudo_service;


--
-- Name: FUNCTION text_like(text, text); Type: ACL; Schema: embudo; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo.text_like(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.text_like(text, text) TO embudo_owner;
GRANT ALL ON FUNCTION embudo.text_like(text, text) TO embudo_service;


--
-- Name: FUNCTION throttled_login(target_account text, candidate integer, secret text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.throttled_login(target_account text, candidate integer, secret text) FROM PUBLIC;


--
-- Name: FUNCTION token_company(token text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.token_company(token text) FROM PUBLIC;


--
-- Name: FUNCTION unlink_deleted(); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.unlink_deleted() FROM PUBLIC;


--
-- Name: FUNCTION unlink_references(target regclass, "column" name, company integer, deleted integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.unlink_references(target regclass, "column" name, company integer, deleted integer) FROM PUBLIC;


--
-- Name: FUNCTION unlink_references_as_owner(target regclass, "column" name, company integer, deleted integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.unlink_references_as_owner(target regclass, "column" name, company integer, deleted integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.unlink_references_as_owner(target regclass, "column" name, company integer, deleted integer) TO embudo_service;


--
-- Name: FUNCTION user_today(person integer); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.user_today(person integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.user_today(person integer) TO embudo_service;


--
-- Name: FUNCTION valid_mail_domain(domain text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.valid_mail_domain(domain text) FROM PUBLIC;


--
-- Name: FUNCTION verified_user(candidate integer, password text); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.verified_user(candidate integer, password text) FROM PUBLIC;


--
-- Name: FUNCTION write_own_preferences(preferences jsonb); Type: ACL; Schema: embudo; Owner: embudo_owner
--

REVOKE ALL ON FUNCTION embudo.write_own_preferences(preferences jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo.write_own_preferences(preferences jsonb) TO embudo_service;


--
-- Name: FUNCTION armor(bytea); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.armor(bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.armor(bytea) TO embudo_owner;


--
-- Name: FUNCTION armor(bytea, text[], text[]); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.armor(bytea, text[], text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.armor(bytea, text[], text[]) TO embudo_owner;


--
-- Name: FUNCTION crypt(text, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.crypt(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.crypt(text, text) TO embudo_owner;


--
-- Name: FUNCTION dearmor(text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.dearmor(text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.dearmor(text) TO embudo_owner;


--
-- Name: FUNCTION decrypt(bytea, bytea, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.decrypt(bytea, bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.decrypt(bytea, bytea, text) TO embudo_owner;


--
-- Name: FUNCTION decrypt_iv(bytea, bytea, bytea, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.decrypt_iv(bytea, bytea, bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.decrypt_iv(bytea, bytea, bytea, text) TO embudo_owner;


--
-- Name: FUNCTION digest(bytea, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.digest(bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.digest(bytea, text) TO embudo_owner;


--
-- Name: FUNCTION digest(text, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.digest(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.digest(text, text) TO embudo_owner;


--
-- Name: FUNCTION encrypt(bytea, bytea, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.encrypt(bytea, bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.encrypt(bytea, bytea, text) TO embudo_owner;


--
-- Name: FUNCTION encrypt_iv(bytea, bytea, bytea, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.encrypt_iv(bytea, bytea, bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.encrypt_iv(bytea, bytea, bytea, text) TO embudo_owner;


--
-- Name: FUNCTION gen_random_bytes(integer); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.gen_random_bytes(integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.gen_random_bytes(integer) TO embudo_owner;


--
-- Name: FUNCTION gen_random_uuid(); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.gen_random_uuid() FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.gen_random_uuid() TO embudo_owner;


--
-- Name: FUNCTION gen_salt(text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.gen_salt(text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.gen_salt(text) TO embudo_owner;


--
-- Name: FUNCTION gen_salt(text, integer); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.gen_salt(text, integer) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.gen_salt(text, integer) TO embudo_owner;


--
-- Name: FUNCTION hmac(bytea, bytea, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.hmac(bytea, bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.hmac(bytea, bytea, text) TO embudo_owner;


--
-- Name: FUNCTION hmac(text, text, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.hmac(text, text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.hmac(text, text, text) TO embudo_owner;


--
-- Name: FUNCTION pgp_armor_headers(text, OUT key text, OUT value text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_armor_headers(text, OUT key text, OUT value text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_armor_headers(text, OUT key text, OUT value text) TO embudo_owner;


--
-- Name: FUNCTION pgp_key_id(bytea); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_key_id(bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_key_id(bytea) TO embudo_owner;


--
-- Name: FUNCTION pgp_pub_decrypt(bytea, bytea); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_pub_decrypt(bytea, bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_pub_decrypt(bytea, bytea) TO embudo_owner;


--
-- Name: FUNCTION pgp_pub_decrypt(bytea, bytea, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_pub_decrypt(bytea, bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_pub_decrypt(bytea, bytea, text) TO embudo_owner;


--
-- Name: FUNCTION pgp_pub_decrypt(bytea, bytea, text, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_pub_decrypt(bytea, bytea, text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_pub_decrypt(bytea, bytea, text, text) TO embudo_owner;


--
-- Name: FUNCTION pgp_pub_decrypt_bytea(bytea, bytea); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_pub_decrypt_bytea(bytea, bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_pub_decrypt_bytea(bytea, bytea) TO embudo_owner;


--
-- Name: FUNCTION pgp_pub_decrypt_bytea(bytea, bytea, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_pub_decrypt_bytea(bytea, bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_pub_decrypt_bytea(bytea, bytea, text) TO embudo_owner;


--
-- Name: FUNCTION pgp_pub_decrypt_bytea(bytea, bytea, text, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_pub_decrypt_bytea(bytea, bytea, text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_pub_decrypt_bytea(bytea, bytea, text, text) TO embudo_owner;


--
-- Name: FUNCTION pgp_pub_encrypt(text, bytea); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_pub_encrypt(text, bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_pub_encrypt(text, bytea) TO embudo_owner;


--
-- Name: FUNCTION pgp_pub_encrypt(text, bytea, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_pub_encrypt(text, bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_pub_encrypt(text, bytea, text) TO embudo_owner;


--
-- Name: FUNCTION pgp_pub_encrypt_bytea(bytea, bytea); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_pub_encrypt_bytea(bytea, bytea) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_pub_encrypt_bytea(bytea, bytea) TO embudo_owner;


--
-- Name: FUNCTION pgp_pub_encrypt_bytea(bytea, bytea, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_pub_encrypt_bytea(bytea, bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_pub_encrypt_bytea(bytea, bytea, text) TO embudo_owner;


--
-- Name: FUNCTION pgp_sym_decrypt(bytea, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_sym_decrypt(bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_sym_decrypt(bytea, text) TO embudo_owner;


--
-- Name: FUNCTION pgp_sym_decrypt(bytea, text, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_sym_decrypt(bytea, text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_sym_decrypt(bytea, text, text) TO embudo_owner;


--
-- Name: FUNCTION pgp_sym_decrypt_bytea(bytea, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_sym_decrypt_bytea(bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_sym_decrypt_bytea(bytea, text) TO embudo_owner;


--
-- Name: FUNCTION pgp_sym_decrypt_bytea(bytea, text, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_sym_decrypt_bytea(bytea, text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_sym_decrypt_bytea(bytea, text, text) TO embudo_owner;


--
-- Name: FUNCTION pgp_sym_encrypt(text, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_sym_encrypt(text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_sym_encrypt(text, text) TO embudo_owner;


--
-- Name: FUNCTION pgp_sym_encrypt(text, text, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_sym_encrypt(text, text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_sym_encrypt(text, text, text) TO embudo_owner;


--
-- Name: FUNCTION pgp_sym_encrypt_bytea(bytea, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_sym_encrypt_bytea(bytea, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_sym_encrypt_bytea(bytea, text) TO embudo_owner;


--
-- Name: FUNCTION pgp_sym_encrypt_bytea(bytea, text, text); Type: ACL; Schema: embudo_crypto; Owner: postgres
--

REVOKE ALL ON FUNCTION embudo_crypto.pgp_sym_encrypt_bytea(bytea, text, text) FROM PUBLIC;
GRANT ALL ON FUNCTION embudo_crypto.pgp_sym_encrypt_bytea(bytea, text, text) TO embudo_owner;


--
-- Name: FUNCTION lo_creat(integer); Type: ACL; Schema: pg_catalog; Owner: postgres
--

REVOKE ALL ON FUNCTION pg_catalog.lo_creat(integer) FROM PUBLIC;


--
-- Name: FUNCTION lo_create(oid); Type: ACL; Schema: pg_catalog; Owner: postgres
--

REVOKE ALL ON FUNCTION pg_catalog.lo_create(oid) FROM PUBLIC;


--
-- Name: FUNCTION lo_from_bytea(oid, bytea); Type: ACL; Schema: pg_catalog; Owner: postgres
--

REVOKE ALL ON FUNCTION pg_catalog.lo_from_bytea(oid, bytea) FROM PUBLIC;


--
-- Name: TABLE company_bi_role; Type: ACL; Schema: embudo; Owner: embudo_owner
--

GRANT SELECT ON TABLE embudo.company_bi_role TO embudo_bi;


--
-- Name: TABLE disabled_company; Type: ACL; Schema: embudo; Owner: embudo_owner
--

GRANT SELECT ON TABLE embudo.disabled_company TO embudo_bi;


--
-- Name: TABLE transient_record; Type: ACL; Schema: embudo; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE ON TABLE embudo.transient_record TO embudo_service;


--
-- Name: TABLE account_payment_term; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.account_payment_term TO embudo_service;
GRANT SELECT ON TABLE public.account_payment_term TO embudo_report;


--
-- Name: TABLE account_payment_term_line; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.account_payment_term_line TO embudo_service;
GRANT SELECT ON TABLE public.account_payment_term_line TO embudo_report;


--
-- Name: TABLE account_tax; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.account_tax TO embudo_service;
GRANT SELECT ON TABLE public.account_tax TO embudo_report;


--
-- Name: TABLE account_tax_sale_order_line_rel; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.account_tax_sale_order_line_rel TO embudo_service;
GRANT SELECT ON TABLE public.account_tax_sale_order_line_rel TO embudo_report;


--
-- Name: TABLE calendar_alarm; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.calendar_alarm TO embudo_service;
GRANT SELECT ON TABLE public.calendar_alarm TO embudo_report;


--
-- Name: TABLE calendar_alarm_calendar_event_rel; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.calendar_alarm_calendar_event_rel TO embudo_service;
GRANT SELECT ON TABLE public.calendar_alarm_calendar_event_rel TO embudo_report;


--
-- Name: TABLE calendar_attendee; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.calendar_attendee TO embudo_service;
GRANT SELECT ON TABLE public.calendar_attendee TO embudo_report;


--
-- Name: TABLE calendar_attendee_token; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT INSERT,DELETE ON TABLE public.calendar_attendee_token TO embudo_service;


--
-- Name: COLUMN calendar_attendee_token.company_id; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(company_id) ON TABLE public.calendar_attendee_token TO embudo_service;


--
-- Name: COLUMN calendar_attendee_token.attendee_id; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(attendee_id) ON TABLE public.calendar_attendee_token TO embudo_service;


--
-- Name: COLUMN calendar_attendee_token.acting_user; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(acting_user) ON TABLE public.calendar_attendee_token TO embudo_service;


--
-- Name: COLUMN calendar_attendee_token.expires_at; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(expires_at) ON TABLE public.calendar_attendee_token TO embudo_service;


--
-- Name: COLUMN calendar_attendee_token.create_date; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(create_date) ON TABLE public.calendar_attendee_token TO embudo_service;


--
-- Name: TABLE calendar_event; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.calendar_event TO embudo_service;
GRANT SELECT ON TABLE public.calendar_event TO embudo_report;


--
-- Name: TABLE calendar_event_res_partner_rel; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.calendar_event_res_partner_rel TO embudo_service;
GRANT SELECT ON TABLE public.calendar_event_res_partner_rel TO embudo_report;


--
-- Name: TABLE calendar_event_res_users_rel; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.calendar_event_res_users_rel TO embudo_service;
GRANT SELECT ON TABLE public.calendar_event_res_users_rel TO embudo_report;


--
-- Name: TABLE calendar_event_type; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.calendar_event_type TO embudo_service;
GRANT SELECT ON TABLE public.calendar_event_type TO embudo_report;


--
-- Name: TABLE calendar_recurrence; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.calendar_recurrence TO embudo_service;
GRANT SELECT ON TABLE public.calendar_recurrence TO embudo_report;


--
-- Name: TABLE crm_lead; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.crm_lead TO embudo_service;
GRANT SELECT ON TABLE public.crm_lead TO embudo_report;


--
-- Name: COLUMN crm_lead.message_bounce; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT UPDATE(message_bounce) ON TABLE public.crm_lead TO embudo_service;


--
-- Name: TABLE crm_lost_reason; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.crm_lost_reason TO embudo_service;
GRANT SELECT ON TABLE public.crm_lost_reason TO embudo_report;


--
-- Name: TABLE crm_stage; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.crm_stage TO embudo_service;
GRANT SELECT ON TABLE public.crm_stage TO embudo_report;


--
-- Name: TABLE crm_tag; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.crm_tag TO embudo_service;
GRANT SELECT ON TABLE public.crm_tag TO embudo_report;


--
-- Name: TABLE crm_tag_rel; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.crm_tag_rel TO embudo_service;
GRANT SELECT ON TABLE public.crm_tag_rel TO embudo_report;


--
-- Name: TABLE crm_team; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.crm_team TO embudo_service;
GRANT SELECT ON TABLE public.crm_team TO embudo_report;


--
-- Name: TABLE crm_team_closing; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.crm_team_closing TO embudo_service;
GRANT SELECT ON TABLE public.crm_team_closing TO embudo_report;


--
-- Name: TABLE crm_team_member; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.crm_team_member TO embudo_service;
GRANT SELECT ON TABLE public.crm_team_member TO embudo_report;


--
-- Name: TABLE ir_attachment; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE ON TABLE public.ir_attachment TO embudo_service;
GRANT SELECT ON TABLE public.ir_attachment TO embudo_report;


--
-- Name: COLUMN ir_attachment.lead_salesperson_key; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT UPDATE(lead_salesperson_key) ON TABLE public.ir_attachment TO embudo_service;


--
-- Name: COLUMN ir_attachment.order_salesperson_key; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT UPDATE(order_salesperson_key) ON TABLE public.ir_attachment TO embudo_service;


--
-- Name: TABLE ir_config_parameter; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT ON TABLE public.ir_config_parameter TO embudo_service;


--
-- Name: TABLE ir_model; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT ON TABLE public.ir_model TO embudo_service;


--
-- Name: TABLE ir_model_data; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT ON TABLE public.ir_model_data TO embudo_service;
GRANT SELECT ON TABLE public.ir_model_data TO embudo_report;


--
-- Name: TABLE ir_model_fields; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT ON TABLE public.ir_model_fields TO embudo_service;


--
-- Name: TABLE l10n_mx_edi_payment_method; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT ON TABLE public.l10n_mx_edi_payment_method TO embudo_service;
GRANT SELECT ON TABLE public.l10n_mx_edi_payment_method TO embudo_report;


--
-- Name: TABLE l10n_mx_edi_payment_policy; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT ON TABLE public.l10n_mx_edi_payment_policy TO embudo_service;
GRANT SELECT ON TABLE public.l10n_mx_edi_payment_policy TO embudo_report;


--
-- Name: TABLE l10n_mx_edi_usage; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT ON TABLE public.l10n_mx_edi_usage TO embudo_service;
GRANT SELECT ON TABLE public.l10n_mx_edi_usage TO embudo_report;


--
-- Name: TABLE mail_activity; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.mail_activity TO embudo_service;
GRANT SELECT ON TABLE public.mail_activity TO embudo_report;


--
-- Name: TABLE mail_activity_rel; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.mail_activity_rel TO embudo_service;
GRANT SELECT ON TABLE public.mail_activity_rel TO embudo_report;


--
-- Name: TABLE mail_activity_type; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.mail_activity_type TO embudo_service;
GRANT SELECT ON TABLE public.mail_activity_type TO embudo_report;


--
-- Name: TABLE mail_followers; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.mail_followers TO embudo_service;
GRANT SELECT ON TABLE public.mail_followers TO embudo_report;


--
-- Name: TABLE mail_mail; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.mail_mail TO embudo_service;
GRANT SELECT ON TABLE public.mail_mail TO embudo_report;


--
-- Name: TABLE mail_message; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.mail_message TO embudo_service;
GRANT SELECT ON TABLE public.mail_message TO embudo_report;


--
-- Name: COLUMN mail_message.res_id; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT UPDATE(res_id) ON TABLE public.mail_message TO embudo_service;


--
-- Name: COLUMN mail_message.subject; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT UPDATE(subject) ON TABLE public.mail_message TO embudo_service;


--
-- Name: COLUMN mail_message.lead_salesperson_key; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT UPDATE(lead_salesperson_key) ON TABLE public.mail_message TO embudo_service;


--
-- Name: COLUMN mail_message.order_salesperson_key; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT UPDATE(order_salesperson_key) ON TABLE public.mail_message TO embudo_service;


--
-- Name: TABLE mail_message_subtype; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT ON TABLE public.mail_message_subtype TO embudo_service;
GRANT SELECT ON TABLE public.mail_message_subtype TO embudo_report;


--
-- Name: TABLE mail_tracking_value; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE ON TABLE public.mail_tracking_value TO embudo_service;
GRANT SELECT ON TABLE public.mail_tracking_value TO embudo_report;


--
-- Name: COLUMN mail_tracking_value.salesperson_key; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT UPDATE(salesperson_key) ON TABLE public.mail_tracking_value TO embudo_service;


--
-- Name: TABLE meeting_category_rel; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.meeting_category_rel TO embudo_service;
GRANT SELECT ON TABLE public.meeting_category_rel TO embudo_report;


--
-- Name: TABLE product_category; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.product_category TO embudo_service;
GRANT SELECT ON TABLE public.product_category TO embudo_report;


--
-- Name: TABLE product_pricelist; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.product_pricelist TO embudo_service;
GRANT SELECT ON TABLE public.product_pricelist TO embudo_report;


--
-- Name: TABLE product_pricelist_item; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.product_pricelist_item TO embudo_service;
GRANT SELECT ON TABLE public.product_pricelist_item TO embudo_report;


--
-- Name: TABLE product_product; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.product_product TO embudo_service;
GRANT SELECT ON TABLE public.product_product TO embudo_report;


--
-- Name: TABLE product_taxes_rel; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.product_taxes_rel TO embudo_service;
GRANT SELECT ON TABLE public.product_taxes_rel TO embudo_report;


--
-- Name: TABLE res_company; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT ON TABLE public.res_company TO embudo_service;
GRANT SELECT ON TABLE public.res_company TO embudo_report;


--
-- Name: COLUMN res_company.name; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT UPDATE(name) ON TABLE public.res_company TO embudo_service;


--
-- Name: COLUMN res_company.write_date; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT UPDATE(write_date) ON TABLE public.res_company TO embudo_service;


--
-- Name: COLUMN res_company.crm_use_leads; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT UPDATE(crm_use_leads) ON TABLE public.res_company TO embudo_service;


--
-- Name: COLUMN res_company.sale_auto_done; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT UPDATE(sale_auto_done) ON TABLE public.res_company TO embudo_service;


--
-- Name: COLUMN res_company.quotation_validity_days; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT UPDATE(quotation_validity_days) ON TABLE public.res_company TO embudo_service;


--
-- Name: COLUMN res_company.tz; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT UPDATE(tz) ON TABLE public.res_company TO embudo_service;


--
-- Name: TABLE res_company_member; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT ON TABLE public.res_company_member TO embudo_service;
GRANT SELECT ON TABLE public.res_company_member TO embudo_report;


--
-- Name: TABLE res_country; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT ON TABLE public.res_country TO embudo_service;
GRANT SELECT ON TABLE public.res_country TO embudo_report;


--
-- Name: TABLE res_country_state; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT ON TABLE public.res_country_state TO embudo_service;
GRANT SELECT ON TABLE public.res_country_state TO embudo_report;


--
-- Name: TABLE res_currency; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT ON TABLE public.res_currency TO embudo_service;
GRANT SELECT ON TABLE public.res_currency TO embudo_report;


--
-- Name: TABLE res_lang; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT ON TABLE public.res_lang TO embudo_service;
GRANT SELECT ON TABLE public.res_lang TO embudo_report;


--
-- Name: TABLE res_partner; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.res_partner TO embudo_service;
GRANT SELECT ON TABLE public.res_partner TO embudo_report;


--
-- Name: TABLE res_partner_category; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.res_partner_category TO embudo_service;
GRANT SELECT ON TABLE public.res_partner_category TO embudo_report;


--
-- Name: TABLE res_partner_res_partner_category_rel; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.res_partner_res_partner_category_rel TO embudo_service;
GRANT SELECT ON TABLE public.res_partner_res_partner_category_rel TO embudo_report;


--
-- Name: TABLE res_partner_title; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT ON TABLE public.res_partner_title TO embudo_service;
GRANT SELECT ON TABLE public.res_partner_title TO embudo_report;


--
-- Name: TABLE res_users; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT ON TABLE public.res_users TO embudo_report;


--
-- Name: COLUMN res_users.id; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(id) ON TABLE public.res_users TO embudo_service;


--
-- Name: COLUMN res_users.login; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(login) ON TABLE public.res_users TO embudo_service;


--
-- Name: COLUMN res_users.name; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(name) ON TABLE public.res_users TO embudo_service;


--
-- Name: COLUMN res_users.email; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(email) ON TABLE public.res_users TO embudo_service;


--
-- Name: COLUMN res_users.tz; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(tz) ON TABLE public.res_users TO embudo_service;


--
-- Name: COLUMN res_users.lang; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(lang) ON TABLE public.res_users TO embudo_service;


--
-- Name: COLUMN res_users.active; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(active) ON TABLE public.res_users TO embudo_service;


--
-- Name: COLUMN res_users.create_date; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(create_date) ON TABLE public.res_users TO embudo_service;


--
-- Name: COLUMN res_users.write_date; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(write_date) ON TABLE public.res_users TO embudo_service;


--
-- Name: COLUMN res_users.company_id; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(company_id) ON TABLE public.res_users TO embudo_service;


--
-- Name: COLUMN res_users.signature; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(signature) ON TABLE public.res_users TO embudo_service;


--
-- Name: COLUMN res_users_invitation.company_id; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(company_id) ON TABLE public.res_users_invitation TO embudo_service;


--
-- Name: COLUMN res_users_invitation.id; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(id) ON TABLE public.res_users_invitation TO embudo_service;


--
-- Name: COLUMN res_users_invitation.login; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(login) ON TABLE public.res_users_invitation TO embudo_service;


--
-- Name: COLUMN res_users_invitation.name; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(name) ON TABLE public.res_users_invitation TO embudo_service;


--
-- Name: COLUMN res_users_invitation.access_level; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(access_level) ON TABLE public.res_users_invitation TO embudo_service;


--
-- Name: COLUMN res_users_invitation.state; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(state) ON TABLE public.res_users_invitation TO embudo_service;


--
-- Name: COLUMN res_users_invitation.company_name; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(company_name) ON TABLE public.res_users_invitation TO embudo_service;


--
-- Name: COLUMN res_users_invitation.invited_by; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(invited_by) ON TABLE public.res_users_invitation TO embudo_service;


--
-- Name: COLUMN res_users_invitation.invited_by_name; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(invited_by_name) ON TABLE public.res_users_invitation TO embudo_service;


--
-- Name: COLUMN res_users_invitation.expires_at; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(expires_at) ON TABLE public.res_users_invitation TO embudo_service;


--
-- Name: COLUMN res_users_invitation.answered_at; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(answered_at) ON TABLE public.res_users_invitation TO embudo_service;


--
-- Name: COLUMN res_users_invitation.create_date; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(create_date) ON TABLE public.res_users_invitation TO embudo_service;


--
-- Name: COLUMN res_users_invitation.write_date; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT(write_date) ON TABLE public.res_users_invitation TO embudo_service;


--
-- Name: TABLE sale_order; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sale_order TO embudo_service;
GRANT SELECT ON TABLE public.sale_order TO embudo_report;


--
-- Name: TABLE sale_order_line; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sale_order_line TO embudo_service;
GRANT SELECT ON TABLE public.sale_order_line TO embudo_report;


--
-- Name: TABLE sale_order_option; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sale_order_option TO embudo_service;
GRANT SELECT ON TABLE public.sale_order_option TO embudo_report;


--
-- Name: TABLE sale_order_portal_token; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sale_order_portal_token TO embudo_service;


--
-- Name: TABLE sale_order_sequence; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,UPDATE ON TABLE public.sale_order_sequence TO embudo_service;


--
-- Name: TABLE sale_order_tag_rel; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sale_order_tag_rel TO embudo_service;
GRANT SELECT ON TABLE public.sale_order_tag_rel TO embudo_report;


--
-- Name: TABLE uom_category; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT ON TABLE public.uom_category TO embudo_service;
GRANT SELECT ON TABLE public.uom_category TO embudo_report;


--
-- Name: TABLE uom_uom; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT ON TABLE public.uom_uom TO embudo_service;
GRANT SELECT ON TABLE public.uom_uom TO embudo_report;


--
-- Name: TABLE utm_campaign; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.utm_campaign TO embudo_service;
GRANT SELECT ON TABLE public.utm_campaign TO embudo_report;


--
-- Name: TABLE utm_medium; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.utm_medium TO embudo_service;
GRANT SELECT ON TABLE public.utm_medium TO embudo_report;


--
-- Name: TABLE utm_source; Type: ACL; Schema: public; Owner: embudo_owner
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.utm_source TO embudo_service;
GRANT SELECT ON TABLE public.utm_source TO embudo_report;


--
-- Name: TABLE activity; Type: ACL; Schema: report_source; Owner: embudo_report
--

GRANT SELECT ON TABLE report_source.activity TO embudo_service;
GRANT SELECT ON TABLE report_source.activity TO embudo_bi;


--
-- Name: TABLE activity; Type: ACL; Schema: report; Owner: embudo_owner
--

GRANT SELECT ON TABLE report.activity TO embudo_service;
GRANT SELECT ON TABLE report.activity TO embudo_bi;


--
-- Name: TABLE company_clock; Type: ACL; Schema: report_source; Owner: embudo_report
--

GRANT SELECT ON TABLE report_source.company_clock TO embudo_service;
GRANT SELECT ON TABLE report_source.company_clock TO embudo_bi;


--
-- Name: TABLE forecast_monthly; Type: ACL; Schema: report_source; Owner: embudo_report
--

GRANT SELECT ON TABLE report_source.forecast_monthly TO embudo_service;
GRANT SELECT ON TABLE report_source.forecast_monthly TO embudo_bi;


--
-- Name: TABLE forecast_monthly; Type: ACL; Schema: report; Owner: embudo_owner
--

GRANT SELECT ON TABLE report.forecast_monthly TO embudo_service;
GRANT SELECT ON TABLE report.forecast_monthly TO embudo_bi;


--
-- Name: TABLE leads_monthly; Type: ACL; Schema: report_source; Owner: embudo_report
--

GRANT SELECT ON TABLE report_source.leads_monthly TO embudo_service;
GRANT SELECT ON TABLE report_source.leads_monthly TO embudo_bi;


--
-- Name: TABLE leads_monthly; Type: ACL; Schema: report; Owner: embudo_owner
--

GRANT SELECT ON TABLE report.leads_monthly TO embudo_service;
GRANT SELECT ON TABLE report.leads_monthly TO embudo_bi;


--
-- Name: TABLE opportunity; Type: ACL; Schema: report_source; Owner: embudo_report
--

GRANT SELECT ON TABLE report_source.opportunity TO embudo_service;
GRANT SELECT ON TABLE report_source.opportunity TO embudo_bi;


--
-- Name: TABLE opportunity; Type: ACL; Schema: report; Owner: embudo_owner
--

GRANT SELECT ON TABLE report.opportunity TO embudo_service;
GRANT SELECT ON TABLE report.opportunity TO embudo_bi;


--
-- Name: TABLE pipeline_by_stage; Type: ACL; Schema: report_source; Owner: embudo_report
--

GRANT SELECT ON TABLE report_source.pipeline_by_stage TO embudo_service;
GRANT SELECT ON TABLE report_source.pipeline_by_stage TO embudo_bi;


--
-- Name: TABLE pipeline_by_stage; Type: ACL; Schema: report; Owner: embudo_owner
--

GRANT SELECT ON TABLE report.pipeline_by_stage TO embudo_service;
GRANT SELECT ON TABLE report.pipeline_by_stage TO embudo_bi;


--
-- Name: TABLE sales; Type: ACL; Schema: report_source; Owner: embudo_report
--

GRANT SELECT ON TABLE report_source.sales TO embudo_service;
GRANT SELECT ON TABLE report_source.sales TO embudo_bi;


--
-- Name: TABLE sales; Type: ACL; Schema: report; Owner: embudo_owner
--

GRANT SELECT ON TABLE report.sales TO embudo_service;
GRANT SELECT ON TABLE report.sales TO embudo_bi;


--
-- Name: TABLE team_dashboard; Type: ACL; Schema: report_source; Owner: embudo_report
--

GRANT SELECT ON TABLE report_source.team_dashboard TO embudo_service;
GRANT SELECT ON TABLE report_source.team_dashboard TO embudo_bi;


--
-- Name: TABLE team_dashboard; Type: ACL; Schema: report; Owner: embudo_owner
--

GRANT SELECT ON TABLE report.team_dashboard TO embudo_service;
GRANT SELECT ON TABLE report.team_dashboard TO embudo_bi;


--
-- Name: TABLE won_revenue_monthly; Type: ACL; Schema: report_source; Owner: embudo_report
--

GRANT SELECT ON TABLE report_source.won_revenue_monthly TO embudo_service;
GRANT SELECT ON TABLE report_source.won_revenue_monthly TO embudo_bi;


--
-- Name: TABLE won_revenue_monthly; Type: ACL; Schema: report; Owner: embudo_owner
--

GRANT SELECT ON TABLE report.won_revenue_monthly TO embudo_service;
GRANT SELECT ON TABLE report.won_revenue_monthly TO embudo_bi;


--
-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: report; Owner: embudo_owner
--

ALTER DEFAULT PRIVILEGES FOR ROLE embudo_owner IN SCHEMA report GRANT SELECT ON TABLES  TO embudo_service;
ALTER DEFAULT PRIVILEGES FOR ROLE embudo_owner IN SCHEMA report GRANT SELECT ON TABLES  TO embudo_bi;


--
-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: report_source; Owner: embudo_report
--

ALTER DEFAULT PRIVILEGES FOR ROLE embudo_report IN SCHEMA report_source GRANT SELECT ON TABLES  TO embudo_service;
ALTER DEFAULT PRIVILEGES FOR ROLE embudo_report IN SCHEMA report_source GRANT SELECT ON TABLES  TO embudo_bi;


--
-- Name: DEFAULT PRIVILEGES FOR FUNCTIONS; Type: DEFAULT ACL; Schema: -; Owner: embudo_owner
--

ALTER DEFAULT PRIVILEGES FOR ROLE embudo_owner REVOKE ALL ON FUNCTIONS  FROM PUBLIC;


--
-- PostgreSQL database dump complete
--
