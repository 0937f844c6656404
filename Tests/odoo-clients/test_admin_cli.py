"""The administration command line against the running service: users, API keys, company disable,
backup and restore."""
import os
import subprocess
import tempfile

import odoorpc
import pytest

from conftest import cli


def login(server, user, password):
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
    odoo.login(server["db"], user, password)
    return odoo


def test_users_keys_and_company_disable(server):
    cli(server, "company", "create", "Ops Test Co")
    invited = cli(server, "user", "invite", "--login", "opsuser", "--company", "Ops Test Co", "--access", "own")
    password = invited.stdout.strip().splitlines()[-1]
    assert login(server, "opsuser", password).env.uid
    new_password = cli(server, "user", "reset-password", "--login", "opsuser").stdout.strip().splitlines()[-1]
    with pytest.raises(odoorpc.error.RPCError):
        login(server, "opsuser", password)
    odoo = login(server, "opsuser", new_password)
    assert odoo.env["crm.lead"].search_count([]) == 0

    key = cli(server, "user", "api-key", "create", "--login", "opsuser", "--name", "script").stdout.strip().splitlines()[-1]
    assert "script" in cli(server, "user", "api-key", "list", "--login", "opsuser").stdout
    assert login(server, "opsuser", key).env.uid
    cli(server, "user", "api-key", "revoke", "--login", "opsuser", "--name", "script")
    with pytest.raises(odoorpc.error.RPCError):
        login(server, "opsuser", key)

    cli(server, "user", "access", "--login", "opsuser", "--company", "Ops Test Co", "--access", "admin")
    lead = odoo.env["crm.lead"].create({"name": "Before disabling"})
    cli(server, "company", "disable", "Ops Test Co")
    with pytest.raises(odoorpc.error.RPCError):
        odoo.env["crm.lead"].read([lead], ["name"])
    cli(server, "company", "enable", "Ops Test Co")
    assert login(server, "opsuser", new_password).env["crm.lead"].read([lead], ["name"])[0]["name"] == "Before disabling"
    cli(server, "user", "access", "--login", "opsuser", "--company", "Ops Test Co", "--access", "none")
    with pytest.raises(odoorpc.error.RPCError):
        login(server, "opsuser", new_password).env["crm.lead"].search([])


def test_a_company_created_in_spanish_reads_in_spanish(server):
    """`embudo company create --lang es_MX`: its stages, team, lost reasons, activity types and payment terms are
    Spanish, its currency is the peso; an unknown language is refused with a clear message."""
    cli(server, "company", "create", "Muebles del Bajío", "--lang", "es_MX")
    password = cli(server, "user", "invite", "--login", "ana.bajio", "--company", "Muebles del Bajío",
                   "--access", "admin").stdout.strip().splitlines()[-1]
    odoo = login(server, "ana.bajio", password)
    env = odoo.env
    assert [s["name"] for s in env["crm.stage"].search_read([], ["name"])] == ["Nuevo", "Calificado", "Propuesta", "Ganado"]
    assert [t["name"] for t in env["crm.team"].search_read([], ["name"])] == ["Ventas"]
    assert "Demasiado caro" in [r["name"] for r in env["crm.lost.reason"].search_read([], ["name"])]
    assert "Llamada" in [t["name"] for t in env["mail.activity.type"].search_read([], ["name"])]
    assert "30 días" in [t["name"] for t in env["account.payment.term"].search_read([], ["name"])]
    [company] = env["res.company"].search_read([], ["lang", "currency_id"])
    assert company["lang"] == "es_MX" and company["currency_id"][1] == "MXN"
    refused = cli(server, "company", "create", "Nowhere Co", "--lang", "xx_XX", check=False)
    assert refused.returncode != 0 and "unknown language xx_XX" in refused.stderr


def test_backup_and_restore(server):
    work = tempfile.mkdtemp(prefix="embudo-backup-")
    os.chmod(work, 0o777)
    backup = os.path.join(work, "embudo.dump")
    result = cli(server, "backup", "--output", backup)
    assert os.path.getsize(backup) > 10000 and "reading" in result.stderr.lower()
    # Restore into a fresh database of the same cluster and read it back.
    run = os.path.join(server["cluster"], "run")
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
    subprocess.run(as_postgres + ["createdb", "-h", run, "-U", "postgres", "restored"], check=True, capture_output=True)
    restored = subprocess.run([server["binary"], "restore", "--input", backup, "--database-url", f"host={run} user=postgres dbname=restored"],
                              env=server["env"], capture_output=True, text=True)
    assert restored.returncode == 0, restored.stderr[-2000:]
    count = subprocess.run(as_postgres + ["psql", "-h", run, "-U", "postgres", "-d", "restored", "-At", "-c", "SELECT count(*) FROM res_company"],
                           check=True, capture_output=True, text=True)
    assert int(count.stdout) >= 1
