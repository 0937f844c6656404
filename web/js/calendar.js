// The calendar (issue 23): meetings by week and by month on a desk, by day on a phone, in the user's time zone. A click on
// a time (or a drag over several) creates a meeting; meetings move and stretch by dragging (mouse, pen or finger); a click
// opens its details and the answers of its attendees. Others' private meetings are grey "Busy" blocks.
import { h, mount, attempt, toast, announce, m2oId, m2oName } from './dom.js';
import * as rpc from './rpc.js';
import { t } from './i18n.js';
import { choices } from './relations.js';
import { TAG_COLORS } from './fields.js';
import { eventDialog, detailsDialog, askRecurrence, subscribeDialog } from './calendar-dialogs.js';
import {
  MINUTE, wallOf, serverOfWall, dayOf, isoDay, startOfDay, addDays, addMinutes, addMonths, minutesOfDay, daysBetween, startOfWeek,
  startOfMonth, now, today, timeText, hourText, timeRange, weekdayShort, dayNumber, longDay, rangeTitle, whenText,
} from './calendar-time.js';

const FIELDS = ['name', 'start', 'stop', 'allday', 'start_date', 'stop_date', 'duration', 'user_id', 'user_ids', 'partner_ids', 'attendee_ids', 'location',
  'videocall_location', 'description', 'privacy', 'show_as', 'categ_ids', 'alarm_ids', 'opportunity_id', 'res_model', 'res_id', 'recurrency',
  'recurrence_id', 'attendee_status'];
const VIEWS = [['day', 'Day'], ['week', 'Week'], ['month', 'Month']];
// An hour's height in the day's grid (px); a click picks a half hour; moving and stretching go by quarters.
const HOUR_PX = 48;
const SLOT = 30;
const SNAP = 15;
// The defaults of the meeting being scheduled from an opportunity (the context of crm.lead.action_schedule_meeting).
const CONTEXT_KEY = 'embudo.calendar.context';
const VIEW_KEY = 'embudo.calendar.view';
const FILTER_KEY = 'embudo.calendar.filter';
const phoneQuery = window.matchMedia('(max-width: 760px)');

export async function render(view) {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  const wanted = params.get('view') || sessionStorage.getItem(VIEW_KEY);
  const state = {
    view: VIEWS.some(([key]) => key === wanted) ? wanted : phoneQuery.matches ? 'day' : 'week',
    anchor: today(), filter: readFilter(), defaults: readDefaults(), events: [], busy: [], names: new Map(), token: 0, scrollTop: null,
    uid: rpc.session.info.uid,
  };
  const types = await rpc.searchRead('calendar.event.type', [], ['name', 'color']).catch(() => []);
  // The day asked for, else the one the meeting being scheduled suggests (a day, or an instant in UTC), else today.
  const initial = String(state.defaults?.initial_date || '');
  if (/^\d{4}-\d{2}-\d{2}$/.test(params.get('date') || '')) state.anchor = dayOf(params.get('date'));
  else if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(initial)) state.anchor = startOfDay(wallOf(initial));
  else if (/^\d{4}-\d{2}-\d{2}$/.test(initial)) state.anchor = dayOf(initial);
  state.typeColors = new Map(types.map((type) => [type.id, type.color]));
  state.title = h('h1', { id: 'calendar-title', 'aria-live': 'polite' });
  state.switcher = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': t('View'), id: 'calendar-views' });
  state.banner = h('div', { class: 'cal-banner', id: 'meeting-banner', hidden: true });
  state.side = h('div', { class: 'cal-filter-body' });
  state.filters = h('details', { class: 'cal-side', id: 'calendar-filters', open: !phoneQuery.matches },
    h('summary', {}, t('Attendees')), state.side);
  state.body = h('div', { class: 'cal-body', id: 'calendar', 'aria-busy': 'true' });
  const step = (direction) => () => { state.anchor = shift(state, direction); load(state); };
  mount(view,
    h('div', { class: 'toolbar cal-toolbar' }, state.title,
      h('div', { class: 'cal-nav' },
        h('button', { type: 'button', id: 'calendar-today', onclick: () => { state.anchor = today(); load(state); } }, t('Today')),
        h('button', { type: 'button', class: 'icon', id: 'calendar-previous', 'aria-label': t('Previous'), title: t('Previous'), onclick: step(-1) }, '‹'),
        h('button', { type: 'button', class: 'icon', id: 'calendar-next', 'aria-label': t('Next'), title: t('Next'), onclick: step(1) }, '›')),
      state.switcher,
      h('button', { type: 'button', id: 'calendar-subscribe', onclick: () => subscribeDialog() }, t('Subscribe')),
      h('button', { type: 'button', class: 'primary', id: 'calendar-new', onclick: () => newEvent(state, suggested(state)) }, t('New'))),
    state.banner,
    h('div', { class: 'cal-layout' }, state.filters, state.body));
  drawBanner(state);
  // Turning a phone, or narrowing a window, keeps the view chosen but draws it again for the new width.
  const redraw = () => { if (state.body.isConnected) draw(state); else phoneQuery.removeEventListener('change', redraw); };
  phoneQuery.addEventListener('change', redraw);
  await load(state);
}

function readFilter() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(FILTER_KEY) || 'null');
    if (saved && ['all', 'mine', 'custom'].includes(saved.mode)) return { mode: saved.mode, unchecked: saved.unchecked || [] };
  } catch { /* a filter of an older version */ }
  return { mode: 'all', unchecked: [] };
}

function readDefaults() {
  try { return JSON.parse(sessionStorage.getItem(CONTEXT_KEY) || 'null'); } catch { return null; }
}

/** [first day, day after the last] of the shown range (wall midnights). */
function range(state) {
  if (state.view === 'day') return [startOfDay(state.anchor), addDays(startOfDay(state.anchor), 1)];
  if (state.view === 'week') { const first = startOfWeek(state.anchor); return [first, addDays(first, 7)]; }
  const first = startOfWeek(startOfMonth(state.anchor));
  const last = startOfWeek(addDays(addMonths(state.anchor, 1), -1));
  return [first, addDays(last, 7)];
}

function shift(state, direction) {
  if (state.view === 'month') return addMonths(state.anchor, direction);
  return addDays(state.anchor, direction * (state.view === 'week' ? 7 : 1));
}

/** The interval of an event as wall times: [start, end) (an all-day one from its first day's midnight to the next day's after its last). */
function span(event) {
  if (event.allday) return [dayOf(event.start_date || event.start), addDays(dayOf(event.stop_date || event.start_date || event.stop), 1)];
  return [wallOf(event.start), wallOf(event.stop)];
}

async function load(state) {
  const token = ++state.token;
  const [from, to] = range(state);
  state.body.setAttribute('aria-busy', 'true');
  // All-day events are stored from 08:00 to 18:00 UTC of their days: a day more on each side finds them in any time zone.
  const domain = [['start', '<', serverOfWall(addDays(to, 1))], ['stop', '>', serverOfWall(addDays(from, -1))]];
  const [events, busy] = await Promise.all([
    rpc.searchRead('calendar.event', domain, FIELDS, { order: 'start asc', limit: 2000 }),
    rpc.call('calendar.event', 'busy_slots', [serverOfWall(from), serverOfWall(to)]).catch((error) => { toast(error.message, 'error'); return []; })]);
  if (token !== state.token) return;
  const inRange = (item) => { const [start, end] = span(item); return start < to && (end > from || (end.getTime() === start.getTime() && start >= from)); };
  state.events = events.filter(inRange);
  // A busy slot of a meeting shown anyway (one's own, or one the user may see) is not shown twice.
  const seen = new Set(state.events.map((e) => `${e.start}|${e.stop}|${m2oId(e.user_id)}`));
  state.busy = (busy || []).filter((slot) => inRange(slot) && !seen.has(`${slot.start}|${slot.stop}|${m2oId(slot.user_id)}`));
  // The names of the attendees, for the filter: colleagues (user_ids) and customers or contacts (partner_ids).
  await Promise.all([['res.users', 'user_ids', 'u'], ['res.partner', 'partner_ids', 'p']].map(async ([model, field, prefix]) => {
    const ids = [...new Set(state.events.flatMap((e) => e[field] || []))].filter((id) => !state.names.has(`${prefix}${id}`));
    const rows = ids.length ? await rpc.read(model, ids, ['name']).catch(() => []) : [];
    for (const row of rows) state.names.set(`${prefix}${row.id}`, row.name);
  }));
  if (token !== state.token) return;
  draw(state);
}

function draw(state) {
  const scroller = state.body.querySelector('.cal-scroll');
  if (scroller) state.scrollTop = scroller.scrollTop;
  state.title.textContent = rangeTitle(state.view, state.anchor);
  mount(state.switcher, VIEWS.map(([key, label]) => h('button', { type: 'button', role: 'radio', 'aria-checked': String(state.view === key),
    dataset: { view: key }, onclick: () => { state.view = key; sessionStorage.setItem(VIEW_KEY, key); load(state); } }, t(label))));
  drawFilters(state);
  const [from, to] = range(state);
  const days = Array.from({ length: daysBetween(from, to) }, (_, i) => addDays(from, i));
  mount(state.body, state.view === 'month' ? monthGrid(state, days) : timeGrid(state, days));
  Object.assign(state.body.dataset, { view: state.view, start: isoDay(from), end: isoDay(to), loaded: String(state.token) });
  state.body.setAttribute('aria-busy', 'false');
  const scroll = state.body.querySelector('.cal-scroll');
  if (scroll) {
    // Opened at the morning (or at the first meeting, when earlier); kept where it was after a change.
    const earliest = Math.min(7 * 60, ...state.events.filter((e) => !e.allday && shown(state, e)).map((e) => {
      const [start] = span(e); return start >= from ? minutesOfDay(start) : 7 * 60;
    }));
    scroll.scrollTop = state.scrollTop ?? Math.max(0, (earliest / 60 - 0.5) * HOUR_PX);
  }
  // The address says what is shown, so that a reload shows it again.
  history.replaceState(history.state, '', `#/calendar?view=${state.view}&date=${isoDay(state.anchor)}`);
}

/** A private meeting of someone else (the server may send it, masked or not): only a "Busy" block. */
function foreign(state, event) {
  return event.privacy === 'private' && !mineEvent(state, event);
}

/** The busy blocks to draw: the slots of busy_slots and others' private meetings (none with "Only mine"). */
function busyOf(state) {
  if (state.filter.mode === 'mine') return [];
  return [...state.busy, ...state.events.filter((e) => foreign(state, e))
    .map((e) => ({ start: e.start, stop: e.stop, allday: e.allday, start_date: e.start_date, stop_date: e.stop_date, user_id: e.user_id }))];
}

/** Does the user organize or attend the event? */
function mineEvent(state, event) {
  return m2oId(event.user_id) === state.uid || (event.user_ids || []).includes(state.uid);
}

/** The people of an event, as the filter names them: "u<id>" for colleagues, "p<id>" for customers and contacts. */
const people = (event) => [...(event.user_ids || []).map((id) => `u${id}`), ...(event.partner_ids || []).map((id) => `p${id}`)];

/** Is the event shown by the attendee filter? */
function shown(state, event) {
  if (foreign(state, event)) return false;
  const { mode, unchecked } = state.filter;
  if (mode === 'all') return true;
  if (mode === 'mine') return mineEvent(state, event);
  return people(event).some((key) => !unchecked.includes(key));
}

function drawFilters(state) {
  // Me first, then the colleagues, then the customers and contacts, each by name.
  const me = `u${state.uid}`;
  const rank = (key) => (key === me ? 0 : key[0] === 'u' ? 1 : 2);
  const ids = [...new Set(state.events.filter((e) => !foreign(state, e)).flatMap(people))]
    .sort((a, b) => rank(a) - rank(b) || (state.names.get(a) || '').localeCompare(state.names.get(b) || ''));
  const { mode } = state.filter;
  const set = (filter) => {
    state.filter = filter;
    sessionStorage.setItem(FILTER_KEY, JSON.stringify(filter));
    draw(state);
  };
  const chip = (key, label) => h('button', { type: 'button', class: `chip ${mode === key ? 'on' : ''}`, 'aria-pressed': String(mode === key),
    id: `filter-${key}`, onclick: () => set({ mode: key, unchecked: [] }) }, t(label));
  const checked = (id) => mode === 'all' || (mode === 'mine' ? id === me : !state.filter.unchecked.includes(id));
  mount(state.side, h('div', { class: 'chips', role: 'group', 'aria-label': t('Attendees') }, chip('all', 'Everybody'), chip('mine', 'Only mine')),
    ids.length ? h('ul', { class: 'cal-partners', id: 'attendee-filter' }, ids.map((id) => {
      const box = h('input', { type: 'checkbox', checked: checked(id), dataset: { key: id }, onchange: () => {
        const unchecked = new Set(mode === 'all' ? [] : mode === 'mine' ? ids.filter((other) => other !== me) : state.filter.unchecked);
        if (box.checked) unchecked.delete(id); else unchecked.add(id);
        set(unchecked.size ? { mode: 'custom', unchecked: [...unchecked] } : { mode: 'all', unchecked: [] });
      } });
      return h('li', { class: id[0] === 'u' ? 'colleague' : 'contact' }, h('label', { class: 'radio' }, box, h('span', {}, state.names.get(id) || '',
        id === me ? h('span', { class: 'muted' }, ` (${t('me')})`) : null)));
    })) : h('p', { class: 'muted' }, t('No attendees in these days')));
  state.filters.dataset.mode = mode;
}

function drawBanner(state) {
  const defaults = state.defaults;
  state.banner.hidden = !defaults;
  if (!defaults) { mount(state.banner); return; }
  const lead = defaults.default_opportunity_id || (defaults.default_res_model === 'crm.lead' ? defaults.default_res_id : null);
  mount(state.banner, h('p', {}, t('New meeting for {name}: click or drag over its time in the calendar.', { name: defaults.default_name || '' })),
    lead ? h('a', { class: 'button', href: `#/lead/${lead}`, id: 'back-to-opportunity' }, t('Back to the opportunity')) : null,
    h('button', { type: 'button', class: 'link', id: 'stop-scheduling', onclick: () => {
      sessionStorage.removeItem(CONTEXT_KEY); state.defaults = null; drawBanner(state);
    } }, t('Cancel')));
}

/** The colour of an event: its first type's, else its organizer's. */
function colorOf(state, event) {
  const type = (event.categ_ids || []).find((id) => state.typeColors.get(id));
  if (type) return TAG_COLORS[state.typeColors.get(type) % TAG_COLORS.length];
  return TAG_COLORS[1 + ((m2oId(event.user_id) || 0) % (TAG_COLORS.length - 1))];
}

function eventClasses(event, kind) {
  return `cal-event ${kind} answer-${event.attendee_status || 'none'} ${event.allday ? 'allday' : 'timed'}`;
}

function eventLabel(event) {
  return [event.name, whenText(event), event.location, event.attendee_status ? t((ANSWER_WORDS[event.attendee_status] || '')) : '']
    .filter(Boolean).join(', ');
}
// The user's own answer, said on the event's block for screen readers.
const ANSWER_WORDS = { accepted: 'Going', declined: 'Not going', tentative: 'Maybe going', needsAction: 'Awaiting answer' };

// ---- Week and day: the all-day row and the hours' grid ----

function timeGrid(state, days) {
  const columns = `grid-template-columns: 3.6rem repeat(${days.length}, minmax(0, 1fr))`;
  const todayIso = isoDay(today());
  const head = h('div', { class: 'cal-head', style: columns }, h('div', { class: 'gutter' }),
    days.map((day) => h('button', { type: 'button', class: `cal-day-name ${isoDay(day) === todayIso ? 'today' : ''}`, dataset: { day: isoDay(day) },
      'aria-label': longDay(day), disabled: state.view === 'day', onclick: () => { state.view = 'day'; state.anchor = day; load(state); } },
    h('span', { class: 'wd' }, weekdayShort(day)), h('span', { class: 'num' }, dayNumber(day)))));
  // The days' names and the all-day row stay on top of the hours as they scroll (and share their columns, scroll bar included).
  return h('div', { class: `cal-week days-${days.length}` }, h('div', { class: 'cal-scroll' },
    h('div', { class: 'cal-sticky' }, head, alldayRow(state, days, columns)), hoursGrid(state, days, columns)));
}

/** All-day events (and busy days) in lanes above the hours, each spanning its days. */
function alldayRow(state, days, columns) {
  const first = days[0];
  const items = [...state.events.filter((e) => e.allday && shown(state, e)).map((event) => ({ event })),
    ...busyOf(state).filter((slot) => slot.allday).map((slot) => ({ busy: slot }))];
  const lanes = [];
  const placed = items.map((item) => {
    const [start, end] = span(item.event || item.busy);
    const from = Math.max(0, daysBetween(first, start)), to = Math.min(days.length - 1, daysBetween(first, end) - 1);
    let lane = lanes.findIndex((last) => last < from);
    if (lane < 0) { lane = lanes.length; lanes.push(-1); }
    lanes[lane] = to;
    return { ...item, from, to, lane };
  });
  const rows = lanes.length + 1;
  const row = h('div', { class: 'cal-allday', style: `${columns}; grid-template-rows: repeat(${rows}, 1.7rem)` },
    h('div', { class: 'gutter', style: `grid-row: 1 / ${rows + 1}` }, t('All day')),
    days.map((day, index) => h('div', { class: 'cal-allday-cell', dataset: { day: isoDay(day) }, style: `grid-column: ${index + 2}; grid-row: 1 / ${rows + 1}` })),
    placed.map(({ event, busy, from, to, lane }) => {
      const style = `grid-column: ${from + 2} / ${to + 3}; grid-row: ${lane + 1}`;
      if (busy) return h('div', { class: 'cal-event bar cal-busy allday', style, title: `${t('Busy')} · ${m2oName(busy.user_id)}` }, h('span', { class: 'title' }, t('Busy')));
      return eventNode(state, event, 'bar', `${style}; --color: ${colorOf(state, event)}`, h('span', { class: 'title' }, event.name));
    }));
  row.addEventListener('pointerdown', (down) => {
    const node = down.target.closest('.cal-event[data-id]');
    if (node) moveByDays(state, row, '.cal-allday-cell', node, down, false);
    else if (down.target.closest('.cal-allday-cell')) createDays(state, row, '.cal-allday-cell', down, false);
  });
  return row;
}

function hoursGrid(state, days, columns) {
  const gutter = h('div', { class: 'cal-gutter' }, Array.from({ length: 24 }, (_, hour) =>
    h('span', { class: 'hour', style: `top: ${hour * HOUR_PX}px` }, hour ? hourText(addMinutes(days[0], hour * 60)) : '')));
  const nowWall = now();
  const columnsNodes = days.map((day) => {
    const iso = isoDay(day);
    const column = h('div', { class: `cal-day-col ${iso === isoDay(nowWall) ? 'today' : ''}`, dataset: { day: iso } },
      Array.from({ length: 24 * 60 / SLOT }, (_, i) => h('div', { class: `cal-slot ${i % 2 ? 'half' : ''}`,
        dataset: { start: `${iso}T${String(Math.floor(i * SLOT / 60)).padStart(2, '0')}:${String((i * SLOT) % 60).padStart(2, '0')}` } })));
    const end = addDays(day, 1);
    const segments = [
      ...state.events.filter((e) => !e.allday && shown(state, e)).map((event) => ({ event })),
      ...busyOf(state).filter((slot) => !slot.allday).map((slot) => ({ busy: slot }))]
      .map((item) => { const [start, stop] = span(item.event || item.busy); return { ...item, start, stop }; })
      .filter(({ start, stop }) => start < end && (stop > day || (stop.getTime() === start.getTime() && start >= day)))
      .map((item) => ({ ...item, from: item.start < day ? day : item.start, to: item.stop > end ? end : item.stop }));
    layout(segments);
    for (const segment of segments) column.append(segmentNode(state, segment, day));
    if (iso === isoDay(nowWall)) column.append(h('div', { class: 'cal-now', style: `top: ${minutesOfDay(nowWall) / 60 * HOUR_PX}px`, 'aria-hidden': 'true' }));
    return column;
  });
  const grid = h('div', { class: 'cal-grid', style: `${columns}; height: ${24 * HOUR_PX}px; --slot: ${HOUR_PX * SLOT / 60}px` }, gutter, columnsNodes);
  grid.addEventListener('pointerdown', (down) => {
    const node = down.target.closest('.cal-event[data-id]');
    if (node) moveTimed(state, grid, node, down, !!down.target.closest('.resize'));
    else if (down.target.closest('.cal-day-col')) createTimed(state, grid, down);
  });
  return grid;
}

/** Overlapping meetings of a day side by side: each gets a column of its group of overlapping ones. */
function layout(segments) {
  segments.sort((a, b) => a.from - b.from || b.to - a.to);
  let group = [], groupEnd = 0;
  const close = () => { const count = Math.max(...group.map((s) => s.column)) + 1; group.forEach((s) => { s.columns = count; }); group = []; };
  for (const segment of segments) {
    const visibleEnd = Math.max(segment.to.getTime(), segment.from.getTime() + 20 * MINUTE);
    if (group.length && segment.from.getTime() >= groupEnd) close();
    const taken = new Set(group.filter((other) => other.visibleEnd > segment.from.getTime()).map((other) => other.column));
    let column = 0;
    while (taken.has(column)) column += 1;
    Object.assign(segment, { column, visibleEnd });
    group.push(segment);
    groupEnd = Math.max(groupEnd, visibleEnd);
  }
  if (group.length) close();
}

function segmentNode(state, segment, day) {
  const top = (segment.from - day) / MINUTE / 60 * HOUR_PX;
  const height = Math.max((segment.to - segment.from) / MINUTE / 60 * HOUR_PX, HOUR_PX / 3);
  // Overlapping ones side by side, each but the last reaching under its right neighbour (its title stays readable).
  const width = 100 / segment.columns;
  const wide = segment.column < segment.columns - 1 ? Math.min(width * 1.7, 100 - segment.column * width) : width;
  const style = `top: ${top}px; height: ${height}px; left: calc(${segment.column * width}% + 1px); width: calc(${wide}% - 3px); z-index: ${segment.column + 1}`;
  if (segment.busy) {
    return h('div', { class: 'cal-event block cal-busy timed', style, title: `${t('Busy')} · ${m2oName(segment.busy.user_id)}`, dataset: { busy: m2oId(segment.busy.user_id) } },
      h('span', { class: 'title' }, t('Busy')));
  }
  const { event } = segment;
  const short = height < HOUR_PX * 0.75;
  return eventNode(state, event, `block ${short ? 'short' : ''}`, `${style}; --color: ${colorOf(state, event)}`,
    h('span', { class: 'time' }, short ? timeText(segment.start) : timeRange(segment.start, segment.stop)),
    h('span', { class: 'title' }, event.name),
    !short && event.location ? h('span', { class: 'where' }, event.location) : null,
    segment.to.getTime() === segment.stop.getTime() ? h('span', { class: 'resize', 'aria-hidden': 'true', title: t('Drag to change the end') }) : null);
}

/** An event's block: a button opening its details (Enter), dragged to move it. */
function eventNode(state, event, kind, style, ...content) {
  const node = h('div', { class: eventClasses(event, kind), style, tabindex: 0, role: 'button', dataset: { id: event.id, start: event.start },
    'aria-label': eventLabel(event), title: eventLabel(event) }, content);
  node.addEventListener('keydown', (key) => {
    if (key.key === 'Enter' || key.key === ' ') { key.preventDefault(); openEvent(state, event); }
  });
  return node;
}

// ---- The month ----

function monthGrid(state, days) {
  const todayIso = isoDay(today());
  const month = state.anchor.getUTCMonth();
  const phone = phoneQuery.matches;
  const limit = phone ? 2 : 3;
  const items = [...state.events.filter((e) => shown(state, e)).map((event) => ({ event })),
    ...busyOf(state).map((slot) => ({ busy: slot }))]
    .map((item) => { const [start, stop] = span(item.event || item.busy); return { ...item, start, stop }; })
    .sort((a, b) => Number(!!b.event?.allday) - Number(!!a.event?.allday) || a.start - b.start);
  const grid = h('div', { class: 'cal-month', role: 'grid', 'aria-label': rangeTitle('month', state.anchor) },
    h('div', { class: 'cal-month-head', role: 'row' }, days.slice(0, 7).map((day) => h('div', { role: 'columnheader' }, weekdayShort(day)))),
    Array.from({ length: days.length / 7 }, (_, week) => h('div', { class: 'cal-month-week', role: 'row' }, days.slice(week * 7, week * 7 + 7).map((day) => {
      const end = addDays(day, 1);
      const iso = isoDay(day);
      const today_ = iso === todayIso;
      const ofDay = items.filter(({ start, stop }) => start < end && (stop > day || (stop.getTime() === start.getTime() && start >= day)));
      const more = ofDay.length - limit;
      return h('div', { class: `cal-month-day ${day.getUTCMonth() === month ? '' : 'other'} ${today_ ? 'today' : ''}`, role: 'gridcell', dataset: { day: iso } },
        h('button', { type: 'button', class: 'day-number', 'aria-label': longDay(day), onclick: () => openDay(state, day) }, dayNumber(day)),
        h('div', { class: 'cal-month-events' }, ofDay.slice(0, more > 0 ? limit - 1 : limit).map(({ event, busy, start }) => {
          if (busy) return h('div', { class: 'cal-event cal-busy cal-chip', title: `${t('Busy')} · ${m2oName(busy.user_id)}` }, h('span', { class: 'title' }, t('Busy')));
          return eventNode(state, event, 'cal-chip', `--color: ${colorOf(state, event)}`, !event.allday && start >= day ? h('span', { class: 'time' }, timeText(start)) : null,
            h('span', { class: 'title' }, event.name));
        }),
        more > 0 ? h('button', { type: 'button', class: 'link more', onclick: () => openDay(state, day) }, t('{count} more', { count: more + 1 })) : null));
    }))));
  grid.addEventListener('pointerdown', (down) => {
    if (down.target.closest('button')) return;
    const node = down.target.closest('.cal-event[data-id]');
    if (node) moveByDays(state, grid, '.cal-month-day', node, down, true);
    else if (down.target.closest('.cal-month-day')) createDays(state, grid, '.cal-month-day', down, true);
  });
  return grid;
}

function openDay(state, day) {
  state.view = 'day';
  state.anchor = day;
  load(state);
}

// ---- Pointer gestures: mouse, pen and finger alike ----

/**
 * Follows a press from pointerdown: a drag starts at once with a mouse or a pen, after a still press with a finger (so that
 * a finger can still scroll the calendar; moving it before scrolls). onMove(event) while dragging; onEnd(event, dragged)
 * when released (dragged false for a click or a tap), onEnd(null) when the browser takes the gesture over.
 */
function press(down, { onMove, onEnd }) {
  if (down.button !== 0) return;
  const touch = down.pointerType === 'touch';
  let active = !touch, dragged = false;
  const timer = touch ? setTimeout(() => { active = true; }, 350) : null;
  const blockScroll = (event) => { if (active && event.cancelable) event.preventDefault(); };
  const stop = () => {
    clearTimeout(timer);
    window.removeEventListener('pointermove', move);
    window.removeEventListener('pointerup', up);
    window.removeEventListener('pointercancel', cancel);
    window.removeEventListener('touchmove', blockScroll);
  };
  function move(event) {
    if (event.pointerId !== down.pointerId) return;
    const far = Math.hypot(event.clientX - down.clientX, event.clientY - down.clientY) > (touch ? 8 : 4);
    if (!active) { if (far) { stop(); onEnd(null, false); } return; }
    if (far) dragged = true;
    if (dragged) onMove(event);
  }
  function up(event) { if (event.pointerId === down.pointerId) { stop(); onEnd(event, dragged); } }
  function cancel(event) { if (event.pointerId === down.pointerId) { stop(); onEnd(null, false); } }
  window.addEventListener('pointermove', move);
  window.addEventListener('pointerup', up);
  window.addEventListener('pointercancel', cancel);
  window.addEventListener('touchmove', blockScroll, { passive: false });
}

/** The index of the column (or cell) under a point; with `both`, the point must be inside it (the month's cells). */
function cellIndex(cells, x, y, both) {
  const rects = cells.map((cell) => cell.getBoundingClientRect());
  const found = rects.findIndex((r) => x >= r.left && x < r.right && (!both || (y >= r.top && y < r.bottom)));
  if (found >= 0 || both) return found;
  return x < rects[0].left ? 0 : rects.length - 1;
}

/** Pressing an empty time: a click makes a one-hour meeting, a drag covers the slots dragged over. */
function createTimed(state, grid, down) {
  const columns = [...grid.querySelectorAll('.cal-day-col')];
  const at = (event) => {
    const column = columns[cellIndex(columns, event.clientX, event.clientY, false)];
    const rect = column.getBoundingClientRect();
    const minutes = Math.min(24 * 60 - SLOT, Math.max(0, Math.floor((event.clientY - rect.top) / HOUR_PX * 60 / SLOT) * SLOT));
    return addMinutes(dayOf(column.dataset.day), minutes);
  };
  const first = at(down);
  let last = first;
  const clear = () => grid.querySelectorAll('.cal-selection').forEach((node) => node.remove());
  const preview = () => {
    clear();
    const [a, b] = first <= last ? [first, addMinutes(last, SLOT)] : [last, addMinutes(first, SLOT)];
    for (const column of columns) {
      const day = dayOf(column.dataset.day), end = addDays(day, 1);
      if (a >= end || b <= day) continue;
      const from = a < day ? day : a, to = b > end ? end : b;
      column.append(h('div', { class: 'cal-selection', style: `top: ${(from - day) / MINUTE / 60 * HOUR_PX}px; height: ${(to - from) / MINUTE / 60 * HOUR_PX}px` },
        timeRange(from, to)));
    }
  };
  press(down, {
    onMove: (event) => { last = at(event); preview(); },
    onEnd: (event, dragged) => {
      if (!event) { clear(); return; }
      const [a, b] = first <= last ? [first, last] : [last, first];
      if (!dragged) preview();
      newEvent(state, { start: a, stop: dragged ? addMinutes(b, SLOT) : addMinutes(a, 60), allday: false }).finally(clear);
    },
  });
}

/** Pressing an empty day (the all-day row, the month): a click makes an all-day event, a drag covers the days. */
function createDays(state, container, selector, down, both) {
  const cells = [...container.querySelectorAll(selector)];
  const first = cellIndex(cells, down.clientX, down.clientY, both);
  if (first < 0) return;
  let last = first;
  const mark = () => cells.forEach((cell, index) => cell.classList.toggle('selected', index >= Math.min(first, last) && index <= Math.max(first, last)));
  press(down, {
    onMove: (event) => { const index = cellIndex(cells, event.clientX, event.clientY, both); if (index >= 0) last = index; mark(); },
    onEnd: (event) => {
      if (!event) { cells.forEach((cell) => cell.classList.remove('selected')); return; }
      mark();
      const [a, b] = [Math.min(first, last), Math.max(first, last)].map((index) => dayOf(cells[index].dataset.day));
      newEvent(state, { start: a, stop: b, allday: true }).finally(() => cells.forEach((cell) => cell.classList.remove('selected')));
    },
  });
}

/** Dragging a meeting in the hours' grid moves it (days and quarters of an hour); dragging its lower edge changes its end. */
function moveTimed(state, grid, node, down, resize) {
  const event = state.events.find((e) => e.id === Number(node.dataset.id));
  if (!event) return;
  const columns = [...grid.querySelectorAll('.cal-day-col')];
  const origin = columns.indexOf(node.closest('.cal-day-col'));
  const [start, stop] = span(event);
  let days = 0, minutes = 0;
  const height = node.getBoundingClientRect().height;
  press(down, {
    onMove: (moved) => {
      minutes = Math.round((moved.clientY - down.clientY) / HOUR_PX * 60 / SNAP) * SNAP;
      node.classList.add('dragging');
      node.style.zIndex = '20';
      if (resize) {
        minutes = Math.max(minutes, SNAP - (stop - start) / MINUTE);
        node.style.height = `${Math.max(HOUR_PX / 4, height + minutes / 60 * HOUR_PX)}px`;
        return;
      }
      days = Math.min(columns.length - 1, Math.max(0, cellIndex(columns, moved.clientX, moved.clientY, false))) - origin;
      const dx = columns[origin + days].getBoundingClientRect().left - columns[origin].getBoundingClientRect().left;
      node.style.transform = `translate(${dx}px, ${minutes / 60 * HOUR_PX}px)`;
    },
    onEnd: (released, dragged) => {
      if (!dragged) { node.classList.remove('dragging'); if (released) openEvent(state, event); return; }
      if (!released || (!days && !minutes)) { draw(state); return; }
      const values = resize ? { start: serverOfWall(start), stop: serverOfWall(addMinutes(stop, minutes)) }
        : { start: serverOfWall(addMinutes(addDays(start, days), minutes)), stop: serverOfWall(addMinutes(addDays(stop, days), minutes)) };
      saveTimes(state, event, values);
    },
  });
}

/** Dragging a meeting to another day (the all-day row, the month) moves it by whole days, keeping its hours. */
function moveByDays(state, container, selector, node, down, both) {
  const event = state.events.find((e) => e.id === Number(node.dataset.id));
  if (!event) return;
  const cells = [...container.querySelectorAll(selector)];
  const origin = both ? cells.indexOf(node.closest(selector)) : cellIndex(cells, down.clientX, down.clientY, false);
  let target = origin;
  const unmark = () => cells.forEach((cell) => cell.classList.remove('drop-target'));
  press(down, {
    onMove: (moved) => {
      const index = cellIndex(cells, moved.clientX, moved.clientY, both);
      if (index >= 0) target = index;
      node.classList.add('dragging');
      cells.forEach((cell, i) => cell.classList.toggle('drop-target', i === target));
    },
    onEnd: (released, dragged) => {
      unmark();
      node.classList.remove('dragging');
      if (!dragged) { if (released) openEvent(state, event); return; }
      const days = released && target >= 0 && origin >= 0 ? daysBetween(dayOf(cells[origin].dataset.day), dayOf(cells[target].dataset.day)) : 0;
      if (!days) return;
      let values;
      if (event.allday) {
        const first = isoDay(addDays(dayOf(event.start_date), days)), last = isoDay(addDays(dayOf(event.stop_date || event.start_date), days));
        values = { start_date: first, stop_date: last, start: `${first} 08:00:00`, stop: `${last} 18:00:00` };
      } else {
        const [start, stop] = span(event);
        values = { start: serverOfWall(addDays(start, days)), stop: serverOfWall(addDays(stop, days)) };
      }
      saveTimes(state, event, values);
    },
  });
}

/** Writes a meeting's new times; for a recurring one, after asking which of its events change. */
async function saveTimes(state, event, values) {
  if (event.recurrency) {
    const choice = await askRecurrence(t('Move a recurring event'));
    if (!choice) { draw(state); return; }
    values.recurrence_update = choice;
  }
  if (await attempt(() => rpc.write('calendar.event', [event.id], values)) !== undefined) {
    const [start] = span({ ...event, ...values });
    announce(`${event.name}: ${event.allday ? longDay(start) : `${longDay(start)} ${timeText(start)}`}`);
  }
  await load(state);
}

// ---- Creating, opening, editing ----

/** The time offered by "New": the next hour today when today is shown, else 9:00 on the first day shown. */
function suggested(state) {
  const current = now();
  const [from, to] = range(state);
  const day = from <= current && current < to ? startOfDay(current) : state.view === 'month' ? startOfMonth(state.anchor) : from;
  let start = isoDay(day) === isoDay(current) ? addMinutes(startOfDay(current), (Math.floor(minutesOfDay(current) / 60) + 1) * 60) : addMinutes(day, 9 * 60);
  if (start >= addDays(day, 1)) start = addMinutes(addDays(day, 1), 9 * 60);
  return { start, stop: addMinutes(start, 60), allday: false };
}

let lists = null;
/** The choices of the event's form, asked once per screen: colleagues, customers and contacts, reminders, opportunities. */
function dialogLists(state) {
  if (!lists || lists.token !== state) {
    lists = { token: state, promise: Promise.all([choices('res.users'), choices('res.partner'),
      rpc.searchRead('calendar.alarm', [], ['name', 'alarm_type', 'duration', 'interval']), choices('crm.lead', [['type', '=', 'opportunity']])])
      .then(([users, partners, alarms, opportunities]) => ({ users, partners, alarms, opportunities })) };
    lists.promise.catch(() => { lists = null; });
  }
  return lists.promise;
}

const idsOf = (value) => (Array.isArray(value) ? value.flatMap((item) => (Array.isArray(item) ? (item[0] === 6 ? item[2] : item[0] === 4 ? [item[1]] : []) : [item])) : []);

async function newEvent(state, draft) {
  const choicesFor = await attempt(() => dialogLists(state));
  if (!choicesFor) return;
  const defaults = state.defaults || {};
  const values = { name: defaults.default_name || '', opportunity_id: defaults.default_opportunity_id || false,
    user_ids: [...new Set([state.uid, ...idsOf(defaults.default_user_ids)])], partner_ids: idsOf(defaults.default_partner_ids) };
  const answer = await eventDialog(null, { ...draft, values }, choicesFor);
  if (!answer) return;
  // The opportunity's context goes with the creation (its defaults: the linked document), as Odoo's calendar sends it.
  const context = Object.fromEntries(Object.entries(defaults).filter(([key]) => key.startsWith('default_')));
  const id = await attempt(() => rpc.create('calendar.event', answer, context));
  if (!id) return;
  if (state.defaults) { sessionStorage.removeItem(CONTEXT_KEY); state.defaults = null; drawBanner(state); }
  toast(t('Event created.'));
  const start = answer.allday ? dayOf(answer.start_date) : wallOf(answer.start);
  if (start < range(state)[0] || start >= range(state)[1]) state.anchor = startOfDay(start);
  await load(state);
}

async function openEvent(state, event) {
  const answer = await detailsDialog(event, { uid: state.uid });
  if (answer === 'edit') await editEvent(state, event);
  else if (answer === 'changed') await load(state);
}

async function editEvent(state, event) {
  const choicesFor = await attempt(() => dialogLists(state));
  if (!choicesFor) return;
  const values = await eventDialog(event, null, choicesFor);
  if (!values || !Object.keys(values).length) return;
  if (event.recurrency) {
    const choice = await askRecurrence(t('Change a recurring event'));
    if (!choice) return;
    values.recurrence_update = choice;
  }
  if (await attempt(() => rpc.write('calendar.event', [event.id], values)) !== undefined) toast(t('Saved'));
  await load(state);
}

/**
 * Opens the calendar to schedule a meeting about a document: for an opportunity with the defaults of
 * crm.lead.action_schedule_meeting (the opportunity, its customer as attendee, its name), else with the document's.
 */
export async function scheduleMeeting(model, id, name = '', summary = '') {
  let context = { default_res_model: model, default_res_id: id, default_name: name };
  if (model === 'crm.lead') {
    const action = await attempt(() => rpc.call('crm.lead', 'action_schedule_meeting', [[id]]));
    if (!action) return false;
    context = action.context && typeof action.context === 'object' ? action.context : {};
  }
  if (summary) context.default_name = summary;
  sessionStorage.setItem(CONTEXT_KEY, JSON.stringify(context));
  location.hash = '#/calendar';
  return true;
}
