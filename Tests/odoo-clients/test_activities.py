"""Activities through odoorpc: schedule, "my activities" with their states, done with feedback."""
import datetime

import odoorpc


def test_schedule_list_and_complete(server):
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
    odoo.login(server["db"], server["login"], server["password"])
    env = odoo.env
    lead_id = env["crm.lead"].create({"name": "Activities walk-through", "type": "opportunity"})
    lead_model = env["ir.model"].search([("model", "=", "crm.lead")])[0]
    call = env.ref("mail.mail_activity_data_call")
    today = datetime.date.today()

    # Scheduled from the form (the type gives the deadline: Call = +2 days), overdue, and from code.
    planned = env["mail.activity"].create({"res_model_id": lead_model, "res_id": lead_id, "activity_type_id": call.id, "summary": "Call back"})
    overdue = env["mail.activity"].create({"res_model_id": lead_model, "res_id": lead_id, "summary": "Send the brochure",
                                           "date_deadline": (today - datetime.timedelta(days=3)).isoformat()})
    env["crm.lead"].browse(lead_id).activity_schedule("mail.mail_activity_data_email", summary="Confirm by email")

    mine = env["mail.activity"].search_read([("user_id", "=", env.uid), ("res_id", "=", lead_id)],
                                            ["summary", "state", "date_deadline", "activity_type_id"])
    assert [a["summary"] for a in mine] == ["Send the brochure", "Confirm by email", "Call back"]
    assert [a["state"] for a in mine] == ["overdue", "today", "planned"]
    assert env["mail.activity"].browse(planned).activity_type_id.name == "Call"

    lead = env["crm.lead"].browse(lead_id)
    assert lead.activity_state == "overdue"
    assert lead.activity_summary == "Send the brochure"
    assert env["crm.lead"].search([("activity_state", "=", "overdue"), ("activity_user_id", "=", env.uid), ("id", "=", lead_id)]) == [lead_id]

    badge = env["res.users"].systray_get_activities()
    leads = [row for row in badge if row["model"] == "crm.lead"][0]
    assert leads["overdue_count"] >= 1 and leads["today_count"] >= 1 and leads["planned_count"] >= 1

    message_id = env["mail.activity"].browse(overdue).action_feedback(feedback="Sent, they will read it this week")
    message = env["mail.message"].browse(message_id)
    assert "Feedback: Sent, they will read it this week" in message.body
    assert message.subtype_id.name == "Activities"
    assert env["crm.lead"].browse(lead_id).activity_state == "today"
