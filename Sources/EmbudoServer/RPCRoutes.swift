import EmbudoModel
import EmbudoRPC
import Hummingbird
import NIOCore

/// Odoo's JSON-RPC routes: `POST /jsonrpc`, `/web/webclient/version_info`, `/web/session/*` and
/// `/web/dataset/call_kw`. Answers are always HTTP 200 with the JSON-RPC envelope, errors included.
struct RPCRoutes: Sendable {
    let dispatcher: RPCDispatcher
    let web: WebSessionDispatcher

    /// The cookie that carries the web session.
    static let sessionCookie = "session_id"

    /// The largest request body accepted.
    static let maxBodySize = 8 << 20

    func register(on router: Router<EmbudoRequestContext>) {
        router.post("/jsonrpc") { request, context in
            await Self.respond(to: request) { await dispatcher.jsonrpc($0, client: context.clientAddress) }
        }
        router.post("/web/webclient/version_info") { request, _ in
            await Self.respond(to: request) { await dispatcher.versionInfo($0) }
        }
        router.post("/web/session/authenticate") { request, context in
            var token: String?
            var response = await Self.respond(to: request) { body in
                let (answer, started) = await web.authenticate(body, client: context.clientAddress)
                token = started
                return answer
            }
            if let token {
                // A new id at each login; HttpOnly so that page scripts cannot read it.
                response.setCookie(.init(name: Self.sessionCookie, value: token, maxAge: Int(web.sessions.lifetime.components.seconds),
                                         path: "/", httpOnly: true, sameSite: .lax))
            }
            return response
        }
        router.post("/web/session/get_session_info") { request, _ in
            await Self.respond(to: request) { await web.sessionInfo($0, token: request.cookies[Self.sessionCookie]?.value) }
        }
        router.post("/web/session/destroy") { request, _ in
            var response = await Self.respond(to: request) { await web.destroy($0, token: request.cookies[Self.sessionCookie]?.value) }
            response.setCookie(.init(name: Self.sessionCookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .lax))
            return response
        }
        router.post("/web/dataset/call_kw") { request, _ in
            await Self.respond(to: request) { await web.callKW($0, token: request.cookies[Self.sessionCookie]?.value) }
        }
        router.post("/web/dataset/call_kw/**") { request, _ in
            await Self.respond(to: request) { await web.callKW($0, token: request.cookies[Self.sessionCookie]?.value) }
        }
    }

    static func respond(to request: Request, _ handle: ([UInt8]) async -> [UInt8]) async -> Response {
        var request = request
        let answer: [UInt8]
        // Like Odoo's JSON routes, only JSON bodies: a cross-site HTML form cannot send one.
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") || contentType.hasPrefix("application/json-rpc") else {
            return Self.json(JSONRPCEnvelope.error(.badRequest("Requests must have Content-Type: application/json"), id: .null))
        }
        do {
            let body = try await request.collectBody(upTo: maxBodySize)
            answer = await handle(Array(buffer: body))
        } catch {
            answer = JSONRPCEnvelope.error(.badRequest("The request body is larger than \(maxBodySize) bytes"), id: .null)
        }
        return json(answer)
    }

    static func json(_ answer: [UInt8]) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: answer))
        )
    }
}
