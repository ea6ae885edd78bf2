// Secure hand-off: selected credentials leave the vault only as a JWE for one recipient key or a
// passphrase, and come back in the same way.
import { KeyholdError } from '../errors';
import type { PayloadOf, ReplyDataMap } from '../protocol';
import { credentialTypeIds } from '../protocol';
import { decryptHandoff, encryptHandoff, fingerprint, inspectHandoff, parseRecipientKey, publicKeyToPem, type HandoffBundle } from '../handoff/handoff';
import { assertExportAllowed } from '../policy/export-policy';
import { readPolicy } from '../policy/policy';
import { getCredentialType } from '../vendors/registry';
import { validateValues } from '../vendors/validate-values';
import { appendAudit } from './audit';
import { addRecord, openEverything, openRecord, readAllRecords } from './credential-store';
import { requirePrivateKey, requireVaultMeta, salvagePrivateKey } from './vault-service';
import { restoreUsedBy } from './used-by';
import { t } from '../i18n/translate';

export async function exportCredentials(payload: PayloadOf<'credentials.export'>): Promise<ReplyDataMap['credentials.export']> {
  await requirePrivateKey();
  // The organisation's policy is checked before any record is opened.
  const recipient = payload.recipientJwk ? await parseRecipientKey(keyText(payload.recipientJwk)) : undefined;
  const print = recipient ? await fingerprint(recipient) : undefined;
  assertExportAllowed(await readPolicy(), print);
  const credentials: HandoffBundle['credentials'] = [];
  for (const id of payload.ids) {
    const { record, values } = await openRecord(id);
    credentials.push({ vendor: record.vendor, label: record.label, values, ...(record.expiresAt ? { expiresAt: record.expiresAt } : {}), ...(record.usedBy?.length ? { usedBy: record.usedBy } : {}) });
  }
  const bundle: HandoffBundle = { version: 1, exportedAt: new Date().toISOString(), credentials };
  const jwe = recipient ? await encryptHandoff(bundle, { recipient }) : await encryptHandoff(bundle, { passphrase: payload.passphrase! });
  const mode = recipient ? 'recipient' : 'passphrase';
  for (const credential of credentials) {
    await appendAudit({ event: 'exported', label: credential.label, vendor: credential.vendor, detail: mode === 'recipient' ? t('bg.audit.toKey', [String(print)]) : t('bg.audit.withPassphrase') });
  }
  return { jwe, count: credentials.length, mode, ...(print ? { fingerprint: print } : {}) };
}

/**
 * Rescue export for a damaged vault or damaged records: every credential whose sealed values
 * still open (their AES-GCM tags and record binding decide, not the damaged metadata) goes into
 * an ordinary hand-off file for `credentials.import` into a fresh vault; the rest are listed by
 * label with the reason. Same policy checks and audit as any export.
 */
export async function exportReadable(payload: PayloadOf<'vault.exportReadable'>): Promise<ReplyDataMap['vault.exportReadable']> {
  const recipient = payload.recipientJwk ? await parseRecipientKey(keyText(payload.recipientJwk)) : undefined;
  const print = recipient ? await fingerprint(recipient) : undefined;
  assertExportAllowed(await readPolicy(), print);
  const privateJwk = await salvagePrivateKey(payload.vaultPassphrase);
  const credentials: HandoffBundle['credentials'] = [];
  const unreadable: ReplyDataMap['vault.exportReadable']['unreadable'] = [];
  for (const entry of await readAllRecords()) {
    const raw = (entry.raw ?? {}) as { label?: unknown };
    const label = entry.parsed?.label ?? (typeof raw.label === 'string' && raw.label ? raw.label.slice(0, 200) : t('bg.record.damagedName'));
    if (!entry.parsed) {
      unreadable.push({ id: entry.id, label, reason: t('bg.import.recordUnreadable') });
      continue;
    }
    try {
      const values = await openEverything(entry.parsed, privateJwk);
      const record = entry.parsed;
      credentials.push({ vendor: record.vendor, label: record.label, values, ...(record.expiresAt ? { expiresAt: record.expiresAt } : {}), ...(record.usedBy?.length ? { usedBy: record.usedBy } : {}) });
    } catch {
      unreadable.push({ id: entry.id, label, reason: t('bg.import.sealedUnreadable') });
    }
  }
  const mode = recipient ? 'recipient' : 'passphrase';
  const base = { count: credentials.length, mode, ...(print ? { fingerprint: print } : {}), unreadable } as const;
  if (!credentials.length) return base;
  const bundle: HandoffBundle = { version: 1, exportedAt: new Date().toISOString(), credentials };
  const jwe = recipient ? await encryptHandoff(bundle, { recipient }) : await encryptHandoff(bundle, { passphrase: payload.passphrase! });
  for (const credential of credentials) {
    await appendAudit({ event: 'exported', label: credential.label, vendor: credential.vendor, detail: mode === 'recipient' ? t('bg.audit.rescueToKey', [String(print)]) : t('bg.audit.rescueWithPassphrase') });
  }
  return { ...base, jwe };
}

export async function importCredentials(payload: PayloadOf<'credentials.import'>): Promise<ReplyDataMap['credentials.import']> {
  await requireVaultMeta();
  const info = inspectHandoff(payload.jwe);
  let bundle: HandoffBundle;
  if (info.mode === 'passphrase') {
    if (!payload.passphrase) throw new KeyholdError('INVALID_INPUT', t('bg.import.needPassphrase'));
    bundle = await decryptHandoff(payload.jwe, { passphrase: payload.passphrase });
  } else {
    bundle = await decryptHandoff(payload.jwe, { privateJwk: await requirePrivateKey() });
  }
  // Check every credential before storing any, so a bad file imports nothing.
  const checked = bundle.credentials.map((credential) => {
    if (!(credentialTypeIds as readonly string[]).includes(credential.vendor)) {
      throw new KeyholdError('INVALID_INPUT', t('bg.import.unknownVendor'));
    }
    const type = getCredentialType(credential.vendor as (typeof credentialTypeIds)[number]);
    return { ...credential, vendor: type.id, values: validateValues(type, credential.values, { allowMissing: true }) };
  });
  const ids: string[] = [];
  for (const credential of checked) {
    const record = await addRecord({ vendor: credential.vendor, label: credential.label, values: credential.values, expiresAt: credential.expiresAt });
    if (credential.usedBy?.length) await restoreUsedBy(record.id, credential.usedBy);
    ids.push(record.id);
    await appendAudit({ event: 'imported', label: record.label, vendor: record.vendor });
  }
  return { ids };
}

/** The vault's public key, for a colleague to export credentials to this Keyhold. */
export async function handoffKey(): Promise<ReplyDataMap['vault.handoffKey']> {
  const meta = await requireVaultMeta();
  const jwk = { kty: meta.publicJwk.kty, crv: meta.publicJwk.crv, x: meta.publicJwk.x, y: meta.publicJwk.y };
  return { jwk, pem: await publicKeyToPem(jwk), fingerprint: await fingerprint(jwk) };
}

const keyText = (key: string | Record<string, string>) => (typeof key === 'string' ? key : JSON.stringify(key));
