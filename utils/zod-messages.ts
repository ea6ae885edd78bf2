// Plain English zod messages, kept short: zod's full English locale costs about 1.5 KB gzip in the
// service worker, and Keyhold's schemas carry their own wording wherever an admin reads it. A
// function, not a side effect, so utils/protocol.ts can call it when it builds its schema: the
// content script imports protocol.ts for sendRaw only, and a top-level call would put zod there.
import { z } from 'zod/mini';

type Issue = { code?: string; expected?: string; input?: unknown; origin?: string; minimum?: unknown; maximum?: unknown; keys?: string[]; format?: string };

function message(issue: Issue): string {
  const chars = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${issue.expected}, received ${issue.input === null ? 'null' : Array.isArray(issue.input) ? 'array' : typeof issue.input}`;
    case 'too_small':
      return `Too small: expected at least ${issue.minimum}${chars}`;
    case 'too_big':
      return `Too big: expected at most ${issue.maximum}${chars}`;
    case 'unrecognized_keys':
      return `Unrecognized key${(issue.keys?.length ?? 0) > 1 ? 's' : ''}: ${(issue.keys ?? []).map((key) => `"${key}"`).join(', ')}`;
    case 'invalid_format':
      return `Invalid ${issue.format ?? 'format'}`;
    case 'invalid_value':
      return 'Invalid option';
    default:
      return 'Invalid input';
  }
}

export function useEnglishMessages(): void {
  if (!z.config().localeError) z.config({ localeError: (issue) => message(issue as Issue) });
}
