import EmbudoDatabase

/// What a model method returns: a value, or JSON that PostgreSQL already built (read results), passed
/// to the client as it is.
public enum CallResult: Sendable, Equatable {
    case value(JSONValue)
    case json(String)
}

/// The companies a method acts in.
public enum MethodTenancy: Sendable, Hashable {
    /// The call's companies (`context.allowed_company_ids`, checked against the user's memberships).
    case companies
    /// The user's own identity: their companies when they have any, else none (a user whose only way in
    /// is an invitation reads and answers it).
    case identity
}

/// One method clients may call on a model (Odoo's public methods): its name, its parameters, and what it
/// does. Models find their methods in a table (``ModelDescription/methods``) assembled by the
/// ``ModelRegistry`` from the generic methods of the model's kind, the model's own, and those other
/// modules add to it.
public struct ModelMethod: Sendable {
    /// The method's name (`search_read`, `action_set_won`).
    public var name: String
    /// Its parameters, as Odoo names them.
    public var signature: MethodSignature
    /// Whether it changes records (refused on read-only models, unless PostgreSQL checks it itself).
    public var writes: Bool
    /// For a writing method of a model clients may only read: PostgreSQL checks every change it makes
    /// (a SECURITY DEFINER function with its own rules, such as inviting a user), so it is allowed.
    public var checkedByPostgreSQL = false
    /// The companies it acts in.
    public var tenancy: MethodTenancy
    /// What it does.
    let body: @Sendable (MethodCall) async throws -> CallResult

    /// A method named `name` taking `signature`.
    init(
        _ name: String, _ signature: MethodSignature, writes: Bool = false, tenancy: MethodTenancy = .companies,
        _ body: @escaping @Sendable (MethodCall) async throws -> CallResult
    ) {
        self.name = name
        self.signature = signature
        self.writes = writes
        self.tenancy = tenancy
        self.body = body
    }

    /// The same method, allowed on a read-only model because PostgreSQL checks what it changes.
    func checkedInPostgreSQL() -> ModelMethod {
        var method = self
        method.checkedByPostgreSQL = true
        return method
    }

    /// The same method, running `check` first (for example an access level a model needs for raw writes).
    func checking(_ check: @escaping @Sendable (MethodCall) throws(ModelError) -> Void) -> ModelMethod {
        let body = self.body
        return ModelMethod(name, signature, writes: writes, tenancy: tenancy) { call in
            try check(call)
            return try await body(call)
        }
    }
}

/// One call of a model method: the model, the arguments bound to the method's signature, the caller and
/// the companies the call acts in.
struct MethodCall: Sendable {
    let service: ModelService
    let model: ModelDescription
    let method: String
    let arguments: BoundArguments
    /// Odoo's context (`{}` when the call has none).
    let context: JSONValue
    let user: AuthenticatedUser
    let tenant: TenantContext

    var database: Database { service.database }
    var registry: ModelRegistry { service.registry }
    /// The SQL builders of the generic methods for this call's model.
    var queries: ModelQueries { ModelQueries(model: model, registry: registry, companies: tenant.companyIDs) }
    /// The request's current company (the first of its companies); an access error for a caller acting in
    /// none (a login whose only way in is an invitation).
    var currentCompany: Int {
        get throws(ModelError) {
            guard let company = tenant.companyIDs.first else { throw ModelError(.companyAccess, "You have access to no company.") }
            return company
        }
    }
    /// Whether searches leave archived records out (`context.active_test`, on by default).
    var activeTest: Bool { context["active_test"] != false }
}
