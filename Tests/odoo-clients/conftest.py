"""Runs the real Embudo server (debug build) on its own embedded PostgreSQL for the client tests."""
import json
import os
import pathlib
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest

import smtp_relay

ROOT = pathlib.Path(__file__).resolve().parents[2]
# The demo company's mail domain, assigned by the operator for the mail tests.
DEMO_DOMAIN = "demo-mail.example"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def relay():
    """The SMTP relay the server sends its outgoing mail through (STARTTLS and AUTH required)."""
    folder = tempfile.mkdtemp(prefix="embudo-relay-")
    controller, handler, ca_file = smtp_relay.start(folder)
    try:
        yield {"port": controller.port, "handler": handler, "ca_file": ca_file}
    finally:
        controller.stop()


@pytest.fixture(scope="session")
def server(relay):
    binary = ROOT / ".build" / "debug" / "embudo"
    assert binary.exists(), "build first: swift build --build-tests"
    home = tempfile.mkdtemp(prefix="embudo-e2e-")
    os.chmod(home, 0o755)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL" and not k.startswith("PG") and not k.startswith("EMBUDO_SMTP")}
    log = open(os.path.join(home, "server.log"), "w")
    mail = ["--smtp-host", "127.0.0.1", "--smtp-port", str(relay["port"]), "--smtp-security", "starttls",
            "--smtp-ca-file", relay["ca_file"], "--smtp-user", smtp_relay.USER, "--mail-poll-interval", "0.2", "--mail-retry-base", "1"]
    process = subprocess.Popen(
        [str(binary), "serve", "--port", str(port), "--embedded-directory", os.path.join(home, "cluster"), *mail],
        cwd=ROOT, env=dict(env, EMBUDO_SMTP_PASSWORD=smtp_relay.PASSWORD), stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                with urllib.request.urlopen(url + "/health", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("the server did not start: " + open(os.path.join(home, "server.log")).read())
        note = pathlib.Path(home, "cluster", "demo-login.txt").read_text()
        password = dict(line.split(": ", 1) for line in note.strip().splitlines())["password"]
        created = subprocess.run(
            [str(binary), "user", "api-key", "create", "--login", "admin", "--name", "client tests",
             "--embedded-directory", os.path.join(home, "cluster")],
            cwd=ROOT, env=env, capture_output=True, text=True, check=True,
        )
        api_key = created.stdout.strip().splitlines()[-1]
        yield {"url": url, "port": port, "db": "embudo", "login": "admin", "password": password, "api_key": api_key,
               "binary": str(binary), "cluster": os.path.join(home, "cluster"), "env": env,
               "log": os.path.join(home, "server.log")}
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def jsonrpc(url, service, method, *args):
    """A raw call, written as in Odoo's External API documentation."""
    body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": {"service": service, "method": method, "args": args}, "id": 1})
    request = urllib.request.Request(url + "/jsonrpc", body.encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        assert answer.status == 200
        return json.loads(answer.read())


def cli(server, *args, check=True):
    """Runs an `embudo` administration command against the server's cluster, as the operator would."""
    result = subprocess.run([server["binary"], *args, "--embedded-directory", server["cluster"]], env=server["env"],
                            capture_output=True, text=True)
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="session")
def demo_domain(server):
    """The demo company's mail domain: assigned by the operator (company administrators cannot)."""
    cli(server, "company", "set-domain", "--company", "Demo", "--domain", DEMO_DOMAIN)
    return DEMO_DOMAIN


def wait_until(condition, what, timeout=60):
    """Polls `condition` until it returns something true (returned), failing after `timeout` seconds:
    tests wait for the state they need, never for a duration."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, "timed out waiting for " + what
        time.sleep(0.05)


def operator_user(server, login, password, access="own", company="Demo", name=None):
    """A user created by the operator, who alone may set passwords (company administrators invite)."""
    cli(server, "user", "create", "--login", login, "--password", password, "--company", company, "--access", access,
        *(["--name", name] if name else []))


def wait_for_mail(relay, recipient, count=1, timeout=60):
    """The first `count` messages the relay received for `recipient`, once they have arrived."""
    found = wait_until(lambda: relay["handler"].to(recipient)[count - 1:] and relay["handler"].to(recipient),
                       f"{count} message(s) for {recipient}", timeout)
    return found[:count]
