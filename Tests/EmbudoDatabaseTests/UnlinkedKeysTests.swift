import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import PGClient
import Testing

/// Keys that become NULL when the row they name is deleted (a lead's team, a meeting's opportunity):
/// Citus refuses ON DELETE SET NULL on a key that holds the distribution column, so such a key takes no
/// action, is checked at commit, and a trigger on the named table clears the column as the owner
/// (migration 0032; sql/modules/base/policies.sql, embudo.enable_unlink).
@Suite("Keys that let go of a deleted row")
struct UnlinkedKeysTests {
    /// No key of a tenant table sets a column to NULL or to its default, or acts on update; every key
    /// that takes no action and is checked at commit has the trigger that clears it on the table it names
    /// (a membership's: embudo.set_access_level), and its table the owner's policy for doing so.
    @Test func everyKeyThatLetsGoHasItsTrigger() async throws {
        let database = try await TestDatabase.make()
        defer { database.drop() }
        let connection = try database.adminConnection()
        let actions = try connection.query("""
            SELECT f.conrelid::regclass::text || '.' || f.conname::text FROM pg_constraint f
            JOIN embudo.tenant_table t ON t.name = 'public.' || f.conrelid::regclass::text
            WHERE f.contype = 'f' AND (f.confdeltype IN ('n', 'd') OR f.confupdtype NOT IN ('a', 'r'))
            ORDER BY 1
            """).map { try $0.decode(String.self, at: 0) }
        #expect(actions == [])
        func keys() throws -> [(String, String, Bool, Bool, Bool)] {
            try connection.query("""
                SELECT c.relname::text || '.' || a.attname::text, f.confrelid::regclass::text,
                       EXISTS (SELECT FROM pg_trigger g
                               WHERE g.tgrelid = f.confrelid AND g.tgname = 'unlink_' || c.relname || '_' || a.attname
                                 AND g.tgfoid = 'embudo.unlink_deleted'::regproc AND g.tgtype = 9 -- AFTER DELETE, for each row
                                 AND encode(g.tgargs, 'escape') = 'public.' || c.relname || '\\000' || a.attname || '\\000'),
                       EXISTS (SELECT FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'owner_writes'),
                       a.attnotnull
                FROM pg_constraint f JOIN pg_class c ON c.oid = f.conrelid
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (f.conkey) AND a.attname <> 'company_id'
                WHERE f.contype = 'f' AND f.confdeltype = 'a' AND f.condeferred AND cardinality(f.conkey) = 2
                ORDER BY 1
                """).map { try $0.decode((String, String, Bool, Bool, Bool).self) }
        }
        let found = try keys()
        #expect(found.count == 31, "\(found.map(\.0))")
        for key in found {
            #expect(key.2 || key.1 == "res_company_member", "\(key)")
            #expect(key.3 && !key.4, "\(key)")
        }
        // The check sees a key without its trigger (dropped from the catalog alone on Citus, which the check reads).
        try TestCluster.catalogOnly(connection)
        try connection.execute("DROP TRIGGER unlink_crm_lead_team_id ON crm_team")
        #expect(try keys().filter { !$0.2 && $0.1 != "res_company_member" }.map(\.0) == ["crm_lead.team_id"])
    }

    /// An administrator deleting a lead, and a team, lets go of every row that named it: a colleague's
    /// private meeting (which the administrator cannot see) and quotation keep going, without it; the
    /// team's leads and stages stay, without the team. The lead's history records the change.
    @Test func deletingARecordLetsGoOfRowsTheDeleterCannotSee() async throws {
        let fixture = try await TenancyFixture()
        let db = fixture.service()
        defer { db.shutdown() }
        let acme = fixture.acme.id
        let alice = TenantContext(userID: fixture.alice, companyIDs: [acme])
        let adam = TenantContext(userID: fixture.adam, companyIDs: [acme])
        let (team, stage, lead, order) = try await db.transaction(as: adam) { connection in
            let team = try connection.query("INSERT INTO crm_team (company_id, name) VALUES (\(acme), 'North') RETURNING id")[0].decode(Int.self, at: 0)
            let stage = try connection.query("""
                INSERT INTO crm_stage (company_id, name, team_id, sequence) VALUES (\(acme), 'North only', \(team), 50) RETURNING id
                """)[0].decode(Int.self, at: 0)
            let lead = try connection.query("""
                INSERT INTO crm_lead (company_id, name, type, user_id, team_id) VALUES (\(acme), 'Hers', 'opportunity', \(fixture.alice), \(team)) RETURNING id
                """)[0].decode(Int.self, at: 0)
            let order = try connection.query("""
                INSERT INTO sale_order (company_id, partner_id, user_id, opportunity_id, team_id)
                VALUES (\(acme), \(fixture.acmePartner), \(fixture.alice), \(lead), \(team)) RETURNING id
                """)[0].decode(Int.self, at: 0)
            return (team, stage, lead, order)
        }
        let (meeting, other) = try await db.transaction(as: alice) { connection in
            let meeting = try connection.query("""
                INSERT INTO calendar_event (company_id, name, start, stop, privacy, opportunity_id)
                VALUES (\(acme), 'Private lunch', now(), now() + interval '1 hour', 'private', \(lead)) RETURNING id
                """)[0].decode(Int.self, at: 0)
            let other = try connection.query("""
                INSERT INTO crm_lead (company_id, name, type, team_id) VALUES (\(acme), 'Also North', 'lead', \(team)) RETURNING id
                """)[0].decode(Int.self, at: 0)
            return (meeting, other)
        }
        #expect(try await db.transaction(as: adam) {
            try $0.query("SELECT count(*)::int FROM calendar_event WHERE company_id = \(acme) AND id = \(meeting)")[0].decode(Int.self, at: 0)
        } == 0)

        // Without delete rights, nothing goes.
        #expect(try await db.transaction(as: alice) {
            try $0.query("DELETE FROM crm_team WHERE company_id = \(acme) AND id = \(team) RETURNING id").count
        } == 0)

        let deleted = try await db.transaction(as: adam) { connection in
            try connection.query("DELETE FROM crm_lead WHERE company_id = \(acme) AND id = \(lead) RETURNING id").count
                + connection.query("DELETE FROM crm_team WHERE company_id = \(acme) AND id = \(team) RETURNING id").count
        }
        #expect(deleted == 2)
        let admin = try fixture.database.adminConnection()
        func value(_ sql: String) throws -> String {
            try admin.execute("SELECT coalesce((" + sql + ")::text, 'NULL')")[0].decode(String.self, at: 0)
        }
        #expect(try value("SELECT opportunity_id FROM calendar_event WHERE id = \(meeting)") == "NULL")
        #expect(try value("SELECT res_model FROM calendar_event WHERE id = \(meeting)") == "NULL")
        #expect(try value("SELECT opportunity_id FROM sale_order WHERE id = \(order)") == "NULL")
        #expect(try value("SELECT team_id FROM sale_order WHERE id = \(order)") == "NULL")
        #expect(try value("SELECT team_id FROM crm_stage WHERE id = \(stage)") == "NULL")
        #expect(try value("SELECT team_id FROM crm_lead WHERE id = \(other)") == "NULL")
        // The lead's history has the change of team, written by the owner for the administrator.
        #expect(try value("""
            SELECT count(*) FROM mail_tracking_value t JOIN mail_message m ON m.company_id = t.company_id AND m.id = t.mail_message_id
            WHERE m.model = 'crm.lead' AND m.res_id = \(other) AND t.field = 'team_id'
            """) == "1")
    }
}
