// The pages. Each takes the view's URL parameters and returns its content; every number comes from the public
// reporting API, and every table has a link to the CSV of the same request.
import { downloadCsv, getAllRows, getJson } from './api.js';
import { bar, sparkline, trend } from './charts.js';
import { h, table } from './dom.js';
import { instant, label, lowerIsBetter, number, shown, value } from './format.js';

export const OVERVIEW_KPIS = ['tickets_created', 'tickets_resolved', 'first_response_p50_s', 'first_response_p90_s',
  'resolution_p50_s', 'resolution_p90_s', 'fcr_rate', 'csat_avg', 'nps', 'first_response_sla_rate', 'occupancy'];
export const TEAM_COLUMNS = ['tickets_resolved', 'first_response_p50_s', 'first_response_p90_s', 'resolution_p50_s',
  'fcr_rate', 'csat_avg', 'first_response_sla_rate', 'occupancy'];
const CHANNELS = ['email', 'chat', 'phone', 'web', 'social', 'messaging', 'other'];
const RANKABLE = ['csat_avg', 'first_response_avg_s', 'first_response_p90_s', 'resolution_avg_s', 'fcr_rate',
  'first_response_sla_rate', 'tickets_resolved', 'reopen_rate', 'handle_avg_s', 'occupancy', 'nps', 'qa_avg'];

/** The range, zone and channel of a view: only what the URL sets (the API's defaults otherwise). */
function scope(params, withChannel = true) {
  const s = { from: params.get('from'), to: params.get('to'), tz: params.get('tz') };
  if (withChannel) s.channel = params.get('channel');
  return s;
}

function keep(params, names) {
  const out = {};
  for (const n of names) if (params.get(n)) out[n] = params.get(n);
  return out;
}

/** The settings form of a page; submitting it changes the URL, which renders the view. */
function filters(page, params, ctx, echoed, extra = []) {
  const field = (name, text, input) => h('div', { class: 'field' }, h('label', { for: `f-${name}` }, text), input);
  const date = name => h('input', { id: `f-${name}`, name, type: 'date', value: params.get(name) || echoed[name] || '' });
  const select = (name, options, current) => h('select', { id: `f-${name}`, name },
    options.map(([v, t]) => h('option', { value: v, selected: v === current }, t)));
  const form = h('form', { class: 'filters', 'aria-label': 'Report settings' },
    field('from', 'From', date('from')),
    field('to', 'To', date('to')),
    field('tz', 'Time zone', h('input', { id: 'f-tz', name: 'tz', value: params.get('tz') || '', placeholder: echoed.tz || 'tenant default',
      size: 14 })),
    extra.includes('nochannel') ? null : field('channel', 'Channel',
      select('channel', [['', 'All channels'], ...CHANNELS.map(c => [c, c])], params.get('channel') || '')),
    extra.includes('granularity') ? field('granularity', 'Trend by',
      select('granularity', [['day', 'Day'], ['week', 'Week']], params.get('granularity') || 'day')) : null,
    extra.includes('dimension') ? field('dimension', 'Members',
      select('dimension', [['agent', 'Agents'], ['team', 'Teams']], params.get('dimension') || 'agent')) : null,
    extra.includes('metric') ? field('metric', 'Metric',
      select('metric', RANKABLE.map(m => [m, label(m)]), params.get('metric') || 'csat_avg')) : null,
    h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = Object.fromEntries([...params.entries()].filter(([n]) => n !== 'cursor'));
    for (const [n, v] of new FormData(form).entries()) next[n] = v;
    ctx.navigate(ctx.href(page, next));
  });
  return form;
}

function csvLink(text, path, params, filename) {
  const link = h('a', { href: '#', class: 'csv', role: 'button', dataset: { csv: filename } }, `⤓ ${text} (CSV)`);
  link.addEventListener('click', async event => {
    event.preventDefault();
    link.setAttribute('aria-busy', 'true');
    try {
      await downloadCsv(path, params, filename);
    } catch (e) {
      link.after(h('span', { class: 'error', role: 'alert' }, ` ${e.message}`));
    } finally {
      link.removeAttribute('aria-busy');
    }
  });
  return link;
}

function downloads(...links) {
  return h('p', { class: 'downloads' }, 'Download: ', links.flatMap((l, i) => i ? [' · ', l] : [l]));
}

function heading(text, sub) {
  return h('div', { class: 'heading' }, h('h1', {}, text), sub ? h('p', { class: 'sub' }, sub) : null);
}

function rangeText(body) {
  return `${body.from} to ${body.to} (${body.tz})`;
}

function daysBetween(from, to) {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86400000) + 1;
}

function shiftDate(date, days) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

// ---- Overview ------------------------------------------------------------------------------------------------------

async function overview(params, ctx) {
  const s = scope(params);
  const granularity = params.get('granularity') === 'week' ? 'week' : 'day';
  const metrics = OVERVIEW_KPIS.join(',');
  const current = await getJson('/v1/kpis', { ...s, dimension: 'tenant', granularity: 'total', metrics });
  const n = daysBetween(current.from, current.to);
  const previousRange = { ...s, tz: current.tz, from: shiftDate(current.from, -n), to: shiftDate(current.from, -1) };
  const exact = { ...s, tz: current.tz, from: current.from, to: current.to };
  const [previous, series] = await Promise.all([
    getJson('/v1/kpis', { ...previousRange, dimension: 'tenant', granularity: 'total', metrics }),
    getAllRows('/v1/kpis', { ...exact, dimension: 'tenant', granularity, metrics }),
  ]);
  const now = current.rows[0] || {};
  const before = previous.rows[0] || {};
  const periods = series.rows.map(r => r.period);
  const cards = OVERVIEW_KPIS.map(metric => {
    const v = now[metric] ?? null;
    const p = before[metric] ?? null;
    let change = 'no previous value';
    let cls = 'same';
    if (v !== null && p !== null && p !== 0) {
      const pct = (v - p) / Math.abs(p) * 100;
      const better = lowerIsBetter(metric) ? pct < 0 : pct > 0;
      cls = Math.abs(pct) < 0.05 ? 'same' : better ? 'better' : 'worse';
      change = `${pct > 0 ? '▲' : pct < 0 ? '▼' : '='} ${Math.abs(pct).toFixed(1)} % vs previous`;
    }
    const drill = ctx.href('contributions', { metric, dimension: 'tenant', granularity: 'total', period: current.from,
      from: current.from, to: current.to, tz: current.tz, channel: s.channel });
    return h('section', { class: 'card', 'aria-labelledby': `k-${metric}`, dataset: { kpi: metric } },
      h('h2', { id: `k-${metric}` }, label(metric)),
      h('p', { class: 'big' }, h('a', { href: drill, title: 'What makes up this number' }, shown(h, metric, v))),
      h('p', { class: `change ${cls}` }, `Previous ${n} days: `, shown(h, metric, p, { class: 'previous' }), ` · ${change}`),
      trend(metric, periods, series.rows.map(r => r[metric]), label(metric)));
  });
  return [
    heading('Overview', `The tenant's KPIs, ${rangeText(current)}${s.channel ? `, channel ${s.channel}` : ''}, and the previous ${n} days (${previousRange.from} to ${previousRange.to}).`),
    filters('overview', params, ctx, current, ['granularity']),
    h('div', { class: 'cards' }, cards),
    downloads(
      csvLink('these totals', '/v1/kpis', { ...exact, dimension: 'tenant', granularity: 'total', metrics }, 'kpis-total.csv'),
      csvLink(`by ${granularity}`, '/v1/kpis', { ...exact, dimension: 'tenant', granularity, metrics }, `kpis-by-${granularity}.csv`),
      csvLink('previous period', '/v1/kpis', { ...previousRange, dimension: 'tenant', granularity: 'total', metrics }, 'kpis-previous.csv')),
  ];
}
overview.title = 'Overview';

// ---- Teams and agents ----------------------------------------------------------------------------------------------

async function teams(params, ctx) {
  const s = scope(params);
  const team = params.get('team');
  const dimension = team ? 'agent' : 'team';
  const base = { ...s, dimension, team: team || undefined };
  const metrics = TEAM_COLUMNS.join(',');
  const { body, rows } = await getAllRows('/v1/kpis', { ...base, granularity: 'total', metrics, limit: 1000 });
  const exact = { ...base, tz: body.tz, from: body.from, to: body.to };
  const days = await getAllRows('/v1/kpis', { ...exact, granularity: 'day', metrics: 'tickets_resolved', limit: 10000 });
  const periods = [...new Set(days.rows.map(r => r.period))].sort();
  const perMember = new Map();
  for (const r of days.rows) {
    if (!perMember.has(r.id)) perMember.set(r.id, new Map());
    perMember.get(r.id).set(r.period, r.tickets_resolved);
  }
  const sortColumn = [...TEAM_COLUMNS, 'id'].includes(params.get('sort')) ? params.get('sort') : 'tickets_resolved';
  const dir = params.get('dir') === 'asc' ? 'asc' : 'desc';
  const sorted = [...rows].sort((a, b) => {
    const x = a[sortColumn], y = b[sortColumn];
    if (x === y) return String(a.id).localeCompare(String(b.id));
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    const c = typeof x === 'string' ? x.localeCompare(y) : x - y;
    return dir === 'asc' ? c : -c;
  });
  const here = Object.fromEntries(params.entries());
  const sortHref = column => ctx.href('teams', { ...here, sort: column,
    dir: column === sortColumn && dir === 'desc' ? 'asc' : 'desc' });
  const cellHref = (row, metric) => ctx.href('contributions', { metric, dimension, id: row.id, team: team || undefined,
    granularity: 'total', period: body.from, from: body.from, to: body.to, tz: body.tz, channel: s.channel });
  const who = team ? 'Agent' : 'Team';
  const columns = [
    { label: who, sortKey: 'id', cell: r => r.id === null ? h('em', {}, team ? '(no agent)' : '(no team)')
      : team ? r.id : h('a', { href: ctx.href('teams', { ...keep(params, ['from', 'to', 'tz', 'channel']), team: r.id }),
        dataset: { team: r.id } }, r.id) },
    { label: 'Resolved per day', cell: r => sparkline(periods.map(p => perMember.get(r.id)?.get(p) ?? 0),
      `Tickets resolved per day, ${periods[0] || ''} to ${periods[periods.length - 1] || ''}`) },
    ...TEAM_COLUMNS.map(metric => ({ label: label(metric), num: true, sortKey: metric,
      cell: r => r.id === null ? shown(h, metric, r[metric])
        : h('a', { href: cellHref(r, metric), title: 'What makes up this number' }, shown(h, metric, r[metric])) })),
  ];
  const title = team ? `Agents of team ${team}` : 'Teams';
  return [
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' },
      h('a', { href: ctx.href('teams', keep(params, ['from', 'to', 'tz', 'channel'])) }, 'Teams'),
      team ? [' › ', h('span', { 'aria-current': 'page' }, team)] : null),
    heading(title, `${rangeText(body)}${s.channel ? `, channel ${s.channel}` : ''}. ${team ? '' : 'Choose a team to see its agents; '}choose a number to see the tickets and items behind it.`),
    filters('teams', params, ctx, body),
    table(title, columns, sorted, { class: 'members', sort: { column: sortColumn, dir, href: sortHref },
      rowAttrs: r => ({ dataset: { member: r.id ?? '' } }) }),
    downloads(
      csvLink(title.toLowerCase(), '/v1/kpis', { ...exact, granularity: 'total', metrics }, `${dimension}s.csv`),
      csvLink('resolved per day', '/v1/kpis', { ...exact, granularity: 'day', metrics: 'tickets_resolved' }, `${dimension}s-by-day.csv`)),
  ];
}
teams.title = 'Teams and agents';

// ---- Contributions and tickets (drill-down) ------------------------------------------------------------------------

const CELL = ['metric', 'dimension', 'id', 'team', 'channel', 'granularity', 'period', 'from', 'to', 'tz'];

async function contributions(params, ctx) {
  const cell = keep(params, CELL);
  const { body, rows } = await getAllRows('/v1/kpis/contributions', { ...cell, limit: 10000 }, 5);
  const kpiParams = { dimension: cell.dimension, id: cell.id, team: cell.team, channel: cell.channel,
    granularity: cell.granularity, from: cell.from || body.from, to: cell.to || body.to, tz: body.tz, metrics: cell.metric };
  const kpis = await getJson('/v1/kpis', kpiParams);
  const row = kpis.rows.find(r => r.period === cell.period && (cell.dimension === 'tenant' || r.id === cell.id)) || {};
  const who = cell.dimension === 'tenant' ? 'the tenant' : `${cell.dimension} ${cell.id}`;
  const columns = [
    { label: 'Item', cell: r => r.item_type === 'ticket'
      ? h('a', { href: ctx.href('ticket', { id: r.item_id, at: r.at.slice(0, 10) }), dataset: { ticket: r.item_id } }, r.item_id)
      : r.item_id },
    { label: 'Type', cell: r => r.item_type },
    { label: 'What', cell: r => r.kind.replaceAll('_', ' ') },
    { label: 'When', cell: r => instant(r.at) },
    { label: 'Team', cell: r => r.team_id ?? '–' },
    { label: 'Agent', cell: r => r.agent_id ?? '–' },
    { label: 'Channel', cell: r => r.channel ?? '–' },
    { label: 'Value', num: true, cell: r => h('span', { class: 'v', dataset: { value: String(r.value) } }, number(r.value, 3)) },
    { label: 'Denominator', num: true, cell: r => r.denominator ?? '–' },
  ];
  return [
    heading(`${label(cell.metric)} of ${who}`, `${body.granularity} ${body.period} (${body.from} to ${body.to}, ${body.tz})${body.channel ? `, channel ${body.channel}` : ''}.`),
    h('p', { class: 'cell' }, 'The number: ', shown(h, cell.metric, row[cell.metric] ?? null, { id: 'cell-value' }),
      ' · made of ', h('strong', { id: 'item-count' }, String(rows.length)), ' items', body ? '' : ' (first pages only)'),
    h('p', { class: 'formula' }, 'How: ', h('code', {}, body.formula)),
    table('Items behind the number', columns, rows, { class: 'contributions' }),
    downloads(csvLink('these items', '/v1/kpis/contributions', cell, `contributions-${cell.metric}.csv`)),
  ];
}
contributions.title = 'Behind the number';
contributions.section = 'teams';

const TICKET_FIELDS = ['ticket_id', 'status', 'channel', 'priority', 'created_at', 'team_id', 'agent_id', 'customer_id',
  'first_response_at', 'first_response_s', 'first_responder_id', 'first_solved_at', 'last_solved_at', 'resolutions',
  'reopens', 'transfers', 'agent_replies', 'csat_score', 'fcr', 'tags', 'updated_at'];

async function ticket(params) {
  const id = params.get('id');
  const at = params.get('at') || new Date().toISOString().slice(0, 10);
  // /v1/tickets has no ticket-id filter: the ticket was created before its contribution, so the listing of the
  // days before it (UTC, as `at` is) holds it.
  const query = { from: shiftDate(at, -62), to: at, tz: 'UTC', limit: 10000 };
  const { rows } = await getAllRows('/v1/tickets', query, 10);
  const t = rows.find(r => r.ticket_id === id);
  if (!t) return heading(`Ticket ${id}`, 'Not found among the tickets created in the two months before it contributed.');
  const show = (name, v) => {
    if (v === null || v === undefined) return '–';
    if (name === 'first_response_s') return shown(h, 'first_response_avg_s', v);
    if (Array.isArray(v)) return v.length ? v.join(', ') : '–';
    if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v)) return instant(v);
    return String(v);
  };
  return [
    heading(`Ticket ${id}`, 'Its facts as scoring keeps them (GET /v1/tickets).'),
    h('dl', { class: 'facts', id: 'ticket' }, TICKET_FIELDS.flatMap(name =>
      [h('dt', {}, name.replaceAll('_', ' ')), h('dd', { dataset: { field: name } }, show(name, t[name]))])),
    downloads(csvLink('tickets of those days', '/v1/tickets', query, 'tickets.csv')),
  ];
}
ticket.title = 'Ticket';
ticket.section = 'teams';

// ---- Scorecards ----------------------------------------------------------------------------------------------------

function scorecard(card) {
  const kpis = table(`KPIs of ${card.id ?? '(no team)'}`, [
    { label: 'KPI', cell: k => [label(k.kpi), k.channel ? ` (${k.channel})` : '',
      k.exemptions.length ? h('span', { class: 'badge exempt', title: `Exemption ${k.exemptions.join(', ')}` },
        ` exempt #${k.exemptions.join(', #')}`) : null] },
    { label: 'Actual', num: true, cell: k => shown(h, k.kpi, k.actual) },
    { label: 'Target', num: true, cell: k => [value(k.kpi, k.effective_target),
      // relaxed by an exemption; compared as shown (the two can differ in the last bits of a double)
      value(k.kpi, k.effective_target) !== value(k.kpi, k.target)
        ? h('span', { class: 'badge exempt' }, ` (was ${value(k.kpi, k.target)})`) : null] },
    { label: 'Attainment', cell: k => bar(k.attainment, `${(k.attainment * 100).toFixed(0)} %`, k.attainment >= 1 ? 'good' : '') },
    { label: 'Weight', num: true, cell: k => number(k.effective_weight) },
    { label: 'Points', cell: k => bar(k.effective_weight ? k.points / k.effective_weight : 0,
      `${number(k.points)} of ${number(k.effective_weight)}`, 'points') },
  ], card.kpis, { class: 'scorecard' });
  return h('section', { class: 'card wide', dataset: { scorecard: card.id ?? '', period: card.period || '' } },
    h('h2', {}, card.id ?? '(no team)', h('span', { class: 'role' }, ` ${card.role} · model ${card.model_version}`)),
    h('p', { class: 'big' }, 'Score ', h('span', { class: 'v score', dataset: { value: String(card.score) } }, number(card.score))),
    bar(card.score / 100, `${number(card.score)} / 100`, 'score'),
    kpis,
    card.left_out.length ? h('p', { class: 'left-out' }, 'Left out: ', card.left_out.map((l, i) =>
      [i ? '; ' : '', `${label(l.kpi)}: ${l.reason}`, l.exemptions.length ? h('span', { class: 'badge exempt' }, ` exempt #${l.exemptions.join(', #')}`) : null])) : null,
    card.exemptions.length ? h('ul', { class: 'exemptions' }, card.exemptions.map(e => h('li', {},
      h('span', { class: 'badge exempt' }, `Exemption #${e.id}`), ` ${e.from} to ${e.to}: ${e.reason}`))) : null);
}

async function scorecards(params, ctx) {
  const s = scope(params, false);
  const dimension = params.get('dimension') === 'team' ? 'team' : 'agent';
  const { body, rows } = await getAllRows('/v1/scorecards', { ...s, dimension, granularity: 'total', limit: 1000 });
  const exact = { ...s, tz: body.tz, from: body.from, to: body.to, dimension, granularity: 'total' };
  return [
    heading('Scorecards', `Each ${dimension}'s score over ${rangeText(body)}: every KPI's actual, target, weight and points. Exemptions are marked.`),
    filters('scorecards', params, ctx, body, ['nochannel', 'dimension']),
    h('div', { class: 'cards' }, rows.length ? rows.map(c => scorecard(c)) : h('p', { class: 'empty' }, 'No scorecards for these settings.')),
    downloads(csvLink('these scorecards', '/v1/scorecards', exact, `scorecards-${dimension}.csv`)),
  ];
}
scorecards.title = 'Scorecards';

// ---- Leaderboards --------------------------------------------------------------------------------------------------

async function leaderboards(params, ctx) {
  const s = scope(params);
  const metric = RANKABLE.includes(params.get('metric')) ? params.get('metric') : 'csat_avg';
  const dimension = params.get('dimension') === 'team' ? 'team' : 'agent';
  const path = `/v1/leaderboards/${metric}`;
  const { body, rows } = await getAllRows(path, { ...s, dimension, limit: 1000 });
  const exact = { ...s, tz: body.tz, from: body.from, to: body.to, dimension };
  const ranked = rows.filter(r => r.eligible);
  const apart = rows.filter(r => !r.eligible);
  const volume = label(body.volume_metric);
  const cols = first => [
    first,
    { label: dimension === 'team' ? 'Team' : 'Agent', cell: r => r.id },
    { label: label(metric), num: true, cell: r => shown(h, metric, r.value) },
    { label: `Volume (${volume})`, num: true, cell: r => h('span', { class: 'v', dataset: { value: String(r.volume) } }, number(r.volume, 0)) },
  ];
  return [
    heading(`Leaderboard: ${label(metric)}`, `${dimension === 'team' ? 'Teams' : 'Agents'} ranked over ${rangeText(body)}, ${body.direction === 'lower_is_better' ? 'lowest' : 'highest'} first. Ranking needs a volume of at least ${body.min_volume}.`),
    filters('leaderboards', params, ctx, body, ['dimension', 'metric']),
    table('Ranked', cols({ label: 'Rank', num: true, cell: r => String(r.rank) }), ranked, { class: 'ranked' }),
    h('h2', {}, `Below the minimum volume (${body.min_volume})`),
    table('Below the minimum volume: not ranked', cols({ label: 'Rank', cell: () => 'not ranked' }), apart,
      { class: 'apart', empty: 'Everyone has enough volume to be ranked.' }),
    downloads(csvLink('this leaderboard', path, exact, `leaderboard-${metric}.csv`)),
  ];
}
leaderboards.title = 'Leaderboards';

// ---- Alerts, customers at risk, period reports ---------------------------------------------------------------------

const ALERT_COLUMNS = [
  { label: 'Alert', cell: a => `#${a.id}` },
  { label: 'State', cell: a => h('span', { class: `badge ${a.state}` }, a.state === 'raised' ? 'open' : 'resolved') },
  { label: 'Rule', cell: a => a.rule_name },
  { label: 'Metric', cell: a => `${label(a.metric)}${a.channel ? ` (${a.channel})` : ''}` },
  { label: 'Who', cell: a => a.member ? `${a.dimension} ${a.member}` : 'tenant' },
  { label: 'Condition', cell: a => `${a.comparison} ${a.threshold} over ${a.window_minutes} min` },
  { label: 'Raised', cell: a => instant(a.raised_at) },
  { label: 'Value then', num: true, cell: a => shown(h, a.metric, a.raised_value) },
  { label: 'Resolved', cell: a => a.resolved_at ? `${instant(a.resolved_at)} (${a.resolved_reason})` : '–' },
];

async function alerts() {
  const [open, recent] = await Promise.all([
    getAllRows('/v1/alerts', { state: 'raised', limit: 1000 }, 5),
    getJson('/v1/alerts', { limit: 50 }),
  ]);
  return [
    heading('Alerts', 'Threshold alerts of the tenant\'s rules (set in scoring-service\'s settings API): the open ones, then the 50 most recent.'),
    table(`Open (${open.rows.length})`, ALERT_COLUMNS, open.rows, { class: 'alerts-open', empty: 'No open alerts.' }),
    table('Recent', ALERT_COLUMNS, recent.rows, { class: 'alerts-recent', empty: 'No alerts yet.' }),
    downloads(csvLink('open alerts', '/v1/alerts', { state: 'raised', limit: 1000 }, 'alerts-open.csv'),
      csvLink('recent alerts', '/v1/alerts', { limit: 50 }, 'alerts-recent.csv')),
  ];
}
alerts.title = 'Alerts';

const SIGNALS = { repeat_contacts: 'repeat contacts', complaints: 'complaints', low_csat: 'low CSAT',
  nps_detractor: 'NPS detractor', reopens: 'reopens' };

async function atRisk(params, ctx) {
  const q = keep(params, ['as_of', 'tz', 'min_score']);
  const { body, rows } = await getAllRows('/v1/customers/at-risk', { ...q, limit: 1000 }, 5);
  const form = h('form', { class: 'filters', 'aria-label': 'Report settings' },
    h('div', { class: 'field' }, h('label', { for: 'f-as_of' }, 'As of'),
      h('input', { id: 'f-as_of', name: 'as_of', type: 'date', value: body.as_of })),
    h('div', { class: 'field' }, h('label', { for: 'f-min_score' }, 'Minimum score'),
      h('input', { id: 'f-min_score', name: 'min_score', type: 'number', min: 0, max: 100, value: body.min_score })),
    h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    ctx.navigate(ctx.href('at-risk', { ...q, ...Object.fromEntries(new FormData(form).entries()) }));
  });
  return [
    heading('Customers at risk', `Churn-risk score from the 30 days ${body.window_from} to ${body.window_to} (${body.tz}), highest first, with the signals that gave points.`),
    form,
    table('Customers at risk', [
      { label: 'Customer', cell: r => r.customer_id },
      { label: 'Score', num: true, cell: r => h('span', { class: 'v', dataset: { value: String(r.score) } }, String(r.score)) },
      { label: 'Risk', cell: r => bar(r.score / 100, `${r.score} / 100`, r.score >= 50 ? 'bad' : '') },
      { label: 'Signals', cell: r => r.signals.map(sg => h('span', { class: 'badge signal' }, SIGNALS[sg] || sg)) },
      { label: 'Tickets', num: true, cell: r => `${r.tickets} (+${r.repeat_contacts_points})` },
      { label: 'Complaints', num: true, cell: r => `${r.complaints} (+${r.complaints_points})` },
      { label: 'Low CSAT', num: true, cell: r => `${r.low_csat} (+${r.low_csat_points})` },
      { label: 'NPS', num: true, cell: r => r.nps_score === null ? '–' : `${r.nps_score} (+${r.nps_detractor_points})` },
      { label: 'Reopens', num: true, cell: r => `${r.reopens} (+${r.reopens_points})` },
    ], rows, { class: 'at-risk', empty: 'No customer at risk.' }),
    downloads(csvLink('these customers', '/v1/customers/at-risk', { ...q, as_of: body.as_of, tz: body.tz }, 'customers-at-risk.csv')),
  ];
}
atRisk.title = 'Customers at risk';

async function reports(params, ctx) {
  const granularity = params.get('granularity') || '';
  const { rows } = await getAllRows('/v1/reports', { granularity, limit: 1000 }, 3);
  const form = h('form', { class: 'filters', 'aria-label': 'Report settings' },
    h('div', { class: 'field' }, h('label', { for: 'f-granularity' }, 'Length'),
      h('select', { id: 'f-granularity', name: 'granularity' }, [['', 'All'], ['day', 'Days'], ['week', 'Weeks'], ['month', 'Months']]
        .map(([v, t]) => h('option', { value: v, selected: v === granularity }, t)))),
    h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    ctx.navigate(ctx.href('reports', Object.fromEntries(new FormData(form).entries())));
  });
  return [
    heading('Period reports', 'Reports kept when each day, week and month closed: the numbers as they were then.'),
    form,
    table('Kept reports', [
      { label: 'Period', cell: r => h('a', { href: ctx.href('report', { id: r.id }), dataset: { report: String(r.id) } },
        `${r.granularity} ${r.period}${r.period_end !== r.period ? ` – ${r.period_end}` : ''}`) },
      { label: 'Time zone', cell: r => r.tz },
      { label: 'Teams', num: true, cell: r => String(r.teams) },
      { label: 'Model', num: true, cell: r => String(r.model_version) },
      { label: 'Made', cell: r => instant(r.created_at) },
    ], rows, { class: 'reports', empty: 'No report kept yet: a report is made when a day has closed (30 minutes after midnight).' }),
    downloads(csvLink('this list', '/v1/reports', { granularity, limit: 1000 }, 'reports.csv')),
  ];
}
reports.title = 'Period reports';

async function report(params) {
  const id = params.get('id');
  const [detail, cards, agents] = await Promise.all([
    getAllRows(`/v1/reports/${encodeURIComponent(id)}`, { limit: 1000 }, 3),
    getAllRows(`/v1/reports/${encodeURIComponent(id)}/scorecards`, { limit: 1000 }, 3),
    getAllRows(`/v1/reports/${encodeURIComponent(id)}`, { dimension: 'agent', limit: 1000 }, 3),
  ]);
  const r = detail.body;
  const metrics = ['tickets_resolved', 'first_response_p50_s', 'resolution_p50_s', 'fcr_rate', 'csat_avg', 'first_response_sla_rate'];
  const unit = { day: 'days', week: 'weeks', month: 'months' }[r.granularity] || 'periods';
  // streaks (docs/scorecards.md#streaks): consecutive kept periods at or above the report's threshold
  const streak = { label: `Streak (${unit}): now / best`, num: true,
    cell: t => t.streak_current == null ? '–' : h('span', { class: 'streak', dataset: { current: String(t.streak_current), best: String(t.streak_best) } },
      `${t.streak_current} / ${t.streak_best}`) };
  const score = { label: 'Score', num: true, cell: t => t.scorecard ? h('span', { class: 'v', dataset: { value: String(t.scorecard.score) } }, number(t.scorecard.score)) : '–' };
  return [
    heading(`Report: ${r.granularity} ${r.period} – ${r.period_end}`, `${r.tz}; made ${instant(r.created_at)}; scoring models version ${r.model_version}; a streak counts ${unit} scored ${number(r.streak_min_score)} or more.`),
    table('Teams', [
      { label: 'Team', cell: t => t.id ?? h('em', {}, '(no team)') },
      score,
      streak,
      ...metrics.map(m => ({ label: label(m), num: true, cell: t => shown(h, m, t.kpis[m]) })),
    ], detail.rows, { class: 'report-teams' }),
    table('Agents', [
      { label: 'Agent', cell: t => t.id },
      score,
      streak,
      ...metrics.map(m => ({ label: label(m), num: true, cell: t => shown(h, m, t.kpis[m]) })),
    ], agents.rows, { class: 'report-agents', empty: 'No agent in this report (reports kept before agents were kept have none).' }),
    h('div', { class: 'cards' }, cards.rows.map(c => scorecard(c))),
    downloads(csvLink('this report', `/v1/reports/${encodeURIComponent(id)}`, {}, `report-${id}.csv`),
      csvLink('its agents', `/v1/reports/${encodeURIComponent(id)}`, { dimension: 'agent' }, `report-${id}-agents.csv`),
      csvLink('its scorecards', `/v1/reports/${encodeURIComponent(id)}/scorecards`, {}, `report-${id}-scorecards.csv`)),
  ];
}
report.title = 'Period report';
report.section = 'reports';

export const PAGES = { overview, teams, contributions, ticket, scorecards, leaderboards, alerts, 'at-risk': atRisk,
  reports, report };
