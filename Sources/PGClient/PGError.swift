/// An error reported by PostgreSQL or by libpq.
///
/// ``code`` says what kind of failure it is, mapped from the SQLSTATE where the server sent one, so that
/// callers can react to the cases that matter (a unique violation, a retryable serialization failure, a
/// lost connection) without parsing messages.
///
/// The ``description`` is deliberately generic: it never contains SQL text, parameters or the server's
/// message, so that an error printed to a client leaks nothing. The full detail, for logs, is in
/// ``debugDescription``.
public struct PGError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong, as far as the caller needs to know.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Sendable {
            case connectionFailed, connectionLost, uniqueViolation, foreignKeyViolation, checkViolation
            case notNullViolation, serializationFailure, deadlock, insufficientPrivilege, queryCanceled
            case syntaxError, undefinedObject, invalidInput, server, client, poolTimeout, poolExhausted
            case poolShutdown
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The connection could not be opened (bad address, authentication, server down).
        public static let connectionFailed = Code(.connectionFailed)
        /// An open connection broke (server restart, network failure, backend terminated).
        public static let connectionLost = Code(.connectionLost)
        /// SQLSTATE 23505.
        public static let uniqueViolation = Code(.uniqueViolation)
        /// SQLSTATE 23503.
        public static let foreignKeyViolation = Code(.foreignKeyViolation)
        /// SQLSTATE 23514.
        public static let checkViolation = Code(.checkViolation)
        /// SQLSTATE 23502.
        public static let notNullViolation = Code(.notNullViolation)
        /// SQLSTATE 40001; the transaction may be retried.
        public static let serializationFailure = Code(.serializationFailure)
        /// SQLSTATE 40P01; the transaction may be retried.
        public static let deadlock = Code(.deadlock)
        /// SQLSTATE 42501: a missing privilege, or a row refused by a row-level-security policy
        /// (PostgreSQL reports both with this SQLSTATE).
        public static let insufficientPrivilege = Code(.insufficientPrivilege)
        /// SQLSTATE 57014: cancelled, or `statement_timeout` expired.
        public static let queryCanceled = Code(.queryCanceled)
        /// SQLSTATE class 42 syntax errors (42601).
        public static let syntaxError = Code(.syntaxError)
        /// SQLSTATE 42P01, 42703, 42883, 42704: a table, column, function or object that does not exist.
        public static let undefinedObject = Code(.undefinedObject)
        /// SQLSTATE class 22: a value PostgreSQL cannot accept (bad number, date, text encoding).
        public static let invalidInput = Code(.invalidInput)
        /// Any other server error; ``PGError/sqlState`` has the detail.
        public static let server = Code(.server)
        /// Misuse of the client detected before anything was sent (for example a nested pipeline).
        public static let client = Code(.client)
        /// No connection became free within the pool's acquisition timeout.
        public static let poolTimeout = Code(.poolTimeout)
        /// The pool's wait queue is full.
        public static let poolExhausted = Code(.poolExhausted)
        /// The pool was shut down.
        public static let poolShutdown = Code(.poolShutdown)

        public var description: String { base.rawValue }

        /// Whether running the whole transaction again may succeed (serialization failure, deadlock).
        public var isRetryable: Bool { self == .serializationFailure || self == .deadlock }

        /// Maps a five-character SQLSTATE to a code.
        public init(sqlState: String) {
            switch sqlState {
            case "23505": self = .uniqueViolation
            case "23503": self = .foreignKeyViolation
            case "23514": self = .checkViolation
            case "23502": self = .notNullViolation
            case "40001": self = .serializationFailure
            case "40P01": self = .deadlock
            case "42501": self = .insufficientPrivilege
            case "57014": self = .queryCanceled
            case "42601": self = .syntaxError
            case "42P01", "42703", "42883", "42704": self = .undefinedObject
            case "57P01", "57P02", "57P03": self = .connectionLost
            case "08P01": self = .client  // protocol violation: a client bug, the connection still works
            default:
                if sqlState.hasPrefix("08") {
                    self = .connectionLost
                } else if sqlState.hasPrefix("22") {
                    self = .invalidInput
                } else {
                    self = .server
                }
            }
        }
    }

    /// The kind of failure.
    public var code: Code
    /// The SQLSTATE sent by the server, if any.
    public var sqlState: String?
    /// The constraint the server named, for integrity violations.
    public var constraint: String?
    /// The table the server named, if any.
    public var table: String?
    /// The column the server named, if any.
    public var column: String?
    /// The server's or libpq's message. For logs only: it may quote values.
    public var serverMessage: String
    /// The server's detail line. For logs only.
    public var detail: String?
    /// Whether the failure happened while committing, so that whether the transaction committed is
    /// unknown (a connection lost after `COMMIT` was sent). Such a transaction must not be retried.
    public var outcomeUnknown: Bool = false

    /// Creates an error.
    public init(
        _ code: Code,
        sqlState: String? = nil,
        message: String,
        detail: String? = nil,
        constraint: String? = nil,
        table: String? = nil,
        column: String? = nil
    ) {
        self.code = code
        self.sqlState = sqlState
        self.serverMessage = message
        self.detail = detail
        self.constraint = constraint
        self.table = table
        self.column = column
    }

    /// A generic description that reveals no SQL, value or server message.
    public var description: String {
        if let sqlState { return "PostgreSQL error \(code) (SQLSTATE \(sqlState))" }
        return "PostgreSQL error \(code)"
    }

    /// Everything known about the error, for logs.
    public var debugDescription: String {
        var text = description + ": " + serverMessage
        if let detail { text += " DETAIL: " + detail }
        if let constraint { text += " CONSTRAINT: " + constraint }
        return text
    }
}
