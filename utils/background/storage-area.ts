// Thin, typed access to storage with errors surfaced (quota, I/O) instead of swallowed.
import { browser } from 'wxt/browser';
import { KeyholdError } from '../errors';
import { t } from '../i18n/translate';
import { dropSummaries } from './summary-cache';
import { forget, mirrored, writing } from './record-mirror';

async function guard<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new KeyholdError('STORAGE_ERROR', /quota/i.test(text) ? t('bg.storage.quota') : t('bg.storage.io'));
  }
}

/** The items at `keys`; credential records this worker wrote are not read again (record-mirror.ts). */
async function readItems(keys: string[]): Promise<Record<string, unknown>> {
  const items: Record<string, unknown> = {};
  for (const key of keys) {
    const known = mirrored(key);
    if (known !== undefined) items[key] = known;
  }
  const wanted = keys.filter((key) => !(key in items));
  if (!wanted.length) return items;
  return { ...(await guard(async () => (await browser.storage.local.get(wanted)) as Record<string, unknown>)), ...items };
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
  get: async <T = unknown>(key: string): Promise<T | undefined> => (await readItems([key]))[key] as T | undefined,
  getMany: (keys: string[]) => readItems(keys),
  // Once a write settled, the credential list kept in the worker is read again (summary-cache.ts).
  set: async (items: Record<string, unknown>) => {
    const failed = writing(items);
    await guard(() => browser.storage.local.set(items))
      .catch((error) => {
        failed();
        throw error;
      })
      .finally(dropSummaries);
  },
  remove: async (keys: string | string[]) => {
    [keys].flat().forEach(forget);
    await guard(() => browser.storage.local.remove(keys)).finally(dropSummaries);
  },
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
