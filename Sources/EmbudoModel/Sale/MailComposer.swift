import EmbudoDatabase
import EmbudoMIME
import PGClient

/// `mail.compose.message`: "Send by email" on a quotation, as Odoo's composer: created with the context's
/// `default_model` / `default_res_ids` (or `active_model` / `active_ids`), it shows the e-mail the
/// customer will get (subject and body, editable) and where the link to answer online goes, and
/// `action_send_mail` sends it as edited (the link is added then: each sending makes a new one). The
/// text comes from PostgreSQL (`embudo.sale_quotation_content`, sql/modules/sale/quotation_mail.sql).
public enum MailComposer {
    public static let model = ModelDescription(
        wizard: "mail.compose.message",
        fields: [
            FieldDescription("model", .char, string: "Related Document Model"),
            FieldDescription("res_ids", .text, string: "Related Document IDs"),
            FieldDescription("subject", .char, string: "Subject"),
            FieldDescription("body", .html, string: "Contents"),
            FieldDescription("partner_ids", .many2many, string: "Recipients", relation: "res.partner"),
            FieldDescription("composition_mode", .selection, string: "Composition mode", selection: [["comment", "Post on a document"], ["mass_mail", "Email Mass Mailing"]]),
            FieldDescription("link_note", .char, string: "Online answer", readonly: true),
        ],
        methods: [send], defaults: defaults
    )

    /// The documents a composer is for, from its values or the context.
    static func documents(model: String?, resIDs: JSONValue?, context: JSONValue) -> (String?, [Int]) {
        let model = model ?? context["default_model"]?.stringValue ?? context["active_model"]?.stringValue
        var ids: [Int] = []
        if let text = resIDs?.stringValue, let parsed = try? JSONValue(jsonText: text) {
            ids = (parsed.arrayValue ?? []).compactMap(\.intValue)
        } else if let list = resIDs?.arrayValue {
            ids = list.compactMap(\.intValue)
        }
        if ids.isEmpty {
            ids = (context["default_res_ids"]?.arrayValue ?? context["active_ids"]?.arrayValue ?? []).compactMap(\.intValue)
            if ids.isEmpty, let one = context["default_res_id"]?.intValue ?? context["active_id"]?.intValue { ids = [one] }
        }
        return (model, ids)
    }

    static func defaults(_ call: MethodCall) async throws -> [String: JSONValue] {
        let (model, ids) = documents(model: nil, resIDs: nil, context: call.context)
        guard model == "sale.order", let order = ids.first else {
            return ["composition_mode": "comment", "model": model.map(JSONValue.string) ?? false, "res_ids": .string(JSONValue.array(ids.map(JSONValue.int)).jsonText)]
        }
        let query: PGQuery = """
            SELECT c.subject, c.body, c.customer, c.lang LIKE 'es%',
                   rtrim(coalesce((SELECT value FROM ir_config_parameter WHERE key = 'web.base.url'), ''), '/')
            FROM embudo.sale_quotation_content(\(order)) c
            """
        let (subject, body, customer, spanish, base) = try await call.database.single(query, as: call.tenant) {
            try $0[0].decode((String, String, Int?, Bool, String).self)
        }
        let note = spanish
            ? "Se agregará el enlace para revisar, aceptar o rechazar en línea: \(base)/my/quotation/… (uno nuevo en cada envío)"
            : "The link to review, accept or decline online is added: \(base)/my/quotation/… (a new one at each sending)"
        return [
            "model": "sale.order", "res_ids": .string(JSONValue.array(ids.map(JSONValue.int)).jsonText), "composition_mode": "comment",
            "subject": .string(subject), "body": .string(body), "partner_ids": .array(customer.map { [JSONValue.int($0)] } ?? []),
            "link_note": .string(note),
        ]
    }

    /// `action_send_mail()`: the e-mail as edited, to each quotation's customer.
    static let send = TransientMethods.action("action_send_mail") { call, values in
        let (model, ids) = documents(model: values["model"]?.stringValue, resIDs: values["res_ids"], context: values.context)
        guard model == "sale.order", !ids.isEmpty else {
            throw ModelError(.user, "The composer sends quotations (model sale.order); post on other documents with message_post.")
        }
        // The edited body goes to customers under the company's name: scripts, forms and event handlers go,
        // as from incoming mail.
        let subject = values["subject"]?.stringValue, body = values["body"]?.stringValue.map(HTMLSanitizer.sanitize)
        try await call.database.transaction(as: call.tenant) { connection in
            for order in ids { _ = try connection.query("SELECT embudo.sale_queue_quotation_mail(\(order), \(subject), \(body))") }
        }
        return .value(["type": "ir.actions.act_window_close"])
    }
}
