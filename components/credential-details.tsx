import { useEffect, useState } from 'react';
import { sendMessage, type CredentialSummary, type TestReport } from '@/utils/protocol';
import { credentialTypes } from '@/utils/vendors/registry';
import { CredentialBadges } from './credential-badges';
import { TestReportView } from './test-report-view';
import { FieldInput } from './field-input';
import { CredentialActions } from './credential-actions';
import { ExpiryEditor } from './expiry-editor';
import { errorText } from './use-async';
import { UsedBy } from './used-by';

interface Choice {
  field: string;
  label: string;
  options: { value: string; label: string }[];
}

/** A vendor's test may ask the admin to pick a value (a JumpCloud organization) and retest. */
function choiceOf(report: TestReport | undefined): Choice | undefined {
  const choice = report?.details?.choice as Choice | undefined;
  return choice && Array.isArray(choice.options) && choice.options.length ? choice : undefined;
}

export function CredentialDetails({ credential, unlocked, onChange }: { credential: CredentialSummary; unlocked: boolean; onChange: () => void }) {
  const [report, setReport] = useState<TestReport | undefined>(undefined);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const [revealed, setRevealed] = useState<Record<string, string>>();
  const [pending, setPending] = useState<Record<string, string>>({});
  const type = credentialTypes.find((t) => t.id === credential.vendor);
  // A result from this view wins until the stored one is newer (a capture, Test all, a roll-back).
  useEffect(() => setReport(undefined), [credential.updatedAt, credential.lastTest?.testedAt]);
  const shown = report ?? credential.lastTest;
  const choice = choiceOf(shown);

  async function run(name: string, action: () => Promise<void>) {
    setBusy(name);
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(undefined);
    }
  }

  const test = () => run('test', async () => {
    setReport(await sendMessage('credentials.test', { id: credential.id }));
    onChange();
  });

  const save = (values: Record<string, string>, retest: boolean) =>
    run('save', async () => {
      await sendMessage('credentials.update', { id: credential.id, values });
      setPending({});
      onChange();
      if (retest && unlocked) setReport(await sendMessage('credentials.test', { id: credential.id }));
    });

  const missingFields = type?.fields.filter((field) => credential.missing?.includes(field.name)) ?? [];
  // A key file already given can be replaced (a wrong file, or a new key after a rotation).
  const replaceable = type?.fields.filter((field) => field.input === 'file' && !credential.missing?.includes(field.name) && credential.fields.includes(field.name)) ?? [];
  const [replacing, setReplacing] = useState(false);

  return (
    <article className="card stack" aria-label={credential.label} data-credential={credential.id}>
      <div className="spread">
        <strong>{credential.label}</strong>
        <CredentialBadges credential={credential} />
      </div>
      <p className="small muted">
        {credential.vendorName} · captured {new Date(credential.capturedAt).toLocaleString()}
        {credential.rotatedAt ? ` · rotated ${new Date(credential.rotatedAt).toLocaleString()}` : ''}
        {credential.source ? ` · from ${new URL(credential.source.url).host}` : ''}
      </p>
      {credential.corrupted ? (
        <p className="bad">This record is damaged and cannot be opened. Other credentials are unaffected; remove it when you no longer need it.</p>
      ) : null}
      {missingFields.map((field) => (
        <div key={field.name}>
          <FieldInput idPrefix={`missing-${credential.id}`} field={field} value={pending[field.name] ?? ''} onChange={(value) => setPending((p) => ({ ...p, [field.name]: value }))} />
          <button disabled={!pending[field.name] || busy !== undefined} onClick={() => void save({ [field.name]: pending[field.name] }, true)}>
            Add {field.label.toLowerCase()}
          </button>
        </div>
      ))}
      {replaceable.length > 0 && unlocked && !credential.corrupted ? (
        <div>
          <button className="secondary" aria-expanded={replacing} onClick={() => setReplacing(!replacing)}>
            {replacing ? 'Keep the current file' : `Replace ${replaceable[0].label.toLowerCase()}`}
          </button>
          {replacing &&
            replaceable.map((field) => (
              <div key={field.name}>
                <FieldInput idPrefix={`replace-${credential.id}`} field={field} value={pending[field.name] ?? ''} onChange={(value) => setPending((p) => ({ ...p, [field.name]: value }))} />
                <button disabled={!pending[field.name] || busy !== undefined} onClick={() => void save({ [field.name]: pending[field.name] }, true).then(() => setReplacing(false))}>
                  Use this file and test
                </button>
              </div>
            ))}
        </div>
      ) : null}
      {choice && (
        <div className="card">
          <label htmlFor={`choice-${credential.id}`}>{choice.label}</label>
          <select id={`choice-${credential.id}`} value={pending[choice.field] ?? ''} onChange={(e) => setPending((p) => ({ ...p, [choice.field]: e.target.value }))}>
            <option value="">Choose…</option>
            {choice.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <button disabled={!pending[choice.field] || busy !== undefined || !unlocked} onClick={() => void save({ [choice.field]: pending[choice.field] }, true)}>
            Use and test again
          </button>
        </div>
      )}
      <div className="row">
        <button onClick={() => void test()} disabled={!unlocked || busy !== undefined || credential.corrupted}>
          {busy === 'test' ? 'Testing…' : 'Test'}
        </button>
        <button
          className="secondary"
          disabled={!unlocked || busy !== undefined || credential.corrupted}
          onClick={() =>
            void run('reveal', async () => {
              setRevealed(revealed ? undefined : (await sendMessage('credentials.reveal', { id: credential.id })).values);
            })
          }
        >
          {revealed ? 'Hide values' : 'Reveal'}
        </button>
        <button
          className="danger"
          disabled={busy !== undefined}
          onClick={() => {
            if (confirm(`Remove “${credential.label}” from Keyhold? This cannot be undone.`)) {
              void run('remove', async () => {
                await sendMessage('credentials.remove', { id: credential.id });
                onChange();
              });
            }
          }}
        >
          Remove
        </button>
      </div>
      <CredentialActions credential={credential} type={type} unlocked={unlocked} onChange={onChange} />
      {!credential.corrupted && <ExpiryEditor credential={credential} onChange={onChange} />}
      <UsedBy credential={credential} />
      {!unlocked && <p className="small muted">Unlock the vault to test or reveal.</p>}
      {error && <p className="error" role="alert">{error}</p>}
      {revealed && (
        <dl className="small">
          {Object.entries(revealed).map(([name, value]) => (
            <div key={name}>
              <dt className="muted">{type?.fields.find((f) => f.name === name)?.label ?? name}</dt>
              <dd className="mono">{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {shown && <TestReportView report={shown} />}
    </article>
  );
}
