import EmbudoDatabase
import PGClient

/// The methods of quotations and orders (send, confirm, cancel, lock…), of optional products, and the
/// quotation actions of opportunities. The lifecycle's rules are SQL (sql/modules/sale/quotations.sql).
extension ModelService {
    /// Runs a sales method, or nil when `method` is not one.
    func saleCall(_ model: ModelDescription, _ method: String, arguments: Arguments, context: JSONValue, tenant: TenantContext) async throws -> CallResult? {
        switch (model.name, method) {
        case ("sale.order", _):
            guard let function = Self.orderActions[method] else { return nil }
            let ids = try Arguments.ids(arguments.value(0, "ids", ["ids"]))
            let query = SaleSQL.action(function, ids)
            try await database.transaction(as: tenant) { _ = try $0.query(query) }
            return .value(true)
        case ("sale.order.option", "button_add_to_order"):
            let ids = try Arguments.ids(arguments.value(0, "ids", ["ids"]))
            let queries = ids.map(SaleSQL.addOption)
            try await database.transaction(as: tenant) { connection in
                for query in queries { _ = try connection.query(query) }
            }
            return .value(true)
        case ("crm.lead", "action_new_quotation"), ("crm.lead", "action_sale_quotations_new"):
            let ids = try Arguments.ids(arguments.value(0, "ids", ["ids"]))
            let lead = ids[0]
            let partner = try await database.single(SaleSQL.leadPartner(lead), as: tenant) { rows in
                rows.count == 0 ? nil : try rows[0].decode(Int?.self, at: 0)
            }
            guard let partner else {
                guard method == "action_sale_quotations_new" else {
                    throw ModelError(.user, "The opportunity needs a customer before a quotation: use crm.quotation.partner.")
                }
                // No customer yet: the wizard that creates or links one comes first.
                return .value([
                    "type": "ir.actions.act_window", "res_model": "crm.quotation.partner", "view_mode": "form", "target": "new",
                    "views": [[false, "form"]], "context": ["active_id": .int(lead), "active_ids": [.int(lead)], "active_model": "crm.lead"],
                ])
            }
            return .value(try await newQuotationAction(lead: lead, partner: partner, tenant: tenant))
        default:
            return nil
        }
    }

    /// The act_window that opens a new quotation for an opportunity, with Odoo's context defaults.
    func newQuotationAction(lead: Int, partner: Int, tenant: TenantContext) async throws -> JSONValue {
        let text = try await database.single(SaleSQL.quotationDefaults(lead), as: tenant) { try $0[0].decode(String.self, at: 0) }
        guard case .object(var defaults) = try JSONValue(jsonText: text) else { throw Self.missing(CRMModels.lead) }
        defaults["default_partner_id"] = .int(partner)
        for (key, value) in defaults where value == .null { defaults[key] = false }
        return [
            "type": "ir.actions.act_window", "res_model": "sale.order", "view_mode": "form", "views": [[false, "form"]],
            "target": "current", "context": .object(defaults),
        ]
    }

    /// The order actions and the SQL function each runs.
    static let orderActions: [String: String] = [
        "action_quotation_sent": "embudo.sale_mark_sent", "action_quotation_send": "embudo.sale_send_quotation",
        "action_confirm": "embudo.sale_confirm", "action_cancel": "embudo.sale_cancel", "action_draft": "embudo.sale_draft",
        "action_done": "embudo.sale_lock", "action_lock": "embudo.sale_lock", "action_unlock": "embudo.sale_unlock",
        "action_revoke_portal_link": "embudo.portal_revoke",
    ]
}

/// The SQL of the sales methods.
enum SaleSQL {
    static func action(_ function: String, _ ids: [Int]) -> PGQuery {
        // `function` comes from ModelService.orderActions, never from the client.
        var sql = SQLBuilder()
        sql.append("SELECT \(function)(")
        sql.bind(PGArrayLiteral.join(ids.map(String.init)))
        sql.append("::int[])")
        return sql.query
    }
    static func addOption(_ id: Int) -> PGQuery { "SELECT embudo.sale_option_add(\(id))" }
    static func leadPartner(_ lead: Int) -> PGQuery { "SELECT partner_id FROM crm_lead WHERE id = \(lead)" }
    static func quotationDefaults(_ lead: Int) -> PGQuery {
        """
        SELECT jsonb_build_object('default_opportunity_id', l.id, 'default_team_id', l.team_id, 'default_campaign_id', l.campaign_id,
                                  'default_medium_id', l.medium_id, 'default_source_id', l.source_id, 'default_origin', l.name,
                                  'default_company_id', l.company_id,
                                  'default_tag_ids', jsonb_build_array(jsonb_build_array(6, 0,
                                      coalesce((SELECT jsonb_agg(r.tag_id ORDER BY r.tag_id) FROM crm_tag_rel r WHERE r.lead_id = l.id), '[]'))))::text
        FROM crm_lead l WHERE l.id = \(lead)
        """
    }
}
