/// Helpers for Prometheus' text exposition format (version 0.0.4).
public enum PrometheusText {
    /// The `Content-Type` of the format.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// One sample line: `name{label="value",…} value`.
    static func sample(_ name: String, _ labels: [PrometheusRegistry.Label], _ value: Double) -> String {
        guard !labels.isEmpty else { return "\(name) \(number(value))\n" }
        let pairs = labels.map { "\($0.name)=\"\(escape($0.value))\"" }.joined(separator: ",")
        return "\(name){\(pairs)} \(number(value))\n"
    }

    /// A family of one unlabelled or labelled gauge or counter, for values read at scrape time.
    ///
    /// - Parameters:
    ///   - name: the metric's name.
    ///   - type: `gauge` or `counter`.
    ///   - help: the `# HELP` text.
    ///   - samples: each sample's labels and value.
    public static func family(_ name: String, type: String, help: String, _ samples: [([(String, String)], Double)]) -> String {
        var text = "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
        for (labels, value) in samples {
            text += sample(name, labels.map { PrometheusRegistry.Label(name: $0.0, value: $0.1) }, value)
        }
        return text
    }

    /// A value as Prometheus writes it: integers without a fraction, `+Inf`, `-Inf`, `NaN`.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// A label value with backslash, double quote and line feed escaped.
    static func escape(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    /// A metric or label name with every character outside `[a-zA-Z0-9_:]` replaced by `_`.
    static func name(_ label: String) -> String {
        // Counters are looked up by name at every request: most names are already valid, so return them
        // as they are instead of rebuilding them character by character.
        let bytes = label.utf8
        if let first = bytes.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first), bytes.allSatisfy(Self.isNameByte) {
            return label
        }
        var out = ""
        for (index, scalar) in label.unicodeScalars.enumerated() {
            let allowed = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_" || scalar == ":"
                || (index > 0 && scalar >= "0" && scalar <= "9")
            out.unicodeScalars.append(allowed ? scalar : "_")
        }
        return out.isEmpty ? "_" : out
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }
}
