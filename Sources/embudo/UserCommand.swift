import ArgumentParser
import EmbudoModel
import Foundation

/// `embudo user create --login L --password P --company NAME --access own|all|admin`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage users.",
        subcommands: [Create.self, APIKey.self]
    )

    /// `embudo user api-key create --login L --name N`.
    struct APIKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "api-key", abstract: "Manage API keys.", subcommands: [CreateKey.self])
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
                guard let user = try administration.user(login: userLogin) else { throw CommandError("there is no user \(userLogin)") }
                return try administration.createAPIKey(user: user, name: name)
            }
            print("API key \"\(name)\" for \(login) (shown only now):")
            print(key)
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
                guard let found = try administration.company(named: companyName) else {
                    throw CommandError("there is no company named \(companyName); create it with `embudo company create`")
                }
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
