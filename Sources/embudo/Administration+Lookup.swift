import EmbudoModel

extension Administration {
    /// The company with this name (case-insensitive), or a ``CommandError`` saying there is none.
    func existingCompany(named name: String) throws -> Company {
        guard let company = try company(named: name) else {
            throw CommandError("there is no company named \(name); create it with `embudo company create`")
        }
        return company
    }

    /// The id of the user with this login, or a ``CommandError`` saying there is none.
    func existingUser(login: String) throws -> Int {
        guard let user = try user(login: login) else { throw CommandError("there is no user \(login)") }
        return user
    }
}
