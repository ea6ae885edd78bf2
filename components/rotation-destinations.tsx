import { browser } from 'wxt/browser';
import type { CredentialSummary } from '@/utils/protocol';
import { t } from '@/utils/i18n/translate';
import { dateText, dateTimeText } from './format';

/** Destinations filled before the last rotation still hold the old secret. */
export function staleDestinations(credential: CredentialSummary) {
  const rotated = credential.rotatedAt;
  return (credential.usedBy ?? []).filter((entry) => rotated && entry.at < rotated);
}

/**
 * The rotation guide's last step: every destination that holds the secret, each opened with one
 * click to be filled again there (toolbar → Fill this page, or Alt+Shift+F), and marked done once
 * Keyhold has filled it since the rotation. While any is left, the roll-back window says so.
 */
export function RotationDestinations({ credential, guide }: { credential: CredentialSummary; guide: boolean }) {
  const used = credential.usedBy ?? [];
  const stale = staleDestinations(credential);
  if (!used.length || (!stale.length && !(guide || credential.rotatedAt))) return null;
  const rolling = credential.rollbackUntil && Date.parse(credential.rollbackUntil) > Date.now();
  return (
    <section aria-label={t('page.destinations.label')} className="card small">
      <strong>{credential.rotatedAt ? t('page.destinations.refill') : t('page.destinations.afterRotating')}</strong>
      {stale.length > 0 && rolling ? (
        <p className="bad" role="alert">
          {t('page.destinations.stale', stale.length, [String(stale.length), dateTimeText(credential.rollbackUntil!)])}
        </p>
      ) : null}
      <ul className="plain" data-testid="rotation-destinations">
        {used.map((entry) => {
          const done = credential.rotatedAt && entry.at >= credential.rotatedAt;
          return (
            <li key={entry.origin} className="spread">
              <span>
                <span className="mono">{entry.origin}</span> ·{' '}
                {done ? (
                  <span className="ok">{t('page.destinations.doneFilled', [dateTimeText(entry.at)])}</span>
                ) : credential.rotatedAt ? (
                  t('page.destinations.stillOld')
                ) : (
                  t('page.destinations.filled', [dateText(entry.at)])
                )}
              </span>
              {!done && credential.rotatedAt ? (
                <button
                  className="secondary"
                  onClick={() => void browser.tabs.create({ url: `${entry.origin}/` })}
                  title={t('page.destinations.openAndFillTitle')}
                >
                  {t('page.destinations.openAndFill')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {stale.length > 0 ? <p className="muted">{t('page.destinations.onEachSite')}</p> : null}
    </section>
  );
}
