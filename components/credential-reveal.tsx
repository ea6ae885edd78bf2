import { useEffect, useState } from 'react';
import { sendMessage, type CredentialSummary } from '@/utils/protocol';
import type { CredentialDescription } from '@/utils/vendors/types';
import { errorText } from './use-async';
import { t } from '@/utils/i18n/translate';

/**
 * Reveal and hide a credential's values. They are forgotten the moment the vault is seen locked
 * (the background's 'vault' signal, or a focus re-check), and Hide never waits for anything.
 */
export function RevealValues({
  credential,
  type,
  unlocked,
}: {
  credential: CredentialSummary;
  type?: CredentialDescription;
  unlocked: boolean;
}) {
  const [revealed, setRevealed] = useState<Record<string, string>>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!unlocked) setRevealed(undefined);
  }, [unlocked]);
  // Not even one render shows values once the page knows the vault is locked.
  const shown = unlocked ? revealed : undefined;

  async function reveal() {
    setBusy(true);
    setError(undefined);
    try {
      setRevealed((await sendMessage('credentials.reveal', { id: credential.id })).values);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {shown ? (
        <button className="secondary" onClick={() => setRevealed(undefined)}>
          {t('page.details.hideValues')}
        </button>
      ) : (
        <button className="secondary" disabled={!unlocked || busy || credential.corrupted} onClick={() => void reveal()}>
          {t('page.details.reveal')}
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {shown && (
        <dl className="small revealed">
          {Object.entries(shown).map(([name, value]) => (
            <div key={name}>
              <dt className="muted">{type?.fields.find((f) => f.name === name)?.label ?? name}</dt>
              <dd className="mono">{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}
