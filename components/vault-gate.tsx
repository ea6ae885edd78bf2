import { useState, type FormEvent } from 'react';
import { sendMessage, type VaultState } from '@/utils/protocol';
import { KeyholdError } from '@/utils/errors';
import { errorText } from './use-async';

/** Create or unlock the vault; shows the lock button when unlocked. */
export function VaultGate({ state, retryAfter, onChange }: { state: VaultState; retryAfter?: number; onChange: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (state === 'new' && passphrase !== confirm) return setError('The two passphrases differ.');
    if (passphrase.length < 12) return setError('Use at least 12 characters.');
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
        <span className="ok">Vault unlocked</span>
        <button className="secondary" onClick={() => void sendMessage('vault.lock').then(onChange)}>
          Lock
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="stack" aria-label={state === 'new' ? 'Create vault' : 'Unlock vault'}>
      {state === 'new' ? (
        <p>Create a vault: credentials are sealed with a key only your passphrase opens. Capturing works even while it is locked.</p>
      ) : (
        <p>The vault is locked. Capture still works; unlock to read or test credentials.</p>
      )}
      <div>
        <label htmlFor="passphrase">Passphrase</label>
        <input id="passphrase" type="password" autoComplete={state === 'new' ? 'new-password' : 'current-password'} minLength={12} required value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      </div>
      {state === 'new' && (
        <div>
          <label htmlFor="passphrase-confirm">Repeat passphrase</label>
          <input id="passphrase-confirm" type="password" autoComplete="new-password" minLength={12} required value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        </div>
      )}
      {retryAfter ? <p className="warn" role="status">Too many wrong passphrases: wait {retryAfter} s before the next try.</p> : null}
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" disabled={busy}>
        {busy ? 'Working…' : state === 'new' ? 'Create vault' : 'Unlock'}
      </button>
    </form>
  );
}
