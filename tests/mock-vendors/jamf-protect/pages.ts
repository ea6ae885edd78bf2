// Fixture pages of the mock Jamf Protect console: Administrative → API Clients and the creation
// view that shows the password once. Laid out after Jamf's documentation (pane names "API Client
// Configuration" and "Token and API Endpoints"); the real markup is not public.
import { html, type MockResponse } from '../server';
import type { ProtectClient } from './index';

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const CSS = `body{margin:0;font:14px/1.45 system-ui,sans-serif;background:#0f1720;color:#e5e7eb}nav{padding:12px 20px;background:#111c28}
nav a{color:#9fb3c8;margin-right:16px}main{padding:20px 28px}table{border-collapse:collapse;width:100%}td,th{padding:6px 8px;border-bottom:1px solid #253446;text-align:left}
button{font:inherit;padding:6px 14px}section{background:#16212e;border-radius:8px;padding:14px 18px;margin:12px 0}label{display:block;margin:8px 0}
.value{display:flex;gap:8px;align-items:center}.value input{flex:1;font-family:ui-monospace,monospace}`;

function shell(host: string, title: string, body: string, script = ''): MockResponse {
  return html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Jamf Protect | ${esc(title)}</title><style>${CSS}</style></head>
<body><nav aria-label="Jamf Protect"><strong>Jamf Protect</strong> <a href="/dashboard">Overview</a><a href="/administrative/api-clients">Administrative</a><span>${esc(host)}</span></nav>
<main id="main"><h1>${esc(title)}</h1>${body}</main>${script ? `<script>${script}</script>` : ''}</body></html>`);
}

export function apiClientsPage(host: string, clients: ProtectClient[]): MockResponse {
  const full = clients.length >= 5;
  const rows = clients
    .map((c) => `<tr><td>${esc(c.name)}</td><td><code>${esc(c.clientId)}</code></td><td>${esc(c.permissions.join(', '))}</td></tr>`)
    .join('');
  return shell(
    host,
    'API Clients',
    `<p>${clients.length} of 5 API clients</p>
<a href="/administrative/api-clients/new"><button ${full ? 'disabled aria-disabled="true"' : ''}>Create API Client</button></a>
${full ? '<p role="alert">The maximum number of API clients has been reached. Delete one to create another.</p>' : ''}
<table><thead><tr><th>Name</th><th>Client ID</th><th>Role</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

export function newClientPage(host: string, full: boolean): MockResponse {
  return shell(
    host,
    'Create API Client',
    `<form id="create"><label>Name <input name="name" required></label>
<fieldset><legend>Role permissions (Read)</legend>
${['Computers', 'Alerts', 'Plans', 'Audit Logs'].map((p) => `<label><input type="checkbox" name="perm" value="${p}" ${p === 'Computers' || p === 'Alerts' ? 'checked' : ''}> ${p}</label>`).join('')}
</fieldset><button type="submit" ${full ? 'disabled' : ''}>Save</button></form><div id="result"></div>`,
    `document.getElementById('create').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const response = await fetch('/__mock/api-clients', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: form.get('name'), permissions: form.getAll('perm') }) });
  const body = await response.json();
  if (!response.ok) { document.getElementById('result').textContent = body.error; return; }
  event.target.remove();
  const origin = location.origin;
  document.getElementById('result').innerHTML =
    '<section aria-labelledby="cfg"><h2 id="cfg">API Client Configuration</h2>' +
    '<div class="value"><span>Client ID</span><input readonly id="client-id"></div>' +
    '<div class="value"><span>Password</span><input readonly id="client-password"><button type="button">Copy</button></div>' +
    '<p>This value will not be displayed again.</p></section>' +
    '<section aria-labelledby="ep"><h2 id="ep">Token and API Endpoints</h2>' +
    '<div class="value"><span>Token</span><code id="token-url"></code></div>' +
    '<div class="value"><span>API</span><code id="api-url"></code></div></section>';
  document.getElementById('client-id').value = body.clientId;
  document.getElementById('client-password').value = body.password;
  document.getElementById('token-url').textContent = origin + '/token';
  document.getElementById('api-url').textContent = origin + '/graphql';
});`,
  );
}
