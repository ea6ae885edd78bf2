// Keys that every JavaScript object already "has" (constructor, toString, __proto__…) inside the
// user-keyed records of a request answer INVALID_INPUT, never INTERNAL_ERROR, for every request
// that carries `values` (and the recipient JWK, the other user-keyed record), with the real
// vendors, locked and unlocked, and nothing in storage changes.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CompactEncrypt, importJWK, type JWK } from 'jose';
import { fingerprint, HANDOFF_CONTENT_TYPE } from '../../../utils/handoff/handoff';
import { PASS, self, snapshot } from './fixtures';

const { routeMessage } = await import('../../../utils/background/router');

const page = { id: self.id, url: 'chrome-extension://keyhold-id/popup.html' };
const consoleTab = (url: string) => ({ id: self.id, url, tab: { id: 7, url } as never, frameId: 0 });

const RESERVED = [
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__proto__',
  '__defineGetter__',
];

/** Complete values for each vendor, and a page of its console (captures must come from there). */
const VENDORS = {
  'jamf-pro': {
    url: 'https://acme.jamfcloud.com/view/settings',
    values: { baseUrl: 'https://acme.jamfcloud.com', clientId: '3f1c2b9e-7a4d-4e8b-9c2f-5d6a7b8c9d0e', clientSecret: 'S'.repeat(64) },
  },
  'jumpcloud-api-key': { url: 'https://console.jumpcloud.com/#/home', values: { apiKey: `jca_${'a'.repeat(36)}`, region: 'us' } },
  'jumpcloud-service-account': {
    url: 'https://console.jumpcloud.com/#/home',
    values: { clientId: 'a'.repeat(36), clientSecret: 'b'.repeat(64), region: 'us' },
  },
  'apple-business': { url: 'https://business.apple.com/', values: { clientId: 'BUSINESSAPI.3f1c2b9e-7a4d-4e8b-9c2f-5d6a7b8c9d0e' } },
  iru: {
    url: 'https://acme.iru.com/my-company/access',
    values: { apiUrl: 'https://acme.api.iru.com', token: '3f1c2b9e-7a4d-4e8b-9c2f-5d6a7b8c9d0e' },
  },
} as const;

/** `{ ...values, [key]: 'x' }` with the key as an own, enumerable property (as JSON.parse makes it). */
function withKey(values: Record<string, string>, key: string): Record<string, string> {
  const copy = { ...values };
  Object.defineProperty(copy, key, { value: 'x', enumerable: true, configurable: true, writable: true });
  return copy;
}

async function expectRefused(message: unknown, sender: object = page) {
  const before = await snapshot();
  const reply = await routeMessage(message, sender as never, self);
  expect(reply, JSON.stringify(message)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(await snapshot()).toBe(before);
}

let jamfId: string;

beforeEach(async () => {
  fakeBrowser.reset();
  fakeBrowser.permissions.contains = vi.fn(async () => true) as never;
  await routeMessage({ type: 'vault.create', payload: { passphrase: PASS } }, page, self);
  const added = await routeMessage(
    { type: 'credentials.add', payload: { vendor: 'jamf-pro', values: VENDORS['jamf-pro'].values } },
    page,
    self,
  );
  jamfId = (added as { data: { id: string } }).data.id;
});

describe.each(RESERVED)('a "%s" key', (key) => {
  it('in credentials.add and capture.submit values, for every vendor: INVALID_INPUT', async () => {
    for (const [vendor, { url, values }] of Object.entries(VENDORS)) {
      await expectRefused({ type: 'credentials.add', payload: { vendor, values: withKey(values, key) } });
      await expectRefused({ type: 'credentials.add', payload: { vendor, values: withKey({}, key) } });
      await expectRefused({ type: 'capture.submit', payload: { vendor, values: withKey(values, key) } }, consoleTab(url));
    }
  });

  it('in credentials.update values, unlocked and locked: INVALID_INPUT', async () => {
    await expectRefused({ type: 'credentials.update', payload: { id: jamfId, values: withKey({}, key) } });
    await expectRefused({ type: 'credentials.update', payload: { id: jamfId, values: withKey({ clientSecret: 'T'.repeat(64) }, key) } });
    await routeMessage({ type: 'vault.lock' }, page, self);
    await expectRefused({ type: 'credentials.update', payload: { id: jamfId, values: withKey({}, key) } });
    await expectRefused({ type: 'credentials.update', payload: { id: jamfId, values: withKey({ clientSecret: 'T'.repeat(64) }, key) } });
  });

  it('in a recipient JWK or an imported hand-off: INVALID_INPUT', async () => {
    const jwk = withKey({ kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }, key);
    await expectRefused({ type: 'credentials.export', payload: { ids: [jamfId], recipientJwk: jwk } });
    await expectRefused({ type: 'vault.exportReadable', payload: { recipientJwk: jwk } });
    const handoffKey = await routeMessage({ type: 'vault.handoffKey' }, page, self);
    const recipient = (handoffKey as unknown as { data: { jwk: never } }).data.jwk;
    const credential = { vendor: 'jamf-pro' as const, label: 'Imported', values: withKey(VENDORS['jamf-pro'].values, key) };
    // Sealed by hand: Keyhold's own export would never write such a file.
    const plaintext = new TextEncoder().encode(
      JSON.stringify({ version: 1, exportedAt: new Date().toISOString(), credentials: [credential] }),
    );
    const jwe = await new CompactEncrypt(plaintext)
      .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: HANDOFF_CONTENT_TYPE, kid: await fingerprint(recipient) })
      .encrypt(await importJWK(recipient as JWK, 'ECDH-ES+A256KW'));
    await expectRefused({ type: 'credentials.import', payload: { jwe } });
  });
});
