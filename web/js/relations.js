// Choices for many2one / many2many fields, fetched once per relation with name_search.
import * as rpc from './rpc.js';

const cache = new Map();

export function choices(model, domain = []) {
  const key = `${rpc.session.companyId}:${model}:${JSON.stringify(domain)}`;
  if (!cache.has(key)) cache.set(key, rpc.nameSearch(model, '', domain, 500).catch((error) => { cache.delete(key); throw error; }));
  return cache.get(key);
}

/** Forget every cached choice (each screen starts with fresh ones). */
export function clear() { cache.clear(); }

/** Forget cached choices (after creating a customer, a tag...). */
export function forget(model) {
  for (const key of cache.keys()) if (key.includes(`:${model}:`)) cache.delete(key);
}

/** Text of an HTML body as plain text (parsed inert: no script runs, nothing is inserted as HTML). */
export function htmlToText(html) {
  if (!html) return '';
  const parsed = new DOMParser().parseFromString(String(html), 'text/html');
  parsed.querySelectorAll('br').forEach((br) => br.replaceWith('\n'));
  parsed.querySelectorAll('p, div, li, tr').forEach((block) => block.append('\n'));
  return (parsed.body.textContent || '').trim();
}
