// Adds page-only text (placeholders, select options, template descriptions) to a credential type's
// core. Called
// with a pure annotation so the background, which never reads the full description, drops it.
// Texts are locale keys read when shown (getters), so they follow the admin's language.
import type { GeneratedI18nStructure } from '#i18n';
import { t } from '../i18n/translate';
import type { FieldSpec, GuideTemplate, TemplateCore } from './types';

/** A key of the `vendor:` section of locales/*.yml (checked by the compiler: a typo does not build). */
export type VendorKey = Extract<keyof GeneratedI18nStructure, `vendor.${string}`>;

/** Chrome's message for a key held in a table (one signature for every key, whatever its substitutions). */
export const vendorText = (key: VendorKey, substitutions?: (string | number)[]): string =>
  (t as (key: string, substitutions?: (string | number)[]) => string)(key, substitutions);

/**
 * Merges page text into each field; getters (texts read in the admin's language) stay getters.
 * Several texts are passed as arguments, never spread into one (`{ ...shared, … }`) at the call: the
 * bundler keeps a spread's operands even when it drops the call, and with them the shared page text.
 */
export function withPageText(fields: readonly FieldSpec[], ...texts: Record<string, Partial<FieldSpec>>[]): FieldSpec[] {
  return fields.map((field) =>
    Object.defineProperties(
      {} as FieldSpec,
      Object.assign(Object.getOwnPropertyDescriptors(field), ...texts.map((text) => Object.getOwnPropertyDescriptors(text[field.name] ?? {}))),
    ),
  );
}

/** Adds each template's description (a locale key, read when shown) to the background's template cores. */
export function withTemplateText(templates: readonly TemplateCore[], descriptions: Record<string, VendorKey>): GuideTemplate[] {
  return templates.map((template) =>
    Object.defineProperty({ ...template } as GuideTemplate, 'description', {
      get: () => (descriptions[template.id] ? vendorText(descriptions[template.id]) : ''),
      enumerable: true,
    }),
  );
}
