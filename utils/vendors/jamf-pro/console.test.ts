// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { jamfProConsole } from './console';

const ROUTE = '/view/settings/system-settings/api-roles-and-clients';
const CLIENT_ID = '3f1c2b9e-7a4d-4e8b-9c2f-5d6a7b8c9d0e';
const SECRET = 'k7Qw_2nVx-9LmZpR4tYb8HcJd3FgS6aE1uKo0iWq5XrNe7MyTz2PvBsD4hGjLf9C';
const DECOY_UUID = '6c1f0e52-93ab-4d7e-b8a2-4f1d3c9e7b20';

describe('detect: URL table', () => {
  const cloud = (tenant: string) => ({
    consoleId: 'jamf-pro',
    tenant,
    hints: { baseUrl: `https://${tenant}`, deployment: 'cloud' },
  });
  const selfHosted = (baseUrl: string) => ({
    consoleId: 'jamf-pro',
    tenant: baseUrl.slice('https://'.length),
    hints: { baseUrl, deployment: 'self-hosted' },
  });

  const table: Array<[string, { selfHosted?: boolean }, unknown]> = [
    ['https://acme.jamfcloud.com/', {}, cloud('acme.jamfcloud.com')],
    [`https://acme.jamfcloud.com${ROUTE}?tab=api-roles`, {}, cloud('acme.jamfcloud.com')],
    ['https://acme.jamfcloud.com/computers.html?id=4&o=r', {}, cloud('acme.jamfcloud.com')],
    ['https://ACME-EU.jamfcloud.com/view/dashboard', {}, cloud('acme-eu.jamfcloud.com')],
    ['https://acme.jamfcloud.com/api/doc', {}, cloud('acme.jamfcloud.com')],
    ['http://acme.jamfcloud.com/', {}, null],
    ['https://jamfcloud.com/', {}, null],
    ['https://use1-jcds.services.jamfcloud.com/download/x.pkg', {}, null],
    ['https://acme.jamfcloud.com.evil.example/', {}, null],
    ['https://notjamfcloud.com/', {}, null],
    // Self-hosted: only where the admin enabled Keyhold, and only with a Jamf marker.
    [`https://jamf.example.org:8443/jamf${ROUTE}`, {}, null],
    [`https://jamf.example.org:8443/jamf${ROUTE}`, { selfHosted: true }, selfHosted('https://jamf.example.org:8443/jamf')],
    ['https://jamf.example.org:8443/jamf/view/dashboard', { selfHosted: true }, selfHosted('https://jamf.example.org:8443/jamf')],
    ['https://jamf.example.org:8443/jamf/computers.html', { selfHosted: true }, selfHosted('https://jamf.example.org:8443/jamf')],
    ['https://jamf.example.org:8443/jamf/policies.html?id=3', { selfHosted: true }, selfHosted('https://jamf.example.org:8443/jamf')],
    ['https://jamf.example.org:8443/jamf/index.html', { selfHosted: true }, selfHosted('https://jamf.example.org:8443/jamf')],
    ['https://jamf.example.org:8443/jamf/api/doc/', { selfHosted: true }, selfHosted('https://jamf.example.org:8443/jamf')],
    ['https://mdm.example.com/computers.html', { selfHosted: true }, selfHosted('https://mdm.example.com')],
    ['https://mdm.example.com:443/view/settings', { selfHosted: true }, selfHosted('https://mdm.example.com')],
    ['https://mdm.example.com/', { selfHosted: true }, selfHosted('https://mdm.example.com')],
    ['https://mdm.example.com/a/b/jss/view/settings', { selfHosted: true }, selfHosted('https://mdm.example.com/a/b/jss')],
    ['https://mdm.example.com/about.html', { selfHosted: true }, null],
    ['https://mdm.example.com/jamf/', { selfHosted: true }, null],
    ['http://mdm.example.com/view/settings', { selfHosted: true }, null],
  ];

  it.each(table)('%s %j', (url, options, expected) => {
    expect(jamfProConsole.detect(new URL(url), options)).toEqual(expected);
  });

  it('takes the context path from <base href> when the URL has no marker', () => {
    document.head.innerHTML = '<base href="/jamf/">';
    expect(jamfProConsole.detect(new URL('https://mdm.example.com/jamf/'), { selfHosted: true, doc: document })).toEqual(
      selfHosted('https://mdm.example.com/jamf'),
    );
    document.head.innerHTML = '<base href="https://elsewhere.example/jamf/">';
    expect(jamfProConsole.detect(new URL('https://mdm.example.com/jamf/'), { selfHosted: true, doc: document })).toBeNull();
    document.head.innerHTML = '';
  });
});

/** Build a page body; `url` is where it pretends to be. */
function show(bodyHtml: string) {
  document.body.innerHTML = bodyHtml;
}

const detailPage = (extra = '') => `
  <nav>Settings › System › API roles and clients › Keyhold demo</nav>
  <h1>Keyhold demo</h1>
  <button>Generate Client Secret</button>
  <dl>
    <div><dt>Display Name</dt><dd>Keyhold demo</dd></div>
    <div><dt>Client ID</dt><dd><code>${CLIENT_ID}</code> <button aria-label="Copy Client ID">Copy</button></dd></div>
    <div><dt>Access Token Lifetime</dt><dd>600 seconds</dd></div>
  </dl>${extra}`;

const secretDialog = `
  <div class="overlay"><div role="dialog" aria-modal="true" aria-labelledby="t">
    <h2 id="t">Client Secret</h2>
    <p>Copy it now: it is displayed once.</p>
    <label for="s">Client Secret</label><input id="s" readonly value="${SECRET}"><button>Copy</button>
    <button>Close</button>
  </div></div>`;

describe('recognise', () => {
  const cloudUrl = new URL(`https://acme.jamfcloud.com${ROUTE}/api-clients/3`);
  const expectSecret = (baseUrl = 'https://acme.jamfcloud.com', url = cloudUrl) => {
    const found = jamfProConsole.recognise(url, document);
    expect(found).toHaveLength(1);
    expect(found[0].type).toBe('jamf-pro');
    expect(found[0].values).toEqual({ baseUrl, clientId: CLIENT_ID, clientSecret: SECRET });
    return found[0].anchor;
  };

  beforeEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  it('a dialog with a labelled readonly input; the ID from the page behind it', () => {
    show(detailPage(secretDialog));
    expect(expectSecret()).toBe(document.getElementById('s'));
  });

  it('a <dialog open> titled "API Client Secret" whose only value is in a <code>', () => {
    show(detailPage(`<dialog open><h3>API Client Secret</h3><p>Shown once.</p><code id="v">${SECRET}</code><button>Done</button></dialog>`));
    expect(expectSecret()).toBe(document.getElementById('v'));
  });

  it('an inline panel with label and value in table cells, ID repeated inside', () => {
    show(`<h1>Integration</h1><section><table>
      <tr><th>Client ID</th><td>${CLIENT_ID}</td></tr>
      <tr><th>Client Secret</th><td><span id="v">${SECRET}</span> <button>Copy</button></td></tr></table></section>`);
    expect(expectSecret()).toBe(document.getElementById('v'));
  });

  it('inputs named only by aria-label / aria-labelledby', () => {
    show(`<div role="dialog" aria-label="New secret">
      <input aria-label="Client ID" readonly value="${CLIENT_ID}">
      <span id="sl">Client secret:</span><input id="v" aria-labelledby="sl" readonly value="${SECRET}"></div>`);
    expect(expectSecret()).toBe(document.getElementById('v'));
  });

  it('label and value in wrapped divs (Angular Material style)', () => {
    show(detailPage(`<div class="cdk-overlay-container"><div class="mat-mdc-dialog-container">
      <div class="field"><div class="label"><span>Client Secret</span></div><div class="value"><span id="v">${SECRET}</span></div></div>
    </div></div>`));
    expect(expectSecret()).toBe(document.getElementById('v'));
  });

  it('a pop-up built late: nothing, then the frame, then the value', async () => {
    show(detailPage());
    expect(jamfProConsole.recognise(cloudUrl, document)).toEqual([]);
    const box = document.createElement('div');
    box.setAttribute('role', 'dialog');
    box.innerHTML = '<h2>Client Secret</h2><p>Generating…</p>';
    document.body.append(box);
    expect(jamfProConsole.recognise(cloudUrl, document)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    box.querySelector('p')!.remove();
    box.insertAdjacentHTML('beforeend', `<label for="late">Client Secret</label><input id="late" readonly>`);
    (document.getElementById('late') as HTMLInputElement).value = SECRET; // set as a property, like a framework
    expect(expectSecret()).toBe(document.getElementById('late'));
  });

  it('keeps the port and context path of a self-hosted server', () => {
    show(detailPage(secretDialog));
    expectSecret('https://jamf.example.org:8443/jamf', new URL(`https://jamf.example.org:8443/jamf${ROUTE}/api-clients/3`));
  });

  it('ignores UUIDs elsewhere on the page', () => {
    show(`<table><tr><th>UDID</th><td>${DECOY_UUID}</td></tr></table>${detailPage(secretDialog)}<p>Management ID ${DECOY_UUID}</p>`);
    expectSecret();
  });

  describe('does not fire', () => {
    it('on a page with UUIDs and key-looking strings but no secret pop-up', () => {
      show(`<h1>Computers</h1><table><tr><th>UDID</th><th>Management ID</th></tr><tr><td>${DECOY_UUID}</td><td>${CLIENT_ID}</td></tr></table>
        <dl><dt>Client ID</dt><dd>${DECOY_UUID}</dd><dt>Inventory hash</dt><dd><code>${SECRET}</code></dd><dt>Client Secret</dt><dd>••••••••••••</dd></dl>`);
      expect(jamfProConsole.recognise(cloudUrl, document)).toEqual([]);
    });

    it('on the client page before the secret is shown', () => {
      show(detailPage());
      expect(jamfProConsole.recognise(cloudUrl, document)).toEqual([]);
    });

    it('on the confirmation dialog', () => {
      show(detailPage(`<div role="alertdialog" aria-labelledby="c"><h2 id="c">Generate client secret?</h2><p>The secret is displayed once.</p><button>Cancel</button><button>Create Secret</button></div>`));
      expect(jamfProConsole.recognise(cloudUrl, document)).toEqual([]);
    });

    it('on a masked secret', () => {
      show(detailPage(`<div role="dialog"><h2>Client Secret</h2><label for="m">Client Secret</label><input id="m" value="****************************"></div>`));
      expect(jamfProConsole.recognise(cloudUrl, document)).toEqual([]);
    });

    it('on a secret pop-up that is hidden or closed', () => {
      show(detailPage(secretDialog.replace('class="overlay"', 'class="overlay" hidden')));
      expect(jamfProConsole.recognise(cloudUrl, document)).toEqual([]);
      show(detailPage(`<dialog><h2>Client Secret</h2><code>${SECRET}</code></dialog>`));
      expect(jamfProConsole.recognise(cloudUrl, document)).toEqual([]);
      show(detailPage(secretDialog.replace('class="overlay"', 'style="display:none"')));
      expect(jamfProConsole.recognise(cloudUrl, document)).toEqual([]);
    });

    it('on a secret-looking value in a dialog with another title', () => {
      show(detailPage(`<div role="dialog"><h2>Push certificate</h2><code>${SECRET}</code></div>`));
      expect(jamfProConsole.recognise(cloudUrl, document)).toEqual([]);
    });

    it('without a client ID on the page', () => {
      show(secretDialog);
      expect(jamfProConsole.recognise(cloudUrl, document)).toEqual([]);
    });
  });
});

describe('currentStep: URL and DOM → step', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });
  const at = (path: string, base = 'https://acme.jamfcloud.com') => jamfProConsole.currentStep(new URL(base + path), document);

  it.each([
    [ROUTE, 'roles'],
    [`${ROUTE}?tab=api-roles`, 'roles'],
    [`${ROUTE}?tab=roles`, 'roles'],
    [`${ROUTE}/`, 'roles'],
    [`${ROUTE}?tab=api-clients`, 'clients'],
    [`${ROUTE}?tab=clients`, 'clients'],
    [`${ROUTE}/api-roles/new`, 'new-role'],
    [`${ROUTE}/api-roles/7`, 'new-role'],
    [`${ROUTE}/api-clients/new`, 'new-client'],
    [`${ROUTE}/api-integrations/new`, 'new-client'],
    [`${ROUTE}/api-clients/3`, 'generate-secret'],
    [`${ROUTE}/api-integrations/3`, 'generate-secret'],
    [`${ROUTE}/api-clients/3/history`, null],
    ['/view/settings', 'roles'],
    ['/view/settings/system-settings/sso', null],
    ['/computers.html', null],
    ['/', null],
  ])('%s → %s', (path, step) => {
    expect(at(path)).toBe(step);
  });

  it('works under a context path', () => {
    expect(at(`${ROUTE}/api-clients/new`, 'https://jamf.example.org:8443/jamf')).toBe('new-client');
  });

  it('reads the selected tab from the page when the URL has none', () => {
    document.body.innerHTML = '<div role="tablist"><a role="tab" aria-selected="false">API Roles</a><a role="tab" aria-selected="true">API Clients</a></div>';
    expect(at(ROUTE)).toBe('clients');
  });

  it('is "capture" while the secret pop-up shows', () => {
    document.body.innerHTML = detailPage(secretDialog);
    expect(at(`${ROUTE}/api-clients/3`)).toBe('capture');
    document.body.innerHTML = detailPage();
    expect(at(`${ROUTE}/api-clients/3`)).toBe('generate-secret');
  });
});
