"""Driver of scripts/load-test: data, server, Locust headless, summary."""
import argparse
import csv
import os
import re
import signal
import socket
import subprocess
import time

import psutil  # a dependency of Locust

parser = argparse.ArgumentParser()
parser.add_argument("--binary", required=True)
parser.add_argument("--locust", required=True)
parser.add_argument("--work", required=True)
parser.add_argument("--users", type=int, default=64)
parser.add_argument("--duration", default="5m")
parser.add_argument("--processes", type=int, default=1, help="Locust worker processes (-1: one per core)")
parser.add_argument("--leads", type=int, default=5000)
parser.add_argument("--salespeople", type=int, default=8)
parser.add_argument("--pool-size", type=int, default=8)
options = parser.parse_args()

cluster = os.path.join(options.work, "cluster")
as_postgres = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
psql = as_postgres + ["/usr/lib/postgresql/" + sorted(os.listdir("/usr/lib/postgresql"))[-1] + "/bin/psql",
                      "-h", os.path.join(cluster, "run"), "-U", "postgres", "-d", "embudo", "-Atq"]
embedded = ["--embedded-directory", cluster]
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()


def embudo(*arguments):
    subprocess.run([options.binary, *arguments] + embedded, check=True, capture_output=True, text=True)


server = subprocess.Popen([options.binary, "serve", "--port", str(port), "--log-level", "warning", "--pool-size", str(options.pool_size)]
                          + embedded, stdout=subprocess.DEVNULL, stderr=open(os.path.join(options.work, "server.log"), "w"))
try:
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    embudo("demo", "--companies", "1", "--leads-per-company", str(options.leads))
    logins = [f"sales{n}@example.com" for n in range(1, options.salespeople + 1)]
    for login in logins:
        embudo("user", "create", "--login", login, "--password", "load-test-1", "--company", "Demo 1", "--access", "all")
    # As autovacuum leaves the tables after the load: statistics (the planner's estimates) and the visibility map.
    subprocess.run(psql + ["-c", "VACUUM ANALYZE"], check=True, capture_output=True)
    environment = dict(os.environ, EMBUDO_HOST="127.0.0.1", EMBUDO_PORT=str(port), EMBUDO_DB="embudo", EMBUDO_LOGINS=",".join(logins),
                       EMBUDO_PASSWORD="load-test-1")
    prefix = os.path.join(options.work, "locust")
    command = [options.locust, "-f", os.path.join(os.path.dirname(__file__), "locustfile.py"), "--headless", "--users", str(options.users),
               "--spawn-rate", str(options.users), "--run-time", options.duration, "--host", f"http://127.0.0.1:{port}",
               "--csv", prefix, "--only-summary", "--stop-timeout", "10"]
    if options.processes != 1:
        command += ["--processes", str(options.processes)]
    print(f"Locust: {options.users} users for {options.duration} against one company of {options.leads} leads "
          f"({options.salespeople} salespeople, pool of {options.pool_size} connections)", flush=True)
    def cpu_seconds():
        """CPU time used so far by the server and by PostgreSQL (the postmaster and its backends)."""
        postmaster = psutil.Process(int(open(os.path.join(cluster, "data", "postmaster.pid")).readline()))
        database = sum(sum(p.cpu_times()[:2]) for p in [postmaster] + postmaster.children(recursive=True))
        return sum(psutil.Process(server.pid).cpu_times()[:2]), database

    server_before, database_before = cpu_seconds()
    locust = subprocess.run(command, env=environment, capture_output=True, text=True)
    server_after, database_after = cpu_seconds()
    rss = int(re.search(r"VmRSS:\s+(\d+)", open(f"/proc/{server.pid}/status").read()).group(1)) // 1024
    rows = list(csv.DictReader(open(prefix + "_stats.csv")))
    print("\n| call | calls | errors | per second | p50 ms | p99 ms |\n|---|---|---|---|---|---|")
    for row in rows:
        if row["Name"].startswith("setup"):
            continue
        print(f"| {row['Name']} | {int(row['Request Count']):,} | {row['Failure Count']} | {float(row['Requests/s']):,.1f} "
              f"| {row['50%']} | {row['99%']} |")
    calls = sum(int(row["Request Count"]) for row in rows if row["Name"] == "Aggregated")
    service = (server_after - server_before) + (database_after - database_before)
    print(f"\nServer RSS at the end: {rss} MB")
    if calls:
        print(f"CPU per call: server {1000 * (server_after - server_before) / calls:.2f} ms + PostgreSQL "
              f"{1000 * (database_after - database_before) / calls:.2f} ms = {1000 * service / calls:.2f} ms; "
              f"with the load generator on other machines, 2 cores would carry about {2 * calls / service:,.0f} calls/s")
    failures = open(prefix + "_failures.csv").read().strip().splitlines()[1:]
    for line in failures[:10]:
        print("failure:", line)
    if locust.returncode not in (0, 1):
        print(locust.stderr[-3000:])
finally:
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=60)
