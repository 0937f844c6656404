/// What kind of model a description is, which decides its generic methods.
public enum ModelKind: Sendable, Hashable {
    /// Records in a table: search, read, create, write, unlink… (Odoo's `models.Model`).
    case stored
    /// A wizard's short-lived records (`models.TransientModel`): default_get, create, read, write, and
    /// the wizard's actions.
    case transient
    /// Methods only, no records (`models.AbstractModel`, such as `mail.thread`).
    case abstract
}

/// A model as the API sees it: its name (`res.partner`), its table, its fields and its methods.
public struct ModelDescription: Sendable {
    public var name: String
    public var table: String
    public var kind: ModelKind
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
    /// The methods clients may call, by name. A description lists its own; the ``ModelRegistry`` adds
    /// the generic methods of its kind and those other modules give it.
    public var methods: [String: ModelMethod]
    /// Whether the records are a company's (a stored `company_id`, NOT NULL in every such table): then
    /// every query names the request's companies beside the row-level security fence
    /// (``ModelQueries/appendCompanies(into:alias:then:)``). False for identities and for what crosses
    /// companies by design (a login's invitations).
    public var isCompanyScoped: Bool
    /// The companies its generic methods act in: the call's, or the caller's own identity (a login's
    /// invitations, read before the login belongs to any company).
    public var tenancy: MethodTenancy
    /// For wizards: the values a new record starts from (from the context's active records).
    var transientDefaults: (@Sendable (MethodCall) async throws -> [String: JSONValue])?

    public init(
        name: String, table: String, kind: ModelKind = .stored, recordName: String = "name", order: String = "id",
        parentField: String? = nil, isReadOnly: Bool = false, hasAuditColumns: Bool = true, crossesCompanies: Bool = false,
        tenancy: MethodTenancy = .companies, fields: [FieldDescription], methods: [ModelMethod] = []
    ) {
        self.tenancy = tenancy
        self.isReadOnly = isReadOnly
        self.hasAuditColumns = hasAuditColumns
        self.name = name
        self.table = table
        self.kind = kind
        self.recordName = recordName
        self.order = order
        self.parentField = parentField
        var all = Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0) })
        if kind != .abstract { all["id"] = all["id"] ?? FieldDescription("id", .integer, string: "ID", readonly: true) }
        self.fields = all
        self.hasActive = all["active"]?.type == .boolean
        self.isCompanyScoped = kind == .stored && !crossesCompanies && all["company_id"]?.isStored == true
        self.methods = Dictionary(methods.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// A wizard (a transient model) whose new records start from `defaults`.
    init(
        wizard name: String, fields: [FieldDescription], methods: [ModelMethod],
        defaults: @escaping @Sendable (MethodCall) async throws -> [String: JSONValue]
    ) {
        self.init(name: name, table: "embudo.transient_record", kind: .transient, hasAuditColumns: false, fields: fields, methods: methods)
        self.transientDefaults = defaults
    }

    /// The field with this name, or a validation error naming the model.
    public func field(_ name: String) throws(ModelError) -> FieldDescription {
        guard let field = fields[name] else { throw .validation("Invalid field \(name) on model \(self.name)") }
        return field
    }

    /// Whether clients may call `method` on this model: on a model they may only read, a writing method
    /// only when PostgreSQL checks what it changes (``ModelMethod/checkedByPostgreSQL``).
    public func accepts(_ method: ModelMethod) -> Bool {
        !(isReadOnly && method.writes && !method.checkedByPostgreSQL)
    }

    /// The method with this name, or the error Odoo gives for an unknown method.
    func method(_ name: String) throws(ModelError) -> ModelMethod {
        guard let method = methods[name] else { throw ModelError(.unknownMethod, "The method \(self.name).\(name) does not exist") }
        return method
    }
}

extension ModelDescription {
    /// The record's name in SQL for the alias (its translation when the model's name is translated), or
    /// its id for a model without a name.
    func nameSQL(_ alias: String) -> String {
        fields[recordName].map { $0.sql(alias) } ?? "\(alias).id"
    }
}
