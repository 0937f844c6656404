// Reports for leads, pipeline, forecast and activities: an SVG bar chart and a pivot table from read_group.
import { h, mount, field, select } from './dom.js';
import * as rpc from './rpc.js';
import { t, money } from './i18n.js';

const REPORTS = {
  leads: { label: 'Leads report', model: 'crm.opportunity.report', domain: [], measures: [['__count', 'Count'], ['expected_revenue', 'Expected revenue']],
    rows: [['create_date:month', 'Created'], ['team_id', 'Team'], ['user_id', 'Salesperson'], ['country_id', 'Country']], cols: [['type', 'Type'], ['is_won', 'Won']] },
  pipeline: { label: 'Pipeline report', model: 'crm.opportunity.report', domain: [['is_open', '=', true]],
    measures: [['expected_revenue', 'Expected revenue'], ['prorated_revenue', 'Prorated revenue'], ['__count', 'Count']],
    rows: [['stage_id', 'Stage'], ['user_id', 'Salesperson'], ['team_id', 'Team']], cols: [['team_id', 'Team'], ['priority', 'Priority'], ['user_id', 'Salesperson']] },
  forecast: { label: 'Forecast', model: 'crm.opportunity.report', domain: [['is_open', '=', true]],
    measures: [['prorated_revenue', 'Prorated revenue'], ['expected_revenue', 'Expected revenue'], ['__count', 'Count']],
    rows: [['date_deadline:month', 'Deadline month'], ['user_id', 'Salesperson']], cols: [['team_id', 'Team'], ['stage_id', 'Stage']] },
  activities: { label: 'Activities report', model: 'crm.activity.report', domain: [], measures: [['__count', 'Count']],
    rows: [['activity_type_id', 'Activity type'], ['user_id', 'Salesperson'], ['date:month', 'Month']], cols: [['state', 'Status'], ['kind', 'Type']] },
};

export async function render(view) {
  const state = { report: sessionStorage.getItem('embudo.report') || 'pipeline' };
  const tabs = h('div', { class: 'tabs', role: 'tablist' });
  const controls = h('div', { class: 'toolbar' });
  const chart = h('figure', { class: 'chart', id: 'report-chart' });
  const pivot = h('div', { class: 'scroll', id: 'report-pivot' });
  mount(view, h('div', { class: 'toolbar' }, h('h1', {}, t('Reports'))), tabs, controls, chart, pivot);
  const draw = async () => {
    const report = REPORTS[state.report];
    mount(tabs, Object.entries(REPORTS).map(([key, r]) => h('button', { role: 'tab', 'aria-selected': String(key === state.report), id: `tab-${key}`,
      onclick: () => { state.report = key; sessionStorage.setItem('embudo.report', key); state.measure = state.row = state.col = null; draw(); } }, t(r.label))));
    state.measure ||= report.measures[0][0]; state.row ||= report.rows[0][0]; state.col ||= report.cols[0][0];
    const measure = select(report.measures.map(([v, l]) => [v, t(l)]), state.measure, { required: true });
    const row = select(report.rows.map(([v, l]) => [v, t(l)]), state.row, { required: true });
    const col = select(report.cols.map(([v, l]) => [v, t(l)]), state.col, { empty: t('None') });
    if (!state.colSet) { state.colSet = true; }
    measure.onchange = () => { state.measure = measure.value; draw(); };
    row.onchange = () => { state.row = row.value; draw(); };
    col.onchange = () => { state.col = col.value || ''; draw(); };
    mount(controls, field(t('Measure'), measure), field(t('Rows'), row), field(t('Columns'), col));
    const groupBy = [state.row, ...(state.col ? [state.col] : [])];
    const fields = state.measure === '__count' ? [] : [state.measure];
    const groups = await rpc.call(report.model, 'read_group', [report.domain, fields, groupBy], { lazy: false });
    const value = (g) => (state.measure === '__count' ? g.__count : g[state.measure]) || 0;
    const label = (g, key) => { const v = g[key]; return Array.isArray(v) ? v[1] : v === false || v === null ? t('None') : String(v); };
    const rowKeys = [...new Set(groups.map((g) => label(g, state.row)))];
    const colKeys = state.col ? [...new Set(groups.map((g) => label(g, state.col)))] : [t('Total')];
    const cell = new Map();
    for (const g of groups) {
      const key = `${label(g, state.row)}\u0000${state.col ? label(g, state.col) : t('Total')}`;
      cell.set(key, (cell.get(key) || 0) + value(g));
    }
    const rowTotal = (r) => colKeys.reduce((s, c) => s + (cell.get(`${r}\u0000${c}`) || 0), 0);
    const format = state.measure === '__count' ? String : money;
    mount(chart, barChart(rowKeys.map((r) => [r, rowTotal(r)]), format, t(report.label)),
      h('figcaption', {}, `${t(report.label)} · ${t(report.measures.find(([v]) => v === state.measure)[1])}`));
    mount(pivot, h('table', { class: 'list pivot' }, h('caption', { class: 'sr-only' }, t('Pivot')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), colKeys.map((c) => h('th', { scope: 'col' }, c)), state.col && h('th', { scope: 'col' }, t('Total')))),
      h('tbody', {}, rowKeys.map((r) => h('tr', {}, h('th', { scope: 'row' }, r),
        colKeys.map((c) => h('td', { class: 'num' }, format(cell.get(`${r}\u0000${c}`) || 0))), state.col && h('td', { class: 'num total' }, format(rowTotal(r)))))),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, t('Total')),
        colKeys.map((c) => h('td', { class: 'num' }, format(rowKeys.reduce((s, r) => s + (cell.get(`${r}\u0000${c}`) || 0), 0)))),
        state.col && h('td', { class: 'num total' }, format(rowKeys.reduce((s, r) => s + rowTotal(r), 0)))))));
    chart.dataset.loaded = String(Date.now());
  };
  await draw();
}

/** A horizontal bar chart in SVG (labels as text nodes, so escaped). */
function barChart(bars, format, title) {
  const width = 640, barHeight = 24, gap = 8, labelWidth = 180, height = Math.max(1, bars.length) * (barHeight + gap) + gap;
  const max = Math.max(1, ...bars.map(([, v]) => v));
  return h('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'bars' },
    h('title', {}, title),
    bars.map(([label, v], i) => {
      const y = gap + i * (barHeight + gap), w = Math.max(1, (width - labelWidth - 90) * v / max);
      return h('g', {}, h('text', { x: labelWidth - 8, y: y + barHeight * 0.7, 'text-anchor': 'end', class: 'label' }, label.length > 24 ? `${label.slice(0, 23)}…` : label),
        h('rect', { x: labelWidth, y, width: w, height: barHeight, rx: 3, class: 'bar' }),
        h('text', { x: labelWidth + w + 6, y: y + barHeight * 0.7, class: 'value' }, format(v)));
    }));
}
