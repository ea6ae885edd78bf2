// The capture-origin check with the real vendor consoles: a content script may hand in a
// credential only from a page of the console of the vendor it claims. Another vendor's console,
// a look-alike host or an arbitrary web page is refused.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { assertCaptureOrigin } from '../../../utils/background/capture';
import { credentialTypeIds, type CredentialTypeId } from '../../../utils/protocol';
import { getCredentialType } from '../../../utils/vendors/registry';
import { consoleHosts, consoleOfType } from '../../../utils/vendors/vendor-ids';

/** A console page per type; a type not listed here gets its console's first declared host. */
const knownPages: Partial<Record<CredentialTypeId, string>> = {
  'jamf-pro': 'https://acme.jamfcloud.com/view/settings/system-settings/api-roles-and-clients',
  'jumpcloud-api-key': 'https://console.jumpcloud.com/#/home',
  'jumpcloud-service-account': 'https://console.eu.jumpcloud.com/#/settings',
  'apple-business': 'https://business.apple.com/#/main/preferences',
  iru: 'https://acme.kandji.io/my-company/access',
  'jamf-protect': 'https://acme.protect.jamfcloud.com/administrative/api-clients',
  'jamf-school': 'https://acmeschool.jamfcloud.com/organisation/settings/api',
  'jamf-platform': 'https://account.jamf.com/integrations',
};
const consoleOf = (type: CredentialTypeId) =>
  knownPages[type] ?? new URL(consoleHosts[consoleOfType(type)].console[0].replace('*.', 'acme.').replace(/\*$/, '')).href;

const lookAlikes = [
  'https://jamfcloud.com.evil.example/',
  'https://acme.jamfcloud.com.evil.example/',
  'https://acmejamfcloud.com/',
  'https://acme.jamfcloud.co/',
  'https://acme.jamfcloud.com@evil.example/',
  'https://evil.example/acme.jamfcloud.com/',
  'https://console.jumpcloud.com.evil.example/',
  'https://evil-console.jumpcloud.co/',
  'https://business.apple.com.evil.example/',
  'https://business-apple.com/',
  'https://school.apple.co/',
  'https://acme.kandji.io.evil.example/',
  'https://kandji.io.evil.example/',
  'https://acme.iru.com.evil.example/',
  'http://acme.jamfcloud.com/',
  'http://console.jumpcloud.com/',
];

const sender = (url: string) => ({ id: 'keyhold-id', url, tab: { id: 4, url }, frameId: 0 });

beforeEach(() => fakeBrowser.reset());

describe('capture origin (real consoles)', () => {
  it('accepts each vendor’s capture from its own console', async () => {
    for (const vendor of credentialTypeIds) {
      await expect(assertCaptureOrigin(vendor, sender(consoleOf(vendor)) as never), vendor).resolves.toBeInstanceOf(URL);
    }
  });

  it('refuses a capture claiming one vendor from another vendor’s console', async () => {
    for (const vendor of credentialTypeIds) {
      for (const other of credentialTypeIds) {
        if (getCredentialType(vendor).consoleId === getCredentialType(other).consoleId) continue; // the two JumpCloud types share a console
        await expect(assertCaptureOrigin(vendor, sender(consoleOf(other)) as never), `${vendor} from ${other}`).rejects.toMatchObject({
          code: 'FORBIDDEN_SENDER',
        });
      }
    }
  });

  it('refuses look-alike hosts and arbitrary web pages for every vendor', async () => {
    const url = fc.oneof(
      fc.constantFrom(...lookAlikes),
      fc
        .webUrl()
        .filter((candidate) => !/(^|\.)(jamfcloud\.com|jumpcloud\.com|apple\.com|kandji\.io|iru\.com)$/.test(new URL(candidate).hostname)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...credentialTypeIds), url, async (vendor, page) => {
        await expect(assertCaptureOrigin(vendor, sender(page) as never)).rejects.toMatchObject({ code: 'FORBIDDEN_SENDER' });
      }),
      { numRuns: 1_000, seed: 3 },
    );
  });
});
