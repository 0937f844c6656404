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
  mount(view, h('div', { class: 'toolbar' }, h('h1', {}, t('Configuration'))), settings);
  await mailDomain(view, { app });
  await editor(view, { id: 'stages', title: 'Stages', model: 'crm.stage', reorder: true, columns: [['name', 'Name', 'char'],
    ['fold', 'Folded', 'boolean'], ['is_won', 'Is won stage', 'boolean'], ['team_id', 'Team', 'm2o', 'crm.team']] });
  await editor(view, { id: 'teams', title: 'Sales Teams', model: 'crm.team', columns: [['name', 'Name', 'char'], ['user_id', 'Team leader', 'm2o', 'res.users'],
    ['member_ids', 'Members', 'm2m', 'res.users'], ['invoiced_target', 'Monthly target', 'float'], ['use_leads', 'Leads', 'boolean']] });
  await editor(view, { id: 'tags', title: 'Tags', model: 'crm.tag', columns: [['name', 'Name', 'char'], ['color', 'Color', 'color']] });
  await editor(view, { id: 'lost-reasons', title: 'Lost reasons', model: 'crm.lost.reason', columns: [['name', 'Name', 'char']] });
  await editor(view, { id: 'activity-types', title: 'Activity types', model: 'mail.activity.type', reorder: true, columns: [['name', 'Name', 'char'],
    ['summary', 'Summary', 'char'], ['delay_count', 'Delay (days)', 'integer'],
    ['delay_unit', 'Type', 'selection', [['days', 'days'], ['weeks', 'weeks'], ['months', 'months']]]] });
}
