import EmbudoDatabase
import EmbudoModel
import EmbudoRPC
import EmbudoTestSupport
import Logging

/// Two companies with users at every access level, behind a real dispatcher:
/// Acme has boss (admin), alex (all documents), olga (own documents); Beta has bea (admin) and nadia
/// (own documents), who has no access to Acme at all.
struct CRMFixture {
    let database: TestDatabase
    let db: Database
    let dispatcher: RPCDispatcher
    let acme: Int
    let beta: Int
    let users: [String: Int]

    static let password = "crm-secret-1"

    init() async throws {
        database = try await TestDatabase.make()
        let admin = Administration(connection: try database.adminConnection())
        acme = try admin.createCompany(named: "Acme").id
        beta = try admin.createCompany(named: "Beta").id
        var users: [String: Int] = [:]
        for (login, company, level) in [
            ("boss", acme, AccessLevel.admin), ("alex", acme, .all), ("olga", acme, .own), ("bea", beta, .admin), ("nadia", beta, .own),
        ] {
            let id = try admin.ensureUser(login: login, password: Self.password, name: login.prefix(1).uppercased() + login.dropFirst()).id
            try admin.grant(user: id, company: company, access: level)
            users[login] = id
        }
        self.users = users
        db = Database(conninfo: database.serviceConninfo, poolSize: 2)
        dispatcher = RPCDispatcher(
            databaseName: database.name, authenticator: Authenticator(database: db), models: ModelService(database: db),
            logger: Logger(label: "test")
        )
    }

    /// `execute_kw` as `login`; the answer's envelope (result or error).
    func kw(_ login: String, _ model: String, _ method: String, _ args: JSONValue, _ kwargs: JSONValue = [:]) async throws -> JSONValue {
        try await call(dispatcher, [
            "service": "object", "method": "execute_kw",
            "args": [.string(database.name), .int(users[login]!), .string(Self.password), .string(model), .string(method), args, kwargs],
        ])
    }

    /// The result of a call that must succeed.
    func ok(_ login: String, _ model: String, _ method: String, _ args: JSONValue, _ kwargs: JSONValue = [:]) async throws -> JSONValue {
        let answer = try await kw(login, model, method, args, kwargs)
        guard let result = answer["result"] else { throw FixtureError.failed("\(model).\(method) as \(login): \(answer)") }
        return result
    }

    /// The Odoo exception name of a call that must fail.
    func error(_ login: String, _ model: String, _ method: String, _ args: JSONValue, _ kwargs: JSONValue = [:]) async throws -> String {
        let answer = try await kw(login, model, method, args, kwargs)
        guard let name = answer["error"]?["data"]?["name"]?.stringValue else { throw FixtureError.failed("\(model).\(method) as \(login) succeeded: \(answer)") }
        return name
    }

    /// One field of one record, read as `login`.
    func field(_ login: String, _ model: String, _ id: Int, _ name: String) async throws -> JSONValue {
        let rows = try await ok(login, model, "read", [[.int(id)]], ["fields": [.string(name)]])
        guard let value = rows.arrayValue?.first?[name] else { throw FixtureError.failed("\(model) \(id) not readable by \(login)") }
        return value
    }

    enum FixtureError: Error { case failed(String) }
}
