// Changes the vault has not confirmed (made while it was locked, or outside Keyhold), one line each:
// "new secret for X, captured on <page> at <time>: keep / discard". Shown after unlocking; nothing
// uses them until the admin keeps them. Renders nothing while the vault is locked or all is confirmed.
import { useState } from 'react';
import { sendMessage, type UnconfirmedChange, type VaultState } from '@/utils/protocol';
import { errorText, useAsync } from './use-async';
import { t } from '@/utils/i18n/translate';
import { dateTimeText } from './format';

function describe(change: UnconfirmedChange): string {
  const when = dateTimeText(change.at);
  const where = change.source;
  if (change.kind === 'altered') return t('page.unconfirmed.altered', [change.label, change.vendorName]);
  if (change.kind === 'new')
    return where
      ? t('page.unconfirmed.newOn', [change.vendorName, change.label, where, when])
      : t('page.unconfirmed.newAt', [change.vendorName, change.label, when]);
  if (change.secret)
    return where ? t('page.unconfirmed.secretOn', [change.label, where, when]) : t('page.unconfirmed.secretAt', [change.label, when]);
  const fields = change.fields.join(', ');
  return where
    ? t('page.unconfirmed.fieldsOn', [fields, change.label, where, when])
    : t('page.unconfirmed.fieldsAt', [fields, change.label, when]);
}

export function UnconfirmedChanges({ state, onChange }: { state: VaultState | undefined; onChange?: () => void }) {
  const list = useAsync(() => (state === 'unlocked' ? sendMessage('vault.unconfirmed') : Promise.resolve([])), [state]);
  const [status, setStatus] = useState<string>();
  const changes = list.data ?? [];
  if (!changes.length && !status) return null;
  async function decide(decisions: { id: string; keep: boolean }[]) {
    try {
      const { kept, discarded } = await sendMessage('vault.confirm', { decisions });
      setStatus(t('page.unconfirmed.decided', [String(kept), String(discarded)]));
      await list.reload();
      onChange?.();
    } catch (error) {
      setStatus(errorText(error));
    }
  }
  return (
    <section className="card" aria-labelledby="unconfirmed-title">
      <h2 id="unconfirmed-title">{t('page.unconfirmed.title')}</h2>
      <p className="small">{t('page.unconfirmed.intro')}</p>
      <ul className="stack">
        {changes.map((change) => (
          <li key={change.id} className="row">
            <span>{describe(change)}</span>
            <button type="button" onClick={() => void decide([{ id: change.id, keep: true }])}>
              {t('page.unconfirmed.keep')}
            </button>
            <button type="button" className="danger" onClick={() => void decide([{ id: change.id, keep: false }])}>
              {t('page.common.discard')}
            </button>
          </li>
        ))}
      </ul>
      {changes.length > 1 && (
        <button type="button" onClick={() => void decide(changes.map((change) => ({ id: change.id, keep: true })))}>
          {t('page.unconfirmed.keepAll')}
        </button>
      )}
      {status && <p role="status">{status}</p>}
    </section>
  );
}
