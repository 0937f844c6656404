// The quotation form: customer, terms, lines, optional products; send, confirm, cancel.
import { h, mount, field, m2oId, m2oName, select, attempt, toast } from './dom.js';
import * as rpc from './rpc.js';
import { t, money, date } from './i18n.js';
import { choices } from './relations.js';
import { stateLabel } from './widgets.js';

const LINE_FIELDS = ['product_id', 'name', 'product_uom_qty', 'price_unit', 'discount', 'price_subtotal', 'display_type'];
const OPTION_FIELDS = ['product_id', 'name', 'quantity', 'price_unit', 'discount', 'line_id'];

export async function render(view, { params }) {
  const id = params[0] === 'new' ? null : Number(params[0]);
  const [partners, products, terms] = await Promise.all([choices('res.partner'), choices('product.product'), choices('account.payment.term')]);
  // From an opportunity: its defaults (customer, team, origin...) come in the context of action_sale_quotations_new.
  const defaults = id ? {} : JSON.parse(sessionStorage.getItem('embudo.quotation.context') || '{}');
  let order = { state: 'draft', partner_id: defaults.default_partner_id ? [defaults.default_partner_id, ''] : false,
    payment_term_id: false, validity_date: false, note: '' };
  if (id) {
    const found = await rpc.read('sale.order', [id], ['name', 'state', 'partner_id', 'payment_term_id', 'validity_date', 'note', 'date_order',
      'user_id', 'opportunity_id', 'amount_untaxed', 'amount_tax', 'amount_total', 'order_line', 'sale_order_option_ids']);
    if (!found.length) { mount(view, h('p', {}, t('Not found'))); return; }
    order = found[0];
  }
  const editable = ['draft', 'sent'].includes(order.state);
  const partner = select(partners, m2oId(order.partner_id), { name: 'partner_id', required: !id });
  const term = select(terms, m2oId(order.payment_term_id), { name: 'payment_term_id' });
  const validity = h('input', { type: 'date', name: 'validity_date', value: order.validity_date || '' });
  const note = h('textarea', { name: 'note', rows: 2, value: order.note || '' });
  [partner, term, validity, note].forEach((c) => { c.disabled = !editable; });
  const header = h('form', { class: 'record-form', id: 'quotation-form' },
    h('fieldset', {}, field(t('Customer'), partner), field(t('Payment terms'), term), field(t('Expiration'), validity),
      field(t('Notes'), note, { class: 'wide' })));
  const refresh = () => render(view, { params });

  // New quotations collect their lines here and are created at once.
  const pendingLines = [], pendingOptions = [];
  const lines = h('section', { class: 'panel', 'aria-labelledby': 'lines-title' }, h('h2', { id: 'lines-title' }, t('Order lines')));
  const options = h('section', { class: 'panel', 'aria-labelledby': 'options-title' }, h('h2', { id: 'options-title' }, t('Optional products')));
  const renderPending = () => {
    mount(lines, h('h2', { id: 'lines-title' }, t('Order lines')), lineTable(pendingLines.map((l) => ({ ...l, product_id: [l.product_id, name(products, l.product_id)] })), null),
      editable && adder(products, 'line', (values) => { pendingLines.push(values); renderPending(); }));
    mount(options, h('h2', { id: 'options-title' }, t('Optional products')), optionTable(pendingOptions.map((l) => ({ ...l, product_id: [l.product_id, name(products, l.product_id)] })), null),
      editable && adder(products, 'option', (values) => { pendingOptions.push(values); renderPending(); }));
  };

  if (id) {
    const [lineRows, optionRows] = await Promise.all([
      rpc.read('sale.order.line', order.order_line, LINE_FIELDS), rpc.read('sale.order.option', order.sale_order_option_ids, OPTION_FIELDS)]);
    // Element.append would write false as "false": the adders go in only while the quotation can change.
    lines.append(lineTable(lineRows, editable && (async (line) => { await attempt(() => rpc.write('sale.order', [id], { order_line: [[2, line.id]] })); refresh(); })),
      ...[editable && adder(products, 'line', async (values) => { await attempt(() => rpc.write('sale.order', [id], { order_line: [[0, 0, values]] })); refresh(); })].filter(Boolean));
    options.append(optionTable(optionRows, editable && (async (option) => {
      await attempt(() => rpc.call('sale.order.option', 'button_add_to_order', [[option.id]])); refresh();
    })), ...[editable && adder(products, 'option', async (values) => {
      await attempt(() => rpc.write('sale.order', [id], { sale_order_option_ids: [[0, 0, values]] })); refresh();
    })].filter(Boolean));
  } else renderPending();

  const save = h('button', { class: 'primary', id: 'save-quotation', onclick: async () => {
    const values = { partner_id: Number(partner.value) || false, payment_term_id: Number(term.value) || false,
      validity_date: validity.value || false, note: note.value || false };
    if (!id) {
      values.order_line = pendingLines.map((l) => [0, 0, l]);
      values.sale_order_option_ids = pendingOptions.map((l) => [0, 0, l]);
      if (!values.partner_id) delete values.partner_id;
      const created = await attempt(() => rpc.create('sale.order', values, defaults));
      if (created) { sessionStorage.removeItem('embudo.quotation.context'); toast(t('Saved'), 'info', { keep: true }); location.hash = `#/quotation/${created}`; }
    } else if (await attempt(() => rpc.write('sale.order', [id], values)) !== undefined) { toast(t('Saved')); refresh(); }
  } }, t('Save'));
  const act = (method, label, buttonId, show) => show && h('button', { id: buttonId, onclick: async () => {
    if (await attempt(() => rpc.call('sale.order', method, [[id]])) !== undefined) refresh();
  } }, t(label));
  const actions = h('div', { class: 'actions' }, editable && save,
    id && act('action_quotation_send', 'Send by email', 'send-quotation', editable),
    id && act('action_confirm', 'Confirm', 'confirm-quotation', editable),
    id && act('action_cancel', 'Cancel', 'cancel-quotation', ['draft', 'sent', 'sale'].includes(order.state)),
    id && act('action_draft', 'Draft', 'draft-quotation', order.state === 'cancel'));
  const totals = id && h('dl', { class: 'totals' }, h('dt', {}, t('Untaxed amount')), h('dd', {}, money(order.amount_untaxed)),
    h('dt', {}, t('Taxes')), h('dd', {}, money(order.amount_tax)), h('dt', {}, t('Total')), h('dd', { id: 'amount-total' }, money(order.amount_total)));
  mount(view,
    h('div', { class: 'toolbar' }, h('a', { class: 'button', href: '#/quotations' }, '← ', t('Quotations')),
      h('h1', {}, order.name || t('New')), h('span', { class: `pill ${order.state}`, id: 'quotation-state', dataset: { state: order.state } }, stateLabel(order.state)),
      order.opportunity_id && h('a', { href: `#/lead/${m2oId(order.opportunity_id)}` }, m2oName(order.opportunity_id))),
    actions, header, lines, options, totals);
}

const name = (options, id) => (options.find(([value]) => value === id) || [0, ''])[1];

function lineTable(rows, remove) {
  return h('table', { class: 'list lines' }, h('thead', {}, h('tr', {},
    ['Product', 'Description', 'Quantity', 'Unit price', 'Discount (%)', 'Subtotal'].map((c, i) => h('th', { scope: 'col', class: i > 1 ? 'num' : '' }, t(c))), remove && h('th', {}, ''))),
  h('tbody', {}, rows.map((row) => h('tr', { class: row.display_type || '' },
    h('td', {}, m2oName(row.product_id)), h('td', {}, row.name || ''), h('td', { class: 'num' }, row.product_uom_qty ?? ''),
    h('td', { class: 'num' }, row.price_unit !== undefined ? money(row.price_unit) : ''), h('td', { class: 'num' }, row.discount || ''),
    h('td', { class: 'num' }, row.price_subtotal !== undefined ? money(row.price_subtotal) : ''),
    remove && h('td', {}, h('button', { class: 'link', 'aria-label': `${t('Delete')} ${m2oName(row.product_id)}`, onclick: () => remove(row) }, '✕'))))));
}

function optionTable(rows, addToOrder) {
  return h('table', { class: 'list options' }, h('thead', {}, h('tr', {},
    ['Product', 'Description', 'Quantity', 'Unit price'].map((c) => h('th', { scope: 'col' }, t(c))), addToOrder && h('th', {}, ''))),
  h('tbody', {}, rows.map((row) => h('tr', {}, h('td', {}, m2oName(row.product_id)), h('td', {}, row.name || ''),
    h('td', { class: 'num' }, row.quantity ?? ''), h('td', { class: 'num' }, row.price_unit !== undefined ? money(row.price_unit) : ''),
    addToOrder && h('td', {}, row.line_id ? '✓' : h('button', { onclick: () => addToOrder(row) }, t('Add to order')))))));
}

/** A small form to add a line or an optional product. */
function adder(products, kind, onAdd) {
  const product = select(products, '', { name: `${kind}-product`, required: true });
  const quantity = h('input', { type: 'number', name: `${kind}-quantity`, min: 0, step: 'any', value: 1 });
  const price = h('input', { type: 'number', name: `${kind}-price`, step: 'any' });
  const form = h('form', { class: 'adder', id: `add-${kind}` }, field(t('Product'), product), field(t('Quantity'), quantity),
    field(t('Unit price'), price), h('button', { type: 'submit' }, t(kind === 'line' ? 'Add a line' : 'Add an optional product')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = { product_id: Number(product.value) };
    values[kind === 'line' ? 'product_uom_qty' : 'quantity'] = Number(quantity.value) || 1;
    if (price.value !== '') values.price_unit = Number(price.value);
    onAdd(values);
  });
  return form;
}
