// One handler per request type. Each receives a payload already parsed by the protocol schema.
import type { Runtime } from 'webextension-polyfill';
import type { PayloadOf, ReplyDataMap, RequestType } from '../protocol';
import { storageKeys } from '../vault/storage-schema';
import { getCredentialType } from '../vendors/registry';
import { validateValues } from '../vendors/validate-values';
import { handleCapture } from './capture';
import { consoleState, recordConsoleTab } from './console-tabs';
import {
  addRecord,
  listSummaries,
  openRecord,
  readRecord,
  refreshMigratedRecords,
  removeRecord,
  saveTestResult,
  updateMeta,
  updateRecord,
} from './credential-store';
import { readSettings, updateSettings } from './settings';
import { enableSite, listSites, removeSite } from './sites';
import { local } from './storage-area';
import type { SenderKind } from './sender';
import { runCredentialTest } from './test-runner';
import { changePassphrase, createVault, lockVault, unlockVault, vaultStatus } from './vault-service';
import { updateBadge } from './badge';

export interface HandlerContext {
  sender: Runtime.MessageSender;
  kind: SenderKind;
}

type Handlers = { [T in RequestType]: (payload: PayloadOf<T>, context: HandlerContext) => Promise<ReplyDataMap[T]> };

export const handlers: Handlers = {
  'vault.status': async () => vaultStatus(),
  'vault.create': async ({ passphrase }) => {
    await createVault(passphrase);
    return { state: 'unlocked' };
  },
  'vault.unlock': async ({ passphrase }) => {
    await unlockVault(passphrase);
    await refreshMigratedRecords().catch(() => undefined);
    return { state: 'unlocked' };
  },
  'vault.lock': async () => {
    await lockVault();
    return { state: 'locked' };
  },
  'vault.changePassphrase': async ({ current, next }) => {
    await changePassphrase(current, next);
    return { state: 'unlocked' };
  },
  'vault.delete': async () => {
    const all = await local.getAll();
    const keys = Object.keys(all).filter((key) => key === storageKeys.vault || key.startsWith(storageKeys.recordPrefix) || key === storageKeys.unlockGuard);
    await lockVault();
    await local.remove(keys);
    await updateBadge();
    return { state: 'new' };
  },
  'credentials.list': async () => listSummaries(),
  'credentials.add': async ({ vendor, label, values, template, expiresAt }) => {
    const type = getCredentialType(vendor);
    const checked = validateValues(type, values, { allowMissing: true });
    const record = await addRecord({ vendor, label, values: checked, template, expiresAt });
    await updateBadge();
    return { id: record.id };
  },
  'credentials.update': async ({ id, values }) => {
    const record = await readRecord(id);
    const type = getCredentialType(record.vendor);
    const checked = validateValues(type, values, { allowMissing: true });
    const rotation = type.secretFields.some((field) => field in checked);
    await updateRecord(id, checked, { rotation: rotation && record.fields.some((field) => type.secretFields.includes(field) && field in checked) });
    return { id };
  },
  'credentials.updateMeta': async ({ id, ...change }) => {
    await updateMeta(id, change);
    await updateBadge();
    return { id };
  },
  'credentials.reveal': async ({ id }) => {
    const { values } = await openRecord(id);
    return { values };
  },
  'credentials.test': async ({ id }) => {
    const { record, values } = await openRecord(id);
    const started = performance.now();
    const report = await runCredentialTest(record.vendor, values, { template: record.template });
    await saveTestResult(id, report, Math.round(performance.now() - started));
    await updateBadge();
    return report;
  },
  'credentials.remove': async ({ id }) => {
    await removeRecord(id);
    await updateBadge();
    return {};
  },
  'settings.get': async () => readSettings(),
  'settings.update': async (change) => updateSettings(change),
  'sites.list': async () => ({ origins: await listSites() }),
  'sites.enable': async ({ origin, tabId }) => enableSite(origin, tabId),
  'sites.remove': async ({ origin }) => {
    await removeSite(origin);
    return {};
  },
  'console.state': async (payload) => consoleState(payload?.tabId),
  'capture.submit': async (payload, { sender }) => {
    const result = await handleCapture(payload, sender);
    await updateBadge();
    return result;
  },
  'console.observed': async (payload, { sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.frameId) return {};
    await recordConsoleTab({ tabId, consoleId: payload.consoleId, tenant: payload.tenant, url: sender.url ?? '', step: payload.step, found: payload.found });
    return {};
  },
};
