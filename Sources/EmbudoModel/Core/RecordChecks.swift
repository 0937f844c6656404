import EmbudoDatabase
import PGClient

/// Why a change reached fewer records than asked: those the user's access level hides or forbids are an
/// access error, those that do not exist (or are another company's) missing.
enum RecordChecks {
    /// Runs `query` on `ids` after checking that the user sees them all.
    static func run(_ query: PGQuery, on ids: [Int], model: ModelDescription, call: MethodCall) async throws {
        let visible = countVisible(ModelQueries(model: model, registry: call.registry, companies: call.tenant.companyIDs), ids: ids)
        try await call.database.transaction(as: call.tenant) { connection in
            guard try connection.query(visible)[0].decode(Int.self, at: 0) == Set(ids).count else {
                try refuseHidden(ids, model: model, verb: "change", on: connection)
            }
            _ = try connection.query(query)
        }
    }

    /// After an UPDATE of `ids`: records the user sees but could not change are an access error, records
    /// the user does not see are missing.
    static func checkChanged(_ result: PGResult, ids: [Int], model: ModelDescription, on connection: PGConnection) throws {
        guard result.affectedRows != Set(ids).count else { return }
        try refuseHidden(ids, model: model, verb: "modify", on: connection)
    }

    /// Throws AccessError when all of `ids` exist in the request's companies (the user's access level
    /// hides them or forbids the change), else MissingError.
    static func refuseHidden(_ ids: [Int], model: ModelDescription, verb: String, on connection: PGConnection) throws -> Never {
        let existing = try connection.query(countExisting(table: model.table, ids: ids))[0].decode(Int.self, at: 0)
        if existing == Set(ids).count {
            throw ModelError(.access, "You are not allowed to \(verb) these \(model.name) records: your access level does not allow it.")
        }
        throw ModelService.missing(model)
    }

    static func countVisible(_ queries: ModelQueries, ids: [Int]) -> PGQuery {
        var sql = SQLBuilder()
        sql.append("SELECT count(*)::int FROM \(queries.model.table) r0")
        queries.appendIDs(ids, into: &sql)
        return sql.query
    }

    /// How many of `ids` exist in the request's companies, whatever the user's access level shows
    /// (`embudo.count_existing`).
    static func countExisting(table: String, ids: [Int]) -> PGQuery {
        "SELECT embudo.count_existing(\(table)::regclass, \(ids)::int[])"
    }
}
