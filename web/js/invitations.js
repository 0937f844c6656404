// Invitations addressed to the logged-in user (res.users.invitation): the notice under the top bar, the
// #invitations screen the invitation e-mail links to, and the page of a user who belongs to no company yet.
import { h, mount, attempt, confirmAction, toast } from './dom.js';
import * as rpc from './rpc.js';
import { t, date } from './i18n.js';

export const LEVELS = { own: 'Own documents', all: 'All documents', admin: 'Administrator' };
const FIELDS = ['login', 'company_id', 'company_name', 'access_level', 'invited_by_name', 'expires_at'];

const idOf = (value) => (Array.isArray(value) ? value[0] : value);

/** The pending invitations addressed to the user (an administrator also reads their companies' own invitations). */
export async function pendingForMe() {
  const info = rpc.session.info;
  if (!info) return [];
  const mine = new Set(Object.keys(info.user_companies?.allowed_companies || {}).map(Number));
  const me = String(info.username || '').toLowerCase();
  const rows = await rpc.searchRead('res.users.invitation', [['state', '=', 'pending']], FIELDS);
  return rows.filter((row) => String(row.login || '').toLowerCase() === me && !mine.has(idOf(row.company_id)));
}

/** One invitation with its Accept and Decline buttons; onAnswered(invitation, accepted) once answered. */
export function offer(invitation, onAnswered) {
  const company = invitation.company_name || '';
  const details = [
    invitation.invited_by_name && t('Invited by {name}', { name: invitation.invited_by_name }),
    t('Access: {level}', { level: t(LEVELS[invitation.access_level] || invitation.access_level) }),
    invitation.expires_at && t('Until {date}', { date: date(invitation.expires_at) }),
  ].filter(Boolean).join(' · ');
  const accept = h('button', { type: 'button', class: 'primary accept' }, t('Accept'));
  const decline = h('button', { type: 'button', class: 'decline' }, t('Decline'));
  const item = h('div', { class: 'offer', dataset: { id: invitation.id } },
    h('div', { class: 'offer-text' }, h('strong', {}, t('{company} invites you to join it', { company })), h('span', { class: 'muted' }, details)),
    h('div', { class: 'offer-actions' }, accept, decline));
  const answer = async (accepted) => {
    accept.disabled = decline.disabled = true;
    const done = await attempt(() => rpc.call('res.users.invitation', accepted ? 'action_accept' : 'action_decline', [[invitation.id]]));
    if (done === undefined) { accept.disabled = decline.disabled = false; return; }
    toast(accepted ? t('You joined {company}.', { company }) : t('Invitation declined.'));
    await onAnswered(invitation, accepted);
  };
  accept.addEventListener('click', () => answer(true));
  decline.addEventListener('click', async () => {
    const sure = await confirmAction(t('Decline invitation'), t('Decline the invitation of {company}?', { company }),
      { confirm: t('Decline'), cancel: t('Cancel'), danger: true });
    if (sure) answer(false);
  });
  return item;
}

/** The #invitations screen. */
export async function render(view, { app }) {
  const list = h('div', { class: 'offers', id: 'my-invitations' });
  const load = async () => {
    const rows = await pendingForMe();
    mount(list, rows.length ? rows.map((row) => offer(row, async (invitation, accepted) => {
      if (accepted) await app.refreshSession();
      await load();
      app.refreshInvitations();
    })) : h('p', { class: 'muted empty' }, t('You have no pending invitations.')));
  };
  mount(view, h('div', { class: 'toolbar' }, h('h1', {}, t('Invitations'))), list);
  await load();
}
