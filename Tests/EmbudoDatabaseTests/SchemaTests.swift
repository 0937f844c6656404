import EmbudoDatabase
import EmbudoTestSupport
import Foundation
import Testing

@Suite("Schema")
struct SchemaTests {
    /// `sql/schema.sql` is the schema a fresh migration makes, so that a reviewer reads the whole current
    /// schema, and every change to it, in one file. With EMBUDO_WRITE_SCHEMA=1 (scripts/schema-dump) the
    /// test writes the file instead.
    @Test func theCommittedSchemaIsWhatAFreshMigrationMakes() async throws {
        let database = try await TestDatabase.make(migrated: false)
        defer { database.drop() }
        try Migrator(directory: TestCluster.sqlDirectory).migrate(database.adminConnection())
        let dump = try SchemaDump.dump(database)
        if ProcessInfo.processInfo.environment["EMBUDO_WRITE_SCHEMA"] == "1" {
            try dump.write(toFile: SchemaDump.committedPath, atomically: true, encoding: .utf8)
            return
        }
        let committed = (try? String(contentsOfFile: SchemaDump.committedPath, encoding: .utf8)) ?? ""
        // Not #expect(committed == dump): it would print both files whole.
        if committed != dump {
            Issue.record("""
                sql/schema.sql differs from a fresh migration: run scripts/schema-dump and review the diff. First \
                difference at \(SchemaDump.firstDifference(dump, committed))
                """)
        }
    }

    /// What a dump leaves out: version lines, session settings, random role names.
    @Test func theNormalisedDumpKeepsOnlyTheSchema() {
        let raw = """
            --
            -- PostgreSQL database dump
            --

            \\restrict abc
            -- Dumped from database version 15.14
            -- Dumped by pg_dump version 15.14

            SET statement_timeout = 0;
            SELECT pg_catalog.set_config('search_path', '', false);



            GRANT USAGE ON SCHEMA public TO embudo_bi_0123456789abcdef;
            \\unrestrict abc
            """
        let text = SchemaDump.normalised(raw)
        #expect(!text.contains("15.14") && !text.contains("restrict") && !text.contains("SET ") && !text.contains("set_config"))
        #expect(text.hasSuffix("--\n-- PostgreSQL database dump\n--\n\n\nGRANT USAGE ON SCHEMA public TO embudo_bi_<company>;\n"))
    }
}
