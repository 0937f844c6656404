import Foundation

/// The folder with Embudo's SQL: `bootstrap.sql`, the history of what holds state in
/// `migrations/NNNN_name.sql`, and the definitions that hold none (functions, triggers, policies, views,
/// grants) in `modules/<module>/<concern>.sql`, listed by `modules/manifest.txt`.
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

    /// The placement of the tables on Citus (`distribution.sql`): run after the migrations and the
    /// definitions on a database with the citus extension.
    public func distribution() throws(DatabaseSetupError) -> String {
        try read(path + "/distribution.sql")
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

    /// The definition files of every module, in the order they run: modules after those they depend on
    /// (otherwise in the manifest's order), each module's files in the manifest's order.
    ///
    /// - Throws: ``DatabaseSetupError`` when the manifest is missing or malformed, or when a module's folder
    ///   and its listed files differ (a file not listed would silently never run).
    public func definitions() throws(DatabaseSetupError) -> [Definition] {
        let folder = path + "/modules"
        let manifest = try DefinitionManifest(parsing: read(folder + "/manifest.txt"), source: folder + "/manifest.txt")
        let modules = try manifest.ordered()
        var isFolder: ObjCBool = false
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
            FileManager.default.fileExists(atPath: folder + "/" + $0, isDirectory: &isFolder) && isFolder.boolValue
        }
        if let unlisted = Set(folders).subtracting(modules.map(\.name)).sorted().first {
            throw DatabaseSetupError("\(folder)/\(unlisted) is not a module of \(folder)/manifest.txt")
        }
        var definitions: [Definition] = []
        for module in modules {
            let moduleFolder = folder + "/" + module.name
            let present: Set<String>
            do {
                present = Set(try FileManager.default.contentsOfDirectory(atPath: moduleFolder).filter { $0.hasSuffix(".sql") })
            } catch {
                throw DatabaseSetupError("cannot list \(moduleFolder): \(error)")
            }
            let listed = Set(module.files)
            if let unlisted = present.subtracting(listed).sorted().first {
                throw DatabaseSetupError("\(moduleFolder)/\(unlisted) is not listed in \(folder)/manifest.txt")
            }
            for file in module.files {
                guard present.contains(file) else {
                    throw DatabaseSetupError("\(folder)/manifest.txt lists \(module.name)/\(file), which does not exist")
                }
                definitions.append(Definition(path: module.name + "/" + file, sql: try read(moduleFolder + "/" + file)))
            }
        }
        return definitions
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
    /// The file name without `.sql` (`0001_baseline`); migrations apply in this order.
    public var version: String
    /// The file's SQL.
    public var sql: String

    public init(version: String, sql: String) {
        self.version = version
        self.sql = sql
    }
}

/// One file of definitions.
public struct Definition: Sendable, Hashable {
    /// Its path under `modules/` (`crm/leads.sql`); the ledger `embudo.schema_definitions` records it.
    public var path: String
    /// The file's SQL.
    public var sql: String

    public init(path: String, sql: String) {
        self.path = path
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
