"""Issue 23, the calendar screen of the web client: week and month on a desk, the day on a phone, in the user's time zone;
meetings created by a click or a drag, moved and stretched by dragging (the stored UTC times checked through the API), the
attendees' answers and my own, the attendee filter, others' private meetings as "Busy" blocks, the opportunity's Meeting
button and the pipeline's meeting activity leading to the calendar, the subscription to my calendar.

Each test runs in headless Chromium at desktop and phone sizes, in English and in Spanish (es_MX), in a company of its own,
and keeps its screenshots in .build/web-screenshots. Nothing waits for a duration: each step waits for the state it needs.
Each test works in a week of its own (weeks ahead of today, two apart: the users' todays and first weekdays differ by a
day), so that the meetings of the others never share its days.
"""
import datetime
import re
import urllib.error
import urllib.parse
import urllib.request
import zoneinfo

import pytest

from conftest import operator_user, wait_until
from test_web_client import Session, browsers, cli, company_users, fits, go, ready, shot, wait

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

COMPANY = "Web Calendar Co"
PASSWORD = "web-cal-pass-1"
ADMIN = "cal-admin@cal.example"
# A salesperson per language, each in a time zone other than UTC (New York has daylight saving time, Mexico City has not),
# and a colleague who organizes meetings and has private ones.
USERS = {"en": ("cal-en@cal.example", "all", "en_US", "America/New_York", "Cal English"),
         "es": ("cal-es@cal.example", "all", "es_MX", "America/Mexico_City", "Cal Español"),
         "other": ("cal-other@cal.example", "all", "es_MX", "America/Mexico_City", "Colega Otra")}
BOTH = [("desktop", "en"), ("phone", "es")]
ALL = [("desktop", "en"), ("desktop", "es"), ("phone", "en"), ("phone", "es")]
HOUR_PX = 48  # calendar.js: an hour's height in the grid
SPANISH_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]
# Stored values that must never be shown as words.
INTERNAL = re.compile(r"\b(needsAction|accepted|declined|tentative|allday|busy_slots|false|true|undefined|null|NaN|None)\b")
# English words of the calendar that must not appear in Spanish.
ENGLISH = re.compile(r"\b(Today|Week|Month|Day|Busy|Everybody|Only mine|Attendees|All day|Subscribe|New|Going|Maybe|Accept|Decline)\b")


@pytest.fixture(scope="module")
def cal(server):
    """The company, its administrator (the API session returned) and its users with their sessions."""
    cli(server, "company", "create", COMPANY)
    operator_user(server, ADMIN, PASSWORD, "admin", company=COMPANY, name="Cal Admin")
    admin = Session(server, ADMIN, PASSWORD, company=COMPANY)
    admin.users = company_users(server, COMPANY, USERS, PASSWORD, lambda key: USERS[key][4])
    [team] = admin.call("crm.team", "search", [])
    admin.call("crm.team", "write", [team], {"member_ids": [[6, 0, [u.uid for u in admin.users.values()]]]})
    return admin


@pytest.fixture
def session(server, cal):
    """session(who, size, name) -> a browser logged in as `who` (a key of USERS) on the pipeline; closed, and its console
    checked for errors, at the end of the test."""
    yield from browsers(server, lambda who: USERS[who][0], PASSWORD)


def zone(who):
    return zoneinfo.ZoneInfo(USERS[who][3])


def today_of(who):
    return datetime.datetime.now(zone(who)).date()


def week(who, weeks):
    """The first day (Monday in Spanish, Sunday in English) of the week `weeks` weeks after this one."""
    day = today_of(who) + datetime.timedelta(days=7 * weeks)
    first = 0 if USERS[who][2].startswith("es") else 6
    return day - datetime.timedelta(days=(day.weekday() - first) % 7)


def utc(who, day, hour, minute=0):
    """The UTC text ("YYYY-MM-DD HH:MM:SS") of a wall time in the user's zone."""
    local = datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone(who))
    return local.astimezone(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def meeting(session, name, who, day, start, end, users=(), partners=(), **extra):
    """A meeting created through the API by `session`, at the wall times start–end (hours, floats) of `who`, with colleagues
    (users) and customers or contacts (partners) as attendees."""
    values = {"name": name, "start": utc(who, day, int(start), round(start % 1 * 60)), "stop": utc(who, day, int(end), round(end % 1 * 60)),
              "user_ids": [[6, 0, list(users)]], "partner_ids": [[6, 0, list(partners)]], **extra}
    return session.call("calendar.event", "create", values)


def read_event(cal, event, fields=("start", "stop", "allday", "start_date", "stop_date", "user_ids", "partner_ids", "opportunity_id", "res_model",
                                   "res_id", "name")):
    return cal.call("calendar.event", "read", [event], list(fields))[0]


def open_calendar(driver, server, view, day):
    route = f"#/calendar?view={view}&date={day.isoformat()}"
    go(driver, server, route)
    wait(driver).until(lambda d: d.find_element(By.ID, "calendar").get_attribute("aria-busy") == "false")


def block(driver, event):
    return wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, f'#calendar .cal-event[data-id="{event}"]')))


def slot(driver, day, hour, minute=0):
    """The grid's half hour starting at that wall time, scrolled to the middle of the calendar (the top has the days' names)."""
    node = driver.find_element(By.CSS_SELECTOR, f'#calendar .cal-slot[data-start="{day.isoformat()}T{hour:02d}:{minute:02d}"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", node)
    return node


def centred(driver, node):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", node)
    return node


def offset(driver, node, day, hour, minute=0):
    """How far (px) a block's top is from the grid's line of that wall time (both measured in the same scroll)."""
    centred(driver, node)
    return driver.execute_script("return arguments[0].getBoundingClientRect().top - document.querySelector(arguments[1]).getBoundingClientRect().top",
                                 node, f'#calendar .cal-slot[data-start="{day.isoformat()}T{hour:02d}:{minute:02d}"]')


def snap(driver, name):
    """A screenshot of the screen from its top (the steps scroll the page to reach the grid's hours)."""
    driver.execute_script("window.scrollTo(0, 0)")
    shot(driver, name)


def page_text(driver):
    return driver.execute_script("return document.getElementById('main').innerText")


def chips(form, name):
    """The ids of the chips of the form's attendees field `name` (user_ids: colleagues, partner_ids: customers and contacts)."""
    return [int(c.get_attribute("data-id")) for c in form.find_elements(By.CSS_SELECTOR, f".attendee-chips:has(select[name={name}]) .tag-chips li")]


def dialog_form(driver):
    return wait(driver).until(EC.visibility_of_element_located((By.ID, "event-form")))


def save_event(driver, name):
    form = dialog_form(driver)
    title = form.find_element(By.NAME, "name")
    title.clear()
    title.send_keys(name)
    form.find_element(By.ID, "save-event").click()
    wait(driver).until(lambda d: not d.find_elements(By.ID, "event-form"))


def created(cal, name):
    return wait_for(lambda: cal.call("calendar.event", "search", [["name", "=", name]]), f"the event {name}")[0]


def wait_for(condition, what):
    return wait_until(condition, what, timeout=15)


def plain(text):
    """Text with the thin and narrow spaces of Intl's formats as plain spaces."""
    return re.sub("[\u2009\u202f\u00a0]", " ", text)


def week_title(who, first):
    last = first + datetime.timedelta(days=6)
    if USERS[who][2].startswith("es"):
        if first.month == last.month:
            return f"{first.day}–{last.day} de {SPANISH_MONTHS[first.month - 1]} de {first.year}"
        return None  # across two months: checked loosely
    if first.month == last.month:
        return f"{first.strftime('%B')} {first.day} – {last.day}, {first.year}"
    return None


def month_title(who, day):
    if USERS[who][2].startswith("es"):
        return f"{SPANISH_MONTHS[day.month - 1].capitalize()} de {day.year}"
    return day.strftime("%B %Y")


def time_text(who, hour, minute=0):
    if USERS[who][2].startswith("es"):
        return f"{hour:02d}:{minute:02d}"
    return f"{(hour - 1) % 12 + 1}:{minute:02d} {'AM' if hour < 12 else 'PM'}"


@pytest.mark.parametrize("size,lang", ALL)
def test_week_month_and_day_in_the_users_time_zone(server, cal, session, size, lang):
    """Meetings stored in UTC appear at their hours in the user's zone, in the week, the month and (a phone's default) the day;
    the titles and the days' names in the user's language, Monday first in Spanish."""
    me = cal.users[lang]
    first = week(lang, 3 + 2 * ALL.index((size, lang)))
    tuesday = first + datetime.timedelta(days=2 if lang == "en" else 1)
    name = f"Demo sillas {size} {lang}"
    event = meeting(me, name, lang, tuesday, 10, 11.5, users=[me.uid], location="Sala 2")
    allday = me.call("calendar.event", "create", {"name": f"Expo {size} {lang}", "allday": True, "start_date": tuesday.isoformat(),
                                                   "stop_date": (tuesday + datetime.timedelta(days=1)).isoformat(),
                                                   "start": f"{tuesday} 08:00:00", "stop": f"{tuesday + datetime.timedelta(days=1)} 18:00:00",
                                                   "user_ids": [[6, 0, [me.uid]]]})
    stored = read_event(cal, event)
    assert stored["start"] == utc(lang, tuesday, 10)
    driver = session(lang, size, f"calendar-views-{size}-{lang}")
    nav = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#nav a")]
    if size == "desktop":
        assert ("Calendario" if lang == "es" else "Calendar") in nav
    # A phone opens on the day, a desk on the week.
    go(driver, server, "#/calendar")
    wait(driver).until(lambda d: d.find_element(By.ID, "calendar").get_attribute("data-view") == ("day" if size == "phone" else "week"))
    # The week: the meeting in Tuesday's column, at 10:00 in the user's zone (the grid's 10:00 line), with its hours.
    open_calendar(driver, server, "week", tuesday)
    title = plain(driver.find_element(By.ID, "calendar-title").text)
    expected = week_title(lang, first)
    assert title == expected if expected else str(first.day) in title
    days = [b.get_attribute("data-day") for b in driver.find_elements(By.CSS_SELECTOR, "#calendar .cal-day-name")]
    assert days[0] == first.isoformat() and len(days) == 7
    first_name = driver.find_element(By.CSS_SELECTOR, "#calendar .cal-day-name .wd").text
    assert first_name.lower().startswith("lun" if lang == "es" else "sun")
    node = block(driver, event)
    assert node.find_element(By.XPATH, "ancestor::div[contains(@class, 'cal-day-col')]").get_attribute("data-day") == tuesday.isoformat()
    if size == "desktop":
        assert plain(node.find_element(By.CSS_SELECTOR, ".time").text) in (
            f"{time_text(lang, 10)}–{time_text(lang, 11, 30)}", "10:00 – 11:30 AM")
    assert abs(offset(driver, node, tuesday, 10)) <= 2
    height = driver.execute_script("return arguments[0].getBoundingClientRect().height", node)
    assert abs(height - 1.5 * HOUR_PX) <= 2
    bar = block(driver, allday)
    assert bar.find_element(By.XPATH, "ancestor::div[contains(@class, 'cal-allday')]")
    assert not INTERNAL.search(page_text(driver))
    if lang == "es":
        assert not ENGLISH.search(driver.find_element(By.CSS_SELECTOR, ".cal-toolbar").text + page_text(driver).replace(name, ""))
    assert fits(driver)
    snap(driver, f"60-{size}-{lang}-calendar-week")
    # The month: both on Tuesday's cell, the timed one with its start.
    driver.find_element(By.CSS_SELECTOR, '#calendar-views [data-view="month"]').click()
    wait(driver).until(lambda d: d.find_element(By.ID, "calendar").get_attribute("data-view") == "month")
    wait(driver).until(lambda d: d.find_element(By.ID, "calendar-title").text == month_title(lang, tuesday))
    cell = driver.find_element(By.CSS_SELECTOR, f'#calendar .cal-month-day[data-day="{tuesday.isoformat()}"]')
    ids = [c.get_attribute("data-id") for c in cell.find_elements(By.CSS_SELECTOR, ".cal-event[data-id]")]
    assert str(event) in ids and str(allday) in ids
    if size == "desktop":
        assert plain(cell.find_element(By.CSS_SELECTOR, f'.cal-event[data-id="{event}"] .time').text) == time_text(lang, 10)
    assert fits(driver)
    snap(driver, f"61-{size}-{lang}-calendar-month")
    # The day: from the month's day number.
    cell.find_element(By.CSS_SELECTOR, "button.day-number").click()
    wait(driver).until(lambda d: d.find_element(By.ID, "calendar").get_attribute("data-view") == "day")
    node = block(driver, event)
    title = driver.find_element(By.ID, "calendar-title").text
    assert (SPANISH_MONTHS[tuesday.month - 1] if lang == "es" else tuesday.strftime("%B")) in title and str(tuesday.day) in title
    assert abs(offset(driver, node, tuesday, 10)) <= 2
    assert fits(driver)
    snap(driver, f"62-{size}-{lang}-calendar-day")


@pytest.mark.parametrize("size,lang", BOTH)
def test_create_by_click_and_by_drag(server, cal, session, size, lang):
    """A click on a time offers an hour from there; a drag over several half hours offers them; the stored times are the
    user's wall times in UTC, the user and the chosen customer are attendees."""
    first = week(lang, 11 + 2 * BOTH.index((size, lang)))
    day = first + datetime.timedelta(days=3)
    customer = cal.call("res.partner", "create", {"name": f"Cliente Calendario {size} {lang}"})
    driver = session(lang, size, f"calendar-create-{size}-{lang}")
    view = "day" if size == "phone" else "week"
    open_calendar(driver, server, view, day)
    slot(driver, day, 9).click()
    form = dialog_form(driver)
    assert form.find_element(By.NAME, "start_time").get_attribute("value") == "09:00"
    assert form.find_element(By.NAME, "stop_time").get_attribute("value") == "10:00"
    assert chips(form, "user_ids") == [cal.users[lang].uid] and chips(form, "partner_ids") == []
    Select(form.find_element(By.NAME, "partner_ids")).select_by_value(str(customer))
    wait(driver).until(lambda d: chips(d.find_element(By.ID, "event-form"), "partner_ids") == [customer])
    shot(driver, f"63-{size}-{lang}-calendar-new-event")
    name = f"Clic {size} {lang}"
    save_event(driver, name)
    event = created(cal, name)
    stored = read_event(cal, event)
    assert (stored["start"], stored["stop"], stored["allday"]) == (utc(lang, day, 9), utc(lang, day, 10), False)
    assert (stored["user_ids"], stored["partner_ids"]) == ([cal.users[lang].uid], [customer])
    block(driver, event)
    # A drag from 14:00 to the half hour of 15:30: 14:00–16:00.
    ActionChains(driver).click_and_hold(slot(driver, day, 14)).move_to_element(driver.find_element(
        By.CSS_SELECTOR, f'#calendar .cal-slot[data-start="{day.isoformat()}T15:30"]')).pause(0.05).release().perform()
    form = dialog_form(driver)
    assert (form.find_element(By.NAME, "start_time").get_attribute("value"), form.find_element(By.NAME, "stop_time").get_attribute("value")) == ("14:00", "16:00")
    name = f"Arrastre {size} {lang}"
    save_event(driver, name)
    event = created(cal, name)
    stored = read_event(cal, event)
    assert (stored["start"], stored["stop"]) == (utc(lang, day, 14), utc(lang, day, 16))
    node = block(driver, event)
    assert abs(driver.execute_script("return arguments[0].getBoundingClientRect().height", node) - 2 * HOUR_PX) <= 2
    snap(driver, f"64-{size}-{lang}-calendar-created")
    # The first one edited from its details (a new title and place), then deleted after confirming.
    clicked = created(cal, f"Clic {size} {lang}")
    centred(driver, block(driver, clicked)).click()
    wait(driver).until(EC.visibility_of_element_located((By.ID, "edit-event"))).click()
    form = dialog_form(driver)
    assert form.find_element(By.NAME, "start_time").get_attribute("value") == "09:00"
    form.find_element(By.NAME, "location").send_keys("Sala de juntas")
    save_event(driver, f"Clic editado {size} {lang}")
    wait_for(lambda: read_event(cal, clicked, ["name", "location"]) == {"id": clicked, "name": f"Clic editado {size} {lang}",
                                                                         "location": "Sala de juntas"}, "the edited meeting")
    assert read_event(cal, clicked)["start"] == utc(lang, day, 9)
    wait(driver).until(lambda d: f"Clic editado {size} {lang}" in block(d, clicked).text)
    centred(driver, block(driver, clicked)).click()
    wait(driver).until(EC.visibility_of_element_located((By.ID, "delete-event"))).click()
    confirm = wait(driver).until(EC.visibility_of_element_located((By.ID, "confirm-form")))
    assert f"Clic editado {size} {lang}" in confirm.text
    confirm.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(lambda: not cal.call("calendar.event", "search", [["id", "=", clicked]]), "the deleted meeting")
    wait(driver).until(lambda d: not d.find_elements(By.CSS_SELECTOR, f'#calendar .cal-event[data-id="{clicked}"]'))
    # A drag over days of the all-day row (a desk's week): an all-day event over them.
    if size == "desktop":
        cells = {c.get_attribute("data-day"): c for c in driver.find_elements(By.CSS_SELECTOR, "#calendar .cal-allday-cell")}
        start, end = first + datetime.timedelta(days=1), first + datetime.timedelta(days=3)
        driver.execute_script("document.querySelector('#calendar .cal-scroll').scrollTop = 0")
        ActionChains(driver).click_and_hold(cells[start.isoformat()]).move_to_element(cells[end.isoformat()]).pause(0.05).release().perform()
        form = dialog_form(driver)
        assert form.find_element(By.NAME, "allday").is_selected()
        name = f"Feria {size} {lang}"
        save_event(driver, name)
        stored = read_event(cal, created(cal, name))
        assert (stored["allday"], stored["start_date"], stored["stop_date"]) == (True, start.isoformat(), end.isoformat())


@pytest.mark.parametrize("size,lang", BOTH)
def test_move_and_resize_by_dragging(server, cal, session, size, lang):
    """Dragging a meeting moves it (to another day on a desk, by quarters of an hour); dragging its lower edge changes its
    end; the new times are stored in UTC. A recurring meeting asks which of its events move."""
    me = cal.users[lang]
    first = week(lang, 15 + 2 * BOTH.index((size, lang)))
    day = first + datetime.timedelta(days=2)
    event = meeting(me, f"Mover {size} {lang}", lang, day, 10, 11, users=[me.uid])
    driver = session(lang, size, f"calendar-move-{size}-{lang}")
    open_calendar(driver, server, "day" if size == "phone" else "week", day)
    node = centred(driver, block(driver, event))
    # Pressed near its top (10:00 + a few minutes), released as far into 12:00 on the next day (a desk) or the same day.
    target_day = day + datetime.timedelta(days=1) if size == "desktop" else day
    target = slot(driver, target_day, 12)
    node = block(driver, event)
    ActionChains(driver).move_to_element_with_offset(node, 0, -node.size["height"] // 2 + 5).click_and_hold().move_by_offset(0, 8) \
        .move_to_element_with_offset(target, 0, -target.size["height"] // 2 + 5).pause(0.05).release().perform()
    wait_for(lambda: read_event(cal, event)["start"] == utc(lang, target_day, 12), "the moved meeting")
    assert read_event(cal, event)["stop"] == utc(lang, target_day, 13)
    # Drawn again where it went: in its new day's column, at 12:00.
    wait(driver).until(lambda d: abs(offset(d, block(d, event), target_day, 12)) <= 2)
    node = block(driver, event)
    assert node.find_element(By.XPATH, "ancestor::div[contains(@class, 'cal-day-col')]").get_attribute("data-day") == target_day.isoformat()
    # Its lower edge, two hours down: 12:00–15:00.
    handle = node.find_element(By.CSS_SELECTOR, ".resize")
    ActionChains(driver).click_and_hold(handle).move_by_offset(0, HOUR_PX).move_by_offset(0, HOUR_PX).pause(0.05).release().perform()
    wait_for(lambda: read_event(cal, event)["stop"] == utc(lang, target_day, 15), "the stretched meeting")
    assert read_event(cal, event)["start"] == utc(lang, target_day, 12)
    snap(driver, f"65-{size}-{lang}-calendar-moved")
    # A weekly meeting, three times: moving one asks "this event, this and following, all"; "this event" moves it alone.
    weekly = me.call("calendar.event", "create", {"name": f"Semanal {size} {lang}", "start": utc(lang, day, 16), "stop": utc(lang, day, 17),
                                                  "user_ids": [[6, 0, [me.uid]]], "recurrency": True, "rrule_type": "weekly",
                                                  "interval": 1, "end_type": "count", "count": 3,
                                                  ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][day.weekday()]: True})
    recurrence = read_event(cal, weekly, ["recurrence_id"])["recurrence_id"]
    assert recurrence, "a recurring event has its recurrence"
    occurrences = cal.call("calendar.event", "search_read", [["recurrence_id", "=", recurrence[0]]], ["start", "stop"], order="start")
    assert len(occurrences) == 3
    this_week = [o for o in occurrences if o["start"] == utc(lang, day, 16)]
    assert this_week, occurrences
    open_calendar(driver, server, "day" if size == "phone" else "week", day)
    node = centred(driver, block(driver, this_week[0]["id"]))
    target = slot(driver, day, 18)
    node = block(driver, this_week[0]["id"])
    ActionChains(driver).move_to_element_with_offset(node, 0, -node.size["height"] // 2 + 5).click_and_hold().move_by_offset(0, 8) \
        .move_to_element_with_offset(target, 0, -target.size["height"] // 2 + 5).pause(0.05).release().perform()
    question = wait(driver).until(EC.visibility_of_element_located((By.ID, "recurrence-form")))
    choices = [r.get_attribute("value") for r in question.find_elements(By.NAME, "recurrence_update")]
    assert choices == ["self_only", "future_events", "all_events"]
    assert ("Este evento" if lang == "es" else "This event") in question.text
    shot(driver, f"66-{size}-{lang}-calendar-recurring-question")
    question.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(lambda: read_event(cal, this_week[0]["id"])["start"] == utc(lang, day, 18), "the moved occurrence")
    others = cal.call("calendar.event", "read", [o["id"] for o in occurrences if o["id"] != this_week[0]["id"]], ["start"])
    assert sorted(o["start"] for o in others) == sorted(o["start"] for o in occurrences if o["id"] != this_week[0]["id"])


@pytest.mark.parametrize("size,lang", BOTH)
def test_attendees_answers_and_mine(server, cal, session, size, lang):
    """The details list the attendees with their answers (icons and words); my buttons change my answer (calendar.attendee)."""
    other = cal.users["other"]
    first = week(lang, 19 + 2 * BOTH.index((size, lang)))
    day = first + datetime.timedelta(days=1)
    customer = cal.call("res.partner", "create", {"name": f"Cliente Respuestas {size} {lang}"})
    me = cal.users[lang]
    event = meeting(other, f"Respuestas {size} {lang}", lang, day, 11, 12, users=[other.uid, me.uid], partners=[customer],
                    location="Oficina Guadalajara", videocall_location="https://meet.example/abc")
    # Colleagues attend as users ("u<id>"), customers as partners ("p<id>"); the organizer has accepted.
    attendees = {(f"u{a['user_id'][0]}" if a["user_id"] else f"p{a['partner_id'][0]}"): a["id"]
                 for a in cal.call("calendar.attendee", "search_read", [["event_id", "=", event]], ["partner_id", "user_id"])}
    mine = attendees[f"u{me.uid}"]
    assert set(attendees) == {f"u{other.uid}", f"u{me.uid}", f"p{customer}"}
    other.call("calendar.attendee", "do_decline", [attendees[f"p{customer}"]])
    driver = session(lang, size, f"calendar-answers-{size}-{lang}")
    open_calendar(driver, server, "day" if size == "phone" else "week", day)
    centred(driver, block(driver, event)).click()
    details = wait(driver).until(EC.visibility_of_element_located((By.ID, "event-details")))
    wait(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#event-attendees li")) == 3)
    states = lambda d: {li.get_attribute("data-key"): (li.get_attribute("data-state"), li.find_element(By.CSS_SELECTOR, ".answer").text)
                        for li in d.find_elements(By.CSS_SELECTOR, "#event-attendees li")}
    words = {"es": {"accepted": "Asistirá", "declined": "No asistirá", "needsAction": "Sin responder", "tentative": "Tal vez asista"},
             "en": {"accepted": "Going", "declined": "Not going", "needsAction": "Awaiting answer", "tentative": "Maybe going"}}[lang]
    assert states(driver) == {f"u{other.uid}": ("accepted", words["accepted"]), f"p{customer}": ("declined", words["declined"]),
                              f"u{me.uid}": ("needsAction", words["needsAction"])}
    assert "Oficina Guadalajara" in details.text and USERS["other"][4] in details.text
    assert not INTERNAL.search(details.text)
    shot(driver, f"67-{size}-{lang}-calendar-details")
    buttons = {b.get_attribute("class"): b for b in details.find_elements(By.CSS_SELECTOR, "#my-answer button")}
    assert [b.text for b in buttons.values()] == (["Aceptar", "Tal vez", "Rechazar"] if lang == "es" else ["Accept", "Maybe", "Decline"])
    buttons["answer-tentative"].click()
    wait_for(lambda: cal.call("calendar.attendee", "read", [mine], ["state"])[0]["state"] == "tentative", "my maybe")
    wait(driver).until(lambda d: states(d)[f"u{me.uid}"] == ("tentative", words["tentative"]))
    driver.find_element(By.CSS_SELECTOR, "#my-answer button.answer-accepted").click()
    wait_for(lambda: cal.call("calendar.attendee", "read", [mine], ["state"])[0]["state"] == "accepted", "my yes")
    wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, "#my-answer button.answer-accepted").get_attribute("aria-pressed") == "true")
    shot(driver, f"68-{size}-{lang}-calendar-my-answer")
    # Closed: the block says the answer (no longer unanswered).
    driver.find_element(By.CSS_SELECTOR, "#event-details .buttons .cancel").click()
    wait(driver).until(lambda d: "answer-accepted" in block(d, event).get_attribute("class"))


@pytest.mark.parametrize("size,lang", BOTH)
def test_attendee_filter_and_private_meetings_busy(server, cal, session, size, lang):
    """Everybody's meetings, or only mine, or those of the attendees ticked; a colleague's private meeting is a grey "Busy"
    block, its name nowhere."""
    me, other = cal.users[lang], cal.users["other"]
    first = week(lang, 23 + 2 * BOTH.index((size, lang)))
    day = first + datetime.timedelta(days=2)
    customer = cal.call("res.partner", "create", {"name": f"Cliente Filtro {size} {lang}"})
    mine = meeting(me, f"Mía {size} {lang}", lang, day, 9, 10, users=[me.uid])
    theirs = meeting(other, f"De la colega {size} {lang}", lang, day, 13, 14, users=[other.uid], partners=[customer])
    secret = f"Secreto médico {size} {lang}"
    meeting(other, secret, lang, day, 16, 17, users=[other.uid], privacy="private")
    driver = session(lang, size, f"calendar-filter-{size}-{lang}")
    open_calendar(driver, server, "day" if size == "phone" else "week", day)
    if size == "phone":
        driver.find_element(By.CSS_SELECTOR, "#calendar-filters summary").click()
    shown = lambda d: {int(n.get_attribute("data-id")) for n in d.find_elements(By.CSS_SELECTOR, "#calendar .cal-event[data-id]")}
    wait(driver).until(lambda d: {mine, theirs} <= shown(d))
    busy = driver.find_elements(By.CSS_SELECTOR, f'#calendar .cal-day-col[data-day="{day.isoformat()}"] .cal-busy')
    assert len(busy) == 1 and busy[0].text == ("Ocupado" if lang == "es" else "Busy")
    assert abs(offset(driver, busy[0], day, 16)) <= 2
    assert secret not in driver.page_source
    snap(driver, f"69-{size}-{lang}-calendar-busy")
    # Only mine.
    driver.find_element(By.ID, "filter-mine").click()
    wait(driver).until(lambda d: mine in shown(d) and theirs not in shown(d))
    assert not driver.find_elements(By.CSS_SELECTOR, "#calendar .cal-busy")
    boxes = {b.get_attribute("data-key"): b for b in driver.find_elements(By.CSS_SELECTOR, "#attendee-filter input[type=checkbox]")}
    assert boxes[f"u{me.uid}"].is_selected() and not boxes[f"p{customer}"].is_selected() and not boxes[f"u{other.uid}"].is_selected()
    snap(driver, f"70-{size}-{lang}-calendar-only-mine")
    # Everybody, then the colleague and the customer unticked: their meeting goes, mine stays.
    driver.find_element(By.ID, "filter-all").click()
    wait(driver).until(lambda d: {mine, theirs} <= shown(d))
    driver.find_element(By.CSS_SELECTOR, f'#attendee-filter input[data-key="p{customer}"]').click()
    wait(driver).until(lambda d: theirs in shown(d))  # the colleague is still ticked
    driver.find_element(By.CSS_SELECTOR, f'#attendee-filter input[data-key="u{other.uid}"]').click()
    wait(driver).until(lambda d: theirs not in shown(d) and mine in shown(d))
    assert driver.find_element(By.ID, "filter-all").get_attribute("aria-pressed") == "false"
    driver.find_element(By.ID, "filter-all").click()
    wait(driver).until(lambda d: theirs in shown(d))


@pytest.mark.parametrize("size,lang", BOTH)
def test_meeting_button_of_the_opportunity(server, cal, session, size, lang):
    """The opportunity's Meeting button (its count) opens the calendar ready for a meeting about it: the new meeting carries
    the opportunity and its customer; marking it done closes its meeting activity."""
    customer = cal.call("res.partner", "create", {"name": f"Comprador Reunión {size} {lang}", "email": f"reunion-{size}-{lang}@cal.example"})
    lead_name = f"Sillas para sala de juntas {size} {lang}"
    lead = cal.call("crm.lead", "create", {"name": lead_name, "type": "opportunity", "partner_id": customer, "user_id": cal.users[lang].uid})
    driver = session(lang, size, f"calendar-opportunity-{size}-{lang}")
    go(driver, server, f"#/lead/{lead}")
    button = wait(driver).until(EC.element_to_be_clickable((By.ID, "smart-meetings")))
    assert button.text.startswith("0") and ("Reuniones" if lang == "es" else "Meetings") in button.text
    shot(driver, f"71-{size}-{lang}-opportunity-meeting-button")
    button.click()
    ready(driver, "#/calendar")
    banner = wait(driver).until(EC.visibility_of_element_located((By.ID, "meeting-banner")))
    assert lead_name in banner.text
    # Next week (next day on a phone), at 10:00 of its first day shown.
    driver.find_element(By.ID, "calendar-next").click()
    wait(driver).until(lambda d: d.find_element(By.ID, "calendar").get_attribute("aria-busy") == "false")
    day = datetime.date.fromisoformat(driver.find_element(By.CSS_SELECTOR, "#calendar .cal-day-col").get_attribute("data-day"))
    hour = 10 if size == "desktop" else 17  # the two sizes' days may be the same one
    slot(driver, day, hour, 30).click()
    form = dialog_form(driver)
    assert form.find_element(By.NAME, "name").get_attribute("value") == lead_name
    assert Select(form.find_element(By.NAME, "opportunity_id")).first_selected_option.get_attribute("value") == str(lead)
    assert chips(form, "partner_ids") == [customer] and chips(form, "user_ids") == [cal.users[lang].uid]
    shot(driver, f"72-{size}-{lang}-opportunity-meeting-form")
    form.find_element(By.ID, "save-event").click()
    event = wait_for(lambda: cal.call("calendar.event", "search", [["opportunity_id", "=", lead]]), "the opportunity's meeting")[0]
    stored = read_event(cal, event)
    assert stored["opportunity_id"][0] == lead and stored["partner_ids"] == [customer] and stored["user_ids"] == [cal.users[lang].uid]
    assert (stored["res_model"], stored["res_id"]) == ("crm.lead", lead)
    assert stored["start"] == utc(lang, day, hour, 30)
    wait(driver).until(lambda d: not d.find_element(By.ID, "meeting-banner").is_displayed())
    assert cal.call("crm.lead", "read", [lead], ["meeting_count"])[0]["meeting_count"] == 1
    open_meetings = lambda: cal.call("mail.activity", "search", [["calendar_event_id", "=", event]])
    assert open_meetings(), "a meeting linked to the opportunity has its meeting activity"
    # Its details link to the opportunity; "Mark as done" closes the meeting activity.
    centred(driver, block(driver, event)).click()
    details = wait(driver).until(EC.visibility_of_element_located((By.ID, "event-details")))
    assert details.find_element(By.ID, "event-opportunity").get_attribute("href").endswith(f"#/lead/{lead}")
    details.find_element(By.ID, "done-event").click()
    wait_for(lambda: not open_meetings(), "the meeting activity done")
    go(driver, server, f"#/lead/{lead}")
    assert wait(driver).until(EC.presence_of_element_located((By.ID, "smart-meetings"))).text.startswith("1")


@pytest.mark.parametrize("size,lang", BOTH)
def test_meeting_activity_from_the_pipeline_leads_to_the_calendar(server, cal, session, size, lang):
    """Scheduling an activity of the meeting category from the pipeline's clock opens the calendar with the opportunity."""
    customer = cal.call("res.partner", "create", {"name": f"Cliente Reloj {size} {lang}"})
    lead_name = f"Reloj reunión {size} {lang}"
    stages = {s["name"]: s["id"] for s in cal.call("crm.stage", "search_read", [], ["name"])}
    lead = cal.call("crm.lead", "create", {"name": lead_name, "type": "opportunity", "partner_id": customer, "user_id": cal.users[lang].uid,
                                           "stage_id": stages["New"]})
    [meeting_type] = cal.call("mail.activity.type", "search", [["category", "=", "meeting"]], limit=1)
    driver = session(lang, size, f"calendar-clock-{size}-{lang}")
    go(driver, server, "#/pipeline")
    if size == "phone":
        Select(driver.find_element(By.ID, "stage-switch")).select_by_value(str(stages["New"]))
    card = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, f'.card[data-id="{lead}"]')))
    centred(driver, card).find_element(By.CSS_SELECTOR, "button.activity-clock").click()
    dialog = wait(driver).until(EC.visibility_of_element_located((By.ID, "activity-form")))
    Select(dialog.find_element(By.NAME, "activity_type_id")).select_by_value(str(meeting_type))
    submit = dialog.find_element(By.ID, "schedule-submit")
    assert submit.text == ("Abrir el calendario" if lang == "es" else "Open the calendar")
    shot(driver, f"73-{size}-{lang}-clock-meeting")
    submit.click()
    ready(driver, "#/calendar")
    assert lead_name in wait(driver).until(EC.visibility_of_element_located((By.ID, "meeting-banner"))).text
    for _ in range(2):
        driver.find_element(By.ID, "calendar-next").click()
        wait(driver).until(lambda d: d.find_element(By.ID, "calendar").get_attribute("aria-busy") == "false")
    day = datetime.date.fromisoformat(driver.find_element(By.CSS_SELECTOR, "#calendar .cal-day-col").get_attribute("data-day"))
    slot(driver, day, 15 if size == "desktop" else 19).click()
    form = dialog_form(driver)
    assert Select(form.find_element(By.NAME, "opportunity_id")).first_selected_option.get_attribute("value") == str(lead)
    form.find_element(By.ID, "save-event").click()
    event = wait_for(lambda: cal.call("calendar.event", "search", [["opportunity_id", "=", lead]]), "the meeting")[0]
    assert customer in read_event(cal, event)["partner_ids"]


@pytest.mark.parametrize("size,lang", BOTH)
def test_subscribe_to_my_calendar(server, cal, session, size, lang):
    """A private link (shown once, with a copy button and the apps' hints) serves the user's meetings as iCalendar; revoked,
    it serves nothing."""
    me = cal.users[lang]
    first = week(lang, 27 + 2 * BOTH.index((size, lang)))
    name = f"En el feed {size} {lang}"
    meeting(me, name, lang, first + datetime.timedelta(days=1), 10, 11, users=[me.uid])
    driver = session(lang, size, f"calendar-feed-{size}-{lang}")
    go(driver, server, "#/calendar")
    driver.find_element(By.ID, "calendar-subscribe").click()
    panel = wait(driver).until(EC.visibility_of_element_located((By.ID, "subscribe")))
    panel.find_element(By.NAME, "include_activities").click()
    panel.find_element(By.ID, "create-feed").click()
    url = wait(driver).until(EC.visibility_of_element_located((By.ID, "feed-url"))).get_attribute("value")
    assert re.search(r"/calendar/feed/[^/]+\.ics$", url), url
    assert "Google" in panel.text and "Outlook" in panel.text and "Apple" in panel.text
    assert panel.find_element(By.ID, "copy-feed").is_displayed()
    shot(driver, f"74-{size}-{lang}-calendar-subscribe")
    path = urllib.parse.urlparse(url).path
    with urllib.request.urlopen(server["url"] + path) as answer:
        body = answer.read().decode()
    assert "BEGIN:VCALENDAR" in body and name in body
    panel.find_element(By.ID, "revoke-feed").click()
    wait(driver).until(EC.visibility_of_element_located((By.ID, "confirm-form"))).find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(driver).until(lambda d: d.find_element(By.ID, "feed-revoked").text)
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(server["url"] + path)
    assert refused.value.code in (403, 404, 410)
