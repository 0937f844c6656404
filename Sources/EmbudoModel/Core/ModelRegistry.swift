/// The models the API knows, by name, each with its full method table.
public struct ModelRegistry: Sendable {
    public var models: [String: ModelDescription]

    /// The registry of `modules`, in dependency order: each module's models, then its extensions of
    /// models defined before it, then the generic methods of each model's kind under its own.
    public init(modules: [ModelModule]) {
        var models: [String: ModelDescription] = [:]
        for module in modules {
            for model in module.models {
                precondition(models[model.name] == nil, "\(module.name) defines \(model.name) a second time")
                models[model.name] = model
            }
            for addition in module.extensions {
                guard var model = models[addition.model] else {
                    preconditionFailure("\(module.name) extends \(addition.model), which no module before it defines")
                }
                for field in addition.fields { model.fields[field.name] = field }
                for method in addition.methods { model.methods[method.name] = method }
                models[addition.model] = model
            }
        }
        self.models = models.mapValues(Self.withGenericMethods)
    }

    /// A registry of complete descriptions, as they are (tests that change a description).
    public init(_ models: [ModelDescription]) {
        self.models = Dictionary(uniqueKeysWithValues: models.map { ($0.name, $0) })
    }

    /// The model with this name, or the error Odoo gives ("Object X doesn't exist").
    public func model(_ name: String) throws(ModelError) -> ModelDescription {
        guard let model = models[name] else { throw ModelError(.unknownModel, "Object \(name) doesn't exist") }
        return model
    }

    /// Every method name some model has.
    public var methodNames: Set<String> {
        models.values.reduce(into: []) { names, model in names.formUnion(model.methods.keys) }
    }

    /// `model` with the generic methods of its kind added below its own.
    static func withGenericMethods(_ model: ModelDescription) -> ModelDescription {
        var generic: [ModelMethod]
        switch model.kind {
        case .stored:
            generic = StoredMethods.all + WebMethods.all + AccessMethods.all
            if model.hasActive { generic += ArchivingMethods.all }
        case .transient: generic = TransientMethods.all
        case .abstract: generic = []
        }
        var model = model
        for var method in generic where model.methods[method.name] == nil {
            method.tenancy = model.tenancy
            model.methods[method.name] = method
        }
        return model
    }
}
