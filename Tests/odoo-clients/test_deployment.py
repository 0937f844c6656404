"""Deployment: the service through pgbouncer in transaction mode, two server processes sharing sessions,
and the report views read as a BI login on a streaming replica."""
import concurrent.futures
import http.cookiejar
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request

import odoorpc
import pytest

AS_POSTGRES = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_bin(name):
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(os.listdir("/usr/lib/postgresql"))
    return f"/usr/lib/postgresql/{versions[-1]}/bin/{name}"


def owned_dir(prefix):
    path = tempfile.mkdtemp(prefix=prefix)
    os.chmod(path, 0o777)
    return path


def wait_for(url, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url + "/health", timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("server did not start")


def start_server(server, port, extra):
    log = open(os.path.join(owned_dir("embudo-second-"), "server.log"), "w")
    process = subprocess.Popen([server["binary"], "serve", "--port", str(port), "--no-migrate"] + extra,
                               env=server["env"], stdout=log, stderr=subprocess.STDOUT)
    wait_for(f"http://127.0.0.1:{port}")
    return process


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def test_through_pgbouncer_in_transaction_mode(server):
    pgbouncer = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
    if not os.path.exists(pgbouncer):
        pytest.skip("pgbouncer is not installed (scripts/install-deps installs it)")
    work = owned_dir("embudo-pgbouncer-")
    port = free_port()
    with open(os.path.join(work, "userlist.txt"), "w") as f:
        f.write('"embudo_service" ""\n')
    with open(os.path.join(work, "pgbouncer.ini"), "w") as f:
        f.write(f"""[databases]
embudo = host={os.path.join(server['cluster'], 'run')} dbname=embudo
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {port}
unix_socket_dir =
auth_type = trust
auth_file = {work}/userlist.txt
pool_mode = transaction
default_pool_size = 2
max_client_conn = 100
server_reset_query =
logfile = {work}/pgbouncer.log
pidfile = {work}/pgbouncer.pid
""")
    for name in os.listdir(work):
        os.chmod(os.path.join(work, name), 0o666)
    bouncer = subprocess.Popen(AS_POSTGRES + [pgbouncer, os.path.join(work, "pgbouncer.ini")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1)
        http_port = free_port()
        # Eight service connections multiplexed on two server connections: every request's tenant
        # context must stay inside its own transaction.
        second = start_server(server, http_port, ["--database-url", f"host=127.0.0.1 port={port} dbname=embudo user=embudo_service",
                                                  "--no-prepared-statements", "--pool-size", "8"])
        try:
            def work_load(n):
                odoo = odoorpc.ODOO("127.0.0.1", port=http_port)
                odoo.login(server["db"], server["login"], server["password"])
                Lead = odoo.env["crm.lead"]
                lead = Lead.create({"name": f"Through pgbouncer {n}", "expected_revenue": n})
                Lead.browse(lead).write({"priority": "1"})
                return Lead.read([lead], ["name", "expected_revenue", "priority"])[0]
            with concurrent.futures.ThreadPoolExecutor(8) as pool:
                results = list(pool.map(work_load, range(24)))
            assert sorted(r["expected_revenue"] for r in results) == list(range(24))
            assert all(r["priority"] == "1" and r["name"].startswith("Through pgbouncer") for r in results)
        finally:
            stop(second)
    finally:
        stop(bouncer)


def test_two_processes_share_sessions(server):
    port = free_port()
    second = start_server(server, port, ["--embedded-directory", server["cluster"]])
    try:
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

        def post(base, path, params):
            body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params, "id": 1}).encode()
            request = urllib.request.Request(base + path, body, {"Content-Type": "application/json"})
            with opener.open(request) as answer:
                return json.loads(answer.read())

        first_url, second_url = server["url"], f"http://127.0.0.1:{port}"
        # The cookie is for 127.0.0.1 whatever the port, so both servers receive it.
        assert post(first_url, "/web/session/authenticate",
                    {"db": server["db"], "login": server["login"], "password": server["password"]})["result"]["uid"]
        assert post(second_url, "/web/session/get_session_info", {})["result"]["uid"]
        assert post(second_url, "/web/dataset/call_kw", {"model": "res.partner", "method": "search_count", "args": [[]], "kwargs": {}})["result"] >= 0
        post(second_url, "/web/session/destroy", {})
        expired = post(first_url, "/web/dataset/call_kw", {"model": "res.partner", "method": "search_count", "args": [[]], "kwargs": {}})
        assert expired["error"]["data"]["name"] == "odoo.http.SessionExpiredException"
    finally:
        stop(second)


def test_report_views_on_a_streaming_replica(server):
    cluster_run = os.path.join(server["cluster"], "run")
    login = "bi_replica_demo"
    created = subprocess.run([server["binary"], "bi-role", "create", "--company", "Demo", "--login", login, "--password", "replica-pw",
                              "--embedded-directory", server["cluster"]], env=server["env"], capture_output=True, text=True)
    assert created.returncode == 0, created.stderr
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
    odoo.login(server["db"], server["login"], server["password"])
    odoo.env["crm.lead"].create({"name": "Seen on the replica", "type": "opportunity", "expected_revenue": 4242})

    replica = owned_dir("embudo-replica-")
    data, run = os.path.join(replica, "data"), os.path.join(replica, "run")
    os.makedirs(run)
    os.chmod(run, 0o777)
    subprocess.run(AS_POSTGRES + [pg_bin("pg_basebackup"), "-h", cluster_run, "-U", "postgres", "-D", data, "-R", "-X", "stream", "--checkpoint=fast"],
                   check=True, capture_output=True)
    subprocess.run(AS_POSTGRES + [pg_bin("pg_ctl"), "-D", data, "-l", os.path.join(replica, "log"), "-w", "start",
                                  "-o", f"-c unix_socket_directories={run} -c listen_addresses='' -c port=5432"], check=True, capture_output=True)
    try:
        psql = AS_POSTGRES + [pg_bin("psql"), "-h", run, "-d", "embudo", "-U", login, "-At", "-v", "ON_ERROR_STOP=1"]
        deadline = time.time() + 30
        rows = ""
        while time.time() < deadline:
            result = subprocess.run(psql + ["-c", "SELECT name, expected_revenue FROM report.opportunity WHERE name = 'Seen on the replica'"],
                                    capture_output=True, text=True)
            rows = result.stdout.strip()
            if rows:
                break
            time.sleep(0.5)
        assert rows == "Seen on the replica|4242.00"
        companies = subprocess.run(psql + ["-c", "SELECT DISTINCT company_id FROM report.team_dashboard"], capture_output=True, text=True, check=True)
        assert len(companies.stdout.split()) == 1
        # On the replica too: no base tables, and nothing written.
        refused = subprocess.run(psql + ["-c", "SELECT count(*) FROM public.crm_lead"], capture_output=True, text=True)
        assert refused.returncode != 0 and "permission denied" in refused.stderr
        assert subprocess.run(psql + ["-c", "SELECT pg_is_in_recovery()"], capture_output=True, text=True).stdout.strip() == "t"
    finally:
        subprocess.run(AS_POSTGRES + [pg_bin("pg_ctl"), "-D", data, "-m", "fast", "stop"], capture_output=True)
        subprocess.run([server["binary"], "bi-role", "revoke", "--login", login, "--embedded-directory", server["cluster"]],
                       env=server["env"], capture_output=True)
