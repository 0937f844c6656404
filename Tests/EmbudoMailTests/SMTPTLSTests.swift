import EmbudoMIME
import EmbudoMail
import Foundation
import NIOSSL
import Testing

/// The SMTP client's TLS and AUTH against the scripted server speaking real TLS: implicit TLS,
/// STARTTLS followed by AUTH, certificate verification.
struct SMTPTLSTests {
    /// A self-signed certificate for 127.0.0.1 and localhost (valid until 2126) and its key, made for
    /// these tests only (`openssl req -x509 -newkey ec ... -addext subjectAltName=IP:127.0.0.1`).
    static let certificate = """
        -----BEGIN CERTIFICATE-----
        MIIBqjCCAVGgAwIBAgIUR0vSai0hSY6HYSPUUKZRgaGRCSYwCgYIKoZIzj0EAwIw
        HDEaMBgGA1UEAwwRRW1idWRvIHRlc3QgcmVsYXkwIBcNMjYxMTI3MjM0NjA0WhgP
        MjEyNjExMDMyMzQ2MDRaMBwxGjAYBgNVBAMMEUVtYnVkbyB0ZXN0IHJlbGF5MFkw
        EwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEzMj+rwsnQOO0AU4y6jYCjrzUapdNtbV6
        SjY2ypQrV41joayIz6HPUFS+2aRhGziaZ90LAP8798vWJb7/7uxFTqNvMG0wHQYD
        VR0OBBYEFLRWjcQkgFrwoof5fslvZywBIYziMB8GA1UdIwQYMBaAFLRWjcQkgFrw
        oof5fslvZywBIYziMA8GA1UdEwEB/wQFMAMBAf8wGgYDVR0RBBMwEYcEfwAAAYIJ
        bG9jYWxob3N0MAoGCCqGSM49BAMCA0cAMEQCIC1iw3SCGVawAJZU5oZ8LZDEIZSK
        WO2/B54kwj1wRCCxAiBZDxO8Z01/Q9nK9Xf8MFt1/cadPmafGf4qFsNZ7pYSAw==
        -----END CERTIFICATE-----

        """
    static let privateKey = """
        -----BEGIN PRIVATE KEY-----
        MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg1vvZ/pM+kmPAscKg
        +GIwVNB2qjJ4WMsueaN9VPUUTSKhRANCAATMyP6vCydA47QBTjLqNgKOvNRql021
        tXpKNjbKlCtXjWOhrIjPoc9QVL7ZpGEbOJpn3QsA/zv3y9Ylvv/u7EVO
        -----END PRIVATE KEY-----

        """

    let mail = FormattedMail(
        sender: "crm@example.com", recipients: ["ana@example.com"], content: "Subject: tls\r\n\r\nbody\r\n", messageID: "<t@example.com>"
    )

    static func serverContext() throws -> NIOSSLContext {
        try NIOSSLContext(configuration: .makeServerConfiguration(
            certificateChain: [.certificate(NIOSSLCertificate(bytes: Array(certificate.utf8), format: .pem))],
            privateKey: .privateKey(NIOSSLPrivateKey(bytes: Array(privateKey.utf8), format: .pem))
        ))
    }

    /// The certificate in a file, as `--smtp-ca-file` takes it.
    static func caFile() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("embudo-smtp-ca-\(UUID().uuidString).pem").path
        try certificate.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func client(_ server: ScriptedSMTPServer, _ security: SMTPConfiguration.Security, caFile: String? = nil, verify: Bool = true,
                user: String? = nil, password: String? = nil) throws -> SMTPClient {
        try SMTPClient(configuration: SMTPConfiguration(
            host: "127.0.0.1", port: server.port, security: security, username: user, password: password,
            caFile: caFile, verifyCertificates: verify, heloName: "client.test"
        ))
    }

    @Test func implicitTLSWithATrustedCA() async throws {
        let server = try await ScriptedSMTPServer(tls: Self.serverContext(), implicitTLS: true) { standardReply($0) }
        defer { Task { await server.stop() } }
        let ca = try Self.caFile()
        defer { try? FileManager.default.removeItem(atPath: ca) }
        try await client(server, .tls, caFile: ca).send(mail)
        #expect(server.data == ["Subject: tls\r\n\r\nbody\r\n"])
    }

    @Test func startTLSThenAuthLogin() async throws {
        let server = try await ScriptedSMTPServer(tls: Self.serverContext()) { command in
            switch command {
            case "STARTTLS": "220 Ready to start TLS"
            case "AUTH LOGIN": "334 VXNlcm5hbWU6"
            case "dXNlckBleGFtcGxlLmNvbQ==": "334 UGFzc3dvcmQ6"
            case "czNjcjN0": "235 2.7.0 Authentication successful"
            default: standardReply(command, extensions: ["STARTTLS", "AUTH LOGIN"])
            }
        }
        defer { Task { await server.stop() } }
        let ca = try Self.caFile()
        defer { try? FileManager.default.removeItem(atPath: ca) }
        try await client(server, .starttls, caFile: ca, user: "user@example.com", password: "s3cr3t").send(mail)
        #expect(server.commands == [
            "EHLO client.test", "STARTTLS", "<TLS>", "EHLO client.test",
            "AUTH LOGIN", "dXNlckBleGFtcGxlLmNvbQ==", "czNjcjN0",
            "MAIL FROM:<crm@example.com>", "RCPT TO:<ana@example.com>", "DATA", "QUIT",
        ])
    }

    @Test func authPlainWhenOffered() async throws {
        let server = try await ScriptedSMTPServer(tls: Self.serverContext(), implicitTLS: true) { command in
            command.hasPrefix("AUTH ") ? "235 2.7.0 Authentication successful" : standardReply(command, extensions: ["AUTH LOGIN PLAIN"])
        }
        defer { Task { await server.stop() } }
        try await client(server, .tls, verify: false, user: "user@example.com", password: "s3cr3t").send(mail)
        // base64("\0user@example.com\0s3cr3t")
        #expect(server.commands.contains("AUTH PLAIN AHVzZXJAZXhhbXBsZS5jb20AczNjcjN0"))
    }

    @Test func rejectedCredentialsAreNotTheMessagesFault() async throws {
        let server = try await ScriptedSMTPServer(tls: Self.serverContext(), implicitTLS: true) { command in
            command.hasPrefix("AUTH ") ? "535 5.7.8 Authentication credentials invalid" : standardReply(command, extensions: ["AUTH PLAIN"])
        }
        defer { Task { await server.stop() } }
        let error = await #expect(throws: SMTPError.self) {
            try await client(server, .tls, verify: false, user: "user@example.com", password: "wrong").send(mail)
        }
        #expect(error?.isPermanent == false)
        #expect(!server.commands.contains { $0.hasPrefix("MAIL") })
    }

    @Test func untrustedCertificateIsRefused() async throws {
        let server = try await ScriptedSMTPServer(tls: Self.serverContext(), implicitTLS: true) { standardReply($0) }
        defer { Task { await server.stop() } }
        // The system's trust roots do not know the test certificate.
        let error = await #expect(throws: SMTPError.self) { try await client(server, .tls).send(mail) }
        guard case .tls = error else { Issue.record("unexpected \(String(describing: error))"); return }
        #expect(error?.isPermanent == false)
        #expect(server.commands.isEmpty)
    }

    @Test func insecureModeSkipsVerification() async throws {
        let server = try await ScriptedSMTPServer(tls: Self.serverContext()) { command in
            command == "STARTTLS" ? "220 Go ahead" : standardReply(command, extensions: ["STARTTLS"])
        }
        defer { Task { await server.stop() } }
        try await client(server, .starttls, verify: false).send(mail)
        #expect(server.commands.prefix(4) == ["EHLO client.test", "STARTTLS", "<TLS>", "EHLO client.test"])
        #expect(server.data.count == 1)
    }
}
