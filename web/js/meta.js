// What the server says about its models (fields_get), asked once per model: field labels and selections in the user's
// language (the server's English labels are the keys of i18n.js), so screens need not re-declare them.
import * as rpc from './rpc.js';
import { t } from './i18n.js';

const cache = new Map();

/** The fields of a model: { name: { type, string, selection, relation, required, readonly } }. */
export function fieldsOf(model) {
  if (!cache.has(model)) cache.set(model, rpc.call(model, 'fields_get', [], { attributes: ['type', 'string', 'selection', 'relation', 'required', 'readonly'] })
    .catch((error) => { cache.delete(model); throw error; }));
  return cache.get(model);
}

/** The label of a field, in the user's language. */
export function labelOf(fields, name) {
  return t(fields?.[name]?.string || name.replace(/_id$|_ids$/, '').replaceAll('_', ' '));
}

/** The words for a selection's value ("planned" → "Planned"), or for a boolean (Yes / No); never the stored key. */
export function valueLabel(fields, name, value) {
  const field = fields?.[name];
  if (value === false || value === null || value === undefined || value === '') return field?.type === 'boolean' ? t('No') : t('Not set');
  if (field?.type === 'boolean' || value === true) return value ? t('Yes') : t('No');
  const found = (field?.selection || []).find(([key]) => String(key) === String(value));
  return found ? t(found[1]) : String(value);
}

/** The [value, label] pairs of a selection field, labels in the user's language. */
export function selectionOf(fields, name) {
  return (fields?.[name]?.selection || []).map(([key, label]) => [key, t(String(label).trim())]);
}
