import EmbudoDatabase
import PGClient

/// Odoo 17's web client reads: `web_search_read(domain, specification, offset, limit, order, count_limit)`
/// answers `{length, records}`, `web_read(ids, specification)` the records. A specification names the
/// fields to read (`{"name": {}}`); a relational field's own specification (`{"partner_id": {"fields":
/// {"display_name": {}}}}`) reads the related records too: a many2one as `{id, …}` (false when empty),
/// an x2many as a list of them; without one, a many2one is its id and an x2many its ids.
enum WebMethods {
    static let all: [ModelMethod] = [webSearchRead, webRead]

    static let webSearchRead = ModelMethod(
        "web_search_read", ["domain", "specification", "offset", "limit", "order", "count_limit"]
    ) { call in
        let specification = try Specification(call.arguments["specification"], model: call.model)
        let limit = try call.arguments.limit(), offset = try call.arguments.offset()
        let a = ModelQueries.alias
        var page = SQLBuilder()
        page.append("SELECT \(a).id FROM \(call.model.table) \(a)")
        try call.queries.appendWhere(call.arguments["domain"] ?? [], activeTest: call.activeTest, into: &page)
        page.append(" ORDER BY " + (try call.queries.orderBy(call.arguments["order"]?.stringValue)))
        call.queries.appendPage(limit: limit, offset: offset, into: &page)
        let ids = try await call.database.single(page.query, as: call.tenant, readOnly: true) { rows in
            try rows.map { try $0.decode(Int.self, at: 0) }
        }
        let records = try await read(ids, specification, model: call.model, call: call)
        // The pager's length: the page's own when it is not full, else a count (up to count_limit).
        var length = offset + ids.count
        if let limit, ids.count == limit {
            let count = try call.queries.countStatement(call.arguments["domain"] ?? [], activeTest: call.activeTest,
                                                        limit: try call.arguments.limit("count_limit"))
            length = try await call.database.single(count, as: call.tenant, readOnly: true) { try $0[0].decode(Int.self, at: 0) }
        }
        return .value(["length": .int(length), "records": .array(records)])
    }

    static let webRead = ModelMethod("web_read", .records("specification")) { call in
        let specification = try Specification(call.arguments["specification"], model: call.model)
        return .value(.array(try await read(try call.arguments.ids(), specification, model: call.model, call: call)))
    }

    /// The records `ids` of `model` (in that order, those the user may read) with the fields of
    /// `specification`, related records read as their own specifications say.
    static func read(_ ids: [Int], _ specification: Specification, model: ModelDescription, call: MethodCall) async throws -> [JSONValue] {
        guard !ids.isEmpty else { return [] }
        let queries = ModelQueries(model: model, registry: call.registry, companies: call.tenant.companyIDs)
        let (query, columns) = try queries.readStatement(ids, fields: try queries.readableFields(specification.fields.map(\.name)), classicRead: false)
        let text = try await call.database.single(query, as: call.tenant, readOnly: true) { columns.json($0) }
        guard case .array(var records) = try JSONValue(jsonText: text) else { return [] }
        for (field, nested) in specification.fields {
            guard let nested, let relation = model.fields[field]?.relation else { continue }
            let related = try call.registry.model(relation)
            let isToMany = model.fields[field]?.type.isToMany == true
            var wanted: [Int] = []
            for record in records {
                if isToMany { wanted += (record[field]?.arrayValue ?? []).compactMap(\.intValue) }
                else if let id = record[field]?.intValue { wanted.append(id) }
            }
            var seen = Set<Int>()
            let unique = wanted.filter { seen.insert($0).inserted }
            let relatedRecords = try await read(unique, try Specification(nested, model: related), model: related, call: call)
            let byID = Dictionary(relatedRecords.compactMap { record in record["id"]?.intValue.map { ($0, record) } }, uniquingKeysWith: { first, _ in first })
            records = records.map { record in
                guard case .object(var members) = record else { return record }
                if isToMany {
                    members[field] = .array((members[field]?.arrayValue ?? []).compactMap { $0.intValue.flatMap { byID[$0] } })
                } else if let id = members[field]?.intValue {
                    members[field] = byID[id] ?? ["id": .int(id)]
                }
                return .object(members)
            }
        }
        return records
    }

    /// A specification: the fields to read, each with the specification of its related records, if any.
    struct Specification {
        var fields: [(name: String, nested: JSONValue?)]

        init(_ value: JSONValue?, model: ModelDescription) throws(ModelError) {
            guard case .object(let members)? = value else {
                throw ModelError.validation("specification must be a dictionary of field names, such as {\"name\": {}}")
            }
            fields = try members.keys.sorted().map { (name) throws(ModelError) -> (String, JSONValue?) in
                guard name == "display_name" || model.fields[name] != nil else {
                    throw ModelError.validation("Invalid field \(name) on model \(model.name)")
                }
                guard case .object(let options)? = members[name] else { return (name, nil) }
                guard let nested = options["fields"] else { return (name, nil) }
                guard model.fields[name]?.relation != nil else {
                    throw ModelError.validation("Field \(name) of \(model.name) has no related records to read")
                }
                return (name, nested)
            }
            if !fields.contains(where: { $0.name == "id" }) { fields.insert(("id", nil), at: 0) }
        }
    }
}
