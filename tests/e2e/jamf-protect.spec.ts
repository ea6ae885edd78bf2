// Jamf Protect end to end (issue #18): the built extension in real Chromium against the strict
// Protect mock on acme.protect.jamfcloud.com. The password is captured with a real click on
// "Save to Keyhold" in the fixture console's creation view, tested (JSON token call, raw token on
// GraphQL), and judged: works, wrong password, missing permission.
import { test, expect, PASSPHRASE } from './fixtures';
import { captureButton, collectConsoleMessages, credentialCard, openSidePanelFor, permissionRows, verdictLine } from './iru-helpers';

const HOST = 'acme.protect.jamfcloud.com';

async function createClient(page: import('@playwright/test').Page, name: string, permissions: string[]) {
  await page.goto(`https://${HOST}/administrative/api-clients/new`);
  await page.getByLabel('Name').fill(name);
  for (const box of await page.getByRole('checkbox').all())
    await box.setChecked(permissions.includes((await box.getAttribute('value')) ?? ''));
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'API Client Configuration' })).toBeVisible();
}

test.describe('Jamf Protect', () => {
  test.beforeEach(async ({ extension }) => {
    await extension.call('vault.create', { passphrase: PASSPHRASE });
  });

  test('Create API Client → "Save to Keyhold" beside the password saves and tests it ("Saved · works")', async ({
    context,
    extension,
    mocks,
  }) => {
    const consoles = collectConsoleMessages(context, extension);
    const page = await context.newPage();
    await createClient(page, 'Keyhold SIEM', ['Computers', 'Alerts']);
    const button = captureButton(page);
    await expect(button).toHaveText('Save to Keyhold');
    await expect(page.locator('#client-password + keyhold-capture')).toHaveCount(1);
    await button.click();
    await expect(button).toHaveText('Saved · works');
    await expect(button).toHaveAttribute('title', /2 of 2 permissions granted/);

    const [saved] = await extension.call('credentials.list');
    expect(saved).toMatchObject({ vendor: 'jamf-protect', lastTest: { ok: true } });
    const { values } = await extension.call('credentials.reveal', { id: saved.id });
    const client = mocks.jamfProtect.client(values.clientId)!;
    expect(values).toEqual({ protectUrl: `https://${HOST}`, clientId: client.clientId, password: client.password });
    const calls = mocks.server.requests.filter((r) => r.host === HOST && (r.path === '/token' || r.path === '/graphql'));
    expect(calls.map((r) => r.path)).toEqual(['/token', '/graphql']);
    expect(calls[1].headers.authorization).not.toMatch(/^Bearer/);

    const panel = await openSidePanelFor(extension, page, `Jamf Protect · ${HOST}`);
    await expect(panel.locator('[aria-label="Steps"] li[aria-current="step"]')).toHaveAttribute('data-step', 'capture');
    const card = credentialCard(panel, /Jamf Protect/);
    await expect(verdictLine(card)).toContainText('Works');
    consoles.expectNoSecret(client.password);
  });

  test('a role without Alerts: saved, and the missing permission is a row, not a failed credential', async ({ context, extension }) => {
    const page = await context.newPage();
    await createClient(page, 'Keyhold inventory', ['Computers']);
    const button = captureButton(page);
    await button.click();
    await expect(button).toHaveText('Saved · works');
    await expect(button).toHaveAttribute('title', /missing: Alerts/);
    const panel = await openSidePanelFor(extension, page, `Jamf Protect · ${HOST}`);
    expect(await permissionRows(credentialCard(panel, /Jamf Protect/))).toEqual({ Computers: 'granted', Alerts: 'denied' });
  });

  test('a wrong password is refused in plain words', async ({ extension, mocks }) => {
    const client = mocks.jamfProtect.addClient();
    const { id } = await extension.call('credentials.add', {
      vendor: 'jamf-protect',
      values: { protectUrl: HOST, clientId: client.clientId, password: 'wrong-password-1' },
    });
    const report = await extension.call('credentials.test', { id });
    expect(report).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    expect(report.message).toContain('refused the client ID and password');
  });

  test('the five-client cap: Create API Client is unavailable at five, and the guide says so first', async ({
    context,
    extension,
    mocks,
  }) => {
    for (let i = 0; i < 4; i++) mocks.jamfProtect.addClient();
    const page = await context.newPage();
    await page.goto(`https://${HOST}/administrative/api-clients`);
    await expect(page.getByRole('button', { name: 'Create API Client' })).toBeDisabled();
    const panel = await openSidePanelFor(extension, page, `Jamf Protect · ${HOST}`);
    await expect(panel.getByText(/at most five API clients/).first()).toBeVisible();
  });
});
