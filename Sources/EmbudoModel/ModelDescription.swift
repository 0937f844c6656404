/// The type of a model field, with Odoo's names.
public enum FieldType: String, Sendable, Hashable {
    case char, text, html, integer, float, monetary, boolean, date, datetime, selection
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
        return "\(alias).\(column!)"
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

/// A model as the API sees it: its name (`res.partner`), its table, its fields.
public struct ModelDescription: Sendable {
    public var name: String
    public var table: String
    /// The field that names a record (`display_name`, name_search).
    public var recordName: String
    /// The default order.
    public var order: String
    /// The many2one to the parent, for `child_of` and `parent_of`.
    public var parentField: String?
    /// Whether the table has an `active` column that hides archived records by default.
    public var hasActive: Bool
    /// Whether clients may only read it (reference data).
    public var isReadOnly: Bool
    /// Whether the table has `create_uid` / `write_uid` / `write_date`, stamped on every change.
    public var hasAuditColumns: Bool
    public var fields: [String: FieldDescription]

    public init(
        name: String, table: String, recordName: String = "name", order: String = "id",
        parentField: String? = nil, isReadOnly: Bool = false, hasAuditColumns: Bool = true, fields: [FieldDescription]
    ) {
        self.isReadOnly = isReadOnly
        self.hasAuditColumns = hasAuditColumns
        self.name = name
        self.table = table
        self.recordName = recordName
        self.order = order
        self.parentField = parentField
        var all = Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0) })
        all["id"] = all["id"] ?? FieldDescription("id", .integer, string: "ID", readonly: true)
        self.fields = all
        self.hasActive = all["active"]?.type == .boolean
    }

    /// The field with this name, or a validation error naming the model.
    public func field(_ name: String) throws(ModelError) -> FieldDescription {
        guard let field = fields[name] else { throw .validation("Invalid field \(name) on model \(self.name)") }
        return field
    }
}

/// The models the API knows, by name.
public struct ModelRegistry: Sendable {
    public var models: [String: ModelDescription]

    public init(_ models: [ModelDescription]) {
        self.models = Dictionary(uniqueKeysWithValues: models.map { ($0.name, $0) })
    }

    /// The model with this name, or the error Odoo gives ("Object X doesn't exist").
    public func model(_ name: String) throws(ModelError) -> ModelDescription {
        guard let model = models[name] else { throw ModelError(.unknownModel, "Object \(name) doesn't exist") }
        return model
    }
}
