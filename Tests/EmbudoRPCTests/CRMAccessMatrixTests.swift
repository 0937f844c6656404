import EmbudoDatabase
import EmbudoModel
import Testing

/// The access rules of leads, enforced by PostgreSQL's row-level security: every access level against
/// read / create / write / delete of one's own, someone else's and unassigned leads, in one's company
/// and in another company.
@Suite("crm.lead access matrix")
struct CRMAccessMatrixTests {
    enum Scope: String, CaseIterable { case own, others, unassigned, otherCompany = "other company" }
    enum Operation: String, CaseIterable { case read, create, write, delete }

    /// The expected outcome per level (user), operation and scope, "✓" allowed, "✗" refused.
    static let expected: [String: [Operation: String]] = [
        // scopes in order: own, others, unassigned, other company
        "olga (own documents)": [.read: "✓✗✓✗", .create: "✓✗✓✗", .write: "✓✗✓✗", .delete: "✗✗✗✗"],
        "alex (all documents)": [.read: "✓✓✓✗", .create: "✓✓✓✗", .write: "✓✓✓✗", .delete: "✗✗✗✗"],
        "boss (administrator)": [.read: "✓✓✓✗", .create: "✓✓✓✗", .write: "✓✓✓✗", .delete: "✓✓✓✗"],
        "nadia (no access to Acme)": [.read: "✗✗✗✗", .create: "✗✗✗✗", .write: "✗✗✗✗", .delete: "✗✗✗✗"],
    ]

    @Test func everyLevelEveryOperation() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let acmeContext: JSONValue = ["context": ["allowed_company_ids": [.int(f.acme)]]]
        var table: [String: [Operation: String]] = [:]
        for (label, actor) in [("olga (own documents)", "olga"), ("alex (all documents)", "alex"), ("boss (administrator)", "boss"), ("nadia (no access to Acme)", "nadia")] {
            let other = actor == "boss" ? "alex" : "boss"
            // The salesperson each scope means (nadia has no lead of her own in Acme: she is not a member).
            func salesperson(_ scope: Scope) -> JSONValue {
                switch scope {
                case .own: return actor == "nadia" ? .int(f.users["boss"]!) : .int(f.users[actor]!)
                case .others: return .int(f.users[other]!)
                case .unassigned, .otherCompany: return false
                }
            }
            // A fresh lead for the scope, made by the company's administrator (for nadia, every lead is
            // one of Acme's, where she has no access).
            func lead(_ scope: Scope) async throws -> Int {
                if scope == .otherCompany && actor != "nadia" {
                    return try #require(try await f.ok("bea", "crm.lead", "create", [["name": "Beta deal", "user_id": salesperson(scope)]]).intValue)
                }
                return try #require(try await f.ok("boss", "crm.lead", "create", [["name": "Acme deal", "user_id": salesperson(scope)]]).intValue)
            }
            for operation in Operation.allCases {
                var row = ""
                for scope in Scope.allCases {
                    let allowed: Bool
                    switch operation {
                    case .read:
                        let id = try await lead(scope)
                        let rows = try await f.ok(actor, "crm.lead", "read", [[.int(id)]], ["fields": ["name"]])
                        allowed = rows.arrayValue?.count == 1
                    case .create:
                        let context: JSONValue = scope == .otherCompany && actor != "nadia"
                            ? ["context": ["allowed_company_ids": [.int(f.beta)]]] : acmeContext
                        let answer = try await f.kw(actor, "crm.lead", "create", [["name": "New deal", "user_id": salesperson(scope)]], context)
                        allowed = answer["result"]?.intValue != nil
                        if !allowed { #expect(answer["error"]?["data"]?["name"] == "odoo.exceptions.AccessError", "\(actor) create \(scope): \(answer)") }
                    case .write:
                        let id = try await lead(scope)
                        let answer = try await f.kw(actor, "crm.lead", "write", [[.int(id)], ["name": "Renamed"]])
                        allowed = answer["result"] == true
                        if !allowed { #expect(answer["error"]?["data"]?["name"] != nil, "\(actor) write \(scope)") }
                    case .delete:
                        let id = try await lead(scope)
                        let answer = try await f.kw(actor, "crm.lead", "unlink", [[.int(id)]])
                        allowed = answer["result"] == true
                        if !allowed { #expect(answer["error"]?["data"]?["name"] != nil, "\(actor) delete \(scope)") }
                    }
                    row += allowed ? "✓" : "✗"
                }
                table[label, default: [:]][operation] = row
            }
        }
        for (label, rows) in Self.expected {
            for (operation, outcome) in rows {
                #expect(table[label]?[operation] == outcome, "\(label) \(operation.rawValue): got \(table[label]?[operation] ?? "-"), expected \(outcome)")
            }
        }
    }

    @Test func hiddenLeadsAreAccessErrorsAndOtherCompaniesAreInvisible() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let bosses = try #require(try await f.ok("boss", "crm.lead", "create", [["name": "Boss deal"]]).intValue)
        // Olga (own documents) cannot see the boss's lead: writing it is an access error, not a silent no-op.
        #expect(try await f.error("olga", "crm.lead", "write", [[.int(bosses)], ["name": "Mine now"]]) == "odoo.exceptions.AccessError")
        #expect(try await f.error("olga", "crm.lead", "unlink", [[.int(bosses)]]) == "odoo.exceptions.AccessError")
        #expect(try await f.field("boss", "crm.lead", bosses, "name") == "Boss deal")
        // For Beta's administrator the lead does not exist at all.
        #expect(try await f.ok("bea", "crm.lead", "search_count", [[]]) == 0)
        #expect(try await f.error("bea", "crm.lead", "write", [[.int(bosses)], ["name": "x"]]) == "odoo.exceptions.MissingError")
        // Acting in a company one is not a member of is refused.
        #expect(try await f.error("nadia", "crm.lead", "search", [[]], ["context": ["allowed_company_ids": [.int(f.acme)]]]) == "odoo.exceptions.AccessError")
        // "Own documents" cannot hand a lead over to a colleague (the changed row must stay hers); "all
        // documents" can.
        let olgas = try #require(try await f.ok("olga", "crm.lead", "create", [["name": "Olga deal"]]).intValue)
        #expect(try await f.error("olga", "crm.lead", "write", [[.int(olgas)], ["user_id": .int(f.users["alex"]!)]]) == "odoo.exceptions.AccessError")
        #expect(try await f.field("olga", "crm.lead", olgas, "name") == "Olga deal")
        #expect(try await f.ok("alex", "crm.lead", "write", [[.int(olgas)], ["user_id": .int(f.users["alex"]!)]]) == true)
        #expect(try await f.ok("olga", "crm.lead", "read", [[.int(olgas)]], ["fields": ["name"]]) == [])
    }

    @Test func catalogRules() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        // Stages, teams and lost reasons: administrators only.
        #expect(try await f.error("alex", "crm.stage", "create", [["name": "Demo"]]) == "odoo.exceptions.AccessError")
        let stages = try await f.ok("alex", "crm.stage", "search", [[]])
        let firstStage = try #require(stages.arrayValue?.first?.intValue)
        #expect(try await f.error("alex", "crm.stage", "write", [[.int(firstStage)], ["name": "Renamed"]]) == "odoo.exceptions.AccessError")
        #expect(try await f.error("olga", "crm.team", "create", [["name": "Olga's team"]]) == "odoo.exceptions.AccessError")
        #expect(try await f.error("alex", "crm.lost.reason", "create", [["name": "Too late"]]) == "odoo.exceptions.AccessError")
        #expect(try await f.ok("boss", "crm.stage", "create", [["name": "Demo", "sequence": 4]]).intValue != nil)
        // Tags: every salesperson creates and edits them, only administrators delete them.
        let tag = try #require(try await f.ok("olga", "crm.tag", "create", [["name": "VIP"]]).intValue)
        #expect(try await f.ok("olga", "crm.tag", "write", [[.int(tag)], ["name": "Very important"]]) == true)
        #expect(try await f.error("olga", "crm.tag", "unlink", [[.int(tag)]]) == "odoo.exceptions.AccessError")
        #expect(try await f.error("alex", "crm.tag", "create", [["name": "Very important"]]) == "odoo.exceptions.ValidationError")
        #expect(try await f.ok("boss", "crm.tag", "unlink", [[.int(tag)]]) == true)
        // Tag names are unique per company, not across companies.
        #expect(try await f.ok("bea", "crm.tag", "create", [["name": "Very important"]]).intValue != nil)
    }
}
