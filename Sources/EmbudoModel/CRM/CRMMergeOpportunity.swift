import EmbudoDatabase
import PGClient

/// `crm.merge.opportunity`: merges the chosen leads and opportunities into the first (sql/modules/crm/merge.sql).
public enum CRMMergeOpportunity {
    public static let model = ModelDescription(
        wizard: "crm.merge.opportunity",
        fields: [
            FieldDescription("opportunity_ids", .many2many, string: "Leads/Opportunities", relation: "crm.lead"),
            FieldDescription("user_id", .many2one, string: "Salesperson", relation: "res.users"),
            FieldDescription("team_id", .many2one, string: "Sales Team", relation: "crm.team"),
        ],
        methods: [merge], defaults: defaults
    )

    /// The context's records that are still open (won ones are not merged).
    static func defaults(_ call: MethodCall) async throws -> [String: JSONValue] {
        let query: PGQuery = """
            SELECT id FROM crm_lead WHERE company_id = ANY (\(call.tenant.companyIDs)::int[]) AND id = ANY (\(call.activeIDs)::int[])
              AND (probability IS NULL OR probability < 100) ORDER BY id
            """
        let open = try await call.database.single(query, as: call.tenant) { rows in try rows.map { try $0.decode(Int.self, at: 0) } }
        return ["opportunity_ids": .array(open.map(JSONValue.int)), "user_id": false, "team_id": false]
    }

    static let merge = TransientMethods.action("action_merge") { call, values in
        let query = CRMLead.SQL.merge(values.ids("opportunity_ids"), user: values.id("user_id"), team: values.id("team_id"))
        let head = try await call.database.transaction(as: call.tenant) { try $0.query(query)[0].decode(Int.self, at: 0) }
        return .value(TransientMethods.openRecord("crm.lead", head))
    }
}
