// Fixture console pages of the mock Jamf Pro server: plain HTML and inline scripts laid out like
// Jamf Pro's Settings → System → API roles and clients, built from the mock's state so the
// client IDs and secrets they show are the ones the mock API accepts. Every link is an
// absolute path under the context path, so the same pages serve Jamf Cloud and a self-hosted
// /jamf; <base href> is set as the Angular UI sets it.
import { html, type MockResponse } from '../server';
import { computers, privilegeCatalogue } from './data';
import type { JamfClient, JamfServer } from './state';

export const ROLES_AND_CLIENTS = 'view/settings/system-settings/api-roles-and-clients';

const esc = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
/** Data for an inline script, safe inside <script>. */
const data = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

const CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/1.45 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2a37;background:#f3f5f8}
.shell{display:flex;min-height:100vh}.sidebar{width:208px;background:#16202c;color:#c9d3df;padding:16px 0;display:flex;flex-direction:column}
.sidebar a{color:inherit;text-decoration:none;padding:9px 20px}.sidebar a[aria-current=page],.sidebar a:hover{background:#243246;color:#fff}
.brand{font-weight:700;font-size:17px;color:#fff!important;margin-bottom:12px}.sidebar .settings{margin-top:auto}
.main{flex:1;min-width:0}.topbar{display:flex;justify-content:space-between;align-items:center;height:52px;padding:0 24px;background:#fff;border-bottom:1px solid #dfe4ea}
.topbar .tenant{font-weight:600}main{padding:20px 28px 40px}.breadcrumb{color:#5b6b7d;margin-bottom:6px}.breadcrumb a{color:#0a6ed1}
h1{font-size:22px;margin:0 0 16px}h2{font-size:17px;margin:0 0 12px}
[role=tablist]{display:flex;gap:4px;border-bottom:1px solid #d5dbe3;margin-bottom:16px}
[role=tab]{padding:9px 16px;color:#40516a;text-decoration:none;border-bottom:3px solid transparent}[role=tab][aria-selected=true]{color:#0a6ed1;border-color:#0a6ed1;font-weight:600}
.toolbar{display:flex;gap:8px;align-items:center;justify-content:flex-end;margin-bottom:12px}.toolbar .count{margin-right:auto;color:#5b6b7d}
.page-head{display:flex;justify-content:space-between;align-items:flex-start;gap:16px}
.button,button{display:inline-block;font:inherit;padding:7px 14px;border-radius:4px;border:1px solid #b8c3d0;background:#fff;color:#1f2a37;cursor:pointer;text-decoration:none}
.primary{background:#0a6ed1!important;border-color:#0a6ed1!important;color:#fff!important}button[disabled]{opacity:.6;cursor:wait}
table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #dfe4ea}th,td{text-align:left;padding:9px 12px;border-bottom:1px solid #edf0f4}th{background:#f8f9fb;font-weight:600;color:#40516a}
td a{color:#0a6ed1;text-decoration:none}.card{background:#fff;border:1px solid #dfe4ea;border-radius:6px;padding:18px 20px;margin-bottom:16px}
dl.details{display:grid;grid-template-columns:220px 1fr;gap:10px 16px;margin:0}dl.details div{display:contents}dt{color:#5b6b7d}dd{margin:0}
code{font:13px ui-monospace,Menlo,Consolas,monospace;background:#f1f4f8;padding:2px 6px;border-radius:3px}
fieldset.field{margin:0 0 16px;min-width:0}.field legend{padding:0}.field{margin-bottom:16px;border:0;padding:0}.field>label,.field legend{display:block;font-weight:600;margin-bottom:6px}
input[type=text],input[type=number],input:not([type]){font:inherit;padding:7px 10px;border:1px solid #b8c3d0;border-radius:4px;width:420px;max-width:100%}
.check{display:flex;gap:8px;align-items:center;font-weight:400!important;margin:4px 0}.hint{color:#5b6b7d;margin:6px 0 0}
.chips{list-style:none;padding:0;margin:0 0 8px;display:flex;flex-wrap:wrap;gap:6px}.chips li{background:#e6f0fb;border-radius:12px;padding:3px 6px 3px 10px}
.chips button{border:0;background:none;padding:0 4px;color:#40516a}.actions{display:flex;gap:8px;justify-content:flex-end;margin-top:20px}
.status{display:inline-block;padding:1px 8px;border-radius:10px;background:#e3f4e8;color:#1d6b35}.status.off{background:#f4e3e3;color:#8a1f1f}
.overlay{position:fixed;inset:0;background:rgba(15,23,33,.45);display:flex;align-items:center;justify-content:center}
.modal{background:#fff;border-radius:8px;padding:22px 24px;width:560px;max-width:92vw;box-shadow:0 12px 40px rgba(0,0,0,.3)}
.secret-row{display:flex;gap:8px}.secret-row input{flex:1;width:auto;font-family:ui-monospace,Menlo,Consolas,monospace}
.warning{background:#fff6e0;border-left:4px solid #e0a100;padding:8px 12px}[role=alert]{color:#a61b1b}
`;

interface Layout {
  title: string;
  section: 'dashboard' | 'computers' | 'settings';
  body: string;
  script?: string;
}

function page(server: JamfServer, layout: Layout, status = 200): MockResponse {
  const current = (section: Layout['section']) => (layout.section === section ? ' aria-current="page"' : '');
  const tenant = server.deployment === 'cloud' ? server.host : `${server.host}:${server.port}${server.contextPath}`;
  return html(
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Jamf Pro | ${esc(layout.title)}</title><base href="${esc(server.contextPath)}/"><style>${CSS}</style></head>
<body><div class="shell">
<nav class="sidebar" aria-label="Jamf Pro">
<a class="brand" href="${root(server)}">Jamf Pro</a>
<a href="${root(server)}"${current('dashboard')}>Dashboard</a>
<a href="${root(server)}computers.html"${current('computers')}>Computers</a>
<a href="${root(server)}mobileDevices.html">Devices</a>
<a href="${root(server)}users.html">Users</a>
<a class="settings" href="${root(server)}view/settings"${current('settings')}>Settings</a>
</nav>
<div class="main"><header class="topbar"><span class="tenant">${esc(tenant)}</span><span>Jamf Pro ${esc(server.version.split('-')[0])} · admin</span></header>
<main id="content">${layout.body}</main></div></div>
${layout.script ? `<script>${layout.script}</script>` : ''}
</body></html>`,
    status,
  );
}

const breadcrumb = (server: JamfServer, last: string) =>
  `<nav class="breadcrumb" aria-label="Breadcrumb"><a href="${root(server)}view/settings">Settings</a> › System › <a href="${root(server)}${ROLES_AND_CLIENTS}">API roles and clients</a>${last ? ` › ${esc(last)}` : ''}</nav>`;

/** Links are absolute paths: the same pages serve the server root and a /jamf context path. */
const root = (server: JamfServer) => `${server.contextPath}/`;

/** Shared by the scripts: POST JSON to the mock's own endpoints; go to a page. */
const helpers = (server: JamfServer) => `var ROOT = ${data(root(server))};
function postJson(path, body) {
  return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) })
    .then(function (r) { return r.json().then(function (data) { if (!r.ok) throw new Error(data.error || 'failed'); return data; }); });
}
function go(path) { location.assign(path); }`;

export function dashboardPage(server: JamfServer): MockResponse {
  return page(server, {
    title: 'Dashboard',
    section: 'dashboard',
    body: `<h1>Dashboard</h1><div class="card"><h2>Computers</h2><p>${computers.length} managed computers checked in within the last 24 hours.</p></div>
<div class="card"><h2>Shortcuts</h2><p><a href="${root(server)}${ROLES_AND_CLIENTS}?tab=api-roles">API roles and clients</a></p></div>`,
  });
}

export function settingsPage(server: JamfServer): MockResponse {
  return page(server, {
    title: 'Settings',
    section: 'settings',
    body: `<h1>Settings</h1><div class="card"><h2>System</h2><ul>
<li><a href="${root(server)}accounts.html">User accounts and groups</a></li>
<li><a href="${root(server)}${ROLES_AND_CLIENTS}">API roles and clients</a></li>
<li><a href="${root(server)}view/settings/system-settings/sso">Single sign-on</a></li>
<li><a href="${root(server)}view/settings/system-settings/smtp-server">SMTP server</a></li></ul></div>`,
  });
}

export function rolesAndClientsPage(server: JamfServer, tab: string | null): MockResponse {
  const clients = tab === 'api-clients' || tab === 'clients';
  const tabs = `<div role="tablist" aria-label="API roles and clients">
<a role="tab" id="tab-roles" aria-selected="${!clients}" href="${root(server)}${ROLES_AND_CLIENTS}?tab=api-roles">API Roles</a>
<a role="tab" id="tab-clients" aria-selected="${clients}" href="${root(server)}${ROLES_AND_CLIENTS}?tab=api-clients">API Clients</a></div>`;
  const roleName = (id: string) => server.roles.find((role) => role.id === id)?.displayName ?? `Role ${id}`;
  const panel = clients
    ? `<section role="tabpanel" aria-labelledby="tab-clients">
<div class="toolbar"><span class="count">${server.clients.length} API clients</span><a class="button primary" role="button" href="${root(server)}${ROLES_AND_CLIENTS}/api-clients/new"><span aria-hidden="true">+ </span>New</a></div>
<table><thead><tr><th>Display Name</th><th>API Roles</th><th>Access Token Lifetime</th><th>Status</th></tr></thead><tbody>
${server.clients
  .map(
    (client) => `<tr><td><a href="${root(server)}${ROLES_AND_CLIENTS}/api-clients/${client.id}">${esc(client.displayName)}</a></td><td>${esc(client.roleIds.map(roleName).join(', '))}</td><td>${client.accessTokenLifetime} seconds</td><td><span class="status${client.enabled ? '' : ' off'}">${client.enabled ? 'Enabled' : 'Disabled'}</span></td></tr>`,
  )
  .join('\n')}
</tbody></table></section>`
    : `<section role="tabpanel" aria-labelledby="tab-roles">
<div class="toolbar"><span class="count">${server.roles.length} API roles</span><a class="button primary" role="button" href="${root(server)}${ROLES_AND_CLIENTS}/api-roles/new"><span aria-hidden="true">+ </span>New</a></div>
<table><thead><tr><th>Display Name</th><th>Privileges</th></tr></thead><tbody>
${server.roles
  .map((role) => `<tr><td><a href="${root(server)}${ROLES_AND_CLIENTS}/api-roles/${role.id}">${esc(role.displayName)}</a></td><td>${role.privileges.length}</td></tr>`)
  .join('\n')}
</tbody></table></section>`;
  return page(server, { title: 'API roles and clients', section: 'settings', body: `${breadcrumb(server, '')}<h1>API roles and clients</h1>${tabs}${panel}` });
}

export function roleFormPage(server: JamfServer): MockResponse {
  return page(server, {
    title: 'New API Role',
    section: 'settings',
    body: `${breadcrumb(server, 'New API role')}<h1>New API Role</h1>
<form id="role-form" class="card" novalidate>
<div class="field"><label for="role-name">Display Name</label><input id="role-name" name="displayName" type="text" autocomplete="off" required></div>
<div class="field"><label for="privilege-input">Jamf Pro API role privileges</label>
<ul class="chips" id="privilege-chips" aria-label="Selected privileges"></ul>
<input id="privilege-input" type="text" list="privilege-options" placeholder="Type a privilege name" autocomplete="off">
<datalist id="privilege-options">${privilegeCatalogue.map((name) => `<option value="${esc(name)}"></option>`).join('')}</datalist>
<p class="hint">Type part of a privilege name and pick it from the list (Enter adds it). Pasting several lines adds each one.</p></div>
<p role="alert" id="form-error" hidden></p>
<div class="actions"><a class="button" href="${root(server)}${ROLES_AND_CLIENTS}?tab=api-roles">Cancel</a><button type="submit" class="primary">Save</button></div>
</form>`,
    script: `${helpers(server)}
(function () {
  var known = ${data(privilegeCatalogue)};
  var chosen = [];
  var input = document.getElementById('privilege-input');
  var chips = document.getElementById('privilege-chips');
  var error = document.getElementById('form-error');
  function fail(text) { error.textContent = text; error.hidden = !text; }
  function render() {
    chips.textContent = '';
    chosen.forEach(function (name) {
      var li = document.createElement('li'); li.textContent = name + ' ';
      var remove = document.createElement('button'); remove.type = 'button'; remove.textContent = '×';
      remove.setAttribute('aria-label', 'Remove ' + name);
      remove.onclick = function () { chosen = chosen.filter(function (n) { return n !== name; }); render(); };
      li.appendChild(remove); chips.appendChild(li);
    });
  }
  function add(text) {
    var wanted = text.trim().toLowerCase(); if (!wanted) return true;
    var name = known.find(function (n) { return n.toLowerCase() === wanted; });
    if (!name) { fail('No privilege is called "' + text.trim() + '".'); return false; }
    if (chosen.indexOf(name) < 0) chosen.push(name);
    fail(''); render(); return true;
  }
  input.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); if (add(input.value)) input.value = ''; } });
  input.addEventListener('change', function () { if (known.some(function (n) { return n === input.value; }) && add(input.value)) input.value = ''; });
  input.addEventListener('paste', function (e) {
    var text = (e.clipboardData || window.clipboardData).getData('text');
    if (text.indexOf('\\n') < 0) return;
    e.preventDefault(); text.split(/\\r?\\n/).every(add);
  });
  document.getElementById('role-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var name = document.getElementById('role-name').value.trim();
    if (!name) return fail('Enter a display name.');
    if (!chosen.length) return fail('Add at least one privilege.');
    postJson(ROOT + '__mock/api-roles', { displayName: name, privileges: chosen })
      .then(function () { go(ROOT + '${ROLES_AND_CLIENTS}?tab=api-roles'); }, function (err) { fail(err.message); });
  });
})();`,
  });
}

export function roleViewPage(server: JamfServer, id: string): MockResponse {
  const role = server.roles.find((candidate) => candidate.id === id);
  if (!role) return notFoundPage(server);
  return page(server, {
    title: role.displayName,
    section: 'settings',
    body: `${breadcrumb(server, role.displayName)}<h1>${esc(role.displayName)}</h1><section class="card"><dl class="details">
<div><dt>Display Name</dt><dd>${esc(role.displayName)}</dd></div>
<div><dt>Jamf Pro API role privileges</dt><dd><ul>${role.privileges.map((name) => `<li>${esc(name)}</li>`).join('')}</ul></dd></div></dl></section>`,
  });
}

export function clientFormPage(server: JamfServer): MockResponse {
  return page(server, {
    title: 'New API Client',
    section: 'settings',
    body: `${breadcrumb(server, 'New API client')}<h1>New API Client</h1>
<form id="client-form" class="card" novalidate>
<div class="field"><label for="client-name">Display Name</label><input id="client-name" type="text" autocomplete="off" required></div>
<fieldset class="field"><legend>API Roles</legend>
${server.roles.map((role) => `<label class="check"><input type="checkbox" name="role" value="${role.id}"> ${esc(role.displayName)}</label>`).join('\n')}
</fieldset>
<div class="field"><label for="token-lifetime">Access Token Lifetime</label><input id="token-lifetime" type="number" min="1" max="86400" value="1800"> seconds
<p class="hint">Changing it later does not affect tokens already issued.</p></div>
<div class="field"><label class="check"><input type="checkbox" id="client-enabled"> Enable API Client</label></div>
<p role="alert" id="form-error" hidden></p>
<div class="actions"><a class="button" href="${root(server)}${ROLES_AND_CLIENTS}?tab=api-clients">Cancel</a><button type="submit" class="primary">Save</button></div>
</form>`,
    script: `${helpers(server)}
document.getElementById('client-form').addEventListener('submit', function (e) {
  e.preventDefault();
  var error = document.getElementById('form-error');
  function fail(text) { error.textContent = text; error.hidden = false; }
  var name = document.getElementById('client-name').value.trim();
  var roleIds = Array.prototype.map.call(document.querySelectorAll('input[name=role]:checked'), function (box) { return box.value; });
  var lifetime = Number(document.getElementById('token-lifetime').value);
  if (!name) return fail('Enter a display name.');
  if (!roleIds.length) return fail('Add at least one API role.');
  if (!(lifetime >= 1 && lifetime <= 86400)) return fail('Access Token Lifetime must be 1 to 86400 seconds.');
  postJson(ROOT + '__mock/api-clients', { displayName: name, roleIds: roleIds, accessTokenLifetime: lifetime, enabled: document.getElementById('client-enabled').checked })
    .then(function () { go(ROOT + '${ROLES_AND_CLIENTS}?tab=api-clients'); }, function (err) { fail(err.message); });
});`,
  });
}

export function clientPage(server: JamfServer, client: JamfClient | undefined): MockResponse {
  if (!client) return notFoundPage(server);
  const roles = client.roleIds.map((id) => server.roles.find((role) => role.id === id)?.displayName ?? `Role ${id}`);
  return page(server, {
    title: client.displayName,
    section: 'settings',
    body: `${breadcrumb(server, client.displayName)}
<div class="page-head"><h1>${esc(client.displayName)}</h1><div class="toolbar">
<button type="button" id="toggle-enabled">${client.enabled ? 'Disable API Client' : 'Enable API Client'}</button>
<button type="button" id="secret-button" class="primary">${client.clientSecret ? 'Rotate Client Secret' : 'Generate Client Secret'}</button>
</div></div>
<section class="card"><dl class="details">
<div><dt>Display Name</dt><dd>${esc(client.displayName)}</dd></div>
<div><dt>API Roles</dt><dd>${esc(roles.join(', '))}</dd></div>
<div><dt>Access Token Lifetime</dt><dd>${client.accessTokenLifetime} seconds</dd></div>
<div><dt>Client ID</dt><dd><code id="client-id">${esc(client.clientId)}</code> <button type="button" class="copy" aria-label="Copy Client ID">Copy</button></dd></div>
<div><dt>Status</dt><dd><span class="status${client.enabled ? '' : ' off'}">${client.enabled ? 'Enabled' : 'Disabled'}</span></dd></div>
</dl></section>`,
    script: `${helpers(server)}
(function () {
  var client = ${data({ id: client.id, enabled: client.enabled, hasSecret: client.clientSecret !== null })};
  var secretButton = document.getElementById('secret-button');
  document.querySelector('button.copy').onclick = function () { navigator.clipboard && navigator.clipboard.writeText(document.getElementById('client-id').textContent); };
  document.getElementById('toggle-enabled').onclick = function () {
    postJson(ROOT + '__mock/api-clients/' + client.id + '/enabled', { enabled: !client.enabled }).then(function () { location.reload(); });
  };
  function overlay() { var o = document.createElement('div'); o.className = 'overlay'; document.body.appendChild(o); return o; }
  function button(text, cls) { var b = document.createElement('button'); b.type = 'button'; b.textContent = text; if (cls) b.className = cls; return b; }
  secretButton.onclick = function () {
    var rotate = client.hasSecret;
    var shade = overlay();
    var box = document.createElement('div');
    box.className = 'modal'; box.setAttribute('role', 'alertdialog'); box.setAttribute('aria-modal', 'true');
    box.setAttribute('aria-labelledby', 'confirm-title'); box.setAttribute('aria-describedby', 'confirm-text');
    box.innerHTML = '<h2 id="confirm-title"></h2><p id="confirm-text"></p><div class="actions"></div>';
    box.querySelector('h2').textContent = rotate ? 'Rotate client secret?' : 'Generate client secret?';
    box.querySelector('p').textContent = rotate
      ? 'A new secret replaces the current one, which stops working immediately.'
      : 'The new secret is displayed only once. Store it somewhere safe before closing the window.';
    var cancel = button('Cancel'); var create = button(rotate ? 'Rotate Secret' : 'Create Secret', 'primary');
    box.querySelector('.actions').append(cancel, create); shade.appendChild(box);
    cancel.onclick = function () { shade.remove(); };
    create.onclick = function () {
      create.disabled = true;
      postJson(ROOT + '__mock/api-clients/' + client.id + '/secret').then(function (result) {
        shade.remove();
        showSecret(result.clientSecret);
      });
    };
  };
  // Like the real single-page app: the pop-up frame appears first, its content a moment later.
  function showSecret(secret) {
    var shade = overlay();
    var box = document.createElement('div');
    box.className = 'modal'; box.setAttribute('role', 'dialog'); box.setAttribute('aria-modal', 'true'); box.setAttribute('aria-labelledby', 'secret-title');
    box.innerHTML = '<h2 id="secret-title">Client Secret</h2><p class="loading">Generating…</p>';
    shade.appendChild(box);
    setTimeout(function () {
      box.querySelector('.loading').remove();
      var note = document.createElement('p'); note.className = 'warning';
      note.textContent = 'This is the only time the secret is displayed. Copy it now; you can rotate it later if it is lost.';
      var label = document.createElement('label'); label.htmlFor = 'client-secret'; label.textContent = 'Client Secret';
      var row = document.createElement('div'); row.className = 'secret-row';
      var input = document.createElement('input'); input.id = 'client-secret'; input.type = 'text'; input.readOnly = true; input.value = secret;
      var copy = button('Copy'); copy.onclick = function () { navigator.clipboard && navigator.clipboard.writeText(input.value); };
      row.append(input, copy);
      var actions = document.createElement('div'); actions.className = 'actions';
      var close = button('Close', 'primary'); close.onclick = function () { shade.remove(); };
      actions.appendChild(close);
      box.append(note, label, row, actions);
      client.hasSecret = true; secretButton.textContent = 'Rotate Client Secret';
    }, 400);
  }
})();`,
  });
}

/** Decoy: inventory and an identity-provider panel full of UUIDs and a masked secret, nothing to capture. */
export function computersPage(server: JamfServer): MockResponse {
  return page(server, {
    title: 'Computers',
    section: 'computers',
    body: `<h1>Computers</h1>
<table><thead><tr><th>Name</th><th>UDID</th><th>Management ID</th><th>Asset Tag</th></tr></thead><tbody>
${computers.map((c) => `<tr><td>${esc(c.general.name)}</td><td>${c.udid}</td><td>${c.general.managementId}</td><td>${c.general.assetTag}</td></tr>`).join('\n')}
</tbody></table>
<section class="card" style="margin-top:16px"><h2>Cloud identity provider</h2><dl class="details">
<div><dt>Client ID</dt><dd>6c1f0e52-93ab-4d7e-b8a2-4f1d3c9e7b20</dd></div>
<div><dt>Tenant ID</dt><dd>2b7d8e14-50c3-4a9f-8e61-d03f5b2a9c47</dd></div>
<div><dt>Client Secret</dt><dd>••••••••••••••••</dd></div>
<div><dt>Inventory hash</dt><dd><code>9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08</code></dd></div>
<div><dt>Push token</dt><dd><code>Zm9vYmFyLWJhei1xdXV4LTEyMzQ1Njc4OTAtYWJjZGVmZ2hpams</code></dd></div>
</dl></section>`,
  });
}

/** The Swagger UI Jamf serves at {base}/api/doc (a marker for self-hosted detection). */
export function apiDocPage(server: JamfServer): MockResponse {
  return html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Jamf Pro API</title><base href="${esc(server.contextPath)}/"></head>
<body><div id="swagger-ui"><h1>Jamf Pro API</h1><p>Version ${esc(server.version)}. Authorize with a bearer token from api/oauth/token.</p></div></body></html>`);
}

export function notFoundPage(server: JamfServer): MockResponse {
  return page(server, { title: 'Page not found', section: 'dashboard', body: '<h1>Page not found</h1><p>The page you requested does not exist.</p>' }, 404);
}

/** What Tomcat answers outside the self-hosted server's context path. */
export function tomcatNotFound(path: string): MockResponse {
  return html(
    `<!doctype html><html lang="en"><head><title>HTTP Status 404 – Not Found</title></head><body><h1>HTTP Status 404 – Not Found</h1><p><b>Message</b> The requested resource [${esc(path)}] is not available</p></body></html>`,
    404,
  );
}
