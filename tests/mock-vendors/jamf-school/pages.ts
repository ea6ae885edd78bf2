// Fixture pages of the mock Jamf School console, after the School documentation's menu names
// (Organization → Settings → API, Devices → Enroll Device(s)); the real markup is not public.
import { html, type MockResponse } from '../server';
import type { SchoolKey } from './index';

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const CSS = `body{margin:0;font:14px/1.45 system-ui,sans-serif;background:#f4f6f8;color:#1f2933}nav{padding:12px 20px;background:#fff;border-bottom:1px solid #dde3ea}
nav a{margin-right:16px}main{padding:20px 28px}table{border-collapse:collapse;background:#fff;width:100%}td,th{padding:6px 8px;border-bottom:1px solid #e5e9ef;text-align:left}
dialog{border:0;border-radius:8px;padding:20px;width:480px}label{display:block;margin:8px 0}input[readonly]{font-family:ui-monospace,monospace;width:100%}`;

function shell(title: string, body: string, script = ''): MockResponse {
  return html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="application-name" content="Jamf School"><title>Jamf School - ${esc(title)}</title><style>${CSS}</style></head>
<body><nav><strong>Jamf School</strong> <a href="/devices/enroll">Devices</a><a href="/organisation/settings/api">Organization</a><a href="/api/docs">API</a></nav>
<main><h1>${esc(title)}</h1>${body}</main>${script ? `<script>${script}</script>` : ''}</body></html>`);
}

export const dashboardPage = () => shell('Dashboard', '<p>Welcome to Jamf School.</p>');

export function enrollPage(networkId: string): MockResponse {
  return shell(
    'Enroll Device(s)',
    `<h2>On-device enrollment (iOS &amp; macOS)</h2><p>MDM server URL</p><code>https://acmeschool.jamfcloud.com/mdm/enroll?network=${esc(networkId)}&amp;type=ios</code>`,
  );
}

export function apiPage(networkId: string, keys: SchoolKey[]): MockResponse {
  const rows = keys.map((k) => `<tr><td>${esc(k.name)}</td><td>${esc(k.read.map((r) => `${r}: Read`).join(', '))}</td></tr>`).join('');
  return shell(
    'Settings',
    `<div role="tablist"><a role="tab">General</a><a role="tab" aria-selected="true">API</a></div>
<dl><dt>Network ID</dt><dd>${esc(networkId)}</dd></dl>
<button id="add">Add API Key</button>
<table><thead><tr><th>Name</th><th>Access rights</th></tr></thead><tbody>${rows}</tbody></table>
<dialog id="key-dialog" aria-labelledby="key-title"><h2 id="key-title">Add API Key</h2>
<form id="key-form"><label>Name <input name="name" required></label>
<fieldset><legend>Access rights</legend><label><input type="checkbox" name="read" value="devices" checked> Devices: Read</label>
<label><input type="checkbox" name="read" value="locations"> Locations: Read</label></fieldset>
<button type="submit">Save</button></form><div id="key-result"></div></dialog>`,
    `document.getElementById('add').addEventListener('click', () => document.getElementById('key-dialog').showModal());
document.getElementById('key-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const response = await fetch('/__mock/api-keys', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: form.get('name'), read: form.getAll('read') }) });
  const body = await response.json();
  event.target.remove();
  document.getElementById('key-result').innerHTML = '<label>API key <input readonly id="api-key"></label><button type="button">Copy</button>';
  document.getElementById('api-key').value = body.apiKey;
});`,
  );
}
