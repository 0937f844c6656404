import PGClient

/// The SQLSTATEs that Embudo's own SQL raises on purpose (`embudo.refuse`, the login throttle, the
/// service-role check), so that callers match errors by code, never by message text. Their messages are
/// written for users.
public enum EmbudoSQLState: String, Sendable, CaseIterable {
    /// A business rule refused the operation (Odoo's UserError).
    case userError = "EMU01"
    /// The user may not do this (AccessError).
    case accessError = "EMA01"
    /// A value is not acceptable (ValidationError).
    case validationError = "EMV01"
    /// A record does not exist, or not for this user (MissingError).
    case missingError = "EMM01"
    /// A login attempt on an account that is waiting after failed logins (`embudo.throttled_login`); the
    /// message says when to retry.
    case loginThrottled = "EMT01"
    /// The tenant context was asked for by a role other than `embudo_service`, or on a session whose login
    /// is a superuser or has BYPASSRLS (`embudo.enter_tenant`).
    case privilegedServiceSession = "EMR01"
}

extension PGError {
    /// The Embudo SQLSTATE the error carries, if it is one of them.
    public var embudoState: EmbudoSQLState? { sqlState.flatMap(EmbudoSQLState.init(rawValue:)) }
}
