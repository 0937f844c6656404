"""Driver of scripts/bench-reports."""
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
parser.add_argument("--companies", type=int, default=100)
parser.add_argument("--leads", type=int, default=10000)
parser.add_argument("--seconds", type=int, default=5)
options = parser.parse_args()

cluster = os.path.join(options.work, "cluster")
embedded = ["--embedded-directory", cluster]
as_postgres = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
bindir = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True).stdout.strip()
if not os.path.exists(os.path.join(bindir, "pgbench")):
    bindir = "/usr/lib/postgresql/" + sorted(os.listdir("/usr/lib/postgresql"))[-1] + "/bin"

port = socket.socket()
port.bind(("127.0.0.1", 0))
port_number = port.getsockname()[1]
port.close()
server = subprocess.Popen([options.binary, "serve", "--port", str(port_number), "--log-level", "warning"] + embedded,
                          stdout=subprocess.DEVNULL, stderr=open(os.path.join(options.work, "server.log"), "w"))
try:
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port_number), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    started = time.time()
    subprocess.run([options.binary, "demo", "--companies", str(options.companies), "--leads-per-company", str(options.leads)] + embedded,
                   check=True, stderr=subprocess.DEVNULL)
    print(f"demo data: {options.companies} companies x {options.leads} leads in {time.time() - started:.1f} s")
    socket_dir = os.path.join(cluster, "run")
    psql = as_postgres + [os.path.join(bindir, "psql"), "-h", socket_dir, "-U", "postgres", "-d", "embudo", "-Atq"]
    subprocess.run(psql + ["-c", "ANALYZE"], check=True)
    company = int(subprocess.run(psql + ["-c", f"SELECT id FROM res_company WHERE name = 'Demo {options.companies // 2}'"],
                                 check=True, capture_output=True, text=True).stdout.strip())
    name = f"Demo {options.companies // 2}"
    subprocess.run([options.binary, "bi-role", "create", "--company", name, "--login", "bench_bi", "--password", "bench", "--connections", "20"] + embedded,
                   check=True, capture_output=True)
    subprocess.run([options.binary, "user", "create", "--login", "bench_manager", "--password", "bench-manager-1", "--company", name,
                    "--access", "admin"] + embedded, check=True, capture_output=True)

    def pgbench(user, sql):
        script = os.path.join(options.work, "q.sql")
        with open(script, "w") as f:
            f.write(sql + ";\n")
        os.chmod(script, 0o644)
        log_prefix = os.path.join(options.work, "log")
        for old in os.listdir(options.work):
            if old.startswith("log"):
                os.remove(os.path.join(options.work, old))
        os.chmod(options.work, 0o777)
        subprocess.run(as_postgres + [os.path.join(bindir, "pgbench"), "-n", "-M", "prepared", "-c", "1", "-T", str(options.seconds),
                                      "-f", script, "-l", "--log-prefix", log_prefix, "-h", socket_dir, "-U", user, "embudo"],
                       check=True, capture_output=True, cwd=options.work)
        latencies = []
        for log in os.listdir(options.work):
            if log.startswith("log"):
                for line in open(os.path.join(options.work, log)):
                    latencies.append(int(line.split()[2]) / 1000)
        return statistics.median(latencies)

    connection = http.client.HTTPConnection("127.0.0.1", port_number)

    def rpc(service, method, *args):
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": {"service": service, "method": method, "args": args}, "id": 1})
        connection.request("POST", "/jsonrpc", body, {"Content-Type": "application/json"})
        reply = json.loads(connection.getresponse().read())
        assert "error" not in reply, reply
        return reply["result"]

    uid = rpc("common", "login", "embudo", "bench_manager", "bench-manager-1")

    def api(method_args):
        times = []
        deadline = time.time() + options.seconds
        while time.time() < deadline:
            t = time.perf_counter()
            rpc("object", "execute_kw", "embudo", uid, "bench-manager-1", *method_args)
            times.append((time.perf_counter() - t) * 1000)
        return statistics.median(times)

    reports = {
        "pipeline_by_stage": ("SELECT * FROM report.pipeline_by_stage",
                              ["crm.opportunity.report", "read_group", [[["type", "=", "opportunity"]], ["expected_revenue", "prorated_revenue"], ["stage_id"]]]),
        "forecast_monthly": ("SELECT * FROM report.forecast_monthly",
                             ["crm.opportunity.report", "read_group", [[["is_open", "=", True], ["type", "=", "opportunity"]],
                                                                     ["expected_revenue", "prorated_revenue"], ["date_deadline:month"]]]),
    }
    print(f"\nOne company of {options.companies} ({options.leads} leads), median latency of {options.seconds} s runs (ms):")
    for view, (sql, call) in reports.items():
        source = sql.replace("report.", "report_source.") + f" WHERE company_id = {company}"
        baseline = pgbench("postgres", source)
        through_bi = pgbench("bench_bi", sql)
        through_api = api(call)
        print(f"  {view:20} owner+filter {baseline:7.3f}   BI login {through_bi:7.3f} ({through_bi / baseline:.2f}x)   API read_group {through_api:7.3f} ({through_api / baseline:.2f}x)")
finally:
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=60)
