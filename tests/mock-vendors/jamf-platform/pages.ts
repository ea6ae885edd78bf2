// Fixture pages of mock Jamf Account → Integrations. The GA panel's exact labels are not public:
// the layout follows the private-beta page (Client ID, Client Secret, Token URL) and the GA
// fundamentals (region, scope level, capability permissions).
import { html, type MockResponse } from '../server';
import type { Integration } from './index';

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const CSS = `body{margin:0;font:14px/1.45 system-ui,sans-serif;background:#fafafa;color:#1b1f24}nav{padding:12px 20px;background:#1b1f24;color:#fff}
main{padding:20px 28px}table{border-collapse:collapse;width:100%;background:#fff}td,th{padding:6px 8px;border-bottom:1px solid #e6e8eb;text-align:left}
label{display:block;margin:8px 0}.row{display:flex;gap:8px;align-items:center;margin:6px 0}.row input,.row code{flex:1;font-family:ui-monospace,monospace}
[role=dialog]{background:#fff;border:1px solid #ccd;border-radius:8px;padding:16px;margin-top:12px}`;

function shell(title: string, body: string, script = ''): MockResponse {
  return html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Jamf Account | ${esc(title)}</title><style>${CSS}</style></head>
<body><nav>Jamf Account · <a style="color:#9cf" href="/integrations">Integrations</a></nav><main><h1>${esc(title)}</h1>${body}</main>${script ? `<script>${script}</script>` : ''}</body></html>`);
}

export function integrationsPage(integrations: Integration[]): MockResponse {
  const rows = integrations
    .map(
      (i) =>
        `<tr><td>${esc(i.name)}</td><td>${i.region.toUpperCase()}</td><td>${i.level}</td><td>${esc(i.capabilities.join(', '))}</td></tr>`,
    )
    .join('');
  return shell(
    'Integrations',
    `<a href="/integrations/new"><button>Create integration</button></a><table><thead><tr><th>Name</th><th>Region</th><th>Scope</th><th>Permissions</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

/** `showTokenUrl: false` lays the panel out without the token URL (the region is then asked in Keyhold). */
export function newIntegrationPage(showTokenUrl = true): MockResponse {
  return shell(
    'Create integration',
    `<form id="create"><label>Name <input name="name" required></label>
<label>Region <select name="region"><option value="us">US</option><option value="eu">EU</option><option value="apac">APAC</option></select></label>
<fieldset><legend>Scope level</legend>${['environment', 'tenant', 'organization'].map((l) => `<label><input type="radio" name="level" value="${l}" ${l === 'environment' ? 'checked' : ''}> ${l}</label>`).join('')}</fieldset>
<fieldset><legend>Permissions</legend>${['devices:read', 'buildings:read', 'licensing:read'].map((c) => `<label><input type="checkbox" name="cap" value="${c}" ${c === 'devices:read' ? 'checked' : ''}> ${c}</label>`).join('')}</fieldset>
<button type="submit">Create</button></form><div id="result"></div>`,
    `document.getElementById('create').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const response = await fetch('/__mock/integrations', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: form.get('name'), region: form.get('region'), level: form.get('level'), capabilities: form.getAll('cap') }) });
  const created = await response.json();
  event.target.remove();
  const scopeLabel = created.level === 'tenant' ? 'Tenant ID' : 'Environment ID';
  document.getElementById('result').innerHTML = '<div role="dialog" aria-label="Credentials"><h2>Credentials</h2>' +
    '<div class="row"><span>Client ID</span><input readonly id="client-id"></div>' +
    '<div class="row"><span>Client Secret</span><input readonly id="client-secret"></div>' +
    ${showTokenUrl ? `'<div class="row"><span>Token URL</span><code id="token-url"></code></div>' +` : ''}
    (created.scopeId ? '<div class="row"><span>' + scopeLabel + '</span><code id="scope-id"></code></div>' : '') + '</div>';
  document.getElementById('client-id').value = created.clientId;
  document.getElementById('client-secret').value = created.clientSecret;
  if (document.getElementById('token-url')) document.getElementById('token-url').textContent = 'https://' + created.region + '.api.jamfcloud.com/auth/token';
  if (created.scopeId) document.getElementById('scope-id').textContent = created.scopeId;
});`,
  );
}
