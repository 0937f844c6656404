import EmbudoDatabase
import PGClient

/// New logins activate their account from the link their invitation e-mail carries: the token opens
/// one activation, once, before it expires; its owner chooses their password there, and the invitation
/// that created the login is accepted (sql/modules/base/invitations.sql: `embudo.signup_info`,
/// `embudo.signup_complete`). Nobody else ever sets or learns that password.
public struct AccountActivation: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// What the activation page shows.
    public struct Invitee: Sendable, Equatable {
        public var login: String
        public var name: String
        public var companyName: String
        public var lang: String
    }

    /// The shortest password accepted (PostgreSQL checks it too).
    public static let minimumPasswordLength = 8

    /// Whether `token` has the shape of an activation token (48 hex digits), checked before any query.
    public static func isWellFormed(_ token: String) -> Bool {
        QuotationPortal.isRandomPart(token.utf8[...])
    }

    /// The invitee a live token activates, or nil for a malformed, unknown, used or expired one.
    public func invitee(token: String) async throws -> Invitee? {
        guard Self.isWellFormed(token) else { return nil }
        return try await database.withoutTenant { connection in
            try connection.query(ActivationSQL.info(token)).map { row in
                let (login, name, company, lang) = try row.decode((String, String, String, String).self)
                return Invitee(login: login, name: name, companyName: company, lang: lang)
            }.first
        }
    }

    /// Sets the password (and name) and accepts the invitation; answers the login, or nil when the token
    /// opens nothing (any more).
    ///
    /// - Throws: ``PGError`` with Embudo's validation SQLSTATE for a password that is too short.
    public func activate(token: String, password: String, name: String?) async throws -> String? {
        guard Self.isWellFormed(token) else { return nil }
        return try await database.withoutTenant(readOnly: false) { connection in
            try connection.query(ActivationSQL.complete(token, password: password, name: name))[0].decode(String?.self, at: 0)
        }
    }
}

enum ActivationSQL {
    static func info(_ token: String) -> PGQuery { "SELECT login, name, company_name, lang FROM embudo.signup_info(\(token))" }
    static func complete(_ token: String, password: String, name: String?) -> PGQuery {
        "SELECT embudo.signup_complete(\(token), \(password), \(name))"
    }
}
