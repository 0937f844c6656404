import Foundation

/// The list of definition modules in `modules/manifest.txt`: each module's name, the modules it depends
/// on, and its files in the order they run.
///
/// ```
/// # a comment
/// base:
///     helpers.sql
///     tenant_context.sql
/// crm: base
///     pipeline.sql
/// ```
struct DefinitionManifest: Equatable {
    /// One module: `sql/modules/<name>/`.
    struct Module: Equatable {
        var name: String
        var dependencies: [String]
        var files: [String]
    }

    /// The modules in the order listed.
    var modules: [Module]

    /// Reads the manifest's text; `source` names it in errors.
    init(parsing text: String, source: String) throws(DatabaseSetupError) {
        var modules: [Module] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.prefix { $0 != "#" }
            let content = line.trimmingCharacters(in: .whitespaces)
            if content.isEmpty { continue }
            let location = "\(source), line \(index + 1)"
            if line.first == " " || line.first == "\t" {
                guard !modules.isEmpty else { throw DatabaseSetupError("\(location): a file before any module") }
                guard content.hasSuffix(".sql"), !content.contains("/") else {
                    throw DatabaseSetupError("\(location): expected a file name ending in .sql, found \"\(content)\"")
                }
                modules[modules.count - 1].files.append(content)
            } else {
                let parts = content.split(separator: ":", maxSplits: 1)
                guard content.contains(":"), let name = parts.first.map({ $0.trimmingCharacters(in: .whitespaces) }), !name.isEmpty,
                      !name.contains(" ") else {
                    throw DatabaseSetupError("\(location): expected \"module: dependencies\", found \"\(content)\"")
                }
                let dependencies = parts.count > 1 ? parts[1].split(separator: " ").map(String.init) : []
                modules.append(Module(name: name, dependencies: dependencies, files: []))
            }
        }
        self.modules = modules
    }

    /// The modules in the order they run: each after the modules it depends on, otherwise as listed.
    ///
    /// - Throws: ``DatabaseSetupError`` for a module listed twice, a dependency that is not listed, or a
    ///   cycle.
    func ordered() throws(DatabaseSetupError) -> [Module] {
        var byName: [String: Module] = [:]
        for module in modules {
            guard byName.updateValue(module, forKey: module.name) == nil else {
                throw DatabaseSetupError("module \(module.name) is listed twice in the definitions' manifest")
            }
        }
        for module in modules {
            for dependency in module.dependencies where byName[dependency] == nil {
                throw DatabaseSetupError("module \(module.name) depends on \(dependency), which the definitions' manifest does not list")
            }
        }
        var ordered: [Module] = []
        var placed: Set<String> = []
        while ordered.count < modules.count {
            guard let next = modules.first(where: { !placed.contains($0.name) && $0.dependencies.allSatisfy(placed.contains) }) else {
                let left = modules.filter { !placed.contains($0.name) }.map(\.name)
                throw DatabaseSetupError("the definitions' modules depend on each other in a cycle: \(left.joined(separator: ", "))")
            }
            ordered.append(next)
            placed.insert(next.name)
        }
        return ordered
    }
}
