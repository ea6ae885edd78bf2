// Playwright fixtures: a fresh Chromium profile with the built extension per test, and one mock
// vendor server per worker (reset before each test) reached on the vendors' real hostnames.
import fs from 'node:fs';
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { startVendorMocks } from '../mock-vendors';
import type { ReplyDataMap, RequestType } from '../../utils/protocol';
import { launchWithExtension } from './launch';

export type Mocks = Awaited<ReturnType<typeof startVendorMocks>>;

export interface ExtensionHandle {
  id: string;
  profileDir: string;
  serviceWorker: () => Promise<Worker>;
  url(page: string): string;
  /** Open an extension page (popup.html, sidepanel.html?tab=N, options.html) in a tab. */
  open(page: string): Promise<Page>;
  /** Send a protocol request from a real extension page, through the one door. */
  send<T extends RequestType>(type: T, payload?: unknown): Promise<{ ok: true; data: ReplyDataMap[T] } | { ok: false; error: { code: string; message: string } }>;
  /** Send and unwrap, failing the test on an error reply. */
  call<T extends RequestType>(type: T, payload?: unknown): Promise<ReplyDataMap[T]>;
  /** The browser's tab id for a page (to point the side panel at it). */
  tabIdOf(page: Page): Promise<number>;
  /** Stop the MV3 service worker, as the browser does after 30 s idle. */
  stopServiceWorker(): Promise<void>;
}

export const PASSPHRASE = 'correct horse battery staple';

export const test = base.extend<{ freshMocks: void; context: BrowserContext; extension: ExtensionHandle }, { mocks: Mocks }>({
  mocks: [
    async ({}, use) => {
      const mocks = await startVendorMocks();
      await use(mocks);
      await mocks.server.close();
    },
    { scope: 'worker' },
  ],
  // Every test starts from the mocks' default state, whether or not it uses the shared browser
  // (a test that launches its own must not see what the previous test in this worker left).
  freshMocks: [
    async ({ mocks }, use) => {
      for (const mock of [...mocks.all, mocks.collector]) mock.reset();
      mocks.server.requests.length = 0;
      mocks.server.peakInFlight.clear();
      mocks.server.refuseForeignOrigin(false);
      await use();
    },
    { auto: true },
  ],
  context: async ({ mocks, freshMocks }, use) => {
    void freshMocks;
    const launched = await launchWithExtension({ hostResolverRules: mocks.server.hostResolverRules });
    (launched.context as BrowserContext & { __keyhold?: typeof launched }).__keyhold = launched;
    await use(launched.context);
    await launched.close();
  },
  extension: async ({ context }, use) => {
    const launched = (context as BrowserContext & { __keyhold: Awaited<ReturnType<typeof launchWithExtension>> }).__keyhold;
    const id = launched.extensionId;
    let doorPage: Page | undefined;
    const door = async () => {
      if (!doorPage || doorPage.isClosed()) {
        doorPage = await context.newPage();
        await doorPage.goto(`chrome-extension://${id}/options.html`);
      }
      return doorPage;
    };
    const handle: ExtensionHandle = {
      id,
      profileDir: launched.profileDir,
      serviceWorker: async () => context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker'),
      url: (page) => `chrome-extension://${id}/${page}`,
      open: async (page) => {
        const tab = await context.newPage();
        await tab.goto(`chrome-extension://${id}/${page}`);
        return tab;
      },
      send: async (type, payload) => (await door()).evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const),
      call: async (type, payload) => {
        const reply = await handle.send(type, payload);
        if (!reply.ok) throw new Error(`${type} failed: ${reply.error.code} ${reply.error.message}`);
        return reply.data;
      },
      tabIdOf: async (page) => {
        const url = page.url();
        const tabs = await (await door()).evaluate(() => chrome.tabs.query({}));
        const tab = tabs.find((candidate) => candidate.url === url);
        if (tab?.id === undefined) throw new Error(`No tab for ${url}`);
        return tab.id;
      },
      stopServiceWorker: async () => {
        const page = await door();
        const cdp = await context.newCDPSession(page);
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await cdp.detach();
      },
    };
    await use(handle);
  },
});

export { expect };

/** Every file of the profile directory, read as bytes. */
export function* profileFiles(dir: string): Generator<{ file: string; bytes: Buffer }> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = `${dir}/${entry.name}`;
    if (entry.isDirectory()) yield* profileFiles(full);
    else if (entry.isFile()) {
      try {
        yield { file: full, bytes: fs.readFileSync(full) };
      } catch {
        // A file removed while scanning (journal, lock) has nothing left to leak.
      }
    }
  }
}

/** Files in the profile that contain the secret as UTF-8, UTF-16LE or base64. */
export function findSecretInProfile(dir: string, secret: string): string[] {
  const needles = [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le'), Buffer.from(Buffer.from(secret).toString('base64'), 'utf8')];
  const hits: string[] = [];
  for (const { file, bytes } of profileFiles(dir)) {
    if (needles.some((needle) => bytes.includes(needle))) hits.push(file);
  }
  return hits;
}
