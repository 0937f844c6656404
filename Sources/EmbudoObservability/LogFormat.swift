import Logging

/// How `embudo serve` writes its logs: swift-log's plain text lines, or one JSON object per line.
public enum LogFormat: String, Sendable, CaseIterable {
    case text
    case json

    /// The environment variable that chooses the format when no option does.
    public static let environmentVariable = "EMBUDO_LOG_FORMAT"

    /// A handler of this format on standard error, at `level`.
    public func handler(label: String, level: Logger.Level) -> any LogHandler {
        switch self {
        case .text:
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        case .json:
            var handler = JSONLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
