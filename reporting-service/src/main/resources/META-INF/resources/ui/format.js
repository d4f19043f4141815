// How numbers are shown. The API's value stays on the element (data-value), so what is shown can be checked
// against the API, and rounding is only for the eye.

const SECONDS = /(_s|_avg_s|_p50_s|_p90_s|_total_s)$/;
const RATES = new Set(['reopen_rate', 'csat_satisfied_rate', 'fcr_rate', 'qa_pass_rate', 'first_response_sla_rate',
  'occupancy', 'conversion_rate', 'answer_rate', 'abandon_rate', 'service_level_rate']);

export const LABELS = {
  tickets_created: 'Tickets created', tickets_resolved: 'Tickets resolved',
  first_response_p50_s: 'First response p50', first_response_p90_s: 'First response p90',
  first_response_avg_s: 'First response avg', resolution_p50_s: 'Resolution p50', resolution_p90_s: 'Resolution p90',
  resolution_avg_s: 'Resolution avg', fcr_rate: 'First-contact resolution', csat_avg: 'CSAT (1–5)',
  csat_count: 'CSAT ratings', nps: 'NPS', first_response_sla_rate: 'First response SLA met', occupancy: 'Occupancy',
  agent_replies: 'Agent replies', reopen_rate: 'Reopen rate', handle_avg_s: 'Handle avg', qa_avg: 'QA avg',
  qa_pass_rate: 'QA pass rate', complaints: 'Complaints', conversions: 'Conversions', online_s: 'Online time',
  first_response_count: 'First responses', csat_satisfied_rate: 'CSAT satisfied', handle_count: 'Handled',
  peer_review_avg: 'Peer review avg', sales_amount: 'Sales', conversion_rate: 'Conversion rate',
};

export function label(metric) { return LABELS[metric] || metric.replaceAll('_', ' '); }

/** Which way is better, for the comparison with the previous period. */
export function lowerIsBetter(metric) {
  return SECONDS.test(metric) && metric !== 'online_s' && metric !== 'handle_total_s'
    || ['reopen_rate', 'abandon_rate', 'complaints'].includes(metric);
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '–';
  const s = Number(seconds);
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86400)} d ${Math.round((s % 86400) / 3600)} h`;
}

export function value(metric, v) {
  if (v === null || v === undefined) return '–';
  if (RATES.has(metric)) return `${(Number(v) * 100).toFixed(1)} %`;
  if (metric === 'nps') return Number(v).toFixed(1);
  if (['csat_avg', 'peer_review_avg'].includes(metric)) return Number(v).toFixed(2);
  if (metric === 'qa_avg') return Number(v).toFixed(1);
  if (SECONDS.test(metric)) return duration(v);
  if (metric === 'sales_amount') return Number(v).toLocaleString('en', { maximumFractionDigits: 2 });
  return Number(v).toLocaleString('en');
}

/** A chart axis's tick: short, so that it fits beside the chart (1.5 h, 20 min, 45 %). */
export function tick(metric, v) {
  if (v === null || v === undefined) return '';
  if (RATES.has(metric)) return `${+(v * 100).toFixed(1)} %`;
  if (SECONDS.test(metric)) {
    const a = Math.abs(v);
    if (a >= 86400) return `${+(v / 86400).toFixed(1)} d`;
    if (a >= 3600) return `${+(v / 3600).toFixed(1)} h`;
    if (a >= 60) return `${+(v / 60).toFixed(1)} min`;
    return `${+v.toFixed(1)} s`;
  }
  return `${+Number(v).toFixed(2)}`;
}

export function number(v, digits = 1) {
  if (v === null || v === undefined) return '–';
  return Number.isInteger(v) ? v.toLocaleString('en') : Number(v).toFixed(digits);
}

export function instant(iso) {
  if (!iso) return '–';
  return iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace('Z', ' UTC');
}

/** A value shown with the API's exact value on data-value (and its metric on data-metric). */
export function shown(h, metric, v, attrs = {}) {
  return h('span', { ...attrs, class: `v ${attrs.class || ''}`.trim(), dataset: { metric, value: v === null ? '' : String(v) } },
    value(metric, v));
}
