/// A business module's share of the API, as an Odoo addon declares it: the models it defines, and what
/// it adds to other modules' models (Odoo's `_inherit`: fields and methods).
public struct ModelModule: Sendable {
    /// The module's name, as in `sql/modules/manifest.txt` (`crm`, `sale`).
    public var name: String
    /// The models the module defines.
    public var models: [ModelDescription]
    /// What it adds to models of the modules it depends on.
    public var extensions: [ModelExtension]

    public init(_ name: String, models: [ModelDescription], extensions: [ModelExtension] = []) {
        self.name = name
        self.models = models
        self.extensions = extensions
    }
}

/// Fields and methods a module adds to a model defined by another module.
public struct ModelExtension: Sendable {
    /// The extended model's name.
    public var model: String
    public var fields: [FieldDescription]
    public var methods: [ModelMethod]

    public init(_ model: String, fields: [FieldDescription] = [], methods: [ModelMethod] = []) {
        self.model = model
        self.fields = fields
        self.methods = methods
    }
}
