"""Issue 23, meetings through odoorpc and real HTTP: the calendar.event model, recurrences across daylight-saving
changes, row-level security (private meetings), invitations received by the SMTP relay and parsed as iCalendar, the
contact's answer page, reminders, and each user's feed parsed with the `icalendar` package."""
import datetime
import re
import urllib.request
import zoneinfo

import icalendar
import odoorpc
import pytest

from conftest import cli, wait_for_mail, wait_until
from test_quotation_portal import form_key, request

COMPANY = "Calendario SA"
PASSWORD = "calendar-pass-1"
ORGANIZER = "ana@calendario.example"      # all documents, Madrid
COLLEAGUE = "beto@calendario.example"     # all documents, New York
OWN = "caro@calendario.example"           # own documents only, Mexico City
CUSTOMER = "cliente@cliente-cal.example"


def login(server, user):
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
    odoo.login(server["db"], user, PASSWORD)
    return odoo.env


@pytest.fixture(scope="module")
def co(server):
    cli(server, "company", "create", COMPANY, "--lang", "es_MX")
    for login_, level, name, tz in [(ORGANIZER, "all", "Ana Organiza", "Europe/Madrid"), (COLLEAGUE, "all", "Beto Colega", "America/New_York"),
                                    (OWN, "own", "Caro Propia", "America/Mexico_City")]:
        cli(server, "user", "create", "--login", login_, "--password", PASSWORD, "--company", COMPANY, "--access", level, "--name", name,
            "--email", login_)
        env = login(server, login_)
        env["res.users"].write([env.uid], {"tz": tz, "lang": "es_MX"})
    ana, beto, caro = (login(server, u) for u in (ORGANIZER, COLLEAGUE, OWN))
    customer = ana["res.partner"].create({"name": "Cliente Calendario", "email": CUSTOMER, "lang": "es_MX", "tz": "America/Mexico_City"})
    lead = ana["crm.lead"].create({"name": "Renovación de flota", "type": "opportunity", "partner_id": customer, "user_id": ana.uid})
    return {"ana": ana, "beto": beto, "caro": caro, "customer": customer, "lead": lead}


def utc(text):
    return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=datetime.timezone.utc)


def calendar_part(message):
    """The text/calendar alternative of an invitation, parsed, and its METHOD parameter."""
    parts = [p for p in message["parsed"].walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1, [p.get_content_type() for p in message["parsed"].walk()]
    attachment = [p for p in message["parsed"].walk() if p.get_filename() == "invite.ics"]
    assert attachment and attachment[0].get_content().decode() == parts[0].get_content()
    return icalendar.Calendar.from_ical(parts[0].get_content()), parts[0].get_param("method")


def events(calendar):
    return [c for c in calendar.walk("VEVENT")]


def test_meeting_from_the_opportunity_invites_the_customer_and_plans_the_activity(server, relay, co):
    ana, beto = co["ana"], co["beto"]
    action = ana["crm.lead"].browse(co["lead"]).action_schedule_meeting()
    assert action["res_model"] == "calendar.event"
    context = action["context"]
    assert context["default_opportunity_id"] == co["lead"] and context["default_partner_ids"] == [co["customer"]]

    start = datetime.datetime(2031, 3, 4, 16, 0)
    event_id = ana["calendar.event"].with_context(**context).create({
        "name": "Demostración de la flota", "start": start.strftime("%Y-%m-%d %H:%M:%S"),
        "stop": (start + datetime.timedelta(hours=1, minutes=30)).strftime("%Y-%m-%d %H:%M:%S"),
        "location": "Oficina; sala 2, piso 3", "videocall_location": "https://meet.example/flota",
        "description": "<p>Traer precios\ny catálogo</p>", "user_ids": [(4, beto.uid)],
    })
    [event] = ana["calendar.event"].read([event_id], ["opportunity_id", "res_model", "res_id", "partner_ids", "user_ids", "duration",
                                                      "attendee_status", "attendee_ids", "user_id"])
    assert event["opportunity_id"][0] == co["lead"] and event["res_model"] == "crm.lead" and event["res_id"] == co["lead"]
    assert event["partner_ids"] == [co["customer"]] and set(event["user_ids"]) == {ana.uid, beto.uid}
    assert event["duration"] == 1.5 and event["attendee_status"] == "accepted" and event["user_id"][0] == ana.uid
    answers = {(a["partner_id"] and a["partner_id"][0], a["user_id"] and a["user_id"][0]): a["state"]
               for a in ana["calendar.attendee"].read(event["attendee_ids"], ["partner_id", "user_id", "state"])}
    assert answers == {(co["customer"], False): "needsAction", (False, ana.uid): "accepted", (False, beto.uid): "needsAction"}

    # The opportunity: its meetings, the count, a "Meeting" activity on the meeting's day, the history.
    lead = ana["crm.lead"].read([co["lead"]], ["meeting_count", "calendar_event_count", "calendar_event_ids", "activity_type_id",
                                               "activity_date_deadline"])[0]
    assert lead["meeting_count"] == 1 and lead["calendar_event_count"] == 1 and lead["calendar_event_ids"] == [event_id]
    assert lead["activity_type_id"][1] == "Reunión" and lead["activity_date_deadline"] == "2031-03-04"
    history = ana["mail.message"].search_read([("model", "=", "crm.lead"), ("res_id", "=", co["lead"])], ["body"])
    assert any("Reunión programada el 2031-03-04 17:00" in m["body"] for m in history)  # Madrid, winter

    # The customer's invitation: one e-mail with the meeting as iCalendar (REQUEST), times in UTC.
    [mail] = wait_for_mail(relay, CUSTOMER)
    assert mail["parsed"]["Subject"].startswith("Invitación: Demostración de la flota — 2031-03-04 10:00")  # Mexico City
    calendar, method = calendar_part(mail)
    assert method == "REQUEST" and calendar["METHOD"] == "REQUEST"
    [vevent] = events(calendar)
    assert vevent["DTSTART"].dt == start.replace(tzinfo=datetime.timezone.utc)
    assert vevent["DTEND"].dt == (start + datetime.timedelta(hours=1, minutes=30)).replace(tzinfo=datetime.timezone.utc)
    assert str(vevent["LOCATION"]) == "Oficina; sala 2, piso 3" and str(vevent["SUMMARY"]) == "Demostración de la flota"
    assert "Traer precios" in str(vevent["DESCRIPTION"]) and vevent["SEQUENCE"] == 0
    attendees = {str(a).lower(): a.params["PARTSTAT"] for a in (vevent["ATTENDEE"] if isinstance(vevent["ATTENDEE"], list) else [vevent["ATTENDEE"]])}
    assert attendees == {"mailto:" + CUSTOMER: "NEEDS-ACTION", "mailto:" + ORGANIZER: "ACCEPTED", "mailto:" + COLLEAGUE: "NEEDS-ACTION"}
    assert str(vevent["ORGANIZER"]).lower() == "mailto:" + ORGANIZER
    uid = str(vevent["UID"])
    # The colleague is invited too, in New York time.
    [colleague_mail] = wait_for_mail(relay, COLLEAGUE)
    assert "2031-03-04 11:00" in colleague_mail["parsed"]["Subject"]  # New York, before its DST change (March 9)
    # The organizer is not invited to her own meeting; each person gets one invitation.
    assert ana["mail.mail"].search_count([("email_to", "ilike", ORGANIZER), ("subject", "ilike", "Demostración")]) == 0
    assert ana["mail.mail"].search_count([("email_to", "ilike", CUSTOMER), ("subject", "ilike", "Demostración")]) == 1

    # The customer answers from the link: the page asks first (a GET changes nothing), the button answers.
    body = mail["parsed"].get_body(("html",)).get_content()
    link = re.search(r'href="[^"]*(/calendar/meeting/[0-9]+-[0-9a-f]{48})\?answer=accepted"', body).group(1)
    status, _, page = request(server, "GET", link + "?answer=accepted")
    assert status == 200 and "Demostración de la flota" in page and "Aún no respondes" in page
    assert ana["calendar.attendee"].search_read([("event_id", "=", event_id), ("partner_id", "=", co["customer"])], ["state"])[0]["state"] == "needsAction"
    status, headers, _ = request(server, "POST", link, {"answer": "accepted", "form_key": form_key(page)})
    assert status == 303
    assert ana["calendar.attendee"].search_read([("event_id", "=", event_id), ("partner_id", "=", co["customer"])], ["state"])[0]["state"] == "accepted"
    assert "Aceptaste" in request(server, "GET", link)[2]
    assert request(server, "POST", link, {"answer": "accepted", "form_key": "0" * 64})[0] == 403
    assert request(server, "POST", link, {"answer": "accepted", "form_key": form_key(page)}, {"Origin": "https://evil.example"})[0] == 403
    assert request(server, "GET", "/calendar/meeting/" + "a" * 48)[0] == 404
    # The organizer hears of it, by e-mail and in the opportunity's history.
    [told] = wait_for_mail(relay, ORGANIZER)
    assert "Cliente Calendario" in told["parsed"]["Subject"] and "aceptó" in told["parsed"]["Subject"]
    assert any("aceptó" in m["body"] for m in ana["mail.message"].search_read([("model", "=", "crm.lead"), ("res_id", "=", co["lead"])], ["body"]))

    # The colleague answers in the app; then the meeting moves: everyone hears of it with a higher SEQUENCE.
    [mine] = beto["calendar.attendee"].search([("event_id", "=", event_id), ("user_id", "=", beto.uid)])
    beto["calendar.attendee"].browse(mine).do_tentative()
    assert beto["calendar.event"].read([event_id], ["attendee_status"])[0]["attendee_status"] == "tentative"
    ana["calendar.event"].write([event_id], {"start": "2031-03-05 16:00:00"})
    moved = ana["calendar.event"].read([event_id], ["start", "stop", "duration"])[0]
    assert moved["stop"] == "2031-03-05 17:30:00" and moved["duration"] == 1.5  # moving keeps the length
    assert ana["crm.lead"].read([co["lead"]], ["activity_date_deadline"])[0]["activity_date_deadline"] == "2031-03-05"
    update = wait_for_mail(relay, CUSTOMER, 2)[1]
    assert update["parsed"]["Subject"].startswith("Actualizada: ")
    calendar, method = calendar_part(update)
    [vevent] = events(calendar)
    assert method == "REQUEST" and str(vevent["UID"]) == uid and vevent["SEQUENCE"] == 1
    assert vevent["DTSTART"].dt == datetime.datetime(2031, 3, 5, 16, 0, tzinfo=datetime.timezone.utc)

    # Removing the customer cancels it for them alone; marking the meeting done closes its activity.
    ana["calendar.event"].write([event_id], {"partner_ids": [(3, co["customer"])]})
    cancel = wait_for_mail(relay, CUSTOMER, 3)[2]
    calendar, method = calendar_part(cancel)
    assert method == "CANCEL" and str(events(calendar)[0]["UID"]) == uid and str(events(calendar)[0]["STATUS"]) == "CANCELLED"
    # Only what identifies it: a removed attendee learns nothing of what the meeting became.
    assert "LOCATION" not in events(calendar)[0] and "DESCRIPTION" not in events(calendar)[0]
    assert [str(a) for a in [events(calendar)[0]["ATTENDEE"]]] == ["mailto:" + CUSTOMER]
    # Invitations carry the meeting and the customer's link: only who queued them reads them.
    beto = co["beto"]
    assert beto["mail.mail"].search_count([("subject", "ilike", "Demostración")]) == 1  # his own answer to Ana
    assert beto["mail.mail"].search_count([("subject", "ilike", "Demostración"), ("create_uid", "!=", beto.uid)]) == 0
    ana["calendar.event"].action_mark_done([event_id])
    assert ana["crm.lead"].read([co["lead"]], ["activity_type_id"])[0]["activity_type_id"] is False
    assert ana["mail.activity"].search([("calendar_event_id", "=", event_id)]) == []


def test_weekly_series_keeps_its_local_time_across_daylight_saving_and_edits_by_scope(server, relay, co):
    ana = co["ana"]
    partner = ana["res.partner"].create({"name": "Serie Cliente", "email": "serie@cliente-cal.example", "tz": "Europe/Madrid"})
    # Tuesdays and Thursdays at 10:00 Madrid, 6 meetings from Tuesday 2031-03-18: Spain moves its clocks on March 30.
    first = ana["calendar.event"].create({
        "name": "Seguimiento semanal", "start": "2031-03-18 09:00:00", "stop": "2031-03-18 10:00:00", "partner_ids": [(6, 0, [partner])],
        "recurrency": True, "rrule_type": "weekly", "interval": 1, "end_type": "count", "count": 6, "tue": True, "thu": True,
        "event_tz": "Europe/Madrid",
    })
    series = ana["calendar.event"].search_read([("recurrence_id", "!=", False), ("name", "=", "Seguimiento semanal")], ["start", "recurrence_id"],
                                               order="start")
    madrid = zoneinfo.ZoneInfo("Europe/Madrid")
    local = [utc(e["start"]).astimezone(madrid) for e in series]
    assert [d.strftime("%a %d %H:%M") for d in local] == ["Tue 18 10:00", "Thu 20 10:00", "Tue 25 10:00", "Thu 27 10:00", "Tue 01 10:00",
                                                          "Thu 03 10:00"]
    assert [e["start"][11:16] for e in series] == ["09:00"] * 4 + ["08:00"] * 2  # UTC moves, Madrid does not
    assert series[0]["id"] == first and len({e["recurrence_id"][0] for e in series}) == 1
    assert ana["calendar.recurrence"].read([series[0]["recurrence_id"][0]], ["rrule"])[0]["rrule"] == "FREQ=WEEKLY;INTERVAL=1;COUNT=6;BYDAY=TU,TH"

    # One invitation for the whole series: its first meeting with the others' instants (RDATE).
    [mail] = wait_for_mail(relay, "serie@cliente-cal.example")
    calendar, method = calendar_part(mail)
    [vevent] = events(calendar)
    rdates = sorted(d.dt for r in (vevent["RDATE"] if isinstance(vevent["RDATE"], list) else [vevent["RDATE"]]) for d in r.dts)
    assert [d.astimezone(madrid).strftime("%d %H:%M") for d in [vevent["DTSTART"].dt] + rdates] == \
        ["18 10:00", "20 10:00", "25 10:00", "27 10:00", "01 10:00", "03 10:00"]

    # This one alone moves: it leaves the rule and is sent as a changed occurrence (RECURRENCE-ID).
    ana["calendar.event"].write([series[2]["id"]], {"start": "2031-03-25 11:00:00", "recurrence_update": "self_only"})
    assert ana["calendar.event"].read([series[2]["id"]], ["follow_recurrence"])[0]["follow_recurrence"] is False
    calendar, _ = calendar_part(wait_for_mail(relay, "serie@cliente-cal.example", 2)[1])
    changed = [v for v in events(calendar) if "RECURRENCE-ID" in v]
    assert len(changed) == 1 and changed[0]["RECURRENCE-ID"].dt == datetime.datetime(2031, 3, 25, 9, 0, tzinfo=datetime.timezone.utc)

    # This and the following ones are renamed; all of them get a location.
    ana["calendar.event"].write([series[3]["id"]], {"name": "Seguimiento (nuevo horario)", "recurrence_update": "future_events"})
    names = [e["name"] for e in ana["calendar.event"].search_read([("recurrence_id", "=", series[0]["recurrence_id"][0])], ["name"], order="start")]
    assert names == ["Seguimiento semanal"] * 3 + ["Seguimiento (nuevo horario)"] * 3
    ana["calendar.event"].write([series[1]["id"]], {"location": "Sala B", "recurrence_update": "all_events"})
    assert {e["location"] for e in ana["calendar.event"].search_read([("recurrence_id", "=", series[0]["recurrence_id"][0])], ["location"])} == {"Sala B"}
    # A new attendee for all of them; the series stays one e-mail per person.
    ana["calendar.event"].write([series[0]["id"]], {"user_ids": [(4, co["beto"].uid)], "recurrence_update": "all_events"})
    assert all(co["beto"].uid in e["user_ids"] for e in ana["calendar.event"].search_read([("recurrence_id", "=", series[0]["recurrence_id"][0])], ["user_ids"]))
    series_mail = ana["mail.mail"].search_read([("email_to", "ilike", COLLEAGUE), ("subject", "ilike", "Seguimiento")], ["subject"])
    assert len(series_mail) == 1
    # In his own time zone: New York is already on summer time on March 18 (UTC-4), Madrid not yet (UTC+1).
    assert "2031-03-18 05:00" in series_mail[0]["subject"] and "(America/New_York)" in series_mail[0]["subject"]

    # Monthly on the last Friday, and a daily rule until a date.
    monthly = ana["calendar.event"].create({"name": "Cierre de mes", "start": "2031-01-31 17:00:00", "stop": "2031-01-31 18:00:00",
                                            "recurrency": True, "rrule_type": "monthly", "month_by": "day", "byday": "-1", "weekday": "FRI",
                                            "end_type": "count", "count": 3, "event_tz": "UTC"})
    starts = [e["start"][:10] for e in ana["calendar.event"].search_read([("name", "=", "Cierre de mes")], ["start"], order="start")]
    assert starts == ["2031-01-31", "2031-02-28", "2031-03-28"] and monthly
    ana["calendar.event"].create({"name": "Diaria", "start": "2031-05-01 15:00:00", "stop": "2031-05-01 15:15:00", "recurrency": True,
                                  "rrule_type": "daily", "interval": 2, "end_type": "end_date", "until": "2031-05-07", "event_tz": "UTC"})
    assert [e["start"][:10] for e in ana["calendar.event"].search_read([("name", "=", "Diaria")], ["start"], order="start")] == \
        ["2031-05-01", "2031-05-03", "2031-05-05", "2031-05-07"]
    bad = ana["calendar.event"].create
    with pytest.raises(odoorpc.error.RPCError):
        bad({"name": "Sin fin", "start": "2031-05-01 15:00:00", "stop": "2031-05-01 15:15:00", "recurrency": True, "rrule_type": "daily",
             "end_type": "end_date", "event_tz": "UTC"})


def test_private_meetings_show_only_busy_time_and_own_documents_stay_private(server, co):
    ana, beto, caro = co["ana"], co["beto"], co["caro"]
    private = ana["calendar.event"].create({"name": "Médico", "start": "2031-06-02 08:00:00", "stop": "2031-06-02 09:00:00",
                                            "privacy": "private", "description": "Análisis"})
    public = ana["calendar.event"].create({"name": "Comida de equipo", "start": "2031-06-02 12:00:00", "stop": "2031-06-02 13:00:00"})
    # Beto (all documents) reads the public one, not the private one, of which he sees only the busy time.
    assert beto["calendar.event"].search([("id", "in", [private, public])]) == [public]
    assert beto["calendar.event"].search([("name", "ilike", "Médico")]) == []
    busy = beto["calendar.event"].busy_slots("2031-06-01 00:00:00", "2031-06-03 00:00:00")
    assert {"start": "2031-06-02 08:00:00", "stop": "2031-06-02 09:00:00", "allday": False, "user_id": [ana.uid, "Ana Organiza"]} in busy
    assert all("name" not in slot and "description" not in slot for slot in busy)
    with pytest.raises(odoorpc.error.RPCError) as refused:
        beto["calendar.event"].write([private], {"name": "x"})
    assert "AccessError" in str(refused.value.info)  # it exists in the company, as its busy time says
    # Invited, he reads it.
    ana["calendar.event"].write([private], {"user_ids": [(4, beto.uid)]})
    assert beto["calendar.event"].read([private], ["name"])[0]["name"] == "Médico"
    assert all(slot["start"] != "2031-06-02 08:00:00" for slot in beto["calendar.event"].busy_slots("2031-06-01 00:00:00", "2031-06-03 00:00:00"))

    # Caro sees only her own documents: not Ana's opportunity nor its meetings, nor Ana's unlinked ones.
    lead_meeting = ana["calendar.event"].create({"name": "Visita", "start": "2031-06-03 15:00:00", "stop": "2031-06-03 16:00:00",
                                                 "opportunity_id": co["lead"]})
    assert caro["calendar.event"].search([("id", "in", [lead_meeting, public])]) == []
    mine = caro["crm.lead"].create({"name": "Oportunidad de Caro", "type": "opportunity"})
    own_meeting = caro["calendar.event"].create({"name": "Mi visita", "start": "2031-06-04 15:00:00", "stop": "2031-06-04 16:00:00",
                                                 "opportunity_id": mine})
    assert caro["calendar.event"].search([("start", ">=", "2031-06-01 00:00:00"), ("start", "<", "2031-06-05 00:00:00")]) == [own_meeting]
    # She cannot plan a meeting on Ana's opportunity, nor answer for someone else.
    with pytest.raises(odoorpc.error.RPCError):
        caro["calendar.event"].create({"name": "Intrusa", "start": "2031-06-05 15:00:00", "stop": "2031-06-05 16:00:00", "opportunity_id": co["lead"]})
    [ana_attendance] = ana["calendar.attendee"].search([("event_id", "=", public), ("user_id", "=", ana.uid)])
    with pytest.raises(odoorpc.error.RPCError):
        beto["calendar.attendee"].browse(ana_attendance).do_decline()
    # A private meeting on an opportunity: its readers see a private meeting there, never what it is.
    secret = ana["calendar.event"].create({"name": "Fusión secreta", "start": "2031-06-06 15:00:00", "stop": "2031-06-06 16:00:00",
                                           "opportunity_id": co["lead"], "privacy": "private"})
    history = beto["mail.message"].search_read([("model", "=", "crm.lead"), ("res_id", "=", co["lead"])], ["body"])
    assert not any("Fusión" in m["body"] for m in history) and any("Reunión privada" in m["body"] for m in history)
    summaries = [a["summary"] for a in beto["mail.activity"].search_read([("calendar_event_id", "=", secret)], ["summary"])]
    assert summaries == ["Reunión privada"]
    assert beto["calendar.event"].search([("id", "=", secret)]) == []
    # A contact's time zone must exist (it names the times of their invitations).
    with pytest.raises(odoorpc.error.RPCError):
        ana["res.partner"].create({"name": "Marciano", "tz": "Mars/Olympus"})
    # One record for a single-record action: none is a clear error, and the server carries on.
    with pytest.raises(odoorpc.error.RPCError) as none:
        caro["crm.lead"].action_schedule_meeting([])
    assert "ValidationError" in str(none.value.info)
    assert caro["crm.lead"].search_count([]) >= 1
    # Another company sees none of it.
    other = login_admin(server)
    assert other["calendar.event"].search([("id", "in", [private, public, lead_meeting, own_meeting])]) == []


def login_admin(server):
    odoo = odoorpc.ODOO("127.0.0.1", port=server["port"])
    odoo.login(server["db"], server["login"], server["password"])
    return odoo.env


def test_meeting_activity_makes_its_meeting_and_all_day_meetings(server, co):
    ana = co["ana"]
    lead = ana["crm.lead"].create({"name": "Oportunidad con reunión", "type": "opportunity", "partner_id": co["customer"]})
    meeting_type = ana["mail.activity.type"].search([("category", "=", "meeting")])[0]
    model = ana["ir.model"].search([("model", "=", "crm.lead")])[0]
    activity = ana["mail.activity"].create({"res_model_id": model, "res_id": lead, "activity_type_id": meeting_type,
                                            "summary": "Presentar propuesta", "date_deadline": "2031-07-10"})
    [read] = ana["mail.activity"].read([activity], ["calendar_event_id"])
    event = ana["calendar.event"].read([read["calendar_event_id"][0]], ["name", "allday", "start_date", "stop_date", "start", "partner_ids",
                                                                        "opportunity_id"])[0]
    assert event["name"] == "Presentar propuesta" and event["allday"] and event["start_date"] == event["stop_date"] == "2031-07-10"
    assert event["start"] == "2031-07-10 08:00:00" and event["partner_ids"] == [co["customer"]] and event["opportunity_id"][0] == lead
    # Deleting the meeting removes its activity; the customer invited is told it is cancelled.
    assert ana["mail.mail"].search_count([("subject", "ilike", "Invitación: Presentar propuesta"), ("email_to", "ilike", CUSTOMER)]) == 1
    ana["calendar.event"].unlink([event["id"]])
    assert ana["mail.activity"].search([("id", "=", activity)]) == []
    [cancel] = ana["mail.mail"].search_read([("subject", "=", "Cancelada: Presentar propuesta"), ("email_to", "ilike", CUSTOMER)], ["id"])
    assert cancel
    # A two-day all-day meeting.
    two = ana["calendar.event"].create({"name": "Feria", "allday": True, "start_date": "2031-07-14", "stop_date": "2031-07-15",
                                        "start": "2031-07-14 00:00:00", "stop": "2031-07-15 00:00:00"})
    assert ana["calendar.event"].read([two], ["start", "stop", "duration"])[0] == {"id": two, "start": "2031-07-14 08:00:00",
                                                                                 "stop": "2031-07-15 18:00:00", "duration": 48.0}
    with pytest.raises(odoorpc.error.RPCError):
        ana["calendar.event"].create({"name": "Al revés", "start": "2031-07-14 10:00:00", "stop": "2031-07-14 09:00:00"})


def test_reminders_are_sent_once_by_the_worker(server, relay, co):
    ana = co["ana"]
    [fifteen] = ana["calendar.alarm"].search([("duration", "=", 15), ("interval", "=", "minutes"), ("alarm_type", "=", "email")])
    soon = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0) + datetime.timedelta(minutes=10)
    ana["calendar.event"].create({"name": "Llamada urgente", "start": soon.strftime("%Y-%m-%d %H:%M:%S"),
                                  "stop": (soon + datetime.timedelta(minutes=30)).strftime("%Y-%m-%d %H:%M:%S"),
                                  "alarm_ids": [(6, 0, [fifteen])], "user_ids": [(4, co["beto"].uid)]})
    reminder = wait_until(lambda: [m for m in relay["handler"].to(COLLEAGUE) if m["parsed"]["Subject"].startswith("Recordatorio: Llamada urgente")],
                          "the reminder")
    assert len(reminder) == 1
    # The worker keeps polling: a later mail to the same person arrives, and still only one reminder.
    marker = ana["res.partner"].create({"name": "Marcador", "email": COLLEAGUE})
    ana["calendar.event"].create({"name": "Marcador de orden", "start": "2031-08-01 10:00:00", "stop": "2031-08-01 11:00:00",
                                  "partner_ids": [(6, 0, [marker])]})
    wait_until(lambda: [m for m in relay["handler"].to(COLLEAGUE) if "Marcador de orden" in m["parsed"]["Subject"]], "the later mail")
    assert len([m for m in relay["handler"].to(COLLEAGUE) if m["parsed"]["Subject"].startswith("Recordatorio: Llamada urgente")]) == 1
    # The badge counts today's meetings.
    badge = co["beto"]["res.users"].systray_get_activities()
    assert any(group["model"] == "calendar.event" and group["today_count"] >= 1 for group in badge)


def test_private_feed_parsed_as_icalendar_and_revoked(server, co):
    ana = co["ana"]
    # The feed spans 90 days back to 400 days ahead: meetings in a month.
    day = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    ana["calendar.event"].create({"name": "En el feed", "start": day + " 10:00:00", "stop": day + " 11:00:00", "location": "Oficina, piso 2"})
    ana["calendar.event"].create({"name": "Serie del feed", "start": day + " 12:00:00", "stop": day + " 13:00:00", "recurrency": True,
                                  "rrule_type": "daily", "end_type": "count", "count": 3, "event_tz": "Europe/Madrid"})
    ana["calendar.event"].create({"name": "Dentista", "start": day + " 07:00:00", "stop": day + " 08:00:00", "privacy": "private"})
    model = ana["ir.model"].search([("model", "=", "crm.lead")])[0]
    ana["mail.activity"].create({"res_model_id": model, "res_id": co["lead"], "summary": "Llamar al cliente", "date_deadline": day})
    answer = ana["res.users"].calendar_feed_create(include_activities=True)
    url = answer["url"]
    path = re.search(r"(/calendar/feed/[0-9]+-[0-9a-f]{48}\.ics)$", url).group(1)
    status, headers, text = request(server, "GET", path)
    assert status == 200 and headers["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(text)
    by_name = {str(v["SUMMARY"]): v for v in calendar.walk("VEVENT")}
    assert "En el feed" in by_name and str(by_name["En el feed"]["LOCATION"]) == "Oficina, piso 2"
    assert any("Llamar al cliente" in name for name in by_name)
    assert "Serie del feed" in by_name and len(by_name["Serie del feed"]["RDATE"].dts) == 2
    assert "Dentista" in by_name and str(by_name["Dentista"]["CLASS"]) == "PRIVATE"  # her own private meeting, in her own feed
    # Stable: the same UIDs the next time; folded lines stay within 75 octets.
    again = icalendar.Calendar.from_ical(request(server, "GET", path)[2])
    assert {str(v["UID"]) for v in again.walk("VEVENT")} == {str(v["UID"]) for v in calendar.walk("VEVENT")}
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    # A colleague's feed lists only his own meetings and those he is invited to.
    beto_path = re.search(r"(/calendar/feed/[0-9]+-[0-9a-f]{48}\.ics)$", co["beto"]["res.users"].calendar_feed_create()["url"]).group(1)
    beto_names = {str(v["SUMMARY"]) for v in icalendar.Calendar.from_ical(request(server, "GET", beto_path)[2]).walk("VEVENT")}
    assert not beto_names & {"En el feed", "Dentista", "Serie del feed"} and not any("Llamar" in name for name in beto_names)
    # A new URL revokes the old; revoking leaves none.
    new_path = re.search(r"(/calendar/feed/[0-9]+-[0-9a-f]{48}\.ics)$", ana["res.users"].calendar_feed_create()["url"]).group(1)
    assert request(server, "GET", path)[0] == 404 and request(server, "GET", new_path)[0] == 200
    assert ana["res.users"].calendar_feed_revoke() is True
    assert request(server, "GET", new_path)[0] == 404
    assert request(server, "GET", "/calendar/feed/" + "a" * 48 + ".ics")[0] == 404
    assert request(server, "GET", "/calendar/feed/x'%20OR%201=1.ics")[0] == 404
