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
  return h('div', { class: `field ${extra.class || ''}` }, h('label', { for: control.id }, label), control);
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
