import EmbeddedPostgres
import EmbudoDatabase
import Foundation
import PGClient
import Synchronization

/// One throwaway PostgreSQL cluster per test process, started on first use and destroyed when the
/// process exits, with a migrated template database that each test clones.
///
/// Tests run in parallel: each takes a database of its own with ``TestDatabase/make(migrated:)``.
///
/// With `EMBUDO_TEST_ON_CITUS=1` and `EMBUDO_TEST_CITUS_URL` (a Citus coordinator's database, as
/// scripts/citus-cluster starts one), the databases live on that Citus cluster instead
/// (``CitusTestCluster``): the same tests, on tables distributed by company.
public enum TestCluster {
    /// The migrated template that test databases are cloned from.
    public static let templateName = "embudo_template"

    private static let shared = Mutex<Task<EmbeddedPostgres, any Error>?>(nil)
    private static let running = Mutex<EmbeddedPostgres?>(nil)

    /// The cluster, started (and its template migrated) on first use.
    public static func cluster() async throws -> EmbeddedPostgres {
        let task = shared.withLock { task in
            if let task { return task }
            let started = Task { try start() }
            task = started
            return started
        }
        return try await task.value
    }

    /// Whether the template's policies call the tenant context's helpers inline, as on Citus, instead of
    /// through InitPlans (`EMBUDO_TEST_INLINE_POLICIES=1`: `embudo.inline_policy_context` rewrites them
    /// once the template is migrated; sql/modules/base/policies.sql). scripts/test runs the isolation
    /// suites on both forms.
    /// On Citus they always are (sql/distribution.sql).
    public static var inlinePolicies: Bool {
        ProcessInfo.processInfo.environment["EMBUDO_TEST_INLINE_POLICIES"] == "1" || onCitus
    }

    /// Whether test databases are made on the Citus cluster of `EMBUDO_TEST_CITUS_URL`
    /// (`EMBUDO_TEST_ON_CITUS=1`).
    public static var onCitus: Bool {
        ProcessInfo.processInfo.environment["EMBUDO_TEST_ON_CITUS"] == "1"
            && ProcessInfo.processInfo.environment["EMBUDO_TEST_CITUS_URL"] != nil
    }

    /// On Citus, has the session's DDL change the coordinator's catalog alone, and allows it on tables
    /// with triggers: for tests that break the schema on purpose, to see that a check of the catalog
    /// notices (Citus would refuse the broken definition on its shards). Nothing elsewhere.
    public static func catalogOnly(_ connection: PGConnection) throws {
        guard onCitus else { return }
        try connection.execute("SET citus.enable_ddl_propagation = off")
        try connection.execute("SET citus.enable_unsafe_triggers = on")
    }

    /// The repository's `sql` folder.
    public static var sqlDirectory: SQLDirectory {
        // This file is Sources/EmbudoTestSupport/TestCluster.swift.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return SQLDirectory(path: root.appendingPathComponent("sql").path)
    }

    private static func start() throws -> EmbeddedPostgres {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("embudo-test-\(getpid())-\(UUID().uuidString.prefix(8))").path
        let cluster = try EmbeddedPostgres(.init(
            directory: directory,
            durable: false,
            settings: ["max_connections": "400", "shared_buffers": "'64MB'"]
        ))
        running.withLock { $0 = cluster }
        atexit { TestCluster.destroy() }
        try cluster.initializeIfNeeded()
        try cluster.start()
        try DatabaseEndpoints.ensureDatabase(named: templateName, in: cluster)
        let connection = try PGConnection(conninfo: cluster.conninfo(database: templateName))
        try Migrator(directory: sqlDirectory).migrate(connection)
        if inlinePolicies {
            try connection.query("SELECT embudo.inline_policy_context()")
        }
        return cluster
    }

    /// Stops and deletes the cluster (at process exit).
    static func destroy() {
        running.withLock { cluster in
            cluster?.destroy()
            cluster = nil
        }
    }
}

/// Where a test's database lives: the process's embedded cluster, or the nodes of a Citus cluster.
public enum TestServer: Sendable {
    /// The process's own cluster (``TestCluster``).
    case embedded(EmbeddedPostgres)
    /// A Citus cluster (``CitusTestCluster``).
    case citus(CitusTestCluster)

    /// The connection string of a login (local connections are trusted) to a database: on Citus, the
    /// coordinator's.
    public func conninfo(user: String = EmbeddedPostgres.superuser, database: String) -> String {
        switch self {
        case .embedded(let cluster): cluster.conninfo(user: user, database: database)
        case .citus(let citus): citus.coordinator.conninfo(user: user, database: database)
        }
    }
}

/// A database of one test's own, in the shared test cluster.
public struct TestDatabase: Sendable {
    /// The database's name.
    public let name: String
    /// Where it lives.
    public let server: TestServer

    private static let counter = Atomic<Int>(0)

    /// Creates a fresh database: a clone of the migrated template, or an empty one.
    public static func make(migrated: Bool = true) async throws -> TestDatabase {
        let number = counter.add(1, ordering: .relaxed).newValue
        if TestCluster.onCitus {
            let citus = try await CitusTestCluster.shared()
            let name = "test_\(getpid())_\(number)"
            try citus.createDatabase(named: name, migrated: migrated)
            return TestDatabase(name: name, server: .citus(citus))
        }
        let cluster = try await TestCluster.cluster()
        let name = "test_\(number)"
        try DatabaseEndpoints.ensureDatabase(named: name, in: cluster, template: migrated ? TestCluster.templateName : "template0")
        return TestDatabase(name: name, server: .embedded(cluster))
    }

    /// The process's embedded cluster (`pg_dump` and the other tools of the server), unless the database
    /// is on Citus.
    public var cluster: EmbeddedPostgres? {
        if case .embedded(let cluster) = server { return cluster }
        return nil
    }

    /// The superuser's connection string (what `embudo migrate` would use).
    public var adminConninfo: String { server.conninfo(database: name) }

    /// The connection string of another login of the cluster (local connections are trusted).
    public func conninfo(user: String) -> String { server.conninfo(user: user, database: name) }

    /// The service role's connection string.
    public var serviceConninfo: String { conninfo(user: "embudo_service") }

    /// Opens a connection as the superuser.
    public func adminConnection() throws -> PGConnection {
        try PGConnection(conninfo: adminConninfo)
    }

    /// Drops the database (ends its connections first).
    public func drop() {
        switch server {
        case .citus(let citus):
            citus.dropDatabase(named: name)
        case .embedded(let cluster):
            guard let connection = try? PGConnection(conninfo: cluster.conninfo()) else { return }
            if let statement = try? connection.query("SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', \(name)::text)")[0].decode(String.self, at: 0) {
                _ = try? connection.execute(statement)
            }
        }
    }
}
