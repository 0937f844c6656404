import ArgumentParser
import EmbudoDatabase
import PGClient

/// `embudo migrate`: applies the bootstrap, pending migrations and changed definitions with the privileged
/// login.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create Embudo's roles, apply pending migrations and changed definitions (needs a superuser or the schema owner with CREATEROLE)."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let outcome = try database.withDatabase { endpoints in
            let connection = try PGConnection(conninfo: endpoints.adminConninfo)
            return try Migrator(directory: SQLDirectory.locate()).apply(connection)
        }
        if outcome.definitions.isEmpty {
            print("The database is up to date.")
        } else {
            print("Applied: " + (outcome.versions + ["the definitions (\(outcome.definitions.count) files of sql/modules)"]).joined(separator: ", "))
        }
    }
}
