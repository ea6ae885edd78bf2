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

type TypedObject = z.ZodMiniObject<{ type: z.ZodMiniLiteral<string> } & z.core.$ZodLooseShape, z.core.$ZodObjectConfig>;

/**
 * zod's discriminatedUnion('type', options) as a plain lookup: the request's `type` picks its one
 * schema, which parses the whole request. The same answers and issues (a non-object is refused as
 * zod refuses it; an unknown type fails at `type` with "Invalid input"), without the
 * discriminated-union class (about 0.45 KB gzip in the worker).
 */
export function byType<const T extends readonly TypedObject[]>(
  options: T,
): { def: { options: T }; safeParse(input: unknown): z.core.util.SafeParseResult<z.output<T[number]>> } {
  const schemas = new Map<unknown, z.ZodMiniType>(options.map((option) => [option.shape.type.def.values[0], option]));
  let unknownType: z.ZodMiniType | undefined;
  return {
    def: { options },
    safeParse(input) {
      const type = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as { type?: unknown }).type : undefined;
      const schema = schemas.get(type) ?? (unknownType ??= z.looseObject({ type: z.custom(() => false) }));
      return schema.safeParse(input) as z.core.util.SafeParseResult<z.output<T[number]>>;
    },
  };
}
