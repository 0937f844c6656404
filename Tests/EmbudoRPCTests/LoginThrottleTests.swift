import EmbudoDatabase
import EmbudoModel
@testable import EmbudoRPC
import EmbudoTestSupport
import Foundation
import Logging
import PGClient
import Testing

/// Failed logins are throttled per account, in PostgreSQL (`embudo.throttled_login`): growing delays,
/// one counter per account whatever the spelling of its login, shared by every server process, never a
/// lock-out by client address. Time never passes in these tests: a long delay is set, and its end is
/// brought forward in the table.
@Suite("Login throttling")
struct LoginThrottleTests {
    static func body(_ params: JSONValue) -> [UInt8] {
        (["jsonrpc": "2.0", "method": "call", "id": 1, "params": params] as JSONValue).jsonBytes
    }

    static func errorName(_ answer: JSONValue) -> String? { answer["error"]?["data"]?["name"]?.stringValue }
    static func errorMessage(_ answer: JSONValue) -> String? { answer["error"]?["data"]?["message"]?.stringValue }

    /// `common.login` through `dispatcher`, from `client`.
    static func login(_ f: CRMFixture, _ user: String, _ password: String, client: String? = nil, through dispatcher: RPCDispatcher? = nil) async throws -> JSONValue {
        let answer = await (dispatcher ?? f.dispatcher).jsonrpc(
            body(["service": "common", "method": "login", "args": [.string(f.database.name), .string(user), .string(password)]]), client: client)
        return try JSONDecoder().decode(JSONValue.self, from: Data(answer))
    }

    /// Sets the policy: `free` failures cost nothing, then the wait starts at `first` and doubles up to `max`.
    static func policy(_ f: CRMFixture, free: Int, first: String, max: String = "10 hours") throws {
        let connection = try f.database.adminConnection()
        try connection.query("UPDATE embudo.login_throttle_policy SET free_failures = \(free), first_delay = \(first)::interval, max_delay = \(max)::interval")
    }

    /// The seconds the login's account waits now (nil: no row, or no wait).
    static func wait(_ f: CRMFixture, user: String) throws -> Int? {
        let rows = try f.database.adminConnection().query(
            "SELECT round(extract(epoch FROM retry_at - clock_timestamp()))::int FROM embudo.login_failure WHERE account = embudo.login_account(\(user))")
        return rows.count == 0 ? nil : try rows[0].decode(Int?.self, at: 0)
    }

    /// The login's delay ends now (as if it had passed).
    static func endWait(_ f: CRMFixture, user: String) throws {
        try f.database.adminConnection().query(
            "UPDATE embudo.login_failure SET retry_at = clock_timestamp() - interval '1 second' WHERE account = embudo.login_account(\(user))")
    }

    /// Behind a TLS proxy every client has the proxy's address: one bad login every 30 s used to lock every
    /// password and API key of every company out. Failures now count against the account tried, so others
    /// from the same address are never refused.
    @Test func guessingFromTheProxysAddressLocksNobodyElseOut() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        try Self.policy(f, free: 3, first: "1 hour")
        let proxy = "10.0.0.1"
        for index in 0..<30 {
            let target = index.isMultiple(of: 2) ? "olga" : "nobody\(index)"
            let answer = try await Self.login(f, target, "guess-\(index)", client: proxy)
            #expect(answer["result"] == false || Self.errorName(answer) == "odoo.exceptions.AccessDenied")
        }
        // Everyone else behind the proxy logs in, with a password or an API key as a password, in any company.
        #expect(try await Self.login(f, "alex", CRMFixture.password, client: proxy)["result"] == .int(f.users["alex"]!))
        #expect(try await Self.login(f, "bea", CRMFixture.password, client: proxy)["result"] == .int(f.users["bea"]!))
        let key = try Administration(connection: try f.database.adminConnection()).createAPIKey(user: f.users["nadia"]!, name: "script")
        #expect(try await Self.login(f, "nadia", key, client: proxy)["result"] == .int(f.users["nadia"]!))
        // The account that was guessed at waits, whoever asks, from wherever.
        let refused = try await Self.login(f, "olga", CRMFixture.password, client: "198.51.100.7")
        #expect(Self.errorName(refused) == "odoo.exceptions.AccessDenied")
        #expect(Self.errorMessage(refused)?.contains("try again in") == true)
    }

    /// `Admin`, ` admin` and `ADMIN` are one account: guesses spread over spellings count together, and the
    /// right password is refused during the delay on the routes that name the login (login, web sessions)
    /// with AccessDenied and the time to wait. Object calls name a uid and count on their own: a counter
    /// shared by both would tell whoever can make a uid wait whether a login belongs to it.
    @Test func oneCounterPerAccountWhateverTheSpelling() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        try Self.policy(f, free: 3, first: "1 hour")
        for variant in ["OLGA", " olga", "Olga\t", "\u{FEFF}olga"] {
            #expect(try await Self.login(f, variant, "wrong")["result"] == false, "\(variant.debugDescription)")
        }
        let wait = try #require(try Self.wait(f, user: "olga"))
        #expect((3500...3600).contains(wait))
        for variant in ["olga", "OLGA", " olga", "olga "] {
            let answer = try await Self.login(f, variant, CRMFixture.password)
            #expect(Self.errorName(answer) == "odoo.exceptions.AccessDenied", "\(variant.debugDescription)")
            #expect(Self.errorMessage(answer)?.hasPrefix("Too many failed logins for this account: try again in ") == true)
        }
        let object = try await f.kw("olga", "res.partner", "search", [[]])
        #expect(object["result"] != nil, "\(object)")
        let web = WebSessionDispatcher(rpc: f.dispatcher, sessions: Sessions(database: f.db), models: f.dispatcher.models)
        let (answer, token) = await web.authenticate(Self.body(["db": .string(f.database.name), "login": "olga", "password": .string(CRMFixture.password)]))
        #expect(token == nil)
        #expect(Self.errorName(try JSONDecoder().decode(JSONValue.self, from: Data(answer))) == "odoo.exceptions.AccessDenied")
        // Logins that do not exist are throttled the same way, so that the answers do not tell them apart.
        for variant in ["ghost", "GHOST", " ghost", "Ghost"] { _ = try await Self.login(f, variant, "x") }
        #expect(Self.errorMessage(try await Self.login(f, "ghost", "x"))?.contains("try again in") == true)
        // Others are unaffected.
        #expect(try await Self.login(f, "alex", CRMFixture.password)["result"] == .int(f.users["alex"]!))
    }

    /// Each failure past the free ones doubles the wait; an attempt during the wait is refused before the
    /// password is checked (the right one included) and does not add to it; a success clears the account.
    @Test func delaysGrowAndASuccessClearsTheAccount() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        try Self.policy(f, free: 1, first: "1 hour")
        #expect(try await Self.login(f, "olga", "wrong-1")["result"] == false)
        #expect(try Self.wait(f, user: "olga") == nil)
        #expect(try await Self.login(f, "olga", "wrong-2")["result"] == false)
        #expect((3500...3600).contains(try #require(try Self.wait(f, user: "olga"))))
        #expect(Self.errorName(try await Self.login(f, "olga", "wrong-3")) == "odoo.exceptions.AccessDenied")
        #expect((3500...3600).contains(try #require(try Self.wait(f, user: "olga"))), "a refused attempt does not count")
        try Self.endWait(f, user: "olga")
        #expect(try await Self.login(f, "olga", "wrong-4")["result"] == false)
        #expect((7100...7200).contains(try #require(try Self.wait(f, user: "olga"))))
        try Self.endWait(f, user: "olga")
        #expect(try await Self.login(f, "olga", CRMFixture.password)["result"] == .int(f.users["olga"]!))
        #expect(try Self.wait(f, user: "olga") == nil)
        // After the success, the free failures are free again.
        #expect(try await Self.login(f, "olga", "wrong-5")["result"] == false)
        #expect(try Self.wait(f, user: "olga") == nil)
    }

    /// The counters live in PostgreSQL: a second server process sees the first one's failures.
    @Test func serverProcessesShareTheCounters() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        try Self.policy(f, free: 2, first: "1 hour")
        let otherPool = Database(conninfo: f.database.serviceConninfo, poolSize: 1)
        defer { otherPool.shutdown() }
        let other = RPCDispatcher(databaseName: f.database.name, authenticator: Authenticator(database: otherPool),
                                  models: ModelService(database: otherPool), logger: Logger(label: "other"))
        for _ in 0..<3 { _ = try await Self.login(f, "olga", "wrong") }
        #expect(Self.errorName(try await Self.login(f, "olga", CRMFixture.password, through: other)) == "odoo.exceptions.AccessDenied")
    }

    /// API keys follow the same rules: a key used as a password is an attempt on its account; a bearer key
    /// names no account until it matches, so wrong bearer keys (a SHA-256 lookup each, no bcrypt) lock
    /// nobody out, not even the address they came from. The right key serves even while its account waits
    /// (160 random bits, which no guessing finds): someone keeping a login waiting does not stop the
    /// company's integrations.
    @Test func apiKeysFollowTheAccountsRules() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        try Self.policy(f, free: 2, first: "1 hour")
        let admin = Administration(connection: try f.database.adminConnection())
        let key = try admin.createAPIKey(user: f.users["alex"]!, name: "integration")
        let json2 = JSON2Dispatcher(rpc: f.dispatcher)
        for index in 0..<30 {
            let answer = await json2.call(model: "res.partner", method: "search", body: Array(#"{"domain":[]}"#.utf8),
                                          authorization: "bearer guess-\(index)", database: nil, client: "203.0.113.9")
            #expect(answer.status == 401)
        }
        let same = await json2.call(model: "res.partner", method: "search", body: Array(#"{"domain":[]}"#.utf8),
                                    authorization: "bearer \(key)", database: nil, client: "203.0.113.9")
        #expect(same.status == 200, "\(String(decoding: same.body, as: UTF8.self))")
        // Wrong keys given as alex's password count against alex: further guesses wait, the right key serves.
        for index in 0..<3 { #expect(try await Self.login(f, "alex", "0123456789abcdef\(index)")["result"] == false) }
        let refused = try await Self.login(f, "alex", "0123456789abcdef9")
        #expect(Self.errorName(refused) == "odoo.exceptions.AccessDenied")
        #expect(Self.errorMessage(refused)?.contains("try again in") == true)
        #expect(try await Self.login(f, "alex", key)["result"] == .int(f.users["alex"]!))
    }
}
