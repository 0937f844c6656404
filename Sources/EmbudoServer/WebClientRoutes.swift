import HTTPTypes
import Hummingbird
import NIOCore

/// The browser web client: `GET /` (its page) and `GET /web/static/<path>` (its modules, styles and
/// icons), with a strict Content-Security-Policy (scripts only from this origin, no inline code).
struct WebClientRoutes: Sendable {
    let assets: WebAssets

    /// The page's and files' security policy: only this origin's scripts, styles and calls.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    func register(on router: Router<EmbudoRequestContext>) {
        router.get("/") { request, _ in serve("index.html", request: request) }
        router.head("/") { request, _ in serve("index.html", request: request).withoutBody() }
        router.get("/web") { _, _ in Response(status: .seeOther, headers: [.location: "/"]) }
        router.get("/web/static/**") { request, context in
            serve(context.parameters.getCatchAll().joined(separator: "/"), request: request)
        }
        router.head("/web/static/**") { request, context in
            serve(context.parameters.getCatchAll().joined(separator: "/"), request: request).withoutBody()
        }
    }

    func serve(_ path: String, request: Request) -> Response {
        guard let asset = assets.files[path] else {
            return Response(status: .notFound, headers: Self.headers(type: "text/plain; charset=utf-8"),
                            body: .init(byteBuffer: ByteBuffer(string: "Not found")))
        }
        var headers = Self.headers(type: asset.contentType)
        headers[.eTag] = asset.etag
        if request.headers[.ifNoneMatch] == asset.etag {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }

    /// Files are revalidated at each use (no build step, so no hashed names): `no-cache` plus an ETag.
    static func headers(type: String) -> HTTPFields {
        [
            .contentType: type, .cacheControl: "no-cache", .contentSecurityPolicy: contentSecurityPolicy,
            .xContentTypeOptions: "nosniff", .referrerPolicy: "same-origin", .xFrameOptions: "DENY",
        ]
    }
}

extension Response {
    /// The same answer with its headers (Content-Length included) and no body, for HEAD.
    func withoutBody() -> Response {
        var headers = self.headers
        if let length = body.contentLength { headers[.contentLength] = String(length) }
        return Response(status: status, headers: headers)
    }
}

extension HTTPField.Name {
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
}
