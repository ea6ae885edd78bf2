// Firefox smoke test: the built Firefox add-on (.output/firefox-mv3) in real Firefox ESR against the
// vendor mocks. Creates the vault in the popup, captures the demo Jamf Pro client on the fixture
// console with the in-page "Save to Keyhold" button and checks the stored credential tests green;
// also checks an organisation policy delivered through Firefox's managed storage.
//
//   npm run test:firefox            (builds first)
//   FIREFOX_PATH=/path/to/firefox tsx tests/firefox/smoke.ts
//
// Prints one line per check and a closing "N passed, N failed"; exits non-zero on any failure.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { startVendorMocks } from '../mock-vendors';
import { JAMF_BASE_URLS } from '../mock-vendors/jamf-pro';
import { startConnectProxy, type ConnectProxy } from './connect-proxy';
import { firefoxExtensionDir, launchFirefox, type LaunchedFirefox } from './launch-firefox';

const PASSPHRASE = 'correct horse battery staple';
const DEMO_CLIENT_PAGE = `${JAMF_BASE_URLS.cloud}/view/settings/system-settings/api-roles-and-clients/api-clients/3`;
/** Whole run, cleanup included: past this the process exits whatever hangs. */
const RUN_LIMIT_MS = 6 * 60_000;
const POLICY = { autoLockMinutesMax: 30, exportAllowed: false } as const;

interface Check {
  name: string;
  timeoutMs?: number;
  run(): Promise<void>;
}

let mocks: Awaited<ReturnType<typeof startVendorMocks>> | undefined;
let proxy: ConnectProxy | undefined;
let firefox: LaunchedFirefox | undefined;

async function cleanUp(): Promise<void> {
  await firefox?.close().catch(() => undefined);
  await proxy?.close().catch(() => undefined);
  await mocks?.server.close().catch(() => undefined);
  firefox = undefined;
  proxy = undefined;
  mocks = undefined;
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** The capture button's text, read through its open shadow root. */
function captureButtonText(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('keyhold-capture')?.shadowRoot?.querySelector('button')?.textContent ?? null);
}

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(firefoxExtensionDir, 'manifest.json'))) {
    console.error(`No Firefox build at ${firefoxExtensionDir}: run "npx wxt build -b firefox" (npm run test:firefox does).`);
    return 1;
  }
  const ff = () => {
    assert(firefox, 'Firefox did not start');
    return firefox;
  };
  let popup: Page | undefined;
  let consolePage: Page | undefined;

  const checks: Check[] = [
    {
      name: 'Firefox starts with the add-on; its host permissions are granted at install',
      timeoutMs: 90_000,
      run: async () => {
        mocks = await startVendorMocks();
        proxy = await startConnectProxy({ patterns: mocks.all.flatMap((mock) => mock.hostPatterns), targetPort: mocks.server.port });
        firefox = await launchFirefox({ proxyPort: proxy.port, policy: POLICY });
        const page = await ff().openExtensionPage('options.html');
        const granted = await page.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.permissions.getAll());
        const manifest = JSON.parse(fs.readFileSync(path.join(firefoxExtensionDir, 'manifest.json'), 'utf8'));
        const missing = (manifest.host_permissions as string[]).filter((pattern) => !granted.origins?.includes(pattern));
        assert(missing.length === 0, `host permissions not granted: ${missing.join(', ')}`);
        const status = await ff().send('vault.status');
        assert(status.ok && status.data.state === 'new', `vault.status: ${JSON.stringify(status)}`);
      },
    },
    {
      name: 'creates the vault through the popup',
      timeoutMs: 60_000,
      run: async () => {
        popup = await ff().openExtensionPage('popup.html');
        await popup.waitForSelector('form[aria-label="Create vault"]', { timeout: 15_000 });
        await popup.type('#passphrase', PASSPHRASE);
        await popup.type('#passphrase-confirm', PASSPHRASE);
        await popup.click('form[aria-label="Create vault"] button[type="submit"]');
        await popup.waitForSelector('::-p-text(Vault unlocked)', { timeout: 45_000 });
        const status = await ff().send('vault.status');
        assert(status.ok && status.data.state === 'unlocked', `vault.status after create: ${JSON.stringify(status)}`);
      },
    },
    {
      name: 'applies the organisation policy from Firefox managed storage',
      timeoutMs: 30_000,
      run: async () => {
        const settings = await ff().send('settings.get');
        assert(settings.ok, `settings.get: ${JSON.stringify(settings)}`);
        assert(settings.data.managed?.includes('autoLockMinutes'), `auto-lock not managed: ${JSON.stringify(settings.data)}`);
        assert(
          settings.data.autoLockMinutes <= POLICY.autoLockMinutesMax,
          `auto-lock ${settings.data.autoLockMinutes} is above the policy's ${POLICY.autoLockMinutesMax}`,
        );
        const options = await ff().openExtensionPage('options.html');
        await options.waitForSelector('#auto-lock-managed ::-p-text(Managed by your organisation)', { timeout: 10_000 });
        await options.close();
        const exported = await ff().send('credentials.export', { ids: ['AAAAAAAAAAAA'], passphrase: 'another long passphrase' });
        assert(!exported.ok && exported.error.code === 'EXPORT_NOT_ALLOWED', `export was not refused: ${JSON.stringify(exported)}`);
      },
    },
    {
      name: 'detects the Jamf Pro console and the guide follows the tab',
      timeoutMs: 60_000,
      run: async () => {
        consolePage = await ff().browser.newPage();
        await consolePage.goto(DEMO_CLIENT_PAGE, { waitUntil: 'load', timeout: 30_000 });
        await consolePage.waitForSelector('::-p-text(Generate Client Secret)', { timeout: 15_000 });
        const door = await ff().openExtensionPage('options.html');
        const tabId = await door.evaluate(async (url) => {
          const tabs = await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({});
          return tabs.find((tab) => tab.url === url)?.id;
        }, DEMO_CLIENT_PAGE);
        assert(tabId !== undefined, 'the console tab is not visible to the add-on');
        let state: unknown;
        for (let tries = 0; tries < 50; tries++) {
          const reply = await ff().send('console.state', { tabId });
          state = reply.ok ? reply.data : reply;
          if (reply.ok && reply.data?.consoleId === 'jamf-pro') break;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        assert((state as { consoleId?: string } | null)?.consoleId === 'jamf-pro', `console.state: ${JSON.stringify(state)}`);
        await door.evaluate((url) => location.assign(url), `${ff().origin}/sidepanel.html?tab=${tabId}`);
        await door.waitForSelector('h1::-p-text(Jamf Pro)', { timeout: 15_000 });
        await door.waitForSelector('.steps li', { timeout: 15_000 });
        await door.close();
      },
    },
    {
      name: 'captures the demo client with “Save to Keyhold” and the background test passes',
      timeoutMs: 90_000,
      run: async () => {
        const page = consolePage;
        assert(page, 'no console page');
        await page.click('::-p-text(Generate Client Secret)');
        await page.click('::-p-text(Create Secret)');
        await page.waitForSelector('#client-secret', { visible: true, timeout: 15_000 });
        await page.waitForFunction(
          () => document.querySelector('keyhold-capture')?.shadowRoot?.querySelector('button')?.textContent === 'Save to Keyhold',
          { timeout: 20_000 },
        );
        await page.click('keyhold-capture >>> button');
        try {
          await page.waitForFunction(
            () => document.querySelector('keyhold-capture')?.shadowRoot?.querySelector('button')?.textContent === 'Saved · works',
            { timeout: 60_000 },
          );
        } catch (error) {
          throw new Error(`the button says “${await captureButtonText(page)}”, not “Saved · works” (${(error as Error).message})`);
        }
      },
    },
    {
      name: 'the popup lists the credential with a passing test, and it tests again from the vault',
      timeoutMs: 60_000,
      run: async () => {
        assert(popup, 'no popup page');
        await popup.reload({ timeout: 2_000 }).catch(() => undefined);
        await popup.waitForSelector('[data-testid="credential-list"] li .badge.ok::-p-text(works)', { timeout: 20_000 });
        const list = await ff().send('credentials.list');
        assert(list.ok && list.data.length === 1, `credentials.list: ${JSON.stringify(list)}`);
        const [credential] = list.data;
        assert(credential.vendor === 'jamf-pro' && credential.lastTest?.ok === true, `stored credential: ${JSON.stringify(credential)}`);
        const retest = await ff().send('credentials.test', { id: credential.id });
        assert(retest.ok && retest.data.ok, `credentials.test: ${JSON.stringify(retest)}`);
      },
    },
  ];

  let passed = 0;
  let failed = 0;
  for (const check of checks) {
    const started = Date.now();
    try {
      await withTimeout(check.run(), check.timeoutMs ?? 60_000, check.name);
      passed++;
      console.log(`  ✓ ${check.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`  ✗ ${check.name} (${Date.now() - started} ms)\n      ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failed && mocks) {
    const recent = mocks.server.requests
      .slice(-10)
      .map((request) => `${request.method} ${request.host}${request.port ? `:${request.port}` : ''}${request.path}`);
    console.log(`  last mock requests:\n      ${recent.join('\n      ') || '(none)'}`);
    if (proxy?.refused.size) console.log(`  hosts refused by the test proxy: ${[...proxy.refused].join(', ')}`);
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

const watchdog = setTimeout(() => {
  console.error(`\nThe Firefox smoke test did not finish in ${RUN_LIMIT_MS / 60_000} min; stopping.\n0 passed, 1 failed`);
  void cleanUp().finally(() => process.exit(1));
}, RUN_LIMIT_MS);
watchdog.unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(error);
  console.log('\n0 passed, 1 failed');
} finally {
  await cleanUp();
  clearTimeout(watchdog);
}
process.exit(code);
