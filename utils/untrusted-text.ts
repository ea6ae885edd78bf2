// Text Keyhold did not write: labels (typed, imported, or read from old storage) and strings from
// vendor servers (versions, names, details). Control characters (C0, DEL, C1), line and paragraph
// separators and bidirectional controls can start a new line in a .env file, drive a terminal or
// reorder what the admin reads: labels refuse them, server text loses them and is cut to length.
// Tiny, and needs nothing but t(): the protocol schema (built lazily in the content script) uses it too.
import { t } from './i18n/translate';

/** One control character (no `g` flag: safe for `.test`). */
export const CONTROL_CHAR = /[\0-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

/** Not a name every object already has (`constructor`, `toString`, `__proto__`…). */
export const notReservedName = (key: string) => !(key in Object.prototype);

/** Built when a label is refused, so it is in the admin's language (a zod `error` function). */
export const labelControlMessage = () => t('bg.label.control');

/** One line: every run of control characters becomes one space. */
export const oneLine = (text: string) => text.replace(new RegExp(`${CONTROL_CHAR.source}+`, 'g'), ' ');

/**
 * Server-provided text fit to store and show: one line, trimmed, at most `max` characters (cut
 * with an ellipsis). Anything that is not a string is undefined.
 */
export function untrustedText(value: unknown, max = 200): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = oneLine(value).trim();
  return text.length > max ? `${text.slice(0, max - 1).replace(/[\ud800-\udbff]$/, '')}…` : text;
}

/**
 * Every string of a report-like value cut to `max` (the message to 2,000), arrays to 200 items,
 * nesting to 6 levels: what a test may store, whatever a vendor module or a server put in it.
 */
export function clampReport<T>(report: T, max = 300): T {
  const visit = (node: unknown, depth: number, key?: string): unknown => {
    if (typeof node === 'string') return untrustedText(node, key === 'message' && depth === 1 ? 2000 : max);
    if (node === null || typeof node !== 'object') return node;
    if (depth > 6) return undefined;
    if (Array.isArray(node)) return node.slice(0, 200).map((item) => visit(item, depth + 1));
    return Object.fromEntries(Object.entries(node).map(([name, value]) => [name, visit(value, depth + 1, name)]));
  };
  return visit(report, 0) as T;
}
