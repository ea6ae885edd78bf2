import type { Settings } from '../protocol';
import { settingsSchema, storageKeys } from '../vault/storage-schema';
import { local } from './storage-area';

export async function readSettings(): Promise<Settings> {
  const parsed = settingsSchema.safeParse((await local.get(storageKeys.settings)) ?? {});
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

export async function updateSettings(change: Partial<Settings>): Promise<Settings> {
  const next = settingsSchema.parse({ ...(await readSettings()), ...change });
  await local.set({ [storageKeys.settings]: next });
  return next;
}
