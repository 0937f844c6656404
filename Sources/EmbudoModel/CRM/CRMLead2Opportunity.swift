import EmbudoDatabase
import PGClient

/// The conversion dialogs: `crm.lead2opportunity.partner` (one lead, converted alone or merged with its
/// duplicates, its customer created, linked or left out) and `crm.lead2opportunity.partner.mass` (many
/// leads, with salespersons assigned in turn). The rules are SQL (sql/modules/crm/conversion.sql).
public enum CRMLead2Opportunity {
    static let sharedFields = [
        FieldDescription("name", .selection, string: "Conversion Action", required: true, selection: [["convert", "Convert to opportunity"], ["merge", "Merge with existing opportunities"]]),
        FieldDescription("lead_id", .many2one, string: "Associated Lead", relation: "crm.lead"),
        FieldDescription("duplicated_lead_ids", .many2many, string: "Opportunities", relation: "crm.lead"),
        FieldDescription("partner_id", .many2one, string: "Customer", relation: "res.partner"),
        FieldDescription("user_id", .many2one, string: "Salesperson", relation: "res.users"),
        FieldDescription("team_id", .many2one, string: "Sales Team", relation: "crm.team"),
        FieldDescription("force_assignment", .boolean, string: "Force assignment"),
    ]
    static let customerActions = [["create", "Create a new customer"], ["exist", "Link to an existing customer"], ["nothing", "Do not link to a customer"]]

    public static let model = ModelDescription(
        wizard: "crm.lead2opportunity.partner",
        fields: sharedFields + [
            FieldDescription("action", .selection, string: "Related Customer", required: true, selection: customerActions),
        ],
        methods: [apply], defaults: defaults
    )

    public static let mass = ModelDescription(
        wizard: "crm.lead2opportunity.partner.mass",
        fields: sharedFields + [
            FieldDescription("action", .selection, string: "Related Customer", required: true,
                             selection: customerActions + [["each_exist_or_create", "Use existing partner or create"]]),
            FieldDescription("lead_tomerge_ids", .many2many, string: "Leads to Merge", relation: "crm.lead"),
            FieldDescription("user_ids", .many2many, string: "Salespersons", relation: "res.users"),
            FieldDescription("deduplicate", .boolean, string: "Apply deduplication"),
        ],
        methods: [TransientMethods.action("action_mass_convert", massApply), TransientMethods.action("action_apply", massApply)],
        defaults: massDefaults
    )

    /// One lead's conversion defaults: its duplicates, customer and team (`embudo.crm_convert_defaults`).
    static func defaults(_ call: MethodCall) async throws -> [String: JSONValue] {
        guard let lead = call.activeID else { return ["name": "convert", "action": "nothing", "force_assignment": true] }
        let query: PGQuery = "SELECT embudo.crm_convert_defaults(\(lead))::text"
        let text = try await call.database.single(query, as: call.tenant) { try $0[0].decode(String.self, at: 0) }
        guard case .object(var defaults) = try JSONValue(jsonText: text) else { return [:] }
        for (key, value) in defaults where value == .null { defaults[key] = false }
        return defaults
    }

    static func massDefaults(_ call: MethodCall) async throws -> [String: JSONValue] {
        let company = try call.currentCompany
        let query: PGQuery = "SELECT embudo.crm_default_team(\(company), \(call.tenant.userID), 'opportunity')"
        let team = try await call.database.single(query, as: call.tenant) { try $0[0].decode(Int?.self, at: 0) }
        let active = call.activeIDs
        return [
            "name": "convert", "action": "each_exist_or_create", "deduplicate": true, "force_assignment": false,
            "lead_tomerge_ids": .array(active.map(JSONValue.int)), "duplicated_lead_ids": .array(active.map(JSONValue.int)),
            "user_ids": [], "team_id": team.map(JSONValue.int) ?? false, "user_id": false, "partner_id": false,
            "lead_id": call.activeID.map(JSONValue.int) ?? false,
        ]
    }

    static let apply = TransientMethods.action("action_apply") { call, values in
        let merging = values["name"]?.stringValue == "merge"
        let leads = merging ? values.ids("duplicated_lead_ids") : (values.id("lead_id").map { [$0] } ?? values.activeIDs)
        guard !leads.isEmpty else { throw ModelError(.user, "No lead to convert.") }
        let action = values["action"]?.stringValue ?? "nothing"
        let force = values["force_assignment"]?.isTruthy ?? true
        let query = merging
            ? CRMLead.SQL.convertMerge(leads, action: action, partner: values.id("partner_id"), user: values.id("user_id"), team: values.id("team_id"), force: force)
            : CRMLead.SQL.convert(leads, action: action, partner: values.id("partner_id"), users: values.id("user_id").map { [$0] } ?? [],
                                  team: values.id("team_id"), force: force)
        let result = try await call.database.transaction(as: call.tenant) { try $0.query(query)[0].decode(Int.self, at: 0) }
        return .value(TransientMethods.openRecord("crm.lead", result))
    }

    @Sendable static func massApply(_ call: MethodCall, _ values: WizardValues) async throws -> CallResult {
        let leads = values.ids("lead_tomerge_ids").isEmpty ? values.activeIDs : values.ids("lead_tomerge_ids")
        guard !leads.isEmpty else { throw ModelError(.user, "No lead to convert.") }
        let query = CRMLead.SQL.massConvert(
            leads, action: values["action"]?.stringValue ?? "each_exist_or_create", partner: values.id("partner_id"), users: values.ids("user_ids"),
            team: values.id("team_id"), force: values["force_assignment"]?.isTruthy ?? false, deduplicate: values["deduplicate"]?.isTruthy ?? true
        )
        let result = try await call.database.transaction(as: call.tenant) { try $0.query(query)[0].decode(Int.self, at: 0) }
        return .value(TransientMethods.openRecord("crm.lead", result))
    }
}
