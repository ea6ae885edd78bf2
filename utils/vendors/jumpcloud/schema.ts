// Value schemas shared by the two JumpCloud credential types. Pasted values are trimmed; blank
// optional fields from the add-by-hand form count as absent.
import { preprocess, z } from '../../zod';
import { regions } from './regions';
import { t } from '../../i18n/translate';

// Messages in the admin's language, read once when the schemas are built (the language is fixed per session).

const trim = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
const blankAsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : trim(value));

export const regionSchema = preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
  z.enum(regions, { error: t('vendor.jumpcloudValue.region') }),
);

export const orgIdSchema = preprocess(
  (value) => (typeof value === 'string' ? blankAsAbsent(value.toLowerCase()) : value),
  z.optional(z.string().check(z.regex(/^[0-9a-f]{24}$/, t('vendor.jumpcloudValue.orgId')))),
);

export const apiKeySchema = preprocess(
  trim,
  z
    .string({ error: t('vendor.jumpcloudValue.enterKey') })
    .check(z.regex(/^(jca_[A-Za-z0-9]{36}|[A-Za-z0-9]{40})$/, t('vendor.jumpcloudValue.keyFormat'))),
);

export const adminEmailSchema = preprocess(
  (value) => (typeof value === 'string' ? blankAsAbsent(value.toLowerCase()) : value),
  // zod's own email pattern as a plain regex check: z.email() adds a string-format class to the worker.
  z.optional(
    z
      .string({ error: t('vendor.jumpcloudValue.email') })
      .check(z.regex(z.regexes.email, t('vendor.jumpcloudValue.email')), z.maxLength(254)),
  ),
);

/** Client ID and secret are opaque to Keyhold: printable, no spaces, a sane length. */
export const tokenSchema = (what: string) =>
  preprocess(
    trim,
    z
      .string({ error: t('vendor.value.enter', [what]) })
      .check(
        z.minLength(8, t('vendor.jumpcloudValue.short', [what])),
        z.maxLength(512, t('vendor.value.long', [what])),
        z.regex(/^[\x21-\x7e]+$/, t('vendor.jumpcloudValue.characters', [what])),
      ),
  );
