import EmbudoDatabase
import PGClient

/// `crm.quotation.partner`: before the first quotation of an opportunity without a customer, create the
/// customer from the opportunity or link an existing one (sql/modules/sale/quotations.sql).
public enum CRMQuotationPartner {
    public static let model = ModelDescription(
        wizard: "crm.quotation.partner",
        fields: [
            FieldDescription("action", .selection, string: "Quotation Customer", required: true,
                             selection: [["create", "Create a new customer"], ["exist", "Link to an existing customer"], ["nothing", "Do not link to a customer"]]),
            FieldDescription("lead_id", .many2one, string: "Associated Lead", relation: "crm.lead"),
            FieldDescription("partner_id", .many2one, string: "Customer", relation: "res.partner"),
        ],
        methods: [apply], defaults: defaults
    )

    static func defaults(_ call: MethodCall) async throws -> [String: JSONValue] {
        guard let lead = call.activeID else { return ["action": "create"] }
        let query: PGQuery = "SELECT embudo.crm_quotation_partner_defaults(\(lead))::text"
        let text = try await call.database.single(query, as: call.tenant) { try $0[0].decode(String.self, at: 0) }
        guard case .object(var defaults) = try JSONValue(jsonText: text) else { return [:] }
        for (key, value) in defaults where value == .null { defaults[key] = false }
        return defaults
    }

    static let apply = TransientMethods.action("action_apply") { call, values in
        guard let lead = values.id("lead_id") ?? values.activeIDs.first else { throw ModelError(.user, "No opportunity to quote.") }
        let action = values["action"]?.stringValue ?? "create"
        let query: PGQuery = "SELECT embudo.crm_quotation_partner_apply(\(lead), \(action), \(values.id("partner_id"))::int)"
        let partner = try await call.database.transaction(as: call.tenant) { try $0.query(query)[0].decode(Int?.self, at: 0) }
        guard let partner else { throw ModelError(.user, "A quotation needs a customer: create or link one.") }
        return .value(try await CRMLeadQuotations.newQuotationAction(lead: lead, partner: partner, call: call))
    }
}
