// Small DOM helpers: every element is built with createElement and text nodes (never innerHTML), so helpdesk text
// such as agent ids or customer ids can never become markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function svg(tag, attrs = {}) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  return el;
}

/** A table in a scrolling wrapper (readable on a tablet). columns: [{label, cell(row) -> node|text, num, sortKey}] */
export function table(caption, columns, rows, options = {}) {
  const head = h('tr', {}, columns.map(c => {
    const th = h('th', { scope: 'col', class: c.num ? 'num' : null }, c.label);
    if (options.sort && c.sortKey) {
      const active = options.sort.column === c.sortKey;
      th.setAttribute('aria-sort', active ? (options.sort.dir === 'asc' ? 'ascending' : 'descending') : 'none');
      th.textContent = '';
      th.append(h('a', { href: options.sort.href(c.sortKey), class: 'sort' }, c.label,
        active ? (options.sort.dir === 'asc' ? ' ▲' : ' ▼') : ''));
    }
    return th;
  }));
  const body = rows.map(row => h('tr', options.rowAttrs ? options.rowAttrs(row) : {},
    columns.map((c, i) => h(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null, class: c.num ? 'num' : null },
      c.cell(row)))));
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', { class: options.class },
      h('caption', {}, caption),
      h('thead', {}, head),
      h('tbody', {}, body.length ? body : h('tr', {}, h('td', { colspan: columns.length, class: 'empty' },
        options.empty || 'Nothing to show for these settings.')))));
}
