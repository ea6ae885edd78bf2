// Runs in the console page: finds displayed credentials, puts a "Save to Keyhold" button beside
// each, and tells the background which console and guide step the tab shows. It never fetches,
// never decrypts, and keeps no copy of a value: values are read at the moment of the click.
import { browser } from 'wxt/browser';
import { sendRaw } from '../protocol';
import type { Recognition, VendorConsole } from '../vendors/types';
import { createCaptureButton, type CaptureButton } from './capture-button';
import type { PageWatch } from './page-watch';
import { locateConsole } from './locate-console';
import { createScanScheduler } from './scan-scheduler';
import { captureErrorWords, shortVerdict } from './verdict-words';
import { t } from '../i18n/in-page';

export async function startConsoleWatcher(
  win: Window,
  watch: PageWatch,
  consoles: readonly VendorConsole[],
  signal?: AbortSignal,
): Promise<void> {
  const doc = win.document;
  const located = locateConsole(consoles, new URL(win.location.href), doc);
  if (!located || (await hiddenByPolicy(located.id))) return;
  const vendorConsole = located;
  const buttons = new Map<Element, { button: CaptureButton; type: string; detach: () => void }>();
  let lastReport = '';

  const scan = () => {
    scheduler.scanned();
    const url = new URL(win.location.href);
    const recognitions = safeRecognise(vendorConsole, url, doc);
    const seen = new Set<Element>();
    for (const recognition of recognitions) {
      seen.add(recognition.anchor);
      if (buttons.has(recognition.anchor) && buttons.get(recognition.anchor)!.button.host.isConnected) continue;
      buttons.get(recognition.anchor)?.detach();
      const button = createCaptureButton(() => void capture(recognition.anchor, recognition.type, button));
      buttons.set(recognition.anchor, { button, type: recognition.type, detach: button.attach(recognition.anchor) });
    }
    for (const [anchor, entry] of buttons) {
      if (!seen.has(anchor) || !anchor.isConnected) {
        entry.detach();
        buttons.delete(anchor);
      }
    }
    // A button on show is watched for closely: its value may go away at any moment.
    watch.hold(buttons.size > 0);
    report(url, recognitions);
  };

  // Prompt after anything that may show a credential; a page busy by itself is scanned once quiet.
  const scheduler = createScanScheduler(win, () => scan());
  const schedule = () => scheduler.soon();
  const interaction = () => scheduler.interaction();
  const keyPressed = () => scheduler.interaction(false);

  const report = (url: URL, recognitions: Recognition[]) => {
    const match = vendorConsole.detect(url, { selfHosted: true, doc });
    const step = safeStep(vendorConsole, url, doc);
    const found = [...new Set(recognitions.map((r) => r.type))];
    const key = JSON.stringify([match?.tenant, step, found]);
    if (key === lastReport) return;
    lastReport = key;
    void sendRaw('console.observed', { consoleId: vendorConsole.id, tenant: match?.tenant ?? url.host, step, found });
  };

  async function capture(anchor: Element, type: string, button: CaptureButton) {
    // Read the values now, from the page as it is; nothing was kept since the scan.
    const current = safeRecognise(vendorConsole, new URL(win.location.href), doc).find((r) => r.anchor === anchor && r.type === type);
    if (!current) return button.setState('error', t('page.cs.gone'));
    button.setState('busy', t('page.cs.saving'));
    const reply = await sendRaw('capture.submit', {
      vendor: current.type,
      values: current.values,
      ...(current.expiresAt ? { expiresAt: current.expiresAt } : {}),
    }).catch(() => undefined);
    if (!reply) return button.setState('error', t('page.cs.noAnswer'));
    if (!reply.ok) return button.setState('error', captureErrorWords(reply.error.code), reply.error.message);
    const { test } = reply.data;
    if (test.ok) button.setState('ok', t('page.cs.works'), test.message);
    else button.setState('warn', t('page.cs.saved', [shortVerdict(test.code)]), test.message);
  }

  const unsubscribe = watch.subscribe({
    changed(mutations) {
      // Our own buttons changing must not trigger another scan.
      if (mutations.every((m) => isOwn(m.target) || [...m.addedNodes].every(isOwn))) return;
      scheduler.changed(mutations, buttons.size > 0);
    },
    // The whole page is watched again after a quiet spell: look at what changed meanwhile.
    deepened: schedule,
  });
  win.addEventListener('hashchange', schedule);
  win.addEventListener('popstate', schedule);
  doc.addEventListener('input', interaction, true);
  doc.addEventListener('click', interaction, true);
  doc.addEventListener('keydown', keyPressed, true);
  signal?.addEventListener('abort', () => {
    unsubscribe();
    watch.hold(false);
    scheduler.dispose();
    win.removeEventListener('hashchange', schedule);
    win.removeEventListener('popstate', schedule);
    doc.removeEventListener('input', interaction, true);
    doc.removeEventListener('click', interaction, true);
    doc.removeEventListener('keydown', keyPressed, true);
    for (const entry of buttons.values()) entry.detach();
  });
  scan();
}

function isOwn(node: Node): boolean {
  return node instanceof Element && (node.hasAttribute('data-keyhold') || node.closest('[data-keyhold]') !== null);
}

function safeRecognise(vendorConsole: VendorConsole, url: URL, doc: Document): Recognition[] {
  try {
    return vendorConsole.recognise(url, doc);
  } catch {
    return [];
  }
}

function safeStep(vendorConsole: VendorConsole, url: URL, doc: Document): string | null {
  try {
    return vendorConsole.currentStep(url, doc);
  } catch {
    return null;
  }
}

/** An organisation can hide a console through managed policy; then Keyhold stays out of its pages. */
async function hiddenByPolicy(consoleId: string): Promise<boolean> {
  try {
    const { hiddenVendors } = await browser.storage.managed.get('hiddenVendors');
    const list: unknown = typeof hiddenVendors === 'string' ? JSON.parse(hiddenVendors) : hiddenVendors;
    return Array.isArray(list) && list.includes(consoleId);
  } catch {
    return false; // no managed storage (no policy, or Firefox without one)
  }
}
