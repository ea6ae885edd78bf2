// The in-page script's t(): the browser's getMessage and nothing more (no plurals, no named
// substitutions, no warnings), because every byte of that script ships into each console page.
// Pages and the background use translate.ts. Its words live under page.cs in locales/<lang>.yml.
import { browser } from 'wxt/browser';
import type { GeneratedI18nStructure } from '#i18n';

export type InPageKey = Extract<keyof GeneratedI18nStructure, `page.cs.${string}`>;

type GetMessage = (name: string, substitutions?: string[]) => string;

export const t = (key: InPageKey, substitutions?: string[]): string =>
  (browser.i18n.getMessage as GetMessage)(key.replace(/\./g, '_'), substitutions);
