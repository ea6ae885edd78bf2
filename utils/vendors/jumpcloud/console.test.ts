// @vitest-environment happy-dom
import { consoleHosts } from '../vendor-ids';
import { afterEach, describe, expect, it } from 'vitest';
import { jumpcloudConsole } from './console';
import { jumpcloudGuides } from './guide';

const US = new URL('https://console.jumpcloud.com/#/home');
const EU = new URL('https://console.eu.jumpcloud.com/#/home');
const KEY = 'jca_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78';
const LEGACY = 'a1B2c3D4e5F6a1B2c3D4e5F6a1B2c3D4e5F6a1B2';
const CLIENT_ID = 'sa_68d11d62e6adb60001a8121d';
const SECRET = 'Zq7-Kp2~Lm9xWv4-Rt8~Ny3sHb';

const page = (html: string) => {
  document.body.innerHTML = html;
  return document;
};
const recognise = (url = US) => jumpcloudConsole.recognise(url, document);
const header = (email = 'alex@acme.example') =>
  `<header role="banner"><button aria-label="Account menu">AA</button><div role="menu" hidden><div>Alex Admin</div><div>${email}</div><button role="menuitem">My API Key</button></div></header>`;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('detect', () => {
  const table: [string, string | null][] = [
    ['https://console.jumpcloud.com/#/home', 'us'],
    ['https://console.jumpcloud.com/', 'us'],
    ['https://console.eu.jumpcloud.com/#/settings/service-accounts', 'eu'],
    ['https://console.in.jumpcloud.com/#/home', 'in'],
    ['https://CONSOLE.EU.JUMPCLOUD.COM/#/home', 'eu'],
    ['https://console.jumpcloud.com/login', 'us'],
    ['http://console.jumpcloud.com/#/home', null],
    ['https://console.jumpcloud.com/userconsole/#/', null],
    ['https://console.jumpcloud.com/api/systemusers', null],
    ['https://console.us.jumpcloud.com/', null],
    ['https://console.de.jumpcloud.com/', null],
    ['https://console.jumpcloud.com.evil.example/', null],
    ['https://evil.example/console.jumpcloud.com', null],
    ['https://admin-oauth.id.jumpcloud.com/oauth2/token', null],
    ['https://jumpcloud.com/support/service-accounts', null],
    ['https://myconsole.jumpcloud.com/', null],
  ];
  it.each(table)('%s → %s', (url, region) => {
    const match = jumpcloudConsole.detect(new URL(url));
    expect(match?.hints?.region ?? null).toBe(region);
  });

  it('names the tenant by host and hints the API and token URLs of the region', () => {
    expect(jumpcloudConsole.detect(EU)).toEqual({
      consoleId: 'jumpcloud',
      tenant: 'console.eu.jumpcloud.com',
      hints: { region: 'eu', apiUrl: 'https://console.eu.jumpcloud.com', tokenUrl: 'https://admin-oauth.id.eu.jumpcloud.com/oauth2/token' },
    });
  });

  it('content-script matches cover exactly the three console hosts', () => {
    expect(consoleHosts.jumpcloud.console).toEqual([
      'https://console.jumpcloud.com/*',
      'https://console.eu.jumpcloud.com/*',
      'https://console.in.jumpcloud.com/*',
    ]);
  });
});

describe('recognise: admin API key', () => {
  it('reads a jca_ key from the My API Key dialog (readonly input, aria-labelledby) with its expiry and the admin email', () => {
    page(`${header()}
      <div role="dialog" aria-modal="true" aria-labelledby="t"><h2 id="t">My API Key</h2>
        <div class="field"><div id="k" class="label">API Key</div><div><input id="key" readonly aria-labelledby="k" value="${KEY}"><button>Copy</button></div></div>
        <label for="exp">Expiration Date</label><select id="exp"><option>30 days</option><option selected>90 days</option></select>
        <p>Expires on Mar 3, 2031, 2:15 PM</p>
      </div>`);
    const [found, ...rest] = recognise();
    expect(rest).toEqual([]);
    expect(found.type).toBe('jumpcloud-api-key');
    expect(found.anchor).toBe(document.getElementById('key'));
    expect(found.values).toEqual({ apiKey: KEY, region: 'us', adminEmail: 'alex@acme.example' });
    expect(found.expiresAt).toBe(new Date(2031, 2, 3, 14, 15).toISOString());
  });

  it('reads a key shown as text beside its label in an inline panel, on the EU console', () => {
    page(`<section class="panel"><span>API Key:</span> <code id="key">${KEY}</code> <button>Copy</button></section>`);
    const found = recognise(EU);
    expect(found).toHaveLength(1);
    expect(found[0].anchor).toBe(document.getElementById('key'));
    expect(found[0].values).toEqual({ apiKey: KEY, region: 'eu' });
    expect(found[0].expiresAt).toBeUndefined();
  });

  it('reads a key inside the API key dialog even without a label next to it', () => {
    page(`<dialog open><h2>My API Key</h2><p>Store it now.</p><div class="box"><strong id="key">${KEY}</strong></div></dialog>`);
    expect(recognise().map((found) => found.anchor)).toEqual([document.getElementById('key')]);
  });

  it('takes a legacy 40-character key only beside its API Key label', () => {
    page(`<dl><dt>API Key</dt><dd id="key">${LEGACY}</dd></dl>`);
    expect(recognise().map((found) => found.values.apiKey)).toEqual([LEGACY]);
    page(`<div role="dialog"><h2>My API Key</h2><p id="key">${LEGACY}</p></div>`);
    expect(recognise()).toEqual([]);
  });

  it('reads the label from a table row and from an input aria-label', () => {
    page(`<table><tr><th>API Key</th><td><input id="key" readonly value="${KEY}"></td></tr></table>`);
    expect(recognise()[0]?.anchor).toBe(document.getElementById('key'));
    page(`<input id="key" aria-label="API key" readonly value="  ${KEY}  ">`);
    expect(recognise()[0]?.values.apiKey).toBe(KEY);
  });

  it('leaves out the email when the header shows two', () => {
    page(`<header><span>alex@acme.example</span><span>support@jumpcloud.example</span></header><div><span>API Key</span><code>${KEY}</code></div>`);
    expect(recognise()[0].values).toEqual({ apiKey: KEY, region: 'us' });
  });

  it('keeps no expiry when the key never expires', () => {
    page(`<div role="dialog"><h2>My API Key</h2><span>API Key</span><input readonly value="${KEY}">
      <label for="e">Expiration Date</label><select id="e"><option selected>No Expiration</option></select><p>This key does not expire.</p></div>`);
    expect(recognise()[0].expiresAt).toBeUndefined();
  });

  it('finds a key rendered late, after a click and a timer', async () => {
    page(`<div role="dialog" id="d"><h2>My API Key</h2><button id="gen">Generate New API Key</button></div>`);
    expect(recognise()).toEqual([]);
    document.getElementById('gen')!.addEventListener('click', () =>
      setTimeout(() => {
        document.getElementById('d')!.insertAdjacentHTML('beforeend', `<div><span id="l">API Key</span><input aria-labelledby="l" readonly value="${KEY}"></div>`);
      }, 20),
    );
    (document.getElementById('gen') as HTMLButtonElement).click();
    expect(recognise()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(recognise().map((found) => found.values.apiKey)).toEqual([KEY]);
  });
});

describe('recognise: service account', () => {
  it('reads Client ID and Client Secret from the once-shown dialog, anchored on the secret, with the stated expiry', () => {
    page(`<div role="dialog" aria-modal="true"><h2>Service Account Activated</h2>
      <p>The Client Secret is displayed only once.</p>
      <div class="field"><label for="id">Client ID</label><div><input id="id" readonly value="${CLIENT_ID}"><button>Copy</button></div></div>
      <div class="field"><label for="secret">Client Secret</label><div><input id="secret" readonly value="${SECRET}"><button>Copy</button></div></div>
      <dl><dt>Secret Lifetime</dt><dd>90 days</dd><dt>Expires On</dt><dd>Jun 1, 2031, 9:00 AM</dd></dl></div>`);
    const found = recognise(EU);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ type: 'jumpcloud-service-account', values: { clientId: CLIENT_ID, clientSecret: SECRET, region: 'eu' } });
    expect(found[0].anchor).toBe(document.getElementById('secret'));
    expect(found[0].expiresAt).toBe(new Date(2031, 5, 1, 9, 0).toISOString());
  });

  it('reads an inline <dl> panel and counts a lifetime from now when no date is shown', () => {
    page(`<div class="panel"><dl><dt>Client ID</dt><dd>${CLIENT_ID}</dd><dt>Client Secret</dt><dd><code id="s">${SECRET}</code></dd></dl>
      <p>Secret Lifetime: <span>30 days</span></p></div>`);
    const before = Date.now();
    const [found] = recognise();
    expect(found.anchor).toBe(document.getElementById('s'));
    const expires = Date.parse(found.expiresAt!);
    expect(expires).toBeGreaterThanOrEqual(before + 30 * 86_400_000);
    expect(expires).toBeLessThan(before + 30 * 86_400_000 + 60_000);
  });

  it('reads table rows and aria-labelled inputs, whatever the Client ID format', () => {
    page(`<table><tr><th>Client ID</th><td>7f3c2a10-5b9e-4c1d-a6e8-0f2b4d6c8a1e</td></tr><tr><th>Client Secret</th><td id="s">${SECRET}</td></tr></table>`);
    expect(recognise()[0]?.values.clientId).toBe('7f3c2a10-5b9e-4c1d-a6e8-0f2b4d6c8a1e');
    page(`<section><input aria-label="Client ID" readonly value="${CLIENT_ID}"><input id="s" aria-label="Client Secret" readonly value="${SECRET}"></section>`);
    expect(recognise()[0]?.anchor).toBe(document.getElementById('s'));
  });

  it('needs both values: a Client ID alone or a masked secret is not a credential', () => {
    page(`<div role="dialog"><label for="id">Client ID</label><input id="id" value="${CLIENT_ID}"></div>`);
    expect(recognise()).toEqual([]);
    page(`<div role="dialog"><label for="id">Client ID</label><input id="id" value="${CLIENT_ID}"><label for="s">Client Secret</label><input id="s" value="••••••••••••••••••••"></div>`);
    expect(recognise()).toEqual([]);
  });
});

describe('recognise: decoys', () => {
  it('does not fire on pages that merely mention or mask keys', () => {
    page(`${header()}
      <div class="card"><h2>Getting started with the JumpCloud API</h2>
        <p>Admin API keys start with jca_. Example key: <code>${KEY}</code>.</p>
        <pre><code>curl -H "x-api-key: ${KEY}" https://console.jumpcloud.com/api/systemusers</code></pre>
        <p>Client ID: <code>${CLIENT_ID}</code> Client Secret: <code>${SECRET}</code></p>
        <p>The API Key section of My API Key shows ${LEGACY} only once.</p></div>
      <dl><dt>API Key</dt><dd>jca_••••••••••••••••••••••••••••••••••••</dd><dt>Client Secret</dt><dd>••••••••••••••••••••••••••</dd></dl>
      <table><tr><th>Agent build</th><td>${LEGACY}</td></tr><tr><th>Device ID</th><td>3f2504e0-4f89-11d3-9a0c-0305e82c3301</td></tr>
        <tr><th>Client ID</th><td>${CLIENT_ID}</td></tr><tr><th>Organization ID</th><td>5f91c8695e980f0001c44611</td></tr></table>
      <table><thead><tr><th>Name</th><th>Client ID</th><th>Client Secret</th></tr></thead>
        <tbody><tr><td>Inventory sync</td><td>${CLIENT_ID}</td><td>${SECRET}</td></tr></tbody></table>
      <div aria-hidden="true"><span>API Key</span><code>${KEY}</code></div>
      <input type="hidden" aria-label="API Key" value="${KEY}">`);
    expect(recognise()).toEqual([]);
    expect(jumpcloudConsole.currentStep(US, document)).toBeNull();
  });

  it('does nothing outside the console or on its API paths', () => {
    page(`<div role="dialog"><h2>My API Key</h2><span>API Key</span><input readonly value="${KEY}"></div>`);
    expect(jumpcloudConsole.recognise(new URL('https://example.com/'), document)).toEqual([]);
    expect(jumpcloudConsole.recognise(new URL('https://console.jumpcloud.com/api/systemusers'), document)).toEqual([]);
    expect(recognise()).toHaveLength(1);
  });
});

describe('currentStep', () => {
  const stepIds = new Set(jumpcloudGuides().flatMap((guide) => guide.steps.map((step) => step.id)));
  const table: [string, string, string | null][] = [
    ['https://console.jumpcloud.com/#/home', '', null],
    ['https://console.jumpcloud.com/#/settings/service-accounts', '<h1>Settings</h1>', 'sa-open'],
    ['https://console.in.jumpcloud.com/#/settings/service-accounts/', '', 'sa-open'],
    ['https://console.jumpcloud.com/#/settings/service-accounts/sa_68d11d62e6adb60001a8121d', '', 'sa-open'],
    ['https://console.jumpcloud.com/#/settings/service-accounts/new', '<label><input type="radio" name="k" value="client-secret"> Client Secret</label>', 'sa-details'],
    ['https://console.eu.jumpcloud.com/#/settings/service-accounts/new', '<input type="radio" id="r" name="k" value="x" checked><label for="r">Client Secret</label>', 'sa-secret'],
    [
      'https://console.jumpcloud.com/#/settings/service-accounts/new',
      `<div role="dialog"><label for="a">Client ID</label><input id="a" value="${CLIENT_ID}"><label for="b">Client Secret</label><input id="b" value="${SECRET}"></div>`,
      'sa-capture',
    ],
    [
      'https://console.jumpcloud.com/#/settings/service-accounts',
      '<aside><h2>New Service Account</h2><fieldset><legend>Key Type</legend><label><input type="radio" checked> Client Secret</label></fieldset></aside>',
      'sa-secret',
    ],
    ['https://console.jumpcloud.com/#/settings/service-accounts/new', '<input type="radio" id="a&quot;]" checked><label for="a&quot;]">Client Secret</label>', 'sa-secret'],
    ['https://console.jumpcloud.com/#/home', '<div role="menu"><button role="menuitem">My API Key</button></div>', 'key-open'],
    ['https://console.jumpcloud.com/#/home', '<div role="menu" hidden><button role="menuitem">My API Key</button></div>', null],
    ['https://console.jumpcloud.com/#/devices', '<div role="dialog"><h2>My API Key</h2><button>Generate New API Key</button></div>', 'key-generate'],
    ['https://console.jumpcloud.com/#/devices', `<div role="dialog"><h2>My API Key</h2><span>API Key</span><input value="${KEY}"></div>`, 'key-capture'],
    ['https://example.com/#/settings/service-accounts', '', null],
  ];
  it.each(table)('%s %s → %s', (url, html, step) => {
    page(html);
    expect(jumpcloudConsole.currentStep(new URL(url), document)).toBe(step);
    if (step) expect(stepIds.has(step)).toBe(true);
  });
});
