import EmbudoModel

/// The account activation page of a new login: plain HTML and CSS, no script, every value escaped; in
/// Spanish for invitees whose language is Spanish, else in English.
struct ActivationPage {
    let invitee: AccountActivation.Invitee
    let token: String
    /// A refusal to show (a password too short, or the two not matching).
    var error: String?

    var spanish: Bool { invitee.lang.hasPrefix("es") }

    func text(_ english: String, _ spanish: String) -> String { self.spanish ? spanish : english }

    var html: String {
        let e = PortalPage.escape
        var page = ActivationPage.head(title: text("Activate your account", "Activa tu cuenta"), spanish: spanish)
        page += "<h1>\(text("Activate your account", "Activa tu cuenta"))</h1>"
        page += "<p>\(text("You are invited to", "Te invitaron a")) <strong>\(e(invitee.companyName))</strong>. "
        page += "\(text("Your login is", "Tu usuario es")) <strong>\(e(invitee.login))</strong>.</p>"
        if let error { page += "<p class=\"notice error\" role=\"alert\">\(e(error))</p>" }
        page += "<form method=\"post\" action=\"/web/signup\"><input type=\"hidden\" name=\"token\" value=\"\(e(token))\">"
        page += "<label>\(text("Your name", "Tu nombre"))<input type=\"text\" name=\"name\" value=\"\(e(invitee.name))\" maxlength=\"200\" autocomplete=\"name\" required></label>"
        page += "<label>\(text("Password", "Contraseña"))<input type=\"password\" name=\"password\" minlength=\"\(AccountActivation.minimumPasswordLength)\" autocomplete=\"new-password\" required></label>"
        page += "<label>\(text("Confirm the password", "Confirma la contraseña"))<input type=\"password\" name=\"confirm\" minlength=\"\(AccountActivation.minimumPasswordLength)\" autocomplete=\"new-password\" required></label>"
        page += "<button type=\"submit\">\(text("Activate", "Activar"))</button></form></main></body></html>"
        return page
    }

    /// The page after activation: where to log in.
    static func done(login: String, spanish: Bool) -> String {
        let text = { (english: String, es: String) in spanish ? es : english }
        var page = head(title: text("Account activated", "Cuenta activada"), spanish: spanish)
        page += "<h1>\(text("Your account is active", "Tu cuenta está activa"))</h1>"
        page += "<p class=\"notice\">\(text("Log in as", "Inicia sesión como")) <strong>\(PortalPage.escape(login))</strong> "
        page += "\(text("with the password you chose.", "con la contraseña que elegiste."))</p>"
        page += "<p><a href=\"/\">\(text("Go to Embudo", "Ir a Embudo"))</a></p></main></body></html>"
        return page
    }

    static func head(title: String, spanish: Bool) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(spanish ? "es" : "en")"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1"><title>\(PortalPage.escape(title))</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:0;padding:1rem;color:#222;background:#f6f6f6}
        main{max-width:28rem;margin:auto;background:#fff;padding:1rem 1.25rem;border-radius:8px}
        label{display:block;margin:.75rem 0}input{display:block;width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;margin-top:.25rem}
        button{padding:.6rem 1.2rem;font-size:1rem;margin-top:.5rem}.notice{padding:.75rem;background:#e8f5e9;border-radius:6px}.error{background:#fdecea}
        </style></head><body><main>
        """
    }
}
