import EmbudoDatabase
import EmbudoModel
@testable import EmbudoRPC
import EmbudoTestSupport
import PGClient
import Foundation
import Testing

/// Security checks of the RPC layer: sessions, login throttling, revocation under the credentials
/// cache, tenant isolation of company administrators, and what errors reveal.
@Suite("Security")
struct SecurityTests {
    static func body(_ params: JSONValue) -> [UInt8] {
        (["jsonrpc": "2.0", "method": "call", "id": 1, "params": params] as JSONValue).jsonBytes
    }

    static func decode(_ answer: [UInt8]) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(answer))
    }

    static func errorName(_ answer: JSONValue) -> String? { answer["error"]?["data"]?["name"]?.stringValue }

    // MARK: - Web sessions

    @Test func sessionsAreNewAtEachLoginAndDeadAfterLogout() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let sessions = Sessions(database: f.db)
        let web = WebSessionDispatcher(rpc: f.dispatcher, sessions: sessions, models: f.dispatcher.models)
        let login = Self.body(["db": .string(f.database.name), "login": "boss", "password": .string(CRMFixture.password)])

        let (first, firstToken) = await web.authenticate(login)
        let (_, secondToken) = await web.authenticate(login)
        #expect(try Self.decode(first)["result"]?["uid"] == .int(f.users["boss"]!))
        let one = try #require(firstToken)
        let two = try #require(secondToken)
        #expect(one != two, "each login gets a new session id")
        #expect(one.count >= 64)

        // A token the client made up is no session, whatever it looks like.
        for chosen in ["attacker-chosen", String(repeating: "0", count: 64), one.uppercased(), one + "0", String(one.dropLast()), ""] {
            let info = try Self.decode(await web.sessionInfo(Self.body([:]), token: chosen))
            #expect(Self.errorName(info) == "odoo.http.SessionExpiredException", "token \(chosen.prefix(20))")
        }
        let call = Self.body(["model": "res.partner", "method": "search", "args": [[]], "kwargs": [:]])
        #expect(try Self.decode(await web.callKW(call, token: one))["result"] != nil)

        // Logging out kills that session only.
        _ = await web.destroy(Self.body([:]), token: one)
        #expect(Self.errorName(try Self.decode(await web.sessionInfo(Self.body([:]), token: one))) == "odoo.http.SessionExpiredException")
        #expect(Self.errorName(try Self.decode(await web.callKW(call, token: one))) == "odoo.http.SessionExpiredException")
        #expect(try Self.decode(await web.callKW(call, token: two))["result"] != nil)

        // A password change ends every session of the user.
        let admin = Administration(connection: try f.database.adminConnection())
        try admin.setPassword(user: f.users["boss"]!, password: "a-new-secret-2")
        #expect(Self.errorName(try Self.decode(await web.callKW(call, token: two))) == "odoo.http.SessionExpiredException")
        // A failed login starts no session.
        let (failed, none) = await web.authenticate(login)
        #expect(none == nil)
        #expect(Self.errorName(try Self.decode(failed)) == "odoo.exceptions.AccessDenied")
    }

    // Login throttling: LoginThrottleTests.

    // MARK: - Revocation under the credentials cache

    @Test func revokedAPIKeysAndChangedPasswordsStopAtTheNextCall() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let admin = Administration(connection: try f.database.adminConnection())
        let alex = f.users["alex"]!
        let key = try admin.createAPIKey(user: alex, name: "script")
        let other = try admin.createAPIKey(user: alex, name: "other")
        func search(_ secret: String) async throws -> JSONValue {
            try await call(f.dispatcher, ["service": "object", "method": "execute_kw",
                                          "args": [.string(f.database.name), .int(alex), .string(secret), "res.partner", "search", [[]]]])
        }
        let json2 = JSON2Dispatcher(rpc: f.dispatcher)
        func bearer(_ secret: String) async -> Int {
            await json2.call(model: "res.partner", method: "search", body: Array(#"{"domain":[]}"#.utf8),
                             authorization: "bearer \(secret)", database: nil, client: nil).status
        }
        // The key works, twice (the second call is answered from the cache).
        #expect(try await search(key)["result"] != nil)
        #expect(try await search(key)["result"] != nil)
        #expect(await bearer(key) == 200)
        #expect(try admin.revokeAPIKey(user: alex, name: "script") == 1)
        #expect(Self.errorName(try await search(key)) == "odoo.exceptions.AccessDenied", "a revoked key still works while cached")
        #expect(await bearer(key) == 401)
        // Deleting the row directly (as an operator would) has the same effect.
        #expect(try await search(other)["result"] != nil)
        _ = try f.database.adminConnection().query("DELETE FROM embudo.user_api_key WHERE name = 'other'")
        #expect(Self.errorName(try await search(other)) == "odoo.exceptions.AccessDenied", "a deleted key still works while cached")

        // A password change: the old password stops at once, the new one works.
        #expect(try await search(CRMFixture.password)["result"] != nil)
        #expect(try await search(CRMFixture.password)["result"] != nil)
        try admin.setPassword(user: alex, password: "changed-secret-9")
        #expect(Self.errorName(try await search(CRMFixture.password)) == "odoo.exceptions.AccessDenied", "an old password still works while cached")
        #expect(try await search("changed-secret-9")["result"] != nil)
        // A user removed from their company loses access at the next call too.
        try admin.revoke(user: alex, company: f.acme)
        let after = try await search("changed-secret-9")
        #expect(after["result"] == nil || after["result"] == [], "a removed member still reads: \(after)")
    }

    /// The cached credentials carry a stamp of the user's password, keys and memberships; when the stamp
    /// changes for a reason that leaves the caller's password valid (a new API key, a changed access
    /// level, an invitation into another company), the next call with the right password must still work.
    @Test func aStampChangeDoesNotRefuseTheRightPassword() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let admin = Administration(connection: try f.database.adminConnection())
        #expect(try await f.kw("alex", "res.partner", "search", [[]])["result"] != nil)
        _ = try admin.createAPIKey(user: f.users["alex"]!, name: "new key")
        let afterKey = try await f.kw("alex", "res.partner", "search", [[]])
        #expect(afterKey["result"] != nil, "the right password refused after a new API key: \(afterKey)")

        #expect(try await f.kw("olga", "res.partner", "search", [[]])["result"] != nil)
        _ = try await f.ok("boss", "res.users", "set_access_level", [[.int(f.users["olga"]!)], "all"])
        let afterLevel = try await f.kw("olga", "res.partner", "search", [[]])
        #expect(afterLevel["result"] != nil, "the right password refused after a new access level: \(afterLevel)")
    }

    // MARK: - Tenant isolation of administrators

    @Test func anAdministratorOfOneCompanyCannotTouchAnother() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let admin = Administration(connection: try f.database.adminConnection())
        let betaLead = try #require(try await f.ok("bea", "crm.lead", "create", [["name": "Beta secret deal"]]).intValue)
        let betaPartner = try #require(try await f.ok("bea", "res.partner", "create", [["name": "Beta secret customer"]]).intValue)
        let betaContext: JSONValue = ["context": ["allowed_company_ids": [.int(f.beta)]]]
        let bothContext: JSONValue = ["context": ["allowed_company_ids": [.int(f.acme), .int(f.beta)]]]

        // Choosing company B in the context is refused.
        for (model, method, args) in [
            ("crm.lead", "search_read", [[]] as JSONValue), ("res.partner", "search", [[]]), ("crm.lead", "create", [["name": "x"]]),
            ("res.users", "create", [["login": "mole", "password": "mole-secret-1", "access_level": "admin"]]),
            ("res.users", "set_access_level", [[.int(f.users["nadia"]!)], "admin"]),
            ("res.users", "set_access_level", [[.int(f.users["bea"]!)], false]),
        ] {
            for context in [betaContext, bothContext] {
                let answer = try await f.kw("boss", model, method, args, context)
                #expect(Self.errorName(answer) == "odoo.exceptions.AccessError", "\(model).\(method) in \(context): \(answer)")
            }
        }
        #expect(try admin.user(login: "mole") == nil)
        #expect(try admin.memberships(user: f.users["nadia"]!).map(\.access) == [.own])
        #expect(try admin.memberships(user: f.users["bea"]!).map(\.access) == [.admin])

        // Reading, writing and deleting B's records by id, in A's context.
        let read = try await f.kw("boss", "crm.lead", "read", [[.int(betaLead)]], ["fields": ["name"]])
        #expect(!("\(read)".contains("Beta secret")), "\(read)")
        let readPartner = try await f.kw("boss", "res.partner", "read", [[.int(betaPartner)]], ["fields": ["name"]])
        #expect(!("\(readPartner)".contains("Beta secret")), "\(readPartner)")
        let found = try await f.kw("boss", "res.partner", "name_search", [], ["name": "Beta secret"])
        #expect(found["result"] == [], "\(found)")
        _ = try await f.kw("boss", "crm.lead", "write", [[.int(betaLead)], ["name": "pwned"]])
        _ = try await f.kw("boss", "res.partner", "write", [[.int(betaPartner)], ["name": "pwned"]])
        _ = try await f.kw("boss", "crm.lead", "unlink", [[.int(betaLead)]])
        _ = try await f.kw("boss", "res.partner", "unlink", [[.int(betaPartner)]])
        #expect(try await f.field("bea", "crm.lead", betaLead, "name") == "Beta secret deal")
        #expect(try await f.field("bea", "res.partner", betaPartner, "name") == "Beta secret customer")
        // Relating one's records to B's records is refused or leaves no trace of B's data.
        let lead = try await f.kw("boss", "crm.lead", "create", [["name": "Acme deal", "partner_id": .int(betaPartner)]])
        if let id = lead["result"]?.intValue {
            let partner = try await f.field("boss", "crm.lead", id, "partner_id")
            #expect(!("\(partner)".contains("Beta secret")), "\(partner)")
        }

        // B's users: not listed, not changed, not taken over by inviting their login.
        let users = try await f.ok("boss", "res.users", "search_read", [[]], ["fields": ["login"]])
        #expect(!(users.arrayValue ?? []).contains { $0["login"] == "bea" || $0["login"] == "nadia" }, "A's admin lists B's users: \(users)")
        _ = try await f.kw("boss", "res.users", "write", [[.int(f.users["bea"]!)], ["name": "pwned", "password": "hijacked-secret-1"]])
        // Inviting B's administrator's login with a password of A's choosing is refused, and inviting it
        // without one attaches nothing: B's administrator would have to accept.
        let invite = try await f.kw("boss", "res.users", "create", [["login": "bea", "password": "hijacked-secret-1", "access_level": "own"]])
        #expect(Self.errorName(invite) == "odoo.exceptions.AccessError", "\(invite)")
        _ = try await f.kw("boss", "res.users", "create", [["login": "bea", "access_level": "admin"]])
        #expect(!(try admin.memberships(user: f.users["bea"]!).contains { $0.companyID == f.acme }), "A's invitation attached B's administrator to A")
        let name = JSONValue.string(f.database.name)
        let hijacked = try await call(f.dispatcher, ["service": "common", "method": "login", "args": [name, "bea", "hijacked-secret-1"]])
        #expect(hijacked["result"] == false, "A's admin set B's admin's password: \(hijacked)")
        let genuine = try await call(f.dispatcher, ["service": "common", "method": "login", "args": [name, "bea", .string(CRMFixture.password)]])
        #expect(genuine["result"] == .int(f.users["bea"]!))
        #expect(try admin.memberships(user: f.users["bea"]!).contains { $0.companyID == f.beta && $0.access == .admin })
        let beaName = try await f.ok("bea", "res.users", "read", [[.int(f.users["bea"]!)]], ["fields": ["name"]])
        #expect(beaName.arrayValue?.first?["name"] == "Bea")
    }

    // MARK: - Error detail

    @Test func errorsCarryNoDebugDetail() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let answers = [
            try await f.kw("boss", "no.such.model", "search", [[]]),
            try await f.kw("boss", "crm.lead", "no_such_method", []),
            try await f.kw("boss", "crm.lead", "search", [[["no_field", "=", 1]]]),
            try await f.kw("boss", "crm.lead", "create", [["name": .null]]),
            try await f.kw("boss", "crm.lead", "write", [[999_999], ["name": "x"]]),
            try await f.kw("boss", "res.partner", "search_read", [[]], ["order": "name; DROP TABLE res_partner"]),
            try await f.kw("boss", "res.partner", "create", [["name": "x", "parent_id": 2_000_000_000]]),
            try await f.kw("olga", "crm.lead", "unlink", [[1]]),
        ]
        for answer in answers {
            let data = answer["error"]?["data"]
            #expect(data != nil, "\(answer)")
            #expect(data?["debug"] == "", "\(answer)")
            let text = "\(answer)"
            for token in Fuzz.forbidden {
                #expect(!text.contains(token) || text.contains("DROP TABLE"), "\(token) in \(text)")
            }
        }
    }
}
