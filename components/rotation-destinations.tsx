import { browser } from 'wxt/browser';
import type { CredentialSummary } from '@/utils/protocol';

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
    <section aria-label="Destinations to refill" className="card small">
      <strong>{credential.rotatedAt ? 'Refill the destinations' : 'After rotating, refill these destinations'}</strong>
      {stale.length > 0 && rolling ? (
        <p className="bad" role="alert">
          {stale.length === 1 ? '1 destination still uses' : `${stale.length} destinations still use`} the old secret. Refill{' '}
          {stale.length === 1 ? 'it' : 'them'} before the roll-back window ends ({new Date(credential.rollbackUntil!).toLocaleString()}).
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
                  <span className="ok">done, filled {new Date(entry.at).toLocaleString()}</span>
                ) : credential.rotatedAt ? (
                  'still on the old secret'
                ) : (
                  `filled ${new Date(entry.at).toLocaleDateString()}`
                )}
              </span>
              {!done && credential.rotatedAt ? (
                <button
                  className="secondary"
                  onClick={() => void browser.tabs.create({ url: `${entry.origin}/` })}
                  title="Opens the site; there, click Keyhold’s Fill this page (or Alt+Shift+F)"
                >
                  Open and fill
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {stale.length > 0 ? (
        <p className="muted">On each site, open the integration form, then Keyhold’s toolbar button → Fill this page (or Alt+Shift+F).</p>
      ) : null}
    </section>
  );
}
