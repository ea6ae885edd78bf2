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

describe('words passed into messages are in the admin’s language too', () => {
  it('a hand-off key on another curve, and an encrypted Apple key, are explained in Japanese', async () => {
    fakeBrowser.i18n.getMessage = getMessageFrom(await chromeMessages('ja'), 'ja') as typeof fakeBrowser.i18n.getMessage;
    vi.resetModules();
    const { generateKeyPairSync } = await import('node:crypto');
    const { parseRecipientKey } = await import('../../utils/handoff/handoff');
    const { privateKeyProblem } = await import('../../utils/vendors/apple/private-key');
    const p384 = JSON.stringify(generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ format: 'jwk' }));
    const refusal = await parseRecipientKey(p384).then(
      () => '',
      (error: Error) => error.message,
    );
    expect(refusal).toContain('P-384 曲線');
    expect(refusal).not.toMatch(/\bcurve\b/);
    const encrypted =
      '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQI\n-----END ENCRYPTED PRIVATE KEY-----\n';
    expect(privateKeyProblem(encrypted)).toMatch(/パスワードで暗号化/);
  });

  // The shared HTTP messages take the name of the call ("the token request") as a word in a
  // sentence: a vendor passing English there would put English into every other language.
  it('no console passes an English phrase as the name of a call', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const vendors = join(import.meta.dirname, '../../utils/vendors');
    const offenders: string[] = [];
    for (const entry of readdirSync(vendors, { recursive: true, encoding: 'utf8' })) {
      if (!entry.endsWith('.ts') || entry.includes('.test.')) continue;
      const source = readFileSync(join(vendors, entry), 'utf8');
      for (const match of source.matchAll(/\b(classifyFailure|requireJson|webPageInstead|apiFailure)\([^,()]+,\s*['"`][^'"`]*['"`]/g)) {
        offenders.push(`${entry}: ${match[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
