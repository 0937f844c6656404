// Building DOM safely: text always goes through textContent / attributes, never innerHTML.

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
  return h('div', { class: `field ${extra.class || ''}` }, h('label', { for: control.id }, label), control, hint);
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
    control.after(note);
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

/** A short message at the bottom of the screen (errors stay until closed). */
export function toast(text, kind = 'info') {
  const box = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text,
    h('button', { class: 'link', 'aria-label': 'Close', onclick: () => box.remove() }, '×'));
  document.body.append(box);
  if (kind !== 'error') setTimeout(() => box.remove(), 3000);
}

/** Runs an action, showing its error as a toast; returns its result or undefined. */
export async function attempt(action) {
  try { return await action(); } catch (error) { toast(error.message, 'error'); return undefined; }
}
