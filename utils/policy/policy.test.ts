import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { hasPolicy, parsePolicy, policyKeys, readPolicy, readPolicyDetails } from './policy';
import { managedSchema } from './managed-schema';

const THUMB_A = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs';
const THUMB_B = 'oKIywvGUpTVTyxMQ3bwIIeQUudfr_CkLMjCE19ECD-U';

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('parsePolicy', () => {
  it('reads every key of a complete policy', () => {
    const { policy, invalid } = parsePolicy({
      autoLockMinutesMin: 5,
      autoLockMinutesMax: 30,
      healthCheckHours: 24,
      exportAllowed: true,
      exportRecipientKeys: [THUMB_A, THUMB_B],
      selfHostedJamfOrigins: ['https://jamf.example.org:8443'],
      hiddenVendors: ['iru'],
    });
    expect(invalid).toEqual([]);
    expect(policy).toEqual({
      autoLockMinutesMin: 5,
      autoLockMinutesMax: 30,
      healthCheckHours: 24,
      exportAllowed: true,
      exportRecipientKeys: [THUMB_A, THUMB_B],
      selfHostedJamfOrigins: ['https://jamf.example.org:8443'],
      hiddenVendors: ['iru'],
    });
  });

  it('ignores an invalid key and keeps the others', () => {
    const { policy, invalid } = parsePolicy({ autoLockMinutesMax: 'soon', healthCheckHours: 500, hiddenVendors: ['apple'] });
    expect(policy).toEqual({ hiddenVendors: ['apple'] });
    expect(invalid).toEqual(['autoLockMinutesMax', 'healthCheckHours']);
  });

  it('fails closed on the export keys: an unreadable value restricts instead of opening export', () => {
    expect(parsePolicy({ exportAllowed: 'nope' }).policy).toEqual({ exportAllowed: false });
    expect(parsePolicy({ exportRecipientKeys: 42 }).policy).toEqual({ exportRecipientKeys: [] });
  });

  it('drops bad entries of a list but keeps the list', () => {
    const { policy } = parsePolicy({
      exportRecipientKeys: [THUMB_A, 'not-a-thumbprint', `${THUMB_A}=`, 7],
      selfHostedJamfOrigins: ['https://Jamf.Example.org:443/jamf', 'http://plain.example.org', 'https://*.example.org', 'nonsense'],
      hiddenVendors: ['jumpcloud', 'myspace', 'jumpcloud'],
    });
    expect(policy.exportRecipientKeys).toEqual([THUMB_A]);
    expect(policy.selfHostedJamfOrigins).toEqual(['https://jamf.example.org']);
    expect(policy.hiddenVendors).toEqual(['jumpcloud']);
  });

  it('accepts the spellings deployment tools produce (GPO 0/1, numbers as strings, JSON strings)', () => {
    const { policy, invalid } = parsePolicy({
      exportAllowed: 0,
      autoLockMinutesMax: ' 15 ',
      hiddenVendors: '["iru","apple"]',
    });
    expect(invalid).toEqual([]);
    expect(policy).toEqual({ exportAllowed: false, autoLockMinutesMax: 15, hiddenVendors: ['iru', 'apple'] });
  });

  it('keeps the ceiling when the floor is above it', () => {
    const { policy, invalid } = parsePolicy({ autoLockMinutesMin: 60, autoLockMinutesMax: 10 });
    expect(policy).toEqual({ autoLockMinutesMax: 10 });
    expect(invalid).toEqual(['autoLockMinutesMin']);
  });

  it('treats anything but an object as no policy and ignores unknown keys', () => {
    expect(parsePolicy(null).policy).toEqual({});
    expect(parsePolicy(['exportAllowed']).policy).toEqual({});
    expect(parsePolicy({ somethingElse: true, exportAllowed: null }).policy).toEqual({});
    expect(hasPolicy({})).toBe(false);
    expect(hasPolicy({ hiddenVendors: [] })).toBe(true);
  });
});

describe('readPolicy', () => {
  it('reads browser.storage.managed', async () => {
    await fakeBrowser.storage.managed.set({ exportAllowed: false, autoLockMinutesMax: 10, unrelated: 'x' });
    expect(await readPolicy()).toEqual({ exportAllowed: false, autoLockMinutesMax: 10 });
  });

  it('is empty when managed storage is empty', async () => {
    expect(await readPolicy()).toEqual({});
  });

  it('is empty when there is no policy manifest (Firefox rejects the read)', async () => {
    vi.spyOn(browser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await readPolicy()).toEqual({});
  });

  it('is empty when the browser has no managed storage at all', async () => {
    const storage = browser.storage as { managed?: unknown };
    const original = storage.managed;
    delete storage.managed;
    try {
      expect(await readPolicy()).toEqual({});
    } finally {
      storage.managed = original;
    }
  });

  it('reports which keys were unusable', async () => {
    await fakeBrowser.storage.managed.set({ healthCheckHours: -1, exportAllowed: true });
    expect(await readPolicyDetails()).toEqual({ policy: { exportAllowed: true }, invalid: ['healthCheckHours'] });
  });
});

describe('managed-schema.json (built from managed-schema.ts)', () => {
  const schema = JSON.parse(JSON.stringify(managedSchema)) as {
    type: string;
    properties: Record<string, { type: string; title?: string; description?: string; minimum?: number; maximum?: number }>;
  };

  it('declares exactly the keys Keyhold reads, each titled and described for the admin console', () => {
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual([...policyKeys].sort());
    for (const property of Object.values(schema.properties)) {
      expect(property.title).toBeTruthy();
      expect(property.description).toBeTruthy();
    }
  });

  it('has the same bounds as the parser', () => {
    for (const key of ['autoLockMinutesMin', 'autoLockMinutesMax', 'healthCheckHours'] as const) {
      const { type, minimum, maximum } = schema.properties[key];
      expect(type).toBe('integer');
      expect(parsePolicy({ [key]: minimum }).invalid).toEqual([]);
      expect(parsePolicy({ [key]: maximum }).invalid).toEqual([]);
      expect(parsePolicy({ [key]: minimum! - 1 }).invalid).toEqual([key]);
      expect(parsePolicy({ [key]: maximum! + 1 }).invalid).toEqual([key]);
    }
  });

  it('accepts the sample policies in docs/policy', () => {
    const chrome = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/policy/chrome-policy.json'), 'utf8'));
    const firefox = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/policy/firefox-policies.json'), 'utf8'));
    const chromeValues = Object.fromEntries(
      Object.entries(chrome as Record<string, { Value: unknown }>).map(([key, entry]) => [key, entry.Value]),
    );
    const firefoxValues = firefox.policies['3rdparty'].Extensions['keyhold@keyhold.dev'];
    for (const values of [chromeValues, firefoxValues]) {
      const { invalid, policy } = parsePolicy(values);
      expect(invalid).toEqual([]);
      expect(Object.keys(policy).sort()).toEqual([...policyKeys].sort());
    }
  });
});
