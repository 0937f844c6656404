// A generic editable table for configuration records: each change is written at once.
import { h, mount, field, m2oId, select, attempt, toast, confirmAction } from './dom.js';
import * as rpc from './rpc.js';
import { t } from './i18n.js';
import { choices, forget } from './relations.js';
import { palette, dateInput, TAG_COLORS } from './fields.js';
import { numberInput } from './numbers.js';

const NUMBERS = new Set(['integer', 'float', 'monetary', 'percent']);

export { TAG_COLORS };

/**
 * columns: [name, label, kind, extra] with kind char | integer | float | monetary | percent (numbers: extra = { min, max }) |
 * boolean | m2o (extra = relation) | m2m (extra = relation) | selection (extra = [[value, label]]) | color | date.
 * inUse: [model, field] of the records that use these (archived ones included): a record still in use is
 * archived instead of deleted, after asking, so that those records keep it (lost reasons, activity types).
 */
export async function editor(container, { id, title, model, columns, domain = [], reorder = false, context = {}, create = null, addLabel = null,
  rowName = (row) => row.name || '', inUse = null }) {
  const section = h('section', { class: 'panel editor', id, 'aria-labelledby': `${id}-title` });
  container.append(section);
  const relations = Object.fromEntries(await Promise.all(columns.filter(([, , kind]) => kind === 'm2o' || kind === 'm2m')
    .map(async ([name, , , relation]) => [name, await choices(relation)])));
  const load = async () => {
    const rows = await rpc.searchRead(model, domain, columns.map(([name]) => name).concat(reorder ? ['sequence'] : []), { context });
    const body = h('tbody', {}, rows.map((row, index) => h('tr', { dataset: { id: row.id } },
      columns.map(([name, label, kind, extra]) => h('td', { dataset: { label: t(label) } }, control(row, name, label, kind, extra, relations[name]))),
      h('td', { class: 'row-actions' },
        reorder && h('button', { class: 'icon', 'aria-label': `${t('Move up')}: ${row.name}`, disabled: index === 0, onclick: () => swap(rows, index, index - 1) }, '↑'),
        reorder && h('button', { class: 'icon', 'aria-label': `${t('Move down')}: ${row.name}`, disabled: index === rows.length - 1, onclick: () => swap(rows, index, index + 1) }, '↓'),
        h('button', { class: 'icon danger', 'aria-label': `${t('Delete')}: ${rowName(row)}`, onclick: async () => {
          // Deleting asks first; a record still in use is archived instead, so that what uses it keeps it.
          const uses = inUse ? await attempt(() => rpc.call(inUse[0], 'search_count', [[[inUse[1], '=', row.id]]],
            { context: { active_test: false } })) : 0;
          if (uses === undefined) return;
          if (uses > 0) {
            const archive = await confirmAction(t('Archive'), t('{name} is in use ({count}): archive it instead? It will no longer be offered.',
              { name: rowName(row), count: uses }), { confirm: t('Archive'), cancel: t('Cancel') });
            if (archive && await attempt(() => rpc.call(model, 'action_archive', [[row.id]])) !== undefined) { forget(model); toast(t('Archived')); load(); }
            return;
          }
          const sure = await confirmAction(t('Delete'), t('Delete {name}? This cannot be undone.', { name: rowName(row) }),
            { confirm: t('Delete'), cancel: t('Cancel'), danger: true });
          if (sure && await attempt(() => rpc.call(model, 'unlink', [[row.id]])) !== undefined) { forget(model); toast(t('Deleted')); load(); }
        } }, '✕')))));
    const name = h('input', { name: 'name', required: !create });
    const add = h('form', { class: 'inline-form' }, !create && field(`${t('New')}: ${t(title)}`, name),
      h('button', { type: 'submit', class: create ? '' : 'primary' }, create ? `+ ${t(addLabel || 'Add')}` : t('Add')));
    add.addEventListener('submit', async (event) => {
      event.preventDefault();
      const values = create ? create() : { name: name.value };
      if (reorder) values.sequence = (rows.at(-1)?.sequence || 0) + 1;
      if (await attempt(() => rpc.create(model, values, context))) { forget(model); load(); }
    });
    mount(section, h('h2', { id: `${id}-title` }, t(title)),
      h('div', { class: 'scroll' }, h('table', { class: 'list stack editor-table' }, h('thead', {}, h('tr', {}, columns.map(([, label]) => h('th', { scope: 'col' }, t(label))), h('th', {}, ''))), body)), add);
  };
  const write = async (row, values) => {
    if (await attempt(() => rpc.write(model, [row.id], values)) === undefined) return false;
    forget(model); toast(t('Saved'));
    return true;
  };
  const swap = async (rows, a, b) => {
    const order = rows.map((r) => r.id);
    [order[a], order[b]] = [order[b], order[a]];
    await attempt(() => Promise.all(order.map((rowId, index) => rpc.write(model, [rowId], { sequence: index + 1 }))));
    load();
  };
  const control = (row, name, label, kind, extra, options) => {
    const aria = `${t(label)}: ${rowName(row)}`;
    let input;
    if (kind === 'boolean') {
      input = h('input', { type: 'checkbox', checked: row[name], 'aria-label': aria });
      input.onchange = () => write(row, { [name]: input.checked });
    } else if (kind === 'm2o' || kind === 'selection') {
      input = select(kind === 'm2o' ? options : extra.map(([v, l]) => [v, t(l)]), kind === 'm2o' ? m2oId(row[name]) : row[name], { empty: '—' });
      input.setAttribute('aria-label', aria);
      input.onchange = () => write(row, { [name]: kind === 'm2o' ? Number(input.value) || false : input.value || false });
    } else if (kind === 'm2m') {
      input = h('select', { multiple: true, 'aria-label': aria, size: 3 }, options.map(([v, l]) => h('option', { value: v, selected: (row[name] || []).includes(v) }, l)));
      input.onchange = () => write(row, { [name]: [[6, 0, [...input.selectedOptions].map((o) => Number(o.value))]] });
    } else if (kind === 'color') {
      // A palette of the tag colours, by name.
      return palette(row[name] || 0, (index) => write(row, { [name]: index }), { label: aria });
    } else if (kind === 'date') {
      input = dateInput(row[name], {});
      input.setAttribute('aria-label', aria);
      input.addEventListener('change', () => { if (input.checkValidity()) write(row, { [name]: input.read() }); });
      return input.widgetNode;
    } else if (NUMBERS.has(kind)) {
      // In the user's locale (numbers.js); what is not a number is said under it and not written.
      input = numberInput(row[name], { name, kind, min: extra?.min, max: extra?.max });
      input.setAttribute('aria-label', aria);
      input.addEventListener('change', () => {
        if (!input.checkValidity()) return;
        const value = input.read();
        if (value !== (row[name] || 0)) write(row, { [name]: value }).then((done) => { if (done) row[name] = value; });
      });
    } else {
      input = h('input', { type: 'text', value: row[name] === false ? '' : row[name] ?? '', 'aria-label': aria });
      input.onchange = () => write(row, { [name]: input.value || false });
    }
    return input;
  };
  await load();
}
