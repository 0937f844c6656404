"""Issue 22, what a sales team saw and was not yet fixed: the configuration on a phone (a chooser of its sections, the
chosen one alone on a phone, every one on a desk with the chooser kept in sight); numbers typed and shown in the user's
locale through one control (numbers.js: grouped when not edited, plain while focused, "1234.5" and "1,234.50" read alike in
en_US and es_MX, "1.234,50" in es_ES, what is not a number refused with a message under the field and never sent); the
customers paged on the server (80 at a time, previous / next, "1–80 of 330", the search still the server's).

Each test runs in headless Chromium at desktop and phone sizes, in English and in Spanish (es_MX), in a company of its own,
and keeps its screenshots in .build/web-screenshots. Nothing waits for a duration: each step waits for the state it needs.
"""
import pytest

from test_web_client import browsers, cli, company_users, fits, go, ready, shot, wait

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

COMPANY = "Web Polish Co"
PASSWORD = "web-polish-pass-1"
# Administrators in English and in Mexican Spanish, and a salesperson in Spain's Spanish (1.234,56).
USERS = {"en": ("polish-en@polish.example", "admin", "en_US", "UTC"), "es": ("polish-es@polish.example", "admin", "es_MX", "America/Mexico_City"),
         "es_ES": ("polish-spain@polish.example", "all", "es_ES", "Europe/Madrid")}
ALL = [("desktop", "en"), ("desktop", "es"), ("phone", "en"), ("phone", "es")]
BOTH = [("desktop", "es"), ("phone", "en")]
CUSTOMERS = 320
PAGE = 80


@pytest.fixture(scope="module")
def polish(server):
    """The company, its users (the English administrator's API session is returned) and more than 300 customers, created
    in one call."""
    cli(server, "company", "create", COMPANY)
    sessions = company_users(server, COMPANY, USERS, PASSWORD, lambda key: f"Polish {key}")
    admin = sessions["en"]
    ids = admin.call("res.partner", "create", [{"name": f"Polish Customer {n:03}", "email": f"customer{n:03}@polish.example",
                                                "city": "Guadalajara" if n % 2 else "Monterrey"} for n in range(1, CUSTOMERS + 1)])
    assert len(ids) == CUSTOMERS
    admin.sessions = sessions
    return admin


@pytest.fixture
def session(server, polish):
    """session(who, size, name) -> a browser logged in as `who` (a key of USERS), on the pipeline; closed, and its console
    checked for errors, at the end of the test."""
    yield from browsers(server, lambda who: USERS[who][0], PASSWORD)


def retype(driver, control, text):
    """Focuses a field as a user does, selects what it holds and types `text` over it (the field stays focused)."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", control)
    control.click()
    control.send_keys(Keys.CONTROL, "a")
    control.send_keys(text)


def leave(control):
    control.send_keys(Keys.TAB)


def error_under(driver, control):
    """The message under a field (markInvalid), or None."""
    return driver.execute_script("""const box = arguments[0].closest('.field') || arguments[0].parentElement;
        const note = box.querySelector('.field-error'); return note ? note.textContent : null;""", control)


# 1. The configuration on a phone.

SECTION_NAMES = {"en": {"lost-reasons": "Lost reasons", "activity-types": "Activity types", "teams": "Sales Teams"},
                 "es": {"lost-reasons": "Motivos de pérdida", "activity-types": "Tipos de actividad", "teams": "Equipos de ventas"}}
SECTIONS = ["settings-form", "mail-domain", "stages", "teams", "tags", "lost-reasons", "activity-types"]


def choose(driver, section):
    button = driver.find_element(By.CSS_SELECTOR, f'#config-nav button[data-section="{section}"]')
    button.click()
    wait(driver).until(lambda d: d.find_element(By.ID, section).is_displayed() and button.get_attribute("aria-current") is not None)
    return button


def shown_sections(driver):
    return [s for s in SECTIONS if driver.find_element(By.ID, s).is_displayed()]


@pytest.mark.parametrize("size,lang", ALL)
def test_configuration_sections_are_chosen_at_the_top(server, polish, session, size, lang):
    [team] = polish.call("crm.team", "search", [], limit=1)
    polish.call("crm.team", "write", [team], {"invoiced_target": 0})
    driver = session(lang, size, f"config-{size}-{lang}")
    go(driver, server, "#/config")
    nav = driver.find_element(By.ID, "config-nav")
    labels = [b.text for b in nav.find_elements(By.TAG_NAME, "button")]
    assert SECTION_NAMES[lang]["lost-reasons"] in labels and SECTION_NAMES[lang]["activity-types"] in labels and len(labels) == len(SECTIONS)
    assert nav.get_attribute("aria-label") == ("Secciones" if lang == "es" else "Sections")
    # At first the first section is the chosen one (on a phone, the only one shown).
    assert nav.find_element(By.CSS_SELECTOR, 'button[data-section="settings-form"]').get_attribute("aria-current") is not None
    assert shown_sections(driver) == (["settings-form"] if size == "phone" else SECTIONS)
    # The chooser is at the top of the screen, before any section.
    assert nav.location["y"] < driver.find_element(By.ID, "settings-form").location["y"]
    assert nav.rect["y"] + nav.rect["height"] < driver.execute_script("return window.innerHeight")
    assert fits(driver)
    shot(driver, f"60-{size}-{lang}-config-chooser")
    height = driver.execute_script("return window.innerHeight")
    for section in ("lost-reasons", "activity-types"):
        button = choose(driver, section)
        assert button.text == SECTION_NAMES[lang][section]
        top = driver.execute_script("return document.getElementById(arguments[0]).getBoundingClientRect().top", section)
        if size == "phone":
            # Only the chosen section, right under the chooser: reached without scrolling past the others.
            assert shown_sections(driver) == [section]
            assert driver.execute_script("return window.scrollY") < height and 0 <= top < height / 2
        else:
            # A desk shows every section; the chosen one comes into view under the chooser, which stays in sight.
            assert shown_sections(driver) == SECTIONS
            nav_bottom = driver.execute_script("return document.getElementById('config-nav').getBoundingClientRect().bottom")
            nav_top = driver.execute_script("return document.getElementById('config-nav').getBoundingClientRect().top")
            topbar = driver.execute_script("return document.getElementById('topbar').offsetHeight")
            assert abs(nav_top - topbar) <= 2 and nav_bottom <= top < height
        assert fits(driver)
        shot(driver, f"61-{size}-{lang}-config-{section}")
    # The choice is kept: after a reload a phone shows the same section (a desk shows them all, from the top).
    go(driver, server, "#/config")
    if size == "phone":
        assert shown_sections(driver) == ["activity-types"]
        assert driver.find_element(By.CSS_SELECTOR, '#config-nav button[data-section="activity-types"]').get_attribute("aria-current") is not None
    else:
        assert shown_sections(driver) == SECTIONS
    # A team's monthly target: a number in the user's locale; what is not a number is said under it and not written.
    choose(driver, "teams")
    target = driver.find_element(By.CSS_SELECTOR, f'#teams tr[data-id="{team}"] input[name=invoiced_target]')
    assert target.get_attribute("value") == "0.00" and target.get_attribute("inputmode") == "decimal"
    retype(driver, target, "doce mil")
    leave(target)
    message = wait(driver).until(lambda d: error_under(d, target))
    assert message == ("Escriba un número, por ejemplo 1,234.56." if lang == "es" else "Enter a number, for example 1,234.56.")
    assert target.get_attribute("aria-invalid") == "true"
    shot(driver, f"62-{size}-{lang}-config-target-refused")
    assert polish.call("crm.team", "read", [team], ["invoiced_target"])[0]["invoiced_target"] == 0
    retype(driver, target, "12,500")
    leave(target)
    wait(driver).until(lambda d: polish.call("crm.team", "read", [team], ["invoiced_target"])[0]["invoiced_target"] == 12500)
    assert target.get_attribute("value") == "12,500.00" and error_under(driver, target) is None
    assert target.get_attribute("aria-invalid") is None


# 2. Numbers in the user's locale.

@pytest.mark.parametrize("size,lang", ALL)
def test_expected_revenue_typed_in_the_locale_and_refused_when_not_a_number(server, polish, session, size, lang):
    lead = polish.call("crm.lead", "create", {"name": f"Números {size} {lang}", "type": "opportunity", "expected_revenue": 0})
    driver = session(lang, size, f"numbers-{size}-{lang}")
    go(driver, server, f"#/lead/{lead}")
    revenue = driver.find_element(By.NAME, "expected_revenue")
    assert revenue.get_attribute("type") == "text" and revenue.get_attribute("inputmode") == "decimal"
    assert revenue.get_attribute("value") == "0.00"
    # Typed with the grouping of the locale (es_MX groups like en_US), shown grouped with the currency's decimals once left.
    retype(driver, revenue, "1,234.5")
    leave(revenue)
    assert revenue.get_attribute("value") == "1,234.50"
    driver.execute_script("arguments[0].dataset.before = '1'", revenue)
    driver.find_element(By.ID, "save").click()
    wait(driver).until(lambda d: polish.call("crm.lead", "read", [lead], ["expected_revenue"])[0]["expected_revenue"] == 1234.5)
    # The form drawn again after saving shows the stored value, grouped.
    revenue = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, "input[name=expected_revenue]:not([data-before])")))
    assert revenue.get_attribute("value") == "1,234.50"
    # While focused, a plain number to edit.
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", revenue)
    revenue.click()
    assert revenue.get_attribute("value") == "1234.5"
    leave(revenue)
    assert revenue.get_attribute("value") == "1,234.50"
    shot(driver, f"63-{size}-{lang}-revenue-grouped")
    # Not numbers: refused under the field, in the user's language, and nothing is sent.
    before = polish.call("crm.lead", "read", [lead], ["expected_revenue", "probability", "write_date"])[0]
    retype(driver, revenue, "12abc")
    leave(revenue)
    assert wait(driver).until(lambda d: error_under(d, revenue)) == (
        "Escriba un número, por ejemplo 1,234.56." if lang == "es" else "Enter a number, for example 1,234.56.")
    probability = driver.find_element(By.NAME, "probability")
    retype(driver, probability, "150")
    leave(probability)
    assert wait(driver).until(lambda d: error_under(d, probability)) == (
        "Escriba un número de 0 a 100." if lang == "es" else "Enter a number from 0 to 100.")
    driver.find_element(By.ID, "save").click()
    toast = wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".toast.error")))
    assert toast.text.startswith("Revise los campos marcados: Ingreso esperado, Probabilidad" if lang == "es"
                                 else "Check the marked fields: Expected revenue, Probability")
    assert driver.switch_to.active_element.get_attribute("name") == "expected_revenue"
    assert revenue.get_attribute("aria-invalid") == "true" and revenue.get_attribute("value") == "12abc"
    shot(driver, f"64-{size}-{lang}-revenue-refused")
    assert polish.call("crm.lead", "read", [lead], ["expected_revenue", "probability", "write_date"])[0] == before
    # Put right, it is saved (the plain form is read too).
    go(driver, server, f"#/lead/{lead}")
    revenue = driver.find_element(By.NAME, "expected_revenue")
    retype(driver, revenue, "2500")
    driver.find_element(By.ID, "save").click()
    wait(driver).until(lambda d: polish.call("crm.lead", "read", [lead], ["expected_revenue"])[0]["expected_revenue"] == 2500)
    wait(driver).until(lambda d: d.find_element(By.NAME, "expected_revenue").get_attribute("value") == "2,500.00")
    assert not driver.find_elements(By.CSS_SELECTOR, "#lead-form .field-error")


def test_spain_writes_numbers_with_a_decimal_comma(server, polish, session):
    """es_ES groups with a point and writes the decimals after a comma; English-style numbers are refused there."""
    lead = polish.call("crm.lead", "create", {"name": "Números de España", "type": "opportunity", "expected_revenue": 1234.5})
    driver = session("es_ES", "desktop", "numbers-es-es")
    go(driver, server, f"#/lead/{lead}")
    revenue = driver.find_element(By.NAME, "expected_revenue")
    assert revenue.get_attribute("value") == "1.234,50"
    revenue.click()
    assert revenue.get_attribute("value") == "1234,5"
    retype(driver, revenue, "9,876.5")
    leave(revenue)
    assert wait(driver).until(lambda d: error_under(d, revenue)) == "Escriba un número, por ejemplo 1.234,56."
    shot(driver, "65-desktop-es_ES-revenue-refused")
    retype(driver, revenue, "9.876,5")
    leave(revenue)
    assert revenue.get_attribute("value") == "9.876,50" and error_under(driver, revenue) is None
    shot(driver, "65-desktop-es_ES-revenue")
    driver.find_element(By.ID, "save").click()
    wait(driver).until(lambda d: polish.call("crm.lead", "read", [lead], ["expected_revenue"])[0]["expected_revenue"] == 9876.5)
    # The parser itself, in the three locales: what each accepts and what it refuses.
    results = driver.execute_async_script("""const done = arguments[arguments.length - 1];
        import('/web/static/js/numbers.js').then((m) => done([
          ['1234.5', 'en-US'], ['1,234.50', 'en-US'], ['1,234.50', 'es-MX'], ['1234.5', 'es-MX'], ['1,23', 'es-MX'], ['12abc', 'es-MX'],
          ['1.234,56', 'es-ES'], ['1234,56', 'es-ES'], ['1234.56', 'es-ES'], ['', 'en-US'], ['-3', 'en-US'], ['NaN', 'en-US'], ['1e5', 'en-US'],
          ['Infinity', 'en-US']].map(([text, loc]) => m.parseNumber(text, { loc }))));""")
    assert results == [{"value": 1234.5}, {"value": 1234.5}, {"value": 1234.5}, {"value": 1234.5}, {"error": "format"}, {"error": "format"},
                       {"value": 1234.56}, {"value": 1234.56}, {"error": "format"}, {"value": None}, {"value": -3}, {"error": "format"},
                       {"error": "format"}, {"error": "format"}]
    # And nothing that is not a number is ever sent: the request is refused in the browser.
    refused = driver.execute_async_script("""const done = arguments[arguments.length - 1];
        import('/web/static/js/rpc.js').then((rpc) => rpc.write('crm.lead', [arguments[0]], { expected_revenue: NaN }))
          .then(() => done('sent'), (error) => done(error.message));""", lead)
    assert refused == "expected_revenue no es un número."
    assert polish.call("crm.lead", "read", [lead], ["expected_revenue"])[0]["expected_revenue"] == 9876.5


@pytest.mark.parametrize("size,lang", BOTH)
def test_quotation_line_numbers_in_the_locale(server, polish, session, size, lang):
    product = polish.call("product.product", "create", {"name": f"Librero Polish {size}", "list_price": 2000, "taxes_id": [[6, 0, []]]})
    customer = polish.call("res.partner", "create", {"name": f"Comprador Polish {size}"})
    driver = session(lang, size, f"quotation-numbers-{size}-{lang}")
    go(driver, server, "#/quotation/new")
    Select(driver.find_element(By.NAME, "partner_id")).select_by_value(str(customer))
    line = driver.find_element(By.ID, "add-line")
    Select(line.find_element(By.NAME, "line-product")).select_by_value(str(product))
    price = line.find_element(By.NAME, "line-price")
    wait(driver).until(lambda d: price.get_attribute("value") == "2,000.00")
    quantity = line.find_element(By.NAME, "line-quantity")
    assert quantity.get_attribute("value") == "1.00"
    retype(driver, quantity, "1,000")
    retype(driver, price, "1,234.5")
    discount = line.find_element(By.NAME, "line-discount")
    retype(driver, discount, "150")
    line.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    assert wait(driver).until(lambda d: error_under(d, discount)) == ("Escriba un número de 0 a 100." if lang == "es" else "Enter a number from 0 to 100.")
    assert not driver.find_elements(By.CSS_SELECTOR, "table.lines tbody tr")
    assert quantity.get_attribute("value") == "1,000.00" and price.get_attribute("value") == "1,234.50"
    shot(driver, f"66-{size}-{lang}-line-refused")
    retype(driver, discount, "10")
    line.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    # 1,000 × 1,234.50 less 10 %.
    wait(driver).until(lambda d: d.find_element(By.ID, "amount-total").text == "$1,111,050.00 USD")
    row = driver.find_element(By.CSS_SELECTOR, "table.lines tbody tr")
    assert "1,000" in row.text and "$1,234.50 USD" in row.text
    assert fits(driver)
    shot(driver, f"67-{size}-{lang}-line-added")
    save = driver.find_element(By.ID, "save-quotation")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", save)
    save.click()
    wait(driver).until(lambda d: (d.find_element(By.ID, "main").get_attribute("data-ready") or "").rsplit("/", 1)[-1].isdigit())
    order = int(driver.find_element(By.ID, "main").get_attribute("data-ready").rsplit("/", 1)[1])
    [stored] = polish.call("sale.order.line", "search_read", [["order_id", "=", order]], ["product_uom_qty", "price_unit", "discount"])
    assert (stored["product_uom_qty"], stored["price_unit"], stored["discount"]) == (1000, 1234.5, 10)


# 3. The customers, paged on the server.

def range_text(first, last, total, lang):
    return f"{first:,}–{last:,} {'de' if lang == 'es' else 'of'} {total:,}"


def customer_ids(driver):
    return [int(c.get_attribute("data-id")) for c in driver.find_elements(By.CSS_SELECTOR, "#customers [data-id]")]


def pager_text(driver, which="customers-pager"):
    return driver.find_element(By.CSS_SELECTOR, f"#{which} .range").text


@pytest.mark.parametrize("size,lang", ALL)
def test_customers_paged_on_the_server(server, polish, session, size, lang):
    driver = session(lang, size, f"customers-{size}-{lang}")
    admin = polish.sessions[lang]
    total = admin.call("res.partner", "search_count", [])
    assert total > 300
    pages = [[r["id"] for r in admin.call("res.partner", "search_read", [], ["name"], offset=offset, limit=PAGE)]
             for offset in range(0, total, PAGE)]
    go(driver, server, "#/customers")
    wait(driver).until(lambda d: pager_text(d) == range_text(1, PAGE, total, lang))
    assert customer_ids(driver) == pages[0]
    pager = driver.find_element(By.ID, "customers-pager")
    previous, following = pager.find_element(By.CSS_SELECTOR, "button.previous"), pager.find_element(By.CSS_SELECTOR, "button.next")
    assert not previous.is_enabled() and following.is_enabled()
    assert following.get_attribute("aria-label") == ("Página siguiente" if lang == "es" else "Next page")
    assert fits(driver)
    shot(driver, f"68-{size}-{lang}-customers-first-page")
    following.click()
    wait(driver).until(lambda d: pager_text(d) == range_text(PAGE + 1, 2 * PAGE, total, lang))
    assert customer_ids(driver) == pages[1] and previous.is_enabled()
    # The pager under the list turns the pages too, and brings the top of the list back into sight.
    bottom = driver.find_element(By.ID, "customers-pager-bottom")
    assert pager_text(driver, "customers-pager-bottom") == range_text(PAGE + 1, 2 * PAGE, total, lang)
    driver.execute_script("arguments[0].scrollIntoView({block: 'end'})", bottom)
    bottom.find_element(By.CSS_SELECTOR, "button.next").click()
    wait(driver).until(lambda d: pager_text(d) == range_text(2 * PAGE + 1, 3 * PAGE, total, lang))
    assert customer_ids(driver) == pages[2]
    assert driver.execute_script("return document.getElementById('customers-pager').getBoundingClientRect().top") >= 0
    # To the last page: next is disabled there.
    for index in range(3, len(pages)):
        following.click()
        last = min((index + 1) * PAGE, total)
        wait(driver).until(lambda d: pager_text(d) == range_text(index * PAGE + 1, last, total, lang))
    assert customer_ids(driver) == pages[-1] and not following.is_enabled()
    shot(driver, f"69-{size}-{lang}-customers-last-page")
    # Opening a customer and coming back finds the same page.
    driver.find_element(By.CSS_SELECTOR, "#customers [data-id] a").click()
    wait(driver).until(lambda d: (d.find_element(By.ID, "main").get_attribute("data-ready") or "").startswith("#/customer/"))
    driver.back()
    ready(driver, "#/customers")
    wait(driver).until(lambda d: pager_text(d) == range_text((len(pages) - 1) * PAGE + 1, total, total, lang))
    # The search is the server's, and starts at its first page.
    search = driver.find_element(By.NAME, "search")
    search.send_keys("Polish Customer 31")
    matching = admin.call("res.partner", "search", [["name", "ilike", "Polish Customer 31"]])
    assert len(matching) == 10
    wait(driver).until(lambda d: pager_text(d) == range_text(1, 10, 10, lang))
    assert sorted(customer_ids(driver)) == sorted(matching)
    assert not driver.find_element(By.ID, "customers-pager-bottom").is_displayed()
    assert not driver.find_element(By.CSS_SELECTOR, "#customers-pager button.next").is_displayed()
    shot(driver, f"70-{size}-{lang}-customers-search")
    # By e-mail and city too, over every page: 160 customers in Monterrey.
    search.send_keys(Keys.CONTROL, "a")
    search.send_keys("Monterrey")
    in_city = admin.call("res.partner", "search_count", ["|", "|", ["name", "ilike", "Monterrey"], ["email", "ilike", "Monterrey"],
                                                         ["city", "ilike", "Monterrey"]])
    assert in_city >= CUSTOMERS // 2
    wait(driver).until(lambda d: pager_text(d) == range_text(1, PAGE, in_city, lang))
    # The list shows the same pages.
    search.send_keys(Keys.CONTROL, "a")
    search.send_keys(Keys.DELETE)
    wait(driver).until(lambda d: pager_text(d) == range_text(1, PAGE, total, lang))
    toolbar_buttons = driver.find_elements(By.CSS_SELECTOR, ".toolbar button[aria-pressed]")
    toolbar_buttons[1].click()
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#customers table tbody tr"))
    wait(driver).until(lambda d: customer_ids(d) == pages[0] and pager_text(d) == range_text(1, PAGE, total, lang))
    driver.find_element(By.CSS_SELECTOR, "#customers-pager button.next").click()
    wait(driver).until(lambda d: customer_ids(d) == pages[1])
    assert fits(driver)
    shot(driver, f"71-{size}-{lang}-customers-list")
    toolbar_buttons = driver.find_elements(By.CSS_SELECTOR, ".toolbar button[aria-pressed]")
    toolbar_buttons[0].click()
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#customers li.card"))
