// Changes the vault has not confirmed (issue 19, item 4): credentials stored and new values captured
// while it was locked, and records changed outside Keyhold. Listed for the admin after unlocking
// ("new secret for X, captured on <page> at <time>: keep / discard"); until then nothing uses them.
import type { PayloadOf, ReplyDataMap, UnconfirmedChange } from '../protocol';
import { isConfirmed } from '../vault/record-mac';
import { open } from '../vault/vault-crypto';
import { getCredentialType } from '../vendors/registry';
import { appendAudit } from './audit';
import { updateBadge } from './badge';
import { decideRecord, listRecords } from './credential-store';
import { macKeyFor, requirePrivateKey } from './vault-service';
import { t } from '../i18n/translate';

export async function listUnconfirmed(): Promise<UnconfirmedChange[]> {
  const privateJwk = await requirePrivateKey();
  const key = await macKeyFor(privateJwk);
  const changes: UnconfirmedChange[] = [];
  for (const record of await listRecords()) {
    const confirmed = await isConfirmed(record, key);
    if (confirmed && !record.patches?.length) continue;
    const type = getCredentialType(record.vendor);
    const last = record.pending?.at(-1);
    // The field names come from the sealed patches themselves: clear notes can be forged or missing.
    const binding = { id: record.id, vendor: record.vendor };
    const patched = await Promise.all(
      (record.patches ?? []).map((patch) => open(patch, privateJwk, binding).then(Object.keys, () => ['(damaged)'])),
    );
    const fields = confirmed ? [...new Set(patched.flat())] : record.fields;
    const source = (confirmed ? last?.source : record.source)?.url;
    changes.push({
      id: record.id,
      label: record.label,
      vendorName: type.name,
      kind: confirmed ? 'update' : record.mac ? 'altered' : 'new',
      at: confirmed ? (last?.at ?? record.updatedAt) : record.updatedAt,
      ...(source ? { source } : {}),
      fields: fields.sort(),
      secret: confirmed && fields.some((field) => type.secretFields.includes(field)),
    });
  }
  return changes;
}

export async function decideUnconfirmed({ decisions }: PayloadOf<'vault.confirm'>): Promise<ReplyDataMap['vault.confirm']> {
  let kept = 0;
  for (const { id, keep } of decisions) {
    const { record, outcome } = await decideRecord(id, keep);
    if (keep) kept++;
    const about = { label: record.label, vendor: record.vendor };
    const event = outcome === 'rotated' ? 'rotated' : outcome === 'removed' ? 'deleted' : 'updated';
    await appendAudit({ event, ...about, detail: keep ? t('bg.audit.keptLocked') : t('bg.audit.discardedLocked') });
  }
  await updateBadge();
  return { kept, discarded: decisions.length - kept };
}
