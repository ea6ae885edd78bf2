import type { CredentialSummary } from '@/utils/protocol';
import { TestVerdict } from './test-report-view';
import { AddToCalendarButton } from './calendar-buttons';
import { CredentialHeading } from './credential-badges';
import { t } from '@/utils/i18n/translate';
import { dateTimeText } from './format';

/** The popup's view of one credential: the verdict, its calendar reminder, and the way to the full details. */
export function CredentialGlance({
  credential,
  onOpenDetails,
  headingRef,
}: {
  credential: CredentialSummary;
  onOpenDetails: () => void;
  headingRef?: (element: HTMLElement | null) => void;
}) {
  return (
    <article className="card stack details" aria-label={credential.label} data-credential={credential.id}>
      <CredentialHeading credential={credential} headingRef={headingRef} />
      <TestVerdict report={credential.lastTest} credential={credential} />
      <div className="row">
        <button onClick={onOpenDetails}>{t('page.details.openInGuide')}</button>
        <AddToCalendarButton credential={credential} />
      </div>
      <p className="small muted">{t('page.details.captured', [credential.vendorName, dateTimeText(credential.capturedAt)])}</p>
    </article>
  );
}
