// Products (administrators): what quotations sell, edited in place (name, reference, prices, type, unit, category, taxes).
import { h, mount } from './dom.js';
import { t } from './i18n.js';
import { editor } from './editor.js';
import { fieldsOf, selectionOf } from './meta.js';

export async function render(view) {
  const fields = await fieldsOf('product.product');
  mount(view, h('div', { class: 'toolbar' }, h('a', { class: 'button', href: '#/config' }, '← ', t('Configuration')), h('h1', {}, t('Products')),
    h('a', { class: 'button', href: '#/pricelists' }, t('Pricelists'))));
  await editor(view, { id: 'products', title: 'Products', model: 'product.product', columns: [['name', 'Name', 'char'],
    ['default_code', 'Internal reference', 'char'], ['list_price', 'Sales price', 'monetary'], ['standard_price', 'Cost', 'monetary'],
    ['type', 'Product type', 'selection', selectionOf(fields, 'type')], ['uom_id', 'Unit of measure', 'm2o', 'uom.uom'],
    ['categ_id', 'Product category', 'm2o', 'product.category'], ['taxes_id', 'Customer taxes', 'm2m', 'account.tax'], ['sale_ok', 'Can be sold', 'boolean']] });
}
