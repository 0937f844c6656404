import EmbudoDatabase
import PGClient

/// What the activities module gives documents (Odoo's `mail.activity.mixin`): the next activity's fields,
/// and `activity_schedule`.
enum ActivityMixin {
    /// The activity fields of a document model (`crm.lead` now; `sale.order` later). A document's
    /// activities are its company's: they are looked up by the document's company, model and id (the
    /// `mail_activity_document` index).
    static func fields(model: String, inverse: String) -> [FieldDescription] {
        let pending = "FROM mail_activity x WHERE x.company_id = $.company_id AND x.res_model = '\(model)' AND x.res_id = $.id AND x.active"
        let first = "\(pending) ORDER BY x.date_deadline, x.id LIMIT 1"
        return [
            FieldDescription("activity_ids", .one2many, string: "Activities", relation: "mail.activity", inverseName: inverse),
            .computed("activity_state", .selection, string: "Activity State", selection: MailActivity.states, "embudo.document_activity_state('\(model)', $.id)"),
            .computed("activity_date_deadline", .date, string: "Next Activity Deadline", "SELECT min(x.date_deadline) \(pending)"),
            .computed("activity_user_id", .many2one, string: "Responsible User", relation: "res.users", "SELECT x.user_id \(first)"),
            .computed("activity_type_id", .many2one, string: "Next Activity Type", relation: "mail.activity.type", "SELECT x.activity_type_id \(first)"),
            .computed("activity_summary", .char, string: "Next Activity Summary", "SELECT x.summary \(first)"),
            .computed("activity_type_icon", .char, string: "Activity Type Icon",
                      "SELECT t.icon FROM mail_activity x JOIN mail_activity_type t ON t.company_id = x.company_id AND t.id = x.activity_type_id "
                          + "WHERE x.company_id = $.company_id AND x.res_model = '\(model)' AND x.res_id = $.id AND x.active ORDER BY x.date_deadline, x.id LIMIT 1"),
        ]
    }

    /// `activity_schedule(ids, act_type_xmlid, date_deadline, summary, note, user_id=…)`: one activity
    /// per document, of the type with that external id.
    static let schedule = ModelMethod(
        "activity_schedule", .records("act_type_xmlid", "date_deadline", "summary", "note", keywords: ["user_id"]), writes: true
    ) { call in
        let ids = try call.arguments.ids()
        var deadline: String?
        if let value = call.arguments.given("date_deadline") {
            guard let text = value.stringValue, text.count == 10 else { throw ModelError.validation("date_deadline must be a date (YYYY-MM-DD)") }
            deadline = text
        }
        // The assignee (Odoo's act_values user_id): a user id, or none (the type's default, else the
        // caller). Anything else is refused rather than ignored, so that nobody is assigned by mistake;
        // PostgreSQL refuses an assignee who cannot read the document, as for mail.activity.create.
        var assignee: Int?
        if let value = call.arguments.given("user_id") {
            guard let id = value.intValue, id > 0, id < Int(Int32.max) else { throw ModelError.validation("user_id must be the id of a user") }
            assignee = id
        }
        let query = MailActivity.SQL.schedule(
            model: call.model.name, ids, type: call.arguments["act_type_xmlid"]?.stringValue, deadline: deadline,
            summary: call.arguments["summary"]?.stringValue, note: call.arguments["note"]?.stringValue, user: assignee
        )
        let created = try await call.database.transaction(as: call.tenant) { try $0.query(query)[0].decode([Int].self, at: 0) }
        return .value(created.count == 1 ? .int(created[0]) : .array(created.map(JSONValue.int)))
    }

    /// `res.users.systray_get_activities()`: the activities badge, per model.
    static let systray = ModelMethod("systray_get_activities", []) { call in
        .value(.array(try await activityGroups(call)))
    }

    /// The badge's activity groups: one per document model with pending activities.
    static func activityGroups(_ call: MethodCall) async throws -> [JSONValue] {
        let rows = try await call.database.single(MailActivity.SQL.systray, as: call.tenant, readOnly: true) { rows in
            try rows.map { try $0.decode((String, Int, Int, Int, String).self) }
        }
        return rows.map { model, overdue, today, planned, name in
            [
                "name": .string(name), "model": .string(model), "type": "activity", "icon": "/crm/static/description/icon.png",
                "total_count": .int(overdue + today), "overdue_count": .int(overdue), "today_count": .int(today), "planned_count": .int(planned),
            ]
        }
    }
}
