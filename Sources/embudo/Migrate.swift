import ArgumentParser
import EmbudoDatabase
import PGClient

/// `embudo migrate`: applies the bootstrap and pending migrations with the privileged login.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create Embudo's roles and apply pending migrations (needs a superuser or the schema owner with CREATEROLE)."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let applied = try database.withDatabase { endpoints in
            let connection = try PGConnection(conninfo: endpoints.adminConninfo)
            return try Migrator(directory: SQLDirectory.locate()).migrate(connection)
        }
        print(applied.isEmpty ? "The database is up to date." : "Applied: " + applied.joined(separator: ", "))
    }
}
