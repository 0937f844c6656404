// Users and access levels of the current company (administrators): invite by e-mail address, change
// levels, remove; the company's invitations (res.users.invitation), pending ones withdrawn here.
import { h, mount, field, select, attempt, toast, confirmAction, markInvalid, announce } from './dom.js';
import * as rpc from './rpc.js';
import { t, date } from './i18n.js';
import { forget } from './relations.js';

const LEVELS = [['own', 'Own documents'], ['all', 'All documents'], ['admin', 'Administrator']];
const LEVEL_NAMES = Object.fromEntries(LEVELS);
const STATES = { pending: 'Pending', accepted: 'Accepted', declined: 'Declined', cancelled: 'Withdrawn', expired: 'Expired' };
const INVITATION_FIELDS = ['login', 'name', 'access_level', 'state', 'invited_by_name', 'expires_at', 'answered_at', 'create_date'];

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
      return h('tr', { dataset: { id: user.id } }, cell('Name', user.name), cell('Login', user.login), cell('Email', user.email || ''),
        cell('Access level', level));
    }));
  };

  const pendingBody = h('tbody');
  const noPending = h('p', { class: 'muted', id: 'no-pending' }, t('No pending invitations.'));
  const pastBody = h('tbody');
  const pastCount = h('span', { class: 'count' });
  const past = h('details', { class: 'past', id: 'past-invitations' }, h('summary', {}, t('Past invitations'), ' ', pastCount),
    h('div', { class: 'scroll' }, h('table', { class: 'list stack' }, h('thead', {}, h('tr', {},
      ['Email', 'Name', 'Access level', 'Status', 'Invited on', 'Answered on'].map((c) => h('th', { scope: 'col' }, t(c))))), pastBody)));
  const pendingTable = h('div', { class: 'scroll' }, h('table', { class: 'list stack', id: 'pending-invitations' }, h('thead', {}, h('tr', {},
    ['Email', 'Name', 'Access level', 'Invited on', 'Expires'].map((c) => h('th', { scope: 'col' }, t(c))),
    h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, t('Withdraw'))))), pendingBody));
  const loadInvitations = async () => {
    const rows = await rpc.searchRead('res.users.invitation', [['company_id', '=', rpc.session.companyId]], INVITATION_FIELDS, { limit: 200 });
    const pending = rows.filter((row) => row.state === 'pending');
    const answered = rows.filter((row) => row.state !== 'pending');
    mount(pendingBody, pending.map(pendingRow));
    pendingTable.hidden = !pending.length;
    noPending.hidden = pending.length > 0;
    mount(pastBody, answered.map((row) => h('tr', { dataset: { id: row.id, state: row.state } },
      cell('Email', row.login), cell('Name', row.name || '—'), cell('Access level', t(LEVEL_NAMES[row.access_level] || '')),
      cell('Status', h('span', { class: `pill ${row.state}` }, t(STATES[row.state] || row.state))),
      cell('Invited on', date(row.create_date)), cell('Answered on', date(row.answered_at) || '—'))));
    pastCount.textContent = `(${answered.length})`;
    past.hidden = !answered.length;
  };
  const pendingRow = (row) => {
    const withdraw = h('button', { type: 'button', class: 'danger withdraw', 'aria-label': `${t('Withdraw invitation')}: ${row.login}` }, t('Withdraw'));
    withdraw.addEventListener('click', async () => {
      const sure = await confirmAction(t('Withdraw invitation'),
        t('Withdraw the invitation to {login}? The link sent to this address will stop working.', { login: row.login }),
        { confirm: t('Withdraw invitation'), cancel: t('Cancel'), danger: true });
      if (!sure) return;
      if (await attempt(() => rpc.call('res.users.invitation', 'action_cancel', [[row.id]])) !== undefined) {
        toast(t('Invitation to {login} withdrawn.', { login: row.login }));
        await loadInvitations();
      }
    });
    return h('tr', { dataset: { id: row.id, state: row.state } },
      cell('Email', row.login), cell('Name', row.name || '—'), cell('Access level', t(LEVEL_NAMES[row.access_level] || '')),
      cell('Invited on', date(row.create_date)), cell('Expires', date(row.expires_at)), h('td', { class: 'row-actions' }, withdraw));
  };

  // An invitation: the address is the login; the invitee chooses their own password.
  const login = h('input', { name: 'login', type: 'email', autocomplete: 'off', spellcheck: 'false' });
  const name = h('input', { name: 'name', autocomplete: 'off' });
  const access = select(LEVELS.map(([v, l]) => [v, t(l)]), 'own', { required: true, name: 'access_level' });
  const sent = h('p', { class: 'done', role: 'status', id: 'invitation-sent' });
  const invite = h('form', { class: 'panel', id: 'invite-form', novalidate: true }, h('h2', {}, t('Invite a user')),
    h('p', { class: 'muted' }, t('They receive an e-mail to join; they appear among the users once they accept.')),
    h('div', { class: 'inline-form' }, field(t('Email'), login), field(t('Name'), name), field(t('Access level'), access),
      h('button', { type: 'submit', class: 'primary' }, t('Send invitation'))), sent);
  invite.addEventListener('submit', async (event) => {
    event.preventDefault();
    markInvalid(login, '');
    sent.textContent = '';
    const address = login.value.trim();
    if (!address || !login.checkValidity()) { markInvalid(login, t('Enter an e-mail address.')); login.focus(); return; }
    const values = { login: address, access_level: access.value, ...(name.value.trim() ? { name: name.value.trim() } : {}) };
    try {
      await rpc.create('res.users', values);
    } catch (error) {
      markInvalid(login, error.message);
      login.focus();
      return;
    }
    invite.reset();
    sent.textContent = t('Invitation sent to {login}.', { login: address });
    announce(sent.textContent);
    await loadInvitations();
  });

  mount(view, h('div', { class: 'toolbar' }, h('h1', {}, t('Users'))),
    h('div', { class: 'scroll' }, h('table', { class: 'list stack', id: 'users' }, h('thead', {}, h('tr', {},
      ['Name', 'Login', 'Email', 'Access level'].map((c) => h('th', { scope: 'col' }, t(c))))), body)),
    invite,
    h('section', { class: 'invitations', 'aria-labelledby': 'pending-title' }, h('h2', { id: 'pending-title' }, t('Pending invitations')),
      noPending, pendingTable, past));
  await Promise.all([load(), loadInvitations()]);
}

/** A cell that carries its column's name, shown before the value when a phone stacks the table's rows. */
function cell(column, content) {
  return h('td', { dataset: { label: t(column) } }, content);
}
