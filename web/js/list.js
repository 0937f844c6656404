// The leads / opportunities list: search, filters (my pipeline, unassigned, open, won, lost, overdue), group-by.
import { h, mount, field, m2oName, select } from './dom.js';
import * as rpc from './rpc.js';
import { t, money, date } from './i18n.js';
import { clock } from './widgets.js';
import { debounce } from './quotations.js';

const FILTERS = {
  mine: ['My pipeline', () => [['user_id', '=', rpc.session.info.uid]]],
  unassigned: ['Unassigned', () => [['user_id', '=', false]]],
  open: ['Open', () => [['probability', '<', 100]]],
  won: ['Won', () => [['probability', '=', 100]]],
  lost: ['Lost', () => [['active', '=', false], ['probability', '=', 0]]],
  overdue: ['Overdue', () => [['activity_state', '=', 'overdue']]],
};
const GROUPS = [['stage_id', 'Stage'], ['user_id', 'Salesperson'], ['team_id', 'Team'], ['partner_id', 'Customer']];

export async function render(view, { params }) {
  const type = params[0] === 'leads' ? 'lead' : 'opportunity';
  const active = new Set(JSON.parse(sessionStorage.getItem(`embudo.filters.${type}`) || '[]'));
  const search = h('input', { type: 'search', name: 'search', id: 'list-search' });
  const groupBy = select(GROUPS.map(([value, label]) => [value, t(label)]), '', { name: 'group_by', empty: t('None') });
  const chips = h('div', { class: 'chips', role: 'group', 'aria-label': t('Filters') });
  const body = h('tbody');
  const table = h('table', { class: 'list', id: 'lead-list' }, h('caption', { class: 'sr-only' }, t(type === 'lead' ? 'Leads' : 'Opportunities')),
    h('thead', {}, h('tr', {}, ['Opportunity', 'Customer', 'Salesperson', 'Stage', 'Expected revenue', 'Expected closing', 'Activities']
      .map((c) => h('th', { scope: 'col' }, t(c))))), body);
  const load = async () => {
    mount(chips, Object.entries(FILTERS).map(([key, [label]]) => h('button', { type: 'button', class: `chip ${active.has(key) ? 'on' : ''}`,
      'aria-pressed': String(active.has(key)), dataset: { filter: key }, onclick: () => {
        active.has(key) ? active.delete(key) : active.add(key);
        sessionStorage.setItem(`embudo.filters.${type}`, JSON.stringify([...active])); load();
      } }, t(label))));
    const domain = [['type', '=', type], ...[...active].flatMap((key) => FILTERS[key][1]())];
    if (search.value) domain.push('|', '|', ['name', 'ilike', search.value], ['partner_name', 'ilike', search.value], ['email_from', 'ilike', search.value]);
    const rows = await rpc.searchRead('crm.lead', domain, ['name', 'partner_id', 'partner_name', 'user_id', 'stage_id', 'expected_revenue',
      'date_deadline', 'activity_state', 'activity_summary', 'activity_date_deadline', 'team_id'],
    { limit: 500, context: active.has('lost') ? { active_test: false } : {} });
    const row = (lead) => h('tr', { dataset: { id: lead.id } }, h('td', { class: 'wrap' }, h('a', { href: `#/lead/${lead.id}` }, lead.name)),
      h('td', { class: 'wrap' }, m2oName(lead.partner_id) || lead.partner_name || ''), h('td', {}, m2oName(lead.user_id)), h('td', {}, m2oName(lead.stage_id)),
      h('td', { class: 'num' }, money(lead.expected_revenue)), h('td', {}, date(lead.date_deadline)), h('td', {}, clock(lead)));
    if (!groupBy.value) { mount(body, rows.map(row)); return; }
    const groups = new Map();
    for (const lead of rows) {
      const key = m2oName(lead[groupBy.value]) || t('None');
      groups.set(key, [...(groups.get(key) || []), lead]);
    }
    mount(body, [...groups].map(([key, leads]) => [
      h('tr', { class: 'group' }, h('th', { colspan: 4, scope: 'rowgroup' }, `${key} (${leads.length})`),
        h('td', { class: 'num' }, money(leads.reduce((s, l) => s + (l.expected_revenue || 0), 0))), h('td', { colspan: 2 })),
      leads.map(row)]));
  };
  search.addEventListener('input', debounce(load));
  groupBy.addEventListener('change', load);
  mount(view, h('div', { class: 'toolbar' }, h('h1', {}, t(type === 'lead' ? 'Leads' : 'Opportunities')),
    field(t('Search'), search), field(t('Group by'), groupBy),
    type === 'opportunity' && h('a', { class: 'button', href: '#/pipeline' }, t('Kanban')),
    h('a', { class: 'button primary', href: type === 'lead' ? '#/lead/new?type=lead' : '#/lead/new' }, t('New'))),
  chips, h('div', { class: 'scroll' }, table));
  await load();
}
