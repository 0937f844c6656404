import EmbudoDatabase
import EmbudoTestSupport
import Foundation
import PGClient
import Testing

@Suite("Migrations")
struct MigrationTests {
    /// A fresh database migrated from a copy of the repository's SQL that the test may change.
    private func migratedWithCopyOfSQL(_ body: (PGConnection, SQLDirectory) throws -> Void) async throws {
        let database = try await TestDatabase.make(migrated: false)
        defer { database.drop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("embudo-sql-\(UUID().uuidString.prefix(8))")
        try FileManager.default.copyItem(atPath: TestCluster.sqlDirectory.path, toPath: folder.path)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sql = SQLDirectory(path: folder.path)
        let connection = try database.adminConnection()
        try Migrator(directory: sql).migrate(connection)
        try body(connection, sql)
    }

    @Test func migratingTwiceChangesNothing() async throws {
        let database = try await TestDatabase.make(migrated: false)
        defer { database.drop() }
        let connection = try database.adminConnection()
        let migrator = Migrator(directory: TestCluster.sqlDirectory)
        let first = try migrator.migrate(connection)
        #expect(first == (try TestCluster.sqlDirectory.migrations().map(\.version)))
        #expect(try migrator.migrate(connection) == [])
        #expect(try migrator.appliedVersions(connection) == first)
    }

    @Test func aChangedAppliedMigrationIsRefused() async throws {
        try await migratedWithCopyOfSQL { connection, sql in
            let file = sql.path + "/migrations/0001_tenancy_core.sql"
            try (try String(contentsOfFile: file, encoding: .utf8) + "\n-- edited\n").write(toFile: file, atomically: true, encoding: .utf8)
            let error = #expect(throws: DatabaseSetupError.self) { try Migrator(directory: sql).migrate(connection) }
            #expect(error?.message.contains("0001_tenancy_core was applied, but its file has changed") == true)
        }
    }

    @Test func aNewMigrationIsAppliedAsTheOwnerInOneTransaction() async throws {
        try await migratedWithCopyOfSQL { connection, sql in
            try "CREATE TABLE extra (id int); SELECT 1/0;".write(toFile: sql.path + "/migrations/9998_broken.sql", atomically: true, encoding: .utf8)
            #expect(throws: DatabaseSetupError.self) { try Migrator(directory: sql).migrate(connection) }
            // All or nothing: the table of the failed migration is not there, nor its record.
            #expect(try connection.query("SELECT to_regclass('extra') IS NULL")[0].decode(Bool.self, at: 0))
            try FileManager.default.removeItem(atPath: sql.path + "/migrations/9998_broken.sql")

            try "CREATE TABLE extra (id int);".write(toFile: sql.path + "/migrations/9999_extra.sql", atomically: true, encoding: .utf8)
            #expect(try Migrator(directory: sql).migrate(connection) == ["9999_extra"])
            let owner = try connection.query("SELECT tableowner::text FROM pg_tables WHERE tablename = 'extra'")[0].decode(String.self, at: 0)
            #expect(owner == "embudo_owner")
        }
    }

    /// A database migrated before pgcrypto moved to embudo_crypto: its migrations were recorded with
    /// `embudo.crypt(` and the like, and the extension sits in schema embudo. Migrating again moves the
    /// extension and accepts the renamed files; any other change is still refused.
    @Test func aDatabaseFromBeforeTheCryptoSchemaMigrates() async throws {
        try await migratedWithCopyOfSQL { connection, sql in
            try connection.execute("ALTER EXTENSION pgcrypto SET SCHEMA embudo")
            let renamed = try sql.migrations().filter { $0.sql.contains("embudo_crypto.") }
            #expect(renamed.map(\.version).contains("0001_tenancy_core"))
            for migration in renamed {
                let before = migration.sql.replacing("embudo_crypto.", with: "embudo.")
                try connection.query("""
                    UPDATE embudo.schema_migrations SET checksum = encode(sha256(convert_to(\(before), 'UTF8')), 'hex')
                    WHERE version = \(migration.version)
                    """)
            }
            #expect(try Migrator(directory: sql).migrate(connection) == [])
            let schema = try connection.query("SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pgcrypto'")
            #expect(try schema[0].decode(String.self, at: 0) == "embudo_crypto")
            // The new checksums are recorded: a second run has nothing to accept.
            #expect(try Migrator(directory: sql).migrate(connection) == [])
        }
    }
}
