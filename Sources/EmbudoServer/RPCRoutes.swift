import EmbudoModel
import EmbudoRPC
import Hummingbird
import NIOCore

/// Odoo's JSON-RPC routes: `POST /jsonrpc` and `POST /web/webclient/version_info`. Answers are always
/// HTTP 200 with the JSON-RPC envelope, errors included.
struct RPCRoutes: Sendable {
    let dispatcher: RPCDispatcher

    /// The largest request body accepted.
    static let maxBodySize = 8 << 20

    func register(on router: Router<some RequestContext>) {
        router.post("/jsonrpc") { request, _ in
            await Self.respond(to: request) { await dispatcher.jsonrpc($0) }
        }
        router.post("/web/webclient/version_info") { request, _ in
            await Self.respond(to: request) { await dispatcher.versionInfo($0) }
        }
    }

    static func respond(to request: Request, _ handle: ([UInt8]) async -> [UInt8]) async -> Response {
        var request = request
        let answer: [UInt8]
        do {
            let body = try await request.collectBody(upTo: maxBodySize)
            answer = await handle(Array(buffer: body))
        } catch {
            answer = JSONRPCEnvelope.error(.badRequest("The request body is larger than \(maxBodySize) bytes"), id: .null)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: answer))
        )
    }
}
