import EmbudoMIME
import EmbudoDatabase
import PGClient

/// The worker's side of the `mail_mail` queue: only the SECURITY DEFINER functions of
/// sql/modules/mail/outbox.sql, in transactions without a tenant (the worker serves every
/// company).
public struct MailQueue: Sendable {
    /// What became of a failed message.
    public enum Outcome: String, Sendable {
        /// It will be tried again.
        case retry = "outgoing"
        /// It was given up (`exception`).
        case exception
        /// It was no longer outgoing (cancelled or settled meanwhile): nothing changed.
        case unchanged
    }

    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Claims up to `batch` due messages, each leased for `lease` (a worker that dies leaves them to
    /// others once the lease ends) and counted as an attempt. Concurrent claimers never share a message.
    public func claim(batch: Int, lease: Duration) async throws -> [OutgoingMail] {
        let lease = Self.interval(lease)
        return try await database.withoutTenant(readOnly: false) { connection in
            try connection.query("""
                SELECT id, email_from, email_to, email_cc, reply_to, subject, body_html, attempts, message_id, calendar_ics, calendar_method
                FROM embudo.mail_claim(\(batch), \(lease)::interval)
                """).map { row in
                let (id, from, to, cc, replyTo, subject, body, attempts, messageID, ics, method) = try row.decode(
                    (Int, String, String, String?, String?, String, String, Int, String?, String?, String?).self
                )
                return OutgoingMail(
                    id: id, from: from, to: to, cc: cc, replyTo: replyTo, subject: subject, bodyHTML: body, attempts: attempts, messageID: messageID,
                    calendar: ics.flatMap { text in method.map { CalendarPart(method: $0, text: text) } }
                )
            }
        }
    }

    /// Queues the meeting reminders due now, in every company (each at most once, however many
    /// workers run: `embudo.calendar_send_reminders`). Returns how many were queued.
    @discardableResult
    public func queueDueReminders() async throws -> Int {
        try await database.withoutTenant(readOnly: false) { connection in
            try connection.query("SELECT embudo.calendar_send_reminders()")[0].decode(Int.self, at: 0)
        }
    }

    /// Marks a claimed message as accepted by the relay (`sent`), recording the Message-ID it went out
    /// with (the one recorded when it was queued, normally; answers quote it and the mail gateway threads
    /// them back).
    public func markSent(_ id: Int, messageID: String? = nil) async throws {
        let bare = messageID.map { String($0.drop { $0 == "<" }.reversed().drop { $0 == ">" }.reversed()) }
        _ = try await database.withoutTenant(readOnly: false) { connection in
            try connection.query("SELECT embudo.mail_sent(\(id), \(bare))")
            return true
        }
    }

    /// Records a failed attempt: retried after `retryIn`, or given up when `permanent` or when the message
    /// has used all its attempts.
    public func markFailed(_ id: Int, reason: String, retryIn: Duration, permanent: Bool) async throws -> Outcome {
        let interval = Self.interval(retryIn)
        return try await database.withoutTenant(readOnly: false) { connection in
            let result = try connection.query(
                "SELECT state FROM embudo.mail_failed(\(id), \(reason), \(interval)::interval, \(permanent)) AS state"
            )
            guard result.count > 0, let state = try result[0].decode(String?.self, at: 0) else { return .unchanged }
            return Outcome(rawValue: state) ?? .unchanged
        }
    }

    /// A duration as PostgreSQL interval text, to the millisecond.
    static func interval(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return "\(seconds * 1000 + attoseconds / 1_000_000_000_000_000) milliseconds"
    }
}
