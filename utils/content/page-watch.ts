// How much of the page the in-page script watches, and when. Watching a whole document with a
// MutationObserver is not free: the browser builds a record inside the page's own script for every
// change, and a console that refreshes its tables and clocks by itself pays for that all day long
// (about a quarter more scripting time on the benchmark's 5,000-element page). A credential is
// shown once, because the admin did something: clicked "Create Secret", opened a menu, went to a
// page. So the whole page is watched only while something may be happening:
//
// - while the page settles after load (until it has been quiet for a second, at most 10 s);
// - for 30 s after the admin clicks, types or presses a key (a slow server's pop-up included);
// - for 10 s after the address changes, the tab comes back to the front, or something changes at
//   the top of the page, where consoles open their pop-ups (children of <body> and of its
//   direct children, <body>/<html> attributes);
// - for as long as a subscriber holds it (a "Save to Keyhold" button is on show).
//
// The rest of the time only that top level is observed, which a console's own churn never
// touches. Subscribers hear about every batch of changes seen, and about each change of mode
// (after a quiet spell, whatever changed unseen is theirs to look at once).

export const SETTLE_QUIET_MS = 1000;
export const SETTLE_MAX_MS = 10_000;
export const AFTER_INTERACTION_MS = 30_000;
export const AFTER_NAVIGATION_MS = 10_000;
export const URL_POLL_MS = 1000;

/** What the deep watch reports: structure, text, and the attributes that show, hide or fill. */
const DEEP: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['value', 'class', 'hidden', 'aria-hidden', 'open', 'style', 'type', 'readonly'],
};
const TOP_ATTRIBUTES: MutationObserverInit = { attributes: true, attributeFilter: ['class', 'hidden', 'aria-hidden', 'style', 'open'] };

const INTERACTIONS = ['pointerdown', 'click', 'keydown', 'input', 'change', 'submit'] as const;

export interface PageWatchListener {
  /** Changes the watch saw (all of them while deep, top-level ones otherwise). */
  changed?(records: MutationRecord[]): void;
  /** The watch went deep: what changed while it was not looking is unknown. */
  deepened?(): void;
}

export interface PageWatch {
  subscribe(listener: PageWatchListener): () => void;
  /** Watch the whole page for at least `ms` from now. */
  deepen(ms: number): void;
  /** Keep watching the whole page until released (a button is on show). */
  hold(on: boolean): void;
  readonly deep: boolean;
  dispose(): void;
}

export function createPageWatch(win: Window, signal?: AbortSignal): PageWatch {
  const doc = win.document;
  const now = () => win.performance.now();
  const Observer = (win as Window & { MutationObserver?: typeof MutationObserver }).MutationObserver ?? MutationObserver;
  const listeners = new Set<PageWatchListener>();
  const loadedAt = now();
  let settling = true;
  let deepUntil = 0;
  let lastChange = loadedAt;
  let held = false;
  let deep = false;
  let timer: number | undefined;
  let lastUrl = win.location.href;
  let disposed = false;

  const deliver = (records: MutationRecord[]) => {
    if (!records.length) return;
    lastChange = now();
    for (const listener of listeners) listener.changed?.(records);
  };

  const deepObserver = new Observer((records) => deliver(records));
  const topObserver = new Observer((records) => {
    deliver(records);
    if (records.some((r) => r.type === 'childList' && r.target === doc.body)) observeTop(); // new top-level children
    deepen(AFTER_NAVIGATION_MS);
  });

  function observeTop() {
    topObserver.disconnect();
    const root = doc.documentElement;
    if (!root) return;
    topObserver.observe(root, { childList: true, ...TOP_ATTRIBUTES });
    const body = doc.body;
    if (!body) return;
    topObserver.observe(body, { childList: true, ...TOP_ATTRIBUTES });
    for (let child = body.firstElementChild; child; child = child.nextElementSibling) topObserver.observe(child, { childList: true });
  }

  function goDeep() {
    if (deep) return;
    deliver(topObserver.takeRecords());
    topObserver.disconnect();
    if (doc.documentElement) deepObserver.observe(doc.documentElement, DEEP);
    deep = true;
    for (const listener of listeners) listener.deepened?.();
  }

  function goShallow() {
    if (!deep) return;
    deliver(deepObserver.takeRecords());
    deepObserver.disconnect();
    deep = false;
    observeTop();
  }

  /** Decide the mode now and when to look again. */
  function review() {
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
    if (disposed) return; // an old script after an extension update must leave the page alone
    const at = now();
    if (settling && (at - lastChange >= SETTLE_QUIET_MS || at - loadedAt >= SETTLE_MAX_MS)) settling = false;
    const wanted = held || settling || at < deepUntil;
    if (wanted) goDeep();
    else goShallow();
    const next = settling
      ? Math.min(SETTLE_QUIET_MS - (at - lastChange), SETTLE_MAX_MS - (at - loadedAt))
      : held
        ? undefined // released through hold(false)
        : deep
          ? deepUntil - at
          : undefined;
    if (next !== undefined) timer = win.setTimeout(review, Math.max(1, next));
  }

  function deepen(ms: number) {
    deepUntil = Math.max(deepUntil, now() + ms);
    if (!deep || timer === undefined) review();
  }

  const interacted = () => deepen(AFTER_INTERACTION_MS);
  const navigated = () => {
    lastUrl = win.location.href;
    deepen(AFTER_NAVIGATION_MS);
  };
  const visible = () => {
    if (doc.visibilityState === 'visible') deepen(AFTER_NAVIGATION_MS);
  };
  // Single-page consoles change the address with pushState, which no event reports.
  const poll = win.setInterval(() => {
    if (win.location.href !== lastUrl) navigated();
  }, URL_POLL_MS);

  for (const type of INTERACTIONS) win.addEventListener(type, interacted, true);
  win.addEventListener('hashchange', navigated);
  win.addEventListener('popstate', navigated);
  doc.addEventListener('visibilitychange', visible);

  const dispose = () => {
    disposed = true;
    deep = false;
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
    win.clearInterval(poll);
    deepObserver.disconnect();
    topObserver.disconnect();
    for (const type of INTERACTIONS) win.removeEventListener(type, interacted, true);
    win.removeEventListener('hashchange', navigated);
    win.removeEventListener('popstate', navigated);
    doc.removeEventListener('visibilitychange', visible);
    listeners.clear();
  };
  signal?.addEventListener('abort', dispose);
  review();

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    deepen,
    hold(on) {
      if (held === on) return;
      held = on;
      review();
    },
    get deep() {
      return deep;
    },
    dispose,
  };
}
