import ArgumentParser
import EmbudoModel
import Foundation
import PGClient

/// `embudo company create NAME`, `embudo company list`, `embudo company disable|enable NAME`,
/// `embudo company set-domain`, `embudo company verify-domains`.
struct CompanyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "company",
        abstract: "Manage companies (tenants).",
        subcommands: [Create.self, List.self, Disable.self, Enable.self, SetDomain.self, VerifyDomains.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a company.")

        @Argument(help: "The company's name (unique, case-insensitive).")
        var name: String

        @Option(help: "The company's language, which names its default stages, team, lost reasons, activity types and payment terms, and chooses its currency (es_MX: MXN): es_MX, es_ES, es_419 or en_US.")
        var lang = "en_US"

        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("the name is empty") }
        }

        func run() async throws {
            let company = try database.withAdministration { administration in
                if try administration.company(named: name) != nil {
                    throw CommandError("a company named \(name) exists already")
                }
                do {
                    return try administration.createCompany(named: name.trimmingCharacters(in: .whitespaces), lang: lang)
                } catch let error as PGError where error.code == .foreignKeyViolation {
                    throw CommandError("unknown language \(lang): use es_MX, es_ES, es_419 or en_US")
                }
            }
            print("Created company \(company.name) (id \(company.id)).")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable a company: its users and BI logins lose access at once; its data stays."
        )
        @Argument(help: "The company's name.") var name: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try database.withAdministration { try $0.setCompanyActive(try $0.existingCompany(named: name).id, false) }
            print("Disabled company \(name).")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled company again.")
        @Argument(help: "The company's name.") var name: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try database.withAdministration { try $0.setCompanyActive(try $0.existingCompany(named: name).id, true) }
            print("Enabled company \(name).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the companies.")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let companies = try database.withAdministration { try $0.companies() }
            for company in companies {
                print("\(company.id)\t\(company.name)\(company.active ? "" : "\t(disabled)")")
            }
        }
    }
}

