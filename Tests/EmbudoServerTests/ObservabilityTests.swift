import EmbudoDatabase
import EmbudoModel
import EmbudoObservability
import EmbudoServer
import EmbudoTestSupport
import Foundation
import Hummingbird
import Logging
import Synchronization
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Log lines written by a ``JSONLogHandler``, kept in memory.
private final class CapturedLines: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }

    func logger() -> Logger {
        Logger(label: "test") { label in
            var handler = JSONLogHandler(label: label) { line in self.lines.withLock { $0.append(line) } }
            handler.logLevel = .debug
            return handler
        }
    }
}

private struct HTTPAnswer: Sendable {
    var status: Int
    var body: String
    var requestID: String?
}

private func get(_ url: URL, requestID: String? = nil) async throws -> HTTPAnswer {
    var request = URLRequest(url: url)
    if let requestID { request.setValue(requestID, forHTTPHeaderField: "X-Request-Id") }
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = response as? HTTPURLResponse
    return HTTPAnswer(status: http?.statusCode ?? 0, body: String(decoding: data, as: UTF8.self),
                      requestID: http?.value(forHTTPHeaderField: "X-Request-Id"))
}

/// `object.execute_kw` over `/jsonrpc`.
private func executeKW(
    _ url: URL, db: String, uid: Int, password: String, model: String, method: String, args: String = "[[]]", requestID: String? = nil
) async throws -> (HTTPAnswer, [String: Any]) {
    var request = URLRequest(url: url.appendingPathComponent("jsonrpc"))
    request.httpMethod = "POST"
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    if let requestID { request.setValue(requestID, forHTTPHeaderField: "X-Request-Id") }
    request.httpBody = Data("""
        {"jsonrpc":"2.0","method":"call","id":1,"params":{"service":"object","method":"execute_kw",
        "args":["\(db)",\(uid),"\(password)","\(model)","\(method)",\(args)]}}
        """.utf8)
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = response as? HTTPURLResponse
    let answer = HTTPAnswer(status: http?.statusCode ?? 0, body: String(decoding: data, as: UTF8.self),
                            requestID: http?.value(forHTTPHeaderField: "X-Request-Id"))
    return (answer, try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:])
}

@Suite("Observability")
struct ObservabilityTests {
    @Test func metricsCountCallsByOutcomeWithHTTPAndPoolSeries() async throws {
        let password = "ana-secret-1"
        let (database, db, uid) = try await databaseWithUser(password: password)
        let metrics = PrometheusRegistry()
        let (text, contentType) = try await withRunningServer(database: db, databaseName: database.name, metrics: metrics, callLogLevel: .debug) { url in
            let ok = try await executeKW(url, db: database.name, uid: uid, password: password, model: "res.partner", method: "search_read")
            #expect(ok.1["result"] != nil)
            let denied = try await executeKW(url, db: database.name, uid: uid, password: "wrong", model: "res.partner", method: "search_read")
            #expect(((denied.1["error"] as? [String: Any])?["data"] as? [String: Any])?["name"] as? String == "odoo.exceptions.AccessDenied")
            let invalid = try await executeKW(url, db: database.name, uid: uid, password: password, model: "res.partner", method: "write",
                                              args: #"[[1], "not a dictionary"]"#)
            #expect(invalid.1["error"] != nil)
            _ = try await get(url.appendingPathComponent("no/such/page"))
            // The web client's call_kw without a session, and JSON-2 with a bad key.
            var callKW = URLRequest(url: url.appendingPathComponent("web/dataset/call_kw"))
            callKW.httpMethod = "POST"
            callKW.setValue("application/json", forHTTPHeaderField: "Content-Type")
            callKW.httpBody = Data(#"{"params":{"model":"crm.lead","method":"search_count","args":[[]],"kwargs":{}}}"#.utf8)
            _ = try await URLSession.shared.data(for: callKW)
            var json2 = URLRequest(url: url.appendingPathComponent("json/2/crm.lead/search_count"))
            json2.httpMethod = "POST"
            json2.setValue("bearer not-a-key", forHTTPHeaderField: "Authorization")
            json2.httpBody = Data("{}".utf8)
            _ = try await URLSession.shared.data(for: json2)
            var request = URLRequest(url: url.appendingPathComponent("metrics"))
            request.httpMethod = "GET"
            let (data, response) = try await URLSession.shared.data(for: request)
            return (String(decoding: data, as: UTF8.self), (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Type"))
        }
        #expect(contentType?.hasPrefix("text/plain; version=0.0.4") == true)
        #expect(text.contains(#"embudo_rpc_calls_total{method="search_read",model="res.partner",outcome="ok"} 1"#))
        #expect(text.contains(#"embudo_rpc_calls_total{method="search_read",model="res.partner",outcome="AccessDenied"} 1"#))
        #expect(text.contains(#"embudo_rpc_calls_total{method="write",model="res.partner",outcome=""#))
        #expect(text.contains("# TYPE embudo_rpc_call_duration_seconds histogram"))
        #expect(text.contains(#"embudo_rpc_call_duration_seconds_bucket{method="search_read",model="res.partner",le="+Inf"} 2"#))
        #expect(text.contains(#"embudo_rpc_call_duration_seconds_bucket{method="search_read",model="res.partner",le="0.0005"}"#))
        #expect(text.contains(#"embudo_rpc_call_duration_seconds_count{method="search_read",model="res.partner"} 2"#))
        #expect(text.contains(#"embudo_http_requests_total{route="/jsonrpc",status="200"} 3"#))
        #expect(text.contains(#"embudo_http_requests_total{route="other",status="404"} 1"#))
        #expect(!text.contains("no/such/page"))
        #expect(text.contains(#"embudo_rpc_calls_total{method="search_count",model="crm.lead",outcome="SessionExpired"} 1"#))
        #expect(text.contains(#"embudo_rpc_calls_total{method="search_count",model="crm.lead",outcome="AccessDenied"} 1"#))
        #expect(text.contains(#"embudo_http_requests_total{route="/json/2/{model}/{method}",status="401"} 1"#))
        #expect(text.contains(#"embudo_db_pool_connections{state="busy"} "#))
        #expect(text.contains(#"embudo_db_pool_connections{state="idle"} "#))
        #expect(text.contains("embudo_db_pool_waiting 0"))
        #expect(text.contains("embudo_db_pool_timeouts_total 0"))
        #expect(text.contains("embudo_db_pool_connections_opened_total "))
        #expect(!text.contains(password))
    }

    @Test func unknownModelsAndMethodsShareTheLabelOther() async throws {
        let password = "ana-secret-1"
        let (database, db, uid) = try await databaseWithUser(password: password)
        let metrics = PrometheusRegistry()
        let names = (0..<100).map { _ in "x." + String(UInt64.random(in: 0 ... .max), radix: 36) }
        let text = try await withRunningServer(database: db, databaseName: database.name, metrics: metrics, callLogLevel: .debug) { url in
            for name in names {
                _ = try await executeKW(url, db: database.name, uid: uid, password: password, model: name, method: "search")
            }
            for name in names.prefix(20) {
                _ = try await executeKW(url, db: database.name, uid: uid, password: password, model: "res.partner", method: name)
            }
            return try await get(url.appendingPathComponent("metrics")).body
        }
        let calls = text.split(separator: "\n").filter { $0.hasPrefix("embudo_rpc_calls_total{") }
        #expect(calls.count <= 3)
        #expect(text.contains(#"embudo_rpc_calls_total{method="search",model="other",outcome="UserError"} 100"#))
        #expect(text.contains(#"embudo_rpc_calls_total{method="other",model="res.partner",outcome="AttributeError"} 20"#))
        for name in names { #expect(!text.contains(name)) }
    }

    @Test func requestIDsAreEchoedOrGenerated() async throws {
        let db = Database(conninfo: "host=/nonexistent-folder port=1 user=nobody", poolSize: 1)
        let answers = try await withRunningServer(database: db, callLogLevel: .debug) { url in
            let live = url.appendingPathComponent("health/live")
            return [
                try await get(live, requestID: "abc-123_DEF.4:5"), try await get(live), try await get(live, requestID: "bad id!"),
                try await get(live, requestID: String(repeating: "a", count: 65)),
                try await get(url.appendingPathComponent("no/such/page"), requestID: "lost-1"),
            ]
        }
        #expect(answers[0].requestID == "abc-123_DEF.4:5")
        for generated in answers[1...3] {
            #expect(generated.requestID?.count == 16)
            #expect(generated.requestID?.allSatisfy { $0.isHexDigit } == true)
        }
        #expect(answers[1].requestID != answers[2].requestID)
        #expect(answers[4].status == 404)
        #expect(answers[4].requestID == "lost-1")
    }

    @Test func jsonLogLinesCarryTheRequestAndNeverThePassword() async throws {
        let password = "Very-Secret-Pa55word"
        let (database, db, uid) = try await databaseWithUser(password: password)
        let captured = CapturedLines()
        let requestIDs = try await withRunningServer(database: db, databaseName: database.name, logger: captured.logger(),
                                                     callLogLevel: .debug) { url in
            let ok = try await executeKW(url, db: database.name, uid: uid, password: password, model: "res.partner", method: "search_read",
                                         args: #"[[["name", "=", "Very-Secret-Pa55word"]]]"#, requestID: "req-ok-1")
            let denied = try await executeKW(url, db: database.name, uid: uid, password: password + "x", model: "crm.lead", method: "read",
                                             args: "[[1]]")
            return [ok.0.requestID, denied.0.requestID]
        }
        let objects = try captured.all.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        for line in captured.all { #expect(!line.contains(password)) }
        for object in objects {
            #expect(object["timestamp"] as? String != nil)
            #expect(object["level"] as? String != nil)
            #expect(object["label"] as? String == "test")
        }
        let calls = objects.filter { $0["message"] as? String == "RPC call" }
        #expect(calls.count == 2)
        let ok = try #require(calls.first { $0["outcome"] as? String == "ok" })
        #expect(ok["request_id"] as? String == "req-ok-1")
        #expect(ok["model"] as? String == "res.partner")
        #expect(ok["method"] as? String == "search_read")
        #expect(ok["uid"] as? String == String(uid))
        #expect(Double(ok["duration_ms"] as? String ?? "") != nil)
        #expect((ok["timestamp"] as? String)?.hasSuffix("Z") == true)
        let denied = try #require(calls.first { $0["outcome"] as? String == "AccessDenied" })
        #expect(denied["request_id"] as? String == requestIDs[1])
        #expect(denied["model"] as? String == "crm.lead")
        #expect(denied["method"] as? String == "read")
    }

    @Test func livenessAnswersWithoutTheDatabaseAndReadinessDoesNot() async throws {
        let db = Database(conninfo: "host=127.0.0.1 port=1 user=nobody connect_timeout=2", poolSize: 1)
        let (live, ready, health, metrics) = try await withRunningServer(database: db, callLogLevel: .debug) { url in
            (try await get(url.appendingPathComponent("health/live")), try await get(url.appendingPathComponent("health/ready")),
             try await get(url.appendingPathComponent("health")), try await get(url.appendingPathComponent("metrics")))
        }
        #expect(live.status == 200)
        #expect(live.body == #"{"status":"ok"}"#)
        #expect(ready.status == 503)
        #expect(ready.body == #"{"status":"unavailable","database":"unreachable"}"#)
        #expect(health.status == 503)
        #expect(metrics.status == 200)
        #expect(metrics.body.contains(#"embudo_http_requests_total{route="/health/ready",status="503"} 1"#))
    }
}
