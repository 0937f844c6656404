/// The parameters of a model method, as Python declares them: positional ones in order (record methods
/// start with `ids`), which may also be given by keyword, then keyword-only ones. `context` is accepted by
/// every method.
public struct MethodSignature: Sendable, Hashable, ExpressibleByArrayLiteral {
    /// The parameters that may be given by position or by keyword, in order.
    public var parameters: [String]
    /// The parameters that may only be given by keyword.
    public var keywords: [String]

    public init(_ parameters: [String], keywords: [String] = []) {
        self.parameters = parameters
        self.keywords = keywords
    }

    public init(arrayLiteral parameters: String...) {
        self.init(parameters)
    }

    /// Every parameter name, positional ones first.
    public var names: [String] { parameters + keywords }

    /// A record method's signature: `ids`, then `parameters`.
    static func records(_ parameters: String..., keywords: [String] = []) -> MethodSignature {
        MethodSignature(["ids"] + parameters, keywords: keywords)
    }
}

/// Odoo-style method arguments as a client sent them: positional, and by keyword.
struct Arguments: Sendable {
    let args: [JSONValue]
    let kwargs: [String: JSONValue]

    /// The arguments by parameter name, as Python binds them: too many positional arguments, a keyword
    /// the method does not take, or a parameter given twice is a `TypeError` naming the method.
    func bind(to signature: MethodSignature, method: String) throws(ModelError) -> BoundArguments {
        guard args.count <= signature.parameters.count else {
            throw ModelError(.signature, "\(method)() takes \(signature.parameters.count) positional arguments but \(args.count) were given")
        }
        var values: [String: JSONValue] = [:]
        for (index, value) in args.enumerated() { values[signature.parameters[index]] = value }
        for (name, value) in kwargs.sorted(by: { $0.key < $1.key }) where name != "context" {
            guard signature.parameters.contains(name) || signature.keywords.contains(name) else {
                throw ModelError(.signature, "\(method)() got an unexpected keyword argument '\(name)'")
            }
            guard values[name] == nil else {
                throw ModelError(.signature, "\(method)() got multiple values for argument '\(name)'")
            }
            values[name] = value
        }
        return BoundArguments(values: values)
    }
}

/// A method's arguments by parameter name, with readers for the shapes Odoo's methods take.
struct BoundArguments: Sendable {
    let values: [String: JSONValue]

    /// The argument, nil when it was not given.
    subscript(_ name: String) -> JSONValue? { values[name] }

    /// The argument unless it is absent, `null` or `false` (Python's falsy "not given").
    func given(_ name: String) -> JSONValue? {
        guard let value = values[name], value != .null, value != false else { return nil }
        return value
    }

    /// Record ids: one id or a list of them.
    func ids(_ name: String = "ids") throws(ModelError) -> [Int] {
        try Self.ids(values[name])
    }

    /// The one record a single-record method acts on (Odoo's `ensure_one`): the first of `ids`; a
    /// validation error when there is none.
    func record(_ name: String = "ids") throws(ModelError) -> Int {
        guard let first = try ids(name).first else { throw .validation("Expected a record id, got none") }
        return first
    }

    /// An integer argument (a record id, a count), nil when not given.
    func int(_ name: String) -> Int? { given(name)?.intValue }

    /// A text argument, nil when not given.
    func string(_ name: String) -> String? { given(name)?.stringValue }

    /// A list of names (nil when absent or false).
    func strings(_ name: String) throws(ModelError) -> [String]? { try Self.strings(values[name], name) }

    /// `limit`: a non-negative integer, nil for none.
    func limit(_ name: String = "limit") throws(ModelError) -> Int? {
        guard let value = given(name) else { return nil }
        guard let limit = value.intValue, limit >= 0 else { throw .validation("limit must be a positive integer") }
        return limit
    }

    /// `offset`: a non-negative integer, 0 by default.
    func offset(_ name: String = "offset") throws(ModelError) -> Int {
        guard let value = given(name) else { return 0 }
        guard let offset = value.intValue, offset >= 0 else { throw .validation("offset must be a positive integer") }
        return offset
    }

    /// Record ids: one id or a list of them.
    static func ids(_ value: JSONValue?) throws(ModelError) -> [Int] {
        guard let value else { throw .validation("Record ids are missing") }
        let list = value.arrayValue ?? [value]
        return try list.map { (element) throws(ModelError) -> Int in
            guard let id = element.intValue, id > 0, id < Int(Int32.max) else { throw .validation("Invalid record id \(element)") }
            return id
        }
    }

    /// A list of names (nil when absent or false).
    static func strings(_ value: JSONValue?, _ name: String) throws(ModelError) -> [String]? {
        guard let value, value != .null, value != false else { return nil }
        guard let list = value.arrayValue else { throw .validation("\(name) must be a list of field names") }
        return try list.map { (element) throws(ModelError) -> String in
            guard let text = element.stringValue else { throw .validation("\(name) must be a list of field names") }
            return text
        }
    }
}
