/// `res.partner`: customers and their contacts (companies and people), with their tags and titles.
public enum ResPartner {
    public static let model = ModelDescription(
        name: "res.partner", table: "res_partner", order: "name, id", parentField: "parent_id",
        fields: [
            FieldDescription("name", .char, string: "Name", required: true).folded(),
            FieldDescription("is_company", .boolean, string: "Is a Company"),
            FieldDescription("parent_id", .many2one, string: "Related Company", relation: "res.partner"),
            FieldDescription("child_ids", .one2many, string: "Contact", relation: "res.partner", inverseName: "parent_id"),
            FieldDescription("email", .char, string: "Email").folded(),
            FieldDescription("phone", .char, string: "Phone").folded(),
            FieldDescription("mobile", .char, string: "Mobile"),
            FieldDescription("website", .char, string: "Website Link"),
            FieldDescription("street", .char, string: "Street"),
            FieldDescription("street2", .char, string: "Street2"),
            FieldDescription("city", .char, string: "City").folded(),
            FieldDescription("zip", .char, string: "Zip"),
            FieldDescription("lang", .char, string: "Language"),
            FieldDescription("comment", .text, string: "Notes"),
            FieldDescription("function", .char, string: "Job Position"),
            FieldDescription("title", .many2one, string: "Title", relation: "res.partner.title"),
            FieldDescription("country_id", .many2one, string: "Country", relation: "res.country"),
            FieldDescription("state_id", .many2one, string: "State", relation: "res.country.state"),
            FieldDescription("vat", .char, string: "Tax ID"),
            FieldDescription(
                "category_id", .many2many, string: "Tags", relation: "res.partner.category",
                linkTable: "res_partner_res_partner_category_rel", linkColumns: ("partner_id", "category_id")
            ),
            FieldDescription("user_id", .many2one, string: "Salesperson", relation: "res.users"),
            FieldDescription("team_id", .many2one, string: "Sales Team", relation: "crm.team"),
            FieldDescription("property_product_pricelist", .many2one, string: "Pricelist", relation: "product.pricelist"),
            FieldDescription("property_payment_term_id", .many2one, string: "Customer Payment Terms", relation: "account.payment.term"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
            FieldDescription("active", .boolean, string: "Active"),
            FieldDescription("create_date", .datetime, string: "Created on", readonly: true),
            FieldDescription("write_date", .datetime, string: "Last Updated on", readonly: true),
        ]
    )

    public static let category = ModelDescription(
        name: "res.partner.category", table: "res_partner_category", order: "name, id", parentField: "parent_id",
        fields: [
            FieldDescription("name", .char, string: "Tag Name", required: true),
            FieldDescription("color", .integer, string: "Color Index"),
            FieldDescription("parent_id", .many2one, string: "Parent Category", relation: "res.partner.category"),
            FieldDescription("active", .boolean, string: "Active"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )

    public static let title = ModelDescription(
        name: "res.partner.title", table: "res_partner_title", order: "name", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Title", required: true).translated(spanish: "name_es"),
            FieldDescription("shortcut", .char, string: "Abbreviation").translated(spanish: "shortcut_es"),
        ]
    )
}
