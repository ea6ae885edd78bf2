// Check raw values against a vendor's schema. Messages name the field and the rule, never the value.
import { z } from 'zod';
import { KeyholdError } from '../errors';
import type { CredentialType } from './types';

export function validateValues(
  type: CredentialType<any>,
  values: Record<string, string>,
  options: { allowMissing?: boolean } = {},
): Record<string, string> {
  const missing = options.allowMissing ? (type.missing?.(values) ?? []) : [];
  let schema: z.ZodType = type.values;
  if (missing.length && type.values instanceof z.ZodObject) {
    const present = Object.fromEntries(Object.keys(type.values.shape).filter((key) => !missing.includes(key)).map((key) => [key, true as const]));
    schema = type.values.pick(present as never);
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length ? type.fields.find((f) => f.name === issue.path[0])?.label ?? String(issue.path[0]) : type.name;
    throw new KeyholdError('INVALID_INPUT', `${field}: ${issue.message}`);
  }
  return parsed.data as Record<string, string>;
}
