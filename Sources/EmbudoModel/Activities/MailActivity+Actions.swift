import EmbudoDatabase
import PGClient

/// Marking activities done: `action_feedback(ids, feedback)` answers the messages it posted,
/// `action_done(ids)` answers true, `action_feedback_schedule_next(ids, feedback)` answers the dialog
/// that schedules the next one. PostgreSQL posts the message and archives the activity
/// (`embudo.activity_done`).
extension MailActivity {
    static let feedback = marking("action_feedback")
    static let done = marking("action_done")
    static let feedbackScheduleNext = marking("action_feedback_schedule_next")

    static func marking(_ name: String) -> ModelMethod {
        let signature: MethodSignature = name == "action_done" ? .records() : .records("feedback")
        return ModelMethod(name, signature, writes: true) { call in
            let query = SQL.done(try call.arguments.ids(), feedback: call.arguments["feedback"]?.stringValue)
            let messages = try await call.database.transaction(as: call.tenant) { try $0.query(query)[0].decode([Int].self, at: 0) }
            switch name {
            case "action_feedback_schedule_next":
                return .value(["type": "ir.actions.act_window", "res_model": "mail.activity", "view_mode": "form", "views": [[false, "form"]], "target": "new"])
            case "action_done":
                return .value(true)
            default:
                return .value(messages.count == 1 ? .int(messages[0]) : .array(messages.map(JSONValue.int)))
            }
        }
    }

    /// The SQL of the activity methods.
    enum SQL {
        static func done(_ ids: [Int], feedback: String?) -> PGQuery {
            "SELECT embudo.activity_done(\(ids)::int[], \(feedback))"
        }
        static func schedule(model: String, _ ids: [Int], type: String?, deadline: String?, summary: String?, note: String?, user: Int?) -> PGQuery {
            """
            SELECT embudo.activity_schedule(\(model), \(ids)::int[], \(type), \(deadline)::date,
                                            \(summary), \(note), \(user)::int)
            """
        }
        static let systray: PGQuery = """
            SELECT s.model, s.overdue, s.today, s.planned, coalesce(m.name, s.model)
            FROM embudo.systray_activities() s LEFT JOIN ir_model m ON m.model = s.model
            """
    }
}
