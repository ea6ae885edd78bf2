// The Jamf Platform API integration: region, client ID and secret, and the scope ID (environment
// or tenant; neither for an organization-scoped integration). Test: POST {region}.api.jamfcloud.com
// /auth/token (form, client credentials, no scope header), then one read chosen by scope with
// exactly one scope header. Tokens last `expires_in` (900 s documented), are region-locked and
// cannot be revoked, so none is claimed to be. Two requests per test: the edge blocks bursts.
// Sources: developer.jamf.com Platform API fundamentals; Jamf-Concepts/jamfplatform-go-sdk WIRE-FACTS.
import { preprocess, transform, z } from '../../zod';
import { KeyholdError } from '../../errors';
import { t } from '../../i18n/translate';
import { classifyFailure, safeHost, type HttpResponse } from '../../http/http-client';
import { recordTest } from '../test-recorder';
import type { CredentialType, TestContext } from '../types';
import { duration } from '../jamf-pro/api-test';
import { shellQuote } from '../shell-quote';
import { gatewayOf, regionOfUrl, REGIONS } from './detect';
import { jamfPlatformCore } from './description';

export type JamfPlatformValues = { region: string; clientId: string; clientSecret: string; environmentId?: string; tenantId?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Messages in the admin's language, read once when the schema is built (the language is fixed per session).
const printable = (what: string, min: number) =>
  z
    .string({ error: t('vendor.value.enter', [what]) })
    .check(
      z.trim(),
      z.minLength(min, t('vendor.value.short', [what])),
      z.maxLength(512, t('vendor.value.long', [what])),
      z.regex(/^[\x21-\x7e]+$/, t('vendor.value.characters', [what])),
    );
const scopeId = (what: string) => z.optional(z.string().check(z.trim(), z.toLowerCase(), z.regex(UUID, t('vendor.value.uuid', [what]))));

export const jamfPlatformValues = z.pipe(
  // A pipe, not a refinement on the object: the vault picks single fields of the object (a capture
  // without its region, an edit while locked), which zod refuses on a refined object.
  z.strictObject({
    // The gateway URL Jamf Account shows (https://eu.api.jamfcloud.com/auth/token) stands for its region.
    region: preprocess(
      (value) => (typeof value === 'string' ? (regionOfUrl(value) ?? value.trim().toLowerCase()) : value),
      z.enum(REGIONS, { error: t('vendor.platformError.region') }),
    ),
    clientId: printable(t('vendor.value.clientId'), 1),
    clientSecret: printable(t('vendor.value.clientSecret'), 8),
    environmentId: scopeId(t('vendor.value.environmentId')),
    tenantId: scopeId(t('vendor.value.tenantId')),
  }),
  transform((v, ctx) => {
    if (!(v.environmentId && v.tenantId)) return v;
    ctx.addIssue({
      code: 'custom',
      path: ['tenantId'],
      message: t('vendor.platformError.oneScope'),
    });
    return z.NEVER;
  }),
);

/** What the scope of these values is, and the one read that proves it. */
export function scopeOf(v: JamfPlatformValues): {
  level: 'environment' | 'tenant' | 'organization';
  header: Record<string, string>;
  path: string;
  capability?: string;
} {
  if (v.environmentId)
    return {
      level: 'environment',
      header: { 'X-Environment-Id': v.environmentId },
      path: '/devices/v1/devices?page=0&page-size=1',
      capability: 'devices:read',
    };
  if (v.tenantId)
    return { level: 'tenant', header: { 'X-Tenant-Id': v.tenantId }, path: '/pro/v1/jamf-pro-version', capability: undefined };
  // Jamf Account's own APIs answer on the US host only; elsewhere a scoped read without a header
  // can only say which scope ID is missing.
  if (v.region !== 'us') return { level: 'organization', header: {}, path: '/devices/v1/devices?page=0&page-size=1' };
  return { level: 'organization', header: {}, path: '/licensing/v1/licenses', capability: 'licensing:read' };
}

/** The scope level as the verdict names it (locales/*.yml). */
const SCOPE_WORDS = {
  environment: 'vendor.jamfPlatform.verdict.scopeEnvironment',
  tenant: 'vendor.jamfPlatform.verdict.scopeTenant',
  organization: 'vendor.jamfPlatform.verdict.scopeOrganization',
} as const;

export const jamfPlatformCredential: CredentialType<JamfPlatformValues> = {
  ...jamfPlatformCore,
  values: jamfPlatformValues as unknown as z.ZodMiniType<JamfPlatformValues>,
  secretFields: ['clientSecret'],
  defaultLabel: (v) =>
    t('vendor.label.platform', [v.region.toUpperCase(), t(SCOPE_WORDS[scopeOf(v).level]), v.clientId.trim().slice(0, 8)]),
  identity: (v) => `${v.region}|${v.clientId.trim()}`,
  origins: (v) => [gatewayOf(v.region)],
  missing: (v) => (['region', 'clientId', 'clientSecret'] as const).filter((field) => !v[field]?.trim()),
  test: testPlatform,
  // One test at a time per region: the gateway's edge blocks bursts from one address.
  exclusiveKey: (v) => v.region,
  curl: (v) =>
    [
      `curl -sS -X POST ${shellQuote(`${gatewayOf(v.region)}/auth/token`)} \\`,
      `  -H 'Content-Type: application/x-www-form-urlencoded' \\`,
      `  --data-urlencode grant_type=client_credentials \\`,
      `  --data-urlencode ${shellQuote(`client_id=${v.clientId}`)} \\`,
      `  --data-urlencode ${shellQuote(`client_secret=${v.clientSecret}`)}`,
    ].join('\n'),
};

function testPlatform(v: JamfPlatformValues, ctx: TestContext) {
  return recordTest(async (recorder) => {
    const base = gatewayOf(v.region);
    const host = safeHost(base);
    const form = { grant_type: 'client_credentials', client_id: v.clientId.trim(), client_secret: v.clientSecret.trim() };
    const tokenResponse = await recorder.step(t('vendor.step.token', ['POST /auth/token']), () =>
      ctx.http(`${base}/auth/token`, { method: 'POST', form }),
    );
    const token = readToken(tokenResponse, host, v.region);
    const expires = (tokenResponse.json as { expires_in?: unknown }).expires_in;
    if (typeof expires === 'number' && expires > 0) recorder.tokenExpiresIn = Math.round(expires);
    recorder.details.tokenRevocable = false;
    const scope = scopeOf(v);
    recorder.details.scope = scope.level;
    const lifetime = recorder.tokenExpiresIn
      ? t('vendor.jamfPlatform.verdict.lifetime', [duration(recorder.tokenExpiresIn)])
      : t('vendor.jamfPlatform.verdict.lifetimeUnknown');
    const response = await recorder.step(t('vendor.step.scopeRead', [t(SCOPE_WORDS[scope.level]), `GET ${scope.path.split('?')[0]}`]), () =>
      ctx.http(base + scope.path, { headers: { Authorization: `Bearer ${token}`, ...scope.header } }),
    );
    const granted = readAnswer(response, host, scope.level);
    if (scope.capability) recorder.permission(scope.capability, granted);
    // Sentences from locales/*.yml (vendor.jamfPlatform.verdict), in the admin's language.
    const level = t(SCOPE_WORDS[scope.level]);
    const words = granted
      ? scope.capability
        ? t('vendor.jamfPlatform.verdict.granted', [host, lifetime, level, scope.capability])
        : t('vendor.jamfPlatform.verdict.tenantAnswered', [host, lifetime, level])
      : scope.capability
        ? t('vendor.jamfPlatform.verdict.missing', [host, lifetime, level, scope.capability])
        : t('vendor.jamfPlatform.verdict.missingProduct', [host, lifetime, level]);
    return recorder.pass(`${words} ${t('vendor.jamfPlatform.verdict.notRevocable')}`);
  });
}

function gatewayCode(response: HttpResponse): string | undefined {
  const errors = (response.json as { errors?: { code?: unknown }[] } | undefined)?.errors;
  return Array.isArray(errors) && typeof errors[0]?.code === 'string' ? errors[0].code : undefined;
}

/** An HTML answer from the CloudFront edge: the request never reached Jamf. */
function blocked(response: HttpResponse, host: string): KeyholdError {
  return new KeyholdError('NETWORK_ERROR', t('vendor.platformError.blocked', [host, String(response.status)]));
}

function readToken(response: HttpResponse, host: string, region: string): string {
  if (response.isHtml) throw blocked(response, host);
  const error = (response.json as { error?: unknown } | undefined)?.error;
  if (response.status === 401 || error === 'invalid_client' || error === 'unauthorized_client') {
    throw new KeyholdError('INVALID_CREDENTIALS', t('vendor.platformError.refused', [host, region.toUpperCase()]));
  }
  if (response.status < 200 || response.status >= 300) throw classifyFailure(response, t('vendor.request.token'));
  const token = (response.json as { access_token?: unknown } | undefined)?.access_token;
  if (typeof token !== 'string' || !token) throw new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.platformError.noToken', [host]));
  return token;
}

/** true: the read worked; false: the capability is missing. Scope faults stop the test in plain words. */
export function readAnswer(response: HttpResponse, host: string, level: keyof typeof SCOPE_WORDS): boolean {
  if (response.isHtml) throw blocked(response, host);
  const code = gatewayCode(response);
  const id = t(level === 'tenant' ? 'vendor.value.tenantId' : 'vendor.value.environmentId');
  switch (code) {
    case 'REQUEST_CONTEXT_NOT_PROVIDED':
      throw new KeyholdError('INCOMPLETE_CREDENTIAL', t('vendor.platformError.noContext'));
    case 'INVALID_REQUEST_CONTEXT_TYPE':
      throw new KeyholdError('INVALID_INPUT', t('vendor.platformError.contextType', [t(SCOPE_WORDS[level])]));
    case 'OWNERSHIP_FORBIDDEN':
      throw new KeyholdError(
        'INVALID_INPUT',
        level === 'organization' ? t('vendor.platformError.notOrganization') : t('vendor.platformError.notThisScope', [id]),
      );
    case 'ENVIRONMENT_NOT_FOUND':
      throw new KeyholdError('INVALID_INPUT', t('vendor.platformError.noEnvironment', [id]));
    case 'BAD_PERMISSIONS':
      return false; // a missing capability (the read is a published path)
  }
  // Plain-text 401 on a fresh token: the integration holds no permission for this product.
  if (response.status === 401 && response.json === undefined) return false;
  if (response.status >= 200 && response.status < 300 && response.json !== undefined) return true;
  throw classifyFailure(response, t('vendor.request.scopedRead'));
}
