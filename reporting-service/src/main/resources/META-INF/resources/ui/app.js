// The dashboard's shell: sign-in, the pages' router and the state in the URL. The URL fragment holds the whole view
// (#/teams?from=2026-11-02&to=2026-11-08&sort=csat_avg), so a view can be shared; the fragment never reaches the
// server. A sign-in link carries the key as key=... in the fragment: it is moved to sessionStorage at once and
// removed from the address bar and the history.
import { ApiError, forgetReadKey, readKey, setReadKey } from './api.js';
import { h } from './dom.js';
import { PAGES } from './pages.js';

const main = document.getElementById('main');
const status = document.getElementById('status');
const nav = document.getElementById('nav');
const signOut = document.getElementById('sign-out');

export function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [page, query = ''] = hash.split('?');
  return { page: page || 'overview', params: new URLSearchParams(query) };
}

export function href(page, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, value);
  }
  const q = query.toString();
  return `#/${page}${q ? `?${q}` : ''}`;
}

/** The key of a sign-in link, moved out of the URL before anything else runs. */
function takeKeyFromFragment() {
  const { page, params } = route();
  const key = params.get('key');
  if (!key) return;
  setReadKey(key);
  params.delete('key');
  const rest = params.toString();
  history.replaceState(null, '', `${location.pathname}#/${page}${rest ? `?${rest}` : ''}`);
}

function signInForm(message) {
  nav.hidden = true;
  signOut.hidden = true;
  const input = h('input', { id: 'key', name: 'key', type: 'password', autocomplete: 'off', required: true,
    'aria-describedby': 'key-help' });
  const form = h('form', { class: 'signin', id: 'signin' },
    h('h1', {}, 'Sign in'),
    message ? h('p', { class: 'error', role: 'alert', id: 'signin-error' }, message) : null,
    h('label', { for: 'key' }, 'Read key'),
    input,
    h('p', { id: 'key-help', class: 'help' },
      'Paste an API key with the read scope. It is kept in this browser tab only (sessionStorage) and sent only ',
      'to the reporting API, as any BI tool sends it.'),
    h('button', { type: 'submit' }, 'Sign in'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    setReadKey(input.value.trim());
    await show();
  });
  main.replaceChildren(form);
  input.focus();
}

let rendering = 0;

async function show() {
  const ticket = ++rendering;
  takeKeyFromFragment();
  // body[data-ready] names the view once it is drawn (or refused): what a test waits for.
  delete document.body.dataset.ready;
  if (!readKey()) { signInForm(); document.body.dataset.ready = location.hash; return; }
  const { page, params } = route();
  const render = PAGES[page];
  nav.hidden = false;
  signOut.hidden = false;
  for (const link of nav.querySelectorAll('a')) {
    const current = link.dataset.page === page || (PAGES[page] && PAGES[page].section === link.dataset.page);
    if (current) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  if (!render) {
    main.replaceChildren(h('p', { class: 'error', role: 'alert' }, `There is no page “${page}”.`));
    return;
  }
  status.textContent = 'Loading…';
  main.setAttribute('aria-busy', 'true');
  try {
    const content = await render(params, { href, navigate });
    if (ticket !== rendering) return; // a newer view was asked for meanwhile
    main.replaceChildren(...[content].flat());
    status.textContent = '';
    document.title = `${render.title || page} · DeskPulse`;
  } catch (e) {
    if (ticket !== rendering) return;
    status.textContent = '';
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      forgetReadKey();
      signInForm(e.message);
      document.body.dataset.ready = location.hash;
      return;
    }
    main.replaceChildren(h('div', { class: 'error', role: 'alert', id: 'page-error' },
      h('h1', {}, 'This page could not be shown'), h('p', {}, e instanceof ApiError ? e.message : String(e))));
    if (!(e instanceof ApiError)) console.error(e);
  } finally {
    if (ticket === rendering) {
      main.removeAttribute('aria-busy');
      document.body.dataset.ready = location.hash;
    }
  }
}

export function navigate(to) {
  if (location.hash === to) show(); else location.hash = to;
}

signOut.addEventListener('click', () => {
  forgetReadKey();
  location.hash = '#/overview';
  signInForm('Signed out.');
});

window.addEventListener('hashchange', show);
show();

