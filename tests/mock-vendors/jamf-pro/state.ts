// The mock's memory: one Jamf Pro server per host, each with its API roles and clients, and the
// access tokens it issued. A client's privileges are the union of its roles' privileges, read
// at every call, as Jamf applies role changes to live tokens at once.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { inventoryReadOnly } from './data';

export interface JamfRole {
  id: string;
  displayName: string;
  privileges: string[];
}

export interface JamfClient {
  /** Jamf's numeric id of the API client (the "api-integration"), used in page URLs. */
  id: string;
  displayName: string;
  /** The OAuth client_id (UUID). */
  clientId: string;
  /** The current secret, or null before "Generate Client Secret". */
  clientSecret: string | null;
  roleIds: string[];
  /** Access Token Lifetime, seconds. */
  accessTokenLifetime: number;
  enabled: boolean;
  host: string;
}

export interface JamfServer {
  host: string;
  /** Port the server listens on ('' = default 443). */
  port: string;
  /** '' at the root, '/jamf' for the self-hosted server. */
  contextPath: string;
  deployment: 'cloud' | 'self-hosted';
  version: string;
  /** Only /api/oauth/token exists (servers before Jamf named /api/v1/oauth/token). */
  legacyTokenPathOnly: boolean;
  /** Which computers-inventory generations the server serves. */
  inventoryApis: Array<'v1' | 'v3'>;
  roles: JamfRole[];
  clients: JamfClient[];
  nextId: number;
}

export interface IssuedToken {
  host: string;
  clientId: string;
  issuedAt: number;
  expiresAt: number;
  invalidated: boolean;
}

export const CLOUD_HOST = 'acme.jamfcloud.com';
export const SELF_HOSTED_HOST = 'jamf.example.org';
export const SELF_HOSTED_PORT = '8443';
export const SELF_HOSTED_CONTEXT = '/jamf';

/** Fixed demo clients, so `npm start` and hand-typed tests have known IDs. Neither has a secret yet. */
export const DEMO_CLIENTS = {
  [CLOUD_HOST]: { clientId: '3f1c2b9e-7a4d-4e8b-9c2f-5d6a7b8c9d0e', displayName: 'Keyhold demo' },
  [SELF_HOSTED_HOST]: { clientId: '8d2e4f60-1b3c-4a5d-9e7f-0a1b2c3d4e5f', displayName: 'Keyhold demo' },
} as const;

export function createServer(host: string): JamfServer {
  const selfHosted = host === SELF_HOSTED_HOST;
  const server: JamfServer = {
    host,
    port: selfHosted ? SELF_HOSTED_PORT : '',
    contextPath: selfHosted ? SELF_HOSTED_CONTEXT : '',
    deployment: selfHosted ? 'self-hosted' : 'cloud',
    version: selfHosted ? '11.9.1-t1726495621' : '11.10.1-t1728390485',
    legacyTokenPathOnly: false,
    inventoryApis: ['v1'],
    roles: [],
    clients: [],
    nextId: 1,
  };
  const demo = DEMO_CLIENTS[host as keyof typeof DEMO_CLIENTS];
  if (demo) {
    const role = addRole(server, 'Inventory read-only', inventoryReadOnly);
    addRole(server, 'Help desk lookups', ['Read Computers', 'Read Mobile Devices', 'Read Departments']);
    addClient(server, { ...demo, clientSecret: null, roleIds: [role.id], accessTokenLifetime: 600, enabled: true });
  }
  return server;
}

export function addRole(server: JamfServer, displayName: string, privileges: string[]): JamfRole {
  const role = { id: String(server.nextId++), displayName, privileges: [...new Set(privileges)] };
  server.roles.push(role);
  return role;
}

export interface NewClient {
  displayName?: string;
  clientId?: string;
  /** Omitted: a fresh secret is generated. null: no secret yet (the page's "Generate" has work to do). */
  clientSecret?: string | null;
  roleIds: string[];
  accessTokenLifetime?: number;
  enabled?: boolean;
}

export function addClient(server: JamfServer, options: NewClient): JamfClient {
  const id = String(server.nextId++);
  const client: JamfClient = {
    id,
    displayName: options.displayName ?? `Integration ${id}`,
    clientId: options.clientId ?? randomUUID(),
    clientSecret: options.clientSecret === undefined ? newSecret() : options.clientSecret,
    roleIds: options.roleIds,
    accessTokenLifetime: options.accessTokenLifetime ?? 1800,
    enabled: options.enabled ?? true,
    host: server.host,
  };
  server.clients.push(client);
  return client;
}

export function privilegesOf(server: JamfServer, client: JamfClient): Set<string> {
  return new Set(server.roles.filter((role) => client.roleIds.includes(role.id)).flatMap((role) => role.privileges));
}

/** 64 characters of [A-Za-z0-9_-], the shape Jamf Pro secrets have. */
export function newSecret(): string {
  return randomBytes(48).toString('base64url');
}

const signingKey = randomBytes(32);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An HS256 JWT like Jamf's: opaque to clients, signed so a forged one is told apart. */
export function signToken(client: JamfClient, issuedAt: number, expiresAt: number): string {
  const header = b64({ alg: 'HS256', typ: 'JWT' });
  const payload = b64({
    sub: client.clientId,
    aud: client.host,
    scope: client.roleIds.map((id) => `api-role:${id}`).join(' '),
    'token-uuid': randomUUID(),
    iat: Math.floor(issuedAt / 1000),
    exp: Math.floor(expiresAt / 1000),
  });
  const signature = createHmac('sha256', signingKey).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}
