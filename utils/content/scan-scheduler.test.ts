// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createScanScheduler, INTERACTION_MS, MAX_DEFER_MS, QUIET_MS, SCAN_DELAY_MS, type ScanScheduler } from './scan-scheduler';

/** A window with a hand-driven clock: timers run only when `advance` passes them. */
function fakeWindow() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const win = {
    document,
    location: { href: 'https://acme.jamfcloud.com/view/computers' },
    performance: { now: () => now },
    setTimeout: (run: () => void, ms: number) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (id: number) => void timers.delete(id),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].run();
    }
    now = end;
  };
  return { win: win as unknown as Window, advance, time: () => now };
}

const textChange = (): MutationRecord[] => {
  const cell = document.createElement('td');
  const text = document.createTextNode('3 min ago');
  return [{ type: 'childList', target: cell, addedNodes: [text], removedNodes: [], attributeName: null } as unknown as MutationRecord];
};
const classChange = (el: Element): MutationRecord[] => [
  { type: 'attributes', target: el, attributeName: 'class', addedNodes: [], removedNodes: [] } as unknown as MutationRecord,
];
const added = (el: Element): MutationRecord[] => [
  { type: 'childList', target: document.body, addedNodes: [el], removedNodes: [], attributeName: null } as unknown as MutationRecord,
];

describe('scan scheduler', () => {
  let clock: ReturnType<typeof fakeWindow>;
  let scans: number[];
  let scheduler: ScanScheduler;

  beforeEach(() => {
    clock = fakeWindow();
    scans = [];
    scheduler = createScanScheduler(clock.win, () => {
      scheduler.scanned();
      scans.push(clock.time());
    });
  });

  it('scans 60 ms after a click or an input, once for a burst', () => {
    scheduler.interaction();
    scheduler.interaction();
    clock.advance(SCAN_DELAY_MS);
    expect(scans).toEqual([SCAN_DELAY_MS]);
  });

  it('scans promptly when a pop-up or a field appears, even with no interaction', () => {
    const dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    scheduler.changed(added(dialog), false);
    clock.advance(SCAN_DELAY_MS);
    expect(scans).toEqual([SCAN_DELAY_MS]);

    const wrapper = document.createElement('section');
    wrapper.innerHTML = '<p>Client Secret</p><input readonly value="x">';
    scheduler.changed(added(wrapper), false);
    clock.advance(SCAN_DELAY_MS);
    expect(scans).toHaveLength(2);
  });

  it('waits for a page that changes by itself to be quiet', () => {
    scheduler.changed(textChange(), false);
    clock.advance(SCAN_DELAY_MS);
    expect(scans).toEqual([]);
    clock.advance(QUIET_MS);
    expect(scans).toEqual([QUIET_MS]);
  });

  it('still scans at least every 2 s while the page never settles', () => {
    const row = document.createElement('tr');
    for (let t = 0; t < 5000; t += 50) {
      scheduler.changed(t % 100 ? textChange() : classChange(row), false);
      clock.advance(50);
    }
    expect(scans.length).toBeGreaterThanOrEqual(2);
    expect(scans[0]).toBeLessThanOrEqual(MAX_DEFER_MS + 50);
    for (let i = 1; i < scans.length; i++) expect(scans[i] - scans[i - 1]).toBeLessThanOrEqual(MAX_DEFER_MS + 50);
  });

  it('keeps every change prompt for 10 s after the admin interacts, and when asked to', () => {
    scheduler.interaction(false); // a key press: no scan of its own
    clock.advance(SCAN_DELAY_MS);
    expect(scans).toEqual([]);
    scheduler.changed(textChange(), false);
    clock.advance(SCAN_DELAY_MS);
    expect(scans).toHaveLength(1);

    clock.advance(INTERACTION_MS);
    scheduler.changed(textChange(), true); // e.g. one of our buttons is on show
    clock.advance(SCAN_DELAY_MS);
    expect(scans).toHaveLength(2);
  });

  it('a prompt change cuts a deferred wait short', () => {
    scheduler.changed(textChange(), false);
    clock.advance(100);
    const dialog = document.createElement('dialog');
    scheduler.changed(added(dialog), false);
    clock.advance(SCAN_DELAY_MS);
    expect(scans).toEqual([100 + SCAN_DELAY_MS]);
    clock.advance(MAX_DEFER_MS);
    expect(scans).toHaveLength(1);
  });

  it('scans promptly after the address changes without a reload', () => {
    (clock.win.location as { href: string }).href = 'https://acme.jamfcloud.com/view/settings';
    scheduler.changed(textChange(), false);
    clock.advance(SCAN_DELAY_MS);
    expect(scans).toEqual([SCAN_DELAY_MS]);
  });

  it('does nothing once disposed', () => {
    scheduler.interaction();
    scheduler.dispose();
    clock.advance(MAX_DEFER_MS);
    expect(scans).toEqual([]);
  });
});
