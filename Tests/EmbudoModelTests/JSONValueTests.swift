import EmbudoModel
import Foundation
import Testing

@Suite("JSON reader and writer")
struct JSONValueTests {
    @Test func readsAndWritesLikePython() throws {
        let text = #"{"a": [1, -2.5, 3e2, true, false, null, "x\"y\\z\n\u00e9\ud83d\ude80"], "b": {"c": {}}, "d": [], "e": 9007199254740993}"#
        let value = try JSONValue.parse(Array(text.utf8))
        // As Python's json reads it: 3e2 is a float, integers stay integers.
        #expect(value["a"]?.arrayValue?.prefix(6) == [1, -2.5, .double(300), true, false, nil])
        #expect(value["b"] == ["c": [:]])
        #expect(value["a"]?.arrayValue?.last == "x\"y\\z\né🚀")
        #expect(value["e"] == .int(9_007_199_254_740_993))
        #expect(try JSONValue.parse(value.jsonBytes) == value)
        #expect(String(decoding: JSONValue.object(["k": "a\u{1}b", "a": 1]).jsonBytes, as: UTF8.self) == #"{"a":1,"k":"a\u0001b"}"#)
    }

    @Test func refusesWhatIsNotJSON() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "01x", "\"unterminated", "tru", "[1] 2", "\"\\x\"", "\"\\ud800\"", "-", "1.", "1e", "\"a\u{1}\""] {
            #expect(throws: JSONValue.SyntaxError.self, "\(bad)") { try JSONValue.parse(Array(bad.utf8)) }
        }
        #expect(throws: JSONValue.SyntaxError.self) { try JSONValue.parse(Array((String(repeating: "[", count: 100) + String(repeating: "]", count: 100)).utf8), maxDepth: 64) }
    }
}
