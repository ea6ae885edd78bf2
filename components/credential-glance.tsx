import type { CredentialSummary } from '@/utils/protocol';
import { TestVerdict } from './test-report-view';
import { AddToCalendarButton } from './calendar-buttons';
import { CredentialHeading } from './credential-badges';

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
        <button onClick={onOpenDetails}>Open in the guide</button>
        <AddToCalendarButton credential={credential} />
      </div>
      <p className="small muted">
        {credential.vendorName} · captured {new Date(credential.capturedAt).toLocaleString()}
      </p>
    </article>
  );
}
