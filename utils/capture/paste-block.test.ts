// The side panel's "paste the whole block" parser: one table per language and format.
import { describe, expect, it } from 'vitest';
import { credentialTypes } from '../vendors/descriptions';
import { fieldOfLabel, parseBlock } from './paste-block';

const CLIENT = '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b';
const SECRET = 'Xy7_kP2-qR9sT4uV6wZ8aB1cD3eF5gH7jK9mN2pQ4rS6tU8vW0yZ2bC4dE6fG8h0';
const JCA = 'jca_0123456789abcdefghijABCDEFGHIJ012345';
const SA = 'sa_0123456789abcdef01234567';
const SA_SECRET = 'Zq3-vX9~bN2mK7pL4wR8tY1uI';
const ORG = '5f1b2c3d4e5f60718293a4b5';
const APPLE = 'BUSINESSAPI.9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
const KEY_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const TOKEN = '6f1c2b7e-93a4-4d0b-8e55-0a1b2c3d4e5f';
const PEM = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\nabcdEFGH1234\n-----END PRIVATE KEY-----';

const types = credentialTypes;
const parse = (text: string, context?: Parameters<typeof parseBlock>[2]) => parseBlock(text, types, context);

describe('labels in any language', () => {
  it.each([
    ['Client ID', 'clientId'],
    ['client_id', 'clientId'],
    ['clientId', 'clientId'],
    ['クライアントID', 'clientId'],
    ['クライアント ID：', 'clientId'],
    ['Client-ID', 'clientId'],
    ['ID client', 'clientId'],
    ['Identifiant du client', 'clientId'],
    ['ID de cliente', 'clientId'],
    ['客户端 ID', 'clientId'],
    ['Client Secret', 'clientSecret'],
    ['クライアントシークレット', 'clientSecret'],
    ['Client-Geheimnis', 'clientSecret'],
    ['Secret du client', 'clientSecret'],
    ['Secreto de cliente', 'clientSecret'],
    ['JAMF_CLIENT_SECRET', 'clientSecret'],
    ['Key ID', 'keyId'],
    ['キーID', 'keyId'],
    ['Schlüssel-ID', 'keyId'],
    ['ID de clé', 'keyId'],
    ['ID de la clave', 'keyId'],
    ['API Key', 'apiKey'],
    ['APIキー', 'apiKey'],
    ['API-Schlüssel', 'apiKey'],
    ["Clé d'API", 'apiKey'],
    ['Clave de API', 'apiKey'],
    ['API Token', 'token'],
    ['APIトークン', 'token'],
    ['Jeton API', 'token'],
    ['Token de API', 'token'],
    ['Your organization’s API URL is', 'apiUrl'],
    ['KANDJI_API_URL', 'apiUrl'],
    ["URL de l'API", 'apiUrl'],
    ['Server URL', 'baseUrl'],
    ['JAMF_URL', 'baseUrl'],
    ['URL del servidor', 'baseUrl'],
    ['Organization ID', 'orgId'],
    ['組織ID', 'orgId'],
    ['Organisations-ID', 'orgId'],
    ["ID d'organisation", 'orgId'],
    ['ID de organización', 'orgId'],
    ['Private key', 'privateKey'],
    ['秘密鍵', 'privateKey'],
    ['Clé privée', 'privateKey'],
    ['Región', 'region'],
    ['Devices', undefined],
    ['Serial number', undefined],
  ])('%s → %s', (label, field) => {
    expect(fieldOfLabel(label)).toBe(field);
  });
});

describe('blocks', () => {
  it.each<
    [string, string, Parameters<typeof parseBlock>[2] | undefined, { type: string; values: Record<string, string>; missing?: string[] }]
  >([
    [
      'Jamf Pro, English key: value',
      `Client ID: ${CLIENT}\nClient Secret: ${SECRET}`,
      { consoleId: 'jamf-pro', hints: { baseUrl: 'https://acme.jamfcloud.com' } },
      { type: 'jamf-pro', values: { baseUrl: 'https://acme.jamfcloud.com', clientId: CLIENT, clientSecret: SECRET }, missing: [] },
    ],
    [
      'Jamf Pro, Japanese, label above value, secret first',
      `クライアントシークレット\n${SECRET}\nクライアントID\n${CLIENT}`,
      { consoleId: 'jamf-pro', hints: { baseUrl: 'https://acme.jamfcloud.com' } },
      { type: 'jamf-pro', values: { baseUrl: 'https://acme.jamfcloud.com', clientId: CLIENT, clientSecret: SECRET } },
    ],
    [
      'Jamf Pro, German, tab separated',
      `Client-ID\t${CLIENT}\nClient-Geheimnis\t${SECRET}`,
      { consoleId: 'jamf-pro' },
      { type: 'jamf-pro', values: { clientId: CLIENT, clientSecret: SECRET }, missing: ['baseUrl'] },
    ],
    [
      'Jamf Pro, French, with the server URL in the block',
      `URL du serveur : https://jamf.example.org:8443/jamf\nID client : ${CLIENT}\nSecret du client : ${SECRET}`,
      undefined,
      { type: 'jamf-pro', values: { baseUrl: 'https://jamf.example.org:8443/jamf', clientId: CLIENT, clientSecret: SECRET } },
    ],
    [
      'Jamf Pro, Spanish',
      `ID de cliente: ${CLIENT}\nSecreto de cliente: ${SECRET}`,
      { consoleId: 'jamf-pro', hints: { baseUrl: 'https://acme.jamfcloud.com' } },
      { type: 'jamf-pro', values: { baseUrl: 'https://acme.jamfcloud.com', clientId: CLIENT, clientSecret: SECRET } },
    ],
    [
      'Jamf Pro, .env with export and quotes',
      `# Jamf\nexport JAMF_URL="https://acme.jamfcloud.com"\nJAMF_CLIENT_ID='${CLIENT}'\nJAMF_CLIENT_SECRET=${SECRET}`,
      undefined,
      { type: 'jamf-pro', values: { baseUrl: 'https://acme.jamfcloud.com', clientId: CLIENT, clientSecret: SECRET } },
    ],
    [
      'Jamf Pro, JSON',
      JSON.stringify({ client_id: CLIENT, client_secret: SECRET }, null, 2),
      { consoleId: 'jamf-pro', hints: { baseUrl: 'https://acme.jamfcloud.com' } },
      { type: 'jamf-pro', values: { baseUrl: 'https://acme.jamfcloud.com', clientId: CLIENT, clientSecret: SECRET } },
    ],
    [
      'JumpCloud API key alone, region from the tab',
      JCA,
      { consoleId: 'jumpcloud', hints: { region: 'eu' } },
      { type: 'jumpcloud-api-key', values: { apiKey: JCA, region: 'eu' }, missing: [] },
    ],
    [
      'JumpCloud service account, Japanese labels, values in any order',
      `シークレット: ${SA_SECRET}\nクライアントID: ${SA}\n組織ID: ${ORG}`,
      { consoleId: 'jumpcloud', hints: { region: 'us' } },
      { type: 'jumpcloud-service-account', values: { clientId: SA, clientSecret: SA_SECRET, orgId: ORG, region: 'us' } },
    ],
    [
      'JumpCloud service account, JSON without the console',
      JSON.stringify({ clientId: SA, clientSecret: SA_SECRET }),
      undefined,
      { type: 'jumpcloud-service-account', values: { clientId: SA, clientSecret: SA_SECRET }, missing: ['region'] },
    ],
    [
      'Apple Business, Spanish labels, PEM block',
      `ID de cliente: ${APPLE}\nID de clave: ${KEY_ID}\nClave privada:\n${PEM}`,
      undefined,
      { type: 'apple-business', values: { clientId: APPLE, keyId: KEY_ID, privateKey: PEM } },
    ],
    [
      'Apple School, German labels, key ID first',
      `Schlüssel-ID: ${KEY_ID}\nClient-ID: ${APPLE.replace('BUSINESSAPI', 'SCHOOLAPI')}`,
      { consoleId: 'apple' },
      { type: 'apple-business', values: { clientId: APPLE.replace('BUSINESSAPI', 'SCHOOLAPI'), keyId: KEY_ID }, missing: ['privateKey'] },
    ],
    [
      'Apple, bare values: the UUID is the key ID on the Apple console',
      `${APPLE}\n${KEY_ID}`,
      { consoleId: 'apple' },
      { type: 'apple-business', values: { clientId: APPLE, keyId: KEY_ID } },
    ],
    [
      'Iru, English, the page line and the token',
      `Your organization’s API URL is: acme.api.kandji.io\nAPI Token: ${TOKEN}`,
      undefined,
      { type: 'iru', values: { apiUrl: 'acme.api.kandji.io', token: TOKEN }, missing: [] },
    ],
    [
      'Iru EU on iru.com, French',
      `Jeton API : ${TOKEN}\nURL de l'API : https://acme.api.eu.iru.com/api/v1`,
      { consoleId: 'iru', hints: { apiUrl: 'https://acme.api.eu.iru.com' } },
      { type: 'iru', values: { apiUrl: 'https://acme.api.eu.iru.com/api/v1', token: TOKEN } },
    ],
    [
      'Iru, a bare token on the Iru console takes the tab’s API URL',
      TOKEN,
      { consoleId: 'iru', hints: { apiUrl: 'https://acme.api.iru.com' } },
      { type: 'iru', values: { apiUrl: 'https://acme.api.iru.com', token: TOKEN }, missing: [] },
    ],
    [
      'Iru .env',
      `KANDJI_API_URL=https://acme.api.kandji.io\nKANDJI_TOKEN=${TOKEN}`,
      undefined,
      { type: 'iru', values: { apiUrl: 'https://acme.api.kandji.io', token: TOKEN } },
    ],
    [
      'Jamf Protect, the panel copied whole: the token URL names Protect',
      `Client ID: ${SA_SECRET}\nPassword: ${SECRET}\nToken: https://acme.protect.jamfcloud.com/token`,
      undefined,
      {
        type: 'jamf-protect',
        values: { clientId: SA_SECRET, password: SECRET, protectUrl: 'https://acme.protect.jamfcloud.com/token' },
        missing: [],
      },
    ],
    [
      'Jamf Protect, bare password on the Protect console takes the tab’s URL',
      SECRET,
      { consoleId: 'jamf-protect', hints: { protectUrl: 'https://acme.protect.jamfcloud.com' } },
      { type: 'jamf-protect', values: { protectUrl: 'https://acme.protect.jamfcloud.com', password: SECRET }, missing: ['clientId'] },
    ],
    [
      'Jamf Platform, the region from the token URL is asked for, not guessed from a Jamf Pro-shaped ID',
      `Client ID: ${CLIENT}\nClient Secret: ${SECRET}`,
      { consoleId: 'jamf-platform' },
      { type: 'jamf-platform', values: { clientId: CLIENT, clientSecret: SECRET }, missing: ['region'] },
    ],
    [
      'Jamf Platform, the token URL Jamf Account shows gives the region',
      `Client ID: ${CLIENT}\nClient Secret: ${SECRET}\nToken URL: https://eu.api.jamfcloud.com/auth/token`,
      { consoleId: 'jamf-platform' },
      { type: 'jamf-platform', values: { clientId: CLIENT, clientSecret: SECRET, region: 'eu' }, missing: [] },
    ],
    [
      'Jamf Platform, a bare gateway URL is the region, and names the Platform API anywhere',
      `${SECRET}\nhttps://apac.api.jamfcloud.com`,
      {},
      { type: 'jamf-platform', values: { clientSecret: SECRET, region: 'apac' }, missing: ['clientId'] },
    ],
    [
      'Jamf Platform, a gateway URL under a Region label',
      `Region: https://US.api.jamfcloud.com/\nClient ID: ${CLIENT}\nClient Secret: ${SECRET}`,
      { consoleId: 'jamf-platform' },
      { type: 'jamf-platform', values: { region: 'us', clientId: CLIENT, clientSecret: SECRET }, missing: [] },
    ],
    [
      'a label and its value separated by one space',
      `Client ID ${CLIENT}\nClient Secret ${SECRET}`,
      { consoleId: 'jamf-pro' },
      { type: 'jamf-pro', values: { clientId: CLIENT, clientSecret: SECRET } },
    ],
  ])('%s', (_name, text, context, expected) => {
    const parsed = parse(text, context);
    expect(parsed?.type).toBe(expected.type);
    expect(parsed?.values).toEqual(expected.values);
    if (expected.missing) expect(parsed?.missing).toEqual(expected.missing);
  });

  it('a value whose format does not fit its label is not taken under that label', () => {
    const parsed = parse(`Client ID: not-a-uuid\nClient Secret: ${SECRET}`, { consoleId: 'jamf-pro' });
    expect(parsed?.values).toEqual({ clientSecret: SECRET });
    expect(parsed?.missing).toEqual(['baseUrl', 'clientId']);
  });

  it('nothing recognisable gives null', () => {
    expect(parse('')).toBeNull();
    expect(parse('Devices: 42\nSerial number: C02XYZ')).toBeNull();
    expect(parse('{ not json')).toBeNull();
  });
});

describe('one value typed into the add form', () => {
  it('a gateway URL pasted anywhere becomes the Platform integration’s region, not its secret', () => {
    const platform = types.find((type) => type.id === 'jamf-platform')!;
    expect(platform.recognisesPasted?.('https://eu.api.jamfcloud.com/auth/token')).toBe(true);
    // What the add form does with it (components/add-credential-form.tsx, change()).
    expect(parseBlock('https://eu.api.jamfcloud.com/auth/token', [platform])?.values).toEqual({ region: 'eu' });
  });
});
