// Customers: kanban cards or a list, with search and a quick create.
import { h, mount, field, m2oName, attempt } from './dom.js';
import * as rpc from './rpc.js';
import { t } from './i18n.js';
import { debounce } from './search.js';
import { forget } from './relations.js';

export async function render(view) {
  let mode = sessionStorage.getItem('embudo.customers.mode') || 'kanban';
  const search = h('input', { type: 'search', name: 'search' });
  const holder = h('div', { id: 'customers' });
  const load = async () => {
    const domain = search.value ? ['|', '|', ['name', 'ilike', search.value], ['email', 'ilike', search.value], ['city', 'ilike', search.value]] : [];
    const rows = await rpc.searchRead('res.partner', domain, ['name', 'email', 'phone', 'city', 'country_id', 'is_company', 'parent_id', 'function'], { limit: 300 });
    if (mode === 'kanban') {
      mount(holder, h('ul', { class: 'grid' }, rows.map((p) => h('li', { class: 'card partner' },
        h('span', { class: 'avatar', 'aria-hidden': 'true' }, (p.name || '?').slice(0, 1).toUpperCase()),
        h('div', {}, h('strong', {}, p.name), p.parent_id && h('div', {}, m2oName(p.parent_id)), p.function && h('div', {}, p.function),
          h('div', { class: 'muted' }, [p.city, m2oName(p.country_id)].filter(Boolean).join(', ')), p.email && h('div', {}, p.email))))));
    } else {
      mount(holder, h('table', { class: 'list' }, h('thead', {}, h('tr', {}, ['Name', 'Email', 'Phone', 'City', 'Country'].map((c) => h('th', { scope: 'col' }, t(c))))),
        h('tbody', {}, rows.map((p) => h('tr', {}, h('td', {}, p.name), h('td', {}, p.email || ''), h('td', {}, p.phone || ''),
          h('td', {}, p.city || ''), h('td', {}, m2oName(p.country_id)))))));
    }
  };
  const name = h('input', { name: 'name', required: true });
  const email = h('input', { name: 'email', type: 'email' });
  const isCompany = h('input', { type: 'checkbox', name: 'is_company' });
  const create = h('form', { class: 'inline-form' }, field(t('Name'), name), field(t('Email'), email), field(t('Is a company'), isCompany),
    h('button', { type: 'submit', class: 'primary' }, t('Add')));
  create.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (await attempt(() => rpc.create('res.partner', { name: name.value, email: email.value || false, is_company: isCompany.checked }))) {
      forget('res.partner'); create.reset(); load();
    }
  });
  const switcher = (value, label) => h('button', { 'aria-pressed': String(mode === value), onclick: () => {
    mode = value; sessionStorage.setItem('embudo.customers.mode', value); render(view);
  } }, t(label));
  search.addEventListener('input', debounce(load));
  mount(view, h('div', { class: 'toolbar' }, h('h1', {}, t('Customers')), field(t('Search'), search), switcher('kanban', 'Kanban'), switcher('list', 'List')),
    create, holder);
  await load();
}
