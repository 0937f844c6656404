"""Issue 21, what Odoo clients introspect and read first: ir.model with transient, info and its fields,
ir.model.fields searchable as Odoo's, get_available_models, fields_get labels in the context's language, and
quotation e-mails in the customer's language."""
import odoorpc
import pytest

from conftest import cli, operator_user

PASSWORD = "introspection-pass-1"


def login(server, user=None, password=None):
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
    odoo.login(server["db"], user or server["login"], password or server["password"])
    return odoo.env


def test_models_and_their_fields_as_odoo_lists_them(server):
    env = login(server)
    [lead_model] = env["ir.model"].search_read([("model", "=", "crm.lead")], ["name", "transient", "state", "field_id"])
    assert lead_model["transient"] is False and lead_model["state"] == "base" and len(lead_model["field_id"]) > 50
    assert env["ir.model"].search_read([("model", "=", "crm.lead.lost")], ["transient"])[0]["transient"] is True
    # Searchable like Odoo's: the many2one fields of crm.lead, with their relations.
    m2o = {f["name"]: f["relation"] for f in env["ir.model.fields"].search_read(
        [("model", "=", "crm.lead"), ("ttype", "=", "many2one")], ["name", "relation"])}
    assert m2o["stage_id"] == "crm.stage" and m2o["partner_id"] == "res.partner" and m2o["team_id"] == "crm.team"
    [stage] = env["ir.model.fields"].search_read([("model_id", "=", lead_model["id"]), ("name", "=", "stage_id")],
                                                 ["field_description", "ttype", "required", "readonly", "store", "model"])
    assert stage == {"id": stage["id"], "field_description": "Stage", "ttype": "many2one", "required": False, "readonly": False,
                     "store": True, "model": "crm.lead"}
    computed = env["ir.model.fields"].search_read([("model", "=", "crm.lead"), ("name", "=", "activity_state")], ["store", "readonly"])[0]
    assert computed["store"] is False and computed["readonly"] is True
    one2many = env["ir.model.fields"].search_read([("model", "=", "crm.lead"), ("name", "=", "calendar_event_ids")], ["relation_field"])[0]
    assert one2many["relation_field"] == "opportunity_id"
    # Every field fields_get answers is listed.
    assert set(env["crm.lead"].fields_get(attributes=["type"])) - {"display_name"} == \
        {f["name"] for f in env["ir.model.fields"].search_read([("model", "=", "crm.lead")], ["name"])}
    available = env["ir.model"].get_available_models()
    assert {"model": "calendar.event", "display_name": "Calendar Event"} in available
    # Reference data: nobody changes it.
    with_error = None
    try:
        env["ir.model.fields"].write([stage["id"]], {"field_description": "x"})
    except odoorpc.error.RPCError as error:
        with_error = error
    assert with_error is not None


def test_labels_in_the_contexts_language(server):
    env = login(server)
    english = env["crm.lead"].fields_get(["expected_revenue", "priority", "stage_id"], attributes=["string", "selection"])
    spanish = env["crm.lead"].with_context(lang="es_MX").fields_get(["expected_revenue", "priority", "stage_id"], attributes=["string", "selection"])
    assert english["expected_revenue"]["string"] == "Expected Revenue" and spanish["expected_revenue"]["string"] == "Ingreso esperado"
    assert spanish["stage_id"]["string"] == "Etapa"
    assert [key for key, _ in spanish["priority"]["selection"]] == [key for key, _ in english["priority"]["selection"]]
    assert [label for _, label in spanish["priority"]["selection"]] != [label for _, label in english["priority"]["selection"]]
    assert env["calendar.event"].with_context(lang="es_MX").fields_get(["privacy"], attributes=["string"])["privacy"]["string"] == "Privacidad"


def test_quotation_email_in_the_customers_language(server):
    cli(server, "company", "create", "Cotiza MX", "--lang", "es_MX")
    operator_user(server, "vende@cotiza.example", PASSWORD, "admin", company="Cotiza MX", name="Vende")
    env = login(server, "vende@cotiza.example", PASSWORD)
    product = env["product.product"].create({"name": "Silla", "list_price": 100})
    spanish = env["res.partner"].create({"name": "Cliente MX", "email": "mx@cotiza.example"})            # the company's language
    english = env["res.partner"].create({"name": "Client US", "email": "us@cotiza.example", "lang": "en_US"})
    for customer in (spanish, english):
        order = env["sale.order"].create({"partner_id": customer, "order_line": [(0, 0, {"product_id": product, "product_uom_qty": 2})]})
        env["sale.order"].browse(order).action_quotation_send()
    mails = {m["email_to"]: m for m in env["mail.mail"].search_read([("model", "=", "sale.order")], ["email_to", "subject", "body_html"])}
    mx = next(m for to, m in mails.items() if "mx@" in to)
    us = next(m for to, m in mails.items() if "us@" in to)
    assert "Presupuesto" in mx["subject"] and "Hola, Cliente MX" in mx["body_html"] and "Revisa, acepta o rechaza" in mx["body_html"]
    assert "Precio unitario" in mx["body_html"] and "Quotation" not in mx["body_html"]
    assert "Quotation" in us["subject"] and "Hello Client US" in us["body_html"] and "Unit Price" in us["body_html"]


def test_access_checks_answer_what_postgresql_would(server):
    cli(server, "company", "create", "Acceso SA")
    operator_user(server, "jefa@acceso.example", PASSWORD, "admin", company="Acceso SA", name="Jefa")
    operator_user(server, "propia@acceso.example", PASSWORD, "own", company="Acceso SA", name="Propia")
    boss, own = login(server, "jefa@acceso.example", PASSWORD), login(server, "propia@acceso.example", PASSWORD)
    theirs = boss["crm.lead"].create({"name": "De la jefa", "user_id": boss.uid})
    mine = own["crm.lead"].create({"name": "Mía"})
    assert own["crm.lead"].check_access_rights("write") is True and own["crm.lead"].check_access_rights("unlink") is True
    assert own["res.country"].check_access_rights("write", raise_exception=False) is False
    with pytest.raises(odoorpc.error.RPCError):
        own["res.country"].check_access_rights("create")
    # Records: what row-level security allows, tried and undone.
    assert own["crm.lead"].check_access_rule([mine], "write") is None
    with pytest.raises(odoorpc.error.RPCError) as refused:
        own["crm.lead"].check_access_rule([mine], "unlink")  # only administrators delete leads
    assert "AccessError" in str(refused.value.info)
    assert boss["crm.lead"].check_access_rule([mine], "unlink") is None
    assert boss["crm.lead"].search_count([("id", "=", mine)]) == 1  # the probe deleted nothing
    with pytest.raises(odoorpc.error.RPCError) as hidden:
        own["crm.lead"].check_access_rule([theirs], "read")
    assert "AccessError" in str(hidden.value.info)
    with pytest.raises(odoorpc.error.RPCError):
        own["crm.lead"].check_access_rule([mine], "delete")


def test_reference_names_read_in_the_contexts_language(server):
    env = login(server)
    spanish = env["res.country"].with_context(lang="es_MX")
    [mx] = env["res.country"].search([("code", "=", "MX")])
    assert env["res.country"].read([mx], ["name"])[0]["name"] == "Mexico"
    assert spanish.read([mx], ["name"])[0]["name"] == "México"
    assert spanish.search([("name", "=", "Estados Unidos")]) == env["res.country"].search([("code", "=", "US")])
    assert [name for _, name in spanish.name_search("Alemania")] == ["Alemania"]
    units = {u["name"] for u in env["uom.uom"].with_context(lang="es_MX").search_read([], ["name"])}
    assert {"Unidades", "Docenas", "Horas"} <= units
    titles = env["res.partner.title"].with_context(lang="es_MX").search_read([("shortcut", "=", "Sra.")], ["name", "display_name"])
    assert titles == [{"id": titles[0]["id"], "name": "Señora", "display_name": "Señora"}]
    # Through a many2one, too: a product's unit, and a contact's country.
    [de] = env["res.country"].search([("code", "=", "DE")])
    partner = env["res.partner"].create({"name": "Kunde Berlin", "country_id": de})
    assert env["res.partner"].with_context(lang="es_MX").read([partner], ["country_id"])[0]["country_id"] == [de, "Alemania"]
    assert env["res.partner"].read([partner], ["country_id"])[0]["country_id"] == [de, "Germany"]
    assert env["res.partner"].with_context(lang="es_MX").read_group([("id", "=", partner)], ["country_id"], ["country_id"])[0]["country_id"] \
        == [de, "Alemania"]
    env["res.partner"].unlink([partner])  # (the shared Demo company's contacts are other tests' business)
    assert env["res.country"].with_context(lang="es_MX").name_search("Alem") == [[de, "Alemania"]]
    assert env["res.currency"].with_context(lang="es_MX").search_read([("name", "=", "MXN")], ["full_name"])[0]["full_name"] == "Peso mexicano"


def test_activity_history_in_the_users_language(server):
    cli(server, "company", "create", "Historia MX", "--lang", "es_MX")
    operator_user(server, "hist@historia.example", PASSWORD, "all", company="Historia MX", name="Hist")
    env = login(server, "hist@historia.example", PASSWORD)
    env["res.users"].write([env.uid], {"lang": "es_MX"})
    lead = env["crm.lead"].create({"name": "Seguimiento", "type": "opportunity"})
    model = env["ir.model"].search([("model", "=", "crm.lead")])[0]
    call = env["mail.activity.type"].search([("name", "=", "Llamada")])[0]
    activity = env["mail.activity"].create({"res_model_id": model, "res_id": lead, "activity_type_id": call, "summary": "Confirmar"})
    message = env["mail.message"].browse(env["mail.activity"].browse(activity).action_feedback(feedback="Dijo que sí"))
    assert "Llamada completada: Confirmar" in message.body and "Comentarios: Dijo que sí" in message.body


def test_attachments_upload_as_odoo_clients_do(server):
    import base64
    cli(server, "company", "create", "Adjuntos SA")
    operator_user(server, "sube@adjuntos.example", PASSWORD, "own", company="Adjuntos SA", name="Sube")
    operator_user(server, "otra@adjuntos.example", PASSWORD, "own", company="Adjuntos SA", name="Otra")
    env, other = login(server, "sube@adjuntos.example", PASSWORD), login(server, "otra@adjuntos.example", PASSWORD)
    lead = env["crm.lead"].create({"name": "Con plano"})
    content = bytes(range(256)) * 40  # binary, 10 KiB
    attachment = env["ir.attachment"].create({"name": "plano.dwg", "res_model": "crm.lead", "res_id": lead,
                                              "datas": base64.encodebytes(content).decode(), "mimetype": "application/acad"})
    [read] = env["ir.attachment"].read([attachment], ["name", "datas", "file_size", "mimetype", "type", "create_uid"])
    assert base64.b64decode(read["datas"]) == content and read["file_size"] == len(content) and read["type"] == "binary"
    assert read["create_uid"][0] == env.uid
    assert env["ir.attachment"].search([("res_model", "=", "crm.lead"), ("res_id", "=", lead), ("datas", "!=", False)]) == [attachment]
    # Not base64, or on a document the user cannot read: refused, nothing stored.
    with pytest.raises(odoorpc.error.RPCError):
        env["ir.attachment"].create({"name": "x", "res_model": "crm.lead", "res_id": lead, "datas": "not base64!"})
    theirs = other["crm.lead"].create({"name": "De otra"})
    with pytest.raises(odoorpc.error.RPCError):
        env["ir.attachment"].create({"name": "x", "res_model": "crm.lead", "res_id": theirs, "datas": "AAAA"})
    with pytest.raises(odoorpc.error.RPCError) as changed:
        env["ir.attachment"].write([attachment], {"name": "otro.dwg"})
    assert "AccessError" in str(changed.value.info)
    with pytest.raises(odoorpc.error.RPCError):
        env["ir.attachment"].search([("datas", "ilike", "AAA")])
    assert env["ir.attachment"].unlink([attachment]) is True
    assert env["ir.attachment"].search([("res_id", "=", lead)]) == []


def test_an_administrator_changes_the_currency_until_the_first_quotation(server):
    cli(server, "company", "create", "Moneda SA")
    operator_user(server, "admin@moneda.example", PASSWORD, "admin", company="Moneda SA", name="Admin Moneda")
    operator_user(server, "vende@moneda.example", PASSWORD, "all", company="Moneda SA", name="Vende Moneda")
    admin, seller = login(server, "admin@moneda.example", PASSWORD), login(server, "vende@moneda.example", PASSWORD)
    [company] = admin["res.company"].search([("name", "=", "Moneda SA")])
    [mxn] = admin["res.currency"].search([("name", "=", "MXN")], context={"active_test": False})
    with pytest.raises(odoorpc.error.RPCError):
        seller["res.company"].write([company], {"currency_id": mxn})  # administrators only
    admin["res.company"].write([company], {"currency_id": mxn})
    assert admin["res.company"].read([company], ["currency_id"])[0]["currency_id"][0] == mxn
    assert {p["currency_id"][0] for p in admin["product.pricelist"].search_read([], ["currency_id"])} == {mxn}
    customer = admin["res.partner"].create({"name": "Cliente Moneda"})
    admin["sale.order"].create({"partner_id": customer})
    [usd] = admin["res.currency"].search([("name", "=", "USD")])
    with pytest.raises(odoorpc.error.RPCError) as refused:
        admin["res.company"].write([company], {"currency_id": usd})
    assert "UserError" in str(refused.value.info) and "MXN" in str(refused.value.info)


def test_send_by_email_opens_a_composer_with_the_message_and_its_link(server, relay):
    cli(server, "company", "create", "Compositor MX", "--lang", "es_MX")
    operator_user(server, "redacta@compositor.example", PASSWORD, "admin", company="Compositor MX", name="Redacta")
    env = login(server, "redacta@compositor.example", PASSWORD)
    product = env["product.product"].create({"name": "Escritorio", "list_price": 2500})
    customer = env["res.partner"].create({"name": "Cliente Compositor", "email": "cliente@compositor.example"})
    order = env["sale.order"].create({"partner_id": customer, "order_line": [(0, 0, {"product_id": product, "product_uom_qty": 1})]})
    composer = env["mail.compose.message"].with_context(default_model="sale.order", default_res_ids=[order])
    wizard = composer.create({})
    [shown] = env["mail.compose.message"].read([wizard], ["subject", "body", "partner_ids", "link_note", "model"])
    assert shown["model"] == "sale.order" and shown["partner_ids"] == [customer]
    assert "Presupuesto" in shown["subject"] and "Hola, Cliente Compositor" in shown["body"] and "/my/quotation/" in shown["link_note"]
    assert env["sale.order"].read([order], ["state"])[0]["state"] == "draft"  # nothing sent by showing it
    # Edited, then sent: the customer gets the edited text and the link.
    wizard = composer.create({"subject": shown["subject"] + " – con descuento",
                              "body": shown["body"].replace("Hola, Cliente Compositor", "Estimado Cliente Compositor")
                              + '<script>alert(1)</script><p onclick="x()">Gracias</p>'})
    assert env["mail.compose.message"].action_send_mail([wizard])["type"] == "ir.actions.act_window_close"
    [mail] = env["mail.mail"].search_read([("model", "=", "sale.order"), ("res_id", "=", order)], ["subject", "body_html"])
    assert mail["subject"].endswith("con descuento") and "Estimado Cliente Compositor" in mail["body_html"]
    assert "<script" not in mail["body_html"] and "onclick" not in mail["body_html"] and "Gracias" in mail["body_html"]
    assert "/my/quotation/" in mail["body_html"] and "Revisa, acepta o rechaza" in mail["body_html"]
    assert env["sale.order"].read([order], ["state"])[0]["state"] == "sent"
