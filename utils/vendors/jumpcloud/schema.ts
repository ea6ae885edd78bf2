// Value schemas shared by the two JumpCloud credential types. Pasted values are trimmed; blank
// optional fields from the add-by-hand form count as absent.
import { preprocess, z } from '../../zod';
import { regions } from './regions';

const trim = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
const blankAsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : trim(value));

export const regionSchema = preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
  z.enum(regions, { error: 'Choose the JumpCloud region: US, EU or IN (the console host tells: console.jumpcloud.com is US).' }),
);

export const orgIdSchema = preprocess(
  (value) => (typeof value === 'string' ? blankAsAbsent(value.toLowerCase()) : value),
  z.optional(z.string().check(z.regex(/^[0-9a-f]{24}$/, 'An organization ID is 24 hexadecimal characters (0-9, a-f).'))),
);

export const apiKeySchema = preprocess(
  trim,
  z
    .string({ error: 'Enter the API key.' })
    .check(
      z.regex(
        /^(jca_[A-Za-z0-9]{36}|[A-Za-z0-9]{40})$/,
        'A JumpCloud API key is "jca_" followed by 36 letters and digits (older keys: 40 letters and digits).',
      ),
    ),
);

export const adminEmailSchema = preprocess(
  (value) => (typeof value === 'string' ? blankAsAbsent(value.toLowerCase()) : value),
  z.optional(z.email({ error: 'The admin email does not look like an email address.' }).check(z.maxLength(254))),
);

/** Client ID and secret are opaque to Keyhold: printable, no spaces, a sane length. */
export const tokenSchema = (what: string) =>
  preprocess(
    trim,
    z
      .string({ error: `Enter the ${what}.` })
      .check(
        z.minLength(8, `The ${what} is too short.`),
        z.maxLength(512, `The ${what} is too long.`),
        z.regex(/^[\x21-\x7e]+$/, `The ${what} contains spaces or characters JumpCloud does not use.`),
      ),
  );
