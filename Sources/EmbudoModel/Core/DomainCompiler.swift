/// Turns an Odoo domain (`["|", ["name", "ilike", "acme"], ["email", "=", false]]`) into a SQL condition
/// on one model, with every value bound and every field and operator checked against the model's
/// description.
///
/// Odoo's rules are kept: prefix `&`, `|`, `!` with implicit AND; `false` means NULL (and, for booleans,
/// also `false`); negative operators (`!=`, `not in`, `not like`, `not ilike`) also match NULL; `like`
/// and `ilike` wrap the value in `%…%`, `=like` and `=ilike` do not; a string compared with a many2one
/// matches the related record's name; dotted paths follow many2one, one2many and many2many fields.
///
/// Row-level security still decides which rows exist at all: subqueries on related tables see only
/// what the caller may see.
public struct DomainCompiler: Sendable {
    let registry: ModelRegistry
    /// The request's companies, named in the subqueries on related records of a company's records (nil:
    /// none named; the fence still holds them).
    let companies: [Int]?

    public init(registry: ModelRegistry, companies: [Int]? = nil) {
        self.registry = registry
        self.companies = companies
    }

    /// `alias.company_id = $n AND ` (`= ANY ($n)` for several companies) when records of `model` relate
    /// to those of `related`, both a company's: a subquery on related records names the tenant, as every
    /// query does (the relation never crosses companies: its foreign key includes company_id), so that it
    /// uses the related table's keys and stays on the tenant's node of a distributed PostgreSQL. The
    /// subquery stays uncorrelated (PostgreSQL hashes it once per statement).
    ///
    /// - Returns: whether it named the request's one company by an equality, so that the subquery's
    ///   conditions may use the leakproof text operators (``textCondition``).
    private func companyCondition(_ model: ModelDescription, _ related: ModelDescription, alias: String, into sql: inout SQLBuilder) -> Bool {
        guard let companies, model.isCompanyScoped, related.isCompanyScoped else { return false }
        let predicate = sql.companies("\(alias).company_id", in: companies)
        sql.append(predicate + " AND ")
        return companies.count == 1
    }

    /// The deepest a domain may nest (through `any` and dotted paths).
    static let maxDepth = 16
    /// The most terms a domain may have.
    static let maxTerms = 1000

    indirect enum Node {
        case and(Node, Node)
        case or(Node, Node)
        case not(Node)
        case leaf(path: String, operator: String, value: JSONValue)
        case constant(Bool)
    }

    /// The most JSON values a whole domain may hold, sub-domains included.
    static let maxValues = 20_000

    /// Appends the condition for `domain` on `model`, whose table is aliased `alias`. `companyNamed`:
    /// the caller's statement limits `alias` to the request's companies by `alias.company_id = $n` (one
    /// company) beside this condition, so that a text search may use the leakproof operators
    /// (``textCondition``).
    public func compile(
        _ domain: JSONValue, on model: ModelDescription, alias: String, companyNamed: Bool = false, into sql: inout SQLBuilder
    ) throws(ModelError) {
        guard Self.size(of: domain, limit: Self.maxValues) <= Self.maxValues else {
            throw .validation("The domain is too large")
        }
        let named = companyNamed && companies?.count == 1 && model.isCompanyScoped
        try render(try parse(domain), on: model, alias: alias, depth: 0, named: named, into: &sql)
    }

    /// The number of JSON values in `value`, counting stops past `limit`.
    static func size(of value: JSONValue, limit: Int) -> Int {
        var count = 0
        var stack = [value]
        while let next = stack.popLast(), count <= limit {
            count += 1
            switch next {
            case .array(let values): stack += values
            case .object(let members): stack += members.values
            default: break
            }
        }
        return count
    }

    // MARK: - Parsing

    func parse(_ domain: JSONValue) throws(ModelError) -> Node {
        guard let terms = domain.arrayValue else {
            if domain == .null || domain == false { return .constant(true) }
            throw .validation("A domain must be a list")
        }
        guard terms.count <= Self.maxTerms else { throw .validation("The domain has more than \(Self.maxTerms) terms") }
        var index = 0
        var nodes: [Node] = []
        while index < terms.count {
            nodes.append(try parseTerm(terms, &index))
        }
        guard var result = nodes.first else { return .constant(true) }
        for node in nodes.dropFirst() { result = .and(result, node) }
        return result
    }

    private func parseTerm(_ terms: [JSONValue], _ index: inout Int) throws(ModelError) -> Node {
        guard index < terms.count else { throw .validation("The domain ends in the middle of an operator's operands") }
        let term = terms[index]
        index += 1
        switch term {
        case .string("&"):
            return .and(try parseTerm(terms, &index), try parseTerm(terms, &index))
        case .string("|"):
            return .or(try parseTerm(terms, &index), try parseTerm(terms, &index))
        case .string("!"):
            return .not(try parseTerm(terms, &index))
        case .array(let parts) where parts.count == 3:
            // Odoo's constant leaves.
            if parts == [1, "=", 1] { return .constant(true) }
            if parts == [0, "=", 1] { return .constant(false) }
            guard let path = parts[0].stringValue, let op = parts[1].stringValue else {
                throw .validation("Invalid domain term \(Self.describe(term))")
            }
            return .leaf(path: path, operator: op.lowercased(), value: parts[2])
        default:
            throw .validation("Invalid domain term \(Self.describe(term))")
        }
    }

    /// The longest pattern (in bytes) searched with the leakproof operators: matching costs what the
    /// pattern's length does, and nobody types more.
    static let maxIndexedPattern = 256

    /// `column OPERATOR(embudo.~~*) $p`: a search with the text operators that a trigram index serves
    /// below row-level security (ILIKE and LIKE declared leakproof, callable by the service only:
    /// sql/bootstrap.sql), planned for its values (a rare word reads the index, a common one the list's
    /// order, stopping after the page; about 0.3 ms of planning).
    ///
    /// Being leakproof, the operator may run before the row's policies, on any row PostgreSQL reads. So
    /// it is used only where the column's table is limited to one company by an equality in the same
    /// query level: `r0.company_id = $c` (the caller's, which says so to ``compile``) or a related-record
    /// subquery's ``companyCondition``. PostgreSQL puts that equality into every index
    /// scan for the operator (a GIN index takes an equality, and may leave `= ANY` out) and tests the
    /// company before the text in the scan's recheck. (Repeating the equality beside the operator made
    /// PostgreSQL read the company through a btree index for each term of an OR instead.)
    ///
    /// `lowered`: `column` is a lower-cased copy, matched with LIKE against the pattern lower-cased.
    private func textCondition(column: String, ilike: Bool, lowered: Bool, pattern: String, into sql: inout SQLBuilder) {
        sql.append("\(column)::text OPERATOR(embudo.\(ilike ? "~~*" : "~~")) ")
        Self.bindPattern(pattern, lowered: lowered, into: &sql)
        sql.planForValues()
    }

    /// The pattern as a parameter, lower-cased by PostgreSQL (as ILIKE lower-cases it) when `lowered`.
    private static func bindPattern(_ pattern: String, lowered: Bool, into sql: inout SQLBuilder) {
        if lowered { sql.append("lower(") }
        sql.bind(pattern)
        if lowered { sql.append("::text)") }
    }

    /// Whether a LIKE pattern holds three letters or digits in a row outside its wildcards (a backslash
    /// escapes the character after it): the least a trigram index needs to narrow a search.
    static func hasTrigram(_ pattern: String) -> Bool {
        var run = 0
        var escaped = false
        for scalar in pattern.unicodeScalars {
            if !escaped && scalar == "\\" {
                escaped = true
                continue
            }
            let literal = escaped || (scalar != "%" && scalar != "_")
            escaped = false
            run = literal && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil) ? run + 1 : 0
            if run == 3 { return true }
        }
        return false
    }

    static func describe(_ value: JSONValue) -> String {
        String(describing: value).prefix(80).description
    }

    // MARK: - Rendering

    /// `named`: this query level limits `alias` to the request's one company by an equality. `inOr`: the
    /// node is a term of an OR (at any depth of this condition, not of a subquery's).
    private func render(
        _ node: Node, on model: ModelDescription, alias: String, depth: Int, named: Bool, inOr: Bool = false,
        into sql: inout SQLBuilder
    ) throws(ModelError) {
        switch node {
        case .constant(let value):
            sql.append(value ? "TRUE" : "FALSE")
        case .and(let left, let right), .or(let left, let right):
            let joiner: String
            var termsInOr = inOr
            if case .and = node { joiner = " AND " } else { joiner = " OR "; termsInOr = true }
            sql.append("(")
            try render(left, on: model, alias: alias, depth: depth, named: named, inOr: termsInOr, into: &sql)
            sql.append(joiner)
            try render(right, on: model, alias: alias, depth: depth, named: named, inOr: termsInOr, into: &sql)
            sql.append(")")
        case .not(let inner):
            // Odoo negates a leaf's whole meaning, NULLs included.
            sql.append("(NOT coalesce((")
            try render(inner, on: model, alias: alias, depth: depth, named: named, inOr: inOr, into: &sql)
            sql.append("), false))")
        case .leaf(let path, let op, let value):
            try leaf(path: path, op: op, value: value, on: model, alias: alias, depth: depth, named: named, inOr: inOr, into: &sql)
        }
    }

    static let operators: Set<String> = [
        "=", "!=", "<>", "<", "<=", ">", ">=", "=?", "like", "ilike", "not like", "not ilike", "=like", "=ilike",
        "in", "not in", "child_of", "parent_of", "any", "not any",
    ]

    private func leaf(
        path: String, op rawOp: String, value: JSONValue, on model: ModelDescription, alias: String, depth: Int,
        named: Bool, inOr: Bool = false, into sql: inout SQLBuilder
    ) throws(ModelError) {
        guard depth < Self.maxDepth else { throw .validation("The domain nests more than \(Self.maxDepth) levels deep") }
        let op = rawOp == "<>" ? "!=" : rawOp
        guard Self.operators.contains(op) else { throw .validation("Invalid domain operator \(rawOp)") }
        let parts = path.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard !parts[0].isEmpty, parts.count == 1 || !parts[1].isEmpty else { throw .validation("Invalid field path \(path)") }
        let field = try model.field(parts[0])

        // A dotted path: the rest applies to the related model.
        if parts.count == 2 {
            guard field.relation != nil else { throw .validation("Field \(field.name) of \(model.name) has no sub-fields") }
            try related(field, of: model, alias: alias, negated: false, depth: depth, inOr: inOr, into: &sql) { sql, related, inner, named throws(ModelError) in
                try leaf(path: parts[1], op: op, value: value, on: related, alias: inner, depth: depth + 1, named: named, into: &sql)
            }
            return
        }

        switch op {
        case "any", "not any":
            guard field.relation != nil else { throw .validation("Operator \(op) needs a relational field, not \(field.name)") }
            let subdomain = try parse(value)
            try related(field, of: model, alias: alias, negated: op == "not any", depth: depth, into: &sql) { sql, related, inner, named throws(ModelError) in
                try render(subdomain, on: related, alias: inner, depth: depth + 1, named: named, into: &sql)
            }
            return
        case "child_of", "parent_of":
            try hierarchy(field, op: op, value: value, on: model, alias: alias, into: &sql)
            return
        default:
            break
        }

        if field.type.isToMany {
            try toManyLeaf(field, op: op, value: value, on: model, alias: alias, depth: depth, into: &sql)
            return
        }
        // A name compared with a many2one: match the related record's name.
        if field.type == .many2one, case .string = value, op != "=?" {
            try related(field, of: model, alias: alias, negated: false, depth: depth, inOr: inOr, into: &sql) { sql, related, inner, named throws(ModelError) in
                try leaf(path: related.recordName, op: op, value: value, on: related, alias: inner, depth: depth + 1, named: named, into: &sql)
            }
            return
        }
        try scalarLeaf(
            field, op: op, value: value, column: field.sql(alias), folded: field.foldedColumn.map { "\(alias).\($0)" },
            oneCompany: named, into: &sql
        )
    }

    /// `(field, op, value)` on a stored column. `folded`: the column's lower-cased copy, which a
    /// case-insensitive match reads instead. `oneCompany`: the column's table is limited to the one
    /// company the request names, so a text search may use the leakproof operators (``textCondition``).
    private func scalarLeaf(
        _ field: FieldDescription, op: String, value: JSONValue, column: String, folded: String? = nil,
        oneCompany: Bool = false, into sql: inout SQLBuilder
    ) throws(ModelError) {
        let isFalse = value == false || value == .null
        if field.type == .binary && !((op == "=" || op == "!=") && isFalse) {
            throw .validation("Field \(field.name) holds bytes: it can only be compared with False")
        }
        switch op {
        case "=?":
            if isFalse { sql.append("TRUE") } else { try scalarLeaf(field, op: "=", value: value, column: column, oneCompany: oneCompany, into: &sql) }
        case "=" where isFalse:
            sql.append(field.type == .boolean ? "(\(column) IS NULL OR NOT \(column))" : "\(column) IS NULL")
        case "!=" where isFalse:
            sql.append(field.type == .boolean ? "coalesce(\(column), false)" : "\(column) IS NOT NULL")
        case "=", "<", "<=", ">", ">=":
            sql.append("\(column) \(op) ")
            try bindTyped(field, value, into: &sql)
        case "!=":
            sql.append("(\(column) <> ")
            try bindTyped(field, value, into: &sql)
            sql.append(" OR \(column) IS NULL)")
        case "like", "ilike", "not like", "not ilike", "=like", "=ilike":
            guard case .string(let text) = value else {
                if isFalse, op.hasPrefix("not") { sql.append("\(column) IS NOT NULL"); return }
                if isFalse { sql.append("\(column) IS NULL"); return }
                throw .validation("Operator \(op) needs a text value for field \(field.name)")
            }
            let negated = op.hasPrefix("not ")
            let pattern = op.hasPrefix("=") ? text : "%" + text + "%"
            // A pattern ending in an unescaped escape character is invalid, and PostgreSQL only says so when it
            // happens to evaluate it (depending on the data): refuse it whatever the data. Counted in bytes,
            // as PostgreSQL reads it (a backslash may end a longer Swift Character).
            if pattern.utf8.reversed().prefix(while: { $0 == UInt8(ascii: "\\") }).count % 2 == 1 {
                throw .validation("The pattern \(Self.describe(value)) for field \(field.name) ends with an escape character")
            }
            // ILIKE is LIKE between both sides lower-cased (under the column's collation): where the
            // column has a lower-cased copy, match it with LIKE and lower-case the pattern alone.
            let ilike = op.hasSuffix("ilike")
            let matched = ilike ? folded ?? column : column
            let lowered = ilike && folded != nil
            if !negated, oneCompany, pattern.utf8.count <= Self.maxIndexedPattern, Self.hasTrigram(pattern) {
                textCondition(column: matched, ilike: ilike && !lowered, lowered: lowered, pattern: pattern, into: &sql)
                return
            }
            // Without a trigram no index narrows the search; negated, nothing would: plain ILIKE or LIKE
            // and the generic plan, which reads the list's order.
            let sqlOp = ilike && !lowered ? "ILIKE" : "LIKE"
            sql.append(negated ? "(\(matched)::text NOT \(sqlOp) " : "\(matched)::text \(sqlOp) ")
            Self.bindPattern(pattern, lowered: lowered, into: &sql)
            if negated { sql.append(" OR \(column) IS NULL)") }
        case "in" where field.type == .boolean, "not in" where field.type == .boolean:
            // For booleans false also means NULL: compare the value read as Odoo reads it.
            let values = value.arrayValue ?? [value]
            let texts = try values.map { (element) throws(ModelError) -> String in
                element == .null ? "f" : try text(of: element, for: field)
            }
            if texts.isEmpty { sql.append(op == "in" ? "FALSE" : "TRUE"); return }
            sql.append(op == "in" ? "coalesce(\(column), false) = ANY (" : "NOT (coalesce(\(column), false) = ANY (")
            sql.bind(texts)
            sql.append(op == "in" ? "::bool[])" : "::bool[]))")
        case "in", "not in":
            let values = value.arrayValue ?? [value]
            let includesFalse = values.contains { $0 == false || $0 == .null }
            let present = values.filter { $0 != false && $0 != .null }
            let negated = op == "not in"
            if present.isEmpty {
                if includesFalse {
                    sql.append(negated ? "\(column) IS NOT NULL" : "\(column) IS NULL")
                } else {
                    sql.append(negated ? "TRUE" : "FALSE")
                }
                return
            }
            let texts = try present.map { (element) throws(ModelError) -> String in try text(of: element, for: field) }
            sql.append(negated ? "(NOT (\(column) = ANY (" : "(\(column) = ANY (")
            if field.type == .datetime {
                // Odoo's datetimes are UTC.
                sql.append("ARRAY(SELECT x AT TIME ZONE 'UTC' FROM unnest(")
                sql.bind(texts)
                sql.append("::timestamp[]) x)")
            } else {
                sql.bind(texts)
                sql.append("::\(arrayType(field))")
            }
            if negated {
                sql.append(")) " + (includesFalse ? "AND \(column) IS NOT NULL)" : "OR \(column) IS NULL)"))
            } else {
                sql.append(")" + (includesFalse ? " OR \(column) IS NULL)" : ")"))
            }
        default:
            throw .validation("Operator \(op) cannot be used on field \(field.name)")
        }
    }

    /// A one2many or many2many compared with ids, names or `false`.
    private func toManyLeaf(
        _ field: FieldDescription, op: String, value: JSONValue, on model: ModelDescription, alias: String, depth: Int,
        into sql: inout SQLBuilder
    ) throws(ModelError) {
        let isFalse = value == false || value == .null || value == []
        let subdomain: Node
        var negated = false
        switch op {
        case "=" where isFalse, "!=" where isFalse:
            // No related record at all / at least one.
            subdomain = .constant(true)
            negated = op == "="
        case "=", "in":
            subdomain = .leaf(path: "id", operator: "in", value: value.arrayValue.map(JSONValue.array) ?? [value])
        case "!=", "not in":
            subdomain = .leaf(path: "id", operator: "in", value: value.arrayValue.map(JSONValue.array) ?? [value])
            negated = true
        case "like", "ilike", "=like", "=ilike", "not like", "not ilike":
            let related = try registry.model(field.relation!)
            negated = op.hasPrefix("not ")
            subdomain = .leaf(path: related.recordName, operator: negated ? String(op.dropFirst(4)) : op, value: value)
        default:
            throw .validation("Operator \(op) cannot be used on field \(field.name)")
        }
        try related(field, of: model, alias: alias, negated: negated, depth: depth, into: &sql) { sql, related, inner, named throws(ModelError) in
            try render(subdomain, on: related, alias: inner, depth: depth + 1, named: named, into: &sql)
        }
    }

    /// `condition` on the records related through `field`: `EXISTS`-style membership of the related ids.
    private func related(
        _ field: FieldDescription, of model: ModelDescription, alias: String, negated: Bool, depth: Int,
        inOr: Bool = false, into sql: inout SQLBuilder,
        _ condition: (inout SQLBuilder, ModelDescription, String, Bool) throws(ModelError) -> Void
    ) throws(ModelError) {
        guard let relationName = field.relation else { throw .validation("Field \(field.name) is not relational") }
        let related = try registry.model(relationName)
        let inner = "d\(depth + 1)"
        switch field.type {
        case .many2one:
            // In an OR, `= ANY (ARRAY(…))` rather than `IN (…)`: the related ids are worked out once, and
            // the condition on them is one an index can serve inside an OR, so that a search of names,
            // e-mails and customers (the web client's) reads the matching records' index entries
            // (BitmapOr) instead of every record of the company: 9.6 → 0.6 ms for a rare word at 5,000
            // leads. The price: where no index serves it, a row compares its id with each related id
            // (a hashed `IN` looks it up): 275 ms against 30 for 17,000 matching customers. Elsewhere
            // `IN`, which PostgreSQL joins.
            let column = field.sql(alias)
            let array = inOr && !negated
            sql.append(negated ? "(\(column) IS NULL OR \(column) NOT IN (" : array ? "\(column) = ANY (ARRAY(" : "\(column) IN (")
            sql.append("SELECT \(inner).id FROM \(related.table) \(inner) WHERE ")
            let named = companyCondition(model, related, alias: inner, into: &sql)
            try condition(&sql, related, inner, named)
            sql.append(negated || array ? "))" : ")")
        case .one2many:
            guard let inverse = field.inverseName, let inverseColumn = related.fields[inverse]?.column else {
                throw .validation("Field \(field.name) cannot be searched")
            }
            sql.append("\(alias).id \(negated ? "NOT IN" : "IN") (SELECT \(inner).\(inverseColumn) FROM \(related.table) \(inner) WHERE \(inner).\(inverseColumn) IS NOT NULL AND ")
            let named = companyCondition(model, related, alias: inner, into: &sql)
            try condition(&sql, related, inner, named)
            sql.append(")")
        case .many2many:
            guard let link = field.linkTable, let (own, other) = field.linkColumns else {
                throw .validation("Field \(field.name) cannot be searched")
            }
            // (Every link table of a company's records carries the company: ModelSchemaTests.)
            let company = model.isCompanyScoped && related.isCompanyScoped ? "\(inner).company_id = l\(depth + 1).company_id AND " : ""
            sql.append("\(alias).id \(negated ? "NOT IN" : "IN") (SELECT l\(depth + 1).\(own) FROM \(link) l\(depth + 1) JOIN \(related.table) \(inner) ON \(company)\(inner).id = l\(depth + 1).\(other) WHERE ")
            let named = companyCondition(model, related, alias: inner, into: &sql)
            try condition(&sql, related, inner, named)
            sql.append(")")
        default:
            throw .validation("Field \(field.name) is not relational")
        }
    }

    /// `child_of` / `parent_of`: the records under (or above) the given ones, themselves included.
    private func hierarchy(_ field: FieldDescription, op: String, value: JSONValue, on model: ModelDescription, alias: String, into sql: inout SQLBuilder) throws(ModelError) {
        guard field.name == "id" || field.type == .many2one else {
            throw .validation("Operator \(op) needs a hierarchical field, not \(field.name)")
        }
        let target = field.name == "id" ? model : try registry.model(field.relation!)
        guard let parent = target.parentField,
              let parentColumn = target.fields[parent]?.column
        else {
            throw .validation("Operator \(op) needs a hierarchical field, not \(field.name)")
        }
        let ids = try (value.arrayValue ?? [value]).map { (element) throws(ModelError) -> Int in
            guard let id = element.intValue else { throw .validation("Operator \(op) needs record ids") }
            return id
        }
        let column = field.name == "id" ? "\(alias).id" : field.sql(alias)
        let step = op == "child_of"
            ? "SELECT r.id FROM \(target.table) r JOIN tree t ON r.\(parentColumn) = t.id"
            : "SELECT r.\(parentColumn) FROM \(target.table) r JOIN tree t ON r.id = t.id WHERE r.\(parentColumn) IS NOT NULL"
        sql.append("\(column) IN (WITH RECURSIVE tree(id) AS (SELECT id FROM \(target.table) WHERE id = ANY (")
        sql.bind(ids)
        sql.append("::int[]) UNION \(step)) SELECT id FROM tree)")
    }

    // MARK: - Values

    /// Binds a value with the cast its field needs.
    private func bindTyped(_ field: FieldDescription, _ value: JSONValue, into sql: inout SQLBuilder) throws(ModelError) {
        let text = try text(of: value, for: field)
        if field.type == .datetime {
            sql.append("(")
            sql.bind(text)
            sql.append("::timestamp AT TIME ZONE 'UTC')")
            return
        }
        sql.bind(text)
        sql.append("::\(scalarType(field))")
    }

    /// A value's text for a field, checked against the field's type.
    func text(of value: JSONValue, for field: FieldDescription) throws(ModelError) -> String {
        func invalid() -> ModelError { .validation("Invalid value \(Self.describe(value)) for field \(field.name)") }
        switch field.type {
        case .integer, .many2one, .one2many, .many2many:
            guard let number = value.intValue, Int32(exactly: number) != nil else { throw invalid() }
            return String(number)
        case .float, .monetary:
            switch value {
            case .int(let number): return String(number)
            case .double(let number) where number.isFinite: return String(number)
            default: throw invalid()
            }
        case .boolean:
            guard case .bool(let flag) = value else { throw invalid() }
            return flag ? "t" : "f"
        case .char, .text, .html, .selection:
            switch value {
            case .string(let text): return text
            case .int(let number): return String(number)
            case .double(let number): return String(number)
            default: throw invalid()
            }
        case .date:
            guard let text = value.stringValue, PGDateText.isDate(text) else { throw invalid() }
            return text
        case .binary:
            // Base64, as Odoo exchanges bytes (line breaks allowed); PostgreSQL decodes it.
            guard let text = value.stringValue else { throw invalid() }
            // One pass over the bytes, the compact text built from them (no per-character copies).
            var compact: [UInt8] = []
            compact.reserveCapacity(text.utf8.count)
            for byte in text.utf8 where byte != 32 && byte != 13 && byte != 10 && byte != 9 {
                guard (65...90).contains(byte) || (97...122).contains(byte) || (48...57).contains(byte) || byte == 43 || byte == 47 || byte == 61 else {
                    throw .validation("Invalid value for field \(field.name): expected base64")
                }
                compact.append(byte)
            }
            guard compact.count % 4 == 0 else { throw .validation("Invalid value for field \(field.name): expected base64") }
            return String(decoding: compact, as: UTF8.self)
        case .datetime:
            guard let text = value.stringValue, PGDateText.isDateTime(text) else { throw invalid() }
            return text
        }
    }

    private func scalarType(_ field: FieldDescription) -> String {
        switch field.type {
        case .integer, .many2one, .one2many, .many2many: return "int"
        case .float: return "float8"
        case .monetary: return "numeric"
        case .boolean: return "bool"
        case .date: return "date"
        case .datetime: return "timestamptz"
        case .char, .text, .html, .selection: return "text"
        case .binary: return "bytea"
        }
    }

    private func arrayType(_ field: FieldDescription) -> String {
        scalarType(field) + "[]"
    }
}

/// Odoo's date (`2026-11-27`) and datetime (`2026-11-27 20:36:42`, UTC) strings.
enum PGDateText {
    static func isDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 else { return false }
        return bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
    }

    static func isDateTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19, isDate(String(decoding: bytes[0..<10], as: UTF8.self)), bytes[10] == UInt8(ascii: " ") else {
            return isDate(text)
        }
        return bytes[11..<19].enumerated().allSatisfy { index, byte in
            index == 2 || index == 5 ? byte == UInt8(ascii: ":") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        } && (bytes.count == 19 || bytes[19] == UInt8(ascii: "."))
    }
}
