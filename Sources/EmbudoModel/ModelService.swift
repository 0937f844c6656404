import EmbudoDatabase
import PGClient

/// What a model method returns: a value, or JSON that PostgreSQL already built (read results), passed
/// to the client as it is.
public enum CallResult: Sendable, Equatable {
    case value(JSONValue)
    case json(String)
}

/// Runs Odoo's generic model methods (`search`, `search_count`, `read`, `search_read`, `fields_get`,
/// `default_get`, `create`, `write`, `unlink`) on the described models, each call in one transaction
/// acting as the user in the companies of the call's context.
public struct ModelService: Sendable {
    let database: Database
    /// The models it serves.
    public let registry: ModelRegistry

    public init(database: Database, registry: ModelRegistry = CoreModels.registry) {
        self.database = database
        self.registry = registry
    }

    /// Calls `method` of `model` with Odoo's positional `args` and keyword `kwargs`.
    ///
    /// - Throws: ``ModelError`` for anything the caller got wrong or may not do; ``PGError`` only for
    ///   failures of the database itself.
    public func call(
        _ modelName: String, _ method: String, args: [JSONValue], kwargs: [String: JSONValue], user: AuthenticatedUser
    ) async throws -> CallResult {
        if method.hasPrefix("_") {
            throw ModelError(.access, "Private methods (such as \(modelName).\(method)) cannot be called remotely.")
        }
        if modelName == "mail.thread", method == "message_process" {
            return try await messageProcess(arguments: Arguments(args: args, kwargs: kwargs), user: user)
        }
        let model = try registry.model(modelName)
        let context = kwargs["context"] ?? .object([:])
        let arguments = Arguments(args: args, kwargs: kwargs)
        if model.name == CoreModels.users.name, let result = try await userAdministration(method, arguments: arguments, user: user, context: context) {
            return result
        }
        // The invitee of an invitation may belong to no company yet.
        let isInvitation = model.name == UserInvitations.invitation.name
        let tenant = isInvitation ? try Self.ownContext(user, context: context) : try Self.tenant(for: user, context: context)
        if isInvitation, let result = try await invitationCall(method, arguments: arguments, tenant: tenant) {
            return result
        }
        if let result = try await wizardCall(model, method, arguments: arguments, context: context, tenant: tenant) {
            return result
        }
        if model.isReadOnly && Self.writingMethods.contains(method) {
            throw ModelError(.access, "\(model.name) records cannot be changed.")
        }
        try checkRawMail(model, method, user: user, tenant: tenant)
        if let result = try await companyCall(model, method, arguments: arguments, tenant: tenant) {
            return result
        }
        if let result = try await specificCall(model, method, arguments: arguments, context: context, tenant: tenant) {
            return result
        }
        if let result = try await activityCall(model, method, arguments: arguments, tenant: tenant) {
            return result
        }
        if let result = try await saleCall(model, method, arguments: arguments, context: context, tenant: tenant) {
            return result
        }
        let queries = ModelQueries(model: model, registry: registry)
        let activeTest = context["active_test"] != false

        switch method {
        case "search":
            let signature = Self.parameters[method] ?? []
            var sql = SQLBuilder()
            let count = arguments.value(4, "count", signature)?.isTruthy ?? false
            sql.append(count ? "SELECT count(*) FROM \(model.table) \(ModelQueries.alias)" : "SELECT \(ModelQueries.alias).id FROM \(model.table) \(ModelQueries.alias)")
            try queries.appendWhere(arguments.value(0, "domain", signature) ?? [], activeTest: activeTest, into: &sql)
            if !count {
                sql.append(" ORDER BY " + (try queries.orderBy(arguments.value(3, "order", signature)?.stringValue)))
                queries.appendPage(limit: try arguments.limit(2, signature), offset: try arguments.offset(1, signature), into: &sql)
            }
            return .value(try await database.single(sql.query, as: tenant) { rows in
                count ? .int(try rows[0].decode(Int.self, at: 0)) : .array(try rows.map { .int(try $0.decode(Int.self, at: 0)) })
            })

        case "search_count":
            var sql = SQLBuilder()
            sql.append("SELECT count(*) FROM \(model.table) \(ModelQueries.alias)")
            try queries.appendWhere(arguments.value(0, "domain", Self.parameters[method] ?? []) ?? [], activeTest: activeTest, into: &sql)
            return .value(try await database.single(sql.query, as: tenant) { .int(try $0[0].decode(Int.self, at: 0)) })

        case "read":
            let signature = Self.parameters[method] ?? []
            let ids = try Arguments.ids(arguments.value(0, "ids", signature))
            let fields = try queries.readableFields(try Arguments.strings(arguments.value(1, "fields", signature), "fields"))
            let classic = arguments.value(2, "load", signature)?.stringValue != "_classic_write"
            var sql = SQLBuilder()
            sql.append("SELECT coalesce(jsonb_agg(\(try queries.recordObject(fields, classicRead: classic)) ORDER BY array_position(")
            sql.bind(PGArrayLiteral.join(ids.map(String.init)))
            sql.append("::int[], \(ModelQueries.alias).id)), '[]')::text FROM \(model.table) \(ModelQueries.alias) WHERE \(ModelQueries.alias).id = ANY (")
            sql.bind(PGArrayLiteral.join(ids.map(String.init)))
            sql.append("::int[])")
            return try await json(sql, as: tenant)

        case "search_read":
            let signature = Self.parameters[method] ?? []
            let fields = try queries.readableFields(try Arguments.strings(arguments.value(1, "fields", signature), "fields"))
            // The page's ids first, then JSON for those rows only.
            let a = ModelQueries.alias
            var sql = SQLBuilder()
            sql.append("SELECT coalesce(jsonb_agg(\(try queries.recordObject(fields, classicRead: true)) ORDER BY page.n), '[]')::text FROM (")
            sql.append("SELECT \(a).id, row_number() OVER (ORDER BY \(try queries.orderBy(arguments.value(4, "order", signature)?.stringValue))) AS n")
            sql.append(" FROM \(model.table) \(a)")
            try queries.appendWhere(arguments.value(0, "domain", signature) ?? [], activeTest: activeTest, into: &sql)
            sql.append(" ORDER BY n")
            queries.appendPage(limit: try arguments.limit(3, signature), offset: try arguments.offset(2, signature), into: &sql)
            sql.append(") page JOIN \(model.table) \(a) ON \(a).id = page.id")
            return try await json(sql, as: tenant)

        case "read_group":
            let signature = Self.parameters[method] ?? []
            let groupBy: [String]
            switch arguments.value(2, "groupby", signature) {
            case .string(let one)?: groupBy = [one]
            case let value?: groupBy = try Arguments.strings(value, "groupby") ?? []
            case nil: groupBy = []
            }
            let domain = arguments.value(0, "domain", signature) ?? []
            let lazy = arguments.value(6, "lazy", signature)?.isTruthy ?? true
            let readGroup = ReadGroup(model: model, queries: queries)
            let (query, keys, aggregates) = try readGroup.statement(
                domain: domain, fields: try Arguments.strings(arguments.value(1, "fields", signature), "fields") ?? [],
                groupBy: groupBy, lazy: lazy, orderBy: arguments.value(5, "orderby", signature)?.stringValue,
                limit: try arguments.limit(4, signature), offset: try arguments.offset(3, signature),
                activeTest: activeTest, timeZone: context["tz"]?.stringValue ?? user.tz
            )
            let rows = try await database.transaction(as: tenant, readOnly: true) { connection in
                try connection.query(query).map { row in
                    try (0..<row.result.columnCount).map { column in try JSONValue(jsonText: row.decode(String.self, at: column)) }
                }
            }
            let groups = readGroup.groups(rows, keys: keys, aggregates: aggregates, domain: domain, groupBy: groupBy, lazy: lazy)
            if model.name == "crm.lead", groupBy.first == "stage_id" {
                let fields = try Arguments.strings(arguments.value(1, "fields", signature), "fields") ?? []
                return .value(try await expandStages(groups, fields: fields, context: context, lazy: lazy, domain: domain, groupBy: groupBy, tenant: tenant))
            }
            return .value(groups)

        case "fields_get":
            return .value(fieldsGet(model))

        case "default_get":
            let names = try Arguments.strings(arguments.value(0, "fields_list", Self.parameters[method] ?? []), "fields_list") ?? []
            let fromContext = Self.contextDefaults(model, context)
            var defaults: [String: JSONValue] = [:]
            for name in names where model.fields[name] != nil {
                if name == "active" { defaults[name] = true }
                if name == "company_id", let company = tenant.companyIDs.first { defaults[name] = .int(company) }
                if let value = fromContext[name] { defaults[name] = value }
            }
            return .value(.object(defaults))

        case "create":
            let argument = arguments.value(0, "vals_list", Self.parameters[method] ?? []) ?? .null
            let single: Bool
            let list: [JSONValue]
            switch argument {
            case .object: (single, list) = (true, [argument])
            case .array(let values): (single, list) = (false, values)
            default: throw ModelError.validation("create expects a dictionary of values or a list of them")
            }
            let defaults = Self.contextDefaults(model, context)
            let records = try list.map { (values) throws(ModelError) -> (PGQuery, [(FieldDescription, [X2ManyCommand])]) in
                guard case .object(var members) = values else { throw ModelError.validation("create expects dictionaries of values") }
                for (name, value) in defaults where members[name] == nil { members[name] = value }
                let (scalars, relations) = try split(members, model: model)
                return (try insert(scalars, model: model, queries: queries, tenant: tenant), relations)
            }
            let ids = try await database.transaction(as: tenant) { connection in
                if records.allSatisfy({ $0.1.isEmpty }) {
                    // Plain values only: every INSERT in one round trip.
                    return try connection.pipeline(records.map(\.0)).map { try $0[0].decode(Int.self, at: 0) }
                }
                return try records.map { statement, relations in
                    let id = try connection.query(statement)[0].decode(Int.self, at: 0)
                    for (field, commands) in relations {
                        try apply(commands, field: field, record: id, model: model, tenant: tenant, on: connection)
                    }
                    return id
                }
            }
            return .value(single ? .int(ids[0]) : .array(ids.map(JSONValue.int)))

        case "write":
            let signature = Self.parameters[method] ?? []
            let ids = try Arguments.ids(arguments.value(0, "ids", signature))
            guard case .object(let members)? = arguments.value(1, "vals", signature) else {
                throw ModelError.validation("write expects a dictionary of values")
            }
            let (scalars, relations) = try split(members, model: model)
            guard relations.isEmpty || ids.count * relations.reduce(0, { $0 + $1.1.count }) <= Self.maxCommands else {
                throw ModelError.validation("Too many x2many commands in one call (at most \(Self.maxCommands))")
            }
            let query = try update(ids, scalars, model: model, queries: queries, tenant: tenant)
            let count = Set(ids).count
            try await database.transaction(as: tenant) { connection in
                try checkChanged(try connection.query(query), ids: ids, model: model, on: connection)
                for id in ids {
                    for (field, commands) in relations {
                        try apply(commands, field: field, record: id, model: model, tenant: tenant, on: connection)
                    }
                }
            }
            return .value(true)

        case "unlink":
            let ids = try Arguments.ids(arguments.value(0, "ids", Self.parameters[method] ?? []))
            var sql = SQLBuilder()
            sql.append("DELETE FROM \(model.table) \(ModelQueries.alias) WHERE \(ModelQueries.alias).id = ANY (")
            sql.bind(PGArrayLiteral.join(ids.map(String.init)))
            sql.append("::int[])")
            let query = sql.query
            let count = Set(ids).count
            try await database.transaction(as: tenant) { connection in
                let deleted = try connection.query(query).affectedRows
                guard deleted == count else {
                    // The user's access level hides some or does not allow deleting them.
                    try refuseHidden(ids, model: model, verb: "delete", on: connection)
                }
            }
            return .value(true)

        case "name_search":
            let signature = Self.parameters[method] ?? []
            let name = arguments.value(0, "name", signature)?.stringValue ?? ""
            let op = arguments.value(2, "operator", signature)?.stringValue ?? "ilike"
            var domain = arguments.value(1, "args", signature)?.arrayValue ?? []
            if !name.isEmpty { domain.append([.string(model.recordName), .string(op), .string(name)]) }
            var sql = SQLBuilder()
            let a = ModelQueries.alias
            sql.append("SELECT coalesce(jsonb_agg(jsonb_build_array(page.id, page.label) ORDER BY page.n), '[]')::text FROM (SELECT \(a).id, ")
            sql.append("\(a).\(model.fields[model.recordName]?.column ?? "id")::text AS label, row_number() OVER (ORDER BY \(try queries.orderBy(nil))) AS n")
            sql.append(" FROM \(model.table) \(a)")
            try queries.appendWhere(.array(domain), activeTest: activeTest, into: &sql)
            sql.append(" ORDER BY n")
            queries.appendPage(limit: try arguments.limit(3, signature) ?? 100, offset: 0, into: &sql)
            sql.append(") page")
            return try await json(sql, as: tenant)

        case "name_create":
            guard let name = arguments.value(0, "name", Self.parameters[method] ?? [])?.stringValue, !name.isEmpty else {
                throw ModelError.validation("name_create expects a name")
            }
            let statement = try insert([model.recordName: .string(name)], model: model, queries: queries, tenant: tenant)
            let id = try await database.transaction(as: tenant) { try $0.query(statement)[0].decode(Int.self, at: 0) }
            return .value([.int(id), .string(name)])

        case "exists":
            let ids = try Arguments.ids(arguments.value(0, "ids", Self.parameters[method] ?? []))
            var sql = SQLBuilder()
            sql.append("SELECT id FROM \(model.table) WHERE id = ANY (")
            sql.bind(PGArrayLiteral.join(ids.map(String.init)))
            sql.append("::int[]) ORDER BY array_position(")
            sql.bind(PGArrayLiteral.join(ids.map(String.init)))
            sql.append("::int[], id)")
            let query = sql.query
            return .value(try await database.transaction(as: tenant, readOnly: true) { connection in
                .array(try connection.query(query).map { .int(try $0.decode(Int.self, at: 0)) })
            })

        case "copy":
            let signature = Self.parameters[method] ?? []
            guard let id = try Arguments.ids(arguments.value(0, "id", signature)).first else { throw ModelError.validation("copy expects an id") }
            var overrides: [String: JSONValue] = [:]
            if case .object(let members)? = arguments.value(1, "default", signature) { overrides = members }
            let copyable = model.fields.values.filter { $0.column != nil && !$0.readonly && $0.name != "id" }.sorted { $0.name < $1.name }
            var read = SQLBuilder()
            read.append("SELECT (\(try queries.recordObject(copyable, classicRead: false)))::text FROM \(model.table) \(ModelQueries.alias) WHERE \(ModelQueries.alias).id = ")
            read.bind(String(id))
            read.append("::int")
            let readQuery = read.query
            let original = try await database.transaction(as: tenant, readOnly: true) { connection in
                try connection.query(readQuery).map { try $0.decode(String.self, at: 0) }.first
            }
            guard let original, case .object(var values) = try JSONValue(jsonText: original) else { throw Self.missing(model) }
            values["id"] = nil
            if let name = values[model.recordName]?.stringValue { values[model.recordName] = .string(name + " (copy)") }
            for field in Self.notCopied[model.name] ?? [] { values[field] = nil }
            for (key, value) in overrides { values[key] = value }
            let statement = try insert(values, model: model, queries: queries, tenant: tenant)
            return .value(.int(try await database.transaction(as: tenant) { try $0.query(statement)[0].decode(Int.self, at: 0) }))

        case "check_object_reference" where model.name == "ir.model.data", "xmlid_to_res_model_res_id" where model.name == "ir.model.data":
            guard let module = args.first?.stringValue ?? kwargs["module"]?.stringValue,
                  let name = (args.count > 1 ? args[1].stringValue : nil) ?? kwargs["xml_id"]?.stringValue
            else {
                throw ModelError.validation("\(method) expects a module and an external id")
            }
            var sql = SQLBuilder()
            sql.append("SELECT model, res_id FROM ir_model_data WHERE module = ")
            sql.bind(module)
            sql.append(" AND name = ")
            sql.bind(name)
            // A company's own default records (its stages, its "Sales" team) before global ones.
            sql.append(" ORDER BY CASE WHEN company_id = ")
            sql.bind(String(tenant.companyIDs[0]))
            sql.append("::int THEN 0 WHEN company_id IS NULL THEN 1 ELSE 2 END LIMIT 1")
            let query = sql.query
            let found = try await database.transaction(as: tenant, readOnly: true) { connection in
                try connection.query(query).map { try $0.decode((String, Int).self) }.first
            }
            guard let (modelName, id) = found else { throw ModelError(.user, "External ID not found in the system: \(module).\(name)") }
            return .value([.string(modelName), .int(id)])

        case "context_get" where model.name == "res.users":
            // Read now: the user may have changed their preferences since these credentials were verified.
            let query: PGQuery = "SELECT lang, tz FROM res_users WHERE id = \(user.id)"
            let (lang, tz) = try await database.single(query, as: tenant) { rows in
                rows.count > 0 ? try rows[0].decode((String, String).self) : (user.lang, user.tz)
            }
            return .value(["lang": .string(lang), "tz": .string(tz), "uid": .int(user.id)])

        default:
            throw ModelError(.unknownMethod, "The method \(model.name).\(method) does not exist")
        }
    }

    /// The parameters of each method, in order, with Odoo's names (JSON-2 clients pass them by name).
    public static let parameters: [String: [String]] = [
        "search": ["domain", "offset", "limit", "order", "count"],
        "search_count": ["domain"],
        "read": ["ids", "fields", "load"],
        "search_read": ["domain", "fields", "offset", "limit", "order"],
        "read_group": ["domain", "fields", "groupby", "offset", "limit", "orderby", "lazy"],
        "fields_get": ["allfields", "attributes"],
        "default_get": ["fields_list"],
        "create": ["vals_list"],
        "write": ["ids", "vals"],
        "unlink": ["ids"],
        "name_search": ["name", "args", "operator", "limit"],
        "name_create": ["name"],
        "exists": ["ids"],
        "copy": ["id", "default"],
        "set_access_level": ["ids", "level"],
        "change_password": ["old_passwd", "new_passwd"],
        "preference_save": ["ids"],
        "action_accept": ["ids"],
        "action_decline": ["ids"],
        "action_cancel": ["ids"],
    ]

    public static let writingMethods: Set<String> = ["create", "write", "unlink", "copy", "name_create"]

    /// Fields `copy` leaves to the new record's defaults (a copied lead gets its stage and probability anew).
    static let notCopied: [String: [String]] = ["crm.lead": ["stage_id", "probability"]]

    private func json(_ sql: SQLBuilder, as tenant: TenantContext) async throws -> CallResult {
        .json(try await database.single(sql.query, as: tenant) { try $0[0].decode(String.self, at: 0) })
    }

    func insert(_ values: [String: JSONValue], model: ModelDescription, queries: ModelQueries, tenant: TenantContext) throws(ModelError) -> PGQuery {
        guard !model.isReadOnly else { throw ModelError(.access, "\(model.name) records cannot be changed.") }
        var values = values
        if model.fields["company_id"] != nil, values["company_id"] == nil, let company = tenant.companyIDs.first {
            values["company_id"] = .int(company)
        }
        for field in model.fields.values where field.required && values[field.name] == nil {
            throw .validation("Field \(field.string) (\(field.name)) is required")
        }
        let assignments = try queries.assignments(values, creating: true)
        var sql = SQLBuilder()
        var columns = assignments.map(\.column)
        if model.hasAuditColumns { columns = ["create_uid", "write_uid"] + columns }
        sql.append("INSERT INTO \(model.table) (" + columns.joined(separator: ", ") + ")")
        guard !columns.isEmpty else {
            sql.append(" DEFAULT VALUES RETURNING id")
            return sql.query
        }
        sql.append(" VALUES (")
        var first = true
        if model.hasAuditColumns {
            sql.bind(String(tenant.userID))
            sql.append("::int, ")
            sql.bind(String(tenant.userID))
            sql.append("::int")
            first = false
        }
        for assignment in assignments {
            if !first { sql.append(", ") }
            first = false
            Self.bind(assignment.value, cast: assignment.cast, into: &sql)
        }
        sql.append(") RETURNING id")
        return sql.query
    }

    /// The most x2many commands one call may carry.
    static let maxCommands = 1000

    /// Separates stored values from one2many / many2many commands.
    func split(_ values: [String: JSONValue], model: ModelDescription) throws(ModelError) -> ([String: JSONValue], [(FieldDescription, [X2ManyCommand])]) {
        var scalars: [String: JSONValue] = [:]
        var relations: [(FieldDescription, [X2ManyCommand])] = []
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            let field = try model.field(name)
            if field.type.isToMany {
                relations.append((field, try X2ManyCommand.parse(value, field: name)))
            } else {
                scalars[name] = value
            }
        }
        guard relations.reduce(0, { $0 + $1.1.count }) <= Self.maxCommands else {
            throw .validation("Too many x2many commands in one call (at most \(Self.maxCommands))")
        }
        return (scalars, relations)
    }

    /// `UPDATE` of stored values on some records (always stamping `write_date` and `write_uid`).
    func update(_ ids: [Int], _ values: [String: JSONValue], model: ModelDescription, queries: ModelQueries, tenant: TenantContext) throws(ModelError) -> PGQuery {
        guard !model.isReadOnly else { throw ModelError(.access, "\(model.name) records cannot be changed.") }
        let assignments = try queries.assignments(values, creating: false)
        var sql = SQLBuilder()
        sql.append("UPDATE \(model.table) \(ModelQueries.alias) SET write_date = now()")
        if model.hasAuditColumns {
            sql.append(", write_uid = ")
            sql.bind(String(tenant.userID))
            sql.append("::int")
        }
        for assignment in assignments {
            sql.append(", \(assignment.column) = ")
            Self.bind(assignment.value, cast: assignment.cast, into: &sql)
        }
        sql.append(" WHERE \(ModelQueries.alias).id = ANY (")
        sql.bind(PGArrayLiteral.join(ids.map(String.init)))
        sql.append("::int[])")
        return sql.query
    }

    static func bind(_ value: String?, cast: String, into sql: inout SQLBuilder) {
        if cast == "timestamp" {
            sql.append("(")
            sql.bind(value)
            sql.append("::timestamp AT TIME ZONE 'UTC')")
        } else {
            sql.bind(value)
            sql.append("::\(cast)")
        }
    }

    static func missing(_ model: ModelDescription) -> ModelError {
        ModelError(.missing, "Record does not exist or has been deleted. (Records: \(model.name))")
    }

    /// Odoo's context defaults: `default_<field>` fills a field that a new record's values leave out
    /// (stored fields a client may write, the company, and to-many fields).
    static func contextDefaults(_ model: ModelDescription, _ context: JSONValue) -> [String: JSONValue] {
        guard case .object(let entries) = context else { return [:] }
        var defaults: [String: JSONValue] = [:]
        for (key, value) in entries where key.hasPrefix("default_") {
            let name = String(key.dropFirst("default_".count))
            guard let field = model.fields[name] else { continue }
            if field.type.isToMany || (field.isStored && (!field.readonly || name == "company_id")) { defaults[name] = value }
        }
        return defaults
    }

    /// The tenant context of a call: `context.allowed_company_ids` (first = current company), checked
    /// against the user's memberships; by default the user's first company.
    static func tenant(for user: AuthenticatedUser, context: JSONValue) throws(ModelError) -> TenantContext {
        let memberships = user.memberships.map(\.companyID)
        guard let first = memberships.first else { throw ModelError(.companyAccess, "You have access to no company.") }
        guard let requested = context["allowed_company_ids"]?.arrayValue, !requested.isEmpty else {
            return TenantContext(userID: user.id, companyIDs: [first], credentialStamp: user.credentialStamp)
        }
        let ids = try requested.map { (value) throws(ModelError) -> Int in
            guard let id = value.intValue, memberships.contains(id) else {
                throw ModelError(.companyAccess, "Access to unauthorized or invalid companies.")
            }
            return id
        }
        return TenantContext(userID: user.id, companyIDs: ids, credentialStamp: user.credentialStamp)
    }

    /// Odoo's `fields_get` answer for a model.
    public func fieldsGet(_ model: ModelDescription) -> JSONValue {
        var result: [String: JSONValue] = [:]
        for field in model.fields.values {
            var attributes: [String: JSONValue] = [
                "type": .string(field.type.rawValue), "string": .string(field.string),
                "required": .bool(field.required), "readonly": .bool(field.readonly || field.name == "id"),
                "store": .bool(field.isStored || field.type.isToMany), "sortable": .bool(field.column != nil), "searchable": true,
            ]
            if let relation = field.relation { attributes["relation"] = .string(relation) }
            if field.type == .selection { attributes["selection"] = .array(field.selection.map { .array($0.map(JSONValue.string)) }) }
            result[field.name] = .object(attributes)
        }
        result["display_name"] = ["type": "char", "string": "Display Name", "required": false, "readonly": true, "store": false, "sortable": false, "searchable": false]
        return .object(result)
    }
}

/// Odoo-style method arguments: positional, or by keyword.
struct Arguments {
    let args: [JSONValue]
    let kwargs: [String: JSONValue]

    func value(_ position: Int, _ name: String, _ signature: [String]) -> JSONValue? {
        if position < args.count { return args[position] }
        return kwargs[name]
    }

    func limit(_ position: Int, _ signature: [String]) throws(ModelError) -> Int? {
        guard let value = value(position, "limit", signature), value != .null, value != false else { return nil }
        guard let limit = value.intValue, limit >= 0 else { throw .validation("limit must be a positive integer") }
        return limit
    }

    func offset(_ position: Int, _ signature: [String]) throws(ModelError) -> Int {
        guard let value = value(position, "offset", signature), value != .null, value != false else { return 0 }
        guard let offset = value.intValue, offset >= 0 else { throw .validation("offset must be a positive integer") }
        return offset
    }

    /// Record ids: one id or a list of them.
    static func ids(_ value: JSONValue?) throws(ModelError) -> [Int] {
        guard let value else { throw .validation("Record ids are missing") }
        let list = value.arrayValue ?? [value]
        return try list.map { (element) throws(ModelError) -> Int in
            guard let id = element.intValue, id > 0, id < Int(Int32.max) else { throw .validation("Invalid record id \(element)") }
            return id
        }
    }

    /// A list of names (nil when absent or false).
    static func strings(_ value: JSONValue?, _ name: String) throws(ModelError) -> [String]? {
        guard let value, value != .null, value != false else { return nil }
        guard let list = value.arrayValue else { throw .validation("\(name) must be a list of field names") }
        return try list.map { (element) throws(ModelError) -> String in
            guard let text = element.stringValue else { throw .validation("\(name) must be a list of field names") }
            return text
        }
    }
}
