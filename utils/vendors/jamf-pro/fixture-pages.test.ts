// The mock's fixture console pages, run with their scripts in happy-dom (requests answered by the
// mock itself), driven the way an admin would: the guide steps follow the pages, the recogniser
// finds the secret the page was given, and that secret passes the real test against the mock.
import { Browser, type BrowserPage } from 'happy-dom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMocksWithClient } from '../../../tests/helpers/mock-fetch';
import { DEMO_CLIENTS, JAMF_BASE_URLS } from '../../../tests/mock-vendors/jamf-pro';
import type { MockRequest } from '../../../tests/mock-vendors/server';
import { jamfProConsole } from './console';
import { jamfProCredential } from './jamf-pro';
import { jamfProTemplates } from './privileges';

const ROUTE = '/view/settings/system-settings/api-roles-and-clients';

let env: Awaited<ReturnType<typeof startMocksWithClient>>;
let browser: Browser;
let page: BrowserPage;

beforeAll(async () => {
  env = await startMocksWithClient();
});
afterAll(async () => {
  await browser?.close();
  await env.close();
});
beforeEach(async () => {
  env.jamf.reset();
  await browser?.close();
  browser = new Browser({
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true, // our own fixture pages only
      fetch: {
        interceptor: {
          // Every page load and every fetch the pages make is answered by the Jamf mock itself.
          async beforeAsyncRequest({ request, window }) {
            const url = new URL(request.url);
            const body = request.method === 'GET' ? '' : await request.text();
            const headers: Record<string, string> = {};
            request.headers.forEach((value, key) => (headers[key] = value));
            const mockRequest: MockRequest = {
              method: request.method,
              host: url.hostname,
              port: url.port,
              path: url.pathname,
              query: url.searchParams,
              headers,
              body,
              receivedAt: Date.now(),
            };
            const answer = (await env.jamf.handle(mockRequest)) ?? { status: 404, body: 'no mock' };
            const text = answer.body === undefined ? null : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
            return new window.Response(answer.status === 204 ? null : text, { status: answer.status, headers: answer.headers });
          },
        },
      },
    },
  });
  page = browser.newPage();
});

async function open(url: string) {
  await page.goto(url);
  await page.waitUntilComplete();
}

const doc = () => page.mainFrame.document;
const here = () => new URL(page.mainFrame.url);
const step = () => jamfProConsole.currentStep(here(), doc() as unknown as Document);
const found = () => jamfProConsole.recognise(here(), doc() as unknown as Document);

function button(name: string) {
  const match = [...doc().querySelectorAll('button,[role=button]')].find((el) => el.textContent?.replace(/\s+/g, ' ').trim() === name);
  if (!match) throw new Error(`no button "${name}"`);
  return match as unknown as HTMLElement;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Let the page finish what it started (requests, navigation, timers). */
async function settle(ms = 0) {
  await sleep(ms);
  await page.waitUntilComplete();
}

/** Click the secret button, confirm, wait for the late pop-up; return what Keyhold recognises. */
async function generateSecret(confirm: 'Create Secret' | 'Rotate Secret') {
  button(confirm === 'Create Secret' ? 'Generate Client Secret' : 'Rotate Client Secret').click();
  expect(doc().querySelector('[role=alertdialog]')).not.toBeNull();
  expect(step()).toBe('generate-secret');
  button(confirm).click();
  for (let i = 0; i < 50 && !doc().querySelector('[role=dialog]'); i++) await sleep(5);
  // The frame is up, the value not yet.
  expect(doc().querySelector('[role=dialog]')?.textContent).toContain('Generating');
  expect(found()).toEqual([]);
  await settle();
  expect(step()).toBe('capture');
  return found();
}

describe('fixture pages', () => {
  it('cloud: the demo client page → Generate → Create Secret → the captured values pass the test', async () => {
    const demo = DEMO_CLIENTS['acme.jamfcloud.com'];
    await open(`${JAMF_BASE_URLS.cloud}${ROUTE}/api-clients/3`);
    expect(jamfProConsole.detect(here())).toMatchObject({ tenant: 'acme.jamfcloud.com' });
    expect(step()).toBe('generate-secret');
    expect(found()).toEqual([]);

    const [recognition, ...rest] = await generateSecret('Create Secret');
    expect(rest).toEqual([]);
    const secret = env.jamf.client(demo.clientId).clientSecret!;
    expect(recognition.values).toEqual({ baseUrl: 'https://acme.jamfcloud.com', clientId: demo.clientId, clientSecret: secret });
    expect(recognition.anchor.id).toBe('client-secret');

    const report = await jamfProCredential.test(jamfProCredential.values.parse(recognition.values), { http: env.http, now: Date.now });
    expect(report.message).toBe('Jamf Pro 11.10.1, token valid 10 min, 6 of 6 privileges granted.');
  });

  it('rotation on the page: the old secret stops working, the new one is recognised', async () => {
    const client = env.jamf.addClient({ privileges: jamfProTemplates[0].privileges });
    const old = client.clientSecret!;
    await open(env.jamf.clientPageUrl(client));
    const [recognition] = await generateSecret('Rotate Secret');
    expect(recognition.values.clientSecret).not.toBe(old);
    expect(recognition.values.clientSecret).toBe(env.jamf.client(client.clientId).clientSecret);
    const stale = await jamfProCredential.test({ ...recognition.values, clientSecret: old } as never, { http: env.http, now: Date.now });
    expect(stale.code).toBe('INVALID_CREDENTIALS');
  });

  it('self-hosted: role form → client form → client page → secret, under port 8443 and /jamf', async () => {
    const base = JAMF_BASE_URLS.selfHosted;
    await open(`${base}${ROUTE}?tab=api-roles`);
    expect(jamfProConsole.detect(here(), { selfHosted: true, doc: doc() as unknown as Document })).toMatchObject({
      tenant: 'jamf.example.org:8443/jamf',
      hints: { baseUrl: base },
    });
    expect(step()).toBe('roles');

    (doc().querySelector('a[href$="api-roles/new"]') as unknown as HTMLElement).click();
    await settle();
    expect(here().pathname).toBe(`/jamf${ROUTE}/api-roles/new`);
    expect(step()).toBe('new-role');
    (doc().getElementById('role-name') as unknown as HTMLInputElement).value = 'Asset tool';
    const input = doc().getElementById('privilege-input') as unknown as HTMLInputElement;
    for (const name of jamfProTemplates[0].privileges) {
      input.value = name.toLowerCase();
      input.dispatchEvent(new page.mainFrame.window.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }) as unknown as Event);
    }
    expect(doc().querySelectorAll('#privilege-chips li')).toHaveLength(6);
    button('Save').click();
    await settle(20);
    expect(here().search).toBe('?tab=api-roles');
    const role = env.jamf.server('jamf.example.org').roles.find((r) => r.displayName === 'Asset tool')!;
    expect(role.privileges).toEqual(jamfProTemplates[0].privileges);

    await open(`${base}${ROUTE}?tab=api-clients`);
    expect(step()).toBe('clients');
    (doc().querySelector('a[href$="api-clients/new"]') as unknown as HTMLElement).click();
    await settle();
    expect(step()).toBe('new-client');
    (doc().getElementById('client-name') as unknown as HTMLInputElement).value = 'Asset tool';
    (doc().querySelector(`input[name=role][value="${role.id}"]`) as unknown as HTMLInputElement).checked = true;
    (doc().getElementById('token-lifetime') as unknown as HTMLInputElement).value = '900';
    (doc().getElementById('client-enabled') as unknown as HTMLInputElement).checked = true;
    button('Save').click();
    await settle(20);
    expect(step()).toBe('clients');

    const link = [...doc().querySelectorAll('td a')].find((a) => a.textContent === 'Asset tool') as unknown as HTMLElement;
    link.click();
    await settle();
    expect(step()).toBe('generate-secret');
    const [recognition] = await generateSecret('Create Secret');
    expect(recognition.values.baseUrl).toBe(base);
    const report = await jamfProCredential.test(jamfProCredential.values.parse(recognition.values), { http: env.http, now: Date.now });
    expect(report.message).toBe('Jamf Pro 11.9.1, token valid 15 min, 6 of 6 privileges granted.');
  });

  it('the decoy page shows UUIDs and hashes but nothing to capture', async () => {
    await open(`${JAMF_BASE_URLS.cloud}/computers.html`);
    expect(doc().body.textContent).toContain('Client ID');
    expect(found()).toEqual([]);
    expect(step()).toBeNull();
  });

  it('outside /jamf the self-hosted server is plain Tomcat', async () => {
    await open('https://jamf.example.org:8443/view/settings');
    expect(doc().title).toContain('404');
    expect(jamfProConsole.detect(here(), { selfHosted: true })).toMatchObject({ hints: { baseUrl: 'https://jamf.example.org:8443' } });
  });
});
