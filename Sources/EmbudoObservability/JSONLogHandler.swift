import Logging
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A swift-log handler that writes one JSON object per line: `timestamp` (ISO 8601, UTC, milliseconds),
/// `level`, `label`, `message`, then the metadata flattened into the same object (nested dictionaries
/// as `key.subkey`; a key that clashes with the four fixed ones gets the prefix `metadata.`).
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    private let label: String
    private let write: @Sendable (String) -> Void

    /// A handler for `label` that hands each line (without its line feed) to `write`.
    public init(label: String, metadataProvider: Logger.MetadataProvider? = nil, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.metadataProvider = metadataProvider
        self.write = write
    }

    /// A handler that writes to standard error.
    public static func standardError(label: String) -> JSONLogHandler {
        JSONLogHandler(label: label) { line in
            let bytes = Array((line + "\n").utf8)
            bytes.withUnsafeBufferPointer { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = writeToStandardError(buffer, offset)
                    if written <= 0 { break }
                    offset += written
                }
            }
        }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        write(Self.line(timestamp: Self.timestamp(), level: event.level, label: label, message: event.message.description, metadata: merged))
    }

    /// The JSON line of one event.
    static func line(timestamp: String, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> String {
        var fields: [(String, String)] = [
            ("timestamp", JSONText.string(timestamp)), ("level", JSONText.string(level.rawValue)),
            ("label", JSONText.string(label)), ("message", JSONText.string(message)),
        ]
        var flat: [(String, String)] = []
        flatten(metadata, prefix: "", into: &flat)
        let reserved: Set<String> = ["timestamp", "level", "label", "message"]
        for (key, value) in flat.sorted(by: { $0.0 < $1.0 }) {
            fields.append((reserved.contains(key) ? "metadata." + key : key, value))
        }
        return "{" + fields.map { JSONText.string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    private static func flatten(_ metadata: Logger.Metadata, prefix: String, into fields: inout [(String, String)]) {
        for (key, value) in metadata {
            switch value {
            case .dictionary(let nested): flatten(nested, prefix: prefix + key + ".", into: &fields)
            default: fields.append((prefix + key, json(value)))
            }
        }
    }

    private static func json(_ value: Logger.Metadata.Value) -> String {
        switch value {
        case .string(let text): JSONText.string(text)
        case .stringConvertible(let convertible): JSONText.string(convertible.description)
        case .array(let values): "[" + values.map(json).joined(separator: ",") + "]"
        case .dictionary(let values):
            "{" + values.sorted { $0.key < $1.key }.map { JSONText.string($0.key) + ":" + json($0.value) }.joined(separator: ",") + "}"
        }
    }

    /// The current time as `2026-01-31T12:34:56.789Z`.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(now.tv_nsec / 1_000_000), 3))Z"
    }
}

/// Writes part of a buffer to standard error; the number of bytes written, or 0 or less on failure.
private func writeToStandardError(_ buffer: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
    guard let base = buffer.baseAddress else { return 0 }
    return write(2, base + offset, buffer.count - offset)
}

/// JSON string literals.
enum JSONText {
    /// `text` as a JSON string literal, with quotes, backslashes and control characters escaped.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
