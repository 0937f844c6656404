/// Outgoing e-mail (Odoo's `mail.mail`): the queue that the delivery worker (`EmbudoMail`) empties by
/// SMTP. Clients may queue messages (`create`) and watch their state; the worker alone moves them from
/// `outgoing` to `sent` or `exception` (sql/modules/mail/outbox.sql).
public enum MailModels {
    static let states = [["outgoing", "Outgoing"], ["sent", "Sent"], ["exception", "Delivery Failed"], ["cancel", "Cancelled"]]

    public static let mail = ModelDescription(
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
            FieldDescription("mail_message_id", .many2one, string: "Message", relation: "mail.message"),
            FieldDescription("attempts", .integer, string: "Delivery Attempts", readonly: true),
            FieldDescription("failure_reason", .text, string: "Failure Reason", readonly: true),
            FieldDescription("sent_at", .datetime, string: "Sent", readonly: true),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
            FieldDescription("create_uid", .many2one, string: "Created by", readonly: true, relation: "res.users"),
            FieldDescription("create_date", .datetime, string: "Created on", readonly: true),
            FieldDescription("write_date", .datetime, string: "Last Updated on", readonly: true),
        ]
    )

    /// Every mail model.
    public static let all = [mail]
}
