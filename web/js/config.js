// Configuration: stages, teams and members, tags with colours, lost reasons, activity types, the leads setting,
// the company's mail domain.
import { h, mount, field, attempt, toast } from './dom.js';
import * as rpc from './rpc.js';
import { t } from './i18n.js';
import { editor } from './editor.js';
import { mailDomain } from './mail-domain.js';

export async function render(view, { app }) {
  const useLeads = h('input', { type: 'checkbox', name: 'group_use_lead', checked: app.useLeads });
  const settings = h('form', { class: 'panel', id: 'settings-form' }, h('h2', {}, t('Settings')), field(t('Use leads'), useLeads),
    h('button', { type: 'submit', class: 'primary' }, t('Save')));
  settings.addEventListener('submit', async (event) => {
    event.preventDefault();
    const done = await attempt(async () => {
      const id = await rpc.create('res.config.settings', { group_use_lead: useLeads.checked });
      await rpc.call('res.config.settings', 'execute', [[id]]);
    });
    if (done !== undefined) { app.useLeads = useLeads.checked; toast(t('Saved')); location.reload(); }
  });
  mount(view, h('div', { class: 'toolbar' }, h('h1', {}, t('Configuration')),
    h('a', { class: 'button', href: '#/products', id: 'to-products' }, t('Products')),
    h('a', { class: 'button', href: '#/pricelists', id: 'to-pricelists' }, t('Pricelists'))), settings);
  await mailDomain(view, { app });
  await editor(view, { id: 'stages', title: 'Stages', model: 'crm.stage', reorder: true, columns: [['name', 'Name', 'char'],
    ['fold', 'Folded', 'boolean'], ['is_won', 'Is won stage', 'boolean'], ['team_id', 'Sales Team', 'm2o', 'crm.team']] });
  await editor(view, { id: 'teams', title: 'Sales Teams', model: 'crm.team', columns: [['name', 'Name', 'char'], ['user_id', 'Team leader', 'm2o', 'res.users'],
    ['member_ids', 'Members', 'm2m', 'res.users'], ['invoiced_target', 'Monthly target', 'float'], ['use_quotations', 'Quotations', 'boolean'],
    ['use_opportunities', 'Pipeline', 'boolean'], ['use_leads', 'Leads', 'boolean'], ['alias_name', 'Email alias', 'char'],
    ['alias_contact', 'Accept emails from', 'selection', [['everyone', 'Everyone'], ['partners', 'Known customers'], ['followers', 'Followers only']]]] });
  await editor(view, { id: 'tags', title: 'Tags', model: 'crm.tag', columns: [['name', 'Name', 'char'], ['color', 'Color', 'color']] });
  await editor(view, { id: 'lost-reasons', title: 'Lost reasons', model: 'crm.lost.reason', columns: [['name', 'Name', 'char']],
    inUse: ['crm.lead', 'lost_reason'] });
  // Activity types: the delay (a count of days, weeks or months, from the day it is scheduled or the previous deadline) and
  // the next activity they suggest or force.
  await editor(view, { id: 'activity-types', title: 'Activity types', model: 'mail.activity.type', reorder: true, inUse: ['mail.activity', 'activity_type_id'], columns: [['name', 'Name', 'char'],
    ['summary', 'Default summary', 'char'], ['delay_count', 'Delay', 'integer'],
    ['delay_unit', 'Delay unit', 'selection', [['days', 'Days'], ['weeks', 'Weeks'], ['months', 'Months']]],
    ['delay_from', 'Counted from', 'selection', [['current_date', 'the day it is scheduled'], ['previous_activity', 'the previous deadline']]],
    ['default_next_type_id', 'Next activity', 'm2o', 'mail.activity.type'], ['force_next', 'Forced', 'boolean']] });
}
