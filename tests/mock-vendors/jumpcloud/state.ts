// The JumpCloud mock's state: one independent world per region (a key or service account from one
// region is unknown in the others), with the admin signed in to that region's fixture console.
import { randomBytes, randomInt } from 'node:crypto';

export const regions = ['us', 'eu', 'in'] as const;
export type Region = (typeof regions)[number];

/** Read probes a credential can be refused (403). */
export type Probe = 'systemusers' | 'systemgroups';

export interface Org {
  id: string;
  name: string;
}

export interface ApiKeyRecord {
  key: string;
  region: Region;
  adminEmail: string;
  multiTenant: boolean;
  /** The organizations the key's admin can reach; a single-tenant admin has exactly one. */
  orgs: Org[];
  /** Epoch ms; undefined = never expires. */
  expiresAt?: number;
  deny: Set<Probe>;
}

export interface SecretRecord {
  value: string;
  createdAt: number;
  expiresAt: number;
}

export interface ServiceAccountRecord {
  region: Region;
  clientId: string;
  name: string;
  role: string;
  org: Org;
  /** At most two, for rotation. */
  secrets: SecretRecord[];
  /** Seconds an access token lives (JumpCloud: 3599). */
  tokenLifetime: number;
  createdAt: number;
  deny: Set<Probe>;
}

export interface TokenRecord {
  clientId: string;
  expiresAt: number;
}

/** The admin signed in to a region's fixture console; keys generated on the page are theirs. */
export interface ConsoleAdmin {
  email: string;
  name: string;
  multiTenant: boolean;
  orgs: Org[];
  /** The admin's current key (generating a new one revokes it). */
  apiKey?: string;
}

export interface RegionState {
  region: Region;
  admin: ConsoleAdmin;
  apiKeys: Map<string, ApiKeyRecord>;
  serviceAccounts: Map<string, ServiceAccountRecord>;
  tokens: Map<string, TokenRecord>;
  /**
   * How a wrong or missing x-org-id is answered: 'legacy' (401 "no organization selected", 400 for
   * a malformed ID, 401 "Unauthorized" for an unknown one) or 'documented' (the API reference's
   * 401 "ID not included for multi-tenant admin", 400 "Malformed ID.", 404 "Organization ID Not Found.").
   */
  organizationAnswers?: 'legacy' | 'documented';
}

export const DAY_MS = 86_400_000;
export const DEFAULT_TOKEN_LIFETIME = 3599;

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SECRET_CHARS = `${ALNUM}-~`;

export const randomText = (length: number, alphabet = ALNUM): string =>
  Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
export const hexId = (): string => randomBytes(12).toString('hex');
export const newApiKey = (): string => `jca_${randomText(36)}`;
export const newClientId = (): string => `sa_${hexId()}`;
/** Shaped like JumpCloud's example secret: 26 characters including "-" and "~". */
export const newClientSecret = (): string => randomText(26, SECRET_CHARS);
export const newAccessToken = (): string =>
  [{ alg: 'RS256', typ: 'JWT' }, { jti: hexId(), scp: ['api'] }].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.') +
  `.${randomBytes(64).toString('base64url')}`;

const ORG_NAMES = ['Acme Corp', 'Globex Retail', 'Initech Labs', 'Umbrella Health', 'Stark Logistics', 'Wayne Foods'];

/** `count` organizations with fixed names and fresh IDs. */
export function makeOrgs(count: number): Org[] {
  return Array.from({ length: count }, (_, index) => ({ id: hexId(), name: ORG_NAMES[index % ORG_NAMES.length] + (index >= ORG_NAMES.length ? ` ${index + 1}` : '') }));
}

export function newRegionState(region: Region): RegionState {
  return {
    region,
    admin: { email: `admin@acme-${region}.example`, name: 'Alex Admin', multiTenant: false, orgs: makeOrgs(1) },
    apiKeys: new Map(),
    serviceAccounts: new Map(),
    tokens: new Map(),
  };
}

/** Users as GET /api/systemusers returns them (the `systemuserreturn` shape). */
export function systemUsers(org: Org) {
  const people = [
    ['jdoe', 'Jane', 'Doe', '5f0c1b2a3d4e5f6a7b8c9d01'],
    ['bsmith', 'Bob', 'Smith', '5f0c1b2a3d4e5f6a7b8c9d02'],
    ['cwong', 'Chen', 'Wong', '5f0c1b2a3d4e5f6a7b8c9d03'],
  ];
  return people.map(([username, firstname, lastname, id], index) => ({
    _id: id,
    username,
    email: `${username}@${org.name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
    firstname,
    lastname,
    displayname: `${firstname} ${lastname}`,
    activated: true,
    state: 'ACTIVATED',
    suspended: false,
    account_locked: false,
    account_locked_date: null,
    password_expired: false,
    password_never_expires: false,
    password_expiration_date: null,
    allow_public_key: true,
    sudo: false,
    passwordless_sudo: false,
    totp_enabled: index === 0,
    enable_managed_uid: false,
    enable_user_portal_multifactor: false,
    ldap_binding_user: false,
    samba_service_user: false,
    badLoginAttempts: 0,
    unix_uid: 5101 + index,
    unix_guid: 5101 + index,
    organization: org.id,
    created: '2024-03-0' + (index + 1) + 'T10:00:00.000Z',
    creationSource: 'jumpcloud:console',
    mfa: { configured: index === 0, exclusion: false },
    mfaEnrollment: { overallStatus: index === 0 ? 'ENROLLED' : 'NOT_ENROLLED', totpStatus: index === 0 ? 'ENROLLED' : 'NOT_ENROLLED', webAuthnStatus: 'NOT_ENROLLED', pushStatus: 'NOT_ENROLLED' },
    addresses: [],
    phoneNumbers: [],
    attributes: [],
    ssh_keys: [],
    restrictedFields: [],
  }));
}

/** Device groups as GET /api/v2/systemgroups returns them (an array of `SystemGroup`). */
export function systemGroups(org: Org) {
  return [
    ['64b7f0c2a1b2c3d4e5f60711', 'All Macs', 'DYNAMIC_AUTOMATED'],
    ['64b7f0c2a1b2c3d4e5f60712', 'Windows Laptops', 'STATIC'],
  ].map(([id, name, membershipMethod]) => ({
    id,
    name,
    type: 'system_group',
    description: '',
    email: '',
    attributes: {},
    membershipMethod,
    memberQueryExemptions: [],
    memberSuggestionsNotify: false,
    organizationObjectId: org.id,
  }));
}
