// The leads / opportunities list: the search bar and filters (search.js), group-by with counts and sums.
import { h, mount, field, m2oName, select } from './dom.js';
import * as rpc from './rpc.js';
import { t, money, date } from './i18n.js';
import { clock } from './widgets.js';
import { searchBar } from './search.js';

// Group-by choices, and what an empty group is called (never "None" or "false").
const GROUPS = [['stage_id', 'Stage', 'No stage'], ['user_id', 'Salesperson', 'Unassigned'], ['team_id', 'Sales Team', 'No team'],
  ['partner_id', 'Customer', 'No customer']];

export async function render(view, { params }) {
  const type = params[0] === 'leads' ? 'lead' : 'opportunity';
  const groupBy = select(GROUPS.map(([value, label]) => [value, t(label)]), '',
    { name: 'group_by', empty: t('No grouping') });
  const body = h('tbody');
  // On a phone the rows are stacked as cards, each value after its column's name.
  const table = h('table', { class: 'list stack', id: 'lead-list' }, h('caption', { class: 'sr-only' }, t(type === 'lead' ? 'Leads' : 'Opportunities')),
    h('thead', {}, h('tr', {}, [[type === 'lead' ? 'Lead' : 'Opportunity'], ['Customer'], ['Salesperson'], ['Stage'], ['Expected revenue', 'num'],
      ['Expected closing'], ['Activities']].map(([c, cls]) => h('th', { scope: 'col', class: cls }, t(c))))), body);
  const load = async () => {
    const domain = [['type', '=', type], ...bar.domain()];
    const rows = await rpc.searchRead('crm.lead', domain, ['name', 'partner_id', 'partner_name', 'contact_name', 'user_id', 'stage_id',
      'expected_revenue', 'date_deadline', 'activity_state', 'activity_summary', 'activity_date_deadline', 'team_id'], { limit: 500, context: bar.context() });
    const cell = (label, content, cls) => h('td', { class: cls, dataset: { label: t(label) } }, content);
    const row = (lead) => h('tr', { dataset: { id: lead.id } }, h('td', { class: 'wrap title-cell' }, h('a', { href: `#/lead/${lead.id}` }, lead.name)),
      cell('Customer', m2oName(lead.partner_id) || lead.partner_name || lead.contact_name || '', 'wrap'), cell('Salesperson', m2oName(lead.user_id)),
      cell('Stage', m2oName(lead.stage_id)), cell('Expected revenue', money(lead.expected_revenue), 'num'),
      cell('Expected closing', date(lead.date_deadline)), cell('Activities', clock(lead)));
    if (!rows.length) { mount(body, h('tr', {}, h('td', { colspan: 7, class: 'empty' }, t('Nothing to show')))); return; }
    if (!groupBy.value) { mount(body, rows.map(row)); return; }
    const empty = t(GROUPS.find(([value]) => value === groupBy.value)[2]);
    const groups = new Map();
    for (const lead of rows) {
      const key = m2oName(lead[groupBy.value]) || empty;
      groups.set(key, [...(groups.get(key) || []), lead]);
    }
    mount(body, [...groups].map(([key, leads]) => [
      h('tr', { class: 'group' }, h('th', { colspan: 4, scope: 'rowgroup' }, `${key} (${leads.length})`),
        h('td', { class: 'num' }, money(leads.reduce((s, l) => s + (l.expected_revenue || 0), 0))), h('td', { colspan: 2 })),
      leads.map(row)]));
  };
  const bar = searchBar(type, load);
  groupBy.addEventListener('change', load);
  mount(view, h('div', { class: 'toolbar' }, h('h1', {}, t(type === 'lead' ? 'Leads' : 'Opportunities')),
    bar.input, field(t('Group by'), groupBy),
    type === 'opportunity' && h('a', { class: 'button', href: '#/pipeline' }, t('Kanban')),
    h('a', { class: 'button primary', href: type === 'lead' ? '#/lead/new?type=lead' : '#/lead/new' }, t('New'))),
  bar.chips, h('div', { class: 'scroll' }, table));
  await load();
}
