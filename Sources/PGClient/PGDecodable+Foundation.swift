#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Decimal: PGDecodable {
    /// Decodes numeric and integer columns exactly; throws ``PGDecodingError/Kind/invalidValue`` for a
    /// numeric with more significant digits than `Decimal` holds (38), rather than rounding.
    public static func decode(from cell: PGCell) throws(PGDecodingError) -> Decimal {
        try cell.expect([.numeric, .int2, .int4, .int8], for: Decimal.self)
        let numeric = PGNumeric(text: String(decoding: try cell.requireBytes(for: Decimal.self), as: UTF8.self))
        guard let value = numeric.decimal else { throw cell.mismatch(.invalidValue, Decimal.self) }
        return value
    }
}

extension Data: PGDecodable {
    /// Decodes bytea columns (hex output format, PostgreSQL's default).
    public static func decode(from cell: PGCell) throws(PGDecodingError) -> Data {
        try cell.expect([.bytea], for: Data.self)
        let bytes = try cell.requireBytes(for: Data.self)
        guard let data = decodeHexBytea(bytes) else { throw cell.mismatch(.invalidValue, Data.self) }
        return data
    }
}

private func decodeHexBytea(_ bytes: UnsafeRawBufferPointer) -> Data? {
    guard bytes.count >= 2, bytes[0] == UInt8(ascii: "\\"), bytes[1] == UInt8(ascii: "x"), bytes.count % 2 == 0 else {
        return nil
    }
    func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
    var data = Data(capacity: (bytes.count - 2) / 2)
    var index = 2
    while index < bytes.count {
        guard let high = nibble(bytes[index]), let low = nibble(bytes[index + 1]) else { return nil }
        data.append(high << 4 | low)
        index += 2
    }
    return data
}

extension Date: PGDecodable {
    /// Decodes timestamptz columns (and timestamp, read as UTC) in the ISO output style, whatever the
    /// session's time zone. `infinity` and `-infinity` decode as `distantFuture` and `distantPast`.
    public static func decode(from cell: PGCell) throws(PGDecodingError) -> Date {
        try cell.expect([.timestamptz, .timestamp], for: Date.self)
        let bytes = try cell.requireBytes(for: Date.self)
        guard let date = PGTimestamp.parse(bytes) else { throw cell.mismatch(.invalidValue, Date.self) }
        return date
    }
}

/// Reads PostgreSQL's ISO timestamp text: `2026-11-27 20:36:42.123456+05:30`.
enum PGTimestamp {
    static func parse(_ bytes: UnsafeRawBufferPointer) -> Date? {
        let text = Array(bytes)
        if text == Array("infinity".utf8) { return .distantFuture }
        if text == Array("-infinity".utf8) { return .distantPast }
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= text.count else { return nil }
            var value = 0
            for _ in 0..<digits {
                let digit = Int(text[index]) - 48
                guard digit >= 0 && digit <= 9 else { return nil }
                value = value * 10 + digit
                index += 1
            }
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard index < text.count, text[index] == character.asciiValue else { return false }
            index += 1
            return true
        }
        // The year may have more than four digits.
        var yearDigits = 0
        while index + yearDigits < text.count, text[index + yearDigits] != UInt8(ascii: "-") { yearDigits += 1 }
        guard yearDigits >= 4, let year = number(yearDigits), expect("-"), let month = number(2), expect("-"),
              let day = number(2), expect(" "), let hour = number(2), expect(":"), let minute = number(2),
              expect(":"), let second = number(2)
        else { return nil }
        var fraction = 0.0
        if expect(".") {
            var scale = 0.1
            while index < text.count, let digit = Optional(Int(text[index]) - 48), digit >= 0 && digit <= 9 {
                fraction += Double(digit) * scale
                scale /= 10
                index += 1
            }
        }
        var offset = 0
        if index < text.count {
            let sign: Int
            if expect("+") { sign = 1 } else if expect("-") { sign = -1 } else { return nil }
            guard let offsetHours = number(2) else { return nil }
            var offsetSeconds = offsetHours * 3600
            if expect(":") {
                guard let offsetMinutes = number(2) else { return nil }
                offsetSeconds += offsetMinutes * 60
                if expect(":") {
                    guard let extra = number(2) else { return nil }
                    offsetSeconds += extra
                }
            }
            offset = sign * offsetSeconds
        }
        guard index == text.count else { return nil }
        let days = PGDate.daysSinceEpoch(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offset) + fraction
        return Date(timeIntervalSince1970: seconds)
    }
}

/// The text of a json or jsonb value, decodable into any `Decodable` type.
public struct PGJSON: Sendable, Hashable, PGDecodable, PGEncodable {
    /// The JSON text.
    public var text: String

    /// Wraps JSON text.
    public init(text: String) { self.text = text }

    /// Encodes a value as JSON.
    public init<T: Encodable>(encoding value: T) throws {
        let data = try JSONEncoder().encode(value)
        self.text = String(decoding: data, as: UTF8.self)
    }

    /// Decodes the JSON into a value.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    /// Decodes json and jsonb columns.
    public static func decode(from cell: PGCell) throws(PGDecodingError) -> PGJSON {
        try cell.expect([.json, .jsonb], for: PGJSON.self)
        return PGJSON(text: String(decoding: try cell.requireBytes(for: PGJSON.self), as: UTF8.self))
    }

    public var pgText: String? { text }
}
