// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AFTER_INTERACTION_MS,
  AFTER_NAVIGATION_MS,
  createPageWatch,
  SETTLE_MAX_MS,
  SETTLE_QUIET_MS,
  URL_POLL_MS,
  type PageWatch,
} from './page-watch';
import { keepReadOnlyFieldsOutOfSessionState } from './session-state';

/** The real happy-dom document and events, with a hand-driven clock for timers. */
function fakeWindow() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void; every?: number }>();
  const schedule = (run: () => void, ms: number, every?: number) => {
    const id = nextId++;
    timers.set(id, { at: now + ms, run, every });
    return id;
  };
  const win = {
    document,
    MutationObserver,
    location: { href: 'https://acme.jamfcloud.com/view/computers' },
    performance: { now: () => now },
    setTimeout: (run: () => void, ms: number) => schedule(run, ms),
    setInterval: (run: () => void, ms: number) => schedule(run, ms, ms),
    clearTimeout: (id: number) => void timers.delete(id),
    clearInterval: (id: number) => void timers.delete(id),
    addEventListener: window.addEventListener.bind(window),
    removeEventListener: window.removeEventListener.bind(window),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, timer] = due;
      now = timer.at;
      if (timer.every) timer.at += timer.every;
      else timers.delete(id);
      timer.run();
    }
    now = end;
  };
  return { win: win as unknown as Window, advance };
}

/** Mutation callbacks run in a microtask. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('page watch', () => {
  let clock: ReturnType<typeof fakeWindow>;
  let watch: PageWatch;
  let batches: MutationRecord[][];
  let deepened: number;
  let controller: AbortController;
  let cell: HTMLElement;

  beforeEach(() => {
    document.body.innerHTML = `<nav>Computers</nav><main><table><tbody><tr><td id="cell">3 min ago</td></tr></tbody></table></main>`;
    cell = document.getElementById('cell')!;
    clock = fakeWindow();
    controller = new AbortController();
    watch = createPageWatch(clock.win, controller.signal);
    batches = [];
    deepened = 0;
    watch.subscribe({ changed: (records) => batches.push(records), deepened: () => deepened++ });
  });

  afterEach(() => controller.abort());

  /** Let the page settle after load: quiet for a second. */
  const settle = () => clock.advance(SETTLE_QUIET_MS);

  it('watches the whole page while it settles after load, then only its top', async () => {
    expect(watch.deep).toBe(true);
    cell.textContent = '4 min ago';
    await flush();
    expect(batches).toHaveLength(1);
    settle();
    expect(watch.deep).toBe(false);

    cell.textContent = '5 min ago';
    cell.closest('tr')!.classList.toggle('selected');
    await flush();
    expect(batches).toHaveLength(1); // the console's own churn, deep in the page, is not observed
  });

  it('keeps settling while the page keeps changing, at most 10 s', async () => {
    for (let t = 0; t < SETTLE_MAX_MS + 2000; t += 500) {
      cell.textContent = `${t} ms`;
      await flush();
      clock.advance(500);
      if (t < SETTLE_MAX_MS - 500) expect(watch.deep).toBe(true);
    }
    expect(watch.deep).toBe(false);
  });

  it('goes deep for 30 s after the admin clicks, and says so', async () => {
    settle();
    cell.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(watch.deep).toBe(true);
    expect(deepened).toBe(1);
    cell.textContent = 'Client Secret';
    await flush();
    expect(batches.at(-1)?.[0].target).toBe(cell);
    clock.advance(AFTER_INTERACTION_MS - 1);
    expect(watch.deep).toBe(true);
    clock.advance(1);
    expect(watch.deep).toBe(false);
  });

  it('each key press extends the window', () => {
    settle();
    cell.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'a' }));
    clock.advance(AFTER_INTERACTION_MS - 100);
    cell.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'b' }));
    clock.advance(AFTER_INTERACTION_MS - 100);
    expect(watch.deep).toBe(true);
    clock.advance(100);
    expect(watch.deep).toBe(false);
  });

  it('sees a pop-up opened at the top of the page without any click, and then watches closely', async () => {
    settle();
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    document.body.append(dialog);
    await flush();
    expect(batches.at(-1)?.[0].addedNodes[0]).toBe(dialog);
    expect(watch.deep).toBe(true);
    clock.advance(AFTER_NAVIGATION_MS);
    expect(watch.deep).toBe(false);
  });

  it('sees a pop-up put inside a portal container that is a child of <body>', async () => {
    settle();
    const portal = document.querySelector('nav')!;
    const dialog = document.createElement('dialog');
    portal.append(dialog);
    await flush();
    expect(batches.at(-1)?.[0].addedNodes[0]).toBe(dialog);
    expect(watch.deep).toBe(true);
  });

  it('sees <body> and <html> state changes (a "modal-open" class)', async () => {
    settle();
    document.body.classList.add('modal-open');
    await flush();
    expect(batches.at(-1)?.[0]).toMatchObject({ type: 'attributes', attributeName: 'class' });
    expect(watch.deep).toBe(true);
  });

  it('observes a child added to <body> while shallow as a top-level container too', async () => {
    settle();
    const portal = document.createElement('div');
    document.body.append(portal);
    await flush();
    clock.advance(AFTER_NAVIGATION_MS);
    expect(watch.deep).toBe(false);
    portal.append(document.createElement('section'));
    await flush();
    expect(watch.deep).toBe(true);
  });

  it('goes deep when the address changes by pushState (no event), hashchange or popstate', () => {
    settle();
    (clock.win.location as { href: string }).href = 'https://acme.jamfcloud.com/view/settings';
    clock.advance(URL_POLL_MS);
    expect(watch.deep).toBe(true);
    clock.advance(AFTER_NAVIGATION_MS);
    expect(watch.deep).toBe(false);
    window.dispatchEvent(new Event('hashchange'));
    expect(watch.deep).toBe(true);
  });

  it('stays deep while held, then returns to the top only', () => {
    settle();
    watch.hold(true);
    expect(watch.deep).toBe(true);
    clock.advance(AFTER_INTERACTION_MS * 3);
    expect(watch.deep).toBe(true);
    watch.hold(false);
    expect(watch.deep).toBe(false);
  });

  it('delivers what was pending when it leaves the deep mode', async () => {
    watch.hold(true);
    settle();
    cell.textContent = 'changed just before';
    watch.hold(false);
    expect(batches.at(-1)?.[0].target).toBe(cell);
    await flush();
  });

  it('stops everything once aborted, whatever a subscriber asks afterwards', async () => {
    watch.hold(true);
    controller.abort();
    watch.hold(false); // the watcher releases its hold as it is torn down
    watch.deepen(AFTER_INTERACTION_MS);
    expect(watch.deep).toBe(false);
    document.body.append(document.createElement('dialog'));
    cell.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await flush();
    clock.advance(SETTLE_MAX_MS);
    expect(batches).toEqual([]);
    expect(watch.deep).toBe(false);
  });

  it('marks a read-only field added unseen once the close watch resumes', async () => {
    keepReadOnlyFieldsOutOfSessionState(document, watch, controller.signal);
    settle();
    cell.innerHTML = '<input readonly value="s3cr3t-value-shown-once">';
    await flush();
    const field = cell.querySelector('input')!;
    expect(field.getAttribute('autocomplete')).toBeNull(); // not seen: deep in the page, no click
    cell.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(field.getAttribute('autocomplete')).toBe('off');

    const second = document.createElement('textarea');
    second.setAttribute('readonly', '');
    cell.append(second);
    await flush();
    expect(second.getAttribute('autocomplete')).toBe('off'); // seen as it is added
  });
});
