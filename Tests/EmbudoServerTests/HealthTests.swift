import EmbudoDatabase
import EmbudoModel
import EmbudoObservability
import EmbudoServer
import EmbudoTestSupport
import Foundation
import Hummingbird
import Logging
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs the real server on a free port for the duration of `body`, with its own metrics registry and
/// logger (never the process-wide systems: tests run in parallel in one process).
func withRunningServer<T: Sendable>(
    database: Database, databaseName: String = "embudo", webRoot: String? = nil,
    metrics: PrometheusRegistry = PrometheusRegistry(), logger: Logger = Logger(label: "test"), callLogLevel: Logger.Level = .info,
    _ body: @Sendable (URL) async throws -> T
) async throws -> T {
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let app = buildApplication(
        configuration: .init(host: "127.0.0.1", port: 0, webRoot: webRoot), database: database, databaseName: databaseName,
        metrics: metrics, logger: logger, callLogLevel: callLogLevel, onServerRunning: { continuation.yield($0) }
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

/// A database with one company, Acme, and its administrator `ana` whose password is `password`: the
/// test database, a service pool on it, and ana's id.
func databaseWithUser(password: String) async throws -> (TestDatabase, Database, Int) {
    let database = try await TestDatabase.make()
    let admin = Administration(connection: try database.adminConnection())
    let company = try admin.createCompany(named: "Acme")
    let uid = try admin.ensureUser(login: "ana", password: password).id
    try admin.grant(user: uid, company: company.id, access: .admin)
    return (database, Database(conninfo: database.serviceConninfo, poolSize: 2), uid)
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

@Suite("JSON-RPC over HTTP")
struct JSONRPCHTTPTests {
    private func post(_ url: URL, _ body: Data) async throws -> (Int?, [String: Any]) {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode, try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:])
    }

    @Test func versionLoginAndErrorsAnswerHTTP200() async throws {
        let database = try await TestDatabase.make()
        let db = Database(conninfo: database.serviceConninfo, poolSize: 1)
        try await withRunningServer(database: db, databaseName: database.name) { url in
            let version = try await post(url.appendingPathComponent("web/webclient/version_info"),
                                         Data(#"{"jsonrpc":"2.0","method":"call","params":{},"id":1}"#.utf8))
            #expect(version.0 == 200)
            #expect((version.1["result"] as? [String: Any])?["server_version"] as? String == "17.0")

            let login = try await post(url.appendingPathComponent("jsonrpc"), Data("""
                {"jsonrpc":"2.0","method":"call","params":{"service":"common","method":"login","args":["\(database.name)","nobody","x"]},"id":2}
                """.utf8))
            #expect(login.0 == 200)
            #expect(login.1["result"] as? Bool == false)

            let huge = try await post(url.appendingPathComponent("jsonrpc"), Data(repeating: UInt8(ascii: " "), count: 9 << 20))
            #expect(huge.0 == 200)
            #expect(((huge.1["error"] as? [String: Any])?["data"] as? [String: Any])?["name"] as? String == "werkzeug.exceptions.BadRequest")

            // The server still serves after all that.
            let again = try await post(url.appendingPathComponent("jsonrpc"),
                                       Data(#"{"params":{"service":"common","method":"version"},"id":3}"#.utf8))
            #expect(again.1["id"] as? Int == 3)
        }
    }
}
