import EmbudoDatabase
import PGClient

/// The generic methods of wizards (Odoo's `models.TransientModel`): their records live in
/// `embudo.transient_record` (one JSON document each, the company's, the creator's), start from the
/// wizard's defaults, and are read and written as Odoo's web client does before it calls the wizard's
/// action.
enum TransientMethods {
    static let all: [ModelMethod] = [fieldsGet, defaultGet, create, read, write]

    static let fieldsGet = StoredMethods.fieldsGet

    static let defaultGet = ModelMethod("default_get", ["fields_list"]) { call in
        let names = try call.arguments.strings("fields_list") ?? Array(call.model.fields.keys)
        let defaults = try await call.model.transientDefaults?(call) ?? [:]
        return .value(.object(defaults.filter { names.contains($0.key) }))
    }

    static let create = ModelMethod("create", ["vals_list"]) { call in
        let model = call.model
        var values = try await model.transientDefaults?(call) ?? [:]
        var given = call.arguments["vals_list"] ?? .object([:])
        if case .array(let list) = given, list.count == 1 { given = list[0] }
        guard case .object(let members) = given else { throw ModelError.validation("create expects a dictionary of values") }
        for (name, value) in members { values[name] = try storedValue(value, field: model.field(name)) }
        let query = SQL.create(model: model.name, company: try call.currentCompany, values: JSONValue.object(values).jsonText,
                               context: call.context.jsonText)
        return .value(.int(try await call.database.transaction(as: call.tenant) { try $0.query(query)[0].decode(Int.self, at: 0) }))
    }

    static let read = ModelMethod("read", .records("fields", "load")) { call in
        let model = call.model
        let ids = try call.arguments.ids()
        let names = try call.arguments.strings("fields") ?? Array(model.fields.keys)
        let classic = StoredMethods.classicRead(call.arguments)
        let records = try await records(ids, of: call)
        let related = try nameQueries(for: records, model: model, names: names, registry: call.registry, companies: call.tenant.companyIDs)
        let labels = try await call.database.transaction(as: call.tenant, readOnly: true) { connection in
            try related.map { query in try connection.query(query.0).map { try $0.decode((Int, String).self) } }
        }
        var recordNames: [String: [Int: String]] = [:]
        for (index, (_, relation)) in related.enumerated() {
            for (id, label) in labels[index] { recordNames[relation, default: [:]][id] = label }
        }
        return .value(.array(records.map { id, values in
            var record: [String: JSONValue] = ["id": .int(id)]
            for name in names where name != "id" {
                guard let field = model.fields[name] else { continue }
                let value = values[name] ?? (field.type == .boolean ? false : field.type.isToMany ? [] : false)
                if classic, field.type == .many2one, let id = value.intValue {
                    record[name] = [.int(id), .string(recordNames[field.relation!]?[id] ?? "")]
                } else {
                    record[name] = value
                }
            }
            return .object(record)
        }))
    }

    static let write = ModelMethod("write", .records("vals")) { call in
        let model = call.model
        let ids = try call.arguments.ids()
        guard case .object(let members)? = call.arguments["vals"] else {
            throw ModelError.validation("write expects a dictionary of values")
        }
        var changes: [String: JSONValue] = [:]
        for (name, value) in members { changes[name] = try storedValue(value, field: model.field(name)) }
        let query = SQL.update(ids: ids, changes: JSONValue.object(changes).jsonText, companies: call.tenant.companyIDs)
        try await call.database.transaction(as: call.tenant) { connection in
            guard try connection.query(query).affectedRows == Set(ids).count else { throw ModelService.missing(model) }
        }
        return .value(true)
    }

    /// A wizard action: `run` with the values of the first record in `ids`.
    static func action(
        _ name: String, _ run: @escaping @Sendable (MethodCall, _ values: WizardValues) async throws -> CallResult
    ) -> ModelMethod {
        ModelMethod(name, .records()) { call in
            let ids = try call.arguments.ids()
            guard let (_, values) = try await records(Array(ids.prefix(1)), of: call).first else {
                throw ModelService.missing(call.model)
            }
            return try await run(call, WizardValues(values: values, context: call.context))
        }
    }

    /// Stored form of a wizard value: many2one as an id or false, many2many as a list of ids.
    static func storedValue(_ value: JSONValue, field: FieldDescription) throws(ModelError) -> JSONValue {
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

    static func records(_ ids: [Int], of call: MethodCall) async throws -> [(Int, [String: JSONValue])] {
        let rows = try await call.database.single(SQL.read(model: call.model.name, ids: ids, companies: call.tenant.companyIDs), as: call.tenant) { rows in
            try rows.map { try ($0.decode(Int.self, at: 0), $0.decode(String.self, at: 1)) }
        }
        guard rows.count == Set(ids).count else { throw ModelService.missing(call.model) }
        return try rows.map { id, text in
            guard case .object(let values) = try JSONValue(jsonText: text) else { return (id, [:]) }
            return (id, values)
        }
    }

    /// Queries naming the many2one values of wizard records, one per related model; a company's
    /// records are looked up by the request's `companies` and id.
    static func nameQueries(
        for records: [(Int, [String: JSONValue])], model: ModelDescription, names: [String], registry: ModelRegistry, companies: [Int]
    ) throws -> [(PGQuery, String)] {
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
            sql.append("SELECT id, (\(related.nameSQL(related.table)))::text FROM \(related.table) WHERE ")
            if related.isCompanyScoped {
                let predicate = sql.companies("company_id", in: companies)
                sql.append(predicate + " AND ")
            }
            sql.append("id = ANY (")
            sql.bind(ids.sorted())
            sql.append("::int[])")
            return (sql.query, relation)
        }
    }

    /// The window action that opens one record, as Odoo's wizards return it.
    static func openRecord(_ model: String, _ id: Int) -> JSONValue {
        ["type": "ir.actions.act_window", "res_model": .string(model), "res_id": .int(id), "view_mode": "form", "views": [[false, "form"]], "target": "current"]
    }

    /// The SQL of the wizards' storage.
    enum SQL {
        static func create(model: String, company: Int, values: String, context: String) -> PGQuery {
            "INSERT INTO embudo.transient_record (company_id, model, vals, context) VALUES (\(company), \(model), \(values)::jsonb, \(context)::jsonb) RETURNING id"
        }
        static func read(model: String, ids: [Int], companies: [Int]) -> PGQuery {
            """
            SELECT id, vals::text FROM embudo.transient_record
            WHERE company_id = ANY (\(companies)::int[]) AND model = \(model) AND id = ANY (\(ids)::int[])
            ORDER BY array_position(\(ids)::int[], id)
            """
        }
        static func update(ids: [Int], changes: String, companies: [Int]) -> PGQuery {
            "UPDATE embudo.transient_record SET vals = vals || \(changes)::jsonb WHERE company_id = ANY (\(companies)::int[]) AND id = ANY (\(ids)::int[])"
        }
    }
}

/// The values of a wizard record, with the readers its actions use.
struct WizardValues: Sendable {
    let values: [String: JSONValue]
    let context: JSONValue

    subscript(_ name: String) -> JSONValue? { values[name] }
    /// A many2one value's id.
    func id(_ name: String) -> Int? { values[name]?.intValue }
    /// A many2many value's ids.
    func ids(_ name: String) -> [Int] { (values[name]?.arrayValue ?? []).compactMap(\.intValue) }
    /// The context's `active_ids`.
    var activeIDs: [Int] { (context["active_ids"]?.arrayValue ?? []).compactMap(\.intValue) }
}

extension MethodCall {
    /// The context's active record (`active_id`, else the first of `active_ids`).
    var activeID: Int? { context["active_id"]?.intValue ?? activeIDs.first }
    /// The context's `active_ids`.
    var activeIDs: [Int] { (context["active_ids"]?.arrayValue ?? []).compactMap(\.intValue) }
}
