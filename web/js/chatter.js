// The history of a document (mail.message with its tracked changes) and the box to add to it: a note for the team or a
// message e-mailed to the customer (message_post with Odoo's subtypes).
import { h, mount, field, m2oId, m2oName, attempt, toast } from './dom.js';
import * as rpc from './rpc.js';
import { t, money, date, dateTime, number } from './i18n.js';
import { htmlToText } from './relations.js';

/** The composer: "Log note" (internal) or "Send message" (to the customer); onPosted() after posting. */
export function composer(model, id, onPosted) {
  let mode = 'note';
  const body = h('textarea', { name: 'chatter_body', rows: 3, required: true });
  const note = h('button', { type: 'button', role: 'tab', id: 'log-note' }, t('Log note'));
  const message = h('button', { type: 'button', role: 'tab', id: 'send-message' }, t('Send message'));
  const label = h('span', {});
  const hint = h('p', { class: 'hint' });
  const send = h('button', { type: 'submit', class: 'primary', id: 'post' });
  const draw = () => {
    note.setAttribute('aria-selected', String(mode === 'note'));
    message.setAttribute('aria-selected', String(mode === 'message'));
    label.textContent = mode === 'note' ? t('Note') : t('Message');
    hint.textContent = mode === 'note' ? t('Only your team sees notes.') : t('The customer receives this message by e-mail.');
    send.textContent = mode === 'note' ? t('Log') : t('Send');
  };
  note.onclick = () => { mode = 'note'; draw(); body.focus(); };
  message.onclick = () => { mode = 'message'; draw(); body.focus(); };
  const box = field(label, body);
  box.append(hint);
  const form = h('form', { class: 'composer', id: 'composer', novalidate: true }, h('div', { class: 'tabs', role: 'tablist' }, note, message), box,
    h('div', { class: 'buttons' }, send));
  draw();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = body.value.trim();
    if (!text) { body.focus(); return; }
    const html = `<p>${text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\n', '<br>')}</p>`;
    const done = await attempt(() => rpc.call(model, 'message_post', [[id]], { body: html, message_type: 'comment',
      subtype_xmlid: mode === 'note' ? 'mail.mt_note' : 'mail.mt_comment' }));
    if (done === undefined) return;
    body.value = '';
    toast(mode === 'note' ? t('Note logged.') : t('Message sent.'));
    onPosted?.();
  });
  return form;
}

/** The history, newest first: author, date and time, kind, text and the changes with their old and new values. */
export async function loadHistory(id, model = 'crm.lead') {
  const list = document.getElementById('history');
  if (!list) return;
  const messages = await rpc.searchRead('mail.message', [['model', '=', model], ['res_id', '=', id]],
    ['date', 'author_id', 'body', 'subtype_id', 'subject'], { order: 'id desc', limit: 100 });
  const tracking = messages.length ? await rpc.searchRead('mail.tracking.value', [['mail_message_id', 'in', messages.map((m) => m.id)]],
    ['mail_message_id', 'field_desc', 'field_type', 'old_value_char', 'new_value_char', 'old_value_float', 'new_value_float',
      'old_value_monetary', 'new_value_monetary', 'old_value_integer', 'new_value_integer', 'old_value_datetime', 'new_value_datetime']) : [];
  const byMessage = new Map();
  for (const value of tracking) {
    const key = m2oId(value.mail_message_id);
    byMessage.set(key, [...(byMessage.get(key) || []), value]);
  }
  mount(list, messages.map((message) => h('li', {},
    h('div', { class: 'meta' }, h('strong', {}, m2oName(message.author_id)), ' · ',
      h('time', { datetime: message.date }, dateTime(message.date)), message.subtype_id ? ` · ${t(m2oName(message.subtype_id))}` : ''),
    message.body && h('p', { class: 'body' }, htmlToText(message.body)),
    (byMessage.get(message.id) || []).length ? h('ul', { class: 'tracking' }, byMessage.get(message.id).map((v) =>
      h('li', {}, `${t(v.field_desc)}: `, shown(v, 'old'), ' → ', shown(v, 'new')))) : null)));
}

/** A tracked value as the user reads it: amounts with their currency, dates in their order, words not keys. */
function shown(value, side) {
  const type = value.field_type;
  if (type === 'monetary') return money(value[`${side}_value_monetary`]);
  if (type === 'float') return number(value[`${side}_value_float`]);
  if (type === 'integer') return number(value[`${side}_value_integer`], { digits: 0 });
  if (type === 'date') return date(value[`${side}_value_datetime`]) || '—';
  if (type === 'datetime') return dateTime(value[`${side}_value_datetime`]) || '—';
  if (type === 'boolean') return value[`${side}_value_integer`] ? t('Yes') : t('No');
  const text = value[`${side}_value_char`];
  return text ? t(text) : '—';
}
