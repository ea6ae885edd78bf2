import { describe, expect, it } from 'vitest';
import { basicCredentials } from './api';
import { jumpcloudApiKey } from './api-key';
import { jumpcloudServiceAccount } from './service-account';
import { jumpcloud } from './index';
import { jumpcloudConsole } from './console';
import { jumpcloudDetector } from './detect';
import { guidesFor } from '../guide-registry';

const KEY = 'jca_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78';
const LEGACY = 'a1B2c3D4e5F6a1B2c3D4e5F6a1B2c3D4e5F6a1B2';

describe('API key values', () => {
  const parse = (values: Record<string, unknown>) => jumpcloudApiKey.values.safeParse(values);

  it('accepts jca_ and legacy keys, trims them, and normalises region, org ID and email', () => {
    expect(parse({ apiKey: ` ${KEY}\n`, region: 'EU', orgId: '5F91C8695E980F0001C44611', adminEmail: ' Alex@Acme.example ' }).data).toEqual({
      apiKey: KEY,
      region: 'eu',
      orgId: '5f91c8695e980f0001c44611',
      adminEmail: 'alex@acme.example',
    });
    expect(parse({ apiKey: LEGACY, region: 'us', orgId: '', adminEmail: '' }).data).toEqual({ apiKey: LEGACY, region: 'us' });
  });

  it.each([
    [{ apiKey: 'jca_short', region: 'us' }, /"jca_" followed by 36 letters and digits/],
    [{ apiKey: 'jca_' + 'a'.repeat(35) + '-', region: 'us' }, /"jca_"/],
    [{ apiKey: KEY, region: 'de' }, /US, EU or IN/],
    [{ apiKey: KEY, region: 'us', orgId: '123' }, /24 hexadecimal/],
    [{ apiKey: KEY, region: 'us', adminEmail: 'not-an-email' }, /email/],
    [{ apiKey: KEY, region: 'us', extra: 'x' }, /extra/],
    [{ region: 'us' }, /Enter the API key/],
  ])('rejects %j', (values, message) => {
    const result = parse(values);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => `${issue.message} ${issue.path.join('.')} ${'keys' in issue ? issue.keys : ''}`).join(' ')).toMatch(message);
  });

  it('identity names the admin and region; without an admin, a fingerprint of the key, never the key', () => {
    const a = jumpcloudApiKey.identity({ apiKey: KEY, region: 'eu', adminEmail: 'alex@acme.example' });
    const rotated = jumpcloudApiKey.identity({ apiKey: LEGACY, region: 'eu', adminEmail: 'alex@acme.example', orgId: '5f91c8695e980f0001c44611' });
    expect(a).toBe('api-key|eu|alex@acme.example');
    expect(rotated).toBe(a);
    expect(jumpcloudApiKey.identity({ apiKey: KEY, region: 'eu', adminEmail: 'sam@acme.example' })).not.toBe(a);
    expect(jumpcloudApiKey.identity({ apiKey: KEY, region: 'us', adminEmail: 'alex@acme.example' })).not.toBe(a);
    expect(jumpcloudApiKey.identity({ apiKey: KEY, region: 'us' })).toMatch(/^api-key\|us\|key:[0-9a-f]{16}$/);
    expect(jumpcloudApiKey.identity({ apiKey: KEY, region: 'us' })).not.toContain(KEY.slice(4, 10));
  });

  it('labels, pasted-value recognition and origins', () => {
    expect(jumpcloudApiKey.defaultLabel({ apiKey: KEY, region: 'in', adminEmail: 'alex@acme.example' })).toBe('JumpCloud API key (IN) alex@acme.example');
    expect(jumpcloudApiKey.recognisesPasted!(`  ${KEY} `)).toBe(true);
    expect(jumpcloudApiKey.recognisesPasted!(LEGACY)).toBe(false);
    expect(jumpcloudApiKey.origins({ apiKey: KEY, region: 'eu' })).toEqual(['https://console.eu.jumpcloud.com']);
    expect(jumpcloudApiKey.secretFields).toEqual(['apiKey']);
  });
});

describe('service account values', () => {
  const values = { clientId: 'sa_68d11d62e6adb60001a8121d', clientSecret: 'Zq7-Kp2~Lm9xWv4-Rt8~Ny3sHb', region: 'us' as const };

  it('accepts any printable ID and secret (format is not relied upon)', () => {
    expect(jumpcloudServiceAccount.values.safeParse({ ...values, clientId: '7f3c2a10-5b9e-4c1d-a6e8-0f2b4d6c8a1e' }).success).toBe(true);
    expect(jumpcloudServiceAccount.values.safeParse({ ...values, clientSecret: 'has space in it' }).success).toBe(false);
    expect(jumpcloudServiceAccount.values.safeParse({ ...values, clientSecret: 'short' }).success).toBe(false);
  });

  it('identity is region + Client ID, so a second secret replaces the first', () => {
    expect(jumpcloudServiceAccount.identity(values)).toBe('us|sa_68d11d62e6adb60001a8121d');
    expect(jumpcloudServiceAccount.identity({ ...values, clientSecret: 'another-secret-value' })).toBe('us|sa_68d11d62e6adb60001a8121d');
    expect(jumpcloudServiceAccount.identity({ ...values, region: 'eu' })).toBe('eu|sa_68d11d62e6adb60001a8121d');
  });

  it('labels, pasted-value recognition and origins', () => {
    expect(jumpcloudServiceAccount.defaultLabel(values)).toBe('JumpCloud service account sa_68d11d62e6adb60001a8121d (US)');
    expect(jumpcloudServiceAccount.recognisesPasted!('sa_68d11d62e6adb60001a8121d')).toBe(true);
    expect(jumpcloudServiceAccount.origins({ ...values, region: 'in' })).toEqual(['https://admin-oauth.id.in.jumpcloud.com', 'https://console.in.jumpcloud.com']);
  });
});

describe('Basic credentials for the token request', () => {
  it("match JumpCloud's documented encoding for ordinary IDs and secrets", () => {
    expect(atob(basicCredentials('sa_68d11d62e6adb60001a8121d', 'Zq7-Kp2~Lm9xWv4-Rt8~Ny3sHb'))).toBe('sa_68d11d62e6adb60001a8121d:Zq7-Kp2~Lm9xWv4-Rt8~Ny3sHb');
  });

  it('form-encode reserved characters (RFC 6749 §2.3.1) so a ":" or "+" in a secret survives', () => {
    expect(atob(basicCredentials('id:x', 'a+b/c%d:e!'))).toBe('id%3Ax:a%2Bb%2Fc%25d%3Ae%21');
  });
});

describe('module', () => {
  it('exports the console, both credential types and both guides, recommending the service account', () => {
    expect(jumpcloud.console).toBe(jumpcloudDetector);
    expect(jumpcloudConsole.detect).toBe(jumpcloudDetector.detect);
    expect(jumpcloud.credentialTypes.map((type) => type.id)).toEqual(['jumpcloud-service-account', 'jumpcloud-api-key']);
    expect(guidesFor('jumpcloud').map((guide) => [guide.credentialType, guide.recommended ?? false])).toEqual([
      ['jumpcloud-service-account', true],
      ['jumpcloud-api-key', false],
    ]);
  });

  it('guides: unique step ids, one capture step each, a revoke warning on API key generation, least privilege first', () => {
    const ids = guidesFor('jumpcloud').flatMap((guide) => guide.steps.map((step) => step.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const guide of guidesFor('jumpcloud')) {
      expect(guide.steps.filter((step) => step.capture)).toHaveLength(1);
      expect(guide.templates[0].privileges).toEqual(['Read Only']);
    }
    const generate = guidesFor('jumpcloud')[1].steps.find((step) => step.id === 'key-generate');
    expect(generate?.warning).toMatch(/revokes your current key/);
  });

  it('every field of the form is in the schema, and secret fields are marked', () => {
    for (const type of jumpcloud.credentialTypes) {
      const shape = Object.keys((type.values as unknown as { shape: object }).shape);
      expect(type.fields.map((field) => field.name).sort()).toEqual(shape.sort());
      expect(type.fields.filter((field) => field.secret).map((field) => field.name)).toEqual(type.secretFields);
    }
  });
});
