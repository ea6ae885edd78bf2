// Adds page-only text (placeholders, select options, template descriptions) to a credential type's
// core. Called
// with a pure annotation so the background, which never reads the full description, drops it.
import type { FieldSpec, GuideTemplate, TemplateCore } from './types';

export function withPageText(fields: readonly FieldSpec[], text: Record<string, Partial<FieldSpec>>): FieldSpec[] {
  return fields.map((field) => ({ ...field, ...text[field.name] }));
}

/** Adds each template's description (page text) to the background's template cores. */
export function withTemplateText(templates: readonly TemplateCore[], descriptions: Record<string, string>): GuideTemplate[] {
  return templates.map((template) => ({ ...template, description: descriptions[template.id] ?? '' }));
}
