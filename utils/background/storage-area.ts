// Thin, typed access to storage with errors surfaced (quota, I/O) instead of swallowed.
import { browser } from 'wxt/browser';
import { KeyholdError } from '../errors';
import { t } from '../i18n/translate';
import { dropSummaries } from './summary-cache';

async function guard<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new KeyholdError('STORAGE_ERROR', /quota/i.test(text) ? t('bg.storage.quota') : t('bg.storage.io'));
  }
}

type KeyedArea = typeof browser.storage.local & { getKeys?: () => Promise<string[]> };

export const local = {
  getAll: () => guard(() => browser.storage.local.get(null) as Promise<Record<string, unknown>>),
  /**
   * Every item whose key starts with `prefix`. Asks for the keys first where the browser can
   * (Chrome 130, Firefox 143), so listing credentials does not read the audit log along with them.
   */
  getByPrefix: (prefix: string) =>
    guard(async () => {
      const area = browser.storage.local as KeyedArea;
      if (typeof area.getKeys !== 'function') {
        const all = (await area.get(null)) as Record<string, unknown>;
        return Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith(prefix)));
      }
      const keys = (await area.getKeys()).filter((key) => key.startsWith(prefix));
      return keys.length ? ((await area.get(keys)) as Record<string, unknown>) : {};
    }),
  get: async <T = unknown>(key: string): Promise<T | undefined> =>
    guard(async () => (await browser.storage.local.get(key))[key] as T | undefined),
  getMany: (keys: string[]) => guard(async () => (keys.length ? ((await browser.storage.local.get(keys)) as Record<string, unknown>) : {})),
  // Once a write settled, the credential list kept in the worker is read again (summary-cache.ts).
  set: (items: Record<string, unknown>) => guard(() => browser.storage.local.set(items)).finally(dropSummaries),
  remove: (keys: string | string[]) => guard(() => browser.storage.local.remove(keys)).finally(dropSummaries),
};

export const session = {
  get: async <T = unknown>(key: string): Promise<T | undefined> =>
    guard(async () => (await browser.storage.session.get(key))[key] as T | undefined),
  set: (items: Record<string, unknown>) => guard(() => browser.storage.session.set(items)),
  remove: (keys: string | string[]) => guard(() => browser.storage.session.remove(keys)),
};

/** Serialise read-modify-write cycles per key within this worker. */
const queues = new Map<string, Promise<unknown>>();
export function withLock<T>(key: string, action: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(action, action);
  const settled = next.catch(() => undefined);
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}
