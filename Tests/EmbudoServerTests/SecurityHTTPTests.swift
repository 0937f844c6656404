import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Security checks over real HTTP: session fixation through the cookie, oversized and over-nested
/// bodies, and the content type.
@Suite("Security over HTTP", .serialized)
struct SecurityHTTPTests {
    /// A session without a cookie store: cookies are sent and read by hand.
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpCookieStorage = nil
        configuration.timeoutIntervalForRequest = 60
        return URLSession(configuration: configuration)
    }()

    struct Answer {
        var status: Int?
        var json: [String: Any]
        var setCookie: String?
        var errorName: String? { ((json["error"] as? [String: Any])?["data"] as? [String: Any])?["name"] as? String }
        var errorMessage: String? { ((json["error"] as? [String: Any])?["data"] as? [String: Any])?["message"] as? String }
        /// The value of the `session_id` cookie set by the answer.
        var sessionCookie: String? {
            guard let header = setCookie, let range = header.range(of: "session_id=") else { return nil }
            return String(header[range.upperBound...].prefix { $0 != ";" && $0 != "," })
        }
    }

    static func post(_ url: URL, _ path: String, _ body: Data, cookie: String? = nil, contentType: String = "application/json") async throws -> Answer {
        var request = URLRequest(url: url.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        if let cookie { request.setValue("session_id=\(cookie)", forHTTPHeaderField: "Cookie") }
        request.httpBody = body
        let (data, response) = try await session.data(for: request)
        let http = response as? HTTPURLResponse
        return Answer(status: http?.statusCode, json: (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:],
                      setCookie: http?.value(forHTTPHeaderField: "Set-Cookie"))
    }

    static func rpc(_ params: String) -> Data { Data(#"{"jsonrpc":"2.0","method":"call","id":1,"params":\#(params)}"#.utf8) }

    static func stillServing(_ url: URL) async throws {
        let version = try await post(url, "web/webclient/version_info", rpc("{}"))
        #expect(version.status == 200)
        #expect((version.json["result"] as? [String: Any])?["server_version"] as? String == "17.0")
    }

    @Test func aSessionIdChosenByTheClientIsNeverAdopted() async throws {
        let (database, db, user) = try await databaseWithUser(password: "ana-secret-1")
        defer { db.shutdown() }
        try await withRunningServer(database: db, databaseName: database.name) { url in
            let chosen = String(repeating: "ab", count: 32)
            let credentials = Self.rpc(#"{"db":"\#(database.name)","login":"ana","password":"ana-secret-1"}"#)
            let first = try await Self.post(url, "web/session/authenticate", credentials, cookie: chosen)
            #expect(first.errorName == nil, "\(first.json)")
            let token = try #require(first.sessionCookie)
            #expect(token != chosen, "the server adopted the client's session id")
            #expect(first.setCookie?.lowercased().contains("httponly") == true)
            // The chosen id is no session.
            let withChosen = try await Self.post(url, "web/session/get_session_info", Self.rpc("{}"), cookie: chosen)
            #expect(withChosen.errorName == "odoo.http.SessionExpiredException")
            let withToken = try await Self.post(url, "web/session/get_session_info", Self.rpc("{}"), cookie: token)
            #expect((withToken.json["result"] as? [String: Any])?["uid"] as? Int == user)

            // Logging in again while logged in gives a new id.
            let second = try await Self.post(url, "web/session/authenticate", credentials, cookie: token)
            let newToken = try #require(second.sessionCookie)
            #expect(newToken != token)

            // After logout, the old id is dead (and the cookie is cleared).
            let logout = try await Self.post(url, "web/session/destroy", Self.rpc("{}"), cookie: newToken)
            #expect(logout.sessionCookie == "")
            let reuse = try await Self.post(url, "web/dataset/call_kw", Self.rpc(#"{"model":"res.partner","method":"search","args":[[]],"kwargs":{}}"#), cookie: newToken)
            #expect(reuse.errorName == "odoo.http.SessionExpiredException")
            #expect(((reuse.json["error"] as? [String: Any])?["code"] as? Int) == 100)
            // A failed login sets no cookie.
            let wrong = try await Self.post(url, "web/session/authenticate", Self.rpc(#"{"db":"\#(database.name)","login":"ana","password":"nope"}"#), cookie: chosen)
            #expect(wrong.sessionCookie == nil)
            #expect(wrong.errorName == "odoo.exceptions.AccessDenied")
        }
    }

    @Test func oversizedAndOverNestedBodiesAreRefusedAndTheServerKeepsServing() async throws {
        let database = try await TestDatabase.make()
        let db = Database(conninfo: database.serviceConninfo, poolSize: 1)
        defer { db.shutdown() }
        try await withRunningServer(database: db, databaseName: database.name) { url in
            // Just over 16 MiB, as valid JSON.
            let padding = String(repeating: "x", count: (16 << 20) + 1)
            let big = Self.rpc(#"{"service":"common","method":"version","pad":"\#(padding)"}"#)
            for path in ["jsonrpc", "web/dataset/call_kw", "web/session/authenticate"] {
                let answer = try await Self.post(url, path, big)
                #expect(answer.status == 200)
                #expect(answer.errorName == "werkzeug.exceptions.BadRequest", "\(path): \(answer.json)")
                #expect(answer.errorMessage?.contains("larger than") == true)
                try await Self.stillServing(url)
            }
            // Just under the limit is accepted.
            let fits = Self.rpc(#"{"service":"common","method":"version","pad":"\#(String(repeating: "x", count: (16 << 20) - 200))"}"#)
            let accepted = try await Self.post(url, "jsonrpc", fits)
            #expect(accepted.errorName == nil, "\(accepted.json)")

            // Nesting over the limit, in the body and in a parameter.
            for body in [String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
                         #"{"params":{"service":"common","method":"version","args":"# + String(repeating: "[", count: 65) + String(repeating: "]", count: 65) + "}}",
                         #"{"params":{"x":"# + String(repeating: #"{"a":"#, count: 10_000) + "1" + String(repeating: "}", count: 10_000) + "}}"] {
                let answer = try await Self.post(url, "jsonrpc", Data(body.utf8))
                #expect(answer.errorName == "werkzeug.exceptions.BadRequest", "\(answer.json)")
                #expect(answer.errorMessage?.contains("levels deep") == true, "\(answer.errorMessage ?? "")")
            }
            try await Self.stillServing(url)

            // Not JSON by content type (what a cross-site form would send).
            let form = try await Self.post(url, "jsonrpc", Self.rpc(#"{"service":"common","method":"version"}"#), contentType: "text/plain")
            #expect(form.errorName == "werkzeug.exceptions.BadRequest")
            let urlencoded = try await Self.post(url, "web/session/authenticate", Data("db=x&login=y".utf8), contentType: "application/x-www-form-urlencoded")
            #expect(urlencoded.errorName == "werkzeug.exceptions.BadRequest")
            try await Self.stillServing(url)
        }
    }
}
