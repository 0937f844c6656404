import EmbudoDatabase
import PGClient

/// Activities: `mail.activity.type`, `mail.activity`, and the activity fields of documents (Odoo's
/// `mail.activity.mixin`). Deadlines, defaults, states and the done path are SQL
/// (sql/modules/activities/activities.sql).
public enum ActivityModels {
    static let states = [["overdue", "Overdue"], ["today", "Today"], ["planned", "Planned"]]

    public static let type = ModelDescription(
        name: "mail.activity.type", table: "mail_activity_type", order: "sequence, id",
        fields: [
            FieldDescription("name", .char, string: "Name", required: true),
            FieldDescription("summary", .char, string: "Default Summary"),
            FieldDescription("sequence", .integer, string: "Sequence"),
            FieldDescription("active", .boolean, string: "Active"),
            FieldDescription("delay_count", .integer, string: "Scheduled Date"),
            FieldDescription("delay_unit", .selection, string: "Delay units", selection: [["days", "days"], ["weeks", "weeks"], ["months", "months"]]),
            FieldDescription("delay_from", .selection, string: "Delay Type",
                             selection: [["current_date", "after validation date"], ["previous_activity", "after previous activity deadline"]]),
            FieldDescription("icon", .char, string: "Icon"),
            FieldDescription("decoration_type", .selection, string: "Decoration Type", selection: [["warning", "Alert"], ["danger", "Error"]]),
            FieldDescription("res_model", .char, string: "Model"),
            FieldDescription("default_next_type_id", .many2one, string: "Default Next Activity", relation: "mail.activity.type"),
            FieldDescription("force_next", .boolean, string: "Trigger Next Activity"),
            FieldDescription(
                "next_type_ids", .many2many, string: "Recommended Next Activities", relation: "mail.activity.type",
                linkTable: "mail_activity_rel", linkColumns: ("activity_id", "recommended_id")
            ),
            FieldDescription("category", .selection, string: "Action", selection: [["default", "None"], ["upload_file", "Upload Document"], ["meeting", "Meeting"]]),
            FieldDescription("default_user_id", .many2one, string: "Default User", relation: "res.users"),
            FieldDescription("default_description", .html, string: "Default Description"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
            .computed("delay_label", .char, string: "Delay Label", "$.delay_count || ' ' || $.delay_unit"),
        ]
    )

    public static let activity = ModelDescription(
        name: "mail.activity", table: "mail_activity", recordName: "summary", order: "date_deadline asc, id",
        fields: [
            FieldDescription("res_model_id", .many2one, string: "Document Model", relation: "ir.model"),
            FieldDescription("res_model", .char, string: "Related Document Model"),
            FieldDescription("res_id", .integer, string: "Related Document ID", required: true),
            FieldDescription("res_name", .char, string: "Document Name", readonly: true),
            FieldDescription("lead_id", .many2one, string: "Lead", readonly: true, relation: "crm.lead"),
            FieldDescription("order_id", .many2one, string: "Sales Order", readonly: true, relation: "sale.order"),
            FieldDescription("activity_type_id", .many2one, string: "Activity Type", relation: "mail.activity.type"),
            FieldDescription("summary", .char, string: "Summary"),
            FieldDescription("note", .html, string: "Note"),
            FieldDescription("date_deadline", .date, string: "Due Date"),
            FieldDescription("automated", .boolean, string: "Automated activity", readonly: true),
            FieldDescription("user_id", .many2one, string: "Assigned to", relation: "res.users"),
            FieldDescription("request_partner_id", .many2one, string: "Requesting Partner", relation: "res.partner"),
            FieldDescription("previous_activity_type_id", .many2one, string: "Previous Activity Type", readonly: true, relation: "mail.activity.type"),
            FieldDescription("recommended_activity_type_id", .many2one, string: "Recommended Activity Type", relation: "mail.activity.type"),
            FieldDescription("active", .boolean, string: "Active", readonly: true),
            FieldDescription("date_done", .date, string: "Done Date", readonly: true),
            FieldDescription("feedback", .text, string: "Feedback", readonly: true),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
            FieldDescription("create_uid", .many2one, string: "Creator", readonly: true, relation: "res.users"),
            FieldDescription("create_date", .datetime, string: "Created on", readonly: true),
            .computed("state", .selection, string: "State", selection: states, "embudo.activity_state($.date_deadline, $.user_id)"),
            .computed("activity_category", .selection, string: "Action",
                      selection: [["default", "None"], ["upload_file", "Upload Document"], ["meeting", "Meeting"]],
                      "SELECT t.category FROM mail_activity_type t WHERE t.id = $.activity_type_id"),
            .computed("icon", .char, string: "Icon", "SELECT t.icon FROM mail_activity_type t WHERE t.id = $.activity_type_id"),
            .computed("force_next", .boolean, string: "Trigger Next Activity",
                      "SELECT t.force_next FROM mail_activity_type t WHERE t.id = $.activity_type_id"),
        ]
    )

    /// The activity fields of a document model (`crm.lead` now; `sale.order` later).
    static func mixinFields(model: String, inverse: String) -> [FieldDescription] {
        let pending = "FROM mail_activity x WHERE x.res_model = '\(model)' AND x.res_id = $.id AND x.active"
        let first = "\(pending) ORDER BY x.date_deadline, x.id LIMIT 1"
        return [
            FieldDescription("activity_ids", .one2many, string: "Activities", relation: "mail.activity", inverseName: inverse),
            .computed("activity_state", .selection, string: "Activity State", selection: states, "embudo.document_activity_state('\(model)', $.id)"),
            .computed("activity_date_deadline", .date, string: "Next Activity Deadline", "SELECT min(x.date_deadline) \(pending)"),
            .computed("activity_user_id", .many2one, string: "Responsible User", relation: "res.users", "SELECT x.user_id \(first)"),
            .computed("activity_type_id", .many2one, string: "Next Activity Type", relation: "mail.activity.type", "SELECT x.activity_type_id \(first)"),
            .computed("activity_summary", .char, string: "Next Activity Summary", "SELECT x.summary \(first)"),
            .computed("activity_type_icon", .char, string: "Activity Type Icon",
                      "SELECT t.icon FROM mail_activity x JOIN mail_activity_type t ON t.id = x.activity_type_id WHERE x.res_model = '\(model)' AND x.res_id = $.id AND x.active ORDER BY x.date_deadline, x.id LIMIT 1"),
        ]
    }
}

extension ModelService {
    /// `mail.activity` done methods, `activity_schedule` on documents, the reminders' counts; nil for
    /// any other method.
    func activityCall(_ model: ModelDescription, _ method: String, arguments: Arguments, tenant: TenantContext) async throws -> CallResult? {
        switch (model.name, method) {
        case ("mail.activity", "action_feedback"), ("mail.activity", "action_done"), ("mail.activity", "action_feedback_schedule_next"):
            let signature = ["ids", "feedback"]
            let ids = try Arguments.ids(arguments.value(0, "ids", signature))
            let feedback = method == "action_done" ? nil : arguments.value(1, "feedback", signature)?.stringValue
            let query = ActivitySQL.done(ids, feedback: feedback)
            let messages = try await database.transaction(as: tenant) { try $0.query(query)[0].decode([Int].self, at: 0) }
            if method == "action_feedback_schedule_next" {
                return .value(["type": "ir.actions.act_window", "res_model": "mail.activity", "view_mode": "form", "views": [[false, "form"]], "target": "new"])
            }
            if method == "action_done" { return .value(true) }
            return .value(messages.count == 1 ? .int(messages[0]) : .array(messages.map(JSONValue.int)))
        case ("crm.lead", "activity_schedule"), ("sale.order", "activity_schedule"):
            let signature = ["ids", "act_type_xmlid", "date_deadline", "summary", "note"]
            let ids = try Arguments.ids(arguments.value(0, "ids", signature))
            var deadline: String?
            if let value = arguments.value(2, "date_deadline", signature), value != false, value != .null {
                guard let text = value.stringValue, text.count == 10 else { throw ModelError.validation("date_deadline must be a date (YYYY-MM-DD)") }
                deadline = text
            }
            // The assignee (Odoo's act_values user_id): a user id, or none (the type's default, else the
            // caller). Anything else is refused rather than ignored, so that nobody is assigned by mistake;
            // PostgreSQL refuses an assignee who cannot read the document, as for mail.activity.create.
            var assignee: Int?
            if let value = arguments.kwargs["user_id"], value != .null, value != false {
                guard let id = value.intValue, id > 0, id < Int(Int32.max) else { throw ModelError.validation("user_id must be the id of a user") }
                assignee = id
            }
            let query = ActivitySQL.schedule(
                model: model.name, ids, type: arguments.value(1, "act_type_xmlid", signature)?.stringValue, deadline: deadline,
                summary: arguments.value(3, "summary", signature)?.stringValue, note: arguments.value(4, "note", signature)?.stringValue,
                user: assignee
            )
            let created = try await database.transaction(as: tenant) { try $0.query(query)[0].decode([Int].self, at: 0) }
            return .value(created.count == 1 ? .int(created[0]) : .array(created.map(JSONValue.int)))
        case ("res.users", "systray_get_activities"):
            let rows = try await database.single(ActivitySQL.systray, as: tenant, readOnly: true) { rows in
                try rows.map { try $0.decode((String, Int, Int, Int, String).self) }
            }
            return .value(.array(rows.map { model, overdue, today, planned, name in
                [
                    "name": .string(name), "model": .string(model), "type": "activity", "icon": "/crm/static/description/icon.png",
                    "total_count": .int(overdue + today), "overdue_count": .int(overdue), "today_count": .int(today), "planned_count": .int(planned),
                ]
            }))
        default:
            return nil
        }
    }
}

/// The SQL of the activity methods.
enum ActivitySQL {
    static func done(_ ids: [Int], feedback: String?) -> PGQuery {
        "SELECT embudo.activity_done(\(PGArrayLiteral.join(ids.map(String.init)))::int[], \(feedback))"
    }
    static func schedule(model: String, _ ids: [Int], type: String?, deadline: String?, summary: String?, note: String?, user: Int?) -> PGQuery {
        """
        SELECT embudo.activity_schedule(\(model), \(PGArrayLiteral.join(ids.map(String.init)))::int[], \(type), \(deadline)::date,
                                        \(summary), \(note), \(user)::int)
        """
    }
    static let systray: PGQuery = """
        SELECT s.model, s.overdue, s.today, s.planned, coalesce(m.name, s.model)
        FROM embudo.systray_activities() s LEFT JOIN ir_model m ON m.model = s.model
        """
}
