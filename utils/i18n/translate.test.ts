import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createI18n } from '@wxt-dev/i18n';
import { t, uiLanguage } from './translate';
import { localeNames, chromeMessages, getMessageFrom } from '../../tests/unit/support/locale-messages';

const englishGetMessage = fakeBrowser.i18n.getMessage;
afterEach(() => {
  fakeBrowser.i18n.getMessage = englishGetMessage;
});

describe('t', () => {
  it('reads the English messages from locales/en.yml', () => {
    expect(t('manifest.name')).toBe('Keyhold');
    expect(t('page.language')).toBe('English');
  });
  it('reports the browser’s UI language', () => {
    expect(uiLanguage()).toBe('en');
  });
  it('answers the key under WXT’s build-time fake browser, which has no i18n', () => {
    fakeBrowser.i18n.getMessage = () => {
      throw new Error('Browser.i18n.getMessage not implemented.');
    };
    expect(t('manifest.name')).toBe('manifest.name');
  });
  it('answers the key outside any extension (Node tools and tests opening vault records)', () => {
    // A plain Node process, as the end-to-end tests that open vault records with the old key are.
    const script = "import { t } from './utils/i18n/translate.ts'; console.log(t('manifest.name'));";
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: process.cwd(),
      encoding: 'utf8',
    });
    expect(out.trim()).toBe('manifest.name');
  });
  it('lets any other failure through', () => {
    fakeBrowser.i18n.getMessage = () => {
      throw new Error('Too many substitutions');
    };
    expect(() => t('manifest.name')).toThrow('Too many substitutions');
  });
});

describe('t by hand', () => {
  // Every message of every locale, with every argument shape Keyhold passes, reads exactly as
  // @wxt-dev/i18n's own t() reads it (the one it replaces).
  const argumentShapes: unknown[][] = [
    [],
    [['A', 'B', 'C', 'D']],
    [0, ['none', 'B', 'C']],
    [1, ['one', 'B']],
    [2, ['two', 'B']],
    [5],
    [1],
    [0],
  ];
  const outcome = (translate: (...args: unknown[]) => string, args: unknown[]) => {
    try {
      return translate(...args);
    } catch (error) {
      return `threw ${(error as Error).message}`;
    }
  };

  it.each(localeNames())('reads every %s message as @wxt-dev/i18n does', async (locale) => {
    const messages = await chromeMessages(locale);
    fakeBrowser.i18n.getMessage = getMessageFrom(messages, locale) as typeof fakeBrowser.i18n.getMessage;
    const theirs = createI18n().t as (...args: unknown[]) => string;
    const ours = t as (...args: unknown[]) => string;
    let plurals = 0;
    for (const [name, message] of messages) {
      if (message.includes(' | ')) plurals++;
      for (const args of argumentShapes)
        expect(outcome(ours, [name, ...args]), `${name} ${JSON.stringify(args)}`).toBe(outcome(theirs, [name, ...args]));
    }
    if (locale !== 'ja') expect(plurals).toBeGreaterThan(5); // Japanese has one form for every count
  });

  it('has no message with named {substitutions}, which it leaves out', async () => {
    for (const locale of localeNames()) {
      for (const [name, message] of await chromeMessages(locale)) expect(message, `${locale} ${name}`).not.toMatch(/\{[A-Za-z0-9_]+\}/);
    }
  });

  it('refuses an argument that is neither a count nor substitutions', () => {
    expect(() => (t as (...args: unknown[]) => string)('manifest.name', { name: 'x' })).toThrow(/Unknown argument/);
  });
});
