import Foundation

/// A private PostgreSQL cluster in a folder of its own, started and stopped with the PostgreSQL
/// installation's `initdb` and `pg_ctl`.
///
/// The cluster listens on a Unix socket only (no TCP port), in a folder that only its owner can enter;
/// it trusts local connections, which only that owner (and root) can make. Run as root, it runs
/// `initdb` and `pg_ctl` as the `postgres` system user, since PostgreSQL refuses to run as root.
///
/// `embudo serve` uses it when no database is configured; the test suite uses it for one throwaway
/// cluster per test run.
public struct EmbeddedPostgres: Sendable {
    /// Where and how the cluster runs.
    public struct Configuration: Sendable {
        /// The folder that holds the cluster (`data/`, `run/`, `log/`); created when missing.
        public var directory: String
        /// The folder with `initdb` and `pg_ctl`; found automatically when nil (``locateBinaries()``).
        public var binDirectory: String?
        /// Whether writes must survive a crash. Tests turn this off (fsync and full-page writes off).
        public var durable: Bool
        /// The number in the socket's name (`.s.PGSQL.<port>`); no TCP port is opened.
        public var port: Int
        /// Further server settings (`max_connections`, …).
        public var settings: [String: String]

        public init(
            directory: String,
            binDirectory: String? = nil,
            durable: Bool = true,
            port: Int = 5432,
            settings: [String: String] = [:]
        ) {
            self.directory = directory
            self.binDirectory = binDirectory
            self.durable = durable
            self.port = port
            self.settings = settings
        }
    }

    /// The configuration, with ``Configuration/directory`` made absolute.
    public let configuration: Configuration
    /// `initdb`'s and `pg_ctl`'s folder.
    public let binDirectory: String
    /// The cluster's data folder.
    public var dataDirectory: String { configuration.directory + "/data" }
    /// The server's log.
    public var logFile: String { logDirectory + "/postgres.log" }
    private var logDirectory: String { configuration.directory + "/log" }
    /// The folder with the server's Unix socket.
    public let socketDirectory: String

    /// The superuser that `initdb` creates.
    public static let superuser = "postgres"

    /// Prepares to run a cluster in `configuration.directory` (nothing is created yet).
    public init(_ configuration: Configuration) throws(EmbeddedPostgresError) {
        var configuration = configuration
        configuration.directory = URL(fileURLWithPath: configuration.directory).standardizedFileURL.path
        self.configuration = configuration
        if let binDirectory = configuration.binDirectory {
            self.binDirectory = binDirectory
        } else {
            self.binDirectory = try Self.locateBinaries()
        }
        // A Unix socket path may not exceed 107 bytes; fall back to a private folder in /tmp.
        let preferred = configuration.directory + "/run"
        if (preferred + "/.s.PGSQL.\(configuration.port)").utf8.count <= 100 {
            self.socketDirectory = preferred
        } else {
            var hash: UInt64 = 14_695_981_039_346_656_037
            for byte in configuration.directory.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
            self.socketDirectory = "/tmp/embudo-\(getuid())-\(String(hash, radix: 36))"
        }
    }

    /// A libpq connection string for this cluster.
    public func conninfo(user: String = EmbeddedPostgres.superuser, database: String = "postgres") -> String {
        "host='\(socketDirectory)' port=\(configuration.port) user='\(user)' dbname='\(database)'"
    }

    /// Finds the PostgreSQL server programs: `$EMBUDO_PG_BINDIR`, then `pg_config --bindir`, then the
    /// newest `/usr/lib/postgresql/*/bin` (Debian's layout), then `PATH`.
    public static func locateBinaries() throws(EmbeddedPostgresError) -> String {
        let fileManager = FileManager.default
        func hasServer(_ folder: String) -> Bool {
            fileManager.isExecutableFile(atPath: folder + "/initdb") && fileManager.isExecutableFile(atPath: folder + "/pg_ctl")
        }
        if let folder = ProcessInfo.processInfo.environment["EMBUDO_PG_BINDIR"], hasServer(folder) { return folder }
        if let output = try? Command.output("pg_config", ["--bindir"]) {
            let folder = output.trimmingCharacters(in: .whitespacesAndNewlines)
            if hasServer(folder) { return folder }
        }
        let versions = (try? fileManager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
            let folder = "/usr/lib/postgresql/\(version)/bin"
            if hasServer(folder) { return folder }
        }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) where hasServer(folder) {
            return folder
        }
        throw EmbeddedPostgresError(
            "PostgreSQL's server programs (initdb, pg_ctl) were not found. Install them (Debian: "
                + "apt-get install postgresql) or set EMBUDO_PG_BINDIR to their folder."
        )
    }

    /// Whether the data folder already holds a cluster.
    public var isInitialized: Bool {
        FileManager.default.fileExists(atPath: dataDirectory + "/PG_VERSION")
    }

    /// Creates the cluster with `initdb` unless it exists. Returns whether it was created now.
    @discardableResult
    public func initializeIfNeeded() throws(EmbeddedPostgresError) -> Bool {
        try prepareFolders()
        if isInitialized { return false }
        let base = ["-D", dataDirectory, "-U", Self.superuser, "--auth=trust", "--encoding=UTF8"]
        // ICU collation sorts and case-folds accented names properly (josé ~ JOSÉ); fall back to the C
        // locale where ICU is missing.
        do {
            try run("initdb", base + ["--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=und"])
        } catch {
            try? FileManager.default.removeItem(atPath: dataDirectory)
            try prepareFolders()
            try run("initdb", base + ["--no-locale"])
        }
        var settings: [String: String] = [
            "listen_addresses": "''",
            "unix_socket_directories": quoted(socketDirectory),
            "unix_socket_permissions": "0700",
            "port": String(configuration.port),
        ]
        if !configuration.durable {
            settings["fsync"] = "off"
            settings["synchronous_commit"] = "off"
            settings["full_page_writes"] = "off"
        }
        for (key, value) in configuration.settings { settings[key] = value }
        let lines = settings.sorted(by: { $0.key < $1.key }).map { "\($0.key) = \($0.value)" }
        let text = "\n# Embudo's embedded cluster\n" + lines.joined(separator: "\n") + "\n"
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: dataDirectory + "/postgresql.conf"))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        } catch {
            throw EmbeddedPostgresError("cannot write \(dataDirectory)/postgresql.conf: \(error)")
        }
        return true
    }

    /// Whether the cluster's server is running.
    public var isRunning: Bool {
        isInitialized && (try? run("pg_ctl", ["-D", dataDirectory, "status"], quiet: true)) != nil
    }

    /// Starts the server unless it runs already. Returns whether it was started now.
    @discardableResult
    public func start() throws(EmbeddedPostgresError) -> Bool {
        if isRunning { return false }
        try prepareFolders()
        do {
            try run("pg_ctl", ["-D", dataDirectory, "-l", logFile, "-w", "-t", "60", "start"])
        } catch {
            let log = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
            let tail = log.split(separator: "\n").suffix(5).joined(separator: "\n")
            throw EmbeddedPostgresError("PostgreSQL did not start (\(error.message)). Last lines of \(logFile):\n\(tail)")
        }
        return true
    }

    /// Stops the server. `immediate` skips the shutdown checkpoint (for throwaway clusters).
    public func stop(immediate: Bool = false) throws(EmbeddedPostgresError) {
        guard isRunning else { return }
        try run("pg_ctl", ["-D", dataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "stop"])
    }

    /// Stops the server and deletes the whole folder.
    public func destroy() {
        try? stop(immediate: true)
        try? FileManager.default.removeItem(atPath: configuration.directory)
        if !socketDirectory.hasPrefix(configuration.directory) {
            try? FileManager.default.removeItem(atPath: socketDirectory)
        }
    }

    /// Whether every folder above `path` lets other users through (the `postgres` system user must
    /// reach the cluster's folder when root runs Embudo).
    public static func otherUsersCanReach(_ path: String) -> Bool {
        var folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        while true {
            var info = stat()
            if stat(folder.path, &info) == 0, info.st_mode & S_IXOTH == 0 { return false }
            if folder.path == "/" { return true }
            folder = folder.deletingLastPathComponent()
        }
    }

    // MARK: - Running as the right user

    /// Whether PostgreSQL's programs must run as the `postgres` system user.
    private var runsAsPostgresUser: Bool { getuid() == 0 }

    private func prepareFolders() throws(EmbeddedPostgresError) {
        let fileManager = FileManager.default
        for folder in [configuration.directory, dataDirectory, socketDirectory, logDirectory] {
            do {
                try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                if folder != configuration.directory {
                    try fileManager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder)
                }
            } catch {
                throw EmbeddedPostgresError("cannot create \(folder): \(error)")
            }
        }
        guard runsAsPostgresUser else { return }
        guard let account = getpwnam(Self.superuser) else {
            throw EmbeddedPostgresError("running as root, but there is no 'postgres' system user to run PostgreSQL as (apt-get install postgresql creates it)")
        }
        let uid = account.pointee.pw_uid
        let gid = account.pointee.pw_gid
        // The top folder stays root's but must be enterable; the data and socket folders are postgres's.
        chmod(configuration.directory, 0o711)
        for folder in [dataDirectory, socketDirectory, logDirectory] where chown(folder, uid, gid) != 0 {
            throw EmbeddedPostgresError("cannot hand \(folder) to the postgres user")
        }
        if (try? Command.output("/usr/sbin/runuser", ["-u", Self.superuser, "--", "test", "-w", dataDirectory])) == nil {
            throw EmbeddedPostgresError(
                "the postgres system user cannot reach \(configuration.directory) (a parent folder is closed to "
                    + "other users); choose a folder elsewhere with EMBUDO_HOME or --embedded-directory"
            )
        }
    }

    /// Runs one of the installation's programs (`pgbench`, `pg_dump`, …) as the cluster's owner and
    /// returns its standard output.
    @discardableResult
    public func runTool(_ program: String, _ arguments: [String]) throws(EmbeddedPostgresError) -> String {
        try run(program, arguments)
    }

    @discardableResult
    private func run(_ program: String, _ arguments: [String], quiet: Bool = false) throws(EmbeddedPostgresError) -> String {
        let path = binDirectory + "/" + program
        do {
            if runsAsPostgresUser {
                return try Command.output("/usr/sbin/runuser", ["-u", Self.superuser, "--", path] + arguments, quiet: quiet)
            }
            return try Command.output(path, arguments, quiet: quiet)
        } catch {
            throw EmbeddedPostgresError("\(program) failed: \(error.message)")
        }
    }

    private func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
    }
}

/// Why the embedded cluster could not be created, started or stopped.
public struct EmbeddedPostgresError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in words an operator can act on.
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
