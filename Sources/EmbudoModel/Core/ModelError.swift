import EmbudoDatabase
import PGClient

/// Why the model layer refused or failed a call, in words for the user: the one classification of errors
/// between PostgreSQL and the protocols. The JSON-RPC layer turns each kind into the Odoo exception
/// clients expect (ValidationError, AccessError, MissingError, UserError…) and the HTTP status JSON-2
/// answers; the portal and the activation page show the refusals written for people.
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of refusal.
    public enum Kind: Sendable, Hashable {
        /// An argument, field, operator or value is not acceptable.
        case validation
        /// The user may not do this.
        case access
        /// The user may not act in the companies asked for (their memberships, as last verified, do not
        /// allow it): access refused, but worth verifying the credentials again first.
        case companyAccess
        /// A record does not exist, or not for this user.
        case missing
        /// A business rule refused it.
        case user
        /// No model with that name.
        case unknownModel
        /// The model has no method with that name.
        case unknownMethod
        /// The arguments do not fit the method's parameters (Python's TypeError).
        case signature
        /// The credentials may not be used now (an account waiting after failed logins).
        case denied
        /// The statement ran out of time and was cancelled.
        case cancelled
        /// The database could not be reached, or the call was rolled back with the connection: it may be
        /// repeated.
        case unavailable
        /// The connection was lost while the transaction was being committed: whether it was saved is
        /// unknown.
        case outcomeUnknown
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func validation(_ message: String) -> ModelError { ModelError(.validation, message) }

    public var description: String { message }

    /// Whether the refusal was written for the user who caused it (a rule, a value, a right, a record),
    /// rather than a failure of the service.
    public var isRefusal: Bool {
        switch kind {
        case .validation, .access, .companyAccess, .missing, .user, .signature: true
        default: false
        }
    }
}

extension ModelError {
    /// The model error for a database error a user can act on (Embudo's own refusals, integrity, rights,
    /// bad values, timeouts, an unreachable database), by SQLSTATE alone; nil for failures that stay
    /// internal. The message never quotes SQL, nor the server's words except Embudo's own refusals, which
    /// are written for users.
    public init?(_ error: PGError) {
        if let state = error.embudoState {
            switch state {
            case .userError: self.init(.user, error.serverMessage)
            case .accessError: self.init(.access, error.serverMessage)
            case .validationError: self.init(.validation, error.serverMessage)
            case .missingError: self.init(.missing, error.serverMessage)
            case .loginThrottled: self.init(.denied, error.serverMessage)
            case .privilegedServiceSession: return nil
            }
            return
        }
        switch error.code {
        case .uniqueViolation: self.init(.validation, "Another record already has this value.")
        case .foreignKeyViolation: self.init(.validation, "The record refers to a record that does not exist, or is still referred to by another one.")
        case .notNullViolation: self.init(.validation, "A required field is missing\(error.column.map { ": \($0)" } ?? ".")")
        case .checkViolation: self.init(.validation, "A value is not allowed here.")
        case .invalidInput: self.init(.validation, "A value has the wrong format.")
        // One SQLSTATE (42501) for a missing right and for a row that row-level security refuses.
        case .insufficientPrivilege:
            self.init(.access, "You are not allowed to do this: your access level in this company does not allow this record or change.")
        case .queryCanceled: self.init(.cancelled, "The operation took too long and was cancelled.")
        case .connectionLost where error.outcomeUnknown:
            self.init(.outcomeUnknown, "The database connection was lost while the change was being committed: check whether it was saved before repeating it.")
        case .connectionFailed, .connectionLost, .poolTimeout, .poolExhausted, .poolShutdown:
            self.init(.unavailable, "The database is unavailable right now; please try again in a moment.")
        default: return nil
        }
    }

    /// `error` as a model error, when it is one or a database error users can act on.
    public static func classify(_ error: any Error) -> ModelError? {
        switch error {
        case let error as ModelError: error
        case let error as PGError: ModelError(error)
        default: nil
        }
    }
}
