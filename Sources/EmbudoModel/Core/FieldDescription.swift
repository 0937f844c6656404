/// The type of a model field, with Odoo's names.
public enum FieldType: String, Sendable, Hashable {
    case char, text, html, integer, float, monetary, boolean, date, datetime, selection
    /// Bytes, exchanged in base64 (an attachment's `datas`).
    case binary
    case many2one, one2many, many2many

    /// Whether values are text (compared with LIKE / ILIKE).
    var isTextual: Bool { self == .char || self == .text || self == .html || self == .selection }
    /// Whether the field is a set of records.
    var isToMany: Bool { self == .one2many || self == .many2many }
}

/// One field of a model: what clients see (`fields_get`) and where it is stored.
public struct FieldDescription: Sendable, Hashable {
    public var name: String
    public var type: FieldType
    /// The label.
    public var string: String
    public var required: Bool
    public var readonly: Bool
    /// The related model, for relational fields.
    public var relation: String?
    /// The column (defaults to the name; nil for one2many and many2many).
    public var column: String?
    /// For one2many: the many2one field of `relation` pointing back.
    public var inverseName: String?
    /// For many2many: the link table and its two columns (this side, the other side).
    public var linkTable: String?
    public var linkColumns: (String, String)? {
        get { linkColumnNames.map { ($0[0], $0[1]) } }
        set { linkColumnNames = newValue.map { [$0.0, $0.1] } }
    }
    private var linkColumnNames: [String]?
    /// For selections: the values and their labels.
    public var selection: [[String]]
    /// How `read_group` aggregates the field when a client names it bare (Odoo's `group_operator`).
    public var aggregator: String
    /// For a computed field: the SQL that computes it, `$` standing for the record's table alias.
    public var expression: String?
    /// Whether `copy` copies the value (Odoo's `copy=False` leaves it to the new record's defaults).
    public var copied = true
    /// For a name Odoo translates (reference data): the column of its Spanish text, read instead of
    /// `column` when the request's language (`embudo.lang`) is Spanish.
    public var spanishColumn: String?
    /// The column holding `lower(column)`, kept by PostgreSQL (a stored generated column), that `ilike`
    /// matches with LIKE instead of lower-casing every row it reads (migration 0022).
    public var foldedColumn: String?

    public init(
        _ name: String, _ type: FieldType, string: String, required: Bool = false, readonly: Bool = false,
        relation: String? = nil, column: String? = nil, inverseName: String? = nil, selection: [[String]] = [],
        linkTable: String? = nil, linkColumns: (String, String)? = nil, aggregator: String = "sum", expression: String? = nil
    ) {
        self.aggregator = aggregator
        self.expression = expression
        self.name = name
        self.type = type
        self.string = string
        self.required = required
        self.readonly = readonly
        self.relation = relation
        self.column = type.isToMany ? nil : (column ?? name)
        self.inverseName = inverseName
        self.selection = selection
        self.linkTable = linkTable
        self.linkColumnNames = linkColumns.map { [$0.0, $0.1] }
    }
}

extension FieldDescription {
    /// A computed field (readonly, never written): its value comes from `expression`.
    public static func computed(_ name: String, _ type: FieldType, string: String, relation: String? = nil, selection: [[String]] = [], _ expression: String) -> FieldDescription {
        FieldDescription(name, type, string: string, readonly: true, relation: relation, selection: selection, expression: expression)
    }

    /// The field's value in SQL for the record aliased `alias`: its column, or its expression.
    public func sql(_ alias: String) -> String {
        if let expression { return "(" + expression.replacingDollar(with: alias) + ")" }
        if let spanishColumn {
            return "(CASE WHEN current_setting('embudo.lang', true) LIKE 'es%' THEN coalesce(\(alias).\(spanishColumn), \(alias).\(column!)) "
                + "ELSE \(alias).\(column!) END)"
        }
        return "\(alias).\(column!)"
    }

    /// The same field, translated: Spanish from `column` when the request reads in Spanish.
    public func translated(spanish column: String) -> FieldDescription {
        var field = self
        field.spanishColumn = column
        return field
    }

    /// The same field, searched case-insensitively through its lower-cased copy, `<column>_lower`.
    public func folded() -> FieldDescription {
        var field = self
        field.foldedColumn = column.map { $0 + "_lower" }
        return field
    }

    /// The same field, left out of copies (Odoo's `copy=False`).
    public func notCopied() -> FieldDescription {
        var field = self
        field.copied = false
        return field
    }

    /// Whether the field is stored in a column of the model's table (so that it can be written).
    public var isStored: Bool { column != nil && expression == nil }
}

extension String {
    func replacingDollar(with alias: String) -> String {
        var result = ""
        for character in self {
            if character == "$" { result += alias } else { result.append(character) }
        }
        return result
    }
}
