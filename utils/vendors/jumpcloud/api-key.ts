// JumpCloud admin API key: a personal key sent as x-api-key, region-bound, with the rights of
// the admin who generated it. Generating a new key revokes the old one.
import { z } from '../../zod';
import { shellQuote } from '../shell-quote';
import type { CredentialType } from '../types';
import { recordTest } from '../test-recorder';
import { t } from '../../i18n/translate';
import { readPlace, readProbes } from './api';
import { jumpcloudApiKeyCore } from './description';
import { adminEmailSchema, apiKeySchema, orgIdSchema, regionSchema } from './schema';
import { consoleOrigin, regionName } from './regions';

export const apiKeyValues = z.strictObject({
  apiKey: apiKeySchema,
  region: regionSchema,
  orgId: orgIdSchema,
  adminEmail: adminEmailSchema,
});

export type JumpcloudApiKeyValues = z.infer<typeof apiKeyValues>;

/** Two FNV-1a passes with different offsets: a 64-bit fingerprint, synchronous as identity() must be. */
function keyFingerprint(key: string): string {
  const pass = (offset: number) => {
    let hash = offset;
    for (const char of key.trim()) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
    return (hash >>> 0).toString(16).padStart(8, '0');
  };
  return pass(0x811c9dc5) + pass(0x050c5d1f);
}

export const jumpcloudApiKey: CredentialType<JumpcloudApiKeyValues> = {
  ...jumpcloudApiKeyCore,
  values: apiKeyValues,
  secretFields: ['apiKey'],
  defaultLabel: (values) =>
    `${t('vendor.label.jumpcloudKey', [regionName(values.region)])}${values.adminEmail ? ` ${values.adminEmail}` : ''}`,
  // Each admin has one key per region and a new key revokes the old, so the admin is what the
  // key identifies: a newly generated key for the same admin replaces the stored one (rotation),
  // while another admin's key (another email) stays separate. Without an email nothing says two
  // keys are the same admin's (a second organisation's key would silently replace the first), so
  // the key is known only by a 64-bit fingerprint of itself: the same key again is the same
  // credential, another key is a new one. (Keyhold stores only a SHA-256 of the identity.) The
  // organization is left out: it is a per-request header, not part of the key.
  identity: (values) => `api-key|${values.region}|${values.adminEmail ?? `key:${keyFingerprint(values.apiKey)}`}`,
  origins: (values) => [consoleOrigin(values.region)],
  curl: (values) =>
    [
      `curl -sS ${shellQuote(`${consoleOrigin(values.region)}/api/systemusers?limit=1&skip=0`)} \\`,
      `  -H 'Accept: application/json' \\`,
      ...(values.orgId ? [`  -H ${shellQuote(`x-org-id: ${values.orgId}`)} \\`] : []),
      `  -H ${shellQuote(`x-api-key: ${values.apiKey}`)}`,
    ].join('\n'),
  test: (values, ctx) =>
    recordTest(async (recorder) => {
      recorder.details.region = regionName(values.region);
      if (values.orgId) recorder.details.organization = values.orgId;
      const result = await readProbes(
        { region: values.region, auth: { 'x-api-key': values.apiKey }, orgId: values.orgId, holder: 'api-key' },
        ctx,
        recorder,
      );
      recorder.details.users = result.users;
      const where = readPlace(regionName(values.region), values.orgId);
      return recorder.pass(
        result.groups
          ? t('vendor.jumpcloud.verdict.keyWorks', [where, String(result.users)])
          : t('vendor.jumpcloud.verdict.keyWorksNoGroups', [where, String(result.users)]),
      );
    }),
};
