#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The `Date` header of received mail (RFC 5322 §3.3, with the obsolete forms of §4.3): an optional day
/// name, `d Mon yyyy hh:mm[:ss]` and a zone (`+hhmm`, `UT`, `GMT`, the US zones, or none for UTC).
enum InboundDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "edt": -4, "est": -5, "cdt": -5, "cst": -6,
        "mdt": -6, "mst": -7, "pdt": -7, "pst": -8,
    ]

    /// Seconds since 1970 (UTC), or nil when the text is not a date.
    static func secondsSince1970(_ text: String) -> Int? {
        var cleaned = ""
        var depth = 0
        for character in text.prefix(200) {
            if character == "(" { depth += 1; continue }
            if character == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { cleaned.append(character) }
        }
        var tokens = cleaned.lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
            .map(String.init)
        // A day name ("Fri" or "Friday") comes first, if at all.
        if let first = tokens.first, first.first?.isLetter == true { tokens.removeFirst() }
        // "27-Nov-2026" in one token.
        if let first = tokens.first, first.split(separator: "-").count == 3 {
            tokens.replaceSubrange(0..<1, with: first.split(separator: "-").map(String.init))
        }
        guard tokens.count >= 4,
              let day = Int(tokens[0]), (1...31).contains(day),
              let monthIndex = months.firstIndex(where: { tokens[1].hasPrefix($0) }),
              var year = Int(tokens[2]), year >= 0, year < 10_000
        else { return nil }
        if year < 50 { year += 2000 } else if year < 1000 { year += 1900 }

        let time = tokens[3].split(separator: ":").map { Int($0) }
        guard time.count >= 2, time.count <= 3, time.allSatisfy({ $0 != nil }) else { return nil }
        let hour = time[0] ?? 0, minute = time[1] ?? 0, second = time.count == 3 ? time[2] ?? 0 : 0
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }

        var offset = 0
        if tokens.count >= 5 {
            let zone = tokens[4]
            if let sign = zone.first, sign == "+" || sign == "-", zone.count == 5,
               let digits = Int(zone.dropFirst()) {
                let minutes = digits / 100 * 60 + digits % 100
                offset = (sign == "-" ? -minutes : minutes) * 60
            } else if let hours = zones[zone] {
                offset = hours * 3600
            }
        }
        let days = daysSince1970(year: year, month: monthIndex + 1, day: day)
        return days * 86_400 + hour * 3600 + minute * 60 + second - offset
    }

    static func date(_ text: String) -> Date? {
        secondsSince1970(text).map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm, the inverse of `MailDate.civil`).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
