// Launch Firefox (ESR) over WebDriver BiDi with the built add-on installed, its traffic sent through
// the CONNECT proxy to the vendor mocks, and optionally an organisation policy in managed storage.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { TimeoutError, type Browser, type Page } from 'puppeteer-core';
import type { ManagedPolicy, ReplyDataMap, RequestType } from '../../utils/protocol';

export const firefoxExtensionDir = path.resolve(import.meta.dirname, '../../.output/firefox-mv3');

export interface LaunchedFirefox {
  browser: Browser;
  addonId: string;
  /** moz-extension://<uuid> (fixed per launch through extensions.webextensions.uuids). */
  origin: string;
  /** Open an extension page (popup.html, options.html, sidepanel.html?tab=N) in a new tab. */
  openExtensionPage(page: string): Promise<Page>;
  /** Send a protocol request from a real extension page, through the one door. */
  send<T extends RequestType>(
    type: T,
    payload?: unknown,
  ): Promise<{ ok: true; data: ReplyDataMap[T] } | { ok: false; error: { code: string; message: string } }>;
  close(): Promise<void>;
}

export async function launchFirefox(options: {
  proxyPort: number;
  policy?: ManagedPolicy;
  executablePath?: string;
}): Promise<LaunchedFirefox> {
  const manifest = JSON.parse(fs.readFileSync(path.join(firefoxExtensionDir, 'manifest.json'), 'utf8'));
  const addonId: string = manifest.browser_specific_settings.gecko.id;
  const uuid = crypto.randomUUID();
  const origin = `moz-extension://${uuid}`;

  // Firefox reads managed storage for an add-on from $HOME/.mozilla/managed-storage/<id>.json on
  // Linux: the same path a fleet tool would write, so the policy reaches Keyhold the real way.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'keyhold-firefox-home-'));
  if (options.policy) {
    const dir = path.join(home, '.mozilla', 'managed-storage');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, `${addonId}.json`),
      JSON.stringify({ name: addonId, description: 'Keyhold test policy', type: 'storage', data: options.policy }),
    );
  }

  const removeHome = () => fs.rmSync(home, { recursive: true, force: true });
  // The profile lives under the same temporary home, so one removal cleans up after any outcome.
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath: options.executablePath ?? process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
      userDataDir: path.join(home, 'profile'),
      headless: true,
      acceptInsecureCerts: true,
      // Lets BiDi navigate a tab to moz-extension:// pages; a launch flag of the test browser only.
      args: ['--remote-allow-system-access'],
      env: { ...process.env, HOME: home },
      protocolTimeout: 60_000,
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
        // Every https connection goes through the test proxy, which serves only the vendor mocks.
        'network.proxy.type': 1,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': options.proxyPort,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': options.proxyPort,
        'network.proxy.share_proxy_settings': false,
        'network.proxy.no_proxies_on': '',
        'network.trr.mode': 5,
        'network.dns.disablePrefetch': true,
        'network.predictor.enabled': false,
        'dom.security.https_only_mode': false,
      },
    })
    .catch((error: unknown) => {
      removeHome();
      throw error;
    });

  const close = async () => {
    await browser.close().catch(() => undefined);
    removeHome();
  };

  try {
    await browser.installExtension(firefoxExtensionDir);
  } catch (error) {
    await close();
    throw error;
  }

  let door: Page | undefined;
  const openExtensionPage = async (page: string): Promise<Page> => {
    const tab = await browser.newPage();
    const url = `${origin}/${page}`;
    // BiDi does not report the load of a moz-extension:// document to puppeteer, so goto never
    // settles: start it, then wait for the document itself.
    await tab.goto(url, { timeout: 2_000 }).catch((error: unknown) => {
      if (!(error instanceof TimeoutError)) throw error;
    });
    await tab.waitForFunction((expected) => location.href === expected && document.readyState === 'complete', { timeout: 15_000 }, url);
    return tab;
  };

  return {
    browser,
    addonId,
    origin,
    openExtensionPage,
    send: async (type, payload) => {
      if (!door || door.isClosed()) door = await openExtensionPage('options.html');
      return door.evaluate(
        ([t, p]) =>
          (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<never> } } }).browser.runtime.sendMessage({
            type: t,
            payload: p,
          }),
        [type, payload] as const,
      );
    },
    close,
  };
}
