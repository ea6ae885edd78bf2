// The Apple Business / Apple School Manager API account: Client ID + Key ID (shown in the Manage
// view) and the private key (a downloaded .pem). The test signs a short client assertion, trades
// it for a token at account.apple.com and reads one MDM server and one device.
import { z } from '../../zod';
import { t } from '../../i18n/translate';
import { KeyholdError } from '../../errors';
import { requireJson, type HttpResponse } from '../../http/http-client';
import { recordTest, type TestRecorder } from '../test-recorder';
import { shellQuote } from '../shell-quote';
import type { CredentialType, TestContext } from '../types';
import { createClientAssertion, signClientAssertion } from './client-assertion';
import { apiFailure, readName, tokenFailure } from './failures';
import { appleBusinessCore } from './description';
import { CLIENT_ID_PATTERN, KEY_ID_PATTERN, SERVICES, serviceOfClientId, type AppleService } from './ids';
import { parseApplePrivateKey, privateKeyProblem } from './private-key';

export type AppleValues = { clientId: string; keyId: string; privateKey: string };

/** Apple's documented token URL; the assertion's `aud` is the /v2/ URL (client-assertion.ts). */
export const TOKEN_URL = 'https://account.apple.com/auth/oauth2/token';
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Long enough for one test, short enough to be worthless if it leaked. */
const TEST_ASSERTION_SECONDS = 300;

// Permission names are locale keys (vendor.applePermission), read when a test runs.
const PROBES = [
  { path: '/v1/mdmServers?limit=1', permission: 'vendor.applePermission.servers', what: 'the MDM server list' },
  { path: '/v1/orgDevices?limit=1', permission: 'vendor.applePermission.devices', what: 'the device list' },
] as const;

const FIELDS = ['clientId', 'keyId', 'privateKey'] as const;

const values = z.strictObject({
  clientId: z.string().check(z.trim(), z.regex(CLIENT_ID_PATTERN, t('vendor.appleValue.clientIdFormat'))),
  keyId: z.string().check(z.trim(), z.regex(KEY_ID_PATTERN, t('vendor.appleValue.keyIdFormat'))),
  privateKey: z.string().check(
    z.maxLength(20_000, t('vendor.appleValue.keyTooLarge')),
    // A refinement whose message says what is wrong with this file (superRefine's classes cost the worker bytes).
    z.refine((pem: string) => !privateKeyProblem(pem), { error: (issue) => privateKeyProblem(issue.input as string) ?? undefined }),
  ),
});

function service(values: Pick<AppleValues, 'clientId'>): AppleService {
  const found = serviceOfClientId(values.clientId);
  if (!found) throw new KeyholdError('INVALID_INPUT', t('vendor.appleValue.clientIdPrefix'));
  return found;
}

/** Prefix upper case, UUIDs lower case: the same account always gives the same identity. */
function normalise(values: Partial<AppleValues>) {
  const [prefix, uuid = ''] = (values.clientId ?? '').trim().split('.');
  return { clientId: `${prefix.toUpperCase()}.${uuid.toLowerCase()}`, keyId: (values.keyId ?? '').trim().toLowerCase() };
}

export const appleBusiness: CredentialType<AppleValues> = {
  ...appleBusinessCore,
  values,
  secretFields: ['privateKey'],
  defaultLabel: (values) => {
    const kind = serviceOfClientId(values.clientId ?? '');
    return t('vendor.label.apple', [kind ? SERVICES[kind].name : 'Apple', normalise(values).keyId.slice(0, 8)]);
  },
  // The Key ID pins one private key: a new key for the same account is a new credential, so a
  // captured pair never ends up beside another key's .pem.
  identity: (values) => {
    const { clientId, keyId } = normalise(values);
    return `${clientId}|${keyId}`;
  },
  origins: (values) => ['https://account.apple.com', SERVICES[service(values)].api],
  missing: (values) => FIELDS.filter((name) => !values[name]?.trim()),
  test: (values, ctx) => recordTest((recorder) => runTest(values, ctx, recorder)),
  // Apple's rate limits are undocumented and the organisation is not in the values: test one
  // credential per service at a time.
  exclusiveKey: (values) => serviceOfClientId(values.clientId) ?? 'unknown',
  createAssertion: (values, options) => createClientAssertion(values, options),
  // The assertion is signed per use, so the command takes it from the shell; the Client ID is
  // validated (prefix + UUID), so single quotes are safe.
  curl: (values) =>
    [
      '# Put a client assertion in CLIENT_ASSERTION first (Keyhold: "Create client assertion").',
      `curl -sS -X POST '${TOKEN_URL}' \\`,
      `  -H 'Content-Type: application/x-www-form-urlencoded' \\`,
      `  --data-urlencode 'grant_type=client_credentials' \\`,
      `  --data-urlencode ${shellQuote(`client_id=${values.clientId.trim()}`)} \\`,
      `  --data-urlencode 'client_assertion_type=${CLIENT_ASSERTION_TYPE}' \\`,
      `  --data-urlencode "client_assertion=$CLIENT_ASSERTION" \\`,
      `  --data-urlencode 'scope=${SERVICES[service(values)].scope}'`,
    ].join('\n'),
};

async function runTest(values: AppleValues, ctx: TestContext, recorder: TestRecorder) {
  if (!values.privateKey?.trim()) {
    throw new KeyholdError('INCOMPLETE_CREDENTIAL', t('vendor.appleValue.addKey'));
  }
  const kind = service(values);
  const { name, api, scope } = SERVICES[kind];
  const { clientId, keyId } = values;
  const { key } = await parseApplePrivateKey(values.privateKey);
  const assertion = await signClientAssertion({
    clientId: clientId.trim(),
    keyId: keyId.trim(),
    key,
    now: ctx.now(),
    lifetimeSeconds: TEST_ASSERTION_SECONDS,
  });

  const tokenResponse = await recorder.step(t('vendor.step.appleToken'), () =>
    ctx.http(TOKEN_URL, {
      method: 'POST',
      form: {
        grant_type: 'client_credentials',
        client_id: clientId.trim(),
        client_assertion_type: CLIENT_ASSERTION_TYPE,
        client_assertion: assertion,
        scope,
      },
    }),
  );
  if (tokenResponse.status !== 200) throw tokenFailure(tokenResponse, kind, ctx.now());
  const token = readToken(tokenResponse);
  if (token.expiresIn !== undefined) recorder.tokenExpiresIn = token.expiresIn;

  const denied: string[] = [];
  for (const probe of PROBES) {
    const permission = t(probe.permission);
    const response = await recorder.step(permission, () =>
      ctx.http(`${api}${probe.path}`, { headers: { Authorization: `Bearer ${token.accessToken}` } }),
    );
    // A JSON 403 is a missing permission on this API account: a row, not a failed test.
    if (response.status === 403 && !response.isHtml && response.json !== undefined) {
      recorder.permission(permission, false);
      denied.push(probe.what);
      continue;
    }
    if (response.status < 200 || response.status >= 300) throw apiFailure(response, probe.what, ctx.now());
    const body = requireJson(response, readName(probe.what)) as { data?: unknown };
    if (!Array.isArray(body?.data)) {
      throw new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.applePermission.unreadable', [new URL(api).host, readName(probe.what)]));
    }
    recorder.permission(permission, true);
  }

  recorder.details = { service: name, scope };
  // Sentences from locales/*.yml (vendor.apple.verdict), in the admin's language.
  const sentences = [t('vendor.apple.verdict.accepted', [name])];
  if (token.expiresIn !== undefined) sentences.push(t('vendor.apple.verdict.lifetime', [String(Math.round(token.expiresIn / 60))]));
  if (!denied.length) return recorder.pass([...sentences, t('vendor.apple.verdict.allRead')].join(' '));
  sentences.push(
    denied.length === 2
      ? t('vendor.apple.verdict.cannotReadEither')
      : t(denied[0] === PROBES[0].what ? 'vendor.apple.verdict.cannotReadServers' : 'vendor.apple.verdict.cannotReadDevices'),
  );
  if (kind === 'business') sentences.push(t('vendor.apple.verdict.fix'));
  return recorder.pass(sentences.join(' '));
}

function readToken(response: HttpResponse): { accessToken: string; expiresIn?: number } {
  const body = requireJson(response, t('vendor.request.token')) as { access_token?: unknown; expires_in?: unknown };
  if (typeof body?.access_token !== 'string' || !body.access_token) {
    throw new KeyholdError('UNEXPECTED_RESPONSE', `${new URL(response.url).host} answered the token request without an access token.`);
  }
  const expiresIn = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : undefined;
  return { accessToken: body.access_token, expiresIn };
}
