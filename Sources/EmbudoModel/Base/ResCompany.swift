import EmbudoDatabase
import PGClient

/// `res.company`: the tenants. Members read their companies; a company's administrators request its mail
/// domain (`action_request_alias_domain`), which the operator assigns once DNS proves it.
public enum ResCompany {
    public static let model = ModelDescription(
        name: "res.company", table: "res_company", order: "name, id", hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Company Name", required: true),
            // Administrators change it while the company has no quotation (sql/modules/base/companies.sql).
            FieldDescription("currency_id", .many2one, string: "Currency", relation: "res.currency"),
            // Chosen at creation (`embudo company create --lang`): the language of the records Embudo made for it.
            FieldDescription("lang", .char, string: "Language", readonly: true),
            // Assigned by the operator, or requested with action_request_alias_domain and proved by DNS.
            FieldDescription("alias_domain", .char, string: "Alias Domain", readonly: true),
            FieldDescription("active", .boolean, string: "Active"),
            FieldDescription("create_date", .datetime, string: "Created on", readonly: true),
            FieldDescription("write_date", .datetime, string: "Last Updated on", readonly: true),
        ],
        methods: [write, requestAliasDomain]
    )

    /// `write`: as every model's, but a new currency goes through `embudo.set_company_currency`, which
    /// refuses it but to the company's administrators and while the company has quotations, and moves its
    /// pricelists to it (sql/modules/base/companies.sql). In one transaction with the other values.
    static let write = ModelMethod("write", .records("vals"), writes: true) { call in
        let ids = try call.arguments.ids()
        guard case .object(var values)? = call.arguments["vals"] else {
            throw ModelError.validation("write expects a dictionary of values")
        }
        let currency = try values.removeValue(forKey: "currency_id").map { value in
            guard let id = value.intValue else { throw ModelError.validation("currency_id expects the id of a currency") }
            return id
        }
        let (scalars, _) = try call.service.split(values, model: call.model)
        let update = scalars.isEmpty ? nil : try call.service.update(ids, scalars, model: call.model, queries: call.queries, tenant: call.tenant)
        try await call.database.transaction(as: call.tenant) { connection in
            if let currency {
                for company in ids {
                    try connection.query("SELECT embudo.set_company_currency(\(company), \(currency))")
                }
            }
            if let update {
                try RecordChecks.checkChanged(try connection.query(update), ids: ids, model: call.model, on: connection)
            }
        }
        return .value(true)
    }

    /// `action_request_alias_domain(ids, domain)`: a company administrator asks for a mail domain. Nothing
    /// changes on the company: the answer is the DNS TXT record to publish (`{domain, record_type,
    /// record_name, record_value, expires}`), the same whether or not another company holds the domain, and
    /// `embudo company verify-domains` (the operator) assigns the domain once the record is found and no
    /// other company holds it (sql/modules/crm/mail_gateway.sql).
    static let requestAliasDomain = ModelMethod("action_request_alias_domain", .records("domain")) { call in
        let ids = try call.arguments.ids()
        guard ids.count == 1, let company = ids.first else { throw ModelError.validation("Request a mail domain for one company at a time") }
        guard let domain = call.arguments.string("domain"), !domain.trimmingSpaces().isEmpty else {
            throw ModelError.validation("action_request_alias_domain expects the domain name, such as example.com")
        }
        guard call.tenant.companyIDs.contains(company) else {
            throw ModelError(.access, "Only administrators of the company can request its mail domain.")
        }
        let query: PGQuery = "SELECT embudo.request_alias_domain(\(company), \(domain))::text"
        let answer = try await call.database.single(query, as: call.tenant, readOnly: false) { try $0[0].decode(String.self, at: 0) }
        return .value(try JSONValue(jsonText: answer))
    }
}
