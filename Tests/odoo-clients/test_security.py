"""Security checks against the real server over HTTP: session fixation, revocation under the
credentials cache, body and nesting limits, and what errors reveal."""
import json
import subprocess
import urllib.request

FORBIDDEN = ["SELECT", "INSERT", "FROM ", "syntax error", "violates", 'relation "', "PGError", "SQLSTATE", "Swift/", ".swift:"]


def cli(server, *args):
    result = subprocess.run([server["binary"], *args, "--embedded-directory", server["cluster"]], env=server["env"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def post(url, path, body, cookie=None, content_type="application/json"):
    data = body if isinstance(body, bytes) else json.dumps({"jsonrpc": "2.0", "method": "call", "params": body, "id": 1}).encode()
    headers = {"Content-Type": content_type}
    if cookie is not None:
        headers["Cookie"] = "session_id=" + cookie
    with urllib.request.urlopen(urllib.request.Request(url + path, data, headers), timeout=60) as answer:
        assert answer.status == 200
        cookies = answer.headers.get_all("Set-Cookie") or []
        session = next((c.split("session_id=", 1)[1].split(";", 1)[0] for c in cookies if "session_id=" in c), None)
        return json.loads(answer.read()), session


def error_name(answer):
    return answer.get("error", {}).get("data", {}).get("name")


def still_serving(server):
    answer, _ = post(server["url"], "/web/webclient/version_info", {})
    assert answer["result"]["server_version"] == "17.0"


def test_session_fixation_and_logout(server):
    url = server["url"]
    credentials = {"db": server["db"], "login": server["login"], "password": server["password"]}
    chosen = "ab" * 32
    info, token = post(url, "/web/session/authenticate", credentials, cookie=chosen)
    assert info["result"]["uid"] > 0
    assert token and token != chosen
    assert error_name(post(url, "/web/session/get_session_info", {}, cookie=chosen)[0]) == "odoo.http.SessionExpiredException"
    _, second = post(url, "/web/session/authenticate", credentials, cookie=token)
    assert second and second != token
    post(url, "/web/session/destroy", {}, cookie=second)
    reused, _ = post(url, "/web/dataset/call_kw", {"model": "res.partner", "method": "search", "args": [[]], "kwargs": {}}, cookie=second)
    assert error_name(reused) == "odoo.http.SessionExpiredException"
    # The first session is still alive (logout ends one session, not all).
    assert post(url, "/web/session/get_session_info", {}, cookie=token)[0]["result"]["uid"] == info["result"]["uid"]


def test_revoked_key_stops_at_the_next_call_even_when_cached(server):
    url = server["url"]
    uid = post(url, "/jsonrpc", {"service": "common", "method": "login", "args": [server["db"], server["login"], server["password"]]})[0]["result"]
    key = cli(server, "user", "api-key", "create", "--login", server["login"], "--name", "security test")

    def search():
        return post(url, "/jsonrpc", {"service": "object", "method": "execute_kw",
                                      "args": [server["db"], uid, key, "res.partner", "search", [[]]]})[0]

    assert "result" in search()
    assert "result" in search()  # cached now
    subprocess.run([server["binary"], "user", "api-key", "revoke", "--login", server["login"], "--name", "security test",
                    "--embedded-directory", server["cluster"]], env=server["env"], check=True, capture_output=True)
    assert error_name(search()) == "odoo.exceptions.AccessDenied"
    # The password still works after the key change (the credentials' stamp changed, not the password).
    still = post(url, "/jsonrpc", {"service": "object", "method": "execute_kw",
                                   "args": [server["db"], uid, server["password"], "res.partner", "search", [[]]]})[0]
    assert "result" in still, still


def test_limits_and_the_server_keeps_serving(server):
    url = server["url"]
    big = b'{"jsonrpc":"2.0","method":"call","id":1,"params":{"service":"common","method":"version","pad":"' + b"x" * ((16 << 20) + 1) + b'"}}'
    answer, _ = post(url, "/jsonrpc", big)
    assert error_name(answer) == "werkzeug.exceptions.BadRequest"
    assert "larger than" in answer["error"]["data"]["message"]
    still_serving(server)
    deep = b"[" * 10000 + b"]" * 10000
    answer, _ = post(url, "/jsonrpc", deep)
    assert error_name(answer) == "werkzeug.exceptions.BadRequest"
    assert "levels deep" in answer["error"]["data"]["message"]
    answer, _ = post(url, "/jsonrpc", {"service": "common", "method": "version"}, content_type="text/plain")
    assert error_name(answer) == "werkzeug.exceptions.BadRequest"
    still_serving(server)


def test_errors_carry_no_debug_detail(server):
    url = server["url"]
    uid = post(url, "/jsonrpc", {"service": "common", "method": "login", "args": [server["db"], server["login"], server["password"]]})[0]["result"]
    for model, method, args, kwargs in [
        ("no.such.model", "search", [[]], {}),
        ("res.partner", "search", [[["no_field", "=", 1]]], {}),
        ("res.partner", "search_read", [[]], {"order": "name; DROP TABLE res_partner"}),
        ("res.partner", "create", [{"name": "x", "parent_id": 2000000000}], {}),
        ("res.partner", "create", [{"name": "a\u0000b"}], {}),
        ("crm.lead", "search", [[["name", "=like", "x\\"]]], {}),
    ]:
        answer, _ = post(url, "/jsonrpc", {"service": "object", "method": "execute_kw",
                                           "args": [server["db"], uid, server["password"], model, method, args, kwargs]})
        assert "error" in answer, answer
        assert answer["error"]["data"]["debug"] == ""
        assert answer["error"]["data"]["name"] != "builtins.Exception", answer
        message = answer["error"]["data"]["message"]
        for token in FORBIDDEN:
            assert token not in message or token in json.dumps(args + [kwargs]), (token, message)
