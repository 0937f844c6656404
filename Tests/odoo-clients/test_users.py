"""Company administrators invite users and set their access level through the API."""
import odoorpc
import pytest


def login(server, user, password):
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
    odoo.login(server["db"], user, password)
    return odoo


def test_invite_and_set_access_level(server):
    admin = login(server, server["login"], server["password"])
    Users = admin.env["res.users"]
    bea = Users.create({"login": "bea", "name": "Bea", "email": "bea@demo.example", "password": "bea-secret-1", "access_level": "own"})
    assert bea > 0

    as_bea = login(server, "bea", "bea-secret-1")
    assert as_bea.env["res.partner"].search_count([]) >= 0
    # Not an administrator: she may not invite anyone.
    with pytest.raises(odoorpc.error.RPCError):
        as_bea.env["res.users"].create({"login": "eve", "password": "eve-secret-1"})

    # Her colleagues see her; the administrator cannot demote themself.
    assert admin.env["res.users"].search([("login", "=", "bea")]) == [bea]
    with pytest.raises(odoorpc.error.RPCError):
        Users.set_access_level([admin.env.uid], "own")

    Users.set_access_level([bea], False)
    with pytest.raises(odoorpc.error.RPCError):
        login(server, "bea", "bea-secret-1").env["res.partner"].search_count([])
