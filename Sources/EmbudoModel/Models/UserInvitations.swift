import EmbudoDatabase
import PGClient

/// `res.users.invitation`: a company's invitation of a login (sql: `res_users_invitation`,
/// `embudo.invite_user`). The inviting company's administrators read its invitations and withdraw
/// pending ones (`action_cancel`, or `unlink`); the invitee reads their pending invitations and answers
/// them (`action_accept`, `action_decline`), logged in with their own credentials. Which identity an
/// invitation reached is never shown to the inviting company.
public enum UserInvitations {
    static let states = [
        ["pending", "Pending"], ["accepted", "Accepted"], ["declined", "Declined"], ["cancelled", "Cancelled"], ["expired", "Expired"],
    ]

    public static let invitation = ModelDescription(
        name: "res.users.invitation", table: "res_users_invitation", recordName: "login", order: "create_date desc, id desc",
        isReadOnly: true, hasAuditColumns: false,
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
        ]
    )
}

extension ModelService {
    /// The invitation methods; nil for the generic ones (read, search…), which row-level security
    /// narrows to what the caller may see.
    func invitationCall(_ method: String, arguments: Arguments, tenant: TenantContext) async throws -> CallResult? {
        let query: (Int) -> PGQuery
        switch method {
        case "action_accept": query = { UserInvitationSQL.answer($0, accept: true) }
        case "action_decline": query = { UserInvitationSQL.answer($0, accept: false) }
        case "action_cancel", "unlink": query = UserInvitationSQL.cancel
        default: return nil
        }
        let queries = try Arguments.ids(arguments.value(0, "ids", ["ids"])).map(query)
        try await database.transaction(as: tenant) { connection in
            _ = try connection.pipeline(queries)
        }
        return .value(true)
    }
}

enum UserInvitationSQL {
    static func answer(_ invitation: Int, accept: Bool) -> PGQuery {
        "SELECT embudo.answer_invitation(\(invitation), \(accept))"
    }
    static func cancel(_ invitation: Int) -> PGQuery {
        "SELECT embudo.cancel_invitation(\(invitation))"
    }
}
