import EmbudoDatabase
import Foundation
import PGClient
import Synchronization

/// Test databases on a Citus cluster (distributed PostgreSQL, issue 24): a coordinator and its workers,
/// as `scripts/citus-cluster start` runs them, named by the coordinator's URL in
/// `EMBUDO_TEST_CITUS_URL`.
///
/// A Citus database is one database of the same name on every node, each with the citus extension and
/// its share of the shards. The process migrates a template of its own once (`embudo migrate` places
/// the tables), then each test's database is cloned from it on every node: each node's clone holds that
/// node's shards and the same catalog of where they are, so the clones form a cluster of their own.
/// (A database with Citus's maintenance daemon connected cannot be a template: the template is closed
/// to connections once migrated, and whatever was connected to it is ended.)
public final class CitusTestCluster: Sendable {
    /// A node: where it listens.
    public struct Node: Sendable {
        /// The host (an address or a socket folder).
        public let host: String
        /// The port.
        public let port: Int

        /// The connection string of a login (the cluster trusts local connections) to a database.
        public func conninfo(user: String = "postgres", database: String) -> String {
            "host='\(host)' port=\(port) user='\(user)' dbname='\(database)'"
        }
    }

    /// The coordinator, where the service and the tests connect.
    public let coordinator: Node
    /// The workers, which hold the shards.
    public let workers: [Node]
    /// This process's migrated template.
    public let templateName: String

    private static let started = Mutex<Task<CitusTestCluster, any Error>?>(nil)

    /// The cluster of `EMBUDO_TEST_CITUS_URL`, with this process's template migrated (on first use).
    public static func shared() async throws -> CitusTestCluster {
        let task = started.withLock { task in
            if let task { return task }
            let starting = Task { try CitusTestCluster(url: ProcessInfo.processInfo.environment["EMBUDO_TEST_CITUS_URL"] ?? "") }
            task = starting
            return starting
        }
        return try await task.value
    }

    private init(url: String) throws {
        // The nodes, as the cluster's own database lists them.
        let connection = try PGConnection(conninfo: url)
        let nodes = try connection.query("SELECT groupid, nodename, nodeport FROM pg_dist_node WHERE isactive ORDER BY groupid, nodeid")
            .map { try $0.decode((Int, String, Int).self) }
        guard let coordinator = nodes.first(where: { $0.0 == 0 }), nodes.count > 1 else {
            throw DatabaseSetupError("EMBUDO_TEST_CITUS_URL: \(url) is not the coordinator of a Citus cluster with workers")
        }
        let everyNode = nodes.map { Node(host: $0.1, port: $0.2) }
        let template = "embudo_template_\(getpid())"
        self.coordinator = Node(host: coordinator.1, port: coordinator.2)
        self.workers = nodes.filter { $0.0 != 0 }.map { Node(host: $0.1, port: $0.2) }
        self.templateName = template
        try createEmptyDatabase(named: template)
        try Migrator(directory: TestCluster.sqlDirectory).migrate(try PGConnection(conninfo: self.coordinator.conninfo(database: template)))
        for node in everyNode {
            let admin = try PGConnection(conninfo: node.conninfo(database: "postgres"))
            try admin.execute(try Self.statement(admin, "ALTER DATABASE %I ALLOW_CONNECTIONS false", template))
        }
        atexit { CitusTestCluster.dropTemplate() }
        Self.templateToDrop.withLock { $0 = (template, everyNode) }
    }

    /// The coordinator first, then the workers.
    public var allNodes: [Node] { [coordinator] + workers }

    /// Creates a database on every node: a clone of the migrated template (with the service's
    /// per-database setting that `distribution.sql` makes), or an empty Citus database.
    public func createDatabase(named name: String, migrated: Bool) throws {
        guard migrated else {
            try createEmptyDatabase(named: name)
            Self.created.withLock { $0.append(name) }
            return
        }
        for node in allNodes {
            let admin = try PGConnection(conninfo: node.conninfo(database: "postgres"))
            let create = try Self.statement(admin, "CREATE DATABASE %I TEMPLATE %I", name, templateName)
            // Whatever still holds the template (Citus's connections between nodes, its daemon) is ended
            // first; it cannot come back, the template taking no connections.
            var attempts = 0
            while try !Self.create(create, on: admin, endingSessionsOf: templateName) {
                attempts += 1
                guard attempts < 50 else { throw DatabaseSetupError("the template \(templateName) stays in use on \(node.host):\(node.port)") }
            }
        }
        Self.created.withLock { $0.append(name) }
        // Migrated again, as a restored database would be: nothing to apply, but the service's settings
        // in this database (distribution.sql), which a clone does not inherit.
        try Migrator(directory: TestCluster.sqlDirectory).migrate(try PGConnection(conninfo: coordinator.conninfo(database: name)))
    }

    /// Ends the sessions holding the template, then creates the database; false when the template was
    /// in use again (object_in_use).
    private static func create(_ statement: String, on admin: PGConnection, endingSessionsOf template: String) throws -> Bool {
        try admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = \(template) AND pid <> pg_backend_pid()")
        do {
            try admin.execute(statement)
            return true
        } catch {
            guard error.sqlState == "55006" else { throw error }
            return false
        }
    }

    /// Drops a database on every node, the coordinator's first (it connects to the others).
    public func dropDatabase(named name: String) {
        Self.drop(name, on: allNodes)
    }

    /// An empty database of the cluster: created on every node with the citus extension, the workers
    /// registered with the coordinator.
    private func createEmptyDatabase(named name: String) throws {
        for node in workers + [coordinator] {
            let admin = try PGConnection(conninfo: node.conninfo(database: "postgres"))
            try admin.execute(try Self.statement(admin, "CREATE DATABASE %I", name))
            try PGConnection(conninfo: node.conninfo(database: name)).execute("CREATE EXTENSION citus")
        }
        let connection = try PGConnection(conninfo: coordinator.conninfo(database: name))
        try connection.query("SELECT citus_set_coordinator_host(\(coordinator.host), \(coordinator.port)::int)")
        for worker in workers {
            try connection.query("SELECT citus_add_node(\(worker.host), \(worker.port)::int)")
        }
    }

    /// A statement with identifiers quoted by PostgreSQL (`format`'s `%I`; DDL takes no parameters).
    private static func statement(_ connection: PGConnection, _ template: String, _ names: String...) throws -> String {
        precondition(names.count <= 2)
        let first = names.first ?? "", second = names.count > 1 ? names[1] : ""
        return try connection.query("SELECT format(\(template), \(first)::text, \(second)::text)")[0].decode(String.self, at: 0)
    }

    private static func drop(_ name: String, on nodes: [Node]) {
        for node in nodes {
            guard let admin = try? PGConnection(conninfo: node.conninfo(database: "postgres")),
                  let statement = try? statement(admin, "DROP DATABASE IF EXISTS %I WITH (FORCE)", name)
            else { continue }
            _ = try? admin.execute(statement)
        }
    }

    private static let templateToDrop = Mutex<(String, [Node])?>(nil)
    /// The databases this process made (dropped at its exit).
    private static let created = Mutex<[String]>([])

    /// Drops this process's databases and template (at process exit).
    static func dropTemplate() {
        templateToDrop.withLock { template in
            guard let (name, nodes) = template else { return }
            for database in created.withLock({ $0 }) { drop(database, on: nodes) }
            drop(name, on: nodes)
            template = nil
        }
    }
}
