import EmbudoDatabase
import EmbudoTestSupport
import Foundation
import PGClient
import Testing

/// The coordinator's database of a Citus cluster (a coordinator and two workers, distributed PostgreSQL:
/// issue 24), named by `EMBUDO_TEST_CITUS_URL`: scripts/test starts one with scripts/citus-cluster.
private let citusURL = ProcessInfo.processInfo.environment["EMBUDO_TEST_CITUS_URL"]

/// The schema on Citus: `embudo migrate` places every table (sql/distribution.sql), and what Citus copies
/// to the shards keeps its meaning. Serialized: they share the cluster's one database.
@Suite("On Citus", .serialized, .enabled(if: citusURL != nil, "needs a Citus cluster: EMBUDO_TEST_CITUS_URL (scripts/test sets it)"))
struct CitusPlacementTests {
    /// Migrates the cluster's database (again: the second run must find nothing to do) and connects.
    private func migrated() throws -> PGConnection {
        let connection = try PGConnection(conninfo: citusURL ?? "")
        try Migrator(directory: TestCluster.sqlDirectory).migrate(connection)
        let again = try Migrator(directory: TestCluster.sqlDirectory).apply(connection)
        #expect(again.versions.isEmpty && again.definitions.isEmpty)
        return connection
    }

    /// Every tenant table is distributed by its company column, all in one colocation group; every other
    /// table of schemas public and embudo is a reference table, but the migrator's ledgers. The
    /// definitions apply again on the placed tables (as they do whenever a module's file changes).
    @Test func everyTableIsPlaced() throws {
        let connection = try migrated()
        try connection.execute("DELETE FROM embudo.schema_definitions WHERE path = 'base/policies.sql'")
        let reapplied = try Migrator(directory: TestCluster.sqlDirectory).apply(connection)
        #expect(reapplied.versions.isEmpty && reapplied.definitions.count >= 40)
        let tables = try connection.query("""
            SELECT c.oid::regclass::text, coalesce(p.partmethod::text, '-'), coalesce(a.attname::text, ''), coalesce(t.company_column::text, ''),
                   coalesce(p.colocationid, 0)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_dist_partition p ON p.logicalrelid = c.oid
            LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = (SELECT (regexp_match(p.partkey::text, ':varattno (\\d+)'))[1]::int)
            LEFT JOIN embudo.tenant_table t ON to_regclass(t.name) = c.oid
            WHERE c.relkind = 'r' AND n.nspname IN ('public', 'embudo')
              AND c.oid NOT IN ('embudo.schema_migrations'::regclass, 'embudo.schema_definitions'::regclass, 'embudo.tenant_table'::regclass)
            ORDER BY 1
            """).map { try $0.decode((String, String, String, String, Int).self) }
        let tenant = tables.filter { !$0.3.isEmpty && $0.0 != "res_company" }
        #expect(tenant.count >= 50 && tables.count - tenant.count >= 29, "\(tables.count) tables, \(tenant.count) of tenants")
        for table in tenant {
            #expect(table.1 == "h" && table.2 == table.3, "\(table)")
        }
        #expect(Set(tenant.map(\.4)).count == 1)
        for table in tables where table.3.isEmpty || table.0 == "res_company" {
            #expect(table.1 == "n", "\(table)")
        }
    }

    /// Citus copies a table's policies to each of its shards, on every node that holds one. Each copy
    /// must say what the table's says: permissive (Citus 13.2.2 drops AS RESTRICTIVE), the same command,
    /// roles and conditions. Read from every node.
    @Test func everyPolicyOnEveryShardPlacementKeepsItsMeaning() throws {
        let connection = try migrated()
        typealias Policy = (String, String, Bool, String, String, String, String)
        let policyColumns = """
            p.polname::text, p.polpermissive, p.polcmd::text,
            coalesce((SELECT string_agg(r::regrole::text, ',' ORDER BY r::regrole::text) FROM unnest(p.polroles) r), ''),
            coalesce(pg_get_expr(p.polqual, p.polrelid), ''), coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '')
            """
        // The tables' own policies, by table name.
        let tables = try connection.execute("""
            SELECT c.relname::text, \(policyColumns)
            FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_dist_partition d ON d.logicalrelid = c.oid
            """).map { try $0.decode((String, String, Bool, String, String, String, String).self) }
        var expected: [String: [String]] = [:]
        for policy in tables {
            expected[policy.0, default: []].append(Self.describe(policy, table: policy.0))
        }
        #expect(expected.count >= 50, "\(expected.count) tables with policies")
        // Every placement of every shard of those tables, by node.
        let placements = try connection.execute("""
            SELECT n.nodename::text, n.nodeport, s.logicalrelid::regclass::text, s.shardid
            FROM pg_dist_shard s JOIN pg_dist_placement pl ON pl.shardid = s.shardid JOIN pg_dist_node n ON n.groupid = pl.groupid
            WHERE EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = s.logicalrelid)
            """).map { try $0.decode((String, Int, String, Int).self) }
        let database = try connection.query("SELECT current_database()::text")[0].decode(String.self, at: 0)
        let user = try connection.query("SELECT current_user::text")[0].decode(String.self, at: 0)
        var checked = 0
        for (node, shards) in Dictionary(grouping: placements, by: { "\($0.0):\($0.1)" }) {
            let (host, port) = (shards[0].0, shards[0].1)
            let worker = try PGConnection(conninfo: "host=\(host) port=\(port) user=\(user) dbname=\(database)")
            // Citus hides the shards from the catalog's readers, unless told not to.
            try worker.execute("SET citus.override_table_visibility = off")
            let found = try worker.execute("""
                SELECT c.relname::text, \(policyColumns)
                FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid WHERE c.relname ~ '_[0-9]+$'
                """).map { try $0.decode((String, String, Bool, String, String, String, String).self) }
            var onNode: [String: [String]] = [:]
            for policy in found {
                let table = String(policy.0[..<(policy.0.lastIndex(of: "_") ?? policy.0.endIndex)])
                onNode[policy.0, default: []].append(Self.describe(policy, table: table, shard: policy.0))
            }
            for shard in shards {
                let name = "\(shard.2.split(separator: ".").last!)_\(shard.3)"
                #expect(onNode[name, default: []].sorted() == expected[String(shard.2.split(separator: ".").last!), default: []].sorted(),
                        "shard \(name) on \(node)")
                checked += 1
            }
        }
        #expect(checked >= 1_500, "\(checked) shard placements")
    }

    /// A policy, as text comparable between a table and its shard (whose name the conditions may hold).
    private static func describe(_ policy: (String, String, Bool, String, String, String, String), table: String, shard: String? = nil) -> String {
        func plain(_ text: String) -> String { shard.map { text.replacingOccurrences(of: $0, with: table) } ?? text }
        return [policy.1, policy.2 ? "permissive" : "RESTRICTIVE", policy.3, policy.4, plain(policy.5), plain(policy.6)].joined(separator: " | ")
    }

    /// A read or a write of one record, named by its company and id as the model layer names it, is a
    /// router query: one task, on the node holding the company.
    @Test func aRecordIsReadAndWrittenByOneTask() throws {
        let connection = try migrated()
        for statement in [
            "SELECT id, name FROM crm_lead WHERE company_id = 1 AND id = 7",
            "UPDATE crm_lead SET name = 'x' WHERE company_id = 1 AND id = 7",
            "DELETE FROM sale_order_line WHERE company_id = 1 AND id = 7",
            "INSERT INTO crm_tag (company_id, name) VALUES (1, 'x')",
        ] {
            let plan = try connection.execute("EXPLAIN " + statement).map { try $0.decode(String.self, at: 0) }.joined(separator: "\n")
            #expect(plan.contains("Task Count: 1"), "\(statement):\n\(plan)")
        }
    }
}
