// The quotation form: customer, dates, pricelist, payment terms, salesperson and team, the CFDI fields (uso, forma and
// método de pago), the lines (quotation-lines.js) priced and totalled as they are added, optional products; send, confirm,
// cancel, and its activities.
import { h, mount, field, m2oId, m2oName, attempt, toast, validate } from './dom.js';
import * as rpc from './rpc.js';
import { t, date, today } from './i18n.js';
import { choices } from './relations.js';
import { input, changes } from './fields.js';
import { stateLabel } from './widgets.js';
import { scheduleActivity, activityItem } from './activities.js';
import { lineTable, lineAdder, optionTable, optionAdder, totals, totalsList } from './quotation-lines.js';
import { sendQuotationMail } from './quotation-mail.js';
import { attachmentsPanel } from './attachments.js';

const LINE_FIELDS = ['product_id', 'name', 'product_uom_qty', 'price_unit', 'discount', 'tax_id', 'price_subtotal', 'display_type'];
const OPTION_FIELDS = ['product_id', 'name', 'quantity', 'price_unit', 'discount', 'line_id'];
const ORDER_FIELDS = ['name', 'state', 'partner_id', 'date_order', 'validity_date', 'pricelist_id', 'payment_term_id', 'user_id', 'team_id',
  'note', 'opportunity_id', 'currency_id', 'amount_untaxed', 'amount_tax', 'amount_total', 'order_line', 'sale_order_option_ids',
  'l10n_mx_edi_usage', 'l10n_mx_edi_payment_method_id', 'l10n_mx_edi_payment_policy'];
// SAT's c_UsoCFDI (CFDI 3.3), as the server checks them.
const USES = [['G01', 'Adquisición de mercancías'], ['G02', 'Devoluciones, descuentos o bonificaciones'], ['G03', 'Gastos en general'],
  ['I01', 'Construcciones'], ['I02', 'Mobiliario y equipo de oficina por inversiones'], ['I03', 'Equipo de transporte'],
  ['I04', 'Equipo de cómputo y accesorios'], ['I05', 'Dados, troqueles, moldes, matrices y herramental'], ['I06', 'Comunicaciones telefónicas'],
  ['I07', 'Comunicaciones satelitales'], ['I08', 'Otra maquinaria y equipo'], ['D01', 'Honorarios médicos, dentales y gastos hospitalarios'],
  ['D02', 'Gastos médicos por incapacidad o discapacidad'], ['D03', 'Gastos funerales'], ['D04', 'Donativos'],
  ['D05', 'Intereses reales efectivamente pagados por créditos hipotecarios (casa habitación)'], ['D06', 'Aportaciones voluntarias al SAR'],
  ['D07', 'Primas por seguros de gastos médicos'], ['D08', 'Gastos de transportación escolar obligatoria'],
  ['D09', 'Depósitos en cuentas para el ahorro, primas que tengan como base planes de pensiones'],
  ['D10', 'Pagos por servicios educativos (colegiaturas)'], ['P01', 'Por definir']].map(([code, name]) => [code, `${code} · ${name}`]);
const POLICIES = [['PUE', 'PUE · Pago en una sola exhibición'], ['PPD', 'PPD · Pago en parcialidades o diferido']];

export async function render(view, { params }) {
  const id = params[0] === 'new' ? null : Number(params[0]);
  const [partners, products, taxList, terms, pricelists, users, teams, forms] = await Promise.all([choices('res.partner'),
    rpc.searchRead('product.product', [['sale_ok', '=', true]], ['name', 'lst_price', 'taxes_id'], { limit: 1000 }),
    rpc.searchRead('account.tax', [['type_tax_use', '=', 'sale']], ['name', 'amount', 'price_include']).catch(() => []),
    choices('account.payment.term'), choices('product.pricelist').catch(() => []), choices('res.users'), choices('crm.team'),
    choices('l10n_mx_edi.payment.method').catch(() => [])]);
  const taxes = new Map(taxList.map((tax) => [tax.id, tax]));
  // From an opportunity: its defaults (customer, team, origin...) come in the context of action_sale_quotations_new.
  const defaults = id ? {} : JSON.parse(sessionStorage.getItem('embudo.quotation.context') || '{}');
  let order = { state: 'draft', partner_id: defaults.default_partner_id ? [defaults.default_partner_id, ''] : false,
    date_order: `${today()} 12:00:00`, user_id: [rpc.session.info.uid, ''], team_id: defaults.default_team_id ? [defaults.default_team_id, ''] : false, order_line: [], sale_order_option_ids: [] };
  if (id) {
    const found = await rpc.read('sale.order', [id], ORDER_FIELDS);
    if (!found.length) { mount(view, h('p', {}, t('Not found'))); return; }
    order = found[0];
  }
  const editable = ['draft', 'sent'].includes(order.state);
  const currency = order.currency_id || undefined;
  const c = {
    partner_id: input('m2o', order.partner_id, { name: 'partner_id', options: partners, required: true }),
    date_order: input('date', order.date_order ? order.date_order.slice(0, 10) : false, { name: 'date_order' }),
    validity_date: input('date', order.validity_date, { name: 'validity_date' }),
    pricelist_id: input('m2o', order.pricelist_id, { name: 'pricelist_id', options: pricelists }),
    payment_term_id: input('m2o', order.payment_term_id, { name: 'payment_term_id', options: terms }),
    user_id: input('m2o', order.user_id, { name: 'user_id', options: users }),
    team_id: input('m2o', order.team_id, { name: 'team_id', options: teams }),
    l10n_mx_edi_usage: input('selection', order.l10n_mx_edi_usage, { name: 'l10n_mx_edi_usage', options: USES }),
    l10n_mx_edi_payment_method_id: input('m2o', order.l10n_mx_edi_payment_method_id, { name: 'l10n_mx_edi_payment_method_id', options: forms }),
    l10n_mx_edi_payment_policy: input('selection', order.l10n_mx_edi_payment_policy, { name: 'l10n_mx_edi_payment_policy', options: POLICIES }),
    note: input('text', order.note, { name: 'note', rows: 2 }),
  };
  // The order date is a moment: a day typed is kept as that day at noon (UTC), whatever the time zone.
  const readDay = c.date_order.read;
  c.date_order.read = () => (readDay() ? `${readDay()} 12:00:00` : false);
  const before = { ...order, date_order: order.date_order ? `${order.date_order.slice(0, 10)} 12:00:00` : false };
  Object.values(c).forEach((control) => { control.disabled = !editable; });
  const header = h('form', { class: 'record-form', id: 'quotation-form', novalidate: true },
    h('fieldset', {}, field(t('Customer'), c.partner_id), field(t('Quotation date'), c.date_order), field(t('Expiration'), c.validity_date),
      field(t('Pricelist'), c.pricelist_id), field(t('Payment terms'), c.payment_term_id), field(t('Salesperson'), c.user_id),
      field(t('Sales Team'), c.team_id)),
    h('fieldset', {}, h('legend', {}, t('Invoicing (CFDI)')), field(t('CFDI use'), c.l10n_mx_edi_usage), field(t('Payment form'), c.l10n_mx_edi_payment_method_id),
      field(t('Payment method'), c.l10n_mx_edi_payment_policy)),
    h('fieldset', {}, field(t('Terms and conditions'), c.note, { class: 'wide' })));
  const refresh = () => render(view, { params });

  const lines = h('section', { class: 'panel', 'aria-labelledby': 'lines-title' });
  const options = h('section', { class: 'panel', 'aria-labelledby': 'options-title' });
  const totalsBox = h('div', { class: 'totals-box' });
  // New quotations collect their lines here, priced and totalled at once, and are created with them.
  const pendingLines = [], pendingOptions = [];
  // The quotation's pricelist (the one chosen in a new quotation, the stored one in a saved quotation, whose lines the server
  // prices by it): the price of a product and quantity asked to the server before the line is saved; none without one.
  const pricelistOf = () => (id ? m2oId(order.pricelist_id) : Number(c.pricelist_id.value) || false);
  const priceOf = async (productId, quantity) => {
    const pricelist = pricelistOf();
    if (!pricelist) return null;
    return rpc.call('product.pricelist', 'get_product_price', [[pricelist], productId, quantity, false]);
  };
  // The price each pending line shows: typed, the pricelist's, or the product's.
  const shownPrices = new WeakMap();
  const drawPending = () => {
    const rows = pendingLines.map((line) => {
      const product = products.find((p) => p.id === line.product_id);
      return { ...line, product_id: product ? [product.id, product.name] : false, tax_id: line.tax_id?.[0]?.[2] || [],
        price_unit: line.price_unit ?? shownPrices.get(line) ?? product?.lst_price ?? 0 };
    });
    mount(lines, h('h2', { id: 'lines-title' }, t('Order lines')),
      lineTable(rows, { taxes, currency, remove: (row) => { pendingLines.splice(rows.indexOf(row), 1); drawPending(); } }),
      lineAdder(products, taxList, (values, { shownPrice } = {}) => {
        pendingLines.push(values);
        if (shownPrice !== null && shownPrice !== undefined) shownPrices.set(values, shownPrice);
        drawPending();
      }, priceOf));
    mount(options, h('h2', { id: 'options-title' }, t('Optional products')), optionTable(pendingOptions, products, currency, null),
      optionAdder(products, (values) => { pendingOptions.push(values); drawPending(); }));
    // Without a chosen pricelist the server may still apply one when saving: said as long as the quotation is not saved.
    mount(totalsBox, totalsList(totals(rows, taxes), currency, !pricelistOf() && pricelists.length > 0 && rows.some((row) => !row.display_type)));
  };
  // Another pricelist prices the pending lines again (those whose price was not typed).
  const repricePending = async () => {
    lines.dataset.pricing = '1';
    await Promise.all(pendingLines.map(async (line) => {
      if (line.display_type || line.price_unit !== undefined) return;
      const priced = await priceOf(line.product_id, line.product_uom_qty).catch(() => null);
      if (typeof priced === 'number') shownPrices.set(line, priced); else shownPrices.delete(line);
    }));
    delete lines.dataset.pricing;
    drawPending();
  };

  if (id) {
    const [lineRows, optionRows] = await Promise.all([
      rpc.read('sale.order.line', order.order_line, LINE_FIELDS), rpc.read('sale.order.option', order.sale_order_option_ids, OPTION_FIELDS)]);
    const write = async (values) => { if (await attempt(() => rpc.write('sale.order', [id], values)) !== undefined) refresh(); };
    mount(lines, h('h2', { id: 'lines-title' }, t('Order lines')),
      lineTable(lineRows, { taxes, currency, remove: editable && ((line) => write({ order_line: [[2, line.id]] })) }),
      editable && lineAdder(products, taxList, (values) => write({ order_line: [[0, 0, values]] }), priceOf));
    mount(options, h('h2', { id: 'options-title' }, t('Optional products')),
      optionTable(optionRows, products, currency, editable && (async (option) => {
        if (await attempt(() => rpc.call('sale.order.option', 'button_add_to_order', [[option.id]])) !== undefined) refresh();
      })), editable && optionAdder(products, (values) => write({ sale_order_option_ids: [[0, 0, values]] })));
    mount(totalsBox, totalsList({ untaxed: order.amount_untaxed, tax: order.amount_tax, total: order.amount_total }, currency, false));
  } else {
    drawPending();
    c.pricelist_id.addEventListener('change', repricePending);
  }

  const save = h('button', { class: 'primary', id: 'save-quotation', onclick: async () => {
    if (!validate(header)) return;
    const values = changes(c, id ? before : {});
    if (!id) {
      values.order_line = pendingLines.map((l) => [0, 0, l]);
      values.sale_order_option_ids = pendingOptions.map((l) => [0, 0, l]);
      const created = await attempt(() => rpc.create('sale.order', values, defaults), header);
      if (created) { sessionStorage.removeItem('embudo.quotation.context'); toast(t('Saved'), 'info', { keep: true }); location.hash = `#/quotation/${created}`; }
    } else if (!Object.keys(values).length || await attempt(() => rpc.write('sale.order', [id], values), header) !== undefined) { toast(t('Saved')); refresh(); }
  } }, t('Save'));
  const act = (method, label, buttonId, show) => show && h('button', { id: buttonId, onclick: async () => {
    if (await attempt(() => rpc.call('sale.order', method, [[id]])) !== undefined) refresh();
  } }, t(label));
  const actions = h('div', { class: 'actions' }, editable && save,
    id && editable && h('button', { id: 'send-quotation', onclick: async () => {
      // The composer shows the e-mail first; nothing is sent until the user sends it.
      const sent = await attempt(() => sendQuotationMail(id));
      if (sent) { toast(t('The quotation was sent by e-mail.')); refresh(); }
    } }, t('Send by email')),
    id && act('action_confirm', 'Confirm', 'confirm-quotation', editable),
    id && act('action_cancel', 'Cancel', 'cancel-quotation', ['draft', 'sent', 'sale'].includes(order.state)),
    id && act('action_draft', 'Set to quotation', 'draft-quotation', order.state === 'cancel'),
    id && h('button', { id: 'schedule', onclick: async () => { if (await scheduleActivity('sale.order', id, order.name)) refresh(); } }, t('Schedule activity')));
  const activities = id && h('section', { class: 'panel', 'aria-labelledby': 'order-activities-title' },
    h('h2', { id: 'order-activities-title' }, t('Activities')), h('ul', { class: 'activities', id: 'order-activities' }));
  mount(view,
    h('div', { class: 'toolbar' }, h('a', { class: 'button', href: '#/quotations' }, '← ', t('Quotations')),
      h('h1', {}, order.name || t('New quotation')), h('span', { class: `pill ${order.state}`, id: 'quotation-state', dataset: { state: order.state } }, stateLabel(order.state)),
      order.date_order && h('span', { class: 'muted' }, date(order.date_order)),
      order.opportunity_id && h('a', { href: `#/lead/${m2oId(order.opportunity_id)}` }, m2oName(order.opportunity_id))),
    actions, header, lines, options, totalsBox, activities, id && attachmentsPanel('sale.order', id));
  if (id) {
    const rows = await rpc.searchRead('mail.activity', [['res_model', '=', 'sale.order'], ['res_id', '=', id]],
      ['summary', 'activity_type_id', 'date_deadline', 'state', 'user_id', 'res_model', 'res_id', 'res_name', 'note']);
    mount(view.querySelector('#order-activities'), rows.length ? rows.map((row) => activityItem(row, refresh, false)) : h('li', {}, t('No activities')));
  }
}
