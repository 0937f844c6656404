// The lines of a quotation: products with quantity, price, discount and taxes, sections and notes; priced and totalled as
// they are added (the same arithmetic as the server's: price × quantity less the discount, taxes by percentage, included in
// the price or added to it), and the optional products.
import { h, field, select, m2oName, validate } from './dom.js';
import { t, money, number } from './i18n.js';
import { input } from './fields.js';
import { numberInput } from './numbers.js';

/** Untaxed amount and tax of a line, from the taxes' rates ({amount, price_include}). */
export function lineAmounts(line, taxes) {
  if (line.display_type) return { untaxed: 0, tax: 0 };
  const gross = (Number(line.price_unit) || 0) * (Number(line.product_uom_qty) || 0) * (1 - (Number(line.discount) || 0) / 100);
  const chosen = (line.tax_id || []).map((id) => taxes.get(id)).filter(Boolean);
  const included = chosen.filter((tax) => tax.price_include).reduce((sum, tax) => sum + tax.amount, 0);
  const untaxed = gross / (1 + included / 100);
  const tax = chosen.reduce((sum, tax) => sum + untaxed * tax.amount / 100, 0);
  return { untaxed: Math.round(untaxed * 100) / 100, tax: Math.round(tax * 100) / 100 };
}

export function totals(lines, taxes) {
  return lines.reduce((sum, line) => {
    const { untaxed, tax } = lineAmounts(line, taxes);
    return { untaxed: sum.untaxed + untaxed, tax: sum.tax + tax, total: sum.total + untaxed + tax };
  }, { untaxed: 0, tax: 0, total: 0 });
}

/** The table of lines; remove(line) when lines can be removed. Subtotals are the server's when it gave them. */
export function lineTable(rows, { taxes, currency, remove }) {
  const taxNames = (ids) => (ids || []).map((id) => taxes.get(id)?.name).filter(Boolean).join(', ');
  const headers = [['Product'], ['Description'], ['Quantity', 'num'], ['Unit price', 'num'], ['Discount (%)', 'num'], ['Taxes'], ['Subtotal', 'num']];
  return h('div', { class: 'scroll' }, h('table', { class: 'list lines stack' }, h('thead', {}, h('tr', {},
    headers.map(([label, cls]) => h('th', { scope: 'col', class: cls }, t(label))), remove && h('th', {}, h('span', { class: 'sr-only' }, t('Delete'))))),
  h('tbody', {}, rows.map((row) => {
    const label = m2oName(row.product_id) || row.name || '';
    const removeCell = remove && h('td', { class: 'row-actions' }, h('button', { type: 'button', class: 'link', 'aria-label': `${t('Delete')} ${label}`,
      onclick: () => remove(row) }, '✕'));
    if (row.display_type) {
      return h('tr', { class: row.display_type }, h('td', { colspan: headers.length, class: 'wrap' }, row.name || ''), removeCell);
    }
    const subtotal = row.price_subtotal ?? lineAmounts(row, taxes).untaxed;
    const cell = (name, content, cls) => h('td', { class: cls, dataset: { label: t(name) } }, content);
    return h('tr', {}, cell('Product', m2oName(row.product_id), 'wrap'), cell('Description', row.name || '', 'wrap'),
      cell('Quantity', number(row.product_uom_qty ?? 0), 'num'), cell('Unit price', money(row.price_unit ?? 0, currency), 'num'),
      cell('Discount (%)', row.discount ? number(row.discount) : '', 'num'), cell('Taxes', taxNames(row.tax_id)),
      cell('Subtotal', money(subtotal, currency), 'num'), removeCell);
  }))));
}

/**
 * The form to add a line: the product brings its price and taxes (changeable), then quantity and discount; "Add a section"
 * and "Add a note" add a title or a text between the lines. onAdd(values).
 */
export function lineAdder(products, taxList, onAdd, priceOf = null) {
  const product = select(products.map((p) => [p.id, p.name]), '', { name: 'line-product' });
  product.required = true;
  const quantity = numberInput(1, { name: 'line-quantity', min: 0 });
  const price = numberInput(null, { name: 'line-price', kind: 'monetary' });
  const discount = numberInput(null, { name: 'line-discount', kind: 'percent', min: 0, max: 100 });
  const taxes = input('tags', [], { name: 'line-taxes', options: taxList.map((tax) => [tax.id, tax.name]), addLabel: t('Add a tax…') });
  // The product's price is offered, or the pricelist's price for the product and quantity when the quotation has one
  // (priceOf(product, quantity) asks the server: the price it will store); only a price the user types is sent.
  price.addEventListener('input', () => { price.dataset.typed = '1'; });
  let asked = 0;
  const offerPrice = async () => {
    const chosen = products.find((p) => p.id === Number(product.value));
    if (price.dataset.typed) return;
    const token = ++asked;
    price.set(chosen ? chosen.lst_price ?? null : null);
    if (!chosen || !priceOf) { delete price.dataset.pricing; return; }
    let qty = 1;
    try { qty = quantity.read() || 1; } catch { qty = 1; }
    price.dataset.pricing = '1';
    const priced = await priceOf(chosen.id, qty).catch(() => null);
    if (token !== asked) return;
    delete price.dataset.pricing;
    if (typeof priced === 'number' && Number.isFinite(priced) && !price.dataset.typed) {
      price.set(priced);
      price.dataset.pricelist = '1';
    } else delete price.dataset.pricelist;
  };
  product.addEventListener('change', () => {
    const chosen = products.find((p) => p.id === Number(product.value));
    taxes.set(chosen?.taxes_id || []);
    offerPrice();
  });
  quantity.addEventListener('change', () => { if (product.value) offerPrice(); });
  const form = h('form', { class: 'adder', id: 'add-line', novalidate: true }, field(t('Product'), product), field(t('Quantity'), quantity),
    field(t('Unit price'), price), field(t('Discount (%)'), discount), field(t('Taxes'), taxes),
    h('button', { type: 'submit' }, t('Add a line')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!validate(form)) return;
    const values = { product_id: Number(product.value), product_uom_qty: quantity.read() || 1, tax_id: [[6, 0, taxes.read()]] };
    if (!price.isEmpty() && price.dataset.typed) values.price_unit = price.read();
    if (!discount.isEmpty()) values.discount = discount.read();
    // The price shown (the pricelist's, the product's or the one typed), for the line before it is saved.
    onAdd(values, { shownPrice: price.isEmpty() ? null : price.read() });
  });
  // Sections and notes.
  const text = h('input', { name: 'line-text' });
  const textForm = h('form', { class: 'adder', id: 'add-text', novalidate: true }, field(t('Section or note'), text),
    h('button', { type: 'submit', value: 'line_section', id: 'add-section' }, t('Add a section')),
    h('button', { type: 'submit', value: 'line_note', id: 'add-note' }, t('Add a note')));
  textForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!text.value.trim()) { text.focus(); return; }
    onAdd({ display_type: event.submitter?.value || 'line_section', name: text.value.trim(), product_uom_qty: 0 });
  });
  return h('div', { class: 'adders' }, form, textForm);
}

export function optionTable(rows, products, currency, addToOrder) {
  const name = (row) => m2oName(row.product_id) || products.find((p) => p.id === row.product_id)?.name || '';
  return h('div', { class: 'scroll' }, h('table', { class: 'list options' }, h('thead', {}, h('tr', {},
    ['Product', 'Description', 'Quantity', 'Unit price'].map((c, i) => h('th', { scope: 'col', class: i > 1 ? 'num' : '' }, t(c))),
    addToOrder && h('th', {}, h('span', { class: 'sr-only' }, t('Add to order'))))),
  h('tbody', {}, rows.map((row) => h('tr', {}, h('td', { class: 'wrap' }, name(row)), h('td', { class: 'wrap' }, row.name || ''),
    h('td', { class: 'num' }, number(row.quantity ?? 1)), h('td', { class: 'num' }, row.price_unit !== undefined ? money(row.price_unit, currency) : ''),
    addToOrder && h('td', {}, row.line_id ? h('span', { 'aria-label': t('In the order') }, '✓')
      : h('button', { type: 'button', onclick: () => addToOrder(row) }, t('Add to order'))))))));
}

export function optionAdder(products, onAdd) {
  const product = select(products.map((p) => [p.id, p.name]), '', { name: 'option-product' });
  product.required = true;
  const quantity = numberInput(1, { name: 'option-quantity', min: 0 });
  const form = h('form', { class: 'adder', id: 'add-option', novalidate: true }, field(t('Product'), product), field(t('Quantity'), quantity),
    h('button', { type: 'submit' }, t('Add an optional product')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!validate(form)) return;
    onAdd({ product_id: Number(product.value), quantity: quantity.read() || 1 });
  });
  return form;
}

/** Untaxed amount, taxes and total. */
export function totalsList(amounts, currency, estimated) {
  return h('dl', { class: 'totals', id: 'totals' }, h('dt', {}, t('Untaxed amount')), h('dd', {}, money(amounts.untaxed, currency)),
    h('dt', {}, t('Taxes')), h('dd', {}, money(amounts.tax, currency)),
    h('dt', {}, t('Total')), h('dd', { id: 'amount-total' }, money(amounts.total, currency)),
    estimated && h('dd', { class: 'hint wide' }, t('Estimated with the products\' prices: the pricelist applies when the quotation is saved.')));
}
