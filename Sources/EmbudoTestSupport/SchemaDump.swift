import EmbeddedPostgres
import EmbudoDatabase
import Foundation

/// The schema of a database as PostgreSQL prints it (`pg_dump --schema-only`, owners and grants
/// included: they are part of the security model), normalised so that the text depends on the schema
/// only. `sql/schema.sql` is this text for a freshly migrated database (`scripts/schema-dump` writes it).
public enum SchemaDump {
    /// The committed schema, `sql/schema.sql`.
    public static var committedPath: String { TestCluster.sqlDirectory.path + "/schema.sql" }

    /// The first lines of the normalised text.
    static let header = """
        -- Embudo's schema, as a freshly migrated database has it: `pg_dump --schema-only`, normalised
        -- (Sources/EmbudoTestSupport/SchemaDump.swift). Written by scripts/schema-dump; the test
        -- SchemaTests fails when a fresh migration differs from it. Do not edit: change sql/migrations or
        -- sql/modules, run scripts/schema-dump, and review this file's diff with the change.

        """

    /// The normalised schema of `database`.
    public static func dump(_ database: TestDatabase) throws -> String {
        guard let cluster = database.cluster else {
            throw DatabaseSetupError("the schema is dumped with the embedded test cluster's pg_dump, not on Citus")
        }
        return normalised(try cluster.runTool("pg_dump", ["--schema-only", "--dbname", database.adminConninfo]))
    }

    /// `dump` without what changes from one dump to the next while the schema stays: pg_dump's version
    /// lines and per-dump `\restrict` keys, the session settings (`SET …`, `set_config`), the random
    /// suffixes of the companies' BI group roles; runs of blank lines are kept to two.
    public static func normalised(_ dump: String) -> String {
        var lines: [Substring] = []
        var blanks = 0
        for line in dump.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("-- Dumped from database version") || line.hasPrefix("-- Dumped by pg_dump version")
                || line.hasPrefix("\\restrict ") || line.hasPrefix("\\unrestrict ")
                || (line.hasPrefix("SET ") && line.hasSuffix(";")) || line.hasPrefix("SELECT pg_catalog.set_config(") {
                continue
            }
            blanks = line.isEmpty ? blanks + 1 : 0
            if blanks > 2 { continue }
            lines.append(line)
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        let text = lines.joined(separator: "\n")
            .replacingOccurrences(of: "embudo_bi_[0-9a-f]{16}", with: "embudo_bi_<company>", options: .regularExpression)
        return header + text + "\n"
    }

    /// Where `dump` and `committed` first differ, for a test's failure message.
    public static func firstDifference(_ dump: String, _ committed: String) -> String {
        let new = dump.split(separator: "\n", omittingEmptySubsequences: false)
        let old = committed.split(separator: "\n", omittingEmptySubsequences: false)
        let index = zip(new, old).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(new.count, old.count)
        let committedLine = index < old.count ? String(old[index]) : "(end of file)"
        let migratedLine = index < new.count ? String(new[index]) : "(end of file)"
        return "line \(index + 1):\n  sql/schema.sql:   \(committedLine)\n  fresh migration:  \(migratedLine)"
    }
}
