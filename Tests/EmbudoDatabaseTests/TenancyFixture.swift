import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import PGClient

/// Two companies with their users and contacts, and the service's database pool.
///
/// - Acme: alice (own documents), adam (administrator), partner "Acme Customer"
/// - Bolt: bob (all documents), partner "Bolt Customer"
/// - carol belongs to both (own in Acme, all in Bolt)
struct TenancyFixture {
    let database: TestDatabase
    let acme: Company
    let bolt: Company
    let alice: Int
    let adam: Int
    let bob: Int
    let carol: Int
    let acmePartner: Int
    let boltPartner: Int

    init() async throws {
        database = try await TestDatabase.make()
        let admin = Administration(connection: try database.adminConnection())
        acme = try admin.createCompany(named: "Acme")
        bolt = try admin.createCompany(named: "Bolt")
        func user(_ login: String, _ grants: [(Company, AccessLevel)]) throws -> Int {
            let id = try admin.ensureUser(login: login, password: "\(login)-secret").id
            for (company, access) in grants { try admin.grant(user: id, company: company.id, access: access) }
            return id
        }
        alice = try user("alice", [(acme, .own)])
        adam = try user("adam", [(acme, .admin)])
        bob = try user("bob", [(bolt, .all)])
        carol = try user("carol", [(acme, .own), (bolt, .all)])
        let connection = try database.adminConnection()
        func partner(_ company: Company, _ name: String) throws -> Int {
            try connection.query("INSERT INTO res_partner (company_id, name) VALUES (\(company.id), \(name)) RETURNING id")[0].decode(Int.self, at: 0)
        }
        acmePartner = try partner(acme, "Acme Customer")
        boltPartner = try partner(bolt, "Bolt Customer")
    }

    /// The service's pool, logging in as embudo_service.
    func service() -> Database {
        Database(conninfo: database.serviceConninfo, poolSize: 2)
    }
}

extension PGConnection {
    /// The names of the partners visible now (no tenant filter in the query: RLS does it).
    func partnerNames() throws -> [String] {
        try query("SELECT name FROM res_partner ORDER BY name").map { try $0.decode(String.self, at: 0) }
    }
}
