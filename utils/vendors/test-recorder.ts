// Shared bookkeeping for a vendor test: each HTTP call becomes a timed step, each privilege probe a
// permission row, and the final report is assembled in one place.
import { KeyholdError } from '../errors';
import type { HttpResponse } from '../http/http-client';
import type { PermissionResult, TestReport, TestStep } from '../protocol';

export class TestRecorder {
  readonly steps: TestStep[] = [];
  readonly permissions: PermissionResult[] = [];
  tokenExpiresIn?: number;
  details: Record<string, unknown> = {};

  /** Run one request as a named step. A thrown KeyholdError is recorded as a failed step and rethrown. */
  async step(name: string, call: () => Promise<HttpResponse>): Promise<HttpResponse> {
    const started = performance.now();
    try {
      const response = await call();
      this.steps.push({ name, ok: response.status >= 200 && response.status < 300, status: response.status, ms: response.ms });
      return response;
    } catch (error) {
      this.steps.push({ name, ok: false, ms: Math.round(performance.now() - started) });
      throw error;
    }
  }

  permission(name: string, granted: boolean): void {
    this.permissions.push({ name, granted });
  }

  pass(message: string): TestReport {
    return this.build(true, message);
  }

  fail(error: KeyholdError): TestReport {
    const report = this.build(false, error.message);
    report.code = error.code;
    if (error.retryAfter !== undefined) report.details = { ...report.details, retryAfter: error.retryAfter };
    return report;
  }

  private build(ok: boolean, message: string): TestReport {
    const report: TestReport = { ok, message, steps: [...this.steps] };
    if (this.permissions.length) report.permissions = [...this.permissions];
    if (this.tokenExpiresIn !== undefined) report.tokenExpiresIn = this.tokenExpiresIn;
    if (Object.keys(this.details).length) report.details = { ...this.details };
    return report;
  }
}

/** Run `body`; a KeyholdError becomes a failed report with the steps so far. */
export async function recordTest(body: (recorder: TestRecorder) => Promise<TestReport>): Promise<TestReport> {
  const recorder = new TestRecorder();
  try {
    return await body(recorder);
  } catch (error) {
    if (error instanceof KeyholdError) return recorder.fail(error);
    throw error;
  }
}
