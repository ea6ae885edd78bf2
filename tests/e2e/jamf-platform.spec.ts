// Jamf Platform API end to end (issue #18): the built extension in real Chromium, Jamf Account's
// fixture Integrations page on account.jamf.com and the strict gateway mock on
// {us,eu,apac}.api.jamfcloud.com. The secret is captured with the region from the token URL and
// the environment ID from the panel; the verdicts: works, wrong secret, missing capability, each
// scope error of the gateway in plain words, and the edge's HTML 403 as "blocked before Jamf".
import { test, expect, PASSPHRASE } from './fixtures';
import { captureButton, collectConsoleMessages, credentialCard, openSidePanelFor, permissionRows, verdictLine } from './iru-helpers';
import { ENVIRONMENTS, TENANTS } from '../mock-vendors/jamf-platform';

test.describe('Jamf Platform API', () => {
  test.beforeEach(async ({ extension }) => {
    await extension.call('vault.create', { passphrase: PASSPHRASE });
  });

  test('Jamf Account → Create integration (EU, environment) → "Save to Keyhold" reads region and environment ID ("Saved · works")', async ({
    context,
    extension,
    mocks,
  }) => {
    const consoles = collectConsoleMessages(context, extension);
    const page = await context.newPage();
    await page.goto('https://account.jamf.com/integrations/new');
    await page.getByLabel('Name').fill('Keyhold inventory');
    await page.getByLabel('Region').selectOption('eu');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('dialog', { name: 'Credentials' })).toBeVisible();
    const button = captureButton(page);
    await expect(button).toHaveText('Save to Keyhold');
    await button.click();
    await expect(button).toHaveText('Saved · works');

    const [saved] = await extension.call('credentials.list');
    expect(saved).toMatchObject({ vendor: 'jamf-platform', lastTest: { ok: true } });
    const { values } = await extension.call('credentials.reveal', { id: saved.id });
    const integration = mocks.jamfPlatform.integration(values.clientId)!;
    expect(values).toEqual({
      region: 'eu',
      clientId: integration.clientId,
      clientSecret: integration.clientSecret,
      environmentId: ENVIRONMENTS.eu,
    });
    const calls = mocks.server.requests.filter((r) => r.host === 'eu.api.jamfcloud.com');
    expect(calls.map((r) => r.path)).toEqual(['/auth/token', '/devices/v1/devices']);
    expect(calls[1].headers['x-environment-id']).toBe(ENVIRONMENTS.eu);

    const panel = await openSidePanelFor(extension, page, 'Jamf Account (Platform API) · account.jamf.com');
    const card = credentialCard(panel, /Jamf Platform API/);
    await expect(verdictLine(card)).toContainText('Works');
    expect(await permissionRows(card)).toEqual({ 'devices:read': 'granted' });
    consoles.expectNoSecret(integration.clientSecret);
  });

  test('a panel without the token URL: saved without a region, then the side panel asks for it and tests', async ({
    context,
    extension,
  }) => {
    const page = await context.newPage();
    await page.goto('https://account.jamf.com/integrations/new?layout=no-token-url');
    await page.getByLabel('Name').fill('Keyhold US');
    await page.getByLabel('Region').selectOption('us');
    await page.getByRole('button', { name: 'Create' }).click();
    const button = captureButton(page);
    await button.click();
    await expect(button).toHaveText('Saved · add the missing part');
    const panel = await openSidePanelFor(extension, page, 'Jamf Account (Platform API) · account.jamf.com');
    const card = credentialCard(panel, /Jamf Platform API/);
    await card.getByLabel('Region').selectOption('us');
    await card.getByRole('button', { name: 'Add region' }).click();
    await expect(verdictLine(card)).toContainText('Works');
    const [saved] = await extension.call('credentials.list');
    expect((await extension.call('credentials.reveal', { id: saved.id })).values).toMatchObject({
      region: 'us',
      environmentId: ENVIRONMENTS.us,
    });
  });

  test('a gateway URL is the region: pasted in the add form, typed into a field, or given to credentials.add', async ({
    context,
    extension,
    mocks,
  }) => {
    const i = mocks.jamfPlatform.addIntegration({ region: 'apac', level: 'environment', capabilities: ['devices:read'] });
    const page = await context.newPage();
    await page.goto('https://account.jamf.com/integrations');
    const panel = await extension.open(`sidepanel.html?tab=${await extension.tabIdOf(page)}`);
    await panel.getByRole('button', { name: 'Add a credential by hand' }).click();
    const form = panel.getByRole('form', { name: 'Add a credential by hand' });
    await form
      .getByLabel(/Paste the whole block/)
      .fill(`Client ID: ${i.clientId}\nClient Secret: ${i.clientSecret}\nToken URL: https://apac.api.jamfcloud.com/auth/token`);
    await expect(form.getByLabel('Vendor')).toHaveValue('jamf-platform');
    await expect(form.getByLabel('Region')).toHaveValue('apac');
    await expect(form.getByLabel('Client secret')).toHaveValue(i.clientSecret);
    await form.getByLabel(/Environment ID/).fill(ENVIRONMENTS.apac);
    await form.getByRole('button', { name: 'Save to vault' }).click();
    await expect.poll(async () => (await extension.call('credentials.list')).length).toBe(1);
    const [saved] = await extension.call('credentials.list');
    expect((await extension.call('credentials.reveal', { id: saved.id })).values).toMatchObject({ region: 'apac', clientId: i.clientId });

    // One value typed into an empty form of another vendor: the vendor switches and the region is set, not the secret.
    await panel.getByRole('button', { name: 'Add a credential by hand' }).click();
    const again = panel.getByRole('form', { name: 'Add a credential by hand' });
    await again.getByLabel('Vendor').selectOption('jamf-pro');
    await again.getByLabel('Client ID').fill('https://eu.api.jamfcloud.com');
    await expect(again.getByLabel('Vendor')).toHaveValue('jamf-platform');
    await expect(again.getByLabel('Region')).toHaveValue('eu');
    await expect(again.getByLabel('Client secret')).toHaveValue('');

    const other = mocks.jamfPlatform.addIntegration({ region: 'apac', level: 'environment', capabilities: ['devices:read'] });
    const { id } = await extension.call('credentials.add', {
      vendor: 'jamf-platform',
      values: {
        region: 'https://apac.api.jamfcloud.com/auth/token',
        clientId: other.clientId,
        clientSecret: other.clientSecret,
        environmentId: ENVIRONMENTS.apac,
      },
    });
    expect((await extension.call('credentials.reveal', { id })).values.region).toBe('apac');
  });

  test('wrong secret, and missing capability (BAD_PERMISSIONS) as a row', async ({ extension, mocks }) => {
    const i = mocks.jamfPlatform.addIntegration({ region: 'us', level: 'environment', capabilities: ['buildings:read'] });
    const wrong = await extension.call('credentials.add', {
      vendor: 'jamf-platform',
      values: { region: 'us', clientId: i.clientId, clientSecret: 'wrong-secret-123', environmentId: ENVIRONMENTS.us },
    });
    expect(await extension.call('credentials.test', { id: wrong.id })).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
    const right = await extension.call('credentials.add', {
      vendor: 'jamf-platform',
      values: { region: 'us', clientId: i.clientId, clientSecret: i.clientSecret, environmentId: ENVIRONMENTS.us },
    });
    const report = await extension.call('credentials.test', { id: right.id });
    expect(report).toMatchObject({ ok: true, permissions: [{ name: 'devices:read', granted: false }] });
  });

  for (const [name, scope, forced, code, words] of [
    [
      'REQUEST_CONTEXT_NOT_PROVIDED (saved without its environment ID)',
      {},
      undefined,
      'INCOMPLETE_CREDENTIAL',
      /Wrong scope.*environment ID/,
    ],
    [
      'OWNERSHIP_FORBIDDEN (a tenant ID for an environment integration)',
      { tenantId: TENANTS.apac },
      undefined,
      'INVALID_INPUT',
      /Wrong scope or ID/,
    ],
    [
      'ENVIRONMENT_NOT_FOUND (an unknown environment)',
      { environmentId: '00000000-0000-4000-8000-000000000000' },
      undefined,
      'INVALID_INPUT',
      /Wrong ID/,
    ],
    [
      'INVALID_REQUEST_CONTEXT_TYPE (the wrong level for the read)',
      { environmentId: ENVIRONMENTS.apac },
      'INVALID_REQUEST_CONTEXT_TYPE',
      'INVALID_INPUT',
      /Wrong scope/,
    ],
  ] as const) {
    test(`scope error ${name} is explained in plain words`, async ({ extension, mocks }) => {
      const i = mocks.jamfPlatform.addIntegration({ region: 'apac', level: 'environment', capabilities: ['devices:read'] });
      if (forced) mocks.jamfPlatform.failNextRead(forced);
      const { id } = await extension.call('credentials.add', {
        vendor: 'jamf-platform',
        values: { region: 'apac', clientId: i.clientId, clientSecret: i.clientSecret, ...scope },
      });
      const report = await extension.call('credentials.test', { id });
      expect(report).toMatchObject({ ok: false, code });
      expect(report.message).toMatch(words);
      expect(report.steps).toHaveLength(2);
    });
  }

  test('an HTML 403 from the edge is "blocked before Jamf", and the side panel shows it', async ({ context, extension, mocks }) => {
    const i = mocks.jamfPlatform.addIntegration({ region: 'us', level: 'organization', capabilities: ['licensing:read'] });
    const { id } = await extension.call('credentials.add', {
      vendor: 'jamf-platform',
      label: 'Licences',
      values: { region: 'us', clientId: i.clientId, clientSecret: i.clientSecret },
    });
    mocks.jamfPlatform.setEdgeBlock(true);
    const report = await extension.call('credentials.test', { id });
    expect(report).toMatchObject({ ok: false, code: 'NETWORK_ERROR' });
    expect(report.message).toMatch(/blocked before Jamf/);
    const page = await context.newPage();
    await page.goto('https://account.jamf.com/integrations');
    const panel = await openSidePanelFor(extension, page, 'Jamf Account (Platform API) · account.jamf.com');
    await expect(verdictLine(credentialCard(panel, 'Licences'))).toContainText('blocked before Jamf');
  });
});
