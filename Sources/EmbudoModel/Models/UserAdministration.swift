import EmbudoDatabase
import PGClient

/// `res.users` methods for company administrators: `create` invites a user into the current company
/// (`{login, name, email, password, access_level}`, level `own` by default), `set_access_level(ids,
/// level)` changes the level there (`false` removes the user from the company). PostgreSQL checks that
/// the caller administers the company.
extension ModelService {
    func userAdministration(_ method: String, arguments: Arguments, tenant: TenantContext) async throws -> CallResult? {
        guard let company = tenant.companyIDs.first else { return nil }
        switch method {
        case "create":
            guard case .object(let values)? = arguments.value(0, "vals_list", ["vals_list"]) else {
                throw ModelError.validation("Invite one user at a time: create expects a dictionary of values")
            }
            let known: Set<String> = ["login", "name", "email", "password", "access_level"]
            if let unknown = values.keys.first(where: { !known.contains($0) }) {
                throw ModelError.validation("Field \(unknown) cannot be set when inviting a user")
            }
            guard let login = values["login"]?.stringValue, !login.trimmingSpaces().isEmpty else {
                throw ModelError.validation("Field Login (login) is required")
            }
            let level = try Self.accessLevel(values["access_level"] ?? "own")
            guard let level else { throw ModelError.validation("Invited users need an access level") }
            let query = SQL.invite(
                company: company, login: login, name: values["name"]?.stringValue, email: values["email"]?.stringValue,
                password: values["password"]?.stringValue, level: level
            )
            return .value(.int(try await database.transaction(as: tenant) { try $0.query(query)[0].decode(Int.self, at: 0) }))
        case "set_access_level":
            let ids = try Arguments.ids(arguments.value(0, "ids", ["ids", "level"]))
            let level = try Self.accessLevel(arguments.value(1, "level", ["ids", "level"]) ?? .null)
            let queries = ids.map { SQL.setAccess(company: company, user: $0, level: level) }
            try await database.transaction(as: tenant) { connection in
                _ = try connection.pipeline(queries)
            }
            return .value(true)
        default:
            return nil
        }
    }

    /// `own`, `all`, `admin`, or nil for `false` (no access).
    static func accessLevel(_ value: JSONValue) throws(ModelError) -> AccessLevel? {
        if value == false || value == .null { return nil }
        guard let text = value.stringValue, let level = AccessLevel(rawValue: text) else {
            throw .validation("access_level must be own, all, admin or false")
        }
        return level
    }

    enum SQL {
        static func invite(company: Int, login: String, name: String?, email: String?, password: String?, level: AccessLevel) -> PGQuery {
            "SELECT embudo.invite_user(\(company), \(login), \(name), \(email), \(password), \(level.rawValue)::embudo.access_level)"
        }
        static func setAccess(company: Int, user: Int, level: AccessLevel?) -> PGQuery {
            "SELECT embudo.set_access_level(\(company), \(user), \(level?.rawValue)::embudo.access_level)"
        }
    }
}

extension String {
    /// The text without leading and trailing white space.
    public func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
