import EmbudoDatabase
import PGClient

/// `ir.model` (the models, as the `ir_model` table lists them) and `ir.model.data` (external ids: a
/// company's own default records, such as its stages, and global ones).
public enum IrModel {
    public static let model = ModelDescription(
        name: "ir.model", table: "ir_model", order: "model", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("model", .char, string: "Model", required: true, readonly: true),
            FieldDescription("name", .char, string: "Model Description", required: true, readonly: true),
            FieldDescription("transient", .boolean, string: "Transient Model", readonly: true),
            FieldDescription("state", .selection, string: "Type", readonly: true, selection: [["manual", "Custom Object"], ["base", "Base Object"]]),
            FieldDescription("info", .text, string: "Information", readonly: true),
            FieldDescription("field_id", .one2many, string: "Fields", readonly: true, relation: "ir.model.fields", inverseName: "model_id"),
        ],
        methods: [availableModels]
    )

    /// `ir.model.fields`: every field of every model (sql/modules/base/model_fields.sql, generated from the
    /// registry), searchable as Odoo's.
    public static let fields = ModelDescription(
        name: "ir.model.fields", table: "ir_model_fields", order: "model, name", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Field Name", required: true, readonly: true),
            FieldDescription("field_description", .char, string: "Field Label", required: true, readonly: true),
            FieldDescription("model", .char, string: "Model Name", required: true, readonly: true),
            FieldDescription("model_id", .many2one, string: "Model", required: true, readonly: true, relation: "ir.model"),
            FieldDescription("ttype", .selection, string: "Field Type", required: true, readonly: true,
                             selection: ["boolean", "char", "date", "datetime", "float", "html", "integer", "many2many", "many2one", "monetary",
                                         "one2many", "selection", "text"].map { [$0, $0] }),
            FieldDescription("relation", .char, string: "Related Model", readonly: true),
            FieldDescription("relation_field", .char, string: "Relation Field", readonly: true),
            FieldDescription("required", .boolean, string: "Required", readonly: true),
            FieldDescription("readonly", .boolean, string: "Readonly", readonly: true),
            FieldDescription("store", .boolean, string: "Stored", readonly: true),
            FieldDescription("state", .selection, string: "Type", readonly: true, selection: [["manual", "Custom Field"], ["base", "Base Field"]]),
        ]
    )

    /// `get_available_models()`: every model of the API, `[{model, display_name}]` (Odoo 17's model
    /// selector).
    static let availableModels = ModelMethod("get_available_models", []) { call in
        let rows = try await call.database.single("SELECT model, name FROM ir_model ORDER BY name, model", as: call.tenant) { rows in
            try rows.map { try $0.decode((String, String).self) }
        }
        return .value(.array(rows.map { ["model": .string($0.0), "display_name": .string($0.1)] }))
    }

    public static let data = ModelDescription(
        name: "ir.model.data", table: "ir_model_data", recordName: "name", order: "module, name", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("module", .char, string: "Module", required: true),
            FieldDescription("name", .char, string: "External Identifier", required: true),
            FieldDescription("model", .char, string: "Model Name", required: true),
            FieldDescription("res_id", .integer, string: "Record ID"),
        ],
        methods: [checkObjectReference, xmlidToResModelResID]
    )

    static let checkObjectReference = objectReference("check_object_reference")
    static let xmlidToResModelResID = objectReference("xmlid_to_res_model_res_id")

    /// `(module, xml_id, raise_on_access_error)` → `[model, res_id]`: the current company's own record
    /// before a global one (a record the caller may not read is not found either way).
    static func objectReference(_ name: String) -> ModelMethod {
        ModelMethod(name, ["module", "xml_id", "raise_on_access_error"]) { call in
            guard let module = call.arguments.string("module"), let xmlID = call.arguments.string("xml_id") else {
                throw ModelError.validation("\(name) expects a module and an external id")
            }
            let company = try call.currentCompany
            // ir_model_data is global (shared rows have no company; a reference table on a distributed
            // PostgreSQL): its key (module, name, company_id) serves this lookup, and its fence shows the
            // request's companies' rows and the shared ones, the current company's preferred.
            let query: PGQuery = """
                SELECT model, res_id FROM ir_model_data WHERE module = \(module) AND name = \(xmlID)
                ORDER BY CASE WHEN company_id = \(company)::int THEN 0 WHEN company_id IS NULL THEN 1 ELSE 2 END LIMIT 1
                """
            let found = try await call.database.transaction(as: call.tenant, readOnly: true) { connection in
                try connection.query(query).map { try $0.decode((String, Int).self) }.first
            }
            guard let (model, id) = found else { throw ModelError(.user, "External ID not found in the system: \(module).\(xmlID)") }
            return .value([.string(model), .int(id)])
        }
    }
}
