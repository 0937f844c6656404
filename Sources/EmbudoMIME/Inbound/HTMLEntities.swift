/// Character references in HTML attribute values, decoded as browsers do before they use a URL: numeric
/// references with or without their `;`, and the named references that matter for URLs and text.
enum HTMLEntities {
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "colon": ":",
        "tab": "\t", "newline": "\n", "sol": "/", "lpar": "(", "rpar": ")", "period": ".", "comma": ",",
        "excl": "!", "num": "#", "percnt": "%", "equals": "=", "quest": "?", "commat": "@", "semi": ";",
        "bsol": "\\", "plus": "+", "dollar": "$", "lowbar": "_", "hyphen": "-", "dash": "-",
        "copy": "©", "reg": "®", "euro": "€", "hellip": "…", "mdash": "—", "ndash": "–",
    ]

    static func decode(_ bytes: [UInt8]) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var output = String.UnicodeScalarView()
        let text = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var index = 0
        while index < text.count {
            let scalar = text[index]
            guard scalar == "&", index + 1 < text.count else {
                output.append(scalar)
                index += 1
                continue
            }
            if text[index + 1] == "#" {
                var end = index + 2
                let hex = end < text.count && (text[end] == "x" || text[end] == "X")
                if hex { end += 1 }
                let digitsStart = end
                var value: UInt32 = 0
                while end < text.count, end - digitsStart < 10 {
                    let character = text[end]
                    let digit: UInt32? = if !character.isASCII {
                        nil
                    } else if hex {
                        TransferEncoding.hexValue(UInt8(truncatingIfNeeded: character.value)).map(UInt32.init)
                    } else {
                        character.value >= 0x30 && character.value <= 0x39 ? character.value - 0x30 : nil
                    }
                    guard let digit else { break }
                    value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)
                    end += 1
                }
                if end > digitsStart {
                    let decoded = value == 0 ? nil : Unicode.Scalar(value)
                    output.append(decoded ?? "\u{FFFD}")
                    index = end < text.count && text[end] == ";" ? end + 1 : end
                    continue
                }
            } else {
                var end = index + 1
                var name = ""
                while end < text.count, end - index <= 32, text[end].properties.isAlphabetic, text[end].isASCII {
                    name.unicodeScalars.append(text[end])
                    end += 1
                }
                let hasSemicolon = end < text.count && text[end] == ";"
                let lower = name.lowercased()
                if let replacement = named[lower], hasSemicolon || ["amp", "lt", "gt", "quot"].contains(lower) {
                    output.append(contentsOf: replacement.unicodeScalars)
                    index = hasSemicolon ? end + 1 : end
                    continue
                }
            }
            output.append(scalar)
            index += 1
        }
        return String(output)
    }
}
