"""odoorpc 0.10.1 from PyPI against the real server, unchanged, and raw /jsonrpc calls."""
import odoorpc
import pytest

from conftest import jsonrpc


def test_odoorpc_cycle(server):
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
    assert odoo.version == "17.0"
    odoo.login(server["db"], server["login"], server["password"])
    assert odoo.env.uid > 0

    assert "res.partner" in odoo.env
    assert "no.such.model" not in odoo.env
    Partner = odoo.env["res.partner"]
    company_id = Partner.create({"name": "Acme Corp", "is_company": True, "city": "Madrid"})
    contact_id = Partner.create({"name": "Ana Pérez", "parent_id": company_id, "email": "ana@acme.example"})
    other_id = Partner.create({"name": "Bruno", "city": "Lima"})

    found = Partner.search_read(["|", ("name", "ilike", "pérez"), ("city", "ilike", "lim")], ["name", "email"], limit=80)
    assert sorted(r["name"] for r in found) == ["Ana Pérez", "Bruno"]
    assert {r["name"]: r["email"] for r in found}["Bruno"] is False

    contact = Partner.browse(contact_id)
    assert contact.name == "Ana Pérez"
    assert contact.parent_id.name == "Acme Corp"
    assert contact.parent_id.id == company_id
    assert not Partner.browse(other_id).parent_id  # an empty many2one (odoorpc asks default_get)

    contact.email = "ana.perez@acme.example"
    assert Partner.read([contact_id], ["email"])[0]["email"] == "ana.perez@acme.example"
    Partner.write([other_id], {"city": "Cuenca"})
    assert Partner.search_count([("city", "=", "Cuenca")]) == 1

    Partner.unlink([other_id])
    assert Partner.search([("id", "=", other_id)]) == []

    with pytest.raises(odoorpc.error.RPCError) as raised:
        Partner.search([("no_such_field", "=", 1)])
    assert "no_such_field" in str(raised.value)
    odoo.logout()


def test_wrong_password_is_refused(server):
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
    with pytest.raises(odoorpc.error.RPCError):
        odoo.login(server["db"], server["login"], "wrong password")


def test_external_api_calls(server):
    url, db = server["url"], server["db"]
    assert jsonrpc(url, "common", "version")["result"]["server_version"] == "17.0"
    uid = jsonrpc(url, "common", "login", db, server["login"], server["password"])["result"]
    assert isinstance(uid, int) and uid > 0
    assert jsonrpc(url, "common", "login", db, server["login"], "nope")["result"] is False
    created = jsonrpc(url, "object", "execute_kw", db, uid, server["password"], "res.partner", "create", [{"name": "Raw Client"}])
    rows = jsonrpc(url, "object", "execute_kw", db, uid, server["password"], "res.partner", "search_read",
                   [[["id", "=", created["result"]]]], {"fields": ["name", "parent_id"]})["result"]
    assert rows == [{"id": created["result"], "name": "Raw Client", "parent_id": False}]
    denied = jsonrpc(url, "object", "execute_kw", db, uid, "bad", "res.partner", "search", [[]])
    assert denied["error"]["data"]["name"] == "odoo.exceptions.AccessDenied"
    assert jsonrpc(url, "db", "list")["result"] == [db]
    injected = jsonrpc(url, "object", "execute_kw", db, uid, server["password"], "res.partner", "search_read",
                       [[["name", "=", "x'); DROP TABLE res_partner; --"]]], {"order": "name"})
    assert injected["result"] == []
    assert jsonrpc(url, "object", "execute_kw", db, uid, server["password"], "res.partner", "search_count", [[]])["result"] >= 1


def test_user_groups_and_spanish(server):
    """What odoorpc users check first: their groups (Embudo's access levels as Odoo's sales groups), the Spanish
    languages, and the language read back from the user's context."""
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
    odoo.login(server["db"], server["login"], server["password"])
    assert odoo.env.user.has_group("sales_team.group_sale_manager") is True
    assert odoo.env.user.has_group("base.group_portal") is False
    codes = {lang["code"] for lang in odoo.env["res.lang"].search_read([("active", "=", True)], ["code"])}
    assert {"es_MX", "es_ES", "es_419", "en_US"} <= codes
    assert odoo.env.ref("base.lang_es_419").code == "es_419"


def test_reference_data_and_external_ids(server):
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
    odoo.login(server["db"], server["login"], server["password"])
    mexico = odoo.env.ref("base.mx")
    assert mexico.name == "Mexico" and mexico.code == "MX"
    assert mexico.currency_id.name == "MXN"
    assert odoo.env["res.country.state"].search_count([("country_id.code", "=", "MX")]) >= 32
    assert odoo.env.ref("base.USD").symbol == "$"
    assert odoo.env.ref("base.lang_es").code == "es_ES"
    Partner = odoo.env["res.partner"]
    jalisco = odoo.env["res.country.state"].search([("code", "=", "JAL"), ("country_id", "=", mexico.id)])
    doctor = odoo.env.ref("base.res_partner_title_doctor")
    partner_id = Partner.create({"name": "Tequila SA", "country_id": mexico.id, "state_id": jalisco[0], "title": doctor.id})
    assert Partner.browse(partner_id).title.shortcut == "Dr."
    assert Partner.browse(partner_id).state_id.name == "Jalisco"
    assert Partner.search([("country_id.code", "=", "MX")]) == [partner_id]
    with pytest.raises(odoorpc.error.RPCError):
        odoo.env["res.country"].create({"name": "Atlantis", "code": "AT"})
