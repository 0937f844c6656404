// Building DOM safely: text always goes through textContent / attributes, never innerHTML.
import { t } from './i18n.js';

/** h('div', {class: 'x', onclick: fn}, child, 'text', [more]) */
export function h(tag, attrs = {}, ...children) {
  const node = tag === 'svg' || SVG_TAGS.has(tag)
    ? document.createElementNS('http://www.w3.org/2000/svg', tag)
    : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'style') node.style.cssText = value; // through CSSOM: the CSP forbids style attributes
    else if (key === 'value' && 'value' in node && !(node instanceof SVGElement)) node.value = value;
    else if (key === 'checked' || key === 'selected' || key === 'disabled') node[key] = !!value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

const SVG_TAGS = new Set(['g', 'rect', 'line', 'text', 'path', 'circle', 'polyline', 'title']);

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function mount(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** Says something to screen readers. */
export function announce(text) {
  const region = document.getElementById('announcer');
  region.textContent = '';
  setTimeout(() => { region.textContent = text; }, 30);
}

let fieldCounter = 0;
/** A labelled form field: <label for=id>Label</label><input id=id ...>. */
export function field(label, control, extra = {}) {
  if (!control.id) control.id = `f${++fieldCounter}`;
  const hint = extra.hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, extra.hint) : null;
  if (hint) control.setAttribute('aria-describedby', hint.id);
  // A required field is marked before the user tries to save (the mark is the label's, read out as "required").
  const required = extra.required || control.required;
  const text = h('label', { for: control.id, id: `${control.id}-label` }, label,
    required && h('span', { class: 'required-mark', title: t('Required') }, ' *'));
  // A group of controls (stars) is named by the label instead.
  if (!['INPUT', 'SELECT', 'TEXTAREA'].includes(control.tagName)) control.setAttribute('aria-labelledby', text.id);
  return h('div', { class: `field ${required ? 'required' : ''} ${extra.class || ''}` }, text, control.widgetNode || control, hint);
}

/** Marks a field's control invalid with a message under it; an empty message clears the mark. */
export function markInvalid(control, message) {
  const box = control.closest('.field') || control.parentElement;
  const hint = box.querySelector('.hint');
  let note = box.querySelector('.field-error');
  if (!message) {
    control.removeAttribute('aria-invalid');
    box.classList.remove('invalid');
    note?.remove();
    if (hint) control.setAttribute('aria-describedby', hint.id); else control.removeAttribute('aria-describedby');
    return;
  }
  if (!note) {
    note = h('p', { class: 'field-error', id: `${control.id}-error` });
    (control.widgetNode && control.widgetNode.isConnected ? control.widgetNode : control).after(note);
  }
  note.textContent = message;
  box.classList.add('invalid');
  control.setAttribute('aria-invalid', 'true');
  control.setAttribute('aria-describedby', [note.id, hint?.id].filter(Boolean).join(' '));
}

/** The many2one value's name ([id, name] or false). */
export const m2oName = (value) => (Array.isArray(value) ? value[1] : '');
export const m2oId = (value) => (Array.isArray(value) ? value[0] : false);

/** A <select> of [id, name] pairs, with an empty choice unless required. */
export function select(options, current, { empty = '—', required = false, name } = {}) {
  const control = h('select', { name });
  if (!required) control.append(h('option', { value: '' }, empty));
  for (const [value, label] of options) {
    control.append(h('option', { value: String(value), selected: String(value) === String(current) }, label));
  }
  return control;
}

/** A modal dialog; resolves with the value given to close(), or null when cancelled. */
export function dialog(title, build) {
  return new Promise((resolve) => {
    const box = h('dialog', { class: 'modal', 'aria-label': title });
    const close = (value) => { box.close(); box.remove(); resolve(value); };
    box.addEventListener('cancel', (event) => { event.preventDefault(); close(null); });
    box.append(h('h2', {}, title), build(close));
    document.body.append(box);
    box.showModal();
    box.querySelector('input, select, textarea, button')?.focus();
  });
}

/** Asks to confirm an action; resolves true when confirmed. The safe choice comes first and has the focus. */
export async function confirmAction(title, text, { confirm, cancel, danger = false }) {
  const answer = await dialog(title, (close) => {
    const form = h('form', { class: 'confirm', id: 'confirm-form' }, h('p', {}, text), h('div', { class: 'buttons' },
      h('button', { type: 'button', class: 'cancel', onclick: () => close(false) }, cancel),
      h('button', { type: 'submit', class: danger ? 'primary danger' : 'primary' }, confirm)));
    form.addEventListener('submit', (event) => { event.preventDefault(); close(true); });
    return form;
  });
  return answer === true;
}

// Messages: in the page's flow under the top bar (they push the page down, never cover a button). Notices go away by
// themselves; errors stay until closed, until the user's next action (attempt) or until the user goes to another screen.
const NOTICE_TIME = 4000;

function messageRegion() {
  let region = document.getElementById('messages');
  if (!region) {
    region = h('div', { id: 'messages', class: 'messages' });
    document.getElementById('main').before(region);
  }
  return region;
}

/**
 * A message: kind 'info' (goes away after a few seconds) or 'error' (stays). { keep: true } keeps it across the
 * navigation its own action starts (a "Saved" shown just before opening the saved record). Returns the message's node.
 */
export function toast(text, kind = 'info', { keep = false } = {}) {
  const region = messageRegion();
  // The same kind replaces the previous one, and an error the notices before it ("Saved" from the last save stands
  // above no new error): messages never pile up.
  region.querySelectorAll(kind === 'error' ? '.toast' : `.toast.${kind}`).forEach((old) => old.remove());
  const box = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status', dataset: keep ? { keep: '1' } : {} },
    h('span', { class: 'text' }, text),
    h('button', { type: 'button', class: 'link close', 'aria-label': t('Close'), onclick: () => box.remove() }, '×'));
  region.append(box);
  if (kind !== 'error') setTimeout(() => box.remove(), NOTICE_TIME);
  else {
    const rect = region.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight) region.scrollIntoView({ block: 'nearest' });
  }
  return box;
}

/** Removes the messages (on navigation: those not kept for it; kept ones stay this once). */
export function clearMessages({ errorsOnly = false, navigation = false } = {}) {
  const region = document.getElementById('messages');
  if (!region) return;
  for (const box of region.querySelectorAll('.toast')) {
    if (errorsOnly && !box.classList.contains('error')) continue;
    if (navigation && box.dataset.keep) { delete box.dataset.keep; continue; }
    box.remove();
  }
}

/**
 * Runs an action, showing its error as a message; returns its result or undefined. With a form, an error about one of its
 * fields names the field by its label and marks it.
 */
export async function attempt(action, form = null) {
  clearMessages({ errorsOnly: true });
  if (form) clearMarks(form);
  try { return await action(); } catch (error) { showError(error, form); return undefined; }
}

/** The label of a form's control (the text the user sees). */
export function labelOf(control) {
  const label = control.labels?.[0] || control.closest('.field')?.querySelector('label');
  const text = label ? [...label.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('') : '';
  return (text || control.getAttribute('aria-label') || control.name || '').trim();
}

/** Removes the invalid marks of a form's controls. */
export function clearMarks(form) {
  form.querySelectorAll('[aria-invalid="true"]').forEach((control) => markInvalid(control, ''));
}

/** Marks the controls ([control, message]) and shows one error naming their labels; the first one gets the focus. */
export function showInvalid(problems) {
  for (const [control, message] of problems) {
    markInvalid(control, message);
    control.addEventListener('input', () => markInvalid(control, ''), { once: true });
  }
  toast(problems.length === 1 ? `${labelOf(problems[0][0])}: ${problems[0][1]}`
    : `${t('Check the marked fields:')} ${problems.map(([control]) => labelOf(control)).join(', ')}`, 'error');
  problems[0][0].focus();
}

/** Checks a form's controls (required, e-mail addresses, numbers) before sending it; false when one is not valid. */
export function validate(form) {
  clearMarks(form);
  const problems = [];
  for (const control of form.querySelectorAll('input, select, textarea')) {
    if (control.disabled || control.type === 'hidden' || control.checkValidity()) continue;
    const state = control.validity;
    problems.push([control, state.valueMissing ? t('This field is required.')
      : state.typeMismatch && control.type === 'email' ? t('Enter a valid e-mail address.')
        : state.badInput || state.stepMismatch || state.rangeUnderflow || state.rangeOverflow ? t('Enter a valid number.')
          : control.validationMessage]);
  }
  if (problems.length) showInvalid(problems);
  return !problems.length;
}

// The server names a field by its technical name: "Field Opportunity (name) is required", "A required field is missing: name".
const REQUIRED = [/^Field .* \((\w+)\) is required/, /^A required field is missing: (\w+)/];

function showError(error, form) {
  const message = error?.message || String(error);
  if (form) {
    for (const pattern of REQUIRED) {
      const name = message.match(pattern)?.[1];
      const control = name && form.querySelector(`[name="${name}"]`);
      if (control) { showInvalid([[control, t('This field is required.')]]); return; }
    }
    // Another error about a field: its technical name in the message becomes its label, and the field is marked.
    for (const control of form.querySelectorAll('[name]')) {
      const pattern = new RegExp(`(\\(${control.name}\\)|\\b${control.name}\\b)`);
      if (control.name.includes('_') && pattern.test(message)) {
        markInvalid(control, message.replace(pattern, labelOf(control)));
        control.addEventListener('input', () => markInvalid(control, ''), { once: true });
        toast(`${labelOf(control)}: ${message.replace(pattern, labelOf(control))}`, 'error');
        return;
      }
    }
  }
  toast(message, 'error');
}
