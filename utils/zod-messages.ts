// Keyhold's own short zod messages, in the admin's language: zod's full locales cost about 1.5 KB
// gzip each in the service worker, and Keyhold's schemas carry their own wording wherever an admin
// reads it. A function, not a side effect, so utils/protocol.ts can call it when it builds its
// schema: the content script imports protocol.ts for sendRaw only, and a top-level call would put
// zod there.
import { z } from 'zod/mini';
import { t } from './i18n/translate';

type Issue = {
  code?: string;
  expected?: string;
  input?: unknown;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  keys?: string[];
  format?: string;
};

function message(issue: Issue): string {
  const bound: [string] = [String(issue.code === 'too_small' ? issue.minimum : issue.maximum)];
  switch (issue.code) {
    case 'invalid_type':
      return t('bg.zod.type', [
        issue.expected ?? '',
        issue.input === null ? 'null' : Array.isArray(issue.input) ? 'array' : typeof issue.input,
      ]);
    case 'too_small':
      if (issue.origin === 'string') return t('bg.zod.tooSmallChars', bound);
      return issue.origin === 'array' ? t('bg.zod.tooSmallItems', bound) : t('bg.zod.tooSmall', bound);
    case 'too_big':
      if (issue.origin === 'string') return t('bg.zod.tooBigChars', bound);
      return issue.origin === 'array' ? t('bg.zod.tooBigItems', bound) : t('bg.zod.tooBig', bound);
    case 'unrecognized_keys': {
      const keys = (issue.keys ?? []).map((key) => `"${key}"`).join(', ');
      return (issue.keys?.length ?? 0) > 1 ? t('bg.zod.unknownKeys', [keys]) : t('bg.zod.unknownKey', [keys]);
    }
    case 'invalid_format':
      return issue.format ? t('bg.zod.formatOf', [issue.format]) : t('bg.zod.format');
    case 'invalid_value':
      return t('bg.zod.option');
    default:
      return t('bg.zod.input');
  }
}

export function useKeyholdMessages(): void {
  if (!z.config().localeError) z.config({ localeError: (issue) => message(issue as Issue) });
}
