/// The SQLSTATEs that Embudo's own SQL raises on purpose, so that callers match errors by code, never by
/// message text.
public enum EmbudoSQLState {
    /// A login attempt on an account that is waiting after failed logins (`embudo.throttled_login`); the
    /// message, written for users, says when to retry.
    public static let loginThrottled = "EMT01"
    /// The tenant context was asked for by a role other than `embudo_service`, or on a session whose login
    /// is a superuser or has BYPASSRLS (`embudo.enter_tenant`).
    public static let privilegedServiceSession = "EMR01"
}
