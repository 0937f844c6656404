// Charts in SVG, drawn from [label, value] pairs: horizontal bars, a line, a pie. Labels are text nodes (escaped), the
// values are written with the report's formatter, and each chart has a title for screen readers.
import { h } from './dom.js';

const PALETTE = ['#6d4c9f', '#2c8397', '#f4a460', '#30c381', '#d6145f', '#6cc1ed', '#f7cd1f', '#814968', '#475577', '#eb7e7f'];
export const colorAt = (index) => PALETTE[index % PALETTE.length];
const short = (label, size) => (label.length > size ? `${label.slice(0, size - 1)}…` : label);

/** width: the room the chart has (its drawing is that wide, so that its text keeps its size on a phone). */
export function chart(kind, points, format, title, width = 640) {
  const size = Math.round(Math.max(300, Math.min(760, width)));
  if (kind === 'line') return lineChart(points, format, title, size);
  if (kind === 'pie') return pieChart(points, format, title, size);
  return barChart(points, format, title, size);
}

function frame(width, height, title, kind, ...children) {
  return h('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: `chart-svg chart-${kind}`, dataset: { kind } },
    h('title', {}, title), ...children);
}

function barChart(points, format, title, width) {
  const barHeight = 24, gap = 8, labelWidth = Math.min(190, Math.round(width * 0.3)), height = Math.max(1, points.length) * (barHeight + gap) + gap;
  const max = Math.max(1, ...points.map(([, v]) => v));
  return frame(width, height, title, 'bar', points.map(([label, v], i) => {
    const y = gap + i * (barHeight + gap), w = Math.max(1, (width - labelWidth - 130) * Math.max(0, v) / max);
    return h('g', {}, h('text', { x: labelWidth - 8, y: y + barHeight * 0.7, 'text-anchor': 'end', class: 'label' }, short(label, Math.floor(labelWidth / 7.5))),
      h('rect', { x: labelWidth, y, width: w, height: barHeight, rx: 3, class: 'bar' }, h('title', {}, `${label}: ${format(v)}`)),
      h('text', { x: labelWidth + w + 6, y: y + barHeight * 0.7, class: 'value' }, format(v)));
  }));
}

function lineChart(points, format, title, width) {
  const height = 300, left = 16, right = 16, top = 28, bottom = 56;
  const max = Math.max(1, ...points.map(([, v]) => v));
  const step = points.length > 1 ? (width - left - right) / (points.length - 1) : 0;
  const at = (i, v) => [left + (points.length > 1 ? i * step : (width - left - right) / 2), top + (height - top - bottom) * (1 - Math.max(0, v) / max)];
  const path = points.map(([, v], i) => at(i, v).join(',')).join(' ');
  const every = Math.max(1, Math.ceil(points.length / Math.max(2, Math.floor(width / 90))));
  return frame(width, height, title, 'line',
    h('line', { x1: left, y1: height - bottom, x2: width - right, y2: height - bottom, class: 'axis' }),
    h('polyline', { points: path, class: 'line' }),
    points.map(([label, v], i) => {
      const [x, y] = at(i, v);
      return h('g', {}, h('circle', { cx: x, cy: y, r: 4, class: 'point' }, h('title', {}, `${label}: ${format(v)}`)),
        i % every === 0 && h('text', { x, y: height - bottom + 18, 'text-anchor': 'middle', class: 'label' }, short(label, 16)),
        (points.length <= width / 60 || i === points.length - 1) && h('text', { x, y: y - 9, 'text-anchor': 'middle', class: 'value small' }, format(v)));
    }));
}

function pieChart(points, format, title, width) {
  const positive = points.filter(([, v]) => v > 0);
  const total = positive.reduce((sum, [, v]) => sum + v, 0) || 1;
  // On a narrow screen the legend goes under the pie.
  const narrow = width < 560, radius = 110, cx = narrow ? width / 2 : 130, cy = 130;
  const legendX = narrow ? 10 : 280, legendY = narrow ? 2 * cy + 10 : 14;
  const height = narrow ? legendY + 24 * positive.length + 10 : Math.max(2 * cy, 24 * positive.length + 20);
  let angle = -Math.PI / 2;
  const slices = positive.map(([label, v], i) => {
    const sweep = (v / total) * Math.PI * 2;
    const [x1, y1] = [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
    angle += sweep;
    const [x2, y2] = [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
    const d = positive.length === 1 ? `M ${cx - radius} ${cy} a ${radius} ${radius} 0 1 0 ${2 * radius} 0 a ${radius} ${radius} 0 1 0 ${-2 * radius} 0`
      : `M ${cx} ${cy} L ${x1} ${y1} A ${radius} ${radius} 0 ${sweep > Math.PI ? 1 : 0} 1 ${x2} ${y2} Z`;
    return h('path', { d, class: 'slice', style: `fill: ${colorAt(i)}` }, h('title', {}, `${label}: ${format(v)}`));
  });
  const legend = positive.map(([label, v], i) => h('g', {},
    h('rect', { x: legendX, y: legendY + i * 24, width: 14, height: 14, rx: 2, style: `fill: ${colorAt(i)}` }),
    h('text', { x: legendX + 22, y: legendY + 12 + i * 24, class: 'label' }, `${short(label, 22)} · ${format(v)} (${Math.round((v / total) * 100)} %)`)));
  return frame(width, height, title, 'pie', slices, legend);
}

/**
 * A CSV cell: numbers as they are; text that a spreadsheet would run as a formula (starting with = + - @,
 * a tab or a carriage return: a record name anyone may choose) prefixed with an apostrophe, so that it
 * stays text; quoted when it holds a quote, separator or line break.
 */
export function csvCell(value) {
  if (typeof value === 'number') return String(value);
  let text = String(value ?? '');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Downloads rows (arrays of cells) as a CSV file made in the browser (UTF-8 with its mark, so spreadsheets read accents). */
export function downloadCsv(filename, rows) {
  const cell = csvCell;
  const blob = new Blob(['\ufeff', rows.map((row) => row.map(cell).join(',')).join('\r\n')], { type: 'text/csv;charset=utf-8' });
  const link = h('a', { href: URL.createObjectURL(blob), download: filename, class: 'hidden' });
  document.body.append(link);
  link.click();
  setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  return blob;
}
