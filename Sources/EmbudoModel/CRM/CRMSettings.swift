import EmbudoDatabase
import PGClient

/// `res.config.settings`, as far as the CRM has settings: whether the company works with leads before
/// opportunities (`group_use_lead`). Only the company's administrators may change it.
public enum CRMSettings {
    public static let model = ModelDescription(
        wizard: "res.config.settings",
        fields: [
            FieldDescription("group_use_lead", .boolean, string: "Leads"),
            FieldDescription("company_id", .many2one, string: "Company", relation: "res.company"),
        ],
        methods: [TransientMethods.action("execute", apply), TransientMethods.action("set_values", apply)],
        defaults: defaults
    )

    static func defaults(_ call: MethodCall) async throws -> [String: JSONValue] {
        let company = try call.currentCompany
        let query: PGQuery = "SELECT crm_use_leads FROM res_company WHERE id = \(company)"
        let useLeads = try await call.database.single(query, as: call.tenant) { try $0.count == 0 ? false : $0[0].decode(Bool.self, at: 0) }
        return ["group_use_lead": .bool(useLeads), "company_id": .int(company)]
    }

    @Sendable static func apply(_ call: MethodCall, _ values: WizardValues) async throws -> CallResult {
        let on = values["group_use_lead"]?.isTruthy ?? false
        let company = try call.currentCompany
        let query: PGQuery = "UPDATE res_company SET crm_use_leads = \(on), write_date = now() WHERE id = \(company)"
        try await call.database.transaction(as: call.tenant) { connection in
            guard try connection.query(query).affectedRows == 1 else {
                throw ModelError(.access, "Only administrators of the company can change its settings.")
            }
        }
        return .value(true)
    }
}
