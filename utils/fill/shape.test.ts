import { describe, expect, it } from 'vitest';
import { classifyField } from './kinds';
import { chooseShape, dateShape, regionOption, shapeDate, shapeServer, shapesFor, shapeValue } from './shape';
import type { FieldInfo, FieldKind, Shape } from './types';

export function field(partial: Partial<FieldInfo>): FieldInfo {
  return {
    tag: 'input',
    type: 'text',
    name: '',
    id: '',
    label: '',
    placeholder: '',
    autocomplete: '',
    help: '',
    pattern: '',
    hasValue: false,
    ...partial,
  };
}

const JAMF = 'https://acme.jamfcloud.com';
const SELF_HOSTED = 'https://jamf.example.org:8443/jamf';
const IRU = 'https://acme.api.eu.kandji.io';

describe('every server shape', () => {
  it.each<[Shape, string, string]>([
    ['url', JAMF, 'https://acme.jamfcloud.com'],
    ['url-slash', JAMF, 'https://acme.jamfcloud.com/'],
    ['url-api', JAMF, 'https://acme.jamfcloud.com/api'],
    ['host', JAMF, 'acme.jamfcloud.com'],
    ['host-slash', JAMF, 'acme.jamfcloud.com/'],
    ['subdomain', JAMF, 'acme'],
    ['url', SELF_HOSTED, 'https://jamf.example.org:8443/jamf'],
    ['url-api', SELF_HOSTED, 'https://jamf.example.org:8443/jamf/api'],
    ['host', SELF_HOSTED, 'jamf.example.org:8443'],
    ['url', IRU, 'https://acme.api.eu.kandji.io'],
    ['host', IRU, 'acme.api.eu.kandji.io'],
    ['subdomain', IRU, 'acme'],
    ['url', `${JAMF}/`, 'https://acme.jamfcloud.com'],
  ])('%s of %s is %s', (shape, value, expected) => {
    expect(shapeServer(value, shape)).toBe(expected);
  });
});

describe('the shape a server field asks for', () => {
  it.each<[string, Partial<FieldInfo>, Shape]>([
    ['a Base URL with an https example', { label: 'Base URL', placeholder: 'https://yourcompany.jamfcloud.com' }, 'url'],
    ['an example with a trailing slash', { label: 'Jamf Pro API Host', placeholder: 'https://xxxx.jamfcloud.com/' }, 'url-slash'],
    ['an example ending /api', { label: 'URL', help: 'e.g. https://acme.jamfcloud.com/api' }, 'url-api'],
    ['a host example without scheme', { label: 'Server', placeholder: 'acme.jamfcloud.com' }, 'host'],
    ['help text that forbids the protocol', { label: 'Domain', help: 'Must not include protocols such as https://' }, 'host'],
    ['a "Domain" label alone', { label: 'Domain' }, 'host'],
    ['a subdomain box followed by .jamfcloud.com', { label: 'Jamf', suffix: '.jamfcloud.com' }, 'subdomain'],
    ['a "Subdomain" label', { label: 'Subdomain' }, 'subdomain'],
    ['an https:// prefix before the box', { label: 'Server', prefix: 'https://' }, 'host'],
    ['type=url', { label: 'Instance', type: 'url' }, 'url'],
    ['a plain "Server URL"', { label: 'Server URL' }, 'url'],
    ['help that asks for a trailing slash', { label: 'API URL', help: 'Include a trailing slash.' }, 'url-slash'],
  ])('%s', (_, partial, expected) => {
    expect(shapesFor('server', field(partial))[0]).toBe(expected);
  });

  it('a pattern that refuses the preferred shape picks the first it accepts', () => {
    const box = field({ label: 'Server URL', pattern: '[a-z0-9.-]+' });
    expect(chooseShape('server', JAMF, box, shapesFor('server', box))).toEqual({ shape: 'host', text: 'acme.jamfcloud.com' });
    const slash = field({ label: 'Server URL', pattern: 'https://.+/' });
    expect(chooseShape('server', JAMF, slash, shapesFor('server', slash)).text).toBe('https://acme.jamfcloud.com/');
  });
});

describe('regions', () => {
  const jumpcloud = [
    { value: '', text: 'Choose a region' },
    { value: 'https://console.jumpcloud.com', text: 'United States' },
    { value: 'https://console.eu.jumpcloud.com', text: 'Europe' },
    { value: 'https://console.in.jumpcloud.com', text: 'India' },
  ];
  it.each<[string, string, number]>([
    ['us', 'console.jumpcloud.com option', 1],
    ['eu', 'the Europe option', 2],
    ['in', 'the India option', 3],
  ])('%s → %s', (value, _, index) => expect(regionOption(jumpcloud, value)).toBe(index));
  it('codes as option values; an Iru API URL gives its region', () => {
    const coded = [
      { value: 'US', text: 'US' },
      { value: 'EU', text: 'EU' },
    ];
    expect(regionOption(coded, 'eu')).toBe(1);
    expect(regionOption(coded, IRU)).toBe(1);
    expect(regionOption(coded, 'https://acme.api.kandji.io')).toBe(0);
    expect(
      regionOption(
        [
          { value: 'us-eu', text: 'US / EU' },
          { value: 'na', text: 'North America' },
        ],
        'us',
      ),
    ).toBe(1);
  });
  it('a text box gets the code, in capitals when its hint shows capitals', () => {
    expect(shapeValue('region', 'eu', shapesFor('region', field({ label: 'Region' }))[0])).toBe('eu');
    expect(shapeValue('region', 'eu', shapesFor('region', field({ label: 'Region', placeholder: 'US or EU' }))[0])).toBe('EU');
    expect(shapesFor('region', field({ tag: 'select', type: '', label: 'Region' }))).toEqual(['region-option']);
  });
});

describe('dates', () => {
  const expires = new Date(2026, 11, 31, 23, 59).toISOString();
  it.each<[string, Partial<FieldInfo>, string]>([
    ['type=date', { type: 'date' }, '2026-12-31'],
    ['placeholder mm/dd/yyyy', { placeholder: 'mm/dd/yyyy' }, '12/31/2026'],
    ['placeholder DD/MM/YYYY', { placeholder: 'DD/MM/YYYY' }, '31/12/2026'],
    ['help dd.mm.yyyy', { help: 'Format: dd.mm.yyyy' }, '31.12.2026'],
    ['pattern yyyy/mm/dd in the help', { help: 'yyyy/mm/dd' }, '2026/12/31'],
    ['an example date 12/31/2025', { placeholder: 'e.g. 12/31/2025' }, '12/31/2026'],
    ['an example date 31/12/2025', { placeholder: 'e.g. 31/12/2025' }, '31/12/2026'],
    ['type=datetime-local', { type: 'datetime-local' }, '2026-12-31T23:59'],
    ['type=month', { type: 'month' }, '2026-12'],
    ['nothing said', {}, '2026-12-31'],
  ])('%s', (_, partial, expected) => {
    expect(shapeDate(expires, dateShape(field({ label: 'Expiry date', ...partial })))).toBe(expected);
  });
});

describe('private keys', () => {
  const pem = '-----BEGIN PRIVATE KEY-----\nMIGH\nAgEA\n-----END PRIVATE KEY-----';
  it('PEM text in a textarea, escaped on a one-line input that asks for it, a file on a file input', () => {
    expect(shapeValue('privateKey', pem, shapesFor('privateKey', field({ tag: 'textarea', type: '' }))[0])).toBe(`${pem}\n`);
    expect(shapeValue('privateKey', pem, shapesFor('privateKey', field({ help: 'Paste the key on one line with \\n' }))[0])).toBe(
      pem.replace(/\n/g, '\\n'),
    );
    expect(shapesFor('privateKey', field({ type: 'file', accept: '.pem' }))).toEqual(['pem-file']);
  });
});

describe('what a field asks for', () => {
  it.each<[Partial<FieldInfo>, FieldKind | undefined]>([
    [{ label: 'Base URL' }, 'server'],
    [{ label: 'Jamf Pro API Host' }, 'server'],
    [{ label: 'Jamf domain' }, 'server'],
    [{ label: 'Jamf Tenant' }, 'server'],
    [{ label: 'Domain' }, 'server'],
    [{ label: 'API URL' }, 'server'],
    [{ label: 'Client ID' }, 'clientId'],
    [{ label: 'Application (client) ID' }, 'clientId'],
    [{ label: 'Client Password' }, 'clientSecret'],
    [{ label: 'Client Secret' }, 'clientSecret'],
    [{ label: 'API key' }, 'apiKey'],
    [{ label: 'API token' }, 'apiKey'],
    [{ label: 'Key ID' }, 'keyId'],
    [{ label: 'Private Key' }, 'privateKey'],
    [{ label: 'Region' }, 'region'],
    [{ label: 'Organisation ID' }, 'orgId'],
    [{ label: 'Organization ID' }, 'orgId'],
    [{ label: 'Secret expiry date' }, 'expiry'],
    [{ label: '', name: 'client_secret' }, 'clientSecret'],
    [{ label: '', name: 'apiKey' }, 'apiKey'],
    [{ label: '', placeholder: 'https://yourcompany.jamfcloud.com' }, 'server'],
    [{ label: '', type: 'password' }, 'clientSecret'],
    [{ label: '', type: 'url' }, 'server'],
    [{ label: 'Display name' }, undefined],
    [{ label: 'Email', type: 'email' }, undefined],
    [{ type: 'file', accept: '.pem,.p8', label: 'Upload' }, 'privateKey'],
  ])('%o → %s', (partial, kind) => {
    expect(classifyField(field(partial))).toBe(kind);
  });
});
