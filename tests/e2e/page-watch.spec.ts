// How closely the in-page script watches a console (utils/content/page-watch.ts), in real Chromium:
// a pop-up opened at the top of the page is seen at once, with or without a click; something a
// console puts deep in its page at a quiet moment is looked at on the admin's next action.
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, PASSPHRASE, type ExtensionHandle, type Mocks } from './fixtures';
import { SETTLE_QUIET_MS } from '../../utils/content/page-watch';

const PRIVILEGES = ['Read Computers'];

/** The "Client Secret" pop-up Jamf Pro shows once, put at the top of the page or deep inside it. */
function showSecret(page: Page, where: 'top' | 'deep', secret: string) {
  return page.evaluate(
    ([where, secret]) => {
      const shade = document.createElement('div');
      shade.id = 'late-secret';
      shade.innerHTML = `<div role="dialog" aria-modal="true" aria-labelledby="late-title"><h2 id="late-title">Client Secret</h2>
<label for="late-field">Client Secret</label><input id="late-field" type="text" readonly></div>`;
      (shade.querySelector('input') as HTMLInputElement).value = secret;
      // Deep: inside an element at least three levels below <body>, never a child of a body child.
      const deep = [...document.body.querySelectorAll('div,section,main,p')].find((el) => {
        let depth = 0;
        for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) depth++;
        return depth >= 2;
      });
      if (where === 'deep' && !deep) throw new Error('The fixture page has no deep element.');
      (where === 'top' ? document.body : deep!).append(shade);
    },
    [where, secret] as const,
  );
}

/** A Jamf client page with no secret on show yet, opened in a fresh vault's browser and left to settle. */
async function settledClientPage({
  context,
  extension,
  mocks,
}: {
  context: BrowserContext;
  extension: ExtensionHandle;
  mocks: Mocks;
}): Promise<Page> {
  await extension.call('vault.create', { passphrase: PASSPHRASE });
  const client = mocks.jamf.addClient({ privileges: PRIVILEGES, clientSecret: null });
  const page = await context.newPage();
  await page.goto(mocks.jamf.clientPageUrl(client));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Past the load: the page has been quiet for a second, so only its top is watched now.
  await page.waitForTimeout(SETTLE_QUIET_MS + 1500);
  return page;
}

test('a pop-up opened at the top of a settled page gets its button with no click at all', async ({ context, extension, mocks }) => {
  const page = await settledClientPage({ context, extension, mocks });
  await showSecret(page, 'top', 'Top-level-secret-0123456789abcdef');
  await expect(page.getByRole('button', { name: 'Save to Keyhold' })).toBeVisible({ timeout: 2000 });
  await expect(page.locator('#late-field')).toHaveAttribute('autocomplete', 'off');
});

test('a secret put deep in a settled page is seen on the admin’s next click', async ({ context, extension, mocks }) => {
  const page = await settledClientPage({ context, extension, mocks });
  await showSecret(page, 'deep', 'Deep-secret-0123456789abcdefghij');
  // Nothing looked at the page's depths meanwhile: that is what keeps a busy console fast.
  await page.waitForTimeout(1000);
  await expect(page.locator('keyhold-capture')).toHaveCount(0);
  await expect(page.locator('#late-field')).not.toHaveAttribute('autocomplete', 'off');

  await page.getByRole('heading', { level: 1 }).click();
  await expect(page.getByRole('button', { name: 'Save to Keyhold' })).toBeVisible({ timeout: 2000 });
  await expect(page.locator('#late-field')).toHaveAttribute('autocomplete', 'off');
});
