import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/protocol';
import { VaultGate } from '@/components/vault-gate';
import { UnconfirmedChanges } from '@/components/unconfirmed-changes';
import { CredentialBadges } from '@/components/credential-badges';
import { sortByUrgency } from '@/components/credential-order';
import { errorText, useAsync } from '@/components/use-async';
import { currentTab, type CurrentTab } from './current-tab';
import { openGuide } from '@/components/open-guide';

// The popup paints from nothing but messages: no crypto, no network of its own.
export interface EarlyAnswers {
  vault: ReturnType<typeof sendMessage<'vault.status'>>;
  credentials: ReturnType<typeof sendMessage<'credentials.list'>>;
}

/** The first load takes the answer requested before React started; reloads ask again. */
function firstThen<T>(early: Promise<T> | undefined, load: () => Promise<T>): () => Promise<T> {
  let pending = early;
  return () => {
    const answer = pending ?? load();
    pending = undefined;
    return answer;
  };
}

export function PopupApp({ early }: { early?: EarlyAnswers }) {
  const [tab, setTab] = useState<CurrentTab>();
  const [loadVault] = useState(() => firstThen(early?.vault, () => sendMessage('vault.status')));
  const [loadCredentials] = useState(() => firstThen(early?.credentials, () => sendMessage('credentials.list')));
  const vault = useAsync(loadVault);
  const credentials = useAsync(loadCredentials);
  const [notice, setNotice] = useState<string>();

  useEffect(() => {
    void currentTab().then(setTab, () => setTab({}));
  }, []);

  const refresh = () => {
    void vault.reload();
    void credentials.reload();
  };

  async function enableSite() {
    if (!tab?.url) return;
    const origin = tab.url.origin;
    // Must run from this click: the browser asks the admin for this one origin only.
    const granted = await browser.permissions.request({ origins: [`https://${tab.url.hostname}/*`] }).catch(() => false);
    if (!granted) return setNotice('Keyhold was not given access to this site.');
    try {
      const result = await sendMessage('sites.enable', { origin, pageUrl: tab.url.href, ...(tab.id !== undefined ? { tabId: tab.id } : {}) });
      setNotice(result.console ? 'Jamf Pro confirmed on this site. Keyhold is active here now.' : 'Enabled, but this site did not answer like a Jamf Pro server.');
    } catch (error) {
      setNotice(errorText(error));
    }
  }

  const list = credentials.data ? sortByUrgency(credentials.data) : undefined;
  const isWebPage = tab?.url?.protocol === 'https:';

  return (
    <main style={{ width: 360 }} className="stack">
      <div className="spread">
        <h1>Keyhold</h1>
        <button className="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
          Options
        </button>
      </div>
      <section aria-label="Current tab" className="card">
        {tab?.console ? (
          <p>
            <strong data-testid="console-name">
              {tab.console.name} · {tab.console.tenant}
            </strong>
          </p>
        ) : (
          <p className="muted">{tab ? 'This tab is not a console Keyhold knows.' : 'Looking at this tab…'}</p>
        )}
        <div className="row">
          <button onClick={() => void openGuide(tab?.windowId, tab?.id)}>Open guide</button>
          {!tab?.console && isWebPage ? (
            <button className="secondary" onClick={() => void enableSite()}>
              Use Keyhold on this site
            </button>
          ) : null}
        </div>
        {notice && <p role="status">{notice}</p>}
      </section>
      {vault.data ? <VaultGate state={vault.data.state} retryAfter={vault.data.retryAfter} onChange={refresh} /> : null}
      <UnconfirmedChanges state={vault.data?.state} onChange={refresh} />
      {vault.error && <p className="error">{vault.error}</p>}
      <section aria-label="Stored credentials">
        <h2>Credentials</h2>
        {list === undefined ? (
          <p className="muted">Loading…</p>
        ) : list.length === 0 ? (
          <p className="muted">None yet. Open the guide on a console to create and capture one.</p>
        ) : (
          <ul className="plain" data-testid="credential-list">
            {list.map((credential) => (
              <li key={credential.id} className="card">
                <div className="spread">
                  <strong>{credential.label}</strong>
                </div>
                <div className="muted small">{credential.vendorName}</div>
                <CredentialBadges credential={credential} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
