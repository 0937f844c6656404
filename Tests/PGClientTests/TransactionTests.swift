import EmbudoTestSupport
import PGClient
import Testing

@Suite("Transactions, pipelines and prepared statements")
struct TransactionTests {
    let database: TestDatabase
    let connection: PGConnection

    init() async throws {
        database = try await TestDatabase.make(migrated: false)
        connection = try PGConnection(conninfo: database.adminConninfo)
        try connection.execute("CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL)")
    }

    private func count() throws -> Int {
        try connection.query("SELECT count(*) FROM item")[0].decode(Int.self, at: 0)
    }

    @Test func commitsWhenTheBodyReturns() throws {
        let name = try connection.transaction { connection in
            try connection.query("INSERT INTO item VALUES (\(1), \("one"))")
            return try connection.query("SELECT name FROM item WHERE id = \(1)")[0].decode(String.self, at: 0)
        }
        #expect(name == "one")
        #expect(try count() == 1)
        #expect(!connection.isInTransaction)
    }

    @Test func rollsBackWhenTheBodyThrows() throws {
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try connection.transaction { connection in
                try connection.query("INSERT INTO item VALUES (\(1), \("one"))")
                throw Abort()
            }
        }
        #expect(try count() == 0)
        #expect(!connection.isInTransaction)
    }

    @Test func aSwallowedErrorDoesNotReportACommit() throws {
        #expect(throws: PGError.self) {
            try connection.transaction { connection in
                try connection.query("INSERT INTO item VALUES (\(1), \("one"))")
                _ = try? connection.query("INSERT INTO item VALUES (\(1), \("again"))")
            }
        }
        #expect(try count() == 0)
    }

    @Test func preludeRunsInsideTheTransaction() throws {
        let value = try connection.transaction(prelude: ["SELECT set_config('app.test', \("42"), true)"]) { connection in
            try connection.query("SELECT current_setting('app.test')")[0].decode(String.self, at: 0)
        }
        #expect(value == "42")
        // Transaction-local: gone after commit.
        #expect(try connection.query("SELECT current_setting('app.test', true)")[0].decode(String?.self, at: 0) ?? "" == "")
    }

    @Test func singleStatementTransactionInOneRoundTrip() throws {
        let result = try connection.transaction(prelude: ["SELECT set_config('app.who', \("me"), true)"],
                                                single: "INSERT INTO item VALUES (\(5), current_setting('app.who')) RETURNING name")
        #expect(try result[0].decode(String.self, at: 0) == "me")
        #expect(try count() == 1)
        #expect(throws: PGError.self) {
            try connection.transaction(single: "INSERT INTO item VALUES (\(5), \("dup"))")
        }
        #expect(!connection.isInTransaction)
        #expect(try count() == 1)
    }

    @Test func readOnlyRefusesWrites() throws {
        let error = #expect(throws: PGError.self) {
            try connection.transaction(readOnly: true) { connection in
                try connection.query("INSERT INTO item VALUES (\(1), \("one"))")
            }
        }
        #expect(error?.sqlState == "25006")
    }

    @Test func pipelineReturnsResultsInOrder() throws {
        let queries = (0..<2500).map { PGQuery("SELECT $1::int * 2", [$0]) }
        let results = try connection.pipeline(queries)
        #expect(results.count == 2500)
        #expect(try results.enumerated().allSatisfy { try $0.element[0].decode(Int.self, at: 0) == $0.offset * 2 })
    }

    @Test func pipelineErrorSkipsTheRestAndLeavesTheConnectionUsable() throws {
        let error = #expect(throws: PGError.self) {
            try connection.pipeline([
                "INSERT INTO item VALUES (\(1), \("one"))",
                "INSERT INTO item VALUES (\(1), \("dup"))",
                "INSERT INTO item VALUES (\(2), \("two"))",
            ])
        }
        #expect(error?.code == .uniqueViolation)
        // Outside an explicit transaction one batch is one implicit transaction: nothing of it stays.
        #expect(try count() == 0)
        #expect(try connection.query("SELECT 1")[0].decode(Int.self, at: 0) == 1)
    }

    @Test func preparedStatementsAreReused() throws {
        for id in 1...20 {
            try connection.query("INSERT INTO item VALUES (\(id), \("n\(id)"))")
        }
        let prepared = try connection.query("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'INSERT INTO item%'")
        #expect(try prepared[0].decode(Int.self, at: 0) == 1)
        #expect(try count() == 20)
    }

    @Test func preparedStatementsCanBeTurnedOff() throws {
        let plain = try PGConnection(conninfo: database.adminConninfo, options: .init(preparedStatements: false))
        try plain.query("INSERT INTO item VALUES (\(1), \("one"))")
        _ = try plain.pipeline(["SELECT \(1)", "SELECT \(2)"])
        #expect(try plain.query("SELECT count(*) FROM pg_prepared_statements")[0].decode(Int.self, at: 0) == 0)
    }

    /// A statement planned for its values is sent unnamed every time, alone and in a pipeline, and
    /// planned for the values it carries even where the session's default is a generic plan; the
    /// default is back after it, also when it fails.
    @Test func aStatementPlannedForItsValuesIsPlannedForThem() throws {
        try connection.query("INSERT INTO item VALUES (\(1), \("n1")), (\(2), \("n12")), (\(3), \("x"))")
        try connection.execute("SET plan_cache_mode = force_generic_plan")
        var search: PGQuery = "SELECT count(*) FROM item WHERE name LIKE \("n1%")"
        search.plannedPerExecution = true
        for _ in 1...6 { #expect(try connection.query(search)[0].decode(Int.self, at: 0) == 2) }
        var explain = search
        explain.sql = "EXPLAIN " + search.sql
        let plan = try connection.query(explain).map { try $0.decode(String.self, at: 0) }.joined(separator: "\n")
        #expect(plan.contains("'n1%'"), "\(plan)")
        let results = try connection.pipeline([search, "SHOW plan_cache_mode", explain])
        #expect(try results[1][0].decode(String.self, at: 0) == "force_generic_plan")
        #expect(try results[2].map { try $0.decode(String.self, at: 0) }.joined().contains("'n1%'"))
        var failing: PGQuery = "SELECT count(*) FROM item WHERE name LIKE \("n1%") AND 1 / \(0) = 1"
        failing.plannedPerExecution = true
        #expect(throws: PGError.self) { try connection.query(failing) }
        #expect(try connection.query("SHOW plan_cache_mode")[0].decode(String.self, at: 0) == "force_generic_plan")
        #expect(try connection.query("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'SELECT count(*) FROM item %'")[0]
            .decode(Int.self, at: 0) == 0)
    }

    @Test func nestedTransactionIsRefused() throws {
        #expect(throws: PGError.self) {
            try connection.transaction { connection in
                try connection.query("SELECT 1")
                try connection.transaction { try $0.query("SELECT 2") }
            }
        }
    }

    @Test func noticesGoToTheHandler() throws {
        let received = NoticeRecorder()
        let listening = try PGConnection(conninfo: database.adminConninfo, options: .init(noticeHandler: { received.add($0) }))
        try listening.execute("DO $$ BEGIN RAISE NOTICE 'hello from the server'; END $$")
        #expect(received.all.contains { $0.contains("hello from the server") })
    }
}

final class NoticeRecorder: Sendable {
    private let notices = Mutex<[String]>([])
    func add(_ notice: String) { notices.withLock { $0.append(notice) } }
    var all: [String] { notices.withLock { $0 } }
}

import Synchronization
