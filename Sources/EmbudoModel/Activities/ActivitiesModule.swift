/// The `activities` module: activity types and activities, and what they add to the documents they are
/// planned on (the next activity's fields, `activity_schedule`) and to users (the activities badge)
/// (sql/modules/activities/).
public enum ActivitiesModule {
    public static let module = ModelModule(
        "activities", models: [MailActivity.type, MailActivity.model],
        extensions: [
            ModelExtension("crm.lead", fields: ActivityMixin.fields(model: "crm.lead", inverse: "lead_id"), methods: [ActivityMixin.schedule]),
            ModelExtension("res.users", methods: [ActivityMixin.systray]),
        ]
    )
}
