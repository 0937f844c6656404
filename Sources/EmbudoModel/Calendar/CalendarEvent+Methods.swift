import EmbudoDatabase
import PGClient

/// The methods of meetings beyond the generic ones: marking them done, answering invitations, and the
/// busy time of private meetings.
extension CalendarEvent {
    /// `action_mark_done(ids)`: the meetings took place; their meeting activities are done.
    static let markDone = ModelMethod("action_mark_done", .records(), writes: true) { call in
        let ids = try call.arguments.ids()
        try await call.database.transaction(as: call.tenant) { _ = try $0.query(SQL.markDone(ids)) }
        return .value(true)
    }

    /// `busy_slots(start, stop)`: when the private meetings the caller cannot read take place, and whose
    /// they are (never what they are): `[{start, stop, allday, user_id: [id, name]}]`.
    static let busySlots = ModelMethod("busy_slots", ["start", "stop"]) { call in
        guard let start = call.arguments.string("start"), let stop = call.arguments.string("stop"),
              PGDateText.isDateTime(start), PGDateText.isDateTime(stop) else {
            throw ModelError.validation("busy_slots expects start and stop as UTC datetimes (YYYY-MM-DD HH:MM:SS)")
        }
        let rows = try await call.database.single(SQL.busy(start, stop), as: call.tenant, readOnly: true) { rows in
            try rows.map { try $0.decode((String, String, Bool, Int?, String?).self) }
        }
        return .value(.array(rows.map { start, stop, allday, user, name in
            ["start": .string(start), "stop": .string(stop), "allday": .bool(allday),
             "user_id": user.map { [.int($0), .string(name ?? "")] } ?? false]
        }))
    }

    /// `do_accept`, `do_decline`, `do_tentative` on attendees: one's own answer, or the attendees' of a
    /// meeting one organizes.
    static func answer(_ name: String, _ state: String) -> ModelMethod {
        ModelMethod(name, .records(), writes: true) { call in
            let ids = try call.arguments.ids()
            try await call.database.transaction(as: call.tenant) { _ = try $0.query(SQL.answer(ids, state)) }
            return .value(true)
        }
    }

    /// `res.users.systray_get_activities()` with the meetings: the activity groups of each document
    /// model, then today's meetings (Odoo's "Today's Meetings").
    static let systray = ModelMethod("systray_get_activities", []) { call in
        var groups = try await ActivityMixin.activityGroups(call)
        let (today, next) = try await call.database.single(SQL.upcoming(call.tenant.companyIDs), as: call.tenant, readOnly: true) {
            try $0[0].decode((Int, Int).self)
        }
        if today > 0 || next > 0 {
            groups.insert([
                "name": "Today's Meetings", "model": "calendar.event", "type": "meeting", "icon": "/calendar/static/description/icon.svg",
                "total_count": .int(today), "today_count": .int(today), "planned_count": .int(next), "overdue_count": 0,
            ], at: 0)
        }
        return .value(.array(groups))
    }

    /// The SQL of the meeting methods.
    enum SQL {
        static func markDone(_ ids: [Int]) -> PGQuery { "SELECT embudo.calendar_mark_done(\(ids)::int[])" }
        static func answer(_ ids: [Int], _ state: String) -> PGQuery { "SELECT embudo.calendar_answer(\(ids)::int[], \(state))" }
        static func busy(_ start: String, _ stop: String) -> PGQuery {
            """
            SELECT to_char(start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'), to_char(stop AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),
                   allday, user_id, user_name
            FROM embudo.calendar_busy_slots(\(start)::timestamp AT TIME ZONE 'UTC', \(stop)::timestamp AT TIME ZONE 'UTC')
            """
        }
        static func upcoming(_ companies: [Int]) -> PGQuery { "SELECT today, next_days FROM embudo.calendar_upcoming(\(companies)::int[])" }
    }
}

/// What the calendar adds to opportunities: their meetings, the count, and "Meeting".
enum CRMLeadMeetings {
    static let fields: [FieldDescription] = [
        FieldDescription("calendar_event_ids", .one2many, string: "Meetings", readonly: true, relation: "calendar.event",
                         inverseName: "opportunity_id"),
        .computed("meeting_count", .integer, string: "# Meetings", countSQL),
        .computed("calendar_event_count", .integer, string: "# Meetings", countSQL),
        .computed("meeting_display_date", .date, string: "Meeting Display Date",
                  "SELECT min(e.start)::date FROM calendar_event e WHERE e.company_id = $.company_id AND e.opportunity_id = $.id AND e.active AND e.stop >= now()"),
    ]
    static let countSQL = "SELECT count(*) FROM calendar_event e WHERE e.company_id = $.company_id AND e.opportunity_id = $.id AND e.active"

    /// `action_schedule_meeting(ids, smart_calendar=True)`: the calendar, with a new meeting about the
    /// opportunity, its customer invited (Odoo's context defaults).
    static let scheduleMeeting = ModelMethod("action_schedule_meeting", .records(keywords: ["smart_calendar"])) { call in
        let lead = try call.arguments.ids()[0]
        let query: PGQuery = """
            SELECT jsonb_build_object('default_opportunity_id', l.id, 'default_res_model', 'crm.lead', 'default_res_id', l.id,
                                      'default_res_model_id', (SELECT m.id FROM ir_model m WHERE m.model = 'crm.lead'),
                                      'default_partner_ids', CASE WHEN l.partner_id IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(l.partner_id) END,
                                      'default_user_ids', jsonb_build_array(embudo.current_user_id()),
                                      'default_team_id', l.team_id, 'default_name', l.name,
                                      'initial_date', to_char(coalesce((SELECT min(e.start) FROM calendar_event e WHERE e.company_id = l.company_id
                                                                            AND e.opportunity_id = l.id AND e.active AND e.stop >= now()), now())
                                                              AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'))::text
            FROM crm_lead l WHERE l.company_id = ANY (\(call.tenant.companyIDs)::int[]) AND l.id = \(lead)
            """
        let text = try await call.database.single(query, as: call.tenant, readOnly: true) { rows in
            rows.count == 0 ? nil : try rows[0].decode(String.self, at: 0)
        }
        guard let text, case .object(var context) = try JSONValue(jsonText: text) else { throw ModelService.missing(CRMLead.model) }
        for (key, value) in context where value == .null { context[key] = false }
        return .value([
            "type": "ir.actions.act_window", "name": "Meetings", "res_model": "calendar.event", "view_mode": "calendar,tree,form",
            "views": [[false, "calendar"], [false, "tree"], [false, "form"]], "target": "current",
            "domain": [["opportunity_id", "=", .int(lead)]], "context": .object(context),
        ])
    }
}

/// Each user's private iCalendar feed: `res.users.calendar_feed_create(include_activities=False)` answers
/// `{url}` (shown once; a new one revokes the old), `calendar_feed_revoke()` answers whether there was one.
enum CalendarFeed {
    static let create = ModelMethod("calendar_feed_create", ["include_activities"], writes: true) { call in
        let company = try call.currentCompany
        let include = call.arguments.given("include_activities") != nil
        let (token, base) = try await call.database.transaction(as: call.tenant) { connection in
            try connection.query("""
                SELECT embudo.calendar_feed_create(\(company), \(include)),
                       rtrim(coalesce((SELECT value FROM ir_config_parameter WHERE key = 'web.base.url'), ''), '/')
                """)[0].decode((String, String).self)
        }
        return .value(["url": .string("\(base)/calendar/feed/\(token).ics"), "include_activities": .bool(include)])
    }

    static let revoke = ModelMethod("calendar_feed_revoke", [], writes: true) { call in
        let company = try call.currentCompany
        let revoked = try await call.database.transaction(as: call.tenant) { connection in
            try connection.query("SELECT embudo.calendar_feed_revoke(\(company))")[0].decode(Bool.self, at: 0)
        }
        return .value(.bool(revoked))
    }
}
