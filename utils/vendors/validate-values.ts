// Check raw values against a vendor's schema. Messages name the field and the rule, never the value.
import { z } from '../zod';
import { KeyholdError } from '../errors';
import { t } from '../i18n/translate';
import type { CredentialType } from './types';

export function validateValues(
  type: CredentialType<any>,
  values: Record<string, string>,
  options: { allowMissing?: boolean; partial?: boolean } = {},
): Record<string, string> {
  const missing = options.allowMissing ? (type.missing?.(values) ?? []) : [];
  let schema: z.ZodMiniType = type.values;
  const object = unwrapObject(type.values);
  if (options.partial) {
    // Only the fields given, each by its own rule (a patch while the vault is locked).
    if (!object) throw new KeyholdError('VAULT_LOCKED', t('vendor.values.unlock'));
    const unknown = Object.keys(values).find((key) => !Object.hasOwn(object.shape, key));
    if (unknown) throw new KeyholdError('INVALID_INPUT', t('vendor.values.noField', [type.name, unknown]));
    schema = pick(object, Object.keys(values));
  } else if (missing.length && object) {
    schema = pick(
      object,
      Object.keys(object.shape).filter((key) => !missing.includes(key)),
    );
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.length ? (type.fields.find((f) => f.name === issue.path[0])?.label ?? String(issue.path[0])) : type.name;
    throw new KeyholdError('INVALID_INPUT', t('vendor.common.fieldIssue', [field, issue.message]));
  }
  return parsed.data as Record<string, string>;
}

/**
 * z.pick for the object schemas here (no refinements, no getters; keys known to be in the shape):
 * the same object rules (strict or loose) over fewer fields, without zod's pick helpers.
 */
export function pick(object: z.ZodMiniObject, keys: string[]): z.ZodMiniObject {
  const shape = Object.fromEntries(keys.map((key) => [key, object.shape[key]]));
  return z.core.util.clone(object, { ...object._zod.def, shape, checks: [] });
}

/** The object schema behind a vendor's values (possibly wrapped in a refinement or pipe). */
export function unwrapObject(schema: z.ZodMiniType): z.ZodMiniObject | undefined {
  if (schema instanceof z.ZodMiniObject) return schema;
  if (schema instanceof z.ZodMiniPipe && schema.def.in instanceof z.ZodMiniObject) return schema.def.in;
  return undefined;
}
