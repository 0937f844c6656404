/// The `mail` module: the documents' history (messages, tracking, followers, attachments), outgoing mail
/// and the incoming mail gateway (sql/modules/mail/).
public enum MailModule {
    public static let module = ModelModule("mail", models: [
        MailMessage.model, MailMessage.trackingValue, MailMessage.subtype, MailMessage.followers, MailMessage.attachment,
        MailMail.model, MailThread.model,
    ])
}
