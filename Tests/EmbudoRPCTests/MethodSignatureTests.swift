import EmbudoDatabase
import EmbudoModel
import EmbudoRPC
import EmbudoTestSupport
import Testing

/// Methods bind their arguments as Python does: what does not fit the signature is a TypeError that names
/// the method, and nothing is changed.
@Suite("Model methods: signatures and method tables")
struct MethodSignatureTests {
    let f: CRMFixture

    init() async throws {
        f = try await CRMFixture()
    }

    @Test func argumentsThatDoNotFitAreTypeErrorsAndChangeNothing() async throws {
        defer { f.db.shutdown() }
        let lead = try #require(try await f.kw("alex", "crm.lead", "create", [["name": "Kept"]])["result"]?.intValue)
        let cases: [(String, JSONValue, JSONValue, String)] = [
            ("write", [[.int(lead)], ["name": "Changed"]], ["vals": ["name": "Twice"]], "crm.lead.write() got multiple values for argument 'vals'"),
            ("write", [[.int(lead)], ["name": "Changed"]], ["valz": ["name": "Typo"]], "crm.lead.write() got an unexpected keyword argument 'valz'"),
            ("write", [[.int(lead)], ["name": "Changed"], "extra"], [:], "crm.lead.write() takes 2 positional arguments but 3 were given"),
            ("action_set_lost", [[.int(lead)]], ["reason": 1], "crm.lead.action_set_lost() got an unexpected keyword argument 'reason'"),
            ("search_read", [[]], ["fields": ["name"], "limt": 5], "crm.lead.search_read() got an unexpected keyword argument 'limt'"),
        ]
        for (method, args, kwargs, message) in cases {
            let answer = try await f.kw("alex", "crm.lead", method, args, kwargs)
            #expect(answer["error"]?["data"]?["name"] == "builtins.TypeError", "\(method) \(kwargs)")
            #expect(answer["error"]?["data"]?["message"] == .string(message))
        }
        let read = try await f.kw("alex", "crm.lead", "read", [[.int(lead)], ["name", "active"]])
        #expect(read["result"]?.arrayValue?.first?["name"] == "Kept")
        #expect(read["result"]?.arrayValue?.first?["active"] == true)
        // `context` is every method's keyword, and keyword-only parameters are accepted by name.
        let page = try await f.kw("alex", "crm.lead", "search_read", [[]], ["fields": ["name"], "load": "_classic_write", "context": ["lang": "es_MX"]])
        #expect(page["result"]?.arrayValue?.count == 1)
    }

    @Test func eachModelHasItsKindsMethodsAndItsModulesOwn() {
        defer { f.db.shutdown() }
        let registry = ModelRegistry.standard
        let lead = registry.models["crm.lead"]!
        // crm's own, the activities module's and the sale module's, beside the generic ones.
        for name in ["action_set_won", "read_group", "activity_schedule", "action_new_quotation", "search_read", "action_archive"] {
            #expect(lead.methods[name] != nil, "crm.lead.\(name)")
        }
        #expect(lead.fields["activity_state"] != nil && lead.fields["quotation_count"] != nil)
        let wizard = registry.models["crm.lead.lost"]!
        #expect(Set(wizard.methods.keys) == ["fields_get", "default_get", "create", "read", "write", "action_lost_reason_apply"])
        #expect(registry.models["mail.thread"]!.methods.keys.sorted() == ["message_process"])
        // Read-only models keep their generic writing methods only as refusals.
        #expect(registry.models["res.currency"]!.methods["unlink"]?.writes == true)
        #expect(registry.models["crm.team"]!.fields["quotations_count"] != nil && registry.models["crm.team"]!.fields["opportunities_count"] != nil)
    }

    @Test func aLoginOfNoCompanyReadsItsInvitations() async throws {
        defer { f.db.shutdown() }
        // The invitation model's generic methods act in the caller's own identity, like its answers.
        let admin = Administration(connection: try f.database.adminConnection())
        let noor = try admin.ensureUser(login: "noor@studio.example", password: CRMFixture.password, name: "Noor").id
        let invitation = try await f.ok("boss", "res.users", "create", [["login": "noor@studio.example", "access_level": "own"]])
        let answer = try await call(f.dispatcher, [
            "service": "object", "method": "execute_kw",
            "args": [.string(f.database.name), .int(noor), .string(CRMFixture.password), "res.users.invitation", "search_read", [[]], ["fields": ["state"]]],
        ])
        #expect(answer["result"]?.arrayValue?.map { $0["id"] } == [invitation])
        #expect(answer["result"]?.arrayValue?.first?["state"] == "pending")
    }

    /// `res.users.has_group`: Odoo's sales groups as the access levels stand for them, in the current company.
    @Test func groupsFollowAccessLevels() async throws {
        defer { f.db.shutdown() }
        let groups = ["base.group_user", "sales_team.group_sale_salesman", "sales_team.group_sale_salesman_all_leads",
                      "sales_team.group_sale_manager", "base.group_system", "base.group_portal"]
        var answers: [String: [Bool]] = [:]
        for login in ["olga", "alex", "boss"] {
            answers[login] = try await groups.asyncMap { group in
                try await f.ok(login, "res.users", "has_group", [[.int(f.users[login]!)], .string(group)]) == true
            }
        }
        #expect(answers["olga"] == [true, true, false, false, false, false])
        #expect(answers["alex"] == [true, true, true, false, false, false])
        #expect(answers["boss"] == [true, true, true, true, true, false])
        // A colleague's groups, as the caller's company sees them; another company's user has none here.
        #expect(try await f.ok("olga", "res.users", "has_group", [[.int(f.users["boss"]!)], "sales_team.group_sale_manager"]) == true)
        #expect(try await f.ok("olga", "res.users", "has_group", [[.int(f.users["bea"]!)], "base.group_user"]) == false)
    }

    /// Odoo 17's web client reads: web_search_read's length and records, web_read, nested specifications;
    /// fields_get's filters; read's load=None.
    @Test func webReadsFieldsGetFiltersAndLoad() async throws {
        defer { f.db.shutdown() }
        let customer = try #require(try await f.ok("alex", "res.partner", "create", [["name": "Muebles Norte", "email": "compras@norte.example"]]).intValue)
        let tag = try #require(try await f.ok("alex", "crm.tag", "create", [["name": "Mayoreo"]]).intValue)
        var leads: [Int] = []
        for index in 1...3 {
            leads.append(try #require(try await f.ok("alex", "crm.lead", "create", [[
                "name": .string("Sillas \(index)"), "partner_id": .int(customer), "tag_ids": [[6, 0, [.int(tag)]]],
            ]]).intValue))
        }
        let specification: JSONValue = ["name": [:], "partner_id": ["fields": ["display_name": [:], "email": [:]]], "tag_ids": ["fields": ["name": [:]]], "stage_id": [:]]
        let page = try await f.ok("alex", "crm.lead", "web_search_read", [[["name", "ilike", "Sillas"]], specification], ["limit": 2, "order": "id"])
        #expect(page["length"] == 3)
        let records = try #require(page["records"]?.arrayValue)
        #expect(records.map { $0["id"] } == [.int(leads[0]), .int(leads[1])])
        #expect(records[0]["partner_id"] == ["id": .int(customer), "display_name": "Muebles Norte", "email": "compras@norte.example"])
        #expect(records[0]["tag_ids"] == [["id": .int(tag), "name": "Mayoreo"]])
        #expect(records[0]["stage_id"]?.intValue != nil)
        let one = try await f.ok("alex", "crm.lead", "web_read", [[.int(leads[2])], ["name": [:], "partner_id": [:]]])
        #expect(one == [["id": .int(leads[2]), "name": "Sillas 3", "partner_id": .int(customer)]])
        #expect(try await f.error("alex", "crm.lead", "web_read", [[.int(leads[2])], ["no_such_field": [:]]]) == "odoo.exceptions.ValidationError")
        // fields_get(allfields, attributes) answers what was asked; read with load=None gives many2one ids.
        let fields = try await f.ok("alex", "crm.lead", "fields_get", [["name", "partner_id", "nope"]], ["attributes": ["type", "relation"]])
        #expect(fields == ["name": ["type": "char"], "partner_id": ["type": "many2one", "relation": "res.partner"]])
        let raw = try await f.ok("alex", "crm.lead", "read", [[.int(leads[0])], ["partner_id"]], ["load": .null])
        #expect(raw.arrayValue?.first?["partner_id"] == .int(customer))
        let named = try await f.ok("alex", "crm.lead", "read", [[.int(leads[0])], ["partner_id"]])
        #expect(named.arrayValue?.first?["partner_id"] == [.int(customer), "Muebles Norte"])
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
