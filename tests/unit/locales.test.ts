// Every locale says everything English says, with the same substitutions, and nothing English does not.
import { describe, expect, it } from 'vitest';
import { chromeMessages, getMessageFrom, localeNames } from './support/locale-messages';

const REQUIRED = ['de', 'en', 'es', 'fr', 'ja'];
const substitutionsOf = (message: string) => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();

describe('locale files', async () => {
  const english = await chromeMessages('en');

  it('include English, Japanese, German, French and Spanish', () => {
    expect(localeNames()).toEqual(expect.arrayContaining(REQUIRED));
  });

  it('have no two English keys that differ only in case (Chrome ignores case)', async () => {
    // chromeMessages lower-cases names, so a clash shows as fewer entries than keys.
    const { generateChromeMessages, parseMessagesFile } = await import('@wxt-dev/i18n/build');
    const { localesDir } = await import('./support/locale-messages');
    const raw = Object.keys(generateChromeMessages(await parseMessagesFile(`${localesDir}en.yml`)));
    expect(new Set(raw.map((name) => name.toLowerCase())).size).toBe(raw.length);
  });

  for (const locale of localeNames().filter((name) => name !== 'en')) {
    describe(locale, async () => {
      const messages = await chromeMessages(locale);
      it('has every key English has', () => {
        expect([...english.keys()].filter((key) => !messages.has(key))).toEqual([]);
      });
      it('has no key English lacks', () => {
        expect([...messages.keys()].filter((key) => !english.has(key))).toEqual([]);
      });
      it('uses the same substitutions as English in every message', () => {
        const differing = [...english].filter(([key, message]) => messages.has(key) && substitutionsOf(messages.get(key)!).join() !== substitutionsOf(message).join());
        expect(differing.map(([key]) => key)).toEqual([]);
      });
      it('has no empty message', () => {
        expect([...messages].filter(([, message]) => message.trim() === '').map(([key]) => key)).toEqual([]);
      });
    });
  }

  it('keeps the store description within the Chrome Web Store’s 132 characters in every locale', async () => {
    for (const locale of localeNames()) {
      expect((await chromeMessages(locale)).get('manifest_description')!.length, locale).toBeLessThanOrEqual(132);
    }
  });

  it('answers like Chrome’s getMessage in tests', () => {
    const getMessage = getMessageFrom(new Map([['greeting', 'Hello $1, $$5 for $2']]));
    expect(getMessage('GREETING', ['Ana', 'you'])).toBe('Hello Ana, $5 for you');
  });
});
