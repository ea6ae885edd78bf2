import { useState, type FormEvent } from 'react';
import { sendMessage } from '@/utils/protocol';
import { errorText, useAsync } from '@/components/use-async';
import { useKeyholdData } from '@/components/use-keyhold-data';
import { VaultGate } from '@/components/vault-gate';
import { downloadText } from '@/components/download';

// Secure hand-off instead of email: export selected credentials encrypted to the recipient's key
// (or a passphrase told separately), and import what a colleague sent.
export function HandoffApp() {
  const vault = useKeyholdData(() => sendMessage('vault.status'), ['vault']);
  const unlocked = vault.data?.state === 'unlocked';
  return (
    <main className="stack" style={{ maxWidth: 720 }}>
      <h1>Hand off credentials securely</h1>
      <p className="muted">Instead of emailing a secret: encrypt it for one recipient. Keyhold produces a <code>.keyhold</code> file only that recipient’s key (or the passphrase you tell them another way) can open.</p>
      {vault.data && <VaultGate state={vault.data.state} retryAfter={vault.data.retryAfter} onChange={() => void vault.reload()} />}
      {unlocked && <ExportSection />}
      {vault.data && vault.data.state !== 'new' && <ImportSection unlocked={unlocked} />}
      {unlocked && <MyKeySection />}
    </main>
  );
}

function ExportSection() {
  const credentials = useKeyholdData(() => sendMessage('credentials.list'), ['credentials', 'vault']);
  const [selected, setSelected] = useState<string[]>([]);
  const [mode, setMode] = useState<'recipient' | 'passphrase'>('recipient');
  const [recipientJwk, setRecipientKey] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [result, setResult] = useState<{ jwe: string; count: number; fingerprint?: string }>();
  const [error, setError] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      setResult(
        await sendMessage('credentials.export', {
          ids: selected,
          ...(mode === 'recipient' ? { recipientJwk: recipientJwk.trim() } : { passphrase }),
        }),
      );
    } catch (caught) {
      setError(errorText(caught));
    }
  }

  function download() {
    if (result) downloadText(result.jwe, `keyhold-${new Date().toISOString().slice(0, 10)}.keyhold`, 'application/jose');
  }

  const usable = (credentials.data ?? []).filter((c) => !c.corrupted);
  return (
    <section className="card stack" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <form onSubmit={submit} className="stack">
        <fieldset>
          <legend>Credentials to hand off</legend>
          {usable.length === 0 && <p className="muted">No credentials yet.</p>}
          {usable.map((credential) => (
            <label key={credential.id} className="row" style={{ fontWeight: 400 }}>
              <input
                type="checkbox"
                style={{ width: 'auto' }}
                checked={selected.includes(credential.id)}
                onChange={(e) => setSelected(e.target.checked ? [...selected, credential.id] : selected.filter((id) => id !== credential.id))}
              />
              {credential.label} <span className="muted small">({credential.vendorName})</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Encrypt for</legend>
          <label className="row" style={{ fontWeight: 400 }}>
            <input type="radio" name="mode" style={{ width: 'auto' }} checked={mode === 'recipient'} onChange={() => setMode('recipient')} />
            The recipient’s public key (recommended)
          </label>
          <label className="row" style={{ fontWeight: 400 }}>
            <input type="radio" name="mode" style={{ width: 'auto' }} checked={mode === 'passphrase'} onChange={() => setMode('passphrase')} />
            A passphrase you tell them by another channel
          </label>
        </fieldset>
        {mode === 'recipient' ? (
          <div>
            <label htmlFor="recipient-key">Recipient’s public key (JWK or PEM, P-256)</label>
            <textarea id="recipient-key" value={recipientJwk} onChange={(e) => setRecipientKey(e.target.value)} placeholder="-----BEGIN PUBLIC KEY-----" />
            <p className="small muted">
              The recipient gets one from their own Keyhold (“My hand-off key” below) or with <code>npx keyhold-open --new-key</code>.
            </p>
          </div>
        ) : (
          <div>
            <label htmlFor="export-passphrase">Passphrase (12 characters or more)</label>
            <input id="export-passphrase" type="password" autoComplete="new-password" minLength={12} value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </div>
        )}
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" disabled={!selected.length}>
          Encrypt {selected.length || ''} credential{selected.length === 1 ? '' : 's'}
        </button>
      </form>
      {result && (
        <div className="stack" role="status">
          <p className="ok">
            {result.count} credential{result.count === 1 ? '' : 's'} encrypted
            {result.fingerprint ? ` for key ${result.fingerprint}` : ' with your passphrase'}.
          </p>
          <div className="row">
            <button onClick={download}>Save .keyhold file</button>
            <button className="secondary" onClick={() => void navigator.clipboard.writeText(result.jwe)}>
              Copy encrypted text
            </button>
          </div>
          <textarea readOnly aria-label="Encrypted hand-off" value={result.jwe} />
        </div>
      )}
    </section>
  );
}

function ImportSection({ unlocked }: { unlocked: boolean }) {
  const [jwe, setJwe] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [status, setStatus] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const { ids } = await sendMessage('credentials.import', { jwe: jwe.trim(), ...(passphrase ? { passphrase } : {}) });
      setStatus(`Imported ${ids.length} credential${ids.length === 1 ? '' : 's'} into the vault.`);
      setJwe('');
      setPassphrase('');
    } catch (error) {
      setStatus(errorText(error));
    }
  }

  return (
    <section className="card stack" aria-labelledby="import-title">
      <h2 id="import-title">Import</h2>
      <form onSubmit={submit} className="stack">
        <div>
          <label htmlFor="import-file">.keyhold file</label>
          <input id="import-file" type="file" accept=".keyhold,.jwe,.txt" onChange={(e) => void e.target.files?.[0]?.text().then((text) => setJwe(text.trim()))} />
        </div>
        <div>
          <label htmlFor="import-text">or paste the encrypted text</label>
          <textarea id="import-text" value={jwe} onChange={(e) => setJwe(e.target.value)} />
        </div>
        <div>
          <label htmlFor="import-passphrase">Passphrase (only for passphrase-protected files)</label>
          <input id="import-passphrase" type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </div>
        {!unlocked && <p className="small muted">Files encrypted to your hand-off key need the vault unlocked.</p>}
        <button type="submit" disabled={!jwe.trim()}>Import</button>
      </form>
      {status && <p role="status">{status}</p>}
    </section>
  );
}

function MyKeySection() {
  const key = useAsync(() => sendMessage('vault.handoffKey'));
  if (!key.data) return null;
  return (
    <section className="card stack" aria-labelledby="my-key-title">
      <h2 id="my-key-title">My hand-off key</h2>
      <p className="small">Send this public key to a colleague who wants to hand credentials to you. Compare the fingerprint with them by voice or chat.</p>
      <p className="small">
        Fingerprint: <span className="mono">{key.data.fingerprint}</span>
      </p>
      <textarea readOnly aria-label="My public key" value={key.data.pem} />
      <button className="secondary" onClick={() => void navigator.clipboard.writeText(key.data!.pem)}>
        Copy public key
      </button>
    </section>
  );
}
