// One handler per request type. Each receives a payload already parsed by the protocol schema.
import type { Runtime } from 'webextension-polyfill';
import { KeyholdError } from '../errors';
import type { PayloadOf, ReplyDataMap, RequestType } from '../protocol';
import { isVaultKey, storageKeys } from '../vault/storage-schema';
import { getCredentialType } from '../vendors/registry';
import { validateValues } from '../vendors/validate-values';
import { appendAudit, readAudit } from './audit';
import { updateBadge } from './badge';
import { refreshAttention, saveOutcome } from './after-write';
import { afterReply } from './after-reply';
import { handleCapture } from './capture';
import { takePrefill } from './capture-prefill';
import { consoleState, recordConsoleTab, selectTemplate } from './console-tabs';
import { formatValues, scheduleClipboardClear } from './copy-as';
import {
  addRecord,
  listSummaries,
  openRecord,
  readRecord,
  refreshMigratedRecords,
  removeRecord,
  updateMeta,
  mergeIntoRecord,
} from './credential-store';
import { fillValues, startFill } from './fill-service';
import { exportCredentials, exportReadable, handoffKey, importCredentials } from './handoff-service';
import { rollback, scheduleHealthChecks, testAll, testAllProgress } from './lifecycle';
import type { SenderKind } from './sender';
import { readSettings, updateSettings } from './settings';
import { enableSite, listSites, removeSite } from './sites';
import { local } from './storage-area';
import { runCredentialTest, startHostCheck } from './test-runner';
import { changePassphrase, unlockAndResume } from './rekey';
import { decideUnconfirmed, listUnconfirmed } from './unconfirmed';
import { createVault, lockVault, vaultStatus } from './vault-service';
import { t } from '../i18n/translate';

export interface HandlerContext {
  sender: Runtime.MessageSender;
  kind: SenderKind;
}

type Handlers = { [T in RequestType]: (payload: PayloadOf<T>, context: HandlerContext) => Promise<ReplyDataMap[T]> };

const about = (record: { label: string; vendor: string }) => ({ label: record.label, vendor: record.vendor });

export const handlers: Handlers = {
  'vault.status': async () => vaultStatus(),
  'vault.create': async ({ passphrase }) => {
    await createVault(passphrase);
    await appendAudit({ event: 'vault-created' });
    return { state: 'unlocked' };
  },
  'vault.unlock': async ({ passphrase }) => {
    await unlockAndResume(passphrase);
    // Unlocked either way; a record that cannot be refreshed stays flagged and is reported when opened.
    await refreshMigratedRecords().catch(() => undefined);
    await appendAudit({ event: 'vault-unlocked' });
    return { state: 'unlocked' };
  },
  'vault.lock': async () => {
    await lockVault();
    return { state: 'locked' };
  },
  'vault.changePassphrase': async ({ current, next }) => {
    await changePassphrase(current, next);
    await appendAudit({ event: 'passphrase-changed' });
    return { state: 'unlocked' };
  },
  'vault.delete': async () => {
    const all = await local.getAll();
    const keys = Object.keys(all).filter(isVaultKey);
    await lockVault();
    await local.remove(keys);
    await appendAudit({ event: 'vault-deleted', detail: t('bg.audit.vaultDeleted', [keys.filter((k) => k.startsWith(storageKeys.recordPrefix)).length]) });
    await updateBadge();
    return { state: 'new', removed: keys.filter((k) => k.startsWith(storageKeys.recordPrefix)).length };
  },
  'vault.unconfirmed': async () => listUnconfirmed(),
  'vault.confirm': async (payload) => decideUnconfirmed(payload),
  'vault.handoffKey': async () => handoffKey(),
  'vault.exportReadable': async (payload) => exportReadable(payload),
  'credentials.list': async () => listSummaries(),
  'credentials.add': async ({ vendor, label, values, template, expiresAt }) => {
    const type = getCredentialType(vendor);
    const checked = validateValues(type, values, { allowMissing: true });
    const record = await addRecord({ vendor, label, values: checked, template, expiresAt });
    await appendAudit({ event: 'added', ...about(record) });
    await refreshAttention(record); // one badge update (maintenance makes it when dated)
    return { id: record.id };
  },
  'credentials.update': async ({ id, values }) => {
    const record = await readRecord(id);
    const type = getCredentialType(record.vendor);
    // A patch is checked as part of the whole: merged with the stored values when the vault is
    // open, field by field when it is locked (the Apple key file can be added either way).
    const current = await openRecord(id).then(({ values: stored }) => stored, () => undefined);
    const merged = current ? validateValues(type, { ...current, ...values }, { allowMissing: true }) : validateValues(type, values, { partial: true });
    const checked = Object.fromEntries(Object.keys(values).map((key) => [key, merged[key]]));
    // Replacing a secret the record already had by another value is a rotation (kept for roll-back);
    // adding a missing one (Apple's key file), a choice (an organization) or the same value is not.
    const { rotated } = await mergeIntoRecord(id, checked, { rotation: 'auto' });
    await appendAudit({ event: rotated ? 'rotated' : 'updated', ...about(record), detail: Object.keys(checked).join(', ') });
    return { id };
  },
  'credentials.updateMeta': async ({ id, ...change }) => {
    const record = await updateMeta(id, change);
    await appendAudit({ event: 'updated', ...about(record), detail: Object.keys(change).join(', ') });
    await refreshAttention(change);
    return { id };
  },
  'credentials.reveal': async ({ id }) => {
    const { record, values } = await openRecord(id);
    await appendAudit({ event: 'revealed', ...about(record) });
    return { values };
  },
  'credentials.test': async ({ id }) => {
    const hostCheck = startHostCheck(id);
    const { record, values } = await openRecord(id);
    const started = performance.now();
    const report = await runCredentialTest(record.vendor, values, { template: record.template, hostCheck });
    const ms = Math.round(performance.now() - started);
    // The result and the audit entry (one write), then the badge if this credential's state changed,
    // follow the answer; a later request waits for them (after-reply.ts).
    afterReply(async () => {
      const audit = { event: 'tested', ...about(record), detail: report.ok ? 'works' : (report.code ?? 'failed') } as const;
      if (await saveOutcome(record, getCredentialType(record.vendor), report, ms, audit)) await updateBadge();
    });
    return report;
  },
  'credentials.remove': async ({ id }) => {
    const record = await readRecord(id).catch(() => undefined); // a damaged record can still be removed
    await removeRecord(id);
    await appendAudit({ event: 'deleted', ...(record ? about(record) : { detail: t('bg.audit.damagedRecord') }) });
    await updateBadge();
    return {};
  },
  'credentials.rollback': async ({ id }) => {
    const record = await rollback(id);
    await appendAudit({ event: 'rolled-back', ...about(record) });
    await updateBadge();
    return { id };
  },
  'credentials.testAll': async (payload) => testAll(payload?.ids),
  'credentials.testAllStatus': async () => testAllProgress(),
  'credentials.export': async (payload) => exportCredentials(payload),
  'credentials.import': async (payload) => importCredentials(payload),
  'credentials.copyAs': async ({ id, format }) => {
    const { record, values } = await openRecord(id);
    const text = formatValues(record.vendor, record.label, values, format);
    await appendAudit({ event: 'copied', ...about(record), detail: format });
    return { text };
  },
  'clipboard.scheduleClear': async () => ({ clearsAt: await scheduleClipboardClear() }),
  'credentials.createAssertion': async ({ id, days }) => {
    const { record, values } = await openRecord(id);
    const type = getCredentialType(record.vendor);
    if (!type.createAssertion) throw new KeyholdError('INVALID_INPUT', t('bg.copy.noAssertion', [type.name]));
    const missing = type.missing?.(values) ?? [];
    if (missing.length) throw new KeyholdError('INCOMPLETE_CREDENTIAL', t('bg.copy.addFirst', [missing.join(', ')]));
    const result = await type.createAssertion(values as never, { days });
    await updateMeta(id, { expiresAt: result.expiresAt });
    await appendAudit({ event: 'copied', ...about(record), detail: t('bg.audit.assertion', [days]) });
    await updateBadge();
    return result;
  },
  'audit.list': async (payload) => readAudit(payload?.limit),
  'guide.selectTemplate': async ({ consoleId, template }) => {
    await selectTemplate(consoleId, template);
    return {};
  },
  'settings.get': async () => readSettings(),
  'settings.update': async (change) => {
    const next = await updateSettings(change);
    await scheduleHealthChecks();
    return next;
  },
  'sites.list': async () => ({ origins: await listSites() }),
  'sites.enable': async ({ origin, pageUrl, tabId }) => enableSite(origin, { pageUrl, tabId }),
  'sites.remove': async ({ origin }) => {
    await removeSite(origin);
    return {};
  },
  'console.state': async (payload) => consoleState(payload?.tabId),
  'capture.prefill': async (payload) => takePrefill(payload?.tabId),
  'capture.submit': async (payload, { sender }) => handleCapture(payload, sender),
  'console.observed': async (payload, { sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId) return {};
    await recordConsoleTab({ tabId, consoleId: payload.consoleId, tenant: payload.tenant, url: sender.url ?? '', step: payload.step, found: payload.found });
    return {};
  },
  'fill.start': async ({ tabId, frameId }) => startFill(tabId, frameId),
  'fill.values': async (payload, { sender }) => fillValues(payload, sender),
};
