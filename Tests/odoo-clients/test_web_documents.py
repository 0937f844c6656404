"""Issue 22, the documents around a quotation: "Send by email" through the composer (the e-mail shown, edited, then sent
with a new link; cancelling sends nothing), attachments on the opportunity and the quotation (attached from a file,
downloaded, refused over 10 MB, deleted by who added them, another's refused), and the quotation's lines priced by its
pricelist before saving (the price shown is the price stored).

Each test runs in headless Chromium at desktop and phone sizes, in English and in Spanish (es_MX), in a company of its own,
and keeps its screenshots in .build/web-screenshots. Nothing waits for a duration: each step waits for the state it needs.
"""
import base64

import pytest

from conftest import operator_user
from test_web_client import Session, browsers, cli, company_users, fits, go, shot, wait

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

COMPANY = "Web Documents Co"
PASSWORD = "web-docs-pass-1"
# Salespeople seeing all documents, in English and Mexican Spanish; a colleague whose files they may not delete.
USERS = {"en": ("docs-en@docs.example", "all", "en_US", "UTC"), "es": ("docs-es@docs.example", "all", "es_MX", "America/Mexico_City"),
         "colleague": ("docs-colleague@docs.example", "all", "en_US", "UTC")}
ADMIN = "docs-admin@docs.example"
ALL = [("desktop", "en"), ("desktop", "es"), ("phone", "en"), ("phone", "es")]


@pytest.fixture(scope="module")
def docs(server):
    cli(server, "company", "create", COMPANY)
    operator_user(server, ADMIN, PASSWORD, "admin", company=COMPANY, name="Docs Admin")
    admin = Session(server, ADMIN, PASSWORD, company=COMPANY)
    admin.users = company_users(server, COMPANY, USERS, PASSWORD, lambda key: f"Docs {key.title()}")
    return admin


@pytest.fixture
def session(server, docs):
    yield from browsers(server, lambda who: USERS[who][0], PASSWORD)


def click(driver, element):
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def quotation(docs, tag, price=250):
    """A draft quotation (one line) for a customer with an e-mail address, whose name holds HTML that must stay text."""
    customer = docs.call("res.partner", "create", {"name": f"Cliente <b>Docs</b> {tag}", "email": f"cliente-{tag}@docs.example", "lang": "es_MX"})
    product = docs.call("product.product", "create", {"name": f"Servicio Docs {tag}", "list_price": price})
    order = docs.call("sale.order", "create", {"partner_id": customer, "order_line": [[0, 0, {"product_id": product, "product_uom_qty": 2}]]})
    return order, customer


def queued(docs, order):
    return docs.call("mail.mail", "search_read", [["model", "=", "sale.order"], ["res_id", "=", order]], ["subject", "body_html"])


# 1. "Send by email" opens the composer.

@pytest.mark.parametrize("size,lang", ALL)
def test_send_by_email_shows_the_mail_then_sends_it_as_edited(server, docs, session, size, lang):
    order, customer = quotation(docs, f"{size}-{lang}")
    name = docs.call("sale.order", "read", [order], ["name"])[0]["name"]
    driver = session(lang, size, f"compose-{size}-{lang}")
    go(driver, server, f"#/quotation/{order}")
    # Cancelling sends nothing.
    click(driver, driver.find_element(By.ID, "send-quotation"))
    composer = wait(driver).until(EC.visibility_of_element_located((By.ID, "mail-composer")))
    wait(driver).until(lambda d: d.find_element(By.ID, "mail-subject").get_attribute("value"))
    click(driver, driver.find_element(By.ID, "mail-cancel"))
    wait(driver).until(lambda d: not d.find_elements(By.ID, "mail-composer"))
    assert queued(docs, order) == []
    assert docs.call("sale.order", "read", [order], ["state"])[0]["state"] == "draft"
    # The e-mail as the customer would get it: recipient, subject, body, and where the link goes.
    click(driver, driver.find_element(By.ID, "send-quotation"))
    composer = wait(driver).until(EC.visibility_of_element_located((By.ID, "mail-composer")))
    recipients = composer.find_element(By.ID, "mail-recipients").text
    assert f"Cliente <b>Docs</b> {size}-{lang}" in recipients and f"cliente-{size}-{lang}@docs.example" in recipients
    subject = composer.find_element(By.ID, "mail-subject")
    assert name in subject.get_attribute("value")
    body = composer.find_element(By.ID, "mail-body")
    # The customer's name, which the server escaped, is text: no <b> element came from it, nothing runs.
    assert f"Cliente <b>Docs</b> {size}-{lang}" in body.text and name in body.text
    assert driver.execute_script("""const b = document.getElementById('mail-body');
        return [b.querySelectorAll('b, script, iframe, img').length, [...b.querySelectorAll('*')].some((e) =>
            [...e.attributes].some((a) => a.name.startsWith('on')))]""") == [0, False]
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
    note = composer.find_element(By.ID, "mail-link-note").text
    assert "/my/quotation/" in note
    # In the customer's language (the e-mail's).
    assert "en línea" in note
    labels = composer.text
    assert (("Para" in labels and "Asunto" in labels and "Enviar" in labels) if lang == "es"
            else ("To" in labels and "Subject" in labels and "Send" in labels))
    # Edited: the subject and the body.
    subject.send_keys(Keys.END, " · revisado")
    driver.execute_script("""const b = document.getElementById('mail-body'); b.focus();
        const range = document.createRange(); range.selectNodeContents(b); range.collapse(false);
        const s = getSelection(); s.removeAllRanges(); s.addRange(range);""")
    body.send_keys(" Saludos especiales de Docs.")
    assert fits(driver)
    shot(driver, f"70-{size}-{lang}-composer")
    click(driver, composer.find_element(By.ID, "mail-send"))
    wait(driver).until(lambda d: d.find_element(By.ID, "quotation-state").get_attribute("data-state") == "sent")
    assert not driver.find_elements(By.ID, "mail-composer")
    notice = wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#messages .toast.info"))).text
    assert notice.startswith("El presupuesto se envió por correo." if lang == "es" else "The quotation was sent by e-mail.")
    shot(driver, f"71-{size}-{lang}-quotation-sent")
    [mail] = queued(docs, order)
    assert mail["subject"].endswith(" · revisado") and name in mail["subject"]
    assert "Saludos especiales de Docs." in mail["body_html"] and "/my/quotation/" in mail["body_html"]
    assert "&lt;b&gt;Docs&lt;/b&gt;" in mail["body_html"] and "<b>Docs</b>" not in mail["body_html"]


# 2. Attachments on the opportunity and on the quotation.

def attachments(docs, model, res_id):
    return docs.call("ir.attachment", "search_read", [["res_model", "=", model], ["res_id", "=", res_id]], ["name", "datas", "file_size", "create_uid"])


def listed(driver):
    return [li.find_element(By.CSS_SELECTOR, ".file-name").text for li in driver.find_elements(By.CSS_SELECTOR, "#attachments li[data-id]")]


def show_panel(driver):
    driver.execute_script("document.querySelector('.attachments-panel').scrollIntoView({block: 'center'})")


def attach(driver, path):
    driver.find_element(By.ID, "attach-file").send_keys(str(path))


@pytest.mark.parametrize("size,lang", ALL)
def test_attachments_added_downloaded_refused_and_deleted(server, docs, session, size, lang, tmp_path):
    me = docs.users[lang]
    lead = me.call("crm.lead", "create", {"name": f"Docs deal {size} {lang}", "type": "opportunity"})
    # A colleague's file, which the salesperson may not delete.
    colleague = docs.users["colleague"].call("ir.attachment", "create", {"name": "contrato-colega.txt", "mimetype": "text/plain", "res_model": "crm.lead",
                                                                         "res_id": lead, "datas": base64.b64encode(b"del colega").decode()})
    content = ("Propuesta técnica, versión 1 — ñandú\n" * 60).encode()
    small = tmp_path / f"propuesta {lang}.txt"
    small.write_bytes(content)
    driver = session(lang, size, f"attachments-{size}-{lang}")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    go(driver, server, f"#/lead/{lead}")
    panel = wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".attachments-panel[data-count]")))
    assert panel.find_element(By.ID, "attach-button").text.endswith("Adjuntar archivo" if lang == "es" else "Attach a file")
    assert listed(driver) == ["contrato-colega.txt"]
    # Attached from a file: stored as sent, listed with its size in the user's locale.
    attach(driver, small)
    wait(driver).until(lambda d: small.name in listed(d))
    [mine] = [a for a in attachments(docs, "crm.lead", lead) if a["name"] == small.name]
    assert base64.b64decode(mine["datas"]) == content and mine["create_uid"][0] == me.uid
    row = driver.find_element(By.CSS_SELECTOR, f'#attachments li[data-id="{mine["id"]}"]')
    assert f"{len(content) / 1024:.1f} KB" in row.text
    show_panel(driver)
    shot(driver, f"72-{size}-{lang}-lead-attachments")
    # Downloaded under its name, the same bytes.
    click(driver, row.find_element(By.CSS_SELECTOR, ".file-name"))
    wait(driver).until(lambda d: (downloads / small.name).exists() and (downloads / small.name).read_bytes() == content)
    # Over 10 MB: refused before sending.
    big = tmp_path / "video.bin"
    big.write_bytes(b"\0" * (10 * 1024 * 1024 + 1))
    attach(driver, big)
    error = wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#messages .toast.error"))).text
    assert "10 MB" in error and "video.bin" in error
    assert len(attachments(docs, "crm.lead", lead)) == 2
    shot(driver, f"73-{size}-{lang}-attachment-too-large")
    # The colleague's file: the server's refusal, said plainly; the file stays.
    click(driver, driver.find_element(By.CSS_SELECTOR, f'#attachments li[data-id="{colleague}"] .delete'))
    click(driver, wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#confirm-form button[type=submit]"))))
    refusal = wait(driver).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#messages .toast.error"))).text
    assert refusal.startswith("Solo quien agregó este archivo" if lang == "es" else "Only who added this file")
    assert len(attachments(docs, "crm.lead", lead)) == 2
    shot(driver, f"74-{size}-{lang}-attachment-refused")
    # Their own: deleted after asking (cancelling keeps it).
    click(driver, driver.find_element(By.CSS_SELECTOR, f'#attachments li[data-id="{mine["id"]}"] .delete'))
    click(driver, wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#confirm-form button.cancel"))))
    assert len(attachments(docs, "crm.lead", lead)) == 2
    click(driver, driver.find_element(By.CSS_SELECTOR, f'#attachments li[data-id="{mine["id"]}"] .delete'))
    click(driver, wait(driver).until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#confirm-form button[type=submit]"))))
    wait(driver).until(lambda d: listed(d) == ["contrato-colega.txt"])
    assert [a["id"] for a in attachments(docs, "crm.lead", lead)] == [colleague]
    assert fits(driver)
    # The quotation has its own.
    order, _ = quotation(docs, f"att-{size}-{lang}")
    go(driver, server, f"#/quotation/{order}")
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".attachments-panel[data-count='0']")))
    attach(driver, small)
    wait(driver).until(lambda d: listed(d) == [small.name])
    assert [a["name"] for a in attachments(docs, "sale.order", order)] == [small.name]
    assert fits(driver)
    show_panel(driver)
    shot(driver, f"75-{size}-{lang}-quotation-attachments")


# 3. Prices before saving.

@pytest.mark.parametrize("size,lang", ALL)
def test_lines_priced_by_the_pricelist_before_saving(server, docs, session, size, lang):
    tag = f"{size}-{lang}"
    pricelist = docs.call("product.pricelist", "create", {"name": f"Mayoreo {tag}", "item_ids": [
        [0, 0, {"applied_on": "3_global", "compute_price": "percentage", "percent_price": 10}]]})
    product = docs.call("product.product", "create", {"name": f"Mesa Docs {tag}", "list_price": 200})
    other = docs.call("product.product", "create", {"name": f"Lámpara Docs {tag}", "list_price": 80})
    customer = docs.call("res.partner", "create", {"name": f"Comprador Docs {tag}"})
    expected = docs.call("product.pricelist", "get_product_price", [pricelist], product, 3, False)
    assert expected == 180
    driver = session(lang, size, f"pricing-{size}-{lang}")
    go(driver, server, "#/quotation/new")
    Select(driver.find_element(By.NAME, "partner_id")).select_by_value(str(customer))
    Select(driver.find_element(By.NAME, "pricelist_id")).select_by_value(str(pricelist))
    line = driver.find_element(By.ID, "add-line")
    price = line.find_element(By.NAME, "line-price")
    Select(line.find_element(By.NAME, "line-product")).select_by_value(str(product))
    # The pricelist's price, asked to the server, replaces the product's.
    wait(driver).until(lambda d: price.get_attribute("data-pricelist") and not price.get_attribute("data-pricing"))
    assert price.get_attribute("value") == "180.00"
    quantity = line.find_element(By.NAME, "line-quantity")
    click(driver, quantity)
    quantity.send_keys(Keys.CONTROL, "a")
    quantity.send_keys("3")
    driver.execute_script("arguments[0].blur()", quantity)
    wait(driver).until(lambda d: not price.get_attribute("data-pricing") and price.get_attribute("value") == "180.00")
    shot(driver, f"76-{size}-{lang}-priced-before-saving")
    click(driver, line.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait(driver).until(lambda d: d.find_element(By.ID, "amount-total").text == "$540.00 USD")
    shown = driver.find_element(By.CSS_SELECTOR, "table.lines tbody tr td[data-label]:nth-child(4)").text
    assert shown == "$180.00 USD"
    # A price the user typed is theirs: the quantity does not replace it.
    line = driver.find_element(By.ID, "add-line")
    price = line.find_element(By.NAME, "line-price")
    Select(line.find_element(By.NAME, "line-product")).select_by_value(str(other))
    wait(driver).until(lambda d: price.get_attribute("data-pricelist") and price.get_attribute("value") == "72.00")
    click(driver, price)
    price.send_keys(Keys.CONTROL, "a")
    price.send_keys("75")
    quantity = line.find_element(By.NAME, "line-quantity")
    click(driver, quantity)
    quantity.send_keys(Keys.CONTROL, "a")
    quantity.send_keys("2")
    driver.execute_script("arguments[0].blur()", quantity)
    wait(driver).until(lambda d: not price.get_attribute("data-pricing"))
    assert price.get_attribute("value") == "75.00"
    click(driver, line.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait(driver).until(lambda d: d.find_element(By.ID, "amount-total").text == "$690.00 USD")
    assert fits(driver)
    save = driver.find_element(By.ID, "save-quotation")
    click(driver, save)
    wait(driver).until(lambda d: (d.find_element(By.ID, "main").get_attribute("data-ready") or "").rsplit("/", 1)[-1].isdigit())
    order = int(driver.find_element(By.ID, "main").get_attribute("data-ready").rsplit("/", 1)[1])
    stored = docs.call("sale.order", "read", [order], ["order_line", "pricelist_id", "amount_total"])[0]
    assert stored["pricelist_id"][0] == pricelist
    prices = [(l["product_id"][0], l["price_unit"]) for l in docs.call("sale.order.line", "read", stored["order_line"], ["product_id", "price_unit"])]
    # What was shown before saving is what the server stored.
    assert prices == [(product, 180), (other, 75)]
    assert driver.find_element(By.ID, "amount-total").text == "$690.00 USD"
    # On the saved quotation too: the line's price asked before it is added, the same as stored.
    line = driver.find_element(By.ID, "add-line")
    price = line.find_element(By.NAME, "line-price")
    Select(line.find_element(By.NAME, "line-product")).select_by_value(str(other))
    wait(driver).until(lambda d: price.get_attribute("data-pricelist") and price.get_attribute("value") == "72.00")
    click(driver, line.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    wait(driver).until(lambda d: len(docs.call("sale.order", "read", [order], ["order_line"])[0]["order_line"]) == 3)
    last = docs.call("sale.order.line", "read", docs.call("sale.order", "read", [order], ["order_line"])[0]["order_line"], ["price_unit"])[-1]
    assert last["price_unit"] == 72
    shot(driver, f"77-{size}-{lang}-priced-saved")


def test_without_a_pricelist_the_products_price_is_kept(server, docs, session):
    product = docs.call("product.product", "create", {"name": "Silla sin lista", "list_price": 95})
    driver = session("es", "desktop", "pricing-none")
    go(driver, server, "#/quotation/new")
    line = driver.find_element(By.ID, "add-line")
    price = line.find_element(By.NAME, "line-price")
    Select(line.find_element(By.NAME, "line-product")).select_by_value(str(product))
    wait(driver).until(lambda d: price.get_attribute("value") == "95.00")
    assert not price.get_attribute("data-pricing") and not price.get_attribute("data-pricelist")
