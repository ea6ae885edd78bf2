// The fixture console's own back end on business.apple.com / school.apple.com (same origin as the
// page): list, create, generate a key, revoke. Every value the pages show comes from here, so it
// is a value the mock token endpoint and API accept.
import { html, json, type MockRequest, type MockResponse } from '../server';
import { createAccount, generateKey, revokeKey, summary } from './accounts';
import { consolePage } from './pages';
import { BUSINESS_PERMISSIONS, MDM_SERVERS, ORG_DEVICES, type AppleKind, type AppleState } from './state';

const PREFIX = '/mock-console';

export function handleConsole(request: MockRequest, state: AppleState, kind: AppleKind): MockResponse {
  if (!request.path.startsWith(`${PREFIX}/`)) {
    if (request.method !== 'GET') return json(405, { error: 'method not allowed' });
    // A single-page app: every path serves the shell; the hash route picks the view.
    if (request.path !== '/' && request.path !== '/index.html') return { status: 302, headers: { location: '/#/main/devices' } };
    return html(consolePage(kind, { pageDelayMs: state.pageDelayMs, permissions: BUSINESS_PERMISSIONS }));
  }
  const route = request.path.slice(PREFIX.length);
  const accounts = state.accounts.filter((account) => account.kind === kind);

  if (route === '/devices' && request.method === 'GET') {
    return json(200, ORG_DEVICES.map((device) => ({ ...device, server: device.server === null ? null : MDM_SERVERS[device.server].serverName })));
  }
  if (route === '/api-accounts' && request.method === 'GET') return json(200, accounts.map(summary));
  if (route === '/api-accounts' && request.method === 'POST') {
    const body = parseBody(request);
    const name = typeof body?.name === 'string' ? body.name.trim() : '';
    if (!name || name.length > 100) return json(400, { error: 'An API account needs a label of 1 to 100 characters.' });
    const permissions = Array.isArray(body?.permissions) ? body.permissions.filter((item): item is string => BUSINESS_PERMISSIONS.includes(item as string)) : [];
    try {
      return json(201, summary(createAccount(state, { kind, name, permissions })));
    } catch (error) {
      return json(409, { error: (error as Error).message });
    }
  }
  const match = /^\/api-accounts\/([0-9a-f-]{36})(\/private-key|\/revoke)?$/.exec(route);
  const account = match && accounts.find((candidate) => candidate.id === match[1]);
  if (!match || !account) return json(404, { error: 'not found' });
  if (!match[2] && request.method === 'GET') return json(200, summary(account));
  if (match[2] === '/private-key' && request.method === 'POST') {
    if (account.keyId) return json(409, { error: 'This API account already has a private key. Revoke it to generate a new one.' });
    const pem = generateKey(account)!;
    return json(201, { fileName: account.keyFileName, pem });
  }
  if (match[2] === '/revoke' && request.method === 'POST') {
    if (!account.keyId) return json(409, { error: 'There is no private key to revoke.' });
    revokeKey(account);
    return json(200, summary(account));
  }
  return json(405, { error: 'method not allowed' });
}

function parseBody(request: MockRequest): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(request.body);
    return value && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}
