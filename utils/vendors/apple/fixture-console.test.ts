// The mock's fixture console, run as a page (happy-dom with its inline script) and read by the
// real recogniser: each guide step is reachable by the clicks the end-to-end tests make, the
// Manage view renders late, its values are the mock's own, and the decoy page stays silent.
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { VIEW_DEVICES, createAppleMock } from '../../../tests/mock-vendors/apple';
import type { MockRequest } from '../../../tests/mock-vendors/server';
import { appleConsole } from './console';

type Mock = ReturnType<typeof createAppleMock>;
let window: Window | undefined;
afterEach(async () => {
  await window?.happyDOM.close();
  window = undefined;
});

/** Open the console on `host` with fetch answered by the mock itself (no network). */
async function open(mock: Mock, host: 'business.apple.com' | 'school.apple.com', hash: string) {
  window = new Window({ url: `https://${host}/${hash}`, settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
  const downloads: { fileName: string }[] = [];
  const current = window;
  (current as unknown as { fetch: unknown }).fetch = async (input: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) => {
    const url = new URL(input, `https://${host}/`);
    const request: MockRequest = {
      method: init.method ?? 'GET',
      host: url.hostname,
      port: '',
      path: url.pathname,
      query: url.searchParams,
      headers: Object.fromEntries(Object.entries(init.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value])),
      body: init.body ?? '',
      receivedAt: Date.now(),
    };
    const answer = (await mock.handle(request))!;
    const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return new current.Response(body, { status: answer.status, headers: answer.headers });
  };
  const shell = (await mock.handle({ method: 'GET', host, port: '', path: '/', query: new URLSearchParams(), headers: {}, body: '', receivedAt: Date.now() }))!;
  current.document.write(shell.body as string);
  // The page clicks its download link; record it instead of navigating (after write(): open() drops listeners).
  current.document.addEventListener(
    'click',
    (event) => {
      const link = event.target as unknown as HTMLAnchorElement;
      if (link.tagName === 'A' && link.hasAttribute('download')) {
        downloads.push({ fileName: link.getAttribute('download')! });
        event.preventDefault();
      }
    },
    true,
  );
  const doc = current.document as unknown as Document;
  const url = () => new URL(current.location.href);
  return { doc, url, downloads, window: current };
}

async function until<T>(probe: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = probe();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function recognised(doc: Document, url: () => URL) {
  return until(() => {
    const found = appleConsole.recognise(url(), doc);
    return found.length ? found : null;
  }, 'the Manage details');
}

function button(doc: Document, name: string): HTMLButtonElement {
  const found = [...doc.querySelectorAll('button')].find((element) => element.textContent?.trim() === name || element.getAttribute('aria-label') === name);
  if (!found) throw new Error(`no button ${name}`);
  return found as HTMLButtonElement;
}

describe('fixture console (business.apple.com)', () => {
  it('walks the guide: + → Create → Generate Private Key → Manage, and the Manage view is recognised', async () => {
    const mock = createAppleMock();
    mock.setPageDelay(80);
    const { doc, url, downloads, window: page } = await open(mock, 'business.apple.com', '#/main/preferences/apiaccounts');
    await until(() => doc.querySelector('#api-accounts .empty'), 'the empty list');
    expect(appleConsole.currentStep(url(), doc)).toBe('create-account');

    button(doc, 'Add API Account').click();
    expect(doc.querySelector('[role="dialog"] h2')?.textContent).toBe('Create API Account');
    expect(appleConsole.currentStep(url(), doc)).toBe('create-account');
    const label = doc.getElementById('api-account-label') as HTMLInputElement;
    label.value = 'Jamf inventory';
    label.dispatchEvent(new page.Event('input') as unknown as Event);
    const permission = [...doc.querySelectorAll<HTMLInputElement>('input[name="permission"]')].find((box) => box.value === VIEW_DEVICES)!;
    permission.click();
    doc.getElementById('create-api-account')!.click();

    await until(() => doc.getElementById('generate-private-key'), 'the Private API Key sheet');
    expect(doc.querySelector('[role="dialog"] h2')?.textContent).toBe('Private API Key');
    expect(appleConsole.currentStep(url(), doc)).toBe('generate-key');
    const [account] = mock.accounts();
    expect(account).toMatchObject({ name: 'Jamf inventory', keyId: null, permissions: [VIEW_DEVICES] });

    doc.getElementById('generate-private-key')!.click();
    await until(() => doc.querySelector('[role="dialog"] h2')?.textContent === 'Private Key Downloaded', 'the download');
    const withKey = mock.accounts()[0];
    expect(downloads).toEqual([{ fileName: withKey.keyFileName }]);
    expect(withKey.keyFileName).toMatch(/^Jamf inventory_\d{4}-\d{2}-\d{2}\.pem$/);
    expect(mock.privateKeyPem(withKey.clientId)).toMatch(/^-----BEGIN EC PRIVATE KEY-----/);

    button(doc, 'Done').click();
    const row = await until(() => doc.querySelector(`li.api-account[data-client-id="${withKey.clientId}"]`), 'the account row');
    expect(row.textContent).toContain('Jamf inventory');
    (row.querySelector('button') as HTMLButtonElement).click();

    // Late rendering: "Loading…" first, nothing to recognise yet.
    expect(doc.querySelector('[role="dialog"] [role="status"]')?.textContent).toBe('Loading…');
    expect(appleConsole.recognise(url(), doc)).toEqual([]);
    const [recognition] = await recognised(doc, url);
    expect(recognition.values).toEqual({ clientId: withKey.clientId, keyId: withKey.keyId });
    expect(recognition.anchor.textContent).toBe(withKey.clientId);
    expect(appleConsole.currentStep(url(), doc)).toBe('capture-ids');
    const labels = [...doc.querySelectorAll('[role="dialog"] .row .label')].map((element) => element.textContent);
    expect(labels).toEqual(['API Account Name', 'Private Key', 'Key ID', 'Client ID', 'Created By', 'Created Date']);

    // Revoke from the Manage view: the Key ID disappears and the capture moment is gone.
    button(doc, 'Revoke').click();
    expect(doc.querySelector('[role="dialog"] h2')?.textContent).toBe('Revoke Private Key?');
    doc.getElementById('confirm-revoke')!.click();
    await until(() => doc.querySelector('[role="dialog"] .row') && mock.accounts()[0].revokedAt, 'the revoked view');
    await until(() => doc.querySelector('[role="dialog"] .details'), 'the re-rendered view');
    expect(appleConsole.recognise(url(), doc)).toEqual([]);
    expect(appleConsole.currentStep(url(), doc)).toBe('generate-key');
  });

  it('shows accounts added through the controls, and the decoy page recognises nothing', async () => {
    const mock = createAppleMock();
    mock.setPageDelay(0);
    const account = mock.addApiAccount({ kind: 'business', name: 'Inventory sync' });
    const { doc, url, window: page } = await open(mock, 'business.apple.com', '#/main/preferences/apiaccounts');
    const row = await until(() => doc.querySelector(`li.api-account[data-client-id="${account.clientId}"]`), 'the account row');
    (row.querySelector('button') as HTMLButtonElement).click();
    const found = await recognised(doc, url);
    expect(found.map((recognition) => recognition.values)).toEqual([{ clientId: account.clientId, keyId: account.keyId }]);

    page.location.hash = '#/main/activity';
    await until(() => doc.querySelector('h1')?.textContent === 'Activity', 'the activity page');
    expect(doc.body.textContent).toMatch(/BUSINESSAPI\.[0-9a-f-]{36}/);
    expect(doc.body.textContent).toMatch(/Client ID and Key ID/);
    expect(appleConsole.recognise(url(), doc)).toEqual([]);
    expect(appleConsole.currentStep(url(), doc)).toBe('open-api');

    page.location.hash = '#/main/preferences';
    await until(() => doc.querySelector('h1')?.textContent === 'Preferences', 'the preferences page');
    expect(doc.querySelector('a[href="#/main/preferences/apiaccounts"]')?.textContent).toBe('API');
  });
});

describe('fixture console (school.apple.com)', () => {
  it('has no permissions in the create sheet and lists only School accounts', async () => {
    const mock = createAppleMock();
    mock.setPageDelay(0);
    mock.addApiAccount({ kind: 'business', name: 'Business one' });
    const school = mock.addApiAccount({ kind: 'school', name: 'Classroom' });
    const { doc, url } = await open(mock, 'school.apple.com', '#/main/preferences/apiaccounts');
    await until(() => doc.querySelector('li.api-account'), 'the account row');
    expect([...doc.querySelectorAll('li.api-account .name')].map((element) => element.textContent)).toEqual(['Classroom']);
    expect(doc.title).toBe('Apple School Manager');
    button(doc, 'Add API Account').click();
    expect(doc.querySelector('input[name="permission"]')).toBeNull();
    button(doc, 'Cancel').click();
    (doc.querySelector('li.api-account button') as HTMLButtonElement).click();
    const found = await recognised(doc, url);
    expect(found[0].values).toEqual({ clientId: school.clientId, keyId: school.keyId });
  });
});
