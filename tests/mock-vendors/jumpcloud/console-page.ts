// The fixture JumpCloud Admin Portal: one hash-routed single-page app served for every console
// path, like the real one. It reads and changes the mock's state through /__mock/jumpcloud/*, so
// every value it shows is one the mock API accepts. Secrets appear late (after a click and a
// timer), as in the real console. Labels follow JumpCloud's own ("My API Key", "Generate New API
// Key", "Service Accounts", "+ New", "Key Type", "Client Secret", "Secret Lifetime", "Activate").
import type { Region } from './state';

const style = `
  body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1d2733; }
  header { display: flex; align-items: center; gap: 16px; padding: 8px 16px; background: #0f2a3d; color: #fff; }
  header .brand { font-weight: 700; letter-spacing: .5px; }
  header .org-name { flex: 1; opacity: .8; }
  .account { position: relative; }
  .avatar { border-radius: 50%; width: 32px; height: 32px; border: 0; background: #23b0a3; color: #fff; font-weight: 700; cursor: pointer; }
  [role=menu] { position: absolute; right: 0; top: 40px; background: #fff; color: #1d2733; border: 1px solid #ccd; min-width: 220px; padding: 8px 0; z-index: 5; }
  [role=menu] .account-name, [role=menu] .account-email { padding: 2px 16px; }
  [role=menu] .account-email { color: #667; font-size: 12px; margin-bottom: 6px; }
  [role=menuitem] { display: block; width: 100%; text-align: left; padding: 6px 16px; border: 0; background: none; cursor: pointer; }
  nav.main { display: flex; gap: 16px; padding: 8px 16px; background: #eef2f5; }
  main { padding: 16px 24px; }
  table { border-collapse: collapse; } th, td { border-bottom: 1px solid #dde; padding: 6px 12px; text-align: left; }
  .tabs { display: flex; gap: 12px; margin-bottom: 12px; } .tabs [aria-selected=true] { font-weight: 700; }
  .field { margin: 10px 0; } .field > label { display: block; font-weight: 600; margin-bottom: 4px; }
  .copy-row { display: flex; gap: 6px; } .copy-row input { flex: 1; font-family: monospace; min-width: 320px; }
  .backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.35); display: grid; place-items: center; }
  [role=dialog] { background: #fff; padding: 20px 24px; min-width: 480px; max-width: 640px; border-radius: 6px; }
  .warning { background: #fff4e5; border-left: 4px solid #f39c12; padding: 8px 12px; }
  .actions { display: flex; gap: 8px; justify-content: flex-end; margin-top: 16px; }
  .card { border: 1px solid #dde; border-radius: 6px; padding: 12px 16px; margin: 12px 0; }
  dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
  dl.facts dd { margin: 0; }
  code, pre { background: #f4f6f8; }
`;

// Plain ES5-style browser script (no template literals inside, so it can live in String.raw).
const script = String.raw`
(function () {
  'use strict';
  var ROLES = ['Read Only', 'Help Desk', 'Manager', 'Command Runner', 'Administrator', 'Administrator With Billing'];
  var LIFETIMES = [30, 60, 90, 180, 365];
  var app = document.getElementById('app');
  var modalRoot = document.getElementById('modal-root');
  var state = null;

  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === undefined || value === null || value === false) return;
      if (name.slice(0, 2) === 'on') el.addEventListener(name.slice(2), value);
      else if (name === 'value') { el.value = value; el.setAttribute('value', value); }
      else el.setAttribute(name, value === true ? '' : value);
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) el.append(child);
    });
    return el;
  }
  function mock(method, path, body) {
    return fetch('/__mock/jumpcloud/' + path, {
      method: method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    });
  }
  function when(iso) { return new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' }); }
  function route() { return (location.hash.replace(/^#!?/, '') || '/home').split('?')[0].replace(/\/+$/, '') || '/home'; }
  function copyButton(input) {
    return h('button', { type: 'button', class: 'copy', onclick: function () { if (navigator.clipboard) navigator.clipboard.writeText(input.value).catch(function () {}); } }, ['Copy']);
  }

  // ---- Header and account menu ----
  var menu = document.getElementById('account-menu');
  var accountButton = document.getElementById('account-button');
  function setMenu(open) { menu.hidden = !open; accountButton.setAttribute('aria-expanded', String(open)); }
  accountButton.addEventListener('click', function () { setMenu(menu.hidden); });
  document.getElementById('menu-my-api-key').addEventListener('click', function () { setMenu(false); openApiKeyModal(); });
  function paintHeader() {
    var initials = state.admin.name.split(' ').map(function (part) { return part[0]; }).join('');
    accountButton.textContent = initials;
    accountButton.title = state.admin.name;
    document.getElementById('account-name').textContent = state.admin.name;
    document.getElementById('account-email').textContent = state.admin.email;
    document.getElementById('org-name').textContent = state.admin.multiTenant ? 'Multi-Tenant Portal' : state.admin.orgs[0].name;
  }

  // ---- Dialogs ----
  function openDialog(id, title, body) {
    var dialog = h('div', { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': id + '-title', id: id }, [h('h2', { id: id + '-title' }, [title])].concat(body));
    modalRoot.replaceChildren(h('div', { class: 'backdrop' }, [dialog]));
    return dialog;
  }
  function closeDialog() { modalRoot.replaceChildren(); }

  // ---- My API Key ----
  function expirationSelect(current) {
    var select = h('select', { id: 'api-key-expiration', onchange: function () {
      var days = select.value === 'none' ? null : Number(select.value);
      mock('POST', 'api-key/expiration', { days: days }).then(function (result) {
        state.admin.apiKeyExpiresAt = result.expiresAt;
        state.admin.apiKeyDays = days;
        showExpiry();
      });
    } }, [30, 60, 90].map(function (days) { return h('option', { value: String(days), selected: current === days }, [days + ' days']); })
      .concat([h('option', { value: 'none', selected: current === null }, ['No Expiration'])]));
    return select;
  }
  function showExpiry() {
    var target = document.getElementById('api-key-expires');
    if (!target) return;
    target.textContent = state.admin.apiKeyExpiresAt ? 'Expires on ' + when(state.admin.apiKeyExpiresAt) : 'This key does not expire.';
  }
  function expirationBlock() {
    return h('div', { class: 'field' }, [
      h('label', { for: 'api-key-expiration' }, ['Expiration Date']),
      expirationSelect(state.admin.apiKeyDays === undefined ? 90 : state.admin.apiKeyDays),
      h('p', { id: 'api-key-expires' }, []),
    ]);
  }
  function openApiKeyModal() {
    var hasKey = state.admin.hasApiKey;
    openDialog('my-api-key', 'My API Key', [
      hasKey
        ? h('div', { class: 'card' }, [
            h('p', {}, ['API keys are displayed only when they are generated.']),
            h('span', { class: 'label' }, ['API Key']), ' ',
            h('span', { class: 'masked' }, ['jca_' + '\u2022'.repeat(32) + state.admin.apiKeyHint]),
          ])
        : h('p', {}, ["You haven't generated an API key yet."]),
      hasKey ? expirationBlock() : null,
      h('div', { class: 'actions' }, [
        h('button', { type: 'button', id: 'generate-api-key', onclick: confirmGenerate }, ['Generate New API Key']),
        h('button', { type: 'button', onclick: closeDialog }, ['Close']),
      ]),
    ]);
    showExpiry();
  }
  function confirmGenerate() {
    openDialog('my-api-key', 'My API Key', [
      h('div', { class: 'warning', role: 'alert' }, ['Generating a new API key revokes your current key. Every integration that uses it will stop working until you update it.']),
      h('div', { class: 'actions' }, [
        h('button', { type: 'button', onclick: openApiKeyModal }, ['Cancel']),
        h('button', { type: 'button', id: 'confirm-generate-api-key', onclick: generate }, ['Generate']),
      ]),
    ]);
  }
  function generate(event) {
    event.target.disabled = true;
    event.target.textContent = 'Generating...';
    mock('POST', 'api-key', {}).then(function (result) {
      state.admin.hasApiKey = true;
      state.admin.apiKeyHint = result.apiKey.slice(-4);
      state.admin.apiKeyExpiresAt = result.expiresAt;
      state.admin.apiKeyDays = 90;
      // Late: the key appears a moment after the request, like the real console.
      setTimeout(function () {
        var input = h('input', { id: 'api-key-value', 'aria-labelledby': 'api-key-label', readonly: true, spellcheck: 'false', value: result.apiKey }, []);
        openDialog('my-api-key', 'My API Key', [
          h('p', {}, ['Store this key somewhere safe. It will not be shown again.']),
          h('div', { class: 'field' }, [h('div', { id: 'api-key-label', class: 'label' }, ['API Key']), h('div', { class: 'copy-row' }, [input, copyButton(input)])]),
          expirationBlock(),
          h('div', { class: 'actions' }, [h('button', { type: 'button', id: 'api-key-close', onclick: closeDialog }, ['Close'])]),
        ]);
        showExpiry();
      }, 600);
    });
  }

  // ---- Service accounts ----
  function settingsTabs(selected) {
    return h('div', { class: 'tabs', role: 'tablist' }, [
      h('a', { role: 'tab', href: '#/settings/administrators', 'aria-selected': String(selected === 'admins') }, ['Administrators']),
      h('a', { role: 'tab', href: '#/settings/service-accounts', 'aria-selected': String(selected === 'sa') }, ['Service Accounts']),
    ]);
  }
  function credentialsDialog(result, title) {
    function field(id, label, value) {
      var input = h('input', { id: id, readonly: true, spellcheck: 'false', value: value }, []);
      return h('div', { class: 'field' }, [h('label', { for: id }, [label]), h('div', { class: 'copy-row' }, [input, copyButton(input)])]);
    }
    openDialog('sa-credentials', title, [
      h('p', {}, ['Copy the Client ID and Client Secret now. The Client Secret is displayed only once and cannot be viewed again.']),
      field('sa-client-id', 'Client ID', result.clientId),
      field('sa-client-secret', 'Client Secret', result.clientSecret),
      h('dl', { class: 'facts' }, [
        h('dt', {}, ['Secret Lifetime']), h('dd', {}, [result.lifetimeDays + ' days']),
        h('dt', {}, ['Expires On']), h('dd', {}, [when(result.expiresAt)]),
      ]),
      h('div', { class: 'actions' }, [h('button', { type: 'button', id: 'sa-close', onclick: function () {
        closeDialog();
        location.hash = '#/settings/service-accounts/' + result.clientId;
      } }, ['Close'])]),
    ]);
  }
  function lifetimeSelect(id) {
    return h('select', { id: id }, LIFETIMES.map(function (days) { return h('option', { value: String(days), selected: days === 90 }, [days + ' days']); }));
  }
  function serviceAccountsPage() {
    var rows = state.serviceAccounts.map(function (account) {
      return h('tr', {}, [
        h('td', {}, [h('a', { href: '#/settings/service-accounts/' + account.clientId }, [account.name])]),
        h('td', {}, [account.role]),
        h('td', {}, [account.clientId]),
        h('td', {}, [account.secrets.length + ' of 2']),
      ]);
    });
    return [
      h('h1', {}, ['Settings']),
      settingsTabs('sa'),
      h('p', {}, [h('a', { href: '#/settings/service-accounts/new', role: 'button', id: 'new-service-account' }, ['+ New'])]),
      rows.length
        ? h('table', {}, [h('thead', {}, [h('tr', {}, ['Name', 'Role', 'Client ID', 'Client Secrets'].map(function (text) { return h('th', {}, [text]); }))]), h('tbody', {}, rows)])
        : h('p', {}, ['No service accounts yet.']),
    ];
  }
  function newServiceAccountPage() {
    var name = h('input', { id: 'sa-name', name: 'name', autocomplete: 'off' }, []);
    var role = h('select', { id: 'sa-role', name: 'role' }, [h('option', { value: '' }, ['Select a role'])].concat(ROLES.map(function (r) { return h('option', { value: r }, [r]); })));
    var lifetime = lifetimeSelect('sa-lifetime');
    var popup = h('div', { id: 'sa-lifetime-popup', class: 'field', hidden: true }, [h('label', { for: 'sa-lifetime' }, ['Secret Lifetime']), lifetime]);
    var activate = h('button', { type: 'submit', id: 'sa-activate', disabled: true }, ['Activate']);
    function radio(value, text, disabled) {
      return h('label', {}, [h('input', { type: 'radio', name: 'keyType', value: value, disabled: disabled }, []), ' ' + text]);
    }
    var form = h('form', { id: 'sa-form' }, [
      h('div', { class: 'field' }, [h('label', { for: 'sa-name' }, ['Name']), name]),
      h('div', { class: 'field' }, [h('label', { for: 'sa-role' }, ['Role']), role]),
      h('fieldset', {}, [h('legend', {}, ['Key Type']), radio('client-secret', 'Client Secret', false), ' ', radio('public-key', 'Public Key (coming soon)', true)]),
      popup,
      h('div', { class: 'actions' }, [h('a', { href: '#/settings/service-accounts' }, ['Cancel']), activate]),
    ]);
    function update() {
      var keyType = form.querySelector('input[name=keyType]:checked');
      popup.hidden = !keyType;
      activate.disabled = !(name.value.trim() && role.value && keyType);
    }
    form.addEventListener('input', update);
    form.addEventListener('change', update);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      activate.disabled = true;
      activate.textContent = 'Activating...';
      mock('POST', 'service-accounts', { name: name.value.trim(), role: role.value, lifetimeDays: Number(lifetime.value) }).then(function (result) {
        setTimeout(function () { credentialsDialog(result, 'Service Account Activated'); }, 600);
      });
    });
    return [h('h1', {}, ['New Service Account']), form];
  }
  function serviceAccountPage(clientId) {
    var account = state.serviceAccounts.filter(function (candidate) { return candidate.clientId === clientId; })[0];
    if (!account) return [h('h1', {}, ['Service account not found'])];
    var secrets = account.secrets.map(function (secret) {
      return h('tr', {}, [h('td', {}, ['\u2022'.repeat(12)]), h('td', {}, [when(secret.createdAt)]), h('td', {}, [when(secret.expiresAt)])]);
    });
    var addButton = h('button', { type: 'button', id: 'sa-add-secret', disabled: account.secrets.length >= 2, onclick: function () {
      var lifetime = lifetimeSelect('sa-new-lifetime');
      openDialog('sa-add-secret-dialog', 'Add Client Secret', [
        h('div', { class: 'field' }, [h('label', { for: 'sa-new-lifetime' }, ['Secret Lifetime']), lifetime]),
        h('div', { class: 'actions' }, [
          h('button', { type: 'button', onclick: closeDialog }, ['Cancel']),
          h('button', { type: 'button', id: 'sa-add-secret-confirm', onclick: function (event) {
            event.target.disabled = true;
            mock('POST', 'service-accounts/' + account.clientId + '/secrets', { lifetimeDays: Number(lifetime.value) }).then(function (result) {
              setTimeout(function () { credentialsDialog(result, 'Client Secret Added'); }, 600);
            });
          } }, ['Add']),
        ]),
      ]);
    } }, ['+ Add Secret']);
    return [
      h('h1', {}, [account.name]),
      settingsTabs('sa'),
      h('dl', { class: 'facts' }, [h('dt', {}, ['Role']), h('dd', {}, [account.role]), h('dt', {}, ['Client ID']), h('dd', {}, [account.clientId])]),
      h('h2', {}, ['Client Secrets']),
      h('table', {}, [h('thead', {}, [h('tr', {}, ['Client Secret', 'Created', 'Expires'].map(function (text) { return h('th', {}, [text]); }))]), h('tbody', {}, secrets)]),
      h('p', {}, [addButton]),
    ];
  }

  // ---- Home: a decoy full of key-like strings that are not credentials ----
  function homePage() {
    return [
      h('h1', {}, ['Home']),
      h('div', { class: 'card', id: 'api-help' }, [
        h('h2', {}, ['Getting started with the JumpCloud API']),
        h('p', {}, ['Admin API keys start with jca_ and are shown only once. Example key: ', h('code', {}, ['jca_Ex4mpleKeyOnlyForDocs000000000000000']), '.']),
        h('pre', {}, [h('code', {}, ['curl -H "x-api-key: jca_Ex4mpleKeyOnlyForDocs000000000000000" ' + location.origin + '/api/systemusers'])]),
        h('p', {}, ['Service accounts use a Client ID such as ', h('code', {}, ['sa_5e8f0c1d2b3a495867a1b2c3']), ' and a Client Secret such as ', h('code', {}, ['Qm3x-Example~Secret-Value1']), '.']),
      ]),
      h('div', { class: 'card' }, [
        h('h2', {}, ['Your access']),
        h('dl', { class: 'facts' }, [
          h('dt', {}, ['API Key']), h('dd', {}, ['jca_' + '\u2022'.repeat(36)]),
          h('dt', {}, ['Client Secret']), h('dd', {}, ['\u2022'.repeat(26)]),
          h('dt', {}, ['Organization ID']), h('dd', {}, [state.admin.orgs[0].id]),
        ]),
      ]),
      h('table', {}, [h('tbody', {}, [
        h('tr', {}, [h('th', {}, ['Agent build']), h('td', {}, ['3f9a1c0b7e2d4a6f8b1c3e5d7f9a0b2c4d6e8f0a'])]),
        h('tr', {}, [h('th', {}, ['Device ID']), h('td', {}, ['3f2504e0-4f89-11d3-9a0c-0305e82c3301'])]),
        h('tr', {}, [h('th', {}, ['Client ID']), h('td', {}, ['sa_0123456789abcdef01234567'])]),
      ])]),
    ];
  }
  function simplePage(title) { return [h('h1', {}, [title]), h('p', {}, ['Nothing to see here in the mock.'])]; }

  function page(path) {
    if (path === '/home') return homePage();
    if (path === '/settings/service-accounts') return serviceAccountsPage();
    if (path === '/settings/service-accounts/new') return newServiceAccountPage();
    if (path.indexOf('/settings/service-accounts/') === 0) return serviceAccountPage(path.split('/')[3]);
    if (path === '/settings/administrators') return [h('h1', {}, ['Settings']), settingsTabs('admins'), h('p', {}, ['Administrators are managed elsewhere in the mock.'])];
    if (path === '/users') return simplePage('Users');
    if (path === '/devices') return simplePage('Devices');
    return simplePage('Page not found');
  }

  // Like a single-page app: every route change re-fetches state and renders a moment later.
  function render() {
    app.replaceChildren(h('p', { class: 'loading' }, ['Loading...']));
    mock('GET', 'state').then(function (next) {
      state = next;
      paintHeader();
      setTimeout(function () { app.replaceChildren.apply(app, page(route())); }, 150);
    });
  }
  window.addEventListener('hashchange', function () { closeDialog(); render(); });
  render();
})();
`;

export function consolePage(region: Region): string {
  return `<!doctype html>
<html lang="en" data-region="${region}">
<head>
<meta charset="utf-8">
<title>JumpCloud Admin Portal</title>
<style>${style}</style>
</head>
<body>
<header role="banner">
  <span class="brand">jumpcloud</span>
  <span class="org-name" id="org-name"></span>
  <div class="account">
    <button type="button" id="account-button" class="avatar" aria-haspopup="menu" aria-expanded="false" aria-controls="account-menu" aria-label="Account menu"></button>
    <div id="account-menu" role="menu" hidden>
      <div class="account-name" id="account-name"></div>
      <div class="account-email" id="account-email"></div>
      <button type="button" role="menuitem" id="menu-my-api-key">My API Key</button>
      <a role="menuitem" href="#/settings/administrators">Administrators</a>
      <button type="button" role="menuitem">Log Out</button>
    </div>
  </div>
</header>
<nav class="main" aria-label="Main">
  <a href="#/home">Home</a>
  <a href="#/users">Users</a>
  <a href="#/devices">Devices</a>
  <a href="#/settings/service-accounts">Settings</a>
</nav>
<main id="app" aria-live="polite"></main>
<div id="modal-root"></div>
<script>${script}</script>
</body>
</html>`;
}
