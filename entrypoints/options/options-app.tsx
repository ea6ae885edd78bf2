import { useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage, type ManagedPolicy } from '@/utils/protocol';
import { errorText, useAsync } from '@/components/use-async';
import { useKeyholdData } from '@/components/use-keyhold-data';
import { auditToCsv } from '@/utils/audit-csv';
import { downloadText } from '@/components/download';
import { VaultRescueSection } from '@/components/vault-rescue';

export function OptionsApp() {
  return (
    <main className="stack" style={{ maxWidth: 640 }}>
      <h1>Keyhold options</h1>
      <VaultRescueSection />
      <PolicySection />
      <AutoLockSection />
      <HealthCheckSection />
      <PassphraseSection />
      <SitesSection />
      <AuditSection />
      <DeleteVaultSection />
    </main>
  );
}

function AutoLockSection() {
  const settings = useKeyholdData(() => sendMessage('settings.get'), ['settings']);
  const [minutes, setMinutes] = useState<string>();
  const [status, setStatus] = useState<string>();
  const value = minutes ?? String(settings.data?.autoLockMinutes ?? '');
  const policy = settings.data?.policy;
  const managed = settings.data?.managed?.includes('autoLockMinutes') ?? false;
  const min = policy?.autoLockMinutesMin ?? 1;
  const max = policy?.autoLockMinutesMax ?? 1440;
  const locked = managed && min === max;

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      const next = await sendMessage('settings.update', { autoLockMinutes: Number(value) });
      setStatus(`Saved: the vault locks after ${next.autoLockMinutes} idle minutes.`);
      void settings.reload();
    } catch (error) {
      setStatus(errorText(error));
    }
  }

  return (
    <section className="card" aria-labelledby="auto-lock-title">
      <h2 id="auto-lock-title">Auto-lock</h2>
      <form onSubmit={save} className="row">
        <label htmlFor="auto-lock">Lock after this many idle minutes</label>
        <input
          id="auto-lock"
          type="number"
          min={min}
          max={max}
          required
          disabled={locked}
          aria-describedby={managed ? 'auto-lock-managed' : undefined}
          style={{ width: 100 }}
          value={value}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <button type="submit" disabled={locked}>
          Save
        </button>
      </form>
      {managed && (
        <p id="auto-lock-managed" className="small">
          <ManagedBadge /> {locked ? `The vault locks after ${min} idle minutes.` : `Choose between ${min} and ${max} minutes.`}
        </p>
      )}
      <p className="small muted">The vault also locks when the computer locks and when the browser restarts.</p>
      {status && <p role="status">{status}</p>}
    </section>
  );
}

function PassphraseSection() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [status, setStatus] = useState<string>();

  async function change(event: FormEvent) {
    event.preventDefault();
    if (next !== repeat) return setStatus('The new passphrases differ.');
    try {
      await sendMessage('vault.changePassphrase', { current, next });
      setCurrent('');
      setNext('');
      setRepeat('');
      setStatus('Passphrase changed. Sealed credentials were not touched.');
    } catch (error) {
      setStatus(errorText(error));
    }
  }

  return (
    <section className="card" aria-labelledby="passphrase-title">
      <h2 id="passphrase-title">Change passphrase</h2>
      <form onSubmit={change} className="stack">
        <div>
          <label htmlFor="current-passphrase">Current passphrase</label>
          <input id="current-passphrase" type="password" autoComplete="current-password" required minLength={12} value={current} onChange={(e) => setCurrent(e.target.value)} />
        </div>
        <div>
          <label htmlFor="new-passphrase">New passphrase (12 characters or more)</label>
          <input id="new-passphrase" type="password" autoComplete="new-password" required minLength={12} value={next} onChange={(e) => setNext(e.target.value)} />
        </div>
        <div>
          <label htmlFor="repeat-passphrase">Repeat the new passphrase</label>
          <input id="repeat-passphrase" type="password" autoComplete="new-password" required minLength={12} value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        </div>
        <button type="submit">Change passphrase</button>
      </form>
      {status && <p role="status">{status}</p>}
    </section>
  );
}

function SitesSection() {
  const sites = useKeyholdData(() => sendMessage('sites.list'), ['sites']);
  const settings = useKeyholdData(() => sendMessage('settings.get'), ['settings']);
  const managed = settings.data?.policy?.selfHostedJamfOrigins ?? [];
  const [status, setStatus] = useState<string>();
  return (
    <section className="card" aria-labelledby="sites-title">
      <h2 id="sites-title">Self-hosted consoles</h2>
      <p className="small muted">Origins you enabled with “Use Keyhold on this site”, and any your organisation set. Keyhold can read pages and call the API only there.</p>
      {sites.data?.origins.length ? (
        <ul className="plain">
          {sites.data.origins.map((origin) => (
            <li key={origin} className="spread">
              <span className="mono">{origin}</span>
              {managed.includes(origin) ? (
                <ManagedSite origin={origin} onStatus={setStatus} />
              ) : (
                <button
                  className="danger"
                  onClick={() =>
                    void sendMessage('sites.remove', { origin }).then(
                      () => {
                        setStatus(`Removed ${origin}.`);
                        void sites.reload();
                      },
                      (error) => setStatus(errorText(error)),
                    )
                  }
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None.</p>
      )}
      {status && <p role="status">{status}</p>}
    </section>
  );
}

function DeleteVaultSection() {
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState<string>();
  async function remove(event: FormEvent) {
    event.preventDefault();
    if (typed !== 'DELETE') return;
    try {
      await sendMessage('vault.delete', { confirm: 'DELETE' });
      setTyped('');
      setStatus('The vault and every credential in it were deleted.');
    } catch (error) {
      setStatus(errorText(error));
    }
  }
  return (
    <section className="card" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete vault</h2>
      <p className="small">Deletes the vault key and every stored credential. There is no undo.</p>
      <form onSubmit={remove} className="row">
        <label htmlFor="delete-confirm">Type DELETE to confirm</label>
        <input id="delete-confirm" value={typed} onChange={(e) => setTyped(e.target.value)} style={{ width: 140 }} />
        <button type="submit" className="danger" disabled={typed !== 'DELETE'}>
          Delete vault
        </button>
      </form>
      {status && <p role="status">{status}</p>}
    </section>
  );
}

function HealthCheckSection() {
  const settings = useKeyholdData(() => sendMessage('settings.get'), ['settings']);
  const [status, setStatus] = useState<string>();
  const hours = settings.data?.healthCheckHours ?? 0;
  const managed = settings.data?.managed?.includes('healthCheckHours') ?? false;
  async function change(value: number) {
    try {
      await sendMessage('settings.update', { healthCheckHours: value });
      setStatus(value ? `Every ${value} h, while the vault is unlocked.` : 'Scheduled health checks are off.');
      void settings.reload();
    } catch (error) {
      setStatus(errorText(error));
    }
  }
  return (
    <section className="card" aria-labelledby="health-title">
      <h2 id="health-title">Health checks</h2>
      <label htmlFor="health-hours">Test every credential automatically</label>
      <select
        id="health-hours"
        value={hours}
        disabled={managed}
        aria-describedby={managed ? 'health-managed' : undefined}
        onChange={(e) => void change(Number(e.target.value))}
      >
        <option value={0}>Off</option>
        <option value={6}>Every 6 hours</option>
        <option value={12}>Every 12 hours</option>
        <option value={24}>Every day</option>
        <option value={168}>Every week</option>
        {/* A policy may set a schedule the menu does not list. */}
        {![0, 6, 12, 24, 168].includes(hours) && <option value={hours}>Every {hours} hours</option>}
      </select>
      {managed && (
        <p id="health-managed" className="small">
          <ManagedBadge />
        </p>
      )}
      <p className="small muted">Runs only while the vault is unlocked. A credential that stops working raises one notification.</p>
      {status && <p role="status">{status}</p>}
    </section>
  );
}

/** Entries the table shows; the CSV export asks for the whole log when clicked. */
const AUDIT_SHOWN = 500;

function AuditSection() {
  const audit = useKeyholdData(() => sendMessage('audit.list', { limit: AUDIT_SHOWN }), ['audit']);
  const entries = [...(audit.data ?? [])].reverse();
  const [exportError, setExportError] = useState<string>();
  async function exportCsv() {
    try {
      const all = await sendMessage('audit.list');
      downloadText(auditToCsv(all), `keyhold-audit-${new Date().toISOString().slice(0, 10)}.csv`, 'text/csv');
      setExportError(undefined);
    } catch (caught) {
      setExportError(errorText(caught));
    }
  }
  return (
    <section className="card" aria-labelledby="audit-title">
      <div className="spread">
        <h2 id="audit-title">Audit log</h2>
        <button className="secondary" onClick={() => void exportCsv()} disabled={!entries.length}>
          Export CSV
        </button>
      </div>
      <p className="small muted">What happened to which credential, never a value. Kept on this computer, newest first, last 5,000 events.</p>
      {entries.length ? (
        <div style={{ maxHeight: 320, overflow: 'auto' }} tabIndex={0} aria-label="Audit entries">
          <table className="report">
            <thead>
              <tr><th>Time</th><th>Event</th><th>Credential</th><th>Detail</th></tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <tr key={index}>
                  <td>{new Date(entry.at).toLocaleString()}</td>
                  <td>{entry.event}</td>
                  <td>{entry.label ?? ''}</td>
                  <td>{entry.detail ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">Nothing yet.</p>
      )}
      {exportError && <p role="alert">{exportError}</p>}
    </section>
  );
}

function ManagedBadge() {
  return <span className="badge muted">Managed by your organisation</span>;
}

/** What the organisation's policy decides beyond the settings below. Shown only under a policy. */
function PolicySection() {
  const settings = useKeyholdData(() => sendMessage('settings.get'), ['settings']);
  const policy = settings.data?.policy;
  if (!policy) return null;
  return (
    <section className="card" aria-labelledby="policy-title">
      <h2 id="policy-title">Set by your organisation</h2>
      <p className="small muted">Your browser applies a policy to Keyhold. Settings marked “Managed by your organisation” cannot be changed here.</p>
      <ul className="small">
        <li>Export: {exportText(policy)}</li>
        {policy.hiddenVendors?.length ? <li>Hidden consoles: {policy.hiddenVendors.join(', ')}</li> : null}
        {policy.selfHostedJamfOrigins?.length ? <li>Self-hosted Jamf Pro: {policy.selfHostedJamfOrigins.join(', ')}</li> : null}
      </ul>
    </section>
  );
}

function exportText(policy: ManagedPolicy): string {
  if (policy.exportAllowed === false) return 'not allowed.';
  if (policy.exportRecipientKeys) {
    const count = policy.exportRecipientKeys.length;
    return count ? `only to ${count === 1 ? 'one approved key' : `${count} approved keys`}, never with a passphrase.` : 'no approved recipient, so not possible.';
  }
  return 'allowed.';
}

/**
 * A managed origin is enabled by policy, but no policy can grant a host permission: until the
 * browser has it, offer the one click that asks for it (the browser's own prompt).
 */
function ManagedSite({ origin, onStatus }: { origin: string; onStatus: (text: string) => void }) {
  const pattern = `https://${new URL(origin).hostname}/*`;
  const access = useAsync(() => browser.permissions.contains({ origins: [pattern] }), [pattern]);
  async function allow() {
    // Must run from this click: the browser asks for this one origin only.
    const granted = await browser.permissions.request({ origins: [pattern] }).catch(() => false);
    onStatus(granted ? `Keyhold is active on ${origin}.` : `Keyhold was not given access to ${origin}.`);
    void access.reload();
  }
  return (
    <span className="row">
      <ManagedBadge />
      {access.data === false && (
        <button className="secondary" onClick={() => void allow()}>
          Allow access
        </button>
      )}
    </span>
  );
}
