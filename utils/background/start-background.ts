// Everything the background listens to, registered synchronously at worker start (MV3 wakes the
// worker for an event only if its listener was added in the first turn).
import { browser } from 'wxt/browser';
import { noteStorageChanges } from './changed-signal';
import { AUTO_LOCK_ALARM, checkAutoLock, ensureAutoLockAlarm, onIdleStateChanged } from './auto-lock';
import { CLIPBOARD_ALARM, clearClipboard } from './copy-as';
import { ensureLifecycleAlarms, HEALTH_ALARM, maintenance, MAINTENANCE_ALARM, runScheduledHealthCheck, scheduleHealthChecks } from './lifecycle';
import { updateBadge } from './badge';
import { forgetTab, markTabActive } from './console-tabs';
import { prepareStorage } from './migrate-storage';
import { reportFailure } from './report-failure';
import { createFillMenu, listenForFillGestures } from './fill-triggers';
import { routeMessage } from './router';
import { syncContentScripts } from './sites';
import { startCaptureMenu } from './capture-menu';
import { startCaptureCommands } from './capture-commands';

const alarmHandlers: Record<string, () => Promise<unknown>> = {
  [AUTO_LOCK_ALARM]: () => checkAutoLock(),
  [MAINTENANCE_ALARM]: () => maintenance(),
  [HEALTH_ALARM]: () => runScheduledHealthCheck(),
  [CLIPBOARD_ALARM]: () => clearClipboard(),
};

export function startBackground(): void {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  // Resolves to the reason storage cannot be used (a refused downgrade), answered to every request.
  const refused = prepareStorage();
  const ready = refused.then((error) => (error ? Promise.reject(error) : undefined));
  // Background jobs wait for `ready`; when storage is refused they do not run (requests say why).
  const quietly = (job: Promise<unknown>) => void job.catch(reportFailure('background job'));
  void ready.catch(() => undefined); // the reason is answered to each request and reported by each job that waits

  browser.runtime.onMessage.addListener((message, sender) =>
    refused.then((error) => (error ? { ok: false as const, error: error.toInfo() } : routeMessage(message, sender, self))),
  );

  browser.runtime.onInstalled.addListener(() => quietly(setUp()));
  browser.runtime.onStartup.addListener(() => quietly(setUp()));

  browser.alarms.onAlarm.addListener((alarm) => {
    const run = alarmHandlers[alarm.name];
    if (run) quietly(ready.then(run));
  });

  browser.idle.setDetectionInterval(60);
  browser.idle.onStateChanged.addListener((state) => void onIdleStateChanged(state));

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  browser.tabs.onActivated.addListener(({ tabId }) => void markTabActive(tabId));
  listenForFillGestures();

  // The organisation's policy can change while Keyhold runs, and a managed origin becomes active
  // as soon as the browser grants its host permission (from any page, menu or policy).
  const resync = () => quietly(ready.then(() => syncContentScripts()));
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    resync();
    quietly(ready.then(() => scheduleHealthChecks()));
  });
  // Every write is followed by a data-free "changed" signal to the open pages (they do not poll).
  browser.storage.onChanged.addListener(noteStorageChanges);
  browser.permissions.onAdded.addListener(resync);
  browser.permissions.onRemoved.addListener(resync);

  startCaptureMenu(ready);
  startCaptureCommands();

  async function setUp() {
    await ready;
    await ensureAutoLockAlarm();
    await ensureLifecycleAlarms();
    // Each step runs even when the one before failed; failures are reported, not dropped.
    await maintenance().catch(reportFailure('maintenance'));
    await syncContentScripts().catch(reportFailure('content script registration'));
    await updateBadge();
    createFillMenu();
    const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(options: object): Promise<void> } }).sidePanel;
    await sidePanel?.setPanelBehavior({ openPanelOnActionClick: false }).catch(reportFailure('side panel behaviour'));
  }
}
