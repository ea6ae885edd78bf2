// Popup ready: navigation start → the credential list shows its 20th item, for popup.html with
// 20 stored credentials, against the floor page (bench-empty) in the same browser, alternating.
// An init script's MutationObserver records performance.now() (ms since navigation start) the
// moment the 20th <li> of [data-testid=credential-list] is in the DOM.
import type { Page } from '@playwright/test';
import { BENCH_EMPTY_PAGE } from './bench-extension';
import { openBrowser, pollPage, PASSPHRASE, type BenchMocks } from './harness';
import { timing, type Metric } from './metric';
import { RUNS, summarise } from './stats';

const WANTED = 20;

function readyObserver(wanted: number) {
  if (location.protocol !== 'chrome-extension:') return;
  const state = window as unknown as { __benchReady?: number };
  const observer = new MutationObserver(() => {
    if (state.__benchReady !== undefined) return;
    if (document.querySelectorAll('[data-testid="credential-list"] li').length >= wanted) {
      state.__benchReady = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function timeOpen(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const ready = await pollPage(page, () => (window as unknown as { __benchReady?: number }).__benchReady, 15_000, 10);
  const start = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.startTime ?? 0);
  return ready - start;
}

export async function popupReady(mocks: BenchMocks, extension: string): Promise<Metric[]> {
  const browser = await openBrowser(mocks, extension);
  try {
    await browser.context.addInitScript(readyObserver, WANTED);
    await browser.call('vault.create', { passphrase: PASSPHRASE });
    for (let i = 0; i < WANTED; i++) {
      const host = `fleet-${String(i + 1).padStart(2, '0')}.jamfcloud.com`;
      const client = mocks.jamf.addClient({ host });
      await browser.call('credentials.add', {
        vendor: 'jamf-pro',
        values: { baseUrl: `https://${host}`, clientId: client.clientId, clientSecret: client.clientSecret },
      });
    }
    const popup = browser.url('popup.html');
    const floor = browser.url(BENCH_EMPTY_PAGE);
    const samples = { popup: [] as number[], floor: [] as number[] };
    // Two untimed opens of each warm the disk cache and the service worker, as any real use has.
    for (let run = -2; run < RUNS; run++) {
      for (const [which, url] of [
        ['popup', popup],
        ['floor', floor],
      ] as const) {
        const page = await browser.context.newPage();
        const ms = await timeOpen(page, url);
        await page.close();
        if (run >= 0) samples[which].push(ms);
      }
    }
    const floorSummary = summarise(samples.floor);
    return [
      timing(
        'popup ready (20 credentials)',
        'ms',
        summarise(samples.popup),
        'ratio ≤ 1.5 vs empty page',
        ({ ratio }) => ratio! <= 1.5,
        floorSummary.median,
      ),
    ];
  } finally {
    await browser.close();
  }
}
