/// The `reports` module: the pipeline and activity analyses, read-only models over SQL views that BI
/// tools also query, and the team dashboard's figures (sql/modules/reports/).
public enum ReportsModule {
    public static let module = ModelModule(
        "reports", models: [CRMReports.opportunity, CRMReports.activity],
        extensions: [ModelExtension("crm.team", fields: CRMTeamDashboard.fields)]
    )
}
