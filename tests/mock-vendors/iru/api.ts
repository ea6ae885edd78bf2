// The strict Iru (Kandji) API on <sub>.api[.eu].kandji.io / <sub>.api.iru.com. Kandji runs Django
// REST Framework (gunicorn, `{"detail": …}` errors, Django's HTML 404 page), so the order of checks
// is DRF's: URL → content negotiation → authentication → method → permission → lookup. Bodies
// documented by Iru: 403 `{"detail":"You do not have permission to perform this action."}` and
// 429 `{"message":"API rate limit exceeded"}`. The 401 bodies are DRF's defaults (unconfirmed).
import { bearer, header, type MockRequest, type MockResponse } from '../server';
import {
  blueprintItem,
  deviceApps,
  deviceDetails,
  deviceListItem,
  deviceRecord,
  type MockDevice,
  type Tenant,
  type TokenRecord,
} from './state';

const JSON_TYPE = { 'content-type': 'application/json' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_LIMIT = 300;

export const PERMISSION_DENIED_BODY = { detail: 'You do not have permission to perform this action.' };
export const RATE_LIMITED_BODY = { message: 'API rate limit exceeded' };
export const NOT_PROVIDED_BODY = { detail: 'Authentication credentials were not provided.' };
export const INVALID_TOKEN_BODY = { detail: 'Invalid token.' };
/** Kandji's own 404 page (from the collection's 404 examples). */
export const NOT_FOUND_HTML =
  '\n<!doctype html><html lang="en"><head><title>Not Found</title></head><body><h1>Not Found</h1><p>The requested resource was not found on this server.</p></body></html>\n';
const SERVER_ERROR_HTML =
  '<!doctype html><html lang="en"><head><title>Server Error (500)</title></head><body><h1>Server Error (500)</h1><p></p></body></html>\n';
const SIGN_IN_HTML =
  '<!doctype html><html lang="en"><head><title>Sign in</title></head><body><h1>Sign in to continue</h1><form><input name="email"></form></body></html>';

const json = (status: number, body: unknown, headers: Record<string, string> = {}): MockResponse => ({
  status,
  headers: { ...JSON_TYPE, ...headers },
  body,
});
const html = (status: number, body: string): MockResponse => ({ status, headers: { 'content-type': 'text/html; charset=utf-8' }, body });

interface Route {
  pattern: RegExp;
  permission: string;
  answer(tenant: Tenant, request: MockRequest, id: string): MockResponse;
}

const routes: Route[] = [
  { pattern: /^\/api\/v1\/devices\/?$/, permission: 'Device list', answer: listDevices },
  { pattern: /^\/api\/v1\/devices\/([^/]+)\/?$/, permission: 'Device ID', answer: (t, _r, id) => byDevice(t, id, deviceRecord) },
  {
    pattern: /^\/api\/v1\/devices\/([^/]+)\/details\/?$/,
    permission: 'Device details',
    answer: (t, _r, id) => byDevice(t, id, deviceDetails),
  },
  { pattern: /^\/api\/v1\/devices\/([^/]+)\/apps\/?$/, permission: 'Application list', answer: (t, _r, id) => byDevice(t, id, deviceApps) },
  { pattern: /^\/api\/v1\/blueprints\/?$/, permission: 'List Blueprints', answer: listBlueprints },
];

/** Answer one request to a known tenant's API host. Every request counts against the tenant. */
export function handleApi(tenant: Tenant, tokens: TokenRecord[], request: MockRequest): MockResponse {
  tenant.requests += 1;
  const answer = answerApi(tenant, tokens, request);
  return tenant.delayMs ? { ...answer, delayMs: tenant.delayMs } : answer;
}

function answerApi(tenant: Tenant, tokens: TokenRecord[], request: MockRequest): MockResponse {
  // The rate limiter sits in front of the application and counts every call, good or bad.
  if (tenant.rateLimit || tenant.requests > tenant.hourlyLimit) {
    const retryAfter = tenant.rateLimit ? tenant.rateLimit.retryAfter : 3600;
    return json(429, RATE_LIMITED_BODY, retryAfter === null ? {} : { 'retry-after': String(retryAfter) });
  }
  if (tenant.failStatus) return html(tenant.failStatus, SERVER_ERROR_HTML);
  if (tenant.html) return html(200, SIGN_IN_HTML);

  const route = routes.find((candidate) => candidate.pattern.test(request.path));
  if (!route) return html(404, NOT_FOUND_HTML);
  const accept = header(request, 'accept');
  if (accept && !/application\/json|application\/\*|\*\/\*/i.test(accept)) {
    return json(406, { detail: 'Could not satisfy the request Accept header.' });
  }

  const authorization = header(request, 'authorization');
  const value = bearer(request);
  if (!authorization || value === undefined) return json(401, NOT_PROVIDED_BODY, { 'www-authenticate': 'Bearer realm="api"' });
  const token = UUID.test(value) ? tokens.find((t) => t.token === value && t.apiHost === tenant.apiHost && !t.revoked) : undefined;
  if (!token) return json(401, INVALID_TOKEN_BODY, { 'www-authenticate': 'Bearer realm="api"' });

  if (request.method !== 'GET') return json(405, { detail: `Method "${request.method}" not allowed.` });
  if (!token.permissions.has(route.permission)) return json(403, PERMISSION_DENIED_BODY);
  const id = route.pattern.exec(request.path)?.[1] ?? '';
  return route.answer(tenant, request, id);
}

/** limit/offset as DRF's LimitOffsetPagination reads them; Kandji caps a page at 300 devices. */
function page(request: MockRequest, fallback: number): { limit: number; offset: number } | MockResponse {
  const read = (value: string | null, min: number) => {
    if (value === null || value === '') return undefined;
    return /^\d+$/.test(value) && Number(value) >= min ? Number(value) : null;
  };
  const limit = read(request.query.get('limit'), 1);
  const offset = read(request.query.get('offset'), 0);
  if (limit === null) return json(400, { limit: ['A valid integer is required.'] });
  if (offset === null) return json(400, { offset: ['A valid integer is required.'] });
  return { limit: Math.min(limit ?? fallback, MAX_LIMIT), offset: offset ?? 0 };
}

function listDevices(tenant: Tenant, request: MockRequest): MockResponse {
  const paging = page(request, MAX_LIMIT);
  if ('status' in paging) return paging;
  return json(200, tenant.devices.slice(paging.offset, paging.offset + paging.limit).map(deviceListItem));
}

function byDevice(tenant: Tenant, id: string, body: (device: MockDevice) => unknown): MockResponse {
  const device = UUID.test(id) ? tenant.devices.find((candidate) => candidate.id === id.toLowerCase()) : undefined;
  return device ? json(200, body(device)) : html(404, NOT_FOUND_HTML);
}

function listBlueprints(tenant: Tenant, request: MockRequest): MockResponse {
  const paging = page(request, 100);
  if ('status' in paging) return paging;
  const { limit, offset } = paging;
  const link = (at: number) => `${tenant.apiUrl}/api/v1/blueprints?limit=${limit}${at ? `&offset=${at}` : ''}`;
  const count = tenant.blueprints.length;
  return json(200, {
    count,
    next: offset + limit < count ? link(offset + limit) : null,
    previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
    results: tenant.blueprints.slice(offset, offset + limit).map((blueprint) => blueprintItem(blueprint, tenant.devices)),
  });
}
