// The real test of a Jamf Pro API client: token (client credentials), server version, one
// cheap read per privilege of the template, then the token is revoked so nothing stays valid.
// Messages are Keyhold's own words: never a secret, a token or a response body.
import { t, uiLanguage } from '../../i18n/translate';
import { KeyholdError } from '../../errors';
import { classifyFailure, requireJson, safeHost, type HttpClient, type HttpResponse } from '../../http/http-client';
import { recordTest, type TestRecorder } from '../test-recorder';
import { untrustedText } from '../../untrusted-text';
import type { TestContext, TestReport, TestStep } from '../types';
import { privilegeProbes, templateById, type PrivilegeProbe } from './privileges';

export type JamfProValues = { baseUrl: string; clientId: string; clientSecret: string };

/** Jamf's newest reference names /api/v1/oauth/token; servers since 10.49 answer /api/oauth/token. */
export const TOKEN_PATHS = ['/api/v1/oauth/token', '/api/oauth/token'] as const;
const VERSION_PATH = '/api/v1/jamf-pro-version';
const INVALIDATE_PATH = '/api/v1/auth/invalidate-token';

/** OAuth error codes that mean "these client credentials are not accepted". */
const REFUSED_CLIENT = new Set(['invalid_client', 'unauthorized_client']);

export function testJamfPro(values: JamfProValues, ctx: TestContext): Promise<TestReport> {
  return recordTest(async (recorder) => {
    const token = await getToken(values, ctx.http, recorder);
    const auth = { Authorization: `Bearer ${token}` };
    let result: { version?: string; rows: Map<string, boolean>; unchecked: string[] };
    try {
      const template = templateById(ctx.template);
      // The version and the privilege probes are independent reads: one round trip instead of two.
      const versionRead = readVersion(values.baseUrl, auth, ctx.http, recorder);
      const [version, checked] = await Promise.all([
        versionRead,
        checkPrivileges(values.baseUrl, auth, template.privileges, ctx.http, recorder),
      ]);
      result = { version, ...checked };
    } catch (error) {
      await revokeToken(values.baseUrl, auth, ctx.http, recorder);
      throw error;
    }
    const revoked = await revokeToken(values.baseUrl, auth, ctx.http, recorder);
    recorder.details.tokenRevoked = revoked;
    if (result.version) recorder.details.version = result.version;
    if (result.unchecked.length) recorder.details.uncheckedPrivileges = result.unchecked;
    return recorder.pass(verdict(result.version, recorder.tokenExpiresIn, result.rows, result.unchecked, revoked));
  });
}

async function getToken(values: JamfProValues, http: HttpClient, recorder: TestRecorder): Promise<string> {
  const form = { grant_type: 'client_credentials', client_id: values.clientId, client_secret: values.clientSecret };
  for (const path of TOKEN_PATHS) {
    const response = await recorder.step(t('vendor.step.token', [`POST ${path}`]), () =>
      http(values.baseUrl + path, { method: 'POST', form }),
    );
    if (path !== TOKEN_PATHS[TOKEN_PATHS.length - 1] && isMissingEndpoint(response)) continue;
    if (response.status < 200 || response.status >= 300) throw tokenFailure(response, values.baseUrl);
    if (response.isHtml) throw webPageInstead(response, t('vendor.jamfPro.error.tokenRequest'));
    const body = requireJson(response, t('vendor.jamfPro.error.tokenRequest')) as { access_token?: unknown; expires_in?: unknown } | null;
    if (typeof body?.access_token !== 'string' || !body.access_token) {
      throw new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.jamfPro.error.noToken', [safeHost(response.url)]));
    }
    if (typeof body.expires_in === 'number' && body.expires_in > 0) recorder.tokenExpiresIn = Math.round(body.expires_in);
    recorder.details.tokenEndpoint = path;
    return body.access_token;
  }
  throw new KeyholdError('INTERNAL_ERROR', t('vendor.jamfPro.error.noEndpointTried'));
}

/**
 * A server without this token path answers 404 (or 405), or lets its API filter answer 401 with
 * Jamf's own error envelope instead of an OAuth error: both mean "try the other path".
 */
function isMissingEndpoint(response: HttpResponse): boolean {
  if (response.status === 404 || response.status === 405) return true;
  return response.status === 401 && isJamfEnvelope(response.json);
}

export function isJamfEnvelope(body: unknown): body is { httpStatus: number; errors: unknown[] } {
  const value = body as { httpStatus?: unknown; errors?: unknown } | null | undefined;
  return typeof value?.httpStatus === 'number' && Array.isArray(value.errors);
}

/** What a refused token request means, in plain words. */
export function tokenFailure(response: HttpResponse, baseUrl: string): KeyholdError {
  const host = safeHost(baseUrl);
  const error = (response.json as { error?: unknown } | undefined)?.error;
  const status = response.status;
  if (status === 401 || (status === 400 && typeof error === 'string' && REFUSED_CLIENT.has(error))) {
    return new KeyholdError('INVALID_CREDENTIALS', t('vendor.jamfPro.error.refused', [host]));
  }
  if (status === 404 || status === 405) {
    return new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.jamfPro.error.noEndpoint', [baseUrl]));
  }
  if (status === 400 && !response.isHtml) {
    return new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.jamfPro.error.malformed', [host]));
  }
  if (status === 403 && !response.isHtml) {
    return new KeyholdError('PERMISSION_DENIED', t('vendor.jamfPro.error.forbidden', [host]));
  }
  const what = t('vendor.jamfPro.error.tokenRequest');
  if (response.isHtml && status < 500 && status !== 429) return webPageInstead(response, what);
  return classifyFailure(response, what);
}

/** `what` names the request in the admin's language ("the token request"), as for the shared HTTP messages. */
function webPageInstead(response: HttpResponse, what: string): KeyholdError {
  return new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.jamfPro.error.webPage', [safeHost(response.url), what]));
}

function tokenRefused(response: HttpResponse): KeyholdError {
  return new KeyholdError('INVALID_CREDENTIALS', t('vendor.jamfPro.error.tokenRefused', [safeHost(response.url)]));
}

async function readVersion(
  base: string,
  auth: Record<string, string>,
  http: HttpClient,
  recorder: TestRecorder,
): Promise<string | undefined> {
  const response = await recorder.step(t('vendor.step.version', [`GET ${VERSION_PATH}`]), () =>
    http(base + VERSION_PATH, { headers: auth }),
  );
  if (response.status === 401) throw tokenRefused(response);
  const what = t('vendor.jamfPro.error.versionRequest');
  if (response.status < 200 || response.status >= 300) throw classifyFailure(response, what);
  if (response.isHtml) throw webPageInstead(response, what);
  const body = requireJson(response, what) as { version?: unknown } | null;
  // The server's own text: one line, cut to a version's length (a hostile server sends megabytes).
  return untrustedText(body?.version, 100) || undefined;
}

interface ProbeOutcome {
  steps: TestStep[];
  /** Privilege → granted, for the privileges this probe could decide. */
  results: Map<string, boolean>;
  error?: unknown;
}

/** Run the probes the template needs side by side; report steps and rows in a stable order. */
async function checkPrivileges(
  base: string,
  auth: Record<string, string>,
  wanted: string[],
  http: HttpClient,
  recorder: TestRecorder,
): Promise<{ rows: Map<string, boolean>; unchecked: string[] }> {
  const probes = privilegeProbes.filter((probe) => probe.privileges.some((name) => wanted.includes(name)));
  const outcomes = await Promise.all(probes.map((probe) => runProbe(base, probe, auth, http)));
  const results = new Map<string, boolean>();
  for (const outcome of outcomes) {
    recorder.steps.push(...outcome.steps);
    for (const [name, granted] of outcome.results) results.set(name, granted);
  }
  const failed = outcomes.find((outcome) => outcome.error !== undefined);
  if (failed) throw failed.error;
  const rows = new Map<string, boolean>();
  const unchecked: string[] = [];
  for (const name of wanted) {
    const granted = results.get(name);
    if (granted === undefined) unchecked.push(name);
    else {
      rows.set(name, granted);
      recorder.permission(name, granted);
    }
  }
  return { rows, unchecked };
}

async function runProbe(base: string, probe: PrivilegeProbe, auth: Record<string, string>, http: HttpClient): Promise<ProbeOutcome> {
  const outcome: ProbeOutcome = { steps: [], results: new Map() };
  const get = async (path: string) => {
    const name = t('vendor.step.check', [probe.privileges.join(' + '), `GET /api${path}`]);
    const started = performance.now();
    try {
      const response = await http(`${base}/api${path}${probe.query ? `?${probe.query}` : ''}`, { headers: auth });
      outcome.steps.push({ name, ok: response.status >= 200 && response.status < 300, status: response.status, ms: response.ms });
      return response;
    } catch (error) {
      outcome.steps.push({ name, ok: false, ms: Math.round(performance.now() - started) });
      throw error;
    }
  };
  try {
    let response = await get(probe.path);
    if (response.status === 404 && probe.fallback) response = await get(probe.fallback);
    const what = t('vendor.jamfPro.error.check', [new Intl.ListFormat(uiLanguage()).format(probe.privileges)]);
    if (response.status >= 200 && response.status < 300) {
      if (response.isHtml) throw webPageInstead(response, what);
      requireJson(response, what);
      for (const name of probe.privileges) outcome.results.set(name, true);
    } else if (response.status === 403) {
      await pinRefusal(base, probe, auth, http, outcome);
    } else if (response.status === 401) {
      throw tokenRefused(response);
    } else if (response.status !== 404) {
      // 404 on every path: this server has no such endpoint, so the privilege stays unchecked.
      throw classifyFailure(response, what);
    }
  } catch (error) {
    outcome.error = error;
  }
  return outcome;
}

/**
 * A 403 on a call that needs several privileges names none of them. A narrower call that needs
 * only some of them tells which one is missing; what it cannot tell stays unchecked.
 */
async function pinRefusal(base: string, probe: PrivilegeProbe, auth: Record<string, string>, http: HttpClient, outcome: ProbeOutcome) {
  if (probe.privileges.length === 1 || !probe.narrower) {
    for (const name of probe.privileges) outcome.results.set(name, false);
    return;
  }
  const narrower = await runProbe(base, probe.narrower, auth, http);
  outcome.steps.push(...narrower.steps);
  if (narrower.error !== undefined) throw narrower.error;
  for (const [name, granted] of narrower.results) outcome.results.set(name, granted);
  const narrowerGranted = probe.narrower.privileges.every((name) => narrower.results.get(name) === true);
  // The narrower privileges are all there, so the refusal comes from the others.
  if (narrowerGranted) for (const name of probe.privileges) if (!outcome.results.has(name)) outcome.results.set(name, false);
}

function verdict(
  version: string | undefined,
  expiresIn: number | undefined,
  rows: Map<string, boolean>,
  unchecked: string[],
  revoked: boolean,
): string {
  // Sentences from locales/*.yml (vendor.jamfPro.verdict), in the admin's language; privilege names stay Jamf's.
  const server = version
    ? t('vendor.jamfPro.verdict.server', [version.match(/^\d+(?:\.\d+)*/)?.[0] ?? version])
    : t('vendor.jamfPro.verdict.serverUnknown');
  const lifetime =
    expiresIn !== undefined ? t('vendor.jamfPro.verdict.lifetime', [duration(expiresIn)]) : t('vendor.jamfPro.verdict.lifetimeUnknown');
  const missing = [...rows].filter(([, granted]) => !granted).map(([name]) => name);
  const granted = String(rows.size - missing.length);
  const sentences = [
    missing.length
      ? t('vendor.jamfPro.verdict.summaryMissing', [server, lifetime, granted, String(rows.size), missing.join(', ')])
      : t('vendor.jamfPro.verdict.summary', [server, lifetime, granted, String(rows.size)]),
  ];
  if (unchecked.length) sentences.push(t('vendor.jamfPro.verdict.unchecked', [unchecked.join(', ')]));
  if (!revoked) {
    sentences.push(
      expiresIn !== undefined
        ? t('vendor.jamfPro.verdict.notRevokedWithin', [duration(expiresIn)])
        : t('vendor.jamfPro.verdict.notRevoked'),
    );
  }
  return sentences.join(' ');
}

/** 599 → "10 min", 86399 → "24 h", 45 → "45 s". */
export function duration(seconds: number): string {
  // Units from locales/*.yml (vendor.unit), numbers in the admin's language ("2,5 Std.").
  const number = (value: number) => new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits: 1 }).format(value);
  if (seconds < 90) return t('vendor.unit.seconds', [number(seconds)]);
  if (seconds < 5400) return t('vendor.unit.minutes', [number(Math.round(seconds / 60))]);
  return t('vendor.unit.hours', [number(Math.round(seconds / 360) / 10)]);
}

async function revokeToken(base: string, auth: Record<string, string>, http: HttpClient, recorder: TestRecorder): Promise<boolean> {
  try {
    const response = await recorder.step(t('vendor.step.revoke', [`POST ${INVALIDATE_PATH}`]), () =>
      http(base + INVALIDATE_PATH, { method: 'POST', headers: auth }),
    );
    return response.status >= 200 && response.status < 300;
  } catch {
    // A failed revoke is reported, never fatal: the token expires on its own.
    return false;
  }
}
