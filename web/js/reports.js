// Reports: a measure and groupings chosen by the user, a date range and a team, a bar, line or pie chart, the pivot table
// with its totals, and the table exported as CSV. Everything comes from read_group on the report models; labels are words
// (fields_get's selections, months in the user's language), never stored values.
import { h, mount, field, select, m2oName } from './dom.js';
import * as rpc from './rpc.js';
import { t, money, number, monthLabel } from './i18n.js';
import { fieldsOf, valueLabel } from './meta.js';
import { dateInput } from './fields.js';
import { chart, downloadCsv } from './charts.js';

const LEAD_ROWS = [['stage_id', 'Stage'], ['user_id', 'Salesperson'], ['team_id', 'Sales Team'], ['partner_id', 'Customer'],
  ['country_id', 'Country'], ['priority', 'Priority'], ['type', 'Type'], ['lost_reason_id', 'Lost reason'],
  ['create_date:month', 'Created (month)'], ['date_closed:month', 'Closed (month)'], ['date_deadline:month', 'Expected closing (month)']];
const LEAD_MEASURES = [['__count', 'Count'], ['expected_revenue', 'Expected revenue'], ['prorated_revenue', 'Prorated revenue'],
  ['probability', 'Probability (average)'], ['days_to_close', 'Days to close (average)']];
const REPORTS = {
  pipeline: { label: 'Pipeline', model: 'crm.opportunity.report', domain: [['is_open', '=', true], ['type', '=', 'opportunity']],
    measure: 'expected_revenue', row: 'stage_id', col: '', chart: 'bar', date: 'date_deadline', measures: LEAD_MEASURES, rows: LEAD_ROWS },
  won: { label: 'Won revenue by month', model: 'crm.opportunity.report', domain: [['is_won', '=', true]], measure: 'expected_revenue',
    row: 'date_closed:month', col: '', chart: 'line', date: 'date_closed', measures: LEAD_MEASURES, rows: LEAD_ROWS },
  leads: { label: 'Leads and opportunities', model: 'crm.opportunity.report', domain: [], measure: '__count', row: 'create_date:month',
    col: 'type', chart: 'bar', date: 'create_date', measures: LEAD_MEASURES, rows: [...LEAD_ROWS, ['is_won', 'Won'], ['is_lost', 'Lost']] },
  activities: { label: 'Activities', model: 'crm.activity.report', domain: [], measure: '__count', row: 'activity_type_id', col: 'state',
    chart: 'bar', date: 'date', measures: [['__count', 'Count']],
    rows: [['activity_type_id', 'Activity type'], ['user_id', 'Assigned to'], ['state', 'Status'], ['kind', 'Kind'], ['team_id', 'Sales Team'],
      ['stage_id', 'Stage'], ['date:month', 'Date (month)']] },
};
// What an empty group is called.
const EMPTY = { user_id: 'Unassigned', team_id: 'No team', partner_id: 'No customer', stage_id: 'No stage', country_id: 'No country',
  lost_reason_id: 'No reason', activity_type_id: 'No type' };
const CHARTS = [['bar', 'Bar chart'], ['line', 'Line chart'], ['pie', 'Pie chart']];

export async function render(view) {
  const saved = JSON.parse(sessionStorage.getItem('embudo.report.state') || '{}');
  const state = { report: REPORTS[saved.report] ? saved.report : 'pipeline', ...saved };
  const teams = await rpc.searchRead('crm.team', [], ['name']);
  const tabs = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('Reports') });
  const controls = h('div', { class: 'report-controls' });
  const figure = h('figure', { class: 'chart', id: 'report-chart' });
  const pivot = h('div', { class: 'scroll', id: 'report-pivot' });
  const exportButton = h('button', { type: 'button', id: 'export-csv' }, t('Export (CSV)'));
  mount(view, h('div', { class: 'toolbar' }, h('h1', {}, t('Reports')), exportButton), tabs, controls, figure, pivot);
  let table = null;
  exportButton.onclick = () => { if (table) downloadCsv(`${t(REPORTS[state.report].label)}.csv`, table); };

  const choose = (key) => {
    const report = REPORTS[key];
    Object.assign(state, { report: key, measure: report.measure, row: report.row, col: report.col, chart: report.chart });
    draw();
  };
  const draw = async () => {
    const report = REPORTS[state.report];
    state.measure = report.measures.some(([v]) => v === state.measure) ? state.measure : report.measure;
    state.row = report.rows.some(([v]) => v === state.row) ? state.row : report.row;
    state.col = report.rows.some(([v]) => v === state.col) ? state.col : '';
    state.chart ||= report.chart;
    sessionStorage.setItem('embudo.report.state', JSON.stringify(state));
    mount(tabs, Object.entries(REPORTS).map(([key, r]) => h('button', { role: 'tab', type: 'button', 'aria-selected': String(key === state.report),
      id: `tab-${key}`, onclick: () => choose(key) }, t(r.label))));
    const fields = await fieldsOf(report.model);
    const measure = select(report.measures.map(([v, l]) => [v, t(l)]), state.measure, { required: true, name: 'measure' });
    const row = select(report.rows.map(([v, l]) => [v, t(l)]), state.row, { required: true, name: 'row' });
    const col = select(report.rows.map(([v, l]) => [v, t(l)]), state.col, { empty: t('No columns'), name: 'col' });
    const team = select(teams.map((x) => [x.id, x.name]), state.team || '', { empty: t('All teams'), name: 'team' });
    const from = dateInput(state.from || false, { name: 'date_from' });
    const to = dateInput(state.to || false, { name: 'date_to' });
    const kind = h('div', { class: 'segmented', role: 'radiogroup', 'aria-label': t('Chart') }, CHARTS.map(([value, label]) =>
      h('button', { type: 'button', role: 'radio', 'aria-checked': String(state.chart === value), dataset: { chart: value },
        onclick: () => { state.chart = value; draw(); } }, t(label))));
    const change = (key, control, read = () => control.value) => control.addEventListener('change', () => {
      if (control.checkValidity && !control.checkValidity()) return;
      state[key] = read(); draw();
    });
    change('measure', measure); change('row', row); change('col', col); change('team', team, () => Number(team.value) || '');
    change('from', from, () => from.read() || ''); change('to', to, () => to.read() || '');
    const dateLabel = t(fields[report.date]?.string || 'Date');
    mount(controls, field(t('Measure'), measure), field(t('Rows'), row), field(t('Columns'), col), field(t('Sales Team'), team),
      field(`${dateLabel}: ${t('from')}`, from), field(`${dateLabel}: ${t('to')}`, to), h('div', { class: 'field' }, h('span', { class: 'label' }, t('Chart')), kind));

    const domain = [...report.domain];
    if (state.team) domain.push(['team_id', '=', state.team]);
    const datetime = fields[report.date]?.type === 'datetime';
    if (state.from) domain.push([report.date, '>=', datetime ? `${state.from} 00:00:00` : state.from]);
    if (state.to) domain.push([report.date, '<=', datetime ? `${state.to} 23:59:59` : state.to]);
    const groupBy = [state.row, ...(state.col ? [state.col] : [])];
    const measureField = state.measure === '__count' ? [] : [state.measure];
    const groups = await rpc.call(report.model, 'read_group', [domain, measureField, groupBy], { lazy: false });
    const format = formatter(state.measure, fields);
    const value = (g) => (state.measure === '__count' ? g.__count : g[state.measure]) || 0;
    const averaged = ['probability', 'days_to_close'].includes(state.measure);
    const rowKeys = unique(groups.map((g) => label(g, state.row, fields)));
    const colKeys = state.col ? unique(groups.map((g) => label(g, state.col, fields))) : [];
    // Sums per cell, row, column and in all; averages are weighted by the records of each group.
    const sums = new Map(), counts = new Map();
    const put = (key, v, n) => { sums.set(key, (sums.get(key) || 0) + (averaged ? v * n : v)); counts.set(key, (counts.get(key) || 0) + n); };
    for (const g of groups) {
      const r = label(g, state.row, fields), c = state.col ? label(g, state.col, fields) : '';
      const v = value(g), n = g.__count || 0;
      put(`cell\u0000${r}\u0000${c}`, v, n); put(`row\u0000${r}`, v, n); put(`col\u0000${c}`, v, n); put('all', v, n);
    }
    const get = (key) => (averaged ? (sums.get(key) || 0) / (counts.get(key) || 1) : sums.get(key) || 0);
    const cellValue = (r, c) => get(`cell\u0000${r}\u0000${c}`);
    const rowValue = (r) => get(`row\u0000${r}`);
    const colValue = (c) => get(`col\u0000${c}`);
    const total = get('all');
    const measureLabel = t(report.measures.find(([v]) => v === state.measure)[1]);
    const rowLabel = t(report.rows.find(([v]) => v === state.row)[1]);
    const title = `${measureLabel} · ${rowLabel}`;
    mount(figure, groups.length ? chart(state.chart, rowKeys.map((r) => [r, rowValue(r)]), format, title, figure.clientWidth - 24)
      : h('p', { class: 'muted empty' }, t('Nothing to show')), h('figcaption', {}, `${t(report.label)} · ${title}`));
    figure.dataset.loaded = String(Date.now());
    figure.dataset.chart = state.chart;
    // The pivot, and the same table for the CSV file (numbers unformatted, so that spreadsheets can add them up).
    const header = [rowLabel, ...(state.col ? colKeys : []), t('Total')];
    table = [header, ...rowKeys.map((r) => [r, ...(state.col ? colKeys.map((c) => round(cellValue(r, c))) : []), round(rowValue(r))]),
      [t('Total'), ...(state.col ? colKeys.map((c) => round(colValue(c))) : []), round(total)]];
    mount(pivot, h('table', { class: 'list pivot' }, h('caption', { class: 'sr-only' }, title),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, rowLabel), state.col && colKeys.map((c) => h('th', { scope: 'col', class: 'num' }, c)),
        h('th', { scope: 'col', class: 'num total' }, t('Total')))),
      h('tbody', {}, rowKeys.map((r) => h('tr', {}, h('th', { scope: 'row' }, r),
        state.col && colKeys.map((c) => h('td', { class: 'num' }, format(cellValue(r, c)))), h('td', { class: 'num total' }, format(rowValue(r)))))),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, t('Total')), state.col && colKeys.map((c) => h('td', { class: 'num' }, format(colValue(c)))),
        h('td', { class: 'num total', id: 'grand-total' }, format(total))))));
  };
  await draw();
}

const unique = (values) => [...new Set(values)];
const round = (value) => Math.round(value * 100) / 100;

/** A group's value as words: a record's name, a month in the user's language, a selection's label, Yes / No. */
function label(group, key, fields) {
  const [name, granularity] = key.split(':');
  const value = group[key];
  if (granularity) {
    const start = (group.__domain || []).find((term) => Array.isArray(term) && term[0] === name && term[1] === '>=');
    return start ? monthLabel(start[2]) : t('No date');
  }
  if (Array.isArray(value)) return m2oName(value);
  if (value === false || value === null || value === undefined) {
    return EMPTY[name] ? t(EMPTY[name]) : fields[name]?.type === 'boolean' ? t('No') : t('Not set');
  }
  return valueLabel(fields, name, value);
}

function formatter(measure, fields) {
  if (measure === '__count') return (v) => number(v, { digits: 0 });
  if (fields[measure]?.type === 'monetary') return (v) => money(v);
  if (measure === 'probability') return (v) => `${number(v, { digits: 1 })} %`;
  return (v) => number(v, { digits: 1 });
}
