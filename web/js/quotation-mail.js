// "Send by email" on a quotation, through Odoo's composer (mail.compose.message): the e-mail the customer will get is shown
// (recipient, subject, body, and where the link to answer online goes), edited, then sent, or left unsent. The body is HTML
// the server built; it enters the page only rebuilt through safeFragment(): allowed elements and attributes, no scripts,
// no event handlers, links only to http(s) and mailto.
import { h, mount, dialog, field } from './dom.js';
import * as rpc from './rpc.js';
import { t } from './i18n.js';

const ELEMENTS = new Set(['p', 'br', 'div', 'span', 'strong', 'b', 'em', 'i', 'u', 's', 'small', 'sup', 'sub', 'blockquote', 'pre', 'code',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'hr', 'a', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'font']);
// Kept attributes (style is set through the CSSOM, allowed by the page's policy, and only without url()).
const ATTRIBUTES = new Set(['colspan', 'rowspan', 'border', 'cellpadding', 'cellspacing', 'align', 'valign', 'width', 'title', 'color']);
// Elements dropped with their content (what is not text for the reader).
const DROPPED = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript', 'svg', 'math', 'head', 'title', 'link', 'meta']);

/** The HTML parsed inert and rebuilt with allowed elements and attributes only (others give their text). */
export function safeFragment(html) {
  // Style attributes are renamed before parsing (the page's policy refuses them even in an inert document), then set through
  // the CSSOM, which the policy allows, so that the e-mail keeps its look.
  const text = String(html || '').replace(/(<[a-z][^<>]*?\s)style(\s*=)/gi, '$1data-mail-style$2');
  const parsed = new DOMParser().parseFromString(text, 'text/html');
  const copy = (node, into) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) { into.append(child.textContent); continue; }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const tag = child.tagName.toLowerCase();
      if (DROPPED.has(tag)) continue;
      if (!ELEMENTS.has(tag)) { copy(child, into); continue; }
      const element = document.createElement(tag);
      for (const { name, value } of child.attributes) {
        if (ATTRIBUTES.has(name)) element.setAttribute(name, value);
        else if (name === 'href' && tag === 'a' && /^(https?:|mailto:)/i.test(value.trim())) element.setAttribute('href', value.trim());
        else if (name === 'data-mail-style' && !/url\s*\(|expression\s*\(|@import/i.test(value)) element.style.cssText = value;
      }
      if (tag === 'a') element.setAttribute('rel', 'noopener noreferrer');
      copy(child, element);
      into.append(element);
    }
    return into;
  };
  return copy(parsed.body, document.createDocumentFragment());
}

/** Opens the composer for a quotation; resolves true once the e-mail was sent, false when cancelled. */
export async function sendQuotationMail(orderId) {
  const context = { default_model: 'sale.order', default_res_ids: [orderId] };
  const wizard = await rpc.create('mail.compose.message', {}, context);
  const [mail] = await rpc.read('mail.compose.message', [wizard], ['subject', 'body', 'partner_ids', 'link_note']);
  const partnerIds = Array.isArray(mail?.partner_ids) ? mail.partner_ids.map((p) => (Array.isArray(p) ? p[0] : p)) : [];
  const partners = partnerIds.length ? await rpc.read('res.partner', partnerIds, ['name', 'email']).catch(() => []) : [];
  const answer = await dialog(t('Send by email'), (close) => {
    const recipients = h('ul', { class: 'recipients', id: 'mail-recipients' }, partners.length
      ? partners.map((p) => h('li', {}, p.name, p.email ? h('span', { class: 'muted' }, ` <${p.email}>`) : h('span', { class: 'warning' }, ` (${t('no e-mail address')})`)))
      : h('li', { class: 'warning' }, t('The quotation has no customer to send it to.')));
    const subject = h('input', { name: 'subject', id: 'mail-subject', required: true, value: mail?.subject || '', autocomplete: 'off' });
    const body = h('div', { class: 'mail-body', id: 'mail-body', contenteditable: 'true', role: 'textbox', 'aria-multiline': 'true', spellcheck: 'true' });
    mount(body, safeFragment(mail?.body));
    const error = h('p', { class: 'error', role: 'alert', id: 'mail-error', hidden: true });
    const send = h('button', { type: 'submit', class: 'primary', id: 'mail-send' }, t('Send'));
    const form = h('form', { class: 'mail-composer', id: 'mail-composer', novalidate: true },
      h('div', { class: 'field' }, h('span', { class: 'label', id: 'mail-to-label' }, t('To')), recipients),
      field(t('Subject'), subject), field(t('Message'), body, { class: 'wide' }),
      mail?.link_note && h('p', { class: 'hint link-note', id: 'mail-link-note' }, mail.link_note),
      error,
      h('div', { class: 'buttons' }, h('button', { type: 'button', class: 'cancel', id: 'mail-cancel', onclick: () => close(false) }, t('Cancel')), send));
    recipients.setAttribute('aria-labelledby', 'mail-to-label');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.hidden = true;
      if (!subject.value.trim()) { error.textContent = `${t('Subject')}: ${t('This field is required.')}`; error.hidden = false; subject.focus(); return; }
      send.disabled = true;
      form.dataset.sending = '1';
      try {
        // The edited e-mail: read back from the editor (serialized by the browser, never written as HTML).
        const edited = await rpc.create('mail.compose.message', { subject: subject.value.trim(), body: body.innerHTML }, context);
        await rpc.call('mail.compose.message', 'action_send_mail', [[edited]], { context });
        close(true);
      } catch (failure) {
        error.textContent = failure.message;
        error.hidden = false;
        send.disabled = false;
        delete form.dataset.sending;
      }
    });
    return form;
  });
  return answer === true;
}
