import ArgumentParser
import EmbudoModel
import Foundation

/// `embudo bi-role create --company X --login NAME [--password P]`, `embudo bi-role revoke --login NAME`:
/// PostgreSQL logins for BI tools (Metabase, Superset, psql) that read the `report` views of one company.
struct BIRoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bi-role",
        abstract: "Manage the PostgreSQL logins of BI tools.",
        subcommands: [Create.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a login that reads the report views of one company.",
            discussion: "The login reads the views of the `report` schema and nothing else; it sees its company's rows only, with at most --connections sessions at once. A generated password is printed on the last line when none is given."
        )

        @Option(help: "The company's name or id.") var company: String
        @Option(help: "The new PostgreSQL login.") var login: String
        @Option(help: "Its password (default: generated and printed).") var password: String?
        @Option(help: "The most sessions it may have open at once.") var connections = 2
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard login.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) != nil else {
                throw ValidationError("the login must be lower-case letters, digits and underscores, starting with a letter")
            }
            guard !login.hasPrefix("embudo_") else { throw ValidationError("logins starting with embudo_ are reserved") }
            guard (1...100).contains(connections) else { throw ValidationError("--connections must be between 1 and 100") }
        }

        func run() async throws {
            let secret = password ?? DemoData.randomPassword()
            let name = try database.withAdministration { administration -> String in
                let found = try administration.companies().first { String($0.id) == company || $0.name.lowercased() == company.lowercased() }
                guard let found else { throw CommandError("no company \(company)") }
                try administration.createBILogin(company: found.id, login: login, password: secret, connections: connections)
                return found.name
            }
            print("Created BI login \(login) for \(name): it reads the schema report (search_path report), at most \(connections) connection\(connections == 1 ? "" : "s") at once.")
            if password == nil { print(secret) }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Drop a BI login.")

        @Option(help: "The PostgreSQL login to drop.") var login: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try database.withAdministration { try $0.dropBILogin(login: login) }
            print("Dropped BI login \(login).")
        }
    }
}
