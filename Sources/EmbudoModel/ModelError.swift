/// Why the model layer refused a call, in words for the user. The JSON-RPC layer turns each kind into the
/// Odoo exception clients expect (ValidationError, AccessError, MissingError, UserError).
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
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func validation(_ message: String) -> ModelError { ModelError(.validation, message) }

    public var description: String { message }
}
