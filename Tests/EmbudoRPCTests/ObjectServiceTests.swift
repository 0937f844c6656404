import EmbudoDatabase
import EmbudoModel
import EmbudoRPC
import EmbudoTestSupport
import Foundation
import Logging
import PGClient
import Testing

@Suite("JSON-RPC object service on res.partner")
struct ObjectServiceTests {
    let database: TestDatabase
    let db: Database
    let dispatcher: RPCDispatcher
    let uid: Int
    let otherCompany: Int

    init() async throws {
        database = try await TestDatabase.make()
        let admin = Administration(connection: try database.adminConnection())
        let company = try admin.createCompany(named: "Acme")
        otherCompany = try admin.createCompany(named: "Other").id
        uid = try admin.ensureUser(login: "ana", password: "ana-secret-1").id
        try admin.grant(user: uid, company: company.id, access: .all)
        db = Database(conninfo: database.serviceConninfo, poolSize: 2)
        dispatcher = RPCDispatcher(
            databaseName: database.name, authenticator: Authenticator(database: db), models: ModelService(database: db),
            logger: Logger(label: "test")
        )
    }

    func kw(_ model: String, _ method: String, _ args: JSONValue, _ kwargs: JSONValue = [:], password: String = "ana-secret-1") async throws -> JSONValue {
        try await call(dispatcher, [
            "service": "object", "method": "execute_kw",
            "args": [.string(database.name), .int(uid), .string(password), .string(model), .string(method), args, kwargs],
        ])
    }

    @Test func createReadSearchWriteUnlink() async throws {
        defer { db.shutdown() }
        let company = try await kw("res.partner", "create", [["name": "Acme Corp", "is_company": true, "city": "Madrid"]])
        let companyID = try #require(company["result"]?.intValue as Int?)
        let people = try await kw("res.partner", "create", [[["name": "Ana", "parent_id": .int(companyID)], ["name": "Bruno", "email": "b@x.example"]]])
        let ids = try #require(people["result"]?.arrayValue).compactMap(\.intValue)
        #expect(ids.count == 2)

        let read = try await kw("res.partner", "read", [.array(ids.map(JSONValue.int))], ["fields": ["name", "parent_id", "email", "is_company"]])
        let records = try #require(read["result"]?.arrayValue)
        #expect(records.count == 2)
        #expect(records[0]["name"] == "Ana")
        #expect(records[0]["parent_id"] == [.int(companyID), "Acme Corp"])
        #expect(records[0]["email"] == false)
        #expect(records[1]["email"] == "b@x.example")
        #expect(records[1]["is_company"] == false)

        let found = try await kw("res.partner", "search_read", [[["parent_id", "ilike", "acme"]]], ["fields": ["name"], "limit": 5])
        #expect(found["result"]?.arrayValue?.map { $0["name"] } == ["Ana"])
        let ordered = try await kw("res.partner", "search", [[]], ["order": "name desc"])
        #expect(ordered["result"]?.arrayValue?.count == 3)
        #expect(try await kw("res.partner", "search_count", [[["is_company", "=", true]]])["result"] == 1)

        #expect(try await kw("res.partner", "write", [.array(ids.map(JSONValue.int)), ["city": "Lima"]])["result"] == true)
        let lima = try await kw("res.partner", "search_read", [[["city", "=", "Lima"]]], ["fields": ["name"]])
        #expect(lima["result"]?.arrayValue?.count == 2)

        #expect(try await kw("res.partner", "unlink", [.array(ids.map(JSONValue.int))])["result"] == true)
        #expect(try await kw("res.partner", "search_count", [[]])["result"] == 1)
        let gone = try await kw("res.partner", "write", [[.int(ids[0])], ["city": "X"]])
        #expect(gone["error"]?["data"]?["name"] == "odoo.exceptions.MissingError")
    }

    @Test func errorsAreOdooExceptions() async throws {
        defer { db.shutdown() }
        #expect(try await kw("res.partner", "search", [[]], password: "wrong")["error"]?["data"]?["name"] == "odoo.exceptions.AccessDenied")
        let unknownModel = try await kw("no.such.model", "search", [[]])
        #expect(unknownModel["error"]?["data"]?["name"] == "odoo.exceptions.UserError")
        #expect(unknownModel["error"]?["data"]?["message"] == "Object no.such.model doesn't exist")
        #expect(try await kw("res.partner", "_private", [[]])["error"]?["data"]?["name"] == "odoo.exceptions.AccessError")
        #expect(try await kw("res.partner", "search", [[["password", "=", "x"]]])["error"]?["data"]?["name"] == "odoo.exceptions.ValidationError")
        #expect(try await kw("res.partner", "search", [[]], ["order": "name; DROP TABLE res_partner"])["error"]?["data"]?["name"] == "odoo.exceptions.ValidationError")
        #expect(try await kw("res.partner", "create", [["email": "x@y"]])["error"]?["data"]?["message"] == "Field Name (name) is required")
        #expect(try await kw("res.partner", "create", [["name": "X", "parent_id": 99999]])["error"]?["data"]?["name"] == "odoo.exceptions.ValidationError")
        let foreign = try await kw("res.partner", "search", [[]], ["context": ["allowed_company_ids": [.int(otherCompany)]]])
        #expect(foreign["error"]?["data"]?["name"] == "odoo.exceptions.AccessError")
        #expect(try await kw("ir.model", "create", [["model": "x.y", "name": "X"]])["error"]?["data"]?["name"] == "odoo.exceptions.AccessError")
        // Users change their own preferences only: their login is the identity's, not theirs to rewrite.
        #expect(try await kw("res.users", "write", [[.int(uid)], ["login": "X"]])["error"]?["data"]?["name"] == "odoo.exceptions.AccessError")
        #expect(try await kw("res.users", "write", [[.int(uid)], ["name": "X"]])["result"] == true)
        // Only administrators rename their company: for others it is an access error.
        let companies = try await kw("res.company", "search", [[]])
        let rename = try await kw("res.company", "write", [companies["result"] ?? [], ["name": "Renamed"]])
        #expect(rename["error"]?["data"]?["name"] == "odoo.exceptions.AccessError")
        #expect(try await kw("res.partner.category", "create", [["name": "Zero", "color": false]])["result"]?.intValue != nil)
        #expect(try await kw("ir.model", "search_count", [[["model", "=", "res.partner"]]])["result"] == 1)
        // No SQL or server text in any answer.
        let text = String(describing: try await kw("res.partner", "create", [["name": "X", "parent_id": 99999]]))
        #expect(!text.contains("INSERT") && !text.contains("violates"))
    }

    @Test func readGroup() async throws {
        defer { db.shutdown() }
        let acme = try #require(try await kw("res.partner", "create", [["name": "Acme Corp", "city": "Madrid"]])["result"]?.intValue as Int?)
        _ = try await kw("res.partner", "create", [[
            ["name": "Ana", "city": "Lima", "parent_id": .int(acme)], ["name": "Bruno", "city": "Lima", "parent_id": .int(acme)],
            ["name": "Carla"],
        ]])
        let byCity = try await kw("res.partner", "read_group", [[], ["city"], ["city"]])
        let cities = try #require(byCity["result"]?.arrayValue)
        #expect(cities.map { $0["city"] } == ["Lima", "Madrid", false])
        #expect(cities.map { $0["city_count"] } == [2, 1, 1])
        #expect(cities[0]["__domain"] == [["city", "=", "Lima"]])

        let byParent = try await kw("res.partner", "read_group", [[["name", "!=", "Carla"]], ["parent_id"], ["parent_id", "city"]], ["lazy": true])
        let parents = try #require(byParent["result"]?.arrayValue)
        #expect(parents.first?["parent_id"] == [.int(acme), "Acme Corp"])
        #expect(parents.first?["parent_id_count"] == 2)
        #expect(parents.first?["__context"] == ["group_by": ["city"]])
        #expect(parents.first?["__domain"] == [["parent_id", "=", .int(acme)], ["name", "!=", "Carla"]])

        let strict = try await kw("res.partner", "read_group", [[], ["city"], ["parent_id", "city"]], ["lazy": false, "orderby": "__count desc"])
        #expect(strict["result"]?.arrayValue?.first?["__count"] == 2)

        let byMonth = try await kw("res.partner", "read_group", [[], [], ["create_date:month"]])
        let month = try #require(byMonth["result"]?.arrayValue?.first)
        #expect(month["create_date:month"]?.stringValue?.isEmpty == false)
        #expect(month["create_date_count"] == 4)
        #expect(month["__domain"]?.arrayValue?.first == "&")
        // Drilling down with a group's domain finds the group's records.
        let drill = try await kw("res.partner", "search_count", [try #require(month["__domain"])])
        #expect(drill["result"] == 4)

        #expect(try await kw("res.partner", "read_group", [[], ["city"], ["password"]])["error"]?["data"]?["name"] == "odoo.exceptions.ValidationError")
        for hostile: JSONValue in [[[], [""], ["city"]], [[], ["city"], [":"]], [[], ["city"], [""]]] {
            #expect(try await kw("res.partner", "read_group", hostile)["error"]?["data"]?["name"] == "odoo.exceptions.ValidationError")
        }
    }

    @Test func nameSearchNameCreateExistsCopy() async throws {
        defer { db.shutdown() }
        let created = try await kw("res.partner", "name_create", ["Acme Corp"])
        let acme = try #require(created["result"]?.arrayValue?.first?.intValue as Int?)
        #expect(created["result"] == [.int(acme), "Acme Corp"])
        _ = try await kw("res.partner", "create", [["name": "Acme Labs", "city": "Lima", "parent_id": .int(acme)]])
        let found = try await kw("res.partner", "name_search", ["acme"], ["limit": 5])
        #expect(found["result"]?.arrayValue?.compactMap { $0.arrayValue?.last } == ["Acme Corp", "Acme Labs"])
        let filtered = try await kw("res.partner", "name_search", ["acme"], ["args": [["city", "=", "Lima"]]])
        #expect(found["result"]?.arrayValue?.count == 2 && filtered["result"]?.arrayValue?.count == 1)
        #expect(try await kw("res.partner", "exists", [[.int(acme), 999_999]])["result"] == [.int(acme)])
        let labs = try #require(found["result"]?.arrayValue?.last?.arrayValue?.first?.intValue as Int?)
        let copy = try #require(try await kw("res.partner", "copy", [.int(labs)], ["default": ["city": "Quito"]])["result"]?.intValue as Int?)
        let read = try await kw("res.partner", "read", [[.int(copy)]], ["fields": ["name", "city", "parent_id"]])
        #expect(read["result"]?.arrayValue?.first?["name"] == "Acme Labs (copy)")
        #expect(read["result"]?.arrayValue?.first?["city"] == "Quito")
        #expect(read["result"]?.arrayValue?.first?["parent_id"] == [.int(acme), "Acme Corp"])
    }

    @Test func x2manyCommands() async throws {
        defer { db.shutdown() }
        let created = try await kw("res.partner", "create", [[
            "name": "Acme Corp", "is_company": true,
            "category_id": [[0, 0, ["name": "VIP"]]],
            "child_ids": [[0, 0, ["name": "Ana"]], [0, 0, ["name": "Bruno"]]],
        ]])
        let acme = try #require(created["result"]?.intValue as Int?)
        func read() async throws -> JSONValue {
            try #require(try await kw("res.partner", "read", [[.int(acme)]], ["fields": ["category_id", "child_ids"]])["result"]?.arrayValue?.first)
        }
        let first = try await read()
        #expect(first["child_ids"]?.arrayValue?.count == 2)
        let vip = try #require(first["category_id"]?.arrayValue?.first?.intValue as Int?)
        let local = try #require(try await kw("res.partner.category", "create", [["name": "Local"]])["result"]?.intValue as Int?)

        _ = try await kw("res.partner", "write", [[.int(acme)], ["category_id": [[6, 0, [.int(vip), .int(local)]]]]])
        #expect(try await read()["category_id"] == [.int(vip), .int(local)])
        _ = try await kw("res.partner", "write", [[.int(acme)], ["category_id": [[3, .int(vip)]]]])
        #expect(try await read()["category_id"] == [.int(local)])
        _ = try await kw("res.partner", "write", [[.int(acme)], ["category_id": [[4, .int(vip)]]]])
        #expect(try await kw("res.partner", "search_count", [[["category_id", "in", [.int(vip)]]]])["result"] == 1)
        _ = try await kw("res.partner", "write", [[.int(acme)], ["category_id": [[5]]]])
        #expect(try await read()["category_id"] == [])
        _ = try await kw("res.partner", "write", [[.int(acme)], ["category_id": [.int(local)]]])
        #expect(try await read()["category_id"] == [.int(local)])

        let children = try #require(try await read()["child_ids"]?.arrayValue?.compactMap(\.intValue))
        let loner = try #require(try await kw("res.partner", "create", [["name": "Carla"]])["result"]?.intValue as Int?)
        _ = try await kw("res.partner", "write", [[.int(acme)], ["child_ids": [[4, .int(loner)], [3, .int(children[0])]]]])
        #expect(Set(try await read()["child_ids"]?.arrayValue?.compactMap(\.intValue) ?? []) == [children[1], loner])
        _ = try await kw("res.partner", "write", [[.int(acme)], ["child_ids": [[2, .int(loner)]]]])
        #expect(try await kw("res.partner", "exists", [[.int(loner)]])["result"] == [])

        let bad = try await kw("res.partner", "write", [[.int(acme)], ["category_id": [[9, 1]]]])
        #expect(bad["error"]?["data"]?["name"] == "odoo.exceptions.ValidationError")
    }

    @Test func aChangedPasswordStopsCachedCredentialsAtTheNextCall() async throws {
        defer { db.shutdown() }
        #expect(try await kw("res.partner", "search_count", [[]])["result"] == 0)  // verified, now cached
        let admin = try database.adminConnection()
        try admin.query("SELECT embudo.set_password(\(uid), \("a-new-secret-2"))")
        let stale = try await kw("res.partner", "search_count", [[]])
        #expect(stale["error"]?["data"]?["name"] == "odoo.exceptions.AccessDenied")
        #expect(try await kw("res.partner", "search_count", [[]], password: "a-new-secret-2")["result"] == 0)
    }

    @Test func fieldsGetAndContextGet() async throws {
        defer { db.shutdown() }
        let fields = try await kw("res.partner", "fields_get", [], ["attributes": ["type", "relation"]])
        #expect(fields["result"]?["parent_id"]?["type"] == "many2one")
        #expect(fields["result"]?["parent_id"]?["relation"] == "res.partner")
        #expect(fields["result"]?["name"]?["type"] == "char")
        let context = try await call(dispatcher, [
            "service": "object", "method": "execute",
            "args": [.string(database.name), .int(uid), "ana-secret-1", "res.users", "context_get"],
        ])
        #expect(context["result"]?["uid"] == .int(uid))
        #expect(context["result"]?["tz"] == "UTC")
    }
}
