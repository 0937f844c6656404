import EmbudoModel
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PGClient

/// The customer's quotation page, from the link in the quotation e-mail: `GET /my/quotation/<token>`,
/// `POST /my/quotation/<token>/accept` and `/decline` (HTML forms, answered with a redirect to the page).
struct PortalRoutes: Sendable {
    let portal: QuotationPortal
    let logger: Logger

    /// The largest form accepted.
    static let maxFormSize = 64 << 10

    func register(on router: Router<EmbudoRequestContext>) {
        router.get("/my/quotation/:token") { request, context in
            let token = context.parameters.get("token") ?? ""
            let notice = request.uri.queryParameters.get("answer")
            return await page(token: token, notice: notice.flatMap(Self.notices))
        }
        router.post("/my/quotation/:token/accept") { request, context in
            await answer(request, token: context.parameters.get("token") ?? "") { access, form in
                let option = form["option"].flatMap { $0.isEmpty ? nil : Int($0) }
                try await portal.accept(access, signer: form["name"] ?? "", option: option)
                return "accepted"
            }
        }
        router.post("/my/quotation/:token/decline") { request, context in
            await answer(request, token: context.parameters.get("token") ?? "") { access, form in
                try await portal.decline(access, reason: form["reason"] ?? "")
                return "declined"
            }
        }
    }

    static func notices(_ key: String) -> (String, String)? {
        switch key {
        case "accepted": return ("Thank you: the quotation is accepted and signed.", "Gracias: el presupuesto está aceptado y firmado.")
        case "declined": return ("Thank you: your answer was sent to us.", "Gracias: hemos recibido su respuesta.")
        default: return nil
        }
    }

    private func page(token: String, notice: (String, String)?, error: String? = nil) async -> Response {
        do {
            guard let access = try await portal.resolve(token: token), let quotation = try await portal.quotation(access) else {
                return Self.html(PortalPage.notFound, status: .notFound)
            }
            var page = PortalPage(quotation: quotation, token: token, formKey: access.formKey)
            if let error {
                page.notice = error
                page.isError = true
            } else if let notice {
                page.notice = page.text(notice.0, notice.1)
            }
            return Self.html(page.html, status: error == nil ? .ok : .unprocessableContent)
        } catch {
            logger.error("quotation page failed", metadata: ["error": "\(String(reflecting: error))"])
            return Self.html("<!DOCTYPE html><p>Temporarily unavailable. Please try again later.</p>", status: .serviceUnavailable)
        }
    }

    private func answer(
        _ request: Request, token: String, _ act: (QuotationPortal.Access, [String: String]) async throws -> String
    ) async -> Response {
        let form: [String: String]
        switch await Self.sameSiteForm(request) {
        case .success(let fields): form = fields
        case .failure(let refusal): return refusal.response
        }
        do {
            guard let access = try await portal.resolve(token: token) else { return Self.html(PortalPage.notFound, status: .notFound) }
            guard let key = form["form_key"], Self.constantTimeEqual(key, access.formKey) else {
                return Self.html("<!DOCTYPE html><p>Forbidden.</p>", status: .forbidden)
            }
            let outcome = try await act(access, form)
            return Response(status: .seeOther, headers: [.location: "/my/quotation/\(token)?answer=\(outcome)", .cacheControl: "no-store"])
        } catch let error where ModelError.classify(error)?.isRefusal == true {
            // Refusals written for people (signature missing, quotation closed): shown on the page.
            return await page(token: token, notice: nil, error: ModelError.classify(error)?.message)
        } catch {
            logger.error("quotation answer failed", metadata: ["error": "\(String(reflecting: error))"])
            return Self.html("<!DOCTYPE html><p>Temporarily unavailable. Please try again later.</p>", status: .serviceUnavailable)
        }
    }

    /// Why a posted form was not read: the answer to give.
    struct FormRefusal: Error {
        let response: Response
    }

    /// The fields of a form posted from this site's own page: a form posted by another site's page is
    /// refused (browsers send Origin with every POST form), and so is one larger than ``maxFormSize``.
    static func sameSiteForm(_ request: Request) async -> Result<[String: String], FormRefusal> {
        var request = request
        if CrossSiteCheck.isCrossSite(request) {
            return .failure(FormRefusal(response: html("<!DOCTYPE html><p>Forbidden.</p>", status: .forbidden)))
        }
        guard let body = try? await request.collectBody(upTo: maxFormSize) else {
            return .failure(FormRefusal(response: html("<!DOCTYPE html><p>The form is too large.</p>", status: .contentTooLarge)))
        }
        return .success(parseForm(String(buffer: body)))
    }

    static func html(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store", .referrerPolicy: "no-referrer",
                .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
                .xContentTypeOptions: "nosniff",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }

    /// Decodes an `application/x-www-form-urlencoded` body (the first value of each name).
    static func parseForm(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]) else { continue }
            let value = parts.count > 1 ? decode(parts[1]) : ""
            if fields[name] == nil, let value { fields[name] = value }
        }
        return fields
    }

    static func decode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = iterator.next(), let low = iterator.next(),
                      let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

extension HTTPField.Name {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
}
