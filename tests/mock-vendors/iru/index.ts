// Strict mock of Iru Endpoint (formerly Kandji): the tenant API and fixture console pages.
//
// Default tenants (after reset()): console → API
//   acme.kandji.io    → https://acme.api.kandji.io      (Kandji US; token shown in a masked <input>)
//   acme.eu.kandji.io → https://acme.api.eu.kandji.io   (Kandji EU; masked <input>)
//   acme.iru.com      → https://acme.api.iru.com        (Iru; token shown as dots until the eye is clicked)
//   acme.eu.iru.com   → https://acme.api.eu.iru.com     (Iru EU; as acme.iru.com)
// Each has 3 devices (2 Macs, 1 iPad) and 2 Blueprints; no tokens until a page or addToken() makes one.
//
// Fixture pages, on every tenant console host:
//   /devices, /devices/<device id>       decoys: device, Blueprint and ADE token UUIDs, "Copy"/"Copy ID" buttons
//   Kandji hosts: /my-company/access      Settings → Access: Users, then "API Token" with the API URL line,
//                                         "Add Token" and the token list (/access/api-tokens redirects here)
//   Iru hosts:    /access                 Access → Users tab
//                 /access/api-tokens      Access → API tokens tab (API URL line, "Add Token", token list)
//                                         (/my-company/access redirects here)
//   Add Token flow (dialogs on the list page): "Add Token" → "Create API Token" dialog (Name, Description,
//     "Create") → POST /__mock/iru/tokens (the token starts with no permissions unless
//     presetPermissions() says otherwise) → after TOKEN_MODAL_DELAY_MS the "Copy your API token" dialog:
//     masked input (or dots), eye button "Show token", "Copy Token", checkbox "I have copied the token…",
//     "Next" (enabled by the checkbox) → "Manage API Permissions" dialog: "Skip" (reloads the list) or
//     "Configure" → the token page in edit mode.
//     ?display=input|text on the list page overrides how the token is shown.
//   <tokens base>/<token record id>                  token page: granted permissions, "Edit"
//   <tokens base>/<token record id>?edit=permissions  checkboxes per section ("Device list", …), "Save"
//     (POST /__mock/iru/tokens/<id>/permissions, then back to the token page with "Permissions saved.")
//   tokens base: /my-company/access/api-tokens (Kandji) or /access/api-tokens (Iru)
//
// API (on <sub>.api.<domain>): GET /api/v1/devices (Device list), /api/v1/devices/{id} (Device ID),
// /api/v1/devices/{id}/details (Device details), /api/v1/devices/{id}/apps (Application list),
// /api/v1/blueprints (List Blueprints). See api.ts for the checks and bodies.
//
// Unknown tenants: an API host with no tenant drops the connection (like a name that does not
// resolve; the client sees a network error), or answers Kandji's HTML 404 after
// unknownTenants('not-found'). An unknown console host gets a "tenant not found" page.
import { randomUUID } from 'node:crypto';
import type { MockRequest, MockResponse, VendorMock } from '../server';
import { header } from '../server';
import { NOT_FOUND_HTML, handleApi } from './api';
import { IRU, KANDJI, accessUsersPage, devicePage, devicesPage, flavourOf, notFoundPage, tokenPage, tokensPage } from './pages';
import { PERMISSION_NAMES, createTenant, type IruDomain, type Tenant, type TokenRecord } from './state';

export { PERMISSION_CATALOGUE } from './state';
export { TOKEN_MODAL_DELAY_MS, TOKEN_MASK } from './pages';
export { PERMISSION_DENIED_BODY, RATE_LIMITED_BODY } from './api';
export type { Tenant, TokenRecord };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const API_HOST = /^[a-z0-9-]+\.api\.(kandji\.io|eu\.kandji\.io|iru\.com|eu\.iru\.com)$/;
const DEFAULT_TENANTS: [string, IruDomain][] = [
  ['acme', 'kandji.io'],
  ['acme', 'eu.kandji.io'],
  ['acme', 'iru.com'],
  ['acme', 'eu.iru.com'],
];

const htmlPage = (body: string, status = 200): MockResponse => ({ status, headers: { 'content-type': 'text/html; charset=utf-8' }, body });
const redirect = (location: string): MockResponse => ({ status: 302, headers: { location } });
const jsonAnswer = (status: number, body: unknown): MockResponse => ({ status, headers: { 'content-type': 'application/json' }, body });

export function createIruMock() {
  let tenants: Tenant[] = [];
  let tokens: TokenRecord[] = [];
  let unknownTenantMode: 'reset' | 'not-found' = 'reset';
  /** Permissions a token made on the pages starts with, per API host (Iru: none). */
  let presets = new Map<string, string[]>();
  const adeTokenId = randomUUID();

  /** A tenant by console host, API host or API URL; throws for an unknown one (test typo). */
  function tenant(host: string): Tenant {
    const name = host
      .replace(/^https:\/\//, '')
      .replace(/\/.*$/, '')
      .toLowerCase();
    const found = tenants.find((t) => t.apiHost === name || t.consoleHost === name);
    if (!found) throw new Error(`iru mock: no tenant "${host}"`);
    return found;
  }

  function tokenRecord(token: string): TokenRecord {
    const found = tokens.find((t) => t.token === token);
    if (!found) throw new Error('iru mock: unknown token');
    return found;
  }

  function checkPermissions(permissions: string[]): Set<string> {
    const unknown = permissions.filter((name) => !PERMISSION_NAMES.has(name));
    if (unknown.length) throw new Error(`iru mock: unknown permission ${unknown.join(', ')}`);
    return new Set(permissions);
  }

  function createToken(
    owner: Tenant,
    options: { token?: string; name?: string; description?: string; permissions?: string[] },
  ): TokenRecord {
    const record: TokenRecord = {
      id: randomUUID(),
      token: options.token ?? randomUUID(),
      apiHost: owner.apiHost,
      name: options.name ?? 'Keyhold test token',
      description: options.description ?? '',
      permissions: checkPermissions(options.permissions ?? []),
      createdAt: new Date().toISOString(),
      revoked: false,
    };
    if (!UUID.test(record.token)) throw new Error('iru mock: tokens are UUIDs');
    tokens.push(record);
    return record;
  }

  const controls = {
    /** Every tenant (defaults: acme.kandji.io, acme.eu.kandji.io, acme.iru.com, acme.eu.iru.com). */
    tenants: () => [...tenants],
    /** A tenant by console host, API host or API URL. */
    tenant,
    /** New tenant <sub>.<domain> with API host <sub>.api.<domain>; `region: 'eu'` means eu.kandji.io. */
    addTenant(options: { sub: string; domain?: IruDomain; region?: 'us' | 'eu' }): Tenant {
      const domain = options.domain ?? (options.region === 'eu' ? 'eu.kandji.io' : 'kandji.io');
      const created = createTenant(options.sub.toLowerCase(), domain);
      if (tenants.some((t) => t.consoleHost === created.consoleHost)) throw new Error(`iru mock: ${created.consoleHost} exists`);
      tenants.push(created);
      return created;
    },
    /** Register a token for a tenant (host or API URL) with these console permission names; returns the token. */
    addToken(options: { apiHost: string; token?: string; name?: string; description?: string; permissions: string[] }): string {
      return createToken(tenant(options.apiHost), options).token;
    },
    /** Replace a token's permissions (as Edit → Save in the console does). */
    setPermissions(token: string, permissions: string[]): void {
      tokenRecord(token).permissions = checkPermissions(permissions);
    },
    /** Revoke a token: it disappears from the list and the API answers 401. */
    revoke(token: string): void {
      tokenRecord(token).revoked = true;
    },
    /** A token's record (permissions chosen on the pages, name, revoked), by its secret. */
    token: (token: string): TokenRecord | undefined => tokens.find((t) => t.token === token),
    /** Tokens of a tenant, newest last (the ones the pages created included). */
    tokensOf: (host: string): TokenRecord[] => tokens.filter((t) => t.apiHost === tenant(host).apiHost),
    /** Force 429 {"message":"API rate limit exceeded"} for every API call (retryAfter null: no header); false lifts it. */
    rateLimit(host: string, options: { retryAfter?: number | null } | false = {}): void {
      tenant(host).rateLimit = options === false ? undefined : { retryAfter: options.retryAfter === undefined ? 120 : options.retryAfter };
    },
    /** The shared hourly budget (default 10,000); past it, calls get 429 with Retry-After: 3600. */
    setHourlyLimit(host: string, limit: number): void {
      tenant(host).hourlyLimit = limit;
    },
    /** API calls the tenant received since the last reset: the budget every token shares. */
    requestCount: (host: string): number => tenant(host).requests,
    resetRequestCounts(): void {
      for (const t of tenants) t.requests = 0;
    },
    /** Answer every API call with this status and Django's HTML error page (null: back to normal). */
    failWith(host: string, status: number | null): void {
      tenant(host).failStatus = status ?? undefined;
    },
    /** Answer every API call with an HTML sign-in page and status 200 (a proxy or captive portal). */
    answerHtml(host: string, on = true): void {
      tenant(host).html = on;
    },
    /** Delay every API answer by this many milliseconds. */
    delay(host: string, ms: number): void {
      tenant(host).delayMs = ms;
    },
    /** Remove the tenant's devices (an empty fleet: by-ID probes then use a placeholder ID). */
    clearDevices(host: string): void {
      tenant(host).devices = [];
    },
    /**
     * Permissions that tokens created on this tenant's pages start with (null: none, as in Iru).
     * Lets an end-to-end test get a passing test right at capture, before Configure → Save.
     */
    presetPermissions(host: string, permissions: string[] | null): void {
      const apiHost = tenant(host).apiHost;
      if (permissions) presets.set(apiHost, [...checkPermissions(permissions)]);
      else presets.delete(apiHost);
    },
    /** How the token modal shows the token: masked <input> (value readable) or dots until "Show token". */
    setTokenDisplay(host: string, display: 'input' | 'text'): void {
      tenant(host).tokenDisplay = display;
    },
    /** Unknown API hosts: drop the connection (default) or answer Kandji's HTML 404. */
    unknownTenants(mode: 'reset' | 'not-found'): void {
      unknownTenantMode = mode;
    },
  };

  function reset(): void {
    tenants = DEFAULT_TENANTS.map(([sub, domain]) => createTenant(sub, domain));
    tokens = [];
    unknownTenantMode = 'reset';
    presets = new Map();
  }

  function handle(request: MockRequest): MockResponse | undefined {
    const host = request.host;
    if (!/\.(kandji\.io|iru\.com)$/.test(host)) return undefined;
    if (API_HOST.test(host)) {
      const owner = tenants.find((t) => t.apiHost === host);
      if (owner) return handleApi(owner, tokens, request);
      return unknownTenantMode === 'reset' ? { status: 0, reset: true } : htmlPage(NOT_FOUND_HTML, 404);
    }
    const owner = tenants.find((t) => t.consoleHost === host);
    return owner ? handleConsole(owner, request) : htmlPage(notFoundPage(host), 404);
  }

  function handleConsole(owner: Tenant, request: MockRequest): MockResponse {
    const flavour = flavourOf(owner);
    const path = request.path.replace(/\/+$/, '') || '/';
    if (path.startsWith('/__mock/iru/')) return internal(owner, request, path);
    if (request.method !== 'GET') return htmlPage('<h1>Method not allowed</h1>', 405);
    const query = request.query.toString();
    const keepQuery = query ? `?${query}` : '';

    if (path === '/') return redirect('/devices');
    if (path === '/favicon.ico') return { status: 204 };
    if (path === '/devices') return htmlPage(devicesPage(owner));
    const device = /^\/devices\/([0-9a-f-]{36})$/.exec(path);
    if (device) {
      const found = owner.devices.find((d) => d.id === device[1]);
      return found ? htmlPage(devicePage(owner, found, adeTokenId)) : htmlPage(notFoundPage(owner.consoleHost), 404);
    }
    if (path === flavour.tokensPath) {
      const display = request.query.get('display');
      return htmlPage(tokensPage(owner, tokens, display === 'text' || display === 'input' ? display : owner.tokenDisplay));
    }
    if (flavour === IRU && path === '/access') return htmlPage(accessUsersPage(owner));
    // Links of the other console generation still land on the right page.
    if (path === KANDJI.tokensPath || path === IRU.tokensPath) return redirect(`${flavour.tokensPath}${keepQuery}`);
    const tokenPath = /^(\/my-company\/access\/api-tokens|\/access\/api-tokens)\/([0-9a-f-]{36})$/.exec(path);
    if (tokenPath) {
      if (tokenPath[1] !== flavour.tokenBase) return redirect(`${flavour.tokenBase}/${tokenPath[2]}${keepQuery}`);
      const record = tokens.find((t) => t.id === tokenPath[2] && t.apiHost === owner.apiHost && !t.revoked);
      if (record) {
        return htmlPage(
          tokenPage(owner, record, { edit: request.query.get('edit') === 'permissions', saved: request.query.get('saved') === '1' }),
        );
      }
    }
    return htmlPage(notFoundPage(owner.consoleHost), 404);
  }

  /** What the fixture pages' script calls instead of the real console's private API. */
  function internal(owner: Tenant, request: MockRequest, path: string): MockResponse {
    if (request.method !== 'POST' || !/^application\/json\b/i.test(header(request, 'content-type') ?? '')) {
      return jsonAnswer(400, { detail: 'POST JSON only.' });
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(request.body) as Record<string, unknown>;
    } catch {
      return jsonAnswer(400, { detail: 'Body is not JSON.' });
    }
    if (path === '/__mock/iru/tokens') {
      const name = typeof body.name === 'string' ? body.name.trim() : '';
      if (!name || name.length > 100) return jsonAnswer(400, { name: ['Enter a name (100 characters at most).'] });
      const description = typeof body.description === 'string' ? body.description : '';
      const record = createToken(owner, { name, description, permissions: presets.get(owner.apiHost) });
      return jsonAnswer(201, { id: record.id, name: record.name, token: record.token });
    }
    const permissions = /^\/__mock\/iru\/tokens\/([0-9a-f-]{36})\/permissions$/.exec(path);
    const record = permissions && tokens.find((t) => t.id === permissions[1] && t.apiHost === owner.apiHost && !t.revoked);
    if (!record) return jsonAnswer(404, { detail: 'Not found.' });
    const names = Array.isArray(body.permissions) ? body.permissions.filter((p): p is string => typeof p === 'string') : [];
    if (names.some((name) => !PERMISSION_NAMES.has(name))) return jsonAnswer(400, { permissions: ['Unknown permission.'] });
    record.permissions = new Set(names);
    return jsonAnswer(200, { id: record.id, permissions: names });
  }

  reset();
  const mock: VendorMock & typeof controls = {
    name: 'iru',
    // Certificate wildcards cover one label, so each host depth is listed.
    hostPatterns: ['*.kandji.io', '*.eu.kandji.io', '*.api.kandji.io', '*.api.eu.kandji.io', '*.iru.com', '*.eu.iru.com', '*.api.iru.com', '*.api.eu.iru.com'],
    handle,
    reset,
    ...controls,
  };
  return mock;
}

export type IruMock = ReturnType<typeof createIruMock>;
