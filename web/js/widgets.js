// Small shared widgets: priority stars, the activity clock, status pills.
import { h } from './dom.js';
import { t, date } from './i18n.js';

const LEVELS = ['Low', 'Medium', 'High', 'Very high'];

/** Three stars for the priority "0".."3"; onChange(value) when one is clicked. */
export function stars(priority, onChange) {
  const value = Number(priority || 0);
  return h('span', { class: 'stars', role: 'group', 'aria-label': t('Priority') },
    [1, 2, 3].map((n) => h('button', {
      type: 'button', class: `star ${n <= value ? 'on' : ''}`, 'aria-pressed': String(n <= value),
      'aria-label': `${t('Priority')}: ${t(LEVELS[n])}`,
      onclick: (event) => { event.stopPropagation(); onChange?.(String(n === value ? n - 1 : n)); },
    }, n <= value ? '★' : '☆')));
}

/** The activity clock: red overdue, orange today, green planned, grey none. With onClick, a button ("Schedule an activity"). */
export function clock(record, onClick) {
  const state = record.activity_state || 'none';
  const label = state === 'none' ? t('No activities')
    : `${t({ overdue: 'Overdue', today: 'Today', planned: 'Planned' }[state])}: ${record.activity_summary || ''} ${date(record.activity_date_deadline)}`.trim();
  if (!onClick) return h('span', { class: `activity-clock ${state}`, dataset: { state }, title: label, role: 'img', 'aria-label': label }, '◷');
  const full = `${label} · ${t('Schedule an activity')}`;
  return h('button', { type: 'button', class: `activity-clock ${state}`, dataset: { state }, title: full, 'aria-label': full,
    onclick: (event) => { event.stopPropagation(); onClick(); } }, '◷');
}

export function stateLabel(state) {
  return t({ draft: 'Quotation', sent: 'Quotation sent', sale: 'Sales order', done: 'Locked', cancel: 'Cancelled' }[state] || state);
}
