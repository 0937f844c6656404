import EmbudoMIME
import EmbudoMail
import NIOCore
import NIOPosix
import Synchronization
import Testing

/// The SMTP client against a real (scripted) SMTP server on a local port.
struct SMTPClientTests {
    let mail = FormattedMail(
        sender: "crm@example.com", recipients: ["ana@example.com", "bob@example.com"],
        content: "Subject: test\r\n\r\n.leading dot\r\nbody\r\n", messageID: "<x@example.com>"
    )

    func client(_ server: ScriptedSMTPServer, security: SMTPConfiguration.Security = .none, timeout: Duration = .seconds(10)) throws -> SMTPClient {
        try SMTPClient(configuration: SMTPConfiguration(
            host: "127.0.0.1", port: server.port, security: security, heloName: "client.test", commandTimeout: timeout
        ))
    }

    @Test func sendsOneTransaction() async throws {
        let server = try await ScriptedSMTPServer { standardReply($0) }
        defer { Task { await server.stop() } }
        try await client(server).send(mail)
        #expect(server.commands == [
            "EHLO client.test", "MAIL FROM:<crm@example.com>", "RCPT TO:<ana@example.com>", "RCPT TO:<bob@example.com>", "DATA", "QUIT",
        ])
        // The line starting with a dot arrived stuffed.
        #expect(server.data == ["Subject: test\r\n\r\n..leading dot\r\nbody\r\n"])
    }

    @Test func fallsBackToHELO() async throws {
        let server = try await ScriptedSMTPServer { command in
            command.hasPrefix("EHLO") ? "500 5.5.1 What?" : standardReply(command)
        }
        defer { Task { await server.stop() } }
        try await client(server).send(mail)
        #expect(server.commands.prefix(3) == ["EHLO client.test", "HELO client.test", "MAIL FROM:<crm@example.com>"])
    }

    @Test func readsMultiLineReplies() async throws {
        let server = try await ScriptedSMTPServer(greeting: "220-scripted.test\r\n220-second line\r\n220 ready") { command in
            command.hasPrefix("MAIL") ? "250-OK\r\n250-really\r\n250 fine" : standardReply(command)
        }
        defer { Task { await server.stop() } }
        try await client(server).send(mail)
        #expect(server.data.count == 1)
    }

    @Test func attemptsSTARTTLSWhenConfigured() async throws {
        let server = try await ScriptedSMTPServer { command in
            command == "STARTTLS" ? "454 4.7.0 TLS not available due to temporary reason" : standardReply(command, extensions: ["STARTTLS"])
        }
        defer { Task { await server.stop() } }
        let error = await #expect(throws: SMTPError.self) { try await client(server, security: .starttls).send(mail) }
        #expect(server.commands == ["EHLO client.test", "STARTTLS"])
        #expect(error?.isPermanent == false)
        guard case .rejected(.startTLS, let reply) = error else { Issue.record("unexpected \(String(describing: error))"); return }
        #expect(reply.code == 454)
    }

    @Test func refusesToGoOnWithoutSTARTTLS() async throws {
        let server = try await ScriptedSMTPServer { standardReply($0) }
        defer { Task { await server.stop() } }
        let error = await #expect(throws: SMTPError.self) { try await client(server, security: .starttls).send(mail) }
        #expect(server.commands == ["EHLO client.test"])
        guard case .tls = error else { Issue.record("unexpected \(String(describing: error))"); return }
    }

    @Test func failedHandshakeIsTransient() async throws {
        // The server agrees to STARTTLS, then answers the handshake in plain text.
        let server = try await ScriptedSMTPServer { command in
            command == "STARTTLS" ? "220 Go ahead" : command.hasPrefix("EHLO") ? standardReply(command, extensions: ["STARTTLS"]) : "250 OK"
        }
        defer { Task { await server.stop() } }
        let error = await #expect(throws: SMTPError.self) { try await client(server, security: .starttls).send(mail) }
        #expect(error?.isPermanent == false)
        guard case .tls = error else { Issue.record("unexpected \(String(describing: error))"); return }
        #expect(!server.commands.contains { $0.hasPrefix("MAIL") })
    }

    @Test func transientAndPermanentRejections() async throws {
        let busy = try await ScriptedSMTPServer { command in
            command.hasPrefix("MAIL") ? "451 4.3.0 Try again later" : standardReply(command)
        }
        defer { Task { await busy.stop() } }
        let transient = await #expect(throws: SMTPError.self) { try await client(busy).send(mail) }
        #expect(transient?.isPermanent == false)

        let refusing = try await ScriptedSMTPServer { command in
            command == "RCPT TO:<bob@example.com>" ? "550 5.1.1 No such user" : standardReply(command)
        }
        defer { Task { await refusing.stop() } }
        let permanent = await #expect(throws: SMTPError.self) { try await client(refusing).send(mail) }
        #expect(permanent?.isPermanent == true)
        #expect(permanent?.description.contains("bob@example.com") == true)
        // A refused recipient stops the message before DATA.
        #expect(!refusing.commands.contains("DATA"))

        let contentRefused = try await ScriptedSMTPServer { command in
            command == "." ? "554 5.7.1 Message rejected as spam" : standardReply(command)
        }
        defer { Task { await contentRefused.stop() } }
        let spam = await #expect(throws: SMTPError.self) { try await client(contentRefused).send(mail) }
        #expect(spam?.isPermanent == true)

        let unwelcoming = try await ScriptedSMTPServer(greeting: "554 5.3.2 Not now") { standardReply($0) }
        defer { Task { await unwelcoming.stop() } }
        let greeting = await #expect(throws: SMTPError.self) { try await client(unwelcoming).send(mail) }
        // A 5xx before the transaction is about the relay, not the message: retried.
        #expect(greeting?.isPermanent == false)
    }

    @Test func silentServerTimesOut() async throws {
        let server = try await ScriptedSMTPServer(greeting: nil) { standardReply($0) }
        defer { Task { await server.stop() } }
        let error = await #expect(throws: SMTPError.self) { try await client(server, timeout: .milliseconds(300)).send(mail) }
        #expect(error == SMTPError.timeout(.greeting))
    }

    @Test func refusedConnectionIsTransient() async throws {
        // Nothing listens on port 1 (a port freed by a test server could be taken by another test's).
        let client = try SMTPClient(configuration: SMTPConfiguration(
            host: "127.0.0.1", port: 1, connectTimeout: .seconds(2), commandTimeout: .seconds(2)
        ))
        let error = await #expect(throws: SMTPError.self) { try await client.send(mail) }
        guard case .connectionFailed = error else { Issue.record("unexpected \(String(describing: error))"); return }
        #expect(error?.isPermanent == false)
    }

    @Test func configurationIsChecked() {
        #expect(throws: SMTPConfigurationError.authenticationWithoutTLS) {
            try SMTPClient(configuration: SMTPConfiguration(host: "relay", username: "u", password: "p"))
        }
        #expect(throws: SMTPConfigurationError.missingPassword) {
            try SMTPClient(configuration: SMTPConfiguration(host: "relay", security: .starttls, username: "u"))
        }
        #expect(throws: SMTPConfigurationError.self) {
            try SMTPClient(configuration: SMTPConfiguration(host: "relay", security: .tls, caFile: "/nonexistent/ca.pem"))
        }
        let configuration = SMTPConfiguration(host: "relay", security: .tls, username: "u", password: "hunter2")
        #expect(!configuration.description.contains("hunter2"))
    }
}

/// Replies and EHLO extensions.
struct SMTPReplyTests {
    @Test func multiLineReply() throws {
        var parser = SMTPReplyParser()
        #expect(try parser.feed("250-relay.example.com Hello") == nil)
        #expect(parser.isInsideReply)
        #expect(try parser.feed("250-AUTH PLAIN LOGIN") == nil)
        let reply = try parser.feed("250 STARTTLS")
        #expect(reply == SMTPReply(code: 250, lines: ["relay.example.com Hello", "AUTH PLAIN LOGIN", "STARTTLS"]))
        #expect(!parser.isInsideReply)
        #expect(try parser.feed("354") == SMTPReply(code: 354, lines: [""]))
    }

    @Test(arguments: ["hello", "25", "2500 x", "600 too high", "1xx", "250_x"])
    func malformedLines(_ line: String) {
        var parser = SMTPReplyParser()
        #expect(throws: SMTPError.self) { try parser.feed(line) }
    }

    @Test func codeMustNotChangeWithinAReply() throws {
        var parser = SMTPReplyParser()
        _ = try parser.feed("250-first")
        #expect(throws: SMTPError.self) { try parser.feed("550 second") }
    }

    @Test func extensions() {
        let reply = SMTPReply(code: 250, lines: ["relay Hello", "SIZE 1000", "auth login Plain", "AUTH=CRAM-MD5", "STARTTLS"])
        let extensions = SMTPExtensions(reply)
        #expect(extensions.startTLS)
        #expect(extensions.authentication == ["LOGIN", "PLAIN", "CRAM-MD5"])
        #expect(SMTPExtensions(SMTPReply(code: 250, lines: ["STARTTLS as greeting text"])).startTLS == false)
    }

    @Test func permanence() {
        let refused = SMTPReply(code: 550, lines: ["no"])
        let later = SMTPReply(code: 451, lines: ["later"])
        #expect(SMTPError.rejected(.recipient, refused).isPermanent)
        #expect(SMTPError.rejected(.message, refused).isPermanent)
        #expect(!SMTPError.rejected(.recipient, later).isPermanent)
        #expect(!SMTPError.rejected(.authentication, SMTPReply(code: 535, lines: ["bad credentials"])).isPermanent)
        #expect(!SMTPError.timeout(.data).isPermanent)
        #expect(!SMTPError.tls("handshake").isPermanent)
    }
}
