import EmbudoDatabase
import PGClient

/// What the sale module adds to opportunities (Odoo's `sale_crm`): their quotations and orders, and the
/// "New Quotation" action.
enum CRMLeadQuotations {
    /// The sales fields of leads (sale_crm): their orders, counts and confirmed amount (the lead's orders
    /// are its company's: looked up by the lead's company and id).
    static let fields: [FieldDescription] = [
        FieldDescription("order_ids", .one2many, string: "Orders", relation: "sale.order", inverseName: "opportunity_id"),
        .computed("quotation_count", .integer, string: "Number of Quotations",
                  "SELECT count(*) FROM sale_order o WHERE o.company_id = $.company_id AND o.opportunity_id = $.id AND o.state IN ('draft', 'sent')"),
        .computed("sale_order_count", .integer, string: "Number of Sale Orders",
                  "SELECT count(*) FROM sale_order o WHERE o.company_id = $.company_id AND o.opportunity_id = $.id "
                      + "AND o.state NOT IN ('draft', 'sent', 'cancel')"),
        .computed("sale_amount_total", .monetary, string: "Sum of Orders",
                  "SELECT coalesce(sum(o.amount_untaxed), 0) FROM sale_order o WHERE o.company_id = $.company_id AND o.opportunity_id = $.id "
                      + "AND o.state NOT IN ('draft', 'sent', 'cancel')"),
    ]

    static let newQuotation = quotationAction("action_new_quotation")
    /// The web client's button: when the opportunity has no customer yet, the dialog that creates or
    /// links one comes first.
    static let quotationsNew = quotationAction("action_sale_quotations_new")

    static func quotationAction(_ name: String) -> ModelMethod {
        ModelMethod(name, .records()) { call in
            let lead = try call.arguments.record()
            let query: PGQuery = "SELECT partner_id FROM crm_lead WHERE company_id = ANY (\(call.tenant.companyIDs)::int[]) AND id = \(lead)"
            let partner = try await call.database.single(query, as: call.tenant) { rows in
                rows.count == 0 ? nil : try rows[0].decode(Int?.self, at: 0)
            }
            guard let partner else {
                guard name == "action_sale_quotations_new" else {
                    throw ModelError(.user, "The opportunity needs a customer before a quotation: use crm.quotation.partner.")
                }
                return .value([
                    "type": "ir.actions.act_window", "res_model": "crm.quotation.partner", "view_mode": "form", "target": "new",
                    "views": [[false, "form"]], "context": ["active_id": .int(lead), "active_ids": [.int(lead)], "active_model": "crm.lead"],
                ])
            }
            return .value(try await newQuotationAction(lead: lead, partner: partner, call: call))
        }
    }

    /// The act_window that opens a new quotation for an opportunity, with Odoo's context defaults.
    static func newQuotationAction(lead: Int, partner: Int, call: MethodCall) async throws -> JSONValue {
        let query: PGQuery = """
            SELECT jsonb_build_object('default_opportunity_id', l.id, 'default_team_id', l.team_id, 'default_campaign_id', l.campaign_id,
                                      'default_medium_id', l.medium_id, 'default_source_id', l.source_id, 'default_origin', l.name,
                                      'default_company_id', l.company_id,
                                      'default_tag_ids', jsonb_build_array(jsonb_build_array(6, 0,
                                          coalesce((SELECT jsonb_agg(r.tag_id ORDER BY r.tag_id) FROM crm_tag_rel r
                                                    WHERE r.company_id = l.company_id AND r.lead_id = l.id), '[]'))))::text
            FROM crm_lead l WHERE l.company_id = ANY (\(call.tenant.companyIDs)::int[]) AND l.id = \(lead)
            """
        let text = try await call.database.single(query, as: call.tenant) { try $0[0].decode(String.self, at: 0) }
        guard case .object(var defaults) = try JSONValue(jsonText: text) else { throw ModelService.missing(CRMLead.model) }
        defaults["default_partner_id"] = .int(partner)
        for (key, value) in defaults where value == .null { defaults[key] = false }
        return [
            "type": "ir.actions.act_window", "res_model": "sale.order", "view_mode": "form", "views": [[false, "form"]],
            "target": "current", "context": .object(defaults),
        ]
    }
}

/// What the sale module adds to sales teams: their open quotations.
enum CRMTeamQuotations {
    /// The sales figures of teams: open quotations (the team's company's, by the team's company and id).
    static let teamFields: [FieldDescription] = [
        .computed("quotations_count", .integer, string: "Number of quotations to invoice",
                  "SELECT count(*) FROM sale_order o WHERE o.company_id = $.company_id AND o.team_id = $.id AND o.state IN ('draft', 'sent')"),
        .computed("quotations_amount", .float, string: "Amount of quotations to invoice",
                  "SELECT coalesce(sum(o.amount_total), 0) FROM sale_order o WHERE o.company_id = $.company_id AND o.team_id = $.id "
                      + "AND o.state IN ('draft', 'sent')"),
    ]
}
