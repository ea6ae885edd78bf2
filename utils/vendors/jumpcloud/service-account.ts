// JumpCloud service account: Client ID + Client Secret exchanged for a bearer token at the
// region's admin-oauth host (HTTP Basic, client_credentials, scope "api"), then the same reads
// as an API key. Not tied to a person; up to two secrets for rotation.
import { z } from '../../zod';
import { KeyholdError } from '../../errors';
import { requireJson, safeHost } from '../../http/http-client';
import { shellQuote } from '../shell-quote';
import type { CredentialType } from '../types';
import { recordTest } from '../test-recorder';
import { t } from '../../i18n/translate';
import { basicCredentials, readPlace, readProbes, tokenFailure, tokenUrl } from './api';
import { jumpcloudServiceAccountCore } from './description';
import { orgIdSchema, regionSchema, tokenSchema } from './schema';
import { consoleOrigin, oauthOrigin, regionName } from './regions';

export const serviceAccountValues = z.strictObject({
  clientId: tokenSchema(t('vendor.jumpcloudValue.clientId')),
  clientSecret: tokenSchema(t('vendor.jumpcloudValue.clientSecret')),
  region: regionSchema,
  orgId: orgIdSchema,
});

export type JumpcloudServiceAccountValues = z.infer<typeof serviceAccountValues>;

export const jumpcloudServiceAccount: CredentialType<JumpcloudServiceAccountValues> = {
  ...jumpcloudServiceAccountCore,
  values: serviceAccountValues,
  secretFields: ['clientSecret'],
  defaultLabel: (values) => t('vendor.label.jumpcloudService', [values.clientId, regionName(values.region)]),
  // The Client ID is public and stays the same across both secrets, so a second secret for the
  // same account replaces the stored one (rotation). IDs are only unique within a region.
  identity: (values) => `${values.region}|${values.clientId}`,
  origins: (values) => [oauthOrigin(values.region), consoleOrigin(values.region)],
  curl: (values) =>
    [
      `curl -sS -X POST ${shellQuote(`${oauthOrigin(values.region)}/oauth2/token`)} \\`,
      `  -u ${shellQuote(`${values.clientId}:${values.clientSecret}`)} \\`,
      `  -H 'Content-Type: application/x-www-form-urlencoded' \\`,
      `  --data 'grant_type=client_credentials&scope=api'`,
    ].join('\n'),
  test: (values, ctx) =>
    recordTest(async (recorder) => {
      const region = regionName(values.region);
      recorder.details.region = region;
      if (values.orgId) recorder.details.organization = values.orgId;

      const response = await recorder.step(t('vendor.step.tokenRequest'), () =>
        ctx.http(tokenUrl(values.region), {
          method: 'POST',
          headers: { Authorization: `Basic ${basicCredentials(values.clientId, values.clientSecret)}` },
          form: { grant_type: 'client_credentials', scope: 'api' },
        }),
      );
      if (response.status < 200 || response.status >= 300) throw tokenFailure(response, values.region);
      const token = requireJson(response, t('vendor.request.token')) as {
        access_token?: unknown;
        token_type?: unknown;
        expires_in?: unknown;
      };
      if (typeof token?.access_token !== 'string' || !token.access_token || !/^bearer$/i.test(String(token.token_type))) {
        throw new KeyholdError('UNEXPECTED_RESPONSE', `${safeHost(response.url)} answered the token request without a bearer token.`);
      }
      if (typeof token.expires_in === 'number' && token.expires_in > 0) recorder.tokenExpiresIn = Math.round(token.expires_in);

      const result = await readProbes(
        { region: values.region, auth: { Authorization: `Bearer ${token.access_token}` }, orgId: values.orgId, holder: 'service-account' },
        ctx,
        recorder,
      );
      recorder.details.users = result.users;
      const lifetime = recorder.tokenExpiresIn
        ? t('vendor.jumpcloud.verdict.tokenFor', [String(Math.round(recorder.tokenExpiresIn / 60))])
        : t('vendor.jumpcloud.verdict.token');
      const where = readPlace(region, values.orgId);
      return recorder.pass(
        result.groups
          ? t('vendor.jumpcloud.verdict.saWorks', [where, lifetime, String(result.users)])
          : t('vendor.jumpcloud.verdict.saWorksNoGroups', [where, lifetime, String(result.users)]),
      );
    }),
};
