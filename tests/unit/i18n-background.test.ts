// The background's words follow the browser's UI language: with Japanese messages, an error, a
// notification and the calendar file come out in Japanese, and every bg.* key the code asks for
// exists (a missing one would reach the admin as an empty string or a raw key).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toErrorInfo } from '../../utils/errors';
import { planMigrations } from '../../utils/vault/migrations';
import { storageKeys } from '../../utils/vault/storage-schema';
import { saveSelection } from '../../utils/background/save-selection';
import { expiryCalendar } from '../../utils/calendar-ics';
import { chromeMessages, getMessageFrom } from './support/locale-messages';

const english = fakeBrowser.i18n.getMessage;
const japanese = getMessageFrom(await chromeMessages('ja'), 'ja');
const kana = /[\u3040-\u30ff]/;

/** Every `t('bg.…')` key written in the code the background section covers (utils/ outside vendors/ and content/). */
function bgKeysInCode(): { key: string; file: string }[] {
  const found: { key: string; file: string }[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (!['vendors', 'content'].includes(name)) visit(path);
      } else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) {
        const text = readFileSync(path, 'utf8');
        for (const match of text.matchAll(/\bt\(\s*['"`](bg\.[\w.]+)['"`]/g)) found.push({ key: match[1], file: path });
        // The browsers' own getMessage, where the i18n module is left out (utils/protocol.ts).
        for (const match of text.matchAll(/['"`](bg_[A-Za-z]\w*)['"`]/g)) found.push({ key: match[1].replaceAll('_', '.'), file: path });
      }
    }
  };
  visit(join(process.cwd(), 'utils'));
  return found;
}

describe('background messages in Japanese', () => {
  beforeEach(() => {
    fakeBrowser.i18n.getMessage = japanese as typeof fakeBrowser.i18n.getMessage;
  });
  afterEach(() => {
    fakeBrowser.i18n.getMessage = english;
    vi.restoreAllMocks();
  });

  it('words an error in Japanese, with its substitutions', () => {
    expect(toErrorInfo(new Error('boom'))).toEqual({
      code: 'INTERNAL_ERROR',
      message: 'Keyhold で予期しない内部エラーが発生しました。何も変更されていません。',
    });
    let message = '';
    try {
      planMigrations({ [storageKeys.schemaVersion]: 999 });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(kana);
    expect(message).toContain('999');
    expect(message).not.toMatch(/\bbg[._]/);
  });

  it('shows a notification in Japanese', async () => {
    const create = vi.fn(async () => 'id');
    fakeBrowser.notifications.create = create as never;
    const outcome = await saveSelection({ tab: { url: 'not an address' } as never, selectionText: 'x' });
    expect(outcome).toEqual({ refused: 'Keyhold はこのタブのアドレスを読み取れません。' });
    expect(create).toHaveBeenCalledWith(
      expect.any(String),
      expect.objectContaining({
        title: 'Keyhold は選択範囲を保存しませんでした',
        message: 'Keyhold はこのタブのアドレスを読み取れません。',
      }),
    );
  });

  it('writes the calendar’s words in Japanese', () => {
    const ics = expiryCalendar([
      {
        id: 'c1',
        label: 'Intune sync',
        vendorName: 'Jamf Pro',
        expiresAt: '2027-03-30T23:59:59Z',
        rotateUrl: 'https://acme.jamfcloud.com/',
      },
    ]);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:Keyhold: 「Intune sync」の有効期限');
    expect(unfolded).toMatch(
      /DESCRIPTION:Jamf Pro の資格情報「Intune sync」は本日で有効期限が切れます。コンソール（https:\/\/acme\.jamfcloud\.com\/）/,
    );
    expect(unfolded).toContain('DESCRIPTION:「Intune sync」の有効期限まであと 7 日です。');
    expect(unfolded).not.toMatch(/expires|\bbg[._]/);
  });
});

describe('background message keys', async () => {
  const englishMessages = await chromeMessages('en');
  const used = bgKeysInCode();

  it('are found in the code (the scan works)', () => {
    expect(used.length).toBeGreaterThan(60);
  });

  it('all exist in the locale files, so none reaches the admin as a raw key', () => {
    const missing = used.filter(({ key }) => !englishMessages.has(key.replaceAll('.', '_').toLowerCase()));
    expect(missing).toEqual([]);
  });

  it('all have a Japanese text that differs from the raw key', async () => {
    const ja = await chromeMessages('ja');
    const raw = used.filter(({ key }) => {
      const text = ja.get(key.replaceAll('.', '_').toLowerCase());
      return !text || text.includes(key) || text.includes(key.replaceAll('.', '_'));
    });
    expect(raw).toEqual([]);
  });
});
