// Keyhold in Japanese, end to end in real Chromium started with --lang=ja: the browser's UI language
// reaches the worker, the popup creates the vault in Japanese, the in-page button saves a Jamf Pro
// secret with Japanese words, the side panel shows the verdict in Japanese and the options page is
// Japanese too. English stays the default: every other spec runs in an English browser.
import type { Page } from '@playwright/test';
import { test, expect, PASSPHRASE } from './fixtures';
import { launchWithExtension, type LaunchedExtension } from './launch';

const ROLES_URL = 'https://acme.jamfcloud.com/view/settings/system-settings/api-roles-and-clients?tab=api-roles';
const CLIENT_URL = 'https://acme.jamfcloud.com/view/settings/system-settings/api-roles-and-clients/api-clients/3';

/** Chromium on Linux takes its UI language from --lang and the LANGUAGE variable (set for this launch only). */
async function launchInJapanese(hostResolverRules: string): Promise<LaunchedExtension> {
  const previous = process.env.LANGUAGE;
  process.env.LANGUAGE = 'ja';
  try {
    return await launchWithExtension({ hostResolverRules, extraArgs: ['--lang=ja'] });
  } finally {
    if (previous === undefined) delete process.env.LANGUAGE;
    else process.env.LANGUAGE = previous;
  }
}

test('popup, in-page button, side panel and options speak Japanese, and a capture is saved and tested', async ({ mocks }) => {
  const launched = await launchInJapanese(mocks.server.hostResolverRules);
  try {
    const { context, extensionId } = launched;
    const open = async (page: string): Promise<Page> => {
      const tab = await context.newPage();
      await tab.goto(`chrome-extension://${extensionId}/${page}`);
      return tab;
    };
    // Chromium takes 'ja' only when it has its Japanese locale pack (Debian splits them out: chromium-l10n).
    const uiLanguage = await launched.serviceWorker.evaluate(() => chrome.i18n.getUILanguage());
    expect(uiLanguage, 'this Chromium has no Japanese locale (on Debian: apt-get install chromium-l10n)').toMatch(/^ja\b/);

    // The popup: <html lang>, its words, and the vault created through its Japanese form.
    const popup = await open('popup.html');
    await expect(popup.locator('html')).toHaveAttribute('lang', /^ja/);
    await expect(popup.getByRole('heading', { level: 2, name: '資格情報' })).toBeVisible();
    await expect(popup.getByText('このタブは Keyhold が認識するコンソールではありません。')).toBeVisible();
    const create = popup.getByRole('form', { name: '保管庫を作成' });
    await create.getByLabel('パスフレーズ', { exact: true }).fill(PASSPHRASE);
    await create.getByLabel('パスフレーズ（確認）').fill(PASSPHRASE);
    await create.getByRole('button', { name: '保管庫を作成' }).click();
    await expect(popup.getByText('保管庫はロック解除中')).toBeVisible();
    await expect(popup.getByText('まだありません。コンソールでガイドを開いて、資格情報を作成・取り込みしてください。')).toBeVisible();

    // The console page: the in-page button and its verdict in Japanese.
    const consolePage = await context.newPage();
    await consolePage.goto(ROLES_URL);
    await consolePage.goto(CLIENT_URL);
    await consolePage.getByRole('button', { name: 'Generate Client Secret' }).click();
    await consolePage.getByRole('alertdialog').getByRole('button', { name: 'Create Secret' }).click();
    const save = consolePage.getByRole('button', { name: 'Keyhold に保存' });
    await expect(save).toBeVisible();
    await expect(save).toHaveAttribute('title', 'この資格情報を Keyhold で暗号化して保存し、テストします');
    await save.click();
    await expect(consolePage.getByRole('button', { name: /^保存済み · / })).toHaveText('保存済み · 動作します', { timeout: 30_000 });

    // The side panel beside that tab: headings, the verdict and the credential's details.
    const tabs = await popup.evaluate(() => chrome.tabs.query({}));
    const tabId = tabs.find((tab) => tab.url === consolePage.url())?.id;
    const panel = await open(`sidepanel.html?tab=${tabId}`);
    await expect(panel.locator('html')).toHaveAttribute('lang', /^ja/);
    await expect(panel).toHaveTitle('Keyhold ガイド');
    await expect(panel.getByRole('heading', { level: 1 })).toHaveText('Jamf Pro · acme.jamfcloud.com');
    await expect(panel.getByRole('heading', { level: 2, name: '資格情報（Jamf Pro を先頭に表示）' })).toBeVisible();
    const report = panel.getByTestId('test-report').first();
    await expect(report).toContainText('動作します', { timeout: 15_000 });
    await expect(report).toContainText('トークンの有効期間');
    const card = panel.getByRole('article');
    await expect(card.getByRole('button', { name: 'テスト', exact: true })).toBeEnabled();
    await expect(card.getByText('権限とリクエスト')).toBeVisible();
    await expect(card.getByText(/Jamf Pro.* · \d{4}\/\d{1,2}\/\d{1,2} .*に取り込み/)).toBeVisible();
    await expect(panel.getByRole('button', { name: '資格情報を手動で追加' })).toBeVisible();
    await expect(panel.getByRole('listbox', { name: '資格情報' })).toContainText('動作中');

    // The popup now lists it, with its badge in Japanese.
    await popup.reload();
    await expect(popup.getByRole('listbox', { name: '資格情報' })).toContainText('動作中');

    // Options: title, headings and a setting saved with a Japanese confirmation.
    const options = await open('options.html');
    await expect(options).toHaveTitle('Keyhold の設定');
    await expect(options.locator('html')).toHaveAttribute('lang', /^ja/);
    await expect(options.getByRole('heading', { name: '自動ロック' })).toBeVisible();
    await expect(options.getByRole('heading', { name: '監査ログ' })).toBeVisible();
    await options.getByLabel('操作がない状態でロックするまでの分数').fill('20');
    await options.getByRole('button', { name: '保存', exact: true }).click();
    await expect(options.getByRole('status')).toHaveText('保存しました：20 分間操作がないと保管庫がロックされます。');
  } finally {
    await launched.close();
  }
});
