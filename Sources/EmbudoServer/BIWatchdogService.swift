import EmbudoDatabase
import Logging
import PGClient
import ServiceLifecycle

/// Enforces BI logins' limits from outside their sessions: a BI login may `SET` its statement timeout,
/// parallel workers or read-only default away, but not this. Until the application shuts down, it calls
/// `embudo.bi_watchdog` every ``Configuration/interval``: statements of BI logins running past
/// ``Configuration/statementTimeout`` or with parallel workers are cancelled, and sessions that wrote
/// something or sat idle in a transaction past the limit are ended. Each server process runs one; several
/// are harmless (the second finds nothing left to stop).
public struct BIWatchdogService: Service {
    /// The watchdog's limits.
    public struct Configuration: Sendable, Equatable {
        /// The longest a BI statement may run (and a BI transaction may sit idle).
        public var statementTimeout: Duration
        /// The pause between checks.
        public var interval: Duration

        public init(statementTimeout: Duration = .seconds(60), interval: Duration = .seconds(5)) {
            self.statementTimeout = statementTimeout
            self.interval = interval
        }
    }

    /// A BI session the watchdog stopped.
    public struct Stopped: Sendable, Hashable {
        public var pid: Int
        public var login: String
        /// `statement timeout`, `parallel workers`, `wrote` or `idle in transaction`.
        public var reason: String
    }

    let database: Database
    public let configuration: Configuration
    let logger: Logger

    public init(database: Database, configuration: Configuration = .init(), logger: Logger) {
        self.database = database
        self.configuration = configuration
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                for session in try await check() {
                    logger.warning("BI session stopped", metadata: ["pid": "\(session.pid)", "login": "\(session.login)", "reason": "\(session.reason)"])
                }
            } catch {
                logger.error("BI watchdog: cannot check the BI sessions: \(error)")
            }
            _ = try? await cancelWhenGracefulShutdown { try await Task.sleep(for: configuration.interval) }
        }
    }

    /// Checks the BI sessions once and stops those past their limits.
    @discardableResult
    public func check() async throws -> [Stopped] {
        let milliseconds = Int(configuration.statementTimeout.components.seconds * 1000
            + configuration.statementTimeout.components.attoseconds / 1_000_000_000_000_000)
        let query: PGQuery = "SELECT pid, login, reason FROM embudo.bi_watchdog(make_interval(secs => \(milliseconds)::float8 / 1000))"
        return try await database.withoutTenant(readOnly: false) { connection in
            try connection.query(query).map { row in
                let (pid, login, reason) = try row.decode((Int, String, String).self)
                return Stopped(pid: pid, login: login, reason: reason)
            }
        }
    }
}
