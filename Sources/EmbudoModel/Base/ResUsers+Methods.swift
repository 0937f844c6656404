import EmbudoDatabase
import PGClient

/// `res.users` methods. Logins are identities shared by every company, so what a company may do with
/// them is narrow:
/// - `create` (company administrators) invites a login, which must be an e-mail address, into the
///   current company (`{login, name, access_level}`, level `own` by default) and answers the
///   invitation's id; no password can be given: a new login activates itself from a link sent to the
///   address, an existing one accepts after logging in (`res.users.invitation`);
/// - `set_access_level(ids, level)` changes a member's level there (`false` removes them);
/// - `write` on one's own record changes one's preferences (`name`, `lang`, `tz`, `signature`, and
///   `company_id`, the home company), `preference_save` acknowledges them as Odoo's preferences dialog
///   expects, `change_password(old_passwd, new_passwd)` changes one's password.
/// PostgreSQL checks each of them (sql: `embudo.invite_user`, `write_own_preferences`, …).
extension ResUsers {
    /// The fields a user may change on their own record (Odoo's `SELF_WRITEABLE_FIELDS`, without the
    /// e-mail address: it is the identity's, and mail is sent from it).
    static let selfWritableFields: Set<String> = ["name", "lang", "tz", "signature", "company_id"]

    static let invite = ModelMethod("create", ["vals_list"], writes: true) { call in
        let values = try invitationValues(call.arguments["vals_list"])
        let query = SQL.invite(company: try call.currentCompany, login: values.login, name: values.name, level: values.level)
        return .value(.int(try await call.database.transaction(as: call.tenant) { try $0.query(query)[0].decode(Int.self, at: 0) }))
    }

    static let setAccessLevel = ModelMethod("set_access_level", .records("level"), writes: true) { call in
        let ids = try call.arguments.ids()
        let level = try accessLevel(call.arguments["level"] ?? .null)
        let company = try call.currentCompany
        let queries = ids.map { SQL.setAccess(company: company, user: $0, level: level) }
        try await call.database.transaction(as: call.tenant) { connection in
            _ = try connection.pipeline(queries)
        }
        return .value(true)
    }

    static let writePreferences = ModelMethod("write", .records("vals"), writes: true, tenancy: .identity) { call in
        let ids = try call.arguments.ids()
        guard Set(ids) == [call.user.id] else {
            throw ModelError(.access, "You can only change your own preferences: a user's identity is shared by every company they work for.")
        }
        guard case .object(let values)? = call.arguments["vals"] else {
            throw ModelError.validation("write expects a dictionary of values")
        }
        if values["password"] != nil {
            throw ModelError(.access, "Change your password with change_password, giving the current one.")
        }
        if let field = values.keys.sorted().first(where: { !selfWritableFields.contains($0) }) {
            throw ModelError(.access, "You cannot change the field \(field) of users; you can change your own name, language, time zone, signature and home company.")
        }
        let query = SQL.writePreferences(JSONValue.object(values).jsonText)
        try await call.database.transaction(as: call.tenant) { _ = try $0.query(query) }
        return .value(true)
    }

    static let preferenceSave = ModelMethod("preference_save", .records(), tenancy: .identity) { _ in
        .value(["type": "ir.actions.client", "tag": "reload_context"])
    }

    static let changePassword = ModelMethod("change_password", ["old_passwd", "new_passwd"], writes: true, tenancy: .identity) { call in
        guard let old = call.arguments["old_passwd"]?.stringValue, let new = call.arguments["new_passwd"]?.stringValue else {
            throw ModelError.validation("change_password expects the old and the new password")
        }
        let query = SQL.changePassword(old: old, new: new)
        let changed = try await call.database.transaction(as: call.tenant) { try $0.query(query)[0].decode(Bool.self, at: 0) }
        // Refused after the transaction, which keeps the failed attempt's count.
        guard changed else { throw ModelError(.access, "The old password you provided is incorrect, your password was not changed.") }
        return .value(true)
    }

    /// The Odoo groups that Embudo's access levels stand for, with the least level that has each, in the
    /// current company (the request's first).
    static let groups: [String: AccessLevel] = [
        "base.group_user": .own, "sales_team.group_sale_salesman": .own,
        "sales_team.group_sale_salesman_all_leads": .all, "sales_team.group_sale_manager": .admin,
        "base.group_erp_manager": .admin, "base.group_system": .admin,
    ]

    /// `has_group(ids, group_ext_id)`: whether the user (the caller when `ids` is empty) has the group in
    /// the current company, as its access level maps to Odoo's groups; false for a group Embudo does not
    /// have. Odoo answers for one user: several ids are refused.
    static let hasGroup = ModelMethod("has_group", .records("group_ext_id")) { call in
        let ids = try call.arguments.given("ids").map(BoundArguments.ids) ?? []
        guard ids.count <= 1 else { throw ModelError.validation("has_group answers for one user at a time") }
        guard let group = call.arguments.string("group_ext_id"), group.split(separator: ".").count == 2 else {
            throw ModelError.validation("has_group expects an external id such as sales_team.group_sale_manager")
        }
        guard let least = groups[group], let company = call.tenant.companyIDs.first else { return .value(false) }
        // A colleague's membership is read as row-level security shows it (the caller's companies).
        let query: PGQuery = """
            SELECT m.access_level::text FROM res_company_member m WHERE m.company_id = \(company) AND m.user_id = \(ids.first ?? call.user.id)
            """
        let level = try await call.database.single(query, as: call.tenant, readOnly: true) { rows in
            rows.count == 0 ? nil : AccessLevel(rawValue: try rows[0].decode(String.self, at: 0))
        }
        return .value(.bool(level.map { $0 >= least } ?? false))
    }

    /// `context_get()`: the user's language and time zone, read now (the user may have changed their
    /// preferences since these credentials were verified).
    static let contextGet = ModelMethod("context_get", []) { call in
        let user = call.user
        let query: PGQuery = "SELECT lang, tz FROM res_users WHERE id = \(user.id)"
        let (lang, tz) = try await call.database.single(query, as: call.tenant) { rows in
            rows.count > 0 ? try rows[0].decode((String, String).self) : (user.lang, user.tz)
        }
        return .value(["lang": .string(lang), "tz": .string(tz), "uid": .int(user.id)])
    }

    /// The values of an invitation: the login (an e-mail address), a name, an access level.
    static func invitationValues(_ value: JSONValue?) throws(ModelError) -> (login: String, name: String?, level: AccessLevel) {
        guard case .object(let values)? = value else {
            throw ModelError.validation("Invite one user at a time: create expects a dictionary of values")
        }
        if values["password"] != nil {
            throw ModelError(.access, "Invited users choose their own password: they receive a link to activate their account.")
        }
        let known: Set<String> = ["login", "name", "email", "access_level"]
        if let unknown = values.keys.sorted().first(where: { !known.contains($0) }) {
            throw ModelError.validation("Field \(unknown) cannot be set when inviting a user")
        }
        guard let login = values["login"]?.stringValue, !login.trimmingSpaces().isEmpty else {
            throw ModelError.validation("Field Login (login) is required")
        }
        if let email = values["email"]?.stringValue, email.trimmingSpaces().lowercased() != login.trimmingSpaces().lowercased() {
            throw ModelError.validation("The login of an invited user is their e-mail address: give it as login only")
        }
        guard let level = try accessLevel(values["access_level"] ?? "own") else {
            throw ModelError.validation("Invited users need an access level")
        }
        return (login, values["name"]?.stringValue, level)
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
        static func invite(company: Int, login: String, name: String?, level: AccessLevel) -> PGQuery {
            "SELECT embudo.invite_user(\(company), \(login), \(name), \(level.rawValue)::embudo.access_level)"
        }
        static func setAccess(company: Int, user: Int, level: AccessLevel?) -> PGQuery {
            "SELECT embudo.set_access_level(\(company), \(user), \(level?.rawValue)::embudo.access_level)"
        }
        static func writePreferences(_ json: String) -> PGQuery {
            "SELECT embudo.write_own_preferences(\(json)::jsonb)"
        }
        static func changePassword(old: String, new: String) -> PGQuery {
            "SELECT embudo.change_own_password(\(old), \(new))"
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
