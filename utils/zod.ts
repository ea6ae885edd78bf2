// zod for everything the background bundles: `zod/mini` (functions instead of methods), because
// the classic API adds about 15 KB gzip to the service worker. Import `z` from this file, never
// from 'zod', so the setting below is in place before any schema is built.
//
// Classic zod registers English messages on first use; mini does not, so it is done here (vendor
// value errors and the rest read exactly as before). Classic also installs a memoizer that gives
// recursive schemas cycle support; it removes itself from any schema that is not recursive, and no
// Keyhold schema is (no z.lazy, no getters), so mini goes without it (about 1 KB gzip).
import { z } from 'zod/mini';
import { useKeyholdMessages } from './zod-messages';

useKeyholdMessages();

export { z };

/** Classic zod's `z.preprocess`: a transform piped into the schema (mini has no shorthand). */
export function preprocess<U extends z.core.SomeType>(
  fn: (value: unknown, ctx: z.core.$RefinementCtx<unknown>) => unknown,
  schema: U,
): z.ZodMiniPipe<z.ZodMiniTransform<unknown, unknown>, U> {
  return z.pipe(transform(fn), schema as U & z.core.$ZodType) as z.ZodMiniPipe<z.ZodMiniTransform<unknown, unknown>, U>;
}

/**
 * Classic zod's `z.transform`, whose context can report a problem: `ctx.addIssue({ code: 'custom',
 * message })` then `return z.NEVER`. Mini's transform gets the bare payload, so the same
 * `addIssue` is attached here (as classic does: custom code, the input, this schema).
 */
export function transform<I = unknown, O = I>(fn: (input: I, ctx: z.core.$RefinementCtx<I>) => O): z.ZodMiniTransform<Awaited<O>, I> {
  const schema: z.ZodMiniTransform<Awaited<O>, I> = z.transform<I, O>((input, payload) => {
    const ctx = payload as z.core.$RefinementCtx<I>;
    ctx.addIssue = (issue) => {
      if (typeof issue === 'string') {
        ctx.issues.push(z.core.util.issue(issue, ctx.value, schema._zod.def));
        return;
      }
      const raw = issue as { fatal?: boolean; continue?: boolean; code?: string; input?: unknown; inst?: unknown };
      if (raw.fatal) raw.continue = false;
      raw.code ??= 'custom';
      if (!('input' in raw)) raw.input = ctx.value;
      raw.inst ??= schema;
      ctx.issues.push(z.core.util.issue(raw as z.core.$ZodRawIssue));
    };
    return fn(input, ctx);
  });
  return schema;
}
