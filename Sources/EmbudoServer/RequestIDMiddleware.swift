import EmbudoRPC
import HTTPTypes
import Hummingbird
import Logging

/// Gives every request an id: the client's `X-Request-Id` when it is 1 to 64 safe characters (letters,
/// digits, `-`, `_`, `.`, `:`), else 16 random hexadecimal digits. The id is sent back in the response's
/// `X-Request-Id`, and is the `request_id` metadata of the request's logger, bound as
/// ``RequestLogger/current`` so that everything logged for the request carries it.
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let id = request.headers[.xRequestID].flatMap(Self.accepted) ?? Self.generate()
        var context = context
        context.logger[metadataKey: "request_id"] = .string(id)
        var response: Response
        do {
            response = try await RequestLogger.$current.withValue(context.logger) {
                try await next(request, context)
            }
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.xRequestID] = id
        return response
    }

    /// `value` if it is an acceptable request id.
    static func accepted(_ value: String) -> String? {
        guard (1...64).contains(value.utf8.count) else { return nil }
        let safe = value.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"):
                true
            default:
                false
            }
        }
        return safe ? value : nil
    }

    /// 16 random hexadecimal digits.
    static func generate() -> String {
        let hex = String(UInt64.random(in: .min ... .max), radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

extension HTTPField.Name {
    /// The request's id, from the client or generated.
    static let xRequestID = HTTPField.Name("X-Request-Id")!
}
