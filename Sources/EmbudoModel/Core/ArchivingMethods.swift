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
            let query = setActive(call.queries, ids: ids, to: state)
            try await call.database.transaction(as: call.tenant) { connection in
                try RecordChecks.checkChanged(try connection.query(query), ids: ids, model: call.model, on: connection)
            }
            return .value(true)
        }
    }

    static func setActive(_ queries: ModelQueries, ids: [Int], to state: Bool?) -> PGQuery {
        let value = state.map { $0 ? "true" : "false" } ?? "NOT r0.active"
        var sql = SQLBuilder()
        sql.append("UPDATE \(queries.model.table) r0 SET active = \(value), write_date = now()")
        queries.appendIDs(ids, into: &sql)
        return sql.query
    }
}
