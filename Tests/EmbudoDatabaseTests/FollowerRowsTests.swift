import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import PGClient
import Testing

/// Rows that follow a lead or an order (tags, lines, options, a line's taxes, portal links) carry the
/// document's `salesperson_key` (migration 0024) and their policy reads it instead of the document
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

        // Handed over to carol: the copy follows (ON UPDATE CASCADE), and so does who sees the tag.
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

    /// Every table with a copy has its trigger and its foreign key to the document's key, cascading;
    /// and no policy of theirs looks another table up.
    @Test func everyCopyHasItsTriggerAndCascadingKey() async throws {
        let fixture = try await TenancyFixture()
        let connection = try fixture.database.adminConnection()
        let copies = try connection.query("""
            SELECT c.relname::text,
                   EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'salesperson_key'),
                   (SELECT string_agg(f.confrelid::regclass::text || ':' || f.confupdtype::text, ',') FROM pg_constraint f
                    WHERE f.conrelid = c.oid AND f.contype = 'f'
                      AND f.conkey @> ARRAY[(SELECT a.attnum FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'salesperson_key')]),
                   NOT EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid
                               AND coalesce(pg_get_expr(p.polqual, p.polrelid), '') || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '') ~ 'FROM public')
            FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'salesperson_key' AND a.attgenerated = ''
            WHERE c.relkind = 'r' ORDER BY 1
            """).map { try $0.decode((String, Bool, String, Bool).self) }
        #expect(copies.map(\.0) == ["account_tax_sale_order_line_rel", "crm_tag_rel", "sale_order_line", "sale_order_option",
                                    "sale_order_portal_token", "sale_order_tag_rel"])
        // 0 is "no salesperson": no user may have that id.
        let zero = #expect(throws: PGError.self) {
            try connection.query("INSERT INTO res_users (id, login, name) OVERRIDING SYSTEM VALUE VALUES (0, 'zero', 'Zero')")
        }
        #expect(zero?.code == .checkViolation)
        for copy in copies {
            #expect(copy.1 && copy.3, "\(copy)")
            #expect(copy.2 == (copy.0 == "crm_tag_rel" ? "crm_lead:c" : copy.0 == "account_tax_sale_order_line_rel" ? "sale_order_line:c" : "sale_order:c"),
                    "\(copy)")
        }
    }
}
