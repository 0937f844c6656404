/// The `calendar` module: meetings with attendees, types, reminders and recurrences, invitations by
/// e-mail and each user's iCalendar feed, and what it adds to opportunities (their meetings, "Meeting"),
/// activities (the meeting they stand for), contacts (a time zone) and users (the feed, today's
/// meetings in the activities badge) (sql/modules/calendar/).
public enum CalendarModule {
    public static let module = ModelModule(
        "calendar",
        models: [CalendarEvent.type, CalendarEvent.alarm, CalendarEvent.recurrence, CalendarEvent.model, CalendarEvent.attendee],
        extensions: [
            ModelExtension("crm.lead", fields: CRMLeadMeetings.fields, methods: [CRMLeadMeetings.scheduleMeeting]),
            ModelExtension("mail.activity", fields: [
                FieldDescription("calendar_event_id", .many2one, string: "Calendar Meeting", readonly: true, relation: "calendar.event"),
            ]),
            ModelExtension("res.partner", fields: [FieldDescription("tz", .char, string: "Timezone")]),
            ModelExtension("res.users", methods: [CalendarFeed.create.checkedInPostgreSQL(), CalendarFeed.revoke.checkedInPostgreSQL(), CalendarEvent.systray]),
        ]
    )
}
