import EmbudoDatabase
import EmbudoModel
import EmbudoTestSupport
import Foundation
import PGClient
import Testing

/// Meetings below the API: reminders queued once however many workers run at once, occurrences that keep
/// their local time across daylight-saving changes, and iCalendar lines folded within 75 octets.
@Suite("Calendar")
struct CalendarTests {
    static func utc(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }

    @Test func concurrentWorkersQueueEachReminderOnce() async throws {
        let f = try await CRMFixture()
        defer { f.db.shutdown() }
        let admin = try f.database.adminConnection()
        _ = try admin.query("UPDATE res_users SET email = login || '@acme.example' WHERE login IN ('alex', 'olga')")
        let alarm = try #require(try await f.ok("alex", "calendar.alarm", "search", [[["duration", "=", 15], ["interval", "=", "minutes"],
                                                                                      ["alarm_type", "=", "email"]]]).arrayValue?.first)
        let start = Date().addingTimeInterval(600)
        _ = try await f.ok("alex", "calendar.event", "create", [[
            "name": "Pronto", "start": .string(Self.utc(start)), "stop": .string(Self.utc(start.addingTimeInterval(1800))),
            "alarm_ids": [[6, 0, [alarm]]], "user_ids": [[4, .int(f.users["olga"]!)]],
        ]])
        // Four workers at once: whatever the interleaving, each attendee's reminder is queued once.
        let run: @Sendable () async throws -> Int = {
            try await f.db.withoutTenant(readOnly: false) { try $0.query("SELECT embudo.calendar_send_reminders()")[0].decode(Int.self, at: 0) }
        }
        async let a = run(), b = run(), c = run(), d = run()
        let queued = try await [a, b, c, d]
        #expect(queued.reduce(0, +) == 2, "\(queued)")  // alex (organizer) and olga
        #expect(try await run() == 0)
        let mails = try admin.query("SELECT email_to FROM mail_mail WHERE subject LIKE 'Reminder: Pronto%' ORDER BY email_to").map { try $0.decode(String.self, at: 0) }
        #expect(mails.count == 2 && mails.allSatisfy { $0.contains("@acme.example") })
        // Moved later, it is reminded again for its new start; declined, not at all.
        let event = try #require(try await f.ok("alex", "calendar.event", "search", [[["name", "=", "Pronto"]]]).arrayValue?.first)
        _ = try await f.ok("alex", "calendar.event", "write", [[event], ["start": .string(Self.utc(start.addingTimeInterval(120)))]])
        let olgaAttendee = try #require(try await f.ok("olga", "calendar.attendee", "search", [[["event_id", "=", event], ["user_id", "=", .int(f.users["olga"]!)]]]).arrayValue?.first)
        _ = try await f.ok("olga", "calendar.attendee", "do_decline", [[olgaAttendee]])
        #expect(try await run() == 1)
    }

    @Test func occurrencesKeepTheirLocalTimeAcrossDaylightSaving() async throws {
        let database = try await TestDatabase.make()
        let connection = try database.adminConnection()
        // Weekly on Sundays 10:00 in New York from 2031-03-02 (DST starts 2031-03-09), then monthly on the
        // 31st (skipping shorter months) and yearly on February 29 (leap years only).
        func slots(_ args: String) throws -> [String] {
            try connection.query(PGQuery(stringLiteral: """
                SELECT to_char(s AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM embudo.calendar_slots(\(args)) s
                """)).map { try $0.decode(String.self, at: 0) }
        }
        #expect(try slots("'2031-03-02 15:00+00', 'America/New_York', 'weekly', 1, 'count', 3, NULL, '{f,f,f,f,f,f,t}', 'date', 1, NULL, NULL")
            == ["2031-03-02 15:00", "2031-03-09 14:00", "2031-03-16 14:00"])
        #expect(try slots("'2031-01-31 09:00+00', 'UTC', 'monthly', 1, 'count', 4, NULL, '{}', 'date', 31, NULL, NULL")
            == ["2031-01-31 09:00", "2031-03-31 09:00", "2031-05-31 09:00", "2031-07-31 09:00"])
        #expect(try slots("'2028-02-29 09:00+00', 'UTC', 'yearly', 1, 'count', 2, NULL, '{}', 'date', 1, NULL, NULL")
            == ["2028-02-29 09:00", "2032-02-29 09:00"])
        #expect(try slots("'2031-01-01 09:00+00', 'UTC', 'monthly', 2, 'end_date', 1, '2031-06-30', '{}', 'day', 1, '2', 'TUE'")
            == ["2031-01-14 09:00", "2031-03-11 09:00", "2031-05-13 09:00"])
        #expect(try slots("'2031-01-01 09:00+00', 'UTC', 'daily', 1, 'forever', 1, NULL, '{}', 'date', 1, NULL, NULL").count == 720)
    }

    @Test func icalendarLinesAreFoldedWithinSeventyFiveOctetsAndEscaped() async throws {
        let database = try await TestDatabase.make()
        let connection = try database.adminConnection()
        let text = String(repeating: "Reunión; con, \\ clientes\n", count: 6)
        let folded = try connection.query("SELECT embudo.ical_line('SUMMARY:' || embudo.ical_text(\(text)))")[0].decode(String.self, at: 0)
        let lines = folded.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count > 2 && lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        let unfolded = lines.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined()
        #expect(unfolded == "SUMMARY:" + String(repeating: "Reunión\\; con\\, \\\\ clientes\\n", count: 6))
        #expect(String(validating: Array(folded.utf8), as: UTF8.self) != nil)
    }
}
