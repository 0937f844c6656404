/// The descriptions of the CRM pipeline models (Flectra's crm and sales_team): leads and opportunities,
/// stages, teams, tags, lost reasons, UTM, and the history (mail.message and friends).
public enum CRMModels {
    static let priorities = [["0", "Low"], ["1", "Medium"], ["2", "High"], ["3", "Very High"]]

    public static let lead = ModelDescription(
        name: "crm.lead", table: "crm_lead", order: "priority desc, id desc",
        fields: [
            FieldDescription("name", .char, string: "Opportunity", required: true),
            FieldDescription("type", .selection, string: "Type", selection: [["lead", "Lead"], ["opportunity", "Opportunity"]]),
            FieldDescription("active", .boolean, string: "Active"),
            FieldDescription("priority", .selection, string: "Priority", selection: priorities),
            FieldDescription("user_id", .many2one, string: "Salesperson", relation: "res.users"),
            FieldDescription("team_id", .many2one, string: "Sales Team", relation: "crm.team"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
            FieldDescription("stage_id", .many2one, string: "Stage", relation: "crm.stage"),
            FieldDescription(
                "tag_ids", .many2many, string: "Tags", relation: "crm.tag", linkTable: "crm_tag_rel", linkColumns: ("lead_id", "tag_id")
            ),
            FieldDescription("color", .integer, string: "Color Index"),
            FieldDescription("description", .text, string: "Notes"),
            FieldDescription("referred", .char, string: "Referred By"),
            FieldDescription("expected_revenue", .monetary, string: "Expected Revenue"),
            FieldDescription("prorated_revenue", .monetary, string: "Prorated Revenue", readonly: true),
            FieldDescription("probability", .float, string: "Probability", aggregator: "avg"),
            FieldDescription("automated_probability", .float, string: "Automated Probability", readonly: true, aggregator: "avg"),
            FieldDescription("date_deadline", .date, string: "Expected Closing"),
            FieldDescription("date_closed", .datetime, string: "Closed Date", readonly: true),
            FieldDescription("date_open", .datetime, string: "Assignment Date", readonly: true),
            FieldDescription("day_open", .float, string: "Days to Assign", readonly: true),
            FieldDescription("day_close", .float, string: "Days to Close", readonly: true),
            FieldDescription("date_last_stage_update", .datetime, string: "Last Stage Update", readonly: true),
            FieldDescription("date_conversion", .datetime, string: "Conversion Date", readonly: true),
            FieldDescription("partner_id", .many2one, string: "Customer", relation: "res.partner"),
            FieldDescription("partner_name", .char, string: "Company Name"),
            FieldDescription("contact_name", .char, string: "Contact Name"),
            FieldDescription("title", .many2one, string: "Title", relation: "res.partner.title"),
            FieldDescription("function", .char, string: "Job Position"),
            FieldDescription("email_from", .char, string: "Email"),
            FieldDescription("email_normalized", .char, string: "Normalized Email", readonly: true),
            FieldDescription("email_cc", .text, string: "Email cc"),
            FieldDescription("message_bounce", .integer, string: "Bounce", readonly: true),
            FieldDescription("phone", .char, string: "Phone"),
            FieldDescription("mobile", .char, string: "Mobile"),
            FieldDescription("website", .char, string: "Website"),
            FieldDescription("lang_id", .many2one, string: "Language", relation: "res.lang"),
            FieldDescription("street", .char, string: "Street"),
            FieldDescription("street2", .char, string: "Street2"),
            FieldDescription("zip", .char, string: "Zip"),
            FieldDescription("city", .char, string: "City"),
            FieldDescription("state_id", .many2one, string: "State", relation: "res.country.state"),
            FieldDescription("country_id", .many2one, string: "Country", relation: "res.country"),
            FieldDescription("lost_reason", .many2one, string: "Lost Reason", relation: "crm.lost.reason"),
            FieldDescription("campaign_id", .many2one, string: "Campaign", relation: "utm.campaign"),
            FieldDescription("medium_id", .many2one, string: "Medium", relation: "utm.medium"),
            FieldDescription("source_id", .many2one, string: "Source", relation: "utm.source"),
            FieldDescription("create_uid", .many2one, string: "Created by", readonly: true, relation: "res.users"),
            FieldDescription("create_date", .datetime, string: "Created on", readonly: true),
            FieldDescription("write_date", .datetime, string: "Last Updated on", readonly: true),
        ] + ActivityModels.mixinFields(model: "crm.lead", inverse: "lead_id") + SaleModels.leadFields
    )

    public static let stage = ModelDescription(
        name: "crm.stage", table: "crm_stage", order: "sequence, name, id",
        fields: [
            FieldDescription("name", .char, string: "Stage Name", required: true),
            FieldDescription("sequence", .integer, string: "Sequence"),
            FieldDescription("is_won", .boolean, string: "Is Won Stage?"),
            FieldDescription("fold", .boolean, string: "Folded in Pipeline"),
            FieldDescription("requirements", .text, string: "Requirements"),
            FieldDescription("team_id", .many2one, string: "Sales Team", relation: "crm.team"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )

    public static let team = ModelDescription(
        name: "crm.team", table: "crm_team", order: "sequence, id",
        fields: [
            FieldDescription("name", .char, string: "Sales Team", required: true),
            FieldDescription("sequence", .integer, string: "Sequence"),
            FieldDescription("active", .boolean, string: "Active"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
            FieldDescription("user_id", .many2one, string: "Team Leader", relation: "res.users"),
            FieldDescription(
                "member_ids", .many2many, string: "Channel Members", relation: "res.users",
                linkTable: "crm_team_member", linkColumns: ("team_id", "user_id")
            ),
            FieldDescription("color", .integer, string: "Color Index"),
            FieldDescription("use_leads", .boolean, string: "Leads"),
            FieldDescription("use_opportunities", .boolean, string: "Pipeline"),
            FieldDescription("use_quotations", .boolean, string: "Quotations"),
            FieldDescription("invoiced_target", .float, string: "Invoicing Target"),
            FieldDescription("alias_name", .char, string: "Alias Name"),
            FieldDescription(
                "alias_contact", .selection, string: "Alias Contact Security",
                selection: [["everyone", "Everyone"], ["partners", "Authenticated Partners"], ["followers", "Followers only"]]
            ),
        ] + SaleModels.teamFields + ReportModels.teamFields
    )

    public static let tag = ModelDescription(
        name: "crm.tag", table: "crm_tag", order: "name, id",
        fields: [
            FieldDescription("name", .char, string: "Tag Name", required: true),
            FieldDescription("color", .integer, string: "Color Index"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )

    public static let lostReason = ModelDescription(
        name: "crm.lost.reason", table: "crm_lost_reason", order: "name, id",
        fields: [
            FieldDescription("name", .char, string: "Description", required: true),
            FieldDescription("active", .boolean, string: "Active"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )

    static func utm(_ name: String, _ table: String, _ label: String) -> ModelDescription {
        ModelDescription(
            name: name, table: table, order: "name, id",
            fields: [
                FieldDescription("name", .char, string: label, required: true),
                FieldDescription("active", .boolean, string: "Active"),
                FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
            ]
        )
    }

    public static let campaign = utm("utm.campaign", "utm_campaign", "Campaign Name")
    public static let medium = utm("utm.medium", "utm_medium", "Medium Name")
    public static let source = utm("utm.source", "utm_source", "Source Name")

    /// Chatter messages: written by the lead's history and by `message_post`, read by model and id.
    public static let message = ModelDescription(
        name: "mail.message", table: "mail_message", recordName: "subject", order: "id desc", isReadOnly: true,
        fields: [
            FieldDescription("model", .char, string: "Related Document Model"),
            FieldDescription("res_id", .integer, string: "Related Document ID"),
            FieldDescription("body", .html, string: "Contents"),
            FieldDescription("subject", .char, string: "Subject"),
            FieldDescription("date", .datetime, string: "Date"),
            FieldDescription("author_id", .many2one, string: "Author", relation: "res.users"),
            FieldDescription(
                "message_type", .selection, string: "Type",
                selection: [["email", "Email"], ["comment", "Comment"], ["notification", "System notification"], ["user_notification", "User Specific Notification"]]
            ),
            FieldDescription("subtype_id", .many2one, string: "Subtype", relation: "mail.message.subtype"),
            FieldDescription(
                "tracking_value_ids", .one2many, string: "Tracking values", relation: "mail.tracking.value", inverseName: "mail_message_id"
            ),
            FieldDescription("email_from", .char, string: "From"),
            FieldDescription("message_id", .char, string: "Message-Id"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )

    public static let trackingValue = ModelDescription(
        name: "mail.tracking.value", table: "mail_tracking_value", recordName: "field_desc", order: "tracking_sequence asc, id",
        isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("field", .char, string: "Changed Field"),
            FieldDescription("field_desc", .char, string: "Field Description"),
            FieldDescription("field_type", .char, string: "Field Type"),
            FieldDescription("old_value_integer", .integer, string: "Old Value Integer"),
            FieldDescription("old_value_float", .float, string: "Old Value Float"),
            FieldDescription("old_value_monetary", .monetary, string: "Old Value Monetary"),
            FieldDescription("old_value_char", .char, string: "Old Value Char"),
            FieldDescription("old_value_text", .text, string: "Old Value Text"),
            FieldDescription("old_value_datetime", .datetime, string: "Old Value DateTime"),
            FieldDescription("new_value_integer", .integer, string: "New Value Integer"),
            FieldDescription("new_value_float", .float, string: "New Value Float"),
            FieldDescription("new_value_monetary", .monetary, string: "New Value Monetary"),
            FieldDescription("new_value_char", .char, string: "New Value Char"),
            FieldDescription("new_value_text", .text, string: "New Value Text"),
            FieldDescription("new_value_datetime", .datetime, string: "New Value Datetime"),
            FieldDescription("mail_message_id", .many2one, string: "Message ID", relation: "mail.message"),
            FieldDescription("tracking_sequence", .integer, string: "Tracking field sequence"),
        ]
    )

    public static let subtype = ModelDescription(
        name: "mail.message.subtype", table: "mail_message_subtype", order: "sequence, id", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Message Type", required: true),
            FieldDescription("description", .text, string: "Description"),
            FieldDescription("res_model", .char, string: "Model"),
            FieldDescription("internal", .boolean, string: "Internal Only"),
            FieldDescription("hidden", .boolean, string: "Hidden"),
            FieldDescription("default", .boolean, string: "Default"),
            FieldDescription("sequence", .integer, string: "Sequence"),
        ]
    )

    public static let followers = ModelDescription(
        name: "mail.followers", table: "mail_followers", recordName: "res_model", order: "id", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("res_model", .char, string: "Related Document Model Name", required: true),
            FieldDescription("res_id", .integer, string: "Related Document ID"),
            FieldDescription("user_id", .many2one, string: "Related User", relation: "res.users"),
            FieldDescription("partner_id", .many2one, string: "Related Partner", relation: "res.partner"),
        ]
    )

    /// Files attached to messages (read-only through the API; the gateway stores them).
    public static let attachment = ModelDescription(
        name: "ir.attachment", table: "ir_attachment", order: "id desc", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Name", required: true),
            FieldDescription("mimetype", .char, string: "Mime Type"),
            FieldDescription("res_model", .char, string: "Resource Model"),
            FieldDescription("res_id", .integer, string: "Resource ID"),
            FieldDescription("file_size", .integer, string: "File Size"),
            FieldDescription("mail_message_id", .many2one, string: "Message", relation: "mail.message"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
            FieldDescription("create_date", .datetime, string: "Created on", readonly: true),
        ]
    )

    /// Every CRM pipeline model.
    public static let all: [ModelDescription] = [
        lead, stage, team, tag, lostReason, campaign, medium, source, message, trackingValue, subtype, followers,
        ActivityModels.type, ActivityModels.activity, attachment,
    ]
}
