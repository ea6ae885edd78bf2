// The fixture console: one single-page app per host, hash routes like the real consoles
// (business.apple.com / school.apple.com). Structure and labels follow Apple's flow:
// Preferences → API → "+" → "Create API Account" (API Account Label) → "Private API Key" →
// "Generate Private Key" (the .pem downloads once) → Manage (API Account Name, Private Key, Key ID,
// Client ID, Created By, Created Date, rendered late). Data comes from /mock-console/* on the same
// origin (console-backend.ts), i.e. from the mock's state.
import type { AppleKind } from './state';

const PRODUCTS: Record<AppleKind, { product: string; org: string }> = {
  business: { product: 'Apple Business Manager', org: 'Keyhold Test Organization' },
  school: { product: 'Apple School Manager', org: 'Keyhold Test School' },
};

export function consolePage(kind: AppleKind, options: { pageDelayMs: number; permissions: string[] }): string {
  const { product, org } = PRODUCTS[kind];
  const config = { kind, product, org, user: 'Jane Appleseed', pageDelayMs: options.pageDelayMs, permissions: kind === 'business' ? options.permissions : [] };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${product}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="app">
  <nav class="sidebar" aria-label="${product}">
    <p class="org">${org}</p>
    <a href="#/main/devices">Devices</a>
    <a href="#/main/activity">Activity</a>
    <div class="account">
      <button id="account-menu-button" aria-haspopup="menu" aria-expanded="false">${config.user}</button>
      <div id="account-menu" role="menu" hidden>
        <a role="menuitem" href="#/main/preferences">Preferences</a>
        <a role="menuitem" href="#/signin">Sign Out</a>
      </div>
    </div>
  </nav>
  <main id="main"></main>
</div>
<div id="overlay"></div>
<script type="application/json" id="console-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
<script>${SCRIPT}</script>
</body>
</html>`;
}

const STYLE = `
body { margin: 0; font: 14px -apple-system, system-ui, sans-serif; color: #1d1d1f; }
.app { display: flex; min-height: 100vh; }
.sidebar { width: 220px; background: #f5f5f7; padding: 16px; display: flex; flex-direction: column; gap: 8px; }
.sidebar .account { margin-top: auto; position: relative; }
main { flex: 1; padding: 24px 32px; }
#overlay:empty { display: none; }
#overlay { position: fixed; inset: 0; background: rgb(0 0 0 / 0.3); display: flex; align-items: flex-start; justify-content: center; padding-top: 60px; }
.sheet { background: #fff; border-radius: 12px; padding: 24px; width: 520px; box-shadow: 0 10px 40px rgb(0 0 0 / 0.25); }
.row { display: flex; gap: 16px; padding: 8px 0; border-bottom: 1px solid #eee; }
.row .label { width: 150px; color: #6e6e73; }
.row .value { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.mono { font-family: ui-monospace, Menlo, monospace; }
.actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 16px; }
table { border-collapse: collapse; } th, td { text-align: left; padding: 6px 12px; border-bottom: 1px solid #eee; }
.sheet label[for], .sheet input[type="text"], .sheet .permission { display: block; margin: 6px 0; }
.sheet input[type="text"] { width: 100%; box-sizing: border-box; }
li.api-account { display: flex; gap: 16px; align-items: center; padding: 8px 0; }
`;

// Plain browser JavaScript (no template substitutions inside).
const SCRIPT = String.raw`
(function () {
  var config = JSON.parse(document.getElementById('console-config').textContent);
  var main = document.getElementById('main');
  var overlay = document.getElementById('overlay');

  function h(tag, attrs) {
    var element = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key === 'text') element.textContent = value;
      else if (key.indexOf('on') === 0) element.addEventListener(key.slice(2), value);
      else element.setAttribute(key, value === true ? '' : value);
    });
    Array.prototype.slice.call(arguments, 2).forEach(function append(child) {
      if (child === null || child === undefined || child === false) return;
      if (Array.isArray(child)) return child.forEach(append);
      element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return element;
  }

  function call(method, path, body) {
    return fetch('/mock-console' + path, {
      method: method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (response) {
      return response.json().then(function (data) {
        if (!response.ok) throw new Error(data.error || 'The request failed.');
        return data;
      });
    });
  }

  function formatDate(iso) {
    return new Date(iso).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' });
  }

  function download(fileName, pem) {
    var url = URL.createObjectURL(new Blob([pem], { type: 'application/x-pem-file' }));
    var link = h('a', { href: url, download: fileName, id: 'private-key-download', hidden: true });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { link.remove(); URL.revokeObjectURL(url); }, 2000);
  }

  // ---- Sheets (modal dialogs) ----

  function openSheet(title) {
    var sheet = h('div', { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'sheet-title', class: 'sheet' });
    sheet.appendChild(h('h2', { id: 'sheet-title', text: title }));
    overlay.replaceChildren(sheet);
    return sheet;
  }

  function closeSheet() {
    overlay.replaceChildren();
  }

  function errorLine() {
    return h('p', { role: 'alert', class: 'error' });
  }

  function openCreateSheet() {
    var sheet = openSheet('Create API Account');
    var input = h('input', { id: 'api-account-label', type: 'text', maxlength: '100', autocomplete: 'off' });
    var create = h('button', { id: 'create-api-account', disabled: true, text: 'Create' });
    var error = errorLine();
    input.addEventListener('input', function () { create.disabled = !input.value.trim(); });
    var permissions = config.permissions.map(function (name) {
      return h('label', { class: 'permission' }, h('input', { type: 'checkbox', name: 'permission', value: name }), ' ' + name);
    });
    sheet.append(
      h('p', { text: 'Name the account after the tool that will use it.' }),
      h('label', { for: 'api-account-label', text: 'API Account Label' }),
      input,
    );
    if (permissions.length) sheet.append(h('fieldset', {}, h('legend', { text: 'Permissions' }), permissions));
    sheet.append(error, h('div', { class: 'actions' }, h('button', { text: 'Cancel', onclick: closeSheet }), create));
    create.addEventListener('click', function () {
      var chosen = Array.prototype.map.call(sheet.querySelectorAll('input[name=permission]:checked'), function (box) { return box.value; });
      create.disabled = true;
      call('POST', '/api-accounts', { name: input.value, permissions: chosen })
        .then(function (account) { renderList(); openKeySheet(account); })
        .catch(function (failure) { error.textContent = failure.message; create.disabled = false; });
    });
    input.focus();
  }

  function generateKey(account, done) {
    return call('POST', '/api-accounts/' + account.id + '/private-key').then(function (result) {
      download(result.fileName, result.pem);
      done(result);
    });
  }

  function openKeySheet(account) {
    var sheet = openSheet('Private API Key');
    var generate = h('button', { id: 'generate-private-key', text: 'Generate Private Key' });
    var error = errorLine();
    sheet.append(
      h('p', { text: 'Generate a private key for ' + account.name + '. The .pem file downloads once and ' + config.product + ' does not keep a copy.' }),
      error,
      h('div', { class: 'actions' }, h('button', { text: 'Not Now', onclick: closeSheet }), generate),
    );
    generate.addEventListener('click', function () {
      generate.disabled = true;
      generateKey(account, function (result) {
        var done = openSheet('Private Key Downloaded');
        done.append(
          h('p', { text: 'Saved as ' + result.fileName + '. Keep it safe: it cannot be downloaded again.' }),
          h('div', { class: 'actions' },
            h('button', { text: 'Manage', onclick: function () { openManage(account.id); } }),
            h('button', { text: 'Done', onclick: closeSheet })),
        );
      }).catch(function (failure) { error.textContent = failure.message; generate.disabled = false; });
    });
  }

  function row(label, value) {
    return h('div', { class: 'row' }, h('div', { class: 'label', text: label }), h('div', { class: 'value' }, value));
  }

  function copyable(label, value) {
    return [
      h('span', { class: 'mono', text: value }),
      h('button', { class: 'copy', 'aria-label': 'Copy ' + label, text: 'Copy', onclick: function () {
        if (navigator.clipboard) navigator.clipboard.writeText(value).catch(function () {});
      } }),
    ];
  }

  // The details arrive after a fetch and a delay, like the real single-page app.
  function openManage(id) {
    var sheet = openSheet('Manage API Account');
    sheet.appendChild(h('p', { role: 'status', class: 'loading', text: 'Loading…' }));
    call('GET', '/api-accounts/' + id).then(function (account) {
      setTimeout(function () { renderManage(account); }, config.pageDelayMs);
    });
  }

  function renderManage(account) {
    var sheet = openSheet('Manage API Account');
    var error = errorLine();
    var keyState = account.keyId
      ? ['Generated ' + formatDate(account.keyCreatedAt) + ' ', h('button', { text: 'Revoke', onclick: function () { confirmRevoke(account); } })]
      : [
          account.revokedAt ? 'Revoked ' + formatDate(account.revokedAt) + ' ' : 'Not generated ',
          h('button', { id: 'generate-private-key', text: 'Generate Private Key', onclick: function (event) {
            event.target.disabled = true;
            generateKey(account, function () { openManage(account.id); }).catch(function (failure) { error.textContent = failure.message; });
          } }),
        ];
    sheet.append(
      h('div', { class: 'details' },
        row('API Account Name', account.name),
        row('Private Key', keyState),
        row('Key ID', account.keyId ? copyable('Key ID', account.keyId) : '—'),
        row('Client ID', copyable('Client ID', account.clientId)),
        row('Created By', account.createdBy),
        row('Created Date', formatDate(account.createdAt))),
      error,
      h('div', { class: 'actions' }, h('button', { text: 'Done', onclick: closeSheet })),
    );
  }

  function confirmRevoke(account) {
    var sheet = openSheet('Revoke Private Key?');
    sheet.append(
      h('p', { text: 'Every integration that uses this key stops working at once. You can generate a new key afterwards.' }),
      h('div', { class: 'actions' },
        h('button', { text: 'Cancel', onclick: function () { renderManage(account); } }),
        h('button', { id: 'confirm-revoke', text: 'Revoke', onclick: function () {
          call('POST', '/api-accounts/' + account.id + '/revoke').then(function () { openManage(account.id); });
        } })),
    );
  }

  // ---- Pages ----

  function renderList() {
    var list = document.getElementById('api-accounts');
    if (!list) return;
    call('GET', '/api-accounts').then(function (accounts) {
      list.replaceChildren();
      if (!accounts.length) list.appendChild(h('li', { class: 'empty', text: 'No API accounts yet.' }));
      accounts.forEach(function (account) {
        list.appendChild(h('li', { class: 'api-account', 'data-account-id': account.id, 'data-client-id': account.clientId },
          h('span', { class: 'name', text: account.name }),
          h('span', { class: 'meta', text: 'Created ' + formatDate(account.createdAt) }),
          h('button', { text: 'Manage', 'aria-label': 'Manage ' + account.name, onclick: function () { openManage(account.id); } })));
      });
    });
  }

  function renderApiAccounts() {
    main.append(
      h('h1', { text: 'API' }),
      h('p', { text: 'API accounts let other tools work with ' + config.org + ' through the ' + config.product + ' API. An organization can have up to 50.' }),
      h('button', { id: 'add-api-account', 'aria-label': 'Add API Account', title: 'Add API Account', text: '+', onclick: openCreateSheet }),
      h('ul', { id: 'api-accounts', 'aria-label': 'API accounts' }, h('li', { class: 'loading', text: 'Loading…' })),
    );
    renderList();
  }

  function renderPreferences() {
    var sections = ['Your Apple Account', 'Organization Information', 'Enrollment Information', 'Your MDM Servers', 'Directory Sync', 'Domains'];
    main.append(
      h('h1', { text: 'Preferences' }),
      h('ul', { class: 'preferences' },
        sections.map(function (name) { return h('li', { text: name }); }),
        h('li', {}, h('a', { href: '#/main/preferences/apiaccounts', text: 'API' }))),
    );
  }

  function renderDevices() {
    var body = h('tbody');
    main.append(
      h('h1', { text: 'Devices' }),
      h('table', { 'aria-label': 'Devices' },
        h('thead', {}, h('tr', {}, ['Serial Number', 'Model', 'Capacity', 'Order Number', 'Device Management Service'].map(function (name) { return h('th', { text: name }); }))),
        body),
    );
    call('GET', '/devices').then(function (devices) {
      devices.forEach(function (device) {
        body.appendChild(h('tr', {}, [device.serialNumber, device.deviceModel, device.deviceCapacity, device.orderNumber, device.server || 'Unassigned'].map(function (text) { return h('td', { text: text }); })));
      });
    });
  }

  // Decoy: IDs that look like credentials (a Client ID column, request UUIDs) but no Key ID.
  function renderActivity() {
    var rows = [
      ['September 2, 2025', 'Devices assigned to Jamf Pro (production)', 'API account: Inventory sync', 'BUSINESSAPI.5f0e8d1c-2b3a-4c5d-8e9f-0a1b2c3d4e5f', '7c9e6679-7425-40de-944b-e07fc1f90ae7'],
      ['August 28, 2025', 'Private key revoked', 'Jane Appleseed', 'SCHOOLAPI.0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9', 'e4eaaaf2-d142-11e1-b3e4-080027620cdd'],
      ['August 12, 2025', 'API account created', 'Jane Appleseed', 'BUSINESSAPI.9d4f2a10-6c3b-4e8d-a1f7-2b5c8e0d3f61', '16fd2706-8baf-433b-82eb-8c7fada847da'],
    ];
    main.append(
      h('h1', { text: 'Activity' }),
      h('p', { text: 'To find an API account\u2019s Client ID and Key ID, open Preferences, then API, then Manage.' }),
      h('p', {}, 'Export ID ', h('span', { class: 'mono', text: '3b241101-e2bb-4255-8caf-4136c566a962' })),
      h('table', { 'aria-label': 'Activity' },
        h('thead', {}, h('tr', {}, ['Date', 'Activity', 'Performed By', 'Client ID', 'Request ID'].map(function (name) { return h('th', { text: name }); }))),
        h('tbody', {}, rows.map(function (cells) {
          return h('tr', {}, cells.map(function (text, index) { return h('td', { class: index > 2 ? 'mono' : null, text: text }); }));
        }))),
    );
  }

  function route() {
    closeSheet();
    main.replaceChildren();
    var path = location.hash.replace(/^#\/?/, '');
    if (path === 'main/preferences/apiaccounts') return renderApiAccounts();
    if (path === 'main/preferences') return renderPreferences();
    if (path === 'main/activity') return renderActivity();
    if (path === 'main/devices') return renderDevices();
    if (path === 'signin') return main.append(h('h1', { text: 'Sign In' }), h('p', { text: 'You have signed out.' }));
    location.replace('#/main/devices');
  }

  var menuButton = document.getElementById('account-menu-button');
  var menu = document.getElementById('account-menu');
  menuButton.addEventListener('click', function () {
    menu.hidden = !menu.hidden;
    menuButton.setAttribute('aria-expanded', String(!menu.hidden));
  });
  menu.addEventListener('click', function () { menu.hidden = true; menuButton.setAttribute('aria-expanded', 'false'); });
  window.addEventListener('hashchange', route);
  route();
})();
`;
