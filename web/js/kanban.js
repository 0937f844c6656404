// The pipeline: opportunities by stage for a team, drag and drop (pointer) or keyboard moves between stages,
// per-column count and expected revenue, priority stars, activity clock, quick create and fold. A column shows its first
// 80 cards and loads more on demand (its count and sum are of all of them). On a phone one stage shows at a time, with a
// stage switcher, and each card has a "Move to" choice.
import { h, mount, announce, field, m2oName, m2oId, attempt, select, validate } from './dom.js';
import * as rpc from './rpc.js';
import { t, money } from './i18n.js';
import { stars, clock } from './widgets.js';
import { TAG_COLORS, input } from './fields.js';
import { choices, forget } from './relations.js';
import { searchBar } from './search.js';
import { scheduleActivity } from './activities.js';

const PAGE = 80;
const phoneQuery = window.matchMedia('(max-width: 760px)');
const CARD_FIELDS = ['name', 'partner_id', 'expected_revenue', 'priority', 'user_id', 'activity_state', 'activity_date_deadline',
  'activity_summary', 'stage_id', 'tag_ids', 'type'];

export async function render(view) {
  const teams = await rpc.searchRead('crm.team', [], ['name']);
  const saved = sessionStorage.getItem('embudo.team') || '';
  const teamChoice = select(teams.map((team) => [team.id, team.name]), saved, { empty: t('All teams') });
  teamChoice.id = 'team-choice';
  const board = h('div', { class: 'kanban', id: 'kanban' });
  const switcher = h('select', { id: 'stage-switch', name: 'stage' });
  const help = h('p', { id: 'kanban-help', class: 'sr-only' },
    t('Use the arrow keys Left and Right to move the card to another stage, Enter to open it.'));
  // The list's search bar and filters (won and lost cards are not in the pipeline's columns: no such filters here).
  const state = { folded: new Map(), shown: new Map(), board, switcher, team: () => Number(teamChoice.value) || false,
    current: Number(sessionStorage.getItem('embudo.stage')) || null };
  const bar = searchBar('pipeline', () => { state.shown.clear(); load(state); }, { without: ['lost', 'won', 'open'] });
  state.search = bar;
  mount(view, h('div', { class: 'toolbar' }, h('h1', {}, t('Pipeline')), bar.input, field(t('Sales Team'), teamChoice),
    h('a', { class: 'button', href: '#/opportunities' }, t('List')),
    h('a', { class: 'button primary', href: '#/lead/new' }, t('New'))), bar.chips, help,
  h('div', { class: 'stage-switch' }, field(t('Stage'), switcher)), board);
  teamChoice.addEventListener('change', () => { sessionStorage.setItem('embudo.team', teamChoice.value); state.shown.clear(); load(state); });
  switcher.addEventListener('change', () => {
    state.current = Number(switcher.value);
    sessionStorage.setItem('embudo.stage', switcher.value);
    load(state);
  });
  // Turning a phone, or resizing a window, across the phone's width draws the board again.
  const redraw = () => { if (state.board.isConnected) load(state); else phoneQuery.removeEventListener('change', redraw); };
  phoneQuery.addEventListener('change', redraw);
  await load(state);
}

function domain(state, stage) {
  const team = state.team();
  return [['type', '=', 'opportunity'], ...(team ? [['team_id', '=', team]] : []), ...(stage ? [['stage_id', '=', stage]] : []),
    ...(state.search ? state.search.domain() : [])];
}

/** The cards of a stage, from the offset on. */
const cardsOf = (state, stage, offset, limit) => rpc.searchRead('crm.lead', domain(state, stage), CARD_FIELDS, { offset, limit });

async function load(state, focusId) {
  const phone = phoneQuery.matches;
  const [groups, tags] = await Promise.all([
    rpc.call('crm.lead', 'read_group', [domain(state), ['expected_revenue'], ['stage_id']], { lazy: true }),
    rpc.searchRead('crm.tag', [], ['name', 'color']),
  ]);
  state.tags = new Map(tags.map((tag) => [tag.id, tag]));
  state.phone = phone;
  const team = state.team();
  state.stages = groups.filter((g) => g.stage_id).map((g) => ({ id: g.stage_id[0], name: g.stage_id[1], count: g.stage_id_count,
    revenue: g.expected_revenue || 0, fold: state.folded.has(g.stage_id[0]) ? state.folded.get(g.stage_id[0]) : !!g.__fold }));
  if (!state.stages.some((s) => s.id === state.current)) state.current = state.stages.find((s) => !s.fold)?.id || state.stages[0]?.id || null;
  // On a phone only the current stage is drawn, unfolded; elsewhere every unfolded stage.
  const drawn = state.stages.filter((s) => (phone ? s.id === state.current : !s.fold));
  const cards = await Promise.all(drawn.map((s) => cardsOf(state, s.id, 0, Math.max(state.shown.get(s.id) || PAGE, PAGE))));
  const byStage = new Map(drawn.map((s, i) => [s.id, cards[i]]));
  mount(state.switcher, state.stages.map((s) => h('option', { value: s.id, selected: s.id === state.current }, `${s.name} (${s.count})`)));
  mount(state.board, state.stages.map((stage, index) => column(state, { ...stage, fold: phone ? false : stage.fold }, byStage.get(stage.id), index, team)));
  state.board.classList.toggle('single', phone);
  state.board.dataset.loaded = String(Date.now());
  if (focusId) state.board.querySelector(`[data-id="${focusId}"]`)?.focus();
}

function column(state, stage, cards, index, team) {
  const heading = `stage-${stage.id}-title`;
  const foldButton = h('button', { class: 'icon fold', 'aria-expanded': String(!stage.fold), 'aria-label': `${stage.fold ? t('Unfold') : t('Fold')} ${stage.name}`,
    onclick: () => { state.folded.set(stage.id, !stage.fold); load(state); } }, stage.fold ? '▸' : '▾');
  const header = h('header', {},
    h('h2', { id: heading, title: stage.name }, stage.name),
    h('span', { class: 'count', title: t('Count') }, String(stage.count)),
    h('span', { class: 'sum', title: t('Expected revenue') }, money(stage.revenue)),
    foldButton);
  const current = stage.id === state.current;
  const section = h('section', { class: `column ${stage.fold ? 'folded' : ''} ${current ? 'current' : ''}`, 'aria-labelledby': heading,
    dataset: { stage: stage.id, index } }, header);
  if (stage.fold || !cards) return section;
  state.shown.set(stage.id, cards.length);
  const list = h('ul', { class: 'cards', role: 'list' }, cards.map((lead) => h('li', {}, card(state, lead, index))));
  section.append(quickCreate(state, stage, team), list);
  // Odoo's "Load more": the next cards of the column, added at its end.
  const more = h('button', { type: 'button', class: 'load-more', onclick: async () => {
    more.disabled = true;
    const next = await attempt(() => cardsOf(state, stage.id, state.shown.get(stage.id), PAGE));
    more.disabled = false;
    if (!next) return;
    list.append(...next.map((lead) => h('li', {}, card(state, lead, index))));
    state.shown.set(stage.id, state.shown.get(stage.id) + next.length);
    updateMore();
  } });
  const updateMore = () => {
    const left = stage.count - state.shown.get(stage.id);
    more.hidden = left <= 0;
    mount(more, t('Load more'), h('span', { class: 'left' }, ` (${left})`));
    section.dataset.shown = String(state.shown.get(stage.id));
  };
  updateMore();
  section.append(more);
  return section;
}

/** Odoo's quick create: the opportunity, its customer, e-mail, phone, expected revenue and priority, in the column's stage. */
function quickCreate(state, stage, team) {
  const name = input('char', '', { name: 'name', required: true });
  const customer = select([], '', { name: 'partner_id' });
  const email = input('email', '', { name: 'email_from' });
  const phone = input('phone', '', { name: 'phone' });
  const revenue = input('monetary', '', { name: 'expected_revenue', min: 0 });
  const priority = input('priority', '0', { name: 'priority' });
  const form = h('form', { class: 'quick-create', hidden: true, novalidate: true },
    field(t('Opportunity'), name), field(t('Customer'), customer), field(t('Email'), email), field(t('Phone'), phone),
    field(t('Expected revenue'), revenue), field(t('Priority'), priority),
    h('div', { class: 'buttons' }, h('button', { class: 'primary', type: 'submit' }, t('Add')),
      h('button', { type: 'button', onclick: () => { form.hidden = true; } }, t('Cancel'))));
  // The customer's e-mail and phone fill the empty fields.
  customer.addEventListener('change', async () => {
    const [partner] = customer.value ? await rpc.read('res.partner', [Number(customer.value)], ['email', 'phone']) : [];
    if (partner?.email && !email.value) email.value = partner.email;
    if (partner?.phone && !phone.value) phone.value = partner.phone;
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!validate(form)) return;
    const values = { name: name.value.trim() || false, type: 'opportunity', stage_id: stage.id, expected_revenue: revenue.read(),
      priority: priority.read() };
    if (customer.value) values.partner_id = Number(customer.value);
    if (email.value) values.email_from = email.value;
    if (phone.value) values.phone = phone.value;
    if (team) values.team_id = team;
    const id = await attempt(() => rpc.create('crm.lead', values), form);
    if (id) { forget('res.partner'); await load(state); }
  });
  const open = h('button', { class: 'icon add', 'aria-label': `${t('Quick create')}: ${stage.name}`, onclick: async () => {
    form.hidden = !form.hidden;
    if (form.hidden) return;
    name.focus();
    if (customer.options.length <= 1) {
      const partners = await choices('res.partner');
      customer.append(...partners.map(([value, label]) => h('option', { value }, label)));
    }
  } }, '+');
  return h('div', {}, open, form);
}

function card(state, lead, index) {
  const node = h('article', { class: 'card lead', tabindex: 0, dataset: { id: lead.id, stage: m2oId(lead.stage_id) },
    'aria-describedby': 'kanban-help', 'aria-label': lead.name },
  h('a', { class: 'title', href: `#/lead/${lead.id}`, tabindex: -1, draggable: 'false' }, lead.name),
  lead.partner_id && h('div', { class: 'customer' }, m2oName(lead.partner_id)),
  lead.tag_ids?.length ? h('ul', { class: 'tags', 'aria-label': t('Tags') }, lead.tag_ids.map((id) => state.tags.get(id)).filter(Boolean)
    .map((tag) => h('li', { class: 'tag', style: `border-color: ${TAG_COLORS[tag.color % TAG_COLORS.length] || TAG_COLORS[0]}` }, tag.name))) : null,
  h('div', { class: 'revenue' }, money(lead.expected_revenue)),
  h('div', { class: 'meta' },
    stars(lead.priority, async (value) => { await attempt(() => rpc.write('crm.lead', [lead.id], { priority: value })); load(state, lead.id); }),
    clock(lead, async () => { if (await scheduleActivity('crm.lead', lead.id, lead.name)) load(state, lead.id); }),
    h('span', { class: 'salesperson', title: t('Salesperson') }, m2oName(lead.user_id))),
  state.phone && moveTo(state, lead));
  node.addEventListener('keydown', (event) => {
    if (event.target !== node) return;
    if (event.key === 'Enter') { location.hash = `#/lead/${lead.id}`; return; }
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step) {
      event.preventDefault();
      const target = state.stages[index + step];
      if (target) move(state, lead, target);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const siblings = [...node.closest('.cards').querySelectorAll('.card')];
      siblings[siblings.indexOf(node) + (event.key === 'ArrowDown' ? 1 : -1)]?.focus();
    }
  });
  if (!state.phone) dragSupport(state, node, lead);
  // Clicking a card (not dragging it, nor using one of its controls) opens it.
  node.addEventListener('click', (event) => {
    if (Date.now() - Number(node.dataset.dragged || 0) < 400 || event.target.closest('button, select, label')) return;
    location.hash = `#/lead/${lead.id}`;
  });
  return node;
}

/** On a phone (no dragging between columns side by side): a choice of the stage to move the card to. */
function moveTo(state, lead) {
  const choice = h('select', { class: 'move-to', name: 'move_to', 'aria-label': `${t('Move to…')} ${lead.name}` },
    h('option', { value: '' }, t('Move to…')),
    state.stages.filter((s) => s.id !== m2oId(lead.stage_id)).map((s) => h('option', { value: s.id }, s.name)));
  choice.addEventListener('change', () => {
    const stage = state.stages.find((s) => s.id === Number(choice.value));
    if (stage) move(state, lead, stage);
  });
  return h('div', { class: 'move' }, choice);
}

async function move(state, lead, stage) {
  if (m2oId(lead.stage_id) === stage.id) return;
  const done = await attempt(() => rpc.write('crm.lead', [lead.id], { stage_id: stage.id }));
  if (done === undefined) return;
  announce(`${lead.name}: ${t('Moved to')} ${stage.name}`);
  await load(state, lead.id);
}

// Pointer-based dragging works with a mouse, a pen and a finger alike.
function dragSupport(state, node, lead) {
  // The browser's own drag of links and text would cancel the pointer events.
  node.addEventListener('dragstart', (event) => event.preventDefault());
  node.addEventListener('pointerdown', (down) => {
    if (down.button !== 0 || down.target.closest('button, select, a.title:focus')) return;
    let ghost = null;
    const startX = down.clientX, startY = down.clientY;
    const columnAt = (x, y) => {
      if (ghost) ghost.style.display = 'none';
      const found = document.elementFromPoint(x, y)?.closest('.column');
      if (ghost) ghost.style.display = '';
      return found;
    };
    const onMove = (event) => {
      if (!ghost && Math.hypot(event.clientX - startX, event.clientY - startY) < 6) return;
      if (!ghost) {
        ghost = node.cloneNode(true);
        ghost.classList.add('ghost');
        ghost.style.width = `${node.offsetWidth}px`;
        document.body.append(ghost);
        node.classList.add('dragging');
      }
      ghost.style.left = `${event.clientX - 20}px`;
      ghost.style.top = `${event.clientY - 10}px`;
      state.board.querySelectorAll('.column').forEach((c) => c.classList.toggle('drop-target', c === columnAt(event.clientX, event.clientY)));
    };
    const onUp = (event) => {
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      if (!ghost) return;
      const target = columnAt(event.clientX, event.clientY);
      ghost.remove();
      node.classList.remove('dragging');
      node.dataset.dragged = String(Date.now());
      state.board.querySelectorAll('.drop-target').forEach((c) => c.classList.remove('drop-target'));
      const stage = target && state.stages.find((s) => s.id === Number(target.dataset.stage));
      if (stage) move(state, lead, stage);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
  });
}
