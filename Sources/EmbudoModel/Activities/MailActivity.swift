/// Activities: `mail.activity.type`, `mail.activity`, and the activity fields of documents (Odoo's
/// `mail.activity.mixin`). Deadlines, defaults, states and the done path are SQL
/// (sql/modules/activities/activities.sql).
public enum MailActivity {
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

    public static let model = ModelDescription(
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
            // The type's fields, looked up by the activity's company and type (the type's key).
            .computed("activity_category", .selection, string: "Action",
                      selection: [["default", "None"], ["upload_file", "Upload Document"], ["meeting", "Meeting"]],
                      "SELECT t.category FROM mail_activity_type t WHERE t.company_id = $.company_id AND t.id = $.activity_type_id"),
            .computed("icon", .char, string: "Icon", "SELECT t.icon FROM mail_activity_type t WHERE t.company_id = $.company_id AND t.id = $.activity_type_id"),
            .computed("force_next", .boolean, string: "Trigger Next Activity",
                      "SELECT t.force_next FROM mail_activity_type t WHERE t.company_id = $.company_id AND t.id = $.activity_type_id"),
        ],
        methods: [feedback, done, feedbackScheduleNext]
    )
}
