import EmbudoModel
import Hummingbird
import Logging
import PGClient

/// A new login's activation: `GET /web/signup?token=…` shows the form, `POST /web/signup` sets the
/// password the invitee chose and accepts their invitation. Any token that opens nothing gets the same
/// "link not valid" page.
struct ActivationRoutes: Sendable {
    let activation: AccountActivation
    let logger: Logger

    func register(on router: Router<EmbudoRequestContext>) {
        router.get("/web/signup") { request, _ in
            await form(token: request.uri.queryParameters.get("token") ?? "")
        }
        router.post("/web/signup") { request, _ in
            await submit(request)
        }
    }

    private func form(token: String, error: String? = nil) async -> Response {
        do {
            guard let invitee = try await activation.invitee(token: token) else {
                return PortalRoutes.html(PortalPage.notFound, status: .notFound)
            }
            let page = ActivationPage(invitee: invitee, token: token, error: error)
            return PortalRoutes.html(page.html, status: error == nil ? .ok : .unprocessableContent)
        } catch {
            logger.error("activation page failed", metadata: ["error": "\(String(reflecting: error))"])
            return Self.unavailable
        }
    }

    private func submit(_ request: Request) async -> Response {
        let fields: [String: String]
        switch await PortalRoutes.sameSiteForm(request) {
        case .success(let form): fields = form
        case .failure(let refusal): return refusal.response
        }
        let token = fields["token"] ?? ""
        let password = fields["password"] ?? ""
        do {
            guard let invitee = try await activation.invitee(token: token) else {
                return PortalRoutes.html(PortalPage.notFound, status: .notFound)
            }
            let page = ActivationPage(invitee: invitee, token: token)
            guard password == fields["confirm"] else {
                return await self.form(token: token, error: page.text("The two passwords differ.", "Las dos contraseñas no coinciden."))
            }
            guard password.count >= AccountActivation.minimumPasswordLength else {
                return await self.form(
                    token: token,
                    error: page.text("The password must have at least 8 characters.", "La contraseña debe tener al menos 8 caracteres.")
                )
            }
            guard let login = try await activation.activate(token: token, password: password, name: fields["name"]) else {
                return PortalRoutes.html(PortalPage.notFound, status: .notFound)
            }
            return PortalRoutes.html(ActivationPage.done(login: login, spanish: page.spanish), status: .ok)
        } catch let error where ModelError.classify(error)?.kind == .validation {
            return await form(token: token, error: ModelError.classify(error)?.message)
        } catch {
            logger.error("activation failed", metadata: ["error": "\(String(reflecting: error))"])
            return Self.unavailable
        }
    }

    static let unavailable = PortalRoutes.html("<!DOCTYPE html><p>Temporarily unavailable. Please try again later.</p>", status: .serviceUnavailable)
}
