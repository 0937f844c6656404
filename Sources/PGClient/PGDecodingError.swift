/// A cell could not be decoded as the Swift type asked for.
public struct PGDecodingError: Error, Sendable, CustomStringConvertible {
    /// Why decoding failed.
    public enum Kind: Sendable, Equatable {
        /// The column's PostgreSQL type does not fit the Swift type.
        case typeMismatch
        /// The cell is NULL and the Swift type is not optional.
        case unexpectedNull
        /// The text of the cell is not a valid value of the Swift type (overflow, bad format).
        case invalidValue
        /// No such column.
        case missingColumn
        /// A tuple was asked for with a different number of elements than the row has columns.
        case columnCountMismatch(expected: Int, actual: Int)
    }

    /// Why decoding failed.
    public var kind: Kind
    /// The column's index, where known.
    public var column: Int?
    /// The column's name, where known.
    public var columnName: String?
    /// The Swift type asked for.
    public var swiftType: String
    /// The PostgreSQL type of the column, where known.
    public var pgType: PGType?

    /// Creates an error.
    public init<T>(_ kind: Kind, column: Int?, columnName: String?, swiftType: T.Type, pgType: PGType?) {
        self.kind = kind
        self.column = column
        self.columnName = columnName
        self.swiftType = String(describing: swiftType)
        self.pgType = pgType
    }

    public var description: String {
        let place = columnName.map { "column \"\($0)\"" } ?? column.map { "column \($0)" } ?? "row"
        switch kind {
        case .typeMismatch:
            return "cannot decode \(place) of type \(pgType.map(String.init(describing:)) ?? "?") as \(swiftType)"
        case .unexpectedNull:
            return "\(place) is NULL but \(swiftType) is not optional"
        case .invalidValue:
            return "\(place) holds a value that is not a valid \(swiftType)"
        case .missingColumn:
            return "\(place) does not exist"
        case .columnCountMismatch(let expected, let actual):
            return "the row has \(actual) columns, \(expected) were asked for as \(swiftType)"
        }
    }
}
