import { useState } from 'react';
import { sendMessage, type CredentialSummary } from '@/utils/protocol';
import type { CredentialDescription } from '@/utils/vendors/types';
import { errorText } from './use-async';
import { RotationDestinations } from './rotation-destinations';
import { t } from '@/utils/i18n/translate';
import { dateTimeText } from './format';

/** Copy as .env / JSON / curl, roll back a rotation, create an Apple client assertion. */
export function CredentialActions({
  credential,
  type,
  unlocked,
  onChange,
}: {
  credential: CredentialSummary;
  type?: CredentialDescription;
  unlocked: boolean;
  onChange: () => void;
}) {
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
      const note = t('page.actions.clipboardNote');
      setStatus(
        format === 'env'
          ? t('page.actions.copiedEnv', [note])
          : format === 'json'
            ? t('page.actions.copiedJson', [note])
            : t('page.actions.copiedCurl', [note]),
      );
    } catch (error) {
      setStatus(errorText(error));
    }
  }

  async function rollBack() {
    try {
      await sendMessage('credentials.rollback', { id: credential.id });
      setStatus(t('page.actions.rolledBack'));
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
      <div className="row" role="group" aria-label={t('page.actions.copyAs')}>
        <span className="small muted">{t('page.actions.copyAs')}</span>
        <button className="secondary" onClick={() => void copyAs('env')}>
          {t('page.actions.env')}
        </button>
        <button className="secondary" onClick={() => void copyAs('json')}>
          {t('page.actions.json')}
        </button>
        {type?.offers?.curl ? (
          <button className="secondary" onClick={() => void copyAs('curl')}>
            {t('page.actions.curl')}
          </button>
        ) : null}
        {canRollBack ? (
          <button
            className="secondary"
            onClick={() => void rollBack()}
            title={t('page.actions.possibleUntil', [dateTimeText(credential.rollbackUntil!)])}
          >
            {t('page.actions.rollBack')}
          </button>
        ) : null}
      </div>
      {type?.rotation ? (
        <div>
          <button className="secondary" aria-expanded={showRotation} onClick={() => setShowRotation(!showRotation)}>
            {showRotation ? t('page.actions.hideRotation') : t('page.actions.rotate')}
          </button>
          {showRotation && (
            <ol className="small" aria-label={t('page.actions.rotationSteps')}>
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
          <label htmlFor={`assertion-days-${credential.id}`} style={{ margin: 0 }}>
            {t('page.actions.assertionValidFor')}
          </label>
          <input
            id={`assertion-days-${credential.id}`}
            type="number"
            min={1}
            max={180}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            style={{ width: 80 }}
          />
          <span>{t('page.actions.days')}</span>
          <button className="secondary" onClick={() => void createAssertion()}>
            {t('page.actions.createAssertion')}
          </button>
        </div>
      ) : null}
      {assertion && (
        <div className="card">
          <p className="small">{t('page.actions.shownOnce', [dateTimeText(assertion.expiresAt)])}</p>
          <textarea readOnly aria-label={t('page.actions.clientAssertion')} value={assertion.assertion} />
          <button
            onClick={() =>
              void navigator.clipboard
                .writeText(assertion.assertion)
                .then(() => sendMessage('clipboard.scheduleClear'))
                .then(() => setStatus(t('page.actions.assertionCopied', [t('page.actions.clipboardNote')])))
            }
          >
            {t('page.actions.copyAssertion')}
          </button>
        </div>
      )}
      {status && (
        <p className="small" role="status">
          {status}
        </p>
      )}
    </div>
  );
}
