import EmbudoDatabase

/// Outgoing e-mail (Odoo's `mail.mail`): the queue that the delivery worker (`EmbudoMail`) empties by
/// SMTP. Members with "all documents" may queue messages (`create`) and change them while they wait;
/// everyone watches the state of the mail they may read. The worker alone moves messages from `outgoing`
/// to `sent` or `exception` (sql/modules/mail/outbox.sql), and PostgreSQL checks the sender, the
/// Reply-To addresses and the document of every message (sql/modules/mail/outbox.sql).
public enum MailMail {
    static let states = [["outgoing", "Outgoing"], ["sent", "Sent"], ["exception", "Delivery Failed"], ["cancel", "Cancelled"]]

    public static let model = ModelDescription(
        name: "mail.mail", table: "mail_mail", recordName: "subject", order: "id desc",
        fields: [
            FieldDescription("state", .selection, string: "Status", readonly: true, selection: states),
            FieldDescription("email_from", .char, string: "From", required: true),
            FieldDescription("email_to", .text, string: "To", required: true),
            FieldDescription("email_cc", .char, string: "Cc"),
            FieldDescription("reply_to", .char, string: "Reply-To"),
            FieldDescription("subject", .char, string: "Subject"),
            FieldDescription("body_html", .html, string: "Rich-text Contents"),
            FieldDescription("model", .char, string: "Related Document Model"),
            FieldDescription("res_id", .integer, string: "Related Document ID"),
            // The worker's fields, and the message the CRM's own mail carries: never written by clients.
            FieldDescription("mail_message_id", .many2one, string: "Message", readonly: true, relation: "mail.message"),
            FieldDescription("message_id", .char, string: "Message-Id", readonly: true),
            FieldDescription("attempts", .integer, string: "Delivery Attempts", readonly: true),
            FieldDescription("failure_reason", .text, string: "Failure Reason", readonly: true),
            FieldDescription("sent_at", .datetime, string: "Sent", readonly: true),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
            FieldDescription("create_uid", .many2one, string: "Created by", readonly: true, relation: "res.users"),
            FieldDescription("create_date", .datetime, string: "Created on", readonly: true),
            FieldDescription("write_date", .datetime, string: "Last Updated on", readonly: true),
        ],
        methods: StoredMethods.writing.map { $0.checking(checkRawMail) }
    )

    /// Raw outgoing mail (`mail.mail` create, write, copy, name_create) needs "all documents" in the
    /// request's current company: a salesperson with "own documents" e-mails through the CRM's methods
    /// (`message_post`, `action_quotation_send`), which PostgreSQL lets queue on their behalf. PostgreSQL
    /// checks the level again per message (sql/modules/mail/outbox.sql).
    static func checkRawMail(_ call: MethodCall) throws(ModelError) {
        let level = call.user.memberships.first { $0.companyID == call.tenant.companyIDs.first }?.access
        guard let level, level >= AccessLevel.all else {
            throw ModelError(.access, "Queuing or changing outgoing mail directly needs access to all documents of the company.")
        }
    }
}
