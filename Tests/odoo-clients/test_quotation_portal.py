"""The customer's answer to a quotation, through real HTTP requests to the page linked from its e-mail."""
import concurrent.futures
import datetime
import http.client
import re
import urllib.parse

import odoorpc


def request(server, method, path, form=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", server["port"], timeout=30)
    body = urllib.parse.urlencode(form) if form is not None else None
    all_headers = {"Content-Type": "application/x-www-form-urlencoded"} if form is not None else {}
    all_headers.update(headers or {})
    connection.request(method, path, body, all_headers)
    answer = connection.getresponse()
    return answer.status, dict(answer.getheaders()), answer.read().decode()


def quotation(env, customer_lang="es_ES"):
    product = env["product.product"].create({"name": "Silla <ergonómica>", "list_price": 100})
    extra = env["product.product"].create({"name": "Alfombrilla", "list_price": 10})
    customer = env["res.partner"].create({"name": "Cliente & Cía", "email": "cliente@example.com", "lang": customer_lang})
    lead = env["crm.lead"].create({"name": "Sillas", "partner_id": customer, "type": "opportunity"})
    order_id = env["sale.order"].create({
        "partner_id": customer, "opportunity_id": lead,
        "order_line": [(0, 0, {"product_id": product, "product_uom_qty": 3})],
        "sale_order_option_ids": [(0, 0, {"product_id": extra, "quantity": 2})],
    })
    env["sale.order"].browse(order_id).action_quotation_send()
    body = env["mail.message"].search_read([("model", "=", "sale.order"), ("res_id", "=", order_id), ("message_type", "=", "email")],
                                           ["body"], order="id desc", limit=1)[0]["body"]
    path = re.search(r'href="[^"]*(/my/quotation/[0-9]+-[0-9a-f]{48})"', body).group(1)
    return order_id, lead, path


def form_key(page):
    return re.search(r'name="form_key" value="([0-9a-f]+)"', page).group(1)


def login(server):
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
    odoo.login(server["db"], server["login"], server["password"])
    return odoo.env


def test_decline_then_accept_with_an_option(server):
    env = login(server)
    order_id, lead_id, path = quotation(env)
    status, headers, page = request(server, "GET", path)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "Presupuesto" in page and "Cliente &amp; Cía" in page and "Silla &lt;ergonómica&gt;" in page and "<ergon" not in page
    assert "300.00" in page and "Alfombrilla" in page
    assert headers["Referrer-Policy"] == "no-referrer" and "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    key = form_key(page)

    # Forged answers: no key, a wrong key, another site's page.
    assert request(server, "POST", path + "/decline", {"reason": "x"})[0] == 403
    assert request(server, "POST", path + "/decline", {"reason": "x", "form_key": "0" * 64})[0] == 403
    assert request(server, "POST", path + "/decline", {"reason": "x", "form_key": key}, {"Origin": "https://evil.example"})[0] == 403

    status, headers, _ = request(server, "POST", path + "/decline", {"reason": "Demasiado caro", "form_key": key})
    assert status == 303 and headers["Location"].endswith("answer=declined")
    assert env["sale.order"].browse(order_id).state == "sent"
    notes = env["mail.message"].search_read([("model", "=", "crm.lead"), ("res_id", "=", lead_id)], ["body"])
    assert any("Demasiado caro" in n["body"] for n in notes)
    assert env["mail.activity"].search_count([("res_model", "=", "sale.order"), ("res_id", "=", order_id),
                                              ("summary", "like", "Quotation declined")]) == 1

    # An option of another quotation is refused; nothing changes.
    other_order, _, _ = quotation(env, "en_US")
    foreign_option = env["sale.order"].browse(other_order).sale_order_option_ids[0].id
    status, _, page = request(server, "POST", path + "/accept", {"name": "Ana", "option": str(foreign_option), "form_key": key})
    assert status == 422 and "not part of the quotation" in page
    assert env["sale.order"].browse(order_id).state == "sent"
    # No signature, no acceptance.
    assert request(server, "POST", path + "/accept", {"name": "  ", "form_key": key})[0] == 422

    option = env["sale.order"].browse(order_id).sale_order_option_ids[0].id
    status, headers, _ = request(server, "POST", path + "/accept", {"name": "Ana Pérez", "option": str(option), "form_key": key})
    assert status == 303
    order = env["sale.order"].browse(order_id)
    assert order.state == "sale" and order.signed_by == "Ana Pérez" and order.signed_on
    assert len(order.order_line) == 2 and order.amount_untaxed == 320
    assert env["mail.activity"].search_count([("res_model", "=", "sale.order"), ("res_id", "=", order_id),
                                              ("summary", "like", "Quotation accepted")]) == 1
    # The link is spent once the order is confirmed.
    assert request(server, "GET", path)[0] == 404


def test_concurrent_accepts_confirm_once(server):
    env = login(server)
    order_id, _, path = quotation(env)
    key = form_key(request(server, "GET", path)[2])
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        statuses = list(pool.map(lambda _: request(server, "POST", path + "/accept", {"name": "Ana", "form_key": key})[0], range(4)))
    assert statuses.count(303) >= 1 and all(s in (303, 404) for s in statuses)
    assert env["sale.order"].browse(order_id).state == "sale"
    confirmations = env["mail.message"].search_count([("model", "=", "sale.order"), ("res_id", "=", order_id),
                                                      ("subtype_id.name", "=", "Sales Order Confirmed")])
    assert confirmations == 1


def test_revoked_expired_and_unknown_links(server):
    env = login(server)
    order_id, _, path = quotation(env, "en_US")
    status, _, page = request(server, "GET", path)
    assert status == 200 and "Quotation" in page and "Accept and sign" in page
    env["sale.order"].browse(order_id).action_revoke_portal_link()
    assert request(server, "GET", path)[0] == 404
    # A new e-mail brings a new link; a quotation past its expiration gets a link that is already expired.
    yesterday = (datetime.date.today() - datetime.timedelta(days=2)).isoformat()
    env["sale.order"].browse(order_id).write({"validity_date": yesterday})
    env["sale.order"].browse(order_id).action_quotation_send()
    body = env["mail.message"].search_read([("model", "=", "sale.order"), ("res_id", "=", order_id), ("message_type", "=", "email")],
                                           ["body"], order="id desc", limit=1)[0]["body"]
    expired = re.search(r"(/my/quotation/[0-9]+-[0-9a-f]{48})", body).group(1)
    assert expired != path
    assert request(server, "GET", expired)[0] == 404
    # Unknown and malformed tokens look the same.
    assert request(server, "GET", "/my/quotation/" + "a" * 48)[0] == 404
    assert request(server, "GET", "/my/quotation/1%27%20OR%201=1")[0] == 404
    assert request(server, "POST", "/my/quotation/" + "b" * 48 + "/accept", {"name": "x", "form_key": "y"})[0] == 404
