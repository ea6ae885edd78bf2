// Which in-page script carries each console. One content script per console family, so a console
// page loads only its family's recognisers (budget 12 KB gzip each, docs/architecture.md). No one
// writes a family's entry: modules/content-scripts generates it at build time from this list and
// each console's own `utils/vendors/<id>/console.ts`, and WXT builds it as
// `content-scripts/<family>.js` (tests/unit/content-scripts.test.ts checks both ways). Import-free
// apart from a type, so the background, wxt.config.ts and that module can read it.
// Adding a console: one line here (the compiler asks); a new family name is a new content script.
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
