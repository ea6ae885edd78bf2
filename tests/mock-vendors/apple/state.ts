// The mock organisation: API accounts (with the public half of their keys), issued tokens, the
// switches tests flip, and the org's MDM servers and devices.
import { randomUUID, type KeyObject } from 'node:crypto';

export type AppleKind = 'business' | 'school';
export type Target = 'token' | 'api' | 'all';

/** Apple Business's permission for listing devices and device management services (Apple's words). */
export const VIEW_DEVICES = 'View device management services, manage default platform assignment, and add devices with Apple Configurator.';
/** The permission names the Apple Business create sheet offers (a realistic subset). */
export const BUSINESS_PERMISSIONS = [
  VIEW_DEVICES,
  'Assign devices to device management services.',
  'View Blueprints.',
  'View device configurations.',
  'View Apps.',
  'Access audit events using the Admin API.',
];

export interface ApiAccount {
  /** Row id the fixture console uses in its own calls. */
  id: string;
  kind: AppleKind;
  name: string;
  clientId: string;
  /** Set once a key is generated; cleared by a revoke. */
  keyId?: string;
  publicKey?: KeyObject;
  /** Kept so tests can read it; Apple itself never keeps the private key. */
  privateKeyPem?: string;
  keyFileName?: string;
  keyCreatedAt?: Date;
  revokedAt?: Date;
  /** Apple Business permissions; School accounts can use the whole API. */
  permissions: string[];
  createdBy: string;
  createdAt: Date;
}

export interface IssuedToken {
  accountId: string;
  keyId: string;
  kind: AppleKind;
  expiresAt: number;
}

export interface Switch {
  on: Target;
}

export interface AppleState {
  accounts: ApiAccount[];
  tokens: Map<string, IssuedToken>;
  usedJti: Set<string>;
  tokenLifetime: number;
  rateLimit?: Switch & { retryAfter: string };
  htmlError?: Switch & { status: number };
  failure?: Switch & { status: number };
  delayMs: number;
  /** Delay before the console's Manage view renders its details (late rendering). */
  pageDelayMs: number;
  /** Why the last token request was refused (tests read it to prove which check fired). */
  lastRejection?: string;
}

export function createState(): AppleState {
  return { accounts: [], tokens: new Map(), usedJti: new Set(), tokenLifetime: 3600, delayMs: 0, pageDelayMs: 600 };
}

export function newClientId(kind: AppleKind): string {
  return `${kind === 'school' ? 'SCHOOLAPI' : 'BUSINESSAPI'}.${randomUUID()}`;
}

export function applies(target: Switch | undefined, where: 'token' | 'api'): boolean {
  return !!target && (target.on === 'all' || target.on === where);
}

/** `<Label>_<YYYY-MM-DD>.pem`, the name Apple's download uses. */
export function keyFileName(account: ApiAccount, at: Date): string {
  return `${account.name.replace(/[\\/:*?"<>|]+/g, '_')}_${at.toISOString().slice(0, 10)}.pem`;
}

// ---- The organisation's inventory (the same for every API account of a service) ----

const created = '2024-03-11T09:15:42.000Z';
const updated = '2025-09-02T16:40:07.000Z';

export const MDM_SERVERS = [
  { id: '3F0D6E7B2C4A4E1B9D5C8A7F6E5D4C3B', serverName: 'Jamf Pro (production)', serverType: 'MDM' },
  { id: '9A8B7C6D5E4F40312A1B2C3D4E5F6071', serverName: 'Devices Added by Apple Configurator', serverType: 'APPLE_CONFIGURATOR' },
] as const;

export const ORG_DEVICES = [
  {
    serialNumber: 'C02ZK1ABMD6R',
    deviceModel: 'MacBook Air (M2, 2022)',
    productFamily: 'Mac',
    productType: 'Mac14,2',
    deviceCapacity: '256GB',
    partNumber: 'MLXW3LL/A',
    color: 'MIDNIGHT',
    status: 'ASSIGNED',
    orderNumber: 'W123456789',
    purchaseSourceType: 'APPLE',
    purchaseSourceId: '1234567',
    wifiMacAddress: 'a4:83:e7:11:22:33',
    bluetoothMacAddress: 'a4:83:e7:11:22:34',
    server: 0,
  },
  {
    serialNumber: 'DMQXK2ABHG7K',
    deviceModel: 'iPad Air (5th generation)',
    productFamily: 'iPad',
    productType: 'iPad13,16',
    deviceCapacity: '64GB',
    partNumber: 'MM9C3LL/A',
    color: 'SPACE GRAY',
    status: 'ASSIGNED',
    orderNumber: 'W123456790',
    purchaseSourceType: 'RESELLER',
    purchaseSourceId: '7654321',
    wifiMacAddress: 'f0:b3:ec:44:55:66',
    bluetoothMacAddress: 'f0:b3:ec:44:55:67',
    server: 0,
  },
  {
    serialNumber: 'F17ZX3ABN72Q',
    deviceModel: 'iPhone 15',
    productFamily: 'iPhone',
    productType: 'iPhone15,4',
    deviceCapacity: '128GB',
    partNumber: 'MTLX3LL/A',
    color: 'BLACK',
    status: 'UNASSIGNED',
    orderNumber: 'W123456791',
    purchaseSourceType: 'APPLE',
    purchaseSourceId: '1234567',
    wifiMacAddress: '3c:06:30:77:88:99',
    bluetoothMacAddress: '3c:06:30:77:88:9a',
    imei: '356789101112131',
    server: null,
  },
] as const;

export const INVENTORY_DATES = { created, updated };
