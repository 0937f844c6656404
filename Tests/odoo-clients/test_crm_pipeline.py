"""A salesperson's day in the pipeline, driven with odoorpc exactly as against Odoo/Flectra."""
import odoorpc
import pytest
from conftest import operator_user


def connect(server, login, password):
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
    odoo.login(server["db"], login, password)
    return odoo


@pytest.fixture(scope="module")
def manager(server):
    return connect(server, server["login"], server["password"])


def test_a_salespersons_day(server, manager):
    env = manager.env
    # The manager sets the pipeline up: a salesperson, a team with members and a monthly target, leads on.
    operator_user(server, "sara@example.com", "sara-pass-1", "own", name="Sara Sales")
    [sara_id] = env["res.users"].search([("login", "=", "sara@example.com")])
    team_id = env["crm.team"].create({
        "name": "Iberia", "sequence": 1, "user_id": manager.env.uid, "member_ids": [(6, 0, [sara_id])],
        "invoiced_target": 40000, "use_leads": True, "alias_name": "iberia",
    })
    team = env["crm.team"].browse(team_id)
    assert [u.id for u in team.member_ids] == [sara_id]
    assert team.invoiced_target == 40000
    settings = env["res.config.settings"].create({"group_use_lead": True})
    env["res.config.settings"].browse(settings).execute()

    # Sara's day.
    sara = connect(server, "sara@example.com", "sara-pass-1")
    Lead = sara.env["crm.lead"]
    tag_id = sara.env["crm.tag"].create({"name": "Furniture"})
    spain = sara.env["res.country"].search([("code", "=", "ES")])[0]
    madrid = sara.env["res.country.state"].search([("country_id", "=", spain), ("code", "=", "M")])
    campaign = sara.env["utm.campaign"].create({"name": "Spring fair"})
    source = sara.env["utm.source"].create({"name": "Trade show"})
    medium = sara.env["utm.medium"].create({"name": "Booth"})
    mister = sara.env["res.partner.title"].search([("name", "=", "Mister")])[0]
    spanish = sara.env["res.lang"].search([("code", "=", "es_ES")], context={"active_test": False})
    lead_id = Lead.create({
        "name": "Office chairs for 40 people", "partner_name": "Muebles Ruiz SL", "contact_name": "Javier Ruiz",
        "title": mister, "function": "Purchasing manager", "email_from": "Javier Ruiz <javier@muebles-ruiz.example>",
        "phone": "+34 910 000 111", "mobile": "+34 600 111 222", "website": "muebles-ruiz.example",
        "street": "Calle Mayor 1", "street2": "2º", "zip": "28013", "city": "Madrid", "state_id": madrid[0] if madrid else False,
        "country_id": spain, "lang_id": spanish[0] if spanish else False, "priority": "2", "tag_ids": [(6, 0, [tag_id])],
        "expected_revenue": 12000, "date_deadline": "2026-12-31", "description": "Met at the fair; wants a demo.",
        "referred": "Ana from Acme", "campaign_id": campaign, "source_id": source, "medium_id": medium, "color": 3,
    })
    lead = Lead.browse(lead_id)
    assert lead.type == "lead"
    assert lead.user_id.id == sara_id
    assert lead.team_id.id == team_id
    assert lead.stage_id.name == "New"
    assert lead.website == "http://muebles-ruiz.example"
    assert [t.name for t in lead.tag_ids] == ["Furniture"]

    # Convert it, creating the customer (a company and its contact).
    Wizard = sara.env["crm.lead2opportunity.partner"].with_context(active_id=lead_id, active_ids=[lead_id], active_model="crm.lead")
    wizard = Wizard.browse(Wizard.create({"name": "convert", "action": "create"}))
    assert wizard.user_id.id == sara_id
    action = wizard.action_apply()
    assert action["res_id"] == lead_id
    lead = Lead.browse(lead_id)
    assert lead.type == "opportunity"
    assert lead.partner_id.name == "Javier Ruiz"
    assert lead.partner_id.parent_id.name == "Muebles Ruiz SL"
    assert lead.partner_id.city == "Madrid"
    assert lead.partner_id.function == "Purchasing manager"
    assert lead.partner_id.team_id.id == team_id

    # Through the stages, then won.
    for xmlid in ("crm.stage_lead2", "crm.stage_lead3"):
        lead.stage_id = sara.env.ref(xmlid).id
    assert Lead.browse(lead_id).stage_id.name == "Proposition"
    lead.action_set_won_rainbowman()
    lead = Lead.browse(lead_id)
    assert lead.probability == 100 and lead.stage_id.name == "Won"

    # Another one lost with a reason, then restored.
    other_id = Lead.create({"name": "Standing desks", "type": "opportunity", "expected_revenue": 3000})
    reason = sara.env.ref("crm.lost_reason_1").id
    Lost = sara.env["crm.lead.lost"].with_context(active_ids=[other_id], active_id=other_id, active_model="crm.lead")
    Lost.browse(Lost.create({"lost_reason_id": reason})).action_lost_reason_apply()
    other = Lead.with_context(active_test=False).browse(other_id)
    assert other.active is False and other.probability == 0 and other.lost_reason.id == reason
    Lead.browse(other_id).action_unarchive()
    other = Lead.browse(other_id)
    assert other.active is True and not other.lost_reason

    # The kanban: every stage, with counts and expected revenue.
    groups = Lead.read_group([("type", "=", "opportunity")], ["expected_revenue"], ["stage_id"])
    by_stage = {g["stage_id"][1]: g for g in groups}
    assert list(by_stage) == ["New", "Qualified", "Proposition", "Won"]
    assert by_stage["Won"]["stage_id_count"] == 1 and by_stage["Won"]["expected_revenue"] == 12000
    assert by_stage["Qualified"]["stage_id_count"] == 0
    assert "__fold" in by_stage["New"]

    # The history: created, conversion, stage moves, won; with the tracked values.
    sara.env["crm.lead"].browse(lead_id).message_post(body="Logged call: demo booked", message_type="comment")
    messages = sara.env["mail.message"].search_read(
        [("model", "=", "crm.lead"), ("res_id", "=", lead_id)], ["subtype_id", "body", "tracking_value_ids"], order="id")
    subtypes = [m["subtype_id"][1] for m in messages]
    assert subtypes[0] == "Opportunity Created"
    assert subtypes.count("Stage Changed") == 2
    assert "Opportunity Won" in subtypes
    assert messages[-1]["body"] == "Logged call: demo booked"
    stage_values = sara.env["mail.tracking.value"].search_read(
        [("mail_message_id", "in", [m["id"] for m in messages]), ("field", "=", "stage_id")], ["old_value_char", "new_value_char"])
    assert {(v["old_value_char"], v["new_value_char"]) for v in stage_values} >= {("New", "Qualified"), ("Qualified", "Proposition")}

    # Sara may not delete leads, nor touch the stages.
    with pytest.raises(odoorpc.error.RPCError) as refused:
        Lead.browse(other_id).unlink()
    assert "AccessError" in str(refused.value.info)
    with pytest.raises(odoorpc.error.RPCError):
        sara.env["crm.stage"].create({"name": "Negotiation"})
