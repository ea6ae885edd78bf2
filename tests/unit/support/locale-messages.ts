// Reads locales/<lang>.yml the way the build does (WXT's i18n module), for the tests.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

// Under happy-dom, import.meta.url is not a file: URL; vitest runs from the project root then.
const here = new URL('../../../locales/', import.meta.url);
export const localesDir = here.protocol === 'file:' ? fileURLToPath(here) : `${process.cwd()}/locales/`;

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
