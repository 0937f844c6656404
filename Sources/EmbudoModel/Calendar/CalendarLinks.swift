import EmbudoDatabase
import PGClient

/// What reaches the calendar without a login: a contact's answer link (`/calendar/meeting/<token>`)
/// and a user's feed (`/calendar/feed/<token>.ics`). A token alone opens one attendance or one feed;
/// every query after its check runs as a user of the meeting's company (the one who sent the
/// invitation, the feed's owner), so row-level security applies as for any request
/// (sql/modules/calendar/invitations.sql, feed.sql).
public struct CalendarLinks: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// What a live answer link opens.
    public struct Invitation: Sendable, Equatable {
        public var companyID: Int
        public var attendeeID: Int
        public var actingUser: Int
        /// The value the answer form must send back (an HMAC of the token).
        public var formKey: String

        var tenant: TenantContext { TenantContext(userID: actingUser, companyIDs: [companyID]) }
    }

    /// Whether `token` has the shape of a link token (48 hex digits), checked before any query.
    public static func isWellFormed(_ token: String) -> Bool { QuotationPortal.isWellFormed(token) }

    /// The attendance an answer link opens, or nil for a malformed, unknown or expired one.
    public func invitation(token: String) async throws -> Invitation? {
        guard Self.isWellFormed(token) else { return nil }
        return try await database.withoutTenant { connection in
            try connection.query("SELECT company_id, attendee_id, acting_user, form_key FROM embudo.calendar_token_resolve(\(token))").map { row in
                let (company, attendee, user, key) = try row.decode((Int, Int, Int, String).self)
                return Invitation(companyID: company, attendeeID: attendee, actingUser: user, formKey: key)
            }.first
        }
    }

    /// The meeting as the contact sees it (JSON built by PostgreSQL), nil when it is gone.
    public func meeting(_ invitation: Invitation) async throws -> JSONValue? {
        let query: PGQuery = "SELECT embudo.calendar_invitation(\(invitation.attendeeID))::text"
        let text = try await database.single(query, as: invitation.tenant) { rows in
            rows.count == 0 ? nil : try rows[0].decode(String?.self, at: 0)
        }
        return try text.map { try JSONValue(jsonText: $0) }
    }

    /// The contact's answer (`accepted`, `declined`, `tentative`), for every meeting of the series.
    public func answer(_ invitation: Invitation, _ state: String) async throws {
        let query: PGQuery = "SELECT embudo.calendar_token_answer(\(invitation.attendeeID), \(state))"
        try await database.transaction(as: invitation.tenant) { _ = try $0.query(query) }
    }

    /// The iCalendar text of the feed a token opens, or nil for a malformed, unknown or revoked token.
    public func feed(token: String) async throws -> String? {
        guard Self.isWellFormed(token) else { return nil }
        let owner = try await database.withoutTenant { connection in
            try connection.query("SELECT company_id, user_id, include_activities FROM embudo.calendar_feed_resolve(\(token))").map {
                try $0.decode((Int, Int, Bool).self)
            }.first
        }
        guard let (company, user, activities) = owner else { return nil }
        let query: PGQuery = "SELECT embudo.calendar_feed_ics(\(company), \(activities))"
        return try await database.single(query, as: TenantContext(userID: user, companyIDs: [company]), readOnly: true) {
            try $0[0].decode(String.self, at: 0)
        }
    }
}
