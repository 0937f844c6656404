import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import Foundation
import PGClient
import Testing

/// Contacts of one company with the NULLs and hierarchy the domain rules care about, searched through
/// the service role with a tenant context (so row-level security applies as in production).
final class DomainFixture: Sendable {
    let database: TestDatabase
    let db: Database
    let context: TenantContext
    let ids: [String: Int]

    init() async throws {
        database = try await TestDatabase.make()
        let admin = Administration(connection: try database.adminConnection())
        let company = try admin.createCompany(named: "Acme")
        let other = try admin.createCompany(named: "Other")
        let user = try admin.ensureUser(login: "ana", password: "ana-secret-1").id
        try admin.grant(user: user, company: company.id, access: .all)
        let connection = try database.adminConnection()
        var ids: [String: Int] = [:]
        func add(_ name: String, company: Int, isCompany: Bool = false, parent: String? = nil, email: String? = nil,
                 city: String? = nil, active: Bool = true) throws {
            ids[name] = try connection.query("""
                INSERT INTO res_partner (company_id, name, is_company, parent_id, email, city, active)
                VALUES (\(company), \(name), \(isCompany), \(parent.flatMap { ids[$0] }), \(email), \(city), \(active)) RETURNING id
                """)[0].decode(Int.self, at: 0)
        }
        try add("Acme Corp", company: company.id, isCompany: true, email: "info@acme.example", city: "Madrid")
        try add("Ana Pérez", company: company.id, parent: "Acme Corp", city: "Madrid")
        try add("Bruno", company: company.id, parent: "Acme Corp", email: "bruno@x.example")
        try add("Zed Ltd", company: company.id, isCompany: true, email: "zed@zed.example", city: "Lima")
        try add("José Núñez", company: company.id, parent: "Zed Ltd", email: "jose@zed.example", city: "Lima")
        try add("Old", company: company.id, email: "old@x.example", city: "Quito", active: false)
        try add("Elsewhere", company: other.id, city: "Madrid")
        self.ids = ids
        db = Database(conninfo: database.serviceConninfo, poolSize: 1)
        context = TenantContext(userID: user, companyIDs: [company.id])
    }

    /// The names matching a domain written as JSON.
    func names(_ domainJSON: String) async throws -> [String] {
        let domain = try JSONDecoder().decode(JSONValue.self, from: Data(domainJSON.utf8))
        var sql = SQLBuilder()
        sql.append("SELECT p.name FROM res_partner p WHERE ")
        try DomainCompiler(registry: ModelRegistry.standard).compile(domain, on: ResPartner.model, alias: "p", into: &sql)
        sql.append(" ORDER BY p.name")
        let query = sql.query
        return try await db.transaction(as: context, readOnly: true) { connection in
            try connection.query(query).map { try $0.decode(String.self, at: 0) }
        }
    }

    func compileError(_ domainJSON: String) throws -> ModelError? {
        let domain = try JSONDecoder().decode(JSONValue.self, from: Data(domainJSON.utf8))
        var sql = SQLBuilder()
        return #expect(throws: ModelError.self) {
            try DomainCompiler(registry: ModelRegistry.standard).compile(domain, on: ResPartner.model, alias: "p", into: &sql)
        }
    }

    deinit { db.shutdown() }
}

@Suite("Domains compile to SQL with Odoo's rules")
struct DomainCompilerTests {
    @Test func falseMeansNullAndNegationsIncludeNull() async throws {
        let f = try await DomainFixture()
        #expect(try await f.names(#"[["email", "=", false]]"#) == ["Ana Pérez"])
        #expect(try await f.names(#"[["email", "!=", false]]"#) == ["Acme Corp", "Bruno", "José Núñez", "Old", "Zed Ltd"])
        #expect(try await f.names(#"[["city", "!=", "Madrid"]]"#) == ["Bruno", "José Núñez", "Old", "Zed Ltd"])
        #expect(try await f.names(#"[["city", "not in", ["Madrid"]]]"#) == ["Bruno", "José Núñez", "Old", "Zed Ltd"])
        #expect(try await f.names(#"[["city", "in", ["Madrid", false]]]"#) == ["Acme Corp", "Ana Pérez", "Bruno"])
        #expect(try await f.names(#"[["city", "not in", ["Lima", false]]]"#) == ["Acme Corp", "Ana Pérez", "Old"])
        #expect(try await f.names(#"[["city", "in", []]]"#) == [])
        #expect(try await f.names(#"["!", ["city", "=", "Madrid"]]"#) == ["Bruno", "José Núñez", "Old", "Zed Ltd"])
        #expect(try await f.names(#"[["is_company", "=", false], ["active", "=", true]]"#) == ["Ana Pérez", "Bruno", "José Núñez"])
        #expect(try await f.names(#"[["email", "=?", false]]"#).count == 6)
        // Booleans: false is false or NULL, in lists too ("include archived" idiom).
        #expect(try await f.names(#"[["active", "in", [true, false]]]"#).count == 6)
        #expect(try await f.names(#"[["active", "in", [false]]]"#) == ["Old"])
        #expect(try await f.names(#"[["active", "not in", [false]]]"#).count == 5)
    }

    @Test func likeOperatorsAndAccents() async throws {
        let f = try await DomainFixture()
        #expect(try await f.names(#"[["name", "ilike", "JOSÉ"]]"#) == ["José Núñez"])
        #expect(try await f.names(#"["|", ["name", "=ilike", "zed%"], ["name", "like", "Pér"]]"#) == ["Ana Pérez", "Zed Ltd"])
        #expect(try await f.names(#"[["email", "not ilike", "zed"]]"#) == ["Acme Corp", "Ana Pérez", "Bruno", "Old"])
        #expect(try await f.names(#"[["name", "=like", "acme%"]]"#) == [])
    }

    @Test func relationsPathsAndHierarchy() async throws {
        let f = try await DomainFixture()
        #expect(try await f.names(#"[["parent_id", "=", "Acme Corp"]]"#) == ["Ana Pérez", "Bruno"])
        #expect(try await f.names(#"[["parent_id", "ilike", "zed"]]"#) == ["José Núñez"])
        #expect(try await f.names(#"[["parent_id.city", "=", "Lima"]]"#) == ["José Núñez"])
        #expect(try await f.names(#"[["child_ids", "!=", false]]"#) == ["Acme Corp", "Zed Ltd"])
        #expect(try await f.names(#"[["child_ids.name", "ilike", "bru"]]"#) == ["Acme Corp"])
        let acme = f.ids["Acme Corp"]!, ana = f.ids["Ana Pérez"]!
        #expect(try await f.names(#"[["id", "child_of", \#(acme)]]"#) == ["Acme Corp", "Ana Pérez", "Bruno"])
        #expect(try await f.names(#"[["id", "parent_of", [\#(ana)]]]"#) == ["Acme Corp", "Ana Pérez"])
        #expect(try await f.names(#"[["parent_id", "any", [["city", "=", "Lima"]]]]"#) == ["José Núñez"])
        #expect(try await f.names(#"[["parent_id", "not any", [["city", "=", "Lima"]]]]"#).count == 5)
        #expect(try await f.names(#"[["parent_id", "in", [\#(acme)]]]"#) == ["Ana Pérez", "Bruno"])
        #expect(try await f.names(#"[["create_date", ">", "2000-01-01 00:00:00"], ["create_date", "<", "2999-01-01"]]"#).count == 6)
    }

    @Test func otherCompaniesNeverAppear() async throws {
        let f = try await DomainFixture()
        #expect(try await f.names(#"[["city", "=", "Madrid"]]"#) == ["Acme Corp", "Ana Pérez"])
        #expect(try await f.names("[]").contains("Elsewhere") == false)
    }

    @Test func hostileDomainsAreRefusedOrHarmless() async throws {
        let f = try await DomainFixture()
        #expect(try f.compileError(#"[["nope", "=", 1]]"#)?.message == "Invalid field nope on model res.partner")
        #expect(try f.compileError(#"[["name; DROP TABLE res_partner", "=", 1]]"#)?.kind == .validation)
        #expect(try f.compileError(#"[["name", "~", "x"]]"#)?.message == "Invalid domain operator ~")
        #expect(try f.compileError(#"[["id", "=", "abc"]]"#)?.kind == .validation)
        #expect(try f.compileError(#"["&", ["name", "=", "x"]]"#)?.kind == .validation)
        #expect(try f.compileError(#"[["name", "=", "x", "extra"]]"#)?.kind == .validation)
        #expect(try f.compileError(#"{"name": "x"}"#)?.kind == .validation)
        #expect(try f.compileError(#"[["create_date", ">", "yesterday"]]"#)?.kind == .validation)
        #expect(try f.compileError(#"[["name", "child_of", 1]]"#)?.kind == .validation)
        #expect(try f.compileError(#"[["", "=", 1]]"#)?.kind == .validation)
        #expect(try f.compileError(#"[["parent_id..", "=", 1]]"#)?.kind == .validation)
        #expect(try f.compileError(#"[["id", "=", -9223372036854775808]]"#)?.kind == .validation)
        // Values are bound, never spliced: SQL in a value is just text that matches nothing.
        #expect(try await f.names(#"[["name", "=", "x'; DROP TABLE res_partner; --"]]"#) == [])
        #expect(try await f.names(#"[["name", "ilike", "%"]]"#).count == 6)
    }
}
