import EmbudoDatabase
import PGClient

/// Odoo's commands for one2many and many2many values in `create` and `write`:
/// `[0, 0, vals]` create, `[1, id, vals]` update, `[2, id]` delete, `[3, id]` unlink, `[4, id]` link,
/// `[5]` clear, `[6, 0, ids]` replace; short forms, a plain list of ids (replace) and `false` (clear)
/// are accepted too.
enum X2ManyCommand: Equatable {
    case create([String: JSONValue])
    case update(Int, [String: JSONValue])
    case delete(Int)
    case unlink(Int)
    case link(Int)
    case clear
    case set([Int])

    /// Parses a field's value into commands.
    static func parse(_ value: JSONValue, field: String) throws(ModelError) -> [X2ManyCommand] {
        func invalid() -> ModelError { .validation("Invalid value for field \(field): expected x2many commands or ids") }
        if value == false || value == .null { return [.clear] }
        guard let items = value.arrayValue else { throw invalid() }
        if !items.isEmpty && items.allSatisfy({ $0.intValue != nil }) {
            return [.set(try BoundArguments.ids(value))]
        }
        return try items.map { (item) throws(ModelError) -> X2ManyCommand in
            guard let parts = item.arrayValue, let code = parts.first?.intValue else { throw invalid() }
            func id() throws(ModelError) -> Int {
                guard parts.count >= 2, let id = parts[1].intValue, id > 0 else { throw invalid() }
                return id
            }
            func values(_ index: Int) throws(ModelError) -> [String: JSONValue] {
                guard parts.count > index, case .object(let members) = parts[index] else { throw invalid() }
                return members
            }
            switch code {
            case 0: return .create(try values(2))
            case 1: return .update(try id(), try values(2))
            case 2: return .delete(try id())
            case 3: return .unlink(try id())
            case 4: return .link(try id())
            case 5: return .clear
            case 6:
                guard parts.count >= 3 else { throw invalid() }
                return .set(try BoundArguments.ids(parts[2]))
            default: throw invalid()
            }
        }
    }
}

extension ModelService {
    /// Applies x2many commands to one record, on the transaction's connection.
    func apply(
        _ commands: [X2ManyCommand], field: FieldDescription, record: Int, model: ModelDescription, tenant: TenantContext,
        on connection: PGConnection
    ) throws {
        let related = try registry.model(field.relation!)
        let relatedQueries = ModelQueries(model: related, registry: registry, companies: tenant.companyIDs)
        let ownQueries = ModelQueries(model: model, registry: registry, companies: tenant.companyIDs)

        if field.type == .one2many {
            guard let inverse = field.inverseName, let inverseColumn = related.fields[inverse]?.column else {
                throw ModelError.validation("Field \(field.name) cannot be written")
            }
            func setParent(_ where: (inout SQLBuilder) -> Void, to parent: Int?) throws {
                var sql = SQLBuilder()
                sql.append("UPDATE \(related.table) SET \(inverseColumn) = ")
                sql.bind(parent.map(String.init))
                sql.append("::int, write_date = now() WHERE ")
                relatedQueries.appendCompanies(into: &sql, alias: nil, then: " AND ")
                `where`(&sql)
                try connection.query(sql.query)
            }
            for command in commands {
                switch command {
                case .create(let values):
                    var values = values
                    values[inverse] = .int(record)
                    try createNested(values, model: related, queries: relatedQueries, tenant: tenant, on: connection)
                case .update(let id, let values):
                    try updateNested(id, values, model: related, queries: relatedQueries, tenant: tenant, on: connection)
                case .delete(let id):
                    try delete(id, from: related, queries: relatedQueries, on: connection)
                case .unlink(let id):
                    try setParent({ sql in
                        sql.append("id = "); sql.bind(id); sql.append("::int AND \(inverseColumn) = "); sql.bind(record); sql.append("::int")
                    }, to: nil)
                case .link(let id):
                    var sql = SQLBuilder()
                    sql.append("UPDATE \(related.table) SET \(inverseColumn) = ")
                    sql.bind(record)
                    sql.append("::int, write_date = now() WHERE ")
                    relatedQueries.appendCompanies(into: &sql, alias: nil, then: " AND ")
                    sql.append("id = ")
                    sql.bind(id)
                    sql.append("::int")
                    try checkUpdated(try connection.query(sql.query), 1, related)
                case .clear:
                    try setParent({ sql in sql.append("\(inverseColumn) = "); sql.bind(record); sql.append("::int") }, to: nil)
                case .set(let list):
                    try setParent({ sql in
                        sql.append("\(inverseColumn) = "); sql.bind(record); sql.append("::int AND NOT id = ANY (")
                        sql.bind(list); sql.append("::int[])")
                    }, to: nil)
                    try setParent({ sql in sql.append("id = ANY ("); sql.bind(list); sql.append("::int[])") }, to: record)
                }
            }
            return
        }

        guard field.type == .many2many, let link = field.linkTable, let (own, other) = field.linkColumns else {
            throw ModelError.validation("Field \(field.name) cannot be written")
        }
        func linkTo(_ list: [Int]) throws {
            guard !list.isEmpty else { return }
            // The link takes the record's company; a related record of another company breaks the
            // composite foreign key and is refused.
            var sql = SQLBuilder()
            sql.append("INSERT INTO \(link) (company_id, \(own), \(other)) SELECT r.company_id, r.id, x FROM \(model.table) r, unnest(")
            sql.bind(list)
            sql.append("::int[]) x WHERE ")
            ownQueries.appendCompanies(into: &sql, alias: "r", then: " AND ")
            sql.append("r.id = ")
            sql.bind(record)
            sql.append("::int ON CONFLICT DO NOTHING")
            try connection.query(sql.query)
        }
        func unlinkFrom(_ list: [Int]?, keeping: Bool = false) throws {
            var sql = SQLBuilder()
            sql.append("DELETE FROM \(link) WHERE ")
            ownQueries.appendCompanies(into: &sql, alias: nil, then: " AND ")
            sql.append("\(own) = ")
            sql.bind(record)
            sql.append("::int")
            if let list {
                sql.append(keeping ? " AND NOT \(other) = ANY (" : " AND \(other) = ANY (")
                sql.bind(list)
                sql.append("::int[])")
            }
            try connection.query(sql.query)
        }
        for command in commands {
            switch command {
            case .create(let values):
                try linkTo([try createNested(values, model: related, queries: relatedQueries, tenant: tenant, on: connection)])
            case .update(let id, let values):
                try updateNested(id, values, model: related, queries: relatedQueries, tenant: tenant, on: connection)
            case .delete(let id):
                try delete(id, from: related, queries: relatedQueries, on: connection)
            case .unlink(let id): try unlinkFrom([id])
            case .link(let id): try linkTo([id])
            case .clear: try unlinkFrom(nil)
            case .set(let list):
                try unlinkFrom(list, keeping: true)
                try linkTo(list)
            }
        }
    }

    /// Creates a related record from x2many command values, its own x2many values included (an order
    /// line with its taxes). Returns its id.
    @discardableResult
    func createNested(
        _ values: [String: JSONValue], model: ModelDescription, queries: ModelQueries, tenant: TenantContext, on connection: PGConnection
    ) throws -> Int {
        let (scalars, relations) = try split(values, model: model)
        let id = try connection.query(try insert(scalars, model: model, queries: queries, tenant: tenant))[0].decode(Int.self, at: 0)
        for (field, commands) in relations {
            try apply(commands, field: field, record: id, model: model, tenant: tenant, on: connection)
        }
        return id
    }

    /// Updates a related record from an x2many command, its own x2many values included.
    func updateNested(
        _ id: Int, _ values: [String: JSONValue], model: ModelDescription, queries: ModelQueries, tenant: TenantContext, on connection: PGConnection
    ) throws {
        let (scalars, relations) = try split(values, model: model)
        try RecordChecks.checkChanged(try connection.query(try update([id], scalars, model: model, queries: queries, tenant: tenant)), ids: [id], model: model, on: connection)
        for (field, commands) in relations {
            try apply(commands, field: field, record: id, model: model, tenant: tenant, on: connection)
        }
    }

    /// Deletes one related record; one the user sees but may not delete is an access error.
    func delete(_ id: Int, from related: ModelDescription, queries: ModelQueries, on connection: PGConnection) throws {
        guard !related.isReadOnly else { throw ModelError(.access, "\(related.name) records cannot be changed.") }
        var sql = SQLBuilder()
        sql.append("DELETE FROM \(related.table)")
        queries.appendIDs([id], into: &sql, alias: nil)
        guard try connection.query(sql.query).affectedRows == 1 else {
            throw ModelError(.access, "You are not allowed to delete this \(related.name) record, or it does not exist.")
        }
    }

    func checkUpdated(_ result: PGResult, _ expected: Int, _ model: ModelDescription) throws {
        guard result.affectedRows == expected else { throw Self.missing(model) }
    }
}
