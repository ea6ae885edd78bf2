// Popup ready: navigation start → the credential list fills the screen, for popup.html with 20
// stored credentials (and popup.html and sidepanel.html with 200), against the floor page
// (bench-empty, a static list of as many items) in the same browser, alternating.
// An init script's MutationObserver records performance.now() (ms since navigation start) the
// moment the rows of [data-testid=credential-list] (its <li> elements, not the group headers of the
// grouped list) are all in the DOM, or reach past the bottom of the window: a long list renders its
// first screen first (components/credential-list-model.ts), and what is below the fold is not seen.
import type { Page } from '@playwright/test';
import { BENCH_EMPTY_PAGE } from './bench-extension';
import { openBrowser, pollPage, PASSPHRASE, type BenchBrowser, type BenchMocks } from './harness';
import { timing, type Metric } from './metric';
import { RUNS, summarise } from './stats';

function readyObserver() {
  if (location.protocol !== 'chrome-extension:') return;
  const state = window as unknown as { __benchReady?: number; __benchWanted?: number };
  const wanted = Number(new URLSearchParams(location.search).get('n') ?? localStorage.getItem('bench-wanted') ?? 20);
  const observer = new MutationObserver(() => {
    if (state.__benchReady !== undefined) return;
    const rows = document.querySelectorAll('[data-testid="credential-list"] li:not([role="group"])');
    const last = rows[rows.length - 1];
    if (rows.length >= wanted || (last && last.getBoundingClientRect().top >= innerHeight)) {
      state.__benchReady = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function timeOpen(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const ready = await pollPage(page, () => (window as unknown as { __benchReady?: number }).__benchReady, 30_000, 10);
  const start = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.startTime ?? 0);
  return ready - start;
}

async function seed(browser: BenchBrowser, mocks: BenchMocks, count: number, prefix: string) {
  await browser.call('vault.create', { passphrase: PASSPHRASE });
  for (let i = 0; i < count; i++) {
    const host = `${prefix}-${String(i + 1).padStart(3, '0')}.jamfcloud.com`;
    const client = mocks.jamf.addClient({ host });
    await browser.call('credentials.add', {
      vendor: 'jamf-pro',
      values: { baseUrl: `https://${host}`, clientId: client.clientId, clientSecret: client.clientSecret },
    });
  }
}

/** Median ready time of each page against the floor with as many items, alternating, same browser. */
async function measurePages(browser: BenchBrowser, pages: string[], count: number): Promise<{ page: string; samples: number[] }[]> {
  // The count travels in the page's own localStorage (read by the init script before the page runs).
  const door = await browser.door();
  await door.evaluate((n) => localStorage.setItem('bench-wanted', String(n)), count);
  const floor = `${browser.url(BENCH_EMPTY_PAGE)}?n=${count}`;
  const arms = [
    ...pages.map((page) => ({ page, url: browser.url(page), samples: [] as number[] })),
    { page: 'floor', url: floor, samples: [] as number[] },
  ];
  // Two untimed opens of each warm the disk cache and the service worker, as any real use has.
  for (let run = -2; run < RUNS; run++) {
    for (const arm of arms) {
      const page = await browser.context.newPage();
      const ms = await timeOpen(page, arm.url);
      await page.close();
      if (run >= 0) arm.samples.push(ms);
    }
  }
  return arms;
}

export async function popupReady(mocks: BenchMocks, extension: string): Promise<Metric[]> {
  const browser = await openBrowser(mocks, extension);
  try {
    await browser.context.addInitScript(readyObserver);
    await seed(browser, mocks, 20, 'fleet');
    const [popup, floor] = await measurePages(browser, ['popup.html'], 20);
    return [
      timing(
        'popup ready (20 credentials)',
        'ms',
        summarise(popup.samples),
        'ratio ≤ 1.5 vs empty page',
        ({ ratio }) => ratio! <= 1.5,
        summarise(floor.samples).median,
      ),
    ];
  } finally {
    await browser.close();
  }
}

/** Popup and side panel with 200 stored credentials, each against a floor page of 200 items. */
export async function pagesReadyAtScale(mocks: BenchMocks, extension: string): Promise<Metric[]> {
  const COUNT = 200;
  const browser = await openBrowser(mocks, extension);
  try {
    await browser.context.addInitScript(readyObserver);
    await seed(browser, mocks, COUNT, 'scale');
    const [popup, panel, floor] = await measurePages(browser, ['popup.html', 'sidepanel.html'], COUNT);
    const floorMedian = summarise(floor.samples).median;
    return [
      timing(
        `popup ready (${COUNT} credentials)`,
        'ms',
        summarise(popup.samples),
        'ratio ≤ 1.5 vs empty page',
        ({ ratio }) => ratio! <= 1.5,
        floorMedian,
      ),
      timing(
        `side panel ready (${COUNT} credentials)`,
        'ms',
        summarise(panel.samples),
        'ratio ≤ 1.5 vs empty page',
        ({ ratio }) => ratio! <= 1.5,
        floorMedian,
      ),
    ];
  } finally {
    await browser.close();
  }
}
