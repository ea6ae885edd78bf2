// Shared guide text. A console that is shown in English only (docs/console-languages.md) gets one
// line saying so in the admin's language, so the English menu names quoted in its steps make sense.
import { t, uiLanguage } from '../i18n/translate';

/** The note for a guide's first step; nothing in English, where it would say nothing new. */
export function englishConsoleNote(product: string): string[] {
  return uiLanguage().toLowerCase().startsWith('en') ? [] : [t('vendor.common.englishConsole', [product])];
}

/** A guide's note on the names it quotes (which language, confirmed or not); nothing in English. */
export function namesNote(text: () => string): string[] {
  return uiLanguage().toLowerCase().startsWith('en') ? [] : [text()];
}
