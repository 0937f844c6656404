// The quotations list.
import { h, mount, m2oName, field } from './dom.js';
import * as rpc from './rpc.js';
import { t, money, date } from './i18n.js';
import { stateLabel } from './widgets.js';

export async function render(view) {
  const search = h('input', { type: 'search', name: 'search' });
  const body = h('tbody');
  const table = h('table', { class: 'list', id: 'quotations' }, h('caption', { class: 'sr-only' }, t('Quotations')),
    h('thead', {}, h('tr', {}, ['Number', 'Date', 'Customer', 'Salesperson', 'Total', 'Status'].map((c) => h('th', { scope: 'col' }, t(c))))), body);
  const load = async () => {
    const domain = search.value ? ['|', ['name', 'ilike', search.value], ['partner_id', 'ilike', search.value]] : [];
    const rows = await rpc.searchRead('sale.order', domain, ['name', 'date_order', 'partner_id', 'user_id', 'amount_total', 'state'], { limit: 200 });
    mount(body, rows.map((row) => h('tr', { dataset: { id: row.id } },
      h('td', {}, h('a', { href: `#/quotation/${row.id}` }, row.name)), h('td', {}, date(row.date_order)),
      h('td', { class: 'wrap' }, m2oName(row.partner_id)), h('td', {}, m2oName(row.user_id)), h('td', { class: 'num' }, money(row.amount_total)),
      h('td', {}, h('span', { class: `pill ${row.state}` }, stateLabel(row.state))))));
  };
  search.addEventListener('input', debounce(load));
  mount(view, h('div', { class: 'toolbar' }, h('h1', {}, t('Quotations')), field(t('Search'), search),
    h('a', { class: 'button primary', href: '#/quotation/new', id: 'new-quotation', onclick: () => sessionStorage.removeItem('embudo.quotation.context') }, t('New'))), h('div', { class: 'scroll' }, table));
  await load();
}

export function debounce(fn, wait = 250) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), wait); };
}
