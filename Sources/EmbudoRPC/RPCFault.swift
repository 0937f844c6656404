import EmbudoDatabase
import EmbudoModel
import PGClient

/// An error answered to a JSON-RPC client the way Odoo answers it: the exception's Python name, a
/// message for people, and the JSON-RPC error code Odoo uses (200 for server errors, 100 for an expired
/// session, 404 for an unknown route).
///
/// Faults are the only errors whose text reaches clients; anything else becomes a generic server error.
public struct RPCFault: Error, Sendable, Hashable {
    /// The exception's qualified name (`odoo.exceptions.AccessDenied`), read by clients to tell kinds apart.
    public var name: String
    /// The message shown to the user.
    public var message: String
    /// The JSON-RPC `error.code`.
    public var code: Int
    /// The HTTP status of the answer where the protocol uses them (JSON-2); JSON-RPC answers 200.
    public var status: Int

    public init(name: String, message: String, code: Int = 200, status: Int = 422) {
        self.name = name
        self.message = message
        self.code = code
        self.status = status
    }

    /// Wrong credentials, or a method that needs the master password.
    public static func accessDenied(_ message: String = "Access Denied") -> RPCFault {
        RPCFault(name: "odoo.exceptions.AccessDenied", message: message, status: 401)
    }

    /// The user may not do this.
    public static func accessError(_ message: String) -> RPCFault {
        RPCFault(name: "odoo.exceptions.AccessError", message: message, status: 403)
    }

    /// A business rule refused the operation.
    public static func userError(_ message: String, status: Int = 422) -> RPCFault {
        RPCFault(name: "odoo.exceptions.UserError", message: message, status: status)
    }

    /// A value or argument is not acceptable.
    public static func validationError(_ message: String) -> RPCFault {
        RPCFault(name: "odoo.exceptions.ValidationError", message: message)
    }

    /// A record does not exist (any more).
    public static func missingError(_ message: String) -> RPCFault {
        RPCFault(name: "odoo.exceptions.MissingError", message: message, status: 404)
    }

    /// The arguments do not fit the method (Python's TypeError, as Odoo answers it).
    public static func typeError(_ message: String) -> RPCFault {
        RPCFault(name: "builtins.TypeError", message: message)
    }

    /// The web session is missing or expired.
    public static func sessionExpired() -> RPCFault {
        RPCFault(name: "odoo.http.SessionExpiredException", message: "Session expired", code: 100, status: 401)
    }

    /// The request itself is malformed (not JSON, not a JSON-RPC object, too large or too deep).
    public static func badRequest(_ message: String, status: Int = 400) -> RPCFault {
        RPCFault(name: "werkzeug.exceptions.BadRequest", message: message, status: status)
    }

    /// No such service or method.
    public static func methodNotFound(_ message: String) -> RPCFault {
        RPCFault(name: "builtins.AttributeError", message: message, status: 404)
    }

    /// The database could not be reached, or lost the connection: `message` says whether to repeat.
    public static func connectionError(_ message: String) -> RPCFault {
        RPCFault(name: "builtins.ConnectionError", message: message, status: 503)
    }

    /// Something failed inside the server; the detail is in the server's log, not in the answer.
    public static let internalError = RPCFault(name: "builtins.Exception", message: "Internal server error", status: 500)

    /// The JSON-RPC `error` object.
    var json: JSONValue {
        [
            "code": .int(code),
            "message": code == 100 ? "Odoo Session Expired" : "Odoo Server Error",
            "data": [
                "name": .string(name),
                "message": .string(message),
                "arguments": [.string(message)],
                "context": [:],
                "debug": "",
            ],
        ]
    }
}

extension RPCFault {
    /// The Odoo exception for a model error: the one mapping from the model layer's kinds to the
    /// protocols' names and statuses.
    public init(_ error: ModelError) {
        switch error.kind {
        case .validation: self = .validationError(error.message)
        case .access, .companyAccess: self = .accessError(error.message)
        case .missing: self = .missingError(error.message)
        case .user, .cancelled: self = .userError(error.message)
        case .unknownModel: self = .userError(error.message, status: 404)
        case .unknownMethod: self = .methodNotFound(error.message)
        case .signature: self = .typeError(error.message)
        case .denied: self = .accessDenied(error.message)
        case .unavailable, .outcomeUnknown: self = .connectionError(error.message)
        }
    }

    /// The Odoo exception for a database error a user can act on, or nil for failures that stay internal.
    public init?(_ error: PGError) {
        guard let error = ModelError(error) else { return nil }
        self.init(error)
    }

    /// The fault to answer for `error`, or nil when it is internal (logged, answered as
    /// ``internalError``). JSON-RPC, JSON-2 and the web session routes share it.
    public static func classify(_ error: any Error) -> RPCFault? {
        if let fault = error as? RPCFault { return fault }
        return ModelError.classify(error).map(RPCFault.init)
    }

    /// Whether the fault says that the database could not be reached (the call may be repeated later).
    public var isDatabaseUnavailable: Bool { name == "builtins.ConnectionError" }
}
