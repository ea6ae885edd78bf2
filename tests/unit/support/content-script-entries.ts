// Reads the content scripts of a source tree: the console families' generated entries
// (modules/content-scripts, from the family list and each console's folder) and any hand-written
// `entrypoints/*.content.ts`: which console modules each imports and passes to the shared watcher.
// Text only, so it also checks a scaffolded copy of the tree (tests/unit/new-vendor.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { familyEntries } from '../../../modules/content-scripts/family-entries';

export interface ContentScriptEntry {
  file: string;
  /** The family whose hosts it matches (`familyMatches('<family>')`). */
  matchesFamily: string | undefined;
  excludesFamily: string | undefined;
  /** Console ids of the `utils/vendors/<id>/console` modules it imports. */
  imported: string[];
  /** Those of them it hands to runConsoleScript. */
  started: string[];
  /** Whether it reaches a list over all consoles (which would bundle every recogniser). */
  importsAllConsoles: boolean;
}

/** The hand-written content scripts under entrypoints/ (the console families have none). */
export function handWrittenContentScripts(root: string): string[] {
  return fs
    .readdirSync(path.join(root, 'entrypoints'))
    .filter((file) => /\.content(\.[jt]sx?|)$/.test(file))
    .map((file) => `entrypoints/${file}`);
}

function parseEntry(file: string, source: string): ContentScriptEntry {
  const imports = [...source.matchAll(/import \{ (\w+) \} from '@\/utils\/vendors\/([a-z0-9-]+)\/console';/g)];
  const startedNames =
    /runConsoleScript\(ctx, \[([^\]]*)\]\)/
      .exec(source)?.[1]
      .split(',')
      .map((name) => name.trim()) ?? [];
  return {
    file,
    matchesFamily: /familyMatches\('([^']+)'\)/.exec(source)?.[1],
    excludesFamily: /familyExcludeMatches\('([^']+)'\)/.exec(source)?.[1],
    imported: imports.map((m) => m[2]),
    started: imports.filter((m) => startedNames.includes(m[1])).map((m) => m[2]),
    importsAllConsoles: /vendors\/(console-registry|registry)'/.test(source),
  };
}

export function readContentScriptEntries(root: string, families?: Readonly<Record<string, string>>): ContentScriptEntry[] {
  return [
    ...familyEntries(root, families).map((entry) => parseEntry(entry.file, entry.source)),
    ...handWrittenContentScripts(root)
      .filter((file) => fs.statSync(path.join(root, file)).isFile())
      .map((file) => parseEntry(file, fs.readFileSync(path.join(root, file), 'utf8'))),
  ].sort((a, b) => (a.file < b.file ? -1 : 1));
}
