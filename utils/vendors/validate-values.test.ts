import { describe, expect, it } from 'vitest';
import { z } from '../zod';
import { credentialTypes } from './registry';
import { pick, unwrapObject } from './validate-values';

// The hand pick must read every vendor's values exactly as z.pick does: same fields, same
// strictness (an unknown field is refused), same words, same output.
const outcome = (schema: z.ZodMiniType, input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, issues: parsed.error.issues.map(({ path, message, code }) => ({ path, message, code })) };
};

describe('pick', () => {
  const objects = credentialTypes.map((type) => [type.id, unwrapObject(type.values)] as const);

  it('finds the object schema of every credential type', () => {
    expect(objects.length).toBeGreaterThan(6);
    for (const [id, object] of objects) expect(object, id).toBeInstanceOf(z.ZodMiniObject);
  });

  it.each(objects)('picks %s’s fields as z.pick does', (_id, object) => {
    const keys = Object.keys(object!.shape);
    const subsets = [keys, keys.slice(0, 1), keys.slice(1), keys.slice(0, Math.ceil(keys.length / 2)), []];
    const samples = ['x', '', '  padded  ', 'https://acme.jamfcloud.com', '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b', 'A'.repeat(600)];
    for (const subset of subsets) {
      const mine = pick(object!, subset);
      const zods = z.pick(object!, Object.fromEntries(subset.map((key) => [key, true])) as never);
      const inputs: unknown[] = [{}, null, 'text', { unknownField: 'x' }];
      for (const sample of samples) {
        const values = Object.fromEntries(subset.map((key) => [key, sample]));
        inputs.push(values, { ...values, unknownField: sample }, Object.fromEntries(keys.map((key) => [key, sample])));
      }
      for (const input of inputs)
        expect(outcome(mine, input), `${subset.join(',')} ${JSON.stringify(input)}`).toEqual(outcome(zods, input));
    }
  });
});
