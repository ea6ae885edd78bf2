import { useState, type FormEvent } from 'react';
import { sendMessage, type VaultState } from '@/utils/protocol';
import { KeyholdError } from '@/utils/errors';
import { errorText } from './use-async';
import { t } from '@/utils/i18n/translate';
import { PassphraseField } from './passphrase-field';

/** Create or unlock the vault; shows the lock button when unlocked. */
export function VaultGate({ state, retryAfter, onChange }: { state: VaultState; retryAfter?: number; onChange: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (state === 'new' && passphrase !== confirm) return setError(t('page.vault.differ'));
    if (passphrase.length < 12) return setError(t('page.vault.tooShort'));
    setBusy(true);
    try {
      await sendMessage(state === 'new' ? 'vault.create' : 'vault.unlock', { passphrase });
      setPassphrase('');
      setConfirm('');
      onChange();
    } catch (caught) {
      setError(caught instanceof KeyholdError && caught.code === 'TOO_MANY_ATTEMPTS' ? caught.message : errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  if (state === 'unlocked') {
    return (
      <div className="spread">
        <span className="ok">{t('page.vault.unlocked')}</span>
        <button className="secondary" onClick={() => void sendMessage('vault.lock').then(onChange)}>
          {t('page.vault.lock')}
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="stack" aria-label={state === 'new' ? t('page.vault.create') : t('page.vault.unlockVault')}>
      {state === 'new' ? <p>{t('page.vault.createIntro')}</p> : <p>{t('page.vault.lockedIntro')}</p>}
      <PassphraseField
        id="passphrase"
        label={t('page.vault.passphrase')}
        value={passphrase}
        onChange={setPassphrase}
        autoComplete={state === 'new' ? 'new-password' : 'current-password'}
        required
      />
      {state === 'new' && (
        <PassphraseField
          id="passphrase-confirm"
          label={t('page.vault.repeat')}
          value={confirm}
          onChange={setConfirm}
          autoComplete="new-password"
          required
        />
      )}
      {retryAfter ? (
        <p className="warn" role="status">
          {t('page.vault.wait', [String(retryAfter)])}
        </p>
      ) : null}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t('page.vault.working') : state === 'new' ? t('page.vault.create') : t('page.vault.unlock')}
      </button>
    </form>
  );
}
