import EmbudoDatabase
import EmbudoModel
import EmbudoRPC
import EmbudoTestSupport
import Foundation
import Logging
import PGClient
import Testing

/// Sends `params` through the dispatcher's `/jsonrpc` handling and decodes the answer.
func call(_ dispatcher: RPCDispatcher, _ params: JSONValue, id: JSONValue = 7) async throws -> JSONValue {
    let body = try JSONEncoder().encode(["jsonrpc": "2.0", "method": "call", "params": params, "id": id] as JSONValue)
    return try JSONDecoder().decode(JSONValue.self, from: Data(await dispatcher.jsonrpc(Array(body))))
}

func raw(_ dispatcher: RPCDispatcher, _ body: String) async throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(await dispatcher.jsonrpc(Array(body.utf8))))
}

@Suite("JSON-RPC common and db services")
struct DispatcherTests {
    let database: TestDatabase
    let db: Database
    let dispatcher: RPCDispatcher
    let userID: Int

    init() async throws {
        database = try await TestDatabase.make()
        let admin = Administration(connection: try database.adminConnection())
        let company = try admin.createCompany(named: "Acme")
        userID = try admin.ensureUser(login: "ana", password: "ana-secret-1").id
        try admin.grant(user: userID, company: company.id, access: .admin)
        db = Database(conninfo: database.serviceConninfo, poolSize: 1)
        dispatcher = RPCDispatcher(
            databaseName: database.name, authenticator: Authenticator(database: db), models: ModelService(database: db),
            logger: Logger(label: "test")
        )
    }

    @Test func versionIsOdooStyleWithAModernMajor() async throws {
        let answer = try await call(dispatcher, ["service": "common", "method": "version", "args": []])
        #expect(answer["id"] == 7)
        #expect(answer["result"]?["server_version"] == "17.0")
        #expect(answer["result"]?["server_version_info"]?.arrayValue?.first == 17)
        #expect(answer["result"]?["protocol_version"] == 1)
        db.shutdown()
    }

    @Test func loginAnswersTheUidOrFalse() async throws {
        defer { db.shutdown() }
        let name = JSONValue.string(database.name)
        let good = try await call(dispatcher, ["service": "common", "method": "login", "args": [name, "ana", "ana-secret-1"]])
        #expect(good["result"] == .int(userID))
        let authenticate = try await call(dispatcher, ["service": "common", "method": "authenticate", "args": [name, "ANA", "ana-secret-1", [:]]])
        #expect(authenticate["result"] == .int(userID))
        let wrong = try await call(dispatcher, ["service": "common", "method": "login", "args": [name, "ana", "nope"]])
        #expect(wrong["result"] == false)
        let otherDatabase = try await call(dispatcher, ["service": "common", "method": "login", "args": ["elsewhere", "ana", "ana-secret-1"]])
        #expect(otherDatabase["result"] == false)
        let badArguments = try await call(dispatcher, ["service": "common", "method": "login", "args": [name, 42]])
        #expect(badArguments["error"]?["data"]?["name"] == "odoo.exceptions.ValidationError")
    }

    @Test func repeatedFailedLoginsAreThrottled() async throws {
        defer { db.shutdown() }
        let name = JSONValue.string(database.name)
        // The default policy: 5 free failures, then waits of 1 s doubling up to 10 minutes (LoginThrottleTests
        // has the details). A long first wait here, so that no time passes during the test.
        let admin = try database.adminConnection()
        let policy = try admin.query(
            "SELECT free_failures, extract(epoch FROM first_delay)::int, extract(epoch FROM max_delay)::int FROM embudo.login_throttle_policy"
        )[0].decode((Int, Int, Int).self)
        #expect(policy == (5, 1, 600))
        try admin.query("UPDATE embudo.login_throttle_policy SET first_delay = '1 hour'")
        for _ in 0..<6 {
            #expect(try await call(dispatcher, ["service": "common", "method": "login", "args": [name, "ana", "guess"]])["result"] == false)
        }
        let blocked = try await call(dispatcher, ["service": "common", "method": "login", "args": [name, "ana", "ana-secret-1"]])
        #expect(blocked["error"]?["data"]?["name"] == "odoo.exceptions.AccessDenied")
        #expect(blocked["error"]?["data"]?["message"]?.stringValue?.hasPrefix("Too many failed logins for this account: try again in ") == true)
        // Other logins are not affected.
        #expect(try await call(dispatcher, ["service": "common", "method": "login", "args": [name, "nobody", "x"]])["result"] == false)
    }

    @Test func dbServiceListsThisDatabaseAndRefusesMasterPasswordMethods() async throws {
        defer { db.shutdown() }
        #expect(try await call(dispatcher, ["service": "db", "method": "list", "args": []])["result"] == [.string(database.name)])
        #expect(try await call(dispatcher, ["service": "db", "method": "server_version", "args": []])["result"] == "17.0")
        #expect(try await call(dispatcher, ["service": "db", "method": "db_exist", "args": [.string(database.name)]])["result"] == true)
        #expect(try await call(dispatcher, ["service": "db", "method": "db_exist", "args": ["nope"]])["result"] == false)
        let drop = try await call(dispatcher, ["service": "db", "method": "drop", "args": ["admin", .string(database.name)]])
        #expect(drop["error"]?["code"] == 200)
        #expect(drop["error"]?["data"]?["name"] == "odoo.exceptions.AccessDenied")
        #expect(drop["error"]?["data"]?["message"] == "Access Denied")
    }

    @Test func unknownServicesAndMethodsAreClearErrors() async throws {
        defer { db.shutdown() }
        let service = try await call(dispatcher, ["service": "nope", "method": "x", "args": []])
        #expect(service["error"]?["data"]?["name"] == "builtins.AttributeError")
        let method = try await call(dispatcher, ["service": "common", "method": "nope", "args": []])
        #expect(method["error"]?["data"]?["message"] == "The method common.nope does not exist")
    }

    @Test func hostileBodiesGetAnErrorAndNothingElse() async throws {
        defer { db.shutdown() }
        for body in ["{not json", "[1, 2]", #"{"params": 3, "id": 1}"#, "", String(repeating: "[", count: 100_000)] {
            let answer = try await raw(dispatcher, body)
            #expect(answer["error"]?["data"]?["name"] == "werkzeug.exceptions.BadRequest", "body: \(body.prefix(20))")
            #expect(answer["result"] == nil)
        }
        // Strings that look like nesting do not count as nesting.
        let quoted = try await raw(dispatcher, #"{"id": 3, "params": {"service": "common", "method": "version", "x": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}}"#)
        #expect(quoted["result"]?["server_version"] == "17.0")
    }
}
