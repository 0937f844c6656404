"""Issue 18 through the real server, as an attacker would: failed logins throttled per account (never a
lock-out of everyone behind one proxy), pgcrypto out of BI logins' reach, BI logins' limits enforced by
the server whatever they SET, and a service that refuses privileged database logins."""
import contextlib
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request

import odoorpc
import pytest

from conftest import cli, free_port

AS_POSTGRES = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []


def pg_bin(name):
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(os.listdir("/usr/lib/postgresql"))
    return f"/usr/lib/postgresql/{versions[-1]}/bin/{name}"


def psql(server, sql, user="postgres", check=True):
    """One psql call on the server's embedded cluster (its private socket, trusted)."""
    result = subprocess.run(AS_POSTGRES + [pg_bin("psql"), "-h", os.path.join(server["cluster"], "run"), "-d", "embudo", "-U", user,
                                           "-At", "-v", "ON_ERROR_STOP=1", "-c", sql], capture_output=True, text=True)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def rpc(url, service, method, *args, headers=None):
    body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": {"service": service, "method": method, "args": args}, "id": 1})
    request = urllib.request.Request(url + "/jsonrpc", body.encode(), {"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.loads(answer.read())


def error(answer):
    data = answer.get("error", {}).get("data", {})
    return data.get("name"), data.get("message", "")


def user(server, login, password):
    cli(server, "user", "create", "--login", login, "--password", password, "--company", "Demo", "--access", "own")


@contextlib.contextmanager
def long_delays(server):
    """Delays of an hour after 3 free failures, for the test's duration: no test waits for time to pass."""
    psql(server, "UPDATE embudo.login_throttle_policy SET free_failures = 3, first_delay = '1 hour', max_delay = '10 hours'")
    try:
        yield
    finally:
        psql(server, "UPDATE embudo.login_throttle_policy SET free_failures = 5, first_delay = '1 second', max_delay = '10 minutes'")


def start_server(server, extra, wait=True):
    port = free_port()
    log = tempfile.NamedTemporaryFile("w+", prefix="embudo-hardening-", suffix=".log", delete=False)
    # The main server's public URL stays the one recorded (web.base.url), whoever starts last.
    process = subprocess.Popen([server["binary"], "serve", "--port", str(port), "--no-migrate", "--public-url", server["url"], *extra], env=server["env"],
                               stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    if wait:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(url + "/health", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                assert process.poll() is None, open(log.name).read()
                time.sleep(0.1)
        else:
            raise RuntimeError("server did not start: " + open(log.name).read())
    return process, url, log.name


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


# Item 7: throttling per account, growing delays, in PostgreSQL.

def test_guessing_behind_the_proxy_locks_nobody_else_out(server):
    """Behind a TLS proxy every client has the proxy's address: before, about one bad login every 30 s
    locked every password login and API key of every company out."""
    user(server, "victim7", "victim7-secret")
    user(server, "bystander7", "bystander7-secret")
    key = cli(server, "user", "api-key", "create", "--login", "bystander7", "--name", "proxy test").stdout.strip().splitlines()[-1]
    # The server trusts 127.0.0.1 as its proxy, which forwards for many clients.
    process, url, _ = start_server(server, ["--embedded-directory", server["cluster"], "--trusted-proxy", "127.0.0.1"])
    try:
        with long_delays(server):
            for n in range(40):
                target = "victim7" if n % 2 else f"nobody{n}"
                answer = rpc(url, "common", "login", server["db"], target, f"guess-{n}", headers={"X-Forwarded-For": "203.0.113.66"})
                assert answer.get("result") is False or error(answer)[0] == "odoo.exceptions.AccessDenied"
            # Other people behind the same proxy, with passwords and API keys, log in.
            assert rpc(url, "common", "login", server["db"], "bystander7", "bystander7-secret")["result"]
            assert rpc(url, "common", "login", server["db"], server["login"], server["password"],
                       headers={"X-Forwarded-For": "203.0.113.66"})["result"]
            assert rpc(url, "common", "login", server["db"], "bystander7", key)["result"]
            request = urllib.request.Request(url + "/json/2/res.partner/search_count", json.dumps({"domain": []}).encode(),
                                             {"Content-Type": "application/json", "Authorization": "bearer " + key})
            with urllib.request.urlopen(request, timeout=60) as answer:
                assert answer.status == 200
            # The account guessed at waits, and is told for how long.
            name, message = error(rpc(url, "common", "login", server["db"], "victim7", "victim7-secret"))
            assert name == "odoo.exceptions.AccessDenied" and "try again in" in message
    finally:
        stop(process)
        psql(server, "DELETE FROM embudo.login_failure")


def test_spellings_of_a_login_are_one_account(server):
    user(server, "spelled7", "spelled7-secret")
    with long_delays(server):
        try:
            for variant in ["SPELLED7", " spelled7", "Spelled7 ", "\tspelled7"]:
                assert rpc(server["url"], "common", "login", server["db"], variant, "wrong")["result"] is False
            odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
            with pytest.raises(odoorpc.error.RPCError) as refused:
                odoo.login(server["db"], "spelled7", "spelled7-secret")
            assert "try again in" in str(refused.value)
            # The other routes wait too: the web session and object calls with the uid.
            body = json.dumps({"jsonrpc": "2.0", "method": "call", "id": 1,
                               "params": {"db": server["db"], "login": "spelled7", "password": "spelled7-secret"}}).encode()
            request = urllib.request.Request(server["url"] + "/web/session/authenticate", body, {"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=60) as answer:
                assert error(json.loads(answer.read()))[0] == "odoo.exceptions.AccessDenied"
            # Object calls by uid count on their own account: a counter shared with the login's would tell
            # whoever can make a uid wait whether a login belongs to it (an inviting administrator could
            # learn that a login existed). Guesses there wait all the same.
            uid = int(psql(server, "SELECT id FROM res_users WHERE login = 'spelled7'").stdout)
            answer = rpc(server["url"], "object", "execute_kw", server["db"], uid, "spelled7-secret", "res.partner", "search", [[]])
            assert "result" in answer, answer
            for _ in range(4):
                rpc(server["url"], "object", "execute_kw", server["db"], uid, "wrong", "res.partner", "search", [[]])
            answer = rpc(server["url"], "object", "execute_kw", server["db"], uid, "another-guess", "res.partner", "search", [[]])
            assert error(answer)[0] == "odoo.exceptions.AccessDenied" and "try again in" in error(answer)[1]
        finally:
            psql(server, "DELETE FROM embudo.login_failure")
    # Once the wait is over, the right password works and clears the account.
    assert odoorpc.ODOO("127.0.0.1", port=server["port"]).login(server["db"], "spelled7", "spelled7-secret") is None


def test_server_processes_share_the_counters(server):
    user(server, "shared7", "shared7-secret")
    process, url, _ = start_server(server, ["--embedded-directory", server["cluster"]])
    try:
        with long_delays(server):
            for _ in range(4):
                assert rpc(server["url"], "common", "login", server["db"], "shared7", "wrong")["result"] is False
            name, message = error(rpc(url, "common", "login", server["db"], "shared7", "shared7-secret"))
            assert name == "odoo.exceptions.AccessDenied" and "try again in" in message
    finally:
        stop(process)
        psql(server, "DELETE FROM embudo.login_failure")


def test_wrong_bearer_keys_lock_nobody_out(server):
    for n in range(30):
        request = urllib.request.Request(server["url"] + "/json/2/res.partner/search_count", b'{"domain": []}',
                                         {"Content-Type": "application/json", "Authorization": f"bearer guess{n:036d}"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=60)
        assert refused.value.code == 401
    request = urllib.request.Request(server["url"] + "/json/2/res.partner/search_count", b'{"domain": []}',
                                     {"Content-Type": "application/json", "Authorization": "bearer " + server["api_key"]})
    with urllib.request.urlopen(request, timeout=60) as answer:
        assert answer.status == 200


# Item 8: pgcrypto out of reach.

def test_a_bi_login_cannot_burn_cpu_with_pgcrypto(server):
    cli(server, "bi-role", "create", "--company", "Demo", "--login", "bi_crypto8", "--password", "crypto8-pw")
    try:
        for call in ["SELECT embudo_crypto.crypt('x', embudo_crypto.gen_salt('bf', 31))",
                     "SELECT embudo_crypto.crypt('x', embudo_crypto.gen_salt('bf', 31))",
                     "SELECT embudo_crypto.gen_random_bytes(16)"]:
            for login in ["bi_crypto8", "embudo_service"]:
                result = psql(server, call, user=login, check=False)
                assert result.returncode != 0 and ("permission denied" in result.stderr or "does not exist" in result.stderr), (login, call)
        # Logins still work.
        assert odoorpc.ODOO("127.0.0.1", port=server["port"]).login(server["db"], server["login"], server["password"]) is None
    finally:
        cli(server, "bi-role", "revoke", "--login", "bi_crypto8")


# Item 9: BI logins' limits, enforced by the server.

def test_bi_limits_hold_whatever_the_login_sets(server):
    cli(server, "bi-role", "create", "--company", "Demo", "--login", "bi_limits9", "--password", "limits9-pw", "--connections", "2")
    process, url, log = start_server(server, ["--embedded-directory", server["cluster"], "--bi-statement-timeout", "1",
                                              "--bi-watchdog-interval", "0.2"])
    try:
        outcome = {}

        def long_query():
            outcome["result"] = psql(server, "SET statement_timeout = 0; SET max_parallel_workers_per_gather = 8; "
                                             "SELECT pg_sleep(300), (SELECT count(*) FROM report.opportunity)", user="bi_limits9", check=False)

        worker = threading.Thread(target=long_query)
        worker.start()
        worker.join(timeout=120)
        assert not worker.is_alive(), "the BI query was not cancelled"
        assert outcome["result"].returncode != 0 and "canceling statement" in outcome["result"].stderr

        # Two sessions at once at most: two idle psql sessions (waiting on their input) hold them.
        sessions = [subprocess.Popen(AS_POSTGRES + [pg_bin("psql"), "-h", os.path.join(server["cluster"], "run"), "-d", "embudo",
                                                    "-U", "bi_limits9", "-At"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        try:
            deadline = time.time() + 30
            while time.time() < deadline:
                if int(psql(server, "SELECT count(*) FROM pg_stat_activity WHERE usename = 'bi_limits9'").stdout) == 2:
                    break
                time.sleep(0.05)
            third = psql(server, "SELECT 1", user="bi_limits9", check=False)
        finally:
            for session in sessions:
                session.communicate("", timeout=60)
        assert third.returncode != 0 and "too many connections" in third.stderr
    finally:
        stop(process)
        psql(server, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'bi_limits9'")
        cli(server, "bi-role", "revoke", "--login", "bi_limits9")


# Item 10: the service refuses privileged logins.

def test_serve_refuses_a_superuser_login_and_serves_with_its_own(server):
    socket_dir = os.path.join(server["cluster"], "run")
    superuser = f"host={socket_dir} dbname=embudo user=postgres"
    process, _, log = start_server(server, ["--database-url", superuser], wait=False)
    try:
        assert process.wait(timeout=120) != 0
    finally:
        if process.poll() is None:
            stop(process)
    output = open(log).read()
    assert "superuser" in output and "--service-database-url" in output
    # The privileged URL for migrations and the service's own login for the pool.
    process, url, _ = start_server(server, ["--database-url", superuser,
                                            "--service-database-url", f"host={socket_dir} dbname=embudo user=embudo_service"])
    try:
        assert rpc(url, "common", "login", server["db"], server["login"], server["password"])["result"]
    finally:
        stop(process)
