/// The descriptions of the core models: companies, users, contacts.
public enum CoreModels {
    public static let company = ModelDescription(
        name: "res.company", table: "res_company", order: "name, id", hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Company Name", required: true),
            FieldDescription("currency_id", .many2one, string: "Currency", readonly: true, relation: "res.currency"),
            // Assigned by the operator, or requested with action_request_alias_domain and proved by DNS.
            FieldDescription("alias_domain", .char, string: "Alias Domain", readonly: true),
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
            FieldDescription("signature", .html, string: "Email Signature"),
            // The home company (where calls that name no company act), shown to the user and to colleagues of
            // that company only: which other companies a login belongs to is not theirs to know.
            .computed(
                "company_id", .many2one, string: "Company", relation: "res.company",
                "SELECT $.company_id WHERE $.company_id = ANY (embudo.company_ids()) OR $.id = embudo.current_user_id()"
            ),
            FieldDescription(
                "company_ids", .many2many, string: "Companies", readonly: true, relation: "res.company",
                linkTable: "res_company_member", linkColumns: ("user_id", "company_id")
            ),
            .computed("share", .boolean, string: "Share User", "false"),
            // The user's level in the current company (the first of the request's companies), for the users screen.
            .computed(
                "access_level", .selection, string: "Access Level", selection: [["own", "Own Documents"], ["all", "All Documents"], ["admin", "Administrator"]],
                "SELECT m.access_level::text FROM res_company_member m WHERE m.user_id = $.id "
                    + "AND m.company_id = nullif(split_part(current_setting('embudo.company_ids', true), ',', 1), '')::int"
            ),
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

    public static let currency = ModelDescription(
        name: "res.currency", table: "res_currency", order: "active desc, name", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Currency", required: true),
            FieldDescription("full_name", .char, string: "Name"),
            FieldDescription("symbol", .char, string: "Symbol"),
            FieldDescription("rounding", .float, string: "Rounding Factor"),
            FieldDescription("decimal_places", .integer, string: "Decimal Places"),
            FieldDescription("active", .boolean, string: "Active"),
        ]
    )

    public static let country = ModelDescription(
        name: "res.country", table: "res_country", order: "name", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Country Name", required: true),
            FieldDescription("code", .char, string: "Country Code"),
            FieldDescription("currency_id", .many2one, string: "Currency", relation: "res.currency"),
            FieldDescription("state_ids", .one2many, string: "States", relation: "res.country.state", inverseName: "country_id"),
        ]
    )

    public static let countryState = ModelDescription(
        name: "res.country.state", table: "res_country_state", order: "name", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "State Name", required: true),
            FieldDescription("code", .char, string: "State Code", required: true),
            FieldDescription("country_id", .many2one, string: "Country", required: true, relation: "res.country"),
        ]
    )

    public static let lang = ModelDescription(
        name: "res.lang", table: "res_lang", order: "active desc, name", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Name", required: true),
            FieldDescription("code", .char, string: "Locale Code", required: true),
            FieldDescription("iso_code", .char, string: "ISO code"),
            FieldDescription("direction", .selection, string: "Direction", selection: [["ltr", "Left-to-Right"], ["rtl", "Right-to-Left"]]),
            FieldDescription("active", .boolean, string: "Active"),
        ]
    )

    public static let partnerTitle = ModelDescription(
        name: "res.partner.title", table: "res_partner_title", order: "name", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Title", required: true),
            FieldDescription("shortcut", .char, string: "Abbreviation"),
        ]
    )

    public static let modelData = ModelDescription(
        name: "ir.model.data", table: "ir_model_data", recordName: "name", order: "module, name", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("module", .char, string: "Module", required: true),
            FieldDescription("name", .char, string: "External Identifier", required: true),
            FieldDescription("model", .char, string: "Model Name", required: true),
            FieldDescription("res_id", .integer, string: "Record ID"),
        ]
    )

    /// Every model described so far (each also has its row in the `ir_model` table).
    public static let registry = ModelRegistry([
        company, users, UserInvitations.invitation, partner, partnerCategory, partnerTitle, model, currency, country, countryState, lang, modelData,
    ] + CRMModels.all + Wizards.all + SaleModels.all + ReportModels.all + MailModels.all)
}
