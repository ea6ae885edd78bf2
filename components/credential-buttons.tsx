import { useState } from 'react';
import { sendMessage, type CredentialSummary, type TestReport } from '@/utils/protocol';
import { errorText } from './use-async';
import { t } from '@/utils/i18n/translate';

/** Test the credential now; the report is shown at once as the verdict. */
export function TestButton({
  credential,
  unlocked,
  onTested,
  onChange,
}: {
  credential: CredentialSummary;
  unlocked: boolean;
  onTested: (report: TestReport) => void;
  onChange: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function test() {
    setBusy(true);
    setError(undefined);
    try {
      onTested(await sendMessage('credentials.test', { id: credential.id }));
      onChange();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button onClick={() => void test()} disabled={!unlocked || busy || credential.corrupted}>
        {busy ? t('page.common.testing') : t('page.details.test')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/** Remove the credential from Keyhold, after a confirmation. */
export function RemoveButton({ credential, onChange }: { credential: CredentialSummary; onChange: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function remove() {
    if (!confirm(t('page.details.confirmRemove', [credential.label]))) return;
    setBusy(true);
    try {
      await sendMessage('credentials.remove', { id: credential.id });
      onChange();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button className="danger" disabled={busy} onClick={() => void remove()}>
        {t('page.common.remove')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
