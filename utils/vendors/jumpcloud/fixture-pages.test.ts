// The mock's fixture Admin Portal, run as a real page (happy-dom with scripts on): walks each
// guide through its clicks, checks currentStep and recognise on what the page renders late,
// and tests the captured values against the same mock over HTTPS. This is what the browser
// end-to-end tests rely on, minus the extension.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { startMocksWithClient } from '../../../tests/helpers/mock-fetch';
import type { MockResponse } from '../../../tests/mock-vendors/server';
import type { Recognition, TestContext } from '../types';
import { jumpcloudConsole } from './console';
import { jumpcloudApiKey } from './api-key';
import { jumpcloudServiceAccount } from './service-account';

let env: Awaited<ReturnType<typeof startMocksWithClient>>;
let ctx: TestContext;
let window: Window;
beforeAll(async () => {
  env = await startMocksWithClient();
  ctx = { http: env.http, now: () => Date.now() };
});
afterAll(() => env.close());
beforeEach(() => env.jumpcloud.reset());
afterEach(() => window?.happyDOM.close());

/** Open the fixture console at `url`, its fetches answered by the JumpCloud mock. */
async function open(url: string) {
  window = new Window({
    url,
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true, disableCSSFileLoading: true },
  });
  const answer = async (target: URL, method = 'GET', headers: Record<string, string> = {}, body = '') =>
    (await env.jumpcloud.handle({ method, host: target.hostname, port: '', path: target.pathname, query: target.searchParams, headers, body, receivedAt: Date.now() })) as MockResponse;
  Object.assign(window, {
    fetch: async (input: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) => {
      const response = await answer(new URL(input, window.location.href), init.method, init.headers, init.body);
      return new window.Response(typeof response.body === 'string' ? response.body : JSON.stringify(response.body), { status: response.status, headers: response.headers });
    },
  });
  const page = await answer(new URL(url));
  window.document.write(page.body as string);
  await settle();
}

const settle = () => window.happyDOM.waitUntilComplete();
const doc = () => window.document as unknown as Document;
const url = () => new URL(window.location.href);
const step = () => jumpcloudConsole.currentStep(url(), doc());
const recognised = (): Recognition[] => jumpcloudConsole.recognise(url(), doc());
const byId = (id: string) => {
  const el = window.document.getElementById(id);
  if (!el) throw new Error(`#${id} is not on the page`);
  return el as unknown as HTMLInputElement;
};
async function go(hash: string) {
  window.location.hash = hash;
  await settle();
}
function choose(id: string, value: string) {
  const el = byId(id);
  el.value = value;
  el.dispatchEvent(new window.Event('change', { bubbles: true }) as unknown as Event);
}
const near = (iso: string | undefined, expected: number) => Math.abs(Date.parse(iso!) - expected) < 120_000;

describe('service account pages', () => {
  async function createServiceAccount(lifetime: string) {
    await go('#/settings/service-accounts');
    expect(step()).toBe('sa-open');
    byId('new-service-account').click();
    await settle();
    expect(step()).toBe('sa-details');
    byId('sa-name').value = 'Keyhold inventory sync';
    byId('sa-name').dispatchEvent(new window.Event('input', { bubbles: true }) as unknown as Event);
    choose('sa-role', 'Read Only');
    expect(byId('sa-activate').disabled).toBe(true);
    const radio = window.document.querySelector('input[name=keyType][value=client-secret]') as unknown as HTMLInputElement;
    radio.click();
    radio.dispatchEvent(new window.Event('change', { bubbles: true }) as unknown as Event);
    expect(step()).toBe('sa-secret');
    expect(byId('sa-lifetime-popup').hidden).toBe(false);
    choose('sa-lifetime', lifetime);
    expect(byId('sa-activate').disabled).toBe(false);
    byId('sa-activate').click();
    expect(recognised()).toEqual([]); // the dialog is not there yet
    await settle();
  }

  it('US: Activate shows the once-only dialog late; the captured pair is the one the mock issued and it passes', async () => {
    await open('https://console.jumpcloud.com/#/home');
    await createServiceAccount('30');
    expect(step()).toBe('sa-capture');
    const [found, ...more] = recognised();
    expect(more).toEqual([]);
    const issued = env.jumpcloud.issued.at(-1)!;
    expect(issued.kind).toBe('service-account');
    if (issued.kind !== 'service-account') return;
    expect(found.type).toBe('jumpcloud-service-account');
    expect(found.values).toEqual({ clientId: issued.clientId, clientSecret: issued.clientSecret, region: 'us' });
    expect(found.anchor).toBe(byId('sa-client-secret'));
    expect(near(found.expiresAt, Date.parse(issued.expiresAt))).toBe(true);
    expect(near(found.expiresAt, Date.now() + 30 * 86_400_000)).toBe(true);

    const report = await jumpcloudServiceAccount.test(jumpcloudServiceAccount.values.parse(found.values), ctx);
    expect(report).toMatchObject({ ok: true, tokenExpiresIn: 3599 });

    // Close: the account page lists it; its second secret (rotation) shows the same dialog.
    byId('sa-close').click();
    await settle();
    expect(recognised()).toEqual([]);
    expect(step()).toBe('sa-open');
    expect(window.document.body.textContent).toContain(issued.clientId);
    byId('sa-add-secret').click();
    byId('sa-add-secret-confirm').click();
    await settle();
    const [second] = recognised();
    expect(second.values.clientId).toBe(issued.clientId);
    expect(second.values.clientSecret).not.toBe(issued.clientSecret);
    expect(jumpcloudServiceAccount.identity(jumpcloudServiceAccount.values.parse(second.values))).toBe(
      jumpcloudServiceAccount.identity(jumpcloudServiceAccount.values.parse(found.values)),
    );
    expect((await jumpcloudServiceAccount.test(jumpcloudServiceAccount.values.parse(second.values), ctx)).ok).toBe(true);
  });

  it('EU: the region comes from the host and the account lives only there', async () => {
    await open('https://console.eu.jumpcloud.com/#/settings/service-accounts');
    await createServiceAccount('90');
    const [found] = recognised();
    expect(found.values.region).toBe('eu');
    expect((await jumpcloudServiceAccount.test(jumpcloudServiceAccount.values.parse(found.values), ctx)).ok).toBe(true);
    const wrong = await jumpcloudServiceAccount.test(jumpcloudServiceAccount.values.parse({ ...found.values, region: 'us' }), ctx);
    expect(wrong).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
  });
});

describe('My API Key modal', () => {
  async function generateKey() {
    byId('account-button').click();
    expect(step()).toBe('key-open');
    byId('menu-my-api-key').click();
    expect(step()).toBe('key-generate');
    byId('generate-api-key').click();
    expect(window.document.body.textContent).toMatch(/revokes your current key/);
    byId('confirm-generate-api-key').click();
    expect(recognised()).toEqual([]);
    await settle();
    expect(step()).toBe('key-capture');
  }

  it('US: the key appears late with its admin and expiry; changing the expiration is captured; regenerating revokes it', async () => {
    await open('https://console.jumpcloud.com/#/home');
    expect(step()).toBeNull();
    await generateKey();
    const [found] = recognised();
    const issued = env.jumpcloud.issued.at(-1)!;
    if (issued.kind !== 'api-key') throw new Error('expected an API key');
    expect(found.values).toEqual({ apiKey: issued.apiKey, region: 'us', adminEmail: env.jumpcloud.consoleAdmin('us').email });
    expect(found.anchor).toBe(byId('api-key-value'));
    expect(near(found.expiresAt, Date.now() + 90 * 86_400_000)).toBe(true);

    choose('api-key-expiration', '30');
    await settle();
    expect(near(recognised()[0].expiresAt, Date.now() + 30 * 86_400_000)).toBe(true);
    choose('api-key-expiration', 'none');
    await settle();
    expect(recognised()[0].expiresAt).toBeUndefined();

    const values = jumpcloudApiKey.values.parse(found.values);
    expect((await jumpcloudApiKey.test(values, ctx)).ok).toBe(true);

    // Generate again: the new key replaces the old one (same identity) and the old one is revoked.
    byId('api-key-close').click();
    await generateKey();
    const next = jumpcloudApiKey.values.parse(recognised()[0].values);
    expect(next.apiKey).not.toBe(values.apiKey);
    expect(jumpcloudApiKey.identity(next)).toBe(jumpcloudApiKey.identity(values));
    expect((await jumpcloudApiKey.test(values, ctx)).code).toBe('INVALID_CREDENTIALS');
    expect((await jumpcloudApiKey.test(next, ctx)).ok).toBe(true);
  });

  it('multi-tenant admin: the captured key needs an organization, then passes with one', async () => {
    env.jumpcloud.setConsoleAdmin('us', { multiTenant: true, orgs: 2 });
    await open('https://console.jumpcloud.com/#/devices');
    await generateKey();
    const values = jumpcloudApiKey.values.parse(recognised()[0].values);
    const failed = await jumpcloudApiKey.test(values, ctx);
    expect(failed.code).toBe('ORGANIZATION_REQUIRED');
    const orgs = failed.details!.organizations as { id: string; name: string }[];
    expect(orgs).toEqual(env.jumpcloud.consoleAdmin('us').orgs);
    expect((await jumpcloudApiKey.test({ ...values, orgId: orgs[0].id }, ctx)).ok).toBe(true);
  });
});

describe('decoy', () => {
  it('the home page mentions and masks keys but shows none', async () => {
    await open('https://console.in.jumpcloud.com/#/home');
    expect(window.document.body.textContent).toMatch(/jca_Ex4mple/);
    expect(recognised()).toEqual([]);
    expect(step()).toBeNull();
  });
});
