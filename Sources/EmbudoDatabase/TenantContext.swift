import PGClient

/// Who acts, and in which companies, for one request.
///
/// The service sets it as the first statement of every request's transaction; the row-level-security
/// policies read it, and intersect the companies with the user's memberships, so a wrong context can
/// narrow what a request sees but never widen it.
public struct TenantContext: Sendable, Hashable {
    /// The acting user (`res_users.id`).
    public var userID: Int
    /// The companies the request acts in (Odoo's `allowed_company_ids`).
    public var companyIDs: [Int]
    /// For credentials verified earlier and cached: their stamp, checked by the transaction's first
    /// statement (`embudo.check_credential`), so that a changed password or revoked key stops the call.
    public var credentialStamp: String?

    public init(userID: Int, companyIDs: [Int], credentialStamp: String? = nil) {
        self.userID = userID
        self.companyIDs = companyIDs
        self.credentialStamp = credentialStamp
    }

    /// The statement that sets the context, transaction-locally.
    func statement(timeout: Duration?) -> PGQuery {
        let companies = companyIDs.map(String.init).joined(separator: ",")
        guard let credentialStamp else { return Self.statement(user: String(userID), companies: companies, timeout: timeout) }
        let milliseconds = Self.milliseconds(timeout)
        return """
            SELECT set_config('embudo.user_id', \(String(userID)), true),
                   set_config('embudo.company_ids', \(companies), true),
                   set_config('statement_timeout', \(milliseconds), true),
                   embudo.check_credential(\(userID), \(credentialStamp))
            """
    }

    private static func milliseconds(_ timeout: Duration?) -> String {
        timeout.map { String($0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000) } ?? "0"
    }

    /// The statement that clears any context (whatever a role or database default may have set).
    static func none(timeout: Duration?) -> PGQuery {
        statement(user: "", companies: "", timeout: timeout)
    }

    private static func statement(user: String, companies: String, timeout: Duration?) -> PGQuery {
        let milliseconds = milliseconds(timeout)
        return """
            SELECT set_config('embudo.user_id', \(user), true),
                   set_config('embudo.company_ids', \(companies), true),
                   set_config('statement_timeout', \(milliseconds), true)
            """
    }
}
