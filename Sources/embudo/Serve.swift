import ArgumentParser
import CoreMetrics
import EmbeddedPostgres
import EmbudoDatabase
import EmbudoMail
import EmbudoModel
import EmbudoObservability
import EmbudoServer
import Foundation
import Hummingbird
import Logging
import PGClient
import ServiceLifecycle

/// `embudo serve`: runs the HTTP service (the default command).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the Embudo service.")

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8069
    @Option(help: "Database connections in the service's pool.") var poolSize = 4
    @Flag(help: "Do not apply pending migrations on start.") var noMigrate = false
    @Option(help: "Log level (trace, debug, info, notice, warning, error, critical).") var logLevel: Logger.Level = .info
    @Flag(help: "Send statements without preparing them on the server (for pgbouncer before 1.21 in transaction mode; or $EMBUDO_NO_PREPARED_STATEMENTS=1).")
    var noPreparedStatements = false
    @Option(help: "Log lines as text or json (one object per line); default: $EMBUDO_LOG_FORMAT, else text.") var logFormat: LogFormat?
    @Option(help: "The address customers reach the service at, for links in e-mails (default: http://<host>:<port>, or $EMBUDO_PUBLIC_URL).")
    var publicURL: String?
    @Option(help: "The address Embudo's own mail (invitations, activation links) comes from: a domain of the operator's, never a tenant's (default: $EMBUDO_SYSTEM_MAIL_FROM, else noreply@<the public URL's host> when it is a domain name, else noreply@localhost).")
    var systemMailFrom: String?
    @Option(help: "The web client's folder (default: $EMBUDO_WEB_ROOT, else ./web, else web/ above the executable).")
    var webRoot: String?

    @OptionGroup var database: DatabaseOptions
    @OptionGroup(title: "Outgoing mail") var mail: MailOptions
    @OptionGroup(title: "Logins and BI limits") var access: AccessOptions

    func validate() throws {
        guard (1...200).contains(poolSize) else { throw ValidationError("--pool-size must be between 1 and 200") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let format = try logFormat ?? LogFormat.fromEnvironment()
        LoggingSystem.bootstrap { [logLevel] label in format.handler(label: label, level: logLevel) }
        let metrics = PrometheusRegistry()
        MetricsSystem.bootstrap(metrics)
        let logger = Logger(label: "embudo")
        // Outgoing mail's settings are checked before anything starts.
        let smtp: SMTPClient?
        let delivery = try mail.deliveryConfiguration()
        do {
            smtp = try mail.smtpConfiguration().map { configuration throws(SMTPConfigurationError) in try SMTPClient(configuration: configuration) }
        } catch let error as SMTPConfigurationError {
            throw CommandError("outgoing mail: \(error)")
        }
        let location = database.location
        if case .embedded(let directory) = location {
            logger.info("No database configured: using the embedded PostgreSQL cluster in \(directory)")
        }
        let endpoints = try DatabaseEndpoints.prepare(location, service: access.serviceConninfo)
        let proxies = try access.trustedProxies()
        let watchdog = try access.biWatchdogConfiguration()
        var services: [any Service] = []
        if endpoints.startedCluster, let cluster = endpoints.embedded {
            services.append(EmbeddedClusterService(cluster: cluster))
        }
        do {
            let admin = try PGConnection(conninfo: endpoints.adminConninfo)
            if !noMigrate {
                let outcome = try Migrator(directory: SQLDirectory.locate()).apply(admin)
                if !outcome.versions.isEmpty { logger.info("Applied migrations: \(outcome.versions.joined(separator: ", "))") }
                if !outcome.definitions.isEmpty { logger.info("Applied the definitions of sql/modules (\(outcome.definitions.count) files)") }
            }
            if let cluster = endpoints.embedded {
                try DemoData.seedIfEmpty(Administration(connection: admin), folder: cluster.configuration.directory, logger: logger)
            }
            let url = publicURL ?? ProcessInfo.processInfo.environment["EMBUDO_PUBLIC_URL"] ?? "http://\(host):\(port)"
            let sender = systemMailFrom ?? ProcessInfo.processInfo.environment["EMBUDO_SYSTEM_MAIL_FROM"] ?? Self.systemSender(publicURL: url)
            do {
                try Administration(connection: admin).setParameter("web.base.url", to: url)
                try Administration(connection: admin).setParameter("mail.system_from", to: sender)
            } catch {
                // Logged in as the service (no right to change parameters): `embudo migrate` sets it.
                logger.warning("Cannot record the public URL \(url) (web.base.url): \(error)")
            }
        } catch {
            if endpoints.startedCluster { try? endpoints.embedded?.stop() }
            throw error
        }

        let unprepared = noPreparedStatements || ProcessInfo.processInfo.environment["EMBUDO_NO_PREPARED_STATEMENTS"] == "1"
        let db = Database(conninfo: endpoints.serviceConninfo, poolSize: poolSize, preparedStatements: !unprepared)
        let databaseName: String
        do {
            databaseName = try await db.databaseName()
        } catch {
            db.shutdown()
            if endpoints.startedCluster { try? endpoints.embedded?.stop() }
            throw CommandError("the service cannot use the database: \(describe(error))")
        }
        var workers: [any Service] = []
        if let watchdog {
            workers.append(BIWatchdogService(database: db, configuration: watchdog, logger: Logger(label: "embudo.bi-watchdog")))
        } else {
            logger.notice("The BI watchdog is off (--bi-watchdog-interval 0): BI logins' limits are only their own settings")
        }
        if let smtp {
            logger.info("Outgoing mail: delivering through \(smtp.configuration)")
            workers.append(MailDeliveryService(
                queue: MailQueue(database: db), transport: smtp, configuration: delivery, logger: Logger(label: "embudo.mail")
            ))
        } else {
            logger.notice("Outgoing mail is not configured (no --smtp-host or EMBUDO_SMTP_HOST): messages stay queued")
        }
        let app = buildApplication(
            configuration: .init(host: host, port: port, webRoot: WebAssets.locate(configured: webRoot), trustedProxies: proxies),
            database: db,
            databaseName: databaseName,
            services: services,
            workers: workers,
            metrics: metrics,
            logger: logger,
            onServerRunning: { port in
                logger.notice("Embudo is listening on http://\(host):\(port)")
            }
        )
        try await app.runService()
    }

    private func describe(_ error: any Error) -> String {
        (error as? PGError)?.debugDescription ?? String(describing: error)
    }

    /// `noreply@<host>` for a public URL whose host is a domain name, else `noreply@localhost` (an IP
    /// address or a single label names no mail domain).
    static func systemSender(publicURL: String) -> String {
        let host = URL(string: publicURL)?.host?.lowercased() ?? ""
        let isDomain = host.contains(".") && !host.allSatisfy { $0.isNumber || $0 == "." } && !host.contains(":")
        return "noreply@" + (isDomain ? host : "localhost")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
extension LogFormat: ExpressibleByArgument {}

extension LogFormat {
    /// The format named by `$EMBUDO_LOG_FORMAT`, or text when it is not set.
    static func fromEnvironment() throws -> LogFormat {
        guard let name = ProcessInfo.processInfo.environment[environmentVariable], !name.isEmpty else { return .text }
        guard let format = LogFormat(rawValue: name) else { throw ValidationError("\(environmentVariable) must be text or json") }
        return format
    }
}

/// The company and administrator that a new embedded database starts with.
enum DemoData {
    static func seedIfEmpty(_ administration: Administration, folder: String, logger: Logger) throws {
        guard try administration.companies().isEmpty else { return }
        let company = try administration.createCompany(named: "Demo")
        let password = randomPassword()
        let user = try administration.ensureUser(login: "admin", password: password, name: "Administrator")
        try administration.grant(user: user.id, company: company.id, access: .admin)
        let note = "login: admin\npassword: \(password)\ndatabase: \(DatabaseEndpoints.embeddedDatabaseName)\n"
        let file = folder + "/demo-login.txt"
        _ = FileManager.default.createFile(atPath: file, contents: Data(note.utf8), attributes: [.posixPermissions: 0o600])
        logger.notice("""
            A new embedded database was created with the company "Demo" and its administrator. \
            Log in with database "\(DatabaseEndpoints.embeddedDatabaseName)", login "admin", password "\(password)" \
            (saved in \(file)).
            """)
    }

    static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
