"""Driver of scripts/bench-pages: does a call cost what its page costs, or what the company costs?

One private cluster per binary, with pg_stat_statements, each loaded with one company per size (--sizes,
leads per company; the measured companies of the issue are 1,000 and 100,000 leads, and 5,000 for the
absolute targets), each with an administrator. The same calls against each company, one keep-alive
JSON-RPC client per binary; rounds are interleaved between binaries, companies and calls, so that two
builds (--binary old --binary new) are compared in the same run on a noisy machine. For each call: the
median time of a call as the client sees it, and PostgreSQL's own time per call (pg_stat_statements, planning
and execution of every statement the service ran for it, BEGIN, tenant context and COMMIT included), then the ratio
largest/smallest company. A call whose cost follows the page has a ratio near 1.

A binary may be given as PATH=SQLDIR: its database is migrated from that sql folder (a baseline build's
own definitions), else from ./sql.
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
parser.add_argument("--binary", action="append", required=True,
                    help="an embudo binary, or BINARY=SQLDIR (give two to compare: baseline first)")
parser.add_argument("--sizes", default="1000,100000", help="leads of each measured company, comma-separated")
parser.add_argument("--small", type=int, help="(old spelling) the smallest size")
parser.add_argument("--large", type=int, help="(old spelling) the largest size")
parser.add_argument("--rounds", type=int, default=5)
parser.add_argument("--calls", type=int, default=200, help="calls per round")
parser.add_argument("--only", default="", help="measure only the calls whose name contains this text")
options = parser.parse_args()
sizes = [int(size) for size in options.sizes.split(",")]
if options.small or options.large:
    sizes = [options.small or sizes[0], options.large or sizes[-1]]

as_postgres = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
bindir = "/usr/lib/postgresql/" + sorted(os.listdir("/usr/lib/postgresql"))[-1] + "/bin"
LEAD_FIELDS = ["name", "partner_id", "stage_id", "user_id", "expected_revenue"]
LOAD_WORDS = ["opportunity 1", "opportunity 2", "opportunity 3", "buyer4", "buyer5"]  # scripts/load/locustfile.py


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


class Deployment:
    """One binary's server on its own cluster, with one company per size."""

    def __init__(self, spec):
        self.binary, _, sql = spec.partition("=")
        self.environment = dict(os.environ, EMBUDO_SQL_DIR=os.path.abspath(sql)) if sql else dict(os.environ)
        self.work = tempfile.mkdtemp(prefix="embudo-pages-")
        os.chmod(self.work, 0o755)
        cluster = os.path.join(self.work, "cluster")
        self.embedded = ["--embedded-directory", cluster]
        self.psql = as_postgres + [os.path.join(bindir, "psql"), "-h", os.path.join(cluster, "run"), "-U", "postgres", "-d", "embudo", "-Atq"]
        self.embudo("migrate")
        with open(os.path.join(cluster, "data", "postgresql.auto.conf"), "a") as conf:
            conf.write("shared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track_utility = on\n"
                       "pg_stat_statements.track_planning = on\n")
        self.port = free_port()
        self.server = subprocess.Popen([self.binary, "serve", "--port", str(self.port), "--log-level", "warning"] + self.embedded,
                                       stdout=subprocess.DEVNULL, stderr=open(os.path.join(self.work, "server.log"), "w"),
                                       env=self.environment)
        for _ in range(600):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        self.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        for leads in sizes:
            self.embudo("demo", "--companies", "1", "--leads-per-company", str(leads))
            name = self.sql("SELECT name FROM res_company WHERE name LIKE 'Demo %' ORDER BY id DESC LIMIT 1")
            self.embudo("user", "create", "--login", f"admin_{leads}", "--password", f"admin-{leads}-1", "--company", name, "--access", "admin")
        # As autovacuum leaves a table at rest: statistics and the visibility map (index-only scans).
        self.sql("VACUUM ANALYZE")
        self.client = Client(self.port)
        self.setups = {}
        for leads in sizes:
            auth = ("embudo", self.client.call("common", "login", "embudo", f"admin_{leads}", f"admin-{leads}-1"), f"admin-{leads}-1")
            ids = self.client.call("object", "execute_kw", *auth, "crm.lead", "search", [[["type", "=", "opportunity"]]], {"limit": 200})
            stages = self.client.call("object", "execute_kw", *auth, "crm.stage", "search", [[["is_won", "=", False]]])
            # What one lead holds: its e-mail address.
            emails = self.client.call("object", "execute_kw", *auth, "crm.lead", "search_read",
                                      [[["id", "in", ids], ["email_from", "!=", False]], ["email_from"]], {"limit": 1})
            self.setups[leads] = (auth, ids, stages, emails[0]["email_from"])

    def embudo(self, *arguments):
        return subprocess.run([self.binary, *arguments] + self.embedded, check=True, capture_output=True, text=True,
                              env=self.environment).stdout

    def sql(self, statement):
        return subprocess.run(self.psql + ["-c", statement], check=True, capture_output=True, text=True).stdout.strip()

    def calls(self, leads):
        auth, ids, stages, rare = self.setups[leads]
        client = self.client

        def kw(model, method, args, kwargs=None):
            return lambda i: client.call("object", "execute_kw", *auth, model, method, args, kwargs or {})
        everything = {
            "list: `search_read([], 5 fields, limit 80)`": kw("crm.lead", "search_read", [[], LEAD_FIELDS], {"limit": 80}),
            "search: OR-`ilike` on a common 2-letter term, 80": kw(
                "crm.lead", "search_read", [["|", ["name", "ilike", "ty"], ["email_from", "ilike", "ty"]], LEAD_FIELDS], {"limit": 80}),
            "search: OR-`ilike` on the load test's words (`opportunity 1`, `buyer4`, …), 80": lambda i: client.call(
                "object", "execute_kw", *auth, "crm.lead", "search_read",
                [["|", ["name", "ilike", LOAD_WORDS[i % 5]], ["email_from", "ilike", LOAD_WORDS[i % 5]]], LEAD_FIELDS], {"limit": 80}),
            "search: OR-`ilike` on one lead's e-mail address, 80": kw(
                "crm.lead", "search_read", [["|", ["name", "ilike", rare], ["email_from", "ilike", rare]], LEAD_FIELDS], {"limit": 80}),
            "search: the web client's (name, company, e-mail or customer) on one lead's e-mail address, 80": kw(
                "crm.lead", "search_read", [["|", "|", "|", ["name", "ilike", rare], ["partner_name", "ilike", rare],
                                             ["email_from", "ilike", rare], ["partner_id", "ilike", rare]], LEAD_FIELDS], {"limit": 80}),
            "`search_count([])` (the pager)": kw("crm.lead", "search_count", [[]]),
            "read by id": lambda i: client.call("object", "execute_kw", *auth, "crm.lead", "read",
                                                [[ids[i % len(ids)]]], {"fields": LEAD_FIELDS}),
            "stage move (`write` of `stage_id`)": lambda i: client.call(
                "object", "execute_kw", *auth, "crm.lead", "write", [[ids[i % len(ids)]], {"stage_id": stages[i % len(stages)]}]),
            "`read_group` by stage": kw("crm.lead", "read_group", [[["type", "=", "opportunity"]], ["expected_revenue"], ["stage_id"]],
                                        {"lazy": True}),
            "chatter: a lead's messages (`mail.message` `search_read`, 30)": lambda i: client.call(
                "object", "execute_kw", *auth, "mail.message", "search_read",
                [[["model", "=", "crm.lead"], ["res_id", "=", ids[i % len(ids)]]], ["body", "date", "author_id", "subtype_id"]], {"limit": 30}),
            "`name_search` of customers (`res.partner`, 8)": lambda i: client.call(
                "object", "execute_kw", *auth, "res.partner", "name_search", ["custom"], {"limit": 8}),
        }
        return {name: call for name, call in everything.items() if options.only in name}

    def measure(self, leads, name):
        """Client and PostgreSQL milliseconds per call, over one round of --calls calls."""
        call = self.calls(leads)[name]
        call(0)
        self.sql("SELECT pg_stat_statements_reset()")
        started = time.perf_counter()
        for i in range(options.calls):
            call(i)
        elapsed = (time.perf_counter() - started) / options.calls * 1000
        # Planning counts: a statement planned for its values at each call pays for it each time.
        total = self.sql("SELECT coalesce(sum(total_plan_time + total_exec_time), 0) FROM pg_stat_statements s "
                         "JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = 'embudo_service'")
        return elapsed, float(total) / options.calls

    def stop(self):
        self.server.send_signal(signal.SIGTERM)
        self.server.wait(timeout=60)


deployments = []
try:
    for spec in options.binary:
        deployments.append(Deployment(spec))
    names = list(deployments[0].calls(sizes[0]))
    wall, pg = {}, {}
    for _ in range(options.rounds):
        for name in names:
            for leads in sizes:
                for index, deployment in enumerate(deployments):
                    elapsed, postgres = deployment.measure(leads, name)
                    wall.setdefault((index, name, leads), []).append(elapsed)
                    pg.setdefault((index, name, leads), []).append(postgres)
    smallest, largest = sizes[0], sizes[-1]
    for index, deployment in enumerate(deployments):
        print(f"\n{options.binary[index]}: companies of {', '.join(f'{size:,}' for size in sizes)} leads; medians of "
              f"{options.rounds} rounds of {options.calls} calls, one client; ms per call\n")
        print("| call | " + " | ".join(f"wall, {size:,}" for size in sizes) + f" | ratio | "
              + " | ".join(f"PostgreSQL, {size:,}" for size in sizes) + " | ratio |")
        print("|---|" + "---|" * (2 * len(sizes) + 2))
        for name in names:
            w = [statistics.median(wall[(index, name, size)]) for size in sizes]
            p = [statistics.median(pg[(index, name, size)]) for size in sizes]
            print(f"| {name} | " + " | ".join(f"{value:.3f}" for value in w) + f" | {w[-1] / w[0]:.2f} | "
                  + " | ".join(f"{value:.3f}" for value in p) + f" | {p[-1] / p[0]:.2f} |")
    if len(deployments) > 1:
        print(f"\nLast binary against the first, same run (ratio of medians, below 1 is faster)\n")
        print("| call | " + " | ".join(f"wall, {size:,}" for size in sizes) + " | "
              + " | ".join(f"PostgreSQL, {size:,}" for size in sizes) + " |")
        print("|---|" + "---|" * (2 * len(sizes)))
        last = len(deployments) - 1
        for name in names:
            w = [statistics.median(wall[(last, name, size)]) / statistics.median(wall[(0, name, size)]) for size in sizes]
            p = [statistics.median(pg[(last, name, size)]) / statistics.median(pg[(0, name, size)]) for size in sizes]
            print(f"| {name} | " + " | ".join(f"{value:.2f}" for value in w) + " | " + " | ".join(f"{value:.2f}" for value in p) + " |")
finally:
    for deployment in deployments:
        deployment.stop()
