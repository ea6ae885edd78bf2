// Adds page-only text (placeholders, select options, template descriptions) to a credential type's
// core. Called
// with a pure annotation so the background, which never reads the full description, drops it.
import type { FieldSpec, GuideTemplate, TemplateCore } from './types';

// Several texts are passed as arguments, never spread into one (`{ ...shared, … }`): the bundler keeps a
// spread's operands even when it drops the call, and with them the shared page text.
export function withPageText(fields: readonly FieldSpec[], ...texts: Record<string, Partial<FieldSpec>>[]): FieldSpec[] {
  return fields.map((field) => Object.assign({ ...field }, ...texts.map((text) => text[field.name])));
}

/** Adds each template's description (page text) to the background's template cores. */
export function withTemplateText(templates: readonly TemplateCore[], descriptions: Record<string, string>): GuideTemplate[] {
  return templates.map((template) => ({ ...template, description: descriptions[template.id] ?? '' }));
}
