import { useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { sendMessage, type ManagedPolicy } from '@/utils/protocol';
import { errorText, useAsync } from '@/components/use-async';
import { useKeyholdData } from '@/components/use-keyhold-data';
import { auditToCsv } from '@/utils/audit-csv';
import { downloadText } from '@/components/download';
import { VaultRescueSection } from '@/components/vault-rescue';
import { t, uiLanguage } from '@/utils/i18n/translate';
import { dateTimeText } from '@/components/format';
import { PassphraseField } from '@/components/passphrase-field';

export function OptionsApp() {
  return (
    <main className="stack" style={{ maxWidth: 640 }}>
      <h1>{t('page.title.options')}</h1>
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
      setStatus(t('page.options.savedAutoLock', [String(next.autoLockMinutes)]));
      void settings.reload();
    } catch (error) {
      setStatus(errorText(error));
    }
  }

  return (
    <section className="card" aria-labelledby="auto-lock-title">
      <h2 id="auto-lock-title">{t('page.options.autoLock')}</h2>
      <form onSubmit={save} className="row">
        <label htmlFor="auto-lock">{t('page.options.lockAfter')}</label>
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
          {t('page.common.save')}
        </button>
      </form>
      {managed && (
        <p id="auto-lock-managed" className="small">
          <ManagedBadge /> {locked ? t('page.options.locksAfter', [String(min)]) : t('page.options.between', [String(min), String(max)])}
        </p>
      )}
      <p className="small muted">{t('page.options.alsoLocks')}</p>
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
    if (next !== repeat) return setStatus(t('page.options.newDiffer'));
    try {
      await sendMessage('vault.changePassphrase', { current, next });
      setCurrent('');
      setNext('');
      setRepeat('');
      setStatus(t('page.options.passphraseChanged'));
    } catch (error) {
      setStatus(errorText(error));
    }
  }

  return (
    <section className="card" aria-labelledby="passphrase-title">
      <h2 id="passphrase-title">{t('page.options.changePassphrase')}</h2>
      <form onSubmit={change} className="stack">
        <PassphraseField
          id="current-passphrase"
          label={t('page.options.currentPassphrase')}
          value={current}
          onChange={setCurrent}
          autoComplete="current-password"
          required
        />
        <PassphraseField
          id="new-passphrase"
          label={t('page.options.newPassphrase')}
          value={next}
          onChange={setNext}
          autoComplete="new-password"
          required
        />
        <PassphraseField
          id="repeat-passphrase"
          label={t('page.options.repeatPassphrase')}
          value={repeat}
          onChange={setRepeat}
          autoComplete="new-password"
          required
        />
        <button type="submit">{t('page.options.changePassphrase')}</button>
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
      <h2 id="sites-title">{t('page.options.sites')}</h2>
      <p className="small muted">{t('page.options.sitesIntro')}</p>
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
                        setStatus(t('page.options.removed', [origin]));
                        void sites.reload();
                      },
                      (error) => setStatus(errorText(error)),
                    )
                  }
                >
                  {t('page.common.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('page.options.none')}</p>
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
      setStatus(t('page.options.deleted'));
    } catch (error) {
      setStatus(errorText(error));
    }
  }
  return (
    <section className="card" aria-labelledby="delete-title">
      <h2 id="delete-title">{t('page.options.deleteVault')}</h2>
      <p className="small">{t('page.options.deleteIntro')}</p>
      <form onSubmit={remove} className="row">
        <label htmlFor="delete-confirm">{t('page.options.typeDelete')}</label>
        <input id="delete-confirm" value={typed} onChange={(e) => setTyped(e.target.value)} style={{ width: 140 }} />
        <button type="submit" className="danger" disabled={typed !== 'DELETE'}>
          {t('page.options.deleteVault')}
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
      setStatus(value ? t('page.options.healthEvery', [String(value)]) : t('page.options.healthOff'));
      void settings.reload();
    } catch (error) {
      setStatus(errorText(error));
    }
  }
  return (
    <section className="card" aria-labelledby="health-title">
      <h2 id="health-title">{t('page.options.health')}</h2>
      <label htmlFor="health-hours">{t('page.options.testEvery')}</label>
      <select
        id="health-hours"
        value={hours}
        disabled={managed}
        aria-describedby={managed ? 'health-managed' : undefined}
        onChange={(e) => void change(Number(e.target.value))}
      >
        <option value={0}>{t('page.options.offOption')}</option>
        <option value={6}>{t('page.options.every6')}</option>
        <option value={12}>{t('page.options.every12')}</option>
        <option value={24}>{t('page.options.everyDay')}</option>
        <option value={168}>{t('page.options.everyWeek')}</option>
        {/* A policy may set a schedule the menu does not list. */}
        {![0, 6, 12, 24, 168].includes(hours) && <option value={hours}>{t('page.options.everyHours', [String(hours)])}</option>}
      </select>
      {managed && (
        <p id="health-managed" className="small">
          <ManagedBadge />
        </p>
      )}
      <p className="small muted">{t('page.options.healthNote')}</p>
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
        <h2 id="audit-title">{t('page.options.audit')}</h2>
        <button className="secondary" onClick={() => void exportCsv()} disabled={!entries.length}>
          {t('page.options.exportCsv')}
        </button>
      </div>
      <p className="small muted">{t('page.options.auditIntro', [(5000).toLocaleString(uiLanguage())])}</p>
      {entries.length ? (
        <div style={{ maxHeight: 320, overflow: 'auto' }} tabIndex={0} aria-label={t('page.options.auditEntries')}>
          <table className="report">
            <thead>
              <tr>
                <th>{t('page.options.time')}</th>
                <th>{t('page.options.event')}</th>
                <th>{t('page.options.credential')}</th>
                <th>{t('page.options.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <tr key={index}>
                  <td>
                    <time dateTime={entry.at}>{dateTimeText(entry.at)}</time>
                  </td>
                  <td>{entry.event}</td>
                  <td>{entry.label ?? ''}</td>
                  <td>{entry.detail ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('page.options.nothingYet')}</p>
      )}
      {exportError && <p role="alert">{exportError}</p>}
    </section>
  );
}

function ManagedBadge() {
  return <span className="badge muted">{t('page.options.managed')}</span>;
}

/** What the organisation's policy decides beyond the settings below. Shown only under a policy. */
function PolicySection() {
  const settings = useKeyholdData(() => sendMessage('settings.get'), ['settings']);
  const policy = settings.data?.policy;
  if (!policy) return null;
  return (
    <section className="card" aria-labelledby="policy-title">
      <h2 id="policy-title">{t('page.options.policy')}</h2>
      <p className="small muted">{t('page.options.policyIntro')}</p>
      <ul className="small">
        <li>{t('page.options.exportPolicy', [exportText(policy)])}</li>
        {policy.hiddenVendors?.length ? <li>{t('page.options.hiddenConsoles', [policy.hiddenVendors.join(', ')])}</li> : null}
        {policy.selfHostedJamfOrigins?.length ? (
          <li>{t('page.options.selfHostedJamf', [policy.selfHostedJamfOrigins.join(', ')])}</li>
        ) : null}
      </ul>
    </section>
  );
}

function exportText(policy: ManagedPolicy): string {
  if (policy.exportAllowed === false) return t('page.options.exportNotAllowed');
  if (policy.exportRecipientKeys) {
    const count = policy.exportRecipientKeys.length;
    return count ? t('page.options.exportToKeys', count) : t('page.options.exportNoRecipient');
  }
  return t('page.options.exportAllowed');
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
    onStatus(granted ? t('page.options.activeOn', [origin]) : t('page.options.notGiven', [origin]));
    void access.reload();
  }
  return (
    <span className="row">
      <ManagedBadge />
      {access.data === false && (
        <button className="secondary" onClick={() => void allow()}>
          {t('page.options.allowAccess')}
        </button>
      )}
    </span>
  );
}
