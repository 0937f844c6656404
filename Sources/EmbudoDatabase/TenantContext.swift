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

    public init(userID: Int, companyIDs: [Int]) {
        self.userID = userID
        self.companyIDs = companyIDs
    }

    /// The statement that sets the context, transaction-locally.
    func statement(timeout: Duration?) -> PGQuery {
        Self.statement(user: String(userID), companies: companyIDs.map(String.init).joined(separator: ","), timeout: timeout)
    }

    /// The statement that clears any context (whatever a role or database default may have set).
    static func none(timeout: Duration?) -> PGQuery {
        statement(user: "", companies: "", timeout: timeout)
    }

    private static func statement(user: String, companies: String, timeout: Duration?) -> PGQuery {
        let milliseconds = timeout.map { String($0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000) } ?? "0"
        return """
            SELECT set_config('embudo.user_id', \(user), true),
                   set_config('embudo.company_ids', \(companies), true),
                   set_config('statement_timeout', \(milliseconds), true)
            """
    }
}
