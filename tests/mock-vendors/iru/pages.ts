// Fixture console pages for the Iru (Kandji) mock, built from the mock's state: plain HTML with
// a little inline script that behaves like the single-page app (modals, late rendering, calls
// to the mock-internal /__mock/iru/* endpoints so every token shown is one the API accepts).
// Kandji consoles keep API tokens under Settings → Access; Iru consoles under the account menu →
// Access → API tokens. The structure follows the vendors' help articles; the exact markup of the
// real consoles is not public.
import { PERMISSION_CATALOGUE, type MockDevice, type Tenant, type TokenRecord } from './state';

export interface Flavour {
  brand: 'Kandji' | 'Iru';
  /** Page listing the API tokens (Kandji: a section of Settings → Access). */
  tokensPath: string;
  /** Prefix of one token's page: `${tokenBase}/${record.id}`. */
  tokenBase: string;
}

export const KANDJI: Flavour = { brand: 'Kandji', tokensPath: '/my-company/access', tokenBase: '/my-company/access/api-tokens' };
export const IRU: Flavour = { brand: 'Iru', tokensPath: '/access/api-tokens', tokenBase: '/access/api-tokens' };

export const flavourOf = (tenant: Tenant): Flavour => (tenant.domain.endsWith('iru.com') ? IRU : KANDJI);

/** Milliseconds between the Create click's answer and the token modal (single-page-app lag). */
export const TOKEN_MODAL_DELAY_MS = 400;
export const TOKEN_MASK = '••••••••-••••-••••-••••-••••••••••••';

export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body{margin:0;font:14px/1.45 system-ui,sans-serif;color:#1d2430;background:#f6f7f9}
.app{display:flex;min-height:100vh}
nav.sidebar{width:200px;background:#111827;color:#fff;display:flex;flex-direction:column;padding:16px 12px;gap:4px}
nav.sidebar a{color:#d1d5db;text-decoration:none;padding:6px 8px;border-radius:6px}
nav.sidebar a[aria-current=page]{background:#374151;color:#fff}
nav.sidebar .brand{font-weight:700;color:#fff;font-size:18px;margin-bottom:12px}
nav.sidebar details{margin-top:auto}
nav.sidebar summary{cursor:pointer;padding:6px 8px}
main{flex:1;padding:24px 32px}
[role=tablist]{display:flex;gap:16px;border-bottom:1px solid #d1d5db;margin-bottom:16px}
[role=tab]{padding:8px 0;text-decoration:none;color:#4b5563}
[role=tab][aria-selected=true]{color:#111827;border-bottom:2px solid #f38020}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{text-align:left;padding:8px;border-bottom:1px solid #e5e7eb}
code{font-family:ui-monospace,monospace}
button{font:inherit;padding:6px 14px;border-radius:6px;border:1px solid #9ca3af;background:#fff;cursor:pointer}
button.primary{background:#111827;color:#fff;border-color:#111827}
button:disabled{opacity:.5;cursor:default}
#modal-root:not(:empty){position:fixed;inset:0;background:rgba(17,24,39,.45);display:flex;align-items:center;justify-content:center}
.modal{background:#fff;border-radius:10px;padding:24px;width:520px;display:flex;flex-direction:column;gap:12px}
.modal label{display:flex;flex-direction:column;gap:4px}
.modal label.check{flex-direction:row;align-items:flex-start;gap:8px}
.token-field{display:flex;gap:8px;align-items:center}
.token-field input,.token-field code{flex:1;padding:6px;border:1px solid #d1d5db;border-radius:6px;background:#f9fafb}
.actions{display:flex;justify-content:flex-end;gap:8px}
fieldset{background:#fff;border:1px solid #e5e7eb;border-radius:8px;margin:0 0 12px}
.perm{display:flex;justify-content:space-between;padding:4px 0}
.perm code{color:#6b7280}
`;

function shell(tenant: Tenant, title: string, current: 'devices' | 'access', content: string, extra = ''): string {
  const flavour = flavourOf(tenant);
  const nav =
    flavour.brand === 'Kandji'
      ? `<a href="/devices"${current === 'devices' ? ' aria-current="page"' : ''}>Devices</a><a href="/blueprints">Blueprints</a><a href="/library">Library</a><a href="/users">Users</a><a href="/my-company/access"${current === 'access' ? ' aria-current="page"' : ''}>Settings</a>`
      : `<a href="/devices"${current === 'devices' ? ' aria-current="page"' : ''}>Devices</a><a href="/blueprints">Blueprints</a><a href="/library">Library</a><a href="/users">Users</a>
         <details class="account"><summary>Jane Admin</summary><a href="/access"${current === 'access' ? ' aria-current="page"' : ''}>Access</a><a href="/signout">Sign out</a></details>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)} · ${flavour.brand}</title><style>${STYLE}</style></head>
<body><div class="app"><nav class="sidebar" aria-label="Main"><a class="brand" href="/">${flavour.brand}</a>${nav}</nav>
<main>${content}</main></div>${extra}</body></html>`;
}

// ---- The once-shown token modal (also used by the recogniser's unit tests) ----

/** The dialogs of the Add Token flow as <template>s; the inline script clones and fills them. */
export function tokenFlowTemplates(): string {
  const eye = (label: string) => `<button type="button" data-action="toggle" aria-label="${label}" aria-pressed="false">👁</button>`;
  const tokenDialog = (field: string) => `<div class="modal" role="dialog" aria-modal="true" aria-labelledby="token-title">
  <h2 id="token-title">Copy your API token</h2>
  <p>Copy the token now and keep it somewhere safe. You will not be able to see the token details again.</p>
  <dl class="token-meta"><dt>Name</dt><dd data-slot="name"></dd></dl>
  <div class="token-field">${field}${eye('Show token')}</div>
  <div><button type="button" data-action="copy">Copy Token</button> <span role="status" data-slot="copied"></span></div>
  <label class="check"><input type="checkbox" data-slot="ack"> I have copied the token and understand that I will not be able to see these details again</label>
  <div class="actions"><button type="button" class="primary" data-action="next" disabled>Next</button></div>
</div>`;
  return `
<template id="tpl-create"><div class="modal" role="dialog" aria-modal="true" aria-labelledby="create-title">
  <h2 id="create-title">Create API Token</h2>
  <label for="token-name">Name</label><input id="token-name" name="name" maxlength="100" autocomplete="off">
  <label for="token-description">Description</label><textarea id="token-description" name="description" rows="3"></textarea>
  <div class="actions"><button type="button" data-action="cancel">Cancel</button><button type="button" class="primary" data-action="create" disabled>Create</button></div>
</div></template>
<template id="tpl-token-input">${tokenDialog('<input id="api-token-value" type="password" readonly aria-label="API token" data-slot="token">')}</template>
<template id="tpl-token-text">${tokenDialog(`<code class="token-value" data-slot="token">${TOKEN_MASK}</code>`)}</template>
<template id="tpl-manage"><div class="modal" role="dialog" aria-modal="true" aria-labelledby="manage-title">
  <h2 id="manage-title">Manage API Permissions</h2>
  <p>Configure which API endpoints this token may call now, or skip and set its permissions later. A token without permissions cannot call any endpoint.</p>
  <div class="actions"><button type="button" data-action="skip">Skip</button><button type="button" class="primary" data-action="configure">Configure</button></div>
</div></template>`;
}

function script(config: Record<string, unknown>, body: string): string {
  const data = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<script type="application/json" id="iru-config">${data}</script><script>${body}</script>`;
}

const FLOW_SCRIPT = `(() => {
  const config = JSON.parse(document.getElementById('iru-config').textContent);
  const root = document.getElementById('modal-root');
  const clone = (id) => document.getElementById(id).content.firstElementChild.cloneNode(true);
  const open = (node) => { root.replaceChildren(node); const first = node.querySelector('input,textarea,button:not([disabled])'); if (first) first.focus(); };
  const mask = ${JSON.stringify(TOKEN_MASK)};

  document.getElementById('add-token').addEventListener('click', () => {
    const dialog = clone('tpl-create');
    const name = dialog.querySelector('#token-name');
    const create = dialog.querySelector('[data-action="create"]');
    name.addEventListener('input', () => { create.disabled = !name.value.trim(); });
    dialog.querySelector('[data-action="cancel"]').addEventListener('click', () => root.replaceChildren());
    create.addEventListener('click', async () => {
      create.disabled = true;
      create.textContent = 'Creating…';
      const response = await fetch('/__mock/iru/tokens', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: name.value.trim(), description: dialog.querySelector('#token-description').value.trim() }),
      });
      const created = await response.json();
      // The real app re-renders after its own round trip: the token appears late.
      setTimeout(() => showToken(created), config.delayMs);
    });
    open(dialog);
  });

  function showToken(created) {
    const dialog = clone(config.display === 'text' ? 'tpl-token-text' : 'tpl-token-input');
    dialog.querySelector('[data-slot="name"]').textContent = created.name;
    const value = dialog.querySelector('[data-slot="token"]');
    const eye = dialog.querySelector('[data-action="toggle"]');
    let shown = false;
    if (config.display !== 'text') value.value = created.token;
    eye.addEventListener('click', () => {
      shown = !shown;
      if (config.display === 'text') value.textContent = shown ? created.token : mask;
      else value.type = shown ? 'text' : 'password';
      eye.setAttribute('aria-pressed', String(shown));
      eye.setAttribute('aria-label', shown ? 'Hide token' : 'Show token');
    });
    dialog.querySelector('[data-action="copy"]').addEventListener('click', async () => {
      try { await navigator.clipboard.writeText(created.token); dialog.querySelector('[data-slot="copied"]').textContent = 'Copied'; } catch { /* no clipboard permission */ }
    });
    const ack = dialog.querySelector('[data-slot="ack"]');
    const next = dialog.querySelector('[data-action="next"]');
    ack.addEventListener('change', () => { next.disabled = !ack.checked; });
    next.addEventListener('click', () => showManage(created));
    open(dialog);
  }

  function showManage(created) {
    const dialog = clone('tpl-manage');
    dialog.querySelector('[data-action="skip"]').addEventListener('click', () => location.reload());
    dialog.querySelector('[data-action="configure"]').addEventListener('click', () => {
      location.href = config.tokenBase + '/' + created.id + '?edit=permissions';
    });
    open(dialog);
  }
})();`;

function apiUrlLine(tenant: Tenant): string {
  // A straight apostrophe on Kandji hosts, a typographic one (as in Iru's help) on Iru hosts, so
  // both spellings are exercised.
  const apostrophe = flavourOf(tenant).brand === 'Iru' ? '’' : "'";
  return `<p class="api-url">Your organization${apostrophe}s API URL is: <strong>${esc(tenant.apiHost)}</strong></p>`;
}

function tokenTable(tenant: Tenant, tokens: TokenRecord[]): string {
  const flavour = flavourOf(tenant);
  const rows = tokens
    .filter((t) => t.apiHost === tenant.apiHost && !t.revoked)
    .map(
      (t) =>
        `<tr><td><a href="${flavour.tokenBase}/${t.id}">${esc(t.name)}</a></td><td>${esc(t.description)}</td><td>Jane Admin</td><td>${t.createdAt.slice(0, 10)}</td><td>${t.permissions.size}</td></tr>`,
    )
    .join('');
  return `<table aria-label="API tokens"><thead><tr><th>Name</th><th>Description</th><th>Created by</th><th>Created</th><th>Permissions</th></tr></thead>
<tbody>${rows || '<tr><td colspan="5">No API tokens yet.</td></tr>'}</tbody></table>`;
}

/** The API tokens list: Kandji's Settings → Access tab, or Iru's Access → API tokens tab. */
export function tokensPage(tenant: Tenant, tokens: TokenRecord[], display: 'input' | 'text'): string {
  const flavour = flavourOf(tenant);
  const tokensSection = `<section aria-labelledby="api-heading">
  <h2 id="api-heading">${flavour.brand === 'Kandji' ? 'API Token' : 'API tokens'}</h2>
  ${apiUrlLine(tenant)}
  <p><button type="button" class="primary" id="add-token">Add Token</button></p>
  ${tokenTable(tenant, tokens)}
</section>`;
  const content =
    flavour.brand === 'Kandji'
      ? `<h1>Settings</h1>
<div role="tablist"><a role="tab" href="/my-company/general">General</a><a role="tab" aria-selected="true" href="/my-company/access">Access</a><a role="tab" href="/my-company/integrations">Integrations</a></div>
${usersSection()}${tokensSection}`
      : `<h1>Access</h1>${accessTabs('api-tokens')}${tokensSection}`;
  const extra = `<div id="modal-root"></div>${tokenFlowTemplates()}${script(
    { tokenBase: flavour.tokenBase, display, delayMs: TOKEN_MODAL_DELAY_MS },
    FLOW_SCRIPT,
  )}`;
  return shell(tenant, flavour.brand === 'Kandji' ? 'Access · Settings' : 'API tokens · Access', 'access', content, extra);
}

function accessTabs(current: 'users' | 'api-tokens'): string {
  return `<div role="tablist"><a role="tab" href="/access"${current === 'users' ? ' aria-selected="true"' : ''}>Users</a><a role="tab" href="/access/roles">Roles</a><a role="tab" href="/access/api-tokens"${current === 'api-tokens' ? ' aria-selected="true"' : ''}>API tokens</a></div>`;
}

function usersSection(): string {
  return `<section aria-labelledby="users-heading"><h2 id="users-heading">Users</h2>
<table aria-label="Users"><thead><tr><th>Name</th><th>Email</th><th>Role</th></tr></thead>
<tbody><tr><td>Jane Admin</td><td>jane.admin@example.com</td><td>Account Owner</td></tr><tr><td>Sam Helpdesk</td><td>sam@example.com</td><td>Help Desk</td></tr></tbody></table></section>`;
}

/** Iru's Access page opens on the Users tab. */
export function accessUsersPage(tenant: Tenant): string {
  return shell(tenant, 'Access', 'access', `<h1>Access</h1>${accessTabs('users')}${usersSection()}`);
}

const TOKEN_PAGE_SCRIPT = `(() => {
  const config = JSON.parse(document.getElementById('iru-config').textContent);
  const form = document.getElementById('permissions-form');
  if (!form) return;
  const items = (section) => [...form.querySelectorAll('input[name="permission"]')].filter((box) => box.dataset.in === section);
  const sync = (section) => {
    const box = form.querySelector('input[data-section="' + section + '"]');
    const all = items(section);
    box.checked = all.every((item) => item.checked);
    box.indeterminate = !box.checked && all.some((item) => item.checked);
  };
  form.querySelectorAll('input[data-section]').forEach((box) => {
    box.addEventListener('change', () => items(box.dataset.section).forEach((item) => { item.checked = box.checked; }));
    sync(box.dataset.section);
  });
  form.querySelectorAll('input[name="permission"]').forEach((item) => item.addEventListener('change', () => sync(item.dataset.in)));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const permissions = [...form.querySelectorAll('input[name="permission"]:checked')].map((box) => box.value);
    await fetch('/__mock/iru/tokens/' + config.id + '/permissions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ permissions }),
    });
    location.href = config.tokenBase + '/' + config.id + '?saved=1';
  });
})();`;

/** One token: its permissions, read-only or (with ?edit=permissions) as checkboxes with Save. */
export function tokenPage(tenant: Tenant, record: TokenRecord, options: { edit: boolean; saved: boolean }): string {
  const flavour = flavourOf(tenant);
  const self = `${flavour.tokenBase}/${record.id}`;
  let body: string;
  if (options.edit) {
    const sections = PERMISSION_CATALOGUE.map(
      ({
        section,
        permissions,
      }) => `<fieldset><legend><label><input type="checkbox" data-section="${esc(section)}"> ${esc(section)}</label></legend>
${permissions
  .map(
    (p) =>
      `<div class="perm"><label><input type="checkbox" name="permission" value="${esc(p.name)}" data-in="${esc(section)}"${record.permissions.has(p.name) ? ' checked' : ''}> ${esc(p.name)}</label><code>${esc(p.route)}</code></div>`,
  )
  .join('\n')}</fieldset>`,
    ).join('\n');
    body = `<h2>Configure permissions</h2><p>Check the endpoints this token may call. Checking a section checks every permission in it.</p>
<form id="permissions-form" aria-label="API permissions">${sections}
<div class="actions"><a href="${self}">Cancel</a><button type="submit" class="primary">Save</button></div></form>`;
  } else {
    const granted = PERMISSION_CATALOGUE.flatMap(({ permissions }) => permissions.filter((p) => record.permissions.has(p.name)));
    body = granted.length
      ? `<ul aria-label="Granted permissions">${granted.map((p) => `<li>${esc(p.name)} <code>${esc(p.route)}</code></li>`).join('')}</ul><p><a href="${self}?edit=permissions">Edit</a></p>`
      : `<p>No API permissions are configured: this token cannot call any endpoint.</p><p><a href="${self}?edit=permissions">Configure Permissions</a></p>`;
  }
  const content = `<p><a href="${flavour.tokensPath}">← API tokens</a></p>
<h1>${esc(record.name)}</h1><p>${esc(record.description)}</p>
${options.saved ? '<p role="status">Permissions saved.</p>' : ''}
<div role="tablist"><a role="tab" aria-selected="true" href="${self}">Permissions</a><a role="tab" href="${self}/activity">Activity</a></div>
${body}`;
  const extra = script({ id: record.id, tokenBase: flavour.tokenBase }, TOKEN_PAGE_SCRIPT);
  return shell(tenant, `${record.name} · API tokens`, 'access', content, extra);
}

// ---- Decoys: pages full of UUIDs that are not credentials ----

export function devicesPage(tenant: Tenant): string {
  const rows = tenant.devices
    .map(
      (d) =>
        `<tr><td><a href="/devices/${d.id}">${esc(d.name)}</a></td><td><code>${d.id}</code></td><td>${d.serial}</td><td>${esc(d.blueprint.name)}</td><td><code>${d.blueprint.id}</code></td></tr>`,
    )
    .join('');
  return shell(
    tenant,
    'Devices',
    'devices',
    `<h1>Devices</h1><table aria-label="Devices"><thead><tr><th>Name</th><th>Device ID</th><th>Serial number</th><th>Blueprint</th><th>Blueprint ID</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

export function devicePage(tenant: Tenant, device: MockDevice, adeTokenId: string): string {
  return shell(
    tenant,
    device.name,
    'devices',
    `<h1>${esc(device.name)}</h1>
<section aria-label="Device record"><dl>
  <dt>Device ID</dt><dd><input readonly aria-label="Device ID" value="${device.id}"> <button type="button">Copy</button></dd>
  <dt>Serial number</dt><dd>${device.serial}</dd>
  <dt>Blueprint ID</dt><dd><code>${device.blueprint.id}</code></dd>
  <dt>ADE token ID</dt><dd><code>${adeTokenId}</code> <button type="button" aria-label="Copy ADE token ID">Copy ID</button></dd>
</dl></section>`,
  );
}

export function notFoundPage(host: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tenant not found</title></head><body><h1>We couldn’t find ${esc(host)}</h1><p>Check the address of your tenant.</p></body></html>`;
}
