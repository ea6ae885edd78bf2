// Numbers and punctuation follow the admin's language too, not only the words: a German verdict says
// "2,5 Std." (not "2.5 Std."), a French error "URL du serveur Jamf Pro : …" with the space French puts before a colon.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chromeMessages, getMessageFrom } from './support/locale-messages';

const english = { getMessage: fakeBrowser.i18n.getMessage, getUILanguage: fakeBrowser.i18n.getUILanguage };

async function inLanguage(locale: string) {
  fakeBrowser.i18n.getMessage = getMessageFrom(await chromeMessages(locale), locale) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => locale;
  vi.resetModules();
  const { duration } = await import('../../utils/vendors/jamf-pro/api-test');
  const { validateValues } = await import('../../utils/vendors/validate-values');
  const { getCredentialType } = await import('../../utils/vendors/registry');
  return { duration, validateValues, getCredentialType };
}

afterAll(() => {
  Object.assign(fakeBrowser.i18n, english);
  vi.resetModules();
});

describe('numbers and separators in the admin’s language', () => {
  it('a token lifetime in hours has the language’s decimal mark', async () => {
    expect((await inLanguage('en')).duration(9000)).toBe('2.5 h');
    expect((await inLanguage('de')).duration(9000)).toBe('2,5 Std.');
    expect((await inLanguage('fr')).duration(9000)).toMatch(/^2,5\s/);
  });

  it('a rejected field names the field with the language’s own separator', async () => {
    const rejected = (language: Awaited<ReturnType<typeof inLanguage>>) => {
      try {
        language.validateValues(language.getCredentialType('jamf-pro'), {
          baseUrl: 'not a url',
          clientId: 'abc',
          clientSecret: 'secret-123456',
        });
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('not rejected');
    };
    expect(rejected(await inLanguage('en'))).toMatch(/^[^:：]+: \S/);
    expect(rejected(await inLanguage('fr'))).toMatch(/^[^:：]+\s: \S/);
    expect(rejected(await inLanguage('ja'))).toMatch(/^[^:：]+：\S/);
  });
});

describe('errors from the vendor list', () => {
  it('an unknown vendor is named in the admin’s language', async () => {
    fakeBrowser.i18n.getMessage = getMessageFrom(await chromeMessages('de'), 'de') as typeof fakeBrowser.i18n.getMessage;
    vi.resetModules();
    const { getCredentialType } = await import('../../utils/vendors/registry');
    expect(() => getCredentialType('acme-mdm' as never)).toThrow('Keyhold kennt den Anbieter „acme-mdm“ nicht.');
  });
});
