// The pipeline: opportunities by stage for a team, drag and drop (pointer) or keyboard moves between stages,
// per-column count and expected revenue, priority stars, activity clock, quick create and fold.
import { h, mount, announce, field, m2oName, m2oId, attempt, select } from './dom.js';
import * as rpc from './rpc.js';
import { t, money } from './i18n.js';
import { stars, clock } from './widgets.js';
import { TAG_COLORS } from './editor.js';

const CARD_FIELDS = ['name', 'partner_id', 'expected_revenue', 'priority', 'user_id', 'activity_state', 'activity_date_deadline',
  'activity_summary', 'stage_id', 'tag_ids', 'type'];

export async function render(view) {
  const teams = await rpc.searchRead('crm.team', [], ['name']);
  const saved = sessionStorage.getItem('embudo.team') || '';
  const teamChoice = select(teams.map((team) => [team.id, team.name]), saved, { empty: t('All teams') });
  teamChoice.id = 'team-choice';
  const board = h('div', { class: 'kanban', id: 'kanban' });
  const help = h('p', { id: 'kanban-help', class: 'sr-only' },
    t('Use the arrow keys Left and Right to move the card to another stage, Enter to open it.'));
  mount(view, h('div', { class: 'toolbar' }, h('h1', {}, t('Pipeline')), field(t('Team'), teamChoice),
    h('a', { class: 'button', href: '#/opportunities' }, t('List')),
    h('a', { class: 'button primary', href: '#/lead/new' }, t('New'))), help, board);
  const state = { folded: new Map(), board, team: () => Number(teamChoice.value) || false };
  teamChoice.addEventListener('change', () => { sessionStorage.setItem('embudo.team', teamChoice.value); load(state); });
  await load(state);
}

function domain(state) {
  const team = state.team();
  return [['type', '=', 'opportunity'], ...(team ? [['team_id', '=', team]] : [])];
}

async function load(state, focusId) {
  const [groups, cards, tags] = await Promise.all([
    rpc.call('crm.lead', 'read_group', [domain(state), ['expected_revenue'], ['stage_id']], { lazy: true }),
    rpc.searchRead('crm.lead', domain(state), CARD_FIELDS, { limit: 1000 }),
    rpc.searchRead('crm.tag', [], ['name', 'color']),
  ]);
  state.tags = new Map(tags.map((tag) => [tag.id, tag]));
  const team = state.team();
  state.stages = groups.filter((g) => g.stage_id).map((g) => ({ id: g.stage_id[0], name: g.stage_id[1], count: g.stage_id_count,
    revenue: g.expected_revenue || 0, fold: state.folded.has(g.stage_id[0]) ? state.folded.get(g.stage_id[0]) : !!g.__fold }));
  const byStage = new Map(state.stages.map((s) => [s.id, []]));
  for (const card of cards) byStage.get(m2oId(card.stage_id))?.push(card);
  mount(state.board, state.stages.map((stage, index) => column(state, stage, byStage.get(stage.id), index, team)));
  state.board.dataset.loaded = String(Date.now());
  if (focusId) state.board.querySelector(`[data-id="${focusId}"]`)?.focus();
}

function column(state, stage, cards, index, team) {
  const heading = `stage-${stage.id}-title`;
  const foldButton = h('button', { class: 'icon fold', 'aria-expanded': String(!stage.fold), 'aria-label': `${stage.fold ? t('Unfold') : t('Fold')} ${stage.name}`,
    onclick: () => { state.folded.set(stage.id, !stage.fold); load(state); } }, stage.fold ? '▸' : '▾');
  const header = h('header', {},
    h('h2', { id: heading }, stage.name),
    h('span', { class: 'count', title: t('Count') }, String(stage.count)),
    h('span', { class: 'sum', title: t('Expected revenue') }, money(stage.revenue)),
    foldButton);
  const section = h('section', { class: `column ${stage.fold ? 'folded' : ''}`, 'aria-labelledby': heading,
    dataset: { stage: stage.id, index } }, header);
  if (stage.fold) return section;
  section.append(quickCreate(state, stage, team));
  section.append(h('ul', { class: 'cards', role: 'list' }, cards.map((lead) => h('li', {}, card(state, lead, index)))));
  return section;
}

function quickCreate(state, stage, team) {
  const name = h('input', { name: 'name', required: true });
  const revenue = h('input', { name: 'expected_revenue', type: 'number', min: 0, step: 'any' });
  const form = h('form', { class: 'quick-create', hidden: true },
    field(t('Opportunity'), name), field(t('Expected revenue'), revenue),
    h('div', { class: 'buttons' }, h('button', { class: 'primary', type: 'submit' }, t('Add')),
      h('button', { type: 'button', onclick: () => { form.hidden = true; } }, t('Cancel'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = { name: name.value, type: 'opportunity', stage_id: stage.id, expected_revenue: Number(revenue.value) || 0 };
    if (team) values.team_id = team;
    const id = await attempt(() => rpc.create('crm.lead', values));
    if (id) await load(state);
  });
  const open = h('button', { class: 'icon add', 'aria-label': `${t('Quick create')}: ${stage.name}`,
    onclick: () => { form.hidden = !form.hidden; if (!form.hidden) name.focus(); } }, '+');
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
    clock(lead),
    h('span', { class: 'salesperson', title: t('Salesperson') }, m2oName(lead.user_id))));
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
  dragSupport(state, node, lead);
  return node;
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
    if (down.button !== 0 || down.target.closest('button, a.title:focus')) return;
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
  // Clicking a card (not dragging) opens it.
  node.addEventListener('click', (event) => {
    if (Date.now() - Number(node.dataset.dragged || 0) < 400 || event.target.closest('button')) return;
    location.hash = `#/lead/${lead.id}`;
  });
}
