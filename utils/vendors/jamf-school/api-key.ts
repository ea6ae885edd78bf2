// The Jamf School API key: the school's Jamf Cloud URL, its Network ID and the key. No token
// exchange: every call carries HTTP Basic networkId:apiKey and X-Server-Protocol-Version: 3
// (developer.jamf.com, Jamf School; Jamf-Concepts/jamfschool-go-sdk). The test reads once per
// access right of the template with a filter, so a big fleet is never listed. 401 is a wrong
// Network ID or key; School refuses a missing access right with 405 (clo4/deno_jamf_school).
import { transform, z } from '../../zod';
import { KeyholdError } from '../../errors';
import { t } from '../../i18n/translate';
import { classifyFailure, safeHost, type HttpResponse } from '../../http/http-client';
import { recordTest } from '../test-recorder';
import { shellQuote } from '../shell-quote';
import type { CredentialType, TestContext } from '../types';
import { isJamfCloudHost } from '../jamf-pro/base-url';
import { isJamfEnvelope } from '../jamf-pro/api-test';
import { jamfSchoolCore } from './description';
import { schoolTemplate } from './templates';
import { tokenFingerprint } from '../iru/api-token';
import { httpsOriginOf } from '../jamf-protect/protect-url';

export type JamfSchoolValues = { baseUrl: string; networkId: string; apiKey: string };

/** No real device has this serial number: the filter proves the read right without listing the fleet. */
export const PROBE_SERIAL = 'KEYHOLD-PROBE';
export const SCHOOL_PROBES: Record<string, string> = {
  'Devices: Read': `/api/devices?serialnumber=${PROBE_SERIAL}`,
  'Locations: Read': '/api/locations',
};

/** https://<school>.jamfcloud.com from a typed or pasted address (…/api, a console page), or null. */
export const normaliseSchoolUrl = (input: string): string | null => httpsOriginOf(input, isJamfCloudHost);

export const jamfSchoolValues = z.strictObject({
  baseUrl: z.pipe(
    z.string({ error: t('vendor.schoolError.enterUrl') }),
    transform((input, ctx) => {
      const url = normaliseSchoolUrl(input);
      if (url) return url;
      ctx.addIssue({ code: 'custom', message: t('vendor.schoolError.urlFormat') });
      return z.NEVER;
    }),
  ),
  // Every public sample has 8 digits; any short number is accepted in case that changes.
  networkId: z
    .string({ error: t('vendor.schoolError.enterNetworkId') })
    .check(z.trim(), z.regex(/^\d{1,12}$/, t('vendor.schoolError.networkIdFormat'))),
  apiKey: z
    .string({ error: t('vendor.schoolError.enterKey') })
    .check(
      z.trim(),
      z.regex(/^[\x21-\x7e]+$/, t('vendor.schoolError.keyCharacters')),
      z.minLength(16, t('vendor.schoolError.keyShort')),
      z.maxLength(256, t('vendor.schoolError.keyLong')),
    ),
});

const baseOf = (v: JamfSchoolValues) => normaliseSchoolUrl(v.baseUrl) ?? v.baseUrl;
const basic = (v: JamfSchoolValues) => `Basic ${btoa(`${v.networkId.trim()}:${v.apiKey.trim()}`)}`;

export const jamfSchoolCredential: CredentialType<JamfSchoolValues> = {
  ...jamfSchoolCore,
  values: jamfSchoolValues as unknown as z.ZodMiniType<JamfSchoolValues>,
  secretFields: ['apiKey'],
  defaultLabel: (v) => t('vendor.label.school', [safeHost(baseOf(v)), v.networkId.trim()]),
  // Several keys per school is normal (one per integration): a fingerprint keeps them apart.
  identity: (v) => `${baseOf(v)}|${v.networkId.trim()}|${tokenFingerprint(v.apiKey)}`,
  origins: (v) => [baseOf(v)],
  missing: (v) => (['baseUrl', 'networkId', 'apiKey'] as const).filter((field) => !v[field]?.trim()),
  test: testSchool,
  exclusiveKey: (v) => baseOf(v),
  curl: (v) =>
    // Every value quoted for the shell: a stored value is not re-validated before it is copied.
    `curl -sS -u ${shellQuote(`${v.networkId.trim()}:${v.apiKey.trim()}`)} -H 'X-Server-Protocol-Version: 3' -H 'Accept: application/json' ${shellQuote(`${baseOf(v)}/api/devices?serialnumber=${PROBE_SERIAL}`)}`,
};

function testSchool(v: JamfSchoolValues, ctx: TestContext) {
  return recordTest(async (recorder) => {
    const base = baseOf(v);
    const host = safeHost(base);
    const headers = { Authorization: basic(v), 'X-Server-Protocol-Version': '3' };
    const template = schoolTemplate(ctx.template);
    const missing: string[] = [];
    for (const right of template.privileges) {
      const path = SCHOOL_PROBES[right];
      const response = await recorder.step(t('vendor.step.check', [right, `GET ${path.split('?')[0]}`]), () =>
        ctx.http(base + path, { headers }),
      );
      const granted = judge(response, host);
      recorder.permission(right, granted);
      if (!granted) missing.push(right);
    }
    recorder.details.tokenLifetime = 'until the key is deleted';
    const total = template.privileges.length;
    // Sentences from locales/*.yml (vendor.jamfSchool.verdict), in the admin's language.
    const message = missing.length
      ? missing.length === 1
        ? t('vendor.jamfSchool.verdict.lacksOne', [host, missing[0]])
        : t('vendor.jamfSchool.verdict.lacksMany', [
            host,
            t('vendor.common.listAnd', [missing.slice(0, -1).join(t('vendor.common.listSeparator')), missing.at(-1)!]),
          ])
      : total === 1
        ? t('vendor.jamfSchool.verdict.worksOne', [host])
        : t('vendor.jamfSchool.verdict.worksAll', [host, String(total)]);
    return recorder.pass(message);
  });
}

/** true: allowed; false: the access right is missing. Anything else stops the test. */
function judge(response: HttpResponse, host: string): boolean {
  // Jamf Pro answers /api/… with its own error envelope: the address is not a School server.
  if (isJamfEnvelope(response.json)) {
    throw new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.schoolError.jamfPro', [host]));
  }
  if (response.status === 401) {
    throw new KeyholdError('INVALID_CREDENTIALS', t('vendor.schoolError.refused', [host]));
  }
  if (response.status === 405 || response.status === 403) return false;
  if (response.isHtml) {
    throw new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.schoolError.webPage', [host]));
  }
  if (response.status === 404) {
    throw new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.schoolError.noApi', [host]));
  }
  if (response.status < 200 || response.status >= 300) throw classifyFailure(response, t('vendor.request.apiRead'));
  const body = response.json as { code?: unknown } | unknown[] | undefined;
  if (body === undefined) throw new KeyholdError('UNEXPECTED_RESPONSE', t('vendor.schoolError.unreadable', [host]));
  return true;
}
