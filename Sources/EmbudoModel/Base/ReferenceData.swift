/// Global reference data every company reads and nobody changes through the API: currencies, countries
/// and their states, languages.
public enum ReferenceData {
    public static let currency = ModelDescription(
        name: "res.currency", table: "res_currency", order: "active desc, name", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Currency", required: true),
            FieldDescription("full_name", .char, string: "Name").translated(spanish: "full_name_es"),
            FieldDescription("symbol", .char, string: "Symbol"),
            FieldDescription("rounding", .float, string: "Rounding Factor"),
            FieldDescription("decimal_places", .integer, string: "Decimal Places"),
            FieldDescription("active", .boolean, string: "Active"),
        ]
    )

    public static let country = ModelDescription(
        name: "res.country", table: "res_country", order: "name", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Country Name", required: true).translated(spanish: "name_es"),
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
}
