// The JumpCloud APIs the extension calls, played strictly: the console API (v1 systemusers and
// organizations, v2 systemgroups) and the admin-oauth token endpoint.
import { header, json, type MockRequest, type MockResponse } from '../server';
import {
  newAccessToken,
  systemGroups,
  systemUsers,
  type Org,
  type Probe,
  type RegionState,
} from './state';

/** JumpCloud's answer to a missing, unknown, revoked or expired key (and to another region's key). */
export const KEY_NOT_FOUND = { error: 'Unauthorized', message: 'Unauthorized: api key user not found' };
/** A multi-tenant admin's request without x-org-id. */
export const NO_ORGANIZATION = { message: 'Unauthorized: no organization selected' };
/** The older, bare 401 body: here, an x-org-id the credential cannot reach. */
export const UNAUTHORIZED = { message: 'Unauthorized' };

interface Principal {
  orgs: Org[];
  multiTenant: boolean;
  deny: Set<Probe>;
}

const errorBody = (status: number, message: string) => json(status, { message });

function authenticate(state: RegionState, request: MockRequest, now: number): Principal | MockResponse {
  const apiKey = header(request, 'x-api-key');
  if (apiKey !== undefined) {
    const record = state.apiKeys.get(apiKey);
    if (!record || (record.expiresAt !== undefined && record.expiresAt <= now)) return json(401, KEY_NOT_FOUND);
    return { orgs: record.orgs, multiTenant: record.multiTenant, deny: record.deny };
  }
  const match = /^Bearer ([\x21-\x7e]+)$/.exec(header(request, 'authorization') ?? '');
  const token = match && state.tokens.get(match[1]);
  const account = token && token.expiresAt > now ? state.serviceAccounts.get(token.clientId) : undefined;
  if (!account) return json(401, KEY_NOT_FOUND);
  return { orgs: [account.org], multiTenant: false, deny: account.deny };
}

/** The API reference's answers ("Multi-Tenant Organization API Headers"). */
export const DOCUMENTED_ORGANIZATION_ANSWERS = {
  missing: { message: 'ID not included for multi-tenant admin' },
  malformed: { message: 'Malformed ID.' },
  notFound: { message: 'Organization ID Not Found.' },
};

/** Which organization a request reads: x-org-id when sent, else the credential's only one. */
function selectOrg(state: RegionState, principal: Principal, request: MockRequest): Org | MockResponse {
  const documented = state.organizationAnswers === 'documented';
  const orgId = header(request, 'x-org-id');
  if (orgId === undefined) {
    if (!principal.multiTenant) return principal.orgs[0];
    return json(401, documented ? DOCUMENTED_ORGANIZATION_ANSWERS.missing : NO_ORGANIZATION);
  }
  if (!/^[0-9a-f]{24}$/.test(orgId)) {
    return documented ? json(400, DOCUMENTED_ORGANIZATION_ANSWERS.malformed) : errorBody(400, 'Bad Request: x-org-id must be an organization ID');
  }
  const found = principal.orgs.find((org) => org.id === orgId);
  if (found) return found;
  return documented ? json(404, DOCUMENTED_ORGANIZATION_ANSWERS.notFound) : json(401, UNAUTHORIZED);
}

/** limit/skip as JumpCloud validates them (limit 0–100). */
function paging(request: MockRequest, defaultLimit: number): { limit: number; skip: number } | MockResponse {
  const limitText = request.query.get('limit') ?? String(defaultLimit);
  const skipText = request.query.get('skip') ?? '0';
  if (!/^\d+$/.test(limitText) || Number(limitText) > 100) return errorBody(400, 'Bad Request: limit must be an integer from 0 to 100');
  if (!/^\d+$/.test(skipText)) return errorBody(400, 'Bad Request: skip must be a non-negative integer');
  return { limit: Number(limitText), skip: Number(skipText) };
}

const isResponse = (value: object): value is MockResponse => 'status' in value && typeof (value as MockResponse).status === 'number';

const ROUTES: Record<string, { probe?: Probe; orgScoped: boolean }> = {
  '/api/systemusers': { probe: 'systemusers', orgScoped: true },
  '/api/v2/systemgroups': { probe: 'systemgroups', orgScoped: true },
  '/api/organizations': { orgScoped: false },
};

export function handleConsoleApi(state: RegionState, request: MockRequest, now: number): MockResponse {
  const route = ROUTES[request.path.replace(/\/+$/, '')];
  if (!route) return errorBody(404, 'Not Found');
  if (request.method !== 'GET') return errorBody(405, 'Method Not Allowed');

  const principal = authenticate(state, request, now);
  if (isResponse(principal)) return principal;
  const page = paging(request, 10);
  if (isResponse(page)) return page;

  if (!route.orgScoped) {
    // The organizations this credential can reach; x-org-id is not needed here.
    const results = principal.orgs.map((org) => ({ _id: org.id, displayName: org.name, logoUrl: '' }));
    return json(200, { totalCount: results.length, results: results.slice(page.skip, page.skip + page.limit) });
  }
  const org = selectOrg(state, principal, request);
  if (isResponse(org)) return org;
  if (route.probe && principal.deny.has(route.probe)) return errorBody(403, 'Forbidden');

  if (route.probe === 'systemusers') {
    const users = systemUsers(org);
    return json(200, { totalCount: users.length, results: users.slice(page.skip, page.skip + page.limit) });
  }
  return json(200, systemGroups(org).slice(page.skip, page.skip + page.limit));
}

const oauthError = (status: number, error: string, description: string, extra: Record<string, string> = {}) =>
  json(status, { error, error_description: description }, extra);

/** RFC 6749 §2.3.1: each half of the Basic credentials is form-encoded. */
const formDecode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));

/** POST /oauth2/token: client_secret_basic only, grant_type=client_credentials, scope=api. */
export function handleToken(state: RegionState, request: MockRequest, now: number): MockResponse {
  if (request.path !== '/oauth2/token') return json(404, { error: 'not_found', error_description: 'Not Found' });
  if (request.method !== 'POST') return oauthError(405, 'invalid_request', 'The token endpoint only accepts POST.', { allow: 'POST' });
  if (!request.form) return oauthError(400, 'invalid_request', 'The request body must be application/x-www-form-urlencoded.');

  const authorization = header(request, 'authorization');
  const challenge = { 'www-authenticate': 'Basic realm="admin-oauth"' };
  if (request.form.has('client_secret')) return oauthError(401, 'invalid_client', 'This client must authenticate with HTTP Basic.', challenge);
  if (!authorization) return oauthError(401, 'invalid_client', 'Client authentication failed: no client credentials were sent.', challenge);
  const basic = /^Basic ([A-Za-z0-9+/]+={0,2})$/.exec(authorization);
  const decoded = basic ? Buffer.from(basic[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon < 1) return oauthError(400, 'invalid_request', 'The Authorization header is not valid HTTP Basic.');
  let clientId: string;
  let clientSecret: string;
  try {
    clientId = formDecode(decoded.slice(0, colon));
    clientSecret = formDecode(decoded.slice(colon + 1));
  } catch {
    return oauthError(400, 'invalid_request', 'The client credentials are not correctly encoded.');
  }

  const grantType = request.form.get('grant_type');
  if (!grantType) return oauthError(400, 'invalid_request', 'The grant_type parameter is missing.');
  if (grantType !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'Only client_credentials is supported.');

  const account = state.serviceAccounts.get(clientId);
  const secret = account?.secrets.find((candidate) => candidate.value === clientSecret);
  if (!account || !secret || secret.expiresAt <= now) {
    return oauthError(401, 'invalid_client', 'Client authentication failed.', challenge);
  }
  if (request.form.get('scope') !== 'api') return oauthError(400, 'invalid_scope', 'The requested scope is invalid; request scope=api.');

  const token = newAccessToken();
  state.tokens.set(token, { clientId, expiresAt: now + account.tokenLifetime * 1000 });
  return json(200, { access_token: token, expires_in: account.tokenLifetime, scope: 'api', token_type: 'bearer' });
}
