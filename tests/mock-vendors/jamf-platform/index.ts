// Mock Jamf Platform API gateway ({us,eu,apac}.api.jamfcloud.com) and Jamf Account
// (account.jamf.com) fixture pages.
//
// Gateway: POST /auth/token — form only (JSON is a 400 invalid_request), grant_type
//   client_credentials, client_id/client_secret; any scope header on the token call is a 400; a
//   wrong secret or an integration of another region is 401 {"error":"invalid_client"}; 200
//   {access_token (opaque), expires_in: 900, refresh_expires_in: 0, token_type: "Bearer", scope: ""}.
// Reads need "Bearer <token>" (a bare token, an unknown or expired one, or one from another region
//   is the plain-text 401 "Authentication failed"; no Authorization is JSON 401 "unauthorized
//   access") and exactly one scope header, answered with the gateway envelope
//   {httpStatus, traceId, errors:[{code, field, description, id}]}:
//   GET /devices/v1/devices (environment scope, devices:read), GET /pro/v1/jamf-pro-version
//   (tenant or environment scope; no Pro permission at all → plain-text 401), GET
//   /licensing/v1/licenses (organization scope, licensing:read, US only: "404 page not found"
//   elsewhere). No scope header → 400 REQUEST_CONTEXT_NOT_PROVIDED; both, or a doubled one, or the
//   wrong level for the endpoint → 400 INVALID_REQUEST_CONTEXT_TYPE; an ID the integration is not
//   scoped to → 403 OWNERSHIP_FORBIDDEN; an unknown environment UUID → 404 ENVIRONMENT_NOT_FOUND (a
//   malformed one → 500); a missing capability or an unrouted path → 403 BAD_PERMISSIONS.
//   setEdgeBlock(true): every gateway call gets CloudFront's HTML 403 (x-amz-cf-id, no traceId).
// Jamf Account: /integrations (list), /integrations/new[?layout=no-token-url] (form → POST /__mock/integrations → the
//   panel with client ID, client secret, token URL and the environment ID, shown once).
import { randomBytes, randomUUID } from 'node:crypto';
import { header, json, type MockRequest, type MockResponse, type VendorMock } from '../server';
import { integrationsPage, newIntegrationPage } from './pages';

export const ACCOUNT_HOST = 'account.jamf.com';
export type Region = 'us' | 'eu' | 'apac';
export type ScopeLevel = 'organization' | 'environment' | 'tenant';
/** Seeded IDs: one environment and one Jamf Pro tenant per region. */
export const ENVIRONMENTS: Record<Region, string> = {
  us: '5d0b8c7e-2f1a-4c3b-9e8d-7a6b5c4d3e2f',
  eu: '6e1c9d8f-3a2b-4d4c-8f9e-8b7c6d5e4f30',
  apac: '7f2d0e9a-4b3c-4e5d-9a0f-9c8d7e6f5a41',
};
export const TENANTS: Record<Region, string> = {
  us: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  eu: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  apac: '3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f',
};

export interface Integration {
  name: string;
  region: Region;
  level: ScopeLevel;
  /** Environment or tenant UUID for those levels. */
  scopeId?: string;
  clientId: string;
  clientSecret: string;
  capabilities: string[];
}

const GATEWAY = /^(us|eu|apac)\.api\.jamfcloud\.com$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const envelope = (status: number, code: string, description: string): MockResponse =>
  json(status, { httpStatus: status, traceId: randomBytes(8).toString('hex'), errors: [{ code, field: '', description, id: '' }] });
const plain = (status: number, text: string): MockResponse => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body: text,
});

export function createPlatformMock() {
  let integrations: Integration[] = [];
  let tokens = new Map<string, { clientId: string; region: Region; expiresAt: number }>();
  let edgeBlock = false;
  let nextReadError: string | undefined;

  function init() {
    integrations = [];
    tokens = new Map();
    edgeBlock = false;
    nextReadError = undefined;
    addIntegration({
      name: 'Inventory sync',
      region: 'eu',
      level: 'environment',
      capabilities: ['devices:read'],
      clientId: 'plt-inventory-eu',
      clientSecret: 'sEcReT-eu-7hG2kQ9xN4mB8vC1zR5tY',
    });
  }

  function addIntegration(options: Partial<Integration> & { region: Region; level: ScopeLevel }): Integration {
    const integration: Integration = {
      name: options.name ?? `Integration ${integrations.length + 1}`,
      region: options.region,
      level: options.level,
      scopeId:
        options.scopeId ??
        (options.level === 'environment' ? ENVIRONMENTS[options.region] : options.level === 'tenant' ? TENANTS[options.region] : undefined),
      clientId: options.clientId ?? randomUUID(),
      clientSecret: options.clientSecret ?? randomBytes(30).toString('base64url'),
      capabilities: options.capabilities ?? [],
    };
    integrations.push(integration);
    return integration;
  }

  function token(request: MockRequest, region: Region): MockResponse {
    if (request.method !== 'POST' || !request.form) return json(400, { error: 'invalid_request' });
    if (header(request, 'x-environment-id') !== undefined || header(request, 'x-tenant-id') !== undefined)
      return json(400, { error: 'invalid_request' });
    const form = request.form;
    if ([...new Set(form.keys())].some((key) => form.getAll(key).length > 1)) return json(400, { error: 'invalid_request' });
    if (form.get('grant_type') !== 'client_credentials') return json(400, { error: 'unsupported_grant_type' });
    const found = integrations.find(
      (i) => i.clientId === form.get('client_id') && i.clientSecret === form.get('client_secret') && i.region === region,
    );
    if (!found) return json(401, { error: 'invalid_client' });
    const access = randomBytes(24).toString('base64url');
    tokens.set(access, { clientId: found.clientId, region, expiresAt: Date.now() + 900_000 });
    return json(200, { access_token: access, expires_in: 900, refresh_expires_in: 0, token_type: 'Bearer', scope: '' });
  }

  /** The one scope header, or an error answer for none, both or a doubled one. */
  function scopeOf(request: MockRequest): { level: ScopeLevel; id?: string } | MockResponse {
    const env = request.headers['x-environment-id'];
    const tenant = request.headers['x-tenant-id'];
    const doubled = (value: unknown) => Array.isArray(value) || (typeof value === 'string' && value.includes(','));
    if ((env !== undefined && tenant !== undefined) || doubled(env) || doubled(tenant)) {
      return envelope(400, 'INVALID_REQUEST_CONTEXT_TYPE', 'Send exactly one scope header per request.');
    }
    if (typeof env === 'string') return { level: 'environment', id: env };
    if (typeof tenant === 'string') return { level: 'tenant', id: tenant };
    return { level: 'organization' };
  }

  function read(request: MockRequest, region: Region): MockResponse {
    const auth = header(request, 'authorization');
    if (auth === undefined) return json(401, { httpStatus: 401, message: 'unauthorized access' });
    const issued = tokens.get(/^Bearer (.+)$/.exec(auth)?.[1] ?? '');
    if (!issued || issued.region !== region || issued.expiresAt <= Date.now()) return plain(401, 'Authentication failed');
    const integration = integrations.find((i) => i.clientId === issued.clientId);
    if (!integration) return plain(401, 'Authentication failed');
    if (nextReadError) {
      const code = nextReadError;
      nextReadError = undefined;
      return envelope(
        code === 'OWNERSHIP_FORBIDDEN' || code === 'BAD_PERMISSIONS' ? 403 : code === 'ENVIRONMENT_NOT_FOUND' ? 404 : 400,
        code,
        'Forced by the test.',
      );
    }
    const route = (
      {
        '/devices/v1/devices': { levels: ['environment'], capability: 'devices:read', product: 'devices' },
        '/pro/v1/jamf-pro-version': { levels: ['tenant', 'environment'], capability: undefined, product: 'pro' },
        '/licensing/v1/licenses': { levels: ['organization'], capability: 'licensing:read', product: 'licensing' },
      } as Record<string, { levels: ScopeLevel[]; capability?: string; product: string }>
    )[request.path];
    if (route?.product === 'licensing' && region !== 'us') return plain(404, '404 page not found');
    if (!route || request.method !== 'GET') return envelope(403, 'BAD_PERMISSIONS', 'Access denied.');
    const scope = scopeOf(request);
    if ('status' in scope) return scope;
    if (scope.level === 'organization' && !route.levels.includes('organization'))
      return envelope(400, 'REQUEST_CONTEXT_NOT_PROVIDED', 'A request context header is required.');
    if (!route.levels.includes(scope.level))
      return envelope(400, 'INVALID_REQUEST_CONTEXT_TYPE', `This API is not published at ${scope.level} scope.`);
    if (scope.level === 'environment') {
      if (!UUID.test(scope.id ?? ''))
        return json(500, {
          httpStatus: 500,
          traceId: randomBytes(8).toString('hex'),
          errors: [{ code: 'INTERNAL_SERVER_ERROR', field: '', description: 'Internal error', id: '' }],
        });
      if (!Object.values(ENVIRONMENTS).includes(scope.id as string))
        return envelope(404, 'ENVIRONMENT_NOT_FOUND', 'Environment not found.');
    }
    if (scope.level !== integration.level || (scope.id && scope.id !== integration.scopeId))
      return envelope(403, 'OWNERSHIP_FORBIDDEN', 'The request context is not owned by the caller.');
    if (route.product === 'pro' && !integration.capabilities.some((c) => c !== 'devices:read' && c !== 'licensing:read'))
      return plain(401, 'Authentication failed');
    if (route.capability && !integration.capabilities.includes(route.capability)) return envelope(403, 'BAD_PERMISSIONS', 'Access denied.');
    if (route.product === 'devices')
      return json(200, {
        page: 0,
        pageSize: 1,
        totalCount: 2,
        totalPages: 2,
        hasNext: true,
        hasPrevious: false,
        results: [{ id: randomUUID() }],
      });
    if (route.product === 'pro') return json(200, { version: '11.31.1-t1787060595569' });
    return json(200, [{ product: 'Jamf Pro', quantity: 100 }]);
  }

  function handle(request: MockRequest): MockResponse | undefined {
    const gateway = GATEWAY.exec(request.host);
    if (gateway) {
      if (edgeBlock)
        return {
          status: 403,
          headers: { 'content-type': 'text/html', 'x-amz-cf-id': 'mock-cf-id', 'x-cache': 'Error from cloudfront' },
          body: '<!DOCTYPE HTML><html><head><title>ERROR: The request could not be satisfied</title></head><body><h1>403 ERROR</h1></body></html>',
        };
      const region = gateway[1] as Region;
      if (request.path === '/auth/token') return token(request, region);
      if (request.path.startsWith('/api/')) return plain(404, '404 page not found');
      return read(request, region);
    }
    if (request.host !== ACCOUNT_HOST) return undefined;
    if (request.path === '/__mock/integrations' && request.method === 'POST') {
      const body = JSON.parse(request.body || '{}') as { name?: string; region?: Region; level?: ScopeLevel; capabilities?: string[] };
      const region = body.region && body.region in ENVIRONMENTS ? body.region : 'us';
      const created = addIntegration({
        name: body.name || 'New integration',
        region,
        level: body.level ?? 'environment',
        capabilities: body.capabilities ?? ['devices:read'],
      });
      return json(200, created);
    }
    if (request.path === '/integrations') return integrationsPage(integrations);
    if (request.path === '/integrations/new') return newIntegrationPage(request.query.get('layout') !== 'no-token-url');
    return integrationsPage(integrations);
  }

  const mock = {
    name: 'jamf-platform',
    hostPatterns: ['us.api.jamfcloud.com', 'eu.api.jamfcloud.com', 'apac.api.jamfcloud.com', ACCOUNT_HOST],
    handle,
    reset: init,
    addIntegration,
    integration: (clientId: string) => integrations.find((i) => i.clientId === clientId),
    /** The next authenticated read answers with this gateway error code (scope errors Keyhold's reads cannot provoke). */
    failNextRead(code: string) {
      nextReadError = code;
    },
    /** CloudFront's WAF blocks the caller: HTML 403s on every gateway host. */
    setEdgeBlock(on: boolean) {
      edgeBlock = on;
    },
  } satisfies VendorMock & Record<string, unknown>;
  init();
  return mock;
}

export type PlatformMock = ReturnType<typeof createPlatformMock>;
