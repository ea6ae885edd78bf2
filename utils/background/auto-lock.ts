// Auto-lock after N idle minutes (checked by an alarm, so it survives the worker being stopped)
// and at once when the operating system locks the screen.
import { browser } from 'wxt/browser';
import { readSettings } from './settings';
import { lastActivityAt, lockVault } from './vault-service';

export const AUTO_LOCK_ALARM = 'keyhold-auto-lock';

export async function ensureAutoLockAlarm(): Promise<void> {
  const existing = await browser.alarms.get(AUTO_LOCK_ALARM);
  if (!existing) await browser.alarms.create(AUTO_LOCK_ALARM, { periodInMinutes: 1 });
}

export async function checkAutoLock(now = Date.now()): Promise<boolean> {
  const last = await lastActivityAt();
  if (last === undefined) return false;
  const { autoLockMinutes } = await readSettings();
  if (now - last < autoLockMinutes * 60_000) return false;
  await lockVault();
  return true;
}

export async function onIdleStateChanged(state: string): Promise<void> {
  if (state === 'locked') await lockVault();
}
