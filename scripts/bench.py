"""Driver of scripts/bench: Embudo's calls against `pgbench -S -M prepared` on the same cluster, same run.

Phase 1 loads one company (the one measured) and times a subset of calls at 4 clients; phase 2 adds many
other companies (a database far larger than the tenant) and times every call at each client count. Each
figure is a median over rounds, reported as a ratio to pgbench's median at the same client count, rounds
interleaved so that the machine's noise hits both alike. The scaling table compares the two phases.
"""
import argparse
import http.client
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import time

parser = argparse.ArgumentParser()
parser.add_argument("--binary", required=True)
parser.add_argument("--work", required=True)
parser.add_argument("--rounds", type=int, default=3)
parser.add_argument("--seconds", type=int, default=5)
parser.add_argument("--clients", type=int, nargs="+", default=[1, 4, 16])
parser.add_argument("--leads", type=int, default=5000, help="leads of the measured company")
parser.add_argument("--other-companies", type=int, default=99)
parser.add_argument("--other-leads", type=int, default=10000, help="leads of each other company")
parser.add_argument("--only", default="", help="regular expression: measure only the calls it matches")
options = parser.parse_args()

cluster = os.path.join(options.work, "cluster")
embedded = ["--embedded-directory", cluster]
socket_dir = os.path.join(cluster, "run")
as_postgres = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
bindir = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True).stdout.strip()
if not os.path.exists(os.path.join(bindir, "pgbench")):
    bindir = "/usr/lib/postgresql/" + sorted(os.listdir("/usr/lib/postgresql"))[-1] + "/bin"
psql = as_postgres + [os.path.join(bindir, "psql"), "-h", socket_dir, "-U", "postgres", "-d", "embudo", "-Atq"]


def free_port():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    number = probe.getsockname()[1]
    probe.close()
    return number


def embudo(*arguments):
    return subprocess.run([options.binary, *arguments] + embedded, check=True, capture_output=True, text=True).stdout


port = free_port()
url = f"http://127.0.0.1:{port}"
server = subprocess.Popen([options.binary, "serve", "--port", str(port), "--log-level", "warning", "--pool-size", "16"] + embedded,
                          stdout=subprocess.DEVNULL, stderr=open(os.path.join(options.work, "server.log"), "w"))


class Client:
    """One keep-alive JSON-RPC connection."""

    def __init__(self):
        self.connection = http.client.HTTPConnection("127.0.0.1", port)

    def call(self, service, method, *args):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": {"service": service, "method": method, "args": args}, "id": 1})
        self.connection.request("POST", "/jsonrpc", body, {"Content-Type": "application/json"})
        reply = json.loads(self.connection.getresponse().read())
        assert "error" not in reply, reply
        return reply["result"]


def wrk_script(name, service, method, *args, ids=None, stages=None):
    """A wrk script posting the call; `__ID__` and `__STAGE__` in the body take a random lead or stage."""
    body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": {"service": service, "method": method, "args": list(args)}, "id": 1})
    path = os.path.join(options.work, re.sub(r"\W+", "_", name) + ".lua")
    with open(path, "w") as script:
        script.write(f"local template = {json.dumps(body)}\n")
        script.write(f"local ids = {{{','.join(map(str, ids or [0]))}}}\n")
        script.write(f"local stages = {{{','.join(map(str, stages or [0]))}}}\n")
        script.write("local headers = {['Content-Type'] = 'application/json'}\n"
                     "request = function()\n"
                     "  local body = template:gsub('\"__ID__\"', tostring(ids[math.random(#ids)]))"
                     ":gsub('\"__STAGE__\"', tostring(stages[math.random(#stages)]))\n"
                     "  return wrk.format('POST', '/jsonrpc', headers, body)\n"
                     "end\n")
    return path


slow = set()


def wrk(script, clients):
    out = subprocess.run(["wrk", "-t", str(min(clients, 2)), "-c", str(clients), "-d", f"{options.seconds}s", "-s", script, url + "/jsonrpc"],
                         capture_output=True, text=True)
    if out.returncode != 0 or "Non-2xx" in out.stdout:
        raise SystemExit(f"{script} failed: {out.stdout[-500:]} {out.stderr[:500]}")
    timeouts = re.search(r"Socket errors: .*timeout (\d+)", out.stdout)
    if timeouts:
        # Calls slower than wrk's 2 s timeout: reported, not fatal, so that a slow call shows in the table.
        slow.add(script)
    return float(re.search(r"Requests/sec:\s+([0-9.]+)", out.stdout).group(1))


def pgbench(clients, user="postgres", database="bench", script=None):
    arguments = ["-n", "-M", "prepared", "-c", str(clients), "-j", str(clients), "-T", str(options.seconds)]
    arguments += ["-f", script] if script else ["-S"]
    out = subprocess.run(as_postgres + [os.path.join(bindir, "pgbench")] + arguments + ["-h", socket_dir, "-U", user, database],
                         check=True, capture_output=True, text=True).stdout
    return float(re.search(r"tps = ([0-9.]+)", out).group(1))


def measure(calls, clients_list, rounds, label):
    results = {}
    for round_number in range(1, rounds + 1):
        for clients in clients_list:
            results.setdefault(("pgbench -S -M prepared (baseline)", clients), []).append(pgbench(clients))
            for name, run in calls.items():
                results.setdefault((name, clients), []).append(run(clients))
        print(f"{label}: round {round_number} of {rounds} done", flush=True)
    return {key: statistics.median(values) for key, values in results.items()}


def table(medians, clients_list):
    names = list(dict.fromkeys(name for name, _ in medians))
    header = "| per second, median |" + "".join(f" {c} client{'s' if c > 1 else ''} | ratio |" for c in clients_list)
    lines = [header, "|---|" + "---|---|" * len(clients_list)]
    for name in names:
        row = f"| {name} |"
        for clients in clients_list:
            value = medians[(name, clients)]
            row += f" {value:,.0f} | {value / medians[('pgbench -S -M prepared (baseline)', clients)]:.3f} |"
        lines.append(row)
    return "\n".join(lines)


try:
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    subprocess.run(as_postgres + [os.path.join(bindir, "createdb"), "-h", socket_dir, "-U", "postgres", "bench"], check=True)
    subprocess.run(as_postgres + [os.path.join(bindir, "pgbench"), "-i", "-q", "-s", "10", "-h", socket_dir, "-U", "postgres", "bench"],
                   check=True, capture_output=True)

    embudo("demo", "--companies", "1", "--leads-per-company", str(options.leads))
    company = "Demo 1"
    embudo("user", "create", "--login", "bench_manager", "--password", "bench-manager-1", "--company", company, "--access", "admin")
    # Up to 16 pgbench clients at once (BI logins get 2 connections by default).
    embudo("bi-role", "create", "--company", company, "--login", "bench_bi", "--password", "bench", "--connections", "20")
    subprocess.run(psql + ["-c", "ANALYZE"], check=True)

    client = Client()
    uid = client.call("common", "login", "embudo", "bench_manager", "bench-manager-1")
    auth = ("embudo", uid, "bench-manager-1")
    leads = client.call("object", "execute_kw", *auth, "crm.lead", "search", [[["type", "=", "opportunity"]]], {"limit": 2000})
    stages = client.call("object", "execute_kw", *auth, "crm.stage", "search", [[["is_won", "=", False]]])
    partners = client.call("object", "execute_kw", *auth, "res.partner", "search", [[]], {"limit": 2000})
    partner = partners[0]
    bi_script = os.path.join(options.work, "pipeline_by_stage.sql")
    with open(bi_script, "w") as script:
        script.write("SELECT * FROM report.pipeline_by_stage;\n")
    os.chmod(options.work, 0o755)
    os.chmod(bi_script, 0o644)

    last_message = int(subprocess.run(psql + ["-c", "SELECT coalesce(max(id), 0) FROM mail_message"], check=True,
                                      capture_output=True, text=True).stdout.strip())

    def clean_up():
        """Removes what the write benchmarks added (leads, history), so that the company keeps its size."""
        subprocess.run(psql + ["-c", "DELETE FROM crm_lead WHERE name = 'Bench lead'",
                               "-c", f"DELETE FROM mail_message WHERE id > {last_message}",
                               "-c", "VACUUM crm_lead, mail_message, mail_tracking_value"], check=True)

    def rpc(name, *call, **lists):
        path = wrk_script(name, *call, **lists)
        if "create" in name or "write" in name:
            def run_and_clean(clients):
                rate = wrk(path, clients)
                clean_up()
                return rate
            return run_and_clean
        return lambda clients: wrk(path, clients)

    def execute(model, method, *args, **lists):
        return ("object", "execute_kw", *auth, model, method, *args), lists

    lead_fields = ["name", "partner_id", "email_from", "phone", "stage_id", "user_id", "expected_revenue", "probability",
                   "date_deadline", "tag_ids"]
    partner_fields = ["name", "email", "phone", "street", "city", "country_id", "is_company", "parent_id", "user_id", "category_id"]
    specs = {
        "`common.version` (HTTP + JSON-RPC, no database)": (("common", "version"), {}),
        "`read` of one lead by id": execute("crm.lead", "read", [["__ID__"]], {"fields": lead_fields}, ids=leads),
        "`read` of one partner by id": execute("res.partner", "read", [["__ID__"]], {"fields": partner_fields}, ids=partners),
        "`search_read` 80 partners × 10 fields, OR-`ilike`": execute(
            "res.partner", "search_read", [["|", ["name", "ilike", "customer 1"], ["email", "ilike", "buyer2"]], partner_fields],
            {"limit": 80}),
        "`search_read` 80 leads × 10 fields, OR-`ilike`": execute(
            "crm.lead", "search_read", [["|", ["name", "ilike", "opportunity 1"], ["email_from", "ilike", "buyer2"]], lead_fields],
            {"limit": 80}),
        "`create` of a lead": execute("crm.lead", "create", [{"name": "Bench lead", "type": "opportunity", "partner_id": partner,
                                                              "expected_revenue": 1200, "email_from": "bench@example.com"}]),
        "stage move (`write` of `stage_id`)": execute("crm.lead", "write", [["__ID__"], {"stage_id": "__STAGE__"}], ids=leads, stages=stages),
        "`read_group` of opportunities by stage": execute("crm.lead", "read_group", [[["type", "=", "opportunity"]],
                                                                                    ["expected_revenue"], ["stage_id"]], {"lazy": True}),
        "`crm.activity.report` `read_group` by type": execute("crm.activity.report", "read_group", [[], ["activity_type_id"],
                                                                                                  ["activity_type_id"]]),
        "call with cached credentials (`res.users.context_get`)": execute("res.users", "context_get", []),
        "`common.login` (bcrypt, no cache)": (("common", "login", "embudo", "bench_manager", "bench-manager-1"), {}),
    }
    calls = {}
    for name, (call, lists) in specs.items():
        if options.only and not re.search(options.only, name):
            continue
        # One call first, through a plain client, so that a call the server refuses stops the benchmark.
        sample = json.loads(json.dumps(call).replace('"__ID__"', str(lists.get("ids", [0])[0]))
                            .replace('"__STAGE__"', str(lists.get("stages", [0])[0])))
        client.call(*sample)
        calls[name] = rpc(name, *call, **lists)
    if not options.only or re.search(options.only, "report view"):
        calls["report view `pipeline_by_stage` through the BI login (pgbench)"] = lambda clients: pgbench(
            clients, user="bench_bi", database="embudo", script=bi_script)
    scaling_calls = {name: run for name, run in calls.items() if "create" not in name and "login" not in name and "version" not in name}

    small = measure(scaling_calls, [4], options.rounds, f"phase 1 (one company of {options.leads} leads)")
    if options.other_companies:
        started = time.time()
        embudo("demo", "--companies", str(options.other_companies), "--leads-per-company", str(options.other_leads))
        subprocess.run(psql + ["-c", "ANALYZE"], check=True)
        print(f"phase 2: added {options.other_companies} companies × {options.other_leads} leads in {time.time() - started:.0f} s", flush=True)
    large = measure(calls, options.clients, options.rounds, "phase 2 (all calls)")
    total = subprocess.run(psql + ["-c", "SELECT count(*) FROM crm_lead"], check=True, capture_output=True, text=True).stdout.strip()

    print(f"\nMedians of {options.rounds} rounds of {options.seconds} s; ratio to pgbench -S at the same client count; "
          f"the measured company holds {options.leads} leads of {int(total):,} in the database:\n")
    print(table(large, options.clients))
    print("\nScaling at 4 clients: ratio to pgbench with the company alone, then with the other companies loaded "
          "(1.0 = the database's size does not matter):\n")
    print("| call | alone | with the others | change |\n|---|---|---|---|")
    base_small = small[("pgbench -S -M prepared (baseline)", 4)]
    base_large = large[("pgbench -S -M prepared (baseline)", 4)]
    for name in scaling_calls:
        before, after = small[(name, 4)] / base_small, large[(name, 4)] / base_large
        print(f"| {name} | {before:.3f} | {after:.3f} | {after / before:.2f} |")
    for script in sorted(slow):
        print(f"\nSome calls of {os.path.basename(script)} took longer than wrk's 2 s timeout.")
    rss = int(re.search(r"VmRSS:\s+(\d+)", open(f"/proc/{server.pid}/status").read()).group(1)) // 1024
    print(f"\nServer RSS at the end: {rss} MB")
finally:
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=60)
