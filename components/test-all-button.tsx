import { useEffect, useRef, useState } from 'react';
import { sendMessage, type TestAllProgress } from '@/utils/protocol';
import { errorText } from './use-async';

/** Runs every credential's test in the background and shows progress as results come in. */
export function TestAllButton({ disabled, onDone }: { disabled: boolean; onDone: () => void }) {
  const [progress, setProgress] = useState<TestAllProgress | null>(null);
  const [error, setError] = useState<string>();
  const timer = useRef<ReturnType<typeof setInterval>>(undefined);

  useEffect(() => () => clearInterval(timer.current), []);

  async function start() {
    setError(undefined);
    timer.current = setInterval(() => void sendMessage('credentials.testAllStatus').then(setProgress, () => undefined), 300);
    try {
      setProgress(await sendMessage('credentials.testAll'));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      clearInterval(timer.current);
      onDone();
    }
  }

  return (
    <div className="stack">
      <button onClick={() => void start()} disabled={disabled || progress?.running}>
        {progress?.running ? 'Testing…' : 'Test all'}
      </button>
      {progress && (
        <div role="status" aria-live="polite" data-testid="test-all-progress">
          <progress max={progress.total || 1} value={progress.done} aria-label="Test all progress" />{' '}
          <span className="small">
            {progress.done} of {progress.total} tested: {progress.ok} working, {progress.failed} failing
            {progress.running ? '' : ' (done)'}
          </span>
        </div>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </div>
  );
}
