import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import Foundation
import Testing

/// `docs/api-models.md`: every model of the API, module by module, with its methods and fields, as the
/// registry describes them. The file is generated (`EMBUDO_WRITE_API_DOC=1 swift test --filter
/// APIModelsDocTests`) and this test fails when it differs, so the document never drifts from the code.
struct APIModelsDocTests {
    static var path: String {
        URL(fileURLWithPath: TestCluster.sqlDirectory.path).deletingLastPathComponent().appendingPathComponent("docs/api-models.md").path
    }

    @Test func theDocumentMatchesTheRegistry() throws {
        let text = Self.render()
        if ProcessInfo.processInfo.environment["EMBUDO_WRITE_API_DOC"] == "1" {
            try text.write(toFile: Self.path, atomically: true, encoding: .utf8)
            return
        }
        let committed = (try? String(contentsOfFile: Self.path, encoding: .utf8)) ?? ""
        #expect(committed == text, "docs/api-models.md differs from the registry: run EMBUDO_WRITE_API_DOC=1 swift test --filter APIModelsDocTests")
    }

    static func render() -> String {
        let registry = ModelRegistry.standard
        var lines = [
            "# Embudo's API: models, methods and fields",
            "",
            "Generated from the model registry (`ModelRegistry.standard`); `APIModelsDocTests` fails when this file",
            "differs (`EMBUDO_WRITE_API_DOC=1 swift test --filter APIModelsDocTests` writes it). Names follow Odoo 17;",
            "the README's \"Odoo compatibility\" lists the deliberate differences.",
        ]
        for module in ModelRegistry.standardModules {
            lines += ["", "## Module `\(module.name)`"]
            for defined in module.models.sorted(by: { $0.name < $1.name }) {
                guard let model = registry.models[defined.name] else { continue }
                let kind = switch model.kind {
                case .stored: model.isReadOnly ? "read-only" : "stored"
                case .transient: "wizard"
                case .abstract: "abstract"
                }
                lines += ["", "### `\(model.name)` (\(kind)\(model.kind == .abstract ? "" : ", `\(model.table)`"))", ""]
                // A read-only model's writing methods are refused, left out; those PostgreSQL checks stay.
                let callable = model.methods.values.filter(model.accepts)
                let methods = callable.sorted { $0.name < $1.name }.map { method in
                    let parameters = method.signature.parameters + method.signature.keywords.map { "*\($0)" }
                    return "`\(method.name)(\(parameters.joined(separator: ", ")))`"
                }
                lines.append("Methods: " + methods.joined(separator: ", ") + ".")
                guard !model.fields.isEmpty else { continue }
                lines += ["", "| field | type | relation | label | |", "|---|---|---|---|---|"]
                for field in model.fields.values.sorted(by: { $0.name < $1.name }) {
                    var notes: [String] = []
                    if field.required { notes.append("required") }
                    if field.readonly || field.name == "id" { notes.append("read-only") }
                    if field.expression != nil { notes.append("computed") }
                    lines.append("| `\(field.name)` | \(field.type.rawValue) | \(field.relation.map { "`\($0)`" } ?? "") | \(field.string) | \(notes.joined(separator: ", ")) |")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
