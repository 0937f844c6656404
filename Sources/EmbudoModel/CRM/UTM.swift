/// The UTM models (`utm.campaign`, `utm.medium`, `utm.source`): where a lead came from.
public enum UTM {
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
}
