"""Quoting from an opportunity with odoorpc: an optional product, send, confirm."""
import odoorpc


def test_quote_send_and_confirm(server):
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
    odoo.login(server["db"], server["login"], server["password"])
    env = odoo.env
    tax = env["account.tax"].create({"name": "IVA 16%", "amount": 16})
    chair = env["product.product"].create({"name": "Ergonomic chair", "list_price": 250, "taxes_id": [(6, 0, [tax])]})
    mat = env["product.product"].create({"name": "Floor mat", "list_price": 40, "taxes_id": [(6, 0, [tax])]})
    customer = env["res.partner"].create({"name": "Oficinas Norte", "email": "compras@norte.example"})
    lead_id = env["crm.lead"].create({"name": "Chairs for the new office", "partner_id": customer, "type": "opportunity"})

    action = env["crm.lead"].browse(lead_id).action_sale_quotations_new()
    assert action["res_model"] == "sale.order"
    SaleOrder = env["sale.order"].with_context(**action["context"])
    order_id = SaleOrder.create({
        "order_line": [(0, 0, {"product_id": chair, "product_uom_qty": 10})],
        "sale_order_option_ids": [(0, 0, {"product_id": mat, "quantity": 10})],
        "payment_term_id": env.ref("account.account_payment_term_15days").id,
    })
    order = env["sale.order"].browse(order_id)
    assert order.name.startswith("S")
    assert order.opportunity_id.id == lead_id and order.partner_id.id == customer
    assert order.amount_untaxed == 2500 and order.amount_tax == 400 and order.amount_total == 2900

    order.sale_order_option_ids[0].button_add_to_order()
    order = env["sale.order"].browse(order_id)
    assert len(order.order_line) == 2 and order.amount_untaxed == 2900

    order.action_quotation_send()
    assert env["sale.order"].browse(order_id).state == "sent"
    mails = env["mail.message"].search_read([("model", "=", "sale.order"), ("res_id", "=", order_id), ("message_type", "=", "email")],
                                            ["subject", "body"])
    assert mails and "Ergonomic chair" in mails[0]["body"] and "15 Days" in mails[0]["body"]

    env["sale.order"].browse(order_id).action_confirm()
    order = env["sale.order"].browse(order_id)
    assert order.state == "sale"
    lead = env["crm.lead"].browse(lead_id)
    assert lead.sale_order_count == 1 and lead.sale_amount_total == 2900 and lead.quotation_count == 0
