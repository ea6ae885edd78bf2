// Dates and numbers beside translated text, in the browser's UI language (the language the words are in).
import { t, uiLanguage } from '@/utils/i18n/translate';

export const dateTimeText = (at: string | number | Date): string => new Date(at).toLocaleString(uiLanguage());
export const dateText = (at: string | number | Date): string => new Date(at).toLocaleDateString(uiLanguage());

const UNITS = { hour: 'page.unit.hours', minute: 'page.unit.minutes', second: 'page.unit.seconds', millisecond: 'page.unit.ms' } as const;

/** A duration such as "5 min" or "120 ms": the number through Intl, the unit's short word from the locale file. */
export function unitText(value: number, unit: keyof typeof UNITS): string {
  return t(UNITS[unit], [new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits: 1 }).format(value)]);
}

/** Points a page at the UI language: `<html lang>` (screen readers, hyphenation) and its title. */
export function localizeDocument(title: string): void {
  document.documentElement.lang = uiLanguage();
  document.title = title;
}
