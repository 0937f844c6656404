#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An exact numeric value kept as PostgreSQL's own text (`-1234.5600`), for amounts that must round-trip
/// without any binary rounding, whatever their precision.
public struct PGNumeric: Sendable, Hashable, CustomStringConvertible, PGDecodable, PGEncodable {
    /// The value's text, as PostgreSQL prints it.
    public var text: String

    /// Wraps numeric text. The text is checked by PostgreSQL when sent.
    public init(text: String) { self.text = text }

    /// The value of a `Decimal`.
    public init(_ decimal: Decimal) { self.text = decimal.description }

    /// The value as a `Decimal`, or nil when it has more than 38 significant digits or is NaN/infinite.
    public var decimal: Decimal? {
        var digits = 0
        var leading = true
        for character in text.utf8 {
            switch character {
            case UInt8(ascii: "0"):
                if !leading { digits += 1 }
            case UInt8(ascii: "1")...UInt8(ascii: "9"):
                leading = false
                digits += 1
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
                continue
            default:
                return nil
            }
        }
        guard digits <= 38 else { return nil }
        return Decimal(string: text)
    }

    public var description: String { text }

    /// Decodes numeric and integer columns.
    public static func decode(from cell: PGCell) throws(PGDecodingError) -> PGNumeric {
        try cell.expect([.numeric, .int2, .int4, .int8], for: PGNumeric.self)
        return PGNumeric(text: String(decoding: try cell.requireBytes(for: PGNumeric.self), as: UTF8.self))
    }

    public var pgText: String? { text }
}

/// A calendar date without time or time zone: PostgreSQL's `date`.
public struct PGDate: Sendable, Hashable, Comparable, CustomStringConvertible, PGDecodable, PGEncodable {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Creates a date. The parts are checked by PostgreSQL when the date is sent.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: PGDate, rhs: PGDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Days from 1970-01-01 (proleptic Gregorian calendar; H. Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Decodes date columns.
    public static func decode(from cell: PGCell) throws(PGDecodingError) -> PGDate {
        try cell.expect([.date], for: PGDate.self)
        let text = String(decoding: try cell.requireBytes(for: PGDate.self), as: UTF8.self)
        guard let date = PGDate(text) else { throw cell.mismatch(.invalidValue, PGDate.self) }
        return date
    }

    public var pgText: String? { description }
}
