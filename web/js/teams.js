// Sales teams dashboard: a card per team with open, overdue, quotations and progress against the target.
import { h, mount, m2oName } from './dom.js';
import * as rpc from './rpc.js';
import { t, money } from './i18n.js';

export async function render(view) {
  const teams = await rpc.searchRead('crm.team', [], ['name', 'user_id', 'member_ids', 'opportunities_count', 'opportunities_amount',
    'opportunities_overdue_count', 'opportunities_overdue_amount', 'quotations_count', 'quotations_amount', 'invoiced', 'invoiced_target',
    'lead_unassigned_count', 'use_leads']);
  mount(view, h('div', { class: 'toolbar' }, h('h1', {}, t('Sales Teams'))),
    h('ul', { class: 'grid teams', id: 'team-cards' }, teams.map((team) => {
      const target = team.invoiced_target || 0;
      const share = target ? Math.min(100, Math.round((team.invoiced || 0) * 100 / target)) : 0;
      return h('li', { class: 'card team', dataset: { id: team.id } },
        h('h2', {}, team.name), h('p', { class: 'muted' }, m2oName(team.user_id)),
        h('dl', {},
          h('dt', {}, h('a', { href: '#/pipeline', onclick: () => sessionStorage.setItem('embudo.team', team.id) }, t('Open opportunities'))),
          h('dd', {}, `${team.opportunities_count || 0} · ${money(team.opportunities_amount)}`),
          h('dt', {}, t('Overdue opportunities')), h('dd', { class: team.opportunities_overdue_count ? 'overdue-text' : '' },
            `${team.opportunities_overdue_count || 0} · ${money(team.opportunities_overdue_amount)}`),
          h('dt', {}, t('Open quotations')), h('dd', {}, `${team.quotations_count || 0} · ${money(team.quotations_amount)}`),
          team.use_leads && [h('dt', {}, t('Unassigned leads')), h('dd', {}, String(team.lead_unassigned_count || 0))],
          h('dt', {}, t('Invoiced this month')), h('dd', {}, `${money(team.invoiced)} / ${money(target)}`)),
        h('div', { class: 'progress', role: 'progressbar', 'aria-label': t('Target'), 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': share },
          h('span', { class: 'bar', style: `width: ${share}%` }), h('span', { class: 'value' }, `${share} %`)));
    })));
}
