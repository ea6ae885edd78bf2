import { describe, expect, it } from 'vitest';
import { classifyValue, fieldValue, fitsField } from './value-formats';

const UUID = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const first = (value: string, consoleId?: Parameters<typeof classifyValue>[1]) => {
  const [guess] = classifyValue(value, consoleId);
  return guess ? `${guess.type}.${guess.field}` : null;
};

describe('classifyValue: a selected value on a console', () => {
  it.each([
    [UUID, 'jamf-pro', 'jamf-pro.clientId'],
    ['Xy7_kP2-qR9sT4uV6wZ8aB1cD3eF5gH7jK9mN2pQ4rS6tU8vW0yZ2bC4dE6fG8h0', 'jamf-pro', 'jamf-pro.clientSecret'],
    [UUID, 'apple', 'apple-business.keyId'],
    [`SCHOOLAPI.${UUID}`, 'apple', 'apple-business.clientId'],
    [UUID, 'iru', 'iru.token'],
    ['acme.api.eu.iru.com', 'iru', 'iru.apiUrl'],
    ['jca_0123456789abcdefghijABCDEFGHIJ012345', 'jumpcloud', 'jumpcloud-api-key.apiKey'],
    ['0123456789abcdefghijABCDEFGHIJ0123456789', 'jumpcloud', 'jumpcloud-api-key.apiKey'],
    ['sa_0123456789abcdef01234567', 'jumpcloud', 'jumpcloud-service-account.clientId'],
    ['Zq3-vX9~bN2mK7pL4wR8tY1uI', 'jumpcloud', 'jumpcloud-service-account.clientSecret'],
    ['5f1b2c3d4e5f60718293a4b5', 'jumpcloud', 'jumpcloud-api-key.orgId'],
    [`  ${UUID}\n`, 'jamf-pro', 'jamf-pro.clientId'],
    ['jca_0123456789abcdefghijABCDEFGHIJ012345', 'jamf-pro', 'jamf-pro.clientSecret'],
    ['hello world', 'jamf-pro', null],
    ['short', 'jumpcloud', null],
    [UUID, 'jumpcloud', 'jumpcloud-service-account.clientSecret'],
    // The Jamf family: a Protect tenant URL names Protect; the rest only on their own consoles.
    ['https://acme.protect.jamfcloud.com', 'jamf-protect', 'jamf-protect.protectUrl'],
    ['acme.protect.jamfcloud.com/token', 'jamf-protect', 'jamf-protect.protectUrl'],
    ['Xy7_kP2-qR9sT4uV6wZ8aB1cD3eF5gH7jK9mN2pQ4rS6tU8vW0yZ2bC4dE6fG8h0', 'jamf-protect', 'jamf-protect.password'],
    ['aB3dE5fG7hJ9kL2mN4pQ6rS8tU0vW2xY', 'jamf-school', 'jamf-school.apiKey'],
    ['apac', 'jamf-platform', 'jamf-platform.region'],
    ['Xy7_kP2-qR9sT4uV6wZ8aB1cD3eF5gH7jK9mN2pQ4rS6tU8vW0yZ2bC4dE6fG8h0', 'jamf-platform', 'jamf-platform.clientSecret'],
    ['https://acme.jamfcloud.com', 'jamf-pro', 'jamf-pro.baseUrl'],
    // A Platform API gateway URL is the integration's region (tokens are region-locked).
    ['https://eu.api.jamfcloud.com', 'jamf-platform', 'jamf-platform.region'],
    ['https://us.api.jamfcloud.com/auth/token', 'jamf-platform', 'jamf-platform.region'],
    ['APAC.api.jamfcloud.com/', 'jamf-platform', 'jamf-platform.region'],
  ] as const)('%s on %s → %s', (value, consoleId, expected) => {
    expect(first(value, consoleId)).toBe(expected);
  });

  it('marks vendor-naming formats strong', () => {
    expect(classifyValue('jca_0123456789abcdefghijABCDEFGHIJ012345')[0].strong).toBe(true);
    expect(classifyValue(UUID)[0].strong).toBe(false);
  });

  it('a Protect URL names Protect on its own; a Jamf Pro-shaped value never names a Jamf sibling', () => {
    expect(classifyValue('https://acme.protect.jamfcloud.com')[0]).toEqual({ type: 'jamf-protect', field: 'protectUrl', strong: true });
    expect(classifyValue('https://acme.jamfcloud.com').filter((guess) => guess.strong || guess.field === 'protectUrl')).toEqual([]);
    for (const guess of classifyValue(UUID)) expect(guess.strong).toBe(false);
    // A number is no format: School's Network ID is taken by its label only.
    expect(classifyValue('12345678', 'jamf-school')).toEqual([]);
  });

  it('a gateway URL names the Platform API on its own and stands for its region code', () => {
    expect(classifyValue('https://eu.api.jamfcloud.com/auth/token')[0]).toEqual({ type: 'jamf-platform', field: 'region', strong: true });
    expect(fieldValue('jamf-platform', 'region', ' https://APAC.api.jamfcloud.com/auth/token ')).toBe('apac');
    expect(fieldValue('jamf-platform', 'region', 'EU')).toBe('eu');
    expect(fieldValue('jamf-pro', 'baseUrl', 'https://eu.api.jamfcloud.com')).toBe('https://eu.api.jamfcloud.com');
    // Not a gateway: another host under api.jamfcloud.com, a region the gateway does not serve, or http.
    for (const value of [
      'https://acme.api.jamfcloud.com',
      'https://in.api.jamfcloud.com',
      'http://eu.api.jamfcloud.com',
      'https://eu.apigw.jamf.com',
    ])
      expect(classifyValue(value).some((guess) => guess.field === 'region')).toBe(false);
  });

  it('checks a value against one field', () => {
    expect(fitsField('jamf-pro', 'clientId', UUID)).toBe(true);
    expect(fitsField('jamf-pro', 'clientId', 'nope')).toBe(false);
    expect(fitsField('iru', 'tokenName', 'Anything at all')).toBe(true);
  });
});
