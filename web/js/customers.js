// Customers: cards or a list, with search; each opens the customer's form (customer-form.js), New creates one.
import { h, mount, field, m2oName } from './dom.js';
import * as rpc from './rpc.js';
import { t } from './i18n.js';
import { debounce } from './search.js';

export async function render(view) {
  let mode = sessionStorage.getItem('embudo.customers.mode') || 'kanban';
  const search = h('input', { type: 'search', name: 'search', placeholder: t('Name, e-mail, city…') });
  const holder = h('div', { id: 'customers' });
  const load = async () => {
    const domain = search.value ? ['|', '|', ['name', 'ilike', search.value], ['email', 'ilike', search.value], ['city', 'ilike', search.value]] : [];
    const rows = await rpc.searchRead('res.partner', domain, ['name', 'email', 'phone', 'city', 'country_id', 'is_company', 'parent_id', 'function'], { limit: 300 });
    if (!rows.length) { mount(holder, h('p', { class: 'muted' }, t('Nothing to show'))); return; }
    if (mode === 'kanban') {
      mount(holder, h('ul', { class: 'grid' }, rows.map((p) => h('li', { class: 'card partner', dataset: { id: p.id } },
        h('span', { class: `avatar ${p.is_company ? 'company' : ''}`, 'aria-hidden': 'true' }, (p.name || '?').slice(0, 1).toUpperCase()),
        h('div', { class: 'partner-text' }, h('a', { class: 'name', href: `#/customer/${p.id}` }, p.name),
          p.parent_id && h('div', {}, m2oName(p.parent_id)), p.function && h('div', {}, p.function),
          h('div', { class: 'muted' }, [p.city, m2oName(p.country_id)].filter(Boolean).join(', ')), p.email && h('div', { class: 'email' }, p.email))))));
    } else {
      mount(holder, h('div', { class: 'scroll' }, h('table', { class: 'list' },
        h('thead', {}, h('tr', {}, ['Name', 'Email', 'Phone', 'City', 'Country'].map((c) => h('th', { scope: 'col' }, t(c))))),
        h('tbody', {}, rows.map((p) => h('tr', { dataset: { id: p.id } }, h('td', { class: 'wrap' }, h('a', { href: `#/customer/${p.id}` }, p.name)),
          h('td', { class: 'wrap' }, p.email || ''), h('td', {}, p.phone || ''), h('td', {}, p.city || ''), h('td', {}, m2oName(p.country_id))))))));
    }
  };
  const switcher = (value, label) => h('button', { type: 'button', 'aria-pressed': String(mode === value), onclick: () => {
    mode = value; sessionStorage.setItem('embudo.customers.mode', value); render(view);
  } }, t(label));
  search.addEventListener('input', debounce(load));
  mount(view, h('div', { class: 'toolbar' }, h('h1', {}, t('Customers')), field(t('Search'), search), switcher('kanban', 'Kanban'), switcher('list', 'List'),
    h('a', { class: 'button primary', href: '#/customer/new?company=1', id: 'new-customer' }, t('New'))), holder);
  await load();
}
