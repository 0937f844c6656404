/// Read-only models over the report views (sql/modules/reports/views.sql): what BI tools read, served
/// through the API too (search_read, read_group).
public enum CRMReports {
    public static let opportunity = ModelDescription(
        name: "crm.opportunity.report", table: "report.opportunity", order: "create_date desc, id desc", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Opportunity"),
            FieldDescription("type", .selection, string: "Type", selection: [["lead", "Lead"], ["opportunity", "Opportunity"]]),
            FieldDescription("active", .boolean, string: "Active"),
            FieldDescription("priority", .selection, string: "Priority", selection: CRMLead.priorities),
            FieldDescription("stage_id", .many2one, string: "Stage", relation: "crm.stage"),
            FieldDescription("stage_is_won", .boolean, string: "Won Stage"),
            FieldDescription("team_id", .many2one, string: "Sales Team", relation: "crm.team"),
            FieldDescription("user_id", .many2one, string: "Salesperson", relation: "res.users"),
            FieldDescription("partner_id", .many2one, string: "Customer", relation: "res.partner"),
            FieldDescription("country_id", .many2one, string: "Country", relation: "res.country"),
            FieldDescription("lost_reason_id", .many2one, string: "Lost Reason", relation: "crm.lost.reason"),
            FieldDescription("expected_revenue", .monetary, string: "Expected Revenue"),
            FieldDescription("prorated_revenue", .monetary, string: "Prorated Revenue"),
            FieldDescription("probability", .float, string: "Probability", aggregator: "avg"),
            FieldDescription("is_open", .boolean, string: "Open"),
            FieldDescription("is_won", .boolean, string: "Won"),
            FieldDescription("is_lost", .boolean, string: "Lost"),
            FieldDescription("is_overdue", .boolean, string: "Overdue"),
            FieldDescription("create_date", .datetime, string: "Creation Date"),
            FieldDescription("date_open", .datetime, string: "Assignment Date"),
            FieldDescription("date_closed", .datetime, string: "Close Date"),
            FieldDescription("date_conversion", .datetime, string: "Conversion Date"),
            FieldDescription("date_deadline", .date, string: "Expected Closing"),
            FieldDescription("days_to_assign", .float, string: "Days to Assign", aggregator: "avg"),
            FieldDescription("days_to_close", .float, string: "Days to Close", aggregator: "avg"),
            FieldDescription("company_id", .many2one, string: "Company", relation: "res.company"),
        ]
    )

    public static let activity = ModelDescription(
        name: "crm.activity.report", table: "report.activity", recordName: "summary", order: "date desc, id desc", isReadOnly: true,
        hasAuditColumns: false,
        fields: [
            FieldDescription("kind", .selection, string: "Kind", selection: [["done", "Done activity"], ["pending", "Pending activity"], ["message", "Message"]]),
            FieldDescription("date", .date, string: "Date"),
            FieldDescription("summary", .char, string: "Summary"),
            FieldDescription("state", .selection, string: "State", selection: MailActivity.states),
            FieldDescription("activity_type_id", .many2one, string: "Activity Type", relation: "mail.activity.type"),
            FieldDescription("user_id", .many2one, string: "Assigned To", relation: "res.users"),
            FieldDescription("lead_id", .many2one, string: "Opportunity", relation: "crm.lead"),
            FieldDescription("lead_type", .selection, string: "Type", selection: [["lead", "Lead"], ["opportunity", "Opportunity"]]),
            FieldDescription("team_id", .many2one, string: "Sales Team", relation: "crm.team"),
            FieldDescription("stage_id", .many2one, string: "Stage", relation: "crm.stage"),
            FieldDescription("company_id", .many2one, string: "Company", relation: "res.company"),
            // Odoo 17's names for the same report.
            FieldDescription("subject", .char, string: "Summary"),
            FieldDescription("mail_activity_type_id", .many2one, string: "Activity Type", relation: "mail.activity.type"),
            FieldDescription("subtype_id", .many2one, string: "Subtype", relation: "mail.message.subtype"),
            FieldDescription("partner_id", .many2one, string: "Customer", relation: "res.partner"),
            FieldDescription("country_id", .many2one, string: "Country", relation: "res.country"),
            FieldDescription("date_deadline", .date, string: "Expected Closing"),
            FieldDescription("date_closed", .datetime, string: "Closed Date"),
            FieldDescription("lead_create_date", .datetime, string: "Creation Date"),
            FieldDescription("date_conversion", .datetime, string: "Conversion Date"),
            FieldDescription("active", .boolean, string: "Active"),
        ]
    )
}

/// What the reports module adds to sales teams: the team dashboard's figures.
enum CRMTeamDashboard {
    /// The team dashboard's figures on `crm.team` (reference §2.20), from `report.team_dashboard`, by the
    /// team's company and id.
    static let fields: [FieldDescription] = {
        func figure(_ name: String, _ type: FieldType, _ label: String, _ column: String) -> FieldDescription {
            .computed(name, type, string: label, "SELECT d.\(column) FROM report.team_dashboard d WHERE d.company_id = $.company_id AND d.team_id = $.id")
        }
        return [
            figure("lead_unassigned_count", .integer, "Unassigned Leads", "unassigned_leads"),
            figure("opportunities_count", .integer, "Number of open opportunities", "open_opportunities"),
            figure("opportunities_amount", .monetary, "Opportunities Revenues", "open_opportunities_amount"),
            figure("opportunities_overdue_count", .integer, "Number of overdue opportunities", "overdue_opportunities"),
            figure("opportunities_overdue_amount", .monetary, "Overdue Opportunities Revenues", "overdue_opportunities_amount"),
            figure("invoiced", .float, "Confirmed Sales This Month", "sales_this_month"),
        ]
    }()
}
