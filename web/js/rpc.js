// The public JSON-RPC API, as Odoo's web client calls it: /web/session/* and /web/dataset/call_kw.
import { t } from './i18n.js';

/** A fault answered by the server (error.data.name is Odoo's exception class). */
export class RPCError extends Error {
  constructor(error) {
    super(error?.data?.message || error?.message || 'Error');
    this.name = 'RPCError';
    this.kind = error?.data?.name || '';
    this.code = error?.code;
  }
  get sessionExpired() { return this.code === 100 || this.kind.endsWith('SessionExpiredException'); }
}

let requestId = 0;
const listeners = new Set();

/** Called with every RPCError (the app logs out on an expired session). */
export function onError(listener) { listeners.add(listener); }

/** The request's body; a number that is not one (NaN, Infinity, which JSON would send as null) is refused, never sent. */
function body(params) {
  return JSON.stringify({ jsonrpc: '2.0', method: 'call', params, id: ++requestId }, (key, value) => {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(t('{name} is not a number.', { name: key }));
    return value;
  });
}

export async function post(path, params) {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: body(params),
  });
  const answer = await response.json();
  if (answer.error) {
    const error = new RPCError(answer.error);
    listeners.forEach((listener) => listener(error));
    throw error;
  }
  return answer.result;
}

/** The session: info from the server plus the company the user works in. */
export const session = { info: null, companyId: null };

export function context(extra = {}) {
  const info = session.info;
  return {
    lang: info?.user_context?.lang || 'en_US',
    tz: info?.user_context?.tz || 'UTC',
    uid: info?.uid,
    allowed_company_ids: session.companyId ? [session.companyId] : [],
    ...extra,
  };
}

/** model.method(*args, **kwargs) with the session's context merged in kwargs.context. */
export function call(model, method, args = [], kwargs = {}) {
  const merged = { ...kwargs, context: context(kwargs.context || {}) };
  return post(`/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs: merged });
}

export const searchRead = (model, domain, fields, extra = {}) => call(model, 'search_read', [domain, fields], extra);
export const read = (model, ids, fields) => call(model, 'read', [ids, fields]);
export const write = (model, ids, values) => call(model, 'write', [ids, values]);
export const create = (model, values, context = {}) => call(model, 'create', [values], { context });
export const nameSearch = (model, name = '', domain = [], limit = 200) => call(model, 'name_search', [], { name, args: domain, limit });

export async function authenticate(db, login, password) {
  session.info = await post('/web/session/authenticate', { db, login, password });
  return session.info;
}

export async function restore() {
  try {
    session.info = await post('/web/session/get_session_info', {});
  } catch (error) {
    if (error instanceof RPCError && error.sessionExpired) session.info = null;
    else throw error;
  }
  return session.info;
}

export async function logout() {
  await post('/web/session/destroy', {}).catch(() => {});
  session.info = null;
  session.companyId = null;
}

/** The databases (one in Embudo). */
export async function databases() {
  try {
    const response = await fetch('/jsonrpc', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', params: { service: 'db', method: 'list', args: [] }, id: 0 }),
    });
    return (await response.json()).result || [];
  } catch { return []; }
}
