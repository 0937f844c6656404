import EmbudoDatabase
import PGClient

/// The pipeline's kanban: `read_group` on `crm.lead` grouped by stage.
extension CRMLead {
    /// `read_group`, with every stage of the pipeline when grouped by stage.
    /// (The groups and the stages are read in one transaction.)
    static let pipelineGroups = ModelMethod("read_group", StoredMethods.readGroup.signature) { call in
        let statement = try StoredMethods.groupStatement(call)
        let byStage = try StoredMethods.groupBy(call.arguments).first == "stage_id"
        let team = call.context["default_team_id"]?.intValue
        let (groups, stages) = try await call.database.transaction(as: call.tenant, readOnly: true) { connection in
            let groups = try statement.groups(on: connection)
            guard byStage else { return (groups, [(Int, String, Bool)]()) }
            let used = (groups.arrayValue ?? []).compactMap { $0["stage_id"]?.arrayValue?.first?.intValue }
            let stages = try connection.query(SQL.pipelineStages(companies: call.tenant.companyIDs, team: team, used: used))
            return (groups, try stages.map { try $0.decode((Int, String, Bool).self) })
        }
        return .value(byStage ? try expandStages(groups, stages: stages, call: call) : groups)
    }

    /// Kanban columns: `read_group` on `crm.lead` by stage lists every stage of the pipeline (shared ones,
    /// the context team's, those in use: `stages`), empty ones included, each with its `__fold` flag.
    static func expandStages(_ groups: JSONValue, stages: [(Int, String, Bool)], call: MethodCall) throws(ModelError) -> JSONValue {
        let domain = call.arguments["domain"] ?? []
        let lazy = call.arguments["lazy"]?.isTruthy ?? true
        let fields = try call.arguments.strings("fields") ?? []
        let groupBy = try StoredMethods.groupBy(call.arguments)
        guard case .array(let found) = groups else { return groups }
        var byStage: [Int: JSONValue] = [:]
        var unstaged: [JSONValue] = []
        for group in found {
            if let id = group["stage_id"]?.arrayValue?.first?.intValue { byStage[id] = group } else { unstaged.append(group) }
        }
        let base = domain.arrayValue ?? []
        var columns: [JSONValue] = stages.map { id, name, fold in
            var group: [String: JSONValue]
            if case .object(let members)? = byStage[id] {
                group = members
            } else {
                group = ["stage_id": [.int(id), .string(name)], "__domain": .array([["stage_id", "=", .int(id)]] + base)]
                group[lazy ? "stage_id_count" : "__count"] = 0
                for spec in fields {
                    let name = String(spec.split(separator: ":").first ?? "")
                    if name != "stage_id", name != "__count", !name.isEmpty { group[name] = 0 }
                }
                if lazy, groupBy.count > 1 { group["__context"] = ["group_by": .array(groupBy.dropFirst().map(JSONValue.string))] }
            }
            group["__fold"] = .bool(fold)
            return .object(group)
        }
        columns += unstaged
        return .array(columns)
    }
}
