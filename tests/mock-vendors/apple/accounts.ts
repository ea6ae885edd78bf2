// API account life cycle, shared by the test controls and the fixture console's own calls:
// create (no key yet), generate a key (the private half is handed out once), revoke.
import { randomUUID, type KeyObject } from 'node:crypto';
import { generateAppleKey } from './keys';
import { VIEW_DEVICES, keyFileName, newClientId, type ApiAccount, type AppleKind, type AppleState } from './state';

export interface CreateOptions {
  kind: AppleKind;
  name?: string;
  /** Any string: a `BUSINESSAPI.` id on a school account makes the scope mix-up Apple refuses. */
  clientId?: string;
  /** Apple Business permissions; defaults to the one that lists devices and MDM servers. */
  permissions?: string[];
  createdBy?: string;
}

export function createAccount(state: AppleState, options: CreateOptions): ApiAccount {
  const account: ApiAccount = {
    id: randomUUID(),
    kind: options.kind,
    name: options.name ?? `Keyhold test ${state.accounts.length + 1}`,
    clientId: options.clientId ?? newClientId(options.kind),
    permissions: options.kind === 'business' ? (options.permissions ?? [VIEW_DEVICES]) : [],
    createdBy: options.createdBy ?? 'Jane Appleseed',
    createdAt: new Date(),
  };
  if (state.accounts.some((other) => other.clientId === account.clientId)) throw new Error('duplicate Client ID');
  if (state.accounts.filter((other) => other.kind === account.kind).length >= 50) throw new Error('Apple allows up to 50 API accounts');
  state.accounts.push(account);
  return account;
}

/** A new key pair (or a given public key). Returns the private key PEM when the mock made it. */
export function generateKey(account: ApiAccount, options: { keyId?: string; publicKey?: KeyObject } = {}): string | undefined {
  const now = new Date();
  const generated = options.publicKey ? undefined : generateAppleKey();
  account.keyId = options.keyId ?? randomUUID();
  account.publicKey = options.publicKey ?? generated!.publicKey;
  account.privateKeyPem = generated?.privateKeyPem;
  account.keyCreatedAt = now;
  account.keyFileName = keyFileName(account, now);
  account.revokedAt = undefined;
  return generated?.privateKeyPem;
}

/** The key stops working at once: new token requests and tokens already issued. */
export function revokeKey(account: ApiAccount): void {
  account.keyId = undefined;
  account.publicKey = undefined;
  account.revokedAt = new Date();
}

export function summary(account: ApiAccount) {
  return {
    id: account.id,
    name: account.name,
    clientId: account.clientId,
    keyId: account.keyId ?? null,
    keyFileName: account.keyFileName ?? null,
    keyCreatedAt: account.keyCreatedAt?.toISOString() ?? null,
    revokedAt: account.revokedAt?.toISOString() ?? null,
    permissions: account.permissions,
    createdBy: account.createdBy,
    createdAt: account.createdAt.toISOString(),
  };
}
