import { describe, expect, it } from 'vitest';
import { apiTenant, consoleTenant, deriveApiUrl, explainApiUrl, normaliseApiUrl } from './api-url';

describe('normaliseApiUrl', () => {
  it.each([
    ['acme.api.kandji.io', 'https://acme.api.kandji.io'],
    ['https://acme.api.kandji.io', 'https://acme.api.kandji.io'],
    ['https://acme.api.kandji.io/', 'https://acme.api.kandji.io'],
    ['https://acme.api.kandji.io/api/v1', 'https://acme.api.kandji.io'],
    ['https://acme.api.kandji.io/api/v1/', 'https://acme.api.kandji.io'],
    ['acme.api.kandji.io/api', 'https://acme.api.kandji.io'],
    ['  HTTPS://Acme.API.Kandji.io/API/V1  ', 'https://acme.api.kandji.io'],
    ['http://acme.api.kandji.io', 'https://acme.api.kandji.io'],
    ['https://acme.api.kandji.io:443/api/v1', 'https://acme.api.kandji.io'],
    ['acme.api.kandji.io.', 'https://acme.api.kandji.io'],
    ['acme.api.eu.kandji.io', 'https://acme.api.eu.kandji.io'],
    ['https://acme.api.eu.kandji.io/api/v1/', 'https://acme.api.eu.kandji.io'],
    ['acme.api.iru.com', 'https://acme.api.iru.com'],
    ['https://acme-corp-2.api.iru.com/api/v1', 'https://acme-corp-2.api.iru.com'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseApiUrl(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['acme.kandji.io', 'a Kandji console host'],
    ['https://acme.eu.kandji.io', 'a Kandji EU console host'],
    ['acme.iru.com', 'an Iru console host'],
    ['api.kandji.io', 'the API root without a tenant'],
    ['www.api.kandji.io', 'a reserved name'],
    ['acme.api.kandji.io.evil.example', 'a look-alike host'],
    ['acme.api.kandji.io@evil.example', 'user-info trick'],
    ['acme.clients.us-1.kandji.io', 'the retired API host form'],
    ['acme.api.eu.iru.com', 'an unconfirmed EU form on iru.com'],
    ['https://acme.api.kandji.io/api/v1/devices', 'an endpoint, not the base'],
    ['https://acme.api.kandji.io/?x=1', 'a query'],
    ['https://acme.api.kandji.io:8443', 'another port'],
    ['a.b.api.kandji.io', 'two labels before .api'],
    ['-acme.api.kandji.io', 'a label starting with a hyphen'],
    ['ftp://acme.api.kandji.io', 'another scheme'],
  ])('refuses %s (%s)', (input) => {
    expect(normaliseApiUrl(input)).toBeNull();
  });
});

describe('deriveApiUrl', () => {
  it.each([
    ['acme.kandji.io', 'https://acme.api.kandji.io'],
    ['ACME.Kandji.io', 'https://acme.api.kandji.io'],
    ['acme.eu.kandji.io', 'https://acme.api.eu.kandji.io'],
    ['acme.iru.com', 'https://acme.api.iru.com'],
    ['big-co.iru.com', 'https://big-co.api.iru.com'],
  ])('%s → %s', (host, expected) => {
    expect(deriveApiUrl(host)).toBe(expected);
  });

  it.each([
    'acme.api.kandji.io',
    'acme.api.eu.kandji.io',
    'acme.api.iru.com',
    'www.kandji.io',
    'support.kandji.io',
    'kandji.io',
    'eu.kandji.io',
    'docs.iru.com',
    'acme.example.com',
  ])('no API URL for %s', (host) => {
    expect(deriveApiUrl(host)).toBeNull();
  });

  it('derives what normaliseApiUrl accepts', () => {
    for (const host of ['acme.kandji.io', 'acme.eu.kandji.io', 'acme.iru.com']) {
      const derived = deriveApiUrl(host)!;
      expect(normaliseApiUrl(derived)).toBe(derived);
    }
  });
});

describe('tenants and explanations', () => {
  it('splits console and API hosts', () => {
    expect(consoleTenant('acme.eu.kandji.io')).toEqual({ sub: 'acme', domain: 'eu.kandji.io' });
    expect(apiTenant('acme.api.iru.com')).toEqual({ sub: 'acme', domain: 'iru.com' });
    expect(consoleTenant('acme.api.kandji.io')).toBeNull();
    expect(apiTenant('acme.kandji.io')).toBeNull();
  });

  it('says when a console address was pasted instead of the API URL, without echoing it', () => {
    expect(explainApiUrl('https://secretco.kandji.io/devices')).toMatch(/web console address/);
    expect(explainApiUrl('https://secretco.kandji.io/devices')).not.toContain('secretco');
    expect(explainApiUrl('nonsense')).toMatch(/API URL shown on the API tokens page/);
  });
});
