// What follows every write of a credential, in one place: its test result and the audit entry go
// to storage in one write, a credential that stops working raises one notification, and the
// toolbar badge is recomputed once (by the expiry check when the credential has an end date).
import type { TestReport } from '../protocol';
import type { CredentialRecord } from '../vault/storage-schema';
import type { CredentialType } from '../vendors/types';
import type { AuditInput } from './audit';
import { updateBadge } from './badge';
import { saveTestResult } from './credential-store';
import { maintenance } from './lifecycle';
import { notify } from './notify';
import { t } from '../i18n/translate';

/**
 * Store a test result with its audit entry (Test all notes one for the run); notify when a working
 * credential starts failing.
 * True when the credential started or stopped failing: the badge count may change.
 */
export async function saveOutcome(
  record: Pick<CredentialRecord, 'id' | 'label' | 'vendor'>,
  type: Pick<CredentialType<any>, 'name'>,
  report: TestReport,
  ms: number,
  audit?: AuditInput,
): Promise<boolean> {
  const before = await saveTestResult(record.id, report, ms, audit);
  if (before?.lastTest?.ok && !report.ok) {
    await notify(
      `keyhold-failing-${record.id}`,
      t('bg.notice.stopped', [before.label]),
      t('bg.notice.vendorSays', [type.name, report.message]),
    );
  }
  return (before?.lastTest?.ok === false) !== !report.ok; // failing before ≠ failing now
}

/** After a write that may change what needs attention: one badge update (with expiry reminders when dated). */
export async function refreshAttention(record: { expiresAt?: string | null }): Promise<void> {
  if (record.expiresAt) await maintenance();
  else await updateBadge();
}
