import EmbudoDatabase
import PGClient

/// A company administrator's pending request for a mail domain (`res.company.action_request_alias_domain`).
public struct AliasDomainRequest: Sendable, Hashable {
    public var company: Company
    public var domain: String
    /// The TXT value that `_embudo-challenge.<domain>` must hold.
    public var token: String
    /// When it was requested (UTC, `YYYY-MM-DD HH:MM`).
    public var requestedAt: String

    /// The DNS name whose TXT record proves the request.
    public var recordName: String { "_embudo-challenge." + domain }
}

/// What checking one request came to.
public enum AliasDomainVerification: Sendable, Hashable {
    /// The record was found and the domain assigned to the company.
    case assigned
    /// No TXT string of the record equals the request's value (or there is no such record).
    case recordMissing
    /// The record proves the request, but another company holds the domain: not assigned.
    case heldByAnotherCompany(String)
    /// The DNS lookup failed (timeout, server failure...): the request stays for the next check.
    case lookupFailed(String)
}

/// Why the operator could not assign a mail domain.
public enum AliasDomainError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not a domain name.
    case invalid(String)
    /// Another company holds it (named here: the operator may know).
    case heldByAnotherCompany(domain: String, company: String)
    /// No company with this id.
    case unknownCompany(Int)

    public var description: String {
        switch self {
        case .invalid(let domain): "\(domain) is not a domain name (letters, digits, hyphens and dots, such as example.com)"
        case .heldByAnotherCompany(let domain, let company): "the company \(company) holds the mail domain \(domain)"
        case .unknownCompany(let id): "there is no company \(id)"
        }
    }
}

/// Mail domains, for the operator: assigned (and cleared) directly, or after a company administrator's
/// request was proved by a DNS TXT record. Tenant administrators cannot write a company's domain.
extension Administration {
    /// Sets a company's mail domain (nil clears it) and rebuilds its mail routes.
    ///
    /// - Throws: ``AliasDomainError``; ``PGError`` for failures of the database itself.
    public func setAliasDomain(company: Int, domain: String?) throws {
        do {
            _ = try connection.transaction { try $0.query(DomainSQL.assign(company: company, domain: domain)) }
        } catch let error as PGError {
            switch (error.embudoState, error.sqlState, error.code) {
            case (.validationError, _, _): throw AliasDomainError.invalid(domain ?? "")
            case (_, "P0002", _): throw AliasDomainError.unknownCompany(company)
            case (_, _, .uniqueViolation):
                let normalized = Self.normalizedDomain(domain ?? "")
                let holder = try aliasDomainHolder(normalized)
                throw AliasDomainError.heldByAnotherCompany(domain: normalized, company: holder?.name ?? "another company")
            default: throw error
            }
        }
    }

    /// The company that holds this mail domain, if any.
    public func aliasDomainHolder(_ domain: String) throws -> Company? {
        try connection.query(DomainSQL.holder(Self.normalizedDomain(domain))).map(Self.company).first
    }

    /// The mail domain of a company (nil: none).
    public func aliasDomain(company: Int) throws -> String? {
        try connection.query(DomainSQL.domain(company: company)).map { try $0.decode(String?.self, at: 0) }.first ?? nil
    }

    /// The requests of the last 7 days, oldest first (older ones are forgotten on the way).
    public func aliasDomainRequests() throws -> [AliasDomainRequest] {
        try connection.transaction { connection in
            try connection.query(DomainSQL.forgetExpired)
            return try connection.query(DomainSQL.requests).map { row in
                let (id, name, active, domain, token, requestedAt) = try row.decode((Int, String, Bool, String, String, String).self)
                return AliasDomainRequest(company: Company(id: id, name: name, active: active), domain: domain, token: token, requestedAt: requestedAt)
            }
        }
    }

    /// Checks every pending request: `lookup` answers the TXT strings of a DNS name (one per record);
    /// a request whose record holds its value gets the domain, unless another company holds it. Lookup
    /// failures leave the request for the next check.
    public func verifyAliasDomains(lookup: (String) throws -> [String]) throws -> [(AliasDomainRequest, AliasDomainVerification)] {
        try aliasDomainRequests().map { request in
            let values: [String]
            do {
                values = try lookup(request.recordName)
            } catch {
                return (request, .lookupFailed(String(describing: error)))
            }
            guard values.contains(where: { $0.trimmingSpaces() == request.token }) else { return (request, .recordMissing) }
            do {
                try setAliasDomain(company: request.company.id, domain: request.domain)
                return (request, .assigned)
            } catch AliasDomainError.heldByAnotherCompany(_, let holder) {
                return (request, .heldByAnotherCompany(holder))
            }
        }
    }

    static func normalizedDomain(_ domain: String) -> String {
        var text = domain.trimmingSpaces().lowercased()
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }

    enum DomainSQL {
        static func assign(company: Int, domain: String?) -> PGQuery { "SELECT embudo.assign_alias_domain(\(company), \(domain))" }
        static func holder(_ domain: String) -> PGQuery { "SELECT id, name, active FROM res_company WHERE alias_domain = \(domain)" }
        static func domain(company: Int) -> PGQuery { "SELECT alias_domain FROM res_company WHERE id = \(company)" }
        static let forgetExpired: PGQuery = "DELETE FROM embudo.alias_domain_request WHERE requested_at < now() - interval '7 days'"
        static let requests: PGQuery = """
            SELECT c.id, c.name, c.active, r.domain, r.token, to_char(r.requested_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')
            FROM embudo.alias_domain_request r JOIN res_company c ON c.id = r.company_id
            ORDER BY r.requested_at, r.company_id, r.domain
            """
    }
}
