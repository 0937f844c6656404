/// `crm.tag` and `crm.lost.reason`: the labels a company gives its opportunities, and why it loses them.
public enum CRMTag {
    public static let model = ModelDescription(
        name: "crm.tag", table: "crm_tag", order: "name, id",
        fields: [
            FieldDescription("name", .char, string: "Tag Name", required: true),
            FieldDescription("color", .integer, string: "Color Index"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )
}

public enum CRMLostReason {
    public static let model = ModelDescription(
        name: "crm.lost.reason", table: "crm_lost_reason", order: "name, id",
        fields: [
            FieldDescription("name", .char, string: "Description", required: true),
            FieldDescription("active", .boolean, string: "Active"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )
}
