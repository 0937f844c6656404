import EmbudoDatabase
import EmbudoModel
@testable import EmbudoServer
import EmbudoTestSupport
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The web client's files and the protection of cookie-authenticated calls against cross-site requests.
@Suite("Web client over HTTP", .serialized)
struct WebClientHTTPTests {
    static func get(_ url: URL, _ path: String, headers: [String: String] = [:]) async throws -> (Int, [AnyHashable: Any], Data) {
        var request = URLRequest(url: URL(string: path, relativeTo: url)!)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await SecurityHTTPTests.session.data(for: request)
        let http = response as! HTTPURLResponse
        return (http.statusCode, http.allHeaderFields, data)
    }

    static func post(_ url: URL, _ path: String, _ body: Data, cookie: String? = nil, headers: [String: String]) async throws -> (Int, [String: Any]) {
        var request = URLRequest(url: url.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let cookie { request.setValue("session_id=\(cookie)", forHTTPHeaderField: "Cookie") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await SecurityHTTPTests.session.data(for: request)
        return ((response as! HTTPURLResponse).statusCode, (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:])
    }

    /// A web root with an index, a module and a file that must never be served.
    static func webRoot() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("embudo-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("js"), withIntermediateDirectories: true)
        try Data("<!DOCTYPE html><title>Embudo</title>".utf8).write(to: folder.appendingPathComponent("index.html"))
        try Data("export const x = 1;".utf8).write(to: folder.appendingPathComponent("js/app.js"))
        try Data("secret".utf8).write(to: folder.appendingPathComponent(".env"))
        try Data("secret".utf8).write(to: folder.deletingLastPathComponent().appendingPathComponent("embudo-outside.txt"))
        return folder.path
    }

    @Test func filesAreServedWithTheirTypeAPolicyAndValidatorsAndNothingElse() async throws {
        let database = try await TestDatabase.make()
        let db = Database(conninfo: database.serviceConninfo, poolSize: 1)
        defer { db.shutdown() }
        try await withRunningServer(database: db, webRoot: try Self.webRoot()) { url in
            let (status, headers, body) = try await Self.get(url, "/")
            #expect(status == 200)
            #expect(String(decoding: body, as: UTF8.self).contains("<title>Embudo</title>"))
            #expect((headers["Content-Type"] as? String)?.hasPrefix("text/html") == true)
            let policy = headers["Content-Security-Policy"] as? String ?? ""
            #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe"))
            #expect(headers["X-Content-Type-Options"] as? String == "nosniff")

            var head = URLRequest(url: url.appendingPathComponent("web/static/js/app.js"))
            head.httpMethod = "HEAD"
            let (_, headResponse) = try await SecurityHTTPTests.session.data(for: head)
            #expect((headResponse as? HTTPURLResponse)?.statusCode == 200)

            let (jsStatus, jsHeaders, _) = try await Self.get(url, "/web/static/js/app.js")
            #expect(jsStatus == 200)
            #expect((jsHeaders["Content-Type"] as? String)?.hasPrefix("text/javascript") == true)
            let etag = try #require(jsHeaders["Etag"] as? String ?? jsHeaders["ETag"] as? String)
            let (notModified, _, _) = try await Self.get(url, "/web/static/js/app.js", headers: ["If-None-Match": etag])
            #expect(notModified == 304)

            for path in ["/web/static/.env", "/web/static/../embudo-outside.txt", "/web/static/%2e%2e/embudo-outside.txt",
                         "/web/static/js/../../embudo-outside.txt", "/web/static/missing.js"] {
                let (refused, _, data) = try await Self.get(url, path)
                #expect(refused == 404, "\(path)")
                #expect(!String(decoding: data, as: UTF8.self).contains("secret"), "\(path)")
            }
        }
    }

    @Test func withoutAWebRootThereIsNoClientButTheAPIWorks() async throws {
        let database = try await TestDatabase.make()
        let db = Database(conninfo: database.serviceConninfo, poolSize: 1)
        defer { db.shutdown() }
        try await withRunningServer(database: db) { url in
            let (status, _, _) = try await Self.get(url, "/")
            #expect(status == 404)
            try await SecurityHTTPTests.stillServing(url)
        }
    }

    @Test func crossSiteCallsWithTheSessionCookieAreRefused() async throws {
        let (database, db, _) = try await databaseWithUser(password: "ana-secret-1")
        defer { db.shutdown() }
        try await withRunningServer(database: db, databaseName: database.name) { url in
            let login = try await SecurityHTTPTests.post(url, "web/session/authenticate",
                                                         SecurityHTTPTests.rpc(#"{"db":"\#(database.name)","login":"ana","password":"ana-secret-1"}"#))
            let token = try #require(login.sessionCookie)
            #expect(login.setCookie?.contains("SameSite=Lax") == true)
            let create = SecurityHTTPTests.rpc(#"{"model":"res.partner","method":"create","args":[{"name":"Forged"}],"kwargs":{}}"#)
            let host = "\(url.host!):\(url.port!)"
            for headers in [["Origin": "http://evil.example"], ["Origin": "http://\(host).evil.example"], ["Origin": "null"],
                            ["Sec-Fetch-Site": "cross-site"], ["Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"]] {
                let (status, answer) = try await Self.post(url, "web/dataset/call_kw", create, cookie: token, headers: headers)
                #expect(status == 403, "\(headers)")
                #expect(answer["error"] != nil && answer["result"] == nil, "\(headers)")
            }
            let count = SecurityHTTPTests.rpc(#"{"model":"res.partner","method":"search_count","args":[[["name","=","Forged"]]],"kwargs":{}}"#)
            let (_, counted) = try await Self.post(url, "web/dataset/call_kw", count, cookie: token, headers: [:])
            #expect(counted["result"] as? Int == 0)
            // The client's own page, and clients that are not browsers (no Origin), are served.
            let (sameStatus, same) = try await Self.post(url, "web/dataset/call_kw", create, cookie: token,
                                                         headers: ["Origin": "http://\(host)", "Sec-Fetch-Site": "same-origin"])
            #expect(sameStatus == 200 && same["result"] is Int, "\(same)")
            let (proxiedStatus, proxied) = try await Self.post(url, "web/dataset/call_kw", create, cookie: token,
                                                               headers: ["Origin": "https://crm.example", "X-Forwarded-Host": "crm.example"])
            #expect(proxiedStatus == 200 && proxied["result"] is Int, "\(proxied)")
            let (plainStatus, plain) = try await Self.post(url, "web/dataset/call_kw", create, cookie: token, headers: [:])
            #expect(plainStatus == 200 && plain["result"] is Int)
        }
    }
}
