// The mock Jamf Pro API: a strict OAuth client-credentials token endpoint and the handful of
// read endpoints Keyhold probes, each guarded by a bearer token and Jamf's privileges.
import { timingSafeEqual } from 'node:crypto';
import { bearer, json, type MockRequest, type MockResponse } from '../server';
import { buildings, computerGroups, computers, departments, mobileDevices, requiredPrivileges, smartComputerGroups } from './data';
import { privilegesOf, signToken, type IssuedToken, type JamfClient, type JamfServer } from './state';

export interface ApiContext {
  server: JamfServer;
  request: MockRequest;
  /** Path under {base}/api, e.g. '/v1/jamf-pro-version'. */
  path: string;
  now: number;
  tokens: Map<string, IssuedToken>;
}

/** Jamf's error envelope (ApiError). */
export function envelope(status: number, code: string, description: string, field: string | null = null): MockResponse {
  return json(status, { httpStatus: status, errors: [{ code, description, id: '0', field }] });
}

const unauthorized = () => envelope(401, 'INVALID_TOKEN', 'Unauthorized');
const oauthError = (status: number, error: string) => json(status, { error });

type Handler = (context: ApiContext, client: JamfClient | undefined) => MockResponse;

const routes: Record<string, Handler> = {
  'GET /v1/jamf-pro-version': ({ server }) => json(200, { version: server.version }),
  'POST /v1/auth/invalidate-token': ({ request, tokens }) => {
    const issued = tokens.get(bearer(request) ?? '');
    if (issued) issued.invalidated = true;
    return { status: 204 };
  },
  'GET /v1/computers-inventory': (context) => inventory(context, 'v1'),
  'GET /v3/computers-inventory': (context) => inventory(context, 'v3'),
  'GET /v2/mobile-devices': (context) => paged(context, mobileDevices),
  'GET /v1/buildings': (context) => paged(context, buildings),
  'GET /v1/departments': (context) => paged(context, departments),
  'GET /v1/computer-groups': () => json(200, computerGroups),
  'GET /v2/computer-groups/smart-groups': (context) => paged(context, smartComputerGroups),
  'GET /v1/api-roles': (context) => paged(context, context.server.roles),
};

const knownPaths = new Set(Object.keys(routes).map((key) => key.split(' ')[1]));

export function handleApi(context: ApiContext): MockResponse {
  const { server, request, path, now, tokens } = context;
  if (path === '/oauth/token' || path === '/v1/oauth/token') {
    // A server from before /api/v1/oauth/token has no such route at all.
    if (path === '/v1/oauth/token' && server.legacyTokenPathOnly) return envelope(404, 'NOT_FOUND', 'Not Found');
    return tokenEndpoint(context);
  }
  // Every other API call needs a live token issued by this server.
  const issued = tokens.get(bearer(request) ?? '');
  if (!issued || issued.invalidated || issued.expiresAt <= now || issued.host !== server.host) return unauthorized();
  const route = routes[`${request.method} ${path}`];
  if (!route || (path.endsWith('/computers-inventory') && !server.inventoryApis.includes(path.startsWith('/v3') ? 'v3' : 'v1'))) {
    return knownPaths.has(path) && route === undefined
      ? envelope(405, 'METHOD_NOT_ALLOWED', 'Method Not Allowed')
      : json(404, { httpStatus: 404, errors: [] });
  }
  const client = server.clients.find((candidate) => candidate.clientId === issued.clientId);
  // A deleted client's token lives on (as in Jamf) but holds no role, so no privilege.
  const held = client ? privilegesOf(server, client) : new Set<string>();
  const missing = (requiredPrivileges[`${request.method} ${path}`] ?? []).filter((name) => !held.has(name));
  if (missing.length) return envelope(403, 'INVALID_PRIVILEGE', 'Forbidden');
  return route(context, client);
}

function tokenEndpoint({ server, request, now, tokens }: ApiContext): MockResponse {
  if (request.method !== 'POST') return oauthError(400, 'invalid_request');
  if (!request.form) return oauthError(400, 'invalid_request');
  // Credentials in the query string would land in logs: refused, as is any repeated parameter.
  if ([...request.query.keys()].length) return oauthError(400, 'invalid_request');
  const form = request.form;
  if ([...new Set(form.keys())].some((key) => form.getAll(key).length > 1)) return oauthError(400, 'invalid_request');
  const grantType = form.get('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request');
  if (grantType !== 'client_credentials') return oauthError(400, 'unsupported_grant_type');
  const clientId = form.get('client_id');
  const secret = form.get('client_secret');
  if (!clientId || !secret) return oauthError(400, 'invalid_request');
  const client = server.clients.find((candidate) => candidate.clientId === clientId);
  if (!client || !client.enabled || !client.clientSecret || !sameText(client.clientSecret, secret)) {
    return oauthError(401, 'invalid_client');
  }
  const scope = form.get('scope');
  if (scope && !scope.split(' ').every((part) => client.roleIds.some((id) => part === `api-role:${id}`))) {
    return oauthError(400, 'invalid_scope');
  }
  const expiresAt = now + client.accessTokenLifetime * 1000;
  const token = signToken(client, now, expiresAt);
  tokens.set(token, { host: server.host, clientId: client.clientId, issuedAt: now, expiresAt, invalidated: false });
  return json(200, {
    access_token: token,
    scope: scope ?? client.roleIds.map((id) => `api-role:${id}`).join(' '),
    token_type: 'Bearer',
    // Jamf reports one second less than the configured lifetime (599 for 600).
    expires_in: client.accessTokenLifetime - 1,
  });
}

function sameText(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

const SECTIONS = new Set([
  'GENERAL', 'DISK_ENCRYPTION', 'PURCHASING', 'APPLICATIONS', 'STORAGE', 'USER_AND_LOCATION', 'CONFIGURATION_PROFILES',
  'PRINTERS', 'SERVICES', 'HARDWARE', 'LOCAL_USER_ACCOUNTS', 'CERTIFICATES', 'ATTACHMENTS', 'PLUGINS', 'PACKAGE_RECEIPTS',
  'FONTS', 'SECURITY', 'OPERATING_SYSTEM', 'LICENSED_SOFTWARE', 'IBEACONS', 'SOFTWARE_UPDATES', 'EXTENSION_ATTRIBUTES',
  'CONTENT_CACHING', 'GROUP_MEMBERSHIPS',
]);

function inventory(context: ApiContext, generation: 'v1' | 'v3'): MockResponse {
  const bad = context.request.query.getAll('section').find((section) => !SECTIONS.has(section));
  if (bad !== undefined) return envelope(400, 'INVALID_FIELD', `Invalid section (${generation})`, 'section');
  return paged(context, computers);
}

/** Jamf's page / page-size query (page from 0, size 1–2000), answered as {totalCount, results}. */
function paged(context: ApiContext, items: unknown[]): MockResponse {
  const query = context.request.query;
  const page = integer(query.get('page') ?? '0');
  const size = integer(query.get('page-size') ?? '100');
  if (page === undefined || page < 0) return envelope(400, 'INVALID_FIELD', 'page must be 0 or more', 'page');
  if (size === undefined || size < 1 || size > 2000) return envelope(400, 'INVALID_FIELD', 'page-size must be 1 to 2000', 'page-size');
  return json(200, { totalCount: items.length, results: items.slice(page * size, page * size + size) });
}

function integer(text: string): number | undefined {
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}
