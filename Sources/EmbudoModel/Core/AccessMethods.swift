import EmbudoDatabase
import PGClient

/// Odoo's access checks, on every stored model: `check_access_rights(operation, raise_exception=True)`
/// answers whether the model may be read, created, written or deleted at all (Odoo's ACLs: reference
/// data and identities are read-only here), and `check_access_rule(ids, operation)` whether these
/// records may: PostgreSQL's row-level security answers, by trying (a read, a row lock for `write`, a
/// delete rolled back for `unlink`), so the answer is exactly what the operation would meet.
enum AccessMethods {
    static let all: [ModelMethod] = [rights, rule]
    static let operations: Set<String> = ["read", "write", "create", "unlink"]

    static func operation(_ call: MethodCall) throws(ModelError) -> String {
        guard let operation = call.arguments.string("operation"), operations.contains(operation) else {
            throw ModelError.validation("operation must be one of read, write, create, unlink")
        }
        return operation
    }

    static let rights = ModelMethod("check_access_rights", ["operation", "raise_exception"]) { call in
        let operation = try operation(call)
        let allowed = operation == "read" || !call.model.isReadOnly
        if !allowed && call.arguments["raise_exception"] != false {
            throw ModelError(.access, "You are not allowed to \(operation) \(call.model.name) records.")
        }
        return .value(.bool(allowed))
    }

    static let rule = ModelMethod("check_access_rule", .records("operation")) { call in
        let operation = try operation(call)
        let ids = Array(Set(try call.arguments.ids()))
        guard ids.count <= 1000 else { throw ModelError.validation("check_access_rule checks at most 1000 records at a time") }
        let model = call.model
        guard operation == "read" || !model.isReadOnly else {
            throw ModelError(.access, "You are not allowed to \(operation) \(model.name) records.")
        }
        guard operation != "create", !ids.isEmpty else { return .value(.null) }
        var sql = SQLBuilder()
        switch operation {
        case "write":
            sql.append("SELECT count(*)::int FROM (SELECT 1 FROM \(model.table) r0")
            call.queries.appendIDs(ids, into: &sql)
            sql.append(" FOR UPDATE OF r0) locked")
        case "unlink":
            sql.append("WITH gone AS (DELETE FROM \(model.table) r0")
            call.queries.appendIDs(ids, into: &sql)
            sql.append(" RETURNING 1) SELECT count(*)::int FROM gone")
        default:
            sql.append("SELECT count(*)::int FROM \(model.table) r0")
            call.queries.appendIDs(ids, into: &sql)
        }
        let probe = sql.query
        let verbs = ["read": "read", "write": "modify", "unlink": "delete"]
        try await call.database.transaction(as: call.tenant) { connection in
            // A delete is tried inside a savepoint and always undone.
            if operation == "unlink" { try connection.execute("SAVEPOINT access_probe") }
            let count = try connection.query(probe)[0].decode(Int.self, at: 0)
            if operation == "unlink" { try connection.execute("ROLLBACK TO SAVEPOINT access_probe") }
            if count < ids.count { try RecordChecks.refuseHidden(ids, model: model, verb: verbs[operation]!, on: connection) }
        }
        return .value(.null)
    }
}
