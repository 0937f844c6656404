import EmbudoModel
import EmbudoRPC
import HTTPTypes
import Hummingbird
import NIOCore

/// Odoo's JSON-RPC routes: `POST /jsonrpc`, `/web/webclient/version_info`, `/web/session/*` and
/// `/web/dataset/call_kw`. Answers are always HTTP 200 with the JSON-RPC envelope, errors included.
struct RPCRoutes: Sendable {
    let dispatcher: RPCDispatcher
    let web: WebSessionDispatcher
    let json2: JSON2Dispatcher
    /// Whose `X-Forwarded-For` names the client.
    let trustedProxies: TrustedProxies

    /// The cookie that carries the web session.
    static let sessionCookie = "session_id"

    /// The largest request body accepted: an attachment of 10 MB (the most `ir_attachment` keeps) or a
    /// mail of 10 MiB (`embudo mailgate`'s default) travels in base64, a third larger.
    static let maxBodySize = 16 << 20

    func register(on router: Router<EmbudoRequestContext>) {
        router.post("/jsonrpc") { request, context in
            await Self.respond(to: request) { await dispatcher.jsonrpc($0, client: client(request, context)) }
        }
        router.post("/web/webclient/version_info") { request, _ in
            await Self.respond(to: request) { await dispatcher.versionInfo($0) }
        }
        router.post("/web/session/authenticate") { request, context in
            var token: String?
            var response = await Self.respond(to: request) { body in
                let (answer, started) = await web.authenticate(body, client: client(request, context))
                token = started
                return answer
            }
            if let token {
                // A new id at each login; HttpOnly so that page scripts cannot read it, and Secure when a
                // TLS-terminating proxy says the client came over HTTPS.
                response.setCookie(.init(name: Self.sessionCookie, value: token, maxAge: Int(web.sessions.lifetime.components.seconds),
                                         path: "/", secure: Self.cameOverTLS(request), httpOnly: true, sameSite: .lax))
            }
            return response
        }
        router.post("/web/session/get_session_info") { request, _ in
            await Self.respond(to: request) { await web.sessionInfo($0, token: request.cookies[Self.sessionCookie]?.value) }
        }
        router.post("/web/session/destroy") { request, _ in
            var response = await Self.respond(to: request) { await web.destroy($0, token: request.cookies[Self.sessionCookie]?.value) }
            response.setCookie(.init(name: Self.sessionCookie, value: "", maxAge: 0, path: "/", secure: Self.cameOverTLS(request),
                                     httpOnly: true, sameSite: .lax))
            return response
        }
        router.post("/web/dataset/call_kw") { request, _ in
            await Self.respond(to: request) { await web.callKW($0, token: request.cookies[Self.sessionCookie]?.value) }
        }
        router.post("/json/2/:model/:method") { request, context in
            var request = request
            let body = (try? await request.collectBody(upTo: Self.maxBodySize)).map { Array(buffer: $0) }
            guard let body else {
                return Self.response(json2: JSON2Dispatcher.fault(.badRequest("The request body is larger than \(Self.maxBodySize) bytes", status: 413)))
            }
            let answer = await json2.call(
                model: context.parameters.get("model") ?? "", method: context.parameters.get("method") ?? "", body: body,
                authorization: request.headers[.authorization], database: request.headers[.odooDatabase],
                client: client(request, context)
            )
            return Self.response(json2: answer)
        }
        router.get("/doc-bearer/:file") { _, context in
            let file = context.parameters.get("file") ?? ""
            guard file.hasSuffix(".json") else { return Self.response(json2: JSON2Dispatcher.fault(.missingError("Not found"))) }
            return Self.response(json2: json2.documentation(model: String(file.dropLast(5))))
        }
        router.post("/web/dataset/call_kw/**") { request, _ in
            await Self.respond(to: request) { await web.callKW($0, token: request.cookies[Self.sessionCookie]?.value) }
        }
    }

    /// The client's address: the peer's, or the forwarded one when the peer is a trusted proxy.
    func client(_ request: Request, _ context: EmbudoRequestContext) -> String? {
        trustedProxies.client(peer: context.clientAddress, forwardedFor: request.headers[values: .forwardedFor])
    }

    static func respond(to request: Request, _ handle: ([UInt8]) async -> [UInt8]) async -> Response {
        var request = request
        let answer: [UInt8]
        // Like Odoo's JSON routes, only JSON bodies: a cross-site HTML form cannot send one.
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") || contentType.hasPrefix("application/json-rpc") else {
            return Self.json(JSONRPCEnvelope.error(.badRequest("Requests must have Content-Type: application/json"), id: .null))
        }
        // And what a browser marks as sent by another site's page is refused (the session cookie is SameSite=Lax,
        // this covers browsers and same-site subdomains that would still send it).
        guard !CrossSiteCheck.isCrossSite(request) else {
            return Response(
                status: .forbidden, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: JSONRPCEnvelope.error(.accessDenied("Cross-site request refused"), id: .null)))
            )
        }
        do {
            let body = try await request.collectBody(upTo: maxBodySize)
            answer = await handle(Array(buffer: body))
        } catch {
            answer = JSONRPCEnvelope.error(.badRequest("The request body is larger than \(maxBodySize) bytes"), id: .null)
        }
        return json(answer)
    }

    static func response(json2 answer: JSON2Dispatcher.Answer) -> Response {
        Response(
            status: .init(code: answer.status),
            headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: answer.body))
        )
    }

    /// Whether the client reached a TLS-terminating proxy in front of the service (`X-Forwarded-Proto`).
    static func cameOverTLS(_ request: Request) -> Bool {
        request.headers[.forwardedProto]?.lowercased() == "https"
    }

    static func json(_ answer: [UInt8]) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: answer))
        )
    }
}

extension HTTPField.Name {
    /// JSON-2's optional database header.
    static let odooDatabase = HTTPField.Name("X-Odoo-Database")!
    /// The scheme a reverse proxy received the request on.
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
}
