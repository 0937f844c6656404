import EmbudoDatabase
import PGClient

/// The methods of quotations and orders (send, confirm, cancel, lock…) and of optional products. The
/// lifecycle's rules are SQL (sql/modules/sale/quotations.sql).
extension SaleOrder {
    /// The order actions, each running one SQL function on the records.
    static let orderActions: [ModelMethod] = [
        ("action_quotation_sent", "embudo.sale_mark_sent"), ("action_quotation_send", "embudo.sale_send_quotation"),
        ("action_confirm", "embudo.sale_confirm"), ("action_cancel", "embudo.sale_cancel"), ("action_draft", "embudo.sale_draft"),
        ("action_done", "embudo.sale_lock"), ("action_lock", "embudo.sale_lock"), ("action_unlock", "embudo.sale_unlock"),
        ("action_revoke_portal_link", "embudo.portal_revoke"),
    ].map { name, function in
        ModelMethod(name, .records(), writes: true) { call in
            let query = SQL.action(function, try call.arguments.ids())
            try await call.database.transaction(as: call.tenant) { _ = try $0.query(query) }
            return .value(true)
        }
    }

    /// `sale.order.option.button_add_to_order(ids)`: each optional product becomes a line of its order.
    static let addOptionToOrder = ModelMethod("button_add_to_order", .records(), writes: true) { call in
        let queries = try call.arguments.ids().map(SQL.addOption)
        try await call.database.transaction(as: call.tenant) { connection in
            for query in queries { _ = try connection.query(query) }
        }
        return .value(true)
    }

    /// The SQL of the sales methods.
    enum SQL {
        static func action(_ function: String, _ ids: [Int]) -> PGQuery {
            // `function` comes from `orderActions`, never from the client.
            var sql = SQLBuilder()
            sql.append("SELECT \(function)(")
            sql.bind(ids)
            sql.append("::int[])")
            return sql.query
        }
        static func addOption(_ id: Int) -> PGQuery { "SELECT embudo.sale_option_add(\(id))" }
    }
}
