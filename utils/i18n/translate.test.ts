import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t, uiLanguage } from './translate';

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
