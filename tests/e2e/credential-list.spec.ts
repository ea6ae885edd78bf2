// Issue #17 items 1, 2 and 5 in real Chromium: the list scales (search, filters, groups by console
// and tenant, urgency order, the console tab first, keyboard only), the details read at 320 px
// without horizontal scrolling, every state passes axe, and the calendar files parse back.
import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { parseIcs, unescapeText } from '../helpers/parse-ics';
import { test, expect, PASSPHRASE, type ExtensionHandle, type Mocks } from './fixtures';
import { MIN_ROW_PX } from '../../components/credential-list-model';

const IRU_TOKEN = '8c1b7f2e-4d3a-4b5c-9e6f-7a8b9c0d1e2f';
const DAY = 86_400_000;

async function audit(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Nothing needs horizontal scrolling. */
async function fitsWidth(page: Page, label: string) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${label}: scrollWidth ${scroll} > clientWidth ${client}`).toBeLessThanOrEqual(client);
}

async function checkState(page: Page, label: string) {
  await audit(page, label);
  await fitsWidth(page, label);
}

/** Four credentials over three groups: failing (beta), expiring (Iru), untested and working (acme). */
async function seed(extension: ExtensionHandle, mocks: Mocks) {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const acme = mocks.jamf.addClient({ host: 'acme.jamfcloud.com' });
  const acme2 = mocks.jamf.addClient({ host: 'acme.jamfcloud.com' });
  const beta = mocks.jamf.addClient({ host: 'beta.jamfcloud.com' });
  const inventory = await extension.call('credentials.add', {
    vendor: 'jamf-pro',
    label: 'Inventory · acme.jamfcloud.com',
    values: { baseUrl: 'https://acme.jamfcloud.com', clientId: acme.clientId, clientSecret: acme.clientSecret },
  });
  await extension.call('credentials.test', { id: inventory.id });
  await extension.call('credentials.add', {
    vendor: 'jamf-pro',
    label: 'Patch reporting · acme.jamfcloud.com',
    values: { baseUrl: 'https://acme.jamfcloud.com', clientId: acme2.clientId, clientSecret: acme2.clientSecret },
    expiresAt: new Date(Date.now() + 60 * DAY).toISOString(),
  });
  const failing = await extension.call('credentials.add', {
    vendor: 'jamf-pro',
    label: 'Beta sync · beta.jamfcloud.com',
    values: { baseUrl: 'https://beta.jamfcloud.com', clientId: beta.clientId, clientSecret: [...beta.clientSecret!].reverse().join('') },
  });
  await extension.call('credentials.test', { id: failing.id });
  await extension.call('credentials.add', {
    vendor: 'iru',
    label: 'Iru · expiring',
    values: { apiUrl: 'https://acme.api.kandji.io', token: IRU_TOKEN },
    expiresAt: new Date(Date.now() + 3 * DAY).toISOString(),
  });
  return {
    secrets: [acme.clientSecret!, acme2.clientSecret!, [...beta.clientSecret!].reverse().join(''), IRU_TOKEN],
    clientIds: [acme.clientId, acme2.clientId],
  };
}

test('the side panel list: groups, urgency, search, filters, keyboard only, 320 px, axe in every state, calendar files', async ({
  extension,
  mocks,
}) => {
  const { secrets, clientIds } = await seed(extension, mocks);
  const panel = await extension.open('sidepanel.html');
  await panel.setViewportSize({ width: 320, height: 700 });
  const list = panel.getByRole('listbox', { name: 'Credentials' });
  const options = list.getByRole('option');
  await expect(options).toHaveCount(4);
  // Nothing is open when there is more than one: compact rows only.
  await expect(panel.getByRole('article')).toHaveCount(0);
  // Groups by console and tenant, the most urgent group first: failing, expiring, then the rest.
  const groups = list.getByRole('group');
  await expect(groups).toHaveCount(3);
  await expect(groups.nth(0)).toHaveAccessibleName('Jamf Pro · beta.jamfcloud.com');
  await expect(groups.nth(1)).toHaveAccessibleName('Iru Endpoint');
  await expect(groups.nth(2)).toHaveAccessibleName('Jamf Pro · acme.jamfcloud.com');
  await expect(groups.nth(2).getByRole('option').first()).toContainText('Patch reporting');
  await expect(options.first()).toContainText('failing');
  // A long list draws its first screen first, counting on no row being shorter than MIN_ROW_PX.
  const heights = await options.evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height));
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(MIN_ROW_PX);
  await checkState(panel, 'side panel list');

  // Search: label, tenant, vendor and client ID; never a secret.
  const search = panel.getByRole('searchbox', { name: 'Search credentials' });
  await expect(search).toHaveAttribute('placeholder', 'Search label, tenant, vendor or client ID');
  await search.fill('acme');
  await expect(options).toHaveCount(2);
  await search.fill('patch');
  await expect(options).toHaveCount(1);
  await search.fill('iru');
  await expect(options).toHaveCount(1);
  await search.fill(clientIds[1]);
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('Patch reporting');
  await search.fill(`acme ${clientIds[0].slice(-8).toUpperCase()}`);
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('Inventory');
  for (const secret of secrets) {
    await search.fill(secret);
    await expect(options, 'a secret typed into search').toHaveCount(0);
  }
  await search.fill(secrets[0].slice(0, 12));
  await expect(options).toHaveCount(0);
  await expect(panel.getByText('No credential matches.')).toBeVisible();
  await checkState(panel, 'side panel, no match');
  await search.fill('');
  await expect(options).toHaveCount(4);

  // Filters: failing, expiring, console.
  const filters = panel.getByRole('group', { name: 'Filters' });
  await filters.getByRole('button', { name: /^Failing/ }).click();
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('Beta sync');
  await checkState(panel, 'side panel, failing filter');
  await filters.getByRole('button', { name: /^Failing/ }).click();
  await filters.getByRole('button', { name: /^Expiring/ }).click();
  await expect(options).toHaveCount(1);
  await expect(options.first()).toContainText('Iru · expiring');
  await filters.getByRole('button', { name: /^Expiring/ }).click();
  await filters.getByLabel('Console').selectOption({ label: 'Jamf Pro' });
  await expect(options).toHaveCount(3);
  await filters.getByLabel('Console').selectOption({ label: 'All consoles' });
  await expect(options).toHaveCount(4);

  // Keyboard only: Tab reaches the list, arrows move, Enter opens, Escape closes.
  await search.focus();
  for (let i = 0; i < 10 && !(await list.evaluate((el) => el === document.activeElement)); i++) await panel.keyboard.press('Tab');
  await expect(list).toBeFocused();
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await panel.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'false');
  await panel.keyboard.press('End');
  await expect(options.nth(3)).toHaveAttribute('aria-selected', 'true');
  await panel.keyboard.press('Home');
  await panel.keyboard.press('ArrowDown');
  await panel.keyboard.press('Enter');
  const iru = panel.getByRole('article', { name: 'Iru · expiring' });
  await expect(iru).toBeVisible();
  await expect(iru.getByRole('heading', { name: 'Iru · expiring' })).toBeFocused();
  await expect(panel.getByRole('article')).toHaveCount(1);
  await checkState(panel, 'side panel, details open');
  // The verdict comes first; permissions and requests wait under a disclosure.
  await panel.keyboard.press('Escape');
  await expect(panel.getByRole('article')).toHaveCount(0);
  await expect(list).toBeFocused();
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');

  // A tested credential: verdict first, tables collapsed until asked for.
  await options.filter({ hasText: 'Inventory' }).click();
  const inventory = panel.getByRole('article', { name: 'Inventory · acme.jamfcloud.com' });
  await expect(inventory.getByTestId('test-report').getByRole('status')).toContainText('Works');
  await expect(inventory.getByRole('table', { name: 'Permissions' })).toBeHidden();
  await inventory.getByText('Permissions and requests').click();
  await expect(inventory.getByRole('table', { name: 'Requests' })).toBeVisible();
  await checkState(panel, 'side panel, tables open');
  await inventory.getByRole('button', { name: 'Reveal' }).click();
  await expect(inventory.locator('.revealed')).toBeVisible();
  await checkState(panel, 'side panel, values revealed');
  await inventory.getByRole('button', { name: 'Hide values' }).click();

  // "Add to calendar" for one credential, "Export all expiries" for every one with an expiry.
  await options.filter({ hasText: 'Iru · expiring' }).click();
  const [one] = await Promise.all([panel.waitForEvent('download'), iru.getByRole('button', { name: 'Add to calendar' }).click()]);
  const oneText = fs.readFileSync((await one.path())!, 'utf8');
  const calendar = parseIcs(oneText);
  expect(calendar.components).toHaveLength(1);
  const [event] = calendar.components;
  expect(unescapeText(event.props.SUMMARY[0].value)).toContain('Iru · expiring');
  const [stored] = (await extension.call('credentials.list')).filter((c) => c.label === 'Iru · expiring');
  const expiry = new Date(stored.expiresAt!);
  const localDay = `${expiry.getFullYear()}${String(expiry.getMonth() + 1).padStart(2, '0')}${String(expiry.getDate()).padStart(2, '0')}`;
  expect(event.props.DTSTART[0]).toEqual({ value: localDay, params: { VALUE: 'DATE' } });
  expect(event.components[0].props.TRIGGER[0].value).toBe('-P7D');
  const [all] = await Promise.all([panel.waitForEvent('download'), panel.getByRole('button', { name: 'Export all expiries' }).click()]);
  const allText = fs.readFileSync((await all.path())!, 'utf8');
  const summaries = parseIcs(allText).components.map((e) => unescapeText(e.props.SUMMARY[0].value));
  expect(summaries).toHaveLength(2);
  expect(summaries.join('\n')).toContain('Patch reporting');
  for (const secret of secrets) {
    expect(oneText).not.toContain(secret);
    expect(allText).not.toContain(secret);
  }
});

test('on a console tab its credentials come first and the newest one there is open', async ({ context, extension, mocks }) => {
  await seed(extension, mocks);
  const consolePage = await context.newPage();
  await consolePage.goto('https://acme.jamfcloud.com/view/settings/system-settings/api-roles-and-clients');
  const panel = await extension.open(`sidepanel.html?tab=${await extension.tabIdOf(consolePage)}`);
  await panel.setViewportSize({ width: 400, height: 700 });
  await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Jamf Pro · acme.jamfcloud.com');
  const groups = panel.getByRole('listbox', { name: 'Credentials' }).getByRole('group');
  await expect(groups.first()).toHaveAccessibleName('Jamf Pro · acme.jamfcloud.com');
  await expect(groups.nth(1)).toHaveAccessibleName('Jamf Pro · beta.jamfcloud.com');
  await expect(panel.getByRole('article')).toHaveCount(1);
  await expect(panel.getByRole('article')).toHaveAccessibleName('Patch reporting · acme.jamfcloud.com');
  await checkState(panel, 'side panel on a console tab');
});

test('the popup lists, filters and opens credentials by keyboard at 320 px', async ({ extension, mocks }) => {
  await seed(extension, mocks);
  const popup = await extension.open('popup.html');
  await popup.setViewportSize({ width: 320, height: 600 });
  const list = popup.getByRole('listbox', { name: 'Credentials' });
  await expect(list.getByRole('option')).toHaveCount(4);
  await checkState(popup, 'popup list');
  await list.focus();
  await popup.keyboard.press('Enter');
  const opened = popup.getByRole('article', { name: 'Beta sync · beta.jamfcloud.com' });
  await expect(opened.getByTestId('test-report').getByRole('status')).toContainText('Failed');
  await checkState(popup, 'popup details');
  await popup.keyboard.press('Escape');
  await expect(popup.getByRole('article')).toHaveCount(0);
  await popup.getByRole('searchbox', { name: 'Search credentials' }).fill('beta');
  await expect(list.getByRole('option')).toHaveCount(1);
  await checkState(popup, 'popup search');
});
