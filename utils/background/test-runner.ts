// Runs a vendor's test with plain values: validates them, checks host permission first, and turns
// every failure into a report with a code and plain words. Values are never stored here.
import { KeyholdError, toErrorInfo } from '../errors';
import { createHttpClient, type HttpClient } from '../http/http-client';
import type { CredentialTypeId, TestReport } from '../protocol';
import { getCredentialType, vendorOfConsole } from '../vendors/registry';
import type { CredentialType } from '../vendors/types';
import { validateValues } from '../vendors/validate-values';
import { hostsGranted } from './host-access';
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
  /** How to ask the browser about the sites the test reaches (a stored credential's: `startHostCheck`). */
  hostCheck?: (origins: string[]) => Promise<boolean>;
}

/** The sites each stored credential's last test reached (origins, never a value), by credential id. */
const lastOrigins = new Map<string, string>();

/**
 * Ask the browser now about the sites this credential's last test reached, while its record is
 * still being opened: the answer is fresh (asked for this test), and used only if the opened values
 * reach the same sites; otherwise the browser is asked again.
 */
export function startHostCheck(id: string): (origins: string[]) => Promise<boolean> {
  const asked = lastOrigins.get(id);
  const granted = asked && hostsGranted(asked.split(' '));
  return (origins) => {
    lastOrigins.set(id, origins.join(' '));
    return granted && asked === origins.join(' ') ? granted : hostsGranted(origins);
  };
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
    await requireHostPermission(type.origins(parsed as never), options.hostCheck);
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

async function requireHostPermission(origins: string[], granted = hostsGranted): Promise<void> {
  if (origins.length && !(await granted(origins))) {
    throw new KeyholdError('HOST_PERMISSION_REQUIRED', t('bg.test.noHost', [origins.join(', ')]));
  }
}
