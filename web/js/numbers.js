// Numbers the user types: amounts, quantities, percentages. One control for all of them, in the user's locale — shown
// grouped with their decimals when not being edited (1,234.50; 1.234,50 in Spain), a plain number while focused (1234.5),
// read back from what the user typed in their locale ("1234.5" and "1,234.50" alike in en-US and es-MX), refused with a
// message under the field when it is not a number. read() gives a number, never NaN nor text.
import { h, markInvalid } from './dom.js';
import { t, locale, currencyCode, currencyDigits } from './i18n.js';

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The decimal and grouping separators of a locale: '.' and ',' in en-US and es-MX, ',' and '.' in es-ES. */
export function separators(loc = locale()) {
  const parts = new Intl.NumberFormat(loc, { useGrouping: 'always' }).formatToParts(12345.6);
  return { decimal: parts.find((p) => p.type === 'decimal')?.value || '.', group: parts.find((p) => p.type === 'group')?.value || ',' };
}

/** The decimals a value needs to be shown whole, at least `digits` and at most 6 (a price of 0.125 is not shown 0.13). */
function decimalsOf(value, digits) {
  let places = digits;
  while (places < 6 && Math.abs(Math.round(value * 10 ** places) / 10 ** places - value) > 1e-9) places += 1;
  return places;
}

/** A number as shown when not being edited: grouped thousands and `digits` decimals (more when the value has them). */
export function formatNumber(value, { digits = 2, loc = locale() } = {}) {
  const places = decimalsOf(Number(value), digits);
  return new Intl.NumberFormat(loc, { useGrouping: 'always', minimumFractionDigits: digits, maximumFractionDigits: places }).format(Number(value));
}

/** A number as edited: no grouping, the locale's decimal separator ("1234.5"; "1234,5" in Spain). */
export function plainNumber(value, { loc = locale() } = {}) {
  return new Intl.NumberFormat(loc, { useGrouping: false, maximumFractionDigits: 10 }).format(Number(value));
}

/**
 * What the user typed, read in their locale: { value } (a finite number, or null when empty) or { error }. The locale's
 * grouping is accepted where it belongs only ("1,234.5" but not "1,23.5"), spaces may group too, the currency's sign or
 * a percent sign around the number are ignored. error: 'format' (not a number) or 'integer' (has decimals).
 */
export function parseNumber(text, { loc = locale(), integer = false } = {}) {
  const { decimal, group } = separators(loc);
  let rest = String(text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  if (!rest) return { value: null };
  let negative = false;
  const sign = () => {
    const found = rest.match(/^([-+\u2212])\s*/);
    if (found) { negative = found[1] !== '+'; rest = rest.slice(found[0].length); }
  };
  sign();
  rest = rest.replace(/^[$€]\s*/, '').replace(new RegExp(`\\s*(?:[$€%]|${escape(currencyCode())})$`, 'i'), '');
  if (!negative) sign();
  // Spaces between digits are a grouping too (1 234,5): read as the locale's.
  rest = rest.replace(/(\d) (?=\d)/g, `$1${group}`);
  const d = escape(decimal), g = escape(group);
  const plain = new RegExp(`^(?:\\d+(?:${d}\\d*)?|${d}\\d+)$`);
  const grouped = new RegExp(`^\\d{1,3}(?:${g}\\d{3})+(?:${d}\\d*)?$`);
  if (!plain.test(rest) && !grouped.test(rest)) return { error: 'format' };
  const value = Number(rest.split(group).join('').replace(decimal, '.')) * (negative ? -1 : 1);
  if (!Number.isFinite(value)) return { error: 'format' };
  if (integer && !Number.isInteger(value)) return { error: 'integer' };
  return { value: Object.is(value, -0) ? 0 : value };
}

/**
 * The text input of a number. kind: float | integer | monetary (the currency's decimals) | percent; digits overrides the
 * decimals shown; min / max bound it; empty is what read() gives for an empty field (0 unless told). unit: text shown
 * after it (the currency, %). The control has read() (a number; it throws on text that is not one: check validity first),
 * set(value), isEmpty(), and widgetNode when it has a unit.
 */
export function numberInput(value, { name, kind = 'float', digits, min, max, empty = 0, unit, required = false } = {}) {
  const integer = kind === 'integer';
  const places = digits ?? (integer ? 0 : kind === 'monetary' ? currencyDigits() : 2);
  const control = h('input', { name, type: 'text', inputmode: integer ? 'numeric' : 'decimal', autocomplete: 'off', spellcheck: 'false',
    class: 'number-input', dataset: { kind: 'number' } });
  let current = value === '' || value === null || value === undefined || value === false || !Number.isFinite(Number(value)) ? null : Number(value);
  const show = () => { control.value = current === null ? '' : formatNumber(current, { digits: places }); };
  const problem = (parsed) => {
    if (parsed.error === 'integer') return t('Enter a whole number, for example {example}.', { example: formatNumber(12, { digits: 0 }) });
    if (parsed.error) return t('Enter a number, for example {example}.', { example: formatNumber(integer ? 1234 : 1234.56, { digits: integer ? 0 : 2 }) });
    if (parsed.value === null) return required ? t('This field is required.') : '';
    const low = min !== undefined && parsed.value < min, high = max !== undefined && parsed.value > max;
    if ((low || high) && min !== undefined && max !== undefined) {
      return t('Enter a number from {min} to {max}.', { min: formatNumber(min, { digits: 0 }), max: formatNumber(max, { digits: 0 }) });
    }
    if (low) return t('Enter a number of at least {min}.', { min: formatNumber(min, { digits: 0 }) });
    if (high) return t('Enter a number of at most {max}.', { max: formatNumber(max, { digits: 0 }) });
    return '';
  };
  /** Checks the text: its message is the control's validity (what validate() and checkValidity() see); the parsed value. */
  const check = () => {
    const parsed = parseNumber(control.value, { integer });
    const message = problem(parsed);
    control.setCustomValidity(message);
    return { ...parsed, message };
  };
  // Editing shows the plain number; leaving shows it grouped again, or says what is wrong under the field.
  control.addEventListener('focus', () => {
    const parsed = parseNumber(control.value, { integer });
    if (!parsed.error) control.value = parsed.value === null ? '' : plainNumber(parsed.value);
  });
  control.addEventListener('input', () => {
    if (!check().message && control.getAttribute('aria-invalid') === 'true') markInvalid(control, '');
  });
  const settle = () => {
    const parsed = check();
    if (parsed.message) { markInvalid(control, parsed.message); return; }
    if (control.getAttribute('aria-invalid') === 'true') markInvalid(control, '');
    current = parsed.value;
    if (document.activeElement !== control) show();
  };
  control.addEventListener('change', settle);
  control.addEventListener('blur', settle);
  control.read = () => {
    const parsed = check();
    if (parsed.error) throw new Error(parsed.message);
    return parsed.value === null ? empty : parsed.value;
  };
  control.set = (next) => {
    current = next === '' || next === null || next === undefined || next === false || !Number.isFinite(Number(next)) ? null : Number(next);
    if (document.activeElement === control) control.value = current === null ? '' : plainNumber(current); else show();
    check();
    if (control.getAttribute('aria-invalid') === 'true') markInvalid(control, '');
  };
  control.isEmpty = () => !control.value.trim();
  if (unit) control.widgetNode = h('div', { class: 'with-unit' }, control, h('span', { class: 'unit', 'aria-hidden': 'true' }, unit));
  show();
  check();
  return control;
}
