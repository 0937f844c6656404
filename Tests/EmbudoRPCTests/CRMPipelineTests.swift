import EmbudoDatabase
import EmbudoModel
import Testing

/// The pipeline's behaviour (reference §2.1–2.9, §2.15, §2.21): defaults, team and stage rules, won /
/// lost / restore, conversion, merge, kanban columns and history, through the JSON-RPC dispatcher.
@Suite("CRM pipeline behaviour")
struct CRMPipelineTests {
    @Test func defaultDataOfEveryCompany() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let stages = try await f.ok("olga", "crm.stage", "search_read", [[]], ["fields": ["name", "sequence", "is_won", "fold"]])
        #expect(stages.arrayValue?.map { $0["name"] } == ["New", "Qualified", "Proposition", "Won"])
        #expect(stages.arrayValue?.map { $0["is_won"] } == [false, false, false, true])
        let reasons = try await f.ok("olga", "crm.lost.reason", "search_read", [[]], ["fields": ["name"]])
        #expect(Set(reasons.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []) == ["Too expensive", "We don't have people/skills", "Not enough stock"])
        let teams = try await f.ok("bea", "crm.team", "search_read", [[]], ["fields": ["name", "user_id", "member_ids"]])
        #expect(teams.arrayValue?.count == 1)
        #expect(teams.arrayValue?.first?["name"] == "Sales")
        #expect(teams.arrayValue?.first?["user_id"]?.arrayValue?.first?.intValue == f.users["bea"])
        #expect(teams.arrayValue?.first?["member_ids"] == [.int(f.users["bea"]!)])
        // External ids resolve to the caller's company's own records.
        let acmeNew = try await f.ok("olga", "ir.model.data", "check_object_reference", ["crm", "stage_lead1"])
        let betaNew = try await f.ok("nadia", "ir.model.data", "check_object_reference", ["crm", "stage_lead1"])
        #expect(acmeNew.arrayValue?.first == "crm.stage")
        #expect(acmeNew.arrayValue?[1] != betaNew.arrayValue?[1])
        #expect(try await f.ok("olga", "ir.model.data", "check_object_reference", ["crm", "mt_lead_won"]).arrayValue?.first == "mail.message.subtype")
    }

    @Test func createDefaultsTeamsStagesAndDates() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let sales = try #require(try await f.ok("boss", "crm.team", "search", [[["name", "=", "Sales"]]]).arrayValue?.first?.intValue)
        let direct = try #require(try await f.ok("boss", "crm.team", "create", [[
            "name": "Direct", "sequence": 5, "user_id": .int(f.users["alex"]!), "member_ids": [[6, 0, [.int(f.users["olga"]!)]]],
            "invoiced_target": 25000, "alias_name": "Diréct Sales@acme.example", "use_leads": true,
        ]]).intValue)
        #expect(try await f.field("boss", "crm.team", direct, "alias_name") == "direct-sales")
        #expect(try await f.field("boss", "crm.team", direct, "member_ids") == [.int(f.users["olga"]!)])
        // A team-specific first stage, folded stages skipped.
        let folded = try #require(try await f.ok("boss", "crm.stage", "create", [["name": "Backlog", "sequence": 0, "fold": true, "team_id": .int(direct)]]).intValue)
        let intake = try #require(try await f.ok("boss", "crm.stage", "create", [["name": "Intake", "sequence": 0, "team_id": .int(direct)]]).intValue)

        // Leads setting off: everything is an opportunity.
        let first = try #require(try await f.ok("olga", "crm.lead", "create", [["name": "Chairs", "expected_revenue": 1000]]).intValue)
        let record = try #require(try await f.ok("olga", "crm.lead", "read", [[.int(first)]], ["fields": [
            "type", "user_id", "team_id", "stage_id", "company_id", "probability", "prorated_revenue", "date_open", "active",
        ]]).arrayValue?.first)
        #expect(record["type"] == "opportunity")
        #expect(record["user_id"]?.arrayValue?.first?.intValue == f.users["olga"])
        #expect(record["team_id"]?.arrayValue?.first?.intValue == direct)  // olga is a member of Direct
        #expect(record["stage_id"]?.arrayValue?.first?.intValue == intake)
        #expect(record["stage_id"]?.arrayValue?.first?.intValue != folded)
        #expect(record["company_id"]?.arrayValue?.first?.intValue == f.acme)
        #expect(record["probability"] == 10)
        #expect(record["prorated_revenue"] == 100)
        #expect(record["date_open"]?.stringValue != nil)

        // The settings wizard turns leads on, as Odoo clients do it; only administrators may.
        let denied = try #require(try await f.ok("alex", "res.config.settings", "create", [["group_use_lead": true]]).intValue)
        #expect(try await f.error("alex", "res.config.settings", "execute", [[.int(denied)]]) == "odoo.exceptions.AccessError")
        let settings = try #require(try await f.ok("boss", "res.config.settings", "create", [["group_use_lead": true]]).intValue)
        #expect(try await f.ok("boss", "res.config.settings", "execute", [[.int(settings)]]) == true)
        #expect(try await f.ok("boss", "res.config.settings", "default_get", [["group_use_lead"]]) == ["group_use_lead": true])
        let lead = try #require(try await f.ok("alex", "crm.lead", "create", [["name": "Inbound", "user_id": false]]).intValue)
        #expect(try await f.field("alex", "crm.lead", lead, "type") == "lead")
        #expect(try await f.field("alex", "crm.lead", lead, "date_open") == false)

        // Changing the salesperson moves the lead to their team, unless they are in it already.
        #expect(try await f.ok("boss", "crm.lead", "write", [[.int(first)], ["user_id": .int(f.users["boss"]!)]]) == true)
        #expect(try await f.field("boss", "crm.lead", first, "team_id").arrayValue?.first?.intValue == sales)
        #expect(try await f.ok("boss", "crm.lead", "write", [[.int(first)], ["user_id": .int(f.users["alex"]!)]]) == true)
        #expect(try await f.field("boss", "crm.lead", first, "team_id").arrayValue?.first?.intValue == direct)  // alex leads Direct

        // A stage move stamps date_last_stage_update; prorated revenue follows the probability.
        let before = try await f.field("boss", "crm.lead", first, "date_last_stage_update")
        try await Task.sleep(for: .milliseconds(1100))
        let qualified = try #require(try await f.ok("boss", "ir.model.data", "check_object_reference", ["crm", "stage_lead2"]).arrayValue?[1].intValue)
        #expect(try await f.ok("boss", "crm.lead", "write", [[.int(first)], ["stage_id": .int(qualified), "probability": 40]]) == true)
        #expect(try await f.field("boss", "crm.lead", first, "date_last_stage_update") != before)
        #expect(try await f.field("boss", "crm.lead", first, "prorated_revenue") == 400)

        // Deleting a team frees its stages; a stage that still holds leads cannot be deleted.
        #expect(try await f.error("boss", "crm.stage", "unlink", [[.int(qualified)]]) == "odoo.exceptions.UserError")
        let message = try await f.kw("boss", "crm.stage", "unlink", [[.int(qualified)]])
        #expect(message["error"]?["data"]?["message"]?.stringValue?.contains("still holds 1 lead") == true)
        let temporary = try #require(try await f.ok("boss", "crm.team", "create", [["name": "Temporary"]]).intValue)
        let own = try #require(try await f.ok("boss", "crm.stage", "create", [["name": "Temp stage", "team_id": .int(temporary)]]).intValue)
        #expect(try await f.ok("boss", "crm.team", "unlink", [[.int(temporary)]]) == true)
        #expect(try await f.field("boss", "crm.stage", own, "team_id") == false)
    }

    /// Choosing a customer fills the lead from it, but what the same write sets wins (Odoo's rule: a value
    /// written is not recomputed), and an e-mail or phone written on the lead goes to its customer.
    @Test func aNewCustomerNeverOverwritesWhatTheSameWriteSets() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let first = try #require(try await f.ok("alex", "res.partner", "create", [["name": "Old Customer", "email": "old@customer.example"]]).intValue)
        let second = try #require(try await f.ok("alex", "res.partner", "create", [[
            "name": "New Customer", "email": "new@customer.example", "phone": "+52 55 1111 1111", "city": "Puebla",
        ]]).intValue)
        let lead = try #require(try await f.ok("alex", "crm.lead", "create", [["name": "Desks", "partner_id": .int(first)]]).intValue)
        #expect(try await f.field("alex", "crm.lead", lead, "email_from") == "old@customer.example")
        // The customer changes and the user typed an e-mail in the same edit.
        _ = try await f.ok("alex", "crm.lead", "write", [[.int(lead)], ["partner_id": .int(second), "email_from": "typed@buyer.example"]])
        let values = try #require(try await f.ok("alex", "crm.lead", "read", [[.int(lead)]], ["fields": ["email_from", "phone", "city", "contact_name"]]).arrayValue?.first)
        #expect(values["email_from"] == "typed@buyer.example")
        #expect(values["phone"] == "+52 55 1111 1111")
        #expect(values["city"] == "Puebla")
        #expect(values["contact_name"] == "New Customer")
        #expect(try await f.field("alex", "res.partner", second, "email") == "typed@buyer.example")
        #expect(try await f.field("alex", "res.partner", first, "email") == "old@customer.example")
        // Without anything typed, the new customer's details fill the lead as before.
        _ = try await f.ok("alex", "crm.lead", "write", [[.int(lead)], ["partner_id": .int(first)]])
        #expect(try await f.field("alex", "crm.lead", lead, "email_from") == "old@customer.example")
    }

    @Test func wonLostRestoreAndHistory() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let a = try #require(try await f.ok("alex", "crm.lead", "create", [["name": "Deal A", "expected_revenue": 500]]).intValue)
        let b = try #require(try await f.ok("alex", "crm.lead", "create", [["name": "Deal B"]]).intValue)
        #expect(try await f.ok("alex", "crm.lead", "action_set_won_rainbowman", [[.int(a)]]) == true)
        let won = try #require(try await f.ok("alex", "crm.lead", "read", [[.int(a)]], ["fields": ["stage_id", "probability", "date_closed"]]).arrayValue?.first)
        #expect(won["stage_id"]?.arrayValue?[1] == "Won")
        #expect(won["probability"] == 100)
        #expect(won["date_closed"]?.stringValue != nil)

        // The lost wizard, driven as Odoo clients drive it.
        let reason = try #require(try await f.ok("alex", "ir.model.data", "check_object_reference", ["crm", "lost_reason_1"]).arrayValue?[1].intValue)
        let context: JSONValue = ["context": ["active_ids": [.int(b)], "active_id": .int(b), "active_model": "crm.lead"]]
        let wizard = try #require(try await f.ok("alex", "crm.lead.lost", "create", [["lost_reason_id": .int(reason)]], context).intValue)
        #expect(try await f.ok("alex", "crm.lead.lost", "action_lost_reason_apply", [[.int(wizard)]], context) == true)
        #expect(try await f.ok("alex", "crm.lead", "search", [[["id", "=", .int(b)]]]) == [])  // archived: hidden by default
        let lost = try #require(try await f.ok("alex", "crm.lead", "read", [[.int(b)]], ["fields": ["active", "probability", "lost_reason", "date_closed"]]).arrayValue?.first)
        #expect(lost["active"] == false)
        #expect(lost["probability"] == 0)
        #expect(lost["lost_reason"]?.arrayValue?.first?.intValue == reason)

        // One won, one lost in the team: a new lead starts at 50 %.
        let c = try #require(try await f.ok("alex", "crm.lead", "create", [["name": "Deal C"]]).intValue)
        #expect(try await f.field("alex", "crm.lead", c, "probability") == 50)

        // Restore: the reason goes.
        #expect(try await f.ok("alex", "crm.lead", "toggle_active", [[.int(b)]]) == true)
        let restored = try #require(try await f.ok("alex", "crm.lead", "read", [[.int(b)]], ["fields": ["active", "lost_reason", "probability"]]).arrayValue?.first)
        #expect(restored["active"] == true)
        #expect(restored["lost_reason"] == false)
        #expect(restored["probability"] == 50)

        // History: Created, Won, Lost (with tracking values), Restored; notes through message_post.
        let note = try await f.ok("alex", "crm.lead", "message_post", [[.int(b)]], ["body": "Called: call back Monday", "message_type": "comment"])
        #expect(note.intValue != nil)
        let messages = try await f.ok("alex", "mail.message", "search_read", [[["model", "=", "crm.lead"], ["res_id", "=", .int(b)]]],
                                      ["fields": ["subtype_id", "body", "tracking_value_ids"], "order": "id"])
        let subtypes = messages.arrayValue?.compactMap { $0["subtype_id"]?.arrayValue?[1].stringValue }
        #expect(subtypes == ["Opportunity Created", "Opportunity Lost", "Opportunity Restored", "Note"])
        let lostMessage = try #require(messages.arrayValue?[1])
        let tracking = try await f.ok("alex", "mail.tracking.value", "read", [lostMessage["tracking_value_ids"]!],
                                      ["fields": ["field", "old_value_char", "new_value_char", "old_value_integer", "new_value_integer"]])
        let reasonChange = tracking.arrayValue?.first { $0["field"] == "lost_reason" }
        #expect(reasonChange?["new_value_char"] == "Too expensive")
        // Olga (own documents) does not see the history of leads she cannot see.
        #expect(try await f.ok("olga", "mail.message", "search_count", [[["res_id", "=", .int(b)]]]) == 0)
        #expect(try await f.error("olga", "crm.lead", "message_post", [[.int(b)]], ["body": "hi"]) == "odoo.exceptions.AccessError")
    }

    @Test func contextDefaultsFillDefaultGetAsTheyFillCreate() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let context: JSONValue = ["context": ["default_type": "opportunity", "default_priority": "2", "default_id": 5, "default_no_such_field": 1]]
        let defaults = try await f.ok("alex", "crm.lead", "default_get", [["type", "priority", "name", "id"]], context)
        #expect(defaults["type"] == "opportunity")
        #expect(defaults["priority"] == "2")
        #expect(defaults["name"] == nil)
        #expect(defaults["id"] == nil)
        let lead = try #require(try await f.ok("alex", "crm.lead", "create", [["name": "From the kanban"]], context).intValue)
        #expect(try await f.field("alex", "crm.lead", lead, "priority") == "2")
        #expect(try await f.field("alex", "crm.lead", lead, "type") == "opportunity")
    }

    /// Odoo 17's rules per conversion action: the matching contact is proposed for "exist" only; "create"
    /// creates a customer from the lead (keeping what the salesperson typed), "nothing" links none.
    @Test func conversionActionsFollowOdoo() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let older = try #require(try await f.ok("alex", "res.partner", "create", [["name": "Rosa Garza", "email": "rosa@old.example"]]).intValue)
        func lead(_ name: String, email: String) async throws -> Int {
            try #require(try await f.ok("alex", "crm.lead", "create", [[
                "name": .string(name), "type": "lead", "contact_name": "Rosa Garza", "partner_name": "Garza Nueva SA",
                "email_from": .string(email),
            ]]).intValue)
        }
        func convert(_ lead: Int, _ values: JSONValue) async throws -> [String: JSONValue] {
            let context: JSONValue = ["context": ["active_id": .int(lead), "active_ids": [.int(lead)], "active_model": "crm.lead"]]
            let wizard = try #require(try await f.ok("alex", "crm.lead2opportunity.partner", "create", [values], context).intValue)
            _ = try await f.ok("alex", "crm.lead2opportunity.partner", "action_apply", [[.int(wizard)]], context)
            guard case .object(let row)? = try await f.ok("alex", "crm.lead", "read", [[.int(lead)]],
                                                          ["fields": ["type", "partner_id", "email_from", "partner_name"]]).arrayValue?.first
            else { throw CRMFixture.FixtureError.failed("no lead") }
            return row
        }
        // The wizard proposes the matching contact, with "exist".
        let first = try await lead("Sillas", email: "rosa@nueva.example")
        let context: JSONValue = ["context": ["active_id": .int(first), "active_ids": [.int(first)], "active_model": "crm.lead"]]
        let defaults = try await f.ok("alex", "crm.lead2opportunity.partner", "default_get", [["action", "partner_id"]], context)
        #expect(defaults["action"] == "exist" && defaults["partner_id"]?.intValue == older)
        // "create" creates, even with the proposed contact still in the wizard; the lead keeps its e-mail and company name.
        let created = try await convert(first, ["action": "create", "partner_id": .int(older)])
        #expect(created["type"] == "opportunity")
        let customer = try #require(created["partner_id"]?.arrayValue?.first?.intValue)
        #expect(customer != older)
        #expect(created["email_from"] == "rosa@nueva.example" && created["partner_name"] == "Garza Nueva SA")
        let made = try #require(try await f.ok("alex", "res.partner", "read", [[.int(customer)]], ["fields": ["name", "email", "parent_id"]]).arrayValue?.first)
        #expect(made["name"] == "Rosa Garza" && made["email"] == "rosa@nueva.example")
        #expect(made["parent_id"]?.arrayValue?.last == "Garza Nueva SA")
        // "exist" links the chosen contact; "nothing" links none.
        let linked = try await convert(try await lead("Mesas", email: "mesas@nueva.example"), ["action": "exist", "partner_id": .int(older)])
        #expect(linked["partner_id"]?.arrayValue?.first?.intValue == older)
        let alone = try await convert(try await lead("Lámparas", email: "lamparas@nueva.example"), ["action": "nothing", "partner_id": .int(older)])
        #expect(alone["type"] == "opportunity" && alone["partner_id"] == false)
    }

    @Test func conversionMergeAndKanban() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let settings = try #require(try await f.ok("boss", "res.config.settings", "create", [["group_use_lead": true]]).intValue)
        _ = try await f.ok("boss", "res.config.settings", "execute", [[.int(settings)]])
        let lead = try #require(try await f.ok("alex", "crm.lead", "create", [[
            "name": "50 chairs", "partner_name": "Acme Furniture", "contact_name": "Ana Pérez", "email_from": "Ana Pérez <ana@acme.example>",
            "phone": "+34 600 000 001", "city": "Madrid", "function": "Buyer", "website": "acme.example",
        ]]).intValue)
        #expect(try await f.field("alex", "crm.lead", lead, "website") == "http://acme.example")
        let context: JSONValue = ["context": ["active_id": .int(lead), "active_ids": [.int(lead)], "active_model": "crm.lead"]]
        let defaults = try await f.ok("alex", "crm.lead2opportunity.partner", "default_get", [["name", "action", "partner_id", "user_id"]], context)
        #expect(defaults["name"] == "convert")
        #expect(defaults["action"] == "create")
        let wizard = try #require(try await f.ok("alex", "crm.lead2opportunity.partner", "create", [[:]], context).intValue)
        let action = try await f.ok("alex", "crm.lead2opportunity.partner", "action_apply", [[.int(wizard)]], context)
        #expect(action["res_id"]?.intValue == lead)
        let converted = try #require(try await f.ok("alex", "crm.lead", "read", [[.int(lead)]], ["fields": ["type", "partner_id", "date_conversion"]]).arrayValue?.first)
        #expect(converted["type"] == "opportunity")
        #expect(converted["date_conversion"]?.stringValue != nil)
        let person = try #require(converted["partner_id"]?.arrayValue?.first?.intValue)
        let customer = try #require(try await f.ok("alex", "res.partner", "read", [[.int(person)]], ["fields": ["name", "parent_id", "phone", "city", "function", "email", "is_company"]]).arrayValue?.first)
        #expect(customer["name"] == "Ana Pérez")
        #expect(customer["parent_id"]?.arrayValue?[1] == "Acme Furniture")
        #expect(customer["phone"] == "+34 600 000 001")
        #expect(customer["function"] == "Buyer")
        #expect(customer["email"] == "ana@acme.example")

        // A second request from the same address: the wizard proposes to merge, and merging keeps the
        // opportunity (ranked first), its id and the other's history.
        let again = try #require(try await f.ok("alex", "crm.lead", "create", [["name": "Chairs again", "email_from": "ANA@acme.example", "description": "Also tables"]]).intValue)
        let context2: JSONValue = ["context": ["active_id": .int(again), "active_ids": [.int(again)]]]
        let merge = try #require(try await f.ok("alex", "crm.lead2opportunity.partner", "create", [[:]], context2).intValue)
        let values = try #require(try await f.ok("alex", "crm.lead2opportunity.partner", "read", [[.int(merge)]], ["fields": ["name", "duplicated_lead_ids", "action"]]).arrayValue?.first)
        #expect(values["name"] == "merge")
        #expect(values["duplicated_lead_ids"] == [.int(lead), .int(again)])
        let merged = try await f.ok("alex", "crm.lead2opportunity.partner", "action_apply", [[.int(merge)]], context2)
        #expect(merged["res_id"]?.intValue == lead)
        #expect(try await f.ok("alex", "crm.lead", "search_count", [[["id", "=", .int(again)]]], ["context": ["active_test": false]]) == 0)
        #expect(try await f.field("alex", "crm.lead", lead, "description") == "Also tables")
        let moved = try await f.ok("alex", "mail.message", "search_count", [[["res_id", "=", .int(lead)], ["subject", "like", "From Chairs again"]]])
        #expect(moved == 1)

        // Kanban: every stage, empty ones included, with counts, revenue sums and fold flags.
        let proposition = try #require(try await f.ok("boss", "ir.model.data", "check_object_reference", ["crm", "stage_lead3"]).arrayValue?[1].intValue)
        _ = try await f.ok("boss", "crm.stage", "write", [[.int(proposition)], ["fold": true]])
        _ = try await f.ok("alex", "crm.lead", "write", [[.int(lead)], ["expected_revenue": 1200]])
        let groups = try await f.ok("alex", "crm.lead", "read_group", [[["type", "=", "opportunity"]], ["expected_revenue"], ["stage_id"]], ["lazy": true])
        let columns = try #require(groups.arrayValue)
        #expect(columns.map { $0["stage_id"]?.arrayValue?[1] } == ["New", "Qualified", "Proposition", "Won"])
        #expect(columns.map { $0["stage_id_count"] } == [1, 0, 0, 0])
        #expect(columns[0]["expected_revenue"] == 1200)
        #expect(columns.map { $0["__fold"] } == [false, false, true, false])

        // crm.merge.opportunity, and the limits of a merge.
        let x = try #require(try await f.ok("alex", "crm.lead", "create", [["name": "X", "type": "opportunity"]]).intValue)
        let y = try #require(try await f.ok("alex", "crm.lead", "create", [["name": "Y", "type": "opportunity", "phone": "123"]]).intValue)
        let mergeContext: JSONValue = ["context": ["active_ids": [.int(x), .int(y)]]]
        let mergeWizard = try #require(try await f.ok("alex", "crm.merge.opportunity", "create", [[:]], mergeContext).intValue)
        let head = try await f.ok("alex", "crm.merge.opportunity", "action_merge", [[.int(mergeWizard)]], mergeContext)
        #expect(head["res_id"]?.intValue == x)
        #expect(try await f.field("alex", "crm.lead", x, "phone") == "123")
        #expect(try await f.error("alex", "crm.lead", "merge_opportunity", [[.int(x)]]) == "odoo.exceptions.UserError")
    }

    @Test func massConversionDeduplicatesAndAssignsRoundRobin() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let settings = try #require(try await f.ok("boss", "res.config.settings", "create", [["group_use_lead": true]]).intValue)
        _ = try await f.ok("boss", "res.config.settings", "execute", [[.int(settings)]])
        let known = try #require(try await f.ok("alex", "res.partner", "create", [["name": "Known Buyer", "email": "known@buyer.example"]]).intValue)
        var leads: [Int] = []
        for (name, email) in [("One", "known@buyer.example"), ("Two", "new@buyer.example"), ("Three", "third@buyer.example"), ("Two again", "NEW@buyer.example")] {
            leads.append(try #require(try await f.ok("alex", "crm.lead", "create", [["name": .string(name), "email_from": .string(email), "user_id": false]]).intValue))
        }
        let selected = Array(leads.prefix(3))
        let context: JSONValue = ["context": ["active_ids": .array(selected.map(JSONValue.int)), "active_model": "crm.lead"]]
        let wizard = try #require(try await f.ok("alex", "crm.lead2opportunity.partner.mass", "create", [[
            "user_ids": [[6, 0, [.int(f.users["alex"]!), .int(f.users["olga"]!)]]],
        ]], context).intValue)
        _ = try await f.ok("alex", "crm.lead2opportunity.partner.mass", "action_mass_convert", [[.int(wizard)]], context)
        let rows = try await f.ok("alex", "crm.lead", "search_read", [[["id", "in", .array(leads.map(JSONValue.int))]]],
                                  ["fields": ["name", "type", "partner_id", "user_id"], "order": "id", "context": ["active_test": false]])
        let records = try #require(rows.arrayValue)
        // "Two" and "Two again" share an address: merged into one (the older survives).
        #expect(records.map { $0["name"] } == ["One", "Two", "Three"])
        #expect(records.allSatisfy { $0["type"] == "opportunity" })
        #expect(records[0]["partner_id"]?.arrayValue?.first?.intValue == known)  // existing partner found by email
        #expect(records[1]["partner_id"]?.arrayValue?[1] == "new")  // created, named after the address
        #expect(records.map { $0["user_id"]?.arrayValue?.first?.intValue } == [f.users["alex"], f.users["olga"], f.users["alex"]])
    }
}
