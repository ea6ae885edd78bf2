import { planMigrations } from '../vault/migrations';
import { local } from './storage-area';

/** Bring storage to the current schema: one set, then one remove, so a crash leaves it readable. */
export async function migrateStorage(): Promise<{ from: number; to: number; damaged: number }> {
  const snapshot = await local.getAll();
  const plan = planMigrations(snapshot);
  if (Object.keys(plan.set).length) await local.set(plan.set);
  if (plan.remove.length) await local.remove(plan.remove);
  return { from: plan.from, to: plan.to, damaged: plan.damaged };
}
