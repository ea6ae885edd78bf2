import { useState, type FormEvent } from 'react';
import { sendMessage, type ReplyDataMap } from '@/utils/protocol';
import { errorText } from './use-async';
import { useKeyholdData } from './use-keyhold-data';
import { downloadText } from './download';
import { t } from '@/utils/i18n/translate';
import { PassphraseField } from './passphrase-field';

/**
 * Shown only when the vault's key record or some credential records are damaged: says what can
 * still be recovered and exports it (the readable sealed values, to an ordinary hand-off file).
 */
export function VaultRescueSection() {
  const status = useKeyholdData(() => sendMessage('vault.status'), ['vault']);
  const list = useKeyholdData(() => sendMessage('credentials.list'), ['credentials', 'vault']);
  const [vaultPassphrase, setVaultPassphrase] = useState('');
  const [filePassphrase, setFilePassphrase] = useState('');
  const [result, setResult] = useState<ReplyDataMap['vault.exportReadable']>();
  const [error, setError] = useState<string>();
  const vaultDamaged = status.data?.damaged === true;
  const damagedRecords = (list.data ?? []).filter((credential) => credential.corrupted);
  if (!vaultDamaged && !damagedRecords.length) return null;
  const locked = status.data?.state !== 'unlocked';

  async function rescue(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      setResult(await sendMessage('vault.exportReadable', { ...(locked ? { vaultPassphrase } : {}), passphrase: filePassphrase }));
      setVaultPassphrase('');
    } catch (caught) {
      setError(errorText(caught));
    }
  }

  function downloadList() {
    // Clear details only: labels, consoles, where and when each was captured. Never a value.
    const rows = (list.data ?? []).map(({ label, vendorName, source, capturedAt, fields, corrupted }) => ({
      label,
      vendorName,
      source,
      capturedAt,
      fields,
      corrupted,
    }));
    downloadText(
      JSON.stringify(rows, null, 2),
      `keyhold-credential-list-${new Date().toISOString().slice(0, 10)}.json`,
      'application/json',
    );
  }

  return (
    <section className="card stack" aria-labelledby="rescue-title">
      <h2 id="rescue-title">{vaultDamaged ? t('page.rescue.damagedVault') : t('page.rescue.damagedCredentials')}</h2>
      <p role="alert" className="error">
        {vaultDamaged ? t('page.rescue.vaultKeyDamaged') : t('page.rescue.recordsDamaged', damagedRecords.length)}
      </p>
      <p className="small">{vaultDamaged ? t('page.rescue.recoverableWithPassphrase') : t('page.rescue.recoverable')}</p>
      <button className="secondary" onClick={downloadList} disabled={!list.data?.length}>
        {t('page.rescue.downloadList')}
      </button>
      <form onSubmit={rescue} className="stack" aria-label={t('page.rescue.exportReadable')}>
        {locked && (
          <PassphraseField
            id="rescue-vault-passphrase"
            label={t('page.rescue.vaultPassphrase')}
            value={vaultPassphrase}
            onChange={setVaultPassphrase}
            autoComplete="current-password"
            required
          />
        )}
        <PassphraseField
          id="rescue-file-passphrase"
          label={t('page.rescue.filePassphrase')}
          value={filePassphrase}
          onChange={setFilePassphrase}
          autoComplete="new-password"
          required
        />
        <button type="submit">{t('page.rescue.exportReadable')}</button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div role="status" className="stack">
          <p>
            {t('page.rescue.recovered', result.count)}
            {result.unreadable.length ? <> {t('page.rescue.couldNotRecover', [String(result.unreadable.length)])}</> : null}
          </p>
          {result.unreadable.length > 0 && (
            <ul className="small">
              {result.unreadable.map((item) => (
                <li key={item.id}>
                  {item.label}: {item.reason}
                </li>
              ))}
            </ul>
          )}
          {result.jwe && (
            <button
              onClick={() =>
                downloadText(result.jwe!, `keyhold-rescue-${new Date().toISOString().slice(0, 10)}.keyhold`, 'application/jose')
              }
            >
              {t('page.rescue.downloadRecovered')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
