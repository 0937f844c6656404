import PGClient

/// Records in Odoo's read format: PostgreSQL returns the fields as plain columns (a many2one's id and
/// name side by side), and this writes the JSON objects.
///
/// PostgreSQL used to build the objects itself (`json_build_object`, `to_json` per value). That cost it
/// about 3 µs per record of five fields, more than finding the record: `to_json` looks each value's type
/// up again at every call. Writing the same text here costs the server a fraction of that, and the
/// database, the resource every server shares, only sends columns.
struct RecordColumns: Sendable {
    /// How one field is read and written.
    enum Kind: Sendable {
        /// An integer that is never NULL (`id`).
        case id
        /// A value, or `false` for NULL: a JSON string for text (selections, dates as text, base64), as
        /// `to_json` writes other types (a selection stored as a number, a boolean).
        case text
        /// `true`/`false` (NULL: `false`).
        case boolean
        /// A JSON number, or `0` for NULL (`NaN` and infinities as strings, as PostgreSQL's `to_json`).
        case number
        /// A many2one's id, or `false`.
        case reference
        /// A many2one's `[id, name]` (two columns), or `false`.
        case namedReference
        /// A many2one's `[id, name]`, the name looked up after the rows (lookup number), or `false`.
        case lookedUpReference(Int)
        /// JSON built by PostgreSQL (an x2many's ids).
        case json
    }

    /// The output keys, in order (`id` first).
    let names: [String]
    let kinds: [Kind]
    /// The select list (`r0.id, r0.name, …`).
    let selectList: String
    /// From how many records on many2one names are looked up after the rows rather than row by row.
    static let namesAfterFrom = 8

    /// The related models whose names are looked up after the rows (``lookupStatements(_:)``).
    var lookups: [ModelDescription] = []
    /// The request's companies, for the lookups of a company's records (none: the records are no
    /// company's, and neither are the lookups; the fence still holds them).
    var companies: [Int]? = nil

    /// The statements that look up the names of the rows' many2one values, one per related model: each
    /// reads the distinct ids of the page at once (`x.id = ANY (…)`), instead of one lookup per row and
    /// field (a correlated subquery costs PostgreSQL about 3 µs a row; 80 customers, stages and
    /// salespeople were 0.45 ms of a list's 0.8).
    func lookupStatements(_ result: PGResult) -> [PGQuery] {
        var ids = Array(repeating: Set<Int>(), count: lookups.count)
        for row in result.rows {
            var column = 0
            for kind in kinds {
                if case .lookedUpReference(let lookup) = kind, let id = row.cell(column).string.flatMap(Int.init) {
                    ids[lookup].insert(id)
                }
                column += kind.columns
            }
        }
        return lookups.enumerated().map { index, related in
            var sql = SQLBuilder()
            sql.append("SELECT x.id, \(related.nameSQL("x")) FROM \(related.table) x WHERE ")
            if related.isCompanyScoped, let companies {
                let predicate = sql.companies("x.company_id", in: companies)
                sql.append(predicate + " AND ")
            }
            sql.append("x.id = ANY (")
            sql.bind(ids[index].sorted())
            sql.append("::int[])")
            return sql.query
        }
    }

    /// The rows of `result` as a JSON array of objects; `lookedUp` are the results of
    /// ``lookupStatements(_:)``, in order.
    func json(_ result: PGResult, lookedUp: [PGResult] = []) -> String {
        // Each lookup's names by id, as JSON strings (null when the name is NULL).
        let names: [[Int: [UInt8]]] = lookedUp.map { lookup in
            var byID: [Int: [UInt8]] = [:]
            for row in lookup.rows {
                guard let id = row.cell(0).string.flatMap(Int.init) else { continue }
                var name: [UInt8] = []
                if let bytes = row.cell(1).bytes { JSONValue.writeString(bytes, into: &name) } else { name = Self.nullBytes }
                byID[id] = name
            }
            return byID
        }
        var out: [UInt8] = []
        out.reserveCapacity(result.count * 24 * kinds.count + 2)
        out.append(UInt8(ascii: "["))
        let keys = self.names.map { name -> [UInt8] in
            var key: [UInt8] = []
            JSONValue.writeString(name.utf8, into: &key)
            key.append(UInt8(ascii: ":"))
            return key
        }
        let types = (0..<result.columnCount).map(result.columnType)
        for (index, row) in result.rows.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            var column = 0
            for (field, kind) in kinds.enumerated() {
                if field > 0 { out.append(UInt8(ascii: ",")) }
                out += keys[field]
                let cell = row.cell(column).bytes
                column += 1
                switch kind {
                case .id, .json:
                    out += cell.map(Array.init) ?? Self.nullBytes
                case .text:
                    if let cell { Self.writeValue(cell, type: types[column - 1], into: &out) } else { out += Self.falseBytes }
                case .boolean:
                    out += cell?.first == UInt8(ascii: "t") ? Self.trueBytes : Self.falseBytes
                case .number:
                    if let cell { Self.writeNumber(cell, into: &out) } else { out.append(UInt8(ascii: "0")) }
                case .reference:
                    out += cell.map(Array.init) ?? Self.falseBytes
                case .namedReference:
                    let name = row.cell(column).bytes
                    column += 1
                    Self.writePair(cell, into: &out) { out in
                        if let name { JSONValue.writeString(name, into: &out) } else { out += Self.nullBytes }
                    }
                case .lookedUpReference(let lookup):
                    Self.writePair(cell, into: &out) { out in
                        // A related record the user may not read has no name, as with a lookup per row.
                        let id = cell.flatMap { Int(String(decoding: $0, as: UTF8.self)) }
                        out += id.flatMap { lookup < names.count ? names[lookup][$0] : nil } ?? Self.nullBytes
                    }
                }
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    static let nullBytes = Array("null".utf8)

    /// A many2one's `[id, name]` (the name written by `name`), or `false` when `id` is NULL.
    static func writePair(_ id: UnsafeRawBufferPointer?, into out: inout [UInt8], name: (inout [UInt8]) -> Void) {
        guard let id else {
            out += falseBytes
            return
        }
        out.append(UInt8(ascii: "["))
        out += Array(id)
        out.append(UInt8(ascii: ","))
        name(&out)
        out.append(UInt8(ascii: "]"))
    }

    static let trueBytes = Array("true".utf8)

    static let falseBytes = Array("false".utf8)

    /// A value's text as `to_json` writes its type: numbers as numbers, booleans as `true`/`false`, JSON
    /// as it is, anything else as a string.
    static func writeValue(_ bytes: UnsafeRawBufferPointer, type: PGType, into out: inout [UInt8]) {
        switch type {
        case .int2, .int4, .int8, .float4, .float8, .numeric: writeNumber(bytes, into: &out)
        case .bool: out += bytes.first == UInt8(ascii: "t") ? trueBytes : falseBytes
        case .json, .jsonb: out += Array(bytes)
        default: JSONValue.writeString(bytes, into: &out)
        }
    }

    /// A number's text as PostgreSQL prints it: a JSON number as it is, anything else (`NaN`,
    /// `Infinity`) as a string, as `to_json` does.
    static func writeNumber(_ bytes: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        if isJSONNumber(bytes) { out += Array(bytes) } else { JSONValue.writeString(bytes, into: &out) }
    }

    /// Whether `bytes` follow JSON's number grammar: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    static func isJSONNumber(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        func digits() -> Int {
            let start = index
            while index < count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - start
        }
        if index < count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < count else { return false }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            return false
        }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == count
    }
}

extension RecordColumns.Kind {
    /// How many columns of the statement the field takes.
    var columns: Int {
        if case .namedReference = self { return 2 }
        return 1
    }
}

extension RecordColumns {
    /// The columns of `fields` of `queries.model`, read from alias `r0`; many2one names (when
    /// `classicRead`) and x2many ids are looked up by the request's companies, bound into `sql`.
    ///
    /// With `namesAfter`, many2one names are not read by the statement but looked up after it, one
    /// statement per related model (``lookupStatements(_:)``): cheaper from a handful of records on.
    init(_ fields: [FieldDescription], classicRead: Bool, queries: ModelQueries, namesAfter: Bool = false,
         into sql: inout SQLBuilder) throws(ModelError) {
        let a = ModelQueries.alias
        var names = ["id"], kinds: [Kind] = [.id], columns = ["\(a).id"]
        var lookups: [ModelDescription] = []
        for field in fields where field.name != "id" {
            names.append(field.name)
            // (x2many fields have no column of their own.)
            var value: String { field.sql(a) }
            switch field.type {
            case .char, .text, .html, .selection:
                kinds.append(.text)
                columns.append(value)
            case .boolean:
                kinds.append(.boolean)
                columns.append(value)
            case .binary:
                kinds.append(.text)
                columns.append("translate(encode(\(value), 'base64'), E'\\n', '')")
            case .integer, .float, .monetary:
                kinds.append(.number)
                columns.append(value)
            case .date:
                kinds.append(.text)
                columns.append("to_char(\(value), 'YYYY-MM-DD')")
            case .datetime:
                kinds.append(.text)
                columns.append("to_char(\(value) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')")
            case .many2one:
                guard classicRead else {
                    kinds.append(.reference)
                    columns.append(value)
                    continue
                }
                let related = try queries.registry.model(field.relation!)
                if namesAfter {
                    let lookup = lookups.firstIndex { $0.name == related.name } ?? lookups.count
                    if lookup == lookups.count { lookups.append(related) }
                    kinds.append(.lookedUpReference(lookup))
                    columns.append(value)
                    continue
                }
                let companies = queries.companyCondition(related, alias: "x", into: &sql)
                kinds.append(.namedReference)
                columns.append(value)
                columns.append("(SELECT \(related.nameSQL("x")) FROM \(related.table) x WHERE \(companies)x.id = \(value))")
            case .one2many:
                let related = try queries.registry.model(field.relation!)
                guard let inverse = field.inverseName, let inverseColumn = related.fields[inverse]?.column else {
                    throw .validation("Field \(field.name) cannot be read")
                }
                // Like Odoo, an x2many shows the active records of a model that can archive.
                let active = related.hasActive ? " AND x.active" : ""
                let companies = queries.companyCondition(related, alias: "x", into: &sql)
                kinds.append(.json)
                columns.append("coalesce((SELECT json_agg(x.id ORDER BY x.id) FROM \(related.table) x "
                               + "WHERE \(companies)x.\(inverseColumn) = \(a).id\(active))::text, '[]')")
            case .many2many:
                guard let link = field.linkTable, let (own, other) = field.linkColumns else {
                    throw .validation("Field \(field.name) cannot be read")
                }
                // Every link table of a company's records carries the company (its key leads with it).
                let company = queries.model.isCompanyScoped ? "l.company_id = \(a).company_id AND " : ""
                kinds.append(.json)
                columns.append("coalesce((SELECT json_agg(l.\(other) ORDER BY l.\(other)) FROM \(link) l "
                               + "WHERE \(company)l.\(own) = \(a).id)::text, '[]')")
            }
        }
        self.names = names
        self.kinds = kinds
        self.selectList = columns.joined(separator: ", ")
        self.lookups = lookups
        self.companies = queries.model.isCompanyScoped ? queries.companies : nil
    }
}
