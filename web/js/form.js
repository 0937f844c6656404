// The lead / opportunity form: every field, convert, won, lost, restore, activities and the history.
import { h, mount, field, m2oId, m2oName, select, dialog, toast, attempt, validate } from './dom.js';
import * as rpc from './rpc.js';
import { t, money } from './i18n.js';
import { choices, forget } from './relations.js';
import { clock } from './widgets.js';
import { input, changes } from './fields.js';
import { scheduleActivity, activityItem } from './activities.js';
import { composer, loadHistory } from './chatter.js';
import { attachmentsPanel } from './attachments.js';

// The form's blocks, as Odoo groups them: the title, revenue and probability; the customer and how to reach them beside the
// salesperson, team, stage, closing, priority and tags; then contact details, address, marketing and notes.
// [name, label, kind, relation]; kinds are those of fields.js.
const HEAD = [['expected_revenue', 'Expected revenue', 'monetary'], ['probability', 'Probability', 'percent']];
const LEFT = [['partner_id', 'Customer', 'm2o', 'res.partner'], ['email_from', 'Email', 'email'], ['phone', 'Phone', 'phone']];
const RIGHT = [['user_id', 'Salesperson', 'm2o', 'res.users'], ['team_id', 'Sales Team', 'm2o', 'crm.team'], ['stage_id', 'Stage', 'm2o', 'crm.stage'],
  ['date_deadline', 'Expected closing', 'date'], ['priority', 'Priority', 'priority'], ['tag_ids', 'Tags', 'tags', 'crm.tag']];
const BLOCKS = [
  ['Contact', [['partner_name', 'Company name', 'char'], ['contact_name', 'Contact name', 'char'], ['title', 'Title', 'm2o', 'res.partner.title'],
    ['function', 'Job position', 'char'], ['mobile', 'Mobile', 'phone'], ['website', 'Website', 'url'], ['lang_id', 'Language', 'm2o', 'res.lang'],
    ['email_cc', 'Email cc', 'char']]],
  ['Address', [['street', 'Street', 'char'], ['street2', 'Street 2', 'char'], ['zip', 'Zip', 'char'], ['city', 'City', 'char'],
    ['country_id', 'Country', 'm2o', 'res.country'], ['state_id', 'State', 'm2o', 'res.country.state']]],
  ['Marketing', [['campaign_id', 'Campaign', 'm2o', 'utm.campaign'], ['medium_id', 'Marketing medium', 'm2o', 'utm.medium'],
    ['source_id', 'Source', 'm2o', 'utm.source'], ['referred', 'Referred by', 'char']]],
  ['Internal notes', [['description', 'Notes', 'text']]],
];
const FIELDS = [['name', 'Opportunity', 'char'], ...HEAD, ...LEFT, ...RIGHT, ...BLOCKS.flatMap(([, fields]) => fields)];
const EXTRA = ['type', 'active', 'lost_reason', 'activity_state', 'activity_summary', 'activity_date_deadline', 'company_id', 'quotation_count',
  'sale_order_count', 'sale_amount_total', 'meeting_count'];

/** The defaults of a new record: the user as salesperson, and their team (the one they lead, else one they belong to). */
async function newRecord() {
  const uid = rpc.session.info.uid;
  const [users, teams] = await Promise.all([choices('res.users'),
    rpc.searchRead('crm.team', ['|', ['user_id', '=', uid], ['member_ids', 'in', [uid]]], ['name', 'user_id'], { limit: 20 }).catch(() => [])]);
  const me = users.find(([id]) => id === uid);
  const team = teams.find((x) => m2oId(x.user_id) === uid) || teams[0];
  const type = new URLSearchParams(location.hash.split('?')[1] || '').get('type') === 'lead' ? 'lead' : 'opportunity';
  return { type, active: true, priority: '0', tag_ids: [], user_id: me || false, team_id: team ? [team.id, team.name] : false };
}

export async function render(view, { params }) {
  const id = params[0] === 'new' ? null : Number(params[0]);
  const names = [...new Set([...FIELDS.map(([name]) => name), ...EXTRA])];
  let record;
  if (id) {
    const found = await rpc.call('crm.lead', 'read', [[id], names], { context: { active_test: false } });
    if (!found.length) { mount(view, h('p', {}, t('Not found'))); return; }
    record = found[0];
  } else record = await newRecord();
  const [relations, tags] = await Promise.all([
    Promise.all(FIELDS.filter(([name, , kind]) => (kind === 'm2o' || kind === 'tags') && name !== 'state_id').map(async ([name, , , relation]) => [name, await choices(relation)]))
      .then(Object.fromEntries),
    rpc.searchRead('crm.tag', [], ['name', 'color'])]);
  const colors = new Map(tags.map((tag) => [tag.id, tag.color]));
  // Choices of records the lists do not hold (an archived salesperson...) are added so that the form shows them.
  relations.state_id = Array.isArray(record.state_id) ? [record.state_id] : [];
  for (const [name, , kind] of FIELDS) {
    if (kind === 'm2o' && Array.isArray(record[name]) && !relations[name].some(([value]) => value === record[name][0])) relations[name] = [...relations[name], record[name]];
  }
  const controls = {};
  const make = ([name, label, kind]) => {
    const control = input(kind, record[name], { name, options: relations[name], colors });
    controls[name] = control;
    return field(t(label), control, { class: kind === 'text' ? 'wide' : '' });
  };
  // The browser's own bubbles are replaced by messages in the user's language, naming the field (validate()).
  const form = h('form', { class: 'record-form lead-form', id: 'lead-form', 'aria-label': record.name || t('New'), novalidate: true });
  const title = input('char', record.name, { name: 'name', required: true, placeholder: t('e.g. Product pricing') });
  title.classList.add('title-input');
  controls.name = title;
  form.append(
    h('div', { class: 'form-title' }, field(t(record.type === 'lead' ? 'Lead' : 'Opportunity'), title)),
    h('div', { class: 'form-head' }, HEAD.map(make)),
    h('div', { class: 'form-groups' }, h('fieldset', { class: 'group' }, h('legend', { class: 'sr-only' }, t('Customer')), LEFT.map(make)),
      h('fieldset', { class: 'group' }, h('legend', { class: 'sr-only' }, t('Sales')), RIGHT.map(make))),
    ...BLOCKS.map(([legend, fields]) => h('fieldset', { class: 'block', dataset: { block: legend } }, h('legend', {}, t(legend)), fields.map(make))),
    h('div', { class: 'buttons' }, h('button', { class: 'primary', type: 'submit', id: 'save' }, t('Save'))));
  // State follows the country: only the chosen country's states are offered.
  const country = controls.country_id, state = controls.state_id;
  const filterStates = async () => {
    const chosen = Number(country.value) || null;
    const current = state.value;
    const offered = chosen ? await statesOf(chosen) : [];
    mount(state, h('option', { value: '' }, chosen ? (offered.length ? '—' : t('No states')) : t('Choose a country first')),
      offered.map(([value, label]) => h('option', { value, selected: String(value) === current }, label)));
    state.disabled = !offered.length;
    state.dataset.country = String(chosen || '');
  };
  await filterStates();
  country.addEventListener('change', filterStates);
  // What the user typed is theirs: the customer fills only the fields left empty.
  form.addEventListener('input', (event) => { if (event.target.name) event.target.dataset.typed = '1'; });
  controls.partner_id.addEventListener('change', async (event) => {
    await fillFromCustomer(controls, relations, Number(event.target.value));
    await filterStates();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!validate(form)) return;
    const values = changes(controls, id ? record : {});
    if (!id) {
      values.type = record.type;
      const created = await attempt(() => rpc.create('crm.lead', values), form);
      if (created) { toast(t('Saved'), 'info', { keep: true }); location.hash = `#/lead/${created}`; }
    } else if (Object.keys(values).length) {
      if (await attempt(() => save(id, names, values, controls), form) !== undefined) { toast(t('Saved')); rerender(view, params); }
    } else toast(t('Saved'));
  });

  const kind = record.type === 'lead' ? t('Lead') : t('Opportunity');
  // Won is an opportunity at 100 % in a won stage (the server gives 100 % to some records it just created, in New); lost is
  // archived with a reason; a new record is neither.
  const stageWon = id && m2oId(record.stage_id) ? (await rpc.read('crm.stage', [m2oId(record.stage_id)], ['is_won']).catch(() => []))[0]?.is_won : false;
  const won = id && record.active && record.probability === 100 && record.type === 'opportunity' && !!stageWon;
  const status = !id ? null : !record.active ? h('span', { class: 'pill lost' }, record.lost_reason ? `${t('Lost')}: ${m2oName(record.lost_reason)}` : t('Archived'))
    : won ? h('span', { class: 'pill won' }, t('Won')) : null;
  const actions = h('div', { class: 'actions' }, h('button', { type: 'submit', form: 'lead-form', class: 'primary' }, t('Save')),
    id && record.type === 'lead' && record.active && h('button', { id: 'convert', onclick: () => convert(view, params, record) }, t('Convert to opportunity')),
    id && record.type === 'opportunity' && record.active && !won && h('button', { id: 'mark-won', class: 'won', onclick: () => markWon(view, params, id) }, t('Mark won')),
    id && record.active && h('button', { id: 'mark-lost', onclick: () => lost(view, params, id) }, t('Mark lost')),
    id && !record.active && h('button', { id: 'restore', onclick: () => restore(view, params, id) }, t('Restore')),
    id && h('button', { id: 'schedule', onclick: async () => { if (await scheduleActivity('crm.lead', id)) rerender(view, params); } }, t('Schedule activity')),
    id && record.type === 'opportunity' && h('button', { id: 'new-quotation', onclick: () => newQuotation(id) }, t('New quotation')));
  // Smart button: the opportunity's quotations (count and amount), opening them in the quotations list.
  const smart = id && record.type === 'opportunity' && h('a', { class: 'button smart', id: 'smart-quotations', href: `#/quotations?opportunity=${id}` },
    h('strong', {}, String(record.quotation_count || 0)), ' ', t('Quotations'),
    record.sale_amount_total ? h('span', { class: 'muted' }, ` · ${money(record.sale_amount_total)}`) : null);
  // Smart button: the meetings about it (crm.lead.meeting_count); opens the calendar to schedule one, with the opportunity
  // and its customer filled in (crm.lead.action_schedule_meeting).
  const meetings = id && record.active && h('button', { type: 'button', class: 'button smart', id: 'smart-meetings',
    onclick: async () => (await import('./calendar.js')).scheduleMeeting('crm.lead', id, record.name) },
  h('strong', {}, String(record.meeting_count || 0)), ' ', t(record.meeting_count === 1 ? 'Meeting' : 'Meetings'));

  mount(view,
    h('div', { class: 'toolbar' }, h('a', { href: '#/pipeline', class: 'button' }, '← ', t('Pipeline')),
      h('h1', {}, `${kind}: `, record.name || t('New')), status, id && clock(record, () => scheduleActivity('crm.lead', id).then((done) => done && rerender(view, params)))),
    actions, (smart || meetings) && h('div', { class: 'smart-buttons' }, smart, meetings), form,
    id && h('section', { class: 'panel', 'aria-labelledby': 'activities-title' }, h('h2', { id: 'activities-title' }, t('Activities')),
      h('ul', { class: 'activities', id: 'lead-activities' })),
    id && attachmentsPanel('crm.lead', id),
    id && h('section', { class: 'panel', 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title' }, t('History')),
      composer('crm.lead', id, () => loadHistory(id)), h('ol', { class: 'history', id: 'history' })));
  if (id) await Promise.all([loadActivities(view, params, id), loadHistory(id)]);
}

const statesByCountry = new Map();
/** The states of a country, [id, name], asked once. */
function statesOf(country) {
  if (!statesByCountry.has(country)) {
    statesByCountry.set(country, rpc.searchRead('res.country.state', [['country_id', '=', country]], ['name'], { limit: 500 })
      .then((rows) => rows.map((row) => [row.id, row.name])).catch(() => { statesByCountry.delete(country); return []; }));
  }
  return statesByCountry.get(country);
}

function rerender(view, params) { return render(view, { params }); }

// The customer's values for the lead's fields (Odoo's onchange of partner_id), and the controls they go in.
const FROM_CUSTOMER = ['email_from', 'phone', 'mobile', 'function', 'website', 'title', 'contact_name', 'partner_name'];
const ADDRESS = ['street', 'street2', 'zip', 'city', 'state_id', 'country_id'];

/** Fills the form's empty fields from the chosen customer; a field the user typed in (or that has a value) is kept. */
async function fillFromCustomer(controls, relations, partnerId) {
  // Values filled in from the customer chosen before give way to the new customer's.
  for (const control of Object.values(controls)) if (control.dataset?.filled) { control.value = ''; delete control.dataset.filled; }
  if (!partnerId) return;
  const [partner] = await rpc.read('res.partner', [partnerId], ['name', 'is_company', 'parent_id', 'email', 'phone', 'mobile', 'function',
    'website', 'title', ...ADDRESS]);
  if (!partner) return;
  const values = { email_from: partner.email, phone: partner.phone, mobile: partner.mobile, function: partner.function,
    website: partner.website, title: partner.title, contact_name: partner.is_company ? false : partner.name,
    partner_name: partner.is_company ? partner.name : m2oName(partner.parent_id) || false };
  const empty = (name) => { const control = controls[name]; return control && !control.value && !control.dataset.typed; };
  const fill = (name, value) => {
    const control = controls[name];
    const kind = control.kind;
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
  return rpc.write('crm.lead', [id], { ...rest, ...changes(controls, now) });
}

async function convert(view, params, record) {
  const id = record.id;
  const wizardContext = { active_model: 'crm.lead', active_id: id, active_ids: [id] };
  const defaults = await rpc.call('crm.lead2opportunity.partner', 'default_get', [['action', 'partner_id', 'user_id', 'team_id']], { context: wizardContext });
  const [partners, users, teams] = await Promise.all([choices('res.partner'), choices('res.users'), choices('crm.team')]);
  const answer = await dialog(t('Convert to opportunity'), (close) => {
    const options = [['create', 'Create a new customer'], ['exist', 'Link to an existing customer'], ['nothing', 'Do not link to a customer']];
    const partner = select(partners, m2oId(defaults.partner_id) || defaults.partner_id, { name: 'partner_id' });
    const user = select(users, m2oId(defaults.user_id) || m2oId(record.user_id) || rpc.session.info.uid, { name: 'user_id' });
    const team = select(teams, m2oId(defaults.team_id) || m2oId(record.team_id), { name: 'team_id' });
    const radios = h('fieldset', {}, h('legend', {}, t('Customer')), options.map(([value, label]) => h('label', { class: 'radio' },
      h('input', { type: 'radio', name: 'action', value, checked: value === (defaults.action || 'create') }), t(label))));
    const form = h('form', { id: 'convert-form' }, field(t('Salesperson'), user), field(t('Sales Team'), team), radios,
      field(t('Customer (link)'), partner),
      h('div', { class: 'buttons' }, h('button', { class: 'primary', type: 'submit' }, t('Convert')),
        h('button', { type: 'button', onclick: () => close(null) }, t('Cancel'))));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      close({ action: form.querySelector('input[name=action]:checked').value, partner_id: Number(partner.value) || false,
        user_id: Number(user.value) || false, team_id: Number(team.value) || false });
    });
    return form;
  });
  if (!answer) return;
  await attempt(async () => {
    const values = { name: 'convert', action: answer.action, user_id: answer.user_id, team_id: answer.team_id };
    if (answer.action === 'exist') values.partner_id = answer.partner_id;
    const wizard = await rpc.create('crm.lead2opportunity.partner', values, wizardContext);
    await rpc.call('crm.lead2opportunity.partner', 'action_apply', [[wizard]], { context: wizardContext });
    forget('res.partner');
    toast(t('Converted to an opportunity.'), 'info', { keep: true });
  });
  rerender(view, params);
}

async function markWon(view, params, id) {
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
