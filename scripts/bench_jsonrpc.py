"""Driver of scripts/bench-jsonrpc: loads data, then interleaves pgbench and wrk rounds."""
import argparse
import json
import os
import re
import statistics
import subprocess
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("--url", required=True)
parser.add_argument("--cluster", required=True)
parser.add_argument("--work", required=True)
parser.add_argument("--rounds", type=int, default=5)
parser.add_argument("--seconds", type=int, default=5)
options = parser.parse_args()

note = open(os.path.join(options.cluster, "demo-login.txt")).read()
password = dict(line.split(": ", 1) for line in note.strip().splitlines())["password"]
db = "embudo"


def rpc(service, method, *args):
    body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": {"service": service, "method": method, "args": args}, "id": 1})
    request = urllib.request.Request(options.url + "/jsonrpc", body.encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        reply = json.loads(answer.read())
    assert "error" not in reply, reply
    return reply["result"]


uid = rpc("common", "login", db, "admin", password)
cities = ["Madrid", "Lima", "Quito", "Bogotá", "Ciudad de México"]
for start in range(0, 2000, 500):
    rpc("object", "execute_kw", db, uid, password, "res.partner", "create", [[
        {"name": f"Customer {n}", "email": f"c{n}@example.com", "phone": f"+34 600 {n:06d}", "city": cities[n % 5],
         "street": f"Calle {n}", "zip": f"{28000 + n}", "website": f"https://c{n}.example", "comment": "Benchmark data"}
        for n in range(start, start + 500)]])
one = rpc("object", "execute_kw", db, uid, password, "res.partner", "search", [[["name", "=", "Customer 42"]]])[0]

calls = {
    "common.version (no database: the HTTP + JSON-RPC floor)": ("common", "version"),
    "read 1 partner by id": ("object", "execute_kw", db, uid, password, "res.partner", "read", [[one]],
                             {"fields": ["name", "email", "phone", "city"]}),
    "search_read 80 partners x 10 fields, OR-ilike": (
        "object", "execute_kw", db, uid, password, "res.partner", "search_read",
        [["|", ["name", "ilike", "customer 1"], ["city", "ilike", "lim"]],
         ["name", "email", "phone", "city", "street", "zip", "website", "comment", "is_company", "parent_id"]], {"limit": 80}),
    "login with cached credentials (search_count)": ("object", "execute_kw", db, uid, password, "res.partner", "search_count", [[]]),
    "login without cache (common.login, bcrypt)": ("common", "login", db, "admin", password),
}
scripts = {}
for name, (service, method, *args) in calls.items():
    body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": {"service": service, "method": method, "args": args}, "id": 1})
    path = os.path.join(options.work, f"call{len(scripts)}.lua")
    with open(path, "w") as script:
        script.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n')
        script.write("wrk.body = " + json.dumps(body) + "\n")
    scripts[name] = path

# pgbench's own tables, in a database of the same cluster.
bindir = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True).stdout.strip()
if not os.path.exists(os.path.join(bindir, "pgbench")):
    bindir = sorted(d for d in os.listdir("/usr/lib/postgresql"))[-1]
    bindir = f"/usr/lib/postgresql/{bindir}/bin"
as_postgres = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
socket_dir = os.path.join(options.cluster, "run")
connect = ["-h", socket_dir, "-U", "postgres"]
subprocess.run(as_postgres + [os.path.join(bindir, "createdb")] + connect + ["bench"], check=True)
subprocess.run(as_postgres + [os.path.join(bindir, "pgbench"), "-i", "-q", "-s", "10"] + connect + ["bench"], check=True, capture_output=True)


def pgbench(clients):
    out = subprocess.run(as_postgres + [os.path.join(bindir, "pgbench"), "-S", "-M", "prepared", "-n", "-c", str(clients), "-j", str(clients),
                          "-T", str(options.seconds)] + connect + ["bench"], check=True, capture_output=True, text=True).stdout
    return float(re.search(r"tps = ([0-9.]+)", out).group(1))


def wrk(script, clients):
    out = subprocess.run(["wrk", "-t", str(min(clients, 2)), "-c", str(clients), "-d", f"{options.seconds}s", "-s", script, options.url + "/jsonrpc"],
                         check=True, capture_output=True, text=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    assert not errors, out
    return float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))


results = {}
for round_number in range(1, options.rounds + 1):
    for clients in (1, 4):
        results.setdefault(("pgbench -S -M prepared", clients), []).append(pgbench(clients))
        for name, script in scripts.items():
            if clients == 1 and not (name.startswith("read") or name.startswith("common.version")):
                continue
            results.setdefault((name, clients), []).append(wrk(script, clients))
    print(f"round {round_number} done", flush=True)

print(f"\nMedians of {options.rounds} rounds of {options.seconds} s (per second), ratio to pgbench at the same client count:")
for clients in (1, 4):
    baseline = statistics.median(results[("pgbench -S -M prepared", clients)])
    for (name, count), values in results.items():
        if count == clients:
            value = statistics.median(values)
            print(f"  {clients} client(s)  {name:50} {value:10.0f}   {value / baseline:.3f}")
