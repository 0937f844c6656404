import PGClient

/// Creates companies, users, memberships and BI logins, through the privileged login.
///
/// The service role cannot do any of this (it may not create roles nor insert companies); the `embudo`
/// command runs these with the login that migrates.
public struct Administration {
    let connection: PGConnection

    /// Administers the database behind a privileged connection.
    public init(connection: PGConnection) {
        self.connection = connection
    }

    /// Creates a company and its BI group role. Its language (`es_MX`, `es_ES`, `es_419`, `en_US`) names
    /// the records Embudo creates for it (stages, team, lost reasons, activity types, pricelist, payment
    /// terms) and chooses its currency (MXN for es_MX, EUR for es_ES).
    ///
    /// - Throws: ``PGError`` with ``PGError/Code/uniqueViolation`` when a company has that name, and
    ///   ``PGError/Code/foreignKeyViolation`` for a language Embudo does not know.
    public func createCompany(named name: String, lang: String = "en_US") throws -> Company {
        let id = try connection.transaction { try $0.query(SQL.createCompany(name, lang: lang))[0].decode(Int.self, at: 0) }
        return Company(id: id, name: name, active: true)
    }

    /// The company with this name (case-insensitive), if any.
    public func company(named name: String) throws -> Company? {
        try connection.query(SQL.companyByName(name)).map(Self.company).first
    }

    /// Every company, by id.
    public func companies() throws -> [Company] {
        try connection.query(SQL.companies).map(Self.company)
    }

    /// Creates a user, or finds the existing one with this login (whose password is then left as it is).
    ///
    /// - Returns: the user's id and whether the user was created now.
    public func ensureUser(login: String, password: String, name: String? = nil, email: String? = nil) throws -> (id: Int, created: Bool) {
        try connection.transaction { connection in
            if let existing = try connection.query(SQL.userByLogin(login)).map({ try $0.decode(Int.self, at: 0) }).first {
                return (existing, false)
            }
            let id = try connection.query(SQL.createUser(login: login, name: name ?? login, email: email))[0].decode(Int.self, at: 0)
            try connection.query(SQL.setPassword(user: id, password: password))
            return (id, true)
        }
    }

    /// Gives a user access to a company at a level (replacing the level it had there); it becomes the
    /// user's home company if they had none.
    public func grant(user: Int, company: Int, access: AccessLevel) throws {
        try connection.transaction { connection in
            try connection.query(SQL.grant(user: user, company: company, access: access))
            try connection.query(SQL.homeIfNone(user: user, company: company))
        }
    }

    /// Sets a user's home company, where their calls act when they name no company.
    ///
    /// - Throws: ``PGError`` with ``PGError/Code/foreignKeyViolation`` when the user is not a member.
    public func setHomeCompany(user: Int, company: Int) throws {
        _ = try connection.transaction { try $0.query(SQL.setHome(user: user, company: company)) }
    }

    /// A user's memberships.
    public func memberships(user: Int) throws -> [Membership] {
        try connection.query(SQL.memberships(user: user)).map(Self.membership)
    }

    /// Creates a PostgreSQL login for BI tools that reads only this company's rows.
    public func createBILogin(company: Int, login: String, password: String, connections: Int = 2) throws {
        _ = try connection.transaction { try $0.query(SQL.createBILogin(company: company, login: login, password: password, connections: connections)) }
    }

    /// Creates an API key for a user and returns it; it cannot be read again.
    /// Disables (or enables again) a company: its members and BI logins lose access; nothing is deleted.
    public func setCompanyActive(_ company: Int, _ active: Bool) throws {
        _ = try connection.transaction { try $0.query(SQL.setCompanyActive(company, active)) }
    }

    /// Removes a user's access to a company: their documents, teams and meetings there become
    /// nobody's (`embudo.remove_member`).
    public func revoke(user: Int, company: Int) throws {
        _ = try connection.transaction { try $0.query(SQL.revoke(user: user, company: company)) }
    }

    /// Sets a user's password and ends their web sessions (cached stateless logins end with the
    /// credential stamp).
    public func setPassword(user: Int, password: String) throws {
        try connection.transaction { connection in
            try connection.query(SQL.setPassword(user: user, password: password))
            try connection.query(SQL.endSessions(user: user))
        }
    }

    /// A user's API keys: (name, creation date as text).
    public func apiKeys(user: Int) throws -> [(name: String, created: String)] {
        try connection.query(SQL.apiKeys(user: user)).map { try $0.decode((String, String).self) }
    }

    /// Deletes a user's API keys of that name; returns how many.
    public func revokeAPIKey(user: Int, name: String) throws -> Int {
        try connection.transaction { try $0.query(SQL.revokeAPIKey(user: user, name: name))[0].decode(Int.self, at: 0) }
    }

    /// Sets a system parameter (Odoo's `ir.config_parameter`, e.g. `web.base.url` for links in e-mails).
    public func setParameter(_ key: String, to value: String) throws {
        _ = try connection.transaction { try $0.query(SQL.setParameter(key, value)) }
    }

    /// Drops a BI login created by ``createBILogin(company:login:password:connections:)``.
    public func dropBILogin(login: String) throws {
        _ = try connection.transaction { try $0.query(SQL.dropBILogin(login)) }
    }

    public func createAPIKey(user: Int, name: String) throws -> String {
        try connection.transaction { try $0.query(SQL.createAPIKey(user: user, name: name))[0].decode(String.self, at: 0) }
    }

    /// The id of the user with this login, if any.
    public func user(login: String) throws -> Int? {
        try connection.query(SQL.userByLogin(login)).map { try $0.decode(Int.self, at: 0) }.first
    }

    static func company(_ row: PGRow) throws -> Company {
        let (id, name, active) = try row.decode((Int, String, Bool).self)
        return Company(id: id, name: name, active: active)
    }

    static func membership(_ row: PGRow) throws -> Membership {
        let (company, access) = try row.decode((Int, String).self)
        return Membership(companyID: company, access: AccessLevel(rawValue: access) ?? .own)
    }

    enum SQL {
        static func createCompany(_ name: String, lang: String = "en_US") -> PGQuery { "SELECT embudo.create_company(\(name), \(lang))" }
        static let companies: PGQuery = "SELECT id, name, active FROM res_company ORDER BY id"
        static func companyByName(_ name: String) -> PGQuery {
            "SELECT id, name, active FROM res_company WHERE lower(name) = lower(\(name))"
        }
        static func userByLogin(_ login: String) -> PGQuery { "SELECT id FROM res_users WHERE lower(login) = lower(\(login))" }
        static func createUser(login: String, name: String, email: String?) -> PGQuery {
            "INSERT INTO res_users (login, name, email) VALUES (\(login), \(name), \(email)) RETURNING id"
        }
        static func setPassword(user: Int, password: String) -> PGQuery { "SELECT embudo.set_password(\(user), \(password))" }
        static func grant(user: Int, company: Int, access: AccessLevel) -> PGQuery {
            "SELECT embudo.grant_member(\(company), \(user), \(access.rawValue)::embudo.access_level)"
        }
        static func memberships(user: Int) -> PGQuery {
            "SELECT company_id, access_level::text FROM res_company_member WHERE user_id = \(user) ORDER BY company_id"
        }
        static func createAPIKey(user: Int, name: String) -> PGQuery {
            "SELECT embudo.create_api_key(\(user), \(name))"
        }
        static func setCompanyActive(_ company: Int, _ active: Bool) -> PGQuery { "SELECT embudo.set_company_active(\(company), \(active))" }
        static func homeIfNone(user: Int, company: Int) -> PGQuery {
            "UPDATE res_users SET company_id = \(company) WHERE id = \(user) AND company_id IS NULL"
        }
        static func setHome(user: Int, company: Int) -> PGQuery { "SELECT embudo.set_home_company(\(user), \(company))" }
        static func revoke(user: Int, company: Int) -> PGQuery {
            "SELECT embudo.remove_member(\(company), \(user))"
        }
        static func endSessions(user: Int) -> PGQuery { "DELETE FROM embudo.http_session WHERE user_id = \(user)" }
        static func apiKeys(user: Int) -> PGQuery {
            "SELECT name, to_char(create_date, 'YYYY-MM-DD HH24:MI') FROM embudo.user_api_key WHERE user_id = \(user) ORDER BY id"
        }
        static func revokeAPIKey(user: Int, name: String) -> PGQuery { "SELECT embudo.revoke_api_key(\(user), \(name))" }
        static func setParameter(_ key: String, _ value: String) -> PGQuery {
            "INSERT INTO ir_config_parameter (key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        }
        static func dropBILogin(_ login: String) -> PGQuery { "SELECT embudo.drop_bi_login(\(login))" }
        static func createBILogin(company: Int, login: String, password: String, connections: Int) -> PGQuery {
            "SELECT embudo.create_bi_login(\(company), \(login), \(password), \(connections)::int)"
        }
    }
}
