// Strict, stateful JumpCloud mock: the console API and token endpoint of all three regions, plus
// a fixture Admin Portal on each console host.
//
// Fixture URLs (same app on https://console.jumpcloud.com, https://console.eu.jumpcloud.com and
// https://console.in.jumpcloud.com; the region comes from the host, hash routes like the real one):
//   /#/home                          Decoy: API help with an example jca_ key in <code>, masked
//                                    "API Key" and "Client Secret" values, a 40-hex build hash, a
//                                    UUID, a lone Client ID. Nothing on it is a credential.
//   /#/settings/service-accounts     Settings → Service Accounts tab: list + "+ New" (#new-service-account).
//   /#/settings/service-accounts/new New Service Account form: Name (#sa-name), Role (#sa-role),
//                                    Key Type radio "Client Secret", then Secret Lifetime
//                                    (#sa-lifetime) appears; Activate (#sa-activate). 600 ms after
//                                    Activate the once-shown dialog (#sa-credentials, role=dialog)
//                                    shows Client ID (#sa-client-id) and Client Secret
//                                    (#sa-client-secret) in readonly inputs, Secret Lifetime and
//                                    Expires On; Close (#sa-close) goes to the account's page.
//   /#/settings/service-accounts/<clientId>  Account page: Client ID, masked secrets, "+ Add Secret"
//                                    (#sa-add-secret) → lifetime → Add (#sa-add-secret-confirm) →
//                                    the same credentials dialog for the second secret (rotation).
//   Any route: account menu (#account-button, "Account menu") → "My API Key" (#menu-my-api-key) →
//                                    dialog #my-api-key → "Generate New API Key" (#generate-api-key)
//                                    → revoke warning → "Generate" (#confirm-generate-api-key) →
//                                    600 ms later the key in a readonly input (#api-key-value)
//                                    labelled "API Key", an Expiration Date select
//                                    (#api-key-expiration: 30/60/90 days, No Expiration; default 90)
//                                    and "Expires on …" (#api-key-expires). Close: #api-key-close.
// Keys and service accounts made on these pages belong to the region's signed-in admin
// (setConsoleAdmin) and are recorded in `issued`.
import { html, json, type MockRequest, type MockResponse, type VendorMock } from '../server';
import { handleConsoleApi, handleToken } from './api';
import { consolePage } from './console-page';
import {
  DAY_MS,
  DEFAULT_TOKEN_LIFETIME,
  makeOrgs,
  newApiKey,
  newClientId,
  newClientSecret,
  newRegionState,
  regions,
  type ApiKeyRecord,
  type Org,
  type Probe,
  type Region,
  type RegionState,
  type ServiceAccountRecord,
} from './state';

export type { Org, Probe, Region } from './state';
export { DOCUMENTED_ORGANIZATION_ANSWERS, KEY_NOT_FOUND, NO_ORGANIZATION } from './api';

/** Which calls a fault hits: the console API (/api/*), the token endpoint, or both. */
export type FaultTarget = 'api' | 'token' | 'all';

type FaultKind =
  | { kind: 'rate-limit'; retryAfter: number }
  | { kind: 'status'; status: number }
  | { kind: 'html'; status: number }
  | { kind: 'reset' }
  | { kind: 'redirect'; to: string; status: number };
type Fault = FaultKind & { target: FaultTarget; remaining: number };

export type Issued =
  | { kind: 'api-key'; region: Region; apiKey: string; adminEmail: string; expiresAt?: string }
  | { kind: 'service-account'; region: Region; clientId: string; clientSecret: string; expiresAt: string };

export const ROLES = ['Read Only', 'Help Desk', 'Manager', 'Command Runner', 'Administrator', 'Administrator With Billing'];

const CONSOLE_HOST = /^console(?:\.(eu|in))?\.jumpcloud\.com$/;
const OAUTH_HOST = /^admin-oauth\.id(?:\.(eu|in))?\.jumpcloud\.com$/;

export function createJumpcloudMock(options: { now?: () => number } = {}) {
  const now = options.now ?? (() => Date.now());
  let states = freshStates();
  let faults: Fault[] = [];
  let latency: Partial<Record<'api' | 'token', number>> = {};
  const issued: Issued[] = [];

  function freshStates(): Record<Region, RegionState> {
    return { us: newRegionState('us'), eu: newRegionState('eu'), in: newRegionState('in') };
  }

  const orgList = (orgs: Org[] | number | undefined, fallback: Org[]) => (typeof orgs === 'number' ? makeOrgs(orgs) : (orgs ?? fallback));

  function createApiKey(region: Region, record: Omit<ApiKeyRecord, 'key' | 'region'> & { key?: string }): ApiKeyRecord {
    const full: ApiKeyRecord = { ...record, key: record.key ?? newApiKey(), region };
    states[region].apiKeys.set(full.key, full);
    return full;
  }

  function createServiceAccount(
    region: Region,
    input: { clientId?: string; clientSecret?: string; name?: string; role?: string; lifetime?: number; secretLifetimeDays?: number; org?: Org; deny?: Probe[] },
  ): ServiceAccountRecord {
    const created = now();
    const account: ServiceAccountRecord = {
      region,
      clientId: input.clientId ?? newClientId(),
      name: input.name ?? 'Keyhold test',
      role: input.role ?? 'Read Only',
      org: input.org ?? states[region].admin.orgs[0],
      secrets: [{ value: input.clientSecret ?? newClientSecret(), createdAt: created, expiresAt: created + (input.secretLifetimeDays ?? 90) * DAY_MS }],
      tokenLifetime: input.lifetime ?? DEFAULT_TOKEN_LIFETIME,
      createdAt: created,
      deny: new Set(input.deny),
    };
    states[region].serviceAccounts.set(account.clientId, account);
    return account;
  }

  function addSecretTo(region: Region, clientId: string, lifetimeDays: number, value = newClientSecret()) {
    const account = states[region].serviceAccounts.get(clientId);
    if (!account) throw new Error(`No service account ${clientId} in ${region}`);
    if (account.secrets.length >= 2) throw new Error('A service account holds at most two client secrets');
    const created = now();
    const secret = { value, createdAt: created, expiresAt: created + lifetimeDays * DAY_MS };
    account.secrets.push(secret);
    return secret;
  }

  function findAccount(clientId: string): ServiceAccountRecord | undefined {
    for (const region of regions) {
      const account = states[region].serviceAccounts.get(clientId);
      if (account) return account;
    }
    return undefined;
  }

  // ---- Faults ----
  function takeFault(target: 'api' | 'token'): Fault | undefined {
    const fault = faults.find((candidate) => (candidate.target === 'all' || candidate.target === target) && candidate.remaining > 0);
    if (fault) fault.remaining -= 1;
    return fault;
  }

  function faultResponse(fault: Fault, request: MockRequest): MockResponse {
    switch (fault.kind) {
      case 'rate-limit':
        return json(429, { message: 'Too Many Requests' }, { 'retry-after': String(fault.retryAfter) });
      case 'status':
        return json(fault.status, { message: 'Internal Server Error' });
      case 'html':
        return html('<!doctype html><html><head><title>JumpCloud</title></head><body><h1>Service unavailable</h1></body></html>', fault.status);
      case 'reset':
        return { status: 0, reset: true };
      case 'redirect':
        return { status: fault.status, headers: { location: `${fault.to}${request.path}${request.query.size ? `?${request.query}` : ''}` } };
    }
  }

  function withFaults(target: 'api' | 'token', request: MockRequest, answer: () => MockResponse): MockResponse {
    const fault = takeFault(target);
    const response = fault ? faultResponse(fault, request) : answer();
    const delayMs = latency[target];
    return delayMs ? { ...response, delayMs } : response;
  }

  const addFault = (fault: FaultKind, target: FaultTarget = 'all', times = Infinity) => {
    faults.push({ ...fault, target, remaining: times });
  };

  // ---- Fixture console endpoints (/__mock/jumpcloud/*), used by the fixture pages only ----
  function fixtureApi(state: RegionState, request: MockRequest): MockResponse {
    const path = request.path.slice('/__mock/jumpcloud/'.length);
    let body: Record<string, unknown> = {};
    if (request.method === 'POST') {
      try {
        body = JSON.parse(request.body || '{}');
      } catch {
        return json(400, { message: 'Bad JSON' });
      }
    }
    const admin = state.admin;
    const current = admin.apiKey ? state.apiKeys.get(admin.apiKey) : undefined;

    if (request.method === 'GET' && path === 'state') {
      return json(200, {
        region: state.region,
        admin: {
          email: admin.email,
          name: admin.name,
          multiTenant: admin.multiTenant,
          orgs: admin.orgs,
          hasApiKey: !!current,
          apiKeyHint: current?.key.slice(-4),
          apiKeyExpiresAt: current?.expiresAt === undefined ? undefined : new Date(current.expiresAt).toISOString(),
          apiKeyDays: current ? (current.expiresAt === undefined ? null : Math.round((current.expiresAt - now()) / DAY_MS)) : undefined,
        },
        serviceAccounts: [...state.serviceAccounts.values()].map((account) => ({
          clientId: account.clientId,
          name: account.name,
          role: account.role,
          secrets: account.secrets.map((secret) => ({ createdAt: new Date(secret.createdAt).toISOString(), expiresAt: new Date(secret.expiresAt).toISOString() })),
        })),
      });
    }
    if (request.method === 'POST' && path === 'api-key') {
      // Generating a new key revokes the admin's previous one, as in JumpCloud.
      if (admin.apiKey) state.apiKeys.delete(admin.apiKey);
      const record = createApiKey(state.region, {
        adminEmail: admin.email,
        multiTenant: admin.multiTenant,
        orgs: admin.orgs,
        expiresAt: now() + 90 * DAY_MS,
        deny: new Set(),
      });
      admin.apiKey = record.key;
      const expiresAt = new Date(record.expiresAt!).toISOString();
      issued.push({ kind: 'api-key', region: state.region, apiKey: record.key, adminEmail: admin.email, expiresAt });
      return json(200, { apiKey: record.key, expiresAt });
    }
    if (request.method === 'POST' && path === 'api-key/expiration') {
      const days = body.days;
      if (!current || (days !== null && !(typeof days === 'number' && days >= 1 && days <= 365))) return json(400, { message: 'Bad expiration' });
      current.expiresAt = days === null ? undefined : now() + days * DAY_MS;
      const expiresAt = current.expiresAt === undefined ? null : new Date(current.expiresAt).toISOString();
      const last = issued.findLast((entry) => entry.kind === 'api-key' && entry.apiKey === current.key);
      if (last && last.kind === 'api-key') last.expiresAt = expiresAt ?? undefined;
      return json(200, { expiresAt });
    }
    const lifetimeDays = Number(body.lifetimeDays);
    const lifetimeOk = Number.isInteger(lifetimeDays) && lifetimeDays >= 30 && lifetimeDays <= 365;
    if (request.method === 'POST' && path === 'service-accounts') {
      const name = typeof body.name === 'string' ? body.name.trim() : '';
      if (!name || !ROLES.includes(String(body.role)) || !lifetimeOk) return json(400, { message: 'Name, role and a secret lifetime of 30-365 days are required' });
      const account = createServiceAccount(state.region, { name, role: String(body.role), secretLifetimeDays: lifetimeDays });
      return shownOnce(state.region, account.clientId, account.secrets[0], lifetimeDays);
    }
    const secretPath = /^service-accounts\/([^/]+)\/secrets$/.exec(path);
    if (request.method === 'POST' && secretPath) {
      const account = state.serviceAccounts.get(secretPath[1]);
      if (!account) return json(404, { message: 'Not Found' });
      if (!lifetimeOk) return json(400, { message: 'A secret lifetime of 30-365 days is required' });
      if (account.secrets.length >= 2) return json(409, { message: 'A service account holds at most two client secrets' });
      return shownOnce(state.region, account.clientId, addSecretTo(state.region, account.clientId, lifetimeDays), lifetimeDays);
    }
    return json(404, { message: 'Not Found' });
  }

  function shownOnce(region: Region, clientId: string, secret: { value: string; expiresAt: number }, lifetimeDays: number): MockResponse {
    const expiresAt = new Date(secret.expiresAt).toISOString();
    issued.push({ kind: 'service-account', region, clientId, clientSecret: secret.value, expiresAt });
    return json(200, { clientId, clientSecret: secret.value, expiresAt, lifetimeDays });
  }

  const mock = {
    name: 'jumpcloud',
    hostPatterns: [
      'console.jumpcloud.com',
      'console.eu.jumpcloud.com',
      'console.in.jumpcloud.com',
      'admin-oauth.id.jumpcloud.com',
      'admin-oauth.id.eu.jumpcloud.com',
      'admin-oauth.id.in.jumpcloud.com',
    ],

    handle(request: MockRequest): MockResponse | undefined {
      const oauth = OAUTH_HOST.exec(request.host);
      if (oauth) {
        const state = states[(oauth[1] as Region | undefined) ?? 'us'];
        return withFaults('token', request, () => handleToken(state, request, now()));
      }
      const consoleHost = CONSOLE_HOST.exec(request.host);
      if (!consoleHost) return undefined;
      const state = states[(consoleHost[1] as Region | undefined) ?? 'us'];
      if (request.path.startsWith('/api/')) return withFaults('api', request, () => handleConsoleApi(state, request, now()));
      if (request.path.startsWith('/__mock/jumpcloud/')) return fixtureApi(state, request);
      if (request.method !== 'GET' || request.path === '/favicon.ico') return json(404, { message: 'Not Found' });
      return html(consolePage(state.region));
    },

    reset() {
      states = freshStates();
      faults = [];
      latency = {};
      issued.length = 0;
    },

    /** How every region answers a missing or wrong x-org-id (see RegionState.organizationAnswers). */
    organizationAnswers(style: 'legacy' | 'documented'): void {
      for (const state of Object.values(states)) state.organizationAnswers = style;
    },

    // ---- Credentials ----

    /** An admin API key JumpCloud accepts in `region`. `orgs`: a count or a list (multi-tenant admins reach several). */
    addApiKey(input: { region?: Region; key?: string; adminEmail?: string; multiTenant?: boolean; orgs?: Org[] | number; expiresAt?: Date; deny?: Probe[] } = {}) {
      const region = input.region ?? 'us';
      const multiTenant = input.multiTenant ?? false;
      const record = createApiKey(region, {
        key: input.key,
        adminEmail: input.adminEmail ?? `admin-${states[region].apiKeys.size + 1}@example.com`,
        multiTenant,
        orgs: orgList(input.orgs ?? (multiTenant ? 3 : undefined), states[region].admin.orgs),
        expiresAt: input.expiresAt?.getTime(),
        deny: new Set(input.deny),
      });
      return { key: record.key, region, adminEmail: record.adminEmail, orgs: record.orgs };
    },

    /** Revoke a key (as "Generate New API Key" or removing its admin would). */
    revokeApiKey(key: string): boolean {
      return regions.some((region) => states[region].apiKeys.delete(key));
    },

    /** A service account in `region`. `lifetime`: access-token seconds (default 3599). */
    addServiceAccount(
      input: { region?: Region; clientId?: string; clientSecret?: string; lifetime?: number; secretLifetimeDays?: number; role?: string; name?: string; org?: Org; deny?: Probe[] } = {},
    ) {
      const region = input.region ?? 'us';
      const account = createServiceAccount(region, input);
      return { clientId: account.clientId, clientSecret: account.secrets[0].value, region, org: account.org };
    },

    /** The account's second client secret (rotation); returns its value. */
    addSecret(clientId: string, input: { value?: string; lifetimeDays?: number } = {}): string {
      const account = findAccount(clientId);
      if (!account) throw new Error(`No service account ${clientId}`);
      return addSecretTo(account.region, clientId, input.lifetimeDays ?? 90, input.value).value;
    },

    /** Delete one client secret (its tokens stay valid until they expire, as with real OAuth). */
    deleteSecret(clientId: string, value: string): boolean {
      const account = findAccount(clientId);
      const before = account?.secrets.length ?? 0;
      if (account) account.secrets = account.secrets.filter((secret) => secret.value !== value);
      return (account?.secrets.length ?? 0) < before;
    },

    removeServiceAccount(clientId: string): boolean {
      return regions.some((region) => states[region].serviceAccounts.delete(clientId));
    },

    /** Refuse a read probe (403) for this API key or service-account Client ID. */
    deny(credential: string, probe: Probe): void {
      for (const region of regions) {
        states[region].apiKeys.get(credential)?.deny.add(probe);
        states[region].serviceAccounts.get(credential)?.deny.add(probe);
      }
    },

    /** Every access token issued so far stops working. */
    expireTokens(): void {
      for (const region of regions) for (const token of states[region].tokens.values()) token.expiresAt = 0;
    },

    /** The admin signed in to `region`'s fixture console; keys generated on its pages take these settings. */
    setConsoleAdmin(region: Region, patch: { email?: string; name?: string; multiTenant?: boolean; orgs?: Org[] | number }): void {
      const admin = states[region].admin;
      if (patch.email) admin.email = patch.email;
      if (patch.name) admin.name = patch.name;
      if (patch.multiTenant !== undefined) admin.multiTenant = patch.multiTenant;
      if (patch.orgs !== undefined || patch.multiTenant) admin.orgs = orgList(patch.orgs ?? 3, admin.orgs);
    },

    consoleAdmin(region: Region) {
      const { email, name, multiTenant, orgs } = states[region].admin;
      return { email, name, multiTenant, orgs };
    },

    /** Credentials the fixture pages displayed, newest last (what a capture should have saved). */
    issued,

    // ---- Faults (console API and token endpoint only; fixture pages are never affected) ----

    /** 429 with Retry-After, for `times` requests (default: until clearFaults). */
    rateLimit(input: { retryAfter?: number; target?: FaultTarget; times?: number } = {}): void {
      addFault({ kind: 'rate-limit', retryAfter: input.retryAfter ?? 30 }, input.target, input.times);
    },
    /** A server error (default 503). */
    failWith(status = 503, input: { target?: FaultTarget; times?: number } = {}): void {
      addFault({ kind: 'status', status }, input.target, input.times);
    },
    /** An HTML page instead of JSON (a proxy or maintenance page). */
    answerHtml(input: { status?: number; target?: FaultTarget; times?: number } = {}): void {
      addFault({ kind: 'html', status: input.status ?? 200 }, input.target, input.times);
    },
    /** Drop the connection without answering. */
    dropConnections(input: { target?: FaultTarget; times?: number } = {}): void {
      addFault({ kind: 'reset' }, input.target, input.times);
    },
    /** Redirect (default 307) to `to` + the same path and query: a moved or hostile server. */
    redirectTo(to: string, input: { status?: number; target?: FaultTarget; times?: number } = {}): void {
      addFault({ kind: 'redirect', to, status: input.status ?? 307 }, input.target, input.times);
    },
    /** Answer every request after `ms` (0 to stop). */
    delay(ms: number, target: FaultTarget = 'all'): void {
      if (target !== 'token') latency.api = ms;
      if (target !== 'api') latency.token = ms;
    },
    clearFaults(): void {
      faults = [];
      latency = {};
    },
  };
  return mock satisfies VendorMock;
}

export type JumpcloudMock = ReturnType<typeof createJumpcloudMock>;
