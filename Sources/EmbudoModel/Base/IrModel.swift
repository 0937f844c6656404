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
        ]
    )

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
