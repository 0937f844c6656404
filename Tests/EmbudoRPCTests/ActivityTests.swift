import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import PGClient
import Testing

/// Activities (reference §2.16): deadlines from types, states per assignee time zone, done → message →
/// next activity, removal on lost, access.
@Suite("Activities")
struct ActivityTests {
    @Test func deadlinesPerDelayUnitAndStatesAcrossTimeZones() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let connection = try f.database.adminConnection()
        // Calendar months clamp at month ends; weeks and days add up.
        let months = try connection.query("""
            SELECT (date '2026-01-31' + 1 * interval '1 month')::date, embudo.activity_state_at(date '2026-11-27', 'America/Los_Angeles', timestamptz '2026-11-28 07:30:00+00'),
                   embudo.activity_state_at(date '2026-11-27', 'Asia/Tokyo', timestamptz '2026-11-28 07:30:00+00'),
                   embudo.activity_state_at(date '2026-11-28', 'America/Los_Angeles', timestamptz '2026-11-28 07:30:00+00'),
                   embudo.activity_state_at(date '2026-11-28', 'Asia/Tokyo', timestamptz '2026-11-28 07:30:00+00')
            """)[0].decode((PGDate, String, String, String, String).self)
        #expect(months.0.description == "2026-02-28")
        // 07:30 UTC on Nov 28 is 23:30 on Nov 27 in Los Angeles and 16:30 on Nov 28 in Tokyo.
        #expect(months.1 == "today")
        #expect(months.2 == "overdue")
        #expect(months.3 == "planned")
        #expect(months.4 == "today")

        // Types and their delays, through the API.
        let types = try await f.ok("alex", "mail.activity.type", "search_read", [[]], ["fields": ["name", "delay_count", "delay_unit"]])
        let names = types.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names == ["Email", "Call", "Meeting", "Order Upsell", "To Do", "Upload Document"])
        let monthly = try #require(try await f.ok("boss", "mail.activity.type", "create", [["name": "Quarterly review", "delay_count": 3, "delay_unit": "months"]]).intValue)
        let weekly = try #require(try await f.ok("boss", "mail.activity.type", "create", [["name": "Weekly check", "delay_count": 2, "delay_unit": "weeks"]]).intValue)
        let deadlines = try connection.query("""
            SELECT embudo.activity_deadline(\(f.acme), \(monthly), date '2026-11-30'), embudo.activity_deadline(\(f.acme), \(weekly), date '2026-12-28')
            """)[0].decode((PGDate, PGDate).self)
        #expect(deadlines.0.description == "2027-02-28")
        #expect(deadlines.1.description == "2027-01-11")

        // Two assignees in different time zones, same deadline, same instant.
        try connection.query("UPDATE res_users SET tz = 'Pacific/Kiritimati' WHERE id = \(f.users["alex"]!)")
        try connection.query("UPDATE res_users SET tz = 'Pacific/Pago_Pago' WHERE id = \(f.users["olga"]!)")
        let lead = try #require(try await f.ok("alex", "crm.lead", "create", [["name": "Time zones", "user_id": false]]).intValue)
        let utcToday = try connection.query("SELECT (now() AT TIME ZONE 'UTC')::date::text")[0].decode(String.self, at: 0)
        let kiritimatiToday = try connection.query("SELECT (now() AT TIME ZONE 'Pacific/Kiritimati')::date::text")[0].decode(String.self, at: 0)
        let pagoToday = try connection.query("SELECT (now() AT TIME ZONE 'Pacific/Pago_Pago')::date::text")[0].decode(String.self, at: 0)
        // UTC+14 and UTC−11 are always on different dates: one deadline is "today" for one and not the other.
        #expect(kiritimatiToday != pagoToday)
        for (user, today) in [("alex", kiritimatiToday), ("olga", pagoToday)] {
            let id = try #require(try await f.ok(user, "mail.activity", "create", [[
                "res_model": "crm.lead", "res_id": .int(lead), "summary": .string("for \(user)"), "date_deadline": .string(kiritimatiToday),
            ]]).intValue)
            let state = try await f.field(user, "mail.activity", id, "state")
            #expect(state == (today == kiritimatiToday ? "today" : "planned"), "\(user) \(utcToday)")
        }
    }

    @Test func scheduleDoneChainAndRemovalOnLost() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let lead = try #require(try await f.ok("alex", "crm.lead", "create", [["name": "Chain", "user_id": .int(f.users["alex"]!)]]).intValue)
        // Defaults follow the type: To Do (+5 days) when none is given, assignee = caller.
        let todo = try #require(try await f.ok("alex", "mail.activity", "create", [["res_model": "crm.lead", "res_id": .int(lead)]]).intValue)
        let record = try #require(try await f.ok("alex", "mail.activity", "read", [[.int(todo)]], ["fields": ["activity_type_id", "user_id", "date_deadline", "state", "res_name"]]).arrayValue?.first)
        #expect(record["activity_type_id"]?.arrayValue?[1] == "To Do")
        #expect(record["user_id"]?.arrayValue?.first?.intValue == f.users["alex"])
        #expect(record["state"] == "planned")
        #expect(record["res_name"] == "Chain")
        // A call type that forces a follow-up email.
        let email = try #require(try await f.ok("boss", "ir.model.data", "check_object_reference", ["mail", "mail_activity_data_email"]).arrayValue?[1].intValue)
        let call = try #require(try await f.ok("boss", "ir.model.data", "check_object_reference", ["mail", "mail_activity_data_call"]).arrayValue?[1].intValue)
        _ = try await f.ok("boss", "mail.activity.type", "write", [[.int(call)], ["force_next": true, "default_next_type_id": .int(email)]])
        let scheduled = try #require(try await f.ok("alex", "crm.lead", "activity_schedule", [[.int(lead)], "mail.mail_activity_data_call"],
                                                    ["summary": "Discuss the offer"]).intValue)
        #expect(try await f.field("alex", "mail.activity", scheduled, "state") == "today")  // programmatic: deadline today, no delay
        #expect(try await f.field("alex", "crm.lead", lead, "activity_state") == "today")
        #expect(try await f.field("alex", "crm.lead", lead, "activity_summary") == "Discuss the offer")
        let overdueLeads = try await f.ok("alex", "crm.lead", "search", [[["activity_state", "=", "today"], ["activity_user_id", "=", .int(f.users["alex"]!)]]])
        #expect(overdueLeads == [.int(lead)])

        let message = try #require(try await f.ok("alex", "mail.activity", "action_feedback", [[.int(scheduled)]], ["feedback": "They want 10% off"]).intValue)
        let posted = try #require(try await f.ok("alex", "mail.message", "read", [[.int(message)]], ["fields": ["body", "subtype_id", "res_id"]]).arrayValue?.first)
        #expect(posted["subtype_id"]?.arrayValue?[1] == "Activities")
        #expect(posted["body"]?.stringValue?.contains("Call done: Discuss the offer") == true)
        #expect(posted["body"]?.stringValue?.contains("Feedback: They want 10% off") == true)
        // The done activity is kept, archived, with its feedback; the forced next one is there.
        #expect(try await f.ok("alex", "mail.activity", "search_count", [[["id", "=", .int(scheduled)]]]) == 0)
        let done = try #require(try await f.ok("alex", "mail.activity", "read", [[.int(scheduled)]], ["fields": ["active", "date_done", "feedback"]]).arrayValue?.first)
        #expect(done["active"] == false)
        #expect(done["feedback"] == "They want 10% off")
        let next = try await f.ok("alex", "mail.activity", "search_read", [[["res_id", "=", .int(lead)], ["activity_type_id", "=", .int(email)]]],
                                  ["fields": ["previous_activity_type_id", "user_id"]])
        #expect(next.arrayValue?.count == 1)
        #expect(next.arrayValue?.first?["previous_activity_type_id"]?.arrayValue?.first?.intValue == call)
        #expect(try await f.error("alex", "mail.activity", "action_done", [[.int(scheduled)]]) == "odoo.exceptions.UserError")

        // My activities, ordered by deadline; the reminders' badge.
        let mine = try await f.ok("alex", "mail.activity", "search_read", [[["user_id", "=", .int(f.users["alex"]!)]]], ["fields": ["date_deadline", "state"]])
        let dates = mine.arrayValue?.compactMap { $0["date_deadline"]?.stringValue } ?? []
        #expect(dates == dates.sorted())
        let systray = try await f.ok("alex", "res.users", "systray_get_activities", [])
        let leads = try #require(systray.arrayValue?.first { $0["model"] == "crm.lead" })
        #expect(leads["today_count"] == 1)
        #expect(leads["planned_count"] == 1)
        #expect(leads["name"] == "Lead/Opportunity")

        // Lost: pending activities go, done ones stay.
        #expect(try await f.ok("alex", "crm.lead", "action_set_lost", [[.int(lead)]]) == true)
        #expect(try await f.ok("alex", "mail.activity", "search_count", [[["res_id", "=", .int(lead)]]]) == 0)
        #expect(try await f.ok("alex", "mail.activity", "search_count", [[["res_id", "=", .int(lead)], ["active", "=", false]]]) == 1)
    }

    @Test func accessFollowsTheDocument() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let bosses = try #require(try await f.ok("boss", "crm.lead", "create", [["name": "Boss deal"]]).intValue)
        let activity = try #require(try await f.ok("boss", "mail.activity", "create", [["res_model": "crm.lead", "res_id": .int(bosses), "summary": "Prepare"]]).intValue)
        // Olga (own documents) neither sees it nor may schedule on the boss's lead.
        #expect(try await f.ok("olga", "mail.activity", "search_count", [[]]) == 0)
        #expect(try await f.error("olga", "mail.activity", "create", [["res_model": "crm.lead", "res_id": .int(bosses)]]) == "odoo.exceptions.AccessError")
        // Assigning to someone who cannot read the lead is refused.
        let refused = try await f.kw("boss", "mail.activity", "write", [[.int(activity)], ["user_id": .int(f.users["olga"]!)]])
        #expect(refused["error"]?["data"]?["name"] == "odoo.exceptions.AccessError")
        #expect(refused["error"]?["data"]?["message"]?.stringValue?.contains("Olga cannot read this document") == true)
        // An unassigned lead: olga reads it, so she can be assigned and may complete her activity.
        let open = try #require(try await f.ok("boss", "crm.lead", "create", [["name": "Open deal", "user_id": false]]).intValue)
        let hers = try #require(try await f.ok("boss", "mail.activity", "create", [["res_model": "crm.lead", "res_id": .int(open), "user_id": .int(f.users["olga"]!)]]).intValue)
        #expect(try await f.ok("olga", "mail.activity", "action_done", [[.int(hers)]]) == true)
        // Other companies see nothing.
        #expect(try await f.ok("bea", "mail.activity", "search_count", [[]], ["context": ["active_test": false]]) == 0)
        #expect(try await f.error("bea", "mail.activity", "create", [["res_model": "crm.lead", "res_id": .int(open)]]) == "odoo.exceptions.AccessError")
    }
}
