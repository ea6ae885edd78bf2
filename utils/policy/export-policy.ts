// May credentials leave this vault, and to whom? Checked before any record is opened.
import { KeyholdError } from '../errors';
import type { ManagedPolicy } from '../protocol';
import { t } from '../i18n/translate';

/**
 * Throws EXPORT_NOT_ALLOWED unless the policy lets this export happen.
 * `recipientThumbprint` is the RFC 7638 SHA-256 thumbprint of the recipient key; omit it for an
 * export sealed with a passphrase.
 */
export function assertExportAllowed(policy: ManagedPolicy, recipientThumbprint?: string): void {
  if (policy.exportAllowed === false) {
    throw new KeyholdError('EXPORT_NOT_ALLOWED', t('bg.policy.noExport'));
  }
  const allowed = policy.exportRecipientKeys;
  if (allowed === undefined) return;
  if (recipientThumbprint === undefined) {
    throw new KeyholdError('EXPORT_NOT_ALLOWED', t('bg.policy.keysOnly'));
  }
  if (!allowed.includes(recipientThumbprint)) {
    throw new KeyholdError('EXPORT_NOT_ALLOWED', t('bg.policy.keyRefused', [recipientThumbprint]));
  }
}
