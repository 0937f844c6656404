import PGClient

/// Makes sure every pooled connection of the service runs as `embudo_service`: not a superuser, not
/// BYPASSRLS, not the schema owner, so that row-level security applies to every request.
///
/// A connection that logged in as another role (a superuser URL such as `postgres://postgres@…`, the
/// owner, or an operator's login granted `embudo_service`) switches to `embudo_service` for its whole
/// session before its first request. This is a once-per-connection switch on a connection the pool owns,
/// not request state; per-request context is always transaction-local (`set_config(…, true)`). Behind a
/// transaction-mode pgbouncer, log in as `embudo_service` directly instead.
public enum ServiceRole {
    /// The service's role.
    public static let name = "embudo_service"

    /// Prepares a freshly opened pool connection; use as ``PGPool/Configuration/connectionSetup``.
    ///
    /// - Throws: ``DatabaseSetupError`` saying why the login cannot serve (database not migrated, no right
    ///   to act as `embudo_service`, the role itself privileged).
    public static func prepare(_ connection: PGConnection) throws {
        let identity = try connection.query(Statements.identity)
        guard identity.count == 1 else {
            throw DatabaseSetupError("the database has no role \(name): run `embudo migrate` first")
        }
        let (user, canSwitch) = try identity[0].decode((String, Bool).self)
        if user != name {
            guard canSwitch else {
                throw DatabaseSetupError(
                    "the configured login \(user) may not act as \(name); log in as \(name), as a superuser, or GRANT \(name) TO \(user)"
                )
            }
            try connection.execute("SET SESSION ROLE embudo_service")
            // The role's own settings (bootstrap.sql: no JIT, no parallel plans, generic plans) apply at
            // login only: take them over for this session, whatever they are.
            _ = try connection.query(Statements.roleSettings)
        }
        let check = try connection.query(Statements.privileges)[0]
        let (current, superuser, bypass, owner) = try check.decode((String, Bool, Bool, Bool).self)
        guard current == name, !superuser, !bypass, !owner else {
            throw DatabaseSetupError(
                "the role \(name) is privileged (superuser, BYPASSRLS or a member of embudo_owner); "
                    + "row-level security would not apply, so the service refuses to use it"
            )
        }
        // From now on the pool drops the connection if it ever runs as a superuser again.
        connection.expectsUnprivilegedRole = true
    }

    enum Statements {
        static let identity: PGQuery = """
            SELECT current_user::text,
                   (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
                   OR pg_has_role(current_user, 'embudo_service', 'MEMBER')
            FROM pg_roles WHERE rolname = 'embudo_service'
            """
        /// The role's settings that a session may change itself (those an operator may have added that
        /// need a superuser stay as they are), the database-specific ones last.
        static let roleSettings: PGQuery = """
            SELECT set_config(p.name, substr(c.entry, strpos(c.entry, '=') + 1), false)
            FROM pg_db_role_setting s
            JOIN pg_roles r ON r.oid = s.setrole
            CROSS JOIN unnest(s.setconfig) c (entry)
            JOIN pg_settings p ON p.name = split_part(c.entry, '=', 1) AND p.context = 'user'
            WHERE r.rolname = 'embudo_service'
              AND s.setdatabase IN (0, (SELECT oid FROM pg_database WHERE datname = current_database()))
            ORDER BY s.setdatabase
            """
        static let privileges: PGQuery = """
            SELECT current_user::text, r.rolsuper, r.rolbypassrls, pg_has_role(current_user, 'embudo_owner', 'MEMBER')
            FROM pg_roles r WHERE r.rolname = current_user
            """
    }
}
