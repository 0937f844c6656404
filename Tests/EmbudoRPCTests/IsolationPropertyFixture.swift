import EmbudoDatabase
import EmbudoModel
import EmbudoRPC
import EmbudoTestSupport
import Foundation
import Logging

// The seeded generator is SplitMix64 (FuzzSupport.swift), so a seed replays the same operations everywhere.

/// Three companies, each with an administrator, an "all documents" and an "own documents" user, plus
/// one user who is administrator of the first company and "own documents" in the second; one BI login
/// per company (dropped by `shutdown`). Ten bcrypt users only: hashing is slow.
struct IsolationFixture {
    let database: TestDatabase
    let db: Database
    let dispatcher: RPCDispatcher
    let companies: [Int]
    /// login → user id
    let users: [String: Int]
    /// login → company → level
    let levels: [String: [Int: AccessLevel]]
    /// company → BI login
    let biLogins: [Int: String]
    /// company → (customer, product), made by its administrator
    let catalogue: [Int: (partner: Int, product: Int)]

    static let password = "prop-secret-1"
    /// E-mail addresses, so that company administrators may invite them.
    static let logins = ["adm0", "all0", "own0", "adm1", "all1", "own1", "adm2", "all2", "own2", "dual"].map { $0 + "@prop.example" }

    init() async throws {
        database = try await TestDatabase.make()
        let admin = Administration(connection: try database.adminConnection())
        var companies: [Int] = []
        for name in ["Prop A", "Prop B", "Prop C"] { companies.append(try admin.createCompany(named: name).id) }
        var users: [String: Int] = [:]
        var levels: [String: [Int: AccessLevel]] = [:]
        var grants: [(String, Int, AccessLevel)] = []
        for (index, company) in companies.enumerated() {
            grants += [("adm\(index)@prop.example", company, .admin), ("all\(index)@prop.example", company, .all), ("own\(index)@prop.example", company, .own)]
        }
        grants += [("dual@prop.example", companies[0], .admin), ("dual@prop.example", companies[1], .own)]
        for (login, company, level) in grants {
            let id: Int
            if let known = users[login] { id = known } else {
                id = try admin.ensureUser(login: login, password: Self.password, name: login.uppercased()).id
                users[login] = id
            }
            try admin.grant(user: id, company: company, access: level)
            levels[login, default: [:]][company] = level
        }
        var biLogins: [Int: String] = [:]
        for (index, company) in companies.enumerated() {
            let login = "pbi\(index)_\(database.name)"
            try admin.createBILogin(company: company, login: login, password: "x")
            biLogins[company] = login
        }
        self.companies = companies
        self.users = users
        self.levels = levels
        self.biLogins = biLogins
        db = Database(conninfo: database.serviceConninfo, poolSize: 4)
        dispatcher = RPCDispatcher(
            databaseName: database.name, authenticator: Authenticator(database: db), models: ModelService(database: db),
            logger: Logger(label: "test")
        )
        var catalogue: [Int: (partner: Int, product: Int)] = [:]
        for (index, company) in companies.enumerated() {
            let context: JSONValue = ["context": ["allowed_company_ids": [.int(company)]]]
            let partner = try await Self.result(dispatcher, database.name, users["adm\(index)@prop.example"]!, "res.partner", "create", [["name": .string("Customer \(index)")]], context)
            let product = try await Self.result(dispatcher, database.name, users["adm\(index)@prop.example"]!, "product.product", "create", [["name": .string("Widget \(index)"), "list_price": 10]], context)
            catalogue[company] = (partner.intValue!, product.intValue!)
        }
        self.catalogue = catalogue
    }

    static func result(_ dispatcher: RPCDispatcher, _ name: String, _ uid: Int, _ model: String, _ method: String, _ args: JSONValue, _ kwargs: JSONValue) async throws -> JSONValue {
        let answer = try await call(dispatcher, [
            "service": "object", "method": "execute_kw",
            "args": [.string(name), .int(uid), .string(password), .string(model), .string(method), args, kwargs],
        ])
        guard let result = answer["result"] else { throw CRMFixture.FixtureError.failed("setup \(model).\(method): \(answer)") }
        return result
    }

    /// `execute_kw` as `login` in the companies `context` (first = current); the answer's envelope.
    func kw(_ login: String, _ context: [Int], _ model: String, _ method: String, _ args: JSONValue, _ kwargs: [String: JSONValue] = [:]) async throws -> JSONValue {
        var kwargs = kwargs
        kwargs["context"] = ["allowed_company_ids": .array(context.map(JSONValue.int))]
        return try await call(dispatcher, [
            "service": "object", "method": "execute_kw",
            "args": [.string(database.name), .int(users[login]!), .string(Self.password), .string(model), .string(method), args, .object(kwargs)],
        ])
    }

    func shutdown() {
        db.shutdown()
        do {
            let admin = Administration(connection: try database.adminConnection())
            for login in biLogins.values { try admin.dropBILogin(login: login) }
        } catch {
            print("IsolationFixture: could not drop the BI logins: \(error)")
        }
    }
}
