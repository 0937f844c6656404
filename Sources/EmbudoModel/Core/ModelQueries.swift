import PGClient

/// Builds the SQL of the generic model methods from a model's description. Every identifier comes from
/// the description, every value is bound; the tenant fence and access levels are PostgreSQL's job.
struct ModelQueries: Sendable {
    let model: ModelDescription
    let registry: ModelRegistry
    /// The request's companies (the tenant context's), named in every query on a company's records.
    let companies: [Int]
    var compiler: DomainCompiler { DomainCompiler(registry: registry, companies: companies) }

    static let alias = "r0"

    /// `WHERE` for a search: the request's companies, the domain, plus `active` unless the domain speaks
    /// of it or `active_test` is off.
    func appendWhere(_ domain: JSONValue, activeTest: Bool, into sql: inout SQLBuilder) throws(ModelError) {
        sql.append(" WHERE ")
        appendCompanies(into: &sql, then: " AND ")
        try compiler.compile(domain, on: model, alias: Self.alias, companyNamed: model.isCompanyScoped, into: &sql)
        if activeTest && model.hasActive && !Self.mentions("active", in: domain) {
            sql.append(" AND \(Self.alias).active")
        }
    }

    /// `r0.company_id = $n` (`= ANY ($n)` for several companies) on a company's records, then `then`;
    /// nothing on models whose records are not a company's.
    ///
    /// Row-level security is the guarantee: its fence already limits every statement to the request's
    /// companies, and this predicate never widens it. But the fence reaches the planner as an InitPlan
    /// (`company_id = ANY ((SELECT embudo.company_ids()))`), whose value it cannot see: naming the
    /// companies as a bound parameter is what lets PostgreSQL estimate the tenant, walk an index that
    /// leads with `company_id` in the requested order and stop after the page, and (on a distributed
    /// PostgreSQL) route the statement to the node holding the company.
    func appendCompanies(into sql: inout SQLBuilder, alias: String? = Self.alias, then suffix: String = "") {
        guard model.isCompanyScoped else { return }
        let predicate = sql.companies(alias.map { "\($0).company_id" } ?? "company_id", in: companies)
        sql.append(predicate + suffix)
    }

    /// `WHERE r0.id = ANY ($ids)` and the request's companies: records by id.
    func appendIDs(_ ids: [Int], into sql: inout SQLBuilder, alias: String? = Self.alias) {
        sql.append(" WHERE ")
        appendCompanies(into: &sql, alias: alias, then: " AND ")
        sql.append(alias.map { "\($0).id" } ?? "id")
        sql.append(" = ANY (")
        sql.bind(ids)
        sql.append("::int[])")
    }

    static func mentions(_ field: String, in domain: JSONValue) -> Bool {
        (domain.arrayValue ?? []).contains { term in
            guard let path = term.arrayValue?.first?.stringValue else { return false }
            return path == field || path.hasPrefix(field + ".")
        }
    }

    /// `ORDER BY` terms from an Odoo order string (`"name desc, id"`), each field checked.
    func orderBy(_ order: String?) throws(ModelError) -> String {
        let text = (order?.isEmpty == false ? order! : model.order)
        var terms: [String] = []
        var ordersByID = false
        for rawTerm in text.split(separator: ",") {
            let words = rawTerm.split(separator: " ").map { $0.lowercased() }
            guard let name = words.first, words.count <= 4 else { throw .validation("Invalid order \(text)") }
            let field = try model.field(name)
            guard field.column != nil else { throw .validation("Cannot order by \(name)") }
            if field.name == "id" { ordersByID = true }
            var term = field.sql(Self.alias)
            switch Array(words.dropFirst()) {
            case []: break
            case ["asc"]: term += " ASC"
            case ["desc"]: term += " DESC"
            case ["asc", "nulls", "first"], ["asc", "nulls", "last"], ["desc", "nulls", "first"], ["desc", "nulls", "last"]:
                term += " " + words.dropFirst().joined(separator: " ").uppercased()
            default:
                throw .validation("Invalid order \(text)")
            }
            terms.append(term)
        }
        // A unique last key makes pages stable; a term on id already is one.
        if !ordersByID { terms.append("\(Self.alias).id") }
        return terms.joined(separator: ", ")
    }

    /// Appends `LIMIT` / `OFFSET`.
    func appendPage(limit: Int?, offset: Int, into sql: inout SQLBuilder) {
        if let limit {
            sql.append(" LIMIT ")
            sql.bind(limit)
            sql.append("::bigint")
        }
        if offset > 0 {
            sql.append(" OFFSET ")
            sql.bind(offset)
            sql.append("::bigint")
        }
    }

    /// The records `ids` (in that order, those the user may read) with `fields`: the statement, and the
    /// columns that write its rows as JSON.
    func readStatement(_ ids: [Int], fields: [FieldDescription], classicRead: Bool) throws(ModelError) -> (PGQuery, RecordColumns) {
        let a = Self.alias
        var sql = SQLBuilder()
        let columns = try RecordColumns(fields, classicRead: classicRead, queries: self, namesAfter: ids.count > RecordColumns.namesAfterFrom,
                                        into: &sql)
        sql.append("SELECT \(columns.selectList) FROM \(model.table) \(a)")
        appendIDs(ids, into: &sql)
        sql.append(" ORDER BY array_position(")
        sql.bind(ids)
        sql.append("::int[], \(a).id)")
        return (sql.query, columns)
    }

    /// How many records match `domain`, counting at most `limit` (Odoo 17's `search_count(domain, limit)`).
    func countStatement(_ domain: JSONValue, activeTest: Bool, limit: Int?) throws(ModelError) -> PGQuery {
        var sql = SQLBuilder()
        sql.append(limit == nil ? "SELECT count(*)" : "SELECT count(*) FROM (SELECT 1")
        sql.append(" FROM \(model.table) \(Self.alias)")
        try appendWhere(domain, activeTest: activeTest, into: &sql)
        if let limit {
            sql.append(" LIMIT ")
            sql.bind(limit)
            sql.append(") counted")
        }
        return sql.query
    }

    /// The fields to read: the ones asked for (checked, each once), or all.
    func readableFields(_ names: [String]?) throws(ModelError) -> [FieldDescription] {
        guard let names, !names.isEmpty else {
            return model.fields.values.sorted { $0.name < $1.name } + [displayName]
        }
        var seen = Set<String>()
        return try names.filter { seen.insert($0).inserted }.map { (name) throws(ModelError) -> FieldDescription in
            name == "display_name" ? displayName : try model.field(name)
        }
    }

    var displayName: FieldDescription {
        guard var name = model.fields[model.recordName] else {
            return FieldDescription("display_name", .char, string: "Display Name", readonly: true, column: "id")
        }
        name.name = "display_name"
        name.string = "Display Name"
        name.type = .char
        name.relation = nil
        name.readonly = true
        return name
    }

    /// `alias.company_id = $n AND ` (`= ANY ($n)`) when `related` holds a company's records, else nothing:
    /// the request's companies, named in a lookup of related records.
    func companyCondition(_ related: ModelDescription, alias: String, into sql: inout SQLBuilder) -> String {
        guard related.isCompanyScoped, model.isCompanyScoped else { return "" }
        return sql.companies("\(alias).company_id", in: companies) + " AND "
    }

    /// The fields a client may write, with their bound values (false → NULL except for booleans).
    func assignments(_ values: [String: JSONValue], creating: Bool) throws(ModelError) -> [(column: String, value: String?, cast: String)] {
        try values.sorted { $0.key < $1.key }.map { (name, value) throws(ModelError) in
            let field = try model.field(name)
            guard let column = field.column, field.isStored, name != "id", !field.readonly || (creating && name == "company_id") else {
                throw .validation("Field \(name) of \(model.name) cannot be written")
            }
            if value == false && (field.type == .integer || field.type == .float || field.type == .monetary) {
                // Odoo stores 0 for a number set to False.
                return (column, "0", castName(field))
            }
            if value == .null || (value == false && field.type != .boolean) {
                if field.required { throw .validation("Field \(field.string) (\(name)) is required") }
                return (column, nil, castName(field))
            }
            return (column, try compiler.text(of: value, for: field), castName(field))
        }
    }

    func castName(_ field: FieldDescription) -> String {
        switch field.type {
        case .integer, .many2one: return "int"
        case .float: return "float8"
        case .monetary: return "numeric"
        case .boolean: return "bool"
        case .date: return "date"
        case .datetime: return "timestamp"
        case .binary: return "base64"
        default: return "text"
        }
    }
}
