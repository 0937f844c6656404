/// An allow-list HTML sanitiser for received mail bodies.
///
/// It keeps text formatting and structure (paragraphs, emphasis, lists, tables, headings, links and
/// images) with a few attributes (`href`, `src`, `alt`, `title`, `colspan`, `rowspan`), and removes
/// everything else: scripts, styles, frames, objects, forms, SVG and MathML with their content; comments;
/// event handlers, `style` and `class`; URLs other than http(s), mailto and relative links, and image
/// sources other than http(s), `cid:` and PNG/JPEG/GIF data. The output is well-formed: text is escaped,
/// every attribute value is quoted and escaped, open elements are closed.
public enum HTMLSanitizer {
    /// The HTML made safe to display.
    public static func sanitize(_ html: String) -> String {
        var sanitizer = HTMLSanitizerPass(Array(html.utf8))
        sanitizer.run()
        return String(decoding: sanitizer.output, as: UTF8.self)
    }

    /// Text escaped for HTML content and attribute values (`&`, `<`, `>`, `"`, `'`).
    public static func escapeText(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        HTMLSanitizerPass.appendEscaped(text.utf8, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    static let allowedTags: Set<String> = [
        "p", "br", "div", "span", "b", "strong", "i", "em", "u", "s", "blockquote", "pre", "code", "ul", "ol",
        "li", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "h1", "h2", "h3", "h4", "h5",
        "h6", "a", "img", "hr", "font", "small", "sup", "sub",
    ]
    static let voidTags: Set<String> = ["br", "img", "hr"]
    /// Removed with their content, which is raw text up to the matching end tag.
    static let rawTextTags: Set<String> = [
        "script", "style", "textarea", "iframe", "xmp", "noembed", "noframes", "noscript", "title", "plaintext",
    ]
    /// Removed with their content, which is markup (nested elements of the same name are counted).
    static let droppedContainers: Set<String> = [
        "object", "form", "svg", "math", "template", "select", "button", "applet", "frameset", "audio",
        "video", "canvas", "head",
    ]
}

/// One run of the sanitiser over UTF-8 input.
struct HTMLSanitizerPass {
    let input: [UInt8]
    var output: [UInt8] = []
    private var index = 0
    private var openElements: [String] = []
    /// Inside a dropped container: its name and nesting depth.
    private var skipping: (name: String, depth: Int)?

    static let maxOpenElements = 256
    static let maxAttributes = 64

    init(_ input: [UInt8]) {
        self.input = input
        output.reserveCapacity(input.count)
    }

    mutating func run() {
        while index < input.count {
            let byte = input[index]
            switch byte {
            case UInt8(ascii: "<"):
                markup()
            case UInt8(ascii: "&"):
                entityInText()
            case 0:
                index += 1
            default:
                if skipping == nil { Self.appendEscaped(CollectionOfOne(byte), to: &output) }
                index += 1
            }
        }
        while let name = openElements.popLast() { emit("</" + name + ">") }
    }

    private mutating func emit(_ text: String) {
        if skipping == nil { output.append(contentsOf: text.utf8) }
    }

    private func peek(_ offset: Int) -> UInt8? {
        index + offset < input.count ? input[index + offset] : nil
    }

    private static func isLetter(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// At a `<`: a comment, a declaration, an end tag, a start tag, or a stray `<` (escaped).
    private mutating func markup() {
        let next = peek(1)
        if next == UInt8(ascii: "!") {
            if peek(2) == UInt8(ascii: "-"), peek(3) == UInt8(ascii: "-") {
                index = find(Array("-->".utf8), from: index + 2).map { $0 + 3 } ?? input.count
            } else {
                skipPast(UInt8(ascii: ">"))
            }
        } else if next == UInt8(ascii: "?") {
            skipPast(UInt8(ascii: ">"))
        } else if next == UInt8(ascii: "/") {
            if Self.isLetter(peek(2)) {
                index += 2
                let name = readName()
                skipPast(UInt8(ascii: ">"))
                endTag(name)
            } else {
                skipPast(UInt8(ascii: ">"))
            }
        } else if Self.isLetter(next) {
            index += 1
            startTag()
        } else {
            if skipping == nil { output.append(contentsOf: "&lt;".utf8) }
            index += 1
        }
    }

    private mutating func skipPast(_ byte: UInt8) {
        while index < input.count, input[index] != byte { index += 1 }
        if index < input.count { index += 1 }
    }

    private func find(_ needle: [UInt8], from start: Int, caseInsensitive: Bool = false) -> Int? {
        guard let first = needle.first, needle.count <= input.count else { return nil }
        var position = start
        let last = input.count - needle.count
        while position <= last {
            if input[position] == first {
                var matches = true
                for offset in 1..<needle.count {
                    let byte = input[position + offset]
                    if (caseInsensitive && Self.isLetter(byte) ? byte | 0x20 : byte) != needle[offset] {
                        matches = false
                        break
                    }
                }
                if matches { return position }
            }
            position += 1
        }
        return nil
    }

    /// A tag name (lower case) up to a space, `/` or `>`.
    private mutating func readName() -> String {
        let start = index
        while index < input.count, !Self.isSpace(input[index]), input[index] != UInt8(ascii: "/"),
              input[index] != UInt8(ascii: ">") {
            index += 1
        }
        return String(decoding: input[start..<index], as: UTF8.self).lowercased()
    }

    private mutating func startTag() {
        let name = readName()
        var attributes: [(name: String, value: [UInt8])] = []
        var selfClosing = false
        var closed = false
        while index < input.count {
            let byte = input[index]
            if Self.isSpace(byte) {
                index += 1
                continue
            }
            if byte == UInt8(ascii: "/") {
                selfClosing = true
                index += 1
                continue
            }
            if byte == UInt8(ascii: ">") {
                index += 1
                closed = true
                break
            }
            selfClosing = false
            let nameStart = index
            index += 1
            while index < input.count, !Self.isSpace(input[index]), input[index] != UInt8(ascii: "/"),
                  input[index] != UInt8(ascii: ">"), input[index] != UInt8(ascii: "=") {
                index += 1
            }
            let attributeName = String(decoding: input[nameStart..<index], as: UTF8.self).lowercased()
            while index < input.count, Self.isSpace(input[index]) { index += 1 }
            var value: [UInt8] = []
            if index < input.count, input[index] == UInt8(ascii: "=") {
                index += 1
                while index < input.count, Self.isSpace(input[index]) { index += 1 }
                if index < input.count, input[index] == UInt8(ascii: "\"") || input[index] == UInt8(ascii: "'") {
                    let quote = input[index]
                    let valueStart = index + 1
                    index = valueStart
                    while index < input.count, input[index] != quote { index += 1 }
                    value = Array(input[valueStart..<index])
                    if index < input.count { index += 1 }
                } else {
                    let valueStart = index
                    while index < input.count, !Self.isSpace(input[index]), input[index] != UInt8(ascii: ">") {
                        index += 1
                    }
                    value = Array(input[valueStart..<index])
                }
            }
            if attributes.count < Self.maxAttributes, !attributes.contains(where: { $0.name == attributeName }) {
                attributes.append((attributeName, value))
            }
        }
        // A tag cut off by the end of the input is dropped, as browsers do.
        guard closed else { return }

        if HTMLSanitizer.rawTextTags.contains(name) {
            if name == "plaintext" { index = input.count; return }
            if let end = find(Array(("</" + name).utf8), from: index, caseInsensitive: true) {
                index = end
                skipPast(UInt8(ascii: ">"))
            } else {
                index = input.count
            }
            return
        }
        if let current = skipping {
            if name == current.name, !selfClosing { skipping = (current.name, current.depth + 1) }
            // A `<body>` ends an unclosed `<head>`, as browsers read it.
            if current.name == "head", name == "body" { skipping = nil }
            return
        }
        if HTMLSanitizer.droppedContainers.contains(name), !selfClosing {
            skipping = (name, 1)
            return
        }
        guard HTMLSanitizer.allowedTags.contains(name) else { return }
        let isVoid = HTMLSanitizer.voidTags.contains(name)
        if !isVoid, openElements.count >= Self.maxOpenElements { return }

        var tag = Array(("<" + name).utf8)
        for attribute in attributes {
            guard let value = Self.allowedValue(tag: name, attribute: attribute.name, raw: attribute.value) else { continue }
            tag += Array((" " + attribute.name + "=\"").utf8)
            Self.appendEscaped(value.utf8, to: &tag)
            tag.append(UInt8(ascii: "\""))
        }
        tag.append(UInt8(ascii: ">"))
        output += tag
        if !isVoid { openElements.append(name) }
    }

    private mutating func endTag(_ name: String) {
        if let current = skipping {
            if name == current.name {
                skipping = current.depth > 1 ? (current.name, current.depth - 1) : nil
            }
            return
        }
        guard let position = openElements.lastIndex(of: name) else { return }
        while openElements.count > position, let open = openElements.popLast() {
            output.append(contentsOf: ("</" + open + ">").utf8)
        }
    }

    /// A character reference in text is kept when well-formed (`&name;`, `&#123;`, `&#x1F;`); any other
    /// `&` is escaped.
    private mutating func entityInText() {
        var end = index + 1
        var valid = false
        if end < input.count, input[end] == UInt8(ascii: "#") {
            end += 1
            let hex = end < input.count && (input[end] | 0x20) == UInt8(ascii: "x")
            if hex { end += 1 }
            let digitsStart = end
            while end < input.count, end - digitsStart < 8,
                  hex ? TransferEncoding.hexValue(input[end]) != nil : (input[end] >= 0x30 && input[end] <= 0x39) {
                end += 1
            }
            valid = end > digitsStart && end < input.count && input[end] == UInt8(ascii: ";")
        } else {
            let nameStart = end
            while end < input.count, end - nameStart < 32,
                  Self.isLetter(input[end]) || (end > nameStart && input[end] >= 0x30 && input[end] <= 0x39) {
                end += 1
            }
            valid = end > nameStart && end < input.count && input[end] == UInt8(ascii: ";")
        }
        if valid {
            if skipping == nil { output.append(contentsOf: input[index...end]) }
            index = end + 1
        } else {
            if skipping == nil { output.append(contentsOf: "&amp;".utf8) }
            index += 1
        }
    }

    /// The value to keep for an attribute of an allowed tag (decoded; escaped when written), or nil to
    /// drop the attribute.
    static func allowedValue(tag: String, attribute: String, raw: [UInt8]) -> String? {
        let value = HTMLEntities.decode(raw)
        switch (tag, attribute) {
        case ("a", "href"):
            return URLPolicy.isAllowedLink(value) ? value.trimmingSpaces() : nil
        case ("img", "src"):
            return URLPolicy.isAllowedImageSource(value) ? value.trimmingSpaces() : nil
        case ("img", "alt"), (_, "title"):
            return value
        case ("td", "colspan"), ("td", "rowspan"), ("th", "colspan"), ("th", "rowspan"):
            let digits = value.trimmingSpaces()
            return !digits.isEmpty && digits.count <= 4 && digits.allSatisfy(\.isASCII) && Int(digits) != nil ? digits : nil
        default:
            return nil
        }
    }

    static func appendEscaped(_ bytes: some Sequence<UInt8>, to output: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
            case 0: break
            default: output.append(byte)
            }
        }
    }
}
