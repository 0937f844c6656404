// The calendar's dialogs: an event's quick form (create and edit), its details (attendees and their answers, my answer,
// edit, delete, mark as done), the question asked before changing a recurring event, and the subscription to my calendar.
import { h, mount, field, select, dialog, confirmAction, attempt, validate, showInvalid, toast, m2oId, m2oName } from './dom.js';
import * as rpc from './rpc.js';
import { t } from './i18n.js';
import { htmlToText } from './relations.js';
import { dateInput, tagsInput } from './fields.js';
import { dayOf, isoDay, hhmm, addMinutes, wallOf, serverOfWall, whenText, timeText, MINUTE } from './calendar-time.js';

const PRIVACY = [['public', 'Public'], ['private', 'Private'], ['confidential', 'Only internal users']];
const SHOW_AS = [['busy', 'Busy'], ['free', 'Available']];
// An attendee's answer (calendar.attendee state): its icon and its words.
export const ANSWERS = {
  accepted: ['✔', 'Going'], declined: ['✖', 'Not going'], tentative: ['?', 'Maybe going'], needsAction: ['…', 'Awaiting answer'],
};
const UNITS = { minutes: '{count} min before', hours: '{count} h before', days: '{count} days before' };

/** A reminder's words: "15 min antes (correo)". */
export function alarmLabel(alarm) {
  const when = alarm.duration ? t(UNITS[alarm.interval] || UNITS.minutes, { count: alarm.duration }) : t('At the start');
  return `${when} (${t(alarm.alarm_type === 'email' ? 'by e-mail' : 'notification')})`;
}

/** The event's description (HTML) as text, and the text typed as HTML (escaped, lines kept). */
const toHtml = (text) => {
  const trimmed = text.trim();
  if (!trimmed) return false;
  const escape = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return `<p>${trimmed.split('\n').map(escape).join('<br>')}</p>`;
};

/**
 * The event's form in a dialog. event: the record (editing) or null; draft: {start, stop (wall times), allday, values (the
 * defaults: name, user_ids, partner_ids, opportunity_id...)}; lists: {users, partners, alarms, opportunities}. Resolves with the
 * values to write (only the changed ones when editing), or null.
 */
export function eventDialog(event, draft, lists) {
  const start = event ? (event.allday ? dayOf(event.start_date) : wallOf(event.start)) : draft.start;
  const stop = event ? (event.allday ? dayOf(event.stop_date || event.start_date) : wallOf(event.stop)) : draft.stop;
  const allday = event ? !!event.allday : !!draft.allday;
  const initial = event || draft.values || {};
  return dialog(event ? t('Edit the event') : t('New event'), (close) => {
    const name = h('input', { name: 'name', required: true, value: initial.name || '', autocomplete: 'off', placeholder: t('e.g. Product demonstration') });
    const alldayBox = h('input', { type: 'checkbox', name: 'allday', checked: allday });
    const startDate = dateInput(isoDay(start), { name: 'start_date' });
    const stopDate = dateInput(isoDay(stop), { name: 'stop_date' });
    const startTime = timeSelect('start_time', allday ? '09:00' : hhmm(start));
    const stopTime = timeSelect('stop_time', allday ? '10:00' : hhmm(stop));
    // Attendees: colleagues (users of the company) and customers or contacts (partners).
    const chips = (ids, options, name, addLabel) => {
      const offered = [...options];
      for (const id of ids || []) if (!offered.some(([value]) => value === id)) offered.push([id, String(id)]);
      const control = tagsInput(ids || [], offered, new Map(), { name, addLabel });
      control.widgetNode.classList.add('attendee-chips');
      return control;
    };
    const colleagues = chips(initial.user_ids, lists.users, 'user_ids', t('Add a colleague…'));
    const attendees = chips(initial.partner_ids, lists.partners, 'partner_ids', t('Add a customer or contact…'));
    const location = h('input', { name: 'location', value: initial.location || '', autocomplete: 'off' });
    const video = h('input', { name: 'videocall_location', type: 'url', value: initial.videocall_location || '', placeholder: 'https://…', autocomplete: 'off' });
    const description = h('textarea', { name: 'description', rows: 3, value: htmlToText(initial.description) });
    const privacy = select(PRIVACY.map(([value, label]) => [value, t(label)]), initial.privacy || 'public', { name: 'privacy', required: true });
    const showAs = select(SHOW_AS.map(([value, label]) => [value, t(label)]), initial.show_as || 'busy', { name: 'show_as', required: true });
    const alarms = tagsInput(initial.alarm_ids || [], lists.alarms.map((alarm) => [alarm.id, alarmLabel(alarm)]), new Map(),
      { name: 'alarm_ids', addLabel: t('Add a reminder…') });
    const opportunityOptions = [...lists.opportunities];
    if (Array.isArray(initial.opportunity_id) && !opportunityOptions.some(([value]) => value === initial.opportunity_id[0])) opportunityOptions.push(initial.opportunity_id);
    const opportunity = select(opportunityOptions, m2oId(initial.opportunity_id) || initial.opportunity_id || '', { name: 'opportunity_id' });
    const timeFields = [field(t('Start time'), startTime, { class: 'time' }), field(t('End time'), stopTime, { class: 'time' })];
    const showTimes = () => timeFields.forEach((box) => { box.hidden = alldayBox.checked; box.querySelector('select').disabled = alldayBox.checked; });
    alldayBox.addEventListener('change', showTimes);
    showTimes();
    // Moving the start moves the end with it (the event keeps its length).
    let before = startMoment();
    function startMoment() {
      const day = startDate.read();
      return day ? addMinutes(dayOf(day), alldayBox.checked ? 0 : minutes(startTime.value)) : null;
    }
    const follow = () => {
      const after = startMoment();
      const end = stopDate.read();
      if (before && after && end) {
        const moved = addMinutes(addMinutes(dayOf(end), alldayBox.checked ? 0 : minutes(stopTime.value)), (after - before) / MINUTE);
        stopDate.set(isoDay(moved));
        if (!alldayBox.checked) stopTime.value = hhmm(moved);
      }
      before = after;
    };
    startDate.addEventListener('change', follow);
    startDate.addEventListener('input', () => { if (startDate.read()) follow(); });
    startTime.addEventListener('change', follow);
    const form = h('form', { class: 'event-form', id: 'event-form', novalidate: true },
      field(t('Title'), name, { class: 'wide' }),
      field(t('All day'), alldayBox, { class: 'wide check' }),
      field(t('Starts'), startDate), timeFields[0], field(t('Ends'), stopDate), timeFields[1],
      field(t('Colleagues'), colleagues, { class: 'wide' }),
      field(t('Customers and contacts'), attendees, { class: 'wide' }),
      field(t('Location'), location), field(t('Video call link'), video),
      field(t('Privacy'), privacy), field(t('Show as'), showAs),
      field(t('Reminders'), alarms, { class: 'wide' }),
      field(t('Opportunity'), opportunity, { class: 'wide' }),
      field(t('Description'), description, { class: 'wide' }),
      h('div', { class: 'buttons wide' }, h('button', { type: 'submit', class: 'primary', id: 'save-event' }, t('Save')),
        h('button', { type: 'button', class: 'cancel', onclick: () => close(null) }, t('Cancel'))));
    form.addEventListener('submit', (submitted) => {
      submitted.preventDefault();
      if (!validate(form)) return;
      const values = { name: name.value.trim(), allday: alldayBox.checked, location: location.value.trim() || false,
        videocall_location: video.value.trim() || false, privacy: privacy.value, show_as: showAs.value,
        opportunity_id: Number(opportunity.value) || false };
      if (!values.name) { showInvalid([[name, t('This field is required.')]]); return; }
      const firstDay = startDate.read(), lastDay = stopDate.read();
      if (values.allday) {
        if (lastDay < firstDay) { showInvalid([[stopDate, t('The event cannot end before it starts.')]]); return; }
        // Stored as Odoo stores all-day events: the days, and 08:00–18:00 UTC of them.
        Object.assign(values, { start_date: firstDay, stop_date: lastDay, start: `${firstDay} 08:00:00`, stop: `${lastDay} 18:00:00` });
      } else {
        const from = addMinutes(dayOf(firstDay), minutes(startTime.value));
        const to = addMinutes(dayOf(lastDay), minutes(stopTime.value));
        if (to < from) { showInvalid([[stopTime, t('The event cannot end before it starts.')]]); return; }
        Object.assign(values, { start: serverOfWall(from), stop: serverOfWall(to) });
      }
      const text = description.value.trim();
      if (!event || text !== htmlToText(event.description)) values.description = toHtml(text);
      const users = colleagues.read(), partners = attendees.read(), reminders = alarms.read();
      values.user_ids = [[6, 0, users]];
      values.partner_ids = [[6, 0, partners]];
      values.alarm_ids = [[6, 0, reminders]];
      close(event ? changedValues(event, values, { users, partners, reminders }) : values);
    });
    return form;
  });
}

/**
 * A time of day as a choice of quarter hours, written as the rest of the calendar writes them (14:30 in Spanish, 2:30 PM in
 * English; the browser's own time field follows the browser's language instead). Its value is "HH:MM"; a time off the
 * quarters (set elsewhere) is kept as a choice of its own.
 */
function timeSelect(name, value) {
  const control = h('select', { name, required: true });
  const quarters = Array.from({ length: 96 }, (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`);
  const values = quarters.includes(value) ? quarters : [...quarters, value].sort();
  for (const option of values) control.append(h('option', { value: option, selected: option === value }, timeText(addMinutes(dayOf('2000-01-01'), minutes(option)))));
  return control;
}

const minutes = (text) => { const [hours, mins] = String(text || '0:0').split(':').map(Number); return (hours || 0) * 60 + (mins || 0); };
const sameIds = (a, b) => JSON.stringify([...(a || [])].sort((x, y) => x - y)) === JSON.stringify([...(b || [])].sort((x, y) => x - y));

/** What the form changed in the event. */
function changedValues(event, values, { users, partners, reminders }) {
  const changed = {};
  for (const key of ['name', 'location', 'videocall_location', 'privacy', 'show_as', 'description']) {
    if (key in values && (values[key] || false) !== (event[key] || false)) changed[key] = values[key];
  }
  if (values.opportunity_id !== (m2oId(event.opportunity_id) || false)) changed.opportunity_id = values.opportunity_id;
  if (!sameIds(users, event.user_ids)) changed.user_ids = values.user_ids;
  if (!sameIds(partners, event.partner_ids)) changed.partner_ids = values.partner_ids;
  if (!sameIds(reminders, event.alarm_ids)) changed.alarm_ids = values.alarm_ids;
  if (values.allday !== !!event.allday) changed.allday = values.allday;
  const timing = values.allday ? ['start_date', 'stop_date', 'start', 'stop'] : ['start', 'stop'];
  if (changed.allday !== undefined || timing.some((key) => values[key] !== event[key])) for (const key of timing) changed[key] = values[key];
  return changed;
}

/** Asks which events of a recurrence a change is for; resolves 'self_only', 'future_events', 'all_events' or null. */
export function askRecurrence(title) {
  return dialog(title, (close) => {
    const choices = [['self_only', 'This event'], ['future_events', 'This and following events'], ['all_events', 'All events']];
    const form = h('form', { class: 'recurrence-choice', id: 'recurrence-form' }, h('p', {}, t('This event repeats. Change:')),
      h('fieldset', {}, h('legend', { class: 'sr-only' }, t('Change')), choices.map(([value, label], index) => h('label', { class: 'radio' },
        h('input', { type: 'radio', name: 'recurrence_update', value, checked: index === 0 }), t(label)))),
      h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'primary' }, t('Confirm')),
        h('button', { type: 'button', class: 'cancel', onclick: () => close(null) }, t('Cancel'))));
    form.addEventListener('submit', (submitted) => {
      submitted.preventDefault();
      close(form.querySelector('input[name=recurrence_update]:checked').value);
    });
    return form;
  });
}

/**
 * The event's details. Resolves with 'edit' (the user wants its form), 'changed' (answered, deleted or done: the calendar
 * reloads) or null.
 */
export function detailsDialog(event, { uid }) {
  let changed = false;
  return dialog(event.name || t('Busy'), (close) => {
    const attendeeList = h('ul', { class: 'attendees', id: 'event-attendees', 'aria-label': t('Attendees') });
    const mine = h('div', { class: 'my-answer', id: 'my-answer' });
    const drawAttendees = async () => {
      const rows = event.attendee_ids?.length
        ? await rpc.read('calendar.attendee', event.attendee_ids, ['partner_id', 'user_id', 'state', 'common_name', 'email']) : [];
      mount(attendeeList, rows.map((row) => {
        const [icon, words] = ANSWERS[row.state] || ANSWERS.needsAction;
        // A colleague (user_id) or a customer or contact (partner_id).
        const key = row.user_id ? `u${m2oId(row.user_id)}` : `p${m2oId(row.partner_id)}`;
        return h('li', { class: `attendee ${row.state}`, dataset: { key, state: row.state } },
          h('span', { class: 'answer-icon', 'aria-hidden': 'true' }, icon),
          h('span', { class: 'who' }, m2oName(row.user_id) || m2oName(row.partner_id) || row.common_name || row.email || '',
            m2oId(row.user_id) === m2oId(event.user_id) ? h('span', { class: 'muted' }, ` · ${t('Organizer')}`) : null),
          h('span', { class: 'answer' }, t(words)));
      }));
      const me = rows.find((row) => m2oId(row.user_id) === uid);
      if (!me) { mount(mine); return; }
      const answer = (method, state, label) => h('button', { type: 'button', class: `answer-${state}`, 'aria-pressed': String(me.state === state),
        onclick: async () => {
          if (await attempt(() => rpc.call('calendar.attendee', method, [[me.id]])) === undefined) return;
          changed = true;
          await drawAttendees();
        } }, t(label));
      mount(mine, h('span', { class: 'label' }, t('Your answer:')), h('div', { class: 'segmented', role: 'group', 'aria-label': t('Your answer:') },
        answer('do_accept', 'accepted', 'Accept'), answer('do_tentative', 'tentative', 'Maybe'), answer('do_decline', 'declined', 'Decline')));
      attendeeList.dataset.loaded = String(Date.now());
    };
    drawAttendees().catch((error) => toast(error.message, 'error'));
    const description = htmlToText(event.description);
    const linked = m2oId(event.opportunity_id);
    const remove = async () => {
      const yes = await confirmAction(t('Delete the event'), t('Delete {name}? This cannot be undone.', { name: event.name }),
        { confirm: t('Delete'), cancel: t('Cancel'), danger: true });
      if (!yes) return;
      if (await attempt(() => rpc.call('calendar.event', 'unlink', [[event.id]])) === undefined) return;
      toast(t('Deleted'));
      close('changed');
    };
    const done = async () => {
      if (await attempt(() => rpc.call('calendar.event', 'action_mark_done', [[event.id]])) === undefined) return;
      toast(t('Meeting marked as done.'));
      close('changed');
    };
    return h('div', { class: 'event-details', id: 'event-details', dataset: { id: event.id } },
      h('p', { class: 'when' }, whenText(event), event.recurrency ? h('span', { class: 'pill' }, t('Repeats')) : null),
      h('dl', { class: 'facts' },
        event.location ? [h('dt', {}, t('Location')), h('dd', {}, event.location)] : null,
        event.videocall_location ? [h('dt', {}, t('Video call')), h('dd', {}, safeLink(event.videocall_location))] : null,
        linked ? [h('dt', {}, t('Opportunity')), h('dd', {}, h('a', { href: `#/lead/${linked}`, id: 'event-opportunity', onclick: () => close(null) },
          m2oName(event.opportunity_id)))] : null,
        event.privacy && event.privacy !== 'public' ? [h('dt', {}, t('Privacy')), h('dd', {}, t(PRIVACY.find(([v]) => v === event.privacy)?.[1] || 'Private'))] : null),
      description ? h('p', { class: 'description' }, description) : null,
      h('h3', {}, t('Attendees')), attendeeList, mine,
      h('div', { class: 'buttons' },
        h('button', { type: 'button', class: 'primary', id: 'edit-event', onclick: () => close('edit') }, t('Edit')),
        (linked || event.res_id) ? h('button', { type: 'button', id: 'done-event', onclick: done }, t('Mark as done')) : null,
        h('button', { type: 'button', class: 'danger', id: 'delete-event', onclick: remove }, t('Delete')),
        h('button', { type: 'button', class: 'cancel', onclick: () => close(changed ? 'changed' : null) }, t('Close'))));
  }).then((answer) => answer || (changed ? 'changed' : null));
}

/** A link only when it is a web address (a "javascript:" text stays text). */
function safeLink(url) {
  return /^https?:\/\//i.test(url) ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, t('Join the video call')) : url;
}

/** "Subscribe to my calendar": a private link for Google, Apple or Outlook (shown once), and revoking it. */
export function subscribeDialog() {
  return dialog(t('Subscribe to my calendar'), (close) => {
    const activities = h('input', { type: 'checkbox', name: 'include_activities' });
    const result = h('div', { class: 'feed-result', id: 'feed-result' });
    const create = h('button', { type: 'button', class: 'primary', id: 'create-feed', onclick: async () => {
      const answer = await attempt(() => rpc.call('res.users', 'calendar_feed_create', [activities.checked]));
      if (!answer) return;
      const url = h('input', { type: 'text', readonly: true, name: 'feed_url', id: 'feed-url', value: answer.url || '' });
      const copied = h('span', { class: 'done', role: 'status' });
      const copy = h('button', { type: 'button', id: 'copy-feed', onclick: async () => {
        url.select();
        try { await navigator.clipboard.writeText(url.value); } catch { document.execCommand('copy'); }
        copied.textContent = t('Copied');
      } }, t('Copy'));
      mount(result, field(t('Your calendar\'s private link'), url), h('div', { class: 'inline' }, copy, copied),
        h('p', { class: 'hint warning' }, t('This link is shown only once: copy it now. Anyone who has it can see your meetings.')),
        h('ul', { class: 'hint apps' }, h('li', {}, t('Google Calendar: Other calendars › + › From URL.')),
          h('li', {}, t('Apple Calendar: File › New Calendar Subscription.')),
          h('li', {}, t('Outlook: Add calendar › Subscribe from web.'))));
      url.focus();
      url.select();
    } }, t('Create the link'));
    const revoked = h('p', { class: 'done', role: 'status', id: 'feed-revoked' });
    const revoke = h('button', { type: 'button', class: 'danger', id: 'revoke-feed', onclick: async () => {
      const yes = await confirmAction(t('Revoke the link'), t('The calendars subscribed with your link will stop receiving your meetings.'),
        { confirm: t('Revoke the link'), cancel: t('Cancel'), danger: true });
      if (!yes) return;
      if (await attempt(() => rpc.call('res.users', 'calendar_feed_revoke', [])) === undefined) return;
      mount(result);
      revoked.textContent = t('The link no longer works.');
    } }, t('Revoke the link'));
    return h('div', { class: 'subscribe', id: 'subscribe' },
      h('p', {}, t('See your meetings in Google Calendar, Apple Calendar or Outlook: they read a private link and keep it up to date.')),
      h('p', { class: 'hint' }, t('A new link replaces the previous one.')),
      field(t('Include my activities'), activities, { class: 'check' }), create, result,
      h('div', { class: 'buttons' }, revoke, revoked, h('button', { type: 'button', class: 'cancel', onclick: () => close(null) }, t('Close'))));
  });
}

