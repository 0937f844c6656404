/// `crm.lead`: leads and opportunities, one record converted in place (`type`). Its rules live in
/// PostgreSQL (sql/modules/crm/leads.sql: stages, probability, won/lost, customers; conversion.sql;
/// merge.sql); its methods are in `CRMLead+Actions.swift` and `CRMLead+Pipeline.swift`. The activities
/// and sale modules add their fields and methods (`ActivityMixin`, `CRMLead+Quotations.swift`).
public enum CRMLead {
    static let priorities = [["0", "Low"], ["1", "Medium"], ["2", "High"], ["3", "Very High"]]

    public static let model = ModelDescription(
        name: "crm.lead", table: "crm_lead", order: "priority desc, id desc",
        fields: [
            FieldDescription("name", .char, string: "Opportunity", required: true).folded(),
            FieldDescription("type", .selection, string: "Type", selection: [["lead", "Lead"], ["opportunity", "Opportunity"]]),
            FieldDescription("active", .boolean, string: "Active"),
            FieldDescription("priority", .selection, string: "Priority", selection: priorities),
            FieldDescription("user_id", .many2one, string: "Salesperson", relation: "res.users"),
            FieldDescription("team_id", .many2one, string: "Sales Team", relation: "crm.team"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
            FieldDescription("stage_id", .many2one, string: "Stage", relation: "crm.stage").notCopied(),
            FieldDescription(
                "tag_ids", .many2many, string: "Tags", relation: "crm.tag", linkTable: "crm_tag_rel", linkColumns: ("lead_id", "tag_id")
            ),
            FieldDescription("color", .integer, string: "Color Index"),
            FieldDescription("description", .text, string: "Notes"),
            FieldDescription("referred", .char, string: "Referred By"),
            FieldDescription("expected_revenue", .monetary, string: "Expected Revenue"),
            FieldDescription("prorated_revenue", .monetary, string: "Prorated Revenue", readonly: true),
            FieldDescription("probability", .float, string: "Probability", aggregator: "avg").notCopied(),
            FieldDescription("automated_probability", .float, string: "Automated Probability", readonly: true, aggregator: "avg"),
            FieldDescription("date_deadline", .date, string: "Expected Closing"),
            FieldDescription("date_closed", .datetime, string: "Closed Date", readonly: true),
            FieldDescription("date_open", .datetime, string: "Assignment Date", readonly: true),
            FieldDescription("day_open", .float, string: "Days to Assign", readonly: true),
            FieldDescription("day_close", .float, string: "Days to Close", readonly: true),
            FieldDescription("date_last_stage_update", .datetime, string: "Last Stage Update", readonly: true),
            FieldDescription("date_conversion", .datetime, string: "Conversion Date", readonly: true),
            FieldDescription("partner_id", .many2one, string: "Customer", relation: "res.partner"),
            FieldDescription("partner_name", .char, string: "Company Name").folded(),
            FieldDescription("contact_name", .char, string: "Contact Name").folded(),
            FieldDescription("title", .many2one, string: "Title", relation: "res.partner.title"),
            FieldDescription("function", .char, string: "Job Position"),
            FieldDescription("email_from", .char, string: "Email").folded(),
            FieldDescription("email_normalized", .char, string: "Normalized Email", readonly: true),
            FieldDescription("email_cc", .text, string: "Email cc"),
            FieldDescription("message_bounce", .integer, string: "Bounce", readonly: true),
            FieldDescription("phone", .char, string: "Phone").folded(),
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
        ],
        methods: [setWon, setWonRainbowman, setLost, messagePost, messageSubscribe, convertOpportunity, mergeOpportunity, pipelineGroups]
    )
}
