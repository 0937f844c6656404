import Foundation

/// The folder with Embudo's SQL: `bootstrap.sql` and `migrations/NNNN_name.sql`.
public struct SQLDirectory: Sendable {
    /// The folder's path.
    public let path: String

    /// Uses an explicit folder.
    public init(path: String) {
        self.path = path
    }

    /// Finds the folder: `$EMBUDO_SQL_DIR`, then `./sql`, then `sql/` in a parent of the running
    /// executable's folder (a build tree), then `/usr/share/embudo/sql` (an installed package).
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(DatabaseSetupError) -> SQLDirectory {
        var candidates: [String] = []
        if let configured = environment["EMBUDO_SQL_DIR"] { candidates.append(configured) }
        candidates.append(FileManager.default.currentDirectoryPath + "/sql")
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder.appendingPathComponent("sql").path)
            folder = folder.deletingLastPathComponent()
        }
        candidates.append("/usr/share/embudo/sql")
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate + "/bootstrap.sql") {
            return SQLDirectory(path: candidate)
        }
        throw DatabaseSetupError("Embudo's SQL files were not found (looked in \(candidates.joined(separator: ", "))); set EMBUDO_SQL_DIR")
    }

    /// The bootstrap script's text.
    public func bootstrap() throws(DatabaseSetupError) -> String {
        try read(path + "/bootstrap.sql")
    }

    /// The migrations, ordered by file name.
    public func migrations() throws(DatabaseSetupError) -> [Migration] {
        let folder = path + "/migrations"
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw DatabaseSetupError("cannot list \(folder): \(error)")
        }
        var migrations: [Migration] = []
        for name in names.sorted() where name.hasSuffix(".sql") {
            migrations.append(Migration(version: String(name.dropLast(4)), sql: try read(folder + "/" + name)))
        }
        return migrations
    }

    private func read(_ file: String) throws(DatabaseSetupError) -> String {
        do {
            return try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw DatabaseSetupError("cannot read \(file): \(error)")
        }
    }
}

/// One migration file.
public struct Migration: Sendable, Hashable {
    /// The file name without `.sql` (`0001_tenancy_core`); migrations apply in this order.
    public var version: String
    /// The file's SQL.
    public var sql: String

    public init(version: String, sql: String) {
        self.version = version
        self.sql = sql
    }
}

/// Why the database could not be located, created, migrated or used as the service.
public struct DatabaseSetupError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in words an operator can act on.
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
