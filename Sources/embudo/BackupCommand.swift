import ArgumentParser
import EmbeddedPostgres
import EmbudoDatabase
import Foundation

/// `embudo backup --output FILE` and `embudo restore --input FILE`: the whole database with `pg_dump` /
/// `pg_restore` (custom format), run with the privileged login, since row-level security would refuse a
/// dump by any other role. Progress goes to standard error, one line per object.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Dump the database to a file (pg_dump, custom format) with the privileged login."
    )

    @Option(help: "The file to write.") var output: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let file = URL(fileURLWithPath: output).path
        try database.withDatabase { endpoints in
            try Self.run("pg_dump", ["--format=custom", "--verbose", "--file", file, "--dbname", endpoints.adminConninfo])
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        print("Wrote \(file) (\(size / 1024) KiB). Restore it with: embudo restore --input \(file)")
    }

    /// Runs a PostgreSQL client program from the same installation as the server programs.
    static func run(_ program: String, _ arguments: [String]) throws {
        let binaries = (try? EmbeddedPostgres.locateBinaries()) ?? "/usr/bin"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binaries + "/" + program)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CommandError("\(program) failed (exit status \(process.terminationStatus))") }
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into the configured database, which must be empty (pg_restore, one transaction).",
        discussion: "The cluster's roles must exist (embudo migrate creates them on an empty database first). BI logins are cluster roles: create them again with embudo bi-role create on another cluster."
    )

    @Option(help: "The backup file.") var input: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let file = URL(fileURLWithPath: input).path
        guard FileManager.default.isReadableFile(atPath: file) else { throw CommandError("cannot read \(file)") }
        try database.withDatabase { endpoints in
            try BackupCommand.run("pg_restore", ["--single-transaction", "--exit-on-error", "--verbose", "--dbname", endpoints.adminConninfo, file])
        }
        print("Restored \(file).")
    }
}
