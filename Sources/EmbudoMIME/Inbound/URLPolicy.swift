/// Which URLs the HTML sanitiser keeps, judged as a browser reads them: after entity decoding, with
/// whitespace and control characters removed, the scheme compared in lower case.
enum URLPolicy {
    /// Links: http, https, mailto, and relative URLs (no scheme).
    static func isAllowedLink(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return true }
        return scheme == "http" || scheme == "https" || scheme == "mailto"
    }

    /// Image sources: http, https, `cid:` (inline parts), PNG, JPEG and GIF `data:` URLs, and relative URLs.
    static func isAllowedImageSource(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return true }
        switch scheme {
        case "http", "https", "cid": return true
        case "data":
            let compact = stripped(url).lowercased()
            return ["data:image/png", "data:image/jpeg", "data:image/jpg", "data:image/gif"].contains { prefix in
                compact.hasPrefix(prefix + ";") || compact.hasPrefix(prefix + ",")
            }
        default: return false
        }
    }

    /// The URL without whitespace and control characters anywhere (browsers ignore tabs and newlines in
    /// URLs and trim the rest).
    static func stripped(_ url: String) -> String {
        String(String.UnicodeScalarView(url.unicodeScalars.filter {
            $0.value > 0x20 && !(0x7F...0x9F).contains($0.value) && $0 != "\u{A0}" && !$0.properties.isWhitespace
        }))
    }

    /// The scheme in lower case, or nil for a relative URL (no `:` before the first `/`, `?` or `#`).
    static func scheme(of url: String) -> String? {
        let compact = stripped(url)
        guard let colon = compact.firstIndex(of: ":") else { return nil }
        let candidate = compact[..<colon]
        if candidate.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return nil }
        return candidate.lowercased()
    }
}
