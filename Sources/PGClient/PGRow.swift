import CLibPQ

/// One row of a ``PGResult``.
public struct PGRow {
    /// The result the row belongs to (kept alive by the row).
    public let result: PGResult
    let row: Int32

    init(result: PGResult, row: Int32) {
        self.result = result
        self.row = row
    }

    /// The raw cell at a column: its bytes (nil for SQL NULL) and its PostgreSQL type.
    ///
    /// - Precondition: `column` is a column of the result (``decode(_:at:)`` checks this and throws).
    public func cell(_ column: Int) -> PGCell {
        precondition(column >= 0 && column < result.columnCount, "column index out of range")
        let handle = result.handle
        let type = PGType(oid: PQftype(handle, Int32(column)))
        if PQgetisnull(handle, row, Int32(column)) != 0 {
            return PGCell(bytes: nil, type: type, column: column, columnName: nil)
        }
        let length = Int(PQgetlength(handle, row, Int32(column)))
        let pointer = UnsafeRawPointer(PQgetvalue(handle, row, Int32(column))!)
        return PGCell(bytes: UnsafeRawBufferPointer(start: pointer, count: length), type: type, column: column, columnName: nil)
    }

    /// Decodes the cell at a column as a Swift value.
    ///
    /// - Throws: ``PGDecodingError`` when the column does not exist, is NULL for a non-optional type,
    ///   has a PostgreSQL type that does not fit `T`, or holds text that `T` cannot represent.
    public func decode<T: PGDecodable>(_ type: T.Type = T.self, at column: Int) throws(PGDecodingError) -> T {
        guard column >= 0 && column < result.columnCount else {
            throw PGDecodingError(.missingColumn, column: column, columnName: nil, swiftType: T.self, pgType: nil)
        }
        do {
            return try T.decode(from: cell(column))
        } catch {
            var error = error
            error.columnName = result.columnName(column)
            throw error
        }
    }

    /// Decodes the cell of the column with this name.
    public func decode<T: PGDecodable>(_ type: T.Type = T.self, named name: String) throws(PGDecodingError) -> T {
        guard let column = result.columnIndex(named: name) else {
            throw PGDecodingError(.missingColumn, column: nil, columnName: name, swiftType: T.self, pgType: nil)
        }
        return try decode(T.self, at: column)
    }

    /// Decodes the whole row into a tuple, one type per column, in order.
    ///
    /// ```swift
    /// let (id, name) = try row.decode((Int, String).self)
    /// ```
    public func decode<each T: PGDecodable>(_ types: (repeat each T).Type) throws(PGDecodingError) -> (repeat each T) {
        var expected = 0
        for _ in repeat (each T).self { expected += 1 }
        guard expected == result.columnCount else {
            throw PGDecodingError(.columnCountMismatch(expected: expected, actual: result.columnCount),
                                  column: nil, columnName: nil, swiftType: (repeat each T).self, pgType: nil)
        }
        var column = 0
        func next<U: PGDecodable>(_: U.Type) throws(PGDecodingError) -> U {
            defer { column += 1 }
            return try decode(U.self, at: column)
        }
        return (repeat try next((each T).self))
    }
}

/// One cell of a row in libpq's text format, borrowed from the result that holds it.
///
/// Only valid while its row's ``PGResult`` is alive: read it inside ``PGDecodable/decode(from:)``.
public struct PGCell {
    /// The text bytes of the value, or nil for SQL NULL.
    public var bytes: UnsafeRawBufferPointer?
    /// The PostgreSQL type of the value.
    public var type: PGType
    /// The column's index, for error messages.
    public var column: Int?
    /// The column's name, for error messages.
    public var columnName: String?

    /// Creates a cell (used for array elements and tests).
    public init(bytes: UnsafeRawBufferPointer?, type: PGType, column: Int? = nil, columnName: String? = nil) {
        self.bytes = bytes
        self.type = type
        self.column = column
        self.columnName = columnName
    }

    /// The value as a Swift string (nil for NULL).
    public var string: String? {
        bytes.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The bytes of a non-NULL value, or a decoding error for `T`.
    public func requireBytes<T>(for type: T.Type) throws(PGDecodingError) -> UnsafeRawBufferPointer {
        guard let bytes else { throw mismatch(.unexpectedNull, T.self) }
        return bytes
    }

    /// An error about this cell.
    public func mismatch<T>(_ kind: PGDecodingError.Kind, _ type: T.Type) -> PGDecodingError {
        PGDecodingError(kind, column: column, columnName: columnName, swiftType: T.self, pgType: self.type)
    }

    /// Throws a type-mismatch error unless the cell's type is one of `accepted`.
    public func expect<T>(_ accepted: Set<PGType>, for type: T.Type) throws(PGDecodingError) {
        guard accepted.contains(self.type) else { throw mismatch(.typeMismatch, T.self) }
    }
}
