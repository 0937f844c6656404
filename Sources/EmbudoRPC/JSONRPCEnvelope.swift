import EmbudoModel
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The JSON-RPC 2.0 envelope as Odoo uses it: `{"jsonrpc":"2.0","method":"call","params":{…},"id":…}`
/// in, `{"jsonrpc":"2.0","id":…,"result":…}` or `{"jsonrpc":"2.0","id":…,"error":{…}}` out.
public enum JSONRPCEnvelope {
    /// The deepest nesting of arrays and objects a request may have.
    public static let maxDepth = 64

    /// A parsed request.
    public struct Request: Sendable {
        /// The request's id, echoed in the answer.
        public var id: JSONValue
        /// The `params` object.
        public var params: [String: JSONValue]
    }

    /// Parses a request body.
    ///
    /// - Throws: ``RPCFault/badRequest(_:)`` for a body that is not JSON, nests deeper than
    ///   ``maxDepth``, or is not an object with an object `params`.
    public static func parse(_ body: [UInt8]) throws(RPCFault) -> Request {
        guard depth(of: body) <= maxDepth else {
            throw .badRequest("The request nests arrays and objects more than \(maxDepth) levels deep")
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(body, maxDepth: maxDepth)
        } catch {
            throw .badRequest("Invalid JSON data")
        }
        guard case .object(let members) = value else { throw .badRequest("A JSON-RPC request must be an object") }
        let id = members["id"] ?? .null
        switch members["params"] {
        case .object(let params)?: return Request(id: id, params: params)
        case nil, .null?: return Request(id: id, params: [:])
        default: throw .badRequest("params must be an object")
        }
    }

    /// The answer for a result (`nil` leaves `result` out, as Odoo does for handlers returning None).
    public static func result(_ value: JSONValue?, id: JSONValue) -> [UInt8] {
        var members: [String: JSONValue] = ["jsonrpc": "2.0", "id": id]
        if let value { members["result"] = value }
        return encode(.object(members))
    }

    /// The answer for a result that is JSON text already (built by PostgreSQL), passed through as it is.
    public static func result(json: String, id: JSONValue) -> [UInt8] {
        Array(#"{"jsonrpc":"2.0","id":"#.utf8) + encode(id) + Array(#","result":"#.utf8) + Array(json.utf8) + [UInt8(ascii: "}")]
    }

    /// The answer for a fault.
    public static func error(_ fault: RPCFault, id: JSONValue) -> [UInt8] {
        encode(["jsonrpc": "2.0", "id": id, "error": fault.json])
    }

    static func encode(_ value: JSONValue) -> [UInt8] {
        value.jsonBytes
    }

    /// The deepest nesting of `[` and `{` outside strings, found without parsing (so that a hostile body
    /// cannot exhaust the parser's stack).
    static func depth(of body: [UInt8]) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in body {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }
}
