"""The mail gateway end to end: `embudo mailgate` (as a mail server's pipe would run it) and
mail.thread.message_process, against the real server, its delivery worker and the test SMTP relay."""
import subprocess

import odoorpc
import pytest
from conftest import operator_user

from conftest import DEMO_DOMAIN as DOMAIN, wait_until


@pytest.fixture(scope="module")
def gateway(server, demo_domain):
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
    odoo.login(server["db"], server["login"], server["password"])
    env = odoo.env
    team = env["crm.team"].search([("name", "=", "Sales")])[0]
    env["crm.team"].browse(team).write({"alias_name": "sales", "alias_contact": "everyone"})
    strict = env["crm.team"].create({"name": "Partners only", "alias_name": "vip", "alias_contact": "partners"})
    operator_user(server, "mailgate", "mailgate-pass-1", "all", name="Mail gateway")
    created = subprocess.run([server["binary"], "user", "api-key", "create", "--login", "mailgate", "--name", "gateway",
                              "--embedded-directory", server["cluster"]], env=server["env"], capture_output=True, text=True, check=True)
    key = created.stdout.strip().splitlines()[-1]
    return {"env": env, "team": team, "strict": strict, "key": key, "server": server}


def deliver(gateway, message, url=None):
    server = gateway["server"]
    env = dict(server["env"], EMBUDO_MAILGATE_KEY=gateway["key"])
    return subprocess.run([server["binary"], "mailgate", "--url", url or server["url"], "--database", server["db"], "--login", "mailgate",
                           "--timeout", "20"], input=message if isinstance(message, bytes) else message.encode(), env=env, capture_output=True)


def test_eight_bit_mail_arrives_byte_for_byte(gateway):
    # Latin-1 bytes in an 8-bit body and a raw 8-bit Subject: not UTF-8, so only the exact bytes can be read right.
    raw = ("From: Ana <ana.ocho@cliente.example>\r\nTo: Ventas <sales@demo-mail.example>\r\n"
           "Subject: Cotizaci\u00f3n para el a\u00f1o\r\nMessage-ID: <ocho-bits-1@cliente.example>\r\nMIME-Version: 1.0\r\n"
           "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
           "Necesitamos 20 sillas para el a\u00f1o pr\u00f3ximo. \u00bfPrecio?\r\n").encode("latin-1")
    result = deliver(gateway, raw)
    assert result.returncode == 0, result.stderr
    [lead] = gateway["env"]["crm.lead"].search_read([("email_from", "ilike", "ana.ocho@cliente.example")], ["name", "description"])
    assert lead["name"] == "Cotización para el año"
    assert "año próximo. ¿Precio?" in lead["description"]


NEW_LEAD = """From: =?ISO-8859-1?Q?Jos=E9_Mu=F1oz?= <jose@cliente.example>
To: Ventas <sales@demo-mail.example>
Cc: compras@cliente.example
Subject: =?UTF-8?B?UHJlc3VwdWVzdG8gcGFyYSA1MCBzaWxsYXMg4oCTIHVyZ2VudGU=?=
Message-ID: <first-contact-1@cliente.example>
Date: Fri, 27 Nov 2026 10:00:00 +0100
X-Priority: 1
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/alternative; boundary="inner"

--inner
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Hola, necesitamos 50 sillas para la nueva oficina.

--inner
Content-Type: text/html; charset=utf-8

<p>Hola, necesitamos <b>50 sillas</b>.<script>alert(1)</script><img src=x onerror=alert(2)></p>
--inner--

--outer
Content-Type: application/pdf; name="plano.pdf"
Content-Disposition: attachment; filename="plano.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQKJcTl8uXrCjEgMCBvYmoKPDw+PgplbmRvYmoKdHJhaWxlcgo8PD4+CiUlRU9GCg==
--outer--
"""


def test_new_lead_from_an_alias_and_its_duplicate(gateway):
    env = gateway["env"]
    result = deliver(gateway, NEW_LEAD)
    assert result.returncode == 0, result.stderr
    leads = env["crm.lead"].search_read([("email_from", "ilike", "jose@cliente.example")],
                                        ["name", "team_id", "priority", "email_cc", "type", "user_id", "description"])
    assert len(leads) == 1
    lead = leads[0]
    assert lead["name"] == "Presupuesto para 50 sillas – urgente"
    assert lead["team_id"][0] == gateway["team"] and lead["priority"] == "2"
    assert "compras@cliente.example" in lead["email_cc"]
    messages = env["mail.message"].search_read([("model", "=", "crm.lead"), ("res_id", "=", lead["id"]), ("message_type", "=", "email")],
                                               ["body", "email_from", "message_id"])
    # Odoo keeps the Message-ID in its angle brackets, and finds it so.
    assert messages[0]["message_id"] == "<first-contact-1@cliente.example>"
    assert env["mail.message"].search_count([("message_id", "=", messages[0]["message_id"])]) == 1
    assert messages and "<script" not in messages[0]["body"] and "onerror" not in messages[0]["body"] and "50 sillas" in messages[0]["body"]
    attachments = env["ir.attachment"].search_read([("res_model", "=", "crm.lead"), ("res_id", "=", lead["id"])], ["name", "mimetype", "file_size"])
    assert [(a["name"], a["mimetype"]) for a in attachments] == [("plano.pdf", "application/pdf")] and attachments[0]["file_size"] > 0
    # The same message delivered again changes nothing.
    assert deliver(gateway, NEW_LEAD).returncode == 0
    assert env["crm.lead"].search_count([("email_from", "ilike", "jose@cliente.example")]) == 1


def post_to_customer(env, gateway, name, customer):
    """A lead whose customer gets an e-mail (a comment): the lead and its queued mail."""
    lead = env["crm.lead"].create({"name": name, "email_from": customer, "team_id": gateway["team"]})
    env["crm.lead"].browse(lead).message_post(body="<p>Le enviamos la oferta.</p>", message_type="comment", subtype_xmlid="mail.mt_comment")
    [mail] = env["mail.mail"].search_read([("model", "=", "crm.lead"), ("res_id", "=", lead)],
                                          ["reply_to", "email_to", "subject", "message_id", "state"])
    return lead, mail


def settled(env, mail):
    """Waits until the delivery worker has settled the mail (sent, or refused for good); its record."""
    return wait_until(lambda: next((m for m in env["mail.mail"].read([mail["id"]], ["state", "message_id"]) if m["state"] in ("sent", "exception")), None),
                      f"mail {mail['id']} to be sent or refused")


def emails_on(env, lead):
    return env["mail.message"].search_read([("model", "=", "crm.lead"), ("res_id", "=", lead), ("message_type", "=", "email")], ["body"])


def test_reply_threads_to_the_lead(gateway, relay):
    env = gateway["env"]
    lead, mail = post_to_customer(env, gateway, "Mesas", "ana@cliente.example")
    assert "sales@" + DOMAIN in mail["reply_to"] and mail["email_to"] == "ana@cliente.example"
    # The Message-ID is recorded when the mail is queued; the worker sends the mail with it. Wait for the
    # relay to have received it (no sleeping on the worker's pace).
    assert settled(env, mail)["state"] == "sent"
    [received] = wait_until(lambda: [m for m in relay["handler"].find(mail["subject"]) if m["parsed"]["Message-ID"] == f"<{mail['message_id']}>"],
                            "the relay to receive the mail")
    assert received["rcpt_tos"] == ["ana@cliente.example"]
    # The customer's answer quotes the Message-ID it received.
    reply = f"""From: Ana <ana@cliente.example>
To: sales@{DOMAIN}
Subject: Re: Mesas
Message-ID: <reply-1@cliente.example>
In-Reply-To: {received["parsed"]["Message-ID"]}
References: {received["parsed"]["Message-ID"]}
Content-Type: text/plain; charset=windows-1252
Content-Transfer-Encoding: quoted-printable

Gracias, la revisamos =96 saludos.
"""
    assert deliver(gateway, reply).returncode == 0
    assert any("la revisamos – saludos" in m["body"] for m in emails_on(env, lead))
    assert env["crm.lead"].search_count([("name", "=", "Re: Mesas")]) == 0


def test_guessed_mail_number_does_not_thread(gateway):
    """An outsider quoting a mail's number (the worker's old Message-IDs ended with ".<mail id>@domain")
    posted into any record whose mail was unsent or failed: now it is a new message to the alias."""
    env = gateway["env"]
    lead, mail = post_to_customer(env, gateway, "Sillas", "rejected-9@cliente.example")
    assert settled(env, mail)["state"] == "exception"
    guess = f"""From: Mallory <mallory@attacker.example>
To: sales@{DOMAIN}
Subject: Re: Sillas (cambio de cuenta bancaria)
Message-ID: <guess-1@attacker.example>
In-Reply-To: <1764230400.{mail['id']}@{DOMAIN}>
References: <1764230400.{mail['id']}@{DOMAIN}>

Por favor paguen a esta otra cuenta.
"""
    assert deliver(gateway, guess).returncode == 0
    assert emails_on(env, lead) == []
    assert env["crm.lead"].search_count([("name", "=", "Re: Sillas (cambio de cuenta bancaria)")]) == 1


def test_refusals_bounces_and_failures(gateway):
    env = gateway["env"]
    # Unknown alias, unknown domain: refused with "no such user" so that the sender is told.
    unknown = NEW_LEAD.replace("sales@demo-mail.example", "nobody@demo-mail.example").replace("first-contact-1", "unknown-1")
    assert deliver(gateway, unknown).returncode == 67
    elsewhere = NEW_LEAD.replace("sales@demo-mail.example", "sales@other.example").replace("first-contact-1", "elsewhere-1")
    assert deliver(gateway, elsewhere).returncode == 67
    # A stranger writing to a partners-only alias gets a bounce reply, and no lead is made.
    stranger = NEW_LEAD.replace("sales@demo-mail.example", f"vip@{DOMAIN}").replace("first-contact-1", "stranger-1") \
        .replace("jose@cliente.example", "stranger@nowhere.example")
    assert deliver(gateway, stranger).returncode == 0
    assert env["crm.lead"].search_count([("email_from", "ilike", "stranger@nowhere.example")]) == 0
    assert env["mail.mail"].search_count([("email_to", "=", "stranger@nowhere.example")]) == 1
    # A delivery failure report is counted on the lead.
    lead = env["crm.lead"].create({"name": "Bounce me", "email_from": "gone@cliente.example"})
    bounce = f"""From: Mail Delivery System <MAILER-DAEMON@mx.cliente.example>
To: bounce@{DOMAIN}
Subject: Undelivered Mail Returned to Sender
Message-ID: <dsn-1@mx.cliente.example>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

--dsn
Content-Type: text/plain

The mail could not be delivered.
--dsn
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.cliente.example

Final-Recipient: rfc822; gone@cliente.example
Action: failed
Status: 5.1.1
--dsn
Content-Type: text/rfc822-headers

Message-ID: <unknown-original@{DOMAIN}>
Subject: Hello
--dsn--
"""
    assert deliver(gateway, bounce).returncode == 0
    assert env["crm.lead"].browse(lead).message_bounce == 1
    # The service down: a temporary failure, so that the mail server keeps the message.
    assert deliver(gateway, NEW_LEAD, url="http://127.0.0.1:9").returncode == 75
