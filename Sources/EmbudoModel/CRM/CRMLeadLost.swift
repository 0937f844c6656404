import EmbudoDatabase
import PGClient

/// `crm.lead.lost`: the "Mark Lost" dialog, applied to the context's `active_ids` with a reason.
public enum CRMLeadLost {
    public static let model = ModelDescription(
        wizard: "crm.lead.lost",
        fields: [FieldDescription("lost_reason_id", .many2one, string: "Lost Reason", relation: "crm.lost.reason")],
        methods: [apply], defaults: { _ in [:] }
    )

    static let apply = TransientMethods.action("action_lost_reason_apply") { call, values in
        guard !values.activeIDs.isEmpty else { throw ModelError(.user, "No lead to mark as lost: call the wizard with active_ids in the context.") }
        let query = CRMLead.SQL.setLost(values.activeIDs, reason: values.id("lost_reason_id"))
        try await call.database.transaction(as: call.tenant) { _ = try $0.query(query) }
        return .value(true)
    }
}
