import PGClient

/// Odoo's `read_group`: records grouped by fields (dates by day, week, month, quarter or year), with a
/// count and aggregates per group, and the domain of each group for drilling down.
struct ReadGroup {
    let model: ModelDescription
    let queries: ModelQueries

    static let granularities: Set<String> = ["day", "week", "month", "quarter", "year"]
    static let aggregates: Set<String> = ["sum", "avg", "min", "max", "count", "count_distinct", "bool_and", "bool_or", "array_agg"]

    struct GroupKey {
        var name: String  // as the client wrote it: "date:month"
        var field: FieldDescription
        var granularity: String?
    }

    struct Aggregate {
        var name: String
        var function: String
        var field: FieldDescription
    }

    /// The statement and what is needed to shape its rows.
    func statement(
        domain: JSONValue, fields: [String], groupBy: [String], lazy: Bool, orderBy: String?, limit: Int?, offset: Int,
        activeTest: Bool, timeZone: String
    ) throws(ModelError) -> (PGQuery, [GroupKey], [Aggregate]) {
        guard !groupBy.isEmpty else { throw .validation("read_group needs at least one groupby") }
        let used = lazy ? Array(groupBy.prefix(1)) : groupBy
        let keys = try used.map { (spec) throws(ModelError) -> GroupKey in
            let parts = spec.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let field = try model.field(parts[0])
            guard field.column != nil else { throw .validation("Cannot group by \(parts[0])") }
            if parts.count == 2 {
                guard field.type == .date || field.type == .datetime, Self.granularities.contains(parts[1]) else {
                    throw .validation("Invalid groupby \(spec)")
                }
                return GroupKey(name: spec, field: field, granularity: parts[1])
            }
            return GroupKey(name: spec, field: field, granularity: (field.type == .date || field.type == .datetime) ? "month" : nil)
        }
        var aggregates: [Aggregate] = []
        for spec in fields {
            // "amount:sum", "total:sum(amount)", or a bare numeric field (summed, as Odoo does).
            let parts = spec.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            var name = parts[0]
            var function = parts.count == 2 ? parts[1] : (model.fields[name]?.aggregator ?? "sum")
            var fieldName = name
            if let open = function.firstIndex(of: "("), function.hasSuffix(")") {
                fieldName = String(function[function.index(after: open)..<function.index(before: function.endIndex)])
                function = String(function[..<open])
            }
            name = parts[0]
            if name == "__count" || keys.contains(where: { $0.field.name == name }) { continue }
            let field = try model.field(fieldName)
            guard Self.aggregates.contains(function) else { throw .validation("Invalid aggregate function \(function)") }
            guard field.column != nil else { continue }
            if parts.count == 1 && !(field.type == .integer || field.type == .float || field.type == .monetary) { continue }
            aggregates.append(Aggregate(name: name, function: function, field: field))
        }

        let a = ModelQueries.alias
        var sql = SQLBuilder()
        let tz = keys.contains { $0.field.type == .datetime } ? sql.placeholder(for: timeZone) + "::text" : "'UTC'"
        var select: [String] = []
        var groupTerms: [String] = []
        for key in keys {
            let column = key.field.sql(a)
            if let granularity = key.granularity {
                let local = key.field.type == .datetime ? "(\(column) AT TIME ZONE \(tz))" : "\(column)::timestamp"
                let start = "date_trunc('\(granularity)', \(local))"
                groupTerms.append(start)
                select.append("coalesce(to_jsonb(\(Self.label(granularity, start))), 'null')")
                let interval = granularity == "quarter" ? "3 months" : "1 \(granularity)"
                if key.field.type == .datetime {
                    select.append("coalesce(to_jsonb(to_char((\(start)) AT TIME ZONE \(tz) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')), 'null')")
                    select.append("coalesce(to_jsonb(to_char((\(start) + interval '\(interval)') AT TIME ZONE \(tz) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')), 'null')")
                } else {
                    select.append("coalesce(to_jsonb(to_char(\(start), 'YYYY-MM-DD')), 'null')")
                    select.append("coalesce(to_jsonb(to_char(\(start) + interval '\(interval)', 'YYYY-MM-DD')), 'null')")
                }
            } else if key.field.type == .many2one {
                groupTerms.append(column)
                let related = try queries.registry.model(key.field.relation!)
                let companies = queries.companyCondition(related, alias: "x", into: &sql)
                select.append("CASE WHEN \(column) IS NULL THEN 'false'::jsonb ELSE jsonb_build_array(\(column), "
                              + "(SELECT \(related.nameSQL("x")) FROM \(related.table) x WHERE \(companies)x.id = \(column))) END")
            } else {
                groupTerms.append(column)
                select.append("coalesce(to_jsonb(\(column)), 'false')")
            }
        }
        select.append("to_jsonb(count(*))")
        for aggregate in aggregates {
            let column = aggregate.field.sql(a)
            let expression: String
            switch aggregate.function {
            case "count_distinct": expression = "count(DISTINCT \(column))"
            case "array_agg": expression = "array_agg(\(column))"
            default: expression = "\(aggregate.function)(\(column))"
            }
            select.append("coalesce(to_jsonb(\(expression)), 'false')")
        }
        sql.append("SELECT " + select.joined(separator: ", ") + " FROM \(model.table) \(a)")
        try queries.appendWhere(domain, activeTest: activeTest, into: &sql)
        sql.append(" GROUP BY " + groupTerms.joined(separator: ", "))
        sql.append(" ORDER BY " + (try order(orderBy, keys: keys, groupTerms: groupTerms, aggregates: aggregates)))
        queries.appendPage(limit: limit, offset: offset, into: &sql)
        return (sql.query, keys, aggregates)
    }

    private func order(_ orderBy: String?, keys: [GroupKey], groupTerms: [String], aggregates: [Aggregate]) throws(ModelError) -> String {
        guard let orderBy, !orderBy.isEmpty else { return groupTerms.map { $0 + " NULLS LAST" }.joined(separator: ", ") }
        var terms: [String] = []
        for rawTerm in orderBy.split(separator: ",") {
            let words = rawTerm.split(separator: " ").map(String.init)
            guard let name = words.first, words.count <= 2 else { throw .validation("Invalid orderby \(orderBy)") }
            let direction: String
            switch words.count == 2 ? words[1].lowercased() : "asc" {
            case "asc": direction = "ASC"
            case "desc": direction = "DESC"
            default: throw .validation("Invalid orderby \(orderBy)")
            }
            if name == "__count" {
                terms.append("count(*) \(direction)")
            } else if let index = keys.firstIndex(where: { $0.name == name || $0.field.name == name }) {
                terms.append("\(groupTerms[index]) \(direction)")
            } else if let aggregate = aggregates.first(where: { $0.name == name }) {
                terms.append("\(aggregate.function == "count_distinct" ? "count" : aggregate.function)(\(aggregate.field.sql(ModelQueries.alias))) \(direction)")
            } else {
                throw .validation("Cannot order groups by \(name)")
            }
        }
        return terms.joined(separator: ", ")
    }

    /// Odoo's group labels: "27 Nov 2026", "W48 2026", "November 2026", "Q4 2026", "2026".
    static func label(_ granularity: String, _ start: String) -> String {
        switch granularity {
        case "day": return "to_char(\(start), 'DD Mon YYYY')"
        case "week": return "'W' || to_char(\(start), 'IW IYYY')"
        case "quarter": return "'Q' || to_char(\(start), 'Q YYYY')"
        case "year": return "to_char(\(start), 'YYYY')"
        default: return "to_char(\(start), 'FMMonth YYYY')"
        }
    }

    /// Shapes the rows into Odoo's groups.
    func groups(_ rows: [[JSONValue]], keys: [GroupKey], aggregates: [Aggregate], domain: JSONValue, groupBy: [String], lazy: Bool) -> JSONValue {
        let baseDomain = domain.arrayValue ?? []
        return .array(rows.map { row in
            var group: [String: JSONValue] = [:]
            var conditions: [JSONValue] = []
            var column = 0
            for key in keys {
                if key.granularity != nil {
                    let label = row[column], start = row[column + 1], end = row[column + 2]
                    column += 3
                    group[key.name] = label == .null ? false : label
                    if start == .null {
                        conditions.append([.string(key.field.name), "=", false])
                    } else {
                        conditions += ["&", [.string(key.field.name), ">=", start], [.string(key.field.name), "<", end]]
                    }
                } else {
                    let value = row[column]
                    column += 1
                    group[key.name] = value
                    let plain: JSONValue = key.field.type == .many2one ? (value.arrayValue?.first ?? false) : value
                    conditions.append([.string(key.field.name), "=", plain])
                }
            }
            let count = row[column]
            column += 1
            if lazy {
                group["\(keys[0].field.name)_count"] = count
                if groupBy.count > 1 { group["__context"] = ["group_by": .array(groupBy.dropFirst().map(JSONValue.string))] }
            } else {
                group["__count"] = count
            }
            for aggregate in aggregates {
                group[aggregate.name] = row[column]
                column += 1
            }
            // Top-level terms are ANDed, so the group's conditions and the search's domain just follow
            // each other.
            group["__domain"] = .array(conditions + baseDomain)
            return .object(group)
        })
    }
}
