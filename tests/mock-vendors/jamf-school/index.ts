// Mock Jamf School: the school API (HTTP Basic networkId:apiKey, X-Server-Protocol-Version) and
// fixture console pages, on https://acmeschool.jamfcloud.com (listed before the Jamf Pro mock,
// which answers every other <name>.jamfcloud.com).
//
// API (/api): every call needs X-Server-Protocol-Version 3 or 4 (else a 404, as School's
//   "misleading 404" for a wrong version), Basic auth with the school's Network ID and a known key
//   (else 401; a Bearer header is a 401), and the key's access right for the resource (else 405
//   "Your API key requires the 'Read' permission for GET /devices", School's answer for a missing
//   right). GET /api/devices (filter: serialnumber) → {code, count, devices}; GET /api/locations.
// Pages: / (dashboard titled "Jamf School"), /organisation/settings/api (Network ID, keys, "Add
//   API Key" dialog → POST /__mock/api-keys → the new key in the dialog), /devices/enroll (the
//   MDM server URL with network=<id>).
import { randomBytes } from 'node:crypto';
import { header, json, type MockRequest, type MockResponse, type VendorMock } from '../server';
import { apiPage, dashboardPage, enrollPage } from './pages';

export const SCHOOL_HOST = 'acmeschool.jamfcloud.com';
export const SCHOOL_URL = `https://${SCHOOL_HOST}`;
export const NETWORK_ID = '48213759';

export interface SchoolKey {
  name: string;
  apiKey: string;
  /** Resources with the Read right, e.g. ['devices', 'locations']. */
  read: string[];
}

const DEVICES = [
  { UDID: '00008030-001A2D3C0E88802E', serialNumber: 'DMPXK2ABCD12', name: 'iPad 1', locationId: 1 },
  { UDID: '00008030-001A2D3C0E88802F', serialNumber: 'DMPXK2ABCD13', name: 'iPad 2', locationId: 1 },
];

export function createSchoolMock() {
  let keys: SchoolKey[] = [];
  let networkId = NETWORK_ID;

  function init() {
    networkId = NETWORK_ID;
    keys = [{ name: 'Asset sync', apiKey: 'Q7W2E9R4T6Y1U3I8O5P0A2S4D6F8G1H3', read: ['devices'] }];
  }

  function addKey(options: Partial<SchoolKey> = {}): SchoolKey {
    const key = {
      name: options.name ?? `Key ${keys.length + 1}`,
      apiKey: options.apiKey ?? randomBytes(16).toString('hex').toUpperCase(),
      read: options.read ?? ['devices'],
    };
    keys.push(key);
    return key;
  }

  function api(request: MockRequest): MockResponse {
    const version = header(request, 'x-server-protocol-version');
    if (version !== '3' && version !== '4') return json(404, { code: 404, message: 'Not found' });
    const auth = /^Basic (.+)$/.exec(header(request, 'authorization') ?? '')?.[1];
    const [id, secret] = auth ? Buffer.from(auth, 'base64').toString('utf8').split(':') : [];
    const key = id === networkId ? keys.find((k) => k.apiKey === secret) : undefined;
    if (!key) return json(401, { code: 401, message: 'Unauthorized' });
    const resource = request.path.split('/')[2] ?? '';
    if (request.method !== 'GET')
      return json(405, { code: 405, message: `Your API key requires the 'Add' permission for ${request.method} /${resource}` });
    if (resource !== 'devices' && resource !== 'locations') return json(404, { code: 404, message: 'Not found' });
    if (!key.read.includes(resource))
      return json(405, { code: 405, message: `Your API key requires the 'Read' permission for GET /${resource}` });
    if (resource === 'locations') return json(200, { code: 200, count: 1, locations: [{ id: 1, name: 'Main campus' }] });
    const serial = request.query.get('serialnumber');
    const devices = serial ? DEVICES.filter((d) => d.serialNumber === serial) : DEVICES;
    return json(200, { code: 200, count: devices.length, devices });
  }

  function handle(request: MockRequest): MockResponse | undefined {
    if (request.host !== SCHOOL_HOST) return undefined;
    if (request.path.startsWith('/api/') && request.path !== '/api/docs') return api(request);
    if (request.path === '/__mock/api-keys' && request.method === 'POST') {
      const body = JSON.parse(request.body || '{}') as { name?: string; read?: string[] };
      return json(200, { apiKey: addKey({ name: body.name || 'New key', read: body.read ?? ['devices'] }).apiKey });
    }
    if (request.path === '/organisation/settings/api') return apiPage(networkId, keys);
    if (request.path === '/devices/enroll') return enrollPage(networkId);
    if (request.path === '/' || request.path === '/dashboard') return dashboardPage();
    return { status: 404, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>Jamf School</title><p>Not found</p>' };
  }

  const mock = {
    name: 'jamf-school',
    hostPatterns: [SCHOOL_HOST],
    handle,
    reset: init,
    addKey,
    key: (apiKey: string) => keys.find((k) => k.apiKey === apiKey),
    get networkId() {
      return networkId;
    },
  } satisfies VendorMock & Record<string, unknown>;
  init();
  return mock;
}

export type SchoolMock = ReturnType<typeof createSchoolMock>;
