/// `crm.team`: sales teams with their leader, members, e-mail alias and target. The sale and reports
/// modules add the team's figures.
public enum CRMTeam {
    public static let model = ModelDescription(
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
        ]
    )
}
