import ArgumentParser
import EmbeddedPostgres
import Foundation
import PGClient

/// Single-row selects through Embudo's libpq layer against `pgbench -S -M prepared`, on one private
/// cluster, in the same run, rounds interleaved so that the machine's noise hits both alike.
///
/// Build and run: `EMBUDO_BENCHMARKS=1 swift run -c release embudo-bench`.
/// Prints a line at once, even when standard output is a file.
func log(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

@main
struct Benchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embudo-bench",
        abstract: "Compare single-row selects through PGClient with pgbench -S -M prepared."
    )

    @Option(help: "Seconds per measurement.") var seconds = 5
    @Option(help: "Rounds; medians are reported.") var rounds = 5
    @Option(help: "pgbench scale factor (100,000 accounts each).") var scale = 10
    @Option(parsing: .upToNextOption, help: "Client counts.") var clients: [Int] = [1, 4]
    @Option(help: "Connections in PGPool (default: one per client).") var poolSize: Int?
    @Flag(help: "Connect over TCP on 127.0.0.1 instead of the Unix socket (both pgbench and PGPool).") var tcp = false

    func run() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("embudo-bench-\(getpid())").path
        var settings = ["max_connections": "100"]
        if tcp { settings["listen_addresses"] = "'127.0.0.1'" }
        let port = tcp ? Int.random(in: 20_000..<30_000) : 5432
        let cluster = try EmbeddedPostgres(.init(directory: directory, durable: false, port: port, settings: settings))
        defer { cluster.destroy() }
        try cluster.initializeIfNeeded()
        try cluster.start()
        let admin = try PGConnection(conninfo: cluster.conninfo())
        try admin.execute("CREATE DATABASE bench")
        let host = tcp ? "127.0.0.1" : cluster.socketDirectory
        let connectionArguments = ["-h", host, "-p", String(cluster.configuration.port), "-U", EmbeddedPostgres.superuser]
        log("Initialising pgbench tables (scale \(scale))…")
        try cluster.runTool("pgbench", ["-i", "-q", "-s", String(scale)] + connectionArguments + ["bench"])
        let accounts = scale * 100_000
        let conninfo = tcp
            ? "host=127.0.0.1 port=\(port) user=\(EmbeddedPostgres.superuser) dbname=bench"
            : cluster.conninfo(database: "bench")
        log("Connecting over \(tcp ? "TCP 127.0.0.1:\(port)" : "the Unix socket in \(cluster.socketDirectory)")")

        var results: [String: [Double]] = [:]
        for round in 1...rounds {
            for count in clients {
                let baseline = try cluster.runTool("pgbench", ["-S", "-M", "prepared", "-n", "-c", String(count), "-j", String(count),
                                                   "-T", String(seconds)] + connectionArguments + ["bench"])
                let tps = Double(baseline.split(separator: "\n").first { $0.hasPrefix("tps = ") }?
                    .split(separator: " ")[2] ?? "0") ?? 0
                results["pgbench -S -M prepared, \(count) client(s)", default: []].append(tps)

                let select = try await measure(conninfo: conninfo, clients: count, accounts: accounts, onPoolThreads: false) { connection, aid in
                    try connection.query("SELECT abalance FROM pgbench_accounts WHERE aid = \(aid)")[0].decode(Int.self, at: 0)
                }
                results["PGPool select, caller hops to a pool thread, \(count) client(s)", default: []].append(select)

                let affine = try await measure(conninfo: conninfo, clients: count, accounts: accounts) { connection, aid in
                    try connection.query("SELECT abalance FROM pgbench_accounts WHERE aid = \(aid)")[0].decode(Int.self, at: 0)
                }
                results["PGPool select, caller on a pool thread, \(count) client(s)", default: []].append(affine)

                let tenant = try await measure(conninfo: conninfo, clients: count, accounts: accounts) { connection, aid in
                    try connection.transaction(
                        prelude: ["SELECT set_config('embudo.company_ids', \("1"), true)"], readOnly: true,
                        single: "SELECT abalance FROM pgbench_accounts WHERE aid = \(aid)"
                    )[0].decode(Int.self, at: 0)
                }
                results["PGPool BEGIN+context+select+COMMIT pipelined, \(count) client(s)", default: []].append(tenant)

                let unpipelined = try await measure(conninfo: conninfo, clients: count, accounts: accounts) { connection, aid in
                    try connection.execute("BEGIN READ ONLY")
                    try connection.query("SELECT set_config('embudo.company_ids', \("1"), true)")
                    let value = try connection.query("SELECT abalance FROM pgbench_accounts WHERE aid = \(aid)")[0].decode(Int.self, at: 0)
                    try connection.execute("COMMIT")
                    return value
                }
                results["PGPool BEGIN+context+select+COMMIT in 4 round trips, \(count) client(s)", default: []].append(unpipelined)
                log("round \(round), \(count) client(s): pgbench \(Int(tps)), PGPool hop \(Int(select)), on pool thread \(Int(affine)), pipelined txn \(Int(tenant)), 4-trip txn \(Int(unpipelined)) per second")
            }
        }

        func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }
        log("\nMedians of \(rounds) rounds of \(seconds) s (statements or transactions per second):")
        for count in clients {
            let baseline = median(results["pgbench -S -M prepared, \(count) client(s)"] ?? [])
            for key in results.keys.sorted() where key.hasSuffix(", \(count) client(s)") {
                let value = median(results[key]!)
                log(String(format: "  %-70@ %9.0f   ratio to pgbench %.2f", key as NSString, value, value / baseline))
            }
        }
    }

    /// Runs `clients` concurrent callers for `seconds`, each doing one pool job per statement; with
    /// `onPoolThreads` the callers prefer the pool as their task executor, as the server's requests do.
    private func measure(
        conninfo: String, clients: Int, accounts: Int, onPoolThreads: Bool = true,
        _ work: @escaping @Sendable (PGConnection, Int) throws -> Int
    ) async throws -> Double {
        let pool = PGPool(.init(conninfo: conninfo, size: poolSize ?? clients))
        defer { pool.shutdown() }
        // Open every connection and prepare the statement before the clock starts, as pgbench does.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<clients * 4 {
                group.addTask { _ = try await pool.withConnection { try work($0, 1) } }
            }
            try await group.waitForAll()
        }
        let duration = Duration.seconds(seconds)
        let start = ContinuousClock.now
        let total = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<clients {
                group.addTask(executorPreference: onPoolThreads ? pool : nil) {
                    var done = 0
                    var generator = SystemRandomNumberGenerator()
                    while ContinuousClock.now - start < duration {
                        let aid = Int(generator.next(upperBound: UInt64(accounts))) + 1
                        _ = try await pool.withConnection { try work($0, aid) }
                        done += 1
                    }
                    return done
                }
            }
            var total = 0
            for try await count in group { total += count }
            return total
        }
        let elapsed = ContinuousClock.now - start
        return Double(total) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
