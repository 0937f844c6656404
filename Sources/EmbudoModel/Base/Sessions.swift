import EmbudoDatabase
import PGClient

/// Web sessions, kept in PostgreSQL: a random token in an HttpOnly cookie, its SHA-256 in the table.
public struct Sessions: Sendable {
    let database: Database
    /// How long a session lives.
    public let lifetime: Duration

    public init(database: Database, lifetime: Duration = .seconds(7 * 24 * 3600)) {
        self.database = database
        self.lifetime = lifetime
    }

    /// Logs in with a password and starts a session; returns the new token and the user, or nil for wrong
    /// credentials. Each login gets a new token.
    public func start(login: String, password: String) async throws -> (token: String, user: AuthenticatedUser)? {
        let token = Self.newToken()
        let query = SQL.start(login: login, password: password, token: token, seconds: Int(lifetime.components.seconds))
        let user = try await database.withoutTenant(readOnly: false) { connection in
            try Authenticator.identity(try connection.query(query))
        }
        return user.map { (token, $0) }
    }

    /// The user of a live session, or nil.
    public func user(token: String) async throws -> AuthenticatedUser? {
        let query = SQL.identity(token: token)
        return try await database.withoutTenant { connection in try Authenticator.identity(try connection.query(query)) }
    }

    /// The companies the user belongs to, by id, with their names.
    public func companies(of user: AuthenticatedUser) async throws -> [Company] {
        guard !user.memberships.isEmpty else { return [] }
        return try await database.transaction(as: user.context(), readOnly: true) { connection in
            try connection.query(Administration.SQL.companies).map(Administration.company)
        }
    }

    /// Ends a session (nothing happens for an unknown token).
    public func end(token: String) async throws {
        let query = SQL.end(token: token)
        _ = try await database.withoutTenant(readOnly: false) { connection in try connection.query(query).count }
    }

    /// 32 random bytes, hex.
    static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hex.encode((0..<32).map { _ in generator.next() as UInt8 })
    }

    enum SQL {
        static func start(login: String, password: String, token: String, seconds: Int) -> PGQuery {
            "SELECT * FROM embudo.start_session(\(login), \(password), \(token), make_interval(secs => \(seconds)))"
        }
        static func identity(token: String) -> PGQuery { "SELECT * FROM embudo.session_identity(\(token))" }
        static func end(token: String) -> PGQuery { "SELECT embudo.end_session(\(token))" }
    }
}
