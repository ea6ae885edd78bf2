import { describe, expect, it } from 'vitest';
import { apiTenant, apiUrlOfTenant, consoleTenant, deriveApiUrl, explainApiUrl, normaliseApiUrl } from './api-url';

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
    ['acme.api.eu.iru.com', 'https://acme.api.eu.iru.com'],
    ['https://Acme.API.EU.iru.com/api/v1/', 'https://acme.api.eu.iru.com'],
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
    ['acme.eu.iru.com', 'an Iru EU console host'],
    ['eu.api.iru.com', 'the EU label alone before .api'],
    ['acme.api.us.iru.com', 'a region iru.com does not have'],
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
    ['acme.eu.iru.com', 'https://acme.api.eu.iru.com'],
  ])('%s → %s', (host, expected) => {
    expect(deriveApiUrl(host)).toBe(expected);
  });

  it.each([
    'acme.api.kandji.io',
    'acme.api.eu.kandji.io',
    'acme.api.iru.com',
    'acme.api.eu.iru.com',
    'eu.iru.com',
    'www.eu.iru.com',
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
    for (const host of ['acme.kandji.io', 'acme.eu.kandji.io', 'acme.iru.com', 'acme.eu.iru.com']) {
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
    expect(consoleTenant('acme.eu.iru.com')).toEqual({ sub: 'acme', domain: 'eu.iru.com' });
    expect(apiTenant('acme.api.eu.iru.com')).toEqual({ sub: 'acme', domain: 'eu.iru.com' });
  });

  it('says when a console address was pasted instead of the API URL, without echoing it', () => {
    expect(explainApiUrl('https://secretco.kandji.io/devices')).toMatch(/web console address/);
    expect(explainApiUrl('https://secretco.kandji.io/devices')).not.toContain('secretco');
    expect(explainApiUrl('nonsense')).toMatch(/API URL shown on the API tokens page/);
  });
});

describe('API URL of the page’s tenant (#19 item 12)', () => {
  it.each([
    ['acme.kandji.io', 'https://acme.api.kandji.io', true],
    ['acme.eu.kandji.io', 'https://acme.api.eu.kandji.io', true],
    ['acme.iru.com', 'https://acme.api.iru.com', true],
    ['acme.eu.iru.com', 'https://acme.api.eu.iru.com', true],
    ['ACME.eu.iru.com', 'https://acme.api.eu.iru.com', true],
    ['acme.kandji.io', 'https://evil.api.kandji.io', false],
    ['acme.kandji.io', 'https://acme.api.eu.kandji.io', false],
    ['acme.eu.iru.com', 'https://acme.api.iru.com', false],
    // A tenant moved from kandji.io to iru.com keeps its name: its pages may still show the old host.
    ['acme.iru.com', 'https://acme.api.kandji.io', true],
    ['acme.eu.iru.com', 'https://acme.api.eu.kandji.io', true],
    ['acme.iru.com', 'https://acme.api.eu.kandji.io', false],
    ['acme.example.com', 'https://acme.api.kandji.io', false],
  ])('%s shows %s: belongs %s', (consoleHost, apiUrl, expected) => {
    expect(apiUrlOfTenant(consoleHost, apiUrl)).toBe(expected);
  });
});
