import EmbudoDatabase
import PGClient

/// `res.company.action_request_alias_domain(ids, domain)`: a company administrator asks for a mail
/// domain. Nothing changes on the company: the answer is the DNS TXT record to publish
/// (`{domain, record_type, record_name, record_value, expires}`), the same whether or not another company
/// holds the domain, and `embudo company verify-domains` (the operator) assigns the domain once the record
/// is found and no other company holds it (sql/modules/crm/mail_gateway.sql).
extension ModelService {
    func companyCall(_ model: ModelDescription, _ method: String, arguments: Arguments, tenant: TenantContext) async throws -> CallResult? {
        guard model.name == CoreModels.company.name, method == "action_request_alias_domain" else { return nil }
        let signature = ["ids", "domain"]
        let ids = try Arguments.ids(arguments.value(0, "ids", signature))
        guard ids.count == 1, let company = ids.first else { throw ModelError.validation("Request a mail domain for one company at a time") }
        guard let domain = arguments.value(1, "domain", signature)?.stringValue, !domain.trimmingSpaces().isEmpty else {
            throw ModelError.validation("action_request_alias_domain expects the domain name, such as example.com")
        }
        guard tenant.companyIDs.contains(company) else {
            throw ModelError(.access, "Only administrators of the company can request its mail domain.")
        }
        let query: PGQuery = "SELECT embudo.request_alias_domain(\(company), \(domain))::text"
        let answer = try await database.single(query, as: tenant, readOnly: false) { try $0[0].decode(String.self, at: 0) }
        return .value(try JSONValue(jsonText: answer))
    }
}
