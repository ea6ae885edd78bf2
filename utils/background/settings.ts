// Settings as they apply: the admin's local choices under the organisation's policy (managed
// storage wins). Local values are kept as chosen, so lifting the policy restores them.
import type { Settings } from '../protocol';
import { assertChangeAllowed, effectiveSettings, type LocalSettings } from '../policy/effective-settings';
import { hasPolicy, readPolicy } from '../policy/policy';
import { settingsSchema, storageKeys } from '../vault/storage-schema';
import { local } from './storage-area';

export async function readSettings(): Promise<Settings> {
  const policy = await readPolicy();
  const { settings, managed } = effectiveSettings(await readLocalSettings(), policy);
  return hasPolicy(policy) ? { ...settings, managed, policy } : settings;
}

/** Refuses a change the policy overrides (INVALID_INPUT, in plain words); stores the rest. */
export async function updateSettings(change: Partial<LocalSettings>): Promise<Settings> {
  assertChangeAllowed(change, await readPolicy());
  const next = settingsSchema.parse({ ...(await readLocalSettings()), ...change });
  await local.set({ [storageKeys.settings]: next });
  return readSettings();
}

async function readLocalSettings(): Promise<LocalSettings> {
  const parsed = settingsSchema.safeParse((await local.get(storageKeys.settings)) ?? {});
  return parsed.success ? parsed.data : settingsSchema.parse({});
}
