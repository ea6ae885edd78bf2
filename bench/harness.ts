// What every benchmark shares: the vendor mocks (plus the bench's own large console page), a
// Chromium with the bench copy of the extension, and the protocol door from an extension page.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { createVendorMocks } from '../tests/mock-vendors';
import { startMockServer, type MockServer, type VendorMock } from '../tests/mock-vendors/server';
import { launchWithExtension, type LaunchedExtension } from '../tests/e2e/launch';
import type { ReplyDataMap, RequestType } from '../utils/protocol';
import { largeConsolePage, LARGE_PAGE_PATH } from './large-console-page';
import { DEFAULT_TEMPLATE, jamfProTemplates } from '../utils/vendors/jamf-pro/privileges';

export const PASSPHRASE = 'correct horse battery staple';

/** The Jamf privileges of the default template, so every test passes in full. */
export const INVENTORY_PRIVILEGES = jamfProTemplates.find((template) => template.id === DEFAULT_TEMPLATE)!.privileges;

export type BenchMocks = ReturnType<typeof createVendorMocks> & { server: MockServer };

/** The large console page, served on a Jamf Cloud host ahead of the Jamf mock. */
const benchPages: VendorMock = {
  name: 'bench-pages',
  hostPatterns: [],
  handle: (request) =>
    request.host.endsWith('.jamfcloud.com') && request.path === LARGE_PAGE_PATH
      ? { status: 200, headers: { 'content-type': 'text/html;charset=UTF-8' }, body: largeConsolePage() }
      : undefined,
  reset: () => undefined,
};

export async function startBenchMocks(): Promise<BenchMocks> {
  const mocks = createVendorMocks();
  const server = await startMockServer([benchPages, ...mocks.all]);
  return { ...mocks, server };
}

export function resetMocks(mocks: BenchMocks): void {
  for (const mock of mocks.all) mock.reset();
  mocks.server.requests.length = 0;
  mocks.server.peakInFlight.clear();
}

export interface BenchBrowser {
  launched: LaunchedExtension;
  context: BrowserContext;
  id: string;
  url(page: string): string;
  worker(): Promise<Worker>;
  /** The extension page the protocol messages are sent from. */
  door(): Promise<Page>;
  send<T extends RequestType>(
    type: T,
    payload?: unknown,
  ): Promise<{ ok: true; data: ReplyDataMap[T] } | { ok: false; error: { code: string; message: string } }>;
  call<T extends RequestType>(type: T, payload?: unknown): Promise<ReplyDataMap[T]>;
  close(): Promise<void>;
}

/** A fresh profile with the given extension build (the bench copy by default). */
export async function openBrowser(mocks: BenchMocks, extension: string): Promise<BenchBrowser> {
  resetMocks(mocks);
  const launched = await launchWithExtension({ hostResolverRules: mocks.server.hostResolverRules, extension });
  const { context, extensionId: id } = launched;
  let doorPage: Page | undefined;
  const browser: BenchBrowser = {
    launched,
    context,
    id,
    url: (page) => `chrome-extension://${id}/${page}`,
    worker: async () => context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker'),
    door: async () => {
      if (!doorPage || doorPage.isClosed()) {
        doorPage = await context.newPage();
        await doorPage.goto(`chrome-extension://${id}/options.html`);
      }
      return doorPage;
    },
    send: async (type, payload) =>
      (await browser.door()).evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const),
    call: async (type, payload) => {
      const reply = await browser.send(type, payload);
      if (!reply.ok) throw new Error(`${type} failed: ${reply.error.code} ${reply.error.message}`);
      return reply.data;
    },
    close: () => launched.close(),
  };
  return browser;
}

/** Send from the door page and time the round trip there (ms). */
export async function timedCall(
  browser: BenchBrowser,
  type: RequestType,
  payload?: unknown,
): Promise<{ ms: number; reply: { ok: boolean; data?: unknown; error?: { code: string; message: string } } }> {
  const door = await browser.door();
  return door.evaluate(
    async ([t, p]) => {
      const started = performance.now();
      const reply = (await chrome.runtime.sendMessage({ type: t, payload: p })) as {
        ok: boolean;
        data?: unknown;
        error?: { code: string; message: string };
      };
      return { ms: performance.now() - started, reply };
    },
    [type, payload] as const,
  );
}

/** Poll a page-side expression with `evaluate` (extension pages' CSP forbids waitForFunction's eval). */
export async function pollPage<T>(page: Page, read: () => T | undefined | null, timeoutMs = 15_000, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await page.evaluate(read);
    if (value !== undefined && value !== null) return value as T;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting on ${page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
