import { Suspense, useCallback, useMemo, useState } from 'react';
import type { Guide } from '@/utils/vendors/types';
import { browser } from 'wxt/browser';
import { sendMessage, type CredentialSummary } from '@/utils/protocol';
import { VaultGate } from '@/components/vault-gate';
import { UnconfirmedChanges } from '@/components/unconfirmed-changes';
import { CredentialList } from '@/components/credential-list';
import { tenantOf } from '@/components/credential-list-model';
import { firstThen, useKeyholdData } from '@/components/use-keyhold-data';
import type { EarlyAnswers } from '@/components/early-answers';
import { TestAllButton } from '@/components/test-all-button';
import { ExportExpiriesButton } from '@/components/calendar-buttons';
import { useCapturePrefill } from '@/components/use-capture-prefill';
import { followedTabId, useFollowedConsole } from './use-followed-console';
import { AddByHand, ConsoleGuide, CredentialDetails, ReportPage } from './on-demand';
import { t } from '@/utils/i18n/translate';

/** The credential to open first: the only one, else the newest from the console tab's tenant. */
function suggestedOpen(list: CredentialSummary[], consoleId?: string, tenant?: string): string | undefined {
  if (list.length === 1) return list[0].id;
  if (!consoleId) return undefined;
  const here = list.filter((credential) => credential.consoleId === consoleId && (!tenant || tenantOf(credential) === tenant));
  return [...here].sort((a, b) => b.capturedAt.localeCompare(a.capturedAt))[0]?.id;
}

export function SidePanelApp({ early }: { early?: EarlyAnswers }) {
  const [loadVault] = useState(() => firstThen(early?.vault, () => sendMessage('vault.status')));
  const [loadCredentials] = useState(() => firstThen(early?.credentials, () => sendMessage('credentials.list')));
  const vault = useKeyholdData(loadVault, ['vault'], [], early?.first?.vault);
  const consoleTab = useFollowedConsole();
  const credentials = useKeyholdData(loadCredentials, ['credentials', 'vault'], [], early?.first?.credentials);
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
        <h1>{state ? t('page.list.group', [state.consoleName, state.tenant]) : t('manifest.name')}</h1>
      </header>
      {!state && <p className="muted">{t('page.panel.openConsole')}</p>}
      {vault.data ? <VaultGate state={vault.data.state} retryAfter={vault.data.retryAfter} onChange={refresh} /> : null}
      {/* Asked once the list is in: checking every record's MAC must not hold the list up. */}
      <UnconfirmedChanges state={credentials.data && vault.data?.state} onChange={refresh} />
      {state && (
        <Suspense fallback={null}>
          <ConsoleGuide consoleId={state.consoleId} currentStep={state.step} onTemplate={onTemplate} />
        </Suspense>
      )}
      <section aria-label={t('page.common.credentials')} className="stack">
        <h2>{state ? t('page.panel.credentialsFirst', [state.consoleName]) : t('page.panel.allCredentials')}</h2>
        {credentials.data && list.length === 0 ? <p className="muted">{t('page.panel.noneCaptured')}</p> : null}
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
              <Suspense fallback={<p className="muted">{t('page.common.loading')}</p>}>
                <CredentialDetails credential={credential} unlocked={unlocked} onChange={refresh} headingRef={focusRef} />
              </Suspense>
            )}
          />
        )}
      </section>
      <p className="small">
        <a href={browser.runtime.getURL('/handoff.html')} target="_blank" rel="noreferrer">
          {t('page.handoff.title')}
        </a>{' '}
        {t('page.panel.insteadOfEmail')}
      </p>
      {state && (
        <Suspense fallback={null}>
          <ReportPage consoleId={state.consoleId} />
        </Suspense>
      )}
      <section aria-label={t('page.panel.addByHand')}>
        <button className="secondary" aria-expanded={showAdd} onClick={() => setShowAdd(!showAdd)}>
          {showAdd ? t('page.panel.closeForm') : t('page.panel.addCredential')}
        </button>
        {showAdd && (
          <Suspense fallback={<p className="muted">{t('page.common.loading')}</p>}>
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
