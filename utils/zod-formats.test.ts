import { describe, expect, it } from 'vitest';
import { z } from './zod';
import { ISO_DATETIME, byType, int, isoDateTime } from './zod-formats';

// Each stand-in must decide and word exactly as the zod check it replaces.
const outcome = (schema: z.ZodMiniType, value: unknown) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, message: parsed.error.issues[0].message };
};

describe('isoDateTime', () => {
  const zods = z.iso.datetime({ offset: true });

  it('uses zod’s own pattern', () => {
    expect(ISO_DATETIME.source).toBe(zods._zod.def.pattern!.source);
    expect(ISO_DATETIME.flags).toBe(zods._zod.def.pattern!.flags);
  });

  it.each([
    '2026-12-05T00:00:00Z',
    '2026-12-05T00:00:00.123Z',
    '2026-12-05T23:59:59.1+09:00',
    '2024-02-29T12:00:00-05:30',
    '2023-02-29T12:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-12-05T24:00:00Z',
    '2026-12-05T00:00:00',
    '2026-12-05',
    '2026-12-05 00:00:00Z',
    '',
    'not a date',
    42,
    null,
    undefined,
  ])('decides %j as z.iso.datetime({ offset: true })', (value) => {
    expect(outcome(isoDateTime(), value)).toEqual(outcome(zods, value));
  });

  it('says what zod says', () => {
    expect(outcome(isoDateTime(), 'yesterday')).toEqual({ ok: false, message: 'Invalid datetime' });
  });
});

describe('int', () => {
  const mine = z.number().check(int(), z.gte(1), z.lte(10));
  const zods = z.number().check(z.int(), z.gte(1), z.lte(10));

  it.each([1, 10, 5, 0, 11, -3, 1.5, 0.5, 20.5, Number.NaN, Infinity, -Infinity, '3', null])('decides %j as z.int()', (value) => {
    expect(outcome(mine, value)).toEqual(outcome(zods, value));
  });

  it('refuses numbers past the safe range, as z.int() does', () => {
    expect(outcome(z.number().check(int()), 2 ** 60).ok).toBe(false);
    expect(outcome(z.number().check(int()), Number.MAX_SAFE_INTEGER)).toEqual({ ok: true, data: Number.MAX_SAFE_INTEGER });
  });

  it('stops at the first problem, as z.int() does', () => {
    expect(mine.safeParse(0.5).error?.issues).toHaveLength(1);
    expect(mine.safeParse(0.5).error?.issues[0].message).toBe('Invalid input: expected int, received number');
  });
});

describe('byType', () => {
  const options = [
    z.strictObject({ type: z.literal('a.one'), payload: z.strictObject({ id: z.string().check(z.minLength(2)) }) }),
    z.strictObject({ type: z.literal('b.two'), payload: z.optional(z.strictObject({})) }),
  ] as const;
  const mine = byType(options);
  const zods = z.discriminatedUnion('type', [...options]);
  const issues = (parsed: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    parsed.error?.issues.map(({ path, message }) => ({ path, message }));

  it('keeps its options for the tests that list the request types', () => {
    expect(mine.def.options).toBe(options);
  });

  it.each([
    { type: 'a.one', payload: { id: 'abc' } },
    { type: 'b.two' },
    { type: 'b.two', payload: {} },
    { type: 'a.one', payload: { id: 'a' } },
    { type: 'a.one', payload: { id: 'abc', extra: 1 } },
    { type: 'a.one' },
    { type: 'a.one', payload: { id: 'abc' }, more: true },
    { type: 'c.three', payload: {} },
    { type: 42 },
    { type: { toString: 'a.one' } },
    { payload: {} },
    {},
    [],
    ['a.one'],
    'a.one',
    null,
    undefined,
    7,
  ])('answers %j as z.discriminatedUnion', (input) => {
    const got = mine.safeParse(input);
    const want = zods.safeParse(input);
    expect(got.success).toBe(want.success);
    expect(got.data).toEqual(want.data);
    expect(issues(got)).toEqual(issues(want));
  });
});
