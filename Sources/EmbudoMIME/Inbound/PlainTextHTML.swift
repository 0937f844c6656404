/// Plain text as HTML for storage: escaped, paragraphs (separated by empty lines) in `<p>`, other line
/// breaks as `<br>`.
enum PlainTextHTML {
    static func render(_ text: String) -> String {
        let normalized = BodyCollector.normalizeNewlines(text)
        var output = ""
        var paragraph: [Substring] = []
        func flush() {
            guard !paragraph.isEmpty else { return }
            output += "<p>" + paragraph.map { HTMLSanitizer.escapeText(String($0)) }.joined(separator: "<br>") + "</p>"
            paragraph = []
        }
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                flush()
            } else {
                paragraph.append(line)
            }
        }
        flush()
        return output
    }
}
