// Adds page-only text (placeholders, select options) to a credential type's core fields. Called
// with a pure annotation so the background, which never reads the full description, drops it.
import type { FieldSpec } from './types';

export function withPageText(fields: readonly FieldSpec[], text: Record<string, Partial<FieldSpec>>): FieldSpec[] {
  return fields.map((field) => ({ ...field, ...text[field.name] }));
}
