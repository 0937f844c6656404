#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A Swift value that can be sent as a bind parameter (libpq text format).
///
/// Parameters are sent untyped, so PostgreSQL infers each one's type from where it stands in the
/// statement (`WHERE id = $1` makes `$1` an integer); cast in SQL (`$1::date`) where the context is
/// ambiguous.
public protocol PGEncodable: Sendable {
    /// The value's text, or nil for SQL NULL.
    var pgText: String? { get }
}

extension Optional: PGEncodable where Wrapped: PGEncodable {
    public var pgText: String? { self?.pgText }
}

extension Int: PGEncodable { public var pgText: String? { String(self) } }
extension Int64: PGEncodable { public var pgText: String? { String(self) } }
extension Int32: PGEncodable { public var pgText: String? { String(self) } }
extension Int16: PGEncodable { public var pgText: String? { String(self) } }
extension String: PGEncodable { public var pgText: String? { self } }
extension Substring: PGEncodable { public var pgText: String? { String(self) } }
extension Bool: PGEncodable { public var pgText: String? { self ? "t" : "f" } }

extension Double: PGEncodable {
    public var pgText: String? {
        if isNaN { return "NaN" }
        if isInfinite { return self > 0 ? "Infinity" : "-Infinity" }
        return String(self)
    }
}

extension Float: PGEncodable {
    public var pgText: String? { Double(self).pgText }
}

extension Decimal: PGEncodable {
    public var pgText: String? { isNaN ? "NaN" : description }
}

extension Data: PGEncodable {
    /// Sent as bytea hex text (`\x0aff`).
    public var pgText: String? { "\\x" + Hex.encode(self) }
}

extension Date: PGEncodable {
    /// Sent as an ISO timestamp in UTC with microseconds (`2026-11-27 20:36:42.123456+00`).
    public var pgText: String? {
        if self == .distantFuture { return "infinity" }
        if self == .distantPast { return "-infinity" }
        let total = timeIntervalSince1970
        // Beyond any date PostgreSQL stores (or NaN): send text it refuses with a clear error.
        guard total.isFinite, abs(total) < 9e12 else { return "invalid date" }
        var seconds = Int(total.rounded(.down))
        var micros = Int(((total - Double(seconds)) * 1_000_000).rounded())
        if micros == 1_000_000 {
            seconds += 1
            micros = 0
        }
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let date = PGDate(daysSinceEpoch: days)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(date) \(pad(rest / 3600, 2)):\(pad(rest % 3600 / 60, 2)):\(pad(rest % 60, 2)).\(pad(micros, 6))+00"
    }
}

extension PGDate {
    /// The date `days` after 1970-01-01 (H. Hinnant's `civil_from_days`).
    init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}

extension Array: PGEncodable where Element: PGEncodable {
    /// Sent as a one-dimensional array literal; cast it in SQL where the type is not implied
    /// (`= ANY($1::int[])`).
    public var pgText: String? {
        // A closure, not the key path `\.pgText`: in this generic context the runtime would instantiate the
        // key path at every call (about 4% of the server's CPU for a read by id).
        PGArrayText.join(map { $0.pgText })
    }
}
