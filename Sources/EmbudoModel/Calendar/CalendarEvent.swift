/// Meetings: `calendar.event` and its attendees (`calendar.attendee`), types (`calendar.event.type`),
/// reminders (`calendar.alarm`) and series (`calendar.recurrence`), with Odoo 17's names. Visibility,
/// defaults, recurrences, invitations and reminders are SQL (sql/modules/calendar/).
public enum CalendarEvent {
    static let privacies = [["public", "Public"], ["private", "Private"], ["confidential", "Only internal users"]]
    static let showAs = [["free", "Available"], ["busy", "Busy"]]
    static let answers = [["needsAction", "Needs Action"], ["tentative", "Maybe"], ["declined", "Declined"], ["accepted", "Accepted"]]
    static let rruleTypes = [["daily", "Days"], ["weekly", "Weeks"], ["monthly", "Months"], ["yearly", "Years"]]
    static let endTypes = [["count", "Number of repetitions"], ["end_date", "End date"], ["forever", "Forever"]]
    static let monthBy = [["date", "Date of month"], ["day", "Day of month"]]
    static let byDay = [["1", "First"], ["2", "Second"], ["3", "Third"], ["4", "Fourth"], ["-1", "Last"]]
    static let weekdays = [["MON", "Monday"], ["TUE", "Tuesday"], ["WED", "Wednesday"], ["THU", "Thursday"], ["FRI", "Friday"],
                           ["SAT", "Saturday"], ["SUN", "Sunday"]]
    static let updateScopes = [["self_only", "This event"], ["future_events", "This and following events"], ["all_events", "All events"]]

    /// The rule's fields, on events (as the client writes them) and on series.
    static let ruleFields: [FieldDescription] = [
        FieldDescription("rrule_type", .selection, string: "Recurrence", selection: rruleTypes),
        FieldDescription("interval", .integer, string: "Repeat Every"),
        FieldDescription("end_type", .selection, string: "Recurrence Termination", selection: endTypes),
        FieldDescription("count", .integer, string: "Repeat"),
        FieldDescription("until", .date, string: "Repeat Until"),
        FieldDescription("mon", .boolean, string: "Mon"), FieldDescription("tue", .boolean, string: "Tue"),
        FieldDescription("wed", .boolean, string: "Wed"), FieldDescription("thu", .boolean, string: "Thu"),
        FieldDescription("fri", .boolean, string: "Fri"), FieldDescription("sat", .boolean, string: "Sat"),
        FieldDescription("sun", .boolean, string: "Sun"),
        FieldDescription("month_by", .selection, string: "Option", selection: monthBy),
        FieldDescription("day", .integer, string: "Date of month"),
        FieldDescription("byday", .selection, string: "By day", selection: byDay),
        FieldDescription("weekday", .selection, string: "Weekday", selection: weekdays),
        FieldDescription("event_tz", .char, string: "Timezone"),
    ]

    public static let type = ModelDescription(
        name: "calendar.event.type", table: "calendar_event_type", order: "name, id", hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Name", required: true),
            FieldDescription("color", .integer, string: "Color"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )

    public static let alarm = ModelDescription(
        name: "calendar.alarm", table: "calendar_alarm", order: "duration_minutes, id", hasAuditColumns: false,
        fields: [
            FieldDescription("name", .char, string: "Name", required: true),
            FieldDescription("alarm_type", .selection, string: "Type", required: true, selection: [["notification", "Notification"], ["email", "Email"]]),
            FieldDescription("duration", .integer, string: "Remind Before", required: true),
            FieldDescription("interval", .selection, string: "Unit", required: true,
                             selection: [["minutes", "Minutes"], ["hours", "Hours"], ["days", "Days"]]),
            FieldDescription("duration_minutes", .integer, string: "Duration in minutes", readonly: true),
            FieldDescription("active", .boolean, string: "Active"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )

    public static let recurrence = ModelDescription(
        name: "calendar.recurrence", table: "calendar_recurrence", recordName: "rrule_type", order: "id", isReadOnly: true,
        fields: ruleFields.map { field in
            var field = field
            field.readonly = true
            return field
        } + [
            FieldDescription("base_event_id", .many2one, string: "Base Event", readonly: true, relation: "calendar.event"),
            FieldDescription("calendar_event_ids", .one2many, string: "Calendar Event", readonly: true, relation: "calendar.event",
                             inverseName: "recurrence_id"),
            FieldDescription("dtstart", .datetime, string: "Recurrent Date", readonly: true),
            .computed("name", .char, string: "Name", "embudo.calendar_rrule_text($.rrule_type, $.interval, $.end_type, $.count, $.until)"),
            .computed("rrule", .char, string: "Recurrent Rule", "embudo.calendar_rrule($)"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ]
    )

    public static let model = ModelDescription(
        name: "calendar.event", table: "calendar_event", order: "start desc, id desc",
        fields: [
            FieldDescription("name", .char, string: "Meeting Subject", required: true),
            FieldDescription("start", .datetime, string: "Start", required: true),
            FieldDescription("stop", .datetime, string: "Stop"),
            FieldDescription("allday", .boolean, string: "All Day"),
            FieldDescription("start_date", .date, string: "Start Date"),
            FieldDescription("stop_date", .date, string: "End Date"),
            FieldDescription("duration", .float, string: "Duration"),
            FieldDescription("user_id", .many2one, string: "Organizer", relation: "res.users"),
            FieldDescription("partner_ids", .many2many, string: "Attendees", relation: "res.partner",
                             linkTable: "calendar_event_res_partner_rel", linkColumns: ("calendar_event_id", "res_partner_id")),
            FieldDescription("user_ids", .many2many, string: "Colleagues", relation: "res.users",
                             linkTable: "calendar_event_res_users_rel", linkColumns: ("calendar_event_id", "res_users_id")),
            FieldDescription("attendee_ids", .one2many, string: "Participant", readonly: true, relation: "calendar.attendee", inverseName: "event_id"),
            FieldDescription("location", .char, string: "Location"),
            FieldDescription("videocall_location", .char, string: "Meeting URL"),
            FieldDescription("description", .html, string: "Description"),
            FieldDescription("privacy", .selection, string: "Privacy", selection: privacies),
            FieldDescription("show_as", .selection, string: "Show as", selection: showAs),
            FieldDescription("categ_ids", .many2many, string: "Tags", relation: "calendar.event.type",
                             linkTable: "meeting_category_rel", linkColumns: ("event_id", "type_id")),
            FieldDescription("alarm_ids", .many2many, string: "Alarms", relation: "calendar.alarm",
                             linkTable: "calendar_alarm_calendar_event_rel", linkColumns: ("calendar_event_id", "calendar_alarm_id")),
            FieldDescription("opportunity_id", .many2one, string: "Opportunity", relation: "crm.lead"),
            FieldDescription("res_model", .char, string: "Document Model Name"),
            FieldDescription("res_id", .integer, string: "Document ID"),
            FieldDescription("res_model_id", .many2one, string: "Document Model", relation: "ir.model"),
            FieldDescription("activity_ids", .one2many, string: "Activities", readonly: true, relation: "mail.activity",
                             inverseName: "calendar_event_id"),
            FieldDescription("recurrency", .boolean, string: "Recurrent"),
            FieldDescription("recurrence_id", .many2one, string: "Recurrence Rule", readonly: true, relation: "calendar.recurrence"),
            FieldDescription("follow_recurrence", .boolean, string: "Follow Recurrence", readonly: true),
            FieldDescription("recurrence_update", .selection, string: "Recurrence Update", selection: updateScopes),
        ] + ruleFields + [
            .computed("rrule", .char, string: "Recurrent Rule",
                      "SELECT embudo.calendar_rrule(r) FROM calendar_recurrence r WHERE r.company_id = $.company_id AND r.id = $.recurrence_id"),
            .computed("attendee_status", .selection, string: "Attending?", selection: answers, "embudo.calendar_my_status($.company_id, $.id)"),
            .computed("display_time", .char, string: "Event Time",
                      "embudo.calendar_when($, (SELECT u.tz FROM res_users u WHERE u.id = embudo.current_user_id()), 'en_US')"),
            .computed("is_organizer_alone", .boolean, string: "Is the Organizer Alone",
                      "NOT EXISTS (SELECT 1 FROM calendar_attendee a WHERE a.company_id = $.company_id AND a.event_id = $.id AND a.state <> 'declined' AND a.user_id IS DISTINCT FROM $.user_id)"),
            FieldDescription("done", .boolean, string: "Done", readonly: true),
            FieldDescription("active", .boolean, string: "Active"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
            FieldDescription("create_uid", .many2one, string: "Created by", readonly: true, relation: "res.users"),
            FieldDescription("create_date", .datetime, string: "Created on", readonly: true),
        ],
        methods: [markDone, busySlots]
    )

    public static let attendee = ModelDescription(
        name: "calendar.attendee", table: "calendar_attendee", recordName: "common_name", order: "id", hasAuditColumns: false,
        fields: [
            FieldDescription("event_id", .many2one, string: "Meeting linked", required: true, relation: "calendar.event"),
            FieldDescription("partner_id", .many2one, string: "Attendee", relation: "res.partner"),
            FieldDescription("user_id", .many2one, string: "Colleague", relation: "res.users"),
            FieldDescription("state", .selection, string: "Status", readonly: true, selection: answers),
            FieldDescription("availability", .selection, string: "Available/Busy", selection: showAs),
            FieldDescription("common_name", .char, string: "Common name", readonly: true),
            .computed("email", .char, string: "Email", "SELECT w.email FROM embudo.calendar_address($.company_id, $.partner_id, $.user_id) w"),
            FieldDescription("company_id", .many2one, string: "Company", readonly: true, relation: "res.company"),
        ],
        methods: [answer("do_accept", "accepted"), answer("do_decline", "declined"), answer("do_tentative", "tentative")]
    )
}
