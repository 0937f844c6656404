"""The session-based web routes, as Odoo's web client and odoorpc's legacy path (Flectra's "2.0") use them."""
import http.cookiejar
import json
import urllib.request

import odoorpc


def opener():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def post(client, url, path, params, headers=None):
    body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params, "id": 5}).encode()
    request = urllib.request.Request(url + path, body, {"Content-Type": "application/json", **(headers or {})})
    with client.open(request) as answer:
        assert answer.status == 200
        return json.loads(answer.read()), answer.headers.get_all("Set-Cookie") or []


def test_session_cycle(server):
    client, url = opener(), server["url"]
    info, cookies = post(client, url, "/web/session/authenticate",
                         {"db": server["db"], "login": server["login"], "password": server["password"]})
    assert info["result"]["uid"] > 0
    assert info["result"]["user_context"]["uid"] == info["result"]["uid"]
    assert any("session_id=" in c and "HttpOnly" in c and "Secure" not in c for c in cookies)
    assert info["result"]["user_companies"]["allowed_companies"]

    same, _ = post(client, url, "/web/session/get_session_info", {})
    assert same["result"]["uid"] == info["result"]["uid"]

    created, _ = post(client, url, "/web/dataset/call_kw/res.partner/create",
                      {"model": "res.partner", "method": "create", "args": [{"name": "Web Client"}], "kwargs": {}})
    rows, _ = post(client, url, "/web/dataset/call_kw",
                   {"model": "res.partner", "method": "search_read", "args": [[["id", "=", created["result"]]]],
                    "kwargs": {"fields": ["name"]}})
    assert rows["result"] == [{"id": created["result"], "name": "Web Client"}]

    post(client, url, "/web/session/destroy", {})
    expired, _ = post(client, url, "/web/session/get_session_info", {})
    assert expired["error"]["code"] == 100
    assert expired["error"]["data"]["name"] == "odoo.http.SessionExpiredException"


def test_secure_cookie_behind_a_tls_proxy(server):
    client, url = opener(), server["url"]
    _, cookies = post(client, url, "/web/session/authenticate",
                      {"db": server["db"], "login": server["login"], "password": server["password"]},
                      headers={"X-Forwarded-Proto": "https"})
    assert any("session_id=" in c and "Secure" in c and "HttpOnly" in c for c in cookies)


def test_no_session_and_bad_password(server):
    client, url = opener(), server["url"]
    answer, _ = post(client, url, "/web/dataset/call_kw", {"model": "res.partner", "method": "search", "args": [[]], "kwargs": {}})
    assert answer["error"]["code"] == 100
    denied, cookies = post(client, url, "/web/session/authenticate",
                           {"db": server["db"], "login": server["login"], "password": "wrong"})
    assert denied["error"]["data"]["name"] == "odoo.exceptions.AccessDenied"
    assert not cookies


def test_odoorpc_legacy_path(server):
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"], version="2.0")
    odoo.login(server["db"], server["login"], server["password"])
    Partner = odoo.env["res.partner"]
    new_id = Partner.create({"name": "Legacy Path"})
    assert Partner.browse(new_id).name == "Legacy Path"
    odoo.logout()
