import { useState, type FormEvent } from 'react';
import { sendMessage } from '@/utils/protocol';
import { errorText, useAsync } from '@/components/use-async';
import { useKeyholdData } from '@/components/use-keyhold-data';
import { VaultGate } from '@/components/vault-gate';
import { downloadText } from '@/components/download';
import { t } from '@/utils/i18n/translate';
import { PassphraseField } from '@/components/passphrase-field';

// Secure hand-off instead of email: export selected credentials encrypted to the recipient's key
// (or a passphrase told separately), and import what a colleague sent.
export function HandoffApp() {
  const vault = useKeyholdData(() => sendMessage('vault.status'), ['vault']);
  const unlocked = vault.data?.state === 'unlocked';
  return (
    <main className="stack" style={{ maxWidth: 720 }}>
      <h1>{t('page.handoff.title')}</h1>
      <p className="muted">{t('page.handoff.intro', ['.keyhold'])}</p>
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
      <h2 id="export-title">{t('page.handoff.export')}</h2>
      <form onSubmit={submit} className="stack">
        <fieldset>
          <legend>{t('page.handoff.toHandOff')}</legend>
          {usable.length === 0 && <p className="muted">{t('page.handoff.noCredentials')}</p>}
          {usable.map((credential) => (
            <label key={credential.id} className="row" style={{ fontWeight: 400 }}>
              <input
                type="checkbox"
                style={{ width: 'auto' }}
                checked={selected.includes(credential.id)}
                onChange={(e) =>
                  setSelected(e.target.checked ? [...selected, credential.id] : selected.filter((id) => id !== credential.id))
                }
              />
              {credential.label} <span className="muted small">({credential.vendorName})</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('page.handoff.encryptFor')}</legend>
          <label className="row" style={{ fontWeight: 400 }}>
            <input
              type="radio"
              name="mode"
              style={{ width: 'auto' }}
              checked={mode === 'recipient'}
              onChange={() => setMode('recipient')}
            />
            {t('page.handoff.recipientOption')}
          </label>
          <label className="row" style={{ fontWeight: 400 }}>
            <input
              type="radio"
              name="mode"
              style={{ width: 'auto' }}
              checked={mode === 'passphrase'}
              onChange={() => setMode('passphrase')}
            />
            {t('page.handoff.passphraseOption')}
          </label>
        </fieldset>
        {mode === 'recipient' ? (
          <div>
            <label htmlFor="recipient-key">{t('page.handoff.recipientKey')}</label>
            <textarea
              id="recipient-key"
              value={recipientJwk}
              onChange={(e) => setRecipientKey(e.target.value)}
              placeholder={t('page.handoff.pemPlaceholder')}
            />
            <p className="small muted">{t('page.handoff.recipientHint', ['npx keyhold-open --new-key'])}</p>
          </div>
        ) : (
          <PassphraseField
            id="export-passphrase"
            label={t('page.handoff.passphrase')}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="new-password"
          />
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={!selected.length}>
          {t('page.handoff.encrypt', selected.length)}
        </button>
      </form>
      {result && (
        <div className="stack" role="status">
          <p className="ok">
            {result.fingerprint
              ? t('page.handoff.encryptedForKey', result.count, [String(result.count), result.fingerprint])
              : t('page.handoff.encryptedWithPassphrase', result.count)}
          </p>
          <div className="row">
            <button onClick={download}>{t('page.handoff.saveFile')}</button>
            <button className="secondary" onClick={() => void navigator.clipboard.writeText(result.jwe)}>
              {t('page.handoff.copyEncrypted')}
            </button>
          </div>
          <textarea readOnly aria-label={t('page.handoff.encryptedLabel')} value={result.jwe} />
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
      setStatus(t('page.handoff.imported', ids.length));
      setJwe('');
      setPassphrase('');
    } catch (error) {
      setStatus(errorText(error));
    }
  }

  return (
    <section className="card stack" aria-labelledby="import-title">
      <h2 id="import-title">{t('page.handoff.import')}</h2>
      <form onSubmit={submit} className="stack">
        <div>
          <label htmlFor="import-file">{t('page.handoff.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".keyhold,.jwe,.txt"
            onChange={(e) => void e.target.files?.[0]?.text().then((text) => setJwe(text.trim()))}
          />
        </div>
        <div>
          <label htmlFor="import-text">{t('page.handoff.orPaste')}</label>
          <textarea id="import-text" value={jwe} onChange={(e) => setJwe(e.target.value)} />
        </div>
        <PassphraseField
          id="import-passphrase"
          label={t('page.handoff.importPassphrase')}
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="off"
          minLength={0}
        />
        {!unlocked && <p className="small muted">{t('page.handoff.needsUnlock')}</p>}
        <button type="submit" disabled={!jwe.trim()}>
          {t('page.handoff.import')}
        </button>
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
      <h2 id="my-key-title">{t('page.handoff.myKey')}</h2>
      <p className="small">{t('page.handoff.myKeyIntro')}</p>
      <p className="small">
        {t('page.handoff.fingerprint')} <span className="mono">{key.data.fingerprint}</span>
      </p>
      <textarea readOnly aria-label={t('page.handoff.myPublicKey')} value={key.data.pem} />
      <button className="secondary" onClick={() => void navigator.clipboard.writeText(key.data!.pem)}>
        {t('page.handoff.copyKey')}
      </button>
    </section>
  );
}
