import ArgumentParser
import EmbudoDNS
import EmbudoModel

extension CompanyCommand {
    /// `embudo company set-domain --company NAME --domain D` (or `--clear`): the operator assigns a
    /// company's mail domain.
    struct SetDomain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-domain",
            abstract: "Assign a company's mail domain (res.company.alias_domain), or clear it with --clear."
        )
        @Option(help: "The company's name.") var company: String
        @Option(help: "The mail domain, such as acme.example (no other company may hold it).") var domain: String?
        @Flag(help: "Remove the company's mail domain: mail to it is no longer received.") var clear = false
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard (domain != nil) != clear else { throw ValidationError("give either --domain or --clear") }
        }

        func run() async throws {
            try database.withAdministration { administration in
                let target = try administration.existingCompany(named: company)
                do {
                    try administration.setAliasDomain(company: target.id, domain: clear ? nil : domain)
                } catch let error as AliasDomainError {
                    throw CommandError(error.description)
                }
            }
            print(clear ? "Cleared the mail domain of \(company)." : "The mail domain of \(company) is now \(domain ?? "").")
        }
    }

    /// `embudo company verify-domains`: looks up the TXT record of every pending domain request and
    /// assigns each proved domain that no other company holds.
    struct VerifyDomains: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify-domains",
            abstract: "Check the DNS TXT records of the mail domains companies requested, and assign the proved ones.",
            discussion: """
                A company administrator requests a domain with res.company.action_request_alias_domain and publishes \
                the TXT record it answers (_embudo-challenge.<domain>). Each request whose record holds its value is \
                assigned, unless another company holds the domain. Requests expire after 7 days.
                """
        )
        @Option(help: "The name server to ask, HOST:PORT with a numeric address (default: the first nameserver of /etc/resolv.conf).")
        var nameserver: String?
        @Option(help: "Seconds to wait for each answer (three attempts).") var timeout: Double = 2
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            guard timeout > 0, timeout <= 60 else { throw ValidationError("--timeout must be between 0 and 60 seconds") }
        }

        func run() async throws {
            let server: Nameserver
            do throws(DNSError) {
                if let nameserver { server = try Nameserver(parsing: nameserver) } else { server = try Nameserver.system() }
            } catch {
                throw CommandError(error.description)
            }
            let client = DNSClient(nameserver: server, timeout: .milliseconds(Int((timeout * 1000).rounded())))
            let results = try database.withAdministration { administration in
                try administration.verifyAliasDomains { name in try client.txtRecords(for: name) }
            }
            if results.isEmpty { print("No mail domain requests are waiting.") }
            for (request, outcome) in results {
                let what = "\(request.domain) for \(request.company.name)"
                switch outcome {
                case .assigned: print("\(what): verified, assigned")
                case .recordMissing: print("\(what): no TXT record \(request.recordName) with the requested value yet")
                case .heldByAnotherCompany(let holder): print("\(what): verified, but the company \(holder) holds it: not assigned")
                case .lookupFailed(let why): print("\(what): DNS lookup of \(request.recordName) failed: \(why)")
                }
            }
        }
    }
}
