import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import Testing

/// The mail gateway's routing (sql/modules/crm/mail_gateway.sql) through mail.thread.message_process:
/// the record lands in the company of the recipient's domain only, duplicates are ignored, aliases are
/// per domain.
@Suite("Mail gateway")
struct MailGatewayTests {
    static func mail(to: String, id: String, subject: String = "Need a quote", from: String = "Buyer <buyer@client.example>") -> JSONValue {
        .string("From: \(from)\r\nTo: \(to)\r\nSubject: \(subject)\r\nMessage-ID: <\(id)>\r\n\r\nHello, please send a quote.\r\n")
    }

    @Test func messagesLandInTheRecipientsCompanyOnly() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let admin = Administration(connection: try f.database.adminConnection())
        let gateway = try admin.ensureUser(login: "gateway", password: CRMFixture.password).id
        try admin.grant(user: gateway, company: f.acme, access: .all)
        try admin.grant(user: gateway, company: f.beta, access: .all)
        // Mail domains are the operator's to assign.
        try admin.setAliasDomain(company: f.acme, domain: "acme.example")
        try admin.setAliasDomain(company: f.beta, domain: "beta.example")
        let acmeTeam = try #require(try await f.ok("boss", "crm.team", "search", [[]]).arrayValue?.first?.intValue)
        let betaTeam = try #require(try await f.ok("bea", "crm.team", "search", [[]]).arrayValue?.first?.intValue)
        // The same alias in two domains.
        _ = try await f.ok("boss", "crm.team", "write", [[.int(acmeTeam)], ["alias_name": "sales"]])
        _ = try await f.ok("bea", "crm.team", "write", [[.int(betaTeam)], ["alias_name": "sales"]])

        func process(_ message: JSONValue) async throws -> JSONValue {
            try await call(f.dispatcher, [
                "service": "object", "method": "execute_kw",
                "args": [.string(f.database.name), .int(gateway), .string(CRMFixture.password), "mail.thread", "message_process", [false, message]],
            ])
        }
        let acmeLead = try #require(try await process(Self.mail(to: "sales@acme.example", id: "a-1@client.example"))["result"]?.intValue)
        let betaLead = try #require(try await process(Self.mail(to: "Sales <SALES@beta.example>", id: "b-1@client.example"))["result"]?.intValue)
        #expect(try await f.field("boss", "crm.lead", acmeLead, "team_id").arrayValue?.first?.intValue == acmeTeam)
        #expect(try await f.field("bea", "crm.lead", betaLead, "team_id").arrayValue?.first?.intValue == betaTeam)
        #expect(try await f.ok("bea", "crm.lead", "search", [[["id", "=", .int(acmeLead)]]]) == [])
        #expect(try await f.ok("boss", "crm.lead", "search", [[["id", "=", .int(betaLead)]]]) == [])
        // A second delivery of the same message: the same record, nothing new.
        #expect(try await process(Self.mail(to: "sales@acme.example", id: "a-1@client.example"))["result"]?.intValue == acmeLead)
        #expect(try await f.ok("boss", "crm.lead", "search_count", [[["email_from", "ilike", "buyer@client.example"]]]) == 1)
        // The same Message-ID in the other company is another message.
        let again = try await process(Self.mail(to: "sales@beta.example", id: "a-1@client.example"))["result"]?.intValue
        #expect(again != nil && again != acmeLead)
        // Unknown alias and unknown domain: clear refusals.
        let unknown = try await process(Self.mail(to: "nobody@acme.example", id: "x-1@client.example"))
        #expect(unknown["error"]?["data"]?["name"] == "odoo.exceptions.UserError")
        let stranger = try await process(Self.mail(to: "sales@nowhere.example", id: "x-2@client.example"))
        #expect(stranger["error"]?["data"]?["message"]?.stringValue?.contains("unknown domain") == true)
        // A user outside the company cannot deliver into it, nor learn that another company holds the domain:
        // the answer is the unknown domain's.
        let outsider = try await call(f.dispatcher, [
            "service": "object", "method": "execute_kw",
            "args": [.string(f.database.name), .int(f.users["olga"]!), .string(CRMFixture.password), "mail.thread", "message_process",
                     [false, Self.mail(to: "sales@beta.example", id: "x-3@client.example")]],
        ])
        #expect(outsider["error"]?["data"]?["name"] == stranger["error"]?["data"]?["name"])
        #expect(outsider["error"]?["data"]?["message"]?.stringValue?.contains("unknown domain") == true, "\(outsider)")
        // Garbage is refused without harm.
        let garbage = try await process(.string(String(repeating: "\u{0}\u{1}", count: 1000)))
        #expect(garbage["error"] != nil)
    }
}
