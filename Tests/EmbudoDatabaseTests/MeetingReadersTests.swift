import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import PGClient
import Testing

/// A meeting carries who may read it, `readers`, and every row that belongs to it a copy (migration 0035;
/// sql/modules/calendar/events.sql): Citus refuses the policies that looked up the colleagues invited,
/// the opportunity or the meeting. Who sees a meeting must not change.
@Suite("Who reads a meeting")
struct MeetingReadersTests {
    /// Every row that belongs to a meeting (or to an attendance) copies its readers when added, takes the
    /// new ones from the owner's statement when they change, and a foreign key checked at commit compares
    /// the copy with its parent's.
    @Test func everyRowOfAMeetingCopiesItsReaders() async throws {
        let database = try await TestDatabase.make()
        defer { database.drop() }
        let connection = try database.adminConnection()
        let rows = try connection.query("""
            SELECT c.relname::text,
                   EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'readers'
                                                      AND t.tgfoid = 'embudo.calendar_copy_readers'::regproc),
                   (SELECT string_agg(f.confrelid::regclass::text || ':' || f.confdeltype::text || CASE WHEN f.condeferred THEN ':deferred' ELSE '' END, ',')
                    FROM pg_constraint f WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.conkey @> ARRAY[a.attnum]),
                   strpos((SELECT p.prosrc FROM pg_proc p WHERE p.oid = 'embudo.calendar_copy_readers_to'::regproc),
                          format('UPDATE public.%s SET readers = copy', c.relname)) > 0
            FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'readers' AND NOT a.attisdropped
            WHERE c.relkind = 'r' AND c.relname <> 'calendar_event' ORDER BY 1
            """).map { try $0.decode((String, Bool, String, Bool).self) }
        let parents = [
            "calendar_alarm_calendar_event_rel": "calendar_event:c", "calendar_attendee": "calendar_event:c",
            "calendar_attendee_token": "calendar_attendee:c", "calendar_event_res_partner_rel": "calendar_event:c",
            "calendar_event_res_users_rel": "calendar_event:c", "calendar_recurrence": "calendar_event:a",
            "meeting_category_rel": "calendar_event:c",
        ]
        #expect(rows.map(\.0) == parents.keys.sorted())
        for row in rows {
            #expect(row.1 && row.3, "\(row)")
            #expect(row.2 == "\(parents[row.0] ?? "?"):deferred", "\(row)")
        }
    }

    /// The organizer, the colleagues invited, the salesperson of the opportunity (unless the meeting is
    /// private) and members with all documents (unless private) read a meeting and its attendees; a change
    /// of any of them is followed, and a copy cannot be forged.
    @Test func whoReadsAMeetingFollowsItsPeopleAndItsOpportunity() async throws {
        let fixture = try await TenancyFixture()
        let db = fixture.service()
        defer { db.shutdown() }
        let acme = fixture.acme.id
        let alice = TenantContext(userID: fixture.alice, companyIDs: [acme])
        let carol = TenantContext(userID: fixture.carol, companyIDs: [acme])
        let adam = TenantContext(userID: fixture.adam, companyIDs: [acme])
        let (lead, meeting) = try await db.transaction(as: adam) { connection in
            let lead = try connection.query("""
                INSERT INTO crm_lead (company_id, name, type, user_id) VALUES (\(acme), 'Fleet', 'opportunity', \(fixture.alice)) RETURNING id
                """)[0].decode(Int.self, at: 0)
            let meeting = try connection.query("""
                INSERT INTO calendar_event (company_id, name, start, stop, opportunity_id) VALUES (\(acme), 'Demo', now(), now() + interval '1 hour', \(lead))
                RETURNING id
                """)[0].decode(Int.self, at: 0)
            _ = try connection.query("""
                INSERT INTO calendar_attendee (company_id, event_id, partner_id) VALUES (\(acme), \(meeting), \(fixture.acmePartner))
                """)
            return (lead, meeting)
        }
        /// (the meeting, its attendees) the user sees.
        func sees(_ context: TenantContext) async throws -> [Int] {
            try await db.transaction(as: context) { connection in
                [try connection.query("SELECT count(*)::int FROM calendar_event WHERE company_id = \(acme) AND id = \(meeting)")[0].decode(Int.self, at: 0),
                 try connection.query("SELECT count(*)::int FROM calendar_attendee WHERE company_id = \(acme) AND event_id = \(meeting)")[0].decode(Int.self, at: 0)]
            }
        }
        // adam organizes it and attends; alice's opportunity; carol has "own documents".
        #expect(try await sees(adam) == [1, 2])
        #expect(try await sees(alice) == [1, 2])
        #expect(try await sees(carol) == [0, 0])

        // The opportunity changes hands: so does who reads its meeting.
        try await db.transaction(as: adam) { _ = try $0.query("UPDATE crm_lead SET user_id = \(fixture.carol) WHERE id = \(lead)") }
        #expect(try await sees(carol) == [1, 2])
        #expect(try await sees(alice) == [0, 0])

        // Private: the organizer's and the colleagues invited alone.
        try await db.transaction(as: adam) { _ = try $0.query("UPDATE calendar_event SET privacy = 'private' WHERE id = \(meeting)") }
        #expect(try await sees(carol) == [0, 0])
        #expect(try await sees(adam) == [1, 2])
        try await db.transaction(as: adam) { connection in
            _ = try connection.query("""
                INSERT INTO calendar_event_res_users_rel (company_id, calendar_event_id, res_users_id) VALUES (\(acme), \(meeting), \(fixture.alice))
                """)
        }
        // (Inviting a colleague makes their attendance too.)
        #expect(try await sees(alice) == [1, 3])
        #expect(try await sees(carol) == [0, 0])
        try await db.transaction(as: adam) { connection in
            _ = try connection.query("DELETE FROM calendar_event_res_users_rel WHERE company_id = \(acme) AND calendar_event_id = \(meeting) AND res_users_id = \(fixture.alice)")
        }
        #expect(try await sees(alice) == [0, 0])

        // A copy is not the caller's to set, nor the meeting's readers: both are read again.
        try await db.transaction(as: adam) { connection in
            _ = try connection.query("UPDATE calendar_attendee SET readers = '{-1, 0}' WHERE event_id = \(meeting)")
            _ = try connection.query("UPDATE calendar_event SET readers = '{-1, 0}', name = 'Demo 2' WHERE id = \(meeting)")
        }
        #expect(try await sees(carol) == [0, 0])
        let admin = try fixture.database.adminConnection()
        let readers = try admin.query("""
            SELECT DISTINCT readers::text FROM calendar_attendee WHERE event_id = \(meeting)
            UNION SELECT readers::text FROM calendar_event WHERE id = \(meeting)
            """).map { try $0.decode(String.self, at: 0) }
        #expect(readers == ["{\(fixture.adam)}"])
        // A copy made different anyway fails at commit.
        let forged = #expect(throws: PGError.self) {
            try admin.transaction { connection in
                try connection.execute("ALTER TABLE calendar_attendee DISABLE TRIGGER readers")
                _ = try connection.query("UPDATE calendar_attendee SET readers = '{-1, 0}' WHERE event_id = \(meeting)")
            }
        }
        #expect(forged?.code == .foreignKeyViolation)

        // The owner's functions read a private meeting's rows: its reminders go out.
        _ = try admin.query("""
            UPDATE calendar_event SET start = now() + interval '10 minutes', stop = now() + interval '70 minutes' WHERE id = \(meeting)
            """)
        _ = try admin.query("""
            INSERT INTO calendar_alarm_calendar_event_rel (company_id, calendar_event_id, calendar_alarm_id)
            SELECT company_id, \(meeting), id FROM calendar_alarm WHERE company_id = \(acme) AND alarm_type = 'email' AND duration_minutes = 15
            """)
        _ = try admin.query("SELECT embudo.calendar_send_reminders()")
        #expect(try admin.query("SELECT count(*)::int FROM calendar_alarm_sent WHERE event_id = \(meeting)")[0].decode(Int.self, at: 0) == 2)
    }

    /// A meeting about a quotation that is deleted lets go of it, and so do its readers; a series whose
    /// first meeting was deleted keeps the readers it had, whatever is written into them.
    @Test func meetingsLetGoOfWhatIsDeleted() async throws {
        let fixture = try await TenancyFixture()
        let db = fixture.service()
        defer { db.shutdown() }
        let acme = fixture.acme.id
        let adam = TenantContext(userID: fixture.adam, companyIDs: [acme])
        let alice = TenantContext(userID: fixture.alice, companyIDs: [acme])
        let (order, meeting) = try await db.transaction(as: adam) { connection in
            let order = try connection.query("""
                INSERT INTO sale_order (company_id, partner_id, user_id) VALUES (\(acme), \(fixture.acmePartner), NULL) RETURNING id
                """)[0].decode(Int.self, at: 0)
            let meeting = try connection.query("""
                INSERT INTO calendar_event (company_id, name, start, stop, res_model, res_id)
                VALUES (\(acme), 'Review', now(), now() + interval '1 hour', 'sale.order', \(order)) RETURNING id
                """)[0].decode(Int.self, at: 0)
            return (order, meeting)
        }
        func aliceSees() async throws -> Int {
            try await db.transaction(as: alice) {
                try $0.query("SELECT count(*)::int FROM calendar_event WHERE company_id = \(acme) AND id = \(meeting)")[0].decode(Int.self, at: 0)
            }
        }
        // Nobody's quotation: every member reads it, and its meeting.
        #expect(try await aliceSees() == 1)
        try await db.transaction(as: adam) { _ = try $0.query("DELETE FROM sale_order WHERE company_id = \(acme) AND id = \(order)") }
        #expect(try await aliceSees() == 0)
        let admin = try fixture.database.adminConnection()
        #expect(try admin.query("SELECT coalesce(res_model, '-') FROM calendar_event WHERE id = \(meeting)")[0].decode(String.self, at: 0) == "-")

        // A series whose first meeting was deleted keeps that meeting's readers.
        let first = try await db.transaction(as: adam) { connection in
            try connection.query("""
                INSERT INTO calendar_event (company_id, name, start, stop) VALUES (\(acme), 'Weekly', now(), now() + interval '1 hour') RETURNING id
                """)[0].decode(Int.self, at: 0)
        }
        let series = try admin.query("""
            INSERT INTO calendar_recurrence (company_id, dtstart, ical_uid, base_event_id) VALUES (\(acme), now(), 'series@test', \(first))
            RETURNING id
            """)[0].decode(Int.self, at: 0)
        func seriesReaders() throws -> String {
            try admin.query("SELECT readers::text FROM calendar_recurrence WHERE id = \(series)")[0].decode(String.self, at: 0)
        }
        #expect(try seriesReaders() == "{-1,\(fixture.adam)}")
        try await db.transaction(as: adam) { _ = try $0.query("DELETE FROM calendar_event WHERE company_id = \(acme) AND id = \(first)") }
        try await db.transaction(as: adam) { _ = try $0.query("UPDATE calendar_recurrence SET readers = '{0}' WHERE id = \(series)") }
        #expect(try seriesReaders() == "{-1,\(fixture.adam)}")
    }
}
