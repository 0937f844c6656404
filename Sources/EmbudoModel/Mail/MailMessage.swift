/// The history of documents (Odoo's `mail` module): messages and notes, the tracked changes they carry,
/// their subtypes, the documents' followers, and the files attached to messages. PostgreSQL writes most
/// of it (sql/modules/mail/): tracking triggers, `message_post`, the gateway.
public enum MailMessage {
    /// Chatter messages: written by the lead's history and by `message_post`, read by model and id.
    public static let model = ModelDescription(
        name: "mail.message", table: "mail_message", recordName: "subject", order: "id desc", isReadOnly: true,
        fields: [
            FieldDescription("model", .char, string: "Related Document Model"),
            FieldDescription("res_id", .integer, string: "Related Document ID"),
            FieldDescription("body", .html, string: "Contents"),
            FieldDescription("subject", .char, string: "Subject"),
            FieldDescription("date", .datetime, string: "Date"),
            FieldDescription("author_id", .many2one, string: "Author", relation: "res.users"),
            FieldDescription(
                "message_type", .selection, string: "Type",
                selection: [["email", "Email"], ["comment", "Comment"], ["notification", "System notification"], ["user_notification", "User Specific Notification"]]
            ),
            FieldDescription("subtype_id", .many2one, string: "Subtype", relation: "mail.message.subtype"),
            FieldDescription(
                "tracking_value_ids", .one2many, string: "Tracking values", relation: "mail.tracking.value", inverseName: "mail_message_id"
            ),
            FieldDescription("email_from", .char, string: "From"),
            FieldDescription("message_id", .char, string: "Message-Id"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )

    public static let trackingValue = ModelDescription(
        name: "mail.tracking.value", table: "mail_tracking_value", recordName: "field_desc", order: "tracking_sequence asc, id",
        isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("field", .char, string: "Changed Field"),
            FieldDescription("field_desc", .char, string: "Field Description"),
            FieldDescription("field_type", .char, string: "Field Type"),
            FieldDescription("old_value_integer", .integer, string: "Old Value Integer"),
            FieldDescription("old_value_float", .float, string: "Old Value Float"),
            FieldDescription("old_value_monetary", .monetary, string: "Old Value Monetary"),
            FieldDescription("old_value_char", .char, string: "Old Value Char"),
            FieldDescription("old_value_text", .text, string: "Old Value Text"),
            FieldDescription("old_value_datetime", .datetime, string: "Old Value DateTime"),
            FieldDescription("new_value_integer", .integer, string: "New Value Integer"),
            FieldDescription("new_value_float", .float, string: "New Value Float"),
            FieldDescription("new_value_monetary", .monetary, string: "New Value Monetary"),
            FieldDescription("new_value_char", .char, string: "New Value Char"),
            FieldDescription("new_value_text", .text, string: "New Value Text"),
            FieldDescription("new_value_datetime", .datetime, string: "New Value Datetime"),
            FieldDescription("mail_message_id", .many2one, string: "Message ID", relation: "mail.message"),
            FieldDescription("tracking_sequence", .integer, string: "Tracking field sequence"),
        ]
    )

    public static let subtype = ModelDescription(
        name: "mail.message.subtype", table: "mail_message_subtype", order: "sequence, id", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Message Type", required: true).translated(spanish: "name_es"),
            FieldDescription("description", .text, string: "Description"),
            FieldDescription("res_model", .char, string: "Model"),
            FieldDescription("internal", .boolean, string: "Internal Only"),
            FieldDescription("hidden", .boolean, string: "Hidden"),
            FieldDescription("default", .boolean, string: "Default"),
            FieldDescription("sequence", .integer, string: "Sequence"),
        ]
    )

    public static let followers = ModelDescription(
        name: "mail.followers", table: "mail_followers", recordName: "res_model", order: "id", isReadOnly: true, hasAuditColumns: false,
        fields: [
            FieldDescription("res_model", .char, string: "Related Document Model Name", required: true),
            FieldDescription("res_id", .integer, string: "Related Document ID"),
            FieldDescription("user_id", .many2one, string: "Related User", relation: "res.users"),
            FieldDescription("partner_id", .many2one, string: "Related Partner", relation: "res.partner"),
        ]
    )

    /// Files attached to leads and quotations (Odoo's `ir.attachment`, the bytes as base64 `datas`): those
    /// of incoming mail, and those members upload; never changed once stored (sql/modules/mail/messages.sql).
    public static let attachment = ModelDescription(
        name: "ir.attachment", table: "ir_attachment", order: "id desc", hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Name", required: true),
            FieldDescription("mimetype", .char, string: "Mime Type"),
            FieldDescription("res_model", .char, string: "Resource Model"),
            FieldDescription("res_id", .integer, string: "Resource ID"),
            FieldDescription("file_size", .integer, string: "File Size", readonly: true),
            FieldDescription("datas", .binary, string: "File Content (base64)"),
            .computed("type", .selection, string: "Type", selection: [["url", "URL"], ["binary", "File"]], "'binary'::text"),
            FieldDescription("mail_message_id", .many2one, string: "Message", readonly: true, relation: "mail.message"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
            FieldDescription("create_uid", .many2one, string: "Created by", readonly: true, relation: "res.users"),
            FieldDescription("create_date", .datetime, string: "Created on", readonly: true),
        ],
        methods: [attachmentWrite]
    )

    /// An attachment is never changed (what was sent or received stays as it was): delete it and add
    /// another.
    static let attachmentWrite = ModelMethod("write", .records("vals"), writes: true) { _ in
        throw ModelError(.access, "Attachments cannot be changed: delete this one and add the new file.")
    }
}
