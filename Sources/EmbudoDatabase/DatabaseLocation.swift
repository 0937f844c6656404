import EmbeddedPostgres
import PGClient
import Foundation

/// Where Embudo's database is, found the same way by every command: `--database-url`, else
/// `DATABASE_URL`, else libpq's own `PG*` variables, else the embedded cluster.
public enum DatabaseLocation: Sendable, Equatable {
    /// A libpq connection string or `postgres://` URL.
    case conninfo(String)
    /// libpq's environment (`PGHOST`, `PGPORT`, `PGDATABASE`, `PGUSER`, `PGPASSWORD`, `PGSERVICE`, …).
    case environment
    /// A private cluster in this folder (by default `./.embudo`, or `$EMBUDO_HOME`).
    case embedded(directory: String)

    /// The libpq variables whose presence means "the database is configured through the environment".
    static let libpqVariables = ["PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE", "PGSERVICEFILE"]

    /// Resolves the location from a command-line value and the environment.
    public static func resolve(
        databaseURL: String?,
        embeddedDirectory: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> DatabaseLocation {
        if let databaseURL, !databaseURL.isEmpty { return .conninfo(databaseURL) }
        if let url = environment["DATABASE_URL"], !url.isEmpty { return .conninfo(url) }
        if libpqVariables.contains(where: { environment[$0].map { !$0.isEmpty } ?? false }) { return .environment }
        return .embedded(directory: embeddedDirectory ?? environment["EMBUDO_HOME"] ?? defaultEmbeddedDirectory())
    }

    /// `./.embudo`; but as root in a folder the `postgres` system user cannot enter (a checkout under
    /// `/root`), a folder of this checkout's own under `/var/lib/embudo`.
    static func defaultEmbeddedDirectory() -> String {
        let local = FileManager.default.currentDirectoryPath + "/.embudo"
        guard getuid() == 0, !EmbeddedPostgres.otherUsersCanReach(local) else { return ".embudo" }
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in local.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        return "/var/lib/embudo/cluster-" + String(hash, radix: 36)
    }
}

/// The connection strings for one database: the privileged login that migrates and administers, and the
/// one the service pool uses, which must be `embudo_service`'s own (the service refuses privileged logins).
public struct DatabaseEndpoints: Sendable {
    /// For `embudo migrate` and the administration commands.
    public var adminConninfo: String
    /// For the service's connection pool.
    public var serviceConninfo: String
    /// The embedded cluster, when Embudo runs one.
    public var embedded: EmbeddedPostgres?
    /// Whether `prepare` started the embedded cluster now (and so should stop it at the end).
    public var startedCluster: Bool

    public init(adminConninfo: String, serviceConninfo: String, embedded: EmbeddedPostgres? = nil, startedCluster: Bool = false) {
        self.adminConninfo = adminConninfo
        self.serviceConninfo = serviceConninfo
        self.embedded = embedded
        self.startedCluster = startedCluster
    }

    /// The name of the embedded cluster's database.
    public static let embeddedDatabaseName = "embudo"

    /// Makes the database reachable: for the embedded location, creates and starts the cluster and the
    /// `embudo` database as needed; the other locations are used as they are.
    ///
    /// - Parameter service: the service's own login (`serve --service-database-url`); by default the
    ///   configured login serves too (it must then be `embudo_service`), and the embedded cluster's pool logs
    ///   in as `embudo_service` over its private socket. When only this is given, it is also the login of
    ///   the administrative connection, and no embedded cluster is started.
    public static func prepare(_ location: DatabaseLocation, service: String? = nil) throws -> DatabaseEndpoints {
        let service = service.flatMap { $0.isEmpty ? nil : $0 }
        switch location {
        case .conninfo(let conninfo):
            return DatabaseEndpoints(adminConninfo: conninfo, serviceConninfo: service ?? conninfo)
        case .environment:
            return DatabaseEndpoints(adminConninfo: "", serviceConninfo: service ?? "")
        case .embedded where service != nil:
            return DatabaseEndpoints(adminConninfo: service!, serviceConninfo: service!)
        case .embedded(let directory):
            let cluster = try EmbeddedPostgres(.init(directory: directory))
            try cluster.initializeIfNeeded()
            let started = try cluster.start()
            try ensureDatabase(named: embeddedDatabaseName, in: cluster)
            return DatabaseEndpoints(
                adminConninfo: cluster.conninfo(database: embeddedDatabaseName),
                // Over the private socket the service logs in as its own role directly.
                serviceConninfo: cluster.conninfo(user: ServiceRole.name, database: embeddedDatabaseName),
                embedded: cluster,
                startedCluster: started
            )
        }
    }

    /// Creates a database in the cluster unless it exists.
    public static func ensureDatabase(named name: String, in cluster: EmbeddedPostgres, template: String? = nil) throws {
        let connection = try PGConnectionFactory.open(cluster.conninfo())
        let exists = try connection.query("SELECT count(*) FROM pg_database WHERE datname = \(name)")[0].decode(Int.self, at: 0)
        guard exists == 0 else { return }
        // CREATE DATABASE takes no parameters; the name is quoted as an identifier by PostgreSQL itself.
        let statement = try connection.query(
            "SELECT format('CREATE DATABASE %I TEMPLATE %I', \(name)::text, \(template ?? "template0")::text)"
        )[0].decode(String.self, at: 0)
        try connection.execute(statement)
    }
}
