import EmbudoDatabase
import EmbudoModel
import EmbudoServer
import EmbudoTestSupport
import Foundation
import Logging
import PGClient
import Synchronization
import Testing

/// BI logins' limits hold whatever the login SETs: a connection limit of its own, and the watchdog of
/// `embudo serve` (`embudo.bi_watchdog`) for statement time, parallel workers and writes.
@Suite("BI watchdog")
struct BIWatchdogTests {
    /// A database with one company and a BI login of it (dropped by `drop`).
    struct Fixture {
        let database: TestDatabase
        let login: String
        let db: Database

        init(connections: Int = 2) async throws {
            database = try await TestDatabase.make()
            let admin = Administration(connection: try database.adminConnection())
            let company = try admin.createCompany(named: "Acme")
            login = "bi_watch_\(database.name)"
            try admin.createBILogin(company: company.id, login: login, password: "x", connections: connections)
            db = Database(conninfo: database.serviceConninfo, poolSize: 1)
        }

        func bi() throws -> PGConnection { try PGConnection(conninfo: database.conninfo(user: login)) }

        func drop() {
            db.shutdown()
            guard let admin = try? database.adminConnection() else { return }
            _ = try? admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = \(login)")
            try? Administration(connection: admin).dropBILogin(login: login)
        }
    }

    /// Runs `sql` on its own thread as a new BI session; the outcome arrives on the stream.
    static func runInBackground(_ f: Fixture, _ sql: [String]) -> AsyncStream<Result<Void, PGError>> {
        let (stream, continuation) = AsyncStream.makeStream(of: Result<Void, PGError>.self)
        let conninfo = f.database.conninfo(user: f.login)
        Thread.detachNewThread {
            do {
                let connection = try PGConnection(conninfo: conninfo)
                for statement in sql { try connection.execute(statement) }
                continuation.yield(.success(()))
            } catch let error as PGError {
                continuation.yield(.failure(error))
            } catch {
                continuation.yield(.failure(PGError(.client, message: "\(error)")))
            }
            continuation.finish()
        }
        return stream
    }

    @Test func aBILoginCannotExceedItsConnectionLimit() async throws {
        let f = try await Fixture(connections: 2)
        defer { f.drop() }
        let first = try f.bi()
        let second = try f.bi()
        _ = (first, second)
        let error = #expect(throws: PGError.self) { try f.bi() }
        #expect(error?.code == .connectionFailed)
        #expect(error?.serverMessage.contains("too many connections") == true)
        let limit = try f.database.adminConnection().query("SELECT rolconnlimit FROM pg_roles WHERE rolname = \(f.login)")[0].decode(Int.self, at: 0)
        #expect(limit == 2)
        // The login cannot lift it.
        #expect(throws: PGError.self) { try first.execute("ALTER ROLE \(f.login) CONNECTION LIMIT -1") }
    }

    /// The attack: switch the timeout and the parallel limit off, then run a long query. The watchdog
    /// running in the server cancels it.
    @Test func aLongQueryIsCancelledWhateverTheLoginSet() async throws {
        let f = try await Fixture()
        defer { f.drop() }
        let outcome = Self.runInBackground(f, [
            "SET statement_timeout = 0", "SET max_parallel_workers_per_gather = 8", "SET default_transaction_read_only = off",
            "SELECT pg_sleep(600)",
        ])
        let watchdog = BIWatchdogService(database: f.db, configuration: .init(statementTimeout: .milliseconds(300), interval: .milliseconds(50)),
                                         logger: Logger(label: "test"))
        let running = Task { try await watchdog.run() }
        defer { running.cancel() }
        var iterator = outcome.makeAsyncIterator()
        let result = try #require(await iterator.next())
        guard case .failure(let error) = result else { Issue.record("the long query was not cancelled"); return }
        #expect(error.code == .queryCanceled)
    }

    /// Parallel workers are stopped however the login asked for them (here forced on every query).
    @Test func parallelWorkersAreCancelled() async throws {
        let f = try await Fixture()
        defer { f.drop() }
        let outcome = Self.runInBackground(f, [
            "SET statement_timeout = 0", "SET max_parallel_workers_per_gather = 8", "SET force_parallel_mode = on",
            "SELECT pg_sleep(600)",
        ])
        // A long limit: only the parallel workers can get the statement cancelled.
        let watchdog = BIWatchdogService(database: f.db, configuration: .init(statementTimeout: .seconds(3600), interval: .milliseconds(50)),
                                         logger: Logger(label: "test"))
        var stopped: [BIWatchdogService.Stopped] = []
        for _ in 0..<600 where stopped.isEmpty {
            stopped = try await watchdog.check()
            if stopped.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(stopped.map(\.reason) == ["parallel workers"])
        #expect(stopped.map(\.login) == [f.login])
        var iterator = outcome.makeAsyncIterator()
        guard case .failure(let error) = try #require(await iterator.next()) else { Issue.record("not cancelled"); return }
        #expect(error.code == .queryCanceled)
    }

    /// Read-only is no setting either: with it switched off, a BI login still writes nothing (it holds no
    /// write right, and large objects are not PUBLIC's), and a session holding a transaction id is ended.
    @Test func aBILoginWritesNothingWithReadOnlyOff() async throws {
        let f = try await Fixture()
        defer { f.drop() }
        let bi = try f.bi()
        try bi.execute("SET default_transaction_read_only = off")
        for statement in ["SELECT lo_create(0)", "SELECT lo_from_bytea(0, 'x')", "CREATE TABLE report.t (x int)",
                          "DELETE FROM report.opportunity"] {
            #expect(throws: PGError.self, "\(statement)") { try bi.execute(statement) }
        }
        // Whatever it found to write: the transaction id gives it away.
        try bi.execute("BEGIN")
        _ = try bi.query("SELECT pg_current_xact_id()::text")
        let watchdog = BIWatchdogService(database: f.db, configuration: .init(statementTimeout: .seconds(3600)), logger: Logger(label: "test"))
        #expect(try await watchdog.check().map(\.reason) == ["wrote"])
        #expect(throws: PGError.self) { try bi.query("SELECT 1") }
    }

    /// An advisory lock held by a BI login (the migrator's, say, which every `embudo serve` start waits
    /// for) ends its session, idle or not.
    @Test func aBILoginHoldingAnAdvisoryLockIsEnded() async throws {
        let f = try await Fixture()
        defer { f.drop() }
        let bi = try f.bi()
        let migratorLock = 0x656d_6275_646f
        _ = try bi.query("SELECT pg_advisory_lock(\(migratorLock))")
        let watchdog = BIWatchdogService(database: f.db, configuration: .init(statementTimeout: .seconds(3600)), logger: Logger(label: "test"))
        #expect(try await watchdog.check().map(\.reason) == ["advisory lock"])
        #expect(throws: PGError.self) { try bi.query("SELECT 1") }
        // The lock goes with the session: the migrator gets it (waiting for the backend to exit, not a duration).
        let admin = try f.database.adminConnection()
        _ = try admin.query("SET lock_timeout = '30s'")
        _ = try admin.query("SELECT pg_advisory_lock(\(migratorLock))")
    }
}
