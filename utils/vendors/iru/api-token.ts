// The Iru (Kandji) API token: a UUID bearer for one tenant's API URL. No token exchange; the test
// lists one device, then makes one call per permission of the chosen template. Every call counts
// against the tenant's 10,000 requests per hour shared by all its tokens, so a test makes at most
// MAX_REQUESTS calls.
import { z } from '../../zod';
import { KeyholdError } from '../../errors';
import { classifyFailure, parseRetryAfter, requireJson, safeHost, type HttpResponse } from '../../http/http-client';
import { t } from '../../i18n/translate';
import { recordTest } from '../test-recorder';
import { shellQuote } from '../shell-quote';
import type { CredentialType, TestContext } from '../types';
import { apiUrlOfTenant, deriveApiUrl, explainApiUrl, normaliseApiUrl } from './api-url';
import { APPLICATION_LIST, DEVICE_DETAILS, DEVICE_LIST, LIST_BLUEPRINTS, templateById } from './templates';
import { iruApiTokenCore } from './description';
import { outcomeOf, verdict, verdictMessage, type ProbeOutcome, type ProbeResult } from './verdict';

export type IruValues = { apiUrl: string; token: string; tokenName?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_REQUESTS = 5;
export const HOURLY_LIMIT = 10_000;
/** Used when no real device ID is readable: a 404 then still proves the permission gate let us in. */
export const PLACEHOLDER_DEVICE_ID = '00000000-0000-0000-0000-000000000000';

export interface Probe {
  permission: string;
  step: string;
  /** The path as the API reference writes it ({device_id} is filled in). */
  path: string;
  query?: Record<string, string>;
  /** Needs a device ID; a 404 means "permitted, no such device". */
  byId?: boolean;
  /** Shape check of a 2xx body. */
  valid: (body: unknown) => boolean;
}

const isObject = (body: unknown): body is Record<string, unknown> => typeof body === 'object' && body !== null && !Array.isArray(body);

/** One probe per permission a template can name. */
export const probes: Record<string, Probe> = {
  [DEVICE_LIST]: {
    permission: DEVICE_LIST,
    step: t('vendor.step.listDevices'),
    path: '/api/v1/devices',
    query: { limit: '1' },
    valid: Array.isArray,
  },
  [LIST_BLUEPRINTS]: {
    permission: LIST_BLUEPRINTS,
    step: t('vendor.step.listBlueprints'),
    path: '/api/v1/blueprints',
    query: { limit: '1' },
    valid: (body) => isObject(body) && Array.isArray(body.results),
  },
  [DEVICE_DETAILS]: {
    permission: DEVICE_DETAILS,
    step: t('vendor.step.deviceDetails'),
    path: '/api/v1/devices/{device_id}/details',
    byId: true,
    valid: (body) => isObject(body) && isObject(body.general),
  },
  [APPLICATION_LIST]: {
    permission: APPLICATION_LIST,
    step: t('vendor.step.deviceApps'),
    path: '/api/v1/devices/{device_id}/apps',
    byId: true,
    valid: (body) => isObject(body) && Array.isArray(body.apps),
  },
};

const values = z.strictObject({
  apiUrl: z.pipe(
    z.string({ error: t('vendor.iruValue.required') }).check(
      z.trim(),
      // A refinement whose message explains this input (superRefine's classes cost the worker bytes).
      z.refine((input: string) => Boolean(normaliseApiUrl(input)), { error: (issue) => explainApiUrl(issue.input as string) }),
    ),
    z.transform((input) => normaliseApiUrl(input) as string),
  ),
  token: z.string({ error: t('vendor.iruValue.required') }).check(z.trim(), z.regex(UUID, t('vendor.iruValue.tokenFormat'))),
  tokenName: z.optional(z.string().check(z.trim(), z.maxLength(200, 'is too long (200 characters at most)'))),
});

/**
 * FNV-1a over the token: 32 bits say nothing usable about a 122-bit random UUID, yet two tokens
 * of one tenant practically never share them.
 */
export function tokenFingerprint(token: string): string {
  let hash = 0x811c9dc5;
  for (const char of token.trim().toLowerCase()) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export const iruApiToken: CredentialType<IruValues> = {
  ...iruApiTokenCore,
  values: values as unknown as z.ZodMiniType<IruValues>,
  secretFields: ['token'],
  defaultLabel: (v) => `${v.tokenName?.trim() || t('vendor.label.iruToken')} (${safeHost(v.apiUrl)})`,
  // Page text could name any host: a token captured on acme's console goes to acme's API only.
  fromOtherTenant: (v, page) =>
    apiUrlOfTenant(page.hostname, v.apiUrl) ? null : { field: 'apiUrl', own: deriveApiUrl(page.hostname) ?? undefined },
  // Tokens have no public ID, and their names are neither unique nor fixed (admins rename them).
  // Several tokens per tenant is the recommended setup (one per integration), so a new token must
  // not replace another: the identity is the tenant plus a short fingerprint of the token itself,
  // which matches only when the very same token is captured again.
  identity: (v) => `${v.apiUrl}|${tokenFingerprint(v.token)}`,
  origins: (v) => [v.apiUrl],
  test: runTest,
  // Every token of a tenant draws on one hourly budget: never test two of them at once.
  exclusiveKey: (v) => v.apiUrl,
  // Quoted whatever the stored values hold (they are validated when saved, not when copied).
  curl: (v) =>
    `curl -sS -H 'Accept: application/json' -H ${shellQuote(`Authorization: Bearer ${v.token}`)} ${shellQuote(`${v.apiUrl}/api/v1/devices?limit=1`)}`,
};

function runTest(v: IruValues, ctx: TestContext) {
  return recordTest(async (recorder) => {
    const host = safeHost(v.apiUrl);
    const template = templateById(ctx.template);
    const results: ProbeResult[] = [];
    let requests = 0;
    recorder.details = { apiUrl: v.apiUrl, sharedHourlyLimit: HOURLY_LIMIT, tokenLifetime: 'until revoked', requests };

    const run = async (probe: Probe, deviceId = PLACEHOLDER_DEVICE_ID): Promise<{ outcome: ProbeOutcome; body?: unknown }> => {
      recorder.details.requests = ++requests;
      const query = probe.query ? `?${new URLSearchParams(probe.query)}` : '';
      const url = `${v.apiUrl}${probe.path.replace('{device_id}', encodeURIComponent(deviceId))}${query}`;
      const response = await recorder
        .step(probe.step, () => ctx.http(url, { headers: { Authorization: `Bearer ${v.token}` } }))
        .catch((error: unknown) => {
          throw unreachable(error, host);
        });
      return judge(response, probe, host);
    };

    // 1. The device list: the cheapest call, and the source of a real device ID.
    const list = await run(probes[DEVICE_LIST]);
    results.push({ permission: DEVICE_LIST, outcome: list.outcome });
    const first = Array.isArray(list.body) ? (list.body[0] as { device_id?: unknown } | undefined) : undefined;
    const deviceId = typeof first?.device_id === 'string' && UUID.test(first.device_id) ? first.device_id : undefined;
    if (template.privileges.some((name) => probes[name]?.byId)) {
      recorder.details.deviceProbe = deviceId ? 'first listed device' : 'placeholder device ID (no device could be listed)';
    }

    // 2. One call per other permission of the template.
    for (const name of template.privileges) {
      if (name === DEVICE_LIST || !probes[name]) continue;
      results.push({ permission: name, outcome: (await run(probes[name], deviceId)).outcome });
    }

    // 3. A lone refusal proves little (401 and 403 are not used consistently): ask a second call.
    if (results.length === 1 && results[0].outcome !== 'granted') {
      const control = { ...probes[LIST_BLUEPRINTS], step: t('vendor.step.secondCheck', [t('vendor.step.listBlueprints')]) };
      results.push({ permission: LIST_BLUEPRINTS, outcome: (await run(control)).outcome, control: true });
    }

    for (const result of results) if (!result.control) recorder.permission(result.permission, result.outcome === 'granted');
    const outcome = verdict(results);
    const message = verdictMessage(outcome, host, template);
    if (outcome.kind === 'rejected') throw new KeyholdError('INVALID_CREDENTIALS', message);
    if (outcome.kind === 'no-permissions') throw new KeyholdError('PERMISSION_DENIED', message);
    return recorder.pass(message);
  });
}

/** The outcome of one probe; anything that is not about this token's rights stops the test. */
function judge(response: HttpResponse, probe: Probe, host: string): { outcome: ProbeOutcome; body?: unknown } {
  const detail = isObject(response.json) ? response.json : {};
  if (response.status === 429 || (response.status >= 400 && detail.message === 'API rate limit exceeded'))
    throw rateLimited(response, host);
  if (typeof detail.detail === 'string' && /do not have permission/i.test(detail.detail)) return { outcome: 'denied' };
  if (response.status === 404 && probe.byId) return { outcome: 'granted' };
  if (response.status === 404 && probe.permission === DEVICE_LIST) {
    throw new KeyholdError('NETWORK_ERROR', t('vendor.iru.error.noTenant', [host]));
  }
  const outcome = outcomeOf(response.status);
  if (!outcome) throw classifyFailure(response, t('vendor.request.call', [probe.step]));
  if (outcome !== 'granted') return { outcome };
  const body = requireJson(response, t('vendor.request.call', [probe.step]));
  if (!probe.valid(body)) {
    throw new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.iru.error.unreadable', [host, probe.step.toLowerCase()]));
  }
  return { outcome, body };
}

function rateLimited(response: HttpResponse, host: string): KeyholdError {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  // Messages from locales/*.yml (vendor.iru.error), in the admin's language.
  const budget = HOURLY_LIMIT.toLocaleString('en-US');
  const message =
    retryAfter !== undefined
      ? t('vendor.iru.error.rateLimitedFor', [host, budget, String(retryAfter)])
      : t('vendor.iru.error.rateLimited', [host, budget]);
  return new KeyholdError('RATE_LIMITED', message, { retryAfter });
}

/** A DNS failure or refused connection on an Iru API host almost always means a wrong tenant name. */
function unreachable(error: unknown, host: string): unknown {
  if (!(error instanceof KeyholdError) || error.code !== 'NETWORK_ERROR') return error;
  return new KeyholdError('NETWORK_ERROR', t('vendor.iru.error.unreachable', [host]), { cause: error });
}
