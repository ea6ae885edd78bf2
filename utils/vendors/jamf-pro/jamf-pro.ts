// The Jamf Pro API client credential: server base URL, client ID and client secret.
import { transform, z } from '../../zod';
import { t } from '../../i18n/translate';
import type { CredentialType } from '../types';
import { testJamfPro, type JamfProValues } from './api-test';
import { normaliseBaseUrl } from './base-url';
import { jamfProCore } from './description';
import { shellQuote } from '../shell-quote';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const jamfProValues = z.strictObject({
  baseUrl: z.pipe(
    z.string({ error: t('vendor.jamfPro.error.enterUrl') }),
    transform((input, ctx) => {
      const result = normaliseBaseUrl(input);
      if (result.ok) return result.value;
      ctx.addIssue({ code: 'custom', message: result.reason });
      return z.NEVER;
    }),
  ),
  clientId: z
    .string({ error: t('vendor.jamfPro.error.enterClientId') })
    .check(z.trim(), z.regex(UUID, t('vendor.jamfPro.error.clientIdFormat'))),
  // Jamf Pro secrets seen so far are 64 characters of A–Z, a–z, 0–9, "_" and "-"; other printable
  // characters are tolerated in case Jamf changes the format.
  clientSecret: z
    .string({ error: t('vendor.jamfPro.error.enterSecret') })
    .check(
      z.trim(),
      z.minLength(1, t('vendor.jamfPro.error.enterSecret')),
      z.regex(/^[\x21-\x7e]+$/, t('vendor.jamfPro.error.secretCharacters')),
      z.minLength(16, t('vendor.jamfPro.error.secretShort')),
      z.maxLength(512, t('vendor.jamfPro.error.secretLong')),
    ),
});

/** The normalised base URL, or the input as given when it cannot be normalised. */
const baseOf = (values: JamfProValues) => {
  const result = normaliseBaseUrl(values.baseUrl);
  return result.ok ? result.value : values.baseUrl;
};

export const jamfProCredential: CredentialType<JamfProValues> = {
  ...jamfProCore,
  values: jamfProValues,
  secretFields: ['clientSecret'],
  defaultLabel: (values) =>
    t('vendor.label.jamfPro', [baseOf(values).replace(/^https:\/\//, ''), values.clientId.trim().slice(0, 8).toLowerCase()]),
  identity: (values) => `${baseOf(values)}|${values.clientId.trim().toLowerCase()}`,
  origins: (values) => [new URL(baseOf(values)).origin],
  test: testJamfPro,
  // One test at a time per server: Test all must not hammer a customer's Jamf Pro.
  exclusiveKey: (values) => new URL(baseOf(values)).origin,
  curl: (values) =>
    [
      `curl -sS -X POST ${shellQuote(`${baseOf(values)}/api/v1/oauth/token`)} \\`,
      `  -H 'Content-Type: application/x-www-form-urlencoded' \\`,
      `  --data-urlencode grant_type=client_credentials \\`,
      `  --data-urlencode ${shellQuote(`client_id=${values.clientId}`)} \\`,
      `  --data-urlencode ${shellQuote(`client_secret=${values.clientSecret}`)}`,
    ].join('\n'),
};
