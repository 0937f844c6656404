// The files attached to a lead or a quotation (ir.attachment): listed with their size, date and who added them, downloaded
// from their base64 content, added from a file (at most 10 MB, refused before sending), deleted after asking (the server lets
// only who added a file, or an administrator, delete it).
import { h, mount, attempt, toast, confirmAction, clearMessages } from './dom.js';
import * as rpc from './rpc.js';
import { t, dateTime, locale } from './i18n.js';

export const MAX_BYTES = 10 * 1024 * 1024;
const FIELDS = ['name', 'mimetype', 'file_size', 'create_date', 'create_uid'];

/** A size as people read it, in the user's locale: "512 bytes", "1.5 KB", "2.3 MB" ("2,3 MB" in Spain). */
export function fileSize(bytes) {
  const value = Number(bytes) || 0;
  const format = (n, digits) => new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(n);
  if (value < 1024) return t('{n} bytes', { n: format(value, 0) });
  if (value < 1024 * 1024) return `${format(value / 1024, 1)} KB`;
  return `${format(value / 1024 / 1024, 1)} MB`;
}

/** The file's content as base64, without the "data:…;base64," prefix FileReader gives. */
function base64Of(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error || new Error(t('The file could not be read.')));
    reader.readAsDataURL(file);
  });
}

/** Downloads an attachment: its content read from the server, given to the browser as a Blob under its name. */
async function download(row) {
  const [found] = await rpc.read('ir.attachment', [row.id], ['datas', 'name', 'mimetype']);
  if (!found) throw new Error(t('Not found'));
  const bytes = Uint8Array.from(atob(found.datas || ''), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: found.mimetype || 'application/octet-stream' }));
  const link = h('a', { href: url, download: found.name || row.name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** The panel of a document's attachments (model, id), filled at once. */
export function attachmentsPanel(model, id) {
  const list = h('ul', { class: 'attachments', id: 'attachments' });
  const picker = h('input', { type: 'file', id: 'attach-file', name: 'attach-file', class: 'sr-only' });
  const button = h('label', { for: 'attach-file', class: 'button attach', id: 'attach-button' }, '+ ', t('Attach a file'));
  const panel = h('section', { class: 'panel attachments-panel', 'aria-labelledby': 'attachments-title' },
    h('div', { class: 'panel-head' }, h('h2', { id: 'attachments-title' }, t('Attachments')), picker, button), list);
  // Keyboard users reach the (visually hidden) input: its focus is shown on the button.
  picker.addEventListener('focus', () => button.classList.add('focused'));
  picker.addEventListener('blur', () => button.classList.remove('focused'));

  const load = async () => {
    const rows = await rpc.searchRead('ir.attachment', [['res_model', '=', model], ['res_id', '=', id]], FIELDS, { order: 'id desc' });
    mount(list, rows.length ? rows.map(item) : h('li', { class: 'muted empty' }, t('No attachments yet.')));
    panel.dataset.count = String(rows.length);
  };
  const item = (row) => h('li', { dataset: { id: row.id } },
    h('button', { type: 'button', class: 'link file-name', title: t('Download'),
      onclick: () => attempt(() => download(row)) }, row.name),
    h('span', { class: 'muted file-meta' }, [fileSize(row.file_size), dateTime(row.create_date), Array.isArray(row.create_uid) ? row.create_uid[1] : '']
      .filter(Boolean).join(' · ')),
    h('button', { type: 'button', class: 'link delete', 'aria-label': `${t('Delete')} ${row.name}`, title: t('Delete'),
      onclick: () => remove(row) }, '✕'));
  const remove = async (row) => {
    const sure = await confirmAction(t('Delete the file?'), t('"{name}" will be deleted from this document.', { name: row.name }),
      { confirm: t('Delete'), cancel: t('Cancel'), danger: true });
    if (!sure) return;
    clearMessages({ errorsOnly: true });
    let refused = null;
    try { await rpc.call('ir.attachment', 'unlink', [[row.id]]); } catch (error) { refused = error; }
    if (refused) {
      toast(/access|denied|allowed|permission/i.test(`${refused.kind} ${refused.message}`)
        ? t('Only who added this file, or an administrator, can delete it.') : `${t('The file could not be deleted:')} ${refused.message}`, 'error');
      return;
    }
    toast(t('File deleted.'));
    await load();
  };
  picker.addEventListener('change', async () => {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file) return;
    if (file.size > MAX_BYTES) {
      toast(t('"{name}" is {size}: files of more than 10 MB cannot be attached.', { name: file.name, size: fileSize(file.size) }), 'error');
      return;
    }
    panel.dataset.busy = '1';
    const created = await attempt(async () => rpc.create('ir.attachment', { name: file.name, mimetype: file.type || 'application/octet-stream',
      res_model: model, res_id: id, datas: await base64Of(file) }));
    delete panel.dataset.busy;
    if (created === undefined) return;
    toast(t('File attached.'));
    await load();
  });
  panel.load = load;
  load().catch((error) => mount(list, h('li', { class: 'error' }, error.message)));
  return panel;
}
