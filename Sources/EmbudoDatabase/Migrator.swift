import PGClient
#if canImport(Glibc)
import Glibc
#endif

/// Applies Embudo's SQL to a database: the bootstrap script, then each migration not yet applied.
///
/// Each migration runs in one transaction as `embudo_owner` and is recorded in
/// `embudo.schema_migrations` with the SHA-256 of its text. A migration that was applied and whose file
/// has changed since is refused: migrations are history, and a change belongs in a new file.
/// Concurrent migrators (two servers starting at once) are serialised by an advisory lock.
public struct Migrator: Sendable {
    /// Where the SQL comes from.
    public let directory: SQLDirectory

    /// Creates a migrator for a folder of SQL.
    public init(directory: SQLDirectory) {
        self.directory = directory
    }

    /// The advisory lock key that serialises migrators (`embudo` in ASCII).
    static let lockKey = 0x656d_6275_646f

    /// Migrates the database behind `connection`, which must be the privileged login (a superuser, or
    /// the owner with the right to create roles).
    ///
    /// - Returns: the versions applied now, in order.
    @discardableResult
    public func migrate(_ connection: PGConnection) throws -> [String] {
        let bootstrap = try directory.bootstrap()
        let migrations = try directory.migrations()
        try connection.query("SELECT pg_advisory_lock(\(Self.lockKey))")
        defer { _ = try? connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))") }

        try runBootstrap(bootstrap, on: connection)
        let applied = try Dictionary(uniqueKeysWithValues: connection.query(Statements.applied).decode((String, String).self))
        var done: [String] = []
        for migration in migrations {
            let checksum = try connection.query(Statements.checksum(migration.sql))[0].decode(String.self, at: 0)
            if let recorded = applied[migration.version] {
                if recorded != checksum, try acceptsRenamedReferences(migration, recorded: recorded, on: connection) {
                    try connection.query(Statements.rerecord(version: migration.version, checksum: checksum))
                    continue
                }
                guard recorded == checksum else {
                    throw DatabaseSetupError(
                        "migration \(migration.version) was applied, but its file has changed since (checksum "
                            + "\(recorded.prefix(12)) applied, \(checksum.prefix(12)) now). Restore the file and put "
                            + "the change in a new migration."
                    )
                }
                continue
            }
            do {
                try connection.transaction(prelude: [Statements.actAsOwner]) { connection in
                    try connection.execute(migration.sql)
                    try connection.query(Statements.record(version: migration.version, checksum: checksum))
                }
            } catch let error as PGError {
                throw DatabaseSetupError("migration \(migration.version) failed: \(error.debugDescription)")
            }
            done.append(migration.version)
        }
        return done
    }

    /// The schema pgcrypto moved to (it was installed in `embudo`); migrations applied before the move
    /// were rewritten with one mechanical rename, `embudo.<pgcrypto function>(` → `embudo_crypto.<…>(`.
    static let cryptoSchemaRename = (old: "embudo.", new: "embudo_crypto.")

    /// Whether a migration whose checksum changed differs from the applied text only by that rename:
    /// the same SQL, with the functions' new schema (the bootstrap moves the extension itself).
    private func acceptsRenamedReferences(_ migration: Migration, recorded: String, on connection: PGConnection) throws -> Bool {
        guard migration.sql.contains(Self.cryptoSchemaRename.new) else { return false }
        let before = migration.sql.replacing(Self.cryptoSchemaRename.new, with: Self.cryptoSchemaRename.old)
        return try connection.query(Statements.checksum(before))[0].decode(String.self, at: 0) == recorded
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

    enum Statements {
        static let applied: PGQuery = "SELECT version, checksum FROM embudo.schema_migrations ORDER BY version"
        static let actAsOwner: PGQuery = "SET LOCAL ROLE embudo_owner"

        static func checksum(_ sql: String) -> PGQuery {
            "SELECT encode(sha256(convert_to(\(sql), 'UTF8')), 'hex')"
        }

        static func rerecord(version: String, checksum: String) -> PGQuery {
            "UPDATE embudo.schema_migrations SET checksum = \(checksum) WHERE version = \(version)"
        }

        static func record(version: String, checksum: String) -> PGQuery {
            "INSERT INTO embudo.schema_migrations (version, checksum) VALUES (\(version), \(checksum))"
        }
    }
}
