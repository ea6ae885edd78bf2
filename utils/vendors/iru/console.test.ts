// @vitest-environment happy-dom
import { consoleHosts } from '../vendor-ids';
import { beforeEach, describe, expect, it } from 'vitest';
import { iruConsole } from './console';
import { createTenant, type TokenRecord } from '../../../tests/mock-vendors/iru/state';
import { devicePage, devicesPage, tokenPage, tokensPage, accessUsersPage } from '../../../tests/mock-vendors/iru/pages';

const TOKEN = '6f1c2b7e-93a4-4d0b-8e55-0a1b2c3d4e5f';
const OTHER = '0d9e8f7a-6b5c-4d3e-9f2a-1b0c9d8e7f6a';
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const u = (href: string) => new URL(href);

function record(apiHost: string, permissions: string[] = []): TokenRecord {
  return {
    id: OTHER,
    token: TOKEN,
    apiHost,
    name: 'Asset sync',
    description: 'Owned by IT',
    permissions: new Set(permissions),
    createdAt: '2025-11-20T10:00:00Z',
    revoked: false,
  };
}

/** What the fixture page's script does after Create: clone the token dialog into the modal root. */
function openTokenModal(doc: Document, display: 'input' | 'text', name = 'Asset sync'): Element {
  const template = doc.getElementById(display === 'text' ? 'tpl-token-text' : 'tpl-token-input') as HTMLTemplateElement;
  const dialog = template.content.firstElementChild!.cloneNode(true) as Element;
  dialog.querySelector('[data-slot="name"]')!.textContent = name;
  if (display === 'input') (dialog.querySelector('[data-slot="token"]') as HTMLInputElement).value = TOKEN;
  doc.getElementById('modal-root')!.replaceChildren(dialog);
  return dialog;
}

function openDialog(doc: Document, templateId: string): Element {
  const dialog = (doc.getElementById(templateId) as HTMLTemplateElement).content.firstElementChild!.cloneNode(true) as Element;
  doc.getElementById('modal-root')!.replaceChildren(dialog);
  return dialog;
}

describe('detect', () => {
  it.each([
    [
      'https://acme.kandji.io/devices',
      { consoleId: 'iru', tenant: 'acme.kandji.io', hints: { subdomain: 'acme', apiUrl: 'https://acme.api.kandji.io', region: 'US' } },
    ],
    [
      'https://acme.eu.kandji.io/my-company/access',
      {
        consoleId: 'iru',
        tenant: 'acme.eu.kandji.io',
        hints: { subdomain: 'acme', apiUrl: 'https://acme.api.eu.kandji.io', region: 'EU' },
      },
    ],
    [
      'https://acme.iru.com/access/api-tokens',
      { consoleId: 'iru', tenant: 'acme.iru.com', hints: { subdomain: 'acme', apiUrl: 'https://acme.api.iru.com' } },
    ],
    [
      'https://Big-Co.Kandji.io/',
      {
        consoleId: 'iru',
        tenant: 'big-co.kandji.io',
        hints: { subdomain: 'big-co', apiUrl: 'https://big-co.api.kandji.io', region: 'US' },
      },
    ],
    ['http://acme.kandji.io/', null],
    ['https://acme.api.kandji.io/api/v1/devices', null],
    ['https://acme.api.eu.kandji.io/', null],
    ['https://acme.api.iru.com/', null],
    ['https://kandji.io/', null],
    ['https://www.kandji.io/', null],
    ['https://support.kandji.io/api', null],
    ['https://api-docs.kandji.io/', null],
    ['https://updates.kandji.io/', null],
    ['https://iru.com/', null],
    ['https://www.iru.com/', null],
    ['https://docs.iru.com/', null],
    ['https://eu.kandji.io/', null],
    ['https://acme.kandji.io.evil.example/', null],
    ['https://acme.kandji.io:8443/', null],
    ['https://a.b.kandji.io/', null],
    ['https://acme.jamfcloud.com/', null],
  ])('%s', (href, expected) => {
    expect(iruConsole.detect(u(href))).toEqual(expected);
  });

  it('runs on both console domains', () => {
    expect(consoleHosts.iru.console).toEqual(['https://*.kandji.io/*', 'https://*.iru.com/*']);
  });
});

describe('currentStep', () => {
  const kandji = createTenant('acme', 'kandji.io');
  const iru = createTenant('acme', 'iru.com');
  const list = 'https://acme.kandji.io/my-company/access';

  it('follows the Add Token flow on the fixture pages', () => {
    const doc = parse(tokensPage(kandji, [], 'input'));
    expect(iruConsole.currentStep(u(list), doc)).toBe('open-access');
    openDialog(doc, 'tpl-create');
    expect(iruConsole.currentStep(u(list), doc)).toBe('add-token');
    openTokenModal(doc, 'input');
    expect(iruConsole.currentStep(u(list), doc)).toBe('copy-token');
    openDialog(doc, 'tpl-manage');
    expect(iruConsole.currentStep(u(list), doc)).toBe('configure-permissions');
  });

  it('knows the permissions page and the token page', () => {
    const base = 'https://acme.iru.com/access/api-tokens/';
    expect(
      iruConsole.currentStep(
        u(`${base}${OTHER}?edit=permissions`),
        parse(tokenPage(iru, record(iru.apiHost), { edit: true, saved: false })),
      ),
    ).toBe('configure-permissions');
    expect(
      iruConsole.currentStep(
        u(`${base}${OTHER}`),
        parse(tokenPage(iru, record(iru.apiHost, ['Device list']), { edit: false, saved: true })),
      ),
    ).toBe('open-access');
  });

  it('is null elsewhere', () => {
    expect(iruConsole.currentStep(u('https://acme.kandji.io/devices'), parse(devicesPage(kandji)))).toBeNull();
    expect(iruConsole.currentStep(u('https://acme.iru.com/access'), parse(accessUsersPage(iru)))).toBeNull();
    expect(iruConsole.currentStep(u('https://example.com/my-company/access'), parse(tokensPage(kandji, [], 'input')))).toBeNull();
  });
});

describe('recognise', () => {
  const kandji = createTenant('acme', 'kandji.io');
  const eu = createTenant('acme', 'eu.kandji.io');
  const iru = createTenant('acme', 'iru.com');

  it('reads the token from the masked input of the Kandji modal, with the API URL line', () => {
    const doc = parse(tokensPage(kandji, [], 'input'));
    const url = u('https://acme.kandji.io/my-company/access');
    expect(iruConsole.recognise(url, doc)).toEqual([]);
    const dialog = openTokenModal(doc, 'input');
    const [found, ...rest] = iruConsole.recognise(url, doc);
    expect(rest).toEqual([]);
    expect(found.type).toBe('iru');
    expect(found.values).toEqual({ apiUrl: 'https://acme.api.kandji.io', token: TOKEN, tokenName: 'Asset sync' });
    expect(found.anchor).toBe(dialog.querySelector('input[data-slot="token"]'));
    expect((found.anchor as HTMLInputElement).type).toBe('password');
  });

  it('reads nothing while the Iru modal shows dots, and the token once the eye is clicked', () => {
    const doc = parse(tokensPage(iru, [], 'text'));
    const url = u('https://acme.iru.com/access/api-tokens');
    const dialog = openTokenModal(doc, 'text');
    expect(iruConsole.recognise(url, doc)).toEqual([]);
    const value = dialog.querySelector('[data-slot="token"]')!;
    value.textContent = TOKEN; // what "Show token" does
    const found = iruConsole.recognise(url, doc);
    expect(found).toHaveLength(1);
    expect(found[0].anchor).toBe(value);
    // Iru's line uses a typographic apostrophe.
    expect(found[0].values.apiUrl).toBe('https://acme.api.iru.com');
  });

  it('takes the API URL the page states over the one the host suggests', () => {
    const migrated = { ...iru, apiHost: 'acme.api.kandji.io' };
    const doc = parse(tokensPage(migrated, [], 'input'));
    openTokenModal(doc, 'input');
    expect(iruConsole.recognise(u('https://acme.iru.com/access/api-tokens'), doc)[0].values.apiUrl).toBe('https://acme.api.kandji.io');
  });

  it('derives the API URL from the console host when the page does not state it', () => {
    const doc = parse(tokensPage(eu, [], 'input'));
    doc.querySelector('.api-url')!.remove();
    openTokenModal(doc, 'input');
    expect(iruConsole.recognise(u('https://acme.eu.kandji.io/my-company/access'), doc)[0].values.apiUrl).toBe(
      'https://acme.api.eu.kandji.io',
    );
  });

  it('finds a modal rendered late, after the page settled', async () => {
    const doc = parse(tokensPage(kandji, [], 'input'));
    const url = u('https://acme.kandji.io/my-company/access');
    expect(iruConsole.recognise(url, doc)).toEqual([]);
    setTimeout(() => openTokenModal(doc, 'input'), 20);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(iruConsole.recognise(url, doc).map((r) => r.values.token)).toEqual([TOKEN]);
  });

  describe('other DOM shapes', () => {
    const url = u('https://acme.kandji.io/my-company/access');
    let doc: Document;
    beforeEach(() => {
      doc = document.implementation.createHTMLDocument('Kandji');
      doc.body.innerHTML = `<p>Your organization's API URL is: <code>https://acme.api.kandji.io/api/v1</code></p>`;
    });

    it('an inline panel with an icon-only "Copy Token" button and the token in <code>', () => {
      doc.body.insertAdjacentHTML(
        'beforeend',
        `<div class="card"><h3>Your new API token</h3><div class="row"><code class="mono">${TOKEN}</code><span><button aria-label="Copy Token"><svg></svg></button></span></div></div>`,
      );
      const found = iruConsole.recognise(url, doc);
      expect(found.map((r) => [r.anchor.tagName, r.values.token, r.values.apiUrl])).toEqual([
        ['CODE', TOKEN, 'https://acme.api.kandji.io'],
      ]);
    });

    it('an open <dialog> with a readonly text input and a titled copy button', () => {
      doc.body.insertAdjacentHTML(
        'beforeend',
        `<dialog open><h2>API token created</h2><label>Token <input readonly value="${TOKEN}"></label><button title="Copy Token">⧉</button></dialog>`,
      );
      expect(iruConsole.recognise(url, doc).map((r) => r.anchor.tagName)).toEqual(['INPUT']);
    });

    it('picks the value named as the token when the modal shows other UUIDs', () => {
      doc.body.insertAdjacentHTML(
        'beforeend',
        `<div role="dialog"><p>Created by <span>${OTHER}</span></p><input aria-label="API token" type="password" value="${TOKEN}"><button>Copy Token</button></div>`,
      );
      expect(iruConsole.recognise(url, doc).map((r) => r.values.token)).toEqual([TOKEN]);
    });

    it('reads the API URL from a <dl> pair and the name from a table row', () => {
      doc.body.innerHTML = `<dl><dt>API URL</dt><dd>acme.api.eu.kandji.io</dd></dl>
        <div role="dialog"><table><tr><th>Token name</th><td>Inventory sync</td></tr></table><code>${TOKEN}</code><button>Copy token</button></div>`;
      expect(iruConsole.recognise(url, doc)[0].values).toEqual({
        apiUrl: 'https://acme.api.eu.kandji.io',
        token: TOKEN,
        tokenName: 'Inventory sync',
      });
    });

    it('does not guess between two unnamed UUIDs', () => {
      doc.body.insertAdjacentHTML(
        'beforeend',
        `<div role="dialog"><code>${TOKEN}</code><code>${OTHER}</code><button>Copy Token</button></div>`,
      );
      expect(iruConsole.recognise(url, doc)).toEqual([]);
    });

    it('ignores a closed dialog and hidden copies', () => {
      doc.body.insertAdjacentHTML(
        'beforeend',
        `<dialog><input value="${TOKEN}"><button>Copy Token</button></dialog><div hidden role="dialog"><code>${TOKEN}</code><button>Copy Token</button></div>`,
      );
      expect(iruConsole.recognise(url, doc)).toEqual([]);
    });

    it('ignores a UUID in a hidden input', () => {
      doc.body.insertAdjacentHTML(
        'beforeend',
        `<div role="dialog"><input type="hidden" value="${TOKEN}"><span>••••</span><button>Copy Token</button></div>`,
      );
      expect(iruConsole.recognise(url, doc)).toEqual([]);
    });
  });

  describe('decoys', () => {
    it('the device pages: device, Blueprint and ADE token UUIDs with copy buttons', () => {
      expect(iruConsole.recognise(u('https://acme.kandji.io/devices'), parse(devicesPage(kandji)))).toEqual([]);
      const device = kandji.devices[0];
      expect(iruConsole.recognise(u(`https://acme.kandji.io/devices/${device.id}`), parse(devicePage(kandji, device, OTHER)))).toEqual([]);
    });

    it('a page about API tokens that shows a UUID without the token modal', () => {
      const doc = parse(tokenPage(kandji, record(kandji.apiHost, ['Device list']), { edit: false, saved: false }));
      doc.body.insertAdjacentHTML('beforeend', `<p>API token ID: <code>${TOKEN}</code> <button>Copy</button></p>`);
      expect(iruConsole.recognise(u(`https://acme.kandji.io/my-company/access/api-tokens/${OTHER}`), doc)).toEqual([]);
    });

    it('the token modal on a host that is not an Iru console', () => {
      const doc = parse(tokensPage(kandji, [], 'input'));
      openTokenModal(doc, 'input');
      expect(iruConsole.recognise(u('https://acme.api.kandji.io/'), doc)).toEqual([]);
      expect(iruConsole.recognise(u('https://intranet.example.com/'), doc)).toEqual([]);
    });
  });
});
