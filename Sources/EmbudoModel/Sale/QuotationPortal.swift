import EmbudoDatabase
import PGClient

/// The customer's side of a quotation, reached with the token of the link in its e-mail: no login, the
/// token alone opens one quotation. Every query after the token's check runs as the user who sent the
/// quotation, in its company, so row-level security applies as for any request
/// (sql/modules/sale/portal.sql).
public struct QuotationPortal: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// What a live token opens.
    public struct Access: Sendable, Equatable {
        public var companyID: Int
        public var orderID: Int
        public var actingUser: Int
        /// The value the answer forms must send back (an HMAC of the token): a page from elsewhere
        /// cannot post an answer.
        public var formKey: String

        var tenant: TenantContext { TenantContext(userID: actingUser, companyIDs: [companyID]) }
    }

    /// Whether `token` has the shape of a link token, checked before any query: the company's id, a
    /// dash and 48 hex digits (`embudo.company_token`), or the 48 hex digits alone of a link sent before
    /// migration 0033.
    public static func isWellFormed(_ token: String) -> Bool {
        guard let dash = token.utf8.firstIndex(of: UInt8(ascii: "-")) else { return isRandomPart(token.utf8[...]) }
        let company = token.utf8[..<dash]
        return (1...9).contains(company.count) && company.first != UInt8(ascii: "0") && company.allSatisfy { (48...57).contains($0) }
            && isRandomPart(token.utf8[token.utf8.index(after: dash)...])
    }

    /// 48 lowercase hex digits: the random part of a link's token.
    static func isRandomPart(_ part: Substring.UTF8View) -> Bool {
        part.count == 48 && part.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// The quotation a token opens, or nil for a malformed, unknown, revoked or expired one.
    public func resolve(token: String) async throws -> Access? {
        guard Self.isWellFormed(token) else { return nil }
        return try await database.withoutTenant { connection in
            try connection.query(PortalSQL.resolve(token)).map { row in
                let (company, order, user, key) = try row.decode((Int, Int, Int, String).self)
                return Access(companyID: company, orderID: order, actingUser: user, formKey: key)
            }.first
        }
    }

    /// The quotation as the customer sees it (JSON built by PostgreSQL).
    public func quotation(_ access: Access) async throws -> JSONValue? {
        let text = try await database.single(PortalSQL.quotation(access.orderID), as: access.tenant) { rows in
            rows.count == 0 ? nil : try rows[0].decode(String?.self, at: 0)
        }
        return try text.map { try JSONValue(jsonText: $0) }
    }

    /// Accepts and signs (confirming the order); `option` is an optional product to add first.
    public func accept(_ access: Access, signer: String, option: Int?) async throws {
        let query = PortalSQL.accept(access.orderID, signer: signer, option: option)
        try await database.transaction(as: access.tenant) { _ = try $0.query(query) }
    }

    /// Declines with a reason, recorded in the quotation's history.
    public func decline(_ access: Access, reason: String) async throws {
        let query = PortalSQL.decline(access.orderID, reason: reason)
        try await database.transaction(as: access.tenant) { _ = try $0.query(query) }
    }
}

/// The SQL of the quotation portal.
enum PortalSQL {
    static func resolve(_ token: String) -> PGQuery { "SELECT company_id, order_id, acting_user, form_key FROM embudo.portal_resolve(\(token))" }
    static func quotation(_ order: Int) -> PGQuery { "SELECT embudo.portal_quotation(\(order))::text" }
    static func accept(_ order: Int, signer: String, option: Int?) -> PGQuery { "SELECT embudo.portal_accept(\(order), \(signer), \(option)::int)" }
    static func decline(_ order: Int, reason: String) -> PGQuery { "SELECT embudo.portal_decline(\(order), \(reason))" }
}
