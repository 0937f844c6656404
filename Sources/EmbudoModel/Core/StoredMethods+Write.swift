import EmbudoDatabase
import PGClient

/// The generic writing methods of stored models: create, write, unlink, name_create, copy.
extension StoredMethods {
    static let create = ModelMethod("create", ["vals_list"], writes: true) { call in
        let service = call.service, model = call.model, tenant = call.tenant, queries = call.queries
        let argument = call.arguments["vals_list"] ?? .null
        let single: Bool
        let list: [JSONValue]
        switch argument {
        case .object: (single, list) = (true, [argument])
        case .array(let values): (single, list) = (false, values)
        default: throw ModelError.validation("create expects a dictionary of values or a list of them")
        }
        let defaults = ModelService.contextDefaults(model, call.context)
        let records = try list.map { (values) throws(ModelError) -> (PGQuery, [(FieldDescription, [X2ManyCommand])]) in
            guard case .object(var members) = values else { throw ModelError.validation("create expects dictionaries of values") }
            for (name, value) in defaults where members[name] == nil { members[name] = value }
            let (scalars, relations) = try service.split(members, model: model)
            return (try service.insert(scalars, model: model, queries: queries, tenant: tenant), relations)
        }
        let ids = try await call.database.transaction(as: tenant) { connection in
            if records.allSatisfy({ $0.1.isEmpty }) {
                // Plain values only: every INSERT in one round trip.
                return try connection.pipeline(records.map(\.0)).map { try $0[0].decode(Int.self, at: 0) }
            }
            return try records.map { statement, relations in
                let id = try connection.query(statement)[0].decode(Int.self, at: 0)
                for (field, commands) in relations {
                    try service.apply(commands, field: field, record: id, model: model, tenant: tenant, on: connection)
                }
                return id
            }
        }
        return .value(single ? .int(ids[0]) : .array(ids.map(JSONValue.int)))
    }

    static let write = ModelMethod("write", .records("vals"), writes: true) { call in
        let service = call.service, model = call.model, tenant = call.tenant
        let ids = try call.arguments.ids()
        guard case .object(let members)? = call.arguments["vals"] else {
            throw ModelError.validation("write expects a dictionary of values")
        }
        let (scalars, relations) = try service.split(members, model: model)
        guard relations.isEmpty || ids.count * relations.reduce(0, { $0 + $1.1.count }) <= ModelService.maxCommands else {
            throw ModelError.validation("Too many x2many commands in one call (at most \(ModelService.maxCommands))")
        }
        let query = try service.update(ids, scalars, model: model, queries: call.queries, tenant: tenant)
        try await call.database.transaction(as: tenant) { connection in
            try RecordChecks.checkChanged(try connection.query(query), ids: ids, model: model, on: connection)
            for id in ids {
                for (field, commands) in relations {
                    try service.apply(commands, field: field, record: id, model: model, tenant: tenant, on: connection)
                }
            }
        }
        return .value(true)
    }

    static let unlink = ModelMethod("unlink", .records(), writes: true) { call in
        let model = call.model
        let ids = try call.arguments.ids()
        var sql = SQLBuilder()
        sql.append("DELETE FROM \(model.table) \(ModelQueries.alias)")
        call.queries.appendIDs(ids, into: &sql)
        let query = sql.query
        let count = Set(ids).count
        try await call.database.transaction(as: call.tenant) { connection in
            guard try connection.query(query).affectedRows == count else {
                // The user's access level hides some or does not allow deleting them.
                try RecordChecks.refuseHidden(ids, model: model, verb: "delete", on: connection)
            }
        }
        return .value(true)
    }

    static let nameCreate = ModelMethod("name_create", ["name"], writes: true) { call in
        let model = call.model
        guard let name = call.arguments["name"]?.stringValue, !name.isEmpty else {
            throw ModelError.validation("name_create expects a name")
        }
        let statement = try call.service.insert([model.recordName: .string(name)], model: model, queries: call.queries, tenant: call.tenant)
        let id = try await call.database.transaction(as: call.tenant) { try $0.query(statement)[0].decode(Int.self, at: 0) }
        return .value([.int(id), .string(name)])
    }

    static let copy = ModelMethod("copy", ["id", "default"], writes: true) { call in
        let a = ModelQueries.alias
        let model = call.model, tenant = call.tenant
        guard let id = try call.arguments.ids("id").first else { throw ModelError.validation("copy expects an id") }
        var overrides: [String: JSONValue] = [:]
        if case .object(let members)? = call.arguments["default"] { overrides = members }
        let copyable = model.fields.values.filter { $0.column != nil && !$0.readonly && $0.name != "id" && $0.copied }.sorted { $0.name < $1.name }
        let (readQuery, columns) = try call.queries.readStatement([id], fields: copyable, classicRead: false)
        let original = try await call.database.single(readQuery, as: tenant) { columns.json($0) }
        guard case .object(var values)? = try JSONValue(jsonText: original).arrayValue?.first else { throw ModelService.missing(model) }
        values["id"] = nil
        if let name = values[model.recordName]?.stringValue { values[model.recordName] = .string(name + " (copy)") }
        for (key, value) in overrides { values[key] = value }
        let statement = try call.service.insert(values, model: model, queries: call.queries, tenant: tenant)
        return .value(.int(try await call.database.transaction(as: tenant) { try $0.query(statement)[0].decode(Int.self, at: 0) }))
    }
}
