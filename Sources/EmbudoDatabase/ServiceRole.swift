import PGClient

/// Makes sure every pooled connection of the service runs as `embudo_service` on a login that is not
/// privileged, so that row-level security applies to every request.
///
/// The pool never switches roles: behind a transaction-mode pooler a session is shared by many clients,
/// and a privileged login's session that had `SET ROLE` away from itself would serve other requests with
/// its privileges one `RESET ROLE` away. The login must be `embudo_service` itself (or a login whose
/// default `role` setting is `embudo_service`) and neither a superuser, nor BYPASSRLS, nor a member of
/// `embudo_owner`; otherwise the server refuses to start and says why. `embudo.enter_tenant`, the first
/// statement of every request, checks the same again (SQLSTATE ``EmbudoSQLState/privilegedServiceSession``).
public enum ServiceRole {
    /// The service's role.
    public static let name = "embudo_service"

    /// Checks a freshly opened pool connection; use as ``PGPool/Configuration/connectionSetup``.
    ///
    /// - Throws: ``DatabaseSetupError`` saying why the login cannot serve (database not migrated, a login
    ///   other than `embudo_service`, a privileged login).
    public static func prepare(_ connection: PGConnection) throws {
        let rows = try connection.query(Statements.identity)
        guard rows.count == 1 else {
            throw DatabaseSetupError("the database has no role \(name): run `embudo migrate` first")
        }
        let (current, login, superuser, bypass, owner) = try rows[0].decode((String, String, Bool, Bool, Bool).self)
        if superuser || bypass || owner {
            let what = superuser ? "a superuser" : bypass ? "a role with BYPASSRLS" : "a member of embudo_owner"
            throw DatabaseSetupError(
                "the service's database login \(login) is \(what): row-level security would not bind it, and behind a "
                    + "transaction-mode pooler its session would serve other requests. The service refuses privileged "
                    + "logins: give it \(name)'s own login with --service-database-url (or EMBUDO_SERVICE_DATABASE_URL), "
                    + "e.g. postgresql://\(name):<password>@host/db, and keep the privileged login in --database-url for "
                    + "`embudo migrate` and the administration commands"
            )
        }
        guard current == name else {
            throw DatabaseSetupError(
                "the service's database login \(login) runs as \(current), not \(name): log in as \(name) "
                    + "(ALTER ROLE \(name) PASSWORD '…' with the privileged login), or ALTER ROLE \(login) SET role = \(name)"
            )
        }
        // From now on the pool drops the connection if it ever runs as a superuser again.
        connection.expectsUnprivilegedRole = true
    }

    enum Statements {
        /// The current role, the session's login, and whether the login (or the current role) is a
        /// superuser, has BYPASSRLS or may act as the owner.
        static let identity: PGQuery = """
            SELECT current_user::text, session_user::text,
                   s.rolsuper OR c.rolsuper, s.rolbypassrls OR c.rolbypassrls,
                   pg_has_role(session_user, 'embudo_owner', 'MEMBER') OR pg_has_role(current_user, 'embudo_owner', 'MEMBER')
            FROM pg_roles s, pg_roles c
            WHERE s.rolname = session_user AND c.rolname = current_user
              AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'embudo_service')
            """
    }
}
