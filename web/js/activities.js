// My Activities (ordered by deadline, coloured by state, the "mine" filter removable), and scheduling.
import { h, mount, field, select, dialog, attempt, m2oName, validate, toast } from './dom.js';
import * as rpc from './rpc.js';
import { t, date, today } from './i18n.js';
import { choices } from './relations.js';
import { dateInput } from './fields.js';

const FIELDS = ['summary', 'activity_type_id', 'date_deadline', 'state', 'user_id', 'res_model', 'res_id', 'res_name', 'note'];
const STATE_LABEL = { overdue: 'Overdue', today: 'Today', planned: 'Planned' };

export async function render(view, { app }) {
  const state = { mine: sessionStorage.getItem('embudo.activities.all') !== '1' };
  const list = h('ul', { class: 'activities', id: 'my-activities' });
  const chips = h('div', { class: 'chips', 'aria-label': t('Filters'), role: 'group' });
  mount(view, h('div', { class: 'toolbar' }, h('h1', {}, t('My Activities')), chips), list);
  const load = async () => {
    mount(chips, state.mine
      ? h('span', { class: 'chip' }, t('Only mine'), h('button', { class: 'link', id: 'remove-mine', 'aria-label': `${t('Remove filter')}: ${t('Only mine')}`,
        onclick: () => { state.mine = false; sessionStorage.setItem('embudo.activities.all', '1'); load(); } }, '×'))
      : h('button', { id: 'add-mine', onclick: () => { state.mine = true; sessionStorage.removeItem('embudo.activities.all'); load(); } }, `+ ${t('Only mine')}`));
    const domain = state.mine ? [['user_id', '=', rpc.session.info.uid]] : [];
    const rows = await rpc.searchRead('mail.activity', domain, FIELDS, { order: 'date_deadline asc, id asc', limit: 500 });
    mount(list, rows.length ? rows.map((row) => activityItem(row, () => { load(); app.refreshBadge(); }, true)) : h('li', {}, t('No activities')));
    list.dataset.loaded = String(Date.now());
  };
  await load();
}

/** One activity: state colour, deadline, type, summary, document link, and "mark as done". */
export function activityItem(row, refresh, withDocument) {
  const link = row.res_model === 'crm.lead' ? `#/lead/${row.res_id}` : row.res_model === 'sale.order' ? `#/quotation/${row.res_id}` : null;
  return h('li', { class: `activity ${row.state}`, dataset: { id: row.id, state: row.state } },
    h('span', { class: `state-dot ${row.state}`, 'aria-hidden': 'true' }),
    h('span', { class: 'state-label' }, t(STATE_LABEL[row.state] || row.state)),
    h('time', { datetime: row.date_deadline }, date(row.date_deadline)),
    h('span', { class: 'type' }, t(m2oName(row.activity_type_id))),
    h('strong', { class: 'summary' }, row.summary || ''),
    withDocument && (link ? h('a', { href: link }, row.res_name || '') : h('span', {}, row.res_name || '')),
    h('span', { class: 'assignee' }, m2oName(row.user_id)),
    h('button', { class: 'done', onclick: async () => { if (await markDone(row)) refresh(); } }, t('Mark as done')));
}

async function markDone(row) {
  const feedback = await dialog(t('Mark as done'), (close) => {
    const text = h('textarea', { name: 'feedback', rows: 3 });
    const form = h('form', {}, field(t('Feedback'), text), h('div', { class: 'buttons' },
      h('button', { class: 'primary', type: 'submit' }, t('Done')), h('button', { type: 'button', onclick: () => close(null) }, t('Cancel'))));
    form.addEventListener('submit', (event) => { event.preventDefault(); close(text.value); });
    return form;
  });
  if (feedback === null) return false;
  return (await attempt(() => rpc.call('mail.activity', 'action_feedback', [[row.id]], { feedback: feedback || false }))) !== undefined;
}

let modelIds = {};

/** The deadline a type gives, from today: its delay in days, weeks or months. */
function deadlineOf(type) {
  const count = Number(type?.delay_count) || 0;
  if (!type || !count) return today();
  if (type.delay_unit === 'weeks') return today(count * 7);
  if (type.delay_unit === 'months') {
    const [y, m, d] = today().split('-').map(Number);
    const last = new Date(Date.UTC(y, m + count, 0)).getUTCDate();
    return new Date(Date.UTC(y, m - 1 + count, Math.min(d, last))).toISOString().slice(0, 10);
  }
  return today(count);
}

/** Asks for an activity ("Schedule an activity", Odoo's dialog) and schedules it on the document; true when created. */
export async function scheduleActivity(model, id, name = '') {
  const [types, users] = await Promise.all([rpc.searchRead('mail.activity.type', [], ['name', 'summary', 'delay_count', 'delay_unit', 'category']), choices('res.users')]);
  const title = name ? `${t('Schedule an activity')}: ${name}` : t('Schedule an activity');
  const answer = await dialog(title, (close) => {
    const type = select(types.map((x) => [x.id, t(x.name)]), types[0]?.id, { name: 'activity_type_id', required: true });
    const summary = h('input', { name: 'summary' });
    const deadline = dateInput(deadlineOf(types[0]), { name: 'date_deadline' });
    const user = select(users, rpc.session.info.uid, { name: 'user_id', required: true });
    const note = h('textarea', { name: 'note', rows: 3 });
    const chosen = () => types.find((x) => x.id === Number(type.value));
    // A meeting is planned in the calendar (its time, its attendees): the type of the "meeting" category leads there.
    const submit = h('button', { class: 'primary', type: 'submit', id: 'schedule-submit' });
    const meeting = () => chosen()?.category === 'meeting';
    const fitType = () => {
      summary.placeholder = chosen()?.summary || '';
      submit.textContent = meeting() ? t('Open the calendar') : t('Schedule');
      for (const control of [deadline, user, note]) control.closest('.field').hidden = meeting();
    };
    type.addEventListener('change', () => { deadline.set(deadlineOf(chosen())); fitType(); });
    const form = h('form', { id: 'activity-form', novalidate: true }, field(t('Activity type'), type), field(t('Summary'), summary),
      field(t('Due date'), deadline), field(t('Assigned to'), user), field(t('Notes'), note),
      h('div', { class: 'buttons' }, submit, h('button', { type: 'button', onclick: () => close(null) }, t('Cancel'))));
    fitType();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (meeting()) { close({ meeting: true, summary: summary.value.trim() }); return; }
      if (!validate(form)) return;
      const values = { activity_type_id: Number(type.value) || false, user_id: Number(user.value) || false };
      if (summary.value) values.summary = summary.value;
      if (deadline.read()) values.date_deadline = deadline.read();
      if (note.value) values.note = note.value;
      close(values);
    });
    return form;
  });
  if (!answer) return false;
  if (answer.meeting) {
    await (await import('./calendar.js')).scheduleMeeting(model, id, name, answer.summary);
    return false;
  }
  if (!modelIds[model]) modelIds[model] = (await rpc.call('ir.model', 'search', [[['model', '=', model]]]))[0];
  const created = await attempt(() => rpc.create('mail.activity', { ...answer, res_model_id: modelIds[model], res_id: id }));
  if (created) toast(t('Activity scheduled.'));
  document.getElementById('reminders') && (await import('./main.js')).app.refreshBadge();
  return !!created;
}
