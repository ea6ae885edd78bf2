import { useCallback, useEffect, useState } from 'react';
import type { Guide } from '@/utils/vendors/types';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/protocol';
import { guidesFor } from '@/utils/vendors/guide-registry';
import { VaultGate } from '@/components/vault-gate';
import { UnconfirmedChanges } from '@/components/unconfirmed-changes';
import { GuideView } from '@/components/guide-view';
import { CredentialDetails } from '@/components/credential-details';
import { AddCredentialForm } from '@/components/add-credential-form';
import { sortByUrgency } from '@/components/credential-order';
import { useAsync } from '@/components/use-async';
import { TestAllButton } from '@/components/test-all-button';

const FOLLOW_MS = 1000;

/** The tab this panel follows: ?tab=N when opened as a page, else the active tab of its window. */
async function followedTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return tab?.id;
}

export function SidePanelApp() {
  const vault = useAsync(() => sendMessage('vault.status'), [], 3000);
  const consoleTab = useAsync(async () => sendMessage('console.state', { tabId: await followedTabId() }), [], FOLLOW_MS);
  const credentials = useAsync(() => sendMessage('credentials.list'), [], 3000);
  const settings = useAsync(() => sendMessage('settings.get'));
  const [showAdd, setShowAdd] = useState(false);
  const hidden = settings.data?.policy?.hiddenVendors ?? [];
  const state = consoleTab.data && !hidden.includes(consoleTab.data.consoleId) ? consoleTab.data : null;
  const guides = state ? guidesFor(state.consoleId) : [];

  useEffect(() => {
    const onFocus = () => void consoleTab.reload();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [consoleTab]);

  const consoleId = state?.consoleId;
  const onTemplate = useCallback(
    (_guide: Guide, template: string) => {
      if (consoleId) void sendMessage('guide.selectTemplate', { consoleId, template }).catch(() => undefined);
    },
    [consoleId],
  );

  const refresh = () => {
    void vault.reload();
    void credentials.reload();
  };
  const unlocked = vault.data?.state === 'unlocked';
  const relevant = sortByUrgency(credentials.data ?? []).filter((c) => !state || c.consoleId === state.consoleId || c.corrupted);
  const firstType = guides[0]?.credentialType;

  return (
    <main className="stack">
      <header className="spread">
        <h1>{state ? `${state.consoleName} · ${state.tenant}` : 'Keyhold'}</h1>
      </header>
      {!state && <p className="muted">Open a Jamf Pro, JumpCloud, Apple Business / School Manager or Iru console in this window: the guide follows the page you are on.</p>}
      {vault.data ? <VaultGate state={vault.data.state} retryAfter={vault.data.retryAfter} onChange={refresh} /> : null}
      <UnconfirmedChanges state={vault.data?.state} onChange={refresh} />
      {state && <GuideView guides={guides} currentStep={state.step} onTemplate={onTemplate} />}
      <section aria-label="Credentials" className="stack">
        <h2>{state ? `Credentials for ${state.consoleName}` : 'All credentials'}</h2>
        {relevant.length === 0 ? <p className="muted">None captured yet.</p> : null}
        {(credentials.data?.length ?? 0) > 1 ? <TestAllButton disabled={!unlocked} onDone={refresh} /> : null}
        {relevant.map((credential) => (
          <CredentialDetails key={credential.id} credential={credential} unlocked={unlocked} onChange={refresh} />
        ))}
      </section>
      <p className="small">
        <a href={browser.runtime.getURL('/handoff.html')} target="_blank" rel="noreferrer">
          Hand off credentials securely
        </a>{' '}
        (instead of email)
      </p>
      <section aria-label="Add by hand">
        <button className="secondary" aria-expanded={showAdd} onClick={() => setShowAdd(!showAdd)}>
          {showAdd ? 'Close the form' : 'Add a credential by hand'}
        </button>
        {showAdd && (
          <AddCredentialForm
            hiddenConsoles={hidden}
            initialVendor={firstType}
            onAdded={() => {
              setShowAdd(false);
              refresh();
            }}
          />
        )}
      </section>
    </main>
  );
}
