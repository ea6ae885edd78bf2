// Changes the vault has not confirmed (made while it was locked, or outside Keyhold), one line each:
// "new secret for X, captured on <page> at <time>: keep / discard". Shown after unlocking; nothing
// uses them until the admin keeps them. Renders nothing while the vault is locked or all is confirmed.
import { useState } from 'react';
import { sendMessage, type UnconfirmedChange, type VaultState } from '@/utils/protocol';
import { errorText, useAsync } from './use-async';

function describe(change: UnconfirmedChange): string {
  const when = new Date(change.at).toLocaleString();
  const where = change.source ? ` on ${change.source}` : '';
  if (change.kind === 'altered') return `${change.label} (${change.vendorName}) was changed outside Keyhold`;
  if (change.kind === 'new')
    return `New ${change.vendorName} credential “${change.label}”, stored${where} at ${when} while the vault was locked`;
  const what = change.secret ? 'New secret' : `New ${change.fields.join(', ')}`;
  return `${what} for ${change.label}, captured${where} at ${when}`;
}

export function UnconfirmedChanges({ state, onChange }: { state: VaultState | undefined; onChange?: () => void }) {
  const list = useAsync(() => (state === 'unlocked' ? sendMessage('vault.unconfirmed') : Promise.resolve([])), [state]);
  const [status, setStatus] = useState<string>();
  const changes = list.data ?? [];
  if (!changes.length && !status) return null;
  async function decide(decisions: { id: string; keep: boolean }[]) {
    try {
      const { kept, discarded } = await sendMessage('vault.confirm', { decisions });
      setStatus(`${kept} kept, ${discarded} discarded.`);
      await list.reload();
      onChange?.();
    } catch (error) {
      setStatus(errorText(error));
    }
  }
  return (
    <section className="card" aria-labelledby="unconfirmed-title">
      <h2 id="unconfirmed-title">Check these changes</h2>
      <p className="small">Keyhold uses them only once you keep them.</p>
      <ul className="stack">
        {changes.map((change) => (
          <li key={change.id} className="row">
            <span>{describe(change)}</span>
            <button type="button" onClick={() => void decide([{ id: change.id, keep: true }])}>
              Keep
            </button>
            <button type="button" className="danger" onClick={() => void decide([{ id: change.id, keep: false }])}>
              Discard
            </button>
          </li>
        ))}
      </ul>
      {changes.length > 1 && (
        <button type="button" onClick={() => void decide(changes.map((change) => ({ id: change.id, keep: true })))}>
          Keep all
        </button>
      )}
      {status && <p role="status">{status}</p>}
    </section>
  );
}
