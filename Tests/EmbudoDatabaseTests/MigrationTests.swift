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

    private func append(_ text: String, to file: String) throws {
        try (try String(contentsOfFile: file, encoding: .utf8) + text).write(toFile: file, atomically: true, encoding: .utf8)
    }

    @Test func migratingTwiceChangesNothing() async throws {
        let database = try await TestDatabase.make(migrated: false)
        defer { database.drop() }
        let connection = try database.adminConnection()
        let migrator = Migrator(directory: TestCluster.sqlDirectory)
        let first = try migrator.apply(connection)
        #expect(first.versions == (try TestCluster.sqlDirectory.migrations().map(\.version)))
        #expect(first.definitions == (try TestCluster.sqlDirectory.definitions().map(\.path)))
        #expect(try migrator.apply(connection) == Migrator.Outcome(versions: [], definitions: []))
        #expect(try migrator.appliedVersions(connection) == first.versions)
        #expect(try migrator.appliedDefinitions(connection).keys.sorted() == first.definitions.sorted())
    }

    @Test func aChangedAppliedMigrationIsRefused() async throws {
        try await migratedWithCopyOfSQL { connection, sql in
            try append("\n-- edited\n", to: sql.path + "/migrations/0001_baseline.sql")
            let error = #expect(throws: DatabaseSetupError.self) { try Migrator(directory: sql).migrate(connection) }
            #expect(error?.message.contains("0001_baseline was applied, but its file has changed") == true)
        }
    }

    @Test func aDatabaseOfAnotherHistoryIsRefused() async throws {
        try await migratedWithCopyOfSQL { connection, sql in
            try connection.query("INSERT INTO embudo.schema_migrations (version, checksum) VALUES ('0003_gone', 'x')")
            let error = #expect(throws: DatabaseSetupError.self) { try Migrator(directory: sql).migrate(connection) }
            #expect(error?.message.contains("migrations this version of Embudo does not have (0003_gone)") == true)
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
            let outcome = try Migrator(directory: sql).apply(connection)
            #expect(outcome.versions == ["9999_extra"])
            // The definitions run again after any migration (it may have dropped one to change it).
            #expect(outcome.definitions == (try sql.definitions().map(\.path)))
            let owner = try connection.query("SELECT tableowner::text FROM pg_tables WHERE tablename = 'extra'")[0].decode(String.self, at: 0)
            #expect(owner == "embudo_owner")
        }
    }

    @Test func aChangedModuleFileIsAppliedAgain() async throws {
        try await migratedWithCopyOfSQL { connection, sql in
            let migrator = Migrator(directory: sql)
            let before = try migrator.appliedDefinitions(connection)
            try append("\nCREATE OR REPLACE FUNCTION embudo.migration_test() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n",
                       to: sql.path + "/modules/base/helpers.sql")
            let outcome = try migrator.apply(connection)
            #expect(outcome.versions == [])
            #expect(outcome.definitions == (try sql.definitions().map(\.path)))
            let owner = try connection.query("SELECT proowner::regrole::text FROM pg_proc WHERE proname = 'migration_test'")[0].decode(String.self, at: 0)
            #expect(owner == "embudo_owner")
            let after = try migrator.appliedDefinitions(connection)
            #expect(after["base/helpers.sql"] != before["base/helpers.sql"])
            #expect(after.filter { $0.key != "base/helpers.sql" } == before.filter { $0.key != "base/helpers.sql" })
            #expect(try migrator.apply(connection) == Migrator.Outcome(versions: [], definitions: []))
        }
    }

    @Test func aBrokenModuleFileRollsBackTheWholeTransaction() async throws {
        try await migratedWithCopyOfSQL { connection, sql in
            let migrator = Migrator(directory: sql)
            let before = try migrator.appliedDefinitions(connection)
            try "CREATE TABLE extra (id int);".write(toFile: sql.path + "/migrations/9999_extra.sql", atomically: true, encoding: .utf8)
            let portal = sql.path + "/modules/sale/portal.sql"
            let text = try String(contentsOfFile: portal, encoding: .utf8)
            try append("\nSELECT 1/0;\n", to: portal)
            let error = #expect(throws: DatabaseSetupError.self) { try migrator.migrate(connection) }
            #expect(error?.message.contains("modules/sale/portal.sql failed") == true)
            // Neither the migration nor any definition stayed.
            #expect(try connection.query("SELECT to_regclass('extra') IS NULL")[0].decode(Bool.self, at: 0))
            #expect(try migrator.appliedVersions(connection).contains("9999_extra") == false)
            #expect(try migrator.appliedDefinitions(connection) == before)

            try text.write(toFile: portal, atomically: true, encoding: .utf8)
            #expect(try migrator.migrate(connection) == ["9999_extra"])
        }
    }

    @Test func modulesRunAfterTheirDependenciesAndEveryFileIsListed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("embudo-modules-\(UUID().uuidString.prefix(8))").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for path in ["a/one.sql", "a/two.sql", "b/three.sql"] {
            try FileManager.default.createDirectory(atPath: folder + "/modules/" + path.split(separator: "/")[0], withIntermediateDirectories: true)
            try "SELECT 1;".write(toFile: folder + "/modules/" + path, atomically: true, encoding: .utf8)
        }
        let sql = SQLDirectory(path: folder)
        func manifest(_ text: String) throws { try text.write(toFile: folder + "/modules/manifest.txt", atomically: true, encoding: .utf8) }

        try manifest("# b needs a\nb: a\n    three.sql\na:\n    two.sql\n    one.sql\n")
        #expect(try sql.definitions().map(\.path) == ["a/two.sql", "a/one.sql", "b/three.sql"])

        try manifest("a:\n    one.sql\nb: a\n    three.sql\n")
        let unlisted = #expect(throws: DatabaseSetupError.self) { try sql.definitions() }
        #expect(unlisted?.message.contains("a/two.sql is not listed") == true)

        try manifest("a: b\n    one.sql\n    two.sql\nb: a\n    three.sql\n")
        let cycle = #expect(throws: DatabaseSetupError.self) { try sql.definitions() }
        #expect(cycle?.message.contains("cycle") == true)
    }
}
