import { useState, type FormEvent } from 'react';
import { sendMessage, type CredentialSummary } from '@/utils/protocol';
import { errorText } from './use-async';
import { t } from '@/utils/i18n/translate';
import { dateText } from './format';

/** Set or clear when a credential expires, where the console did not show it. */
export function ExpiryEditor({ credential, onChange }: { credential: CredentialSummary; onChange: () => void }) {
  const [date, setDate] = useState(credential.expiresAt ? credential.expiresAt.slice(0, 10) : '');
  const [status, setStatus] = useState<string>();
  const id = `expiry-${credential.id}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      // End of the chosen day, local time: a key "expiring on the 30th" works through the 30th.
      const expiresAt = date ? new Date(`${date}T23:59:59`).toISOString() : null;
      await sendMessage('credentials.updateMeta', { id: credential.id, expiresAt });
      setStatus(expiresAt ? t('page.expiry.remind', [dateText(expiresAt)]) : t('page.expiry.none'));
      onChange();
    } catch (error) {
      setStatus(errorText(error));
    }
  }

  return (
    <form className="row" onSubmit={save} aria-label={t('page.expiry.label')}>
      <label htmlFor={id} style={{ margin: 0 }}>
        {t('page.expiry.expiresOn')}
      </label>
      <input id={id} type="date" value={date} onChange={(e) => setDate(e.target.value)} style={{ width: 170 }} />
      <button type="submit" className="secondary">
        {date ? t('page.expiry.set') : t('page.expiry.clear')}
      </button>
      {status && (
        <span className="small" role="status">
          {status}
        </span>
      )}
    </form>
  );
}
