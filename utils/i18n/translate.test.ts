import { describe, expect, it } from 'vitest';
import { t, uiLanguage } from './translate';

describe('t', () => {
  it('reads the English messages from locales/en.yml', () => {
    expect(t('manifest.name')).toBe('Keyhold');
    expect(t('page.language')).toBe('English');
  });
  it('reports the browser’s UI language', () => {
    expect(uiLanguage()).toBe('en');
  });
});
