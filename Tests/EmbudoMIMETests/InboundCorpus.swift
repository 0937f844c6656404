import EmbudoMIME
import Foundation
import Testing

/// The sample messages under `Corpus/`, as bytes.
enum InboundCorpus {
    static let messages = [
        "thunderbird-plain.eml", "outlook-alternative.eml", "gmail-mixed.eml", "apple-related.eml", "reply.eml",
        "bounce.eml", "rfc2231.eml", "broken.eml", "priority.eml", "hostile-html.eml",
    ]

    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Corpus"))
        return Array(try Data(contentsOf: url))
    }

    static func parse(_ name: String) throws -> InboundMessage {
        try InboundParser.parse(bytes(name))
    }
}
