"""Outgoing mail end to end: mail.mail created over JSON-RPC, delivered by the server's worker through a
real SMTP relay (aiosmtpd, STARTTLS with a certificate checked against a CA file, AUTH), with its
state, retries and failures visible to the client. Senders are addresses of the company's mail domain,
which the operator assigned (conftest.demo_domain)."""
import time

import odoorpc
import pytest

FIELDS = ["state", "attempts", "failure_reason", "sent_at"]


def connect(server):
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
    odoo.login(server["db"], server["login"], server["password"])
    return odoo


def wait_for(odoo, mail_id, states, timeout=30):
    deadline = time.monotonic() + timeout
    while True:
        record = odoo.env["mail.mail"].read([mail_id], FIELDS)[0]
        if record["state"] in states or time.monotonic() > deadline:
            return record
        time.sleep(0.1)


def test_mail_is_delivered_with_its_headers(server, relay, demo_domain):
    odoo = connect(server)
    subject = "Propuesta para el año 2027 ✓ — «Embudo»"
    body = "<p>Hola Ana,</p>\n.<p>Esta línea empieza con un punto.</p>\n<p>" + "Un párrafo largo. " * 20 + "</p>"
    mail_id = odoo.env["mail.mail"].create({
        "email_from": f'"Équipe Embudo" <crm@{demo_domain}>',
        "email_to": "Ana Pérez <ana@example.com>, bob@example.com",
        "email_cc": '"Doe, Carol" <carol@example.com>',
        "reply_to": f"sales@{demo_domain}",
        "subject": subject,
        "body_html": body,
    })
    assert odoo.env["mail.mail"].read([mail_id], ["state"])[0]["state"] in ("outgoing", "sent")

    record = wait_for(odoo, mail_id, ("sent", "exception"))
    assert record["state"] == "sent", record
    assert record["attempts"] == 1 and record["failure_reason"] is False and record["sent_at"]

    [message] = relay["handler"].find(subject)
    assert message["mail_from"] == f"crm@{demo_domain}"
    assert message["rcpt_tos"] == ["ana@example.com", "bob@example.com", "carol@example.com"]
    assert message["tls"] and message["authenticated"]
    parsed = message["parsed"]
    assert str(parsed["From"]) == f"Équipe Embudo <crm@{demo_domain}>"
    assert str(parsed["To"]) == "Ana Pérez <ana@example.com>, bob@example.com"
    assert parsed["To"].addresses[0].display_name == "Ana Pérez"
    assert parsed["Cc"].addresses[0].display_name == "Doe, Carol"
    assert str(parsed["Reply-To"]) == f"sales@{demo_domain}"
    # The Message-ID recorded when the mail was queued (random, at the company's domain).
    recorded = odoo.env["mail.mail"].read([mail_id], ["message_id"])[0]["message_id"]
    assert parsed["Message-ID"] == f"<{recorded}>" and recorded.endswith("@" + demo_domain)
    assert parsed["Date"].datetime is not None
    assert parsed["MIME-Version"] == "1.0"
    assert parsed.get_content_type() == "text/html" and parsed.get_content_charset() == "utf-8"
    assert parsed.get_content().replace("\r\n", "\n") == body
    # Raw lines: ASCII headers (the subject in encoded words), nothing over SMTP's limit.
    raw = message["content"]
    assert all(len(line) <= 998 for line in raw.split(b"\r\n"))
    assert raw.split(b"\r\n\r\n")[0].isascii()


def test_rejected_recipient_ends_in_exception(server, relay, demo_domain):
    odoo = connect(server)
    mail_id = odoo.env["mail.mail"].create({
        "email_from": f"crm@{demo_domain}", "email_to": "rejected-1@example.com, ok@example.com",
        "subject": "Will bounce", "body_html": "<p>Nobody home</p>",
    })
    record = wait_for(odoo, mail_id, ("sent", "exception"))
    assert record["state"] == "exception", record
    assert record["attempts"] == 1  # a 5xx reply is permanent: no retry
    assert "550" in record["failure_reason"] and "rejected-1@example.com" in record["failure_reason"]
    assert record["sent_at"] is False
    assert relay["handler"].find("Will bounce") == []
    assert "rejected-1@example.com" in relay["handler"].refused


def test_temporary_failure_is_retried(server, relay, demo_domain):
    odoo = connect(server)
    mail_id = odoo.env["mail.mail"].create({
        "email_from": f"crm@{demo_domain}", "email_to": "busy-1@example.com",
        "subject": "Second time lucky", "body_html": "<p>Retry me</p>",
    })
    record = wait_for(odoo, mail_id, ("sent", "exception"))
    assert record["state"] == "sent", record
    assert record["attempts"] == 2
    assert len(relay["handler"].find("Second time lucky")) == 1


def test_state_is_the_workers_to_change(server, demo_domain):
    odoo = connect(server)
    mail_id = odoo.env["mail.mail"].create({
        "email_from": f"crm@{demo_domain}", "email_to": "rejected-2@example.com", "subject": "Read-only state", "body_html": "<p>x</p>",
    })
    with pytest.raises(odoorpc.error.RPCError):
        odoo.env["mail.mail"].browse(mail_id).write({"state": "sent"})
    fields = odoo.env["mail.mail"].fields_get(["state", "attempts", "email_to"], ["readonly", "type"])
    assert fields["state"]["readonly"] and fields["attempts"]["readonly"] and not fields["email_to"]["readonly"]
    assert wait_for(odoo, mail_id, ("sent", "exception"))["state"] == "exception"
