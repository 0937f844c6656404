// Configuration: stages, teams and members, tags with colours, lost reasons, activity types, the leads setting,
// the company's mail domain. A chooser at the top names the sections: on a desk every section is shown and the chooser
// (kept in sight) brings one into view; on a phone only the chosen section is shown, right under the chooser.
import { h, mount, field, attempt, toast } from './dom.js';
import * as rpc from './rpc.js';
import { t } from './i18n.js';
import { editor } from './editor.js';
import { mailDomain } from './mail-domain.js';

// [the section's id, its title]: the sections in the order they are shown.
const SECTIONS = [['settings-form', 'Settings'], ['mail-domain', 'Mail domain'], ['stages', 'Stages'], ['teams', 'Sales Teams'], ['tags', 'Tags'],
  ['lost-reasons', 'Lost reasons'], ['activity-types', 'Activity types']];
const phoneQuery = window.matchMedia('(max-width: 760px)');
const SAVED = 'embudo.config.section';

export async function render(view, { app }) {
  const useLeads = h('input', { type: 'checkbox', name: 'group_use_lead', checked: app.useLeads });
  const settings = h('form', { class: 'panel', id: 'settings-form', 'aria-labelledby': 'settings-title' }, h('h2', { id: 'settings-title' }, t('Settings')),
    field(t('Use leads'), useLeads), h('button', { type: 'submit', class: 'primary' }, t('Save')));
  settings.addEventListener('submit', async (event) => {
    event.preventDefault();
    const done = await attempt(async () => {
      const id = await rpc.create('res.config.settings', { group_use_lead: useLeads.checked });
      await rpc.call('res.config.settings', 'execute', [[id]]);
    });
    if (done !== undefined) { app.useLeads = useLeads.checked; toast(t('Saved')); location.reload(); }
  });
  const domainHolder = h('div', { class: 'holder' });
  const sections = h('div', { class: 'config-sections', id: 'config-sections' }, settings, domainHolder);
  const chooser = sectionChooser(sections);
  mount(view, h('div', { class: 'toolbar' }, h('h1', {}, t('Configuration')),
    h('a', { class: 'button', href: '#/products', id: 'to-products' }, t('Products')),
    h('a', { class: 'button', href: '#/pricelists', id: 'to-pricelists' }, t('Pricelists'))), chooser.nav, sections);
  // Each editor adds its section at once (in this order) and fills it when its records come.
  const loading = Promise.all([mailDomain(domainHolder, { app }),
    editor(sections, { id: 'stages', title: 'Stages', model: 'crm.stage', reorder: true, columns: [['name', 'Name', 'char'],
      ['fold', 'Folded', 'boolean'], ['is_won', 'Is won stage', 'boolean'], ['team_id', 'Sales Team', 'm2o', 'crm.team']] }),
    editor(sections, { id: 'teams', title: 'Sales Teams', model: 'crm.team', columns: [['name', 'Name', 'char'], ['user_id', 'Team leader', 'm2o', 'res.users'],
      ['member_ids', 'Members', 'm2m', 'res.users'], ['invoiced_target', 'Monthly target', 'monetary', { min: 0 }], ['use_quotations', 'Quotations', 'boolean'],
      ['use_opportunities', 'Pipeline', 'boolean'], ['use_leads', 'Leads', 'boolean'], ['alias_name', 'Email alias', 'char'],
      ['alias_contact', 'Accept emails from', 'selection', [['everyone', 'Everyone'], ['partners', 'Known customers'], ['followers', 'Followers only']]]] }),
    editor(sections, { id: 'tags', title: 'Tags', model: 'crm.tag', columns: [['name', 'Name', 'char'], ['color', 'Color', 'color']] }),
    editor(sections, { id: 'lost-reasons', title: 'Lost reasons', model: 'crm.lost.reason', columns: [['name', 'Name', 'char']],
      inUse: ['crm.lead', 'lost_reason'] }),
    // Activity types: the delay (a count of days, weeks or months, from the day it is scheduled or the previous deadline) and
    // the next activity they suggest or force.
    editor(sections, { id: 'activity-types', title: 'Activity types', model: 'mail.activity.type', reorder: true, inUse: ['mail.activity', 'activity_type_id'],
      columns: [['name', 'Name', 'char'], ['summary', 'Default summary', 'char'], ['delay_count', 'Delay', 'integer', { min: 0 }],
        ['delay_unit', 'Delay unit', 'selection', [['days', 'Days'], ['weeks', 'Weeks'], ['months', 'Months']]],
        ['delay_from', 'Counted from', 'selection', [['current_date', 'the day it is scheduled'], ['previous_activity', 'the previous deadline']]],
        ['default_next_type_id', 'Next activity', 'm2o', 'mail.activity.type'], ['force_next', 'Forced', 'boolean']] })]);
  chooser.choose(sessionStorage.getItem(SAVED));
  await loading;
  chooser.choose(sessionStorage.getItem(SAVED));
}

/**
 * The sections' chooser: a button per section. The chosen one is marked (aria-current) and is the one a phone shows;
 * on a desk the page scrolls to it, under the top bar and the chooser (which stays in sight).
 */
function sectionChooser(sections) {
  const buttons = SECTIONS.map(([id, title]) => h('button', { type: 'button', class: 'chip', 'aria-controls': id, dataset: { section: id },
    onclick: () => choose(id, { scroll: true }) }, t(title)));
  const nav = h('nav', { class: 'config-nav', id: 'config-nav', 'aria-label': t('Sections') }, h('ul', {}, buttons.map((button) => h('li', {}, button))));
  function choose(id, { scroll = false } = {}) {
    const chosen = SECTIONS.some(([known]) => known === id) ? id : SECTIONS[0][0];
    sessionStorage.setItem(SAVED, chosen);
    for (const [known] of SECTIONS) document.getElementById(known)?.classList.toggle('current', known === chosen);
    buttons.forEach((button) => button.toggleAttribute('aria-current', button.dataset.section === chosen));
    sections.dataset.current = chosen;
    if (!scroll) { spy(); return; }
    const section = document.getElementById(chosen);
    const heading = section?.querySelector('h2');
    if (heading) { heading.tabIndex = -1; heading.focus({ preventScroll: true }); }
    const topbar = document.getElementById('topbar')?.offsetHeight || 0;
    if (phoneQuery.matches) {
      // The section is right under the chooser: the chooser comes back into sight when it was scrolled past.
      if (nav.getBoundingClientRect().top < topbar) window.scrollTo({ top: nav.getBoundingClientRect().top + window.scrollY - topbar - 8 });
    } else if (section) {
      window.scrollTo({ top: section.getBoundingClientRect().top + window.scrollY - topbar - nav.offsetHeight - 8 });
      // Marked as chosen even when the page cannot scroll it to the top (the last ones), until the user scrolls.
      pinned = { id: chosen, y: window.scrollY };
    }
  }
  // On a desk, the section being read is the one marked as the page scrolls.
  let pending = false, pinned = null;
  function spy() {
    pending = false;
    if (!nav.isConnected) { window.removeEventListener('scroll', onScroll); return; }
    if (phoneQuery.matches) return;
    if (pinned && Math.abs(window.scrollY - pinned.y) < 2) return;
    pinned = null;
    // The section that takes the most of the screen under the chooser (the first one at the top of the page).
    const line = nav.getBoundingClientRect().bottom;
    const seen = (section) => {
      const box = section.getBoundingClientRect();
      return Math.max(0, Math.min(box.bottom, window.innerHeight) - Math.max(box.top, line));
    };
    const shown = SECTIONS.map(([id]) => document.getElementById(id)).filter(Boolean);
    const reading = window.scrollY < 8 ? shown[0] : shown.reduce((best, section) => (seen(section) > seen(best) ? section : best), shown[0]);
    buttons.forEach((button) => button.toggleAttribute('aria-current', button.dataset.section === reading?.id));
  }
  const onScroll = () => { if (!pending) { pending = true; requestAnimationFrame(spy); } };
  window.addEventListener('scroll', onScroll, { passive: true });
  return { nav, choose };
}
