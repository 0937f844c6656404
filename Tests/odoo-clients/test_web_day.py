"""Issue 22, the parts of a sales team's day the web client does on its own: amounts, dates and words in the user's
language; the lead form grouped as Odoo's; the pipeline's clock, quick create and search; reports; configuration for
administrators; customers, products and pricelists; the quotation's lines priced as they are added.

Each test runs in headless Chromium at desktop and phone sizes, in English and in Spanish (es_MX), in a company of its own,
and keeps its screenshots in .build/web-screenshots. Nothing waits for a duration: each step waits for the state it needs.
"""
import datetime
import re
import zoneinfo

import pytest

from conftest import operator_user
from test_web_client import Session, browsers, cli, company_users, fits, go, ready, shot, wait

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

COMPANY = "Web Day Co"
PASSWORD = "web-day-pass-1"
ADMIN = "day-admin@day.example"
# A salesperson per language (all documents), an administrator in Spanish, a salesperson who sees their own documents only.
USERS = {"en": ("day-en@day.example", "all", "en_US", "UTC"), "es": ("day-es@day.example", "all", "es_MX", "America/Mexico_City"),
         "admin-es": ("day-admin-es@day.example", "admin", "es_MX", "America/Mexico_City"),
         "own": ("day-own@day.example", "own", "es_MX", "America/Mexico_City")}
# Every test at both sizes and in both languages; the locale test in the four combinations.
BOTH = [("desktop", "en"), ("phone", "es")]
ALL = [("desktop", "en"), ("desktop", "es"), ("phone", "en"), ("phone", "es")]
SPANISH_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"]


@pytest.fixture(scope="module")
def day(server):
    """The company, its administrator (the API session returned) and its users; the salespeople are members of the team."""
    cli(server, "company", "create", COMPANY)
    operator_user(server, ADMIN, PASSWORD, "admin", company=COMPANY, name="Day Admin")
    admin = Session(server, ADMIN, PASSWORD, company=COMPANY)
    uids = {key: user.uid for key, user in company_users(server, COMPANY, USERS, PASSWORD, lambda key: f"Day {key.title()}").items()}
    [team] = admin.call("crm.team", "search", [])
    admin.call("crm.team", "write", [team], {"member_ids": [[6, 0, list(uids.values())]]})
    admin.uids, admin.team = uids, team
    admin.stages = {s["name"]: s["id"] for s in admin.call("crm.stage", "search_read", [], ["name"])}
    return admin


@pytest.fixture
def session(server, day):
    """session(who, size, name) -> a browser logged in as `who` (a key of USERS, or "admin"), on the pipeline; closed, and
    its console checked for errors, at the end of the test."""
    yield from browsers(server, lambda who: ADMIN if who == "admin" else USERS[who][0], PASSWORD)


def user_of(lang):
    return "es" if lang == "es" else "en"


def day_text(value, lang):
    """A date as the client shows it: mm/dd/yyyy in English, dd/mm/aaaa in Spanish."""
    return value.strftime("%d/%m/%Y" if lang == "es" else "%m/%d/%Y")


def today_of(lang):
    return datetime.datetime.now(zoneinfo.ZoneInfo(USERS[user_of(lang)][3])).date()


def month_text(value, lang):
    if lang == "es":
        return f"{SPANISH_MONTHS[value.month - 1].capitalize()} de {value.year}"
    return value.strftime("%B %Y")


# Stored values and technical names that must never be shown as words.
INTERNAL = re.compile(r"\b(planned|overdue|today|None|false|true|undefined|null|NaN|opportunity|lead|draft|sale|cancel)\b|\b[a-z]+_[a-z_]+\b")


def internal_words(driver):
    text = driver.execute_script("return document.getElementById('main').innerText")
    return sorted({match.group(0) for match in INTERNAL.finditer(text) if "@" not in match.group(0)})


@pytest.mark.parametrize("size,lang", ALL)
def test_amounts_dates_and_words_in_the_users_language(server, day, session, size, lang):
    """Every amount with its currency, dates in the user's order in the list, the form, the activities and the history;
    no stored value shown as a word; a new lead says nothing about being won and has its salesperson and team."""
    who = user_of(lang)
    uid = day.uids[who]
    name = f"Locale deal {size} {lang}"
    lead = day.call("crm.lead", "create", {"name": name, "type": "opportunity", "expected_revenue": 1234.5, "date_deadline": "2026-03-05",
                                           "user_id": uid, "stage_id": day.stages["New"], "team_id": day.team})
    day.call("crm.lead", "message_post", [lead], body="Primera llamada", message_type="comment", subtype_xmlid="mail.mt_note")
    later = today_of(lang) + datetime.timedelta(days=30)
    model = day.call("ir.model", "search", [["model", "=", "crm.lead"]])[0]
    day.call("mail.activity", "create", {"res_model_id": model, "res_id": lead, "summary": "Send the catalogue", "user_id": uid,
                                         "date_deadline": later.isoformat()})
    driver = session(who, size, f"locale-{size}-{lang}")
    nav = driver.execute_script("return document.getElementById('nav').textContent")
    if lang == "es":
        assert "Presupuestos" in nav and "Oportunidades" in nav and "Mis actividades" in nav and "Reportes" in nav
    # The list: the amount with its currency, the date in the user's order.
    go(driver, server, "#/opportunities")
    row = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, f'#lead-list tr[data-id="{lead}"]')))
    assert "$1,234.50 USD" in row.text
    assert day_text(datetime.date(2026, 3, 5), lang) in row.text
    assert internal_words(driver) == []
    assert fits(driver)
    shot(driver, f"40-{size}-{lang}-list")
    # The form: the same date in its field, typed in the same order; the activity's deadline; the history's date.
    go(driver, server, f"#/lead/{lead}")
    deadline = driver.find_element(By.NAME, "date_deadline")
    assert deadline.get_attribute("value") == day_text(datetime.date(2026, 3, 5), lang)
    assert deadline.get_attribute("placeholder") == ("dd/mm/aaaa" if lang == "es" else "mm/dd/yyyy")
    unit = driver.find_element(By.CSS_SELECTOR, "#lead-form .with-unit .unit")
    assert unit.text == "USD"
    activity = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#lead-activities li.activity")))
    assert day_text(later, lang) in activity.text
    assert activity.find_element(By.CSS_SELECTOR, ".state-label").text == ("Planeadas" if lang == "es" else "Planned")
    history = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#history li time")))
    assert history.text.startswith(day_text(today_of(lang), lang))
    assert internal_words(driver) == []
    shot(driver, f"41-{size}-{lang}-lead-form")
    # A date typed in the user's order is stored as that day.
    deadline.clear()
    deadline.send_keys(day_text(datetime.date(2026, 4, 9), lang))
    driver.find_element(By.ID, "save").click()
    wait(driver).until(lambda d: day.call("crm.lead", "read", [lead], ["date_deadline"])[0]["date_deadline"] == "2026-04-09")
    # A new lead: nothing said about won or lost, the user as salesperson and their team, the required title marked.
    go(driver, server, "#/lead/new")
    assert not driver.find_elements(By.CSS_SELECTOR, ".pill")
    assert "Won" not in driver.find_element(By.CSS_SELECTOR, ".toolbar").text and "Ganada" not in driver.find_element(By.CSS_SELECTOR, ".toolbar").text
    assert Select(driver.find_element(By.NAME, "user_id")).first_selected_option.get_attribute("value") == str(uid)
    assert Select(driver.find_element(By.NAME, "team_id")).first_selected_option.get_attribute("value") == str(day.team)
    assert driver.find_element(By.CSS_SELECTOR, 'label[for="%s"] .required-mark' % driver.find_element(By.NAME, "name").get_attribute("id"))
    assert not driver.find_elements(By.ID, "mark-won")
    assert fits(driver)
    shot(driver, f"42-{size}-{lang}-new-lead")


@pytest.mark.parametrize("size,lang", BOTH)
def test_lead_form_grouped_state_by_country_tags_as_chips(server, day, session, size, lang):
    who = user_of(lang)
    for tag in ("Urgent", "Wholesale"):
        if not day.call("crm.tag", "search", [["name", "=", tag]]):
            day.call("crm.tag", "create", {"name": tag, "color": 3})
    tags = {t["name"]: t["id"] for t in day.call("crm.tag", "search_read", [], ["name"])}
    driver = session(who, size, f"lead-form-{size}-{lang}")
    go(driver, server, "#/lead/new")
    form = driver.find_element(By.ID, "lead-form")
    # Odoo's blocks: the title, then the customer's and the sales columns, then contact, address, marketing, notes.
    assert form.find_element(By.CSS_SELECTOR, ".form-title input.title-input").get_attribute("name") == "name"
    blocks = [b.get_attribute("data-block") for b in form.find_elements(By.CSS_SELECTOR, "fieldset.block")]
    assert blocks == ["Contact", "Address", "Marketing", "Internal notes"]
    form.find_element(By.NAME, "name").send_keys(f"Grouped form {size}")
    # State follows the country.
    state = form.find_element(By.NAME, "state_id")
    assert not state.is_enabled()
    mexico = day.call("res.country", "search", [["code", "=", "MX"]])[0]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", form.find_element(By.NAME, "country_id"))
    Select(form.find_element(By.NAME, "country_id")).select_by_value(str(mexico))
    wait(driver).until(lambda d: d.find_element(By.NAME, "state_id").is_enabled())
    states = {o.text for o in Select(driver.find_element(By.NAME, "state_id")).options}
    mexican = {s["name"] for s in day.call("res.country.state", "search_read", [["country_id", "=", mexico]], ["name"])}
    assert states - {"—"} == mexican and "Jalisco" in states
    Select(driver.find_element(By.NAME, "state_id")).select_by_visible_text("Jalisco")
    # Tags as chips: added from the choice, removed with their ×.
    adder = Select(form.find_element(By.NAME, "tag_ids"))
    adder.select_by_visible_text("Urgent")
    Select(form.find_element(By.NAME, "tag_ids")).select_by_visible_text("Wholesale")
    chips = lambda d: [c.get_attribute("data-id") for c in d.find_elements(By.CSS_SELECTOR, "#lead-form .tag-chips li")]
    wait(driver).until(lambda d: chips(d) == [str(tags["Urgent"]), str(tags["Wholesale"])])
    remove = form.find_element(By.CSS_SELECTOR, f'.tag-chips li[data-id="{tags["Wholesale"]}"] button.remove')
    assert remove.get_attribute("aria-label") == ("Quitar Wholesale" if lang == "es" else "Remove Wholesale")
    remove.click()
    wait(driver).until(lambda d: chips(d) == [str(tags["Urgent"])])
    shot(driver, f"43-{size}-{lang}-lead-form-blocks")
    driver.find_element(By.ID, "save").click()
    wait(driver).until(lambda d: (d.find_element(By.ID, "main").get_attribute("data-ready") or "").rsplit("/", 1)[-1].isdigit())
    lead = int(driver.find_element(By.ID, "main").get_attribute("data-ready").rsplit("/", 1)[1])
    stored = day.call("crm.lead", "read", [lead], ["country_id", "state_id", "tag_ids", "user_id", "team_id", "type"])[0]
    assert stored["country_id"][0] == mexico and stored["state_id"][1] == "Jalisco" and stored["tag_ids"] == [tags["Urgent"]]
    assert stored["user_id"][0] == day.uids[who] and stored["team_id"][0] == day.team and stored["type"] == "opportunity"
    # Just saved, in the first stage: not shown as won (whatever probability the server gave it), and it can be marked won.
    assert not driver.find_elements(By.CSS_SELECTOR, ".pill.won") and driver.find_elements(By.ID, "mark-won")
    # A lead (not an opportunity) cannot be marked won.
    lead_only = day.call("crm.lead", "create", {"name": f"Just a lead {size}", "type": "lead", "user_id": day.uids[who]})
    go(driver, server, f"#/lead/{lead_only}")
    assert driver.find_elements(By.ID, "convert") and not driver.find_elements(By.ID, "mark-won")


@pytest.mark.parametrize("size,lang", BOTH)
def test_pipeline_clock_schedules_quick_create_asks_more_and_search(server, day, session, size, lang):
    who = user_of(lang)
    uid = day.uids[who]
    new = day.stages["New"]
    customer = day.call("res.partner", "create", {"name": f"Cliente Rápido {size}", "email": f"rapido-{size}@day.example"})
    lead = day.call("crm.lead", "create", {"name": f"Clock deal {size}", "type": "opportunity", "stage_id": new, "user_id": uid})
    driver = session(who, size, f"pipeline-{size}-{lang}")
    go(driver, server, "#/pipeline")
    if size == "phone":
        Select(driver.find_element(By.ID, "stage-switch")).select_by_value(str(new))
    card = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, f'.card[data-id="{lead}"]')))
    # The clock opens "Schedule an activity" for this card.
    card.find_element(By.CSS_SELECTOR, "button.activity-clock").click()
    dialog = wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "dialog.modal")))
    title = dialog.find_element(By.TAG_NAME, "h2").text
    assert title == ("Programar una actividad" if lang == "es" else "Schedule an activity") + f": Clock deal {size}"
    assert dialog.find_element(By.NAME, "date_deadline").get_attribute("value")  # the type's deadline, in the user's order
    dialog.find_element(By.NAME, "summary").send_keys("Call about the chairs")
    shot(driver, f"44-{size}-{lang}-schedule-from-card")
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, f'.card[data-id="{lead}"] .activity-clock').get_attribute("data-state") != "none")
    assert day.call("mail.activity", "search_read", [["res_model", "=", "crm.lead"], ["res_id", "=", lead]], ["summary"])[0]["summary"] == "Call about the chairs"
    # Quick create asks for the customer, e-mail, phone, expected revenue and priority.
    column = f'.column[data-stage="{new}"]'
    driver.find_element(By.CSS_SELECTOR, f"{column} button.add").click()
    form = wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, f"{column} form.quick-create")))
    form.find_element(By.NAME, "name").send_keys(f"Quick with more {size}")
    wait(driver).until(lambda d: len(Select(form.find_element(By.NAME, "partner_id")).options) > 1)
    Select(form.find_element(By.NAME, "partner_id")).select_by_value(str(customer))
    wait(driver).until(lambda d: form.find_element(By.NAME, "email_from").get_attribute("value") == f"rapido-{size}@day.example")
    form.find_element(By.NAME, "phone").send_keys("+52 55 5555 0000")
    form.find_element(By.NAME, "expected_revenue").send_keys("4200")
    form.find_elements(By.CSS_SELECTOR, ".star")[2].click()
    shot(driver, f"45-{size}-{lang}-quick-create")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    created = wait(driver).until(lambda d: day.call("crm.lead", "search_read", [["name", "=", f"Quick with more {size}"]],
                                                    ["partner_id", "email_from", "phone", "expected_revenue", "priority", "stage_id"]))[0]
    assert (created["partner_id"][0], created["email_from"], created["phone"], created["expected_revenue"], created["priority"], created["stage_id"][0]) == \
        (customer, f"rapido-{size}@day.example", "+52 55 5555 0000", 4200, "3", new)
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, f'.card[data-id="{created["id"]}"]')))
    # The list's search bar and filters, on the pipeline.
    search = driver.find_element(By.ID, "list-search")
    search.send_keys(f"Clock deal {size}")
    wait(driver).until(lambda d: [c.get_attribute("data-id") for c in d.find_elements(By.CSS_SELECTOR, "#kanban .card")] == [str(lead)])
    assert driver.find_element(By.CSS_SELECTOR, f"{column} header .count").text == "1"
    chip = driver.find_element(By.CSS_SELECTOR, '.chip[data-filter="overdue"]')
    chip.click()
    wait(driver).until(lambda d: not d.find_elements(By.CSS_SELECTOR, "#kanban .card"))
    shot(driver, f"46-{size}-{lang}-pipeline-search")
    driver.find_element(By.CSS_SELECTOR, '.chip[data-filter="overdue"]').click()
    search = driver.find_element(By.ID, "list-search")
    search.send_keys(Keys.CONTROL, "a")
    search.send_keys(Keys.DELETE)
    wait(driver).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#kanban .card")) > 1)
    assert fits(driver)


@pytest.mark.parametrize("size,lang", BOTH)
def test_reports_measures_groupings_charts_pivot_and_csv(server, day, session, size, lang):
    who = user_of(lang)
    for revenue in (1000, 2500.5):
        won = day.call("crm.lead", "create", {"name": f"Won {revenue} {size}", "type": "opportunity", "expected_revenue": revenue,
                                              "team_id": day.team, "user_id": day.uids[who]})
        day.call("crm.lead", "action_set_won", [won])
    total = sum(row["expected_revenue"] for row in day.call("crm.opportunity.report", "search_read", [["is_won", "=", True]], ["expected_revenue"]))
    driver = session(who, size, f"reports-{size}-{lang}")
    go(driver, server, "#/reports")
    driver.find_element(By.ID, "tab-won").click()
    # Won revenue by month: a line, months in the user's language, the total with its currency.
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, '#report-chart svg[data-kind="line"] polyline.line'))
    pivot = driver.find_element(By.ID, "report-pivot")
    assert month_text(today_of(lang), lang) in pivot.text
    assert driver.find_element(By.ID, "grand-total").text == f"${total:,.2f} USD"
    assert internal_words(driver) == []
    assert fits(driver)
    shot(driver, f"47-{size}-{lang}-won-by-month")
    # Pie, then bar; a measure and a grouping chosen by the user; columns with totals.
    driver.find_element(By.CSS_SELECTOR, '[data-chart="pie"]').click()
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, '#report-chart svg[data-kind="pie"] path.slice'))
    Select(driver.find_element(By.NAME, "measure")).select_by_value("__count")
    wait(driver).until(lambda d: Select(d.find_element(By.NAME, "measure")).first_selected_option.get_attribute("value") == "__count"
                       and d.find_element(By.ID, "grand-total").text.isdigit())
    Select(driver.find_element(By.NAME, "row")).select_by_value("user_id")
    wait(driver).until(lambda d: f"Day {who.title()}" in d.find_element(By.ID, "report-pivot").text)
    Select(driver.find_element(By.NAME, "col")).select_by_value("priority")
    wait(driver).until(lambda d: ("Baja" if lang == "es" else "Low") in d.find_element(By.CSS_SELECTOR, "#report-pivot thead").text)
    assert internal_words(driver) == []
    driver.find_element(By.CSS_SELECTOR, '[data-chart="bar"]').click()
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, '#report-chart svg[data-kind="bar"] rect.bar'))
    shot(driver, f"48-{size}-{lang}-report-pivot")
    # The team filter and the date range.
    Select(driver.find_element(By.NAME, "team")).select_by_value(str(day.team))
    wait(driver).until(lambda d: Select(d.find_element(By.NAME, "team")).first_selected_option.get_attribute("value") == str(day.team)
                       and d.find_elements(By.CSS_SELECTOR, "#report-chart svg"))
    start = driver.find_element(By.NAME, "date_from")
    start.send_keys(day_text(today_of(lang) + datetime.timedelta(days=40), lang))
    start.send_keys(Keys.TAB)
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#report-chart .empty"))
    start = driver.find_element(By.NAME, "date_from")
    start.send_keys(Keys.CONTROL, "a")
    start.send_keys(Keys.DELETE)
    start.send_keys(Keys.TAB)
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#report-chart svg"))
    # Export: the table as CSV, made in the browser.
    driver.execute_script("""window.__csv = null; const make = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (blob) => { window.__csv = blob; return make(blob); };""")
    driver.find_element(By.ID, "export-csv").click()
    wait(driver).until(lambda d: d.execute_script("return window.__csv !== null"))
    text = driver.execute_async_script("const done = arguments[arguments.length - 1]; window.__csv.text().then(done);")
    lines = text.lstrip("\ufeff").split("\r\n")
    assert lines[0].startswith("Vendedor," if lang == "es" else "Salesperson,") and lines[-1].startswith("Total,")
    assert any(line.startswith(f"Day {who.title()},") for line in lines)
    # A name a spreadsheet would run as a formula stays text; numbers stay numbers.
    cells = driver.execute_async_script("""const done = arguments[arguments.length - 1];
        import('/web/static/js/charts.js').then((m) => done(['=HYPERLINK("x")', '+1', '-2', '@a', -3.5, 'Ana, "la jefa"'].map(m.csvCell)));""")
    assert cells == ['"\'=HYPERLINK(""x"")"', "'+1", "'-2", "'@a", "-3.5", '"Ana, ""la jefa"""']


def choose_section(driver, section):
    """Chooses a section of the configuration in its chooser (a phone shows that one only)."""
    driver.find_element(By.CSS_SELECTOR, f'#config-nav button[data-section="{section}"]').click()
    wait(driver).until(lambda d: d.find_element(By.ID, section).is_displayed()
                       and d.find_element(By.CSS_SELECTOR, f'#config-nav button[data-section="{section}"]').get_attribute("aria-current") is not None)


@pytest.mark.parametrize("size,lang", BOTH)
def test_configuration_is_for_administrators_and_deleting_asks_first(server, day, session, size, lang):
    # A salesperson who is not an administrator: no configuration in the menu, and the screen says who it is for.
    driver = session("own" if lang == "es" else "en", size, f"config-user-{size}-{lang}")
    nav = driver.execute_script("return document.getElementById('nav').textContent")
    assert "Configura" not in nav and "Usuarios" not in nav and "Users" not in nav
    go(driver, server, "#/config")
    notice = driver.find_element(By.ID, "admins-only")
    assert notice.find_element(By.TAG_NAME, "h1").text == ("Solo administradores" if lang == "es" else "Administrators only")
    assert not driver.find_elements(By.ID, "stages")
    shot(driver, f"49-{size}-{lang}-config-not-admin")
    # An administrator: deleting a tag asks first; cancelling keeps it. Colours are chosen from a palette.
    tag = day.call("crm.tag", "create", {"name": f"Temporary {size}", "color": 0})
    admin = session("admin-es" if lang == "es" else "admin", size, f"config-admin-{size}-{lang}")
    go(admin, server, "#/config")
    # The sections' chooser: on a phone only the chosen section is shown.
    choose_section(admin, "tags")
    row = wait(admin).until(EC.visibility_of_element_located((By.CSS_SELECTOR, f'#tags tr[data-id="{tag}"]')))
    row.find_elements(By.CSS_SELECTOR, ".palette [role=radio]")[4].click()
    wait(admin).until(lambda d: day.call("crm.tag", "read", [tag], ["color"])[0]["color"] == 4)
    row = admin.find_element(By.CSS_SELECTOR, f'#tags tr[data-id="{tag}"]')
    admin.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
    row.find_element(By.CSS_SELECTOR, "button.danger").click()
    confirm = wait(admin).until(EC.visibility_of_element_located((By.ID, "confirm-form")))
    assert f"Temporary {size}" in confirm.text
    shot(admin, f"50-{size}-{lang}-delete-asks")
    confirm.find_element(By.CSS_SELECTOR, "button.cancel").click()
    assert day.call("crm.tag", "search", [["id", "=", tag]]) == [tag]
    admin.find_element(By.CSS_SELECTOR, f'#tags tr[data-id="{tag}"] button.danger').click()
    wait(admin).until(EC.visibility_of_element_located((By.ID, "confirm-form"))).find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(admin).until(lambda d: not d.find_elements(By.CSS_SELECTOR, f'#tags tr[data-id="{tag}"]'))
    assert day.call("crm.tag", "search", [["id", "=", tag]]) == []
    # A lost reason still used by a lost opportunity is archived instead of deleted: the opportunity keeps it.
    reason = day.call("crm.lost.reason", "create", {"name": f"Sin presupuesto {size} {lang}"})
    lost = day.call("crm.lead", "create", {"name": f"Perdida {size} {lang}", "type": "opportunity"})
    day.call("crm.lead", "action_set_lost", [lost], lost_reason_id=reason)
    admin.refresh()
    ready(admin, "#/config")
    choose_section(admin, "lost-reasons")
    row = wait(admin).until(EC.visibility_of_element_located((By.CSS_SELECTOR, f'#lost-reasons tr[data-id="{reason}"]')))
    admin.execute_script("arguments[0].scrollIntoView({block: 'center'})", row)
    row.find_element(By.CSS_SELECTOR, "button.danger").click()
    confirm = wait(admin).until(EC.visibility_of_element_located((By.ID, "confirm-form")))
    assert ("archivarlo" if lang == "es" else "archive it instead") in confirm.text
    shot(admin, f"50-{size}-{lang}-archive-used-reason")
    confirm.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(admin).until(lambda d: not d.find_elements(By.CSS_SELECTOR, f'#lost-reasons tr[data-id="{reason}"]'))
    assert day.call("crm.lost.reason", "search_read", [["id", "=", reason], ["active", "=", False]], ["name"]) != []
    assert day.call("crm.lead", "read", [lost], ["lost_reason"], context={"active_test": False})[0]["lost_reason"][0] == reason


@pytest.mark.parametrize("size,lang", BOTH)
def test_a_customer_opens_in_a_form_with_contacts_opportunities_and_quotations(server, day, session, size, lang):
    who = user_of(lang)
    company = day.call("res.partner", "create", {"name": f"Oficinas Centrales {size}", "is_company": True, "phone": "+52 33 1111 0000"})
    contact = day.call("res.partner", "create", {"name": f"Rosa Méndez {size}", "parent_id": company, "function": "Compras"})
    lead = day.call("crm.lead", "create", {"name": f"Remodelación {size}", "type": "opportunity", "partner_id": contact, "expected_revenue": 900})
    order = day.call("sale.order", "create", {"partner_id": company})
    driver = session(who, size, f"customer-{size}-{lang}")
    go(driver, server, "#/customers")
    search = driver.find_element(By.NAME, "search")
    search.send_keys(f"Oficinas Centrales {size}")
    wait(driver).until(lambda d: [c.get_attribute("data-id") for c in d.find_elements(By.CSS_SELECTOR, "#customers [data-id]")] == [str(company)])
    wait(driver).until(lambda d: d.find_element(By.CSS_SELECTOR, f'#customers [data-id="{company}"] a').click() or True)
    ready(driver, f"#/customer/{company}")
    assert contact_names(driver) == [f"Rosa Méndez {size}"]
    assert driver.find_element(By.CSS_SELECTOR, f'#customer-opportunities tr[data-id="{lead}"]').text.count("$900.00 USD") == 1
    assert driver.find_elements(By.CSS_SELECTOR, f'#customer-quotations tr[data-id="{order}"]')
    assert internal_words(driver) == []
    assert fits(driver)
    shot(driver, f"51-{size}-{lang}-customer-form")
    # Edited in place.
    phone = driver.find_element(By.NAME, "phone")
    phone.clear()
    phone.send_keys("+52 33 2222 0000")
    driver.find_element(By.ID, "save-customer").click()
    wait(driver).until(lambda d: day.call("res.partner", "read", [company], ["phone"])[0]["phone"] == "+52 33 2222 0000")
    # A new contact of the company (the form is drawn again after saving).
    wait(driver).until(lambda d: d.find_element(By.ID, "add-contact").click() or True)
    ready(driver, f"#/customer/new?parent={company}")
    assert Select(driver.find_element(By.NAME, "parent_id")).first_selected_option.get_attribute("value") == str(company)
    driver.find_element(By.NAME, "name").send_keys(f"Nuevo Contacto {size}")
    driver.find_element(By.ID, "save-customer").click()
    created = wait(driver).until(lambda d: day.call("res.partner", "search_read", [["name", "=", f"Nuevo Contacto {size}"]], ["parent_id", "is_company"]))[0]
    assert created["parent_id"][0] == company and created["is_company"] is False


def contact_names(driver):
    return [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#customer-contacts tbody a")]


@pytest.mark.parametrize("size,lang", BOTH)
def test_products_and_pricelists_for_administrators(server, day, session, size, lang):
    product = day.call("product.product", "create", {"name": f"Silla Day {size}", "list_price": 100})
    driver = session("admin-es" if lang == "es" else "admin", size, f"products-{size}-{lang}")
    go(driver, server, "#/config")
    driver.find_element(By.ID, "to-products").click()
    ready(driver, "#/products")
    price = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, f'#products tr[data-id="{product}"] input[name=list_price]')))
    price.clear()
    price.send_keys("125.5")
    price.send_keys(Keys.TAB)
    wait(driver).until(lambda d: day.call("product.product", "read", [product], ["list_price"])[0]["list_price"] == 125.5)
    assert fits(driver)
    shot(driver, f"52-{size}-{lang}-products")
    go(driver, server, "#/pricelists")
    before = day.call("product.pricelist.item", "search_count", [])
    rules = driver.find_element(By.ID, "rules")
    rules.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait(driver).until(lambda d: day.call("product.pricelist.item", "search_count", []) == before + 1)
    rule = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#rules tbody tr[data-id]")))
    rule_id = int(rule.get_attribute("data-id"))
    try:
        assert Select(rule.find_element(By.CSS_SELECTOR, "select")).first_selected_option.text == ("Todos los productos" if lang == "es" else "All Products")
        shot(driver, f"53-{size}-{lang}-pricelists")
    finally:
        # A rule for every product would price the other tests' quotations.
        day.call("product.pricelist.item", "unlink", [rule_id])
    # A salesperson does not see them.
    other = session(user_of(lang), size, f"products-user-{size}-{lang}")
    go(other, server, "#/products")
    assert other.find_elements(By.ID, "admins-only") and not other.find_elements(By.ID, "products")


@pytest.mark.parametrize("size,lang", BOTH)
def test_quotation_lines_priced_and_totalled_as_added(server, day, session, size, lang):
    who = user_of(lang)
    tax = day.call("account.tax", "create", {"name": f"IVA 16% {size}", "amount": 16, "type_tax_use": "sale", "amount_type": "percent"})
    product = day.call("product.product", "create", {"name": f"Escritorio Day {size}", "list_price": 100, "taxes_id": [[6, 0, [tax]]]})
    customer = day.call("res.partner", "create", {"name": f"Comprador Day {size}"})
    driver = session(who, size, f"quotation-{size}-{lang}")
    go(driver, server, "#/quotation/new")
    Select(driver.find_element(By.NAME, "partner_id")).select_by_value(str(customer))
    Select(driver.find_element(By.NAME, "l10n_mx_edi_usage")).select_by_value("G03")
    Select(driver.find_element(By.NAME, "l10n_mx_edi_payment_policy")).select_by_value("PUE")
    adder = driver.find_element(By.ID, "add-text")
    adder.find_element(By.NAME, "line-text").send_keys("Mobiliario")
    adder.find_element(By.ID, "add-section").click()
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "table.lines tr.line_section"))
    line = driver.find_element(By.ID, "add-line")
    Select(line.find_element(By.NAME, "line-product")).select_by_value(str(product))
    # The product brings its price and taxes.
    wait(driver).until(lambda d: d.find_element(By.NAME, "line-price").get_attribute("value") == "100.00")
    assert [c.text.split("\n")[0] for c in line.find_elements(By.CSS_SELECTOR, ".tag-chips li")] == [f"IVA 16% {size}"]
    quantity = line.find_element(By.NAME, "line-quantity")
    quantity.clear()
    quantity.send_keys("3")
    line.find_element(By.NAME, "line-discount").send_keys("10")
    line.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    # Priced and totalled at once, before saving: 3 × 100 less 10 % = 270, with 16 % tax = 313.20.
    wait(driver).until(lambda d: d.find_element(By.ID, "amount-total").text == "$313.20 USD")
    assert "$270.00 USD" in driver.find_element(By.ID, "totals").text
    adder = driver.find_element(By.ID, "add-text")
    adder.find_element(By.NAME, "line-text").send_keys("Entrega en 10 días")
    adder.find_element(By.ID, "add-note").click()
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "table.lines tr.line_note"))
    assert fits(driver)
    shot(driver, f"54-{size}-{lang}-quotation-lines")
    save = driver.find_element(By.ID, "save-quotation")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", save)
    save.click()
    wait(driver).until(lambda d: (d.find_element(By.ID, "main").get_attribute("data-ready") or "").rsplit("/", 1)[-1].isdigit())
    order_id = int(driver.find_element(By.ID, "main").get_attribute("data-ready").rsplit("/", 1)[1])
    order = day.call("sale.order", "read", [order_id], ["amount_untaxed", "amount_total", "order_line", "l10n_mx_edi_usage",
                                                         "l10n_mx_edi_payment_policy", "user_id", "date_order"])[0]
    assert (order["amount_untaxed"], order["amount_total"]) == (270, 313.2)
    assert (order["l10n_mx_edi_usage"], order["l10n_mx_edi_payment_policy"], order["user_id"][0]) == ("G03", "PUE", day.uids[who])
    kinds = [l["display_type"] for l in day.call("sale.order.line", "read", order["order_line"], ["display_type"])]
    assert kinds == ["line_section", False, "line_note"]
    # The saved quotation shows the server's amounts, the same, and its activities can be planned from it.
    assert driver.find_element(By.ID, "amount-total").text == "$313.20 USD"
    assert driver.find_element(By.ID, "schedule")
    assert internal_words(driver) == []
    shot(driver, f"55-{size}-{lang}-quotation-saved")
