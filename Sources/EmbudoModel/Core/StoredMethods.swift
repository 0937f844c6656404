import EmbudoDatabase
import PGClient

/// The generic methods of stored models (Odoo's `models.Model`), with Odoo 17's parameters. The reading
/// ones are here; the writing ones in `StoredMethods+Write.swift`.
enum StoredMethods {
    /// Every generic method of a stored model.
    static let all: [ModelMethod] = [
        search, searchCount, read, searchRead, readGroup, fieldsGet, defaultGet, nameSearch, exists,
        create, write, unlink, nameCreate, copy,
    ]

    /// The generic methods that change records.
    static let writing: [ModelMethod] = [create, write, unlink, nameCreate, copy]

    static let search = ModelMethod("search", ["domain", "offset", "limit", "order", "count"]) { call in
        let a = ModelQueries.alias
        let count = call.arguments["count"]?.isTruthy ?? false
        var sql = SQLBuilder()
        sql.append(count ? "SELECT count(*) FROM \(call.model.table) \(a)" : "SELECT \(a).id FROM \(call.model.table) \(a)")
        try call.queries.appendWhere(call.arguments["domain"] ?? [], activeTest: call.activeTest, into: &sql)
        if !count {
            sql.append(" ORDER BY " + (try call.queries.orderBy(call.arguments["order"]?.stringValue)))
            call.queries.appendPage(limit: try call.arguments.limit(), offset: try call.arguments.offset(), into: &sql)
        }
        return .value(try await call.database.single(sql.query, as: call.tenant) { rows in
            count ? .int(try rows[0].decode(Int.self, at: 0)) : .array(try rows.map { .int(try $0.decode(Int.self, at: 0)) })
        })
    }

    static let searchCount = ModelMethod("search_count", ["domain", "limit"]) { call in
        let query = try call.queries.countStatement(call.arguments["domain"] ?? [], activeTest: call.activeTest, limit: try call.arguments.limit())
        return .value(try await call.database.single(query, as: call.tenant) { .int(try $0[0].decode(Int.self, at: 0)) })
    }

    static let read = ModelMethod("read", .records("fields", "load")) { call in
        let fields = try call.queries.readableFields(try call.arguments.strings("fields"))
        let (query, columns) = try call.queries.readStatement(try call.arguments.ids(), fields: fields, classicRead: classicRead(call.arguments))
        return .json(try await call.service.records(query, columns, as: call.tenant))
    }

    static let searchRead = ModelMethod("search_read", MethodSignature(["domain", "fields", "offset", "limit", "order"], keywords: ["load"])) { call in
        let a = ModelQueries.alias
        let fields = try call.queries.readableFields(try call.arguments.strings("fields"))
        // One ordered scan that stops after the page: an index that leads with company_id and continues
        // with the order serves it, and the related names are looked up for the page's rows only.
        var sql = SQLBuilder()
        let limit = try call.arguments.limit()
        let columns = try RecordColumns(fields, classicRead: classicRead(call.arguments), queries: call.queries,
                                        namesAfter: (limit ?? .max) > RecordColumns.namesAfterFrom, into: &sql)
        sql.append("SELECT \(columns.selectList) FROM \(call.model.table) \(a)")
        try call.queries.appendWhere(call.arguments["domain"] ?? [], activeTest: call.activeTest, into: &sql)
        sql.append(" ORDER BY " + (try call.queries.orderBy(call.arguments["order"]?.stringValue)))
        call.queries.appendPage(limit: limit, offset: try call.arguments.offset(), into: &sql)
        return .json(try await call.service.records(sql.query, columns, as: call.tenant))
    }

    static let readGroup = ModelMethod("read_group", ["domain", "fields", "groupby", "offset", "limit", "orderby", "lazy"]) { call in
        let statement = try groupStatement(call)
        return .value(try await call.database.transaction(as: call.tenant, readOnly: true) { connection in
            try statement.groups(on: connection)
        })
    }

    /// `read_group`'s statement for the call, and how to shape its rows into groups.
    struct GroupStatement {
        let readGroup: ReadGroup
        let query: PGQuery
        let keys: [ReadGroup.GroupKey]
        let aggregates: [ReadGroup.Aggregate]
        let domain: JSONValue
        let groupBy: [String]
        let lazy: Bool

        /// The groups, read on `connection` (inside the call's transaction).
        func groups(on connection: PGConnection) throws -> JSONValue {
            let rows = try connection.query(query).map { row in
                try (0..<row.result.columnCount).map { column in try JSONValue(jsonText: row.decode(String.self, at: column)) }
            }
            return readGroup.groups(rows, keys: keys, aggregates: aggregates, domain: domain, groupBy: groupBy, lazy: lazy)
        }
    }

    /// `read_group`'s statement, for models that adjust its groups (the pipeline's empty stages) in the
    /// same transaction.
    static func groupStatement(_ call: MethodCall) throws(ModelError) -> GroupStatement {
        let arguments = call.arguments
        let groupBy = try groupBy(arguments)
        let domain = arguments["domain"] ?? []
        let lazy = arguments["lazy"]?.isTruthy ?? true
        let readGroup = ReadGroup(model: call.model, queries: call.queries)
        let (query, keys, aggregates) = try readGroup.statement(
            domain: domain, fields: try arguments.strings("fields") ?? [],
            groupBy: groupBy, lazy: lazy, orderBy: arguments["orderby"]?.stringValue,
            limit: try arguments.limit(), offset: try arguments.offset(),
            activeTest: call.activeTest, timeZone: call.context["tz"]?.stringValue ?? call.user.tz
        )
        return GroupStatement(readGroup: readGroup, query: query, keys: keys, aggregates: aggregates, domain: domain, groupBy: groupBy, lazy: lazy)
    }

    /// `groupby`: one field name or a list of them.
    static func groupBy(_ arguments: BoundArguments) throws(ModelError) -> [String] {
        switch arguments["groupby"] {
        case .string(let one)?: [one]
        case let value?: try BoundArguments.strings(value, "groupby") ?? []
        case nil: []
        }
    }

    static let fieldsGet = ModelMethod("fields_get", ["allfields", "attributes"]) { call in
        .value(call.service.fieldsGet(
            call.model, fields: try call.arguments.strings("allfields"), attributes: try call.arguments.strings("attributes"),
            language: call.context["lang"]?.stringValue
        ))
    }

    /// Whether `read` names many2one values (`load="_classic_read"`, the default) or gives their ids
    /// alone (any other `load`, `None` included, as in Odoo).
    static func classicRead(_ arguments: BoundArguments) -> Bool {
        guard let load = arguments["load"] else { return true }
        return load.stringValue == "_classic_read"
    }

    static let defaultGet = ModelMethod("default_get", ["fields_list"]) { call in
        let names = try call.arguments.strings("fields_list") ?? []
        let fromContext = ModelService.contextDefaults(call.model, call.context)
        var defaults: [String: JSONValue] = [:]
        for name in names where call.model.fields[name] != nil {
            if name == "active" { defaults[name] = true }
            if name == "company_id", let company = call.tenant.companyIDs.first { defaults[name] = .int(company) }
            if let value = fromContext[name] { defaults[name] = value }
        }
        return .value(.object(defaults))
    }

    static let nameSearch = ModelMethod("name_search", ["name", "args", "operator", "limit"]) { call in
        let a = ModelQueries.alias
        let model = call.model
        let name = call.arguments["name"]?.stringValue ?? ""
        let op = call.arguments["operator"]?.stringValue ?? "ilike"
        var domain = call.arguments["args"]?.arrayValue ?? []
        if !name.isEmpty { domain.append([.string(model.recordName), .string(op), .string(name)]) }
        var sql = SQLBuilder()
        sql.append("SELECT array_to_json(ARRAY(SELECT json_build_array(\(a).id, (\(model.nameSQL(a)))::text)")
        sql.append(" FROM \(model.table) \(a)")
        try call.queries.appendWhere(.array(domain), activeTest: call.activeTest, into: &sql)
        sql.append(" ORDER BY " + (try call.queries.orderBy(nil)))
        call.queries.appendPage(limit: try call.arguments.limit() ?? 100, offset: 0, into: &sql)
        sql.append("))::text")
        return try await call.service.json(sql.query, as: call.tenant)
    }

    static let exists = ModelMethod("exists", .records()) { call in
        let ids = try call.arguments.ids()
        var sql = SQLBuilder()
        sql.append("SELECT r0.id FROM \(call.model.table) r0")
        call.queries.appendIDs(ids, into: &sql)
        sql.append(" ORDER BY array_position(")
        sql.bind(ids)
        sql.append("::int[], r0.id)")
        let query = sql.query
        return .value(try await call.database.transaction(as: call.tenant, readOnly: true) { connection in
            .array(try connection.query(query).map { .int(try $0.decode(Int.self, at: 0)) })
        })
    }
}
