import type { CredentialSummary } from '@/utils/protocol';
import { calendarFileName, expiryCalendar, type ExpiryEvent } from '@/utils/calendar-ics';
import { downloadText } from './download';
import { tenantOf } from './credential-list-model';
import { t } from '@/utils/i18n/translate';

const CALENDAR_TYPE = 'text/calendar;charset=utf-8';

/** Clear metadata only: where to rotate is the page the credential was captured on, else its tenant. */
export function expiryEventOf(credential: CredentialSummary): ExpiryEvent | undefined {
  if (!credential.expiresAt || credential.corrupted) return undefined;
  const tenant = tenantOf(credential);
  const rotateUrl = credential.source?.url ?? (tenant ? `https://${tenant}/` : undefined);
  return {
    id: credential.id,
    label: credential.label,
    vendorName: credential.vendorName,
    tenant: tenant || undefined,
    expiresAt: credential.expiresAt,
    rotateUrl,
  };
}

/** "Add to calendar": an .ics file with the expiry as an all-day event and a reminder 7 days before. */
export function AddToCalendarButton({ credential }: { credential: CredentialSummary }) {
  const event = expiryEventOf(credential);
  if (!event) return null;
  return (
    <button className="secondary" onClick={() => downloadText(expiryCalendar([event]), calendarFileName(credential.label), CALENDAR_TYPE)}>
      {t('page.calendar.add')}
    </button>
  );
}

/** "Export all expiries": one calendar for every credential with an expiry. */
export function ExportExpiriesButton({ credentials }: { credentials: CredentialSummary[] }) {
  const events = credentials.map(expiryEventOf).filter((event): event is ExpiryEvent => Boolean(event));
  if (!events.length) return null;
  return (
    <button className="secondary" onClick={() => downloadText(expiryCalendar(events), calendarFileName(), CALENDAR_TYPE)}>
      {t('page.calendar.exportAll')}
    </button>
  );
}
