import { useState } from 'react';
import { browser } from 'wxt/browser';
import { snapshotPage, type PageSnapshot } from '@/utils/report/snapshot';
import { downloadText } from './download';
import { errorText } from './use-async';

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
      if (tabId === undefined) throw new Error('No console tab to report.');
      const [injection] = await browser.scripting.executeScript({ target: { tabId }, func: snapshotPage });
      const result = injection?.result as PageSnapshot | undefined;
      if (!result?.html) throw new Error('The page could not be read. Reload it and try again.');
      setSnap(result);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  const file = snap ? reportFile(consoleId, snap) : '';
  return (
    <section aria-label="Report this page" className="stack">
      <h2>Report this page</h2>
      <p className="small muted">
        No “Save to Keyhold” button where you expected one? Save a redacted copy of this page for a bug report: its structure and labels,
        with every value that could be a secret, an ID, an e-mail, a name or a host replaced by a fake of the same shape. Nothing from
        cookies, storage or the address’s query string is taken.
      </p>
      {!snap && (
        <button className="secondary" onClick={() => void take()} disabled={busy}>
          {busy ? 'Reading the page…' : 'Report this page'}
        </button>
      )}
      {snap && (
        <div className="stack" data-testid="report-preview">
          <p className="small">
            {snap.url} · {snap.replaced} values replaced by fakes · {Math.round(file.length / 1024)} KB. Check below that nothing in it
            should stay private, then save it.
          </p>
          <textarea readOnly rows={12} value={file} aria-label="What the report holds" spellCheck={false} />
          <div className="spread">
            <button
              onClick={() => downloadText(file, `keyhold-report-${consoleId}-${new Date().toISOString().slice(0, 10)}.html`, 'text/html')}
            >
              Save report
            </button>
            <button className="secondary" onClick={() => setSnap(null)}>
              Discard
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
