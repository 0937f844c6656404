/// `crm.stage`: the pipeline's columns, shared by the company's teams or a team's own.
public enum CRMStage {
    public static let model = ModelDescription(
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
}
