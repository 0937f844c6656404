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
    /// statement (`embudo.enter_tenant`), so that a changed password or revoked key stops the call.
    public var credentialStamp: String?
    /// The language the request reads translated names in (Odoo's context `lang`), nil for English.
    public var language: String?

    public init(userID: Int, companyIDs: [Int], credentialStamp: String? = nil, language: String? = nil) {
        self.userID = userID
        self.companyIDs = companyIDs
        self.credentialStamp = credentialStamp
        self.language = language
    }

    /// The statement that sets the context, transaction-locally (`embudo.enter_tenant`: the user, the
    /// companies, the statement timeout, and the companies granted at each access level, which the
    /// tenant policies read).
    func statement(timeout: Duration?) -> PGQuery {
        Self.statement(user: userID, companies: companyIDs, stamp: credentialStamp, timeout: timeout, language: language)
    }

    /// The statement that clears any context (whatever a role or database default may have set).
    static func none(timeout: Duration?) -> PGQuery {
        statement(user: nil, companies: [], stamp: nil, timeout: timeout, language: nil)
    }

    /// (The language rides in the same statement, `embudo.lang`: translated names read it.)
    private static func statement(user: Int?, companies: [Int], stamp: String?, timeout: Duration?, language: String?) -> PGQuery {
        let milliseconds = timeout.map { Int($0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000) } ?? 0
        return "SELECT embudo.enter_tenant(\(user)::int, \(companies)::int[], \(milliseconds)::int, \(stamp)::text, \(language)::text)"
    }
}
