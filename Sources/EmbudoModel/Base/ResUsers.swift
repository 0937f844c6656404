/// `res.users`: logins, shared by every company they belong to. What a company may do with them is
/// narrow (see `ResUsers+Methods.swift`): its members read each other, its administrators invite and
/// set access levels, each user changes their own preferences.
public enum ResUsers {
    public static let model = ModelDescription(
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
        ],
        methods: [invite, setAccessLevel, writePreferences, changePassword].map { $0.checkedInPostgreSQL() } + [preferenceSave, contextGet, hasGroup]
    )
}
