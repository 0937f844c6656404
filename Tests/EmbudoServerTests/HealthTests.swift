import EmbudoDatabase
import EmbudoServer
import EmbudoTestSupport
import Foundation
import Hummingbird
import Logging
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs the real server on a free port for the duration of `body`.
func withRunningServer<T: Sendable>(database: Database, _ body: @Sendable (URL) async throws -> T) async throws -> T {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = buildApplication(
        configuration: .init(host: "127.0.0.1", port: 0),
        database: database,
        logger: Logger(label: "test"),
        onServerRunning: { continuation.yield($0) }
    )
    return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
            try await app.run()
            return nil
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        let result = try await body(URL(string: "http://127.0.0.1:\(port)")!)
        group.cancelAll()
        return result
    }
}

@Suite("HTTP server")
struct HealthTests {
    @Test func healthIsOKWhenTheDatabaseAnswers() async throws {
        let database = try await TestDatabase.make()
        let db = Database(conninfo: database.serviceConninfo, poolSize: 1)
        let (status, body) = try await withRunningServer(database: db) { url in
            let (data, response) = try await URLSession.shared.data(from: url.appendingPathComponent("health"))
            return ((response as? HTTPURLResponse)?.statusCode, String(decoding: data, as: UTF8.self))
        }
        #expect(status == 200)
        #expect(body == #"{"status":"ok","database":"ok"}"#)
    }

    @Test func healthIsUnavailableWhenTheDatabaseIsNot() async throws {
        let db = Database(conninfo: "host=/nonexistent-folder port=1 user=nobody", poolSize: 1)
        let (status, body) = try await withRunningServer(database: db) { url in
            let (data, response) = try await URLSession.shared.data(from: url.appendingPathComponent("health"))
            return ((response as? HTTPURLResponse)?.statusCode, String(decoding: data, as: UTF8.self))
        }
        #expect(status == 503)
        #expect(body.contains("unreachable"))
    }
}
