// Users and access levels of the current company (administrators): invite, change level, remove.
import { h, mount, field, select, attempt, toast } from './dom.js';
import * as rpc from './rpc.js';
import { t } from './i18n.js';
import { forget } from './relations.js';

const LEVELS = [['own', 'Own documents'], ['all', 'All documents'], ['admin', 'Administrator']];

export async function render(view) {
  const body = h('tbody');
  const load = async () => {
    const users = await rpc.searchRead('res.users', [], ['name', 'login', 'email', 'access_level']);
    mount(body, users.map((user) => {
      const level = select([...LEVELS.map(([v, l]) => [v, t(l)]), ['none', t('No access')]], user.access_level || '', { empty: '—' });
      level.setAttribute('aria-label', `${t('Access level')}: ${user.name}`);
      level.onchange = async () => {
        if (!level.value) return;
        const value = level.value === 'none' ? false : level.value;
        if (await attempt(() => rpc.call('res.users', 'set_access_level', [[user.id], value])) !== undefined) { toast(t('Saved')); forget('res.users'); load(); }
      };
      return h('tr', { dataset: { id: user.id } }, h('td', {}, user.name), h('td', {}, user.login), h('td', {}, user.email || ''), h('td', {}, level));
    }));
  };
  const login = h('input', { name: 'login', required: true, autocomplete: 'off' });
  const name = h('input', { name: 'name', required: true });
  const email = h('input', { name: 'email', type: 'email' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password', required: true, minlength: 8 });
  const access = select(LEVELS.map(([v, l]) => [v, t(l)]), 'own', { required: true, name: 'access_level' });
  const invite = h('form', { class: 'panel inline-form', id: 'invite-form' }, h('h2', {}, t('Invite')), field(t('Login'), login), field(t('Name'), name),
    field(t('Email'), email), field(t('Password'), password), field(t('Access level'), access), h('button', { type: 'submit', class: 'primary' }, t('Invite')));
  invite.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = { login: login.value, name: name.value, email: email.value || false, password: password.value, access_level: access.value };
    if (await attempt(() => rpc.create('res.users', values))) { invite.reset(); forget('res.users'); load(); }
  });
  mount(view, h('div', { class: 'toolbar' }, h('h1', {}, t('Users'))),
    h('div', { class: 'scroll' }, h('table', { class: 'list', id: 'users' }, h('thead', {}, h('tr', {},
      ['Name', 'Login', 'Email', 'Access level'].map((c) => h('th', { scope: 'col' }, t(c))))), body)), invite);
  await load();
}
