import Foundation
import HTTPTypes
import Hummingbird

/// Protection of the cookie-authenticated JSON routes and the customer's quotation forms against
/// cross-site requests (CSRF).
///
/// Two layers: the JSON routes accept only `Content-Type: application/json`, which a page of another
/// site can send only after a CORS preflight that Embudo never grants; and a request that a browser marks
/// as coming from another site (an `Origin` other than the request's host, or `Sec-Fetch-Site:
/// cross-site`) is refused outright. Clients that are not browsers (odoorpc, scripts) send neither
/// header and are not affected.
enum CrossSiteCheck {
    /// Whether a browser says the request was made by a page of another site.
    static func isCrossSite(_ request: Request) -> Bool {
        if request.headers[.secFetchSite]?.lowercased() == "cross-site" { return true }
        guard let origin = request.headers[.origin] else { return false }
        // Behind a reverse proxy that rewrites Host, the host the browser used is in X-Forwarded-Host (a page of
        // another site cannot set that header on a request without a CORS preflight, which is never granted).
        let hosts = [request.head.authority, request.headers[.forwardedHost]?.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }]
        return !hosts.contains { host in host.map { Self.origin(origin, matches: $0) } ?? false }
    }

    /// Whether an Origin header names the host the request was sent to.
    static func origin(_ origin: String, matches host: String) -> Bool {
        let lowered = origin.lowercased()
        for scheme in ["http://", "https://"] where lowered.hasPrefix(scheme) {
            return lowered.dropFirst(scheme.count) == host.lowercased()[...]
        }
        return false
    }
}

extension HTTPField.Name {
    /// Fetch metadata: where the browser says the request comes from.
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
    /// The host a reverse proxy received the request for.
    static let forwardedHost = HTTPField.Name("X-Forwarded-Host")!
}
