"""Identities are global; companies are not. Company administrators invite logins (e-mail addresses)
and never set or learn a password; invitees activate their account from a link sent to their address,
or accept after logging in with their own credentials; users keep a home company and their own
preferences. Every attack here goes through the real API, as an attacker would."""
import html
import re
import urllib.error
import urllib.parse
import urllib.request

import odoorpc
import pytest

from conftest import cli, operator_user, wait_for_mail


def login(server, user, password):
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
    odoo.login(server["db"], user, password)
    return odoo


def hidden(call):
    """Whether records read as absent: no rows, or Odoo's MissingError."""
    try:
        return call() == []
    except odoorpc.error.RPCError as error:
        return error.info["data"]["name"] == "odoo.exceptions.MissingError"


def admin(server):
    return login(server, server["login"], server["password"])


def fault(call):
    """The Odoo exception name a refused call answers with."""
    with pytest.raises(odoorpc.error.RPCError) as refused:
        call()
    return refused.value.info["data"]["name"]


def company(server, name, admin_login, admin_password):
    """A second company with its own administrator, made by the operator."""
    cli(server, "company", "create", name)
    operator_user(server, admin_login, admin_password, "admin", company=name)
    odoo = login(server, admin_login, admin_password)
    return odoo, odoo.env.user.company_id.id


def activation_link(relay, address, count=1, company=None):
    """The activation link in the messages sent to `address` (the one from `company`, else the last of `count`)."""
    messages = [m["parsed"] for m in wait_for_mail(relay, address, count)]
    message = next(m for m in messages if company in m["Subject"]) if company else messages[-1]
    body = message.get_body(("html", "plain")).get_content()
    links = re.findall(r'href="([^"]*/web/signup\?token=[0-9a-f]+)"', body)
    return html.unescape(links[0]) if links else None


def post_form(url, fields):
    data = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(url, data, {"Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def activate(server, link, password, name=None):
    token = urllib.parse.parse_qs(urllib.parse.urlparse(link).query)["token"][0]
    page = urllib.request.urlopen(server["url"] + "/web/signup?token=" + token).read().decode()
    assert 'name="password"' in page
    return post_form(server["url"] + "/web/signup", {"token": token, "password": password, "confirm": password, "name": name or ""})


def test_administrators_cannot_set_passwords_and_invite_by_address(server):
    Users = admin(server).env["res.users"]
    assert fault(lambda: Users.create({"login": "pat@acme.example", "password": "chosen-by-admin-1"})) == "odoo.exceptions.AccessError"
    assert fault(lambda: Users.create({"login": "pat"})) == "odoo.exceptions.ValidationError"
    # No identity was made by either attempt.
    assert cli(server, "user", "api-key", "list", "--login", "pat@acme.example", check=False).returncode != 0


def test_takeover_through_invitations_is_refused(server, relay):
    """Company A's administrator prepares bob@target.example before company B invites Bob."""
    attacker, attacker_company = company(server, "Grabby Co", "mallory@grabby.example", "mallory-pass-1")
    victim, victim_company = company(server, "Target Co", "vera@target.example", "vera-pass-1")

    # Before: A created the login with a password of its choosing. Now that is refused outright …
    assert fault(lambda: attacker.env["res.users"].create(
        {"login": "bob@target.example", "password": "known-to-mallory-1", "access_level": "own"})) == "odoo.exceptions.AccessError"
    # … and an invitation creates the identity without any password, with the link sent to Bob alone.
    from_attacker = attacker.env["res.users"].create({"login": "bob@target.example", "name": "Bob", "access_level": "own"})
    assert attacker.env["res.users"].search([("login", "=", "bob@target.example")]) == []
    assert attacker.env["mail.mail"].search_read([("email_to", "ilike", "bob@target")], ["body_html"]) == []
    [pending] = attacker.env["res.users.invitation"].search_read([], ["login", "state"])
    assert pending["id"] == from_attacker and pending["state"] == "pending"

    # B invites Bob too: it learns nothing, and nothing attaches it to an account anyone else controls.
    from_victim = victim.env["res.users"].create({"login": "Bob@Target.example", "name": "Bob V", "access_level": "admin"})
    assert victim.env["res.users"].search([("login", "=", "bob@target.example")]) == []
    [mine] = victim.env["res.users.invitation"].search_read([], ["login", "state", "name"])
    assert mine["id"] == from_victim and mine["state"] == "pending" and mine["login"] == "bob@target.example"

    # Mallory cannot log in as Bob: no password exists until Bob sets his own.
    for guess in ("known-to-mallory-1", "", "bob@target.example"):
        with pytest.raises(odoorpc.error.RPCError):
            login(server, "bob@target.example", guess)

    # Bob activates his account from B's link (the second message he got), choosing his password.
    link = activation_link(relay, "bob@target.example", count=2, company="Target Co")
    assert link
    status, page = activate(server, link, "bobs-own-secret-1", "Bob Builder")
    assert status == 200 and "bob@target.example" in page
    # The link works once; any other token gets the same "not valid" page.
    assert activate_again_fails(server, link)

    bob = login(server, "bob@target.example", "bobs-own-secret-1")
    assert bob.env.user.company_id.id == victim_company
    # A's invitation waits for Bob's answer; he declines it.
    [from_a] = bob.env["res.users.invitation"].search_read([("state", "=", "pending")], ["company_name", "state"])
    assert from_a["company_name"] == "Grabby Co" and from_a["id"] == from_attacker
    bob.env["res.users.invitation"].action_decline([from_attacker])
    assert attacker.env["res.users.invitation"].read([from_attacker], ["state"])[0]["state"] == "declined"
    assert attacker.env["res.users"].search([("login", "=", "bob@target.example")]) == []
    assert victim.env["res.users"].search([("login", "=", "bob@target.example")]) != []


def activate_again_fails(server, link):
    token = urllib.parse.parse_qs(urllib.parse.urlparse(link).query)["token"][0]
    status, page = post_form(server["url"] + "/web/signup", {"token": token, "password": "another-pass-1", "confirm": "another-pass-1"})
    return status == 404 and "not valid" in page


def test_inviting_company_cannot_tell_whether_a_login_exists(server, relay):
    inviter, _ = company(server, "Curious Co", "carl@curious.example", "carl-pass-1")
    operator_user(server, "known@elsewhere.example", "known-pass-1", "own")
    Users = inviter.env["res.users"]
    known = Users.create({"login": "known@elsewhere.example", "name": "Known", "access_level": "own"})
    unknown = Users.create({"login": "unknown@nowhere.example", "name": "Unknown", "access_level": "own"})
    fields = ["login", "name", "state", "access_level", "company_id", "invited_by", "expires_at", "answered_at"]
    a, b = inviter.env["res.users.invitation"].read([known, unknown], fields)
    assert set(a) == set(b) and a["state"] == b["state"] == "pending" and a["answered_at"] == b["answered_at"] is False
    for invitation in (a, b):
        assert "user_id" not in invitation
    assert hidden(lambda: Users.read([known, unknown], ["login"]))
    # The identity's id is not readable, not searchable.
    assert fault(lambda: inviter.env["res.users.invitation"].search([("user_id", "!=", False)])) == "odoo.exceptions.ValidationError"
    # Each invitee got one message at their own address.
    wait_for_mail(relay, "known@elsewhere.example")
    wait_for_mail(relay, "unknown@nowhere.example")


def test_existing_login_accepts_after_logging_in_and_keeps_its_home(server):
    # Noor works for a new company; the older Demo company invites her.
    cli(server, "company", "create", "Noor Studio")
    operator_user(server, "noor@studio.example", "noor-pass-1", "all", company="Noor Studio")
    noor = login(server, "noor@studio.example", "noor-pass-1")
    home = noor.env.user.company_id.id

    demo = admin(server)
    invitation = demo.env["res.users"].create({"login": "noor@studio.example", "access_level": "own"})
    # Until she answers, Demo sees an invitation, not a member.
    assert demo.env["res.users"].search([("login", "=", "noor@studio.example")]) == []
    # Someone else cannot answer for her.
    operator_user(server, "other@demo.example", "other-pass-1", "own")
    other = login(server, "other@demo.example", "other-pass-1")
    assert fault(lambda: other.env["res.users.invitation"].action_accept([invitation])) == "odoo.exceptions.MissingError"

    noor.env["res.users.invitation"].action_accept([invitation])
    assert demo.env["res.users"].search([("login", "=", "noor@studio.example")]) != []
    assert noor.env["res.users.invitation"].search([]) == []

    # Stateless calls that name no company still act in her home company, not the older one.
    fresh = login(server, "noor@studio.example", "noor-pass-1")
    partner = fresh.env["res.partner"].create({"name": "Written at home"})
    assert fresh.env["res.partner"].read([partner], ["company_id"])[0]["company_id"][0] == home
    # Demo's administrator cannot move her home, nor change anything of her identity.
    assert fault(lambda: demo.env["res.users"].write([fresh.env.uid], {"company_id": 1})) == "odoo.exceptions.AccessError"
    assert fault(lambda: demo.env["res.users"].write([fresh.env.uid], {"name": "pwned"})) == "odoo.exceptions.AccessError"
    # She can.
    demo_id = demo.env.user.company_id.id
    fresh.env["res.users"].write([fresh.env.uid], {"company_id": demo_id})
    again = login(server, "noor@studio.example", "noor-pass-1")
    assert again.env.user.company_id.id == demo_id
    partner = again.env["res.partner"].create({"name": "Written in Demo"})
    assert again.env["res.partner"].read([partner], ["company_id"])[0]["company_id"][0] == demo_id
    # The operator can too.
    cli(server, "user", "set-home", "--login", "noor@studio.example", "--company", "Noor Studio")
    assert login(server, "noor@studio.example", "noor-pass-1").env.user.company_id.id == home


def test_users_change_their_own_preferences_and_password(server):
    operator_user(server, "pia@demo.example", "pia-pass-1", "own", name="Pía")
    pia = login(server, "pia@demo.example", "pia-pass-1")
    me = pia.env.uid
    Users = pia.env["res.users"]
    Users.write([me], {"lang": "es_MX", "tz": "America/Mexico_City", "signature": "<p>Pía · Ventas</p>", "name": "Pía Ruiz"})
    assert Users.preference_save([me]) == {"type": "ir.actions.client", "tag": "reload_context"}
    values = Users.read([me], ["lang", "tz", "signature", "name"])[0]
    assert (values["lang"], values["tz"], values["name"]) == ("es_MX", "America/Mexico_City", "Pía Ruiz")
    assert Users.context_get()["lang"] == "es_MX"

    assert fault(lambda: Users.write([me], {"tz": "Mars/Olympus"})) == "odoo.exceptions.ValidationError"
    assert fault(lambda: Users.write([me], {"lang": "xx_XX"})) == "odoo.exceptions.ValidationError"
    assert fault(lambda: Users.write([me], {"email": "ceo@bank.example"})) == "odoo.exceptions.AccessError"
    assert fault(lambda: Users.write([me], {"login": "admin"})) == "odoo.exceptions.AccessError"
    assert fault(lambda: Users.write([me], {"company_id": 999999})) == "odoo.exceptions.ValidationError"
    assert fault(lambda: Users.write([server_admin_id(server)], {"lang": "es_MX"})) == "odoo.exceptions.AccessError"

    assert fault(lambda: Users.change_password("wrong-old-1", "pia-new-pass-1")) == "odoo.exceptions.AccessError"
    assert fault(lambda: Users.change_password("pia-pass-1", "short")) == "odoo.exceptions.ValidationError"
    assert Users.change_password("pia-pass-1", "pia-new-pass-1") is True
    with pytest.raises(odoorpc.error.RPCError):
        login(server, "pia@demo.example", "pia-pass-1")
    assert login(server, "pia@demo.example", "pia-new-pass-1").env.uid == me


def server_admin_id(server):
    return admin(server).env.uid


def test_invitations_are_withdrawn_and_access_levels_set(server, relay):
    demo = admin(server)
    Users = demo.env["res.users"]
    invitation = Users.create({"login": "gone@demo.example", "name": "Gone", "access_level": "all"})
    link = activation_link(relay, "gone@demo.example")
    demo.env["res.users.invitation"].action_cancel([invitation])
    assert demo.env["res.users.invitation"].read([invitation], ["state"])[0]["state"] == "cancelled"
    # The withdrawn invitation's link opens nothing any more.
    token = urllib.parse.parse_qs(urllib.parse.urlparse(link).query)["token"][0]
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(server["url"] + "/web/signup?token=" + token)
    assert missing.value.code == 404

    # A new login activates, and the administrator manages its level afterwards.
    invitation = Users.create({"login": "bea@demo.example", "name": "Bea", "access_level": "own"})
    status, _ = activate(server, activation_link(relay, "bea@demo.example"), "bea-secret-1")
    assert status == 200
    bea = login(server, "bea@demo.example", "bea-secret-1")
    assert bea.env["res.partner"].search_count([]) >= 0
    # Not an administrator: she may not invite anyone.
    assert fault(lambda: bea.env["res.users"].create({"login": "eve@demo.example"})) == "odoo.exceptions.AccessError"
    assert Users.search([("login", "=", "bea@demo.example")]) == [bea.env.uid]
    with pytest.raises(odoorpc.error.RPCError):
        Users.set_access_level([demo.env.uid], "own")
    Users.set_access_level([bea.env.uid], False)
    with pytest.raises(odoorpc.error.RPCError):
        login(server, "bea@demo.example", "bea-secret-1").env["res.partner"].search_count([])


def test_activation_page_refuses_bad_passwords_and_unknown_tokens(server, relay):
    demo = admin(server)
    demo.env["res.users"].create({"login": "kim@demo.example", "name": "Kim <b>", "access_level": "own"})
    link = activation_link(relay, "kim@demo.example")
    token = urllib.parse.parse_qs(urllib.parse.urlparse(link).query)["token"][0]
    page = urllib.request.urlopen(server["url"] + "/web/signup?token=" + token).read().decode()
    assert "Kim &lt;b&gt;" in page and "<b>" not in page
    status, page = post_form(server["url"] + "/web/signup", {"token": token, "password": "short", "confirm": "short"})
    assert status == 422
    status, page = post_form(server["url"] + "/web/signup", {"token": token, "password": "long-enough-1", "confirm": "different-1"})
    assert status == 422
    for bogus in ("0" * 48, "zz", token[:-1] + ("0" if token[-1] != "0" else "1")):
        status, page = post_form(server["url"] + "/web/signup", {"token": bogus, "password": "long-enough-1", "confirm": "long-enough-1"})
        assert status == 404
    # A post from another site is refused.
    request = urllib.request.Request(server["url"] + "/web/signup", urllib.parse.urlencode(
        {"token": token, "password": "long-enough-1", "confirm": "long-enough-1"}).encode(),
        {"Content-Type": "application/x-www-form-urlencoded", "Origin": "https://evil.example"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)
    assert refused.value.code == 403
    with pytest.raises(odoorpc.error.RPCError):
        login(server, "kim@demo.example", "long-enough-1")
