// Pricelists (administrators): the lists, and the rules of the chosen one (fixed price, percentage or formula; for a
// product, a category or everything; from a minimum quantity; between dates).
import { h, mount, field, select } from './dom.js';
import * as rpc from './rpc.js';
import { t, number } from './i18n.js';
import { editor } from './editor.js';
import { fieldsOf, selectionOf, valueLabel } from './meta.js';

export async function render(view) {
  const fields = await fieldsOf('product.pricelist.item');
  const rules = h('div', { id: 'pricelist-rules' });
  mount(view, h('div', { class: 'toolbar' }, h('a', { class: 'button', href: '#/config' }, '← ', t('Configuration')), h('h1', {}, t('Pricelists')),
    h('a', { class: 'button', href: '#/products' }, t('Products'))));
  await editor(view, { id: 'pricelists', title: 'Pricelists', model: 'product.pricelist', reorder: true,
    columns: [['name', 'Name', 'char'], ['currency_id', 'Currency', 'm2o', 'res.currency']] });
  const lists = await rpc.searchRead('product.pricelist', [], ['name']);
  if (!lists.length) return;
  const chosen = Number(sessionStorage.getItem('embudo.pricelist')) || lists[0].id;
  const choice = select(lists.map((l) => [l.id, l.name]), chosen, { required: true, name: 'pricelist' });
  view.append(h('section', { class: 'panel' }, h('h2', {}, t('Price rules')), field(t('Pricelist'), choice), rules));
  const show = async () => {
    const id = Number(choice.value);
    sessionStorage.setItem('embudo.pricelist', String(id));
    mount(rules);
    await editor(rules, { id: 'rules', title: 'Price rules', model: 'product.pricelist.item', domain: [['pricelist_id', '=', id]],
      create: () => ({ pricelist_id: id, applied_on: '3_global', compute_price: 'fixed', fixed_price: 0 }), addLabel: 'Add a rule',
      rowName: (row) => `${valueLabel(fields, 'applied_on', row.applied_on)} ${row.min_quantity ? `≥ ${number(row.min_quantity)}` : ''}`.trim(),
      columns: [['applied_on', 'Apply on', 'selection', selectionOf(fields, 'applied_on')], ['product_id', 'Product', 'm2o', 'product.product'],
        ['categ_id', 'Product category', 'm2o', 'product.category'], ['min_quantity', 'Min. quantity', 'float', { min: 0 }],
        ['compute_price', 'Price', 'selection', selectionOf(fields, 'compute_price')], ['fixed_price', 'Fixed price', 'monetary'],
        ['percent_price', 'Discount (%)', 'percent'], ['date_start', 'Start date', 'date'], ['date_end', 'End date', 'date']] });
  };
  choice.addEventListener('change', show);
  await show();
}
