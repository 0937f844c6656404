import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import PGClient
import Testing

/// Issue 18, mail and domains, through the model service as each user calls it: every test plays the
/// attack first (which succeeded before the rules of sql/modules/mail/outbox.sql), then shows it refused,
/// and that the legitimate path still works.
@Suite("Mail and domains")
struct MailSecurityTests {
    /// An incoming message as a mail server hands it to the gateway.
    static func incoming(to: String, id: String, subject: String = "Re: Offer", references: String? = nil) -> JSONValue {
        var text = "From: Customer <customer@client.example>\r\nTo: \(to)\r\nSubject: \(subject)\r\nMessage-ID: <\(id)>\r\n"
        if let references { text += "In-Reply-To: \(references)\r\nReferences: \(references)\r\n" }
        return .string(text + "\r\nThanks, we will look at it.\r\n")
    }

    /// The fixture's companies with their mail domains, assigned by the operator.
    static func withDomains() async throws -> (CRMFixture, Administration) {
        let f = try await CRMFixture()
        let admin = Administration(connection: try f.database.adminConnection())
        try admin.setAliasDomain(company: f.acme, domain: "acme.example")
        try admin.setAliasDomain(company: f.beta, domain: "beta.example")
        return (f, admin)
    }

    // MARK: item 4, spoofed senders

    @Test func membersSendOnlyAsThemselvesOrTheirCompanysDomain() async throws {
        let (f, _) = try await Self.withDomains()
        defer { f.db.shutdown() }
        let connection = try f.database.adminConnection()
        try connection.query("UPDATE res_users SET email = 'alex@home.example' WHERE id = \(f.users["alex"]!)")
        func mail(_ values: [String: JSONValue]) -> JSONValue {
            .object(["email_to": "victim@customer.example", "subject": "Your invoice", "body_html": "<p>Pay here</p>"].merging(values) { $1 })
        }
        // Another company's domain, or anyone's address, as sender or Reply-To: refused (alex has "all
        // documents" in Acme: before, each was queued and sent through the shared relay).
        for spoof: [String: JSONValue] in [
            ["email_from": "ceo@beta.example"],
            ["email_from": "\"alex@acme.example\" <ceo@beta.example>"],
            ["email_from": "billing@bank.example"],
            ["email_from": "sales@acme.example", "reply_to": "sales@acme.example, pay-here@attacker.example"],
            ["email_from": "Alex <alex@home.example>", "reply_to": "\"Doe, Jane\" <jane@beta.example>"],
        ] {
            #expect(try await f.error("alex", "mail.mail", "create", [mail(spoof)]) == "odoo.exceptions.AccessError", "\(spoof)")
        }
        // One sender only; an unreadable list is no loophole.
        #expect(try await f.error("alex", "mail.mail", "create", [mail(["email_from": "sales@acme.example, ceo@beta.example"])]) == "odoo.exceptions.ValidationError")
        #expect(try await f.error("alex", "mail.mail", "create", [mail(["email_from": "sales@acme.example <"])]) == "odoo.exceptions.ValidationError")
        // Their own address, and any address of the company's domain: queued.
        let own = try #require(try await f.ok("alex", "mail.mail", "create", [mail(["email_from": "\"Alex, Sales\" <alex@home.example>"])]).intValue)
        let domain = try #require(try await f.ok("alex", "mail.mail", "create", [mail(["email_from": "Sales <sales@ACME.example>", "reply_to": "alex@home.example; team@acme.example"])]).intValue)
        let queued = try connection.query("SELECT count(*)::int FROM mail_mail WHERE email_to = 'victim@customer.example'")[0].decode(Int.self, at: 0)
        #expect(queued == 2)
        // Changing a queued mail's sender is checked the same way.
        #expect(try await f.error("alex", "mail.mail", "write", [[.int(own)], ["email_from": "ceo@beta.example"]]) == "odoo.exceptions.AccessError")
        #expect(try await f.ok("alex", "mail.mail", "write", [[.int(domain)], ["subject": "Your invoice (corrected)"]]) == true)

        // The document: a lead or quotation of the company that the user can change, nothing else.
        let betaLead = try #require(try await f.ok("bea", "crm.lead", "create", [["name": "Beta's deal"]]).intValue)
        let acmeLead = try #require(try await f.ok("alex", "crm.lead", "create", [["name": "Acme's deal"]]).intValue)
        let partner = try #require(try await f.ok("alex", "res.partner", "create", [["name": "Someone"]]).intValue)
        #expect(try await f.error("alex", "mail.mail", "create", [mail(["email_from": "sales@acme.example", "model": "crm.lead", "res_id": .int(betaLead)])])
                == "odoo.exceptions.AccessError")
        #expect(try await f.error("alex", "mail.mail", "create", [mail(["email_from": "sales@acme.example", "model": "res.partner", "res_id": .int(partner)])])
                == "odoo.exceptions.ValidationError")
        #expect(try await f.error("alex", "mail.mail", "create", [mail(["email_from": "sales@acme.example", "model": "crm.lead"])]) == "odoo.exceptions.ValidationError")
        #expect(try await f.ok("alex", "mail.mail", "create", [mail(["email_from": "sales@acme.example", "model": "crm.lead", "res_id": .int(acmeLead)])]).intValue != nil)

        // The worker's fields are not the client's.
        for field: (String, JSONValue) in [("state", "sent"), ("message_id", "chosen@acme.example"), ("mail_message_id", 1), ("attempts", 0),
                                           ("failure_reason", "none"), ("create_uid", .int(f.users["boss"]!))] {
            #expect(try await f.error("alex", "mail.mail", "create", [mail(["email_from": "sales@acme.example", field.0: field.1])]) == "odoo.exceptions.ValidationError")
            #expect(try await f.error("alex", "mail.mail", "write", [[.int(domain)], .object([field.0: field.1])]) == "odoo.exceptions.ValidationError")
        }
        let fields = try await f.ok("alex", "mail.mail", "fields_get", [], ["attributes": ["readonly"]])
        #expect(fields["message_id"]?["readonly"] == true && fields["mail_message_id"]?["readonly"] == true && fields["email_from"]?["readonly"] == false)
    }

    @Test func rawMailNeedsAllDocumentsButTheCRMStillMailsForEveryone() async throws {
        let (f, _) = try await Self.withDomains()
        defer { f.db.shutdown() }
        // olga has "own documents": no raw mail, not even from the company's domain.
        let raw: JSONValue = ["email_from": "sales@acme.example", "email_to": "x@customer.example", "subject": "Hi"]
        #expect(try await f.error("olga", "mail.mail", "create", [raw]) == "odoo.exceptions.AccessError")
        // Her comment on her lead still e-mails the customer, queued on her behalf from the company's
        // address (she has no address of her own), with the team alias as Reply-To.
        let lead = try #require(try await f.ok("olga", "crm.lead", "create", [["name": "Chairs", "email_from": "Ana, Jr. <ana@client.example>"]]).intValue)
        let teams = try await f.ok("boss", "crm.team", "search", [[]])
        _ = try await f.ok("boss", "crm.team", "write", [teams, ["alias_name": "sales"]])
        _ = try await f.ok("olga", "crm.lead", "message_post", [[.int(lead)]], ["body": "<p>Our offer</p>", "subtype_xmlid": "mail.mt_comment"])
        let mails = try await f.ok("olga", "mail.mail", "search_read", [[["model", "=", "crm.lead"], ["res_id", "=", .int(lead)]]],
                                   ["fields": ["email_from", "email_to", "reply_to", "state", "message_id", "create_uid"]])
        let sent = try #require(mails.arrayValue?.first)
        #expect(sent["email_from"] == "noreply@acme.example")
        #expect(sent["email_to"] == "Ana, Jr. <ana@client.example>")
        #expect(sent["reply_to"] == "Acme Sales <sales@acme.example>")
        #expect(sent["state"] == "outgoing" && sent["create_uid"]?.arrayValue?.first?.intValue == f.users["olga"])
        // And she sends her quotations (from the company's noreply address).
        let customer = try #require(try await f.ok("olga", "res.partner", "create", [["name": "Buyer", "email": "buyer@client.example"]]).intValue)
        let order = try #require(try await f.ok("olga", "sale.order", "create", [["partner_id": .int(customer)]]).intValue)
        #expect(try await f.ok("olga", "sale.order", "action_quotation_send", [[.int(order)]]) == true)
        let quotation = try await f.ok("olga", "mail.mail", "search_read", [[["model", "=", "sale.order"], ["res_id", "=", .int(order)]]], ["fields": ["email_from"]])
        #expect(quotation.arrayValue?.first?["email_from"] == "Acme <noreply@acme.example>")
    }

    @Test func postgresqlRefusesSpoofedMailWhateverTheModelLayerDoes() async throws {
        let (f, _) = try await Self.withDomains()
        defer { f.db.shutdown() }
        // The service's own INSERT, as alex, past every Swift check.
        let alex = TenantContext(userID: f.users["alex"]!, companyIDs: [f.acme])
        let olga = TenantContext(userID: f.users["olga"]!, companyIDs: [f.acme])
        let (acme, boss) = (f.acme, f.users["boss"]!)
        func insert(_ from: String, as tenant: TenantContext) async -> String? {
            do {
                _ = try await f.db.transaction(as: tenant) { connection in
                    try connection.query("""
                        INSERT INTO mail_mail (company_id, email_from, email_to, subject, state, attempts, create_uid)
                        VALUES (\(acme), \(from), 'x@client.example', 'spoof', 'sent', 3, \(boss)) RETURNING state, attempts, create_uid
                        """).decode((String, Int, Int).self)
                }
                return nil
            } catch let error as PGError {
                return error.sqlState
            } catch {
                return "\(error)"
            }
        }
        #expect(await insert("ceo@beta.example", as: alex) == "EMA01")
        #expect(await insert("sales@acme.example", as: olga) == "EMA01")
        #expect(await insert("sales@acme.example, x@beta.example", as: alex) == "EMV01")
        // Accepted, with the worker's fields as a new mail has them, whatever the INSERT said.
        let row = try await f.db.transaction(as: alex) { connection in
            try connection.query("""
                INSERT INTO mail_mail (company_id, email_from, email_to, subject, state, attempts, create_uid, message_id)
                VALUES (\(acme), 'sales@acme.example', 'x@client.example', 'ok', 'sent', 3, \(boss), 'chosen@acme.example')
                RETURNING state, attempts, create_uid, message_id
                """)[0].decode((String, Int, Int, String).self)
        }
        #expect(row.0 == "outgoing" && row.1 == 0 && row.2 == f.users["alex"]!)
        #expect(row.3 != "chosen@acme.example" && row.3.hasSuffix("@acme.example") && row.3.count == 32 + "@acme.example".count)
    }

    // MARK: item 5, claiming another company's mail domain

    @Test func tenantAdministratorsRequestDomainsAndTheOperatorsCheckAssignsThem() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let admin = Administration(connection: try f.database.adminConnection())
        try admin.setAliasDomain(company: f.acme, domain: "acme.example")
        // Before, bea (Beta's administrator) could write any free domain, and the unique error told her
        // which ones Acme held. Now nobody writes it through the API, with the same answer either way.
        let taken = try await f.kw("bea", "res.company", "write", [[.int(f.beta)], ["alias_domain": "acme.example"]])
        let free = try await f.kw("bea", "res.company", "write", [[.int(f.beta)], ["alias_domain": "free.example"]])
        #expect(taken["error"]?["data"]?["name"] == "odoo.exceptions.ValidationError")
        #expect(taken["error"]?["data"]?["message"] == free["error"]?["data"]?["message"])
        #expect(try await f.field("bea", "res.company", f.beta, "alias_domain") == false)
        #expect(try await f.field("boss", "res.company", f.acme, "alias_domain") == "acme.example")
        let fields = try await f.ok("bea", "res.company", "fields_get", [["alias_domain"]], ["attributes": ["readonly"]])
        #expect(fields["alias_domain"]?["readonly"] == true)

        // A request answers the TXT record to publish: the same answer whether or not the domain is held.
        let held = try await f.ok("bea", "res.company", "action_request_alias_domain", [[.int(f.beta)], "ACME.example."])
        let wanted = try await f.ok("bea", "res.company", "action_request_alias_domain", [[.int(f.beta)]], ["domain": "beta.example"])
        func keys(_ value: JSONValue) -> Set<String> {
            guard case .object(let members) = value else { return [] }
            return Set(members.keys)
        }
        #expect(keys(held) == keys(wanted) && keys(held).contains("record_value"))
        #expect(held["record_type"] == "TXT" && held["record_name"] == "_embudo-challenge.acme.example" && held["domain"] == "acme.example")
        let heldValue = try #require(held["record_value"]?.stringValue)
        let wantedValue = try #require(wanted["record_value"]?.stringValue)
        #expect(heldValue.hasPrefix("embudo-domain-verification=") && heldValue != wantedValue && heldValue.count > 60)
        // Asking again while it waits gives the same record.
        #expect(try await f.ok("bea", "res.company", "action_request_alias_domain", [[.int(f.beta)], "beta.example"])["record_value"]?.stringValue == wantedValue)
        // Administrators of the company only; a domain name only.
        #expect(try await f.error("nadia", "res.company", "action_request_alias_domain", [[.int(f.beta)], "beta.example"]) == "odoo.exceptions.AccessError")
        #expect(try await f.error("bea", "res.company", "action_request_alias_domain", [[.int(f.acme)], "acme.example"]) == "odoo.exceptions.AccessError")
        for bad: JSONValue in ["not a domain", "localhost", "-x.example", "x_y.example", "exa mple.com", ""] {
            #expect(try await f.error("bea", "res.company", "action_request_alias_domain", [[.int(f.beta)], bad]) == "odoo.exceptions.ValidationError")
        }
        // Requests change nothing until the operator's check.
        #expect(try await f.field("bea", "res.company", f.beta, "alias_domain") == false)

        // The check: Beta proved both domains; it gets its own, and not Acme's.
        let published = ["_embudo-challenge.beta.example": ["v=spf1 -all", wantedValue], "_embudo-challenge.acme.example": [heldValue]]
        let results = try admin.verifyAliasDomains { name in published[name] ?? [] }
        #expect(results.count == 2)
        #expect(results.first { $0.0.domain == "beta.example" }?.1 == .assigned)
        #expect(results.first { $0.0.domain == "acme.example" }?.1 == .heldByAnotherCompany("Acme"))
        #expect(try admin.aliasDomain(company: f.beta) == "beta.example")
        #expect(try admin.aliasDomain(company: f.acme) == "acme.example")
        // Assigned requests are done; the other waits (Acme may release the domain).
        #expect(try admin.aliasDomainRequests().map(\.domain) == ["acme.example"])
        // A wrong value, no record, or a failed lookup assign nothing.
        _ = try await f.ok("bea", "res.company", "action_request_alias_domain", [[.int(f.beta)], "other.example"])
        struct Down: Error {}
        let misses = try admin.verifyAliasDomains { name in
            if name.hasSuffix("acme.example") { throw Down() }
            return ["embudo-domain-verification=0000"]
        }
        #expect(misses.first { $0.0.domain == "other.example" }?.1 == .recordMissing)
        #expect(misses.first { $0.0.domain == "acme.example" }.map { if case .lookupFailed = $0.1 { true } else { false } } == true)
        #expect(try admin.aliasDomain(company: f.beta) == "beta.example")

        // Mail to the assigned domain reaches Beta.
        let route = try f.database.adminConnection().query("SELECT company_id FROM embudo.mail_resolve(ARRAY['anyone@beta.example'])")
        #expect(try route[0].decode(Int.self, at: 0) == f.beta)

        // The operator's own path: typed errors, and clearing.
        #expect(throws: AliasDomainError.heldByAnotherCompany(domain: "acme.example", company: "Acme")) {
            try admin.setAliasDomain(company: f.beta, domain: "Acme.Example")
        }
        #expect(throws: AliasDomainError.invalid("bad domain")) { try admin.setAliasDomain(company: f.beta, domain: "bad domain") }
        #expect(throws: AliasDomainError.unknownCompany(999_999)) { try admin.setAliasDomain(company: 999_999, domain: "new.example") }
        try admin.setAliasDomain(company: f.beta, domain: nil)
        #expect(try admin.aliasDomain(company: f.beta) == nil)
        #expect(try f.database.adminConnection().query("SELECT 1 FROM embudo.mail_resolve(ARRAY['anyone@beta.example'])").count == 0)
    }

    // MARK: item 6, threading on guessable ids

    @Test func answersThreadOnlyOnRecordedRandomMessageIDs() async throws {
        let (f, admin) = try await Self.withDomains()
        defer { f.db.shutdown() }
        let gateway = try admin.ensureUser(login: "gateway", password: CRMFixture.password).id
        try admin.grant(user: gateway, company: f.acme, access: .all)
        let teams = try await f.ok("boss", "crm.team", "search", [[]])
        _ = try await f.ok("boss", "crm.team", "write", [teams, ["alias_name": "sales"]])
        func process(_ message: JSONValue) async throws -> Int? {
            try await call(f.dispatcher, [
                "service": "object", "method": "execute_kw",
                "args": [.string(f.database.name), .int(gateway), .string(CRMFixture.password), "mail.thread", "message_process", [false, message]],
            ])["result"]?.intValue
        }
        let lead = try #require(try await f.ok("alex", "crm.lead", "create", [["name": "Offer", "email_from": "customer@client.example"]]).intValue)
        _ = try await f.ok("alex", "crm.lead", "message_post", [[.int(lead)]], ["body": "<p>Offer</p>", "subtype_xmlid": "mail.mt_comment"])
        let mail = try #require(try await f.ok("alex", "mail.mail", "search_read", [[["model", "=", "crm.lead"], ["res_id", "=", .int(lead)]]],
                                               ["fields": ["message_id", "state"]]).arrayValue?.first)
        let mailID = try #require(mail["id"]?.intValue)
        let messageID = try #require(mail["message_id"]?.stringValue)
        // Recorded when queued: random, at the company's domain, before any delivery.
        #expect(mail["state"] == "outgoing")
        #expect(messageID.wholeMatch(of: /[0-9a-f]{32}@acme\.example/) != nil)

        // An outsider quoting the mail's number (the old worker's ".<id>@domain"): not threaded into the
        // lead any more (before, it was posted on it while the mail was unsent or failed).
        let guessed = try #require(try await process(Self.incoming(to: "sales@acme.example", id: "guess-1@attacker.example",
                                                                    references: "<1764230400.\(mailID)@acme.example>")))
        #expect(guessed != lead)
        #expect(try await f.ok("alex", "mail.message", "search_count", [[["model", "=", "crm.lead"], ["res_id", "=", .int(lead)], ["message_type", "=", "email"]]]) == 0)
        // The customer's answer quotes the recorded Message-ID: posted on the lead, whatever the mail's state.
        #expect(try await process(Self.incoming(to: "sales@acme.example", id: "answer-1@client.example", references: "<\(messageID)>")) == lead)
        #expect(try await f.ok("alex", "mail.message", "search_count", [[["model", "=", "crm.lead"], ["res_id", "=", .int(lead)], ["message_type", "=", "email"]]]) == 1)
    }

    // MARK: item 11, what refusals tell, and activity assignees

    @Test func refusalsDoNotRevealAnotherCompanysMail() async throws {
        let (f, _) = try await Self.withDomains()
        defer { f.db.shutdown() }
        let betaMail = try #require(try await f.ok("bea", "mail.mail", "create", [["email_from": "bea@beta.example", "email_to": "x@client.example", "subject": "Beta"]]).intValue)
        let acmeMail = try #require(try await f.ok("alex", "mail.mail", "create", [["email_from": "sales@acme.example", "email_to": "x@client.example", "subject": "Acme"]]).intValue)
        // Before: AccessError for Beta's id (it exists), MissingError for an id that does not.
        #expect(try await f.error("alex", "mail.mail", "write", [[.int(betaMail)], ["subject": "Mine now"]]) == "odoo.exceptions.MissingError")
        #expect(try await f.error("alex", "mail.mail", "write", [[.int(betaMail + 1000)], ["subject": "Mine now"]]) == "odoo.exceptions.MissingError")
        #expect(try await f.ok("alex", "mail.mail", "write", [[.int(acmeMail)], ["subject": "Acme, corrected"]]) == true)
        // A record of the request's company that the user's level hides is still an AccessError.
        let alexLead = try #require(try await f.ok("alex", "crm.lead", "create", [["name": "Alex's", "user_id": .int(f.users["alex"]!)]]).intValue)
        #expect(try await f.error("olga", "crm.lead", "write", [[.int(alexLead)], ["name": "Olga's"]]) == "odoo.exceptions.AccessError")
    }

    @Test func activityScheduleAssignsOnlyWhoCanReadTheDocument() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let admin = Administration(connection: try f.database.adminConnection())
        let omar = try admin.ensureUser(login: "omar", password: CRMFixture.password, name: "Omar").id
        try admin.grant(user: omar, company: f.acme, access: .own)
        let lead = try #require(try await f.ok("alex", "crm.lead", "create", [["name": "Alex's", "user_id": .int(f.users["alex"]!)]]).intValue)
        // mail.activity.create refuses an assignee who cannot read the lead...
        #expect(try await f.error("alex", "mail.activity", "create", [["res_model": "crm.lead", "res_id": .int(lead), "user_id": .int(omar)]])
                == "odoo.exceptions.AccessError")
        // ...and so does activity_schedule now (before, it assigned omar and nadia, of another company).
        for assignee in [omar, f.users["nadia"]!] {
            #expect(try await f.error("alex", "crm.lead", "activity_schedule", [[.int(lead)], "mail.mail_activity_data_call"], ["user_id": .int(assignee)])
                    == "odoo.exceptions.AccessError")
        }
        // The type's default assignee is checked the same way.
        let call = try #require(try await f.ok("boss", "ir.model.data", "check_object_reference", ["mail", "mail_activity_data_call"]).arrayValue?[1].intValue)
        _ = try await f.ok("boss", "mail.activity.type", "write", [[.int(call)], ["default_user_id": .int(omar)]])
        #expect(try await f.error("alex", "crm.lead", "activity_schedule", [[.int(lead)], "mail.mail_activity_data_call"]) == "odoo.exceptions.AccessError")
        #expect(try await f.ok("alex", "mail.activity", "search_count", [[["res_id", "=", .int(lead)]]]) == 0)
        // Someone who can read it: scheduled. A user_id that is not an id: a clear error, not ignored.
        let scheduled = try await f.ok("alex", "crm.lead", "activity_schedule", [[.int(lead)], "mail.mail_activity_data_call"], ["user_id": .int(f.users["boss"]!)])
        #expect(try await f.field("alex", "mail.activity", try #require(scheduled.intValue), "user_id").arrayValue?.first?.intValue == f.users["boss"])
        #expect(try await f.error("alex", "crm.lead", "activity_schedule", [[.int(lead)]], ["user_id": "boss"]) == "odoo.exceptions.ValidationError")
    }
}
