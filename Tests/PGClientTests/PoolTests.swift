import EmbeddedPostgres
import EmbudoTestSupport
import Foundation
import PGClient
import Synchronization
import Testing

@Suite("Connection pool")
struct PoolTests {
    @Test func manyConcurrentCallersShareFewConnections() async throws {
        let database = try await TestDatabase.make(migrated: false)
        let pool = PGPool(.init(conninfo: database.adminConninfo, size: 2))
        defer { pool.shutdown() }
        let sum = try await withThrowingTaskGroup(of: Int.self) { group in
            for value in 0..<200 {
                group.addTask {
                    try await pool.withConnection { try $0.query("SELECT \(value)::int")[0].decode(Int.self, at: 0) }
                }
            }
            var sum = 0
            for try await value in group { sum += value }
            return sum
        }
        #expect(sum == (0..<200).reduce(0, +))
        #expect(pool.statistics.connectionsOpened == 2)
    }

    /// Holds an advisory lock so that a pooled job asking for it blocks until the test lets it go.
    private struct Gate {
        let holder: PGConnection
        init(_ database: TestDatabase) throws {
            holder = try database.adminConnection()
            try holder.query("SELECT pg_advisory_lock(42)")
        }
        func open() throws { try holder.query("SELECT pg_advisory_unlock(42)") }
        static let wait: PGQuery = "SELECT pg_advisory_lock(42), pg_advisory_unlock(42)"
    }

    private func waitUntil(_ condition: () -> Bool) async throws {
        while !condition() { try await Task.sleep(for: .milliseconds(10)) }
    }

    @Test func waitingLongerThanTheTimeoutFails() async throws {
        let database = try await TestDatabase.make(migrated: false)
        let pool = PGPool(.init(conninfo: database.adminConninfo, size: 1, acquireTimeout: .milliseconds(200)))
        defer { pool.shutdown() }
        let gate = try Gate(database)
        let blocker = Task { try await pool.withConnection { try $0.query(Gate.wait); return true } }
        try await waitUntil { pool.statistics.busy == 1 }
        let error = await #expect(throws: PGError.self) {
            try await pool.withConnection { try $0.query("SELECT 1"); return true }
        }
        #expect(error?.code == .poolTimeout)
        // The error came while the only connection was still busy, not after it was freed.
        #expect(pool.statistics.busy == 1)
        try gate.open()
        #expect(try await blocker.value)
        #expect(pool.statistics.timeouts == 1)
        // The pool still works afterwards.
        #expect(try await pool.withConnection { try $0.query("SELECT 7")[0].decode(Int.self, at: 0) } == 7)
    }

    @Test func aFullWaitQueueRefusesAtOnce() async throws {
        let database = try await TestDatabase.make(migrated: false)
        let pool = PGPool(.init(conninfo: database.adminConninfo, size: 1, acquireTimeout: .seconds(60), maxWaiting: 1))
        defer { pool.shutdown() }
        let gate = try Gate(database)
        let blocker = Task { try await pool.withConnection { try $0.query(Gate.wait); return true } }
        try await waitUntil { pool.statistics.busy == 1 }
        let waiter = Task { try await pool.withConnection { _ in true } }
        try await waitUntil { pool.statistics.waiting == 1 }
        let error = await #expect(throws: PGError.self) { try await pool.withConnection { _ in true } }
        #expect(error?.code == .poolExhausted)
        try gate.open()
        #expect(try await blocker.value)
        #expect(try await waiter.value)
    }

    @Test func callersOnThePoolsThreadsUseTheirThreadsConnection() async throws {
        let database = try await TestDatabase.make(migrated: false)
        let pool = PGPool(.init(conninfo: database.adminConninfo, size: 2))
        defer { pool.shutdown() }
        let pids = try await withThrowingTaskGroup(of: Set<Int>.self) { group in
            for _ in 0..<2 {
                group.addTask(executorPreference: pool) {
                    var seen = Set<Int>()
                    for value in 0..<50 {
                        let (echo, pid) = try await pool.withConnection { connection in
                            (try connection.query("SELECT \(value)::int")[0].decode(Int.self, at: 0), connection.backendPID)
                        }
                        #expect(echo == value)
                        seen.insert(pid)
                    }
                    return seen
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        // Each caller stayed on one thread and so used one connection throughout.
        #expect(pids.allSatisfy { $0.count == 1 })
        #expect(pool.statistics.connectionsOpened <= 2)
        // Transactions work the same way inline, including rollback of what a job leaves open.
        let value = try await withTaskExecutorPreference(pool) {
            _ = try? await pool.withConnection { connection in
                try connection.execute("BEGIN")
                try connection.query("SELECT 1/0")
                return true
            }
            return try await pool.transaction { try $0.query("SELECT 9")[0].decode(Int.self, at: 0) }
        }
        #expect(value == 9)
    }

    @Test func aJobThatLeavesATransactionOpenDoesNotPoisonTheNext() async throws {
        let database = try await TestDatabase.make(migrated: false)
        let pool = PGPool(.init(conninfo: database.adminConninfo, size: 1))
        defer { pool.shutdown() }
        _ = try? await pool.withConnection { connection in
            try connection.execute("BEGIN")
            try connection.query("SELECT 1/0")
            return true
        }
        let state = try await pool.withConnection { $0.isInTransaction }
        #expect(!state)
    }

    @Test func transactionsRetrySerializationFailures() async throws {
        let database = try await TestDatabase.make(migrated: false)
        let pool = PGPool(.init(conninfo: database.adminConninfo, size: 1))
        defer { pool.shutdown() }
        let attempts = Atomic<Int>(0)
        let result = try await pool.transaction { connection in
            if attempts.add(1, ordering: .relaxed).newValue < 3 {
                try connection.query("DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'serialization_failure'; END $$")
            }
            return try connection.query("SELECT 5")[0].decode(Int.self, at: 0)
        }
        #expect(result == 5)
        #expect(attempts.load(ordering: .relaxed) == 3)
    }

    @Test func unreachableServerFailsFast() async throws {
        let pool = PGPool(.init(conninfo: "host=/nonexistent-folder port=1 user=nobody", size: 1))
        defer { pool.shutdown() }
        let error = await #expect(throws: PGError.self) { try await pool.withConnection { _ in true } }
        #expect(error?.code == .connectionFailed)
    }

    @Test func aConnectionBrokenByAServerRestartIsReplaced() async throws {
        // A cluster of this test's own, since it restarts the server.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("embudo-restart-\(UUID().uuidString.prefix(8))").path
        let cluster = try EmbeddedPostgres(.init(directory: directory, durable: false))
        defer { cluster.destroy() }
        try cluster.initializeIfNeeded()
        try cluster.start()
        let pool = PGPool(.init(conninfo: cluster.conninfo(), size: 1))
        defer { pool.shutdown() }
        let before = try await pool.withConnection { $0.backendPID }

        try cluster.stop()
        try cluster.start()

        // The old connection is dead; the first call may see that, the next gets a new connection.
        _ = try? await pool.withConnection { try $0.query("SELECT 1"); return true }
        let after = try await pool.withConnection { connection in
            (try connection.query("SELECT 1")[0].decode(Int.self, at: 0), connection.backendPID)
        }
        #expect(after.0 == 1)
        #expect(after.1 != before)
        #expect(pool.statistics.connectionsOpened == 2)
    }

    @Test func transactionRetriesAfterAConnectionLostBeforeCommit() async throws {
        let database = try await TestDatabase.make(migrated: false)
        let pool = PGPool(.init(conninfo: database.adminConninfo, size: 1))
        defer { pool.shutdown() }
        let victim = try await pool.withConnection { $0.backendPID }
        let admin = try PGConnection(conninfo: database.adminConninfo)
        // Terminated, and waited for: the pool's connection is dead when the transaction starts.
        try admin.query("SELECT pg_terminate_backend(\(victim), 60000)")
        let value = try await pool.transaction { try $0.query("SELECT 3")[0].decode(Int.self, at: 0) }
        #expect(value == 3)
    }
}
