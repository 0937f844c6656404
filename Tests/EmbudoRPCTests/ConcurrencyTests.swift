import EmbudoDatabase
import EmbudoModel
import Testing

/// Concurrent edits keep the pipeline's invariants: no lost updates on the fields each writer sets,
/// won ⇒ probability 100, one customer per conversion, a write racing a merge is not lost.
@Suite("Concurrency")
struct ConcurrencyTests {
    @Test func twoSalespeopleEditingTheSameLead() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let stages = try #require(try await f.ok("boss", "crm.stage", "search", [[["is_won", "=", false]]]).arrayValue?.compactMap(\.intValue))
        for round in 0..<20 {
            let lead = try #require(try await f.ok("boss", "crm.lead", "create", [["name": .string("Race \(round)"), "user_id": false]]).intValue)
            async let stage = f.kw("boss", "crm.lead", "write", [[.int(lead)], ["stage_id": .int(stages[round % stages.count])]])
            async let revenue = f.kw("alex", "crm.lead", "write", [[.int(lead)], ["expected_revenue": .int(1000 + round)]])
            async let phone = f.kw("olga", "crm.lead", "write", [[.int(lead)], ["phone": .string("+34 \(round)")]])
            let answers = try await [stage, revenue, phone]
            #expect(answers.allSatisfy { $0["result"] == true }, "\(answers)")
            let record = try #require(try await f.ok("boss", "crm.lead", "read", [[.int(lead)]], ["fields": ["stage_id", "expected_revenue", "phone"]]).arrayValue?.first)
            #expect(record["stage_id"]?.arrayValue?.first?.intValue == stages[round % stages.count])
            #expect(record["expected_revenue"] == .int(1000 + round))
            #expect(record["phone"] == .string("+34 \(round)"))
        }
    }

    @Test func wonMeansProbability100WhateverRacesIt() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        for round in 0..<20 {
            let lead = try #require(try await f.ok("alex", "crm.lead", "create", [["name": .string("Won race \(round)"), "type": "opportunity"]]).intValue)
            async let won = f.kw("alex", "crm.lead", "action_set_won", [[.int(lead)]])
            async let probability = f.kw("boss", "crm.lead", "write", [[.int(lead)], ["probability": 40]])
            _ = try await (won, probability)
            let record = try #require(try await f.ok("boss", "crm.lead", "read", [[.int(lead)]], ["fields": ["stage_id", "probability"]]).arrayValue?.first)
            if record["stage_id"]?.arrayValue?[1] == "Won" {
                #expect(record["probability"] == 100, "round \(round)")
            }
        }
    }

    @Test func twoConversionsOfOneLeadMakeOneCustomer() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        _ = try await f.ok("boss", "res.config.settings", "execute", [[.int(try #require(
            try await f.ok("boss", "res.config.settings", "create", [["group_use_lead": true]]).intValue))]])
        for round in 0..<10 {
            let contact = "Twin \(round)"
            let lead = try #require(try await f.ok("alex", "crm.lead", "create", [["name": .string("Lead \(round)"), "contact_name": .string(contact)]]).intValue)
            let context: JSONValue = ["context": ["active_id": .int(lead), "active_ids": [.int(lead)]]]
            let first = try #require(try await f.ok("alex", "crm.lead2opportunity.partner", "create", [["name": "convert", "action": "create"]], context).intValue)
            let second = try #require(try await f.ok("boss", "crm.lead2opportunity.partner", "create", [["name": "convert", "action": "create"]], context).intValue)
            async let a = f.kw("alex", "crm.lead2opportunity.partner", "action_apply", [[.int(first)]], context)
            async let b = f.kw("boss", "crm.lead2opportunity.partner", "action_apply", [[.int(second)]], context)
            _ = try await (a, b)
            #expect(try await f.ok("boss", "res.partner", "search_count", [[["name", "=", .string(contact)]]]) == 1, "round \(round)")
            #expect(try await f.field("boss", "crm.lead", lead, "type") == "opportunity")
        }
    }

    @Test func aWriteRacingAMergeIsNotLost() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        for round in 0..<10 {
            let head = try #require(try await f.ok("alex", "crm.lead", "create", [["name": .string("Head \(round)"), "type": "opportunity"]]).intValue)
            let tail = try #require(try await f.ok("alex", "crm.lead", "create", [["name": .string("Tail \(round)"), "type": "lead", "phone": "tail phone"]]).intValue)
            async let merge = f.kw("alex", "crm.lead", "merge_opportunity", [[.int(head), .int(tail)]])
            async let write = f.kw("boss", "crm.lead", "write", [[.int(head)], ["phone": .string("head phone \(round)")]])
            let (merged, written) = try await (merge, write)
            #expect(merged["result"]?.intValue == head, "\(merged)")
            #expect(written["result"] == true, "\(written)")
            #expect(try await f.field("boss", "crm.lead", head, "phone") == .string("head phone \(round)"), "round \(round)")
            #expect(try await f.ok("boss", "crm.lead", "search_count", [[["id", "=", .int(tail)]]], ["context": ["active_test": false]]) == 0)
        }
    }
}
