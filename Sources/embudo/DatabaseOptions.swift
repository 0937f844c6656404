import ArgumentParser
import EmbeddedPostgres
import EmbudoDatabase
import EmbudoModel
import PGClient

/// How every command finds its database: `--database-url`, else `DATABASE_URL`, else libpq's `PG*`
/// variables, else the embedded cluster in `--embedded-directory` (default `./.embudo`, or `$EMBUDO_HOME`).
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "PostgreSQL connection URL or libpq connection string (default: $DATABASE_URL, then PG* variables, then the embedded cluster).")
    var databaseURL: String?

    @Option(name: .long, help: "Folder of the embedded PostgreSQL cluster, used when no database is configured (default: $EMBUDO_HOME or ./.embudo).")
    var embeddedDirectory: String?

    var location: DatabaseLocation {
        DatabaseLocation.resolve(databaseURL: databaseURL, embeddedDirectory: embeddedDirectory)
    }

    /// Makes the database reachable, runs `body` with its endpoints, and stops an embedded cluster that
    /// was started for this command.
    func withDatabase<T>(_ body: (DatabaseEndpoints) throws -> T) throws -> T {
        let endpoints = try DatabaseEndpoints.prepare(location)
        defer {
            if endpoints.startedCluster { try? endpoints.embedded?.stop() }
        }
        return try body(endpoints)
    }

    /// Runs `body` with the privileged connection of a migrated database. The embedded database is
    /// migrated on the way; a configured one must have been migrated with `embudo migrate`.
    func withAdministration<T>(_ body: (Administration) throws -> T) throws -> T {
        try withDatabase { endpoints in
            let connection = try PGConnection(conninfo: endpoints.adminConninfo)
            if endpoints.embedded != nil {
                try Migrator(directory: SQLDirectory.locate()).migrate(connection)
            }
            return try body(Administration(connection: connection))
        }
    }
}

/// Errors of the command line, printed as they are.
struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
