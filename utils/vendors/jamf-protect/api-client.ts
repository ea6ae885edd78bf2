// The Jamf Protect API client: tenant URL, client ID and password (Protect's word for the secret).
// Test: POST {protectUrl}/token with a JSON body {client_id, password} (no grant_type), then one
// GraphQL read on /graphql with the raw token (no "Bearer"), one aliased field per permission of
// the template. GraphQL reports refusals inside a 200, so every answer's `errors` is read.
// Sources: jamf/jamfprotect scripts, Jamf-Concepts/jamfprotect-go-sdk (see docs/vendors.md).
import { transform, z } from '../../zod';
import { KeyholdError } from '../../errors';
import { t } from '../../i18n/translate';
import { classifyFailure, safeHost, type HttpResponse } from '../../http/http-client';
import { recordTest, type TestRecorder } from '../test-recorder';
import type { CredentialType, TestContext } from '../types';
import { duration } from '../jamf-pro/api-test';
import { shellQuote } from '../shell-quote';
import { normaliseProtectUrl } from './protect-url';
import { jamfProtectCore } from './description';
import { protectTemplate } from './templates';

export type JamfProtectValues = { protectUrl: string; clientId: string; password: string };

/** One aliased read per permission the test can check; the others stay "not checked". */
export const PROTECT_PROBES: Record<string, { alias: string; field: string }> = {
  Computers: { alias: 'computers', field: 'listComputers(input: {pageSize: 1}) { items { uuid } }' },
  Alerts: { alias: 'alerts', field: 'listAlerts(input: {pageSize: 1}) { items { uuid } }' },
  Plans: { alias: 'plans', field: 'listPlans(input: {pageSize: 1}) { items { id } }' },
};

// Messages in the admin's language, read once when the schema is built (the language is fixed per session).
const text = (what: string, min: number, max: number) =>
  z
    .string({ error: t('vendor.value.enter', [what]) })
    .check(
      z.trim(),
      z.minLength(min, min > 1 ? t('vendor.value.short', [what]) : t('vendor.value.enter', [what])),
      z.maxLength(max, t('vendor.value.long', [what])),
      z.regex(/^[\x21-\x7e]+$/, t('vendor.value.characters', [what])),
    );

export const jamfProtectValues = z.strictObject({
  protectUrl: z.pipe(
    z.string({ error: t('vendor.protectError.enterUrl') }),
    transform((input, ctx) => {
      const url = normaliseProtectUrl(input);
      if (url) return url;
      ctx.addIssue({ code: 'custom', message: t('vendor.protectError.urlFormat') });
      return z.NEVER;
    }),
  ),
  // No documented format for either (GraphQL type ID and an opaque password): printable only.
  clientId: text(t('vendor.value.clientId'), 1, 200),
  password: text(t('vendor.value.protectPassword'), 8, 512),
});

const urlOf = (v: JamfProtectValues) => normaliseProtectUrl(v.protectUrl) ?? v.protectUrl;

export const jamfProtectCredential: CredentialType<JamfProtectValues> = {
  ...jamfProtectCore,
  values: jamfProtectValues as unknown as z.ZodMiniType<JamfProtectValues>,
  secretFields: ['password'],
  defaultLabel: (v) => t('vendor.label.protect', [safeHost(urlOf(v)), v.clientId.trim().slice(0, 8)]),
  identity: (v) => `${urlOf(v)}|${v.clientId.trim()}`,
  origins: (v) => [urlOf(v)],
  test: testProtect,
  // One test at a time per tenant: each test takes a token and reads.
  exclusiveKey: (v) => urlOf(v),
  curl: (v) =>
    [
      `curl -sS -X POST ${shellQuote(`${urlOf(v)}/token`)} \\`,
      `  -H 'Content-Type: application/json' \\`,
      `  --data ${shellQuote(JSON.stringify({ client_id: v.clientId, password: v.password }))}`,
    ].join('\n'),
};

function testProtect(v: JamfProtectValues, ctx: TestContext) {
  return recordTest(async (recorder) => {
    const base = urlOf(v);
    const host = safeHost(base);
    const token = await recorder.step(t('vendor.step.token', ['POST /token']), () =>
      ctx.http(`${base}/token`, { method: 'POST', json: { client_id: v.clientId, password: v.password } }),
    );
    if (token.isHtml) throw blocked(token, host);
    if (token.status === 401 || token.status === 403 || (token.status === 400 && isJsonError(token, 'invalid_client'))) {
      throw new KeyholdError('INVALID_CREDENTIALS', t('vendor.protectError.refused', [host]));
    }
    const access = tokenOf(token, host);
    if (typeof (token.json as { expires_in?: unknown }).expires_in === 'number') {
      recorder.tokenExpiresIn = Math.round((token.json as { expires_in: number }).expires_in);
    }
    const template = protectTemplate(ctx.template);
    const probed = template.privileges.filter((name) => PROTECT_PROBES[name]);
    const rows = new Map<string, boolean | null>();
    // A query naming a field this schema lacks fails as a whole: ask once more without it.
    for (let left = probed, round = 0; left.length && round < 2; round++) {
      for (const [name, granted] of await readGraphql(base, access, left, ctx, recorder)) rows.set(name, granted);
      left = left.filter((name) => rows.get(name) === undefined);
    }
    const unchecked = template.privileges.filter((name) => (rows.get(name) ?? null) === null);
    for (const [name, granted] of rows) if (granted !== null) recorder.permission(name, granted);
    recorder.details.tokenRevocable = false;
    if (unchecked.length) recorder.details.uncheckedPrivileges = unchecked;
    const checked = [...rows].filter(([, granted]) => granted !== null);
    const missing = checked.filter(([, granted]) => !granted).map(([name]) => name);
    // Sentences from locales/*.yml (vendor.jamfProtect.verdict), in the admin's language.
    const lifetime = recorder.tokenExpiresIn
      ? t('vendor.jamfProtect.verdict.lifetime', [duration(recorder.tokenExpiresIn)])
      : t('vendor.jamfProtect.verdict.lifetimeUnknown');
    const granted = String(checked.length - missing.length);
    const sentences = [
      missing.length
        ? t('vendor.jamfProtect.verdict.summaryMissing', [
            host,
            lifetime,
            granted,
            String(checked.length),
            missing.join(t('vendor.common.listSeparator')),
          ])
        : t('vendor.jamfProtect.verdict.summary', [host, lifetime, granted, String(checked.length)]),
    ];
    if (unchecked.length) sentences.push(t('vendor.jamfProtect.verdict.unchecked', [unchecked.join(t('vendor.common.listSeparator'))]));
    sentences.push(t('vendor.jamfProtect.verdict.notRevocable'));
    return recorder.pass(sentences.join(' '));
  });
}

function isJsonError(response: HttpResponse, code: string): boolean {
  return (response.json as { error?: unknown } | undefined)?.error === code;
}

function tokenOf(response: HttpResponse, host: string): string {
  if (response.isHtml) throw blocked(response, host);
  if (response.status < 200 || response.status >= 300) throw classifyFailure(response, t('vendor.request.token'));
  const body = response.json as { access_token?: unknown } | undefined;
  if (typeof body?.access_token !== 'string' || !body.access_token) {
    throw new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.protectError.noToken', [host]));
  }
  return body.access_token;
}

function blocked(response: HttpResponse, host: string): KeyholdError {
  return new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.protectError.webPage', [host, String(response.status)]));
}

/** Permission → granted, false when refused, null when the schema had no such read. */
async function readGraphql(base: string, token: string, names: string[], ctx: TestContext, recorder: TestRecorder) {
  const host = safeHost(base);
  const query = `query KeyholdTest { ${names.map((name) => `${PROTECT_PROBES[name].alias}: ${PROTECT_PROBES[name].field}`).join(' ')} }`;
  // The raw token: Protect's direct API takes no "Bearer" prefix.
  const response = await recorder.step(t('vendor.step.read', [names.join(t('vendor.common.listSeparator')), 'POST /graphql']), () =>
    ctx.http(`${base}/graphql`, { method: 'POST', headers: { Authorization: token }, json: { query } }),
  );
  if (response.status === 401 || response.status === 403) {
    throw new KeyholdError('INVALID_CREDENTIALS', t('vendor.protectError.tokenRefused', [host, String(response.status)]));
  }
  if (response.isHtml) throw blocked(response, host);
  if (response.status < 200 || response.status >= 300) throw classifyFailure(response, t('vendor.request.graphql'));
  const body = response.json as { data?: Record<string, unknown> | null; errors?: unknown } | undefined;
  if (!body || typeof body !== 'object') throw new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.protectError.unreadable', [host]));
  return readErrors(body, names, host);
}

/**
 * A GraphQL answer: each error names its field by `path` (AppSync: errorType "Unauthorized"); a
 * validation error ("FieldUndefined") means this schema has no such read, so it stays unchecked.
 */
export function readErrors(body: { data?: Record<string, unknown> | null; errors?: unknown }, names: string[], host: string) {
  const rows = new Map<string, boolean | null>();
  const errors = Array.isArray(body.errors) ? (body.errors as { path?: unknown; errorType?: unknown; message?: unknown }[]) : [];
  const validation = (list: typeof errors) =>
    /FieldUndefined|Validation|Cannot query field|WrongType/i.test(
      list.map((error) => `${String(error.errorType ?? '')} ${String(error.message ?? '')}`).join(' '),
    );
  // No data and an error that names no field and is not about the schema: nothing to place.
  if (body.data == null && errors.length && !errors.some((error) => Array.isArray(error.path)) && !validation(errors)) {
    throw new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.protectError.noPermissionNamed', [host]));
  }
  for (const name of names) {
    const { alias, field } = PROTECT_PROBES[name];
    const fieldName = field.slice(0, field.indexOf('('));
    const own = errors.filter((error) =>
      Array.isArray(error.path) ? error.path[0] === alias : String(error.message ?? '').includes(`'${fieldName}'`),
    );
    if (!own.length) {
      // Validation failed elsewhere in the document: this field was never run (asked again).
      if (body.data == null && errors.length) continue;
      if (body.data?.[alias] == null) throw new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.protectError.unreadable', [host]));
      rows.set(name, true);
      continue;
    }
    rows.set(name, validation(own) ? null : false);
  }
  return rows;
}
