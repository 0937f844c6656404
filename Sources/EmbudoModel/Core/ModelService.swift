import EmbudoDatabase
import PGClient

/// Calls the models' methods: finds the model in the registry and the method in the model's table, binds
/// the arguments to the method's signature, opens the call's tenant context, and runs the method (each
/// call in one transaction acting as the user in the companies of the call's context). Also holds the
/// statement builders the methods share (insert, update).
public struct ModelService: Sendable {
    let database: Database
    /// The models it serves.
    public let registry: ModelRegistry

    public init(database: Database, registry: ModelRegistry = .standard) {
        self.database = database
        self.registry = registry
    }

    /// Calls `method` of `model` with Odoo's positional `args` and keyword `kwargs`, as `user`.
    ///
    /// - Throws: ``ModelError`` for anything the caller got wrong or may not do; ``PGError`` only for
    ///   failures of the database itself.
    public func call(
        _ modelName: String, _ methodName: String, args: [JSONValue], kwargs: [String: JSONValue], user: AuthenticatedUser
    ) async throws -> CallResult {
        if methodName.hasPrefix("_") {
            throw ModelError(.access, "Private methods (such as \(modelName).\(methodName)) cannot be called remotely.")
        }
        let model = try registry.model(modelName)
        let method = try model.method(methodName)
        guard model.accepts(method) else {
            throw ModelError(.access, "\(model.name) records cannot be changed.")
        }
        let context = kwargs["context"] ?? .object([:])
        let tenant = switch method.tenancy {
        case .companies: try Self.tenant(for: user, context: context)
        case .identity: try Self.ownContext(user, context: context)
        }
        let arguments = try Arguments(args: args, kwargs: kwargs).bind(to: method.signature, method: "\(model.name).\(methodName)")
        return try await method.body(MethodCall(
            service: self, model: model, method: methodName, arguments: arguments, context: context, user: user, tenant: tenant
        ))
    }

    /// The records `query` reads, as JSON: one statement, or (when `columns` look many2one names up
    /// after the rows) the statement and then its lookups, pipelined, in one read-only transaction.
    func records(_ query: PGQuery, _ columns: RecordColumns, as tenant: TenantContext) async throws -> String {
        guard !columns.lookups.isEmpty else { return try await database.single(query, as: tenant) { columns.json($0) } }
        return try await database.transaction(as: tenant, readOnly: true) { connection in
            let rows = try connection.query(query)
            let statements = columns.lookupStatements(rows)
            return columns.json(rows, lookedUp: rows.count == 0 ? [] : try connection.pipeline(statements))
        }
    }

    /// The result of a statement that builds its JSON in PostgreSQL, passed to the client as it is.
    func json(_ query: PGQuery, as tenant: TenantContext) async throws -> CallResult {
        .json(try await database.single(query, as: tenant) { try $0[0].decode(String.self, at: 0) })
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
            sql.bind(tenant.userID)
            sql.append("::int, ")
            sql.bind(tenant.userID)
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
            sql.bind(tenant.userID)
            sql.append("::int")
        }
        for assignment in assignments {
            sql.append(", \(assignment.column) = ")
            Self.bind(assignment.value, cast: assignment.cast, into: &sql)
        }
        queries.appendIDs(ids, into: &sql)
        return sql.query
    }

    static func bind(_ value: String?, cast: String, into sql: inout SQLBuilder) {
        if cast == "base64" {
            sql.append("decode(")
            sql.bind(value)
            sql.append("::text, 'base64')")
        } else if cast == "timestamp" {
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

    /// The context of a call about the user themself: their companies when they have any (the
    /// request's, checked), else none at all (a user whose only way in is an invitation).
    static func ownContext(_ user: AuthenticatedUser, context: JSONValue) throws(ModelError) -> TenantContext {
        if user.memberships.isEmpty { return TenantContext(userID: user.id, companyIDs: [], credentialStamp: user.credentialStamp) }
        return try tenant(for: user, context: context)
    }

    /// The tenant context of a call: `context.allowed_company_ids` (first = current company), checked
    /// against the user's memberships; by default the user's first company.
    static func tenant(for user: AuthenticatedUser, context: JSONValue) throws(ModelError) -> TenantContext {
        let memberships = user.memberships.map(\.companyID)
        guard let first = memberships.first else { throw ModelError(.companyAccess, "You have access to no company.") }
        // Odoo's context `lang` (a language code such as es_MX), for translated names.
        let language = context["lang"]?.stringValue.flatMap { code in
            code.utf8.count <= 12 && code.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "_" }
                ? code : nil
        }
        guard let requested = context["allowed_company_ids"]?.arrayValue, !requested.isEmpty else {
            return TenantContext(userID: user.id, companyIDs: [first], credentialStamp: user.credentialStamp, language: language)
        }
        let ids = try requested.map { (value) throws(ModelError) -> Int in
            guard let id = value.intValue, memberships.contains(id) else {
                throw ModelError(.companyAccess, "Access to unauthorized or invalid companies.")
            }
            return id
        }
        return TenantContext(userID: user.id, companyIDs: ids, credentialStamp: user.credentialStamp, language: language)
    }

    /// Odoo's `fields_get(allfields, attributes)` answer: the fields named in `allfields` (all when nil or
    /// empty; unknown names are left out, as Odoo does), each with the attributes named in `attributes`
    /// (all when nil or empty).
    public func fieldsGet(_ model: ModelDescription, fields names: [String]?, attributes: [String]?, language: String? = nil) -> JSONValue {
        guard case .object(var all) = fieldsGet(model, language: language) else { return .object([:]) }
        if let names, !names.isEmpty { all = all.filter { names.contains($0.key) } }
        if let attributes, !attributes.isEmpty {
            all = all.mapValues { value in
                guard case .object(let members) = value else { return value }
                return .object(members.filter { attributes.contains($0.key) })
            }
        }
        return .object(all)
    }

    /// Odoo's `fields_get` answer for a model: every field with every attribute, the labels in
    /// `language` (Odoo's context `lang`: Spanish for `es_*`, English otherwise).
    public func fieldsGet(_ model: ModelDescription, language: String? = nil) -> JSONValue {
        let label = FieldLabels(language: language)
        var result: [String: JSONValue] = [:]
        for field in model.fields.values {
            var attributes: [String: JSONValue] = [
                "type": .string(field.type.rawValue), "string": .string(label(field.string)),
                "required": .bool(field.required), "readonly": .bool(field.readonly || field.name == "id"),
                "store": .bool(field.isStored || field.type.isToMany), "sortable": .bool(field.column != nil), "searchable": true,
            ]
            if let relation = field.relation { attributes["relation"] = .string(relation) }
            if field.type == .selection {
                attributes["selection"] = .array(field.selection.map { [.string($0[0]), .string(label($0[1]))] })
            }
            result[field.name] = .object(attributes)
        }
        result["display_name"] = ["type": "char", "string": .string(label("Display Name")), "required": false, "readonly": true, "store": false, "sortable": false, "searchable": false]
        return .object(result)
    }
}
