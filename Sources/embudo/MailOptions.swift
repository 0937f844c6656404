import ArgumentParser
import EmbudoMail
import Foundation

/// The outgoing mail options of `embudo serve`. Each falls back to an environment variable
/// (`--smtp-host` → `EMBUDO_SMTP_HOST`, ...); without a host the delivery worker does not run and
/// messages stay queued.
struct MailOptions: ParsableArguments {
    @Option(name: .customLong("smtp-host"), help: "SMTP relay for outgoing mail (env EMBUDO_SMTP_HOST); none: mail stays queued.")
    var host: String?

    @Option(name: .customLong("smtp-port"), help: "SMTP port (env EMBUDO_SMTP_PORT; default 25).")
    var port: Int?

    @Option(
        name: .customLong("smtp-security"),
        help: "none, starttls or tls (implicit TLS) (env EMBUDO_SMTP_SECURITY; default tls on port 465, starttls on 587, else none)."
    )
    var security: String?

    @Option(name: .customLong("smtp-user"), help: "SMTP user for AUTH PLAIN/LOGIN (env EMBUDO_SMTP_USER); needs starttls or tls.")
    var user: String?

    @Option(name: .customLong("smtp-password"), help: "SMTP password (prefer env EMBUDO_SMTP_PASSWORD: options show in the process list).")
    var password: String?

    @Option(name: .customLong("smtp-ca-file"), help: "PEM file of certificate authorities to trust for the relay (env EMBUDO_SMTP_CA_FILE).")
    var caFile: String?

    @Flag(name: .customLong("smtp-insecure-tls"), help: "Do not verify the relay's certificate: for tests only (env EMBUDO_SMTP_INSECURE_TLS=1).")
    var insecureTLS = false

    @Option(name: .customLong("mail-poll-interval"), help: "Seconds between looks at the mail queue when it is empty (env EMBUDO_MAIL_POLL_INTERVAL; default 5).")
    var pollInterval: Double?

    @Option(name: .customLong("mail-retry-base"), help: "Seconds before a failed message's first retry, doubling each time up to an hour (env EMBUDO_MAIL_RETRY_BASE; default 60).")
    var retryBase: Double?

    /// The relay's settings; nil when no host is configured.
    func smtpConfiguration() throws -> SMTPConfiguration? {
        guard let host = host ?? Self.environment("EMBUDO_SMTP_HOST") else { return nil }
        let port = try self.port ?? Self.environment("EMBUDO_SMTP_PORT").map { text in
            guard let port = Int(text) else { throw ValidationError("EMBUDO_SMTP_PORT must be a number") }
            return port
        } ?? 25
        let security: SMTPConfiguration.Security
        if let text = self.security ?? Self.environment("EMBUDO_SMTP_SECURITY") {
            guard let value = SMTPConfiguration.Security(rawValue: text.lowercased()) else {
                throw ValidationError("--smtp-security must be none, starttls or tls")
            }
            security = value
        } else {
            security = port == 465 ? .tls : port == 587 ? .starttls : .none
        }
        let insecure = insecureTLS || ["1", "true", "yes"].contains(Self.environment("EMBUDO_SMTP_INSECURE_TLS")?.lowercased() ?? "")
        return SMTPConfiguration(
            host: host, port: port, security: security,
            username: user ?? Self.environment("EMBUDO_SMTP_USER"),
            password: password ?? Self.environment("EMBUDO_SMTP_PASSWORD"),
            caFile: caFile ?? Self.environment("EMBUDO_SMTP_CA_FILE"),
            verifyCertificates: !insecure,
            heloName: Self.hostName()
        )
    }

    /// The worker's pace.
    func deliveryConfiguration() throws -> MailDeliveryService.Configuration {
        var configuration = MailDeliveryService.Configuration()
        if let seconds = try Self.seconds(pollInterval, "EMBUDO_MAIL_POLL_INTERVAL", option: "--mail-poll-interval") {
            configuration.pollInterval = seconds
        }
        if let seconds = try Self.seconds(retryBase, "EMBUDO_MAIL_RETRY_BASE", option: "--mail-retry-base") {
            configuration.retryBase = seconds
        }
        return configuration
    }

    private static func seconds(_ value: Double?, _ variable: String, option: String) throws -> Duration? {
        guard let seconds = try value ?? environment(variable).map({ text in
            guard let number = Double(text) else { throw ValidationError("\(variable) must be a number of seconds") }
            return number
        }) else { return nil }
        guard seconds > 0, seconds <= 86_400 else { throw ValidationError("\(option) must be between 0 and 86400 seconds") }
        return .milliseconds(Int((seconds * 1000).rounded()))
    }

    private static func environment(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// This machine's name, for EHLO.
    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
    }
}
