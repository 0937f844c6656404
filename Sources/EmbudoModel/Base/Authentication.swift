import EmbudoDatabase
import PGClient

/// A user who proved their password, with the companies they may act in.
public struct AuthenticatedUser: Sendable, Hashable {
    public var id: Int
    public var login: String
    public var name: String
    public var tz: String
    public var lang: String
    public var memberships: [Membership]
    /// The stamp of the credentials this user was verified with, when they may be cached.
    public var credentialStamp: String?

    public init(id: Int, login: String, name: String, tz: String, lang: String, memberships: [Membership], credentialStamp: String? = nil) {
        self.id = id
        self.login = login
        self.name = name
        self.tz = tz
        self.lang = lang
        self.memberships = memberships
        self.credentialStamp = credentialStamp
    }

    /// The context for acting in all the user's companies (or the given subset of them).
    public func context(companies: [Int]? = nil) -> TenantContext {
        let allowed = memberships.map(\.companyID)
        let chosen = companies.map { wanted in wanted.filter(allowed.contains) } ?? allowed
        return TenantContext(userID: id, companyIDs: chosen, credentialStamp: credentialStamp)
    }
}

/// Checks logins and passwords as the service, which cannot read password hashes: PostgreSQL compares
/// them (`embudo.authenticate`, bcrypt).
public struct Authenticator: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// The user with this login and password, or nil when either is wrong or the user is inactive.
    /// Throws SQLSTATE ``EmbudoSQLState/loginThrottled`` while the account waits after failed logins.
    public func authenticate(login: String, password: String) async throws -> AuthenticatedUser? {
        try await user(SQL.authenticate(login: login, password: password))
    }

    /// The user with this id and password (how Odoo's `object` service calls arrive), or nil. The user
    /// carries the stamp of these credentials, so that a cached verification can be re-checked cheaply.
    public func authenticate(userID: Int, password: String) async throws -> AuthenticatedUser? {
        try await user(SQL.authenticate(userID: userID, password: password))
    }

    /// The user of an API key (the JSON-2 API's bearer token), or nil.
    public func authenticate(apiKey: String) async throws -> AuthenticatedUser? {
        try await user(SQL.authenticate(apiKey: apiKey))
    }

    /// The current stamp of a user's credentials (it changes with the password, keys, memberships and
    /// their companies' state), read without a password check; nil for an unknown user.
    public func credentialStamp(userID: Int) async throws -> String? {
        try await database.withoutTenant { connection in
            let rows = try connection.query(SQL.credentialStamp(userID: userID))
            return rows.count > 0 ? try rows[0].decode(String?.self, at: 0) : nil
        }
    }

    /// Runs an authentication function; read-write, since it counts failed attempts per account (and
    /// throws a ``PGError`` with SQLSTATE ``EmbudoSQLState/loginThrottled`` while the account waits).
    private func user(_ query: PGQuery) async throws -> AuthenticatedUser? {
        try await database.withoutTenant(readOnly: false) { connection in try Self.identity(try connection.query(query)) }
    }

    /// The user in a row of `embudo.identity`'s shape, or nil for no row.
    static func identity(_ rows: PGResult) throws -> AuthenticatedUser? {
        guard rows.count > 0 else { return nil }
        let row = rows[0]
        let memberships = zip(try row.decode([Int].self, at: 5), try row.decode([String].self, at: 6)).map {
            Membership(companyID: $0, access: AccessLevel(rawValue: $1) ?? .own)
        }
        return AuthenticatedUser(
            id: try row.decode(Int.self, at: 0), login: try row.decode(String.self, at: 1), name: try row.decode(String.self, at: 2),
            tz: try row.decode(String.self, at: 3), lang: try row.decode(String.self, at: 4), memberships: memberships,
            credentialStamp: row.result.columnCount > 7 ? try row.decode(String?.self, at: 7) : nil
        )
    }

    enum SQL {
        static func authenticate(login: String, password: String) -> PGQuery {
            "SELECT * FROM embudo.authenticate(\(login), \(password))"
        }
        static func authenticate(apiKey: String) -> PGQuery {
            "SELECT * FROM embudo.authenticate_key(\(apiKey))"
        }
        static func credentialStamp(userID: Int) -> PGQuery {
            "SELECT embudo.credential_stamp(\(userID))"
        }
        static func authenticate(userID: Int, password: String) -> PGQuery {
            "SELECT i.*, embudo.credential_stamp(i.id) FROM embudo.authenticate_id(\(userID), \(password)) i"
        }
    }
}
