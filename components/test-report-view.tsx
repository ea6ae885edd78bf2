import type { CredentialSummary, TestReport } from '@/utils/protocol';

function lifetime(seconds: number): string {
  if (seconds >= 3600) return `${Math.round(seconds / 360) / 10} h`;
  if (seconds >= 60) return `${Math.round(seconds / 60)} min`;
  return `${seconds} s`;
}

/** The verdict in one sentence: what the last test found (or that there is none yet). */
export function TestVerdict({ report, credential }: { report: TestReport | undefined; credential: CredentialSummary }) {
  if (!report) {
    return (
      <p className="muted" data-testid="verdict-none">
        {credential.corrupted ? 'This record is damaged and cannot be tested.' : 'No test result yet.'}
      </p>
    );
  }
  return (
    <div data-testid="test-report">
      <p role="status" className={report.ok ? 'ok' : 'bad'}>
        <strong>{report.ok ? 'Works' : 'Failed'}</strong>
        {report.code && !report.ok ? <span className="muted small"> ({report.code})</span> : null}: {report.message}
      </p>
      {report.tokenExpiresIn !== undefined && <p className="small">Token lifetime: {lifetime(report.tokenExpiresIn)}</p>}
    </div>
  );
}

/** Permissions and requests of the last test, collapsed: the verdict above already says what matters. */
export function TestReportTables({ report }: { report: TestReport }) {
  if (!report.permissions?.length && !report.steps.length) return null;
  return (
    <details className="disclosure" data-testid="test-details">
      <summary>Permissions and requests</summary>
      <div className="stack">
        {report.permissions?.length ? (
          <table className="report" aria-label="Permissions">
            <thead>
              <tr>
                <th>Permission</th>
                <th>Result</th>
              </tr>
            </thead>
            <tbody>
              {report.permissions.map((permission) => (
                <tr key={permission.name}>
                  <td>{permission.name}</td>
                  <td className={permission.granted ? 'ok' : 'bad'}>{permission.granted ? 'granted' : 'denied'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {report.steps.length ? (
          <table className="report" aria-label="Requests">
            <thead>
              <tr>
                <th>Step</th>
                <th>Status</th>
                <th>Time</th>
              </tr>
            </thead>
            <tbody>
              {report.steps.map((step, index) => (
                <tr key={index}>
                  <td>{step.name}</td>
                  <td className={step.ok ? 'ok' : 'bad'}>{step.status ?? (step.ok ? 'ok' : 'failed')}</td>
                  <td>{step.ms} ms</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {report.testedAt && <p className="muted small">Tested {new Date(report.testedAt).toLocaleString()}</p>}
      </div>
    </details>
  );
}
