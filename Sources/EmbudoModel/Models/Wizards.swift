import EmbudoDatabase
import PGClient

/// Odoo's transient models as clients drive them: `create` a wizard (its defaults come from the context's
/// `active_id(s)`), maybe `read` it, then call its action with the wizard's id. Wizards are kept in
/// `embudo.transient_record`, each user seeing only their own; the action runs the CRM's SQL.
public enum Wizards {
    static let lost = ModelDescription(
        name: "crm.lead.lost", table: "embudo.transient_record", hasAuditColumns: false,
        fields: [FieldDescription("lost_reason_id", .many2one, string: "Lost Reason", relation: "crm.lost.reason")]
    )

    static let conversionFields = [
        FieldDescription("name", .selection, string: "Conversion Action", required: true, selection: [["convert", "Convert to opportunity"], ["merge", "Merge with existing opportunities"]]),
        FieldDescription("lead_id", .many2one, string: "Associated Lead", relation: "crm.lead"),
        FieldDescription("duplicated_lead_ids", .many2many, string: "Opportunities", relation: "crm.lead"),
        FieldDescription("partner_id", .many2one, string: "Customer", relation: "res.partner"),
        FieldDescription("user_id", .many2one, string: "Salesperson", relation: "res.users"),
        FieldDescription("team_id", .many2one, string: "Sales Team", relation: "crm.team"),
        FieldDescription("force_assignment", .boolean, string: "Force assignment"),
    ]

    static let conversion = ModelDescription(
        name: "crm.lead2opportunity.partner", table: "embudo.transient_record", hasAuditColumns: false,
        fields: conversionFields + [
            FieldDescription("action", .selection, string: "Related Customer", required: true,
                             selection: [["create", "Create a new customer"], ["exist", "Link to an existing customer"], ["nothing", "Do not link to a customer"]]),
        ]
    )

    static let massConversion = ModelDescription(
        name: "crm.lead2opportunity.partner.mass", table: "embudo.transient_record", hasAuditColumns: false,
        fields: conversionFields + [
            FieldDescription("action", .selection, string: "Related Customer", required: true,
                             selection: [["create", "Create a new customer"], ["exist", "Link to an existing customer"], ["nothing", "Do not link to a customer"],
                                         ["each_exist_or_create", "Use existing partner or create"]]),
            FieldDescription("lead_tomerge_ids", .many2many, string: "Leads to Merge", relation: "crm.lead"),
            FieldDescription("user_ids", .many2many, string: "Salespersons", relation: "res.users"),
            FieldDescription("deduplicate", .boolean, string: "Apply deduplication"),
        ]
    )

    static let merge = ModelDescription(
        name: "crm.merge.opportunity", table: "embudo.transient_record", hasAuditColumns: false,
        fields: [
            FieldDescription("opportunity_ids", .many2many, string: "Leads/Opportunities", relation: "crm.lead"),
            FieldDescription("user_id", .many2one, string: "Salesperson", relation: "res.users"),
            FieldDescription("team_id", .many2one, string: "Sales Team", relation: "crm.team"),
        ]
    )

    static let settings = ModelDescription(
        name: "res.config.settings", table: "embudo.transient_record", hasAuditColumns: false,
        fields: [
            FieldDescription("group_use_lead", .boolean, string: "Leads"),
            FieldDescription("company_id", .many2one, string: "Company", relation: "res.company"),
        ]
    )

    static let quotationPartner = ModelDescription(
        name: "crm.quotation.partner", table: "embudo.transient_record", hasAuditColumns: false,
        fields: [
            FieldDescription("action", .selection, string: "Quotation Customer", required: true,
                             selection: [["create", "Create a new customer"], ["exist", "Link to an existing customer"], ["nothing", "Do not link to a customer"]]),
            FieldDescription("lead_id", .many2one, string: "Associated Lead", relation: "crm.lead"),
            FieldDescription("partner_id", .many2one, string: "Customer", relation: "res.partner"),
        ]
    )

    /// Every wizard model.
    public static let all: [ModelDescription] = [lost, conversion, massConversion, merge, settings, quotationPartner]
    static let names = Set(all.map(\.name))
}

extension ModelService {
    /// Runs a wizard method, or nil when `model` is not a wizard.
    func wizardCall(
        _ model: ModelDescription, _ method: String, arguments: Arguments, context: JSONValue, tenant: TenantContext
    ) async throws -> CallResult? {
        guard Wizards.names.contains(model.name) else { return nil }
        switch method {
        case "fields_get":
            return .value(fieldsGet(model))
        case "default_get":
            let names = try Arguments.strings(arguments.value(0, "fields_list", []), "fields_list") ?? Array(model.fields.keys)
            let defaults = try await wizardDefaults(model, context: context, tenant: tenant)
            return .value(.object(defaults.filter { names.contains($0.key) }))
        case "create":
            var values = try await wizardDefaults(model, context: context, tenant: tenant)
            var given = arguments.value(0, "vals_list", ["vals_list"]) ?? .object([:])
            if case .array(let list) = given, list.count == 1 { given = list[0] }
            guard case .object(let members) = given else { throw ModelError.validation("create expects a dictionary of values") }
            for (name, value) in members { values[name] = try wizardValue(value, field: model.field(name)) }
            let query = WizardSQL.create(model: model.name, company: tenant.companyIDs[0], values: JSONValue.object(values).jsonText, context: context.jsonText)
            return .value(.int(try await database.transaction(as: tenant) { try $0.query(query)[0].decode(Int.self, at: 0) }))
        case "read":
            let ids = try Arguments.ids(arguments.value(0, "ids", ["ids", "fields"]))
            let names = try Arguments.strings(arguments.value(1, "fields", ["ids", "fields"]), "fields") ?? Array(model.fields.keys)
            let classic = arguments.value(2, "load", ["ids", "fields", "load"])?.stringValue != "_classic_write"
            let records = try await wizardRecords(model, ids: ids, tenant: tenant)
            let related = try registryNames(for: records, model: model, names: names)
            let labels = try await database.transaction(as: tenant, readOnly: true) { connection in
                try related.map { query in try connection.query(query.0).map { try $0.decode((Int, String).self) } }
            }
            var names2: [String: [Int: String]] = [:]
            for (index, (_, relation)) in related.enumerated() {
                for (id, label) in labels[index] { names2[relation, default: [:]][id] = label }
            }
            return .value(.array(records.map { id, values in
                var record: [String: JSONValue] = ["id": .int(id)]
                for name in names where name != "id" {
                    guard let field = model.fields[name] else { continue }
                    let value = values[name] ?? (field.type == .boolean ? false : field.type.isToMany ? [] : false)
                    if classic, field.type == .many2one, let id = value.intValue {
                        record[name] = [.int(id), .string(names2[field.relation!]?[id] ?? "")]
                    } else {
                        record[name] = value
                    }
                }
                return .object(record)
            }))
        case "write":
            let ids = try Arguments.ids(arguments.value(0, "ids", ["ids", "vals"]))
            guard case .object(let members)? = arguments.value(1, "vals", ["ids", "vals"]) else {
                throw ModelError.validation("write expects a dictionary of values")
            }
            var changes: [String: JSONValue] = [:]
            for (name, value) in members { changes[name] = try wizardValue(value, field: model.field(name)) }
            let query = WizardSQL.update(ids: ids, changes: JSONValue.object(changes).jsonText)
            try await database.transaction(as: tenant) { connection in
                guard try connection.query(query).affectedRows == Set(ids).count else { throw Self.missing(model) }
            }
            return .value(true)
        default:
            let ids = try Arguments.ids(arguments.value(0, "ids", ["ids"]))
            guard let (_, values) = try await wizardRecords(model, ids: Array(ids.prefix(1)), tenant: tenant).first else {
                throw Self.missing(model)
            }
            return try await wizardAction(model, method, values: values, context: context, tenant: tenant)
        }
    }

    /// Stored form of a wizard value: many2one as an id or false, many2many as a list of ids.
    func wizardValue(_ value: JSONValue, field: FieldDescription) throws(ModelError) -> JSONValue {
        switch field.type {
        case .many2one:
            if value == false || value == .null { return false }
            guard let id = value.intValue ?? value.arrayValue?.first?.intValue, id > 0 else {
                throw .validation("Invalid value for field \(field.name): expected a record id")
            }
            return .int(id)
        case .many2many, .one2many:
            var ids: [Int] = []
            for command in try X2ManyCommand.parse(value, field: field.name) {
                switch command {
                case .set(let list): ids = list
                case .link(let id): if !ids.contains(id) { ids.append(id) }
                case .unlink(let id), .delete(let id): ids.removeAll { $0 == id }
                case .clear: ids = []
                case .create, .update: throw .validation("Field \(field.name) of a wizard only takes existing records")
                }
            }
            return .array(ids.map(JSONValue.int))
        case .boolean:
            return .bool(value.isTruthy)
        default:
            return value
        }
    }

    /// The wizard's defaults, from the context's active records.
    func wizardDefaults(_ model: ModelDescription, context: JSONValue, tenant: TenantContext) async throws -> [String: JSONValue] {
        let activeIDs = (context["active_ids"]?.arrayValue ?? []).compactMap(\.intValue)
        let activeID = context["active_id"]?.intValue ?? activeIDs.first
        switch model.name {
        case "crm.lead2opportunity.partner":
            guard let lead = activeID else { return ["name": "convert", "action": "nothing", "force_assignment": true] }
            let text = try await database.single(WizardSQL.conversionDefaults(lead: lead), as: tenant) { try $0[0].decode(String.self, at: 0) }
            guard case .object(var defaults) = try JSONValue(jsonText: text) else { return [:] }
            for (key, value) in defaults where value == .null { defaults[key] = false }
            return defaults
        case "crm.lead2opportunity.partner.mass":
            let team = try await database.single(WizardSQL.defaultTeam(user: tenant.userID, company: tenant.companyIDs[0]), as: tenant) {
                try $0[0].decode(Int?.self, at: 0)
            }
            return [
                "name": "convert", "action": "each_exist_or_create", "deduplicate": true, "force_assignment": false,
                "lead_tomerge_ids": .array(activeIDs.map(JSONValue.int)), "duplicated_lead_ids": .array(activeIDs.map(JSONValue.int)),
                "user_ids": [], "team_id": team.map(JSONValue.int) ?? false, "user_id": false, "partner_id": false,
                "lead_id": activeID.map(JSONValue.int) ?? false,
            ]
        case "crm.merge.opportunity":
            let open = try await database.single(WizardSQL.openLeads(activeIDs), as: tenant) { rows in
                try rows.map { try $0.decode(Int.self, at: 0) }
            }
            return ["opportunity_ids": .array(open.map(JSONValue.int)), "user_id": false, "team_id": false]
        case "crm.quotation.partner":
            guard let lead = activeID else { return ["action": "create"] }
            let text = try await database.single(WizardSQL.quotationPartnerDefaults(lead: lead), as: tenant) { try $0[0].decode(String.self, at: 0) }
            guard case .object(var defaults) = try JSONValue(jsonText: text) else { return [:] }
            for (key, value) in defaults where value == .null { defaults[key] = false }
            return defaults
        case "res.config.settings":
            let useLeads = try await database.single(WizardSQL.useLeads(company: tenant.companyIDs[0]), as: tenant) {
                try $0.count == 0 ? false : $0[0].decode(Bool.self, at: 0)
            }
            return ["group_use_lead": .bool(useLeads), "company_id": .int(tenant.companyIDs[0])]
        default:
            return [:]
        }
    }

    func wizardRecords(_ model: ModelDescription, ids: [Int], tenant: TenantContext) async throws -> [(Int, [String: JSONValue])] {
        let rows = try await database.single(WizardSQL.read(model: model.name, ids: ids), as: tenant) { rows in
            try rows.map { try ($0.decode(Int.self, at: 0), $0.decode(String.self, at: 1)) }
        }
        guard rows.count == Set(ids).count else { throw Self.missing(model) }
        return try rows.map { id, text in
            guard case .object(let values) = try JSONValue(jsonText: text) else { return (id, [:]) }
            return (id, values)
        }
    }

    /// Queries naming the many2one values of wizard records, one per related model.
    private func registryNames(for records: [(Int, [String: JSONValue])], model: ModelDescription, names: [String]) throws -> [(PGQuery, String)] {
        var wanted: [String: Set<Int>] = [:]
        for (_, values) in records {
            for name in names {
                guard let field = model.fields[name], field.type == .many2one, let id = values[name]?.intValue else { continue }
                wanted[field.relation!, default: []].insert(id)
            }
        }
        return try wanted.sorted { $0.key < $1.key }.map { relation, ids in
            let related = try registry.model(relation)
            var sql = SQLBuilder()
            sql.append("SELECT id, \(related.fields[related.recordName]?.column ?? "id")::text FROM \(related.table) WHERE id = ANY (")
            sql.bind(PGArrayLiteral.join(ids.sorted().map(String.init)))
            sql.append("::int[])")
            return (sql.query, relation)
        }
    }

    /// A wizard's action.
    func wizardAction(_ model: ModelDescription, _ method: String, values: [String: JSONValue], context: JSONValue, tenant: TenantContext) async throws -> CallResult {
        func ids(_ name: String) -> [Int] { (values[name]?.arrayValue ?? []).compactMap(\.intValue) }
        func id(_ name: String) -> Int? { values[name]?.intValue }
        let activeIDs = (context["active_ids"]?.arrayValue ?? []).compactMap(\.intValue)
        switch (model.name, method) {
        case ("crm.lead.lost", "action_lost_reason_apply"):
            guard !activeIDs.isEmpty else { throw ModelError(.user, "No lead to mark as lost: call the wizard with active_ids in the context.") }
            let query = CRMSQL.setLost(activeIDs, reason: id("lost_reason_id"))
            try await database.transaction(as: tenant) { _ = try $0.query(query) }
            return .value(true)
        case ("crm.lead2opportunity.partner", "action_apply"):
            let leads = values["name"]?.stringValue == "merge" ? ids("duplicated_lead_ids") : (id("lead_id").map { [$0] } ?? activeIDs)
            guard !leads.isEmpty else { throw ModelError(.user, "No lead to convert.") }
            let action = values["action"]?.stringValue ?? "nothing"
            let force = values["force_assignment"]?.isTruthy ?? true
            let query = values["name"]?.stringValue == "merge"
                ? CRMSQL.convertMerge(leads, action: action, partner: id("partner_id"), user: id("user_id"), team: id("team_id"), force: force)
                : CRMSQL.convert(leads, action: action, partner: id("partner_id"), users: id("user_id").map { [$0] } ?? [], team: id("team_id"), force: force)
            let result = try await database.transaction(as: tenant) { try $0.query(query)[0].decode(Int.self, at: 0) }
            return .value(Self.openRecord("crm.lead", result))
        case ("crm.lead2opportunity.partner.mass", "action_mass_convert"), ("crm.lead2opportunity.partner.mass", "action_apply"):
            let leads = ids("lead_tomerge_ids").isEmpty ? activeIDs : ids("lead_tomerge_ids")
            guard !leads.isEmpty else { throw ModelError(.user, "No lead to convert.") }
            let query = CRMSQL.massConvert(
                leads, action: values["action"]?.stringValue ?? "each_exist_or_create", partner: id("partner_id"), users: ids("user_ids"),
                team: id("team_id"), force: values["force_assignment"]?.isTruthy ?? false, deduplicate: values["deduplicate"]?.isTruthy ?? true
            )
            let result = try await database.transaction(as: tenant) { try $0.query(query)[0].decode(Int.self, at: 0) }
            return .value(Self.openRecord("crm.lead", result))
        case ("crm.merge.opportunity", "action_merge"):
            let query = CRMSQL.merge(ids("opportunity_ids"), user: id("user_id"), team: id("team_id"))
            let head = try await database.transaction(as: tenant) { try $0.query(query)[0].decode(Int.self, at: 0) }
            return .value(Self.openRecord("crm.lead", head))
        case ("crm.quotation.partner", "action_apply"):
            guard let lead = id("lead_id") ?? activeIDs.first else { throw ModelError(.user, "No opportunity to quote.") }
            let query = WizardSQL.quotationPartnerApply(lead: lead, action: values["action"]?.stringValue ?? "create", partner: id("partner_id"))
            let partner = try await database.transaction(as: tenant) { try $0.query(query)[0].decode(Int?.self, at: 0) }
            guard let partner else { throw ModelError(.user, "A quotation needs a customer: create or link one.") }
            return .value(try await newQuotationAction(lead: lead, partner: partner, tenant: tenant))
        case ("res.config.settings", "execute"), ("res.config.settings", "set_values"):
            let query = WizardSQL.setUseLeads(company: tenant.companyIDs[0], values["group_use_lead"]?.isTruthy ?? false)
            try await database.transaction(as: tenant) { connection in
                guard try connection.query(query).affectedRows == 1 else {
                    throw ModelError(.access, "Only administrators of the company can change its settings.")
                }
            }
            return .value(true)
        default:
            throw ModelError(.unknownMethod, "The method \(model.name).\(method) does not exist")
        }
    }

    /// The window action that opens one record, as Odoo's wizards return it.
    static func openRecord(_ model: String, _ id: Int) -> JSONValue {
        ["type": "ir.actions.act_window", "res_model": .string(model), "res_id": .int(id), "view_mode": "form", "views": [[false, "form"]], "target": "current"]
    }
}

/// The SQL of the wizards' storage.
enum WizardSQL {
    static func create(model: String, company: Int, values: String, context: String) -> PGQuery {
        "INSERT INTO embudo.transient_record (company_id, model, vals, context) VALUES (\(company), \(model), \(values)::jsonb, \(context)::jsonb) RETURNING id"
    }
    static func read(model: String, ids: [Int]) -> PGQuery {
        let list = PGArrayLiteral.join(ids.map(String.init))
        return "SELECT id, vals::text FROM embudo.transient_record WHERE model = \(model) AND id = ANY (\(list)::int[]) ORDER BY array_position(\(list)::int[], id)"
    }
    static func update(ids: [Int], changes: String) -> PGQuery {
        let list = PGArrayLiteral.join(ids.map(String.init))
        return "UPDATE embudo.transient_record SET vals = vals || \(changes)::jsonb WHERE id = ANY (\(list)::int[])"
    }
    static func conversionDefaults(lead: Int) -> PGQuery { "SELECT embudo.crm_convert_defaults(\(lead))::text" }
    static func defaultTeam(user: Int, company: Int) -> PGQuery { "SELECT embudo.crm_default_team(\(company), \(user), 'opportunity')" }
    static func openLeads(_ ids: [Int]) -> PGQuery {
        let list = PGArrayLiteral.join(ids.map(String.init))
        return "SELECT id FROM crm_lead WHERE id = ANY (\(list)::int[]) AND (probability IS NULL OR probability < 100) ORDER BY id"
    }
    static func quotationPartnerDefaults(lead: Int) -> PGQuery { "SELECT embudo.crm_quotation_partner_defaults(\(lead))::text" }
    static func quotationPartnerApply(lead: Int, action: String, partner: Int?) -> PGQuery {
        "SELECT embudo.crm_quotation_partner_apply(\(lead), \(action), \(partner)::int)"
    }
    static func useLeads(company: Int) -> PGQuery { "SELECT crm_use_leads FROM res_company WHERE id = \(company)" }
    static func setUseLeads(company: Int, _ on: Bool) -> PGQuery {
        "UPDATE res_company SET crm_use_leads = \(on), write_date = now() WHERE id = \(company)"
    }
}
