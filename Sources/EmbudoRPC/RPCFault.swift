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

    public init(name: String, message: String, code: Int = 200) {
        self.name = name
        self.message = message
        self.code = code
    }

    /// Wrong credentials, or a method that needs the master password.
    public static func accessDenied(_ message: String = "Access Denied") -> RPCFault {
        RPCFault(name: "odoo.exceptions.AccessDenied", message: message)
    }

    /// The user may not do this.
    public static func accessError(_ message: String) -> RPCFault {
        RPCFault(name: "odoo.exceptions.AccessError", message: message)
    }

    /// A business rule refused the operation.
    public static func userError(_ message: String) -> RPCFault {
        RPCFault(name: "odoo.exceptions.UserError", message: message)
    }

    /// A value or argument is not acceptable.
    public static func validationError(_ message: String) -> RPCFault {
        RPCFault(name: "odoo.exceptions.ValidationError", message: message)
    }

    /// A record does not exist (any more).
    public static func missingError(_ message: String) -> RPCFault {
        RPCFault(name: "odoo.exceptions.MissingError", message: message)
    }

    /// The web session is missing or expired.
    public static func sessionExpired() -> RPCFault {
        RPCFault(name: "odoo.http.SessionExpiredException", message: "Session expired", code: 100)
    }

    /// The request itself is malformed (not JSON, not a JSON-RPC object, too large or too deep).
    public static func badRequest(_ message: String) -> RPCFault {
        RPCFault(name: "werkzeug.exceptions.BadRequest", message: message)
    }

    /// No such service or method.
    public static func methodNotFound(_ message: String) -> RPCFault {
        RPCFault(name: "builtins.AttributeError", message: message)
    }

    /// Something failed inside the server; the detail is in the server's log, not in the answer.
    public static let internalError = RPCFault(name: "builtins.Exception", message: "Internal server error")

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
    /// The Odoo exception for a refusal of the model layer.
    public init(_ error: ModelError) {
        switch error.kind {
        case .validation: self = .validationError(error.message)
        case .access, .companyAccess: self = .accessError(error.message)
        case .missing: self = .missingError(error.message)
        case .user, .unknownModel: self = .userError(error.message)
        case .unknownMethod: self = .methodNotFound(error.message)
        }
    }

    /// The Odoo exception for a database error a user can act on (integrity, permission, bad value), or
    /// nil for failures that stay internal. The message never quotes SQL or the server's text.
    public init?(_ error: PGError) {
        // Refusals raised on purpose by Embudo's own SQL (embudo.refuse) carry a message written for users.
        switch error.sqlState {
        case "EMU01": self = .userError(error.serverMessage); return
        case "EMA01": self = .accessError(error.serverMessage); return
        case "EMV01": self = .validationError(error.serverMessage); return
        case "EMM01": self = .missingError(error.serverMessage); return
        case EmbudoSQLState.loginThrottled: self = .accessDenied(error.serverMessage); return
        default: break
        }
        switch error.code {
        case .uniqueViolation: self = .validationError("Another record already has this value.")
        case .foreignKeyViolation: self = .validationError("The record refers to a record that does not exist, or is still referred to by another one.")
        case .notNullViolation: self = .validationError("A required field is missing\(error.column.map { ": \($0)" } ?? ".")")
        case .checkViolation: self = .validationError("A value is not allowed here.")
        case .invalidInput: self = .validationError("A value has the wrong format.")
        // One SQLSTATE (42501) for a missing right and for a row that row-level security refuses: typed by
        // the code alone, never by the server's words (which depend on lc_messages).
        case .insufficientPrivilege:
            self = .accessError("You are not allowed to do this: your access level in this company does not allow this record or change.")
        case .queryCanceled: self = .userError("The operation took too long and was cancelled.")
        case .connectionLost where error.outcomeUnknown:
            self = RPCFault(name: "builtins.ConnectionError",
                            message: "The database connection was lost while the change was being committed: check whether it was saved before repeating it.")
        case .connectionFailed, .connectionLost, .poolTimeout, .poolExhausted, .poolShutdown:
            // Rolled back (or never started): the call can be repeated.
            self = RPCFault(name: "builtins.ConnectionError", message: "The database is unavailable right now; please try again in a moment.")
        default: return nil
        }
    }

    /// Whether the fault says that the database could not be reached (the call may be repeated later).
    public var isDatabaseUnavailable: Bool { name == "builtins.ConnectionError" }
}
