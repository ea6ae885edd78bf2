// English zod messages, as classic zod sets them on first use. A function, not a side effect, so
// utils/protocol.ts can call it when it builds its schema: the content script imports protocol.ts
// for sendRaw only, and a top-level call would put zod into the in-page script.
import { z } from 'zod/mini';

export function useEnglishMessages(): void {
  if (!z.config().localeError) z.config(z.locales.en());
}
