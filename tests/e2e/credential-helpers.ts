// Shared by the specs that read a credential's details in the side panel.
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Open a card's "Permissions and requests" disclosure (collapsed under the verdict since issue #17). */
export async function showTestTables(card: Locator): Promise<void> {
  const disclosure = card.getByTestId('test-details');
  await expect(disclosure).toBeVisible();
  if (!(await disclosure.evaluate((element) => (element as HTMLDetailsElement).open))) await disclosure.locator('summary').click();
}

/** Open a credential's details from the list (one is open at a time; the rest are compact rows). */
export async function openCredential(panel: Page, label: string | RegExp): Promise<Locator> {
  const card = panel.getByRole('article', { name: label });
  if (!(await card.count())) await panel.getByRole('listbox', { name: 'Credentials' }).getByRole('option', { name: label }).click();
  await expect(card).toBeVisible();
  return card;
}

/** The same by credential id: its details (article[data-credential]) once opened from its row. */
export async function openCredentialById(panel: Page, id: string): Promise<Locator> {
  const card = panel.locator(`article[data-credential="${id}"]`);
  if (!(await card.count())) await panel.locator(`[role="option"][data-credential-row="${id}"]`).click();
  await expect(card).toBeVisible();
  return card;
}
