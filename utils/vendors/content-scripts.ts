// Which in-page script carries each console. One content script per console family, so a console
// page loads only its family's recognisers (budget 12 KB gzip each, docs/architecture.md). The
// family's entry is `entrypoints/<family>.content.ts`, built as `content-scripts/<family>.js`; it
// imports exactly these consoles (tests/unit/content-scripts.test.ts checks both ways). Import-free
// apart from a type, so the background and wxt.config.ts can read it.
// Adding a console: one line here (the compiler asks); a new family also gets its entry
// (scripts/new-vendor.ts writes both).
import type { ConsoleId } from './vendor-ids';

export const contentScriptFamilies = {
  'jamf-pro': 'jamf',
  'jamf-protect': 'jamf',
  'jamf-school': 'jamf',
  'jamf-platform': 'jamf',
  jumpcloud: 'jumpcloud',
  apple: 'apple',
  iru: 'iru',
  // new-vendor: content scripts above this line
} as const satisfies Record<ConsoleId, string>;

export type ConsoleFamily = (typeof contentScriptFamilies)[ConsoleId];

/** The content script a console's pages run (also registered on its self-hosted origins). */
export function contentScriptFile(id: ConsoleId): string {
  return `/content-scripts/${contentScriptFamilies[id]}.js`;
}

/** The consoles one family's script carries. */
export function familyConsoleIds(family: ConsoleFamily): ConsoleId[] {
  return (Object.keys(contentScriptFamilies) as ConsoleId[]).filter((id) => contentScriptFamilies[id] === family);
}
