import { useEffect, useState, type Ref } from 'react';
import type { CredentialSummary, TestReport } from '@/utils/protocol';
import { credentialTypes } from '@/utils/vendors/descriptions';
import { CredentialHeading } from './credential-badges';
import { TestReportTables, TestVerdict } from './test-report-view';
import { CredentialActions } from './credential-actions';
import { ExpiryEditor } from './expiry-editor';
import { RevealValues } from './credential-reveal';
import { MissingFields, ReplaceKeyFile, TestChoice } from './credential-update-forms';
import { RemoveButton, TestButton } from './credential-buttons';
import { AddToCalendarButton } from './calendar-buttons';
import { UsedBy } from './used-by';
import { t } from '@/utils/i18n/translate';
import { dateTimeText } from './format';

/** A result from this view wins until the stored one is newer (a capture, Test all, a roll-back). */
function useShownReport(credential: CredentialSummary) {
  const [report, setReport] = useState<TestReport>();
  useEffect(() => setReport(undefined), [credential.updatedAt, credential.lastTest?.testedAt]);
  return [report ?? credential.lastTest, setReport] as const;
}

/** Where a credential came from, in one line. */
function CredentialOrigin({ credential }: { credential: CredentialSummary }) {
  return (
    <p className="small muted">
      {t('page.details.captured', [credential.vendorName, dateTimeText(credential.capturedAt)])}
      {credential.rotatedAt ? <> · {t('page.details.rotated', [dateTimeText(credential.rotatedAt)])}</> : null}
      {credential.source ? <> · {t('page.details.from', [new URL(credential.source.url).host])}</> : null}
    </p>
  );
}

/**
 * One credential, read top-down at 320–400 px: the verdict in one sentence, then what can be
 * done, then the permissions and requests of the last test under a disclosure.
 */
export function CredentialDetails({
  credential,
  unlocked,
  onChange,
  headingRef,
}: {
  credential: CredentialSummary;
  unlocked: boolean;
  onChange: () => void;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const [shown, setReport] = useShownReport(credential);
  const type = credentialTypes.find((t) => t.id === credential.vendor);
  const forms = { credential, type, unlocked, onTested: setReport, onChange };

  return (
    <article className="card stack details" aria-label={credential.label} data-credential={credential.id}>
      <CredentialHeading credential={credential} headingRef={headingRef} />
      {credential.corrupted ? <p className="bad">{t('page.details.damaged')}</p> : <TestVerdict report={shown} credential={credential} />}
      <div className="row">
        <TestButton credential={credential} unlocked={unlocked} onTested={setReport} onChange={onChange} />
        <RevealValues credential={credential} type={type} unlocked={unlocked} />
        <RemoveButton credential={credential} onChange={onChange} />
      </div>
      {!unlocked && <p className="small muted">{t('page.details.unlockToUse')}</p>}
      <MissingFields {...forms} />
      <ReplaceKeyFile {...forms} />
      <TestChoice {...forms} report={shown} />
      <CredentialActions credential={credential} type={type} unlocked={unlocked} onChange={onChange} />
      {!credential.corrupted && (
        <div className="row">
          <ExpiryEditor credential={credential} onChange={onChange} />
          <AddToCalendarButton credential={credential} />
        </div>
      )}
      <UsedBy credential={credential} />
      {shown && <TestReportTables report={shown} />}
      <CredentialOrigin credential={credential} />
    </article>
  );
}
