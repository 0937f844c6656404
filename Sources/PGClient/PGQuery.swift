/// A statement and its bind parameters.
///
/// Written with string interpolation, every interpolated value becomes a bind parameter, never SQL text:
///
/// ```swift
/// let query: PGQuery = "SELECT name FROM res_partner WHERE id = \(id) AND active = \(true)"
/// // sql: "SELECT name FROM res_partner WHERE id = $1 AND active = $2", two parameters
/// ```
public struct PGQuery: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The statement text with `$n` placeholders.
    public var sql: String
    /// The parameters' texts, nil for NULL, in placeholder order.
    public var parameters: [String?]
    /// Whether PostgreSQL plans the statement for its parameters' values at each execution (an unnamed
    /// statement) rather than once per connection (a prepared statement, whose generic plan serves
    /// every value): for a statement whose best plan depends on a value, such as a text pattern that
    /// an index serves well when rare and badly when common.
    public var plannedPerExecution = false
    /// Sent as the unnamed statement even with prepared statements on (set for a statement planned for
    /// its values, once its plan cache setting is sent beside it).
    var sentUnnamed = false

    /// A statement with explicit parameters.
    public init(_ sql: String, _ parameters: [any PGEncodable] = []) {
        self.sql = sql
        self.parameters = parameters.map(\.pgText)
    }

    /// A statement with parameters already in text form.
    public init(sql: String, parameterTexts: [String?]) {
        self.sql = sql
        self.parameters = parameterTexts
    }

    public init(stringLiteral value: String) {
        self.sql = value
        self.parameters = []
    }

    public init(stringInterpolation: StringInterpolation) {
        self.sql = stringInterpolation.sql
        self.parameters = stringInterpolation.parameters
    }

    /// Collects literal SQL and bind parameters.
    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var parameters: [String?] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            parameters.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Appends a bind parameter.
        public mutating func appendInterpolation(_ value: some PGEncodable) {
            parameters.append(value.pgText)
            sql += "$\(parameters.count)"
        }

        /// Appends a bind parameter that may be NULL.
        public mutating func appendInterpolation<Value: PGEncodable>(_ value: Value?) {
            parameters.append(value?.pgText)
            sql += "$\(parameters.count)"
        }
    }

    /// The statement text only (parameters are never printed).
    public var description: String { sql }
}
