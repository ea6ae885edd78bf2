// Dates and numbers beside translated text, in the browser's UI language (the language the words are in).
import { uiLanguage } from '@/utils/i18n/translate';

export const dateTimeText = (at: string | number | Date): string => new Date(at).toLocaleString(uiLanguage());
export const dateText = (at: string | number | Date): string => new Date(at).toLocaleDateString(uiLanguage());

/** A duration such as "5 min" or "120 ms", in the UI language's own short unit. */
export function unitText(value: number, unit: 'hour' | 'minute' | 'second' | 'millisecond'): string {
  return new Intl.NumberFormat(uiLanguage(), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** Points a page at the UI language: `<html lang>` (screen readers, hyphenation) and its title. */
export function localizeDocument(title: string): void {
  document.documentElement.lang = uiLanguage();
  document.title = title;
}
