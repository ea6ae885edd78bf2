// Mock Jamf Protect: a strict token endpoint and GraphQL API plus fixture console pages, per tenant.
//
// Hosts: https://<tenant>.protect.jamfcloud.com (acme is seeded with the demo client; any other
// tenant starts empty).
// API: POST /token — JSON {client_id, password} only (a form body, grant_type or client_secret
//   is a 400); wrong pair → 401 {"error":"invalid_client"}; 200 {access_token, expires_in, token_type}.
//   POST /graphql — Authorization is the raw token ("Bearer …" is a 401, as is an unknown or
//   expired token); JSON {query}. Each aliased list* field is resolved against the client's role:
//   a missing permission is an AppSync-style error inside the 200 ({path:[alias], errorType:
//   "Unauthorized"}, data[alias] null); a field the schema lacks fails the whole document with a
//   "FieldUndefined" validation error and no data (the shape graphql-java/AppSync gives; inferred).
// Pages: /administrative/api-clients (list; Create API Client disabled at five clients),
//   /administrative/api-clients/new (form → POST /__mock/api-clients → creation view, once:
//   API Client Configuration with the client ID and password, Token and API Endpoints with the URLs).
import { randomBytes, randomUUID } from 'node:crypto';
import { header, json, type MockRequest, type MockResponse, type VendorMock } from '../server';
import { apiClientsPage, newClientPage } from './pages';

export const PROTECT_HOST = 'acme.protect.jamfcloud.com';
export const PROTECT_URL = `https://${PROTECT_HOST}`;
export const MAX_CLIENTS = 5;
/** Permission names (Administrative → Roles) and the GraphQL list each one guards. */
export const PROTECT_FIELDS: Record<string, string> = {
  listComputers: 'Computers',
  listAlerts: 'Alerts',
  listPlans: 'Plans',
  listAuditLogs: 'Audit Logs',
};

export interface ProtectClient {
  name: string;
  clientId: string;
  password: string;
  permissions: string[];
}

interface Tenant {
  host: string;
  clients: ProtectClient[];
  /** Fields this tenant's /graphql schema knows (the documented schema is smaller than /app). */
  schema: Set<string>;
}

const HOST = /^[a-z0-9-]+\.protect\.jamfcloud\.com$/;

export function createProtectMock() {
  let tenants = new Map<string, Tenant>();
  let tokens = new Map<string, { host: string; clientId: string; expiresAt: number }>();
  let expiresIn = 3600;
  let htmlTokenAnswer = false;

  function init() {
    tenants = new Map();
    tokens = new Map();
    expiresIn = 3600;
    htmlTokenAnswer = false;
    tenant(PROTECT_HOST).clients.push({
      name: 'SIEM feed',
      clientId: 'Xk2mP9qR4tLw',
      password: 'Pw-7hG2kQ9xN4mB8vC1zR5tY',
      permissions: ['Computers', 'Alerts'],
    });
  }

  function tenant(host: string): Tenant {
    let found = tenants.get(host);
    if (!found) {
      found = { host, clients: [], schema: new Set(Object.keys(PROTECT_FIELDS)) };
      tenants.set(host, found);
    }
    return found;
  }

  function addClient(host = PROTECT_HOST, options: Partial<ProtectClient> = {}): ProtectClient {
    const target = tenant(host);
    if (target.clients.length >= MAX_CLIENTS) throw new Error('Jamf Protect allows at most five API clients.');
    const client = {
      name: options.name ?? `Client ${target.clients.length + 1}`,
      clientId: options.clientId ?? randomBytes(9).toString('base64url'),
      password: options.password ?? randomBytes(24).toString('base64url'),
      permissions: options.permissions ?? ['Computers', 'Alerts'],
    };
    target.clients.push(client);
    return client;
  }

  function token(request: MockRequest, target: Tenant): MockResponse {
    if (htmlTokenAnswer)
      return { status: 403, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>403 Forbidden</h1></body></html>' };
    if (request.method !== 'POST') return json(405, { error: 'method_not_allowed' });
    if (!/^application\/json\b/i.test(header(request, 'content-type') ?? '')) return json(400, { error: 'invalid_request' });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.body) as Record<string, unknown>;
    } catch {
      return json(400, { error: 'invalid_request' });
    }
    const keys = Object.keys(body).sort().join(',');
    if (keys !== 'client_id,password' || typeof body.client_id !== 'string' || typeof body.password !== 'string')
      return json(400, { error: 'invalid_request' });
    const client = target.clients.find((c) => c.clientId === body.client_id && c.password === body.password);
    if (!client) return json(401, { error: 'invalid_client' });
    const access = randomBytes(24).toString('hex');
    tokens.set(access, { host: target.host, clientId: client.clientId, expiresAt: Date.now() + expiresIn * 1000 });
    return json(200, { access_token: access, expires_in: expiresIn, token_type: 'Bearer' });
  }

  function graphql(request: MockRequest, target: Tenant): MockResponse {
    if (request.method !== 'POST') return json(405, { errors: [{ message: 'POST only' }] });
    const auth = header(request, 'authorization') ?? '';
    const issued = tokens.get(auth);
    const unauthorized = json(401, {
      errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }],
    });
    if (!issued || issued.host !== target.host || issued.expiresAt <= Date.now()) return unauthorized;
    const client = target.clients.find((c) => c.clientId === issued.clientId);
    let query = '';
    try {
      query = String((JSON.parse(request.body) as { query?: unknown }).query ?? '');
    } catch {
      return json(400, { errors: [{ message: 'Body is not JSON.' }] });
    }
    const fields = [...query.matchAll(/(?:(\w+)\s*:\s*)?(\w+)\s*\(/g)].map(([, alias, field]) => ({ alias: alias ?? field, field }));
    if (!fields.length)
      return json(200, { data: null, errors: [{ errorType: 'ValidationError', message: 'Validation error: no field selected.' }] });
    const unknown = fields.filter(({ field }) => !target.schema.has(field));
    if (unknown.length) {
      return json(200, {
        data: null,
        errors: unknown.map(({ field }) => ({
          errorType: 'FieldUndefined',
          message: `Validation error of type FieldUndefined: Field '${field}' in type 'Query' is undefined @ '${field}'`,
        })),
      });
    }
    const data: Record<string, unknown> = {};
    const errors: unknown[] = [];
    for (const { alias, field } of fields) {
      if (client?.permissions.includes(PROTECT_FIELDS[field]))
        data[alias] = { items: [{ uuid: randomUUID(), id: '1' }], pageInfo: { total: 1 } };
      else {
        data[alias] = null;
        errors.push({
          path: [alias],
          data: null,
          errorType: 'Unauthorized',
          errorInfo: null,
          locations: [{ line: 1, column: 1 }],
          message: `Not Authorized to access ${field} on type Query`,
        });
      }
    }
    return json(200, errors.length ? { data, errors } : { data });
  }

  function internal(request: MockRequest, target: Tenant): MockResponse {
    if (request.method !== 'POST' || request.path !== '/__mock/api-clients') return json(404, { error: 'not found' });
    if (target.clients.length >= MAX_CLIENTS) return json(400, { error: 'The maximum number of API clients has been reached.' });
    const body = JSON.parse(request.body || '{}') as { name?: string; permissions?: string[] };
    const client = addClient(target.host, { name: body.name || 'New client', permissions: body.permissions ?? ['Computers', 'Alerts'] });
    return json(200, { clientId: client.clientId, password: client.password });
  }

  function handle(request: MockRequest): MockResponse | undefined {
    if (!HOST.test(request.host)) return undefined;
    const target = tenant(request.host);
    if (request.path === '/token') return token(request, target);
    if (request.path === '/graphql') return graphql(request, target);
    if (request.path.startsWith('/__mock/')) return internal(request, target);
    if (request.path === '/administrative/api-clients') return apiClientsPage(target.host, target.clients);
    if (request.path === '/administrative/api-clients/new') return newClientPage(target.host, target.clients.length >= MAX_CLIENTS);
    if (request.path === '/' || request.path === '/dashboard') return apiClientsPage(target.host, target.clients);
    return { status: 404, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>Not found</title>' };
  }

  const mock = {
    name: 'jamf-protect',
    hostPatterns: ['*.protect.jamfcloud.com'],
    handle,
    reset: init,
    addClient,
    client: (clientId: string, host = PROTECT_HOST) => tenant(host).clients.find((c) => c.clientId === clientId),
    tenant,
    /** expires_in of new tokens (Protect's lifetime is undocumented; Keyhold reads it). */
    setExpiresIn(seconds: number) {
      expiresIn = seconds;
    },
    /** The token call answers with a web page (a proxy or WAF in front of Protect). */
    setHtmlTokenAnswer(on: boolean) {
      htmlTokenAnswer = on;
    },
  } satisfies VendorMock & Record<string, unknown>;
  init();
  return mock;
}

export type ProtectMock = ReturnType<typeof createProtectMock>;
