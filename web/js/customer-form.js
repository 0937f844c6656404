// A customer (res.partner): a company with its contacts, or a person of a company; how to reach them, the address (State
// by country), sales defaults, tags and notes; below, their contacts, opportunities and quotations. Editable in place.
import { h, mount, field, m2oId, m2oName, attempt, validate, toast } from './dom.js';
import * as rpc from './rpc.js';
import { t, money, date } from './i18n.js';
import { choices, forget } from './relations.js';
import { input, changes } from './fields.js';
import { stateLabel } from './widgets.js';

const FIELDS = ['name', 'is_company', 'parent_id', 'function', 'title', 'email', 'phone', 'mobile', 'website', 'vat', 'lang', 'category_id', 'user_id',
  'team_id', 'property_product_pricelist', 'property_payment_term_id', 'street', 'street2', 'zip', 'city', 'country_id', 'state_id', 'comment',
  'child_ids'];

export async function render(view, { params }) {
  const id = params[0] === 'new' ? null : Number(params[0]);
  const query = new URLSearchParams(location.hash.split('?')[1] || '');
  let record = { is_company: query.get('company') === '1', parent_id: query.get('parent') ? [Number(query.get('parent')), ''] : false,
    category_id: [], child_ids: [] };
  if (id) {
    const [found] = await rpc.read('res.partner', [id], FIELDS);
    if (!found) { mount(view, h('p', {}, t('Not found'))); return; }
    record = found;
  }
  const [companies, titles, users, teams, pricelists, terms, countries, tags, languages] = await Promise.all([
    rpc.searchRead('res.partner', [['is_company', '=', true], ['id', '!=', id || 0]], ['name'], { limit: 500 }).then((rows) => rows.map((r) => [r.id, r.name])),
    choices('res.partner.title'), choices('res.users'), choices('crm.team'), choices('product.pricelist').catch(() => []),
    choices('account.payment.term').catch(() => []), choices('res.country'), choices('res.partner.category').catch(() => []),
    rpc.searchRead('res.lang', [['active', '=', true]], ['code', 'name']).catch(() => [])]);
  if (record.parent_id && !companies.some(([value]) => value === m2oId(record.parent_id))) companies.push(record.parent_id);
  const c = {
    name: input('char', record.name, { name: 'name', required: true, placeholder: t('e.g. Muebles del Norte') }),
    is_company: input('selection', record.is_company ? 'company' : 'person', { name: 'is_company', required: true,
      options: [['person', t('Individual')], ['company', t('Company')]] }),
    parent_id: input('m2o', record.parent_id, { name: 'parent_id', options: companies }),
    function: input('char', record.function, { name: 'function' }),
    title: input('m2o', record.title, { name: 'title', options: titles }),
    email: input('email', record.email, { name: 'email' }), phone: input('phone', record.phone, { name: 'phone' }),
    mobile: input('phone', record.mobile, { name: 'mobile' }), website: input('url', record.website, { name: 'website' }),
    vat: input('char', record.vat, { name: 'vat' }),
    lang: input('selection', record.lang, { name: 'lang', options: languages.map((l) => [l.code, l.name]) }),
    category_id: input('tags', record.category_id, { name: 'category_id', options: tags }),
    user_id: input('m2o', record.user_id, { name: 'user_id', options: users }), team_id: input('m2o', record.team_id, { name: 'team_id', options: teams }),
    property_product_pricelist: input('m2o', record.property_product_pricelist, { name: 'property_product_pricelist', options: pricelists }),
    property_payment_term_id: input('m2o', record.property_payment_term_id, { name: 'property_payment_term_id', options: terms }),
    street: input('char', record.street, { name: 'street' }), street2: input('char', record.street2, { name: 'street2' }),
    zip: input('char', record.zip, { name: 'zip' }), city: input('char', record.city, { name: 'city' }),
    country_id: input('m2o', record.country_id, { name: 'country_id', options: countries }),
    state_id: input('m2o', record.state_id, { name: 'state_id', options: record.state_id ? [record.state_id] : [] }),
    comment: input('text', record.comment, { name: 'comment', rows: 3 }),
  };
  c.is_company.read = () => c.is_company.value === 'company';
  const personOnly = [field(t('Company'), c.parent_id), field(t('Job position'), c.function), field(t('Title'), c.title)];
  const showKind = () => personOnly.forEach((node) => { node.hidden = c.is_company.value === 'company'; });
  c.is_company.addEventListener('change', showKind);
  showKind();
  const form = h('form', { class: 'record-form customer-form', id: 'customer-form', novalidate: true },
    h('div', { class: 'form-title' }, field(t('Name'), c.name)),
    h('div', { class: 'form-head' }, field(t('Type'), c.is_company)),
    h('div', { class: 'form-groups' },
      h('fieldset', { class: 'group' }, h('legend', { class: 'sr-only' }, t('Contact')), ...personOnly, field(t('Email'), c.email),
        field(t('Phone'), c.phone), field(t('Mobile'), c.mobile), field(t('Website'), c.website)),
      h('fieldset', { class: 'group' }, h('legend', { class: 'sr-only' }, t('Sales')), field(t('Tax ID (RFC)'), c.vat), field(t('Language'), c.lang),
        field(t('Tags'), c.category_id), field(t('Salesperson'), c.user_id), field(t('Sales Team'), c.team_id),
        field(t('Pricelist'), c.property_product_pricelist), field(t('Payment terms'), c.property_payment_term_id))),
    h('fieldset', { class: 'block' }, h('legend', {}, t('Address')), field(t('Street'), c.street), field(t('Street 2'), c.street2),
      field(t('Zip'), c.zip), field(t('City'), c.city), field(t('Country'), c.country_id), field(t('State'), c.state_id)),
    h('fieldset', { class: 'block' }, h('legend', {}, t('Internal notes')), field(t('Notes'), c.comment, { class: 'wide' })),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary', id: 'save-customer' }, t('Save'))));
  // State follows the country.
  const filterStates = async () => {
    const country = Number(c.country_id.value) || null;
    const current = c.state_id.value;
    const states = country ? await rpc.searchRead('res.country.state', [['country_id', '=', country]], ['name'], { limit: 500 }) : [];
    mount(c.state_id, h('option', { value: '' }, country ? (states.length ? '—' : t('No states')) : t('Choose a country first')),
      states.map((s) => h('option', { value: s.id, selected: String(s.id) === current }, s.name)));
    c.state_id.disabled = !states.length;
  };
  c.country_id.addEventListener('change', filterStates);
  await filterStates();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!validate(form)) return;
    const values = changes(c, id ? record : {});
    if (values.is_company) values.parent_id = false;
    if (!id) {
      const created = await attempt(() => rpc.create('res.partner', values), form);
      if (created) { forget('res.partner'); toast(t('Saved'), 'info', { keep: true }); location.hash = `#/customer/${created}`; }
    } else if (!Object.keys(values).length || await attempt(() => rpc.write('res.partner', [id], values), form) !== undefined) {
      forget('res.partner'); toast(t('Saved')); render(view, { params });
    }
  });
  mount(view, h('div', { class: 'toolbar' }, h('a', { class: 'button', href: '#/customers' }, '← ', t('Customers')),
    h('h1', {}, record.name || t('New customer'))), form, id && await related(record));
}

/** The company's contacts, and the opportunities and quotations of the customer (and of its contacts). */
async function related(record) {
  const ids = [record.id, ...(record.child_ids || [])];
  const [contacts, leads, orders] = await Promise.all([
    record.child_ids?.length ? rpc.read('res.partner', record.child_ids, ['name', 'function', 'email', 'phone']) : [],
    rpc.searchRead('crm.lead', [['partner_id', 'in', ids]], ['name', 'stage_id', 'expected_revenue', 'user_id', 'type'], { limit: 100 }),
    rpc.searchRead('sale.order', [['partner_id', 'in', ids]], ['name', 'date_order', 'amount_total', 'state', 'currency_id'], { limit: 100 })]);
  const panel = (panelId, title, count, ...content) => h('section', { class: 'panel', id: panelId, 'aria-labelledby': `${panelId}-title` },
    h('h2', { id: `${panelId}-title` }, `${t(title)} (${count})`), ...content);
  const table = (headers, rows) => h('div', { class: 'scroll' }, h('table', { class: 'list stack' },
    h('thead', {}, h('tr', {}, headers.map(([label, cls]) => h('th', { scope: 'col', class: cls }, t(label))))), h('tbody', {}, rows)));
  const cell = (label, content, cls) => h('td', { class: cls, dataset: { label: t(label) } }, content);
  return h('div', { class: 'related' },
    record.is_company && panel('customer-contacts', 'Contacts', contacts.length,
      contacts.length ? table([['Name'], ['Job position'], ['Email'], ['Phone']], contacts.map((p) => h('tr', { dataset: { id: p.id } },
        cell('Name', h('a', { href: `#/customer/${p.id}` }, p.name), 'wrap'), cell('Job position', p.function || ''), cell('Email', p.email || ''),
        cell('Phone', p.phone || '')))) : null,
      h('a', { class: 'button', id: 'add-contact', href: `#/customer/new?parent=${record.id}` }, `+ ${t('Add a contact')}`)),
    panel('customer-opportunities', 'Opportunities', leads.length, leads.length ? table([['Opportunity'], ['Stage'], ['Salesperson'], ['Expected revenue', 'num']],
      leads.map((l) => h('tr', { dataset: { id: l.id } }, cell('Opportunity', h('a', { href: `#/lead/${l.id}` }, l.name), 'wrap'),
        cell('Stage', m2oName(l.stage_id)), cell('Salesperson', m2oName(l.user_id)), cell('Expected revenue', money(l.expected_revenue), 'num'))))
      : h('p', { class: 'muted' }, t('Nothing to show'))),
    panel('customer-quotations', 'Quotations', orders.length, orders.length ? table([['Number'], ['Date'], ['Total', 'num'], ['Status']],
      orders.map((o) => h('tr', { dataset: { id: o.id } }, cell('Number', h('a', { href: `#/quotation/${o.id}` }, o.name)),
        cell('Date', date(o.date_order)), cell('Total', money(o.amount_total, o.currency_id), 'num'),
        cell('Status', h('span', { class: `pill ${o.state}` }, stateLabel(o.state))))))
      : h('p', { class: 'muted' }, t('Nothing to show'))));
}
