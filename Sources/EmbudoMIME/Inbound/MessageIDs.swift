/// Message ids in `Message-ID`, `In-Reply-To` and `References` (RFC 5322 §3.6.4), without angle brackets.
enum MessageIDs {
    /// The ids in angle brackets, in order; when there are none, the value's words (some clients omit the
    /// brackets). Empty ids and ids with spaces are skipped.
    static func all(_ value: String, limit: Int = 1000) -> [String] {
        var ids: [String] = []
        var remainder = value[...]
        while ids.count < limit, let open = remainder.firstIndex(of: "<") {
            let afterOpen = remainder.index(after: open)
            guard let close = remainder[afterOpen...].firstIndex(of: ">") else { break }
            let id = remainder[afterOpen..<close].trimmingSpaces()
            if !id.isEmpty, !id.contains(" ") { ids.append(id) }
            remainder = remainder[remainder.index(after: close)...]
        }
        if ids.isEmpty, !value.contains("<") {
            ids = value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
                .prefix(limit).map(String.init).filter { $0.contains("@") }
        }
        return ids
    }

    /// The first id of the value, if any.
    static func first(_ value: String?) -> String? {
        guard let value else { return nil }
        return all(value, limit: 1).first
    }
}
