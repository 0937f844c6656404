import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import Foundation
import Testing

/// `sql/modules/base/model_fields.sql`: the rows of `ir.model.fields` (and `ir.model`'s `transient` and
/// `info`), one per field of every model of the registry, so that clients introspect Embudo as they do
/// Odoo. The file is generated (`EMBUDO_WRITE_API_DOC=1 swift test --filter ModelFieldsCatalogTests`) and
/// this test fails when it differs from the registry.
struct ModelFieldsCatalogTests {
    static var path: String { TestCluster.sqlDirectory.path + "/modules/base/model_fields.sql" }

    @Test func theCatalogMatchesTheRegistry() throws {
        let text = Self.render()
        if ProcessInfo.processInfo.environment["EMBUDO_WRITE_API_DOC"] == "1" {
            try text.write(toFile: Self.path, atomically: true, encoding: .utf8)
            return
        }
        let committed = (try? String(contentsOfFile: Self.path, encoding: .utf8)) ?? ""
        #expect(committed == text, "sql/modules/base/model_fields.sql differs from the registry: run EMBUDO_WRITE_API_DOC=1 swift test --filter ModelFieldsCatalogTests")
    }

    static func literal(_ text: String?) -> String {
        guard let text else { return "NULL" }
        return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    static func render() -> String {
        let registry = ModelRegistry.standard
        let models = registry.models.values.filter { $0.kind != .abstract }.sorted { $0.name < $1.name }
        var lines = [
            "-- The rows of ir.model.fields, and ir.model's transient flag: every field of every model of the API, as",
            "-- the model registry describes it (Sources/EmbudoModel). Generated: do not edit (`EMBUDO_WRITE_API_DOC=1",
            "-- swift test --filter ModelFieldsCatalogTests` writes it; the test fails when it drifts). Global",
            "-- reference data, read by every member.",
            "",
            "GRANT SELECT ON ir_model_fields TO embudo_service;",
            "",
            "UPDATE ir_model m SET transient = w.transient",
            "FROM (VALUES",
        ]
        lines += models.enumerated().map { index, model in
            "    (\(literal(model.name)), \(model.kind == .transient))" + (index == models.count - 1 ? "" : ",")
        }
        lines += [
            ") w (model, transient)",
            "WHERE m.model = w.model AND m.transient IS DISTINCT FROM w.transient;",
            "",
            "WITH wanted (model, name, field_description, ttype, relation, relation_field, required, readonly, store) AS (VALUES",
        ]
        var rows: [String] = []
        for model in models {
            for field in model.fields.values.sorted(by: { $0.name < $1.name }) {
                let store = field.expression == nil
                rows.append("    (\(literal(model.name)), \(literal(field.name)), \(literal(field.string)), \(literal(field.type.rawValue)), "
                    + "\(literal(field.relation)), \(literal(field.inverseName)), \(field.required), \(field.readonly || field.name == "id"), \(store))")
            }
        }
        lines.append(rows.joined(separator: ",\n"))
        lines += [
            "),",
            "removed AS (",
            "    DELETE FROM ir_model_fields f WHERE NOT EXISTS (SELECT 1 FROM wanted w WHERE w.model = f.model AND w.name = f.name)",
            ")",
            "INSERT INTO ir_model_fields (model_id, model, name, field_description, ttype, relation, relation_field, required, readonly, store)",
            "SELECT m.id, w.model, w.name, w.field_description, w.ttype, w.relation, w.relation_field, w.required, w.readonly, w.store",
            "FROM wanted w JOIN ir_model m ON m.model = w.model",
            "ON CONFLICT (model, name) DO UPDATE SET model_id = EXCLUDED.model_id, field_description = EXCLUDED.field_description,",
            "    ttype = EXCLUDED.ttype, relation = EXCLUDED.relation, relation_field = EXCLUDED.relation_field, required = EXCLUDED.required,",
            "    readonly = EXCLUDED.readonly, store = EXCLUDED.store;",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
