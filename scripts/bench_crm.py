"""Driver of scripts/bench-crm: latency of the pipeline's everyday writes through JSON-RPC (medians)."""
import argparse
import http.client
import json
import os
import statistics
import time

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--cluster", required=True)
parser.add_argument("--count", type=int, default=300)
options = parser.parse_args()

note = open(os.path.join(options.cluster, "demo-login.txt")).read()
password = dict(line.split(": ", 1) for line in note.strip().splitlines())["password"]
connection = http.client.HTTPConnection("127.0.0.1", options.port)


def rpc(service, method, *args):
    body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": {"service": service, "method": method, "args": args}, "id": 1})
    connection.request("POST", "/jsonrpc", body, {"Content-Type": "application/json"})
    reply = json.loads(connection.getresponse().read())
    assert "error" not in reply, reply
    return reply["result"]


uid = rpc("common", "login", "embudo", "admin", password)


def kw(model, method, args, kwargs=None):
    return rpc("object", "execute_kw", "embudo", uid, password, model, method, args, kwargs or {})


settings = kw("res.config.settings", "create", [{"group_use_lead": True}])
kw("res.config.settings", "execute", [[settings]])
stages = kw("crm.stage", "search", [[["is_won", "=", False]]])
tag = kw("crm.tag", "create", [{"name": "Bench"}])
form = {
    "name": "Office chairs", "partner_name": "Muebles Ruiz SL", "contact_name": "Javier Ruiz", "function": "Buyer",
    "email_from": "javier@muebles-ruiz.example", "phone": "+34 910 000 111", "mobile": "+34 600 111 222",
    "website": "muebles-ruiz.example", "street": "Calle Mayor 1", "zip": "28013", "city": "Madrid", "priority": "2",
    "tag_ids": [[6, 0, [tag]]], "expected_revenue": 12000, "date_deadline": "2026-12-31", "description": "Wants a demo.",
}


def timed(action):
    started = time.perf_counter()
    result = action()
    return (time.perf_counter() - started) * 1000, result


saves, moves, conversions = [], [], []
for n in range(options.count):
    elapsed, lead = timed(lambda: kw("crm.lead", "create", [dict(form, email_from=f"buyer{n}@example.com")]))
    saves.append(elapsed)
    elapsed, _ = timed(lambda: kw("crm.lead", "write", [[lead], {"stage_id": stages[n % len(stages)]}]))
    moves.append(elapsed)
    context = {"context": {"active_id": lead, "active_ids": [lead], "active_model": "crm.lead"}}

    def convert():
        wizard = kw("crm.lead2opportunity.partner", "create", [{"name": "convert", "action": "create"}], context)
        return kw("crm.lead2opportunity.partner", "action_apply", [[wizard]], context)
    elapsed, _ = timed(convert)
    conversions.append(elapsed)

print(f"Medians of {options.count} runs, one client, keep-alive connection (milliseconds):")
for label, values in (("lead form save (create, 17 fields + tags)", saves), ("stage move (write stage_id)", moves),
                      ("conversion (wizard create + action_apply, new customer)", conversions)):
    ordered = sorted(values)
    print(f"  {label:58} median {statistics.median(values):6.2f}   p90 {ordered[int(len(ordered) * 0.9)]:6.2f}")
