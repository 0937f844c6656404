// Field widgets shared by the forms: each returns its labelable control (for field()), with read() giving the value to
// write as the server wants it (false when empty), and widgetNode when more than the control is shown.
import { h, mount, select, m2oId } from './dom.js';
import { t, date, parseDate, datePlaceholder, currencyCode } from './i18n.js';
import { stars } from './widgets.js';
import { numberInput } from './numbers.js';

export const TAG_COLORS = ['#e0e0e0', '#f06050', '#f4a460', '#f7cd1f', '#6cc1ed', '#814968', '#eb7e7f', '#2c8397', '#475577', '#d6145f', '#30c381', '#9365b8'];
const COLOR_NAMES = ['No color', 'Red', 'Orange', 'Yellow', 'Light blue', 'Dark purple', 'Salmon pink', 'Medium blue', 'Dark blue', 'Fuchsia',
  'Green', 'Purple'];
export const colorName = (index) => t(COLOR_NAMES[index] || COLOR_NAMES[0]);

/**
 * A control for a field. kind: char | email | phone | url | text | number | integer | monetary | percent | date | m2o |
 * selection | boolean | tags | priority. opts: name, options ([value, label] for m2o/selection/tags), colors (tag id → colour
 * index), required, placeholder, min and max (numbers).
 */
export function input(kind, value, opts = {}) {
  const { name, options = [], required = false, placeholder } = opts;
  let control;
  switch (kind) {
    case 'text': control = h('textarea', { name, rows: opts.rows || 4, value: value || '' }); break;
    // Numbers in the user's locale (numbers.js): shown grouped, edited plain, read as numbers.
    case 'number': case 'integer': case 'monetary': case 'percent':
      control = numberInput(value, { name, kind: kind === 'number' ? 'float' : kind, min: kind === 'percent' ? 0 : opts.min,
        max: kind === 'percent' ? 100 : opts.max, unit: kind === 'percent' ? '%' : kind === 'monetary' ? currencyCode() : undefined });
      break;
    case 'date': control = dateInput(value, { name }); break;
    // Required choices start empty too (nothing is chosen for the user); the mark and the check say it is needed.
    case 'm2o': control = select(options, m2oId(value), { name });
      control.read = () => (control.value ? Number(control.value) : false); break;
    case 'selection': control = select(options, value || '', { name });
      control.read = () => control.value || false; break;
    case 'boolean': control = h('input', { name, type: 'checkbox', checked: !!value }); control.read = () => control.checked; break;
    case 'tags': control = tagsInput(value || [], options, opts.colors, { name, addLabel: opts.addLabel }); break;
    case 'priority': control = priorityInput(value, { name }); break;
    default: control = h('input', { name, type: { email: 'email', phone: 'tel', url: 'url' }[kind] || 'text', value: value || '',
      autocomplete: kind === 'email' ? 'email' : 'off' });
  }
  if (placeholder) control.placeholder = placeholder;
  if (required) { control.required = true; control.setAttribute('aria-required', 'true'); }
  control.read ||= () => (control.value === '' ? false : control.value);
  control.kind = kind;
  return control;
}

/** The values of the controls ({name: control}) that differ from the record's (what a write should send). */
export function changes(controls, record) {
  const values = {};
  for (const [name, control] of Object.entries(controls)) {
    const value = control.read();
    const before = control.kind === 'm2o' ? m2oId(record[name]) : record[name];
    if (control.kind === 'tags') {
      if (JSON.stringify([...value].sort()) !== JSON.stringify([...(before || [])].sort())) values[name] = [[6, 0, value]];
    } else if ((before ?? false) !== value && !(before === '' && value === false) && !(before === undefined && value === 0)) values[name] = value;
  }
  return values;
}

/**
 * A date typed in the user's order (dd/mm/aaaa in Spanish), the same order as in lists and the history, with a calendar
 * button (the browser's own picker). read() gives YYYY-MM-DD or false; a date that is not one makes the field invalid.
 */
export function dateInput(value, { name } = {}) {
  const text = h('input', { name, type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder: datePlaceholder(), value: date(value),
    class: 'date-text', dataset: { kind: 'date' } });
  const picker = h('input', { type: 'date', tabindex: '-1', class: 'date-picker', value: value || '', 'aria-hidden': 'true', 'aria-label': t('Calendar') });
  const check = () => text.setCustomValidity(parseDate(text.value) === null ? t('Enter a date as {pattern}.', { pattern: datePlaceholder() }) : '');
  text.addEventListener('input', check);
  text.addEventListener('change', () => {
    check();
    const iso = parseDate(text.value);
    if (iso) { text.value = date(iso); picker.value = iso; }
  });
  picker.addEventListener('change', () => {
    text.value = date(picker.value); check();
    text.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const open = h('button', { type: 'button', class: 'icon calendar', 'aria-label': t('Calendar'), title: t('Calendar'), onclick: () => {
    picker.value = parseDate(text.value) || '';
    try { picker.showPicker(); } catch { picker.focus(); }
  } }, calendarIcon());
  text.read = () => parseDate(text.value) || false;
  text.set = (iso) => { text.value = date(iso); picker.value = iso || ''; check(); };
  text.widgetNode = h('div', { class: 'date-input' }, text, open, picker);
  return text;
}

/** Tags as coloured chips, each with its remove button, and a choice to add one (the labelled control). */
export function tagsInput(selected, options, colors = new Map(), { name, addLabel } = {}) {
  const chosen = [...selected];
  const chips = h('ul', { class: 'tag-chips', 'aria-live': 'polite' });
  const adder = h('select', { name, class: 'tag-adder' });
  const draw = () => {
    mount(chips, chosen.map((id) => {
      const label = options.find(([value]) => value === id)?.[1] || String(id);
      const color = TAG_COLORS[(colors.get(id) || 0) % TAG_COLORS.length];
      return h('li', { class: 'tag chip-tag', dataset: { id }, style: `border-color: ${color}; background: ${color}22` }, label,
        h('button', { type: 'button', class: 'link remove', 'aria-label': `${t('Remove')} ${label}`, onclick: () => {
          chosen.splice(chosen.indexOf(id), 1); draw(); adder.dispatchEvent(new Event('input', { bubbles: true })); adder.focus();
        } }, '×'));
    }));
    mount(adder, h('option', { value: '' }, addLabel || t('Add a tag…')),
      options.filter(([value]) => !chosen.includes(value)).map(([value, label]) => h('option', { value }, label)));
  };
  adder.addEventListener('change', () => {
    if (adder.value) { chosen.push(Number(adder.value)); draw(); adder.dispatchEvent(new Event('input', { bubbles: true })); adder.focus(); }
  });
  draw();
  adder.read = () => [...chosen];
  adder.set = (ids) => { chosen.splice(0, chosen.length, ...ids); draw(); };
  adder.widgetNode = h('div', { class: 'tags-input' }, chips, adder);
  return adder;
}

/** Priority as stars; the hidden input keeps the value. The label names the group of stars. */
function priorityInput(value, { name }) {
  const hidden = h('input', { name, type: 'hidden', value: value || '0' });
  const holder = h('span', { class: 'priority-field', role: 'group', tabindex: '-1' });
  const draw = () => mount(holder, stars(hidden.value, (next) => { hidden.value = next; draw(); }));
  draw();
  holder.read = () => hidden.value;
  holder.widgetNode = h('div', { class: 'inline' }, holder, hidden);
  return holder;
}

/** A palette of the tag colours (radio buttons with swatches); onChange(index). */
export function palette(current, onChange, { label }) {
  const group = h('div', { class: 'palette', role: 'radiogroup', 'aria-label': label });
  TAG_COLORS.forEach((color, index) => {
    group.append(h('button', { type: 'button', role: 'radio', class: 'swatch-button', 'aria-checked': String(index === (current || 0)),
      'aria-label': colorName(index), title: colorName(index), style: `background: ${color}`, onclick: () => {
        group.querySelectorAll('[role=radio]').forEach((b, i) => b.setAttribute('aria-checked', String(i === index)));
        onChange(index);
      } }));
  });
  return group;
}

function calendarIcon() {
  return h('svg', { viewBox: '0 0 24 24', width: 18, height: 18, 'aria-hidden': 'true' },
    h('path', { fill: 'currentColor', d: 'M7 2v2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2h-2V2h-2v2H9V2zM5 9h14v11H5zm2 2v2h2v-2zm4 0v2h2v-2zm4 0v2h2v-2zm-8 4v2h2v-2zm4 0v2h2v-2z' }));
}
