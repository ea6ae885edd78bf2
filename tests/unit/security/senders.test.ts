// Who may ask what, as properties over generated senders: privileged requests from anything but
// the extension's own pages are refused; a capture is refused unless the sending frame's URL is
// the console of the vendor it claims; and none of the refusals changes storage.
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registryMock } from '../support/fake-vendor';
import { contentScriptRequests, type RequestType } from '../../../utils/protocol';
import { CONSOLE_URL, grantAllHosts, PASS, requestTemplates, self, senders, snapshot, VALUES } from './fixtures';

vi.mock('../../../utils/vendors/registry', () => registryMock);

const { routeMessage } = await import('../../../utils/background/router');

let credentialId = '';

beforeEach(async () => {
  fakeBrowser.reset();
  grantAllHosts();
  await routeMessage({ type: 'vault.create', payload: { passphrase: PASS } }, senders.page, self);
  const added = await routeMessage({ type: 'credentials.add', payload: { vendor: 'jamf-pro', values: VALUES } }, senders.page, self);
  credentialId = (added as { data: { id: string } }).data.id;
});

/** URLs that are not this extension's own pages, however much they look like them. */
const notOwnPageUrl = fc.oneof(
  fc.constantFrom(
    'chrome-extension://other-extension/popup.html',
    'chrome-extension://keyhold-id.evil.example/popup.html',
    'chrome-extension://keyhold-idx/popup.html',
    'chrome-extension://keyhold-id@evil.example/popup.html',
    'chrome-extension://keyhold-id:443/popup.html',
    'chrome-extension://evil.example/chrome-extension://keyhold-id/popup.html',
    'moz-extension://keyhold-id/popup.html',
    'blob:chrome-extension://keyhold-id/2a0e6f9c-1a57-4b0c-9b4e-6c0f0b7d8e11',
    'filesystem:chrome-extension://keyhold-id/temporary/x.html',
    'data:text/html,<script>chrome.runtime.sendMessage({type:"credentials.reveal"})</script>',
    'about:blank',
    'javascript:void 0',
    'http://acme.fake-console.test/clients/1',
    CONSOLE_URL,
    'https://evil.example/popup.html',
    '',
  ),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
);

const foreignSender = fc.record(
  {
    id: fc.oneof(fc.constant(self.id), fc.constant('other-extension'), fc.constant(undefined), fc.string({ maxLength: 32 })),
    url: fc.oneof(notOwnPageUrl, fc.constant(undefined)),
    tab: fc.option(fc.record({ id: fc.nat(), url: notOwnPageUrl }), { nil: undefined }),
    frameId: fc.option(fc.nat({ max: 5 }), { nil: undefined }),
    origin: fc.option(fc.constantFrom('chrome-extension://keyhold-id', 'https://evil.example', 'null'), { nil: undefined }),
  },
  { requiredKeys: [] },
);

/** A sender claiming to be an extension page by every field except the one that counts. */
const spoofedPage = fc.record({
  id: fc.string({ minLength: 1, maxLength: 32 }).filter((id) => id !== self.id),
  url: fc.constantFrom('chrome-extension://keyhold-id/popup.html', 'chrome-extension://keyhold-id/options.html'),
});

describe('privileged requests', () => {
  const privileged = (Object.keys(requestTemplates('x')) as RequestType[]).filter((type) => !contentScriptRequests.has(type));

  it('are refused from any sender that is not one of the extension’s own pages, and change nothing', async () => {
    const templates = requestTemplates(credentialId);
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.oneof(foreignSender, spoofedPage), fc.constantFrom(...privileged), async (sender, type) => {
        const reply = await routeMessage({ type, payload: templates[type].payload }, sender as never, self);
        expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
        expect(await snapshot()).toBe(before);
      }),
      { numRuns: 2_000, seed: 11 },
    );
  });

  it('from other extensions are refused whatever they ask, even what a console page may ask', async () => {
    const before = await snapshot();
    for (const type of ['capture.submit', 'console.observed', 'vault.status', 'credentials.reveal'] as const) {
      const reply = await routeMessage({ type, payload: requestTemplates(credentialId)[type].payload }, senders.foreign, self);
      expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
    expect(await snapshot()).toBe(before);
  });

  it('still work from the extension’s own pages (the refusals above are not a broken door)', async () => {
    const reply = await routeMessage({ type: 'credentials.reveal', payload: { id: credentialId } }, senders.page, self);
    expect(reply).toMatchObject({ ok: true, data: { values: VALUES } });
  });
});

describe('captures from content scripts', () => {
  const capture = { type: 'capture.submit', payload: { vendor: 'jamf-pro', values: { ...VALUES, clientId: 'client-9' } } };

  /** https URLs whose host is not the fake vendor's console, including look-alikes. */
  const wrongConsoleUrl = fc.oneof(
    fc.constantFrom(
      'https://fake-console.test.evil.example/clients/1',
      'https://acme.fake-console.test.evil.example/clients/1',
      'https://acme.fake-console.test@evil.example/clients/1',
      'https://evil.example/acme.fake-console.test/clients/1',
      'https://evil.example/?next=https://acme.fake-console.test/',
      'https://evil.example/#acme.fake-console.test',
      'https://acmefake-console.test/',
      'https://fake-console.test/',
      'https://acme.fake-console.tes/',
      'http://acme.fake-console.test/clients/1',
      'ftp://acme.fake-console.test/',
      'not a url',
    ),
    fc.webUrl().filter((url) => !new URL(url).hostname.endsWith('.fake-console.test')),
  );

  it('are refused unless the frame’s own URL is the claimed vendor’s console, and change nothing', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(wrongConsoleUrl, fc.boolean(), async (url, tabOnConsole) => {
        // The tab may even show the console: a frame from elsewhere inside it is still refused.
        const sender = { id: self.id, url, tab: { id: 9, url: tabOnConsole ? CONSOLE_URL : url }, frameId: tabOnConsole ? 3 : 0 };
        const reply = await routeMessage(capture, sender as never, self);
        expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
        expect(await snapshot()).toBe(before);
      }),
      { numRuns: 1_000, seed: 5 },
    );
  });

  it('are accepted from the vendor’s console (the property above is not vacuous)', async () => {
    const reply = await routeMessage(capture, senders.contentScript, self);
    expect(reply).toMatchObject({ ok: true, data: { updated: false } });
  });

  it('may send only captures and page reports: everything else is FORBIDDEN_SENDER', async () => {
    const templates = requestTemplates(credentialId);
    const before = await snapshot();
    for (const type of Object.keys(templates) as RequestType[]) {
      if (contentScriptRequests.has(type)) continue;
      const reply = await routeMessage({ type, payload: templates[type].payload }, senders.contentScript, self);
      expect(reply, type).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    }
    expect(await snapshot()).toBe(before);
  });

  it('extension pages cannot forge a capture (it would skip the console-origin check)', async () => {
    const before = await snapshot();
    const reply = await routeMessage(capture, senders.page, self);
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(await snapshot()).toBe(before);
  });
});
