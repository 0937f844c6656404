import EmbudoDatabase
import PGClient

/// The archiving methods of every stored model with an `active` field: `action_archive`,
/// `action_unarchive`, `toggle_active`.
enum ArchivingMethods {
    static let all: [ModelMethod] = [
        method("action_archive", setting: false), method("action_unarchive", setting: true), method("toggle_active", setting: nil),
    ]

    /// A method setting `active` to `state` (nil: toggling it).
    static func method(_ name: String, setting state: Bool?) -> ModelMethod {
        ModelMethod(name, .records(), writes: true) { call in
            let ids = try call.arguments.ids()
            let query = setActive(table: call.model.table, ids: ids, to: state)
            try await call.database.transaction(as: call.tenant) { connection in
                try RecordChecks.checkChanged(try connection.query(query), ids: ids, model: call.model, on: connection)
            }
            return .value(true)
        }
    }

    static func setActive(table: String, ids: [Int], to state: Bool?) -> PGQuery {
        let value = state.map { $0 ? "true" : "false" } ?? "NOT active"
        var sql = SQLBuilder()
        sql.append("UPDATE \(table) SET active = \(value), write_date = now() WHERE id = ANY (")
        sql.bind(ids)
        sql.append("::int[])")
        return sql.query
    }
}
