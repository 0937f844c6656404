"""Driver of scripts/bench-pages: does a call cost what its page costs, or what the company costs?

One private cluster per binary, with pg_stat_statements. Two companies of the demo data, one of
--small leads and one of --large leads, each with an administrator; the same calls against each, one
keep-alive JSON-RPC client, rounds interleaved between the companies. For each call: the median time of a
call as the client sees it, and PostgreSQL's own time per call (pg_stat_statements: every statement the
service ran for it, BEGIN, tenant context and COMMIT included), then the ratio large/small. A call whose
cost follows the page has a ratio near 1.
"""
import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import tempfile
import time

parser = argparse.ArgumentParser()
parser.add_argument("--binary", action="append", required=True, help="an embudo binary (give two to compare: baseline first)")
parser.add_argument("--small", type=int, default=1000)
parser.add_argument("--large", type=int, default=100000)
parser.add_argument("--rounds", type=int, default=5)
parser.add_argument("--calls", type=int, default=200, help="calls per round")
options = parser.parse_args()

as_postgres = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
bindir = "/usr/lib/postgresql/" + sorted(os.listdir("/usr/lib/postgresql"))[-1] + "/bin"
LEAD_FIELDS = ["name", "partner_id", "stage_id", "user_id", "expected_revenue"]


def free_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    number = probe.getsockname()[1]
    probe.close()
    return number


class Client:
    """One keep-alive JSON-RPC connection."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port)

    def call(self, service, method, *args):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": {"service": service, "method": method, "args": list(args)}})
        self.connection.request("POST", "/jsonrpc", body, {"Content-Type": "application/json"})
        answer = json.loads(self.connection.getresponse().read())
        if "error" in answer:
            raise RuntimeError(answer["error"]["data"]["message"])
        return answer["result"]


def run(binary):
    work = tempfile.mkdtemp(prefix="embudo-pages-")
    os.chmod(work, 0o755)
    cluster = os.path.join(work, "cluster")
    embedded = ["--embedded-directory", cluster]
    psql = as_postgres + [os.path.join(bindir, "psql"), "-h", os.path.join(cluster, "run"), "-U", "postgres", "-d", "embudo", "-Atq"]

    def embudo(*arguments):
        return subprocess.run([binary, *arguments] + embedded, check=True, capture_output=True, text=True).stdout

    embudo("migrate")
    with open(os.path.join(cluster, "data", "postgresql.auto.conf"), "a") as conf:
        conf.write("shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track_utility = on\n")
    port = free_port()
    server = subprocess.Popen([binary, "serve", "--port", str(port), "--log-level", "warning"] + embedded,
                              stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "server.log"), "w"))
    try:
        for _ in range(600):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        subprocess.run(psql + ["-c", "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"], check=True)
        companies = {}
        for label, leads in (("small", options.small), ("large", options.large)):
            embudo("demo", "--companies", "1", "--leads-per-company", str(leads))
            name = subprocess.run(psql + ["-c", "SELECT name FROM res_company WHERE name LIKE 'Demo %' ORDER BY id DESC LIMIT 1"],
                                  check=True, capture_output=True, text=True).stdout.strip()
            embudo("user", "create", "--login", f"{label}_admin", "--password", f"{label}-admin-1", "--company", name, "--access", "admin")
            companies[label] = leads
        subprocess.run(psql + ["-c", "ANALYZE"], check=True)
        client = Client(port)
        setups = {}
        for label in companies:
            auth = ("embudo", client.call("common", "login", "embudo", f"{label}_admin", f"{label}-admin-1"), f"{label}-admin-1")
            leads = client.call("object", "execute_kw", *auth, "crm.lead", "search", [[["type", "=", "opportunity"]]], {"limit": 200})
            stages = client.call("object", "execute_kw", *auth, "crm.stage", "search", [[["is_won", "=", False]]])
            setups[label] = (auth, leads, stages)

        def calls(label):
            auth, leads, stages = setups[label]

            def kw(model, method, args, kwargs=None):
                return lambda i: client.call("object", "execute_kw", *auth, model, method, args, kwargs or {})
            return {
                "list: `search_read([], 5 fields, limit 80)`": kw("crm.lead", "search_read", [[], LEAD_FIELDS], {"limit": 80}),
                "search: OR-`ilike` on a common 2-letter term, 80": kw(
                    "crm.lead", "search_read", [["|", ["name", "ilike", "ty"], ["email_from", "ilike", "ty"]], LEAD_FIELDS], {"limit": 80}),
                "`search_count([])` (the pager)": kw("crm.lead", "search_count", [[]]),
                "read by id": lambda i: client.call("object", "execute_kw", *auth, "crm.lead", "read",
                                                    [[leads[i % len(leads)]]], {"fields": LEAD_FIELDS}),
                "stage move (`write` of `stage_id`)": lambda i: client.call(
                    "object", "execute_kw", *auth, "crm.lead", "write", [[leads[i % len(leads)]], {"stage_id": stages[i % len(stages)]}]),
                "`read_group` by stage": kw("crm.lead", "read_group", [[["type", "=", "opportunity"]], ["expected_revenue"], ["stage_id"]],
                                            {"lazy": True}),
                "`name_search` of customers (`res.partner`, 8)": lambda i: client.call(
                    "object", "execute_kw", *auth, "res.partner", "name_search", ["custom"], {"limit": 8}),
            }

        wall = {}
        pg = {}
        names = list(calls("small"))
        for round_number in range(options.rounds):
            for label in companies:
                for name, call in calls(label).items():
                    call(0)
                    subprocess.run(psql + ["-c", "SELECT pg_stat_statements_reset()"], check=True, capture_output=True)
                    started = time.perf_counter()
                    for i in range(options.calls):
                        call(i)
                    elapsed = (time.perf_counter() - started) / options.calls * 1000
                    total = subprocess.run(psql + ["-c", "SELECT coalesce(sum(total_exec_time), 0) FROM pg_stat_statements s "
                                                         "JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = 'embudo_service'"],
                                           check=True, capture_output=True, text=True).stdout.strip()
                    wall.setdefault((name, label), []).append(elapsed)
                    pg.setdefault((name, label), []).append(float(total) / options.calls)
        print(f"\n{binary}: companies of {options.small:,} and {options.large:,} leads; medians of {options.rounds} rounds of "
              f"{options.calls} calls, one client; ms per call\n")
        print("| call | wall, small | wall, large | ratio | PostgreSQL, small | PostgreSQL, large | ratio |")
        print("|---|---|---|---|---|---|---|")
        for name in names:
            ws, wl = statistics.median(wall[(name, "small")]), statistics.median(wall[(name, "large")])
            ps, pl = statistics.median(pg[(name, "small")]), statistics.median(pg[(name, "large")])
            print(f"| {name} | {ws:.3f} | {wl:.3f} | {wl / ws:.2f} | {ps:.3f} | {pl:.3f} | {pl / ps:.2f} |")
        return cluster, psql, setups
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)


for binary in options.binary:
    run(binary)
