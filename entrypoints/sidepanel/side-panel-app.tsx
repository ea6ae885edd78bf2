import { Suspense, useCallback, useMemo, useState } from 'react';
import type { Guide } from '@/utils/vendors/types';
import { browser } from 'wxt/browser';
import { sendMessage, type CredentialSummary } from '@/utils/protocol';
import { VaultGate } from '@/components/vault-gate';
import { UnconfirmedChanges } from '@/components/unconfirmed-changes';
import { CredentialList } from '@/components/credential-list';
import { tenantOf } from '@/components/credential-list-model';
import { firstThen, useKeyholdData } from '@/components/use-keyhold-data';
import { TestAllButton } from '@/components/test-all-button';
import { ExportExpiriesButton } from '@/components/calendar-buttons';
import { useCapturePrefill } from '@/components/use-capture-prefill';
import { followedTabId, useFollowedConsole } from './use-followed-console';
import { AddByHand, ConsoleGuide, CredentialDetails, ReportPage } from './on-demand';

/** The credential to open first: the only one, else the newest from the console tab's tenant. */
function suggestedOpen(list: CredentialSummary[], consoleId?: string, tenant?: string): string | undefined {
  if (list.length === 1) return list[0].id;
  if (!consoleId) return undefined;
  const here = list.filter((credential) => credential.consoleId === consoleId && (!tenant || tenantOf(credential) === tenant));
  return [...here].sort((a, b) => b.capturedAt.localeCompare(a.capturedAt))[0]?.id;
}

export interface EarlyAnswers {
  vault: ReturnType<typeof sendMessage<'vault.status'>>;
  credentials: ReturnType<typeof sendMessage<'credentials.list'>>;
}

export function SidePanelApp({ early }: { early?: EarlyAnswers }) {
  const [loadVault] = useState(() => firstThen(early?.vault, () => sendMessage('vault.status')));
  const [loadCredentials] = useState(() => firstThen(early?.credentials, () => sendMessage('credentials.list')));
  const vault = useKeyholdData(loadVault, ['vault']);
  const consoleTab = useFollowedConsole();
  const credentials = useKeyholdData(loadCredentials, ['credentials', 'vault']);
  const settings = useKeyholdData(() => sendMessage('settings.get'), ['settings']);
  const [showAdd, setShowAdd] = useState(false);
  const [prefill, clearPrefill] = useCapturePrefill(followedTabId);
  useEffect(() => void (prefill && setShowAdd(true)), [prefill]);
  const hidden = settings.data?.policy?.hiddenVendors ?? [];
  const state = consoleTab.data && !hidden.includes(consoleTab.data.consoleId) ? consoleTab.data : null;

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
  const list = credentials.data ?? [];
  const current = useMemo(
    () => (state ? { consoleId: state.consoleId, tenant: state.tenant } : undefined),
    [state?.consoleId, state?.tenant],
  );

  return (
    <main className="stack">
      <header className="spread">
        <h1>{state ? `${state.consoleName} · ${state.tenant}` : 'Keyhold'}</h1>
      </header>
      {!state && (
        <p className="muted">
          Open a Jamf Pro, JumpCloud, Apple Business / School Manager or Iru console in this window: the guide follows the page you are on.
        </p>
      )}
      {vault.data ? <VaultGate state={vault.data.state} retryAfter={vault.data.retryAfter} onChange={refresh} /> : null}
      {/* Asked once the list is in: checking every record's MAC must not hold the list up. */}
      <UnconfirmedChanges state={credentials.data && vault.data?.state} onChange={refresh} />
      {state && (
        <Suspense fallback={null}>
          <ConsoleGuide consoleId={state.consoleId} currentStep={state.step} onTemplate={onTemplate} />
        </Suspense>
      )}
      <section aria-label="Credentials" className="stack">
        <h2>{state ? `Credentials (${state.consoleName} first)` : 'All credentials'}</h2>
        {credentials.data && list.length === 0 ? <p className="muted">None captured yet.</p> : null}
        <div className="row">
          {list.length > 1 ? <TestAllButton disabled={!unlocked} onDone={refresh} /> : null}
          <ExportExpiriesButton credentials={list} />
        </div>
        {list.length > 0 && (
          <CredentialList
            credentials={list}
            current={current}
            initialOpenId={suggestedOpen(list, state?.consoleId, state?.tenant)}
            renderDetails={(credential, focusRef) => (
              <Suspense fallback={<p className="muted">Loading…</p>}>
                <CredentialDetails credential={credential} unlocked={unlocked} onChange={refresh} headingRef={focusRef} />
              </Suspense>
            )}
          />
        )}
      </section>
      <p className="small">
        <a href={browser.runtime.getURL('/handoff.html')} target="_blank" rel="noreferrer">
          Hand off credentials securely
        </a>{' '}
        (instead of email)
      </p>
      {state && (
        <Suspense fallback={null}>
          <ReportPage consoleId={state.consoleId} />
        </Suspense>
      )}
      <section aria-label="Add by hand">
        <button className="secondary" aria-expanded={showAdd} onClick={() => setShowAdd(!showAdd)}>
          {showAdd ? 'Close the form' : 'Add a credential by hand'}
        </button>
        {showAdd && (
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <AddByHand
              hiddenConsoles={hidden}
              consoleId={state?.consoleId}
              context={state ? { consoleId: state.consoleId, hints: state.hints ?? {} } : undefined}
              prefill={prefill}
              onAdded={() => {
                clearPrefill();
                setShowAdd(false);
                refresh();
              }}
            />
          </Suspense>
        )}
      </section>
    </main>
  );
}
