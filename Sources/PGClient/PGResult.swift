import CLibPQ

/// The rows of one statement's result.
///
/// A `PGResult` owns libpq's `PGresult` and frees it when the last reference goes. It is not `Sendable`:
/// decode its rows into Swift values inside the closure that runs on the connection's thread, and return
/// those.
public final class PGResult {
    let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        PQclear(handle)
    }

    /// The number of rows.
    public var count: Int { Int(PQntuples(handle)) }

    /// The number of columns.
    public var columnCount: Int { Int(PQnfields(handle)) }

    /// The rows affected by an INSERT, UPDATE, DELETE or similar command, or 0.
    public var affectedRows: Int {
        guard let text = PQcmdTuples(handle), text.pointee != 0 else { return 0 }
        return Int(String(cString: text)) ?? 0
    }

    /// The name of a column.
    public func columnName(_ column: Int) -> String {
        guard column >= 0 && column < columnCount else { return "" }
        return PQfname(handle, Int32(column)).map { String(cString: $0) } ?? ""
    }

    /// The index of the column with this name, if there is one.
    public func columnIndex(named name: String) -> Int? {
        let index = Int(PQfnumber(handle, "\"" + name.replacingQuotes() + "\""))
        return index >= 0 ? index : nil
    }

    /// The PostgreSQL type of a column.
    public func columnType(_ column: Int) -> PGType {
        guard column >= 0 && column < columnCount else { return .unknown }
        return PGType(oid: PQftype(handle, Int32(column)))
    }

    /// The row at an index.
    public subscript(row: Int) -> PGRow {
        precondition(row >= 0 && row < count, "row index out of range")
        return PGRow(result: self, row: Int32(row))
    }

    /// All rows, in order.
    public var rows: [PGRow] {
        (0..<count).map { PGRow(result: self, row: Int32($0)) }
    }

    /// Decodes every row with a closure.
    public func map<T>(_ transform: (PGRow) throws -> T) rethrows -> [T] {
        var values: [T] = []
        values.reserveCapacity(count)
        for row in 0..<Int32(count) {
            values.append(try transform(PGRow(result: self, row: row)))
        }
        return values
    }

    /// Decodes every row into a tuple of the given types, one per column.
    public func decode<each T: PGDecodable>(_ types: (repeat each T).Type) throws(PGDecodingError) -> [(repeat each T)] {
        var values: [(repeat each T)] = []
        values.reserveCapacity(count)
        for row in 0..<Int32(count) {
            values.append(try PGRow(result: self, row: row).decode((repeat each T).self))
        }
        return values
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var out = ""
        for character in self {
            if character == "\"" { out += "\"\"" } else { out.append(character) }
        }
        return out
    }
}
