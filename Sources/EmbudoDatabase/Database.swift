import PGClient

/// The service's access to PostgreSQL: a pool of connections running as `embudo_service`, and
/// transactions that carry the tenant context.
public final class Database: Sendable {
    /// The connection pool.
    public let pool: PGPool
    /// The longest a request's statement may run (`statement_timeout`).
    public let statementTimeout: Duration?

    /// Opens a pool for the service.
    ///
    /// - Parameters:
    ///   - conninfo: the service's connection string (see ``DatabaseEndpoints/serviceConninfo``).
    ///   - poolSize: connections in the pool.
    ///   - acquireTimeout: how long a request may wait for a connection.
    ///   - statementTimeout: the longest one statement may run.
    ///   - preparedStatements: prepare statements per connection (off behind pgbouncer < 1.21).
    public init(
        conninfo: String,
        poolSize: Int = 4,
        acquireTimeout: Duration = .seconds(10),
        statementTimeout: Duration? = .seconds(30),
        preparedStatements: Bool = true
    ) {
        self.statementTimeout = statementTimeout
        self.pool = PGPool(.init(
            conninfo: conninfo,
            size: poolSize,
            acquireTimeout: acquireTimeout,
            connectionOptions: .init(preparedStatements: preparedStatements),
            connectionSetup: { try ServiceRole.prepare($0) }
        ))
    }

    /// Runs `body` in one transaction that acts as `context`.
    ///
    /// The context, `BEGIN` and the body's first statement travel in one round trip. Serialization
    /// failures, deadlocks and connections lost before commit are retried (the body runs again).
    public func transaction<T: Sendable>(
        as context: TenantContext,
        readOnly: Bool = false,
        _ body: @escaping @Sendable (PGConnection) throws -> T
    ) async throws -> T {
        try await pool.transaction(prelude: [context.statement(timeout: statementTimeout)], readOnly: readOnly, body)
    }

    /// Runs one statement acting as `context`, in a transaction of its own that travels in one round trip
    /// (`BEGIN`, context, statement, `COMMIT`); `decode` reads the result.
    public func single<T: Sendable>(
        _ query: PGQuery,
        as context: TenantContext,
        readOnly: Bool = true,
        _ decode: @escaping @Sendable (PGResult) throws -> T
    ) async throws -> T {
        try await pool.single(query, prelude: [context.statement(timeout: statementTimeout)], readOnly: readOnly, decode)
    }

    /// Runs `body` in a transaction with no tenant context: tenant tables show no rows. For looking up
    /// identities (log in) and for health checks.
    public func withoutTenant<T: Sendable>(
        readOnly: Bool = true,
        _ body: @escaping @Sendable (PGConnection) throws -> T
    ) async throws -> T {
        try await pool.transaction(prelude: [TenantContext.none(timeout: statementTimeout)], readOnly: readOnly, body)
    }

    /// Runs a trivial statement; throws when PostgreSQL cannot be reached or the service role cannot be
    /// used (a wrong address or login, an unmigrated database). The server calls it on start to fail fast.
    public func checkConnection() async throws {
        _ = try await pool.withConnection { connection in
            try connection.query("SELECT 1")
            return true
        }
    }

    /// The PostgreSQL database's name (what Odoo clients call the `db`).
    public func databaseName() async throws -> String {
        try await withoutTenant { try $0.query("SELECT current_database()::text")[0].decode(String.self, at: 0) }
    }

    /// Whether PostgreSQL answers now (for health checks).
    public func isReachable() async -> Bool {
        (try? await checkConnection()) != nil
    }

    /// Closes the pool.
    public func shutdown() {
        pool.shutdown()
    }
}
