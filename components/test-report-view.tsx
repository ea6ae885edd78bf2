import type { CredentialSummary, TestReport } from '@/utils/protocol';
import { t } from '@/utils/i18n/translate';
import { dateTimeText, unitText } from './format';

function lifetime(seconds: number): string {
  if (seconds >= 3600) return unitText(Math.round(seconds / 360) / 10, 'hour');
  if (seconds >= 60) return unitText(Math.round(seconds / 60), 'minute');
  return unitText(seconds, 'second');
}

/** The verdict in one sentence: what the last test found (or that there is none yet). */
export function TestVerdict({ report, credential }: { report: TestReport | undefined; credential: CredentialSummary }) {
  if (!report) {
    return (
      <p className="muted" data-testid="verdict-none">
        {credential.corrupted ? t('page.verdict.damaged') : t('page.verdict.none')}
      </p>
    );
  }
  return (
    <div data-testid="test-report">
      <p role="status" className={report.ok ? 'ok' : 'bad'}>
        <strong>{report.ok ? t('page.verdict.works') : t('page.verdict.failed')}</strong>
        {report.code && !report.ok ? <span className="muted small"> ({report.code})</span> : null}: {report.message}
      </p>
      {report.tokenExpiresIn !== undefined && <p className="small">{t('page.verdict.tokenLifetime', [lifetime(report.tokenExpiresIn)])}</p>}
    </div>
  );
}

/** Permissions and requests of the last test, collapsed: the verdict above already says what matters. */
export function TestReportTables({ report }: { report: TestReport }) {
  if (!report.permissions?.length && !report.steps.length) return null;
  return (
    <details className="disclosure" data-testid="test-details">
      <summary>{t('page.verdict.disclosure')}</summary>
      <div className="stack">
        {report.permissions?.length ? (
          <table className="report" aria-label={t('page.verdict.permissions')}>
            <thead>
              <tr>
                <th>{t('page.verdict.permission')}</th>
                <th>{t('page.verdict.result')}</th>
              </tr>
            </thead>
            <tbody>
              {report.permissions.map((permission) => (
                <tr key={permission.name}>
                  <td>{permission.name}</td>
                  <td className={permission.granted ? 'ok' : 'bad'}>
                    {permission.granted ? t('page.verdict.granted') : t('page.verdict.denied')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {report.steps.length ? (
          <table className="report" aria-label={t('page.verdict.requests')}>
            <thead>
              <tr>
                <th>{t('page.verdict.step')}</th>
                <th>{t('page.verdict.status')}</th>
                <th>{t('page.verdict.time')}</th>
              </tr>
            </thead>
            <tbody>
              {report.steps.map((step, index) => (
                <tr key={index}>
                  <td>{step.name}</td>
                  <td className={step.ok ? 'ok' : 'bad'}>
                    {step.status ?? (step.ok ? t('page.verdict.ok') : t('page.verdict.stepFailed'))}
                  </td>
                  <td>{unitText(step.ms, 'millisecond')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {report.testedAt && <p className="muted small">{t('page.verdict.tested', [dateTimeText(report.testedAt)])}</p>}
      </div>
    </details>
  );
}
