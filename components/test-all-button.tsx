import { useState } from 'react';
import { sendMessage, type TestAllProgress } from '@/utils/protocol';
import { errorText } from './use-async';
import { useChanged } from './use-keyhold-data';
import { t } from '@/utils/i18n/translate';

/** Runs every credential's test in the background and shows progress as results come in. */
export function TestAllButton({ disabled, onDone }: { disabled: boolean; onDone: () => void }) {
  const [progress, setProgress] = useState<TestAllProgress | null>(null);
  const [error, setError] = useState<string>();
  // Each result the background writes is signalled ('credentials'): ask for the progress then.
  useChanged(['credentials'], () => {
    if (progress?.running)
      void sendMessage('credentials.testAllStatus').then(
        (next) => next && setProgress((shown) => (shown?.running && next.done >= shown.done ? next : shown)),
        () => undefined,
      );
  });

  async function start() {
    setError(undefined);
    setProgress((shown) =>
      shown ? { ...shown, running: true } : { total: 0, done: 0, ok: 0, failed: 0, running: true, startedAt: new Date().toISOString() },
    );
    try {
      setProgress(await sendMessage('credentials.testAll'));
    } catch (caught) {
      setProgress(null);
      setError(errorText(caught));
    } finally {
      onDone();
    }
  }

  return (
    <div className="stack">
      <button onClick={() => void start()} disabled={disabled || progress?.running}>
        {progress?.running ? t('page.common.testing') : t('page.testAll.button')}
      </button>
      {progress && (
        <div role="status" aria-live="polite" data-testid="test-all-progress">
          <progress max={progress.total || 1} value={progress.done} aria-label={t('page.testAll.progressLabel')} />{' '}
          <span className="small">
            {t(progress.running ? 'page.testAll.progress' : 'page.testAll.progressDone', [
              String(progress.done),
              String(progress.total),
              String(progress.ok),
              String(progress.failed),
            ])}
          </span>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
