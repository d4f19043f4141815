// Charts: uPlot (the one chart library) for trends; a plain SVG polyline for the sparklines of a table, where a
// canvas per cell would cost more than it shows.
import uPlot from './vendor/uplot/uPlot.esm.js';
import { h, svg } from './dom.js';
import { tick } from './format.js';

const DAY = 86400;

/** A trend of one metric: periods (YYYY-MM-DD) and values (null = no data), current period in front. */
export function trend(metric, periods, values, title) {
  const box = h('div', { class: 'chart', role: 'img', 'aria-label': `${title}: trend by period` });
  const xs = periods.map(p => Date.parse(`${p}T00:00:00Z`) / 1000);
  const draw = () => {
    const width = Math.max(200, box.clientWidth || 260);
    box.replaceChildren();
    // eslint-disable-next-line no-new
    new uPlot({
      width, height: 120, legend: { show: false }, cursor: { show: true, points: { size: 6 } },
      scales: { x: { time: true } },
      axes: [
        { size: 28, space: 50, values: (u, ticks) => ticks.map(t => new Date(t * 1000).toISOString().slice(5, 10)) },
        { size: 60, values: (u, ticks) => ticks.map(t => tick(metric, t)) },
      ],
      series: [{}, { stroke: '#2563eb', width: 2, fill: 'rgba(37,99,235,0.08)', spanGaps: false, points: { size: 5 } }],
    }, [xs, values], box);
  };
  // Sized after it is in the document; redrawn when the window changes (laptop ↔ tablet rotation).
  requestAnimationFrame(draw);
  let last = 0;
  window.addEventListener('resize', () => {
    if (!box.isConnected) return;
    const now = Date.now();
    if (now - last > 200) { last = now; requestAnimationFrame(draw); }
  });
  return box;
}

export function sparkline(values, label) {
  const w = 90, hgt = 24;
  const known = values.filter(v => v !== null && v !== undefined);
  const el = svg('svg', { width: w, height: hgt, viewBox: `0 0 ${w} ${hgt}`, class: 'spark', role: 'img',
    'aria-label': label });
  if (known.length < 1) return el;
  const min = Math.min(...known), max = Math.max(...known);
  const step = values.length > 1 ? w / (values.length - 1) : 0;
  const points = values.map((v, i) => v === null || v === undefined ? null
    : `${(i * step).toFixed(1)},${(hgt - 2 - (max === min ? 0.5 : (v - min) / (max - min)) * (hgt - 4)).toFixed(1)}`)
    .filter(Boolean);
  el.append(svg('polyline', { points: points.join(' '), fill: 'none', stroke: '#2563eb', 'stroke-width': 1.5 }));
  return el;
}

/** A horizontal bar of ratio 0..1 (clamped), with its text beside it. */
export function bar(ratio, text, kind = '') {
  const pct = Math.max(0, Math.min(1, Number(ratio) || 0)) * 100;
  const fill = h('span', { class: `bar-fill ${kind}` });
  fill.style.width = `${pct.toFixed(1)}%`;
  return h('span', { class: 'bar', title: text }, h('span', { class: 'bar-track' }, fill), h('span', { class: 'bar-text' }, text));
}

export { DAY };
