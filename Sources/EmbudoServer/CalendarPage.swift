import EmbudoModel

/// A contact's page for a meeting invitation: plain HTML, readable on a phone, no script, every value
/// escaped; in Spanish for contacts whose language is Spanish, else in English. Links from the e-mail
/// preselect an answer; nothing changes until the contact presses a button (mail scanners open links).
struct CalendarPage {
    let meeting: JSONValue
    let token: String
    let formKey: String
    /// The answer the e-mail's link asked for.
    let asked: String?
    /// Shown after an answer was recorded.
    let answered: Bool

    var spanish: Bool { meeting["lang"]?.stringValue?.hasPrefix("es") == true }

    func text(_ english: String, _ spanish: String) -> String { self.spanish ? spanish : english }

    func value(_ key: String) -> String {
        switch meeting[key] {
        case .string(let text)?: return PortalPage.escape(text)
        case .int(let number)?: return String(number)
        default: return ""
        }
    }

    func label(_ state: String) -> String {
        switch state {
        case "accepted": return text("Accept", "Aceptar")
        case "tentative": return text("Maybe", "Tal vez")
        case "declined": return text("Decline", "Rechazar")
        default: return text("No answer yet", "Sin respuesta")
        }
    }

    func status(_ state: String) -> String {
        switch state {
        case "accepted": return text("You accepted.", "Aceptaste.")
        case "tentative": return text("You may attend.", "Tal vez asistas.")
        case "declined": return text("You declined.", "Rechazaste.")
        default: return text("You have not answered yet.", "Aún no respondes.")
        }
    }

    var html: String {
        let state = meeting["state"]?.stringValue ?? "needsAction"
        var page = """
        <!DOCTYPE html>
        <html lang="\(spanish ? "es" : "en")"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(value("company")) – \(value("name"))</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:0;padding:1rem;color:#222;background:#f6f6f6}
        main{max-width:40rem;margin:auto;background:#fff;padding:1rem 1.25rem;border-radius:8px}
        dt{font-weight:bold;margin-top:.5rem}dd{margin:0}
        form{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}button{padding:.7rem 1.2rem;font-size:1rem;border-radius:6px;border:1px solid #888;background:#fff}
        button.asked{background:#1f6f5c;color:#fff;border-color:#1f6f5c}.notice{padding:.75rem;background:#e8f5e9;border-radius:6px}
        </style></head><body><main>
        <h1>\(value("name"))</h1>
        <p>\(value("company")) · \(text("Organized by", "Organiza")) \(value("organizer"))</p>
        <dl><dt>\(text("When", "Cuándo"))</dt><dd>\(value("when"))</dd>
        """
        if (meeting["occurrences"]?.intValue ?? 1) > 1 {
            page += "<dt>\(text("Recurring", "Se repite"))</dt><dd>\(value("occurrences")) \(text("meetings", "reuniones"))</dd>"
        }
        if !value("location").isEmpty { page += "<dt>\(text("Where", "Lugar"))</dt><dd>\(value("location"))</dd>" }
        if !value("videocall").isEmpty { page += "<dt>\(text("Video call", "Videollamada"))</dt><dd>\(value("videocall"))</dd>" }
        if !value("description").isEmpty { page += "<dt>\(text("Details", "Detalles"))</dt><dd>\(value("description"))</dd>" }
        page += "</dl>"
        if meeting["active"] == false {
            page += "<p class=\"notice\">\(text("This meeting was cancelled.", "Esta reunión se canceló."))</p></main></body></html>"
            return page
        }
        page += "<p class=\"notice\">\(answered ? text("Thank you: your answer was sent.", "Gracias: enviamos tu respuesta.") + " " : "")\(status(state))</p>"
        page += "<form method=\"post\" action=\"/calendar/meeting/\(PortalPage.escape(token))\">"
        page += "<input type=\"hidden\" name=\"form_key\" value=\"\(PortalPage.escape(formKey))\">"
        for answer in CalendarRoutes.answers {
            page += "<button type=\"submit\" name=\"answer\" value=\"\(answer)\"\(answer == asked ? " class=\"asked\" autofocus" : "")>\(label(answer))</button>"
        }
        page += "</form></main></body></html>"
        return page
    }
}
