import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/utils/protocol';
import { VaultGate } from '@/components/vault-gate';
import { errorText } from '@/components/use-async';
import { firstThen, useKeyholdData } from '@/components/use-keyhold-data';
import type { EarlyAnswers } from '@/components/early-answers';
import { CredentialList } from '@/components/credential-list';
import { CredentialGlance } from '@/components/credential-glance';
import { UnconfirmedChanges } from '@/components/unconfirmed-changes';
import { currentTab, type CurrentTab } from './current-tab';
import { openGuide } from '@/components/open-guide';
import { enabledSiteNotice } from '@/utils/vendors/self-hosting';
import { FillThisPage } from '@/components/fill-this-page';
import { t } from '@/utils/i18n/translate';

// The popup paints from nothing but messages: no crypto, no network of its own.
export function PopupApp({ early }: { early?: EarlyAnswers }) {
  const [tab, setTab] = useState<CurrentTab>();
  const [loadVault] = useState(() => firstThen(early?.vault, () => sendMessage('vault.status')));
  const [loadCredentials] = useState(() => firstThen(early?.credentials, () => sendMessage('credentials.list')));
  const vault = useKeyholdData(loadVault, ['vault'], [], early?.first?.vault);
  const credentials = useKeyholdData(loadCredentials, ['credentials', 'vault'], [], early?.first?.credentials);
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
    if (!granted) return setNotice(t('page.popup.accessDenied'));
    try {
      // A site that does not answer like Jamf Pro is refused, with the reason, by the background.
      const result = await sendMessage('sites.enable', {
        origin,
        pageUrl: tab.url.href,
        ...(tab.id !== undefined ? { tabId: tab.id } : {}),
      });
      setNotice(enabledSiteNotice(result.console));
    } catch (error) {
      setNotice(errorText(error));
    }
  }

  const list = credentials.data;
  const current = useMemo(() => (tab?.console ? { consoleId: tab.console.id, tenant: tab.console.tenant } : undefined), [tab]);
  const isWebPage = tab?.url?.protocol === 'https:';

  return (
    <main className="stack popup">
      <div className="spread">
        <h1>{t('manifest.name')}</h1>
        <button className="secondary" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('page.popup.options')}
        </button>
      </div>
      <section aria-label={t('page.popup.currentTab')} className="card">
        {tab?.console ? (
          <p>
            <strong data-testid="console-name">
              {tab.console.name} · {tab.console.tenant}
            </strong>
          </p>
        ) : (
          <p className="muted">{tab ? t('page.popup.notConsole') : t('page.popup.lookingAtTab')}</p>
        )}
        <div className="row">
          <button onClick={() => void openGuide(tab?.windowId, tab?.id)}>{t('page.popup.openGuide')}</button>
          {!tab?.console && isWebPage ? (
            <button className="secondary" onClick={() => void enableSite()}>
              {t('page.popup.useOnSite')}
            </button>
          ) : null}
          <FillThisPage tab={tab} />
        </div>
        {notice && <p role="status">{notice}</p>}
      </section>
      {vault.data ? <VaultGate state={vault.data.state} retryAfter={vault.data.retryAfter} onChange={refresh} /> : null}
      {/* Asked once the list is in: checking every record's MAC must not hold the list up. */}
      <UnconfirmedChanges state={list && vault.data?.state} onChange={refresh} />
      {vault.error && <p className="error">{vault.error}</p>}
      <section aria-label={t('page.popup.stored')}>
        <h2>{t('page.common.credentials')}</h2>
        {list === undefined ? (
          <p className="muted">{t('page.common.loading')}</p>
        ) : list.length === 0 ? (
          <p className="muted">{t('page.popup.none')}</p>
        ) : (
          <CredentialList
            credentials={list}
            current={current}
            renderDetails={(credential, focusRef) => (
              <CredentialGlance
                credential={credential}
                headingRef={focusRef}
                onOpenDetails={() => void openGuide(tab?.windowId, tab?.id)}
              />
            )}
          />
        )}
      </section>
    </main>
  );
}
