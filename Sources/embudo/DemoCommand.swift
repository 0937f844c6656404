import ArgumentParser
import EmbudoModel
import Foundation

/// `embudo demo --companies N --leads-per-company M`: realistic data at scale for reports and benchmarks.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate demo companies with two years of pipeline (needs a superuser login).",
        discussion: "Each company gets salespeople, customers, products, leads and opportunities (won, lost, open), activities and quotations."
    )

    @Option(help: "How many companies.") var companies = 10
    @Option(help: "Leads and opportunities per company.") var leadsPerCompany = 1000
    @Option(help: "The companies' language (es_MX: Spanish names, Mexican customers, pesos; es_ES, es_419, en_US).") var lang = "en_US"
    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard (1...10_000).contains(companies) else { throw ValidationError("--companies must be between 1 and 10000") }
        guard (1...1_000_000).contains(leadsPerCompany) else { throw ValidationError("--leads-per-company must be between 1 and 1000000") }
    }

    func run() async throws {
        let started = Date()
        try database.withAdministration { administration in
            try administration.generateDemo(companies: companies, leadsPerCompany: leadsPerCompany, lang: lang) { done in
                let width = 30
                let filled = width * done / companies
                let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
                FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(companies) companies".utf8))
            }
        }
        FileHandle.standardError.write(Data("\n".utf8))
        print("Generated \(companies) companies × \(leadsPerCompany) leads in \(String(format: "%.1f", Date().timeIntervalSince(started))) s.")
    }
}
