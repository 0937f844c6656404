// The lead / opportunity form: every field, convert, won, lost, restore, activities and the history.
import { h, mount, field, m2oId, m2oName, select, dialog, toast, attempt, validate } from './dom.js';
import * as rpc from './rpc.js';
import { t, money, date } from './i18n.js';
import { choices, forget, htmlToText } from './relations.js';
import { stars, clock } from './widgets.js';
import { scheduleActivity, activityItem } from './activities.js';

// [name, label, kind, relation]; kinds: char, text, number, date, m2o, m2m, priority, email
const SECTIONS = [
  [null, [['name', 'Opportunity', 'char'], ['expected_revenue', 'Expected revenue', 'number'], ['probability', 'Probability', 'number'],
    ['partner_id', 'Customer', 'm2o', 'res.partner'], ['email_from', 'Email', 'email'], ['phone', 'Phone', 'char'],
    ['user_id', 'Salesperson', 'm2o', 'res.users'], ['team_id', 'Team', 'm2o', 'crm.team'], ['stage_id', 'Stage', 'm2o', 'crm.stage'],
    ['date_deadline', 'Expected closing', 'date'], ['priority', 'Priority', 'priority'], ['tag_ids', 'Tags', 'm2m', 'crm.tag']]],
  ['Contact', [['partner_name', 'Company name', 'char'], ['contact_name', 'Contact name', 'char'], ['title', 'Title', 'm2o', 'res.partner.title'],
    ['function', 'Job position', 'char'], ['mobile', 'Mobile', 'char'], ['website', 'Website', 'char'], ['lang_id', 'Language', 'm2o', 'res.lang'],
    ['email_cc', 'Email cc', 'char']]],
  ['Address', [['street', 'Street', 'char'], ['street2', 'Street 2', 'char'], ['zip', 'Zip', 'char'], ['city', 'City', 'char'],
    ['state_id', 'State', 'm2o', 'res.country.state'], ['country_id', 'Country', 'm2o', 'res.country']]],
  ['Marketing', [['campaign_id', 'Campaign', 'm2o', 'utm.campaign'], ['medium_id', 'Medium', 'm2o', 'utm.medium'],
    ['source_id', 'Source', 'm2o', 'utm.source'], ['referred', 'Referred by', 'char'], ['color', 'Color', 'number']]],
  ['Notes', [['description', 'Notes', 'text']]],
];
const FIELDS = SECTIONS.flatMap(([, fields]) => fields);
const EXTRA = ['type', 'active', 'lost_reason', 'activity_state', 'activity_summary', 'activity_date_deadline', 'probability', 'company_id'];

export async function render(view, { params }) {
  const id = params[0] === 'new' ? null : Number(params[0]);
  const names = [...new Set([...FIELDS.map(([name]) => name), ...EXTRA])];
  let record = { type: 'opportunity', active: true, priority: '0', tag_ids: [] };
  if (id) {
    const found = await rpc.call('crm.lead', 'read', [[id], names], { context: { active_test: false } });
    if (!found.length) { mount(view, h('p', {}, t('Not found'))); return; }
    record = found[0];
  } else if (new URLSearchParams(location.hash.split('?')[1] || '').get('type') === 'lead') record.type = 'lead';
  const relations = Object.fromEntries(await Promise.all(FIELDS.filter(([, , kind]) => kind === 'm2o' || kind === 'm2m')
    .map(async ([name, , , relation]) => [name, await choices(relation)])));
  const controls = new Map();
  // The browser's own bubbles are replaced by messages in the user's language, naming the field (validate()).
  const form = h('form', { class: 'record-form', id: 'lead-form', 'aria-label': record.name || t('New'), novalidate: true });
  for (const [title, fields] of SECTIONS) {
    const group = h('fieldset', {}, title && h('legend', {}, t(title)));
    for (const [name, label, kind] of fields) {
      const control = makeControl(kind, record[name], relations[name], name);
      if (name === 'name') control.required = true;
      controls.set(name, [kind, control]);
      group.append(field(t(label), control.input || control, { class: kind === 'text' ? 'wide' : '' }));
    }
    form.append(group);
  }
  form.append(h('div', { class: 'buttons' }, h('button', { class: 'primary', type: 'submit', id: 'save' }, t('Save'))));
  // What the user typed is theirs: the customer fills only the fields left empty.
  form.addEventListener('input', (event) => { if (event.target.name) event.target.dataset.typed = '1'; });
  controls.get('partner_id')[1].addEventListener('change', (event) => fillFromCustomer(controls, relations, Number(event.target.value)));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!validate(form)) return;
    const values = collect(controls, record);
    if (!id) {
      values.type = record.type;
      const created = await attempt(() => rpc.create('crm.lead', values), form);
      if (created) { toast(t('Saved'), 'info', { keep: true }); location.hash = `#/lead/${created}`; }
    } else if (Object.keys(values).length) {
      if (await attempt(() => save(id, names, values, controls), form) !== undefined) { toast(t('Saved')); rerender(view, params); }
    } else toast(t('Saved'));
  });

  const kind = record.type === 'lead' ? t('Lead') : t('Opportunity');
  const status = !record.active ? h('span', { class: 'pill lost' }, record.lost_reason ? `${t('Lost')}: ${m2oName(record.lost_reason)}` : t('Archived'))
    : record.probability === 100 ? h('span', { class: 'pill won' }, t('Won')) : null;
  const actions = h('div', { class: 'actions' }, h('button', { type: 'submit', form: 'lead-form', class: 'primary' }, t('Save')),
    id && record.type === 'lead' && record.active && h('button', { id: 'convert', onclick: () => convert(view, params, record) }, t('Convert to opportunity')),
    id && record.active && record.probability !== 100 && h('button', { id: 'mark-won', class: 'won', onclick: () => won(view, params, id) }, t('Mark won')),
    id && record.active && h('button', { id: 'mark-lost', onclick: () => lost(view, params, id) }, t('Mark lost')),
    id && !record.active && h('button', { id: 'restore', onclick: () => restore(view, params, id) }, t('Restore')),
    id && h('button', { id: 'schedule', onclick: async () => { if (await scheduleActivity('crm.lead', id)) rerender(view, params); } }, t('Schedule activity')),
    id && record.type === 'opportunity' && h('button', { id: 'new-quotation', onclick: () => newQuotation(id) }, `${t('New')} ${t('Quotation')}`));

  mount(view,
    h('div', { class: 'toolbar' }, h('a', { href: '#/pipeline', class: 'button' }, '← ', t('Pipeline')),
      h('h1', {}, `${kind}: `, record.name || t('New')), status, id && clock(record)),
    actions, form,
    id && h('section', { class: 'panel', 'aria-labelledby': 'activities-title' }, h('h2', { id: 'activities-title' }, t('Activities')),
      h('ul', { class: 'activities', id: 'lead-activities' })),
    id && h('section', { class: 'panel', 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title' }, t('History')),
      h('ol', { class: 'history', id: 'history' })));
  if (id) await Promise.all([loadActivities(view, params, id), loadHistory(id)]);
}

function rerender(view, params) { return render(view, { params }); }

// The customer's values for the lead's fields (Odoo's onchange of partner_id), and the controls they go in.
const FROM_CUSTOMER = ['email_from', 'phone', 'mobile', 'function', 'website', 'title', 'contact_name', 'partner_name'];
const ADDRESS = ['street', 'street2', 'zip', 'city', 'state_id', 'country_id'];

/** Fills the form's empty fields from the chosen customer; a field the user typed in (or that has a value) is kept. */
async function fillFromCustomer(controls, relations, partnerId) {
  // Values filled in from the customer chosen before give way to the new customer's.
  for (const [, [, control]] of controls) if (control.dataset?.filled) { control.value = ''; delete control.dataset.filled; }
  if (!partnerId) return;
  const [partner] = await rpc.read('res.partner', [partnerId], ['name', 'is_company', 'parent_id', 'email', 'phone', 'mobile', 'function',
    'website', 'title', ...ADDRESS]);
  if (!partner) return;
  const values = { email_from: partner.email, phone: partner.phone, mobile: partner.mobile, function: partner.function,
    website: partner.website, title: partner.title, contact_name: partner.is_company ? false : partner.name,
    partner_name: partner.is_company ? partner.name : m2oName(partner.parent_id) || false };
  const empty = (name) => { const control = controls.get(name)?.[1]; return control && !control.value && !control.dataset.typed; };
  const fill = (name, value) => {
    const [kind, control] = controls.get(name);
    const wanted = kind === 'm2o' ? m2oId(value) : value;
    if (!wanted) return;
    if (kind === 'm2o' && !relations[name]?.some(([optionId]) => optionId === wanted)) control.append(h('option', { value: wanted }, m2oName(value)));
    control.value = String(wanted);
    control.dataset.filled = '1';
  };
  for (const name of FROM_CUSTOMER) if (empty(name)) fill(name, values[name]);
  // The address comes as a whole, into an empty address only.
  if (ADDRESS.every(empty)) for (const name of ADDRESS) fill(name, partner[name]);
}

/**
 * Writes an existing lead. The server fills a lead from its new customer over what the same write says, so a new
 * customer is written first and then what the form holds (what the user typed and the fields the customer filled).
 */
async function save(id, names, values, controls) {
  if (!('partner_id' in values)) return rpc.write('crm.lead', [id], values);
  const { partner_id: partner, ...rest } = values;
  await rpc.write('crm.lead', [id], { partner_id: partner });
  const [now] = await rpc.read('crm.lead', [id], names);
  return rpc.write('crm.lead', [id], { ...rest, ...collect(controls, now) });
}

function makeControl(kind, value, options, name) {
  switch (kind) {
    case 'text': return h('textarea', { name, rows: 4, value: value || '' });
    case 'number': return h('input', { name, type: 'number', step: 'any', value: value ?? '' });
    case 'date': return h('input', { name, type: 'date', value: value || '' });
    case 'email': return h('input', { name, type: 'email', value: value || '' });
    case 'm2o': return select(options, m2oId(value), { name });
    case 'm2m': {
      const control = h('select', { name, multiple: true, size: Math.min(5, Math.max(2, options.length)) });
      for (const [id, label] of options) control.append(h('option', { value: id, selected: (value || []).includes(id) }, label));
      return control;
    }
    case 'priority': {
      const input = h('input', { name, type: 'hidden', value: value || '0' });
      const holder = h('span', { class: 'priority-field' });
      const draw = () => mount(holder, stars(input.value, (next) => { input.value = next; draw(); }));
      draw();
      // The label points at the first star button.
      const wrapper = h('div', { class: 'inline' }, holder, input);
      wrapper.input = wrapper; wrapper.id = `priority-${Math.random().toString(36).slice(2)}`;
      wrapper.setAttribute('role', 'group');
      return wrapper;
    }
    default: return h('input', { name, value: value || '' });
  }
}

function collect(controls, record) {
  const values = {};
  for (const [name, [kind, control]] of controls) {
    let value;
    if (kind === 'priority') value = control.querySelector('input').value;
    else if (kind === 'm2m') value = [...control.selectedOptions].map((o) => Number(o.value));
    else if (kind === 'm2o') value = control.value ? Number(control.value) : false;
    else if (kind === 'number') value = control.value === '' ? 0 : Number(control.value);
    else value = control.value === '' ? false : control.value;
    const before = kind === 'm2o' ? m2oId(record[name]) : record[name];
    if (kind === 'm2m') {
      if (JSON.stringify([...value].sort()) !== JSON.stringify([...(before || [])].sort())) values[name] = [[6, 0, value]];
    } else if ((before ?? false) !== value && !(before === '' && value === false)) values[name] = value;
  }
  return values;
}

async function convert(view, params, record) {
  const id = record.id;
  const wizardContext = { active_model: 'crm.lead', active_id: id, active_ids: [id] };
  const defaults = await rpc.call('crm.lead2opportunity.partner', 'default_get', [['action', 'partner_id']], { context: wizardContext });
  const partners = await choices('res.partner');
  const answer = await dialog(t('Convert to opportunity'), (close) => {
    const options = [['create', 'Create a new customer'], ['exist', 'Link to an existing customer'], ['nothing', 'Do not link to a customer']];
    const partner = select(partners, m2oId(defaults.partner_id) || defaults.partner_id, { name: 'partner_id' });
    const radios = h('fieldset', {}, h('legend', {}, t('Customer')), options.map(([value, label]) => h('label', { class: 'radio' },
      h('input', { type: 'radio', name: 'action', value, checked: value === (defaults.action || 'create') }), t(label))));
    const form = h('form', { id: 'convert-form' }, radios, field(t('Customer (link)'), partner),
      h('div', { class: 'buttons' }, h('button', { class: 'primary', type: 'submit' }, t('Convert')),
        h('button', { type: 'button', onclick: () => close(null) }, t('Cancel'))));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      close({ action: form.querySelector('input[name=action]:checked').value, partner_id: Number(partner.value) || false });
    });
    return form;
  });
  if (!answer) return;
  await attempt(async () => {
    const values = { name: 'convert', action: answer.action };
    if (answer.action === 'exist') values.partner_id = answer.partner_id;
    const wizard = await rpc.create('crm.lead2opportunity.partner', values, wizardContext);
    await rpc.call('crm.lead2opportunity.partner', 'action_apply', [[wizard]], { context: wizardContext });
    forget('res.partner');
    toast(t('Opportunity'));
  });
  rerender(view, params);
}

async function won(view, params, id) {
  await attempt(() => rpc.call('crm.lead', 'action_set_won_rainbowman', [[id]]));
  rerender(view, params);
}

async function lost(view, params, id) {
  const reasons = await choices('crm.lost.reason');
  const answer = await dialog(t('Mark lost'), (close) => {
    const reason = select(reasons, '', { name: 'lost_reason_id' });
    const form = h('form', { id: 'lost-form' }, field(t('Lost reason'), reason),
      h('div', { class: 'buttons' }, h('button', { class: 'primary', type: 'submit' }, t('Mark lost')),
        h('button', { type: 'button', onclick: () => close(null) }, t('Cancel'))));
    form.addEventListener('submit', (event) => { event.preventDefault(); close({ reason: Number(reason.value) || false }); });
    return form;
  });
  if (!answer) return;
  const context = { active_model: 'crm.lead', active_id: id, active_ids: [id] };
  await attempt(async () => {
    const wizard = await rpc.create('crm.lead.lost', { lost_reason_id: answer.reason }, context);
    await rpc.call('crm.lead.lost', 'action_lost_reason_apply', [[wizard]], { context });
  });
  rerender(view, params);
}

async function restore(view, params, id) {
  await attempt(() => rpc.call('crm.lead', 'action_unarchive', [[id]]));
  rerender(view, params);
}

async function newQuotation(id) {
  const action = await attempt(() => rpc.call('crm.lead', 'action_sale_quotations_new', [[id]]));
  if (!action) return;
  if (action.res_model !== 'sale.order') { toast(t('Customer') + ': ' + t('Convert to opportunity'), 'error'); return; }
  sessionStorage.setItem('embudo.quotation.context', JSON.stringify(action.context || {}));
  location.hash = '#/quotation/new';
}

async function loadActivities(view, params, id) {
  const list = view.querySelector('#lead-activities');
  const rows = await rpc.searchRead('mail.activity', [['res_model', '=', 'crm.lead'], ['res_id', '=', id]],
    ['summary', 'activity_type_id', 'date_deadline', 'state', 'user_id', 'res_model', 'res_id', 'res_name', 'note']);
  mount(list, rows.length ? rows.map((row) => activityItem(row, () => rerender(view, params), false)) : h('li', {}, t('No activities')));
}

async function loadHistory(id) {
  const list = document.getElementById('history');
  const messages = await rpc.searchRead('mail.message', [['model', '=', 'crm.lead'], ['res_id', '=', id]],
    ['date', 'author_id', 'body', 'subtype_id', 'subject'], { order: 'id desc', limit: 100 });
  const tracking = messages.length ? await rpc.searchRead('mail.tracking.value', [['mail_message_id', 'in', messages.map((m) => m.id)]],
    ['mail_message_id', 'field_desc', 'field_type', 'old_value_char', 'new_value_char', 'old_value_float', 'new_value_float',
      'old_value_monetary', 'new_value_monetary', 'old_value_integer', 'new_value_integer']) : [];
  const byMessage = new Map();
  for (const value of tracking) {
    const key = m2oId(value.mail_message_id);
    byMessage.set(key, [...(byMessage.get(key) || []), value]);
  }
  const show = (v, side) => (['float', 'monetary', 'integer'].includes(v.field_type) ? money(v[`${side}_value_${v.field_type}`]) : v[`${side}_value_char`] || '—');
  mount(list, messages.map((message) => h('li', {},
    h('div', { class: 'meta' }, h('strong', {}, m2oName(message.author_id)), ' · ', date(message.date), ' · ', m2oName(message.subtype_id)),
    message.body && h('p', { class: 'body' }, htmlToText(message.body)),
    (byMessage.get(message.id) || []).length ? h('ul', { class: 'tracking' }, byMessage.get(message.id).map((v) =>
      h('li', {}, `${v.field_desc}: `, show(v, 'old'), ' → ', show(v, 'new')))) : null)));
}
