import { useState } from 'react';
import { browser } from 'wxt/browser';
import { snapshotPage, type PageSnapshot } from '@/utils/report/snapshot';
import { downloadText } from './download';
import { errorText } from './use-async';
import { t } from '@/utils/i18n/translate';

/** The tab this panel follows: ?tab=N when opened as a page, else the active tab of its window. */
async function followedTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
  return tab?.id;
}

/** The file a contributor drops into tests/fixtures/field-reports/<vendor>/ (see CONTRIBUTING.md). */
export function reportFile(consoleId: string, snap: PageSnapshot): string {
  const about = JSON.stringify({ keyholdFieldReport: 1, vendor: consoleId, url: snap.url, lang: snap.lang, replaced: snap.replaced });
  // "--" cannot occur inside an HTML comment.
  return `<!-- ${about.replace(/--/g, '- -')} -->\n${snap.html}`;
}

/**
 * "Report this page": one click takes a redacted snapshot of the console tab (injected on demand,
 * never part of the in-page script), the admin reads what it holds, then saves it as a file.
 */
export function ReportPage({ consoleId }: { consoleId: string }) {
  const [snap, setSnap] = useState<PageSnapshot | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function take() {
    setError(undefined);
    setBusy(true);
    try {
      const tabId = await followedTabId();
      if (tabId === undefined) throw new Error(t('page.reportPage.noTab'));
      const [injection] = await browser.scripting.executeScript({ target: { tabId }, func: snapshotPage });
      const result = injection?.result as PageSnapshot | undefined;
      if (!result?.html) throw new Error(t('page.reportPage.unreadable'));
      setSnap(result);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  const file = snap ? reportFile(consoleId, snap) : '';
  return (
    <section aria-label={t('page.reportPage.title')} className="stack">
      <h2>{t('page.reportPage.title')}</h2>
      <p className="small muted">{t('page.reportPage.intro')}</p>
      {!snap && (
        <button className="secondary" onClick={() => void take()} disabled={busy}>
          {busy ? t('page.reportPage.reading') : t('page.reportPage.title')}
        </button>
      )}
      {snap && (
        <div className="stack" data-testid="report-preview">
          <p className="small">
            {t('page.reportPage.summary', snap.replaced, [snap.url, String(snap.replaced), String(Math.round(file.length / 1024))])}
          </p>
          <textarea readOnly rows={12} value={file} aria-label={t('page.reportPage.holds')} spellCheck={false} />
          <div className="spread">
            <button
              onClick={() => downloadText(file, `keyhold-report-${consoleId}-${new Date().toISOString().slice(0, 10)}.html`, 'text/html')}
            >
              {t('page.reportPage.save')}
            </button>
            <button className="secondary" onClick={() => setSnap(null)}>
              {t('page.common.discard')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
