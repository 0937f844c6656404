import PGClient

/// Builds one SQL statement from trusted fragments and bound values: every value becomes `$n`, never
/// SQL text. Identifiers come only from model descriptions, never from clients.
public struct SQLBuilder: Sendable {
    public private(set) var sql = ""
    public private(set) var parameters: [String?] = []
    /// Whether the statement must be planned for its values at each execution (``PGQuery/plannedPerExecution``).
    public private(set) var plannedPerExecution = false

    public init() {}

    /// Appends trusted SQL text (from a model description or this layer, never from a client).
    public mutating func append(_ text: String) {
        sql += text
    }

    /// Appends a placeholder bound to `value` (an array binds as one array parameter).
    public mutating func bind(_ value: some PGEncodable) {
        sql += placeholder(for: value)
    }

    /// Appends a placeholder bound to `value`, NULL when nil.
    public mutating func bind<Value: PGEncodable>(_ value: Value?) {
        sql += placeholder(for: value)
    }

    /// Registers a bound value and returns its placeholder (`$n`), for a value used in several places.
    public mutating func placeholder<Value: PGEncodable>(for value: Value?) -> String {
        parameters.append(value?.pgText)
        return "$\(parameters.count)"
    }

    /// `column = $n::int` for one company, `column = ANY ($n::int[])` for several: the request's
    /// companies, named beside the row-level security fence. An equality for the usual one company, which
    /// every index takes (a GIN index may leave `= ANY` out) and a distributed PostgreSQL routes.
    public mutating func companies(_ column: String, in companies: [Int]) -> String {
        companies.count == 1
            ? "\(column) = \(placeholder(for: companies[0]))::int"
            : "\(column) = ANY (\(placeholder(for: companies))::int[])"
    }

    /// Asks PostgreSQL to plan the statement for its values at each execution: for a condition whose best
    /// plan depends on the value (a text pattern).
    public mutating func planForValues() {
        plannedPerExecution = true
    }

    /// The statement.
    public var query: PGQuery {
        var query = PGQuery(sql: sql, parameterTexts: parameters)
        query.plannedPerExecution = plannedPerExecution
        return query
    }
}
