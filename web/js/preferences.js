// The user's own preferences (res.users.write on their record, then preference_save): name, language,
// time zone, home company, e-mail signature; and their password (res.users.change_password).
import { h, mount, field, select, markInvalid } from './dom.js';
import * as rpc from './rpc.js';
import { t, locale } from './i18n.js';

const idOf = (value) => (Array.isArray(value) ? value[0] : value);

// When the browser cannot list its time zones: the usual ones of the Americas and Europe.
const COMMON_ZONES = ['America/Mexico_City', 'America/Monterrey', 'America/Merida', 'America/Cancun', 'America/Chihuahua',
  'America/Hermosillo', 'America/Mazatlan', 'America/Tijuana', 'America/Guatemala', 'America/El_Salvador', 'America/Tegucigalpa',
  'America/Managua', 'America/Costa_Rica', 'America/Panama', 'America/Havana', 'America/Santo_Domingo', 'America/Puerto_Rico',
  'America/Bogota', 'America/Lima', 'America/Guayaquil', 'America/Caracas', 'America/La_Paz', 'America/Santiago',
  'America/Asuncion', 'America/Montevideo', 'America/Argentina/Buenos_Aires', 'America/Sao_Paulo', 'America/New_York',
  'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage', 'America/Toronto',
  'America/Vancouver', 'Pacific/Honolulu', 'Atlantic/Canary', 'Atlantic/Azores', 'Europe/Lisbon', 'Europe/London', 'Europe/Dublin',
  'Europe/Madrid', 'Europe/Paris', 'Europe/Brussels', 'Europe/Amsterdam', 'Europe/Berlin', 'Europe/Zurich', 'Europe/Rome',
  'Europe/Vienna', 'Europe/Prague', 'Europe/Warsaw', 'Europe/Stockholm', 'Europe/Helsinki', 'Europe/Athens', 'Europe/Bucharest',
  'Europe/Istanbul', 'Europe/Kyiv', 'Europe/Moscow'];
// Set while the screen is drawn again after saving (in the new language), to say so there.
let justSaved = false;

const REGIONS = ['America', 'Europe', 'Africa', 'Asia', 'Atlantic', 'Pacific', 'Indian', 'Australia', 'Antarctica', 'Arctic'];

export async function render(view, { app }) {
  const info = rpc.session.info;
  const [[me], languages] = await Promise.all([
    rpc.read('res.users', [info.uid], ['name', 'login', 'lang', 'tz', 'signature', 'company_id']),
    rpc.searchRead('res.lang', [['active', '=', true]], ['code', 'name']),
  ]);
  const companies = Object.values(info.user_companies?.allowed_companies || {}).sort((a, b) => a.name.localeCompare(b.name));
  const home = idOf(me.company_id) || info.user_companies?.current_company;
  const signatureText = htmlToText(me.signature);

  const name = h('input', { name: 'name', value: me.name || '', autocomplete: 'name' });
  const languageChoices = languages.map((l) => [l.code, languageName(l.code, l.name)]);
  if (me.lang && !languageChoices.some(([code]) => code === me.lang)) languageChoices.push([me.lang, languageName(me.lang, me.lang)]);
  const lang = select(languageChoices.sort((a, b) => a[1].localeCompare(b[1])), me.lang, { required: true, name: 'lang' });
  const tz = zoneSelect(me.tz || 'UTC');
  const company = select(companies.map((c) => [c.id, c.name]), home, { required: true, name: 'company_id' });
  const signature = h('textarea', { name: 'signature', rows: 4, value: signatureText });
  const labels = new Map([[name, t('Name')], [lang, t('Language')], [tz, t('Time zone')], [company, t('Home company')], [signature, t('Email signature')]]);

  const save = h('button', { type: 'submit', class: 'primary', id: 'save-preferences' }, t('Save'));
  const saved = h('p', { class: 'done', role: 'status' }, justSaved ? t('Preferences saved.') : '');
  justSaved = false;
  const errors = h('div', { class: 'form-errors', role: 'alert' });
  const form = h('form', { class: 'record-form narrow', id: 'preferences-form', novalidate: true },
    h('fieldset', {}, h('legend', {}, t('Your details')), field(t('Name'), name),
      field(t('Home company'), company, { hint: t('The company you start in when you log in.') }),
      field(t('Email signature'), signature, { class: 'wide', hint: t('Added to the e-mails you send from Embudo.') })),
    h('fieldset', {}, h('legend', {}, t('Language and time zone')), field(t('Language'), lang), field(t('Time zone'), tz)),
    errors, h('div', { class: 'buttons' }, save, saved));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(form, errors, labels);
    saved.textContent = '';
    if (!name.value.trim()) { fail(errors, labels, [[name, t('Enter your name.')]]); return; }
    const values = {};
    if (name.value.trim() !== me.name) values.name = name.value.trim();
    if (lang.value !== me.lang) values.lang = lang.value;
    if (tz.value !== me.tz) values.tz = tz.value;
    if (Number(company.value) !== home) values.company_id = Number(company.value);
    if (signature.value !== signatureText) values.signature = textToHtml(signature.value);
    save.disabled = true;
    try {
      if (Object.keys(values).length) await rpc.write('res.users', [info.uid], values);
      await rpc.call('res.users', 'preference_save', [[info.uid]]);
    } catch (error) {
      save.disabled = false;
      fail(errors, labels, preferenceError(error, { name, lang, tz, company }));
      return;
    }
    // The new language (and name) at once: the top bar and this screen are drawn again.
    await app.refreshSession();
    if (!rpc.session.info) return;
    justSaved = true;
    await app.rerender();
  });

  mount(view, h('div', { class: 'toolbar' }, h('div', { class: 'title' }, h('h1', {}, t('Preferences')),
    h('p', { class: 'muted signed-in' }, t('Signed in as {login}', { login: me.login })))), form, passwordForm(me.login));
}

function passwordForm(login) {
  // The login lets password managers file the new password under the right account.
  const username = h('input', { type: 'text', name: 'username', value: login, autocomplete: 'username', readonly: true,
    class: 'hidden', tabindex: '-1', 'aria-hidden': 'true', 'aria-label': t('Login') });
  const current = h('input', { type: 'password', name: 'old_password', autocomplete: 'current-password' });
  const fresh = h('input', { type: 'password', name: 'new_password', autocomplete: 'new-password' });
  const again = h('input', { type: 'password', name: 'confirm_password', autocomplete: 'new-password' });
  const labels = new Map([[current, t('Current password')], [fresh, t('New password')], [again, t('Confirm the new password')]]);
  const errors = h('div', { class: 'form-errors', role: 'alert' });
  const done = h('p', { class: 'done', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'change-password' }, t('Change password'));
  const form = h('form', { class: 'record-form narrow', id: 'password-form', novalidate: true },
    h('fieldset', {}, h('legend', {}, t('Change password')), username, field(t('Current password'), current),
      field(t('New password'), fresh, { class: 'row-start', hint: t('At least 8 characters.') }), field(t('Confirm the new password'), again)),
    errors, h('div', { class: 'buttons' }, submit, done));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(form, errors, labels);
    done.textContent = '';
    const problems = [];
    if (!current.value) problems.push([current, t('Enter your current password.')]);
    if (fresh.value.length < 8) problems.push([fresh, t('Use at least 8 characters.')]);
    else if (again.value !== fresh.value) problems.push([again, t('The passwords do not match.')]);
    if (problems.length) { fail(errors, labels, problems); return; }
    submit.disabled = true;
    try {
      await rpc.call('res.users', 'change_password', [current.value, fresh.value]);
    } catch (error) {
      submit.disabled = false;
      if (error.kind.endsWith('AccessError')) fail(errors, labels, [[current, t('The current password is not correct.')]]);
      else if (error.kind.endsWith('ValidationError')) fail(errors, labels, [[fresh, t('Use at least 8 characters.')]]);
      else fail(errors, labels, [[null, error.message]]);
      return;
    }
    submit.disabled = false;
    form.reset();
    done.textContent = t('Password changed.');
  });
  return form;
}

/** The field a refused write is about (the server's messages: sql embudo.write_own_preferences). */
function preferenceError(error, { name, lang, tz, company }) {
  const message = error.message || '';
  if (/language/i.test(message)) return [[lang, t('This language is not available.')]];
  if (/time zone/i.test(message)) return [[tz, t('This time zone does not exist.')]];
  if (/compan/i.test(message)) return [[company, t('Choose one of your companies.')]];
  if (/name/i.test(message)) return [[name, t('Enter your name.')]];
  return [[null, message]];
}

function clear(form, errors, labels) {
  errors.replaceChildren();
  for (const control of labels.keys()) markInvalid(control, '');
}

/** Marks each [control, message] and lists them, naming the fields, above the form; focuses the first. */
function fail(errors, labels, problems) {
  const items = problems.map(([control, message]) => {
    if (control) markInvalid(control, message);
    return h('li', {}, control ? `${labels.get(control)}: ${message}` : message);
  });
  mount(errors, h('p', {}, t('Check the marked fields:')), h('ul', {}, items));
  const first = problems.find(([control]) => control)?.[0];
  if (first) first.focus(); else errors.scrollIntoView({ block: 'nearest' });
}

/** A language's own name ("Español de México"), else the server's. */
function languageName(code, fallback) {
  try {
    const tag = code.replace('_', '-');
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    return name ? name.charAt(0).toLocaleUpperCase(tag) + name.slice(1) : fallback;
  } catch {
    return fallback;
  }
}

/** The time zones, grouped by region, each with its current offset: "Mexico City (UTC−6)". */
function zoneSelect(current) {
  let zones = COMMON_ZONES;
  try { zones = Intl.supportedValuesOf('timeZone'); } catch { /* an older browser */ }
  const control = h('select', { name: 'tz' });
  control.append(h('option', { value: 'UTC', selected: current === 'UTC' }, `UTC · ${t('Coordinated Universal Time')}`));
  const groups = new Map();
  const all = new Set(zones);
  if (current && current !== 'UTC') all.add(current);
  const now = new Date();
  for (const zone of all) {
    if (zone === 'UTC' || zone === 'Etc/UTC') continue;
    const [region, ...rest] = zone.split('/');
    const key = rest.length && REGIONS.includes(region) ? region : 'Other';
    const place = (rest.length ? rest : [region]).join(' / ').replaceAll('_', ' ');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push([zone, `${place} (${offset(zone, now)})`]);
  }
  for (const region of [...REGIONS, 'Other'].filter((r) => groups.has(r))) {
    const entries = groups.get(region).sort((a, b) => a[1].localeCompare(b[1], locale()));
    control.append(h('optgroup', { label: t(region) },
      entries.map(([zone, label]) => h('option', { value: zone, selected: zone === current }, label))));
  }
  return control;
}

function offset(zone, when) {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(when).find((p) => p.type === 'timeZoneName')?.value || '';
    return part === 'GMT' ? 'UTC' : part.replace('GMT', 'UTC').replace('-', '−');
  } catch {
    return 'UTC';
  }
}

/** The signature (HTML) as the text the user edits: paragraphs and line breaks become new lines. */
function htmlToText(html) {
  if (!html) return '';
  const doc = new DOMParser().parseFromString(String(html), 'text/html'); // inert: nothing runs, nothing loads
  doc.querySelectorAll('br').forEach((br) => br.replaceWith('\n'));
  doc.querySelectorAll('p, div, li').forEach((block) => block.append('\n'));
  return doc.body.textContent.replace(/\s+$/, '');
}

/** The edited text as the signature's HTML (escaped, lines kept). */
function textToHtml(text) {
  const trimmed = text.replace(/\s+$/, '');
  if (!trimmed) return '';
  const escape = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  return `<p>${trimmed.split('\n').map(escape).join('<br>')}</p>`;
}
