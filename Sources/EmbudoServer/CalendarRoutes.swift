import EmbudoModel
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The calendar's pages without a login: a contact's answer to an invitation (`GET
/// /calendar/meeting/<token>`, `POST /calendar/meeting/<token>` with the answer and the form key,
/// answered with a redirect to the page) and each user's feed (`GET /calendar/feed/<token>.ics`).
struct CalendarRoutes: Sendable {
    let links: CalendarLinks
    let logger: Logger

    static let answers = ["accepted", "tentative", "declined"]

    func register(on router: Router<EmbudoRequestContext>) {
        router.get("/calendar/meeting/:token") { request, context in
            let token = context.parameters.get("token") ?? ""
            let asked = request.uri.queryParameters.get("answer").flatMap { Self.answers.contains($0) ? $0 : nil }
            return await page(token: token, asked: asked, answered: request.uri.queryParameters.get("answered") != nil)
        }
        router.post("/calendar/meeting/:token") { request, context in
            await answer(request, token: context.parameters.get("token") ?? "")
        }
        router.get("/calendar/feed/:file") { _, context in
            await feed(file: context.parameters.get("file") ?? "")
        }
    }

    private func page(token: String, asked: String?, answered: Bool) async -> Response {
        do {
            guard let invitation = try await links.invitation(token: token), let meeting = try await links.meeting(invitation) else {
                return PortalRoutes.html(PortalPage.notFound, status: .notFound)
            }
            let page = CalendarPage(meeting: meeting, token: token, formKey: invitation.formKey, asked: asked, answered: answered)
            return PortalRoutes.html(page.html, status: .ok)
        } catch {
            logger.error("meeting page failed", metadata: ["error": "\(String(reflecting: error))"])
            return PortalRoutes.html("<!DOCTYPE html><p>Temporarily unavailable. Please try again later.</p>", status: .serviceUnavailable)
        }
    }

    private func answer(_ request: Request, token: String) async -> Response {
        let form: [String: String]
        switch await PortalRoutes.sameSiteForm(request) {
        case .success(let fields): form = fields
        case .failure(let refusal): return refusal.response
        }
        do {
            guard let invitation = try await links.invitation(token: token) else { return PortalRoutes.html(PortalPage.notFound, status: .notFound) }
            guard let key = form["form_key"], PortalRoutes.constantTimeEqual(key, invitation.formKey) else {
                return PortalRoutes.html("<!DOCTYPE html><p>Forbidden.</p>", status: .forbidden)
            }
            guard let state = form["answer"], Self.answers.contains(state) else {
                return PortalRoutes.html("<!DOCTYPE html><p>Choose an answer.</p>", status: .unprocessableContent)
            }
            try await links.answer(invitation, state)
            return Response(status: .seeOther, headers: [.location: "/calendar/meeting/\(token)?answered=1", .cacheControl: "no-store"])
        } catch let error where ModelError.classify(error)?.isRefusal == true {
            return PortalRoutes.html("<!DOCTYPE html><p>" + PortalPage.escape(ModelError.classify(error)?.message ?? "") + "</p>", status: .unprocessableContent)
        } catch {
            logger.error("meeting answer failed", metadata: ["error": "\(String(reflecting: error))"])
            return PortalRoutes.html("<!DOCTYPE html><p>Temporarily unavailable. Please try again later.</p>", status: .serviceUnavailable)
        }
    }

    private func feed(file: String) async -> Response {
        guard file.hasSuffix(".ics") else { return PortalRoutes.html(PortalPage.notFound, status: .notFound) }
        do {
            guard let text = try await links.feed(token: String(file.dropLast(4))) else {
                return PortalRoutes.html(PortalPage.notFound, status: .notFound)
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "no-store", .referrerPolicy: "no-referrer",
                          .xContentTypeOptions: "nosniff"],
                body: .init(byteBuffer: ByteBuffer(string: text))
            )
        } catch {
            logger.error("calendar feed failed", metadata: ["error": "\(String(reflecting: error))"])
            return Response(status: .serviceUnavailable, headers: [.retryAfter: "60"])
        }
    }
}
