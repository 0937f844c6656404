import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import PGClient
import Testing

/// Rows that follow a lead or an order (tags, lines, options, a line's taxes, portal links; activities
/// and history by kind of document) carry the document's `salesperson_key` (migrations 0024, 0026,
/// 0029) and their policy reads it instead of the document
/// (sql/modules/base/policies.sql, embudo.enable_follower_policy). The copy must follow every change of
/// salesperson, refuse to differ from the document's, and decide visibility as the document does.
@Suite("Rows that follow a document")
struct FollowerRowsTests {
    @Test func aLeadsTagsFollowItsSalesperson() async throws {
        let fixture = try await TenancyFixture()
        let db = fixture.service()
        defer { db.shutdown() }
        let acme = fixture.acme.id
        let alice = TenantContext(userID: fixture.alice, companyIDs: [acme])
        let carol = TenantContext(userID: fixture.carol, companyIDs: [acme])
        let adam = TenantContext(userID: fixture.adam, companyIDs: [acme])

        // The administrator makes a lead of alice's with a tag.
        let (lead, tag) = try await db.transaction(as: adam) { connection in
            let tag = try connection.query("INSERT INTO crm_tag (company_id, name) VALUES (\(acme), 'VIP') RETURNING id")[0].decode(Int.self, at: 0)
            let lead = try connection.query("""
                INSERT INTO crm_lead (company_id, name, type, user_id) VALUES (\(acme), 'Big deal', 'opportunity', \(fixture.alice)) RETURNING id
                """)[0].decode(Int.self, at: 0)
            _ = try connection.query("INSERT INTO crm_tag_rel (company_id, lead_id, tag_id) VALUES (\(acme), \(lead), \(tag))")
            return (lead, tag)
        }
        func tagLinks(_ context: TenantContext) async throws -> [Int] {
            try await db.transaction(as: context) {
                try $0.query("SELECT salesperson_key FROM crm_tag_rel WHERE company_id = \(acme) AND lead_id = \(lead)").map { try $0.decode(Int.self, at: 0) }
            }
        }
        #expect(try await tagLinks(adam) == [fixture.alice])
        #expect(try await tagLinks(alice) == [fixture.alice])
        #expect(try await tagLinks(carol) == [])

        // Handed over to carol: the copy follows (the lead's salesperson_key_follows trigger), and so does who sees the tag.
        try await db.transaction(as: adam) { _ = try $0.query("UPDATE crm_lead SET user_id = \(fixture.carol) WHERE id = \(lead)") }
        #expect(try await tagLinks(carol) == [fixture.carol])
        #expect(try await tagLinks(alice) == [])
        // Nobody's: 0, and every member sees it, as the lead.
        try await db.transaction(as: adam) { _ = try $0.query("UPDATE crm_lead SET user_id = NULL WHERE id = \(lead)") }
        #expect(try await tagLinks(alice) == [0])
        #expect(try await tagLinks(carol) == [0])

        // The copy is not the caller's to set: an INSERT's value is overwritten, an UPDATE's refused.
        try await db.transaction(as: adam) { _ = try $0.query("UPDATE crm_lead SET user_id = \(fixture.carol) WHERE id = \(lead)") }
        try await db.transaction(as: carol) { connection in
            _ = try connection.query("DELETE FROM crm_tag_rel WHERE company_id = \(acme) AND lead_id = \(lead)")
            _ = try connection.query("""
                INSERT INTO crm_tag_rel (company_id, lead_id, tag_id, salesperson_key) VALUES (\(acme), \(lead), \(tag), \(fixture.alice))
                """)
        }
        #expect(try await tagLinks(carol) == [fixture.carol])
        let forged = await #expect(throws: PGError.self) {
            try await db.transaction(as: adam) { _ = try $0.query("UPDATE crm_tag_rel SET salesperson_key = 0 WHERE lead_id = \(lead)") }
        }
        #expect(forged?.code == .foreignKeyViolation)
        // Someone else's lead takes no tag from a salesperson with "own documents".
        let refused = await #expect(throws: PGError.self) {
            try await db.transaction(as: alice) {
                _ = try $0.query("INSERT INTO crm_tag_rel (company_id, lead_id, tag_id) VALUES (\(acme), \(lead), \(tag))")
            }
        }
        #expect(refused?.code == .insufficientPrivilege)
        #expect(try await tagLinks(carol) == [fixture.carol])
    }

    /// An activity carries its document's salesperson too (lead_salesperson_key or
    /// order_salesperson_key, migration 0026): who reads it follows the lead's salesperson.
    @Test func anActivityFollowsItsLeadsSalesperson() async throws {
        let fixture = try await TenancyFixture()
        let db = fixture.service()
        defer { db.shutdown() }
        let acme = fixture.acme.id
        let alice = TenantContext(userID: fixture.alice, companyIDs: [acme])
        let carol = TenantContext(userID: fixture.carol, companyIDs: [acme])
        let adam = TenantContext(userID: fixture.adam, companyIDs: [acme])
        let (lead, activity) = try await db.transaction(as: adam) { connection in
            let lead = try connection.query("""
                INSERT INTO crm_lead (company_id, name, type, user_id) VALUES (\(acme), 'Call me', 'opportunity', \(fixture.alice)) RETURNING id
                """)[0].decode(Int.self, at: 0)
            let activity = try connection.query("""
                INSERT INTO mail_activity (company_id, res_model, res_id, activity_type_id, user_id, lead_salesperson_key, order_salesperson_key)
                SELECT \(acme), 'crm.lead', \(lead), t.id, \(fixture.alice), 0, 0 FROM mail_activity_type t WHERE t.company_id = \(acme)
                ORDER BY t.id LIMIT 1 RETURNING id
                """)[0].decode(Int.self, at: 0)
            return (lead, activity)
        }
        func seen(_ context: TenantContext) async throws -> [[Int?]] {
            try await db.transaction(as: context) {
                try $0.query("SELECT lead_salesperson_key, order_salesperson_key FROM mail_activity WHERE id = \(activity)")
                    .map { [try $0.decode(Int?.self, at: 0), try $0.decode(Int?.self, at: 1)] }
            }
        }
        // The trigger's copy, whatever the INSERT said.
        #expect(try await seen(alice) == [[fixture.alice, nil]])
        #expect(try await seen(carol) == [])
        try await db.transaction(as: adam) { _ = try $0.query("UPDATE crm_lead SET user_id = \(fixture.carol) WHERE id = \(lead)") }
        #expect(try await seen(carol) == [[fixture.carol, nil]])
        #expect(try await seen(alice) == [])
        // Neither copy can be dropped or forged.
        for (change, code) in [("lead_salesperson_key = NULL", PGError.Code.checkViolation), ("order_salesperson_key = 0", .checkViolation),
                               ("lead_salesperson_key = 0", .foreignKeyViolation)] {
            let sql: String = "UPDATE mail_activity SET " + change + " WHERE id = " + String(activity)
            let refused = await #expect(throws: PGError.self, "\(change)") {
                try await db.transaction(as: adam) { _ = try $0.execute(sql) }
            }
            #expect(refused?.code == code, "\(change)")
        }
    }

    /// A lead's history (messages, their tracking values, followers) carries the lead's salesperson
    /// too (migration 0029): who reads it follows the lead, through a hand-over, and history written
    /// by someone who cannot see the lead takes the right copy all the same.
    @Test func aLeadsHistoryFollowsItsSalesperson() async throws {
        let fixture = try await TenancyFixture()
        let db = fixture.service()
        defer { db.shutdown() }
        let acme = fixture.acme.id
        let alice = TenantContext(userID: fixture.alice, companyIDs: [acme])
        let carol = TenantContext(userID: fixture.carol, companyIDs: [acme])
        let adam = TenantContext(userID: fixture.adam, companyIDs: [acme])
        // Created by the administrator for alice: the creation message, and adam and alice following.
        let lead = try await db.transaction(as: adam) {
            try $0.query("""
                INSERT INTO crm_lead (company_id, name, type, user_id) VALUES (\(acme), 'History', 'opportunity', \(fixture.alice)) RETURNING id
                """)[0].decode(Int.self, at: 0)
        }
        /// (messages, tracking values, followers) the context reads of the lead, each as its copies.
        func history(_ context: TenantContext) async throws -> [String] {
            try await db.transaction(as: context) { connection in
                let messages = try connection.query("""
                    SELECT lead_salesperson_key, order_salesperson_key, salesperson_key FROM mail_message
                    WHERE company_id = \(acme) AND model = 'crm.lead' AND res_id = \(lead) ORDER BY id
                    """).map { "m\(try $0.decode(Int?.self, at: 0) ?? -1)/\(try $0.decode(Int?.self, at: 1) ?? -1)/\(try $0.decode(Int.self, at: 2))" }
                let tracking = try connection.query("""
                    SELECT t.salesperson_key FROM mail_tracking_value t WHERE t.company_id = \(acme)
                    AND t.mail_message_id IN (SELECT m.id FROM mail_message m WHERE m.company_id = \(acme) AND m.res_id = \(lead)) ORDER BY t.id
                    """).map { "t\(try $0.decode(Int.self, at: 0))" }
                let followers = try connection.query("""
                    SELECT lead_salesperson_key FROM mail_followers WHERE company_id = \(acme) AND res_model = 'crm.lead' AND res_id = \(lead) ORDER BY id
                    """).map { "f\(try $0.decode(Int.self, at: 0))" }
                return messages + tracking + followers
            }
        }
        let a = fixture.alice, c = fixture.carol
        #expect(try await history(alice) == ["m\(a)/-1/\(a)", "f\(a)", "f\(a)"])
        #expect(try await history(carol) == [])

        // Handed over to carol: a tracking message with its value, carol following; every copy follows.
        try await db.transaction(as: adam) { _ = try $0.query("UPDATE crm_lead SET user_id = \(fixture.carol) WHERE id = \(lead)") }
        #expect(try await history(carol) == ["m\(c)/-1/\(c)", "m\(c)/-1/\(c)", "t\(c)", "f\(c)", "f\(c)", "f\(c)"])
        #expect(try await history(alice) == [])

        // alice writes on carol's lead (the service posts history on documents its user cannot see, as
        // the customer's page does): the copy is carol's, read as the owner, and alice cannot read it back.
        try await db.transaction(as: alice) {
            _ = try $0.query("""
                INSERT INTO mail_message (company_id, model, res_id, body, message_type, lead_salesperson_key) VALUES (\(acme), 'crm.lead', \(lead), 'Hi', 'comment', 0)
                """)
        }
        #expect(try await history(carol).filter { $0.hasPrefix("m") }.count == 3)
        #expect(try await history(alice) == [])
        // The owner's lookup answers only the copies' triggers, never a direct call.
        let asked = try await db.transaction(as: alice) {
            try $0.query("SELECT embudo.document_salesperson_key_as_owner('crm.lead', \(acme), \(lead))")[0].decode(Int?.self, at: 0)
        }
        #expect(asked == nil)
        // A document that does not exist in the request's companies takes no history.
        let missing = await #expect(throws: PGError.self) {
            try await db.transaction(as: alice) {
                _ = try $0.query("INSERT INTO mail_message (company_id, model, res_id, body, message_type) VALUES (\(acme), 'crm.lead', \(lead + 1000), 'Hi', 'comment')")
            }
        }
        #expect(missing?.code == .foreignKeyViolation)

        // An attachment of a message belongs to the message's document.
        let (other, message) = try await db.transaction(as: adam) { connection in
            let other = try connection.query("""
                INSERT INTO crm_lead (company_id, name, type) VALUES (\(acme), 'Other', 'opportunity') RETURNING id
                """)[0].decode(Int.self, at: 0)
            let message = try connection.query("SELECT min(id) FROM mail_message WHERE company_id = \(acme) AND res_id = \(lead)")[0].decode(Int.self, at: 0)
            return (other, message)
        }
        let misfiled = await #expect(throws: PGError.self) {
            try await db.transaction(as: adam) {
                _ = try $0.query("""
                    INSERT INTO ir_attachment (company_id, name, res_model, res_id, mail_message_id, datas) VALUES (\(acme), 'a.txt', 'crm.lead', \(other), \(message), '\\x00')
                    """)
            }
        }
        #expect(misfiled?.sqlState == "EMA01")
        let attachment = try await db.transaction(as: adam) {
            try $0.query("""
                INSERT INTO ir_attachment (company_id, name, res_model, res_id, mail_message_id, datas) VALUES (\(acme), 'a.txt', 'crm.lead', \(lead), \(message), '\\x00')
                RETURNING lead_salesperson_key
                """)[0].decode(Int.self, at: 0)
        }
        #expect(attachment == c)
    }

    /// Whoever changes a lead's salesperson, the copies follow: a salesperson with "own documents" taking
    /// an unassigned lead writes them with their own rights, and a member leaving the company (the
    /// foreign key unassigns their leads, as the owner) has them written all the same.
    @Test func aChangeOfHandsReachesEveryCopyWhoeverMakesIt() async throws {
        let fixture = try await TenancyFixture()
        let db = fixture.service()
        defer { db.shutdown() }
        let acme = fixture.acme.id
        let alice = TenantContext(userID: fixture.alice, companyIDs: [acme])
        let adam = TenantContext(userID: fixture.adam, companyIDs: [acme])
        let lead = try await db.transaction(as: adam) { connection in
            let tag = try connection.query("INSERT INTO crm_tag (company_id, name) VALUES (\(acme), 'Hot') RETURNING id")[0].decode(Int.self, at: 0)
            let lead = try connection.query("""
                INSERT INTO crm_lead (company_id, name, type, user_id) VALUES (\(acme), 'Free', 'opportunity', NULL) RETURNING id
                """)[0].decode(Int.self, at: 0)
            _ = try connection.query("INSERT INTO crm_tag_rel (company_id, lead_id, tag_id) VALUES (\(acme), \(lead), \(tag))")
            return lead
        }
        /// Every copy of the lead's salesperson, whatever the table, read without row-level security.
        func copies() throws -> [Int] {
            try fixture.database.adminConnection().query("""
                SELECT salesperson_key FROM crm_tag_rel WHERE company_id = \(acme) AND lead_id = \(lead)
                UNION ALL SELECT lead_salesperson_key FROM mail_message WHERE company_id = \(acme) AND model = 'crm.lead' AND res_id = \(lead)
                UNION ALL SELECT lead_salesperson_key FROM mail_followers WHERE company_id = \(acme) AND res_model = 'crm.lead' AND res_id = \(lead)
                UNION ALL SELECT t.salesperson_key FROM mail_tracking_value t JOIN mail_message m ON m.company_id = t.company_id AND m.id = t.mail_message_id
                          WHERE m.company_id = \(acme) AND m.res_id = \(lead)
                """).map { try $0.decode(Int.self, at: 0) }
        }
        #expect(Set(try copies()) == [0])
        try await db.transaction(as: alice) { _ = try $0.query("UPDATE crm_lead SET user_id = \(fixture.alice) WHERE id = \(lead)") }
        let taken = try copies()
        #expect(Set(taken) == [fixture.alice] && taken.count >= 5, "\(taken)")
        // alice leaves Acme: her leads are nobody's again, and so are their copies.
        try Administration(connection: try fixture.database.adminConnection()).revoke(user: fixture.alice, company: acme)
        let left = try copies()
        #expect(Set(left) == [0] && left.count >= 4, "\(left)")
    }

    /// An administrator removes a salesperson who has a lead and an order with history
    /// (`embudo.set_access_level`, run as the owner): their documents become nobody's, with their
    /// history and every copy.
    @Test func aMemberWithDocumentsCanBeRemoved() async throws {
        let fixture = try await TenancyFixture()
        let db = fixture.service()
        defer { db.shutdown() }
        let acme = fixture.acme.id
        let adam = TenantContext(userID: fixture.adam, companyIDs: [acme])
        let (lead, order) = try await db.transaction(as: adam) { connection in
            let tag = try connection.query("INSERT INTO crm_tag (company_id, name) VALUES (\(acme), 'Hot') RETURNING id")[0].decode(Int.self, at: 0)
            let lead = try connection.query("""
                INSERT INTO crm_lead (company_id, name, type, user_id) VALUES (\(acme), 'Hers', 'opportunity', \(fixture.alice)) RETURNING id
                """)[0].decode(Int.self, at: 0)
            _ = try connection.query("INSERT INTO crm_tag_rel (company_id, lead_id, tag_id) VALUES (\(acme), \(lead), \(tag))")
            let order = try connection.query("""
                INSERT INTO sale_order (company_id, partner_id, user_id) VALUES (\(acme), \(fixture.acmePartner), \(fixture.alice)) RETURNING id
                """)[0].decode(Int.self, at: 0)
            _ = try connection.query("INSERT INTO mail_message (company_id, model, res_id, body, message_type) VALUES (\(acme), 'sale.order', \(order), 'Hi', 'comment')")
            return (lead, order)
        }
        try await db.transaction(as: adam) { _ = try $0.query("SELECT embudo.set_access_level(\(acme), \(fixture.alice), NULL)") }
        let admin = try fixture.database.adminConnection()
        #expect(try admin.query("SELECT count(*)::int FROM res_company_member WHERE company_id = \(acme) AND user_id = \(fixture.alice)")[0]
            .decode(Int.self, at: 0) == 0)
        let keys = try admin.query("""
            SELECT salesperson_key FROM crm_lead WHERE id = \(lead) UNION ALL SELECT salesperson_key FROM sale_order WHERE id = \(order)
            UNION ALL SELECT salesperson_key FROM crm_tag_rel WHERE lead_id = \(lead)
            UNION ALL SELECT coalesce(lead_salesperson_key, order_salesperson_key) FROM mail_message WHERE res_id IN (\(lead), \(order))
            UNION ALL SELECT t.salesperson_key FROM mail_tracking_value t JOIN mail_message m ON m.company_id = t.company_id AND m.id = t.mail_message_id
                      WHERE m.res_id IN (\(lead), \(order))
            """).map { try $0.decode(Int.self, at: 0) }
        #expect(Set(keys) == [0] && keys.count >= 6, "\(keys)")
        // The change of salesperson is in the lead's history.
        #expect(try admin.query("""
            SELECT count(*)::int FROM mail_tracking_value t JOIN mail_message m ON m.company_id = t.company_id AND m.id = t.mail_message_id
            WHERE m.model = 'crm.lead' AND m.res_id = \(lead) AND t.field = 'user_id'
            """)[0].decode(Int.self, at: 0) == 1)
    }

    /// Merging leads keeps the mail of the merged ones, sent or not: it moves to the surviving lead with
    /// their messages (deleting a lead deletes its mail).
    @Test func aMergeKeepsTheMergedLeadsMail() async throws {
        let fixture = try await TenancyFixture()
        let db = fixture.service()
        defer { db.shutdown() }
        let acme = fixture.acme.id
        let adam = TenantContext(userID: fixture.adam, companyIDs: [acme])
        let alice = TenantContext(userID: fixture.alice, companyIDs: [acme])
        let (first, second) = try await db.transaction(as: adam) { connection in
            (try connection.query("INSERT INTO crm_lead (company_id, name, type, user_id) VALUES (\(acme), 'A', 'opportunity', \(fixture.alice)) RETURNING id")[0]
                .decode(Int.self, at: 0),
             try connection.query("INSERT INTO crm_lead (company_id, name, type, user_id) VALUES (\(acme), 'B', 'lead', \(fixture.alice)) RETURNING id")[0]
                .decode(Int.self, at: 0))
        }
        let admin = try fixture.database.adminConnection()
        _ = try admin.query("""
            INSERT INTO mail_mail (company_id, email_from, email_to, subject, body_html, model, res_id, state)
            VALUES (\(acme), 'ana@example.com', 'buyer@example.com', 'Offer', 'Hello', 'crm.lead', \(second), 'sent')
            """)
        let head = try await db.transaction(as: alice) {
            try $0.query("SELECT embudo.crm_merge(ARRAY[\(first), \(second)]::int[], NULL::int, NULL::int, false)")[0].decode(Int.self, at: 0)
        }
        let mail = try admin.query("SELECT res_id, lead_salesperson_key, state FROM mail_mail WHERE company_id = \(acme) AND subject = 'Offer'")
            .map { try $0.decode((Int, Int, String).self) }
        #expect(mail.count == 1 && mail[0].0 == head && mail[0].1 == fixture.alice && mail[0].2 == "sent", "\(mail)")
    }

    /// Every table with a copy of a document's salesperson has the trigger that fills it, and a foreign
    /// key to the document's key, checked at commit and cascading on delete only (Citus refuses ON
    /// UPDATE CASCADE on a key with the distribution column), whose document's `salesperson_key_follows`
    /// trigger writes new copies into it; and no policy of theirs looks another table up.
    @Test func everyCopyHasItsTriggerAndDeferredKey() async throws {
        let fixture = try await TenancyFixture()
        let connection = try fixture.database.adminConnection()
        let copies = try connection.query("""
            SELECT c.relname::text || '.' || a.attname::text,
                   EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname IN ('salesperson_key', 'defaults')),
                   (SELECT string_agg(f.confrelid::regclass::text || ':' || f.confupdtype::text || f.confdeltype::text
                                      || CASE WHEN f.condeferred THEN ':deferred' ELSE '' END
                                      || CASE WHEN EXISTS (SELECT FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                                                           WHERE t.tgrelid = f.confrelid AND t.tgname = 'salesperson_key_follows'
                                                             AND strpos(p.prosrc, format('UPDATE public.%s SET %s = ', c.relname, a.attname)) > 0)
                                              THEN ':follows' ELSE '' END, ',')
                    FROM pg_constraint f WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.conkey @> ARRAY[a.attnum]),
                   NOT EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid
                               AND coalesce(pg_get_expr(p.polqual, p.polrelid), '') || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') ~ 'FROM public')
            FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname LIKE '%salesperson_key' AND a.attgenerated = '' AND NOT a.attisdropped
            WHERE c.relkind = 'r' ORDER BY 1
            """).map { try $0.decode((String, Bool, String, Bool).self) }
        let parents = [
            "account_tax_sale_order_line_rel.salesperson_key": "sale_order_line",
            "crm_tag_rel.salesperson_key": "crm_lead",
            "ir_attachment.lead_salesperson_key": "crm_lead", "ir_attachment.order_salesperson_key": "sale_order",
            "mail_activity.lead_salesperson_key": "crm_lead", "mail_activity.order_salesperson_key": "sale_order",
            "mail_followers.lead_salesperson_key": "crm_lead", "mail_followers.order_salesperson_key": "sale_order",
            "mail_mail.lead_salesperson_key": "crm_lead", "mail_mail.order_salesperson_key": "sale_order",
            "mail_message.lead_salesperson_key": "crm_lead", "mail_message.order_salesperson_key": "sale_order",
            "mail_tracking_value.salesperson_key": "mail_message",
            "sale_order_line.salesperson_key": "sale_order", "sale_order_option.salesperson_key": "sale_order",
            "sale_order_portal_token.salesperson_key": "sale_order", "sale_order_tag_rel.salesperson_key": "sale_order",
        ]
        #expect(copies.map(\.0) == parents.keys.sorted())
        // 0 is "no salesperson": no user may have that id.
        let zero = #expect(throws: PGError.self) {
            try connection.query("INSERT INTO res_users (id, login, name) OVERRIDING SYSTEM VALUE VALUES (0, 'zero', 'Zero')")
        }
        #expect(zero?.code == .checkViolation)
        for copy in copies {
            #expect(copy.1 && copy.3, "\(copy)")
            #expect(copy.2 == "\(parents[copy.0] ?? "?"):ac:deferred:follows", "\(copy)")
        }
    }
}
