/// The descriptions of the core models: companies, users, contacts.
public enum CoreModels {
    public static let company = ModelDescription(
        name: "res.company", table: "res_company", order: "name, id", hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Company Name", required: true),
            FieldDescription("active", .boolean, string: "Active"),
            FieldDescription("create_date", .datetime, string: "Created on", readonly: true),
            FieldDescription("write_date", .datetime, string: "Last Updated on", readonly: true),
        ]
    )

    public static let users = ModelDescription(
        name: "res.users", table: "res_users", order: "name, login", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Name", required: true),
            FieldDescription("login", .char, string: "Login", required: true),
            FieldDescription("email", .char, string: "Email"),
            FieldDescription("tz", .char, string: "Timezone"),
            FieldDescription("lang", .char, string: "Language"),
            FieldDescription("active", .boolean, string: "Active"),
        ]
    )

    public static let partner = ModelDescription(
        name: "res.partner", table: "res_partner", order: "name, id", parentField: "parent_id",
        fields: [
            FieldDescription("name", .char, string: "Name", required: true),
            FieldDescription("is_company", .boolean, string: "Is a Company"),
            FieldDescription("parent_id", .many2one, string: "Related Company", relation: "res.partner"),
            FieldDescription("child_ids", .one2many, string: "Contact", relation: "res.partner", inverseName: "parent_id"),
            FieldDescription("email", .char, string: "Email"),
            FieldDescription("phone", .char, string: "Phone"),
            FieldDescription("mobile", .char, string: "Mobile"),
            FieldDescription("website", .char, string: "Website Link"),
            FieldDescription("street", .char, string: "Street"),
            FieldDescription("street2", .char, string: "Street2"),
            FieldDescription("city", .char, string: "City"),
            FieldDescription("zip", .char, string: "Zip"),
            FieldDescription("lang", .char, string: "Language"),
            FieldDescription("comment", .text, string: "Notes"),
            FieldDescription("function", .char, string: "Job Position"),
            FieldDescription("vat", .char, string: "Tax ID"),
            FieldDescription(
                "category_id", .many2many, string: "Tags", relation: "res.partner.category",
                linkTable: "res_partner_res_partner_category_rel", linkColumns: ("partner_id", "category_id")
            ),
            FieldDescription("user_id", .many2one, string: "Salesperson", relation: "res.users"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
            FieldDescription("active", .boolean, string: "Active"),
            FieldDescription("create_date", .datetime, string: "Created on", readonly: true),
            FieldDescription("write_date", .datetime, string: "Last Updated on", readonly: true),
        ]
    )

    public static let partnerCategory = ModelDescription(
        name: "res.partner.category", table: "res_partner_category", order: "name, id", parentField: "parent_id",
        fields: [
            FieldDescription("name", .char, string: "Tag Name", required: true),
            FieldDescription("color", .integer, string: "Color Index"),
            FieldDescription("parent_id", .many2one, string: "Parent Category", relation: "res.partner.category"),
            FieldDescription("active", .boolean, string: "Active"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )

    public static let model = ModelDescription(
        name: "ir.model", table: "ir_model", order: "model", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("model", .char, string: "Model", required: true, readonly: true),
            FieldDescription("name", .char, string: "Model Description", required: true, readonly: true),
        ]
    )

    /// Every model described so far (each also has its row in the `ir_model` table).
    public static let registry = ModelRegistry([company, users, partner, partnerCategory, model])
}
