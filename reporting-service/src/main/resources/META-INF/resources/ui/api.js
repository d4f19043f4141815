// The public reporting API, as any BI tool calls it: a read key in the Authorization header, JSON or CSV.
// The key lives in sessionStorage only (gone when the tab closes) and is never put in a URL sent to the server.

const KEY = 'deskpulse.readKey';

export function readKey() { return sessionStorage.getItem(KEY); }
export function setReadKey(key) { sessionStorage.setItem(KEY, key); }
export function forgetReadKey() { sessionStorage.removeItem(KEY); }

/** An API answer that is not a 2xx, in plain words for a manager (the problem's details kept for the curious). */
export class ApiError extends Error {
  constructor(status, message, problem) {
    super(message);
    this.status = status;
    this.problem = problem;
  }
}

export function url(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) query.append(name, v);
  }
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}

async function call(path, params, accept) {
  const key = readKey();
  if (!key) throw new ApiError(401, 'Sign in with a read key first.');
  let response;
  try {
    response = await fetch(url(path, params), {
      headers: { Authorization: `Bearer ${key}`, Accept: accept },
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, 'DeskPulse reporting cannot be reached. Check that reporting-service is running, then reload.');
  }
  if (response.ok) return response;
  let problem = null;
  try { problem = await response.json(); } catch (e) { /* not problem+json: the status says enough */ }
  throw new ApiError(response.status, plainWords(response, problem), problem);
}

/** What each refusal means to the person at the screen. */
function plainWords(response, problem) {
  switch (response.status) {
    case 401: return 'This key was not accepted: it is wrong or no longer valid. Sign in again with a read key.';
    case 403: return 'This key may not read reports: it needs the read scope. Sign in with a read key.';
    case 429: {
      const wait = response.headers.get('Retry-After');
      return `Too many requests for this tenant right now. Wait ${wait ? `${wait} seconds` : 'a moment'} and try again.`;
    }
    case 400: {
      const errors = (problem && problem.errors) || [];
      const list = errors.map(e => `${e.field}: ${e.reason}`).join('; ');
      return `The report cannot be made with these settings${list ? ` (${list})` : ''}.`;
    }
    case 404: return 'Not found: this item does not exist for your tenant.';
    case 409: return problem && problem.type && problem.type.endsWith('/contributions-not-kept')
      ? 'This tenant does not keep the items behind its numbers (settings: keep_contributions is false), so they cannot be listed. The numbers themselves are complete.'
      : `The reporting API answered 409${problem && problem.title ? ` (${problem.title})` : ''}.`;
    case 503: return 'The reporting database is unavailable or slow right now. Try again in a minute.';
    default: return `The reporting API answered ${response.status}${problem && problem.title ? ` (${problem.title})` : ''}.`;
  }
}

export async function getJson(path, params = {}) {
  return (await call(path, params, 'application/json')).json();
}

/** Every page of a listing (following next_cursor), at most maxPages. */
export async function getAllRows(path, params = {}, maxPages = 20) {
  const rows = [];
  let cursor = '';
  for (let i = 0; i < maxPages; i++) {
    const body = await getJson(path, { ...params, cursor: cursor || undefined });
    rows.push(...body.rows);
    if (!body.next_cursor) return { body, rows };
    cursor = body.next_cursor;
  }
  return { body: null, rows };
}

/**
 * Downloads the CSV of a request as a file. A plain link cannot carry the Authorization header, so the CSV is
 * fetched and handed to the browser as a blob.
 */
export async function downloadCsv(path, params, filename) {
  const response = await call(path, { ...params, format: 'csv' }, 'text/csv');
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10000);
}
