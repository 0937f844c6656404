"""Odoo 19's JSON-2 API with a bearer API key, and API keys in place of passwords."""
import json
import urllib.error
import urllib.request

import odoorpc


def json2(server, model, method, body, key=None, headers=None):
    request = urllib.request.Request(
        f"{server['url']}/json/2/{model}/{method}", json.dumps(body).encode(),
        {"Content-Type": "application/json", "Authorization": f"bearer {key or server['api_key']}", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_json2_crud(server):
    status, created = json2(server, "res.partner", "create", {"vals_list": [{"name": "JSON-2 Co", "city": "Lima"}]})
    assert status == 200 and isinstance(created, list)
    status, rows = json2(server, "res.partner", "search_read",
                         {"domain": [["city", "=", "Lima"]], "fields": ["name"], "context": {"lang": "en_US"}})
    assert status == 200 and {"id": created[0], "name": "JSON-2 Co"} in rows
    status, _ = json2(server, "res.partner", "write", {"ids": created, "vals": {"city": "Quito"}},
                      headers={"X-Odoo-Database": server["db"]})
    assert status == 200
    status, read = json2(server, "res.partner", "read", {"ids": created, "fields": ["city"]})
    assert read[0]["city"] == "Quito"


def test_json2_errors(server):
    assert json2(server, "res.partner", "search", {}, key="not-a-key")[0] == 401
    assert json2(server, "no.model", "search", {})[0] == 404
    assert json2(server, "res.partner", "no_method", {})[0] == 404
    status, error = json2(server, "res.partner", "search", {"domain": [["nope", "=", 1]]})
    assert status == 422 and error["name"] == "odoo.exceptions.ValidationError"
    assert json2(server, "res.partner", "search", {}, headers={"X-Odoo-Database": "other"})[0] == 404


def test_doc_bearer_lists_parameter_names(server):
    with urllib.request.urlopen(server["url"] + "/doc-bearer/res.partner.json") as answer:
        doc = json.loads(answer.read())
    assert doc["methods"]["create"]["parameters"] == ["vals_list"]
    assert doc["methods"]["search_read"]["parameters"][:2] == ["domain", "fields"]
    assert doc["fields"]["name"]["type"] == "char"


def test_api_key_in_place_of_password(server):
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
    odoo.login(server["db"], server["login"], server["api_key"])
    assert odoo.env["res.partner"].search_count([]) >= 0
