// Mock Jamf Pro: strict API + fixture console pages, one server per host.
//
// Hosts
//   https://acme.jamfcloud.com            Jamf Cloud (context path none); any other <x>.jamfcloud.com is
//                                         a fresh empty cloud server
//   https://jamf.example.org:8443/jamf    self-hosted (port 8443 only, context path /jamf; outside it
//                                         Tomcat's 404 page)
//
// Fixture pages ({base} = https://acme.jamfcloud.com or https://jamf.example.org:8443/jamf)
//   {base}/  and {base}/index.html        dashboard
//   {base}/view/settings                  Settings, with the "API roles and clients" link
//   {base}/view/settings/system-settings/api-roles-and-clients?tab=api-roles     API Roles tab (default),
//                                         "New" button (role=button, name "New")
//   …/api-roles-and-clients?tab=api-clients   API Clients tab: table of clients, each display name a link
//   …/api-roles-and-clients/api-roles/new     New API Role form: "Display Name", privilege input
//                                         (#privilege-input, Enter adds one; pasting lines adds each), Save
//   …/api-roles-and-clients/api-roles/<id>    role view
//   …/api-roles-and-clients/api-clients/new   New API Client form: "Display Name", API Roles checkboxes,
//                                         "Access Token Lifetime" (seconds), "Enable API Client", Save
//   …/api-roles-and-clients/api-clients/<id>  client page: Client ID in a <dl>; button
//                                         "Generate Client Secret" (no secret yet) or "Rotate Client Secret"
//                                         → alertdialog → "Create Secret" / "Rotate Secret" → the page POSTs
//                                         {base}/__mock/api-clients/<id>/secret, then a role=dialog titled
//                                         "Client Secret" appears, its content 400 ms later: readonly input
//                                         #client-secret labelled "Client Secret", "Copy", "Close"
//   {base}/computers.html                 decoy: UUIDs, a "Client ID" with a masked "Client Secret", hashes
//   {base}/api/doc                        Swagger UI stand-in
// The demo client ("Keyhold demo", DEMO_CLIENTS) is id 3 on both servers and has no secret yet.
//
// API ({base}/api): POST v1/oauth/token and oauth/token (form, client_credentials), GET
// v1/jamf-pro-version, v1|v3/computers-inventory, v2/mobile-devices, v1/buildings, v1/departments,
// v1/computer-groups, v2/computer-groups/smart-groups, v1/api-roles; POST v1/auth/invalidate-token.
import { fixturePage, JAMF_FIXTURE_VALUES } from '../fixture-page';
import { json, type MockRequest, type MockResponse, type VendorMock } from '../server';
import { envelope, handleApi } from './api';
import {
  apiDocPage,
  clientFormPage,
  clientPage,
  computersPage,
  dashboardPage,
  notFoundPage,
  roleFormPage,
  rolesAndClientsPage,
  roleViewPage,
  settingsPage,
  tomcatNotFound,
  ROLES_AND_CLIENTS,
} from './pages';
import {
  addClient,
  addRole,
  CLOUD_HOST,
  createServer,
  newSecret,
  SELF_HOSTED_HOST,
  type IssuedToken,
  type JamfClient,
  type JamfServer,
} from './state';

export { CLOUD_HOST, DEMO_CLIENTS, SELF_HOSTED_HOST } from './state';
export type { JamfClient, JamfRole, JamfServer } from './state';

/** Base URLs of the two known servers, as Keyhold stores them. */
export const JAMF_BASE_URLS = {
  cloud: `https://${CLOUD_HOST}`,
  selfHosted: `https://${SELF_HOSTED_HOST}:8443/jamf`,
} as const;

export type JamfFault =
  | { kind: 'rate-limit'; retryAfter?: number }
  | { kind: 'server-error'; status?: number }
  /** A 200 web page (an SSO or proxy login page in front of Jamf). */
  | { kind: 'html' }
  /** Answer normally, this much later. */
  | { kind: 'delay'; ms: number }
  /** Drop the connection. */
  | { kind: 'reset' }
  /** A 200 JSON answer whose body is cut off mid-way (not parseable). */
  | { kind: 'malformed-json' }
  /** Answer normally, but send the body a few bytes at a time, `ms` apart (slow drip). */
  | { kind: 'drip'; ms: number }
  /** Redirect (default 307, which makes a client re-send the body) to `to` + the API path, e.g. to the collector. */
  | { kind: 'redirect'; to: string; status?: number };

export interface FaultOptions {
  /** Only API paths under {base}/api starting with this (e.g. '/v1/oauth/token'), or matching this RegExp. */
  path?: string | RegExp;
  /** How many matching calls get the fault (default 1; Infinity for all). */
  times?: number;
  host?: string;
}

export interface AddClientOptions {
  displayName?: string;
  clientId?: string;
  /** Omitted: a fresh 64-character secret. null: none yet (the page's "Generate Client Secret" makes one). */
  clientSecret?: string | null;
  /** Privileges of a role created for this client (named after it). */
  privileges?: string[];
  /** Or existing roles, by id or display name. */
  roles?: string[];
  /** Access Token Lifetime in seconds (default 1800). */
  lifetime?: number;
  enabled?: boolean;
  /** Server host (default acme.jamfcloud.com). */
  host?: string;
}

const CLOUD_INSTANCE = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.jamfcloud\.com$/;

export function createJamfMock() {
  let servers = new Map<string, JamfServer>();
  let tokens = new Map<string, IssuedToken>();
  let faults: Array<{ fault: JamfFault; options: FaultOptions; left: number }> = [];
  let clockOffsetMs = 0;
  const now = () => Date.now() + clockOffsetMs;

  function init() {
    servers = new Map([CLOUD_HOST, SELF_HOSTED_HOST].map((host) => [host, createServer(host)]));
    tokens = new Map();
    faults = [];
    clockOffsetMs = 0;
  }
  init();

  function serverFor(host: string): JamfServer | undefined {
    let server = servers.get(host);
    if (!server && CLOUD_INSTANCE.test(host)) {
      server = createServer(host);
      servers.set(host, server);
    }
    return server;
  }

  function server(host = CLOUD_HOST): JamfServer {
    const found = serverFor(host);
    if (!found) throw new Error(`The Jamf mock has no server ${host}`);
    return found;
  }

  function findClient(clientId: string): { server: JamfServer; client: JamfClient } {
    for (const candidate of servers.values()) {
      const client = candidate.clients.find((c) => c.clientId.toLowerCase() === clientId.toLowerCase());
      if (client) return { server: candidate, client };
    }
    throw new Error(`The Jamf mock has no client ${clientId}`);
  }

  function takeFault(host: string, path: string): JamfFault | undefined {
    const entry = faults.find(({ options, left }) => {
      if (left <= 0 || (options.host && options.host !== host)) return false;
      const wanted = options.path;
      return wanted === undefined || (typeof wanted === 'string' ? path.startsWith(wanted) : wanted.test(path));
    });
    if (!entry) return undefined;
    entry.left -= 1;
    return entry.fault;
  }

  async function handle(request: MockRequest): Promise<MockResponse | undefined> {
    const target = serverFor(request.host);
    if (!target) return undefined;
    // Nothing listens on another port of the self-hosted server.
    if (target.port ? request.port !== target.port : request.port !== '' && request.port !== '443') return { status: 0, reset: true };
    const context = target.contextPath;
    if (context && request.path === context) return { status: 302, headers: { location: `${context}/` } };
    if (context && !request.path.startsWith(`${context}/`)) return tomcatNotFound(request.path);
    const rel = request.path.slice(context.length) || '/';

    if (rel.startsWith('/__mock/')) return internal(target, request, rel.slice('/__mock'.length));
    if (rel === '/api/doc' || rel.startsWith('/api/doc/')) return apiDocPage(target);
    if (rel === '/api' || rel.startsWith('/api/')) {
      const path = rel.slice('/api'.length);
      const fault = takeFault(target.host, path);
      const answer = () => handleApi({ server: target, request, path, now: now(), tokens });
      if (!fault) return answer();
      switch (fault.kind) {
        case 'rate-limit':
          return { ...envelope(429, 'TOO_MANY_REQUESTS', 'Too Many Requests'), headers: { 'content-type': 'application/json;charset=UTF-8', 'retry-after': String(fault.retryAfter ?? 30) } };
        case 'server-error': {
          const status = fault.status ?? 500;
          return status === 500 ? envelope(500, 'INTERNAL_SERVER_ERROR', 'Internal Server Error') : { status, headers: { 'content-type': 'text/html' }, body: `<html><body><h1>${status} Service Unavailable</h1></body></html>` };
        }
        case 'html':
          return { status: 200, headers: { 'content-type': 'text/html;charset=UTF-8' }, body: '<!doctype html><html><head><title>Sign in</title></head><body><form><label>Username <input name="username"></label></form></body></html>' };
        case 'delay':
          return { ...(await answer()), delayMs: fault.ms };
        case 'reset':
          return { status: 0, reset: true };
        case 'malformed-json':
          return { status: 200, headers: { 'content-type': 'application/json;charset=UTF-8' }, body: '{"access_token":"eyJhbGciOiJIUzI1NiJ9.trunc' };
        case 'drip':
          return { ...(await answer()), dripMs: fault.ms };
        case 'redirect':
          return { status: fault.status ?? 307, headers: { location: `${fault.to}${rel}` } };
      }
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFoundPage(target);
    return page(target, request, rel);
  }

  function page(target: JamfServer, request: MockRequest, rel: string): MockResponse {
    if (rel === '/' || rel === '/index.html') return dashboardPage(target);
    if (rel === '/view/settings') return settingsPage(target);
    if (rel === '/computers.html') return computersPage(target);
    const base = `/${ROLES_AND_CLIENTS}`;
    if (rel === base) return rolesAndClientsPage(target, request.query.get('tab'));
    if (rel === `${base}/api-roles/new`) return roleFormPage(target);
    if (rel === `${base}/api-clients/new`) return clientFormPage(target);
    const role = rel.match(new RegExp(`^${base}/api-roles/(\\d+)$`));
    if (role) return roleViewPage(target, role[1]);
    const client = rel.match(new RegExp(`^${base}/api-clients/(\\d+)$`));
    if (client) return clientPage(target, target.clients.find((c) => c.id === client[1]));
    // …/api-integrations/<id>?fixture=<name>: a localized recognition fixture showing that client's values.
    const integration = rel.match(new RegExp(`^${base}/api-integrations/(\\d+)$`))?.[1];
    const shown = target.clients.find((c) => c.id === integration);
    const fixture = shown && fixturePage('jamf-pro', request.query, { [JAMF_FIXTURE_VALUES.clientId]: shown.clientId, [JAMF_FIXTURE_VALUES.clientSecret]: shown.clientSecret ?? '' });
    if (fixture) return fixture;
    return notFoundPage(target);
  }

  /** The endpoints the fixture pages call (the real console uses its own session API). */
  function internal(target: JamfServer, request: MockRequest, path: string): MockResponse {
    if (request.method !== 'POST') return json(405, { error: 'POST only' });
    let body: Record<string, unknown> = {};
    try {
      body = request.body ? (JSON.parse(request.body) as Record<string, unknown>) : {};
    } catch {
      return json(400, { error: 'The body is not JSON.' });
    }
    if (path === '/api-roles') {
      const privileges = Array.isArray(body.privileges) ? body.privileges.filter((p): p is string => typeof p === 'string') : [];
      if (typeof body.displayName !== 'string' || !body.displayName.trim() || !privileges.length) return json(400, { error: 'A role needs a display name and privileges.' });
      return json(201, { id: addRole(target, body.displayName.trim(), privileges).id });
    }
    if (path === '/api-clients') {
      const roleIds = Array.isArray(body.roleIds) ? body.roleIds.filter((id): id is string => target.roles.some((r) => r.id === id)) : [];
      const lifetime = Number(body.accessTokenLifetime);
      if (typeof body.displayName !== 'string' || !body.displayName.trim() || !roleIds.length || !(lifetime >= 1 && lifetime <= 86400)) {
        return json(400, { error: 'A client needs a display name, a role and a lifetime.' });
      }
      const client = addClient(target, { displayName: body.displayName.trim(), roleIds, accessTokenLifetime: lifetime, enabled: body.enabled === true, clientSecret: null });
      return json(201, { id: client.id, clientId: client.clientId });
    }
    const match = path.match(/^\/api-clients\/(\d+)\/(secret|enabled)$/);
    const client = match && target.clients.find((c) => c.id === match[1]);
    if (!match || !client) return json(404, { error: 'No such client.' });
    if (match[2] === 'enabled') {
      client.enabled = body.enabled === true;
      return json(200, { enabled: client.enabled });
    }
    if (!client.enabled) return json(400, { error: 'Enable the API client before generating a secret.' });
    client.clientSecret = newSecret();
    return json(200, { clientSecret: client.clientSecret });
  }

  const mock = {
    name: 'jamf-pro',
    hostPatterns: ['*.jamfcloud.com', SELF_HOSTED_HOST],
    handle,
    /** Back to the default state: the two servers with their demo client, no tokens, no faults. */
    reset: init,

    /** The server state for a host (default acme.jamfcloud.com); mutate it freely in tests. */
    server,
    /** Add an API client; returns it (clientId, clientSecret, id for the page URL …/api-clients/<id>). */
    addClient(options: AddClientOptions = {}): JamfClient {
      const target = server(options.host);
      const roleIds = (options.roles ?? []).map((wanted) => {
        const role = target.roles.find((r) => r.id === wanted || r.displayName === wanted);
        if (!role) throw new Error(`The Jamf mock has no role ${wanted}`);
        return role.id;
      });
      const displayName = options.displayName ?? `Integration ${target.nextId}`;
      if (options.privileges || !roleIds.length) roleIds.push(addRole(target, `${displayName} role`, options.privileges ?? []).id);
      return addClient(target, {
        displayName,
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        roleIds,
        accessTokenLifetime: options.lifetime,
        enabled: options.enabled,
      });
    },
    /** The client with this client ID, on any server. */
    client: (clientId: string) => findClient(clientId).client,
    /** "Rotate Client Secret": a new secret; the old one stops working at once. Returns the new secret. */
    rotateSecret(clientId: string): string {
      const { client } = findClient(clientId);
      client.clientSecret = newSecret();
      return client.clientSecret;
    },
    /** Replace the privileges of every role of the client (applies to live tokens, as in Jamf). */
    setPrivileges(clientId: string, privileges: string[]) {
      const { server: target, client } = findClient(clientId);
      for (const role of target.roles.filter((r) => client.roleIds.includes(r.id))) role.privileges = [...privileges];
    },
    /** "Enable/Disable API Client": a disabled client gets no token (live tokens stay valid). */
    setEnabled(clientId: string, enabled: boolean) {
      findClient(clientId).client.enabled = enabled;
    },
    /** A server that only has /api/oauth/token (/api/v1/oauth/token answers 404). */
    setLegacyTokenPathOnly(on: boolean, host = CLOUD_HOST) {
      server(host).legacyTokenPathOnly = on;
    },
    /** Which computers-inventory generations exist (default ['v1']; ['v3'] for a server that dropped v1). */
    setInventoryApis(apis: Array<'v1' | 'v3'>, host = CLOUD_HOST) {
      server(host).inventoryApis = [...apis];
    },
    /** The version GET /api/v1/jamf-pro-version reports, e.g. '11.10.1-t1728390485'. */
    setVersion(version: string, host = CLOUD_HOST) {
      server(host).version = version;
    },
    /** Make the next matching API call(s) fail: rate-limit (429 + Retry-After), 5xx, HTML, delay, reset, malformed JSON, slow drip, redirect. */
    fault(fault: JamfFault, options: FaultOptions = {}) {
      faults.push({ fault, options, left: options.times ?? 1 });
    },
    /** Drop every pending fault (e.g. after one the browser may have retried on its own). */
    clearFaults() {
      faults = [];
    },
    /** Move the mock's clock (token expiry) forward. */
    advanceTime(seconds: number) {
      clockOffsetMs += seconds * 1000;
    },
    /** Tokens issued so far, with their state and the token itself (tests check that Keyhold revoked its own, and never kept one). */
    issuedTokens: (): Array<IssuedToken & { token: string }> => [...tokens].map(([token, issued]) => ({ ...issued, token })),
    /** Tokens still usable right now. */
    liveTokens: (): IssuedToken[] => [...tokens.values()].filter((t) => !t.invalidated && t.expiresAt > now()),
    /** Page URL of a client's detail page. */
    clientPageUrl(client: JamfClient): string {
      const target = server(client.host);
      const base = target.deployment === 'cloud' ? `https://${target.host}` : `https://${target.host}:${target.port}${target.contextPath}`;
      return `${base}/${ROLES_AND_CLIENTS}/api-clients/${client.id}`;
    },
  } satisfies VendorMock & Record<string, unknown>;
  return mock;
}

export type JamfMock = ReturnType<typeof createJamfMock>;
