/// Bounds on what ``InboundParser`` accepts, so that hostile input costs bounded time and memory.
public struct InboundLimits: Sendable {
    /// The largest raw message, and the largest total of decoded content.
    public var maxBytes = 25 << 20
    /// The most MIME parts (every entity counts, multiparts included).
    public var maxParts = 200
    /// The deepest nesting of multiparts (the top-level message is depth 0).
    public var maxDepth = 10
    /// The most header fields in any one entity.
    public var maxHeaders = 500
    /// The largest single attachment, decoded.
    public var maxAttachmentBytes = 10 << 20

    /// The default limits.
    public static let standard = InboundLimits()

    public init() {}

    /// Nesting is parsed recursively: whatever the caller asks, never deeper than this.
    static let hardMaxDepth = 64
    /// A header field longer than this (unfolded) is cut; the rest of it is ignored.
    static let maxHeaderFieldBytes = 64 << 10
}
