// What happens to credentials after capture: test-all with bounded concurrency, health checks on
// a schedule, expiry reminders, and roll-back after a rotation. State lives in storage (the worker
// can be stopped at any moment); alarms survive browser restarts.
import { browser } from 'wxt/browser';
import { KeyholdError, toErrorInfo } from '../errors';
import type { TestAllProgress, TestReport } from '../protocol';
import { recordKey, type CredentialRecord } from '../vault/storage-schema';
import { getCredentialType } from '../vendors/registry';
import { appendAudit } from './audit';
import { updateBadge } from './badge';
import { saveOutcome } from './after-write';
import { listRecords, openRecordWith, readRecord, writeRecord } from './credential-store';
import { notify } from './notify';
import { runLimited } from './run-limited';
import { readSettings } from './settings';
import { local, session, withLock } from './storage-area';
import { runCredentialTest } from './test-runner';
import { macKeyFor, requirePrivateKey } from './vault-service';
import { isConfirmed, previousConfirmed, signRecord } from '../vault/record-mac';
import { t } from '../i18n/translate';

export const TEST_ALL_CONCURRENCY = 4;
export const HEALTH_ALARM = 'keyhold-health-check';
export const MAINTENANCE_ALARM = 'keyhold-maintenance';
const PROGRESS_KEY = 'testAllProgress';
const EXPIRY_NOTIFIED_KEY = 'expiryNotified';
const EXPIRY_WARNING_MS = 7 * 86_400_000;

export async function testAll(ids?: string[]): Promise<TestAllProgress> {
  const privateJwk = await requirePrivateKey();
  const records = (await listRecords()).filter((record) => !ids || ids.includes(record.id));
  const progress: TestAllProgress = { total: records.length, done: 0, ok: 0, failed: 0, running: true, startedAt: new Date().toISOString() };
  await session.set({ [PROGRESS_KEY]: progress });
  const tasks = await Promise.all(
    records.map(async (record) => {
      let values: Record<string, string> | undefined;
      let openError: TestReport | undefined;
      try {
        values = await openRecordWith(record, privateJwk);
      } catch (error) {
        const info = toErrorInfo(error);
        openError = { ok: false, code: info.code, message: info.message, steps: [], testedAt: new Date().toISOString() };
      }
      const type = getCredentialType(record.vendor);
      return {
        key: values && type.exclusiveKey ? `${record.vendor}:${type.exclusiveKey(values)}` : undefined,
        run: async () => {
          const started = performance.now();
          const report = openError ?? (await runCredentialTest(record.vendor, values!, { template: record.template }));
          await saveOutcome(record, type, report, Math.round(performance.now() - started)); // the badge follows once, at the end
          return report;
        },
      };
    }),
  );
  await runLimited(tasks, TEST_ALL_CONCURRENCY, (_, result) => {
    progress.done++;
    if (result.status === 'fulfilled' && result.value.ok) progress.ok++;
    else progress.failed++;
    void session.set({ [PROGRESS_KEY]: { ...progress } });
  });
  progress.running = false;
  progress.finishedAt = new Date().toISOString();
  await session.set({ [PROGRESS_KEY]: progress });
  await appendAudit({ event: 'tested', detail: t('bg.audit.testAll', [progress.ok, progress.failed]) });
  await updateBadge();
  return progress;
}

export async function testAllProgress(): Promise<TestAllProgress | null> {
  return (await session.get<TestAllProgress>(PROGRESS_KEY)) ?? null;
}

/** Restore the values from before the last rotation; the newer ones are kept for the same window. */
export async function rollback(id: string, now = new Date()): Promise<CredentialRecord> {
  return withLock(recordKey(id), async () => {
    const record = await readRecord(id);
    if (!record.previous || Date.parse(record.previous.keepUntil) < now.getTime()) {
      throw new KeyholdError('NOT_FOUND', t('bg.rotate.noEarlier'));
    }
    // Both halves must be ones the vault confirmed: a roll-back copy forged while locked is refused.
    const key = await macKeyFor(await requirePrivateKey());
    if (!(await isConfirmed(record, key)) || !(await previousConfirmed(record, key))) {
      throw new KeyholdError('UNCONFIRMED_CHANGE', t('bg.rotate.notOurs'));
    }
    let next: CredentialRecord = {
      ...record,
      sealed: record.previous.sealed,
      updatedAt: now.toISOString(),
      previous: { sealed: record.sealed, ...(record.patches?.length ? { patches: record.patches } : {}), replacedAt: now.toISOString(), keepUntil: record.previous.keepUntil },
    };
    if (record.previous.patches?.length) next.patches = record.previous.patches;
    else delete next.patches;
    delete next.lastTest;
    next = await signRecord(next, key, true);
    await writeRecord(next);
    return next;
  });
}

/** Hourly: drop expired roll-back copies and remind about credentials expiring within 7 days. */
export async function maintenance(now = Date.now()): Promise<{ pruned: number; reminded: number }> {
  let pruned = 0;
  let reminded = 0;
  const notified = (await local.get<Record<string, string>>(EXPIRY_NOTIFIED_KEY)) ?? {};
  for (const record of await listRecords()) {
    if (record.previous && Date.parse(record.previous.keepUntil) < now) {
      await withLock(recordKey(record.id), async () => {
        const fresh = await readRecord(record.id);
        if (!fresh.previous || Date.parse(fresh.previous.keepUntil) >= now) return;
        const next = { ...fresh };
        delete next.previous;
        await writeRecord(next);
        pruned++;
      });
    }
    if (record.expiresAt && notified[record.id] !== record.expiresAt) {
      const left = Date.parse(record.expiresAt) - now;
      if (left <= EXPIRY_WARNING_MS) {
        const days = Math.max(0, Math.ceil(left / 86_400_000));
        await notify(
          `keyhold-expiry-${record.id}`,
          left <= 0 ? t('bg.notice.expired', [record.label]) : t('bg.notice.expiresIn', days, [record.label, days]),
          t('bg.notice.rotate', [getCredentialType(record.vendor).name]),
        );
        notified[record.id] = record.expiresAt;
        reminded++;
      }
    }
  }
  if (reminded) await local.set({ [EXPIRY_NOTIFIED_KEY]: notified });
  await updateBadge(now);
  return { pruned, reminded };
}

export async function ensureLifecycleAlarms(): Promise<void> {
  if (!(await browser.alarms.get(MAINTENANCE_ALARM))) await browser.alarms.create(MAINTENANCE_ALARM, { periodInMinutes: 60, delayInMinutes: 1 });
  await scheduleHealthChecks();
}

/** The admin's schedule for "Test all" (off by default). Runs only while the vault is unlocked. */
export async function scheduleHealthChecks(): Promise<void> {
  const { healthCheckHours } = await readSettings();
  const existing = await browser.alarms.get(HEALTH_ALARM);
  if (!healthCheckHours) {
    if (existing) await browser.alarms.clear(HEALTH_ALARM);
    return;
  }
  if (existing?.periodInMinutes === healthCheckHours * 60) return;
  await browser.alarms.create(HEALTH_ALARM, { periodInMinutes: healthCheckHours * 60 });
}

export async function runScheduledHealthCheck(): Promise<void> {
  try {
    await testAll();
  } catch (error) {
    if (!(error instanceof KeyholdError && error.code === 'VAULT_LOCKED')) throw error;
  }
}

