// Customers: cards or a list, with search; each opens the customer's form (customer-form.js), New creates one. Paged on
// the server (search_count, then search_read with offset and limit): 80 at a time, with previous / next and "1–80 of 1,234";
// the search, the page and the view are kept for the session (coming back from a customer finds the same page).
import { h, mount, field, m2oName, attempt } from './dom.js';
import * as rpc from './rpc.js';
import { t, number } from './i18n.js';
import { debounce } from './search.js';

export const PAGE = 80;
const FIELDS = ['name', 'email', 'phone', 'city', 'country_id', 'is_company', 'parent_id', 'function'];
const KEY = 'embudo.customers';

export async function render(view) {
  let mode = sessionStorage.getItem(`${KEY}.mode`) || 'kanban';
  let offset = Number(sessionStorage.getItem(`${KEY}.offset`)) || 0;
  const search = h('input', { type: 'search', name: 'search', placeholder: t('Name, e-mail, city…'), value: sessionStorage.getItem(`${KEY}.search`) || '' });
  const holder = h('div', { id: 'customers', 'aria-live': 'polite' });
  const top = pager('customers-pager'), bottom = pager('customers-pager-bottom', { onlyWhenPaged: true });
  let token = 0;
  const load = async () => {
    const mine = ++token;
    const text = search.value.trim();
    const domain = text ? ['|', '|', ['name', 'ilike', text], ['email', 'ilike', text], ['city', 'ilike', text]] : [];
    const count = await rpc.call('res.partner', 'search_count', [domain]);
    // A page past the end (fewer customers since, or a narrower search) is the last one.
    if (offset >= count) offset = Math.max(0, Math.floor((count - 1) / PAGE) * PAGE);
    const rows = await rpc.searchRead('res.partner', domain, FIELDS, { offset, limit: PAGE });
    if (mine !== token) return;
    sessionStorage.setItem(`${KEY}.offset`, String(offset));
    for (const each of [top, bottom]) each.show(offset, rows.length, count);
    holder.dataset.offset = String(offset);
    holder.dataset.count = String(count);
    if (!rows.length) { mount(holder, h('p', { class: 'muted' }, t('Nothing to show'))); return; }
    if (mode === 'kanban') {
      mount(holder, h('ul', { class: 'grid' }, rows.map((p) => h('li', { class: 'card partner', dataset: { id: p.id } },
        h('span', { class: `avatar ${p.is_company ? 'company' : ''}`, 'aria-hidden': 'true' }, (p.name || '?').slice(0, 1).toUpperCase()),
        h('div', { class: 'partner-text' }, h('a', { class: 'name', href: `#/customer/${p.id}` }, p.name),
          p.parent_id && h('div', {}, m2oName(p.parent_id)), p.function && h('div', {}, p.function),
          h('div', { class: 'muted' }, [p.city, m2oName(p.country_id)].filter(Boolean).join(', ')), p.email && h('div', { class: 'email' }, p.email))))));
    } else {
      // On a phone the rows are stacked as cards, each value after its column's name.
      const cell = (label, content, cls) => h('td', { class: cls, dataset: { label: t(label) } }, content);
      mount(holder, h('div', { class: 'scroll' }, h('table', { class: 'list stack' }, h('caption', { class: 'sr-only' }, t('Customers')),
        h('thead', {}, h('tr', {}, ['Name', 'Email', 'Phone', 'City', 'Country'].map((c) => h('th', { scope: 'col' }, t(c))))),
        h('tbody', {}, rows.map((p) => h('tr', { dataset: { id: p.id } }, h('td', { class: 'wrap title-cell' }, h('a', { href: `#/customer/${p.id}` }, p.name)),
          cell('Email', p.email || '', 'wrap'), cell('Phone', p.phone || ''), cell('City', p.city || ''), cell('Country', m2oName(p.country_id))))))));
    }
  };
  /** Goes to the page `step` pages away; from the bottom pager, the list's top comes into sight. */
  const turn = async (step, fromBottom) => {
    offset = Math.max(0, offset + step * PAGE);
    await attempt(load);
    if (fromBottom) top.node.scrollIntoView({ block: 'nearest' });
  };
  top.onTurn = (step) => turn(step, false);
  bottom.onTurn = (step) => turn(step, true);
  const switcher = (value, label) => h('button', { type: 'button', 'aria-pressed': String(mode === value), onclick: () => {
    mode = value; sessionStorage.setItem(`${KEY}.mode`, value); render(view);
  } }, t(label));
  // A new search starts at its first page.
  search.addEventListener('input', debounce(() => {
    sessionStorage.setItem(`${KEY}.search`, search.value);
    offset = 0;
    attempt(load);
  }));
  mount(view, h('div', { class: 'toolbar' }, h('h1', {}, t('Customers')), field(t('Search'), search), switcher('kanban', 'Kanban'), switcher('list', 'List'),
    h('a', { class: 'button primary', href: '#/customer/new?company=1', id: 'new-customer' }, t('New'))), top.node, holder, bottom.node);
  await load();
}

/** Previous / next and the range shown ("1–80 of 1,234"); onTurn(-1 | 1) is set by the screen. */
function pager(id, { onlyWhenPaged = false } = {}) {
  const range = h('span', { class: 'range', 'aria-live': 'polite' });
  const previous = h('button', { type: 'button', class: 'icon previous', 'aria-label': t('Previous page'), title: t('Previous page'),
    onclick: () => self.onTurn(-1) }, '‹');
  const next = h('button', { type: 'button', class: 'icon next', 'aria-label': t('Next page'), title: t('Next page'), onclick: () => self.onTurn(1) }, '›');
  const node = h('nav', { class: 'pager', id, 'aria-label': t('Pages') }, range, previous, next);
  const self = {
    node, onTurn: () => {},
    show(offset, shown, count) {
      range.textContent = count ? t('{first}–{last} of {total}', { first: number(offset + 1, { digits: 0 }),
        last: number(offset + shown, { digits: 0 }), total: number(count, { digits: 0 }) }) : '';
      previous.disabled = offset <= 0;
      next.disabled = offset + shown >= count;
      // Everything on one page: nothing to turn (the range is still said at the top).
      node.hidden = !count || (onlyWhenPaged && count <= PAGE && offset === 0);
      node.classList.toggle('single', count <= PAGE && offset === 0);
    },
  };
  return self;
}
