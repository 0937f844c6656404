// The search bar of the leads and opportunities, shared by the list and the pipeline: free text (name, company, e-mail,
// customer), the filters (my pipeline, unassigned, open, won, lost, overdue activities), kept per kind for the session.
import { h, mount, field } from './dom.js';
import * as rpc from './rpc.js';
import { t } from './i18n.js';

export const FILTERS = {
  mine: ['My pipeline', () => [['user_id', '=', rpc.session.info.uid]]],
  unassigned: ['Unassigned', () => [['user_id', '=', false]]],
  open: ['Open', () => [['probability', '<', 100]]],
  won: ['Won', () => [['probability', '=', 100]]],
  lost: ['Lost', () => [['active', '=', false], ['probability', '=', 0]]],
  overdue: ['Overdue activities', () => [['activity_state', '=', 'overdue']]],
};

export function debounce(fn, wait = 250) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), wait); };
}

/** { input (the search field), chips (the filters), domain(), context() }; onChange() after each change. */
export function searchBar(type, onChange, { without = [] } = {}) {
  const key = `embudo.filters.${type}`;
  const active = new Set(JSON.parse(sessionStorage.getItem(key) || '[]'));
  const search = h('input', { type: 'search', name: 'search', id: 'list-search', value: sessionStorage.getItem(`${key}.text`) || '',
    placeholder: t('Name, company, e-mail…') });
  const chips = h('div', { class: 'chips', role: 'group', 'aria-label': t('Filters') });
  const draw = () => mount(chips, Object.entries(FILTERS).filter(([name]) => !without.includes(name)).map(([name, [label]]) =>
    h('button', { type: 'button', class: `chip ${active.has(name) ? 'on' : ''}`, 'aria-pressed': String(active.has(name)), dataset: { filter: name },
      onclick: () => {
        if (active.has(name)) active.delete(name); else active.add(name);
        sessionStorage.setItem(key, JSON.stringify([...active]));
        draw(); onChange();
      } }, t(label))));
  search.addEventListener('input', debounce(() => { sessionStorage.setItem(`${key}.text`, search.value); onChange(); }));
  draw();
  return {
    input: field(t('Search'), search),
    chips,
    domain() {
      const domain = [...active].filter((name) => FILTERS[name] && !without.includes(name)).flatMap((name) => FILTERS[name][1]());
      const text = search.value.trim();
      if (text) domain.push('|', '|', '|', ['name', 'ilike', text], ['partner_name', 'ilike', text], ['email_from', 'ilike', text],
        ['partner_id', 'ilike', text]);
      return domain;
    },
    context() { return active.has('lost') && !without.includes('lost') ? { active_test: false } : {}; },
  };
}
