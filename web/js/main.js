// The app shell: session, company choice, navigation, the reminders badge, invitations, and the hash router.
import { h, mount, field, clearMessages } from './dom.js';
import * as rpc from './rpc.js';
import { t, setLanguage, setCurrency } from './i18n.js';
import { clear as clearChoices } from './relations.js';
import { pendingForMe, offer } from './invitations.js';

const main = document.getElementById('main');
const topbar = document.getElementById('topbar');
// Invitations addressed to the user, under the top bar (not blocking anything).
const notices = h('div', { id: 'notices', hidden: true });
topbar.after(notices);

// Screens load on demand (each is its own module); ADMIN ones are for administrators of the current company only.
const ADMIN = true;
const routes = [
  [/^#\/pipeline$/, () => import('./kanban.js'), 'Pipeline'],
  [/^#\/(leads|opportunities)$/, () => import('./list.js'), 'Opportunities'],
  [/^#\/lead\/(new|\d+)(?:\?.*)?$/, () => import('./form.js'), 'Opportunities'],
  [/^#\/activities$/, () => import('./activities.js'), 'My Activities'],
  [/^#\/calendar(?:\?.*)?$/, () => import('./calendar.js'), 'Calendar'],
  [/^#\/quotations$/, () => import('./quotations.js'), 'Quotations'],
  [/^#\/quotation\/(new|\d+)(?:\?.*)?$/, () => import('./quotation-form.js'), 'Quotations'],
  [/^#\/customers$/, () => import('./customers.js'), 'Customers'],
  [/^#\/customer\/(new|\d+)(?:\?.*)?$/, () => import('./customer-form.js'), 'Customers'],
  [/^#\/products$/, () => import('./products.js'), 'Products', ADMIN],
  [/^#\/pricelists$/, () => import('./pricelists.js'), 'Pricelists', ADMIN],
  [/^#\/teams$/, () => import('./teams.js'), 'Sales Teams'],
  [/^#\/reports$/, () => import('./reports.js'), 'Reports'],
  [/^#\/config$/, () => import('./config.js'), 'Configuration', ADMIN],
  [/^#\/users$/, () => import('./users.js'), 'Users', ADMIN],
  // The invitation e-mail links to /web#invitations.
  [/^#\/?invitations$/, () => import('./invitations.js'), 'Invitations'],
  [/^#\/?preferences$/, () => import('./preferences.js'), 'Preferences'],
];
const INVITATIONS = /^#\/?invitations$/;

export const app = { useLeads: false, isAdmin: false, refreshBadge, refreshSession, refreshInvitations, rerender: () => route() };

rpc.onError((error) => {
  if (error.sessionExpired && rpc.session.info) { rpc.session.info = null; start(); }
});

async function start() {
  const info = await rpc.restore().catch(() => null);
  setLanguage(info?.user_context?.lang || navigator.language, info?.user_context?.tz);
  if (!info) return showLogin();
  const companies = Object.values(info.user_companies?.allowed_companies || {});
  if (!companies.length) return showNoCompany();
  const saved = Number(sessionStorage.getItem('embudo.company'));
  const known = companies.find((c) => c.id === saved);
  if (known) return enter(known.id);
  if (companies.length === 1) return enter(companies[0].id);
  showCompanyChoice(companies);
}

async function showLogin() {
  topbar.hidden = true;
  clearMessages();
  notices.hidden = true;
  const dbs = await rpc.databases();
  const db = h('input', { name: 'db', required: true, value: dbs[0] || '', autocomplete: 'off' });
  const login = h('input', { name: 'login', required: true, autocomplete: 'username' });
  const password = h('input', { name: 'password', type: 'password', required: true, autocomplete: 'current-password' });
  const error = h('p', { class: 'error', role: 'alert' });
  const form = h('form', { class: 'card login', id: 'login-form' },
    h('h1', {}, 'Embudo'),
    field(t('Database'), db, { class: dbs.length === 1 ? 'hidden' : '' }),
    field(t('Login'), login), field(t('Password'), password), error,
    h('button', { type: 'submit', class: 'primary' }, t('Log in')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      await rpc.authenticate(db.value, login.value, password.value);
      start();
    } catch (failure) {
      error.textContent = failure.kind.includes('AccessDenied') ? t('Wrong login or password') : failure.message;
    }
  });
  mount(main, form);
  login.focus();
}

function showCompanyChoice(companies) {
  topbar.hidden = true;
  notices.hidden = true;
  const home = rpc.session.info.user_companies?.current_company;
  const choice = h('select', { name: 'company' }, companies.map((c) => h('option', { value: c.id, selected: c.id === home }, c.name)));
  const form = h('form', { class: 'card login', id: 'company-form' }, h('h1', {}, t('Choose the company')),
    field(t('Company'), choice), h('button', { type: 'submit', class: 'primary' }, t('Continue')));
  form.addEventListener('submit', (event) => { event.preventDefault(); enter(Number(choice.value)); });
  mount(main, form);
  choice.focus();
}

/** A user who belongs to no company yet (or any more): their invitations, and a way out. */
async function showNoCompany() {
  topbar.hidden = true;
  notices.hidden = true;
  rpc.session.companyId = null;
  const list = h('div', { class: 'offers', id: 'my-invitations' });
  const logout = h('button', { type: 'button', class: 'link', id: 'logout', onclick: logOut }, t('Log out'));
  mount(main, h('section', { class: 'card login wide' }, h('h1', {}, 'Embudo'),
    h('p', {}, t('You do not have access to any company yet.')), list, logout));
  const rows = await pendingForMe().catch(() => []);
  mount(list, rows.length ? rows.map((row) => offer(row, () => start()))
    : h('p', { class: 'muted' }, t('You have no pending invitations.')));
  main.dataset.ready = 'no-company';
}

async function logOut() {
  sessionStorage.clear();
  await rpc.logout();
  notices.hidden = true;
  location.hash = '';
  start();
}

async function enter(companyId) {
  rpc.session.companyId = companyId;
  sessionStorage.setItem('embudo.company', String(companyId));
  const info = rpc.session.info;
  await Promise.all([readAccess(), readCurrency()]);
  const settings = await rpc.call('res.config.settings', 'default_get', [['group_use_lead']]).catch(() => ({}));
  app.useLeads = !!settings.group_use_lead;
  drawTopbar();
  refreshInvitations();
  if (!location.hash || location.hash === '#') location.hash = '#/pipeline';
  else route();
}

/** Administrator of the current company? (session info's is_admin says: of any of them). */
async function readAccess() {
  const info = rpc.session.info;
  const me = await rpc.read('res.users', [info.uid], ['access_level']).catch(() => null);
  app.isAdmin = me?.[0] ? me[0].access_level === 'admin' : !!info.is_admin;
}

/** The company's currency: every amount is shown with it. */
async function readCurrency() {
  const [company] = await rpc.read('res.company', [rpc.session.companyId], ['currency_id']).catch(() => []);
  const id = Array.isArray(company?.currency_id) ? company.currency_id[0] : null;
  const [currency] = id ? await rpc.read('res.currency', [id], ['name', 'decimal_places']).catch(() => []) : [];
  setCurrency(currency?.name || (Array.isArray(company?.currency_id) ? company.currency_id[1] : 'USD'), currency?.decimal_places ?? 2);
}

/** Reads the session again (after accepting an invitation or saving preferences): language, name, companies. */
async function refreshSession() {
  const info = await rpc.restore();
  const companies = Object.values(info?.user_companies?.allowed_companies || {});
  if (!info || !companies.some((c) => c.id === rpc.session.companyId)) { start(); return; }
  setLanguage(info.user_context?.lang, info.user_context?.tz);
  await readAccess();
  drawTopbar();
  await refreshInvitations();
}

/** The notice of pending invitations under the top bar (not on the invitations screen itself). */
async function refreshInvitations() {
  const later = JSON.parse(sessionStorage.getItem('embudo.invitations.later') || '[]');
  const rows = INVITATIONS.test(location.hash) ? [] : (await pendingForMe().catch(() => [])).filter((row) => !later.includes(row.id));
  if (!rows.length) { notices.hidden = true; notices.replaceChildren(); return; }
  const dismiss = h('button', { type: 'button', class: 'link later', onclick: () => {
    sessionStorage.setItem('embudo.invitations.later', JSON.stringify([...later, ...rows.map((row) => row.id)]));
    notices.hidden = true;
    notices.replaceChildren();
  } }, t('Later'));
  mount(notices, h('section', { class: 'banner', 'aria-label': t('Invitations') },
    h('div', { class: 'offers' }, rows.map((row) => offer(row, async (invitation, accepted) => {
      if (accepted) await refreshSession(); else await refreshInvitations();
    }))), dismiss));
  notices.hidden = false;
}

function drawTopbar() {
  const info = rpc.session.info;
  const companies = Object.values(info.user_companies?.allowed_companies || {});
  const links = [['#/pipeline', 'Pipeline'], ...(app.useLeads ? [['#/leads', 'Leads']] : []), ['#/opportunities', 'Opportunities'],
    ['#/activities', 'My Activities'], ['#/calendar', 'Calendar'], ['#/quotations', 'Quotations'], ['#/customers', 'Customers'], ['#/teams', 'Sales Teams'],
    ['#/reports', 'Reports'],
    // Configuration is for administrators of the company (the server refuses the others' changes anyway).
    ...(app.isAdmin ? [['#/config', 'Configuration'], ['#/users', 'Users']] : [])];
  // On phones the menu also holds the preferences and logging out (the top bar has room for one line only).
  const nav = h('nav', { 'aria-label': t('Menu'), id: 'nav' },
    h('ul', {}, links.map(([href, label]) => h('li', {}, h('a', { href }, t(label)))),
      h('li', { class: 'phone-only' }, h('a', { href: '#/preferences' }, t('Preferences'))),
      h('li', { class: 'phone-only' }, h('button', { type: 'button', class: 'link menu-logout', onclick: logOut }, t('Log out')))));
  const toggle = h('button', { class: 'menu-toggle', 'aria-expanded': 'false', 'aria-controls': 'nav', onclick: () => {
    const open = nav.classList.toggle('open'); toggle.setAttribute('aria-expanded', String(open));
  } }, '☰', h('span', { class: 'sr-only' }, t('Menu')));
  const company = companies.length > 1
    ? h('select', { 'aria-label': t('Company'), id: 'company-switch', onchange: (e) => { enter(Number(e.target.value)); } },
      companies.map((c) => h('option', { value: c.id, selected: c.id === rpc.session.companyId }, c.name)))
    : h('span', { class: 'company' }, companies[0]?.name || '');
  const badge = h('a', { href: '#/activities', id: 'reminders', class: 'badge', title: t('Reminders') });
  const preferences = h('a', { href: '#/preferences', id: 'preferences-link', class: 'who-link', title: t('Preferences') },
    person(), h('span', { class: 'who' }, info.name), h('span', { class: 'sr-only' }, t('Preferences')));
  const logout = h('button', { class: 'link logout', title: t('Log out'), onclick: logOut }, exit(), h('span', { class: 'label' }, t('Log out')));
  mount(topbar, toggle, h('a', { class: 'brand', href: '#/pipeline' }, 'Embudo'), nav,
    h('div', { class: 'user' }, badge, company, preferences, logout));
  topbar.hidden = false;
  refreshBadge();
}

// The top bar's height, for what sticks under it (the forms' buttons).
new ResizeObserver(() => document.documentElement.style.setProperty('--topbar-height', `${topbar.offsetHeight}px`)).observe(topbar);

/** The reminders badge: the user's overdue and today's activities (res.users.systray_get_activities). */
async function refreshBadge() {
  const badge = document.getElementById('reminders');
  if (!badge) return;
  const all = await rpc.call('res.users', 'systray_get_activities', []).catch(() => []);
  // Activities lead to My Activities; today's meetings (the server's "meeting" group) to the calendar.
  const rows = all.filter((r) => r.type !== 'meeting');
  const meetings = all.filter((r) => r.type === 'meeting').reduce((sum, r) => sum + (r.today_count || 0), 0);
  const overdue = rows.reduce((sum, r) => sum + (r.overdue_count || 0), 0);
  const today = rows.reduce((sum, r) => sum + (r.today_count || 0), 0);
  mount(badge, bell(),
    h('span', { class: 'count overdue', 'data-count': overdue }, String(overdue)),
    h('span', { class: 'count today', 'data-count': today }, String(today)));
  badge.setAttribute('aria-label', `${t('Reminders')}: ${overdue} ${t('overdue')}, ${today} ${t('today')}`);
  let link = document.getElementById('meetings-today');
  if (!meetings) { link?.remove(); return; }
  if (!link) {
    link = h('a', { href: '#/calendar', id: 'meetings-today', class: 'badge meetings' });
    badge.after(link);
  }
  const label = meetings === 1 ? t('1 meeting today') : t('{n} meetings today').replace('{n}', meetings);
  mount(link, h('svg', { viewBox: '0 0 24 24', width: 18, height: 18, 'aria-hidden': 'true' },
    h('path', { d: 'M7 2v2H5a2 2 0 0 0-2 2v13a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2h-2V2h-2v2H9V2zM5 9h14v10H5z', fill: 'currentColor' })),
  h('span', { class: 'count today', 'data-count': meetings }, String(meetings)));
  link.setAttribute('aria-label', label);
  link.title = label;
}

function exit() {
  return h('svg', { viewBox: '0 0 24 24', width: 18, height: 18, 'aria-hidden': 'true', class: 'exit' },
    h('path', { d: 'M17 7l-1.4 1.4 2.6 2.6H8v2h10.2l-2.6 2.6L17 17l5-5zM4 5h8V3H4a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h8v-2H4z', fill: 'currentColor' }));
}

function person() {
  return h('svg', { viewBox: '0 0 24 24', width: 18, height: 18, 'aria-hidden': 'true', class: 'person' },
    h('path', { d: 'M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm0 2c-4.4 0-8 2.2-8 5v2h16v-2c0-2.8-3.6-5-8-5z', fill: 'currentColor' }));
}

function bell() {
  return h('svg', { viewBox: '0 0 24 24', width: 18, height: 18, 'aria-hidden': 'true', class: 'bell' },
    h('path', { d: 'M12 22a2.5 2.5 0 0 0 2.5-2.5h-5A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.8V3a1.5 1.5 0 0 0-3 0v1.2A7 7 0 0 0 5 11v5l-2 2v1h18v-1z', fill: 'currentColor' }));
}

let routeToken = 0;
async function route() {
  if (!rpc.session.info || !rpc.session.companyId) return;
  const hash = location.hash;
  const found = routes.find(([pattern]) => pattern.test(hash));
  if (!found) { location.hash = '#/pipeline'; return; }
  const [pattern, load, title, adminOnly] = found;
  const token = ++routeToken;
  document.querySelectorAll('#nav a').forEach((a) => a.toggleAttribute('aria-current', hash.startsWith(a.getAttribute('href'))));
  document.getElementById('nav')?.classList.remove('open');
  // Messages belong to the screen they were shown on.
  clearMessages({ navigation: true });
  clearChoices();
  const module = adminOnly && !app.isAdmin ? { render: forbidden } : await load();
  if (token !== routeToken) return;
  document.title = `${t(title)} · Embudo`;
  const view = h('div', { class: 'view' });
  mount(main, view);
  try {
    await module.render(view, { params: hash.match(pattern).slice(1), app });
  } catch (error) {
    mount(view, h('p', { class: 'error', role: 'alert' }, error.message));
  }
  main.dataset.ready = hash;
}

/** A screen for administrators, opened by someone else (an old link). */
function forbidden(view) {
  mount(view, h('section', { class: 'panel', id: 'admins-only' }, h('h1', {}, t('Administrators only')),
    h('p', {}, t('This screen is for the administrators of the company.')), h('a', { class: 'button', href: '#/pipeline' }, t('Pipeline'))));
}

let previousHash = location.hash;
window.addEventListener('hashchange', () => {
  const left = INVITATIONS.test(previousHash);
  previousHash = location.hash;
  if (!rpc.session.companyId) return;
  route(); refreshBadge();
  // The notice gives way to the invitations screen, and comes back (re-read) after it.
  if (INVITATIONS.test(location.hash)) notices.hidden = true;
  else if (left) refreshInvitations();
});
start();
