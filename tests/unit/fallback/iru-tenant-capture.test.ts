// #19 item 12 (Iru part): an API URL read from page text must belong to the tenant of the page it
// came from. A page of acme.kandji.io that says "API URL: evil.api.kandji.io" saves nothing; the
// side panel asks the admin, with the tenant's own API URL prefilled.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleCapture } from '../../../utils/background/capture';
import { takePrefill } from '../../../utils/background/capture-prefill';
import { listSummaries } from '../../../utils/background/credential-store';
import { createVault } from '../../../utils/background/vault-service';

const TOKEN = '6f1c2b7e-93a4-4d0b-8e55-0a1b2c3d4e5f';
const sender = (url: string) => ({ id: 'keyhold-id', url, tab: { id: 7, url }, frameId: 0 }) as never;

beforeEach(async () => {
  fakeBrowser.reset();
  await createVault('a long enough passphrase');
});

describe('Iru API URL from another tenant', () => {
  it.each([
    ['https://acme.kandji.io/my-company/access', 'https://evil.api.kandji.io', 'https://acme.api.kandji.io'],
    ['https://acme.eu.iru.com/access/api-tokens', 'https://acme.api.iru.com', 'https://acme.api.eu.iru.com'],
    ['https://acme.iru.com/access/api-tokens', 'https://acme.api.eu.kandji.io', 'https://acme.api.iru.com'],
  ])('on %s, %s is not saved and the side panel asks', async (page, apiUrl, own) => {
    await expect(handleCapture({ vendor: 'iru', values: { apiUrl, token: TOKEN } }, sender(page))).rejects.toMatchObject({
      code: 'INCOMPLETE_CREDENTIAL',
      message: expect.stringMatching(/not this tenant’s.*side panel/),
    });
    expect(await listSummaries()).toEqual([]);
    const prefill = await takePrefill(7);
    expect(prefill).toMatchObject({ vendor: 'iru', ask: ['apiUrl'], values: { apiUrl: own, token: TOKEN } });
    expect(prefill?.note).toContain(new URL(apiUrl).hostname);
  });
});
