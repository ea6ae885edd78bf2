import { useState } from 'react';
import { sendMessage } from '@/utils/protocol';
import { errorText } from './use-async';
import { t } from '@/utils/i18n/translate';

/** https pages, and local test pages (the same rule the background applies: fill-gate.ts). */
function fillable(url: URL | undefined): boolean {
  return Boolean(
    url && (url.protocol === 'https:' || (url.protocol === 'http:' && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname))),
  );
}

/**
 * "Fill this page": the toolbar click that opened the popup granted activeTab on this tab; the
 * background injects the fill panel there, and the popup gets out of the way.
 */
export function FillThisPage({ tab }: { tab?: { id?: number; url?: URL } }) {
  const [error, setError] = useState<string>();
  if (!tab || tab.id === undefined || !fillable(tab.url)) return null;
  const tabId = tab.id;
  return (
    <>
      <button
        className="secondary"
        title={t('page.fill.title')}
        onClick={() =>
          void sendMessage('fill.start', { tabId }).then(
            (started) => (started.locked ? setError(t('page.fill.unlockFirst')) : window.close()),
            (caught) => setError(errorText(caught)),
          )
        }
      >
        {t('page.fill.button')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
