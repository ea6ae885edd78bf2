// Shared set-up for the security tests: the router with a fake vendor, a vault holding one
// credential, the three kinds of sender, and a byte-exact snapshot of everything stored.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PayloadOf, RequestType } from '../../../utils/protocol';
import { afterReplyDone } from '../../../utils/background/after-reply';

export const self = { id: 'keyhold-id', origin: 'chrome-extension://keyhold-id/' };
export const PASS = 'a long enough passphrase';
export const CONSOLE_URL = 'https://acme.fake-console.test/clients/1';
export const VALUES = { baseUrl: 'https://acme.fake-console.test', clientId: 'client-1', clientSecret: 'captured-secret-123' };

export const senders = {
  page: { id: self.id, url: 'chrome-extension://keyhold-id/popup.html' },
  contentScript: { id: self.id, url: CONSOLE_URL, tab: { id: 7, url: CONSOLE_URL } as never, frameId: 0 },
  foreign: { id: 'other-extension', url: 'chrome-extension://other-extension/x.html' },
};

/** Everything the background keeps, as one string: equal strings mean nothing changed. */
export async function snapshot(): Promise<string> {
  await afterReplyDone(); // what earlier answers left to store (a test result, the activity time) is part of the state
  const local = await fakeBrowser.storage.local.get(null);
  const session = await fakeBrowser.storage.session.get(null);
  return JSON.stringify({ local, session });
}

/**
 * A valid payload for every request type, and which of its fields are required. Typed against the
 * protocol, so a new request type does not compile until it is added here (and so gets fuzzed).
 */
export function requestTemplates(id: string): { [T in RequestType]: { payload: PayloadOf<T>; required: string[] } } {
  const iso = '2030-01-01T00:00:00.000Z';
  return {
    'vault.status': { payload: {}, required: [] },
    'vault.create': { payload: { passphrase: PASS }, required: ['passphrase'] },
    'vault.unlock': { payload: { passphrase: PASS }, required: ['passphrase'] },
    'vault.lock': { payload: {}, required: [] },
    'vault.changePassphrase': { payload: { current: PASS, next: `${PASS} two` }, required: ['current', 'next'] },
    'vault.delete': { payload: { confirm: 'DELETE' }, required: ['confirm'] },
    'vault.unconfirmed': { payload: {}, required: [] },
    'vault.confirm': { payload: { decisions: [{ id, keep: false }] }, required: ['decisions'] },
    'vault.handoffKey': { payload: {}, required: [] },
    'vault.exportReadable': { payload: { vaultPassphrase: PASS, passphrase: `${PASS} file` }, required: ['passphrase'] },
    'credentials.list': { payload: {}, required: [] },
    'credentials.add': {
      payload: { vendor: 'jamf-pro', label: 'A label', values: { ...VALUES }, template: 'inventory', expiresAt: iso },
      required: ['vendor', 'values'],
    },
    'credentials.update': { payload: { id, values: { clientSecret: 'another-secret-456' } }, required: ['id', 'values'] },
    'credentials.updateMeta': { payload: { id, label: 'Renamed', expiresAt: iso, template: 'inventory' }, required: ['id'] },
    'credentials.reveal': { payload: { id }, required: ['id'] },
    'credentials.test': { payload: { id }, required: ['id'] },
    'credentials.remove': { payload: { id }, required: ['id'] },
    'credentials.rollback': { payload: { id }, required: ['id'] },
    'credentials.testAll': { payload: { ids: [id] }, required: [] },
    'credentials.testAllStatus': { payload: {}, required: [] },
    'credentials.export': { payload: { ids: [id], passphrase: `${PASS} file` }, required: ['ids', 'passphrase'] },
    'credentials.import': { payload: { jwe: 'a.b.c.d.e-not-a-real-jwe-but-long-enough', passphrase: PASS }, required: ['jwe'] },
    'credentials.copyAs': { payload: { id, format: 'env' }, required: ['id', 'format'] },
    'clipboard.scheduleClear': { payload: {}, required: [] },
    'credentials.createAssertion': { payload: { id, days: 30 }, required: ['id', 'days'] },
    'audit.list': { payload: { limit: 500 }, required: [] },
    'guide.selectTemplate': { payload: { consoleId: 'jamf-pro', template: 'inventory' }, required: ['consoleId', 'template'] },
    'settings.get': { payload: {}, required: [] },
    'settings.update': { payload: { autoLockMinutes: 5, healthCheckHours: 6 }, required: [] },
    'sites.list': { payload: {}, required: [] },
    'sites.enable': { payload: { origin: 'https://jamf.example.org:8443', pageUrl: 'https://jamf.example.org:8443/jamf/', tabId: 3 }, required: ['origin'] },
    'sites.remove': { payload: { origin: 'https://jamf.example.org:8443' }, required: ['origin'] },
    'console.state': { payload: { tabId: 3 }, required: [] },
    'capture.prefill': { payload: { tabId: 3 }, required: [] },
    'capture.submit': { payload: { vendor: 'jamf-pro', values: { ...VALUES }, expiresAt: iso, template: 'inventory' }, required: ['vendor', 'values'] },
    'console.observed': { payload: { consoleId: 'jamf-pro', tenant: 'acme', step: null, found: ['jamf-pro'] }, required: ['consoleId', 'tenant', 'step', 'found'] },
    'fill.start': { payload: { tabId: 7 }, required: ['tabId'] },
    'fill.values': { payload: { ticket: 'no-such-ticket', id, fields: ['baseUrl', 'clientSecret'] }, required: ['ticket', 'id', 'fields'] },
  };
}

/** Every permission check answers yes, as after the admin granted the console's host. */
export function grantAllHosts(): void {
  fakeBrowser.permissions.contains = vi.fn(async () => true) as never;
}
