// Everything the background listens to, registered synchronously at worker start (MV3 wakes the
// worker for an event only if its listener was added in the first turn).
import { browser } from 'wxt/browser';
import { noteStorageChanges } from './changed-signal';
import { AUTO_LOCK_ALARM, checkAutoLock, ensureAutoLockAlarm, onIdleStateChanged } from './auto-lock';
import { CLIPBOARD_ALARM, clearClipboard } from './copy-as';
import { ensureLifecycleAlarms, HEALTH_ALARM, maintenance, MAINTENANCE_ALARM, runScheduledHealthCheck, scheduleHealthChecks } from './lifecycle';
import { updateBadge } from './badge';
import { forgetTab, markTabActive } from './console-tabs';
import { migrateStorage } from './migrate-storage';
import { routeMessage } from './router';
import { syncContentScripts } from './sites';

const alarmHandlers: Record<string, () => Promise<unknown>> = {
  [AUTO_LOCK_ALARM]: () => checkAutoLock(),
  [MAINTENANCE_ALARM]: () => maintenance(),
  [HEALTH_ALARM]: () => runScheduledHealthCheck(),
  [CLIPBOARD_ALARM]: () => clearClipboard(),
};

export function startBackground(): void {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  const ready = migrateStorage().catch(() => undefined);

  browser.runtime.onMessage.addListener((message, sender) => ready.then(() => routeMessage(message, sender, self)));

  browser.runtime.onInstalled.addListener(() => void setUp());
  browser.runtime.onStartup.addListener(() => void setUp());

  browser.alarms.onAlarm.addListener((alarm) => {
    const run = alarmHandlers[alarm.name];
    if (run) void ready.then(run).catch(() => undefined);
  });

  browser.idle.setDetectionInterval(60);
  browser.idle.onStateChanged.addListener((state) => void onIdleStateChanged(state));

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.tabs.onActivated.addListener(({ tabId }) => void markTabActive(tabId));

  // The organisation's policy can change while Keyhold runs, and a managed origin becomes active
  // as soon as the browser grants its host permission (from any page, menu or policy).
  const resync = () => void ready.then(() => syncContentScripts()).catch(() => undefined);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    resync();
    void ready.then(() => scheduleHealthChecks()).catch(() => undefined);
  });
  // Every write is followed by a data-free "changed" signal to the open pages (they do not poll).
  browser.storage.onChanged.addListener(noteStorageChanges);
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);

  async function setUp() {
    await ready;
    await ensureAutoLockAlarm();
    await ensureLifecycleAlarms();
    await maintenance().catch(() => undefined);
    await syncContentScripts().catch(() => undefined);
    await updateBadge();
    const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(options: object): Promise<void> } }).sidePanel;
    await sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
  }
}
