"""A real SMTP relay for the outgoing mail tests: aiosmtpd on a free port of 127.0.0.1, with STARTTLS
(a self-signed certificate made here) and AUTH required, recording what it accepts."""
import datetime
import ipaddress
import os
import socket
import ssl
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

USER = "embudo-relay"
PASSWORD = "relay-secret-7"


def make_certificate(folder):
    """A self-signed certificate for 127.0.0.1 and localhost; returns (certificate file, key file)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Embudo test relay")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1)).not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = os.path.join(folder, "relay.pem"), os.path.join(folder, "relay.key")
    with open(cert_file, "wb") as f:
        f.write(certificate.public_bytes(serialization.Encoding.PEM))
    with open(key_file, "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return cert_file, key_file


class RecordingHandler:
    """Accepts mail, but refuses recipients named rejected@... for good (550) and busy@... once (451)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.messages = []
        self.refused = []
        self.busy_seen = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0]
        if local.startswith("rejected"):
            with self.lock:
                self.refused.append(address)
            return "550 5.1.1 <%s>: mailbox unavailable" % address
        if local.startswith("busy"):
            with self.lock:
                first = address not in self.busy_seen
                self.busy_seen.add(address)
            if first:
                return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append({
                "mail_from": envelope.mail_from,
                "rcpt_tos": list(envelope.rcpt_tos),
                "content": envelope.original_content or envelope.content,
                "tls": session.ssl is not None,
                "authenticated": bool(session.authenticated),
            })
        return "250 2.0.0 Accepted"

    def to(self, recipient):
        """The recorded messages sent to `recipient`, parsed, oldest first."""
        import email
        import email.policy
        with self.lock:
            return [dict(message, parsed=email.message_from_bytes(message["content"], policy=email.policy.default))
                    for message in self.messages if recipient in message["rcpt_tos"]]

    def find(self, subject):
        """The recorded messages whose Subject header is `subject` (decoded)."""
        import email
        import email.policy
        with self.lock:
            found = []
            for message in self.messages:
                parsed = email.message_from_bytes(message["content"], policy=email.policy.default)
                if parsed["Subject"] == subject:
                    found.append(dict(message, parsed=parsed))
            return found


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = getattr(auth_data, "login", None) == USER.encode() and getattr(auth_data, "password", None) == PASSWORD.encode()
    return AuthResult(success=ok)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(folder):
    """Starts the relay; returns (controller, handler, CA file to trust)."""
    cert_file, key_file = make_certificate(folder)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_file, key_file)
    handler = RecordingHandler()
    controller = Controller(
        handler, hostname="127.0.0.1", port=free_port(), server_hostname="relay.test",
        tls_context=context, require_starttls=True, auth_required=True, auth_require_tls=True, authenticator=authenticate,
    )
    controller.start()
    return controller, handler, cert_file
