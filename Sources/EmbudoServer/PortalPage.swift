import EmbudoModel
import Foundation

/// The customer's quotation page: plain HTML and CSS, readable on a phone, no script; every value
/// escaped. In Spanish for customers whose language is Spanish, else in English.
struct PortalPage {
    let quotation: JSONValue
    let token: String
    let formKey: String
    /// A message after an answer (or an error to show).
    var notice: String?
    var isError = false

    var spanish: Bool { quotation["lang"]?.stringValue?.hasPrefix("es") == true }

    func text(_ english: String, _ spanish: String) -> String { self.spanish ? spanish : english }

    /// Escapes text for HTML content and attribute values.
    static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    func value(_ key: String, in object: JSONValue? = nil) -> String {
        let source = object ?? quotation
        switch source[key] {
        case .string(let text)?: return Self.escape(text)
        case .int(let number)?: return String(number)
        case .double(let number)?: return Self.escape(String(number))
        default: return ""
        }
    }

    func money(_ json: JSONValue?) -> String {
        let decimals = quotation["decimals"]?.intValue ?? 2
        let number: Double
        switch json {
        case .int(let n)?: number = Double(n)
        case .double(let n)?: number = n
        default: number = 0
        }
        return Self.escape(String(format: "%.\(max(0, min(decimals, 6)))f", number) + " " + (quotation["currency"]?.stringValue ?? ""))
    }

    var html: String {
        let state = quotation["state"]?.stringValue ?? ""
        let open = (state == "draft" || state == "sent") && quotation["expired"] != true
        var page = """
        <!DOCTYPE html>
        <html lang="\(spanish ? "es" : "en")"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(value("company")) – \(value("name"))</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:0;padding:1rem;color:#222;background:#f6f6f6}
        main{max-width:48rem;margin:auto;background:#fff;padding:1rem 1.25rem;border-radius:8px}
        table{width:100%;border-collapse:collapse;margin:1rem 0}th,td{padding:.4rem;border-bottom:1px solid #ddd;text-align:left}
        td.n,th.n{text-align:right}.section td{font-weight:bold;background:#fafafa}.total td{font-weight:bold}
        form{margin:1rem 0;padding:1rem;border:1px solid #ddd;border-radius:6px}input[type=text],textarea{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}
        button{padding:.6rem 1.2rem;font-size:1rem;margin-top:.5rem}.notice{padding:.75rem;background:#e8f5e9;border-radius:6px}.error{background:#fdecea}
        </style></head><body><main>
        <h1>\(value("company"))</h1>
        <h2>\(text("Quotation", "Presupuesto")) \(value("name"))</h2>
        <p>\(text("For", "Para")) <strong>\(value("customer"))</strong> · \(text("Date", "Fecha")) \(value("date_order"))
        """
        if !value("validity_date").isEmpty {
            page += " · \(text("Valid until", "Válido hasta")) \(value("validity_date"))"
        }
        page += "</p>"
        if let notice {
            page += "<p class=\"notice\(isError ? " error" : "")\">\(Self.escape(notice))</p>"
        }
        page += "<table><thead><tr><th>\(text("Description", "Descripción"))</th><th class=\"n\">\(text("Quantity", "Cantidad"))</th>"
        page += "<th class=\"n\">\(text("Unit price", "Precio unitario"))</th><th class=\"n\">\(text("Disc.%", "Desc.%"))</th>"
        page += "<th class=\"n\">\(text("Amount", "Importe"))</th></tr></thead><tbody>"
        for line in quotation["lines"]?.arrayValue ?? [] {
            if line["section"]?.stringValue != nil {
                page += "<tr class=\"section\"><td colspan=\"5\">\(value("name", in: line))</td></tr>"
                continue
            }
            page += "<tr><td>\(value("name", in: line))</td><td class=\"n\">\(value("quantity", in: line)) \(value("unit", in: line))</td>"
            page += "<td class=\"n\">\(money(line["price_unit"]))</td><td class=\"n\">\(value("discount", in: line))</td>"
            page += "<td class=\"n\">\(money(line["subtotal"]))</td></tr>"
        }
        page += "</tbody><tfoot>"
        page += "<tr><td colspan=\"4\">\(text("Untaxed amount", "Base imponible"))</td><td class=\"n\">\(money(quotation["amount_untaxed"]))</td></tr>"
        page += "<tr><td colspan=\"4\">\(text("Taxes", "Impuestos"))</td><td class=\"n\">\(money(quotation["amount_tax"]))</td></tr>"
        page += "<tr class=\"total\"><td colspan=\"4\">Total</td><td class=\"n\">\(money(quotation["amount_total"]))</td></tr></tfoot></table>"
        if !value("payment_term").isEmpty {
            page += "<p>\(text("Payment terms", "Condiciones de pago")): \(value("payment_term"))</p>"
        }
        if !value("note").isEmpty { page += "<p>\(value("note"))</p>" }
        let options = (quotation["options"]?.arrayValue ?? []).filter { $0["added"] != true }

        if state == "sale" || state == "done" {
            page += "<p class=\"notice\">\(text("Accepted and signed by", "Aceptado y firmado por")) \(value("signed_by")). \(text("Thank you!", "¡Gracias!"))</p>"
        } else if !open {
            page += "<p class=\"notice error\">\(text("This quotation can no longer be answered online.", "Este presupuesto ya no se puede responder en línea."))</p>"
        } else {
            let action = "/my/quotation/" + Self.escape(token)
            page += "<form method=\"post\" action=\"\(action)/accept\"><h3>\(text("Accept and sign", "Aceptar y firmar"))</h3>"
            page += "<input type=\"hidden\" name=\"form_key\" value=\"\(Self.escape(formKey))\">"
            if !options.isEmpty {
                page += "<p>\(text("Optional products", "Productos opcionales")):</p>"
                page += "<p><label><input type=\"radio\" name=\"option\" value=\"\" checked> \(text("None", "Ninguno"))</label></p>"
                for option in options {
                    page += "<p><label><input type=\"radio\" name=\"option\" value=\"\(value("id", in: option))\"> \(value("name", in: option))"
                    page += " (\(value("quantity", in: option)) × \(money(option["price_unit"])))</label></p>"
                }
            }
            page += "<label>\(text("Your full name", "Su nombre completo"))<input type=\"text\" name=\"name\" required maxlength=\"200\" autocomplete=\"name\"></label>"
            page += "<button type=\"submit\">\(text("Accept and sign", "Aceptar y firmar"))</button></form>"
            page += "<form method=\"post\" action=\"\(action)/decline\"><h3>\(text("Decline", "Rechazar"))</h3>"
            page += "<input type=\"hidden\" name=\"form_key\" value=\"\(Self.escape(formKey))\">"
            page += "<label>\(text("Why do you decline?", "¿Por qué lo rechaza?"))<textarea name=\"reason\" required maxlength=\"2000\" rows=\"3\"></textarea></label>"
            page += "<button type=\"submit\">\(text("Decline", "Rechazar"))</button></form>"
        }
        page += "</main></body></html>"
        return page
    }

    /// The page for a link that opens nothing: the same answer whatever the reason, so that it reveals
    /// nothing about other tokens or records.
    static let notFound = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Link not valid</title></head><body style="font-family:system-ui,sans-serif;padding:1rem">
        <h1>This link is not valid</h1><p>It may have expired or been replaced by a newer one. Ask your contact for a new link.</p>
        <p lang="es">Este enlace no es válido: puede haber caducado o sido reemplazado. Pida uno nuevo a su contacto.</p></body></html>
        """
}
