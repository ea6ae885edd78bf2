// Runs a vendor's test with plain values: validates them, checks host permission first, and turns
// every failure into a report with a code and plain words. Values are never stored here.
import { browser } from 'wxt/browser';
import { KeyholdError, toErrorInfo } from '../errors';
import { createHttpClient, type HttpClient } from '../http/http-client';
import type { CredentialTypeId, TestReport } from '../protocol';
import { getCredentialType, vendorOfConsole } from '../vendors/registry';
import type { CredentialType } from '../vendors/types';
import { validateValues } from '../vendors/validate-values';
import { redactDeep } from './redact';
import { clampReport } from '../untrusted-text';
import { t, uiLanguage } from '../i18n/translate';

export interface RunOptions {
  template?: string;
  http?: HttpClient;
  /** The type, when the caller already looked it up. */
  type?: CredentialType<any>;
  /** The values were just checked against the type's schema (a capture): not checked twice. */
  validated?: boolean;
}

export async function runCredentialTest(
  vendor: CredentialTypeId,
  values: Record<string, string>,
  options: RunOptions = {},
): Promise<TestReport> {
  const type = options.type ?? getCredentialType(vendor);
  const secrets = type.secretFields.map((field) => values[field]).filter((value): value is string => typeof value === 'string');
  const started = performance.now();
  let report: TestReport;
  try {
    const missing = type.missing?.(values) ?? [];
    if (missing.length) {
      const labels = missing.map((name) => type.fields.find((field) => field.name === name)?.label ?? name);
      throw new KeyholdError('INCOMPLETE_CREDENTIAL', t('bg.test.incomplete', [new Intl.ListFormat(uiLanguage()).format(labels)]));
    }
    const parsed = options.validated ? values : validateValues(type, values);
    await requireHostPermission(type.origins(parsed as never));
    const http = options.http ?? createHttpClient(undefined, undefined, vendorOfConsole(type.consoleId)?.console.name);
    report = await type.test(parsed as never, { http, template: options.template, now: () => Date.now() });
  } catch (error) {
    const info = toErrorInfo(error);
    report = { ok: false, code: info.code, message: info.message, steps: [] };
    if (info.retryAfter !== undefined) report.details = { retryAfter: info.retryAfter };
  }
  report.testedAt = new Date().toISOString();
  report.details = { ...report.details, totalMs: Math.round(performance.now() - started) };
  // Redacted whole, then cut: whatever a server sent, what is shown and stored is bounded.
  return clampReport(redactDeep(report, secrets));
}

async function requireHostPermission(origins: string[]): Promise<void> {
  if (!origins.length) return;
  const patterns = origins.map(originPattern);
  // A pattern the browser rejects is not granted: the admin is told to grant the site.
  const granted = await browser.permissions.contains({ origins: patterns }).catch(() => false);
  if (!granted) {
    const list = origins.join(', ');
    throw new KeyholdError('HOST_PERMISSION_REQUIRED', t('bg.test.noHost', [list]));
  }
}

/** Match pattern for an origin. Ports are left out: a host pattern covers every port (and Firefox rejects ports). */
export function originPattern(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
