// zod's integer and ISO date-time checks, rebuilt from the checks every schema already uses
// (refine, regex). Same rules and the same words as z.int() and z.iso.datetime({ offset: true }),
// without zod's number-format and string-format classes, which cost the service worker about
// 0.7 KB gzip for these two checks alone. Functions, not constants: protocol.ts builds its schema
// lazily, so nothing here may run when a content script imports it.
import { z } from 'zod/mini';
import { t } from './i18n/translate';

/** z.iso.datetime({ offset: true })'s own pattern (zod-formats.test.ts compares it with zod's). */
export const ISO_DATETIME =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;

/** A check for z.number(): a whole number in the safe range (z.int()); later checks are skipped, as z.int() does. */
export const int = () => z.refine<number>(Number.isSafeInteger, { error: () => t('bg.zod.type', ['int', 'number']), abort: true });

/** A string holding an ISO 8601 date-time with Z or an offset (z.iso.datetime({ offset: true })). */
export const isoDateTime = () => z.string().check(z.regex(ISO_DATETIME, { error: () => t('bg.zod.formatOf', ['datetime']) }));
