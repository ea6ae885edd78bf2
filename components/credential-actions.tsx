import { useState } from 'react';
import { sendMessage, type CredentialSummary } from '@/utils/protocol';
import type { CredentialDescription } from '@/utils/vendors/types';
import { errorText } from './use-async';
import { RotationDestinations } from './rotation-destinations';

const CLIPBOARD_NOTE = 'Keyhold empties the clipboard in 30 s. A clipboard history kept by your operating system is not cleared.';

/** Copy as .env / JSON / curl, roll back a rotation, create an Apple client assertion. */
export function CredentialActions({ credential, type, unlocked, onChange }: { credential: CredentialSummary; type?: CredentialDescription; unlocked: boolean; onChange: () => void }) {
  const [status, setStatus] = useState<string>();
  const [days, setDays] = useState('30');
  const [assertion, setAssertion] = useState<{ assertion: string; expiresAt: string }>();
  const [showRotation, setShowRotation] = useState(false);
  const canRollBack = credential.rollbackUntil && Date.parse(credential.rollbackUntil) > Date.now();

  async function copyAs(format: 'env' | 'json' | 'curl') {
    try {
      const { text } = await sendMessage('credentials.copyAs', { id: credential.id, format });
      await navigator.clipboard.writeText(text);
      await sendMessage('clipboard.scheduleClear');
      setStatus(`Copied as ${format === 'env' ? '.env lines' : format === 'json' ? 'JSON' : 'a curl command'}. ${CLIPBOARD_NOTE}`);
    } catch (error) {
      setStatus(errorText(error));
    }
  }

  async function rollBack() {
    try {
      await sendMessage('credentials.rollback', { id: credential.id });
      setStatus('Rolled back to the values from before the last rotation. Test it to confirm.');
      onChange();
    } catch (error) {
      setStatus(errorText(error));
    }
  }

  async function createAssertion() {
    try {
      setAssertion(await sendMessage('credentials.createAssertion', { id: credential.id, days: Number(days) }));
      setStatus(undefined);
      onChange();
    } catch (error) {
      setStatus(errorText(error));
    }
  }

  if (credential.corrupted || !unlocked) return null;
  return (
    <div className="stack">
      <div className="row" role="group" aria-label="Copy as">
        <span className="small muted">Copy as</span>
        <button className="secondary" onClick={() => void copyAs('env')}>.env</button>
        <button className="secondary" onClick={() => void copyAs('json')}>JSON</button>
        {type?.offers?.curl ? <button className="secondary" onClick={() => void copyAs('curl')}>curl</button> : null}
        {canRollBack ? (
          <button className="secondary" onClick={() => void rollBack()} title={`Possible until ${new Date(credential.rollbackUntil!).toLocaleString()}`}>
            Roll back rotation
          </button>
        ) : null}
      </div>
      {type?.rotation ? (
        <div>
          <button className="secondary" aria-expanded={showRotation} onClick={() => setShowRotation(!showRotation)}>
            {showRotation ? 'Hide rotation steps' : 'Rotate this secret'}
          </button>
          {showRotation && (
            <ol className="small" aria-label="Rotation steps">
              {type.rotation.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          )}
        </div>
      ) : null}
      <RotationDestinations credential={credential} guide={showRotation} />
      {type?.offers?.assertion && !credential.missing?.length ? (
        <div className="row">
          <label htmlFor={`assertion-days-${credential.id}`} style={{ margin: 0 }}>Client assertion valid for</label>
          <input id={`assertion-days-${credential.id}`} type="number" min={1} max={180} value={days} onChange={(e) => setDays(e.target.value)} style={{ width: 80 }} />
          <span>days</span>
          <button className="secondary" onClick={() => void createAssertion()}>Create client assertion</button>
        </div>
      ) : null}
      {assertion && (
        <div className="card">
          <p className="small">Shown once. Valid until {new Date(assertion.expiresAt).toLocaleString()}; Keyhold will remind you before it expires.</p>
          <textarea readOnly aria-label="Client assertion" value={assertion.assertion} />
          <button
            onClick={() =>
              void navigator.clipboard
                .writeText(assertion.assertion)
                .then(() => sendMessage('clipboard.scheduleClear'))
                .then(() => setStatus(`Assertion copied. ${CLIPBOARD_NOTE}`))
            }
          >
            Copy assertion
          </button>
        </div>
      )}
      {status && <p className="small" role="status">{status}</p>}
    </div>
  );
}
