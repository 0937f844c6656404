import ArgumentParser
import EmbudoModel
import Foundation

/// `embudo user create --login L --password P --company NAME --access own|all|admin`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage users.",
        subcommands: [Create.self, Invite.self, Access.self, SetHome.self, ResetPassword.self, APIKey.self]
    )

    /// `embudo user api-key create --login L --name N`.
    struct APIKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "api-key", abstract: "Manage API keys.", subcommands: [CreateKey.self, ListKeys.self, RevokeKey.self]
        )
    }

    struct CreateKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create an API key for a user; it is printed once, on the last line, and usable wherever the password is."
        )

        @Option(help: "The user's login.") var login: String
        @Option(help: "What the key is for (shown in the key list).") var name: String

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let userLogin = login
            let key = try database.withAdministration { administration in
                let user = try administration.existingUser(login: userLogin)
                return try administration.createAPIKey(user: user, name: name)
            }
            print("API key \"\(name)\" for \(login) (shown only now):")
            print(key)
        }
    }

    struct ListKeys: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a user's API keys (names and dates; keys are never shown again).")
        @Option(help: "The user's login.") var login: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let userLogin = login
            let keys = try database.withAdministration { administration in
                let user = try administration.existingUser(login: userLogin)
                return try administration.apiKeys(user: user)
            }
            for key in keys { print("\(key.name)\t\(key.created)") }
        }
    }

    struct RevokeKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a user's API key by name; it stops working at once.")
        @Option(help: "The user's login.") var login: String
        @Option(help: "The key's name.") var name: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let userLogin = login
            let count = try database.withAdministration { administration in
                let user = try administration.existingUser(login: userLogin)
                return try administration.revokeAPIKey(user: user, name: name)
            }
            guard count > 0 else { throw CommandError("\(login) has no API key named \(name)") }
            print("Revoked \(count) API key(s) \"\(name)\" of \(login).")
        }
    }

    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Invite a user into a company with a generated password, printed on the last line (existing logins keep theirs)."
        )
        @Option(help: "The login.") var login: String
        @Option(help: "The company's name.") var company: String
        @Option(help: "Access level: own, all or admin.") var access: AccessLevel
        @Option(help: "The user's display name.") var name: String?
        @Option(help: "The user's e-mail address.") var email: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let password = DemoData.randomPassword()
            let userLogin = login, companyName = company
            let created = try database.withAdministration { administration in
                let target = try administration.existingCompany(named: companyName)
                let user = try administration.ensureUser(login: userLogin, password: password, name: name, email: email)
                try administration.grant(user: user.id, company: target.id, access: access)
                return user.created
            }
            print("\(login) has \(access.rawValue) access to \(company).")
            if created { print(password) }
        }
    }

    struct Access: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a user's access level in a company (none removes it).")
        @Option(help: "The login.") var login: String
        @Option(help: "The company's name.") var company: String
        @Option(help: "own, all, admin or none.") var access: String
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard access == "none" || AccessLevel(rawValue: access) != nil else { throw ValidationError("--access must be own, all, admin or none") }
        }

        func run() async throws {
            let userLogin = login, companyName = company, level = access
            try database.withAdministration { administration in
                let user = try administration.existingUser(login: userLogin)
                let target = try administration.existingCompany(named: companyName)
                if let accessLevel = AccessLevel(rawValue: level) {
                    try administration.grant(user: user, company: target.id, access: accessLevel)
                } else {
                    try administration.revoke(user: user, company: target.id)
                }
            }
            print("\(login): \(access) in \(company).")
        }
    }

    struct SetHome: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-home",
            abstract: "Set a user's home company: where their calls act when they name no company (it must be one of theirs)."
        )
        @Option(help: "The login.") var login: String
        @Option(help: "The company's name.") var company: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let userLogin = login, companyName = company
            try database.withAdministration { administration in
                let user = try administration.existingUser(login: userLogin)
                let target = try administration.existingCompany(named: companyName)
                guard try administration.memberships(user: user).contains(where: { $0.companyID == target.id }) else {
                    throw CommandError("\(userLogin) is not a member of \(companyName)")
                }
                try administration.setHomeCompany(user: user, company: target.id)
            }
            print("\(login) now works in \(company) by default.")
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password", abstract: "Set a new password (generated and printed on the last line when none is given)."
        )
        @Option(help: "The login.") var login: String
        @Option(help: "The new password (at least 8 characters).") var password: String?
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if let password, password.count < 8 { throw ValidationError("the password needs at least 8 characters") }
        }

        func run() async throws {
            let secret = password ?? DemoData.randomPassword()
            let userLogin = login
            try database.withAdministration { administration in
                let user = try administration.existingUser(login: userLogin)
                try administration.setPassword(user: user, password: secret)
            }
            print("New password set for \(login); its sessions and cached logins end now.")
            if password == nil { print(secret) }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a user with access to a company; for an existing login, add (or change) its access to that company."
        )

        @Option(help: "The login (unique, case-insensitive).") var login: String
        @Option(help: "The password (ignored when the login exists already).") var password: String
        @Option(help: "The company's name.") var company: String
        @Option(help: "Access level in that company: own (own documents), all (all documents) or admin.") var access: AccessLevel
        @Option(help: "The user's display name (default: the login).") var name: String?
        @Option(help: "The user's e-mail address.") var email: String?

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard !login.isEmpty, login == login.trimmingCharacters(in: .whitespaces) else {
                throw ValidationError("the login is empty or has surrounding spaces")
            }
            guard password.count >= 8 else { throw ValidationError("the password needs at least 8 characters") }
        }

        func run() async throws {
            let companyName = company
            let (user, created, found) = try database.withAdministration { administration in
                let found = try administration.existingCompany(named: companyName)
                let user = try administration.ensureUser(login: login, password: password, name: name, email: email)
                try administration.grant(user: user.id, company: found.id, access: access)
                return (user.id, user.created, found)
            }
            if created {
                print("Created user \(login) (id \(user)) with \(access.rawValue) access to \(found.name).")
            } else {
                print("User \(login) (id \(user)) now has \(access.rawValue) access to \(found.name); its password is unchanged.")
            }
        }
    }
}

extension AccessLevel: ExpressibleByArgument {}
