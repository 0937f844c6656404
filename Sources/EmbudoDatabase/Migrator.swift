import PGClient
#if canImport(Glibc)
import Glibc
#endif

/// Applies Embudo's SQL to a database: the bootstrap script, then the migrations not yet applied and the
/// definitions of `modules/`, together in one transaction.
///
/// Migrations are history: each one is recorded in `embudo.schema_migrations` with the SHA-256 of its
/// text, and a migration that was applied and whose file has changed since is refused (a change belongs
/// in a new file). Definitions (functions, triggers, policies, views, grants) are re-applied, every
/// file in the manifest's order, whenever a migration was applied or any file's SHA-256 differs from
/// the one recorded in `embudo.schema_definitions`. The pending migrations and the definitions run in
/// one transaction as `embudo_owner`: a failure anywhere leaves the database as it was. Concurrent
/// migrators (two servers starting at once) are serialised by an advisory lock.
public struct Migrator: Sendable {
    /// Where the SQL comes from.
    public let directory: SQLDirectory
    /// Whether scripts run statement by statement even without Citus (tests compare both ways).
    let statementByStatement: Bool

    /// Creates a migrator for a folder of SQL.
    public init(directory: SQLDirectory) {
        self.init(directory: directory, statementByStatement: false)
    }

    init(directory: SQLDirectory, statementByStatement: Bool) {
        self.directory = directory
        self.statementByStatement = statementByStatement
    }

    /// What one run of the migrator applied.
    public struct Outcome: Sendable, Equatable {
        /// The migrations applied, in order.
        public var versions: [String]
        /// The definition files applied (all of them, or none when nothing changed), in order.
        public var definitions: [String]

        public init(versions: [String], definitions: [String]) {
            self.versions = versions
            self.definitions = definitions
        }
    }

    /// The advisory lock key that serialises migrators (`embudo` in ASCII).
    static let lockKey = 0x656d_6275_646f

    /// Migrates the database behind `connection`, which must be the privileged login (a superuser, or
    /// the owner with the right to create roles).
    ///
    /// - Returns: the versions applied now, in order.
    @discardableResult
    public func migrate(_ connection: PGConnection) throws -> [String] {
        try apply(connection).versions
    }

    /// Migrates the database behind `connection` (see ``migrate(_:)``) and tells what was applied.
    ///
    /// On a database with the citus extension (distributed PostgreSQL), triggers may then be created on
    /// distributed tables, and the tables not yet placed are placed afterwards (`distribution.sql`).
    @discardableResult
    public func apply(_ connection: PGConnection) throws -> Outcome {
        let bootstrap = try directory.bootstrap()
        let migrations = try directory.migrations()
        let definitions = try directory.definitions()
        try connection.query("SELECT pg_advisory_lock(\(Self.lockKey))")
        defer { _ = try? connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))") }

        try runBootstrap(bootstrap, on: connection)
        let citus = try connection.query(Statements.citusInstalled)[0].decode(Bool.self, at: 0)
        if citus {
            try connection.execute(Statements.citusSessionText)
        }
        let outcome = try applyChanges(migrations: migrations, definitions: definitions, on: connection, oneByOne: citus || statementByStatement)
        if citus {
            let distribution = try directory.distribution()
            do {
                try connection.transaction { try Self.run(distribution, on: $0, oneByOne: true) }
            } catch let error as PGError {
                throw DatabaseSetupError("placing the tables on Citus (distribution.sql) failed: \(error.debugDescription)")
            }
        }
        return outcome
    }

    /// The pending migrations and the changed definitions, in one transaction.
    private func applyChanges(migrations: [Migration], definitions: [Definition], on connection: PGConnection,
                              oneByOne: Bool) throws -> Outcome {
        let pending = try pendingMigrations(migrations, on: connection)
        let checksums = try definitions.map { try checksum(of: $0.sql, on: connection) }
        let recorded = try Dictionary(uniqueKeysWithValues: connection.query(Statements.appliedDefinitions).decode((String, String).self))
        let current = Dictionary(uniqueKeysWithValues: zip(definitions.map(\.path), checksums))
        guard !pending.isEmpty || recorded != current else { return Outcome(versions: [], definitions: []) }

        try connection.transaction(prelude: [Statements.actAsOwner]) { connection in
            for (migration, checksum) in pending {
                do {
                    try Self.run(migration.sql, on: connection, oneByOne: oneByOne)
                } catch let error as PGError {
                    throw DatabaseSetupError("migration \(migration.version) failed: \(error.debugDescription)")
                }
                try connection.query(Statements.record(version: migration.version, checksum: checksum))
            }
            for definition in definitions {
                do {
                    // Each file starts as the owner, whatever role the previous one ended with.
                    try connection.execute(Statements.actAsOwnerText)
                    try Self.run(definition.sql, on: connection, oneByOne: oneByOne)
                } catch let error as PGError {
                    throw DatabaseSetupError("definitions modules/\(definition.path) failed: \(error.debugDescription)"
                                             + (pending.isEmpty ? "" : " (the pending migrations were not applied either)"))
                }
            }
            try connection.query(Statements.forgetDefinitions)
            for (definition, checksum) in zip(definitions, checksums) {
                try connection.query(Statements.record(definition: definition.path, checksum: checksum))
            }
        }
        return Outcome(versions: pending.map { $0.0.version }, definitions: definitions.map(\.path))
    }

    /// Runs a script: whole, or statement by statement (on Citus, which sends some statements to its
    /// workers as the text of the query they came in: ``SQLStatements``).
    private static func run(_ script: String, on connection: PGConnection, oneByOne: Bool) throws {
        guard oneByOne else {
            try connection.execute(script)
            return
        }
        for statement in SQLStatements.split(script) {
            try connection.execute(statement)
        }
    }

    /// The migrations not applied yet, with their checksums. Refuses an applied migration whose file has
    /// changed, and a database migrated with migrations this folder no longer has (an older history).
    private func pendingMigrations(_ migrations: [Migration], on connection: PGConnection) throws -> [(Migration, String)] {
        let applied = try Dictionary(uniqueKeysWithValues: connection.query(Statements.applied).decode((String, String).self))
        let unknown = Set(applied.keys).subtracting(migrations.map(\.version)).sorted()
        if !unknown.isEmpty {
            throw DatabaseSetupError(
                "the database was migrated with migrations this version of Embudo does not have (\(unknown.joined(separator: ", "))): "
                    + "its history was replaced (squashed) since. Migrate a new database."
            )
        }
        var pending: [(Migration, String)] = []
        for migration in migrations {
            let checksum = try checksum(of: migration.sql, on: connection)
            if let recorded = applied[migration.version] {
                guard recorded == checksum else {
                    throw DatabaseSetupError(
                        "migration \(migration.version) was applied, but its file has changed since (checksum "
                            + "\(recorded.prefix(12)) applied, \(checksum.prefix(12)) now). Restore the file and put "
                            + "the change in a new migration."
                    )
                }
                continue
            }
            pending.append((migration, checksum))
        }
        return pending
    }

    /// The SHA-256 of a file's text, in hex.
    private func checksum(of sql: String, on connection: PGConnection) throws -> String {
        try connection.query(Statements.checksum(sql))[0].decode(String.self, at: 0)
    }

    /// Runs the bootstrap script, again when a concurrent bootstrap in another database of the cluster
    /// (the advisory lock is per database) changed the same role at the same moment.
    private func runBootstrap(_ sql: String, on connection: PGConnection) throws {
        var attempt = 0
        while true {
            do {
                _ = try connection.transaction { try $0.execute(sql) }
                return
            } catch let error as PGError where attempt < 5 && Self.isConcurrentCatalogUpdate(error) {
                attempt += 1
                usleep(UInt32(attempt * 50_000))
            }
        }
    }

    /// "tuple concurrently updated" (XX000) or a duplicate role created at the same time (23505).
    static func isConcurrentCatalogUpdate(_ error: PGError) -> Bool {
        error.sqlState == "XX000" || error.code == .uniqueViolation || error.code.isRetryable
    }

    /// The versions recorded as applied.
    public func appliedVersions(_ connection: PGConnection) throws -> [String] {
        try connection.query(Statements.applied).decode((String, String).self).map(\.0)
    }

    /// The definition files recorded as applied, with their checksums.
    public func appliedDefinitions(_ connection: PGConnection) throws -> [String: String] {
        try Dictionary(uniqueKeysWithValues: connection.query(Statements.appliedDefinitions).decode((String, String).self))
    }

    enum Statements {
        static let applied: PGQuery = "SELECT version, checksum FROM embudo.schema_migrations ORDER BY version"
        static let appliedDefinitions: PGQuery = "SELECT path, checksum FROM embudo.schema_definitions ORDER BY path"
        static let forgetDefinitions: PGQuery = "DELETE FROM embudo.schema_definitions"
        static let actAsOwner: PGQuery = "SET LOCAL ROLE embudo_owner"
        static let actAsOwnerText = "SET LOCAL ROLE embudo_owner"
        static let citusInstalled: PGQuery = "SELECT EXISTS (SELECT FROM pg_extension WHERE extname = 'citus')"
        /// Triggers on distributed tables (the definitions replace them): their functions touch only the
        /// row's company's rows of colocated tables (issue 24).
        static let citusSessionText = "SET citus.enable_unsafe_triggers = on"

        static func checksum(_ sql: String) -> PGQuery {
            "SELECT encode(sha256(convert_to(\(sql), 'UTF8')), 'hex')"
        }

        static func record(version: String, checksum: String) -> PGQuery {
            "INSERT INTO embudo.schema_migrations (version, checksum) VALUES (\(version), \(checksum))"
        }

        static func record(definition path: String, checksum: String) -> PGQuery {
            "INSERT INTO embudo.schema_definitions (path, checksum) VALUES (\(path), \(checksum))"
        }
    }
}
