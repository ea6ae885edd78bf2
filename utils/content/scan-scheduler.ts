// When the watcher rescans the page. A full scan reads the whole document, so it must not run on
// every tick of a console that keeps refreshing its tables and clocks by itself.
//
// Soon (60 ms, as always): a change that may show a credential (a pop-up or a field appears, a
// field's value or type changes, the page's <body>/<html> changes state), the address changes,
// one of our buttons is on show (its value may be going away), or the admin clicked, typed or
// pressed a key in the last 10 s (whatever the page does next is probably their doing).
// Later: any other change waits until the page has been quiet for 300 ms, and at most 2 s, so
// nothing is missed, only noticed a little later on a page that changes by itself.

export const SCAN_DELAY_MS = 60;
export const QUIET_MS = 300;
export const MAX_DEFER_MS = 2000;
export const INTERACTION_MS = 10_000;

/** What a credential is shown in: a pop-up or a field. */
const MAY_SHOW = 'dialog,[role=dialog],[role=alertdialog],[aria-modal=true],input,textarea';

/** The same test for one element, without the selector engine for the common case. */
function isPopUpOrField(el: Element): boolean {
  const name = el.localName;
  if (name === 'dialog' || name === 'input' || name === 'textarea') return true;
  if (!el.hasAttribute('role') && !el.hasAttribute('aria-modal')) return false;
  return el.matches(MAY_SHOW);
}

export interface ScanScheduler {
  /** A click or an input (scan soon) or a key press (no scan of its own): later changes stay prompt for a while. */
  interaction(scanNow?: boolean): void;
  /** The page changed in a way that always deserves a prompt look (navigation). */
  soon(): void;
  /** Page changes from the MutationObserver; `prompt` forces a prompt scan. */
  changed(records: MutationRecord[], prompt: boolean): void;
  /** The scan has run (call at its start): the address it saw is remembered. */
  scanned(): void;
  dispose(): void;
}

export function createScanScheduler(win: Window, scan: () => void): ScanScheduler {
  const doc = win.document;
  const now = () => win.performance.now();
  let timer: number | undefined;
  let deferred = false;
  let firstChange = 0;
  let lastChange = 0;
  let lastInteraction = Number.NEGATIVE_INFINITY;
  let lastUrl = win.location.href;

  const run = () => {
    timer = undefined;
    deferred = false;
    scan();
  };

  const soon = () => {
    if (timer !== undefined && !deferred) return;
    if (timer !== undefined) win.clearTimeout(timer);
    deferred = false;
    timer = win.setTimeout(run, SCAN_DELAY_MS);
  };

  const check = () => {
    const at = now();
    const quietFor = at - lastChange;
    const waited = at - firstChange;
    if (quietFor >= QUIET_MS || waited >= MAX_DEFER_MS) return run();
    timer = win.setTimeout(check, Math.max(1, Math.min(QUIET_MS - quietFor, MAX_DEFER_MS - waited)));
  };

  const later = () => {
    lastChange = now();
    if (timer !== undefined) return; // a scan is already on its way (soon, or once the page is quiet)
    firstChange = lastChange;
    deferred = true;
    timer = win.setTimeout(check, QUIET_MS);
  };

  // Runs for every batch of changes, so it stays cheap: plain loops, and the selector engine only
  // for elements that could be a pop-up or a field, or for added subtrees.
  const mayShowCredential = (records: MutationRecord[]): boolean => {
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      if (record.type === 'attributes') {
        if (record.attributeName === 'value' || record.attributeName === 'type') return true;
        const el = record.target as Element;
        if (el === doc.body || el === doc.documentElement || isPopUpOrField(el)) return true;
      } else if (record.type === 'childList') {
        const added = record.addedNodes;
        for (let j = 0; j < added.length; j++) {
          const node = added[j];
          if (node.nodeType !== 1) continue;
          const el = node as Element;
          if (isPopUpOrField(el) || (el.firstElementChild !== null && el.querySelector(MAY_SHOW) !== null)) return true;
        }
      }
    }
    return false;
  };

  return {
    interaction(scanNow = true) {
      lastInteraction = now();
      if (scanNow) soon();
    },
    soon,
    changed(records, prompt) {
      if (prompt || now() - lastInteraction < INTERACTION_MS || win.location.href !== lastUrl || mayShowCredential(records)) soon();
      else later();
    },
    scanned() {
      lastUrl = win.location.href;
    },
    dispose() {
      if (timer !== undefined) win.clearTimeout(timer);
      timer = undefined;
    },
  };
}
