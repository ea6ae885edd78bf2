// Reads locales/<lang>.yml the way the build does (WXT's i18n module), for the tests.
import { readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

// A path string, not a URL object: under jsdom the global URL is jsdom's, which fileURLToPath refuses.
export const localesDir = `${resolve(dirname(fileURLToPath(import.meta.url)), '../../../locales')}/`;

export const localeNames = (): string[] =>
  readdirSync(localesDir)
    .filter((file) => file.endsWith('.yml'))
    .map((file) => file.slice(0, -'.yml'.length))
    .sort();

/** Chrome's messages.json content for one locale: lower-cased message name → message text. */
export async function chromeMessages(locale: string): Promise<Map<string, string>> {
  const messages = generateChromeMessages(await parseMessagesFile(`${localesDir}${locale}.yml`));
  return new Map(Object.entries(messages).map(([name, { message }]) => [name.toLowerCase(), message]));
}

/** Chrome's getMessage: names are case-insensitive, `$1`…`$9` take the substitutions, `$$` is a dollar. */
export function getMessageFrom(messages: Map<string, string>, locale = 'en') {
  return (name: string, substitutions?: string | string[]): string => {
    if (name === '@@ui_locale') return locale;
    const message = messages.get(name.toLowerCase());
    if (message === undefined) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (subs[Number(which) - 1] ?? '')));
  };
}
