import type { MailAddress, StoredMessage } from './store';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const addressList = (list: readonly MailAddress[]) =>
  list.map((a) => (a.Name ? `${a.Name} <${a.Address}>` : a.Address)).join(', ');

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;color:#1c1c1c}header{background:#1c1c1c;color:#fff;
padding:.75rem 1.25rem;display:flex;gap:1rem;align-items:center}header a{color:#fff}main{padding:1rem 1.25rem}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.5rem;border-bottom:1px solid #ddd;
vertical-align:top}tr.unread td{font-weight:600}.muted{color:#666;font-size:.9em}iframe{width:100%;height:70vh;
border:1px solid #ddd}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}pre{white-space:pre-wrap}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>${STYLE}</style></head>
<body><header><strong>Local mail</strong><a href="/">Inbox</a></header><main>${body}</main></body></html>`;
}

/** The inbox: every message, newest first, with a search box (Mailpit's syntax). */
export function inboxPage(messages: readonly StoredMessage[], query: string): string {
  const rows = messages
    .map(
      (m) => `<tr class="${m.Read ? '' : 'unread'}"><td>${escapeHtml(m.From ? addressList([m.From]) : '')}</td>
<td><a href="/view/${m.ID}">${escapeHtml(m.Subject || '(no subject)')}</a><div class="muted">${escapeHtml(m.Snippet)}</div></td>
<td>${escapeHtml(addressList(m.To))}</td><td class="muted">${escapeHtml(m.Created.toISOString())}</td></tr>`,
    )
    .join('');
  const table = messages.length
    ? `<table><thead><tr><th>From</th><th>Subject</th><th>To</th><th>Received</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p class="muted">No messages.</p>';
  return layout(
    'Inbox',
    `<form method="get" action="/"><input type="search" name="q" value="${escapeHtml(query)}"
 placeholder="to:someone@example.com" aria-label="Search"> <button>Search</button></form>${table}`,
  );
}

/** One message: its headers, its HTML body in a sandboxed frame, and its text body. */
export function messagePage(m: StoredMessage): string {
  const html = m.HTML
    ? `<iframe sandbox title="HTML body" src="/view/${m.ID}.html"></iframe>`
    : '<p class="muted">No HTML body.</p>';
  return layout(
    m.Subject || 'Message',
    `<h1>${escapeHtml(m.Subject || '(no subject)')}</h1><dl>
<dt>From</dt><dd>${escapeHtml(m.From ? addressList([m.From]) : '')}</dd>
<dt>To</dt><dd>${escapeHtml(addressList(m.To))}</dd>
<dt>Date</dt><dd>${escapeHtml(m.Date.toISOString())}</dd></dl>${html}
<h2>Text</h2><pre>${escapeHtml(m.Text)}</pre><p><a href="/api/v1/message/${m.ID}/raw">Raw source</a></p>`,
  );
}
