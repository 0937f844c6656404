"""Issue 18, mail and domains, played by an attacker with odoorpc and raw JSON-RPC against the real server:
Mallory administers her own company and tries to send as Victim Co, to take its mail domain, and to
learn which domains are taken. Then the legitimate path: a domain requested through the API, proved by a
DNS TXT record served by a real DNS server (dnslib), and assigned by `embudo company verify-domains`."""
import json
import socket
import urllib.request

import odoorpc
import pytest
from dnslib import QTYPE, RCODE, RR, TXT
from dnslib.server import BaseResolver, DNSServer

from conftest import cli

FORBIDDEN = ["SELECT", "INSERT", "UPDATE ", "FROM ", "violates", "duplicate key", "already has this value", "SQLSTATE", "mail_mail"]


@pytest.fixture(scope="module")
def tenants(server):
    """Victim Co holds victim.example (assigned by the operator); Mallory Co is Mallory's, with Oscar at
    "own documents"."""
    cli(server, "company", "create", "Victim Co")
    cli(server, "company", "set-domain", "--company", "Victim Co", "--domain", "victim.example")
    cli(server, "company", "create", "Mallory Co")
    cli(server, "user", "create", "--login", "mallory", "--password", "mallory-pass-1", "--company", "Mallory Co", "--access", "admin")
    cli(server, "user", "create", "--login", "oscar", "--password", "oscar-pass-1", "--company", "Mallory Co", "--access", "own")
    return {"server": server}


def login(server, user, password):
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
    odoo.login(server["db"], user, password)
    return odoo


def execute(server, user, password, model, method, *args):
    """execute_kw over raw JSON-RPC, as in Odoo's External API documentation: the whole answer."""
    uid = rpc(server, "common", "login", server["db"], user, password)["result"]
    return rpc(server, "object", "execute_kw", server["db"], uid, password, model, method, list(args))


def rpc(server, service, method, *args):
    body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": {"service": service, "method": method, "args": args}, "id": 1})
    request = urllib.request.Request(server["url"] + "/jsonrpc", body.encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


def refusal(answer):
    """The Odoo exception name of a refused call, after checking that its words give nothing away."""
    assert "error" in answer, answer
    text = json.dumps(answer["error"])
    assert not any(word in text for word in FORBIDDEN), text
    return answer["error"]["data"]["name"]


def test_spoofed_senders_are_refused(tenants):
    server = tenants["server"]
    mail = {"email_to": "accounts@customer.example", "subject": "New bank details", "body_html": "<p>Please pay to...</p>"}
    for spoof in [{"email_from": "ceo@victim.example"},
                  {"email_from": '"billing@mallory-co.example" <billing@victim.example>'},
                  {"email_from": "ceo@bank.example"},
                  {"email_from": "noreply@localhost", "reply_to": "ceo@victim.example"}]:
        answer = execute(server, "mallory", "mallory-pass-1", "mail.mail", "create", dict(mail, **spoof))
        assert refusal(answer) == "odoo.exceptions.AccessError", spoof
    assert "cannot send mail as" in execute(server, "mallory", "mallory-pass-1", "mail.mail", "create",
                                            dict(mail, email_from="ceo@victim.example"))["error"]["data"]["message"]
    # Mallory Co has no domain yet: only the placeholder the CRM's own mail uses.
    mallory = login(server, "mallory", "mallory-pass-1")
    assert mallory.env["mail.mail"].create(dict(mail, email_from="noreply@localhost"))
    # Oscar ("own documents") queues no raw mail at all.
    answer = execute(server, "oscar", "oscar-pass-1", "mail.mail", "create", dict(mail, email_from="noreply@localhost"))
    assert refusal(answer) == "odoo.exceptions.AccessError"
    # Nothing from Victim Co's domain went into the queue.
    assert mallory.env["mail.mail"].search_count([("email_from", "ilike", "victim.example")]) == 0


def test_the_worker_fields_and_documents_are_not_the_clients(tenants):
    server = tenants["server"]
    mallory = login(server, "mallory", "mallory-pass-1")
    mail = {"email_from": "noreply@localhost", "email_to": "x@customer.example", "subject": "x"}
    for field, value in [("state", "sent"), ("message_id", "chosen@victim.example"), ("create_uid", 1), ("mail_message_id", 1)]:
        assert refusal(execute(server, "mallory", "mallory-pass-1", "mail.mail", "create", dict(mail, **{field: value}))) == "odoo.exceptions.ValidationError"
    # Mail about anything but a lead or quotation she can change: refused.
    answer = execute(server, "mallory", "mallory-pass-1", "mail.mail", "create", dict(mail, model="res.users", res_id=1))
    assert refusal(answer) == "odoo.exceptions.ValidationError"
    admin = login(server, server["login"], server["password"])
    demo_lead = admin.env["crm.lead"].create({"name": "Demo's deal"})
    answer = execute(server, "mallory", "mallory-pass-1", "mail.mail", "create", dict(mail, model="crm.lead", res_id=demo_lead))
    assert refusal(answer) == "odoo.exceptions.AccessError"
    lead = mallory.env["crm.lead"].create({"name": "Mallory's own"})
    assert mallory.env["mail.mail"].create(dict(mail, model="crm.lead", res_id=lead))


def test_another_companys_domain_cannot_be_claimed_or_probed(tenants):
    server = tenants["server"]
    mallory = login(server, "mallory", "mallory-pass-1")
    [company] = mallory.env["res.company"].search([])
    # Before: the write succeeded for a free domain, and failed with "Another record already has this
    # value" for a taken one. Now both fail the same way.
    taken = execute(server, "mallory", "mallory-pass-1", "res.company", "write", [company], {"alias_domain": "victim.example"})
    free = execute(server, "mallory", "mallory-pass-1", "res.company", "write", [company], {"alias_domain": "free-domain.example"})
    assert refusal(taken) == refusal(free) == "odoo.exceptions.ValidationError"
    assert taken["error"]["data"]["message"] == free["error"]["data"]["message"]
    assert mallory.env["res.company"].read([company], ["alias_domain"])[0]["alias_domain"] is False
    assert mallory.env["res.company"].fields_get(["alias_domain"], ["readonly"])["alias_domain"]["readonly"]
    # Requests answer the same shape whether or not the domain is held.
    held = mallory.env["res.company"].browse(company).action_request_alias_domain("victim.example")
    wanted = mallory.env["res.company"].browse(company).action_request_alias_domain("mallory-co.example")
    assert set(held) == set(wanted) == {"domain", "record_type", "record_name", "record_value", "expires"}
    assert held["record_name"] == "_embudo-challenge.victim.example" and held["record_type"] == "TXT"
    assert held["record_value"] != wanted["record_value"]
    # Oscar is no administrator.
    assert refusal(execute(server, "oscar", "oscar-pass-1", "res.company", "action_request_alias_domain", [company], "oscar.example")) \
        == "odoo.exceptions.AccessError"


class Records(BaseResolver):
    """A zone of TXT records: NXDOMAIN for other names."""

    def __init__(self):
        self.txt = {}

    def resolve(self, request, handler):
        reply = request.reply()
        name = str(request.q.qname).rstrip(".").lower()
        if name not in self.txt:
            reply.header.rcode = RCODE.NXDOMAIN
        elif request.q.qtype == QTYPE.TXT:
            for value in self.txt[name]:
                reply.add_answer(RR(request.q.qname, QTYPE.TXT, rdata=TXT(value), ttl=60))
        return reply


class Quiet:
    """dnslib's server logs every query to stdout unless given a logger."""

    def __getattr__(self, name):
        return lambda *args, **kwargs: None


def free_udp_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def dns():
    records = Records()
    port = free_udp_port()
    server = DNSServer(records, port=port, address="127.0.0.1", tcp=False, logger=Quiet())
    server.start_thread()
    try:
        yield {"records": records, "nameserver": f"127.0.0.1:{port}"}
    finally:
        server.stop()


def test_requested_domains_are_assigned_once_proved_by_dns(tenants, dns):
    server = tenants["server"]
    mallory = login(server, "mallory", "mallory-pass-1")
    [company] = mallory.env["res.company"].search([])
    Company = mallory.env["res.company"]
    own = Company.browse(company).action_request_alias_domain("Mallory-Co.example")
    held = Company.browse(company).action_request_alias_domain("victim.example")
    later = Company.browse(company).action_request_alias_domain("later.example")
    # Mallory publishes her records (even one under victim.example, as if she could); nothing for later.example.
    dns["records"].txt[own["record_name"]] = ["v=spf1 -all", own["record_value"]]
    dns["records"].txt[held["record_name"]] = [held["record_value"]]
    result = cli(server, "company", "verify-domains", "--nameserver", dns["nameserver"])
    lines = result.stdout.strip().splitlines()
    assert "mallory-co.example for Mallory Co: verified, assigned" in lines
    assert "victim.example for Mallory Co: verified, but the company Victim Co holds it: not assigned" in lines
    assert any(line.startswith("later.example for Mallory Co: no TXT record _embudo-challenge.later.example") for line in lines)
    assert Company.read([company], ["alias_domain"])[0]["alias_domain"] == "mallory-co.example"
    # Now she sends from her own domain, and still not from Victim Co's.
    mail = {"email_to": "x@customer.example", "subject": "Hello"}
    assert mallory.env["mail.mail"].create(dict(mail, email_from="Mallory <hello@mallory-co.example>"))
    assert refusal(execute(server, "mallory", "mallory-pass-1", "mail.mail", "create", dict(mail, email_from="hello@victim.example"))) \
        == "odoo.exceptions.AccessError"
    # A silent name server: the lookup fails, the command says so, nothing changes.
    silent = cli(server, "company", "verify-domains", "--nameserver", f"127.0.0.1:{free_udp_port()}", "--timeout", "0.2")
    assert "later.example for Mallory Co: DNS lookup of _embudo-challenge.later.example failed: the name server did not answer in time" \
        in silent.stdout
    # The operator clears and assigns directly; a domain held by another company is refused with its holder.
    assert "Victim Co holds" in cli(server, "company", "set-domain", "--company", "Mallory Co", "--domain", "victim.example", check=False).stderr
    cli(server, "company", "set-domain", "--company", "Mallory Co", "--clear")
    assert Company.read([company], ["alias_domain"])[0]["alias_domain"] is False
