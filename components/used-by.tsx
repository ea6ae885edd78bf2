import type { CredentialSummary } from '@/utils/protocol';
import { t } from '@/utils/i18n/translate';
import { dateTimeText } from './format';

/** "Used by": the destinations Keyhold filled this credential on (origin and date, never a value). */
export function UsedBy({ credential }: { credential: CredentialSummary }) {
  if (!credential.usedBy?.length) return null;
  return (
    <section aria-label={t('page.usedBy.title')} className="small">
      <strong>{t('page.usedBy.title')}</strong>
      <ul className="plain" data-testid="used-by">
        {credential.usedBy.map((entry) => (
          <li key={entry.origin}>{t('page.usedBy.filledOn', [entry.origin, dateTimeText(entry.at)])}</li>
        ))}
      </ul>
    </section>
  );
}
