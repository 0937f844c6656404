/// A Swift type that can be read from a cell of a query result (libpq text format).
///
/// Conforming types check the cell's PostgreSQL type and throw ``PGDecodingError`` with kind
/// ``PGDecodingError/Kind/typeMismatch`` when it does not fit, so that a query whose columns changed
/// fails loudly rather than misreading data.
public protocol PGDecodable {
    /// Reads a value from a cell.
    static func decode(from cell: PGCell) throws(PGDecodingError) -> Self
}

extension Optional: PGDecodable where Wrapped: PGDecodable {
    /// NULL decodes as nil; anything else as `Wrapped`.
    public static func decode(from cell: PGCell) throws(PGDecodingError) -> Wrapped? {
        guard cell.bytes != nil else { return nil }
        return try Wrapped.decode(from: cell)
    }
}

/// Parses a base-10 integer from ASCII bytes without allocating.
@inline(__always)
func parseInteger<T: FixedWidthInteger>(_ bytes: UnsafeRawBufferPointer, as: T.Type) -> T? {
    var index = 0
    let count = bytes.count
    guard count > 0 else { return nil }
    var negative = false
    if bytes[0] == UInt8(ascii: "-") {
        negative = true
        index = 1
    } else if bytes[0] == UInt8(ascii: "+") {
        index = 1
    }
    guard index < count else { return nil }
    var value: T = 0
    while index < count {
        let digit = bytes[index] &- UInt8(ascii: "0")
        guard digit < 10 else { return nil }
        let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
        let (next, overflow2) = negative
            ? shifted.subtractingReportingOverflow(T(digit))
            : shifted.addingReportingOverflow(T(digit))
        guard !overflow1 && !overflow2 else { return nil }
        value = next
        index += 1
    }
    return value
}

private let integerTypes: Set<PGType> = [.int2, .int4, .int8, .oidType]

/// Decodes int2, int4, int8 and oid cells as any integer type the value fits.
private func decodeInteger<T: FixedWidthInteger>(_ cell: PGCell, as type: T.Type) throws(PGDecodingError) -> T {
    try cell.expect(integerTypes, for: T.self)
    guard let value = parseInteger(try cell.requireBytes(for: T.self), as: T.self) else {
        throw cell.mismatch(.invalidValue, T.self)
    }
    return value
}

extension Int: PGDecodable {
    /// Decodes int2, int4, int8 and oid columns.
    public static func decode(from cell: PGCell) throws(PGDecodingError) -> Int { try decodeInteger(cell, as: Int.self) }
}

extension Int64: PGDecodable {
    /// Decodes int2, int4, int8 and oid columns.
    public static func decode(from cell: PGCell) throws(PGDecodingError) -> Int64 { try decodeInteger(cell, as: Int64.self) }
}

extension Int32: PGDecodable {
    /// Decodes int2 and int4 columns, and int8 or oid values that fit.
    public static func decode(from cell: PGCell) throws(PGDecodingError) -> Int32 { try decodeInteger(cell, as: Int32.self) }
}

extension Int16: PGDecodable {
    /// Decodes int2 columns, and wider integers whose value fits.
    public static func decode(from cell: PGCell) throws(PGDecodingError) -> Int16 { try decodeInteger(cell, as: Int16.self) }
}

extension Bool: PGDecodable {
    /// Decodes bool columns (`t` / `f`).
    public static func decode(from cell: PGCell) throws(PGDecodingError) -> Bool {
        try cell.expect([.bool], for: Bool.self)
        let bytes = try cell.requireBytes(for: Bool.self)
        switch bytes.first {
        case UInt8(ascii: "t"): return true
        case UInt8(ascii: "f"): return false
        default: throw cell.mismatch(.invalidValue, Bool.self)
        }
    }
}

extension Double: PGDecodable {
    /// Decodes float4, float8, numeric and integer columns (numeric may lose precision: use `Decimal`
    /// or ``PGNumeric`` for money).
    public static func decode(from cell: PGCell) throws(PGDecodingError) -> Double {
        try cell.expect([.float4, .float8, .numeric, .int2, .int4, .int8], for: Double.self)
        let text = String(decoding: try cell.requireBytes(for: Double.self), as: UTF8.self)
        switch text {
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        case "NaN": return .nan
        default:
            guard let value = Double(text) else { throw cell.mismatch(.invalidValue, Double.self) }
            return value
        }
    }
}

extension Float: PGDecodable {
    /// Decodes float4 columns (and float8 or numeric, rounded).
    public static func decode(from cell: PGCell) throws(PGDecodingError) -> Float {
        Float(try Double.decode(from: cell))
    }
}

extension String: PGDecodable {
    /// Decodes textual columns: text, varchar, char, name, uuid, json, jsonb, xml, and user-defined
    /// types such as enums (which PostgreSQL sends as their label).
    public static func decode(from cell: PGCell) throws(PGDecodingError) -> String {
        guard textualTypes.contains(cell.type) || !cell.type.isBuiltIn else {
            throw cell.mismatch(.typeMismatch, String.self)
        }
        return String(decoding: try cell.requireBytes(for: String.self), as: UTF8.self)
    }

    private static let textualTypes: Set<PGType> = [
        .text, .varchar, .bpchar, .name, .char, .unknown, .uuid, .json, .jsonb, .xml,
    ]
}
