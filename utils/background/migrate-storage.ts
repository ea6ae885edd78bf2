import { KeyholdError } from '../errors';
import { planMigrations } from '../vault/migrations';
import { CURRENT_SCHEMA_VERSION, storageKeys } from '../vault/storage-schema';
import { local } from './storage-area';
import { t } from '../i18n/translate';

/** Bring storage to the current schema: one set, then one remove, so a crash leaves it readable. */
export async function migrateStorage(): Promise<{ from: number; to: number; damaged: number }> {
  // Every worker start comes here first: when storage is current, read one key, not all of it.
  if ((await local.get(storageKeys.schemaVersion)) === CURRENT_SCHEMA_VERSION) {
    return { from: CURRENT_SCHEMA_VERSION, to: CURRENT_SCHEMA_VERSION, damaged: 0 };
  }
  const snapshot = await local.getAll();
  const plan = planMigrations(snapshot);
  if (Object.keys(plan.set).length) await local.set(plan.set);
  if (plan.remove.length) await local.remove(plan.remove);
  return { from: plan.from, to: plan.to, damaged: plan.damaged };
}

/**
 * Start-up: migrate, and keep the reason when storage cannot be used (a newer Keyhold's data, an
 * unreadable profile), so every request is answered with it instead of running on storage this
 * version does not understand.
 */
export function prepareStorage(): Promise<KeyholdError | undefined> {
  return migrateStorage().then(
    () => undefined,
    (error: unknown) => (error instanceof KeyholdError ? error : new KeyholdError('STORAGE_ERROR', t('bg.storage.migrate'))),
  );
}
