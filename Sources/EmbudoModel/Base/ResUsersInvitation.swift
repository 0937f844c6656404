import EmbudoDatabase
import PGClient

/// `res.users.invitation`: a company's invitation of a login (sql: `res_users_invitation`,
/// `embudo.invite_user`). The inviting company's administrators read its invitations and withdraw
/// pending ones (`action_cancel`, or `unlink`); the invitee reads their pending invitations and answers
/// them (`action_accept`, `action_decline`), logged in with their own credentials. Which identity an
/// invitation reached is never shown to the inviting company. The invitee may belong to no company yet,
/// so every method acts in the caller's own identity.
public enum ResUsersInvitation {
    static let states = [
        ["pending", "Pending"], ["accepted", "Accepted"], ["declined", "Declined"], ["cancelled", "Cancelled"], ["expired", "Expired"],
    ]

    public static let model = ModelDescription(
        name: "res.users.invitation", table: "res_users_invitation", recordName: "login", order: "create_date desc, id desc",
        isReadOnly: true, hasAuditColumns: false, crossesCompanies: true, tenancy: .identity,
        fields: [
            FieldDescription("login", .char, string: "Login", readonly: true),
            FieldDescription("name", .char, string: "Name", readonly: true),
            FieldDescription(
                "access_level", .selection, string: "Access Level", readonly: true,
                selection: [["own", "Own Documents"], ["all", "All Documents"], ["admin", "Administrator"]]
            ),
            .computed(
                "state", .selection, string: "Status", selection: states,
                "SELECT CASE WHEN $.state = 'pending' AND $.expires_at < now() THEN 'expired' ELSE $.state END"
            ),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
            FieldDescription("company_name", .char, string: "Company Name", readonly: true),
            FieldDescription("invited_by", .many2one, string: "Invited by", readonly: true, relation: "res.users"),
            FieldDescription("invited_by_name", .char, string: "Invited by (name)", readonly: true),
            FieldDescription("expires_at", .datetime, string: "Expires on", readonly: true),
            FieldDescription("answered_at", .datetime, string: "Answered on", readonly: true),
            FieldDescription("create_date", .datetime, string: "Invited on", readonly: true),
        ],
        methods: [accept, decline, cancel, ModelMethod("unlink", .records(), writes: true, tenancy: .identity, cancel.body)].map { $0.checkedInPostgreSQL() }
    )

    static let accept = answering("action_accept") { "SELECT embudo.answer_invitation(\($0), true)" }
    static let decline = answering("action_decline") { "SELECT embudo.answer_invitation(\($0), false)" }
    static let cancel = answering("action_cancel") { "SELECT embudo.cancel_invitation(\($0))" }

    /// A method running `query` for each invitation of `ids`, in one transaction.
    static func answering(_ name: String, _ query: @escaping @Sendable (Int) -> PGQuery) -> ModelMethod {
        ModelMethod(name, .records(), writes: true, tenancy: .identity) { call in
            let queries = try call.arguments.ids().map(query)
            try await call.database.transaction(as: call.tenant) { connection in
                _ = try connection.pipeline(queries)
            }
            return .value(true)
        }
    }
}
