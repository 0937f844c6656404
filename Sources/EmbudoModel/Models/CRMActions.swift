import EmbudoDatabase
import PGClient

/// The methods of `crm.lead` beyond the generic ones (won, lost, conversion, merge, chatter), and the
/// archiving methods every model with an `active` field has. The rules themselves live in PostgreSQL
/// (sql/modules/crm/leads.sql, conversion.sql, merge.sql); these only read the arguments.
extension ModelService {
    /// Runs a model-specific method, or nil when `method` is generic.
    func specificCall(
        _ model: ModelDescription, _ method: String, arguments: Arguments, context: JSONValue, tenant: TenantContext
    ) async throws -> CallResult? {
        if model.hasActive, !model.isReadOnly, let state = Self.archiving[method] {
            let ids = try Arguments.ids(arguments.value(0, "ids", ["ids"]))
            let query = CRMSQL.setActive(table: model.table, ids: ids, to: state)
            try await database.transaction(as: tenant) { connection in
                try checkChanged(try connection.query(query), ids: ids, model: model, on: connection)
            }
            return .value(true)
        }
        guard model.name == "crm.lead" else { return nil }
        switch method {
        case "action_set_won", "action_set_won_rainbowman":
            let ids = try Arguments.ids(arguments.value(0, "ids", ["ids"]))
            try await run(CRMSQL.setWon(ids), on: ids, model: model, tenant: tenant)
            return .value(true)
        case "action_set_lost":
            let ids = try Arguments.ids(arguments.value(0, "ids", ["ids"]))
            let reason = arguments.kwargs["lost_reason"]?.intValue ?? arguments.kwargs["lost_reason_id"]?.intValue
            try await run(CRMSQL.setLost(ids, reason: reason), on: ids, model: model, tenant: tenant)
            return .value(true)
        case "message_post":
            let ids = try Arguments.ids(arguments.value(0, "ids", ["ids"]))
            let body = arguments.kwargs["body"]?.stringValue ?? (arguments.args.count > 1 ? arguments.args[1].stringValue : nil) ?? ""
            let subtype = arguments.kwargs["subtype_xmlid"]?.stringValue ?? "mail.mt_note"
            guard subtype.split(separator: ".").count == 2 else { throw ModelError.validation("Invalid subtype_xmlid \(subtype)") }
            let subject = arguments.kwargs["subject"]?.stringValue
            let query = CRMSQL.post(
                ids, body: body, subject: subject,
                type: arguments.kwargs["message_type"]?.stringValue ?? "notification", subtype: subtype, author: tenant.userID
            )
            let messages = try await database.transaction(as: tenant) { connection in
                let rows = try connection.query(query)
                guard rows.count == Set(ids).count else { try refuseHidden(ids, model: model, verb: "post on", on: connection) }
                let posted = try rows.map { try $0.decode(Int.self, at: 0) }
                // A message (not a note) goes to the customer too, by e-mail, answers coming back to the lead.
                if subtype == "mail.mt_comment" {
                    for message in posted { _ = try connection.query(CRMSQL.sendToCustomer(message: message, body: body, subject: subject)) }
                }
                return posted
            }
            return .value(messages.count == 1 ? .int(messages[0]) : .array(messages.map(JSONValue.int)))
        case "message_subscribe":
            let ids = try Arguments.ids(arguments.value(0, "ids", ["ids", "partner_ids"]))
            let partners = try Arguments.ids(arguments.value(1, "partner_ids", ["ids", "partner_ids"]) ?? [])
            try await run(CRMSQL.follow(ids, partners: partners), on: ids, model: model, tenant: tenant)
            return .value(true)
        case "convert_opportunity":
            let signature = ["ids", "partner_id", "user_ids", "team_id"]
            let ids = try Arguments.ids(arguments.value(0, "ids", signature))
            let partner = arguments.value(1, "partner_id", signature)?.intValue
            let users = try Arguments.ids(arguments.value(2, "user_ids", signature).flatMap { $0 == false ? nil : $0 } ?? [])
            let query = CRMSQL.convert(ids, action: partner == nil ? "nothing" : "exist", partner: partner, users: users,
                                       team: arguments.value(3, "team_id", signature)?.intValue, force: false)
            try await database.transaction(as: tenant) { _ = try $0.query(query) }
            return .value(true)
        case "merge_opportunity":
            let signature = ["ids", "user_id", "team_id"]
            let ids = try Arguments.ids(arguments.value(0, "ids", signature))
            let query = CRMSQL.merge(ids, user: arguments.value(1, "user_id", signature)?.intValue,
                                     team: arguments.value(2, "team_id", signature)?.intValue)
            return .value(.int(try await database.transaction(as: tenant) { try $0.query(query)[0].decode(Int.self, at: 0) }))
        default:
            return nil
        }
    }

    /// Archiving methods and the `active` value they set (nil: toggle).
    static let archiving: [String: Optional<Bool>] = {
        var methods: [String: Optional<Bool>] = [:]
        methods["action_archive"] = .some(false)
        methods["action_unarchive"] = .some(true)
        methods.updateValue(nil, forKey: "toggle_active")
        return methods
    }()

    /// Runs an action on `ids` after checking that the user sees them all: records the user's access
    /// level hides are an access error, records that do not exist (or are another company's) missing.
    private func run(_ query: PGQuery, on ids: [Int], model: ModelDescription, tenant: TenantContext) async throws {
        let visible = CRMSQL.countVisible(table: model.table, ids: ids)
        try await database.transaction(as: tenant) { connection in
            guard try connection.query(visible)[0].decode(Int.self, at: 0) == Set(ids).count else {
                try refuseHidden(ids, model: model, verb: "change", on: connection)
            }
            _ = try connection.query(query)
        }
    }

    /// After an UPDATE of `ids`: records the user sees but could not change are an access error, records
    /// the user does not see are missing.
    func checkChanged(_ result: PGResult, ids: [Int], model: ModelDescription, on connection: PGConnection) throws {
        let expected = Set(ids).count
        guard result.affectedRows != expected else { return }
        try refuseHidden(ids, model: model, verb: "modify", on: connection)
    }

    /// Throws AccessError when all of `ids` exist in the request's companies (the user's access level
    /// hides them or forbids the change), else MissingError.
    func refuseHidden(_ ids: [Int], model: ModelDescription, verb: String, on connection: PGConnection) throws -> Never {
        let existing = try connection.query(CRMSQL.countExisting(table: model.table, ids: ids))[0].decode(Int.self, at: 0)
        if existing == Set(ids).count {
            throw ModelError(.access, "You are not allowed to \(verb) these \(model.name) records: your access level does not allow it.")
        }
        throw Self.missing(model)
    }

    /// Kanban columns: `read_group` on `crm.lead` by stage lists every stage of the pipeline (shared ones,
    /// the context team's, those in use), empty ones included, each with its `__fold` flag.
    func expandStages(_ groups: JSONValue, fields: [String], context: JSONValue, lazy: Bool, domain: JSONValue, groupBy: [String], tenant: TenantContext) async throws -> JSONValue {
        guard case .array(let found) = groups else { return groups }
        var byStage: [Int: JSONValue] = [:]
        var unstaged: [JSONValue] = []
        for group in found {
            if let id = group["stage_id"]?.arrayValue?.first?.intValue { byStage[id] = group } else { unstaged.append(group) }
        }
        let team = context["default_team_id"]?.intValue
        let stages = try await database.single(CRMSQL.pipelineStages(team: team, used: Array(byStage.keys)), as: tenant) { rows in
            try rows.map { try $0.decode((Int, String, Bool).self) }
        }
        let base = domain.arrayValue ?? []
        var columns: [JSONValue] = stages.map { id, name, fold in
            var group: [String: JSONValue]
            if case .object(let members)? = byStage[id] {
                group = members
            } else {
                group = ["stage_id": [.int(id), .string(name)], "__domain": .array([["stage_id", "=", .int(id)]] + base)]
                group[lazy ? "stage_id_count" : "__count"] = 0
                for spec in fields {
                    let name = String(spec.split(separator: ":").first ?? "")
                    if name != "stage_id", name != "__count", !name.isEmpty { group[name] = 0 }
                }
                if lazy, groupBy.count > 1 { group["__context"] = ["group_by": .array(groupBy.dropFirst().map(JSONValue.string))] }
            }
            group["__fold"] = .bool(fold)
            return .object(group)
        }
        columns += unstaged
        return .array(columns)
    }
}

/// The SQL of the CRM methods.
enum CRMSQL {
    static func ids(_ list: [Int]) -> String { PGArrayLiteral.join(list.map(String.init)) }

    static func setActive(table: String, ids list: [Int], to state: Bool?) -> PGQuery {
        let value = state.map { $0 ? "true" : "false" } ?? "NOT active"
        var sql = SQLBuilder()
        sql.append("UPDATE \(table) SET active = \(value), write_date = now() WHERE id = ANY (")
        sql.bind(ids(list))
        sql.append("::int[])")
        return sql.query
    }
    static func countVisible(table: String, ids list: [Int]) -> PGQuery {
        var sql = SQLBuilder()
        sql.append("SELECT count(*)::int FROM \(table) WHERE id = ANY (")
        sql.bind(ids(list))
        sql.append("::int[])")
        return sql.query
    }
    static func countExisting(table: String, ids list: [Int]) -> PGQuery {
        "SELECT embudo.count_existing(\(table)::regclass, \(ids(list))::int[])"
    }
    static func setWon(_ list: [Int]) -> PGQuery { "SELECT embudo.crm_action_set_won(\(ids(list))::int[])" }
    static func setLost(_ list: [Int], reason: Int?) -> PGQuery { "SELECT embudo.crm_action_set_lost(\(ids(list))::int[], \(reason)::int)" }
    static func post(_ list: [Int], body: String, subject: String?, type: String, subtype: String, author: Int) -> PGQuery {
        """
        INSERT INTO mail_message (company_id, model, res_id, body, subject, author_id, message_type, subtype_id, create_uid, write_uid)
        SELECT l.company_id, 'crm.lead', l.id, \(body), \(subject), \(author)::int, \(type), embudo.subtype(\(subtype)), \(author)::int, \(author)::int
        FROM crm_lead l WHERE l.id = ANY (\(ids(list))::int[]) ORDER BY l.id RETURNING id
        """
    }
    static func sendToCustomer(message: Int, body: String, subject: String?) -> PGQuery {
        "SELECT embudo.crm_lead_send_mail(\(message), \(body), \(subject))"
    }
    static func follow(_ list: [Int], partners: [Int]) -> PGQuery {
        """
        WITH added AS (INSERT INTO mail_followers (company_id, res_model, res_id, partner_id)
            SELECT l.company_id, 'crm.lead', l.id, p FROM crm_lead l, unnest(\(ids(partners))::int[]) p WHERE l.id = ANY (\(ids(list))::int[])
            ON CONFLICT DO NOTHING RETURNING 1)
        SELECT count(*)::int FROM added
        """
    }
    static func convert(_ list: [Int], action: String, partner: Int?, users: [Int], team: Int?, force: Bool) -> PGQuery {
        "SELECT embudo.crm_convert(\(ids(list))::int[], \(action), \(partner)::int, \(ids(users))::int[], \(team)::int, \(force))"
    }
    static func convertMerge(_ list: [Int], action: String, partner: Int?, user: Int?, team: Int?, force: Bool) -> PGQuery {
        "SELECT embudo.crm_convert_merge(\(ids(list))::int[], \(action), \(partner)::int, \(user)::int, \(team)::int, \(force))"
    }
    static func massConvert(_ list: [Int], action: String, partner: Int?, users: [Int], team: Int?, force: Bool, deduplicate: Bool) -> PGQuery {
        "SELECT embudo.crm_mass_convert(\(ids(list))::int[], \(action), \(partner)::int, \(ids(users))::int[], \(team)::int, \(force), \(deduplicate))"
    }
    static func merge(_ list: [Int], user: Int?, team: Int?) -> PGQuery {
        "SELECT embudo.crm_merge(\(ids(list))::int[], \(user)::int, \(team)::int, false)"
    }
    static func pipelineStages(team: Int?, used: [Int]) -> PGQuery {
        """
        SELECT s.id, s.name, s.fold FROM crm_stage s
        WHERE s.team_id IS NULL OR s.team_id = \(team)::int OR s.id = ANY (\(ids(used))::int[])
        ORDER BY s.sequence, s.name, s.id
        """
    }
}
