import EmbudoDatabase
import PGClient

/// The methods of `crm.lead` beyond the generic ones: won, lost, the chatter, conversion and merge. The
/// rules themselves live in PostgreSQL (sql/modules/crm/leads.sql, conversion.sql, merge.sql); these
/// only read the arguments.
extension CRMLead {
    static let setWon = won("action_set_won")
    /// Odoo's variant that answers the rainbow man's effect; the change is the same.
    static let setWonRainbowman = won("action_set_won_rainbowman")

    static func won(_ name: String) -> ModelMethod {
        ModelMethod(name, .records(), writes: true) { call in
            let ids = try call.arguments.ids()
            try await RecordChecks.run(SQL.setWon(ids), on: ids, model: call.model, call: call)
            return .value(true)
        }
    }

    /// `action_set_lost(ids, lost_reason_id=…)` (Odoo 17 writes its keyword arguments; Flectra names the
    /// reason `lost_reason`).
    static let setLost = ModelMethod("action_set_lost", .records(keywords: ["lost_reason_id", "lost_reason"]), writes: true) { call in
        let ids = try call.arguments.ids()
        let reason = call.arguments.int("lost_reason") ?? call.arguments.int("lost_reason_id")
        try await RecordChecks.run(SQL.setLost(ids, reason: reason), on: ids, model: call.model, call: call)
        return .value(true)
    }

    /// `message_post(ids, body=…, subject=…, message_type=…, subtype_xmlid=…)`: a note (`mail.mt_note`),
    /// or a message (`mail.mt_comment`) that also goes to the customer by e-mail, answers coming back to
    /// the lead.
    static let messagePost = ModelMethod(
        "message_post", .records("body", keywords: ["subject", "message_type", "subtype_xmlid", "body_is_html"]), writes: true
    ) { call in
        let ids = try call.arguments.ids()
        let body = call.arguments["body"]?.stringValue ?? ""
        let subtype = call.arguments.string("subtype_xmlid") ?? "mail.mt_note"
        guard subtype.split(separator: ".").count == 2 else { throw ModelError.validation("Invalid subtype_xmlid \(subtype)") }
        let subject = call.arguments.string("subject")
        let query = SQL.post(
            ids, companies: call.tenant.companyIDs, body: body, subject: subject, type: call.arguments.string("message_type") ?? "notification",
            subtype: subtype, author: call.tenant.userID
        )
        let model = call.model
        let messages = try await call.database.transaction(as: call.tenant) { connection in
            let rows = try connection.query(query)
            guard rows.count == Set(ids).count else { try RecordChecks.refuseHidden(ids, model: model, verb: "post on", on: connection) }
            let posted = try rows.map { try $0.decode(Int.self, at: 0) }
            if subtype == "mail.mt_comment" {
                for message in posted { _ = try connection.query(SQL.sendToCustomer(message: message, body: body, subject: subject)) }
            }
            return posted
        }
        return .value(messages.count == 1 ? .int(messages[0]) : .array(messages.map(JSONValue.int)))
    }

    static let messageSubscribe = ModelMethod("message_subscribe", .records("partner_ids"), writes: true) { call in
        let ids = try call.arguments.ids()
        let partners = try BoundArguments.ids(call.arguments["partner_ids"] ?? [])
        try await RecordChecks.run(SQL.follow(ids, companies: call.tenant.companyIDs, partners: partners), on: ids, model: call.model, call: call)
        return .value(true)
    }

    /// `convert_opportunity(ids, partner_id, user_ids, team_id)`: leads become opportunities of the
    /// customer (or of none), assigned round-robin to `user_ids`.
    static let convertOpportunity = ModelMethod("convert_opportunity", .records("partner_id", "user_ids", "team_id"), writes: true) { call in
        let ids = try call.arguments.ids()
        let partner = call.arguments.int("partner_id")
        let users = try call.arguments.given("user_ids").map(BoundArguments.ids) ?? []
        let query = SQL.convert(ids, action: partner == nil ? "nothing" : "exist", partner: partner, users: users,
                                team: call.arguments.int("team_id"), force: false)
        try await call.database.transaction(as: call.tenant) { _ = try $0.query(query) }
        return .value(true)
    }

    /// `merge_opportunity(ids, user_id, team_id)`: answers the surviving opportunity's id.
    static let mergeOpportunity = ModelMethod("merge_opportunity", .records("user_id", "team_id"), writes: true) { call in
        let query = SQL.merge(try call.arguments.ids(), user: call.arguments.int("user_id"), team: call.arguments.int("team_id"))
        return .value(.int(try await call.database.transaction(as: call.tenant) { try $0.query(query)[0].decode(Int.self, at: 0) }))
    }

    /// The SQL of the lead methods and wizards. Statements on leads name the request's `companies` beside
    /// the row-level security fence (which still decides), so that the `(company_id, id)` key serves them.
    enum SQL {
        static func setWon(_ ids: [Int]) -> PGQuery { "SELECT embudo.crm_action_set_won(\(ids)::int[])" }
        static func setLost(_ ids: [Int], reason: Int?) -> PGQuery { "SELECT embudo.crm_action_set_lost(\(ids)::int[], \(reason)::int)" }
        static func post(_ ids: [Int], companies: [Int], body: String, subject: String?, type: String, subtype: String, author: Int) -> PGQuery {
            """
            INSERT INTO mail_message (company_id, model, res_id, body, subject, author_id, message_type, subtype_id, create_uid, write_uid)
            SELECT l.company_id, 'crm.lead', l.id, \(body), \(subject), \(author)::int, \(type), embudo.subtype(\(subtype)), \(author)::int, \(author)::int
            FROM crm_lead l WHERE l.company_id = ANY (\(companies)::int[]) AND l.id = ANY (\(ids)::int[]) ORDER BY l.id RETURNING id
            """
        }
        static func sendToCustomer(message: Int, body: String, subject: String?) -> PGQuery {
            "SELECT embudo.crm_lead_send_mail(\(message), \(body), \(subject))"
        }
        static func follow(_ ids: [Int], companies: [Int], partners: [Int]) -> PGQuery {
            """
            WITH added AS (INSERT INTO mail_followers (company_id, res_model, res_id, partner_id)
                SELECT l.company_id, 'crm.lead', l.id, p FROM crm_lead l, unnest(\(partners)::int[]) p
                WHERE l.company_id = ANY (\(companies)::int[]) AND l.id = ANY (\(ids)::int[])
                ON CONFLICT DO NOTHING RETURNING 1)
            SELECT count(*)::int FROM added
            """
        }
        static func convert(_ ids: [Int], action: String, partner: Int?, users: [Int], team: Int?, force: Bool) -> PGQuery {
            "SELECT embudo.crm_convert(\(ids)::int[], \(action), \(partner)::int, \(users)::int[], \(team)::int, \(force))"
        }
        static func convertMerge(_ ids: [Int], action: String, partner: Int?, user: Int?, team: Int?, force: Bool) -> PGQuery {
            "SELECT embudo.crm_convert_merge(\(ids)::int[], \(action), \(partner)::int, \(user)::int, \(team)::int, \(force))"
        }
        static func massConvert(_ ids: [Int], action: String, partner: Int?, users: [Int], team: Int?, force: Bool, deduplicate: Bool) -> PGQuery {
            "SELECT embudo.crm_mass_convert(\(ids)::int[], \(action), \(partner)::int, \(users)::int[], \(team)::int, \(force), \(deduplicate))"
        }
        static func merge(_ ids: [Int], user: Int?, team: Int?) -> PGQuery {
            "SELECT embudo.crm_merge(\(ids)::int[], \(user)::int, \(team)::int, false)"
        }
        static func pipelineStages(companies: [Int], team: Int?, used: [Int]) -> PGQuery {
            """
            SELECT s.id, s.name, s.fold FROM crm_stage s
            WHERE s.company_id = ANY (\(companies)::int[])
              AND (s.team_id IS NULL OR s.team_id = \(team)::int OR s.id = ANY (\(used)::int[]))
            ORDER BY s.sequence, s.name, s.id
            """
        }
    }
}
